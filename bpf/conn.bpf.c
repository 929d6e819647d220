// SPDX-License-Identifier: GPL-2.0
/* Connection life: who owns which TCP socket, connects and their failures, closes with final stats.
 * Tracepoints only (no kprobes, no fentry): syscalls for ownership, sock:inet_sock_set_state for state. */
#include "include/rc_maps.h"

char LICENSE[] SEC("license") = "GPL";

/* Remembers the fd being connected so that the SYN_SENT transition, which runs inside connect(2) in
 * the caller's context, can key the new socket by (tgid, fd). */
SEC("tracepoint/syscalls/sys_enter_connect")
int rc_enter_connect(struct rc_sys_enter_ctx *ctx)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct rc_pending *pending = bpf_task_storage_get(&rc_pending_ops, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!pending)
		return 0;
	pending->op = RC_OP_CONNECT;
	pending->fd = (__s32)ctx->args[0];
	return 0;
}

SEC("tracepoint/syscalls/sys_exit_connect")
int rc_exit_connect(struct rc_sys_exit_ctx *ctx)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct rc_pending *pending = bpf_task_storage_get(&rc_pending_ops, task, 0, 0);
	if (pending && pending->op == RC_OP_CONNECT)
		pending->op = RC_OP_NONE;
	return 0;
}

static __always_inline void rc_track(__u32 tgid, __s32 fd, __u64 sk, __u64 conn_id, __u8 role)
{
	if (fd < 0)
		return;
	struct rc_conn conn = {};
	conn.id = conn_id;
	conn.sk = sk;
	conn.role = role;
	__u64 key = rc_conn_key(tgid, (__u32)fd);
	if (bpf_map_update_elem(&rc_conns, &key, &conn, BPF_ANY) != 0)
		rc_count(RC_CNT_CONN_TABLE_FULL);
}

static __always_inline void rc_untrack(const struct rc_owner *owner)
{
	if (owner->fd < 0)
		return;
	__u64 key = rc_conn_key(owner->pid, (__u32)owner->fd);
	struct rc_conn *conn = bpf_map_lookup_elem(&rc_conns, &key);
	/* The fd may already name a newer connection: only remove our own entry. */
	if (conn && conn->id == owner->conn_id)
		bpf_map_delete_elem(&rc_conns, &key);
}

static __always_inline int rc_on_accept(long ret)
{
	if (ret < 0)
		return 0;
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tgid = pid_tgid >> 32;
	if (rc_is_self(tgid))
		return 0;

	/* accept(2) only returns sockets, so the file's private_data is a struct socket. */
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct file **fds = BPF_CORE_READ(task, files, fdt, fd);
	unsigned int max_fds = BPF_CORE_READ(task, files, fdt, max_fds);
	if (!fds || (unsigned long)ret >= max_fds)
		return 0;
	struct file *file = 0;
	bpf_probe_read_kernel(&file, sizeof(file), &fds[ret]);
	if (!file)
		return 0;
	struct socket *socket = BPF_CORE_READ(file, private_data);
	struct sock *sk = BPF_CORE_READ(socket, sk);
	if (!sk)
		return 0;
	unsigned short family = BPF_CORE_READ(sk, __sk_common.skc_family);
	if ((family != AF_INET && family != AF_INET6) || BPF_CORE_READ(sk, sk_protocol) != IPPROTO_TCP ||
	    BPF_CORE_READ(sk, sk_type) != SOCK_STREAM)
		return 0;

	struct rc_owner owner = {};
	owner.conn_id = rc_next_conn_id();
	owner.start_ns = bpf_ktime_get_ns();
	owner.pid = tgid;
	owner.fd = (__s32)ret;
	owner.role = RC_ROLE_SERVER;
	rc_leader_comm(owner.comm);
	__u64 sk_key = (__u64)sk;
	if (bpf_map_update_elem(&rc_owners, &sk_key, &owner, BPF_ANY) != 0) {
		rc_count(RC_CNT_OWNER_TABLE_FULL);
		return 0;
	}
	rc_track(tgid, owner.fd, sk_key, owner.conn_id, RC_ROLE_SERVER);
	struct rc_accepted *accepted = bpf_task_storage_get(&rc_last_accept, bpf_get_current_task_btf(), 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (accepted) {
		accepted->conn_id = owner.conn_id;
		accepted->fd = owner.fd;
	}

	struct rc_conn_event *event = rc_reserve_conn_event(RC_EV_OPEN);
	if (!event)
		return 0;
	rc_fill_owner(event, &owner);
	rc_fill_tuple(event, sk);
	bpf_ringbuf_submit(event, rc_wakeup_flag());
	return 0;
}

SEC("tracepoint/syscalls/sys_exit_accept4")
int rc_exit_accept4(struct rc_sys_exit_ctx *ctx)
{
	return rc_on_accept(ctx->ret);
}

SEC("tracepoint/syscalls/sys_exit_accept")
int rc_exit_accept(struct rc_sys_exit_ctx *ctx)
{
	return rc_on_accept(ctx->ret);
}

/* A pre-fork server (PostgreSQL's postmaster) accepts, forks, closes its copy and lets the child talk: the child's
 * (tgid, fd) becomes the connection's and the socket's owner, so that its reads are parsed and the connection is
 * untracked when it closes (a backend exits without close(2)). Only a connection nothing was read from or written
 * to yet is handed over; a thread that starts (same tgid) inherits nothing. */
SEC("tp_btf/sched_process_fork")
int BPF_PROG(rc_process_fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 parent_tgid = parent->tgid;
	__u32 child_tgid = child->tgid;
	if (child_tgid == parent_tgid)
		return 0;
	struct rc_accepted *accepted = bpf_task_storage_get(&rc_last_accept, bpf_get_current_task_btf(), 0, 0);
	if (!accepted || accepted->fd < 0)
		return 0;
	__u64 key = rc_conn_key(parent_tgid, (__u32)accepted->fd);
	struct rc_conn *conn = bpf_map_lookup_elem(&rc_conns, &key);
	if (!conn || conn->id != accepted->conn_id || conn->proto != RC_PROTO_UNKNOWN)
		return 0;
	struct rc_conn copy = *conn;
	__u64 child_key = rc_conn_key(child_tgid, (__u32)accepted->fd);
	if (bpf_map_update_elem(&rc_conns, &child_key, &copy, BPF_ANY) != 0) {
		rc_count(RC_CNT_CONN_TABLE_FULL);
		return 0;
	}
	__u64 sk_key = copy.sk;
	struct rc_owner *owner = bpf_map_lookup_elem(&rc_owners, &sk_key);
	if (owner && owner->conn_id == copy.id)
		owner->pid = child_tgid;
	return 0;
}

/* close(2) ends the (tgid, fd) identity at once, so a file that reuses the number is never parsed. */
SEC("tracepoint/syscalls/sys_enter_close")
int rc_enter_close(struct rc_sys_enter_ctx *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 key = rc_conn_key(tgid, (__u32)ctx->args[0]);
	bpf_map_delete_elem(&rc_conns, &key);
	return 0;
}

static __always_inline void rc_on_syn_sent(const struct sock *sk)
{
	/* Runs inside connect(2): the current task owns the socket. */
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	if (rc_is_self(tgid))
		return;
	struct rc_owner owner = {};
	owner.conn_id = rc_next_conn_id();
	owner.start_ns = bpf_ktime_get_ns();
	owner.pid = tgid;
	owner.fd = -1;
	owner.role = RC_ROLE_CLIENT;
	rc_leader_comm(owner.comm);
	struct task_struct *task = bpf_get_current_task_btf();
	struct rc_pending *pending = bpf_task_storage_get(&rc_pending_ops, task, 0, 0);
	if (pending && pending->op == RC_OP_CONNECT)
		owner.fd = pending->fd;
	__u64 sk_key = (__u64)sk;
	if (bpf_map_update_elem(&rc_owners, &sk_key, &owner, BPF_ANY) != 0) {
		rc_count(RC_CNT_OWNER_TABLE_FULL);
		return;
	}
	/* Tracked now so that data written right after a non-blocking connect is not missed. */
	rc_track(tgid, owner.fd, sk_key, owner.conn_id, RC_ROLE_CLIENT);
}

SEC("tp_btf/inet_sock_set_state")
int BPF_PROG(rc_sock_set_state, const struct sock *sk, const int oldstate, const int newstate)
{
	if (sk->sk_protocol != IPPROTO_TCP)
		return 0;
	if (oldstate == TCP_CLOSE && newstate == TCP_SYN_SENT) {
		rc_on_syn_sent(sk);
		return 0;
	}

	__u64 sk_key = (__u64)sk;
	struct rc_owner *owner = bpf_map_lookup_elem(&rc_owners, &sk_key);
	if (!owner)
		return 0;

	if (oldstate == TCP_SYN_SENT && newstate == TCP_ESTABLISHED) {
		/* The local port is known only now (it is picked after SYN_SENT is set). */
		struct rc_conn_event *event = rc_reserve_conn_event(RC_EV_OPEN);
		if (!event)
			return 0;
		rc_fill_owner(event, owner);
		rc_fill_tuple(event, sk);
		event->srtt_us = (__u32)((bpf_ktime_get_ns() - owner->start_ns) / 1000); /* connect time */
		bpf_ringbuf_submit(event, rc_wakeup_flag());
		return 0;
	}

	if (newstate != TCP_CLOSE)
		return 0;

	struct rc_conn_event *event =
		rc_reserve_conn_event(oldstate == TCP_SYN_SENT ? RC_EV_CONNECT_FAIL : RC_EV_CLOSE);
	if (event) {
		rc_fill_owner(event, owner);
		rc_fill_tuple(event, sk);
		rc_fill_tcp_stats(event, sk);
		bpf_ringbuf_submit(event, rc_wakeup_flag());
	}
	rc_untrack(owner);
	bpf_map_delete_elem(&rc_owners, &sk_key);
	return 0;
}
