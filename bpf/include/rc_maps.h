/* Maps and small helpers shared by every probe family. The maps are weak so that each object file can
 * declare them and `bpftool gen object` links them into one set. Names carry the rc_ prefix because
 * kernel headers define many common names. */
#ifndef RC_MAPS_H
#define RC_MAPS_H

#include "rc_kernel.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_tracing.h>
#include "rc_events.h"

#define RC_MAX_CONNS 65536

/* A tracked socket as the process sees it: key (tgid << 32) | fd. */
struct rc_conn {
	__u64 id;
	__u64 sk;
	__u64 stats_ns;           /* last RC_EV_STATS sample */
	__u8 role;
	__u8 proto;
	__u8 lost;                /* a data event of this connection was dropped: the next one says so */
	__u8 pad[5];
};

/* Who owns a socket; lets softirq-context hooks (state changes, retransmits) name the process. */
struct rc_owner {
	__u64 conn_id;
	__u64 start_ns;
	__u32 pid;
	__s32 fd;
	__u8 role;
	__u8 pad[7];
	char comm[16];
};

enum rc_pending_op {
	RC_OP_NONE = 0,
	RC_OP_CONNECT = 1,
	RC_OP_IO = 2,
};

enum rc_buf_kind {
	RC_BUF_PLAIN = 0,
	RC_BUF_IOVEC = 1,
	RC_BUF_MSGHDR = 2,
};

/* Per-thread state between a syscall's entry and exit (task storage: no hash update per syscall). */
struct rc_pending {
	__u64 conn_id;
	__u64 conn_key;
	__u64 buf;
	__s32 fd;
	__u8 op;
	__u8 direction;
	__u8 buf_kind;
	__u8 proto;
	__u8 lost;
	__u8 pad[7];
};

/* The connection a thread accepted last. A pre-fork server (PostgreSQL's postmaster) accepts, forks, and lets the
 * child read and write: the child inherits the socket under the same fd. */
struct rc_accepted {
	__u64 conn_id;
	__s32 fd;
	__u32 pad;
};

struct rc_config {
	__u32 self_pid;           /* the agent: its own traffic is never tracked */
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, RC_MAX_CONNS);
	__type(key, __u64);
	__type(value, struct rc_conn);
} rc_conns SEC(".maps") __weak;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, RC_MAX_CONNS);
	__type(key, __u64);
	__type(value, struct rc_owner);
} rc_owners SEC(".maps") __weak;

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct rc_pending);
} rc_pending_ops SEC(".maps") __weak;

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct rc_accepted);
} rc_last_accept SEC(".maps") __weak;

/* Processes whose run-queue delay is measured: the agent inserts the pids of the instances it sees and
 * reads the sums each interval; the scheduler hooks do nothing for any other process. */
#define RC_MAX_RQ_PIDS 4096

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, RC_MAX_RQ_PIDS);
	__type(key, __u32);
	__type(value, struct rc_rq_delay);
} rc_rq_pids SEC(".maps") __weak;

/* When a watched thread became runnable (woken, or preempted while running); 0 once it ran. */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} rc_rq_runnable SEC(".maps") __weak;

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 * 1024 * 1024);
} rc_events SEC(".maps") __weak;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct rc_config);
} rc_config_map SEC(".maps") __weak;

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, RC_CNT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} rc_counters SEC(".maps") __weak;

/* Wake the consumer only when a quarter of the ring is pending; otherwise it polls on a timer.
 * One wake-up per event costs more than the probes themselves. */
#define RC_WAKEUP_BYTES (4 * 1024 * 1024)

static __always_inline __u64 rc_wakeup_flag(void)
{
	return bpf_ringbuf_query(&rc_events, BPF_RB_AVAIL_DATA) >= RC_WAKEUP_BYTES ? BPF_RB_FORCE_WAKEUP
										 : BPF_RB_NO_WAKEUP;
}

static __always_inline void rc_count(__u32 counter)
{
	__u64 *value = bpf_map_lookup_elem(&rc_counters, &counter);
	if (value)
		*value += 1;
}

static __always_inline bool rc_is_self(__u32 tgid)
{
	__u32 zero = 0;
	struct rc_config *config = bpf_map_lookup_elem(&rc_config_map, &zero);
	return config && config->self_pid == tgid;
}

static __always_inline __u64 rc_conn_key(__u32 tgid, __u32 fd)
{
	return ((__u64)tgid << 32) | fd;
}

static __always_inline __u64 rc_next_conn_id(void)
{
	/* Unique across CPUs without a shared counter: no two connections open in the same nanosecond
	 * on one CPU, and the low byte names the CPU. */
	return (bpf_ktime_get_ns() << 8) | (bpf_get_smp_processor_id() & 0xff);
}

/* The process's name, not the calling thread's (".NET TP Worker", "java" threads...). */
static __always_inline void rc_leader_comm(char comm[16])
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct task_struct *leader = BPF_CORE_READ(task, group_leader);
	bpf_core_read_str(comm, 16, &leader->comm);
}

/* Fills the tuple of a socket; ports in host order, addresses in network order. */
static __always_inline void rc_fill_tuple(struct rc_conn_event *event, const struct sock *sk)
{
	unsigned short family = BPF_CORE_READ(sk, __sk_common.skc_family);
	event->family = (__u8)family;
	if (family == AF_INET) {
		__be32 local = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		__be32 remote = BPF_CORE_READ(sk, __sk_common.skc_daddr);
		__builtin_memcpy(event->local_addr, &local, 4);
		__builtin_memcpy(event->remote_addr, &remote, 4);
	} else {
		BPF_CORE_READ_INTO(&event->local_addr, sk, __sk_common.skc_v6_rcv_saddr.in6_u.u6_addr8);
		BPF_CORE_READ_INTO(&event->remote_addr, sk, __sk_common.skc_v6_daddr.in6_u.u6_addr8);
	}
	__u16 local_port = BPF_CORE_READ(sk, __sk_common.skc_num);
	if (local_port == 0) {
		/* At TCP_CLOSE skc_num is already cleared. */
		__be16 sport = BPF_CORE_READ((struct inet_sock *)sk, inet_sport);
		local_port = __builtin_bswap16(sport);
	}
	event->local_port = local_port;
	event->remote_port = __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
}

static __always_inline void rc_fill_tcp_stats(struct rc_conn_event *event, const struct sock *sk)
{
	const struct tcp_sock *tp = (const struct tcp_sock *)sk;
	event->srtt_us = BPF_CORE_READ(tp, srtt_us) >> 3; /* the kernel keeps srtt << 3 */
	event->total_retrans = BPF_CORE_READ(tp, total_retrans);
	event->bytes_acked = BPF_CORE_READ(tp, bytes_acked);
	event->bytes_received = BPF_CORE_READ(tp, bytes_received);
}

/* Reserves and zero-fills a connection event; NULL (counted) when the ring is full. */
static __always_inline struct rc_conn_event *rc_reserve_conn_event(__u8 kind)
{
	struct rc_conn_event *event = bpf_ringbuf_reserve(&rc_events, sizeof(*event), 0);
	if (!event) {
		rc_count(RC_CNT_CONN_LOST);
		return 0;
	}
	__builtin_memset(event, 0, sizeof(*event));
	event->kind = kind;
	event->timestamp_ns = bpf_ktime_get_ns();
	return event;
}

static __always_inline void rc_fill_owner(struct rc_conn_event *event, const struct rc_owner *owner)
{
	event->conn_id = owner->conn_id;
	event->pid = owner->pid;
	event->fd = owner->fd;
	event->role = owner->role;
	__builtin_memcpy(event->comm, owner->comm, sizeof(event->comm));
}

#endif
