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
