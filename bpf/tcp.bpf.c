// SPDX-License-Identifier: GPL-2.0
/* Network quality per connection: retransmitted segments and resets, in whatever context they happen. */
#include "include/rc_maps.h"

char LICENSE[] SEC("license") = "GPL";

static __always_inline void rc_emit_tcp(__u8 kind, const struct sock *sk, __u8 flags)
{
	if (!sk)
		return;
	__u64 sk_key = (__u64)sk;
	struct rc_owner *owner = bpf_map_lookup_elem(&rc_owners, &sk_key);
	/* Only sockets the agent tracks: their owner names the edge's source. */
	if (!owner)
		return;
	struct rc_conn_event *event = rc_reserve_conn_event(kind);
	if (!event)
		return;
	rc_fill_owner(event, owner);
	rc_fill_tuple(event, sk);
	event->flags = flags;
	bpf_ringbuf_submit(event, rc_wakeup_flag());
}

SEC("tp_btf/tcp_retransmit_skb")
int BPF_PROG(rc_tcp_retransmit, const struct sock *sk)
{
	rc_emit_tcp(RC_EV_RETRANSMIT, sk, 0);
	return 0;
}

SEC("tp_btf/tcp_send_reset")
int BPF_PROG(rc_tcp_send_reset, const struct sock *sk)
{
	rc_emit_tcp(RC_EV_RESET, sk, 0);
	return 0;
}

SEC("tp_btf/tcp_receive_reset")
int BPF_PROG(rc_tcp_receive_reset, struct sock *sk)
{
	rc_emit_tcp(RC_EV_RESET, sk, 1);
	return 0;
}

/* A packet freed as a drop. Only TCP sockets count: one the agent tracks (its owner names the edge), or an
 * untracked full socket whose peer may be a tracked client on this node (a server in another network
 * namespace that nobody accepted yet, a pod's socket): user space matches that one by its tuple. The drop
 * reason is the kernel's enum skb_drop_reason (5.17+); user space names it from the tracefs format. */
SEC("tp_btf/kfree_skb")
int BPF_PROG(rc_kfree_skb, struct sk_buff *skb, void *location, int reason)
{
	struct sock *sk = BPF_CORE_READ(skb, sk);
	if (!sk)
		return 0;
	/* Time-wait and request sockets are not full sockets: their protocol and owner fields do not exist. */
	unsigned char state = BPF_CORE_READ(sk, __sk_common.skc_state);
	if (state == TCP_TIME_WAIT || state == TCP_NEW_SYN_RECV || BPF_CORE_READ(sk, sk_protocol) != IPPROTO_TCP)
		return 0;
	unsigned short family = BPF_CORE_READ(sk, __sk_common.skc_family);
	if (family != AF_INET && family != AF_INET6)
		return 0;
	__u64 sk_key = (__u64)sk;
	struct rc_owner *owner = bpf_map_lookup_elem(&rc_owners, &sk_key);
	struct rc_conn_event *event = rc_reserve_conn_event(RC_EV_DROP);
	if (!event)
		return 0;
	if (owner)
		rc_fill_owner(event, owner);
	rc_fill_tuple(event, sk);
	event->drop_reason = (__u32)reason;
	bpf_ringbuf_submit(event, rc_wakeup_flag());
	return 0;
}
