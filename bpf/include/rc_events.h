/* Records the probes write to the ring buffer. Mirrored byte for byte by
 * agent/RootCause.Agent/Events (RcDataEvent, RcConnEvent) (explicit layouts, sizes asserted on both sides). */
#ifndef RC_EVENTS_H
#define RC_EVENTS_H

/* Payload bytes copied per syscall: enough for a request line and the framing headers of a typical
 * HTTP/1.1 message; the parser accounts for the rest by length without seeing it. */
#define RC_PAYLOAD_MAX 512
/* Smaller records for small messages (most requests and many responses): a record is reserved with
 * RC_DATA_HEADER + RC_PAYLOAD_SMALL or RC_DATA_HEADER + RC_PAYLOAD_MAX bytes. */
#define RC_PAYLOAD_SMALL 192
#define RC_DATA_HEADER 24
/* PostgreSQL: when a syscall moved more than RC_PAYLOAD_MAX bytes, the last RC_PAYLOAD_TAIL bytes of the record
 * are the syscall's last bytes (RC_DIR_TAIL): a message batch ends with ReadyForQuery or Sync, which the parser
 * must see to close a request whose boundaries fell in bytes nobody copied. */
#define RC_PAYLOAD_TAIL 32

enum rc_event_kind {
	RC_EV_DATA = 1,       /* rc_data_event: bytes a tracked socket moved */
	RC_EV_OPEN = 2,       /* rc_conn_event: accepted (server) or connected (client) */
	RC_EV_CONNECT_FAIL = 3,
	RC_EV_CLOSE = 4,      /* final srtt, bytes, retransmits */
	RC_EV_STATS = 5,      /* at most once a second per busy connection */
	RC_EV_RETRANSMIT = 6,
	RC_EV_RESET = 7,
	RC_EV_DROP = 8,       /* rc_conn_event: the kernel freed a packet of a TCP socket as a drop (kfree_skb) */
	RC_EV_OOM_KILL = 9,   /* rc_task_event: the OOM killer chose this process */
};

/* rc_data_event.direction: bit 0 the direction, bits 1-3 the connection's protocol (enum rc_proto), then flags. */
enum rc_direction {
	RC_DIR_EGRESS = 0,    /* the process wrote */
	RC_DIR_INGRESS = 1,   /* the process read */
	RC_DIR_PROTO_SHIFT = 1,
	RC_DIR_TAIL = 0x40,   /* flag: the payload's last RC_PAYLOAD_TAIL bytes are the syscall's last bytes */
	RC_DIR_AFTER_LOSS = 0x80, /* flag: earlier data of this connection was lost (ring buffer full) */
};

/* What a connection speaks, decided once from its first bytes (l7.bpf.c). */
enum rc_proto {
	RC_PROTO_UNKNOWN = 0,
	RC_PROTO_HTTP1 = 1,
	RC_PROTO_OPAQUE = 2,      /* not parsed: payload is never copied again */
	RC_PROTO_POSTGRES = 3,
	RC_PROTO_REDIS = 4,
};

enum rc_role {
	RC_ROLE_UNKNOWN = 0,
	RC_ROLE_CLIENT = 1,
	RC_ROLE_SERVER = 2,
};

/* Header 24 bytes, then RC_PAYLOAD_SMALL or RC_PAYLOAD_MAX bytes (the record's size says which) of which
 * `captured` are valid. */
struct rc_data_event {
	__u8 kind;
	__u8 direction;       /* enum rc_direction: direction | proto << RC_DIR_PROTO_SHIFT | flags */
	__u16 captured;
	__u32 length;         /* bytes the syscall moved; length - captured were not copied */
	__u64 conn_id;
	__u64 timestamp_ns;   /* CLOCK_MONOTONIC at syscall exit */
	__u8 payload[RC_PAYLOAD_MAX];
};

/* 104 bytes. Addresses are in network order; ports in host order. */
struct rc_conn_event {
	__u8 kind;
	__u8 role;
	__u8 family;
	__u8 flags;           /* RESET: 1 = received, 0 = sent */
	__u32 pid;            /* owning process (tgid); 0 when unknown */
	__u64 conn_id;        /* 0 when the socket is not tracked */
	__u64 timestamp_ns;
	__u8 local_addr[16];
	__u8 remote_addr[16];
	__u16 local_port;
	__u16 remote_port;
	union {
		__u32 srtt_us;
		__u32 drop_reason; /* RC_EV_DROP: the kernel's enum skb_drop_reason, named from tracefs by the agent */
	};
	__u64 bytes_acked;
	__u64 bytes_received;
	__u32 total_retrans;
	__s32 fd;
	char comm[16];        /* thread-group leader's comm, taken in process context */
};

/* 32 bytes: an event about a process rather than a socket. */
struct rc_task_event {
	__u8 kind;
	__u8 pad[3];
	__u32 pid;            /* tgid */
	__u64 timestamp_ns;
	char comm[16];
};

/* Run-queue delay of one watched process (value of rc_rq_pids), cumulative since the agent watched it. */
struct rc_rq_delay {
	__u64 delay_ns;
	__u64 waits;
};

/* Indexes of the per-CPU counters in rc_counters. */
enum rc_counter {
	RC_CNT_DATA_LOST = 0,       /* data events the ring buffer had no room for */
	RC_CNT_CONN_LOST = 1,       /* connection events the ring buffer had no room for */
	RC_CNT_CONN_TABLE_FULL = 2,
	RC_CNT_OWNER_TABLE_FULL = 3,
	RC_CNT_OPAQUE_CONNS = 4,    /* connections whose first bytes were no protocol the agent parses */
	RC_CNT_TASK_LOST = 5,       /* OOM-kill events the ring buffer had no room for */
	RC_CNT_MAX = 8,
};

#endif
