/* Curated kernel types for CO-RE: only the fields the probes read. libbpf relocates every access against
 * the running kernel's BTF (/sys/kernel/btf/vmlinux), so the layout here is irrelevant; names must match
 * the kernel's. Kept small instead of a 135k-line generated vmlinux.h so the build needs no BTF. */
#ifndef RC_KERNEL_H
#define RC_KERNEL_H

typedef signed char __s8;
typedef unsigned char __u8;
typedef short __s16;
typedef unsigned short __u16;
typedef int __s32;
typedef unsigned int __u32;
typedef long long __s64;
typedef unsigned long long __u64;
typedef __u16 __be16;
typedef __u32 __be32;
typedef __u32 __wsum;
typedef _Bool bool;
#define true 1
#define false 0

/* UAPI constants (linux/bpf.h) used by the maps and helpers. */
enum {
	BPF_MAP_TYPE_HASH = 1,
	BPF_MAP_TYPE_ARRAY = 2,
	BPF_MAP_TYPE_PERCPU_ARRAY = 6,
	BPF_MAP_TYPE_RINGBUF = 27,
	BPF_MAP_TYPE_TASK_STORAGE = 29,
};
enum { BPF_ANY = 0, BPF_NOEXIST = 1, BPF_EXIST = 2 };
enum { BPF_F_NO_PREALLOC = 1 };
enum { BPF_RB_NO_WAKEUP = 1, BPF_RB_FORCE_WAKEUP = 2 };
enum { BPF_RB_AVAIL_DATA = 0 };
enum { BPF_LOCAL_STORAGE_GET_F_CREATE = 1 };

enum { AF_INET = 2, AF_INET6 = 10 };
enum { IPPROTO_TCP = 6 };
enum { SOCK_STREAM = 1 };
enum {
	TCP_ESTABLISHED = 1,
	TCP_SYN_SENT = 2,
	TCP_SYN_RECV = 3,
	TCP_TIME_WAIT = 6,
	TCP_CLOSE = 7,
	TCP_LISTEN = 10,
	TCP_NEW_SYN_RECV = 12,
};

struct in6_addr {
	union {
		__u8 u6_addr8[16];
		__be32 u6_addr32[4];
	} in6_u;
} __attribute__((preserve_access_index));

struct sock_common {
	/* In the kernel these sit inside anonymous unions; CO-RE finds them through the unions. */
	__be32 skc_daddr;
	__be32 skc_rcv_saddr;
	__be16 skc_dport;
	__u16 skc_num;
	unsigned short skc_family;
	volatile unsigned char skc_state;
	struct in6_addr skc_v6_daddr;
	struct in6_addr skc_v6_rcv_saddr;
} __attribute__((preserve_access_index));

struct sock {
	struct sock_common __sk_common;
	__u16 sk_protocol;
	__u16 sk_type;
} __attribute__((preserve_access_index));

struct inet_sock {
	struct sock sk;
	__be16 inet_sport;
} __attribute__((preserve_access_index));

struct tcp_sock {
	__u32 srtt_us;
	__u32 total_retrans;
	__u64 bytes_received;
	__u64 bytes_acked;
} __attribute__((preserve_access_index));

struct socket {
	struct sock *sk;
} __attribute__((preserve_access_index));

struct file {
	void *private_data;
} __attribute__((preserve_access_index));

struct fdtable {
	unsigned int max_fds;
	struct file **fd;
} __attribute__((preserve_access_index));

struct files_struct {
	struct fdtable *fdt;
} __attribute__((preserve_access_index));

struct task_struct {
	unsigned int __state;
	int pid;
	int tgid;
	char comm[16];
	struct task_struct *group_leader;
	struct files_struct *files;
} __attribute__((preserve_access_index));

/* Before 5.14 the task state was `long state`. */
struct task_struct___pre514 {
	long state;
} __attribute__((preserve_access_index));

struct sk_buff {
	struct sock *sk;
} __attribute__((preserve_access_index));

/* Classic syscall tracepoint records (tracefs events/syscalls/sys_{enter,exit}_X/format): stable ABI. */
struct rc_sys_enter_ctx {
	__u64 common;
	long syscall_nr;
	unsigned long args[6];
};

struct rc_sys_exit_ctx {
	__u64 common;
	long syscall_nr;
	long ret;
};

/* struct user_msghdr and struct iovec (UAPI). */
struct rc_user_msghdr {
	void *msg_name;
	int msg_namelen;
	void *msg_iov;
	unsigned long msg_iovlen;
};

struct rc_iovec {
	void *iov_base;
	unsigned long iov_len;
};

#endif
