// SPDX-License-Identifier: GPL-2.0
/* Per-process resource events: OOM kills, and run-queue delay (time a runnable thread waited for a CPU).
 * Run-queue delay is measured only for processes in rc_rq_pids (the instances the agent reports): the
 * scheduler hooks fire on every context switch, so for everyone else they cost one hash lookup at most. */
#include "include/rc_maps.h"

char LICENSE[] SEC("license") = "GPL";

static __always_inline bool rc_rq_watched(const struct task_struct *task)
{
	__u32 tgid = task->tgid;
	return bpf_map_lookup_elem(&rc_rq_pids, &tgid) != 0;
}

static __always_inline void rc_rq_mark_runnable(struct task_struct *task)
{
	if (!rc_rq_watched(task))
		return;
	__u64 *since = bpf_task_storage_get(&rc_rq_runnable, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (since)
		*since = bpf_ktime_get_ns();
}

static __always_inline bool rc_still_runnable(bool preempt, const struct task_struct *prev)
{
	/* Preempted, or TASK_RUNNING (0) at switch-out (a yield): it waits in the run queue again. Direct
	 * loads from the trusted task pointer: no probe_read on the hottest hook there is. */
	if (preempt)
		return true;
	if (bpf_core_field_exists(prev->__state))
		return prev->__state == 0;
	return BPF_CORE_READ((const struct task_struct___pre514 *)prev, state) == 0;
}

SEC("tp_btf/sched_wakeup")
int BPF_PROG(rc_sched_wakeup, struct task_struct *task)
{
	rc_rq_mark_runnable(task);
	return 0;
}

SEC("tp_btf/sched_wakeup_new")
int BPF_PROG(rc_sched_wakeup_new, struct task_struct *task)
{
	rc_rq_mark_runnable(task);
	return 0;
}

SEC("tp_btf/sched_switch")
int BPF_PROG(rc_sched_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	if (rc_still_runnable(preempt, prev))
		rc_rq_mark_runnable(prev);

	/* No create: a thread never marked runnable has no storage and costs nothing more. */
	__u64 *since = bpf_task_storage_get(&rc_rq_runnable, next, 0, 0);
	if (!since || *since == 0)
		return 0;
	__u64 waited = bpf_ktime_get_ns() - *since;
	*since = 0;
	__u32 tgid = next->tgid;
	struct rc_rq_delay *delay = bpf_map_lookup_elem(&rc_rq_pids, &tgid);
	if (delay) {
		__sync_fetch_and_add(&delay->delay_ns, waited);
		__sync_fetch_and_add(&delay->waits, 1);
	}
	return 0;
}

SEC("tp_btf/mark_victim")
int BPF_PROG(rc_oom_mark_victim, struct task_struct *task)
{
	struct rc_task_event *event = bpf_ringbuf_reserve(&rc_events, sizeof(*event), 0);
	if (!event) {
		rc_count(RC_CNT_TASK_LOST);
		return 0;
	}
	__builtin_memset(event, 0, sizeof(*event));
	event->kind = RC_EV_OOM_KILL;
	event->pid = task->tgid;
	event->timestamp_ns = bpf_ktime_get_ns();
	bpf_core_read_str(event->comm, sizeof(event->comm), &task->group_leader->comm);
	/* Rare and wanted at once. */
	bpf_ringbuf_submit(event, 0);
	return 0;
}
