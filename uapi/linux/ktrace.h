/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * ktrace: the interface between ktrace.ko and userspace.
 *
 * Everything a program needs to talk to /dev/ktrace: the ABI version,
 * the ioctl commands and the structures they carry.  Only fixed-width
 * types are used, pointers travel as __u64, and every structure is padded
 * explicitly so that its layout is the same for 32-bit and 64-bit callers.
 * Reserved and padding fields must be zero on input and are zero on
 * output.  Documentation/userspace-api.rst describes each command in full.
 */
#ifndef _UAPI_LINUX_KTRACE_H
#define _UAPI_LINUX_KTRACE_H

#include <linux/types.h>
#include <linux/ioctl.h>

/*
 * The ABI version.  The major number changes when an existing command or
 * structure changes incompatibly (which we avoid: new behaviour gets a new
 * command); the minor number grows when commands or feature bits are
 * added.  A program checks the major number and the feature bits it uses.
 */
#define KTRACE_ABI_MAJOR	1
#define KTRACE_ABI_MINOR	22

/* The character device, relative to /dev. */
#define KTRACE_DEVICE_NAME	"ktrace"

/**
 * struct ktrace_version - what KTRACE_IOC_VERSION returns
 * @abi_major:	KTRACE_ABI_MAJOR of the module
 * @abi_minor:	KTRACE_ABI_MINOR of the module
 * @features:	KTRACE_FEAT_* bits the module supports
 * @release:	the module's release string, NUL-terminated
 */
struct ktrace_version {
	__u32 abi_major;
	__u32 abi_minor;
	__u64 features;
	char release[32];
};

/* struct ktrace_version.features */
#define KTRACE_FEAT_CAPTURE	0x1	/* records, rings, read(), poll(), mmap() */
#define KTRACE_FEAT_SESSIONS	0x2	/* KTRACE_IOC_CONFIGURE and the filters */
#define KTRACE_FEAT_THROTTLE	0x4	/* targeted sessions do not drop (1.3) */
#define KTRACE_FEAT_TASKS	0x8	/* KTRACE_IOC_TASKS (1.4) */
#define KTRACE_FEAT_PROC_STATS	0x10	/* KTRACE_IOC_PROC_STATS (1.6) */
#define KTRACE_FEAT_IP		0x20	/* KTRACE_CFG_IP, KTRACE_BLOB_IP (1.7) */
#define KTRACE_FEAT_SIGNAL_IP	0x40	/* ktrace_rec_signal_deliver.ip (1.8) */
#define KTRACE_FEAT_LONG	0x80	/* KTRACE_CFG_LONG, KTRACE_RF_LONG (1.10) */
#define KTRACE_FEAT_VERBOSE	0x100	/* KTRACE_CFG_VERBOSE, ENVP, DIRENTS (1.11) */

#define KTRACE_IOC_MAGIC	0xB8

#define KTRACE_IOC_VERSION	_IOR(KTRACE_IOC_MAGIC, 0x00, struct ktrace_version)

/*
 * Capture.  Documentation/ring-buffer.rst is the full contract; what
 * follows is the layout.
 *
 * A session (one open file of /dev/ktrace) has one ring per possible CPU.
 * Records are 8-byte aligned, a multiple of 8 bytes long, and start with
 * struct ktrace_rec_hdr.  Variable-length data follows the fixed part of a
 * record and is described by struct ktrace_blob entries placed right after
 * the fixed part.
 */

/* Record types, struct ktrace_rec_hdr.type */
#define KTRACE_REC_PAD			0	/* filler up to the ring's end */
#define KTRACE_REC_LOSS			1	/* struct ktrace_rec_loss */
#define KTRACE_REC_SYS_ENTER		2	/* struct ktrace_rec_sys_enter */
#define KTRACE_REC_SYS_EXIT		3	/* struct ktrace_rec_sys_exit */
#define KTRACE_REC_FORK			4	/* struct ktrace_rec_fork */
#define KTRACE_REC_EXEC			5	/* struct ktrace_rec_exec */
#define KTRACE_REC_EXIT			6	/* struct ktrace_rec_exit */
#define KTRACE_REC_REAP			7	/* struct ktrace_rec_reap */
#define KTRACE_REC_SIGNAL_GENERATE	8	/* struct ktrace_rec_signal_generate */
#define KTRACE_REC_SIGNAL_DELIVER	9	/* struct ktrace_rec_signal_deliver */

/* Record flags, struct ktrace_rec_hdr.flags */
#define KTRACE_RF_IRQ		0x1	/* written in interrupt context */
#define KTRACE_RF_ARGS_LOST	0x2	/* see struct ktrace_rec_sys_enter */
#define KTRACE_RF_LONG		0x4	/* blobs in long form (1.10): see below */
#define KTRACE_RF_KILLED	0x8	/* sys_exit: the task dies unreturned (1.12) */

/*
 * No record is longer than KTRACE_REC_MAX_SIZE, a read() buffer this long
 * always works; but a session with KTRACE_CFG_LONG may get records up to
 * KTRACE_REC_LONG_MAX_SIZE (1.10).
 */
#define KTRACE_REC_MAX_SIZE	65536
#define KTRACE_REC_LONG_MAX_SIZE	524288

/*
 * Bytes of user memory a record holds per string or buffer: at most
 * KTRACE_SNAPLEN_MAX, or with KTRACE_CFG_LONG KTRACE_SNAPLEN_LONG_MAX.
 */
#define KTRACE_SNAPLEN_MAX	4096
#define KTRACE_SNAPLEN_LONG_MAX	131072

/**
 * struct ktrace_rec_hdr - the start of every record
 * @size:	length of the whole record in bytes, a multiple of 8
 * @type:	KTRACE_REC_*
 * @flags:	KTRACE_RF_*
 * @ts:		CLOCK_MONOTONIC time of the event in nanoseconds
 * @pid:	thread id of the task the record is about (see below)
 * @tgid:	process id of that task
 * @cpu:	the CPU whose ring holds the record
 * @__reserved:	zero
 * @comm:	command name of that task, NUL padded
 *
 * The task is current, except for KTRACE_REC_REAP (the reaped task) and
 * KTRACE_REC_LOSS (pid, tgid and comm are zero).  A KTRACE_REC_PAD record
 * may be only 8 bytes long: only @size and @type are valid in it.
 */
struct ktrace_rec_hdr {
	__u32 size;
	__u16 type;
	__u16 flags;
	__u64 ts;
	__s32 pid;
	__s32 tgid;
	__u32 cpu;
	__u32 __reserved;
	char comm[16];
};

/* Blob kinds, struct ktrace_blob.kind */
#define KTRACE_BLOB_PATH	1	/* a path name, NUL-terminated */
#define KTRACE_BLOB_ARGV	2	/* argument strings, each NUL-terminated */
#define KTRACE_BLOB_SOCKADDR	3	/* a struct sockaddr_* */
#define KTRACE_BLOB_BUF		4	/* bytes written (enter) or read (exit) */
#define KTRACE_BLOB_FILENAME	5	/* exec: the file name, NUL-terminated */
#define KTRACE_BLOB_DATA	6	/* a structure or array (1.4) */
#define KTRACE_BLOB_COUNT	7	/* a __u32: entries counted (1.4) */
#define KTRACE_BLOB_IOV		8	/* struct ktrace_iov_seg list (1.5) */
#define KTRACE_BLOB_MSGHDR	9	/* struct ktrace_msghdr (1.5) */
#define KTRACE_BLOB_IP		10	/* a __u64: the user instruction pointer (1.7) */
#define KTRACE_BLOB_MMSGHDR	11	/* struct ktrace_mmsghdr list (1.9) */
#define KTRACE_BLOB_ENVP	12	/* environment strings, each NUL-terminated (1.11) */
#define KTRACE_BLOB_DIRENTS	13	/* directory entries as getdents returned them (1.11) */
#define KTRACE_BLOB_INODES	14	/* __u64 inodes of the descriptors made (1.18) */

/*
 * KTRACE_BLOB_ENVP (1.11, KTRACE_CFG_VERBOSE): laid out as
 * KTRACE_BLOB_ARGV, each string cut at the snap length (one byte more
 * tells a longer one), up to 4096 strings, in at most half the room the
 * record has left, so that argv's strings still fit; KTRACE_BF_TRUNC when
 * strings are missing at the end.  KTRACE_BLOB_DIRENTS (1.11, likewise):
 * the bytes getdents64 (struct linux_dirent64) or getdents (struct
 * linux_dirent of the caller's ABI) returned, as many as the room holds,
 * with KTRACE_BF_TRUNC when fewer than the return value; a reader
 * decodes the whole entries only.
 */

/*
 * KTRACE_BLOB_INODES (1.18, arg KTRACE_BLOB_ARG_NONE): at the exit of a
 * successful pipe, pipe2 and socketpair (two descriptors, in the order of
 * the array) and socket, accept and accept4 (the one returned), the
 * inode number of each descriptor's file as the call left it, 0 for one
 * already closed by another thread: "pipe:[INODE]" and "socket:[INODE]"
 * without /proc, where the process may be gone by the time a reader looks.
 */

/* struct ktrace_blob.arg of a blob that comes from no argument (1.7) */
#define KTRACE_BLOB_ARG_NONE	0xff

/*
 * struct ktrace_blob.arg of the memory that a pointer inside a structure
 * points to (1.20): the structure at argument @arg, the pointer a __u64
 * at byte @off of it, a multiple of 8 below 128 (bpf's attr, struct
 * xattr_args).  Its kind says what it holds: KTRACE_BLOB_PATH, a string
 * (BPF_PROG_LOAD's license, BPF_OBJ_PIN's path), or KTRACE_BLOB_BUF, as
 * many bytes as a length field of the structure or the return value say
 * (setxattrat's and getxattrat's value).  KTRACE_BF_FAULT when the
 * pointer is NULL or what it points to could not be read.  A reader
 * that knows only arguments 0 to 5 skips it.
 */
#define KTRACE_BLOB_DEREF(arg, off)	(0x80 | (arg) << 4 | (off) / 8)
#define KTRACE_BLOB_DEREF_ARG(a)	(((a) >> 4) & 0x7)	/* @arg */
#define KTRACE_BLOB_DEREF_OFF(a)	(((a) & 0xf) * 8)	/* @off */
#define KTRACE_BLOB_IS_DEREF(a)		((__u8)((a) - 0x80) < 0x7f)	/* 0x80..0xfe */

/* Blob flags, struct ktrace_blob.flags */
#define KTRACE_BF_FAULT		0x1	/* could not be read: @len is 0 */
#define KTRACE_BF_TRUNC		0x2	/* cut at the snap length */
#define KTRACE_BF_LEN_HI	0xff00	/* KTRACE_RF_LONG: bits 16-23 of the length */

/**
 * struct ktrace_blob - where one piece of variable-length data lies
 * @offset:	bytes from the start of the record to the data
 * @len:	bytes stored; strings include their terminating NUL
 * @kind:	KTRACE_BLOB_*
 * @arg:	index (0-5) of the syscall argument the data came from,
 *		KTRACE_BLOB_ARG_NONE, or KTRACE_BLOB_DEREF() (1.20)
 * @flags:	KTRACE_BF_*
 *
 * In a record with KTRACE_RF_LONG (ABI 1.10, only in sessions that set
 * KTRACE_CFG_LONG), which may be longer than 64 KiB, @offset counts 8-byte
 * units, and the data's length is @len plus 65536 times the bits of
 * KTRACE_BF_LEN_HI shifted down by 8: offset = @offset * 8, length =
 * @len | (@flags & KTRACE_BF_LEN_HI) << 8.
 */
struct ktrace_blob {
	__u16 offset;
	__u16 len;
	__u8 kind;
	__u8 arg;
	__u16 flags;
};

/**
 * struct ktrace_iov_seg - one struct iovec in a KTRACE_BLOB_IOV blob
 * @base:	its iov_base
 * @len:	its iov_len
 * @stored:	bytes of its buffer that follow this header
 * @flags:	KTRACE_BF_*: the buffer faulted, or was cut at the snap
 *		length or at what the call read
 *
 * A KTRACE_BLOB_IOV blob is a list of these, each followed by @stored
 * bytes, unaligned, in the order of the vector; the blob has
 * KTRACE_BF_TRUNC when the room ran out before the vector's end.  At the
 * exit (readv and the like) the buffers hold what the call read: the
 * return value's bytes spread over the vector in order.
 */
struct ktrace_iov_seg {
	__u64 base;
	__u64 len;
	__u32 stored;
	__u32 flags;
};

/**
 * struct ktrace_msghdr - the start of a KTRACE_BLOB_MSGHDR blob
 * @name:	msg_name, as the caller passed it
 * @control:	msg_control
 * @iovlen:	msg_iovlen
 * @controllen:	msg_controllen
 * @namelen:	msg_namelen
 * @flags:	msg_flags
 * @name_stored: bytes of the address at @name that follow this header
 * @control_stored: bytes of the control buffer at @control that end the
 *		blob (1.7; zero before)
 *
 * The address's bytes follow, then the vector as in KTRACE_BLOB_IOV, then
 * @control_stored bytes of the control buffer as user memory holds it:
 * struct cmsghdr entries, or struct compat_cmsghdr (a 32-bit cmsg_len,
 * 4-byte alignment) for KTRACE_ABI_COMPAT.  It is cut at the snap length
 * (@control_stored less than @controllen); zero with a non-zero
 * @controllen means it could not be read.  At the exit (recvmsg) the
 * fields are those the call wrote back, and the control buffer holds the
 * @controllen bytes the call filled.
 */
struct ktrace_msghdr {
	__u64 name;
	__u64 control;
	__u64 iovlen;
	__u64 controllen;
	__s32 namelen;
	__u32 flags;
	__u32 name_stored;
	__u32 control_stored;
};

/**
 * struct ktrace_mmsghdr - one struct mmsghdr in a KTRACE_BLOB_MMSGHDR blob
 * @msg_len:	its msg_len at the exit
 * @size:	bytes that follow: its msghdr, laid out as a
 *		KTRACE_BLOB_MSGHDR blob (struct ktrace_msghdr and its data)
 *
 * A KTRACE_BLOB_MMSGHDR blob (1.9) is a list of these, each followed by
 * @size bytes, unaligned, in the order of the vector, copied at the exit:
 * sendmmsg's whole vector (its vlen entries, also when the call failed;
 * @msg_len is meaningful for the entries the call sent), recvmmsg's
 * entries the call filled, each msghdr's vector holding @msg_len bytes.
 * The blob has KTRACE_BF_TRUNC when the room ran out, or the vector was
 * longer than 1024 entries, before its end.
 */
struct ktrace_mmsghdr {
	__u32 msg_len;
	__u32 size;
};

/* Syscall ABIs, the abi fields below */
#define KTRACE_ABI_NATIVE	0	/* x86_64 */
#define KTRACE_ABI_COMPAT	1	/* ia32 (int $0x80, sysenter) */
#define KTRACE_ABI_COUNT	2

/**
 * struct ktrace_rec_sys_enter - KTRACE_REC_SYS_ENTER, a syscall begins
 * @hdr:	common header
 * @nr:		syscall number in the table of @abi
 * @abi:	KTRACE_ABI_*
 * @nblobs:	entries in @blobs
 * @args:	the six raw arguments
 * @blobs:	path, argv, socket address or write buffer read at enter
 *
 * A session configured with KTRACE_CFG_IP (since ABI 1.7) gets one more
 * blob, the last one: KTRACE_BLOB_IP, arg KTRACE_BLOB_ARG_NONE, the user
 * instruction pointer at the syscall's enter as a __u64: the address
 * after the syscall instruction (or sysenter's return point), as the
 * task's registers hold it, what strace's -i prints; its data are the
 * record's last 8 bytes.  Sessions without the flag never see it.  A
 * reader skips blob kinds it does not know.
 *
 * With a status filter (KTRACE_IOC_SET_STATUS) the record is written when
 * the call returns, from the registers and memory of that moment.  A call
 * that replaced them (a successful execve or execveat, rt_sigreturn,
 * sigreturn) has no arguments left to read: its record carries
 * KTRACE_RF_ARGS_LOST, zero @args and no blobs, not even KTRACE_BLOB_IP;
 * unless the filter was set with KTRACE_STATUS_KEEP_ARGS (ABI 1.22),
 * which records those calls' enter when they enter.
 */
struct ktrace_rec_sys_enter {
	struct ktrace_rec_hdr hdr;
	__u32 nr;
	__u16 abi;
	__u16 nblobs;
	__u64 args[6];
	struct ktrace_blob blobs[];
};

/* struct ktrace_rec_sys_exit.duration when the enter was not seen */
#define KTRACE_DURATION_UNKNOWN	(~(__u64)0)

/**
 * struct ktrace_rec_sys_exit - KTRACE_REC_SYS_EXIT, a syscall returns
 * @hdr:	common header
 * @nr:		syscall number in the table of @abi
 * @abi:	KTRACE_ABI_*
 * @nblobs:	entries in @blobs
 * @ret:	return value (-errno on failure)
 * @duration:	nanoseconds since the enter of the same thread, or
 *		KTRACE_DURATION_UNKNOWN
 * @blobs:	read buffer or socket address filled by the syscall, and
 *		paths the enter could not read, read again; when @duration
 *		is KTRACE_DURATION_UNKNOWN (no enter to pair), what the
 *		enter would have held, read at the exit
 *
 * With KTRACE_CFG_IP (since ABI 1.7) the last blob is KTRACE_BLOB_IP as
 * in struct ktrace_rec_sys_enter, at the return: the same address but
 * after a successful execve (the new program's entry) and rt_sigreturn
 * (the address it restored).
 *
 * KTRACE_RF_KILLED (since ABI 1.12): a SIGKILL or a group exit (another
 * thread's exit_group()) was pending at the return: the task dies
 * without returning to user mode, and a ptrace tracer sees no exit.
 * When the group dies of another fatal signal, not set for the thread a
 * tracer would see take it (its call returns, then the signal comes):
 * the thread it was sent to, the thread whose call sent it to its own
 * group, else the main thread unless it blocks the signal; set for the
 * group's other threads (since ABI 1.13; 1.12 set it for none of them).
 */
struct ktrace_rec_sys_exit {
	struct ktrace_rec_hdr hdr;
	__u32 nr;
	__u16 abi;
	__u16 nblobs;
	__s64 ret;
	__u64 duration;
	struct ktrace_blob blobs[];
};

/* struct ktrace_rec_fork.fork_flags */
#define KTRACE_FORK_THREAD	0x1	/* child shares the thread group */
#define KTRACE_FORK_FLAGS_VALID	0x2	/* @clone_flags is known */

/**
 * struct ktrace_rec_fork - KTRACE_REC_FORK, a task was created
 * @hdr:		common header (the parent, current)
 * @parent_pid:		thread id of the parent
 * @parent_tgid:	process id of the parent
 * @child_pid:		thread id of the child, what clone() returns
 * @child_tgid:		process id of the child
 * @clone_flags:	CLONE_* flags of the fork, clone or clone3 call: what
 *			the child shares (CLONE_VM, CLONE_FS, CLONE_FILES,
 *			CLONE_SIGHAND, CLONE_THREAD) as the kernel made it,
 *			the rest as read from the call's arguments at the
 *			fork (clone3's struct may have changed since)
 * @fork_flags:		KTRACE_FORK_*
 * @__reserved:		zero
 * @child_vpid:		(1.10) thread id of the child in its own PID
 *			namespace: what its gettid() returns
 * @child_pidns:	(1.10) that namespace's inode number, as
 *			/proc/PID/ns/pid names it
 *
 * A module before ABI 1.10 writes the record without the last two
 * fields, 8 bytes shorter: a reader checks @hdr.size first.
 */
struct ktrace_rec_fork {
	struct ktrace_rec_hdr hdr;
	__s32 parent_pid;
	__s32 parent_tgid;
	__s32 child_pid;
	__s32 child_tgid;
	__u64 clone_flags;
	__u32 fork_flags;
	__u32 __reserved;
	__s32 child_vpid;
	__u32 child_pidns;
};

/**
 * struct ktrace_rec_exec - KTRACE_REC_EXEC, a task executed a new program
 * @hdr:	common header; pid is the thread id after the exec
 * @old_pid:	thread id before the exec (differs when a non-leader thread
 *		executes)
 * @__reserved:	zero
 * @nblobs:	entries in @blobs
 * @blobs:	the file name (KTRACE_BLOB_FILENAME)
 */
struct ktrace_rec_exec {
	struct ktrace_rec_hdr hdr;
	__s32 old_pid;
	__u16 __reserved;
	__u16 nblobs;
	struct ktrace_blob blobs[];
};

/* struct ktrace_rec_exit.exit_flags */
#define KTRACE_EXIT_CORE	0x1	/* a core dump was written */
#define KTRACE_EXIT_GROUP_DEAD	0x2	/* last thread of its group */
#define KTRACE_EXIT_EXEC	0x4	/* ended by another thread's execve() (1.14) */

/**
 * struct ktrace_rec_exit - KTRACE_REC_EXIT, a task exits
 * @hdr:	common header
 * @exit_code:	the raw wait status, as wait4() would report it
 * @status:	exit status when the task exited, else 0
 * @signal:	the signal that killed the task, else 0
 * @exit_flags:	KTRACE_EXIT_*
 */
struct ktrace_rec_exit {
	struct ktrace_rec_hdr hdr;
	__s32 exit_code;
	__s32 status;
	__s32 signal;
	__u32 exit_flags;
};

/**
 * struct ktrace_rec_reap - KTRACE_REC_REAP, a task's last reference went
 * @hdr:	common header, about the reaped task
 * @exit_code:	its raw wait status
 * @__reserved:	zero
 */
struct ktrace_rec_reap {
	struct ktrace_rec_hdr hdr;
	__s32 exit_code;
	__u32 __reserved;
};

/* struct ktrace_rec_signal_generate.result */
#define KTRACE_SIG_DELIVERED		0	/* queued to the target */
#define KTRACE_SIG_IGNORED		1	/* target ignores it */
#define KTRACE_SIG_ALREADY_PENDING	2	/* not queued twice */
#define KTRACE_SIG_OVERFLOW_FAIL	3	/* queue full, not sent */
#define KTRACE_SIG_LOSE_INFO		4	/* sent without its siginfo */

/* struct ktrace_rec_signal_generate.flags */
#define KTRACE_SIGGEN_CONTINUED		0x1	/* SIGCONT to a stopped group */
#define KTRACE_SIGGEN_GROUP_EXIT	0x2	/* target's group exiting (1.19) */

/* struct ktrace_siginfo.flags */
#define KTRACE_SI_VALID		0x1	/* the fields come from a siginfo */
#define KTRACE_SI_VALUE		0x2	/* @addr holds si_ptr (ABI 1.16) */

/**
 * struct ktrace_siginfo - the siginfo fields strace prints (ABI 1.4)
 * @pid:	si_pid: sender (SI_USER, SI_TKILL, SI_QUEUE) or child (SIGCHLD)
 * @uid:	si_uid, likewise
 * @status:	si_status of SIGCHLD: exit code or signal
 * @flags:	KTRACE_SI_*; without KTRACE_SI_VALID every field is zero
 * @utime:	si_utime of SIGCHLD, in clock ticks
 * @stime:	si_stime of SIGCHLD, in clock ticks
 * @addr:	si_addr of SIGSEGV, SIGBUS, SIGILL, SIGFPE and SIGTRAP; with
 *		KTRACE_SI_VALUE, the value (si_ptr, whose low 32 bits are
 *		si_int) of SI_QUEUE, SI_TIMER, SI_MESGQ and SI_ASYNCIO, whose
 *		@pid and @uid are si_timerid and si_overrun for SI_TIMER
 *
 * Records of ABI 1.4 and later end with it; a reader checks the record's
 * size before reading it.
 */
struct ktrace_siginfo {
	__s32 pid;
	__u32 uid;
	__s32 status;
	__u32 flags;
	__s64 utime;
	__s64 stime;
	__u64 addr;
};

/**
 * struct ktrace_rec_signal_generate - KTRACE_REC_SIGNAL_GENERATE
 * @hdr:		common header (the sender, current; with KTRACE_RF_IRQ
 *			the interrupted task)
 * @sig:		signal number
 * @code:		si_code; without siginfo, SI_USER for a signal sent by
 *			a process (kill() on 7.x), SI_KERNEL for the kernel's
 * @errno_:		si_errno, or 0 without siginfo
 * @result:		KTRACE_SIG_*
 * @target_pid:		thread id of the target
 * @target_tgid:	process id of the target
 * @group:		1 when sent to the whole thread group
 * @flags:		KTRACE_SIGGEN_* (ABI 1.15; zero before)
 * @target_comm:	command name of the target
 * @si:		the siginfo's fields (ABI 1.4); for SI_USER without
 *			siginfo, the sender's ids as the kernel queues them
 */
struct ktrace_rec_signal_generate {
	struct ktrace_rec_hdr hdr;
	__s32 sig;
	__s32 code;
	__s32 errno_;
	__s32 result;
	__s32 target_pid;
	__s32 target_tgid;
	__u32 group;
	__u32 flags;
	char target_comm[16];
	struct ktrace_siginfo si;
};

/* struct ktrace_rec_signal_deliver.action */
#define KTRACE_SIGACT_DEFAULT	0	/* SIG_DFL */
#define KTRACE_SIGACT_IGNORE	1	/* SIG_IGN */
#define KTRACE_SIGACT_HANDLER	2	/* a user handler runs */

/**
 * struct ktrace_rec_signal_deliver - KTRACE_REC_SIGNAL_DELIVER
 * @hdr:	common header (the receiving thread)
 * @sig:	signal number
 * @code:	si_code
 * @errno_:	si_errno
 * @action:	KTRACE_SIGACT_*
 * @handler:	the handler's address for KTRACE_SIGACT_HANDLER, else 0
 * @sa_flags:	SA_* flags of the action
 * @si:		the siginfo's fields (ABI 1.4)
 * @ip:		the user instruction pointer where the task was interrupted
 *		(ABI 1.8, KTRACE_CFG_IP only, see below)
 *
 * The record is written when the task dequeues the signal, before the
 * kernel sets up a handler's frame or restarts an interrupted syscall.
 * A session configured with KTRACE_CFG_IP (since ABI 1.8) gets the record
 * whole, @ip included: the address the task would have run next in user
 * mode, as its registers hold it then (after the syscall instruction of a
 * call the signal interrupted, the faulting instruction of a fault), what
 * strace's -i prints on the signal's line; 0 for a task that has no user
 * mode registers (an io_uring worker).  Other sessions get the record
 * without @ip, @hdr.size 8 bytes shorter.  A reader checks @hdr.size
 * before reading @si or @ip.
 */
struct ktrace_rec_signal_deliver {
	struct ktrace_rec_hdr hdr;
	__s32 sig;
	__s32 code;
	__s32 errno_;
	__u32 action;
	__u64 handler;
	__u64 sa_flags;
	struct ktrace_siginfo si;
	__u64 ip;
};

/**
 * struct ktrace_rec_loss - KTRACE_REC_LOSS, records were dropped here
 * @hdr:	common header; pid, tgid and comm are zero
 * @lost:	records dropped on this CPU's ring since the previous LOSS
 * @first_ts:	timestamp of the first of them
 * @last_ts:	timestamp of the last of them
 */
struct ktrace_rec_loss {
	struct ktrace_rec_hdr hdr;
	__u64 lost;
	__u64 first_ts;
	__u64 last_ts;
};

/*
 * mmap() of a ring: offset KTRACE_MMAP_OFFSET(cpu), MAP_SHARED.  The first
 * page is struct ktrace_ring_page, the data area follows.
 */
#define KTRACE_MMAP_OFFSET(cpu)	((__u64)(cpu) << 32)
#define KTRACE_RING_VERSION	1

/**
 * struct ktrace_ring_page - the control page of a ring
 * @version:	KTRACE_RING_VERSION
 * @cpu:	the CPU that writes the ring
 * @data_offset: bytes from the start of the mapping to the data area
 * @data_size:	bytes in the data area, a power of two
 * @__reserved0: zero
 * @data_head:	bytes ever published; the kernel stores it with release
 *		semantics, load it with acquire semantics
 * @__reserved1: zero
 * @data_tail:	bytes ever consumed; the reader stores it with release
 *		semantics once done with the records below it
 * @__reserved2: zero
 *
 * @data_head and @data_tail sit on cache lines of their own.
 */
struct ktrace_ring_page {
	__u32 version;
	__u32 cpu;
	__u64 data_offset;
	__u64 data_size;
	__u64 __reserved0[5];
	__u64 data_head;
	__u64 __reserved1[7];
	__u64 data_tail;
	__u64 __reserved2[7];
};

/**
 * struct ktrace_stats - what KTRACE_IOC_STATS returns
 * @written:	records written into this session's rings and not
 *		overwritten, not counting LOSS and PAD records: once the
 *		session is disabled and drained, the data records read
 * @lost_full:	records this session dropped because a ring was full,
 *		including those a flight recorder overwrote
 * @lost_nest:	records this session dropped because a probe nested
 *		inside itself on one CPU
 * @lost_reported: dropped records counted in LOSS records so far
 * @lost_pending: dropped records not yet counted in a LOSS record
 * @faults:	user memory reads that failed, module-wide
 * @syscalls:	syscall exits seen, module-wide
 * @records:	records built by the probes, module-wide
 * @overwritten: records a flight recorder (KTRACE_CFG_OVERWRITE) wrote
 *		and then overwrote with newer ones; part of @lost_full
 *		(since ABI 1.3)
 * @throttled:	times a traced task waited for the reader (since 1.3)
 * @throttle_timeouts: waits that ended because the reader did not drain
 *		the ring within throttle_ms (since 1.3)
 * @throttle_ns: nanoseconds traced tasks spent waiting (since 1.3)
 * @__reserved:	zero
 *
 * lost_full + lost_nest == lost_reported + lost_pending, and every record
 * the probes offered the session is either in @written or lost:
 * offered == written + lost_full + lost_nest, in both ring modes.
 */
struct ktrace_stats {
	__u64 written;
	__u64 lost_full;
	__u64 lost_nest;
	__u64 lost_reported;
	__u64 lost_pending;
	__u64 faults;
	__u64 syscalls;
	__u64 records;
	__u64 overwritten;
	__u64 throttled;
	__u64 throttle_timeouts;
	__u64 throttle_ns;
	__u64 __reserved[4];
};

/* Buckets of struct ktrace_syscall_stats.hist */
#define KTRACE_HIST_BUCKETS	32
/* Syscall numbers the counters cover, per ABI */
#define KTRACE_NR_MAX		512

/**
 * struct ktrace_syscall_stats - KTRACE_IOC_SYSCALL_STATS, one syscall
 * @nr:		in: syscall number, below KTRACE_NR_MAX
 * @abi:	in: KTRACE_ABI_*
 * @__reserved:	in: zero
 * @calls:	exits seen, module-wide since load
 * @errors:	exits with a return value in [-4095, -1]
 * @total_ns:	sum of the known durations
 * @hist:	durations: bucket 0 counts 0-1 ns, bucket i counts
 *		[2^i, 2^(i+1)) ns, the last bucket everything longer
 */
struct ktrace_syscall_stats {
	__u32 nr;
	__u16 abi;
	__u16 __reserved;
	__u64 calls;
	__u64 errors;
	__u64 total_ns;
	__u64 hist[KTRACE_HIST_BUCKETS];
};

/* A session starts disabled: KTRACE_IOC_ENABLE starts capture. */
#define KTRACE_IOC_ENABLE	_IO(KTRACE_IOC_MAGIC, 0x01)
#define KTRACE_IOC_DISABLE	_IO(KTRACE_IOC_MAGIC, 0x02)
#define KTRACE_IOC_STATS	_IOR(KTRACE_IOC_MAGIC, 0x03, struct ktrace_stats)
#define KTRACE_IOC_SYSCALL_STATS \
	_IOWR(KTRACE_IOC_MAGIC, 0x04, struct ktrace_syscall_stats)

/*
 * Sessions and filters.  A session starts disabled: configure it, set its
 * filters, then KTRACE_IOC_ENABLE.  Documentation/userspace-api.rst has
 * every field and errno.
 */

/* struct ktrace_config.events: what kinds of events are recorded */
#define KTRACE_EV_SYSCALL	0x1	/* syscall enter and exit */
#define KTRACE_EV_LIFECYCLE	0x2	/* fork, exec, exit, reap */
#define KTRACE_EV_SIGNAL	0x4	/* signal generate and deliver */
#define KTRACE_EV_ALL		0x7

/* struct ktrace_config.flags */
#define KTRACE_CFG_OVERWRITE	0x1	/* full ring: drop oldest (flight recorder) */
#define KTRACE_CFG_TRACE_SELF	0x2	/* also trace the opener's thread group */
#define KTRACE_CFG_LOSSY	0x4	/* with a PID filter: drop, never wait */
#define KTRACE_CFG_PROC_STATS	0x8	/* count calls by process (1.6) */
#define KTRACE_CFG_IP		0x10	/* IPs: syscalls (1.7), signals (1.8) */
#define KTRACE_CFG_LONG		0x20	/* records over 64 KiB welcome (1.10) */
#define KTRACE_CFG_VERBOSE	0x40	/* what strace -v prints: ENVP, DIRENTS (1.11) */
#define KTRACE_CFG_FLAGS	0x7f

/**
 * struct ktrace_config - KTRACE_IOC_CONFIGURE, a session's settings
 * @ring_size:	bytes per CPU ring, a power of two between 16 KiB and
 *		64 MiB; 0 for the module's ring_size parameter
 * @snaplen:	bytes of user memory copied per string or buffer, at most
 *		KTRACE_SNAPLEN_MAX (4096), or with KTRACE_CFG_LONG
 *		KTRACE_SNAPLEN_LONG_MAX (131072); 0 for the module's snaplen
 *		parameter
 * @events:	KTRACE_EV_* kinds recorded, not 0
 * @flags:	KTRACE_CFG_*
 * @throttle_ms: longest a traced task waits for the reader at a time,
 *		1 to 60000 ms; 0 for the module's throttle_ms parameter
 *		(since ABI 1.3)
 * @__reserved:	zero
 *
 * A session with a PID filter and without KTRACE_CFG_LOSSY is lossless
 * while its reader keeps up: a traced task whose syscall leaves its CPU's
 * ring three quarters full waits, on its way back to user mode, until the
 * reader has drained the ring to a quarter (Documentation/ring-buffer.rst,
 * Throttling).
 *
 * KTRACE_CFG_PROC_STATS (since ABI 1.6) makes the session count the
 * calls, errors and time in syscalls of each process it traces, for
 * KTRACE_IOC_PROC_STATS; the tables are allocated here, their size is the
 * module's proc_slots parameter at this moment.
 *
 * KTRACE_CFG_IP (since ABI 1.7) adds the user instruction pointer to the
 * session's KTRACE_REC_SYS_ENTER and KTRACE_REC_SYS_EXIT records
 * (KTRACE_BLOB_IP), and since ABI 1.8 to its KTRACE_REC_SIGNAL_DELIVER
 * records (struct ktrace_rec_signal_deliver.ip); without it the records
 * and the probes' cost are those of ABI 1.6.
 *
 * KTRACE_CFG_LONG (since ABI 1.10) says the reader handles records up to
 * KTRACE_REC_LONG_MAX_SIZE bytes with their blobs in long form
 * (KTRACE_RF_LONG, see struct ktrace_blob), and allows a @snaplen up to
 * KTRACE_SNAPLEN_LONG_MAX.  A record is built once for every session that
 * records the event, with the largest snap length among them but no
 * larger than the smallest of theirs allows (their rings, and 4096 for
 * those without the flag): a session without the flag never gets a long
 * record.
 *
 * KTRACE_CFG_VERBOSE (since ABI 1.11) asks for what strace prints only
 * unabbreviated (-v): execve's and execveat's environment strings
 * (KTRACE_BLOB_ENVP, besides the KTRACE_BLOB_COUNT of them) and the
 * entries getdents and getdents64 returned (KTRACE_BLOB_DIRENTS, besides
 * their count).  A record is built once for every session that records
 * the event: these blobs are in it when one of those sessions set the
 * flag, and a session without it may then see them too; a reader skips
 * blob kinds it did not ask for (or does not know), as it must anyway.
 */
struct ktrace_config {
	__u32 ring_size;
	__u32 snaplen;
	__u32 events;
	__u32 flags;
	__u32 throttle_ms;
	__u32 __reserved0;
	__u64 __reserved[3];
};

/* struct ktrace_pid.flags */
#define KTRACE_PID_THREAD_GROUP	0x1	/* @pid names a whole process */
#define KTRACE_PID_FOLLOW	0x2	/* its children join when forked */
#define KTRACE_PID_FLAGS	0x3

/**
 * struct ktrace_pid - KTRACE_IOC_PID_ADD, KTRACE_IOC_PID_DEL
 * @pid:	a thread id, or with KTRACE_PID_THREAD_GROUP a process id, in
 *		the caller's pid namespace
 * @flags:	KTRACE_PID_*
 * @__reserved:	zero
 *
 * Once a PID is added, the session traces only the listed tasks.
 */
struct ktrace_pid {
	__s32 pid;
	__u32 flags;
	__u64 __reserved;
};

/* Words of a syscall bitmap: one bit per syscall number */
#define KTRACE_SYSCALL_WORDS	(KTRACE_NR_MAX / 64)

/**
 * struct ktrace_syscalls - KTRACE_IOC_SET_SYSCALLS, which syscalls to trace
 * @abi:	KTRACE_ABI_*
 * @__reserved:	zero
 * @bits:	bit N of word N / 64 set traces syscall N
 */
struct ktrace_syscalls {
	__u32 abi;
	__u32 __reserved;
	__u64 bits[KTRACE_SYSCALL_WORDS];
};

/* Length of struct ktrace_class.name */
#define KTRACE_CLASS_NAME_LEN	16

/**
 * struct ktrace_class - KTRACE_IOC_GET_CLASS, one of strace's classes
 * @abi:	in: KTRACE_ABI_*
 * @index:	in: 0, 1, ... until the command fails with ENOENT
 * @name:	out: the class's name, e.g. "file", NUL-terminated
 * @bits:	out: its syscalls, as struct ktrace_syscalls.bits
 */
struct ktrace_class {
	__u32 abi;
	__u32 index;
	char name[KTRACE_CLASS_NAME_LEN];
	__u64 bits[KTRACE_SYSCALL_WORDS];
};

/* struct ktrace_status.status */
#define KTRACE_STATUS_SUCCESSFUL 0x1	/* calls that did not fail */
#define KTRACE_STATUS_FAILED	0x2	/* calls that returned an error */
#define KTRACE_STATUS_ALL	0x3

/* struct ktrace_status.flags (since ABI 1.22) */
#define KTRACE_STATUS_KEEP_ARGS	0x1	/* calls that replace their args whole */

/**
 * struct ktrace_status - KTRACE_IOC_SET_STATUS, filters on how calls end
 * @status:	KTRACE_STATUS_* of the calls to record, not 0
 * @flags:	KTRACE_STATUS_KEEP_ARGS or zero (a reserved zero before 1.22)
 * @min_duration: record only calls that took at least this many ns
 *
 * With any filter here, a call is recorded when it returns: its
 * KTRACE_REC_SYS_ENTER record (with its original timestamp) and its
 * KTRACE_REC_SYS_EXIT record are written together.  A call that replaces
 * the registers and memory it was made with (a successful execve or
 * execveat, rt_sigreturn, sigreturn) then has no arguments left to read
 * (KTRACE_RF_ARGS_LOST).  With KTRACE_STATUS_KEEP_ARGS, those calls
 * (execve and execveat whatever they return) are recorded as without
 * the filter: the enter when they enter, the exit when they return,
 * whatever their status and duration; the reader applies the filter to
 * them.
 */
struct ktrace_status {
	__u32 status;
	__u32 flags;
	__u64 min_duration;
};

/**
 * struct ktrace_losses - KTRACE_IOC_LOSSES, where records were lost
 * @cpus:	in: user pointer to @nr_cpus __u64, filled with the records
 *		each CPU's ring dropped; 0 to only learn @nr_cpus
 * @nr_cpus:	in: room at @cpus; out: the number of CPU rings
 * @nr_procs:	in: room at @procs; out: processes with losses, which may
 *		be more than there was room for
 * @procs:	in: user pointer to @nr_procs struct ktrace_proc_loss
 */
struct ktrace_losses {
	__u64 cpus;
	__u32 nr_cpus;
	__u32 nr_procs;
	__u64 procs;
};

/**
 * struct ktrace_proc_loss - records of one process a session dropped
 * @tgid:	process id (in the initial pid namespace)
 * @__reserved:	zero
 * @lost:	records dropped
 */
struct ktrace_proc_loss {
	__s32 tgid;
	__u32 __reserved;
	__u64 lost;
};

#define KTRACE_IOC_CONFIGURE	_IOW(KTRACE_IOC_MAGIC, 0x10, struct ktrace_config)
#define KTRACE_IOC_PID_ADD	_IOW(KTRACE_IOC_MAGIC, 0x11, struct ktrace_pid)
#define KTRACE_IOC_PID_DEL	_IOW(KTRACE_IOC_MAGIC, 0x12, struct ktrace_pid)
#define KTRACE_IOC_SET_SYSCALLS	_IOW(KTRACE_IOC_MAGIC, 0x13, struct ktrace_syscalls)
#define KTRACE_IOC_GET_CLASS	_IOWR(KTRACE_IOC_MAGIC, 0x14, struct ktrace_class)
#define KTRACE_IOC_SET_STATUS	_IOW(KTRACE_IOC_MAGIC, 0x15, struct ktrace_status)
#define KTRACE_IOC_RESET_STATS	_IO(KTRACE_IOC_MAGIC, 0x16)
#define KTRACE_IOC_LOSSES	_IOWR(KTRACE_IOC_MAGIC, 0x17, struct ktrace_losses)
#define KTRACE_IOC_SESSION_SYSCALL_STATS \
	_IOWR(KTRACE_IOC_MAGIC, 0x18, struct ktrace_syscall_stats)

/**
 * struct ktrace_count - one syscall's counters, KTRACE_IOC_SESSION_COUNTS
 * @calls:	exits counted
 * @errors:	exits with a return value in [-4095, -1]
 * @total_ns:	sum of the known durations
 */
struct ktrace_count {
	__u64 calls;
	__u64 errors;
	__u64 total_ns;
};

/**
 * struct ktrace_counts - KTRACE_IOC_SESSION_COUNTS (since ABI 1.17): the
 *	session's counters of a run of syscalls in one call, as
 *	KTRACE_IOC_SESSION_SYSCALL_STATS gives them one by one
 * @counts:	in: user pointer to @nr struct ktrace_count, filled with
 *		those of syscalls @first, @first + 1, ... of @abi
 * @nr:		in: room at @counts; out: entries written, the room or
 *		KTRACE_NR_MAX - @first, whichever is smaller
 * @abi:	in: KTRACE_ABI_*
 * @__reserved0: in: zero
 * @first:	in: the first syscall number, below KTRACE_NR_MAX
 * @__reserved:	in: zero
 */
struct ktrace_counts {
	__u64 counts;
	__u32 nr;
	__u16 abi;
	__u16 __reserved0;
	__u32 first;
	__u32 __reserved;
};

#define KTRACE_IOC_SESSION_COUNTS \
	_IOWR(KTRACE_IOC_MAGIC, 0x1a, struct ktrace_counts)

/*
 * Per-process counters (since ABI 1.6), for sessions configured with
 * KTRACE_CFG_PROC_STATS.  They are kept by interval: the probes count
 * into the current interval; KTRACE_IOC_PROC_STATS with KTRACE_PROC_NEXT
 * closes it, starts the next, and returns the one it closed, summed over
 * the CPUs.  Without KTRACE_PROC_NEXT it returns the last closed interval
 * again (a caller whose room was too small calls again with more).
 */

/* struct ktrace_proc_stats.flags */
#define KTRACE_PROC_NEXT	0x1	/* close the interval, start the next */
#define KTRACE_PROC_FLAGS	0x1

/**
 * struct ktrace_proc_count - one process in a closed interval
 * @tgid:	process id, in the initial pid namespace
 * @__reserved:	zero
 * @comm:	its command name when it first counted in the interval
 * @calls:	syscalls it returned from (a fork's return in the child is
 *		the parent's call and does not count)
 * @errors:	those with a return value in [-4095, -1]
 * @total_ns:	nanoseconds spent in them, where the enter was seen
 */
struct ktrace_proc_count {
	__s32 tgid;
	__u32 __reserved;
	char comm[16];
	__u64 calls;
	__u64 errors;
	__u64 total_ns;
};

/**
 * struct ktrace_proc_stats - KTRACE_IOC_PROC_STATS, calls by process
 * @procs:	in: user pointer to @nr_procs struct ktrace_proc_count; 0 to
 *		only learn how many there are
 * @nr_procs:	in: room at @procs; out: processes in the interval, which
 *		may be more than there was room for (the first @nr_procs
 *		in, by ascending @tgid, were written)
 * @flags:	in: KTRACE_PROC_*
 * @start_ns:	out: CLOCK_MONOTONIC time the interval began
 * @end_ns:	out: time it was closed; 0 (with @start_ns) before the
 *		first KTRACE_PROC_NEXT
 * @slots:	out: slots of a CPU's table: processes counted per CPU per
 *		interval before the overflow bucket takes the rest
 * @__reserved0: zero
 * @overflow:	out: calls of the processes that found their CPU's table
 *		full, summed; its @tgid is -1 and its @comm empty
 * @__reserved:	zero
 */
struct ktrace_proc_stats {
	__u64 procs;
	__u32 nr_procs;
	__u32 flags;
	__u64 start_ns;
	__u64 end_ns;
	__u32 slots;
	__u32 __reserved0;
	struct ktrace_proc_count overflow;
	__u64 __reserved[4];
};

#define KTRACE_IOC_PROC_STATS	_IOWR(KTRACE_IOC_MAGIC, 0x19, struct ktrace_proc_stats)

/*
 * Task snapshots (since ABI 1.4).  KTRACE_IOC_TASKS walks the task list
 * once and returns the zombies and the tasks blocked inside a syscall,
 * as they are at that moment: no probe is attached for it, and it needs
 * no session to be configured or enabled.  Each entry says what the walk
 * found when it chose the task: a zombie its parent reaps, or a thread
 * that returns from its syscall, while the walk is at it keeps its ids,
 * state and syscall.
 */

/* struct ktrace_tasks.select */
#define KTRACE_TASKS_ZOMBIES	0x1	/* processes exited and not reaped */
#define KTRACE_TASKS_SYSCALL	0x2	/* threads off CPU inside a syscall */
#define KTRACE_TASKS_SELECT	0x3

/* Room for at most this many struct ktrace_task per call */
#define KTRACE_TASKS_MAX	65536

/* struct ktrace_task.flags */
#define KTRACE_TASK_ZOMBIE	0x1	/* exited, not reaped: @exit_code */
#define KTRACE_TASK_IN_SYSCALL	0x2	/* @nr, @abi and @args are valid */
#define KTRACE_TASK_PARENT_IN_SYSCALL 0x4 /* @parent_nr, @parent_abi valid */
#define KTRACE_TASK_STOPPED	0x8	/* in a group stop: @exit_code (1.21) */

/**
 * struct ktrace_task - one task of a KTRACE_IOC_TASKS snapshot
 * @pid:	thread id, in the caller's pid namespace
 * @tgid:	process id
 * @ppid:	process id of the real parent, 0 if not visible
 * @flags:	KTRACE_TASK_*
 * @nr:		the syscall the task is in, -1 when not in one
 * @abi:	KTRACE_ABI_* of @nr
 * @state:	the task state letter of /proc/PID/stat ('S', 'D', 'Z', ...)
 * @args:	the six raw syscall arguments
 * @off_cpu_ns:	nanoseconds since the task last left a CPU, by the
 *		scheduler's clock: for a zombie, how long ago it exited; for
 *		a task blocked in a syscall, how long it has been blocked
 * @start_ns:	CLOCK_MONOTONIC time the task was created
 * @exit_code:	a zombie's raw wait status; with KTRACE_TASK_STOPPED
 *		(1.21), the signal of the group stop the task is in
 *		(SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU); else 0
 * @parent_nr:	the syscall the real parent is in, -1 when not in one
 * @parent_abi:	KTRACE_ABI_* of @parent_nr
 * @parent_state: the real parent's state letter
 * @__reserved:	zero
 * @comm:	command name of the task
 * @parent_comm: command name of the real parent
 */
struct ktrace_task {
	__s32 pid;
	__s32 tgid;
	__s32 ppid;
	__u32 flags;
	__s32 nr;
	__u16 abi;
	__u16 state;
	__u64 args[6];
	__u64 off_cpu_ns;
	__u64 start_ns;
	__s32 exit_code;
	__s32 parent_nr;
	__u16 parent_abi;
	__u16 parent_state;
	__u32 __reserved;
	char comm[16];
	char parent_comm[16];
};

/**
 * struct ktrace_tasks - KTRACE_IOC_TASKS, a snapshot of tasks
 * @tasks:	in: user pointer to @nr_tasks struct ktrace_task
 * @nr_tasks:	in: room at @tasks, at most KTRACE_TASKS_MAX; out: the
 *		tasks that matched, which may be more than there was room
 *		for (only the first @nr_tasks in were written)
 * @select:	in: KTRACE_TASKS_* kinds of task wanted, not 0
 * @tgid:	in: only the threads of this process (and, with
 *		KTRACE_TASKS_ZOMBIES, the zombies it is the parent of, and
 *		itself if a zombie); 0 for every process
 * @__reserved0: zero
 * @min_off_cpu_ns: in: only tasks off CPU at least this long
 * @now:	out: CLOCK_MONOTONIC time of the snapshot, in nanoseconds
 * @__reserved:	zero
 */
struct ktrace_tasks {
	__u64 tasks;
	__u32 nr_tasks;
	__u32 select;
	__s32 tgid;
	__u32 __reserved0;
	__u64 min_off_cpu_ns;
	__u64 now;
	__u64 __reserved[2];
};

#define KTRACE_IOC_TASKS	_IOWR(KTRACE_IOC_MAGIC, 0x20, struct ktrace_tasks)

#endif /* _UAPI_LINUX_KTRACE_H */
