// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): decoders of the calls that administer the system or the
 * process's privileges: capget and capset, membarrier, pidfd_send_signal,
 * sethostname and setdomainname, acct, delete_module, userfaultfd,
 * fanotify_init and fanotify_mark, seccomp, and the keys (keyctl, add_key,
 * request_key).
 */
#include <string.h>

#include "decoders.h"

#define KT_CAP_V1	0x19980330
#define KT_CAP_V2	0x20071026
#define KT_CAP_V3	0x20080522

static const struct kt_xlat cap_versions[] = {
	{ KT_CAP_V1, "_LINUX_CAPABILITY_VERSION_1" },
	{ KT_CAP_V2, "_LINUX_CAPABILITY_VERSION_2" },
	{ KT_CAP_V3, "_LINUX_CAPABILITY_VERSION_3" },
	KT_XEND
};

/* Capability n as strace prints a bit of a set: 1<<CAP_CHOWN. */
#define CAP0(n, name)	{ 1ULL << (n), "1<<CAP_" #name }
#define CAP1(n, name)	{ 1ULL << ((n) - 32), "1<<CAP_" #name }

static const struct kt_xlat caps_lo[] = {
	CAP0(0, CHOWN), CAP0(1, DAC_OVERRIDE), CAP0(2, DAC_READ_SEARCH),
	CAP0(3, FOWNER), CAP0(4, FSETID), CAP0(5, KILL), CAP0(6, SETGID),
	CAP0(7, SETUID), CAP0(8, SETPCAP), CAP0(9, LINUX_IMMUTABLE),
	CAP0(10, NET_BIND_SERVICE), CAP0(11, NET_BROADCAST),
	CAP0(12, NET_ADMIN), CAP0(13, NET_RAW), CAP0(14, IPC_LOCK),
	CAP0(15, IPC_OWNER), CAP0(16, SYS_MODULE), CAP0(17, SYS_RAWIO),
	CAP0(18, SYS_CHROOT), CAP0(19, SYS_PTRACE), CAP0(20, SYS_PACCT),
	CAP0(21, SYS_ADMIN), CAP0(22, SYS_BOOT), CAP0(23, SYS_NICE),
	CAP0(24, SYS_RESOURCE), CAP0(25, SYS_TIME), CAP0(26, SYS_TTY_CONFIG),
	CAP0(27, MKNOD), CAP0(28, LEASE), CAP0(29, AUDIT_WRITE),
	CAP0(30, AUDIT_CONTROL), CAP0(31, SETFCAP),
	KT_XEND
};

static const struct kt_xlat caps_hi[] = {
	CAP1(32, MAC_OVERRIDE), CAP1(33, MAC_ADMIN), CAP1(34, SYSLOG),
	CAP1(35, WAKE_ALARM), CAP1(36, BLOCK_SUSPEND), CAP1(37, AUDIT_READ),
	CAP1(38, PERFMON), CAP1(39, BPF), CAP1(40, CHECKPOINT_RESTORE),
	KT_XEND
};

/* {version=_LINUX_CAPABILITY_VERSION_3, pid=0}, else the pointer */
static bool cap_header(struct kt_dec *d, const struct kt_blob *blob,
		       uint32_t *version)
{
	int32_t pid;

	kt_sep(d);
	if (!kt_arg(d, 0) || !blob || !blob->data ||
	    (blob->flags & KT_BLOB_FAULT) || blob->len < 8) {
		kt_format_ptr(d->b, kt_arg(d, 0));
		return false;
	}
	memcpy(version, blob->data, 4);
	memcpy(&pid, blob->data + 4, 4);
	kt_buf_puts(d->b, "{version=");
	kt_format_xval(d->b, cap_versions, *version,
		       "_LINUX_CAPABILITY_VERSION_???");
	kt_buf_puts(d->b, ", pid=");
	kt_pid(d, pid, false);
	kt_buf_putc(d->b, '}');
	return true;
}

static void cap_set(struct kt_buf *b, uint32_t lo, uint32_t hi)
{
	if (lo || !hi)
		kt_format_flags(b, caps_lo, lo, "CAP_???");
	if (hi) {
		if (lo)
			kt_buf_putc(b, '|');
		kt_format_flags(b, caps_hi, hi, "CAP_???");
	}
}

/*
 * The three sets of struct __user_cap_data_struct, two of them (64 bits)
 * for versions 2 and 3: {effective=..., permitted=..., inheritable=...}.
 */
static void cap_data(struct kt_dec *d, bool have_header, uint32_t version)
{
	static const char *const names[] = {
		"effective", "permitted", "inheritable"
	};
	unsigned int n = version == KT_CAP_V2 || version == KT_CAP_V3 ? 2 : 1;
	uint32_t lo, hi = 0;
	unsigned int k;

	kt_sep(d);
	if (!have_header || !kt_blob_usable(d, 1, n * 12)) {
		kt_format_ptr(d->b, kt_arg(d, 1));
		return;
	}
	kt_buf_putc(d->b, '{');
	for (k = 0; k < 3; k++) {
		kt_blob_read(d, 1, k * 4, &lo, 4);
		if (n > 1)
			kt_blob_read(d, 1, 12 + k * 4, &hi, 4);
		kt_buf_printf(d->b, "%s%s=", k ? ", " : "", names[k]);
		cap_set(d->b, lo, hi);
	}
	kt_buf_putc(d->b, '}');
}

/* capget's data is what the kernel wrote, printed at the exit. */
static void dec_capget(struct kt_dec *d)
{
	uint32_t version = 0;
	bool hdr = cap_header(d, &d->sc->enter_blob[0], &version);

	if (kt_entry_only(d, true))
		return;
	cap_data(d, hdr && !kt_failed(d), version);
}

static void dec_capset(struct kt_dec *d)
{
	uint32_t version = 0;
	bool hdr = cap_header(d, kt_blob_at(d, 0), &version);

	cap_data(d, hdr, version);
}

static const struct kt_xlat membarrier_cmds[] = {
	{ 0, "MEMBARRIER_CMD_QUERY" },
	{ 1 << 0, "MEMBARRIER_CMD_GLOBAL" },
	{ 1 << 1, "MEMBARRIER_CMD_GLOBAL_EXPEDITED" },
	{ 1 << 2, "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED" },
	{ 1 << 3, "MEMBARRIER_CMD_PRIVATE_EXPEDITED" },
	{ 1 << 4, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED" },
	{ 1 << 5, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE" },
	{ 1 << 6, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE" },
	{ 1 << 7, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ" },
	{ 1 << 8, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ" },
	KT_XEND
};

static const struct kt_xlat membarrier_flags[] = {
	{ 1, "MEMBARRIER_CMD_FLAG_CPU" }, KT_XEND
};

/* membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x1ff (MEMBARRIER_CMD_GLOBAL|...) */
static void dec_membarrier(struct kt_dec *d)
{
	kt_a_xval(d, 0, membarrier_cmds, "MEMBARRIER_CMD_???");
	kt_a_flags(d, 1, membarrier_flags, "MEMBARRIER_CMD_FLAG_???");
	if ((uint32_t)kt_arg(d, 1) & 1)
		kt_a_int(d, 2);
}

/* A query's result: the commands the kernel has, in hex and by name. */
static void ret_membarrier(struct kt_dec *d)
{
	if ((uint32_t)kt_arg(d, 0) || !d->sc->ret) {
		kt_format_retval(d, KT_RV_DEC);
		return;
	}
	kt_format_retval(d, KT_RV_HEX);
	kt_buf_puts(d->b, " (");
	kt_format_flags(d->b, membarrier_cmds, (uint64_t)d->sc->ret, NULL);
	kt_buf_putc(d->b, ')');
}

/* pidfd_send_signal(3, SIGTERM, NULL, 0) = 0 */
static void dec_pidfd_send_signal(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_signal(d, 1);
	kt_a_siginfo(d, 2);
	kt_sep(d);
	kt_buf_hex(d->b, (uint32_t)kt_arg(d, 3));
}

/* sethostname("kt", 2): the name's len bytes, the pointer past 64 */
static void dec_sethostname(struct kt_dec *d)
{
	uint32_t len = (uint32_t)kt_arg(d, 1);

	if (len > 64) {
		kt_sep(d);
		kt_format_ptr(d->b, kt_arg(d, 0));
	} else {
		kt_a_strn(d, 0, len, false);
	}
	kt_a_uint(d, 1);
}

static void dec_acct(struct kt_dec *d)
{
	kt_a_path(d, 0);
}

static const struct kt_xlat delete_module_flags[] = {
	{ 04000, "O_NONBLOCK" }, { 01000, "O_TRUNC" }, KT_XEND
};

static void dec_delete_module(struct kt_dec *d)
{
	kt_a_str(d, 0);
	kt_a_flags(d, 1, delete_module_flags, "O_???");
}

static const struct kt_xlat uffd_flags[] = {
	{ 1, "UFFD_USER_MODE_ONLY" }, { 04000, "O_NONBLOCK" },
	{ 02000000, "O_CLOEXEC" }, KT_XEND
};

static void dec_userfaultfd(struct kt_dec *d)
{
	kt_a_flags(d, 0, uffd_flags, "UFFD_???");
}

static const struct kt_xlat fan_classes[] = {
	{ 0, "FAN_CLASS_NOTIF" }, { 4, "FAN_CLASS_CONTENT" },
	{ 8, "FAN_CLASS_PRE_CONTENT" }, KT_XEND
};

static const struct kt_xlat fan_init_flags[] = {
	{ 0x1, "FAN_CLOEXEC" }, { 0x2, "FAN_NONBLOCK" },
	{ 0x10, "FAN_UNLIMITED_QUEUE" }, { 0x20, "FAN_UNLIMITED_MARKS" },
	{ 0x40, "FAN_ENABLE_AUDIT" }, { 0x80, "FAN_REPORT_PIDFD" },
	{ 0x100, "FAN_REPORT_TID" }, { 0x200, "FAN_REPORT_FID" },
	{ 0x400, "FAN_REPORT_DIR_FID" }, { 0x800, "FAN_REPORT_NAME" },
	{ 0x1000, "FAN_REPORT_TARGET_FID" },
	KT_XEND
};

/* fanotify_init(FAN_CLASS_NOTIF|FAN_CLOEXEC, O_RDONLY) = 3 */
static void dec_fanotify_init(struct kt_dec *d)
{
	uint32_t flags = (uint32_t)kt_arg(d, 0);
	size_t mark;

	kt_sep(d);
	mark = kt_const_begin(d->b);
	kt_format_xval(d->b, fan_classes, flags & 0xc, "FAN_CLASS_???");
	if (flags & ~0xcU) {
		kt_buf_putc(d->b, '|');
		kt_format_flags(d->b, fan_init_flags, flags & ~0xcU, "FAN_???");
	}
	kt_const_end(d->b, mark, flags, 'x');
	kt_sep(d);
	kt_format_open_flags(d->b, (uint32_t)kt_arg(d, 1), NULL);
}

static const struct kt_xlat fan_mark_flags[] = {
	{ 0x1, "FAN_MARK_ADD" }, { 0x2, "FAN_MARK_REMOVE" },
	{ 0x4, "FAN_MARK_DONT_FOLLOW" }, { 0x8, "FAN_MARK_ONLYDIR" },
	{ 0x10, "FAN_MARK_MOUNT" }, { 0x20, "FAN_MARK_IGNORED_MASK" },
	{ 0x40, "FAN_MARK_IGNORED_SURV_MODIFY" }, { 0x80, "FAN_MARK_FLUSH" },
	{ 0x100, "FAN_MARK_FILESYSTEM" }, { 0x200, "FAN_MARK_EVICTABLE" },
	{ 0x400, "FAN_MARK_IGNORE" },
	KT_XEND
};

static const struct kt_xlat fan_events[] = {
	{ 0x1, "FAN_ACCESS" }, { 0x2, "FAN_MODIFY" }, { 0x4, "FAN_ATTRIB" },
	{ 0x8, "FAN_CLOSE_WRITE" }, { 0x10, "FAN_CLOSE_NOWRITE" },
	{ 0x20, "FAN_OPEN" }, { 0x40, "FAN_MOVED_FROM" },
	{ 0x80, "FAN_MOVED_TO" }, { 0x100, "FAN_CREATE" },
	{ 0x200, "FAN_DELETE" }, { 0x400, "FAN_DELETE_SELF" },
	{ 0x800, "FAN_MOVE_SELF" }, { 0x1000, "FAN_OPEN_EXEC" },
	{ 0x4000, "FAN_Q_OVERFLOW" }, { 0x8000, "FAN_FS_ERROR" },
	{ 0x10000, "FAN_OPEN_PERM" }, { 0x20000, "FAN_ACCESS_PERM" },
	{ 0x40000, "FAN_OPEN_EXEC_PERM" }, { 0x80000, "FAN_DIR_MODIFY" },
	{ 0x40000000, "FAN_ONDIR" }, { 0x08000000, "FAN_EVENT_ON_CHILD" },
	{ 0x10000000, "FAN_RENAME" },
	KT_XEND
};

/*
 * fanotify_mark(3, FAN_MARK_ADD, FAN_OPEN, AT_FDCWD, "."): five arguments
 * on x86_64; i386 passes the 64-bit mask in two, low word first, and its
 * path is not captured.
 */
static void dec_fanotify_mark(struct kt_dec *d)
{
	uint64_t mask = kt_arg(d, 2);
	int n = 3;
	size_t mark;

	kt_a_fd(d, 0);
	kt_a_flags(d, 1, fan_mark_flags, "FAN_MARK_???");
	if (d->sc->abi == KTRACE_CLI_ABI_I386) {
		mask |= kt_arg(d, 3) << 32;
		n = 4;
	}
	kt_sep(d);
	kt_format_flags(d->b, fan_events, mask, "FAN_???");
	if ((int)kt_arg(d, n) == -1) {
		kt_sep(d);
		mark = kt_const_begin(d->b);
		kt_buf_puts(d->b, "FAN_NOFD");
		kt_const_end(d->b, mark, (uint64_t)-1, 'd');
	} else {
		kt_a_dirfd(d, n);
	}
	kt_a_path(d, n + 1);
}

static const struct kt_xlat seccomp_ops[] = {
	{ 0, "SECCOMP_SET_MODE_STRICT" }, { 1, "SECCOMP_SET_MODE_FILTER" },
	{ 2, "SECCOMP_GET_ACTION_AVAIL" }, { 3, "SECCOMP_GET_NOTIF_SIZES" },
	KT_XEND
};

static const struct kt_xlat seccomp_filter_flags[] = {
	{ 1, "SECCOMP_FILTER_FLAG_TSYNC" }, { 2, "SECCOMP_FILTER_FLAG_LOG" },
	{ 4, "SECCOMP_FILTER_FLAG_SPEC_ALLOW" },
	{ 8, "SECCOMP_FILTER_FLAG_NEW_LISTENER" },
	{ 16, "SECCOMP_FILTER_FLAG_TSYNC_ESRCH" },
	{ 32, "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV" },
	KT_XEND
};

static const struct kt_xlat seccomp_actions[] = {
	{ 0x80000000, "SECCOMP_RET_KILL_PROCESS" },
	{ 0, "SECCOMP_RET_KILL_THREAD" }, { 0x30000, "SECCOMP_RET_TRAP" },
	{ 0x50000, "SECCOMP_RET_ERRNO" },
	{ 0x7fc00000, "SECCOMP_RET_USER_NOTIF" },
	{ 0x7ff00000, "SECCOMP_RET_TRACE" }, { 0x7ffc0000, "SECCOMP_RET_LOG" },
	{ 0x7fff0000, "SECCOMP_RET_ALLOW" },
	KT_XEND
};

/*
 * A struct sock_fprog of argument @i, as strace prints it by default:
 * {len=4, filter=0x7ffc8b4e4090}.  (strace -v prints the program's
 * instructions, which are not captured.)
 */
void kt_format_fprog(struct kt_dec *d, int i)
{
	unsigned int ls = kt_long_size(d);
	uint64_t filter;
	uint16_t len;

	if (!kt_blob_read(d, i, 0, &len, 2) ||
	    !kt_blob_ulong(d, i, ls, &filter)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_printf(d->b, "{len=%u, filter=", len);
	kt_format_ptr(d->b, filter);
	kt_buf_putc(d->b, '}');
}

/* seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_LOG]) = 0 */
static void dec_seccomp(struct kt_dec *d)
{
	uint32_t op = (uint32_t)kt_arg(d, 0);
	uint32_t act;
	uint16_t sz[3];

	kt_a_xval(d, 0, seccomp_ops, "SECCOMP_SET_MODE_???");
	if (op == 1) {
		kt_a_flags(d, 1, seccomp_filter_flags,
			   "SECCOMP_FILTER_FLAG_???");
		kt_sep(d);
		kt_format_fprog(d, 2);
		return;
	}
	kt_sep(d);
	kt_buf_hex(d->b, (uint32_t)kt_arg(d, 1));
	if (op == 2) {
		kt_sep(d);
		if (!kt_blob_read(d, 2, 0, &act, 4)) {
			kt_format_ptr(d->b, kt_arg(d, 2));
			return;
		}
		kt_buf_putc(d->b, '[');
		kt_format_xval(d->b, seccomp_actions, act, "SECCOMP_RET_???");
		kt_buf_putc(d->b, ']');
	} else if (op == 3) {
		if (kt_entry_only(d, true))
			return;
		kt_sep(d);
		if (kt_failed(d) || !kt_blob_read(d, 2, 0, sz, sizeof(sz))) {
			kt_format_ptr(d->b, kt_arg(d, 2));
			return;
		}
		kt_buf_printf(d->b, "{seccomp_notif=%u, seccomp_notif_resp=%u, seccomp_data=%u}",
			      sz[0], sz[1], sz[2]);
	} else {
		kt_a_ptr(d, 2);
	}
}

static const struct kt_xlat perf_types[] = {
	{ 0, "PERF_TYPE_HARDWARE" }, { 1, "PERF_TYPE_SOFTWARE" },
	{ 2, "PERF_TYPE_TRACEPOINT" }, { 3, "PERF_TYPE_HW_CACHE" },
	{ 4, "PERF_TYPE_RAW" }, { 5, "PERF_TYPE_BREAKPOINT" }, KT_XEND
};

static const struct kt_xlat perf_attr_sizes[] = {
	{ 64, "PERF_ATTR_SIZE_VER0" }, { 72, "PERF_ATTR_SIZE_VER1" },
	{ 80, "PERF_ATTR_SIZE_VER2" }, { 96, "PERF_ATTR_SIZE_VER3" },
	{ 104, "PERF_ATTR_SIZE_VER4" }, { 112, "PERF_ATTR_SIZE_VER5" },
	{ 120, "PERF_ATTR_SIZE_VER6" }, { 128, "PERF_ATTR_SIZE_VER7" },
	KT_XEND
};

static const struct kt_xlat perf_hw_ids[] = {
	{ 0, "PERF_COUNT_HW_CPU_CYCLES" }, { 1, "PERF_COUNT_HW_INSTRUCTIONS" },
	{ 2, "PERF_COUNT_HW_CACHE_REFERENCES" },
	{ 3, "PERF_COUNT_HW_CACHE_MISSES" },
	{ 4, "PERF_COUNT_HW_BRANCH_INSTRUCTIONS" },
	{ 5, "PERF_COUNT_HW_BRANCH_MISSES" }, { 6, "PERF_COUNT_HW_BUS_CYCLES" },
	{ 7, "PERF_COUNT_HW_STALLED_CYCLES_FRONTEND" },
	{ 8, "PERF_COUNT_HW_STALLED_CYCLES_BACKEND" },
	{ 9, "PERF_COUNT_HW_REF_CPU_CYCLES" }, KT_XEND
};

static const struct kt_xlat perf_sw_ids[] = {
	{ 0, "PERF_COUNT_SW_CPU_CLOCK" }, { 1, "PERF_COUNT_SW_TASK_CLOCK" },
	{ 2, "PERF_COUNT_SW_PAGE_FAULTS" },
	{ 3, "PERF_COUNT_SW_CONTEXT_SWITCHES" },
	{ 4, "PERF_COUNT_SW_CPU_MIGRATIONS" },
	{ 5, "PERF_COUNT_SW_PAGE_FAULTS_MIN" },
	{ 6, "PERF_COUNT_SW_PAGE_FAULTS_MAJ" },
	{ 7, "PERF_COUNT_SW_ALIGNMENT_FAULTS" },
	{ 8, "PERF_COUNT_SW_EMULATION_FAULTS" }, { 9, "PERF_COUNT_SW_DUMMY" },
	{ 10, "PERF_COUNT_SW_BPF_OUTPUT" },
	{ 11, "PERF_COUNT_SW_CGROUP_SWITCHES" }, KT_XEND
};

static const struct kt_xlat perf_cache_ids[] = {
	{ 0, "PERF_COUNT_HW_CACHE_L1D" }, { 1, "PERF_COUNT_HW_CACHE_L1I" },
	{ 2, "PERF_COUNT_HW_CACHE_LL" }, { 3, "PERF_COUNT_HW_CACHE_DTLB" },
	{ 4, "PERF_COUNT_HW_CACHE_ITLB" }, { 5, "PERF_COUNT_HW_CACHE_BPU" },
	{ 6, "PERF_COUNT_HW_CACHE_NODE" }, KT_XEND
};

static const struct kt_xlat perf_cache_ops[] = {
	{ 0, "PERF_COUNT_HW_CACHE_OP_READ" },
	{ 1, "PERF_COUNT_HW_CACHE_OP_WRITE" },
	{ 2, "PERF_COUNT_HW_CACHE_OP_PREFETCH" }, KT_XEND
};

static const struct kt_xlat perf_cache_results[] = {
	{ 0, "PERF_COUNT_HW_CACHE_RESULT_ACCESS" },
	{ 1, "PERF_COUNT_HW_CACHE_RESULT_MISS" }, KT_XEND
};

static const struct kt_xlat perf_sample_format[] = {
	{ 1 << 0, "PERF_SAMPLE_IP" }, { 1 << 1, "PERF_SAMPLE_TID" },
	{ 1 << 2, "PERF_SAMPLE_TIME" }, { 1 << 3, "PERF_SAMPLE_ADDR" },
	{ 1 << 4, "PERF_SAMPLE_READ" }, { 1 << 5, "PERF_SAMPLE_CALLCHAIN" },
	{ 1 << 6, "PERF_SAMPLE_ID" }, { 1 << 7, "PERF_SAMPLE_CPU" },
	{ 1 << 8, "PERF_SAMPLE_PERIOD" }, { 1 << 9, "PERF_SAMPLE_STREAM_ID" },
	{ 1 << 10, "PERF_SAMPLE_RAW" }, { 1 << 11, "PERF_SAMPLE_BRANCH_STACK" },
	{ 1 << 12, "PERF_SAMPLE_REGS_USER" },
	{ 1 << 13, "PERF_SAMPLE_STACK_USER" }, { 1 << 14, "PERF_SAMPLE_WEIGHT" },
	{ 1 << 15, "PERF_SAMPLE_DATA_SRC" }, { 1 << 16, "PERF_SAMPLE_IDENTIFIER" },
	{ 1 << 17, "PERF_SAMPLE_TRANSACTION" },
	{ 1 << 18, "PERF_SAMPLE_REGS_INTR" }, { 1 << 19, "PERF_SAMPLE_PHYS_ADDR" },
	{ 1 << 20, "PERF_SAMPLE_AUX" }, { 1 << 21, "PERF_SAMPLE_CGROUP" },
	{ 1 << 22, "PERF_SAMPLE_DATA_PAGE_SIZE" },
	{ 1 << 23, "PERF_SAMPLE_CODE_PAGE_SIZE" },
	{ 1 << 24, "PERF_SAMPLE_WEIGHT_STRUCT" }, KT_XEND
};

static const struct kt_xlat perf_read_format[] = {
	{ 1 << 0, "PERF_FORMAT_TOTAL_TIME_ENABLED" },
	{ 1 << 1, "PERF_FORMAT_TOTAL_TIME_RUNNING" },
	{ 1 << 2, "PERF_FORMAT_ID" }, { 1 << 3, "PERF_FORMAT_GROUP" },
	{ 1 << 4, "PERF_FORMAT_LOST" }, KT_XEND
};

static const struct kt_xlat perf_open_flags[] = {
	{ 1, "PERF_FLAG_FD_NO_GROUP" }, { 2, "PERF_FLAG_FD_OUTPUT" },
	{ 4, "PERF_FLAG_PID_CGROUP" }, { 8, "PERF_FLAG_FD_CLOEXEC" }, KT_XEND
};

/*
 * struct perf_event_attr's one-bit flags by bit, NULL for precise_ip's two
 * bits (15 and 16), which strace always prints; __reserved_1 from bit 38
 */
static const char *const perf_flag_names[38] = {
	"disabled", "inherit", "pinned", "exclusive", "exclude_user",
	"exclude_kernel", "exclude_hv", "exclude_idle", "mmap", "comm",
	"freq", "inherit_stat", "enable_on_exec", "task", "watermark", NULL,
	NULL, "mmap_data", "sample_id_all", "exclude_host", "exclude_guest",
	"exclude_callchain_kernel", "exclude_callchain_user", "mmap2",
	"comm_exec", "use_clockid", "context_switch", "write_backward",
	"namespaces", "ksymbol", "bpf_event", "aux_output", "cgroup",
	"text_poke", "build_id", "inherit_thread", "remove_on_exec", "sigtrap",
};

static const char *const precise_ip_desc[] = {
	"arbitrary skid", "constant skid", "requested to have 0 skid",
	"must have 0 skid",
};

/* config of PERF_TYPE_HARDWARE and PERF_TYPE_HW_CACHE: a PMU's id <<32 */
static void perf_config_high(struct kt_buf *b, uint64_t config, int shift)
{
	kt_buf_hex(b, config >> shift);
	kt_buf_printf(b, "<<%d|", shift);
}

/*
 * The struct perf_event_attr as strace prints it without -v: the fields
 * up to the flags (48 bytes, all the capture holds), the flags that are
 * set, precise_ip always, then "..." for the rest.  After E2BIG, the size
 * the kernel wrote back (@out, read at the exit).
 */
static void perf_attr(struct kt_dec *d, const struct kt_blob *in,
		      const struct kt_blob *out)
{
	struct kt_buf *b = d->b;
	uint32_t type, size, new_size;
	uint64_t v[5], flags;	/* config .. read_format, flags: 40 bytes */
	unsigned int k;

	memcpy(&type, in->data, 4);
	memcpy(&size, in->data + 4, 4);
	memcpy(v, in->data + 8, sizeof(v));
	if (size && size < 64) {
		kt_format_ptr(b, kt_arg(d, 0));
		return;
	}
	kt_buf_puts(b, "{type=");
	kt_format_xval(b, perf_types, type, "PERF_TYPE_???");
	kt_buf_puts(b, ", size=");
	kt_format_xval(b, perf_attr_sizes, size, "PERF_ATTR_SIZE_???");
	if ((int32_t)d->sc->ret == -7) {	/* E2BIG */
		kt_buf_puts(b, " => ");
		if (out && out->data && out->len >= 8) {
			memcpy(&new_size, out->data + 4, 4);
			kt_format_xval(b, perf_attr_sizes, new_size,
				       "PERF_ATTR_SIZE_???");
		} else {
			kt_buf_puts(b, "???");
		}
	}
	kt_buf_puts(b, ", config=");
	switch (type) {
	case 0:
		if (v[0] >> 32)
			perf_config_high(b, v[0], 32);
		kt_format_xval(b, perf_hw_ids, (uint32_t)v[0],
			       "PERF_COUNT_HW_???");
		break;
	case 1:
		kt_format_xval(b, perf_sw_ids, v[0], "PERF_COUNT_SW_???");
		break;
	case 2:
		kt_buf_udec(b, v[0]);
		break;
	case 3:
		if (v[0] >> 32)
			perf_config_high(b, v[0], 32);
		if ((uint32_t)v[0] >> 24)
			perf_config_high(b, (uint32_t)v[0], 24);
		kt_format_xval(b, perf_cache_results, (v[0] >> 16) & 0xff,
			       "PERF_COUNT_HW_CACHE_RESULT_???");
		kt_buf_puts(b, "<<16|");
		kt_format_xval(b, perf_cache_ops, (v[0] >> 8) & 0xff,
			       "PERF_COUNT_HW_CACHE_OP_???");
		kt_buf_puts(b, "<<8|");
		kt_format_xval(b, perf_cache_ids, v[0] & 0xff,
			       "PERF_COUNT_HW_CACHE_???");
		break;
	default:
		kt_buf_hex(b, v[0]);
	}
	flags = v[4];
	kt_buf_printf(b, ", %s=", flags & (1 << 10) ? "sample_freq" :
						       "sample_period");
	kt_buf_udec(b, v[1]);
	kt_buf_puts(b, ", sample_type=");
	kt_format_flags(b, perf_sample_format, v[2], "PERF_SAMPLE_???");
	kt_buf_puts(b, ", read_format=");
	kt_format_flags(b, perf_read_format, v[3], "PERF_FORMAT_???");
	for (k = 0; k < ARRAY_SIZE(perf_flag_names); k++) {
		if (k == 15)
			kt_buf_printf(b, ", precise_ip=%u /* %s */",
				      (unsigned int)(flags >> 15) & 3,
				      precise_ip_desc[(flags >> 15) & 3]);
		if (perf_flag_names[k] && (flags >> k) & 1)
			kt_buf_printf(b, ", %s=1", perf_flag_names[k]);
	}
	if (flags >> 38) {
		kt_buf_puts(b, ", __reserved_1=");
		kt_buf_hex(b, flags >> 38);
		kt_buf_puts(b, " /* Bits 63..38 */");
	}
	kt_buf_puts(b, ", ...}");
}

/*
 * perf_event_open({type=PERF_TYPE_SOFTWARE, ..., ...}, 0, -1, -1, 0) = 3,
 * all of it at the exit (strace waits for E2BIG's size).  strace -v
 * prints the rest of the attributes, which are not captured.
 */
static void dec_perf_event_open(struct kt_dec *d)
{
	const struct kt_blob *in = &d->sc->enter_blob[0];

	if (kt_entry_only(d, false))
		return;
	kt_sep(d);
	if (!kt_arg(d, 0) || !in->data || in->len < 48 ||
	    (in->flags & KT_BLOB_FAULT))
		kt_format_ptr(d->b, kt_arg(d, 0));
	else
		perf_attr(d, in, kt_exit_blob(d->sc, 0));
	kt_a_int(d, 1);
	kt_a_int(d, 2);
	kt_a_fd(d, 3);
	kt_a_flags(d, 4, perf_open_flags, "PERF_FLAG_???");
}

static const struct kt_xlat key_specs[] = {
	{ (uint32_t)-1, "KEY_SPEC_THREAD_KEYRING" },
	{ (uint32_t)-2, "KEY_SPEC_PROCESS_KEYRING" },
	{ (uint32_t)-3, "KEY_SPEC_SESSION_KEYRING" },
	{ (uint32_t)-4, "KEY_SPEC_USER_KEYRING" },
	{ (uint32_t)-5, "KEY_SPEC_USER_SESSION_KEYRING" },
	{ (uint32_t)-6, "KEY_SPEC_GROUP_KEYRING" },
	{ (uint32_t)-7, "KEY_SPEC_REQKEY_AUTH_KEY" },
	{ (uint32_t)-8, "KEY_SPEC_REQUESTOR_KEYRING" },
	KT_XEND
};

static const struct kt_xlat keyctl_cmds[] = {
	{ 0, "KEYCTL_GET_KEYRING_ID" }, { 1, "KEYCTL_JOIN_SESSION_KEYRING" },
	{ 2, "KEYCTL_UPDATE" }, { 3, "KEYCTL_REVOKE" }, { 4, "KEYCTL_CHOWN" },
	{ 5, "KEYCTL_SETPERM" }, { 6, "KEYCTL_DESCRIBE" },
	{ 7, "KEYCTL_CLEAR" }, { 8, "KEYCTL_LINK" }, { 9, "KEYCTL_UNLINK" },
	{ 10, "KEYCTL_SEARCH" }, { 11, "KEYCTL_READ" },
	{ 12, "KEYCTL_INSTANTIATE" }, { 13, "KEYCTL_NEGATE" },
	{ 14, "KEYCTL_SET_REQKEY_KEYRING" }, { 15, "KEYCTL_SET_TIMEOUT" },
	{ 16, "KEYCTL_ASSUME_AUTHORITY" }, { 17, "KEYCTL_GET_SECURITY" },
	{ 18, "KEYCTL_SESSION_TO_PARENT" }, { 19, "KEYCTL_REJECT" },
	{ 20, "KEYCTL_INSTANTIATE_IOV" }, { 21, "KEYCTL_INVALIDATE" },
	{ 22, "KEYCTL_GET_PERSISTENT" }, { 23, "KEYCTL_DH_COMPUTE" },
	{ 24, "KEYCTL_PKEY_QUERY" }, { 25, "KEYCTL_PKEY_ENCRYPT" },
	{ 26, "KEYCTL_PKEY_DECRYPT" }, { 27, "KEYCTL_PKEY_SIGN" },
	{ 28, "KEYCTL_PKEY_VERIFY" }, { 29, "KEYCTL_RESTRICT_KEYRING" },
	{ 30, "KEYCTL_MOVE" }, { 31, "KEYCTL_CAPABILITIES" },
	{ 32, "KEYCTL_WATCH_KEY" },
	KT_XEND
};

static const struct kt_xlat key_perms[] = {
	{ 0x01000000, "KEY_POS_VIEW" },
	{ 0x02000000, "KEY_POS_READ" }, { 0x04000000, "KEY_POS_WRITE" },
	{ 0x08000000, "KEY_POS_SEARCH" }, { 0x10000000, "KEY_POS_LINK" },
	{ 0x20000000, "KEY_POS_SETATTR" },
	{ 0x00010000, "KEY_USR_VIEW" },
	{ 0x00020000, "KEY_USR_READ" }, { 0x00040000, "KEY_USR_WRITE" },
	{ 0x00080000, "KEY_USR_SEARCH" }, { 0x00100000, "KEY_USR_LINK" },
	{ 0x00200000, "KEY_USR_SETATTR" },
	{ 0x00000100, "KEY_GRP_VIEW" },
	{ 0x00000200, "KEY_GRP_READ" }, { 0x00000400, "KEY_GRP_WRITE" },
	{ 0x00000800, "KEY_GRP_SEARCH" }, { 0x00001000, "KEY_GRP_LINK" },
	{ 0x00002000, "KEY_GRP_SETATTR" },
	{ 0x00000001, "KEY_OTH_VIEW" },
	{ 0x00000002, "KEY_OTH_READ" }, { 0x00000004, "KEY_OTH_WRITE" },
	{ 0x00000008, "KEY_OTH_SEARCH" }, { 0x00000010, "KEY_OTH_LINK" },
	{ 0x00000020, "KEY_OTH_SETATTR" },
	KT_XEND
};

/* A key's serial number: KEY_SPEC_SESSION_KEYRING, or in decimal */
static void a_key_serial(struct kt_dec *d, int i)
{
	uint32_t id = (uint32_t)kt_arg(d, i);
	const char *name = kt_xlat_find(key_specs, id);
	size_t mark;

	kt_sep(d);
	mark = kt_const_begin(d->b);
	if (name)
		kt_buf_puts(d->b, name);
	else
		kt_buf_dec(d->b, (int32_t)id);
	kt_const_end(d->b, mark, (uint64_t)(int64_t)(int32_t)id, 'd');
}

/*
 * keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0) = 472794686:
 * the commands that name keys, strings and buffers; the others' four
 * arguments in hex.
 */
static void dec_keyctl(struct kt_dec *d)
{
	uint32_t cmd = (uint32_t)kt_arg(d, 0);
	uint64_t len;
	int i;

	kt_sep(d);
	kt_format_xval(d->b, keyctl_cmds, cmd, "KEYCTL_???");
	switch (cmd) {
	case 0:		/* KEYCTL_GET_KEYRING_ID */
		a_key_serial(d, 1);
		kt_a_int(d, 2);
		break;
	case 1:		/* KEYCTL_JOIN_SESSION_KEYRING */
		kt_a_str(d, 1);
		break;
	case 2:		/* KEYCTL_UPDATE */
		a_key_serial(d, 1);
		kt_a_strn(d, 2, kt_arg(d, 3), false);
		kt_a_ulong(d, 3);
		break;
	case 3: case 7: case 16: case 21:	/* REVOKE, CLEAR, ... */
		a_key_serial(d, 1);
		break;
	case 4:		/* KEYCTL_CHOWN */
		a_key_serial(d, 1);
		kt_a_id(d, 2);
		kt_a_id(d, 3);
		break;
	case 5:		/* KEYCTL_SETPERM */
		a_key_serial(d, 1);
		kt_a_flags(d, 2, key_perms, "KEY_???");
		break;
	case 6: case 11: case 17:	/* DESCRIBE, READ, GET_SECURITY */
		a_key_serial(d, 1);
		if (kt_entry_only(d, true))
			return;
		if (kt_failed(d)) {
			kt_a_ptr(d, 2);
		} else {
			len = (uint64_t)d->sc->ret > kt_arg(d, 3) ?
			      kt_arg(d, 3) : (uint64_t)d->sc->ret;
			kt_a_strn(d, 2, len, cmd != 11);
		}
		kt_a_ulong(d, 3);
		break;
	case 8: case 9:		/* LINK, UNLINK */
		a_key_serial(d, 1);
		a_key_serial(d, 2);
		break;
	case 10:	/* KEYCTL_SEARCH */
		a_key_serial(d, 1);
		kt_a_str(d, 2);
		kt_a_str(d, 3);
		a_key_serial(d, 4);
		break;
	case 15:	/* KEYCTL_SET_TIMEOUT */
		a_key_serial(d, 1);
		kt_a_uint(d, 2);
		break;
	case 18:	/* KEYCTL_SESSION_TO_PARENT */
		break;
	default:
		for (i = 1; i <= 4; i++)
			kt_a_hex(d, i);
	}
}

/* add_key("user", "desc", "payload", 7, KEY_SPEC_SESSION_KEYRING) */
static void dec_add_key(struct kt_dec *d)
{
	kt_a_str(d, 0);
	kt_a_str(d, 1);
	kt_a_strn(d, 2, kt_arg(d, 3), false);
	kt_a_ulong(d, 3);
	a_key_serial(d, 4);
}

static void dec_request_key(struct kt_dec *d)
{
	kt_a_str(d, 0);
	kt_a_str(d, 1);
	kt_a_str(d, 2);
	a_key_serial(d, 3);
}

/* init_module(image, len, "params") */
static void dec_init_module(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
	kt_a_ulong(d, 1);
	kt_a_str(d, 2);
}

static const struct kt_xlat module_init_flags[] = {
	{ 1, "MODULE_INIT_IGNORE_MODVERSIONS" },
	{ 2, "MODULE_INIT_IGNORE_VERMAGIC" },
	{ 4, "MODULE_INIT_COMPRESSED_FILE" }, KT_XEND
};

/* finit_module(fd, "params", flags): how insmod loads a module. */
static void dec_finit_module(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_str(d, 1);
	kt_sep(d);
	kt_format_flags(d->b, module_init_flags, (uint32_t)kt_arg(d, 2),
			"MODULE_INIT_???");
}

#define KT_REBOOT_RESTART2	0xa1b2c3d4U

static const struct kt_xlat reboot_magic1[] = {
	{ 0xfee1dead, "LINUX_REBOOT_MAGIC1" }, KT_XEND
};

static const struct kt_xlat reboot_magic2[] = {
	{ 672274793, "LINUX_REBOOT_MAGIC2" },
	{ 85072278, "LINUX_REBOOT_MAGIC2A" },
	{ 369367448, "LINUX_REBOOT_MAGIC2B" },
	{ 537993216, "LINUX_REBOOT_MAGIC2C" }, KT_XEND
};

static const struct kt_xlat reboot_cmds[] = {
	{ 0x01234567, "LINUX_REBOOT_CMD_RESTART" },
	{ 0xcdef0123, "LINUX_REBOOT_CMD_HALT" },
	{ 0x89abcdef, "LINUX_REBOOT_CMD_CAD_ON" },
	{ 0x00000000, "LINUX_REBOOT_CMD_CAD_OFF" },
	{ 0x4321fedc, "LINUX_REBOOT_CMD_POWER_OFF" },
	{ KT_REBOOT_RESTART2, "LINUX_REBOOT_CMD_RESTART2" },
	{ 0xd000fce2, "LINUX_REBOOT_CMD_SW_SUSPEND" },
	{ 0x45584543, "LINUX_REBOOT_CMD_KEXEC" }, KT_XEND
};

/* reboot(magic, magic2, cmd, and RESTART2's command line) */
static void dec_reboot(struct kt_dec *d)
{
	uint32_t cmd = kt_arg(d, 2);

	kt_sep(d);
	kt_format_xval(d->b, reboot_magic1, (uint32_t)kt_arg(d, 0),
		       "LINUX_REBOOT_MAGIC_???");
	kt_sep(d);
	kt_format_xval(d->b, reboot_magic2, (uint32_t)kt_arg(d, 1),
		       "LINUX_REBOOT_MAGIC_???");
	kt_sep(d);
	kt_format_xval(d->b, reboot_cmds, cmd, "LINUX_REBOOT_CMD_???");
	if (cmd == KT_REBOOT_RESTART2)
		kt_a_str(d, 3);
}

static const struct kt_xlat kexec_arch_values[] = {
	{ 0 << 16, "KEXEC_ARCH_DEFAULT" }, { 3 << 16, "KEXEC_ARCH_386" },
	{ 4 << 16, "KEXEC_ARCH_68K" }, { 15 << 16, "KEXEC_ARCH_PARISC" },
	{ 62 << 16, "KEXEC_ARCH_X86_64" }, { 20 << 16, "KEXEC_ARCH_PPC" },
	{ 21 << 16, "KEXEC_ARCH_PPC64" }, { 50 << 16, "KEXEC_ARCH_IA_64" },
	{ 40 << 16, "KEXEC_ARCH_ARM" }, { 22 << 16, "KEXEC_ARCH_S390" },
	{ 42 << 16, "KEXEC_ARCH_SH" }, { 10 << 16, "KEXEC_ARCH_MIPS_LE" },
	{ 8 << 16, "KEXEC_ARCH_MIPS" }, { 183 << 16, "KEXEC_ARCH_AARCH64" },
	{ 243 << 16, "KEXEC_ARCH_RISCV" },
	{ 258ULL << 16, "KEXEC_ARCH_LOONGARCH" }, KT_XEND
};

static const struct kt_xlat kexec_load_flags[] = {
	{ 1, "KEXEC_ON_CRASH" }, { 2, "KEXEC_PRESERVE_CONTEXT" }, KT_XEND
};

#define KT_KEXEC_ARCH_MASK	0xffff0000ULL
#define KT_KEXEC_SEGMENT_MAX	16

/*
 * kexec_load(entry, nr, [{buf=0x..., bufsz=N, mem=0x..., memsz=N}, ...],
 * KEXEC_ARCH_X86_64|KEXEC_ON_CRASH): a segment is four longs.
 */
static void dec_kexec_load(struct kt_dec *d)
{
	static const char *const names[] = { "buf", "bufsz", "mem", "memsz" };
	uint64_t nr = kt_arg(d, 1), flags = kt_arg(d, 3), v;
	unsigned int ls = kt_long_size(d), f;
	uint64_t k;

	kt_a_ptr(d, 0);
	kt_a_ulong(d, 1);
	kt_sep(d);
	if (nr > KT_KEXEC_SEGMENT_MAX || !nr || !kt_blob_usable(d, 2, 0)) {
		kt_format_ptr(d->b, kt_arg(d, 2));
	} else {
		kt_buf_putc(d->b, '[');
		for (k = 0; k < nr; k++) {
			if (k)
				kt_buf_puts(d->b, ", ");
			if (k >= d->o->strsize ||
			    !kt_blob_usable(d, 2, (k + 1) * 4 * ls)) {
				kt_buf_puts(d->b, "...");
				break;
			}
			for (f = 0; f < 4; f++) {
				kt_blob_ulong(d, 2, (k * 4 + f) * ls, &v);
				kt_buf_printf(d->b, "%s%s=", f ? ", " : "{",
					      names[f]);
				if (f & 1)
					kt_buf_udec(d->b, v);
				else
					kt_format_ptr(d->b, v);
			}
			kt_buf_putc(d->b, '}');
		}
		kt_buf_putc(d->b, ']');
	}
	kt_sep(d);
	kt_format_xval(d->b, kexec_arch_values, flags & KT_KEXEC_ARCH_MASK,
		       "KEXEC_ARCH_???");
	flags &= ~KT_KEXEC_ARCH_MASK;
	if (flags) {
		kt_buf_putc(d->b, '|');
		kt_format_flags(d->b, kexec_load_flags, flags, "KEXEC_???");
	}
}

static const struct kt_xlat kexec_file_load_flags[] = {
	{ 1, "KEXEC_FILE_UNLOAD" }, { 2, "KEXEC_FILE_ON_CRASH" },
	{ 4, "KEXEC_FILE_NO_INITRAMFS" }, KT_XEND
};

/* kexec_file_load(kernel_fd, initrd_fd, cmdline_len, cmdline, flags) */
static void dec_kexec_file_load(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_fd(d, 1);
	kt_a_ulong(d, 2);
	kt_a_strn(d, 3, kt_arg(d, 2), false);
	kt_a_flags(d, 4, kexec_file_load_flags, "KEXEC_FILE_???");
}

static const struct kt_xlat landlock_access_fs[] = {
	{ 1ULL << 0, "LANDLOCK_ACCESS_FS_EXECUTE" },
	{ 1ULL << 1, "LANDLOCK_ACCESS_FS_WRITE_FILE" },
	{ 1ULL << 2, "LANDLOCK_ACCESS_FS_READ_FILE" },
	{ 1ULL << 3, "LANDLOCK_ACCESS_FS_READ_DIR" },
	{ 1ULL << 4, "LANDLOCK_ACCESS_FS_REMOVE_DIR" },
	{ 1ULL << 5, "LANDLOCK_ACCESS_FS_REMOVE_FILE" },
	{ 1ULL << 6, "LANDLOCK_ACCESS_FS_MAKE_CHAR" },
	{ 1ULL << 7, "LANDLOCK_ACCESS_FS_MAKE_DIR" },
	{ 1ULL << 8, "LANDLOCK_ACCESS_FS_MAKE_REG" },
	{ 1ULL << 9, "LANDLOCK_ACCESS_FS_MAKE_SOCK" },
	{ 1ULL << 10, "LANDLOCK_ACCESS_FS_MAKE_FIFO" },
	{ 1ULL << 11, "LANDLOCK_ACCESS_FS_MAKE_BLOCK" },
	{ 1ULL << 12, "LANDLOCK_ACCESS_FS_MAKE_SYM" },
	{ 1ULL << 13, "LANDLOCK_ACCESS_FS_REFER" }, KT_XEND
};

static const struct kt_xlat landlock_create_flags[] = {
	{ 1, "LANDLOCK_CREATE_RULESET_VERSION" }, KT_XEND
};

#define KT_LANDLOCK_RULE_PATH_BENEATH	1

/*
 * landlock_create_ruleset({handled_access_fs=...}, 8, 0): strace 6.1
 * knows the attribute's first field alone, and says "..." when the size
 * given is larger.  With LANDLOCK_CREATE_RULESET_VERSION the result is
 * the ABI version, not a descriptor (landlock_ret()).
 */
static void dec_landlock_create_ruleset(struct kt_dec *d)
{
	uint64_t size = kt_arg(d, 1), access;

	kt_sep(d);
	if (size < 8 || !kt_blob_read(d, 0, 0, &access, 8)) {
		kt_format_ptr(d->b, kt_arg(d, 0));
	} else {
		kt_buf_puts(d->b, "{handled_access_fs=");
		kt_format_flags(d->b, landlock_access_fs, access,
				"LANDLOCK_ACCESS_FS_???");
		kt_buf_puts(d->b, size > 8 ? ", ...}" : "}");
	}
	kt_a_ulong(d, 1);
	kt_sep(d);
	kt_format_flags(d->b, landlock_create_flags, (uint32_t)kt_arg(d, 2),
			"LANDLOCK_CREATE_RULESET_???");
}

static void landlock_ret(struct kt_dec *d)
{
	kt_format_retval(d, kt_arg(d, 2) & 1 ? KT_RV_DEC : KT_RV_FD);
}

static const struct kt_xlat landlock_rule_types[] = {
	{ KT_LANDLOCK_RULE_PATH_BENEATH, "LANDLOCK_RULE_PATH_BENEATH" },
	KT_XEND
};

/*
 * landlock_add_rule(fd, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=...,
 * parent_fd=3}, 0): the attribute is packed, 12 bytes.
 */
static void dec_landlock_add_rule(struct kt_dec *d)
{
	uint32_t type = kt_arg(d, 1);
	uint64_t access;
	int32_t fd;

	kt_a_fd(d, 0);
	kt_sep(d);
	kt_format_xval(d->b, landlock_rule_types, type, "LANDLOCK_RULE_???");
	kt_sep(d);
	if (type == KT_LANDLOCK_RULE_PATH_BENEATH &&
	    kt_blob_read(d, 2, 0, &access, 8) &&
	    kt_blob_read(d, 2, 8, &fd, 4)) {
		kt_buf_puts(d->b, "{allowed_access=");
		kt_format_flags(d->b, landlock_access_fs, access,
				"LANDLOCK_ACCESS_FS_???");
		kt_buf_puts(d->b, ", parent_fd=");
		kt_fd(d, fd);
		kt_buf_putc(d->b, '}');
	} else {
		kt_format_ptr(d->b, kt_arg(d, 2));
	}
	kt_sep(d);
	kt_buf_hex(d->b, (uint32_t)kt_arg(d, 3));
}

static void dec_landlock_restrict_self(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_sep(d);
	kt_buf_hex(d->b, (uint32_t)kt_arg(d, 1));
}

/* strace 6.1 prints sysfs' three arguments raw. */
static void dec_sysfs(struct kt_dec *d)
{
	kt_a_raw(d, 3);
}

static const struct kt_xlat lsm_ids[] = {
	{ 0, "LSM_ID_UNDEF" }, { 100, "LSM_ID_CAPABILITY" },
	{ 101, "LSM_ID_SELINUX" }, { 102, "LSM_ID_SMACK" },
	{ 103, "LSM_ID_TOMOYO" }, { 104, "LSM_ID_APPARMOR" },
	{ 105, "LSM_ID_YAMA" }, { 106, "LSM_ID_LOADPIN" },
	{ 107, "LSM_ID_SAFESETID" }, { 108, "LSM_ID_LOCKDOWN" },
	{ 109, "LSM_ID_BPF" }, { 110, "LSM_ID_LANDLOCK" },
	{ 111, "LSM_ID_IMA" }, { 112, "LSM_ID_EVM" }, { 113, "LSM_ID_IPE" },
	KT_XEND
};

/*
 * lsm_list_modules([LSM_ID_CAPABILITY, LSM_ID_BPF], [64 => 16], 0) = 2,
 * as strace 6.13 prints it: at the exit, the ids returned (the pointer
 * after an error), the size given and the size the kernel wrote back.
 * The size's pointer, with everything at the enter, when it could not be
 * read.
 */
static void lsm_id(struct kt_buf *b, uint64_t id)
{
	kt_format_xval(b, lsm_ids, id, "LSM_ID_???");
}

static void dec_lsm_list_modules(struct kt_dec *d)
{
	const struct kt_blob *in = &d->sc->enter_blob[1];
	const struct kt_blob *out = kt_exit_blob(d->sc, 1);
	uint32_t given, size;

	if (!in->data || in->len < 4 ||
	    (d->sc->has_exit && (!out || !out->data || out->len < 4))) {
		kt_a_ptr(d, 0);
		kt_sep(d);
		if (in->data && in->len >= 4) {
			memcpy(&given, in->data, 4);
			kt_buf_printf(d->b, "[%u]", given);
		} else {
			kt_format_ptr(d->b, kt_arg(d, 1));
		}
		kt_a_hex(d, 2);
		return;
	}
	if (kt_entry_only(d, false))
		return;
	memcpy(&given, in->data, 4);
	memcpy(&size, out->data, 4);
	kt_sep(d);
	kt_format_u64_array(d, 0, d->sc->ret > 0 ? d->sc->ret : 0, lsm_id);
	kt_sep(d);
	if (given != size)
		kt_buf_printf(d->b, "[%u => %u]", given, size);
	else
		kt_buf_printf(d->b, "[%u]", size);
	kt_a_hex(d, 2);
}

static const struct kt_decoder decoders[] = {
	{ "lsm_list_modules", dec_lsm_list_modules, KT_RV_DEC, NULL },
	{ "capget", dec_capget, KT_RV_DEC, NULL },
	{ "perf_event_open", dec_perf_event_open, KT_RV_FD, NULL },
	{ "capset", dec_capset, KT_RV_DEC, NULL },
	{ "membarrier", dec_membarrier, KT_RV_DEC, ret_membarrier },
	{ "pidfd_send_signal", dec_pidfd_send_signal, KT_RV_DEC, NULL },
	{ "sethostname", dec_sethostname, KT_RV_DEC, NULL },
	{ "setdomainname", dec_sethostname, KT_RV_DEC, NULL },
	{ "acct", dec_acct, KT_RV_DEC, NULL },
	{ "delete_module", dec_delete_module, KT_RV_DEC, NULL },
	{ "init_module", dec_init_module, KT_RV_DEC, NULL },
	{ "finit_module", dec_finit_module, KT_RV_DEC, NULL },
	{ "reboot", dec_reboot, KT_RV_DEC, NULL },
	{ "kexec_load", dec_kexec_load, KT_RV_DEC, NULL },
	{ "kexec_file_load", dec_kexec_file_load, KT_RV_DEC, NULL },
	{ "landlock_create_ruleset", dec_landlock_create_ruleset, KT_RV_FD,
	  landlock_ret },
	{ "landlock_add_rule", dec_landlock_add_rule, KT_RV_DEC, NULL },
	{ "landlock_restrict_self", dec_landlock_restrict_self, KT_RV_DEC,
	  NULL },
	{ "sysfs", dec_sysfs, KT_RV_DEC, NULL },
	{ "userfaultfd", dec_userfaultfd, KT_RV_FD, NULL },
	{ "fanotify_init", dec_fanotify_init, KT_RV_FD, NULL },
	{ "fanotify_mark", dec_fanotify_mark, KT_RV_DEC, NULL },
	{ "seccomp", dec_seccomp, KT_RV_DEC, NULL },
	{ "keyctl", dec_keyctl, KT_RV_DEC, NULL },
	{ "add_key", dec_add_key, KT_RV_DEC, NULL },
	{ "request_key", dec_request_key, KT_RV_DEC, NULL },
};

const struct kt_decoder_table kt_sys_decoders = {
	decoders, ARRAY_SIZE(decoders)
};
