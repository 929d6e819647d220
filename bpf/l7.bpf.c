// SPDX-License-Identifier: GPL-2.0
/* L7 payloads: the first RC_PAYLOAD_MAX bytes of each read or write on a tracked socket that speaks HTTP/1.x,
 * PostgreSQL or Redis, plus its full length. Specific syscall tracepoints only (raw_tp/sys_enter fires for every syscall). Entry looks the
 * socket up and stashes the buffer in task storage; exit copies what the syscall actually moved. */
#include "include/rc_maps.h"

char LICENSE[] SEC("license") = "GPL";

#define RC_STATS_INTERVAL_NS 1000000000ULL

static __always_inline void rc_sample_stats(struct rc_conn *conn, __u32 tgid, __s32 fd)
{
	/* Long-lived connections would otherwise report RTT and bytes only when they close. */
	__u64 now = bpf_ktime_get_ns();
	if (now - conn->stats_ns < RC_STATS_INTERVAL_NS)
		return;
	conn->stats_ns = now;
	const struct sock *sk = (const struct sock *)conn->sk;
	struct rc_conn_event *event = rc_reserve_conn_event(RC_EV_STATS);
	if (!event)
		return;
	event->conn_id = conn->id;
	event->pid = tgid;
	event->fd = fd;
	event->role = conn->role;
	rc_fill_tcp_stats(event, sk);
	bpf_ringbuf_submit(event, rc_wakeup_flag());
}

static __always_inline int rc_enter_io(__u32 fd, __u64 buf, __u8 direction, __u8 buf_kind)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 key = rc_conn_key(tgid, fd);
	struct rc_conn *conn = bpf_map_lookup_elem(&rc_conns, &key);
	if (!conn)
		return 0;
	rc_sample_stats(conn, tgid, (__s32)fd);
	if (conn->proto == RC_PROTO_OPAQUE)
		return 0;
	struct rc_pending *pending =
		bpf_task_storage_get(&rc_pending_ops, bpf_get_current_task_btf(), 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!pending)
		return 0;
	pending->op = RC_OP_IO;
	pending->conn_id = conn->id;
	pending->conn_key = key;
	pending->buf = buf;
	pending->fd = (__s32)fd;
	pending->direction = direction;
	pending->buf_kind = buf_kind;
	pending->proto = conn->proto;
	pending->lost = conn->lost;
	conn->lost = 0;
	return 0;
}

/* HTTP/1.x messages start with a method or, for responses, "HTTP/". Four bytes tell them apart. */
static __always_inline bool rc_looks_like_http1(const __u8 *p)
{
	__u32 head = (__u32)p[0] | ((__u32)p[1] << 8) | ((__u32)p[2] << 16) | ((__u32)p[3] << 24);
#define RC_FOUR(a, b, c, d) ((__u32)(a) | ((__u32)(b) << 8) | ((__u32)(c) << 16) | ((__u32)(d) << 24))
	return head == RC_FOUR('G', 'E', 'T', ' ') || head == RC_FOUR('P', 'O', 'S', 'T') ||
	       head == RC_FOUR('P', 'U', 'T', ' ') || head == RC_FOUR('H', 'E', 'A', 'D') ||
	       head == RC_FOUR('D', 'E', 'L', 'E') || head == RC_FOUR('P', 'A', 'T', 'C') ||
	       head == RC_FOUR('O', 'P', 'T', 'I') || head == RC_FOUR('H', 'T', 'T', 'P');
#undef RC_FOUR
}

#define RC_PG_SSL_REQUEST 80877103
#define RC_PG_GSSENC_REQUEST 80877104
#define RC_PG_CANCEL_REQUEST 80877102
#define RC_PG_MAX_STARTUP 10000   /* the server's MAX_STARTUP_PACKET_LENGTH */

/* What a connection speaks, from its first bytes; the same on both sides, since a server's first read is its
 * client's first write. PostgreSQL: the untyped first message (int32 length, int32 code), a StartupMessage of
 * protocol 3.x or an SSLRequest, GSSENCRequest or CancelRequest. Redis: a RESP array of bulk strings ('*', a digit);
 * inline commands are not recognised. `p` holds at least RC_PAYLOAD_SMALL bytes, `captured` of them valid. */
static __always_inline __u8 rc_sniff(const __u8 *p, __u64 captured)
{
	if (rc_looks_like_http1(p))
		return RC_PROTO_HTTP1;
	if (p[0] == '*' && p[1] >= '1' && p[1] <= '9')
		return RC_PROTO_REDIS;
	if (captured < 8)
		return RC_PROTO_OPAQUE;
	__u32 length = ((__u32)p[0] << 24) | ((__u32)p[1] << 16) | ((__u32)p[2] << 8) | p[3];
	__u32 code = ((__u32)p[4] << 24) | ((__u32)p[5] << 16) | ((__u32)p[6] << 8) | p[7];
	if ((code >> 16) == 3 && length > 8 && length <= RC_PG_MAX_STARTUP)
		return RC_PROTO_POSTGRES;
	if ((length == 8 && (code == RC_PG_SSL_REQUEST || code == RC_PG_GSSENC_REQUEST)) ||
	    (length == 16 && code == RC_PG_CANCEL_REQUEST))
		return RC_PROTO_POSTGRES;
	return RC_PROTO_OPAQUE;
}

static __always_inline void rc_set_proto(__u64 key, __u64 conn_id, __u8 proto)
{
	struct rc_conn *conn = bpf_map_lookup_elem(&rc_conns, &key);
	if (conn && conn->id == conn_id)
		conn->proto = proto;
}

/* Reserves only the header and `cap` payload bytes: most messages are small, and the ring fills by
 * reserved size, not by bytes written. `cap` is a constant at each call site. */
static __always_inline int rc_emit_data(struct rc_pending *pending, __u64 base, __u64 segment, long ret, const __u32 cap)
{
	struct rc_data_event *event = bpf_ringbuf_reserve(&rc_events, RC_DATA_HEADER + cap, 0);
	if (!event) {
		rc_count(RC_CNT_DATA_LOST);
		struct rc_conn *conn = bpf_map_lookup_elem(&rc_conns, &pending->conn_key);
		if (conn && conn->id == pending->conn_id)
			conn->lost = 1;
		return 0;
	}
	__u64 captured = segment < cap ? segment : cap;
	/* Pin the clamped value in one register so the verifier sees its bound at the copy. */
	asm volatile("" : "+r"(captured));
	if (bpf_probe_read_user(event->payload, captured, (void *)base) != 0)
		captured = 0;

	__u8 proto = pending->proto;
	if (proto == RC_PROTO_UNKNOWN) {
		/* Sniff once: a connection that starts with no protocol we parse is never copied again. */
		if (captured < 4) {
			bpf_ringbuf_discard(event, BPF_RB_NO_WAKEUP);
			return 0;
		}
		proto = rc_sniff(event->payload, captured);
		rc_set_proto(pending->conn_key, pending->conn_id, proto);
		if (proto == RC_PROTO_OPAQUE) {
			rc_count(RC_CNT_OPAQUE_CONNS);
			bpf_ringbuf_discard(event, BPF_RB_NO_WAKEUP);
			return 0;
		}
	}

	__u8 flags = pending->lost ? RC_DIR_AFTER_LOSS : 0;
	if (cap == RC_PAYLOAD_MAX && proto == RC_PROTO_POSTGRES && segment > cap && segment == (__u64)ret) {
		/* Same record size: the last bytes replace the end of the head (see RC_PAYLOAD_TAIL). */
		if (bpf_probe_read_user(event->payload + RC_PAYLOAD_MAX - RC_PAYLOAD_TAIL, RC_PAYLOAD_TAIL,
					(void *)(base + segment - RC_PAYLOAD_TAIL)) == 0)
			flags |= RC_DIR_TAIL;
		else
			captured = RC_PAYLOAD_MAX - RC_PAYLOAD_TAIL; /* the failed read zeroed the tail's place */
	}

	event->kind = RC_EV_DATA;
	event->direction = pending->direction | (proto << RC_DIR_PROTO_SHIFT) | flags;
	event->captured = (__u16)captured;
	event->length = (__u32)ret;
	event->conn_id = pending->conn_id;
	event->timestamp_ns = bpf_ktime_get_ns();
	bpf_ringbuf_submit(event, rc_wakeup_flag());
	return 0;
}

static __always_inline int rc_exit_io(long ret)
{
	struct rc_pending *pending = bpf_task_storage_get(&rc_pending_ops, bpf_get_current_task_btf(), 0, 0);
	if (!pending || pending->op != RC_OP_IO)
		return 0;
	pending->op = RC_OP_NONE;
	if (ret <= 0)
		return 0;

	/* Resolve the first buffer segment: the parsers need the start of the message, not all of it. */
	__u64 base = pending->buf;
	__u64 segment = (__u64)ret;
	if (pending->buf_kind != RC_BUF_PLAIN) {
		__u64 iov_addr = base;
		if (pending->buf_kind == RC_BUF_MSGHDR) {
			struct rc_user_msghdr msg = {};
			if (bpf_probe_read_user(&msg, sizeof(msg), (void *)base) != 0)
				return 0;
			iov_addr = (__u64)msg.msg_iov;
		}
		struct rc_iovec iov = {};
		if (bpf_probe_read_user(&iov, sizeof(iov), (void *)iov_addr) != 0)
			return 0;
		base = (__u64)iov.iov_base;
		if (iov.iov_len < segment)
			segment = iov.iov_len;
	}

	if (segment <= RC_PAYLOAD_SMALL)
		return rc_emit_data(pending, base, segment, ret, RC_PAYLOAD_SMALL);
	return rc_emit_data(pending, base, segment, ret, RC_PAYLOAD_MAX);
}

#define RC_IO_PAIR(name, direction, buf_kind)                                   \
	SEC("tracepoint/syscalls/sys_enter_" #name)                             \
	int rc_enter_##name(struct rc_sys_enter_ctx *ctx)                       \
	{                                                                       \
		return rc_enter_io((__u32)ctx->args[0], ctx->args[1], direction, buf_kind); \
	}                                                                       \
	SEC("tracepoint/syscalls/sys_exit_" #name)                              \
	int rc_exit_##name(struct rc_sys_exit_ctx *ctx)                         \
	{                                                                       \
		return rc_exit_io(ctx->ret);                                    \
	}

RC_IO_PAIR(read, RC_DIR_INGRESS, RC_BUF_PLAIN)
RC_IO_PAIR(recvfrom, RC_DIR_INGRESS, RC_BUF_PLAIN)
RC_IO_PAIR(readv, RC_DIR_INGRESS, RC_BUF_IOVEC)
RC_IO_PAIR(recvmsg, RC_DIR_INGRESS, RC_BUF_MSGHDR)
RC_IO_PAIR(write, RC_DIR_EGRESS, RC_BUF_PLAIN)
RC_IO_PAIR(sendto, RC_DIR_EGRESS, RC_BUF_PLAIN)
RC_IO_PAIR(writev, RC_DIR_EGRESS, RC_BUF_IOVEC)
RC_IO_PAIR(sendmsg, RC_DIR_EGRESS, RC_BUF_MSGHDR)
