// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): decoders of the process syscalls: clone, clone3, fork,
 * execve, exit, wait4 and waitid, the ids and groups, prctl and arch_prctl, the
 * thread setup calls (set_tid_address, set_robust_list, rseq), resource
 * limits and usage, futex, getrandom, uname, the scheduler calls and the
 * other calls that name a process (priorities, I/O priorities, pidfd_open,
 * kcmp, process_vm_readv and process_vm_writev).
 */
#include <string.h>

#include "decoders.h"

#define KT_CSIGNAL		0xff
#define KT_CLONE_PIDFD		0x00001000
#define KT_CLONE_SETTLS		0x00080000
#define KT_CLONE_PARENT_SETTID	0x00100000
#define KT_CLONE_CHILD_CLEARTID	0x00200000
#define KT_CLONE_CHILD_SETTID	0x01000000

static const struct kt_xlat clone_flags[] = {
	{ 0x00000100, "CLONE_VM" }, { 0x00000200, "CLONE_FS" },
	{ 0x00000400, "CLONE_FILES" }, { 0x00000800, "CLONE_SIGHAND" },
	{ 0x00001000, "CLONE_PIDFD" }, { 0x00002000, "CLONE_PTRACE" },
	{ 0x00004000, "CLONE_VFORK" }, { 0x00008000, "CLONE_PARENT" },
	{ 0x00010000, "CLONE_THREAD" }, { 0x00020000, "CLONE_NEWNS" },
	{ 0x00040000, "CLONE_SYSVSEM" }, { 0x00080000, "CLONE_SETTLS" },
	{ 0x00100000, "CLONE_PARENT_SETTID" },
	{ 0x00200000, "CLONE_CHILD_CLEARTID" },
	{ 0x00800000, "CLONE_UNTRACED" },
	{ 0x01000000, "CLONE_CHILD_SETTID" },
	{ 0x02000000, "CLONE_NEWCGROUP" }, { 0x04000000, "CLONE_NEWUTS" },
	{ 0x08000000, "CLONE_NEWIPC" }, { 0x10000000, "CLONE_NEWUSER" },
	{ 0x20000000, "CLONE_NEWPID" }, { 0x40000000, "CLONE_NEWNET" },
	{ 0x80000000, "CLONE_IO" }, { 0x100000000ULL, "CLONE_CLEAR_SIGHAND" },
	{ 0x200000000ULL, "CLONE_INTO_CGROUP" },
	KT_XEND
};

/* The child's tid, which the kernel stored at parent_tid: the result. */
static void parent_tid(struct kt_dec *d, uint64_t ptr)
{
	if (kt_exiting_ok(d))
		kt_buf_printf(d->b, "[%lld]", (long long)d->sc->ret);
	else
		kt_format_ptr(d->b, ptr);
}

/*
 * clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|SIGCHLD,
 * child_tidptr=0x7f...).  x86_64's arguments are flags, stack,
 * parent_tid, child_tid, tls; i386 swaps the last two.
 */
static void dec_clone(struct kt_dec *d)
{
	bool i386 = d->sc->abi == KTRACE_CLI_ABI_I386;
	uint64_t flags = kt_arg(d, 0) & ~(uint64_t)KT_CSIGNAL;
	int sig = kt_arg(d, 0) & KT_CSIGNAL;
	int ctid = i386 ? 4 : 3, tls = i386 ? 3 : 4;
	size_t mark;

	kt_a_name(d, "child_stack");
	kt_format_ptr(d->b, kt_arg(d, 1));
	kt_a_name(d, "flags");
	mark = kt_const_begin(d->b);
	if (flags) {
		kt_format_flags(d->b, clone_flags, flags, "CLONE_???");
		if (sig)
			kt_buf_putc(d->b, '|');
	}
	if (sig || !flags)
		kt_format_signal(d->b, sig);
	kt_const_end(d->b, mark, kt_arg(d, 0), 'x');
	if (kt_entry_only(d, false))
		return;
	if (flags & (KT_CLONE_PARENT_SETTID | KT_CLONE_PIDFD)) {
		kt_a_name(d, "parent_tid");
		if (flags & KT_CLONE_PARENT_SETTID)
			parent_tid(d, kt_arg(d, 2));
		else
			kt_format_ptr(d->b, kt_arg(d, 2));
	}
	if (flags & (KT_CLONE_CHILD_SETTID | KT_CLONE_CHILD_CLEARTID)) {
		kt_a_name(d, "child_tidptr");
		kt_format_ptr(d->b, kt_arg(d, ctid));
	}
	if (flags & KT_CLONE_SETTLS) {
		kt_a_name(d, "tls");
		kt_format_ptr(d->b, kt_arg(d, tls));
	}
}

/* struct clone_args, 64 bytes and up */
static void dec_clone3(struct kt_dec *d)
{
	uint64_t a[8];
	struct kt_buf *b = d->b;

	kt_sep(d);
	if (!kt_blob_read(d, 0, 0, a, sizeof(a))) {
		kt_format_ptr(b, kt_arg(d, 0));
	} else {
		kt_buf_puts(b, "{flags=");
		kt_format_flags(b, clone_flags, a[0], "CLONE_???");
		if (a[1] && (a[0] & KT_CLONE_PIDFD))
			kt_buf_printf(b, ", pidfd=%#llx", (unsigned long long)a[1]);
		if (a[0] & (KT_CLONE_CHILD_SETTID | KT_CLONE_CHILD_CLEARTID)) {
			kt_buf_puts(b, ", child_tid=");
			kt_format_ptr(b, a[2]);
		}
		if (a[0] & KT_CLONE_PARENT_SETTID) {
			kt_buf_puts(b, ", parent_tid=");
			kt_format_ptr(b, a[3]);
		}
		kt_buf_puts(b, ", exit_signal=");
		kt_format_signal(b, (int)a[4]);
		kt_buf_puts(b, ", stack=");
		kt_format_ptr(b, a[5]);
		kt_buf_printf(b, ", stack_size=%#llx", (unsigned long long)a[6]);
		if (a[0] & KT_CLONE_SETTLS) {
			kt_buf_puts(b, ", tls=");
			kt_format_ptr(b, a[7]);
		}
		kt_buf_putc(b, '}');
		if (kt_entry_only(d, false))
			return;
		if (kt_exiting_ok(d) && (a[0] & KT_CLONE_PARENT_SETTID))
			kt_buf_printf(b, " => {parent_tid=[%lld]}",
				      (long long)d->sc->ret);
	}
	if (kt_entry_only(d, false))
		return;
	kt_a_ulong(d, 1);
}

/* Id @k of argument @i's capture: 16 bits wide in ia32's old calls. */
static bool read_id(struct kt_dec *d, int i, size_t k, uint32_t *id)
{
	uint16_t v;

	if (!kt_ids16(d))
		return kt_blob_read(d, i, k * 4, id, 4);
	if (!kt_blob_read(d, i, k * 2, &v, 2))
		return false;
	*id = kt_id16(v);
	return true;
}

/*
 * getgroups(2, [0, 4]) = 2: the list as the kernel filled it, 2 bytes an
 * id in ia32's getgroups, 4 in getgroups32.
 */
static void dec_getgroups(struct kt_dec *d)
{
	size_t size = kt_ids16(d) ? 2 : 4;
	uint32_t g = 0;
	int64_t k;

	kt_a_int(d, 0);
	if (kt_entry_only(d, true))
		return;
	kt_sep(d);
	if (!kt_arg(d, 1)) {
		kt_buf_puts(d->b, "NULL");
		return;
	}
	if (kt_exiting_ok(d) && !d->sc->ret) {
		kt_buf_puts(d->b, "[]");
		return;
	}
	if (!kt_exiting_ok(d) || d->sc->ret < 0 || d->sc->ret > 65536 ||
	    !kt_blob_usable(d, 1, d->sc->ret * size)) {
		kt_format_ptr(d->b, kt_arg(d, 1));
		return;
	}
	kt_buf_putc(d->b, '[');
	for (k = 0; k < d->sc->ret; k++) {
		read_id(d, 1, k, &g);
		if (k)
			kt_buf_puts(d->b, ", ");
		kt_format_id(d->b, g);
	}
	kt_buf_putc(d->b, ']');
}

/*
 * x86_64's struct sysinfo: {uptime=..., loads=[...], totalram=..., ...,
 * mem_unit=1}.
 */
static void dec_sysinfo(struct kt_dec *d)
{
	static const char *const names[] = {
		"totalram", "freeram", "sharedram", "bufferram", "totalswap",
		"freeswap",
	};
	uint64_t v[14];
	uint32_t unit;
	uint16_t procs;
	unsigned int k;

	if (kt_entry_only(d, false))
		return;
	kt_sep(d);
	if (!kt_exiting_ok(d) || d->sc->abi != KTRACE_CLI_ABI_X86_64 ||
	    !kt_blob_usable(d, 0, 112)) {
		kt_format_ptr(d->b, kt_arg(d, 0));
		return;
	}
	for (k = 0; k < 13; k++)
		kt_blob_read(d, 0, k * 8, &v[k], 8);
	kt_blob_read(d, 0, 80, &procs, 2);
	kt_blob_read(d, 0, 104, &unit, 4);
	kt_buf_printf(d->b, "{uptime=%lld, loads=[%llu, %llu, %llu]",
		      (long long)v[0], (unsigned long long)v[1],
		      (unsigned long long)v[2], (unsigned long long)v[3]);
	for (k = 0; k < ARRAY_SIZE(names); k++)
		kt_buf_printf(d->b, ", %s=%llu", names[k],
			      (unsigned long long)v[4 + k]);
	kt_buf_printf(d->b, ", procs=%u, totalhigh=%llu, freehigh=%llu, mem_unit=%u}",
		      procs, (unsigned long long)v[11],
		      (unsigned long long)v[12], unit);
}

static void argv_list(struct kt_dec *d, int i)
{
	const struct kt_syscall *sc = d->sc;
	unsigned int k;

	kt_sep(d);
	if (!sc->argv) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_putc(d->b, '[');
	for (k = 0; k < sc->argc; k++) {
		if (k)
			kt_buf_puts(d->b, ", ");
		if (sc->argv[k].flags & KT_BLOB_FAULT || !sc->argv[k].data)
			kt_buf_puts(d->b, "???");
		else
			kt_format_string(d->b, &sc->argv[k], d->o);
	}
	if (sc->argv_truncated)
		kt_buf_puts(d->b, k ? ", ..." : "...");
	kt_buf_putc(d->b, ']');
}

/*
 * envp: the pointer and, when the module counted the strings
 * (KTRACE_BLOB_COUNT), strace's comment saying how many: "6 vars".
 */
static void envp(struct kt_dec *d, int i)
{
	const struct kt_blob *e = &d->sc->envp;
	const uint8_t *p, *end, *z;
	struct kt_blob str;
	uint32_t n;

	/*
	 * -v, and the module copied the strings (KTRACE_CFG_VERBOSE): all
	 * of them, as strace prints them unabbreviated, each cut at -s;
	 * "..." where the record's room ran out.
	 */
	if (kt_arg(d, i) && e->data && !kt_abbrev(d->sc)) {
		kt_sep(d);
		kt_buf_putc(d->b, '[');
		for (p = e->data, end = p + e->len; p < end; p = z + 1) {
			z = memchr(p, 0, end - p);
			if (!z)
				break;
			str = (struct kt_blob){ .data = p, .len = z - p,
						.flags = KT_BLOB_STRING };
			if (p != e->data)
				kt_buf_puts(d->b, ", ");
			kt_format_string(d->b, &str, d->o);
		}
		if (e->flags & KT_BLOB_TRUNCATED)
			kt_buf_puts(d->b, e->len ? ", ..." : "...");
		kt_buf_putc(d->b, ']');
		return;
	}
	kt_a_ptr(d, i);
	if (kt_arg(d, i) && kt_blob_read(d, i, 0, &n, 4))
		kt_buf_printf(d->b, " /* %u var%s */", n, n == 1 ? "" : "s");
}

/* execve("/bin/ls", ["ls", "/tmp"], 0x7ffd...), and envp's count */
static void dec_execve(struct kt_dec *d)
{
	kt_a_path(d, 0);
	argv_list(d, 1);
	envp(d, 2);
}

static const struct kt_xlat execveat_flags[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x1000, "AT_EMPTY_PATH" },
	KT_XEND
};

static void dec_execveat(struct kt_dec *d)
{
	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	argv_list(d, 2);
	envp(d, 3);
	kt_a_flags(d, 4, execveat_flags, "AT_???");
}

static void dec_int0(struct kt_dec *d)
{
	kt_a_int(d, 0);
}

static const struct kt_xlat wait_options[] = {
	{ 1, "WNOHANG" }, { 2, "WSTOPPED" }, { 4, "WEXITED" },
	{ 8, "WCONTINUED" }, { 0x01000000, "WNOWAIT" },
	{ 0x20000000, "__WNOTHREAD" }, { 0x40000000, "__WALL" },
	{ 0x80000000, "__WCLONE" },
	KT_XEND
};

/* A ptrace stop's event, in bits 16 to 23 of a wait status */
static const struct kt_xlat ptrace_events[] = {
	{ 1, "PTRACE_EVENT_FORK" }, { 2, "PTRACE_EVENT_VFORK" },
	{ 3, "PTRACE_EVENT_CLONE" }, { 4, "PTRACE_EVENT_EXEC" },
	{ 5, "PTRACE_EVENT_VFORK_DONE" }, { 6, "PTRACE_EVENT_EXIT" },
	{ 7, "PTRACE_EVENT_SECCOMP" }, { 128, "PTRACE_EVENT_STOP" },
	KT_XEND
};

/*
 * [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]; a ptrace stop's
 * [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP}|PTRACE_EVENT_STOP<<16]
 */
static void wait_status(struct kt_buf *b, unsigned int st)
{
	if ((st & 0xff) == 0x7f) {
		unsigned int sig = (st >> 8) & 0xff;

		kt_buf_puts(b, "[{WIFSTOPPED(s) && WSTOPSIG(s) == ");
		kt_format_signal(b, sig & 0x7f);
		if (sig & 0x80)
			kt_buf_puts(b, " | 0x80");
		kt_buf_putc(b, '}');
		st &= ~((sig << 8) | 0x7fU);
	} else if ((st & 0x7f) && (st & 0x7f) != 0x7f) {
		kt_buf_puts(b, "[{WIFSIGNALED(s) && WTERMSIG(s) == ");
		kt_format_signal(b, st & 0x7f);
		if (st & 0x80)
			kt_buf_puts(b, " && WCOREDUMP(s)");
		kt_buf_putc(b, '}');
		st &= ~0xffU;
	} else if (!(st & 0x7f)) {
		kt_buf_printf(b, "[{WIFEXITED(s) && WEXITSTATUS(s) == %u}",
			      (st >> 8) & 0xff);
		st &= ~0xff00U;
	} else if (st == 0xffff) {
		kt_buf_puts(b, "[{WIFCONTINUED(s)}");
		st = 0;
	} else {
		kt_buf_printf(b, "[%#x]", st);
		return;
	}
	if (st >> 16) {
		kt_buf_putc(b, '|');
		kt_format_xval(b, ptrace_events, st >> 16, "PTRACE_EVENT_???");
		kt_buf_puts(b, "<<16");
		st &= 0xffff;
	}
	if (st)
		kt_buf_printf(b, "|%#x", st);
	kt_buf_putc(b, ']');
}

/*
 * struct rusage (struct compat_rusage for ia32: longs of 4 bytes), what
 * the call wrote: its two times, and with -v every field.
 */
static void rusage(struct kt_dec *d, int i)
{
	static const char *const names[] = {
		"ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt",
		"ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock",
		"ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw",
		"ru_nivcsw",
	};
	unsigned int ls = kt_long_size(d), k;
	long long v[4 + ARRAY_SIZE(names)];
	uint64_t u;

	kt_sep(d);
	for (k = 0; k < ARRAY_SIZE(v); k++) {
		if (!kt_exiting_ok(d) || !kt_blob_ulong(d, i, k * ls, &u)) {
			kt_format_ptr(d->b, kt_arg(d, i));
			return;
		}
		v[k] = ls == 4 ? (long long)(int32_t)u : (long long)u;
	}
	kt_buf_printf(d->b, "{ru_utime={tv_sec=%lld, tv_usec=%lld}", v[0], v[1]);
	kt_buf_printf(d->b, ", ru_stime={tv_sec=%lld, tv_usec=%lld}", v[2], v[3]);
	if (kt_abbrev(d->sc)) {
		kt_buf_puts(d->b, ", ...}");
		return;
	}
	for (k = 0; k < ARRAY_SIZE(names); k++)
		kt_buf_printf(d->b, ", %s=%lld", names[k], v[4 + k]);
	kt_buf_putc(d->b, '}');
}

static void dec_wait4(struct kt_dec *d)
{
	uint32_t st;

	kt_a_pid(d, 0);
	if (kt_entry_only(d, true))
		return;
	kt_sep(d);
	if (kt_exiting_ok(d) && d->sc->ret > 0 && kt_blob_read(d, 1, 0, &st, 4))
		wait_status(d->b, st);
	else
		kt_format_ptr(d->b, kt_arg(d, 1));
	kt_a_flags(d, 2, wait_options, "W???");
	if (strcmp(d->name, "waitpid"))
		rusage(d, 3);
}

static const struct kt_xlat idtypes[] = {
	{ 0, "P_ALL" }, { 1, "P_PID" }, { 2, "P_PGID" }, { 3, "P_PIDFD" },
	KT_XEND
};

static void dec_waitid(struct kt_dec *d)
{
	kt_a_xval(d, 0, idtypes, "P_???");
	if (kt_arg(d, 0) == 1)		/* P_PID */
		kt_a_pid(d, 1);
	else
		kt_a_int(d, 1);
	if (kt_entry_only(d, true))
		return;
	if (kt_exiting_ok(d))
		kt_a_siginfo(d, 2);
	else
		kt_a_ptr(d, 2);
	kt_a_flags(d, 3, wait_options, "W???");
	rusage(d, 4);
}

static void dec_pid0(struct kt_dec *d)
{
	kt_a_pid(d, 0);
}

/* setpgid(pid, pgid): a process group has no name */
static void dec_setpgid(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	kt_a_int(d, 1);
}

/* setreuid(-1, 1000) = 0; setresuid(-1, 1000, -1) = 0; setfsuid(0) */
static void dec_ids(struct kt_dec *d)
{
	unsigned int i, n = kt_syscall_nargs(d->name);

	for (i = 0; i < n && i < 3; i++)
		kt_a_id16(d, i);
}

/* getresuid([0], [0], [0]) = 0: each id as the call wrote it. */
static void dec_getresid(struct kt_dec *d)
{
	uint32_t id;
	int i;

	if (kt_entry_only(d, false))
		return;
	for (i = 0; i < 3; i++) {
		kt_sep(d);
		if (!kt_exiting_ok(d) || !read_id(d, i, 0, &id)) {
			kt_format_ptr(d->b, kt_arg(d, i));
			continue;
		}
		kt_buf_putc(d->b, '[');
		kt_format_id(d->b, id);
		kt_buf_putc(d->b, ']');
	}
}

/*
 * setgroups(2, [0, 4]) = 0: the list given; NULL, [] for none, the
 * pointer when it was not read or holds more than the kernel takes.
 */
static void dec_setgroups(struct kt_dec *d)
{
	size_t size = kt_ids16(d) ? 2 : 4;
	int32_t n = (int32_t)kt_arg(d, 0);
	uint32_t g = 0;
	int32_t k;

	kt_a_int(d, 0);
	kt_sep(d);
	if (!kt_arg(d, 1) || !n) {
		kt_buf_puts(d->b, kt_arg(d, 1) ? "[]" : "NULL");
		return;
	}
	if (n < 0 || n > 65536 || !kt_blob_usable(d, 1, (size_t)n * size)) {
		kt_format_ptr(d->b, kt_arg(d, 1));
		return;
	}
	kt_buf_putc(d->b, '[');
	for (k = 0; k < n; k++) {
		if (k == (int32_t)d->o->strsize) {
			kt_buf_puts(d->b, ", ...");
			break;
		}
		read_id(d, 1, k, &g);
		if (k)
			kt_buf_puts(d->b, ", ");
		kt_format_id(d->b, g);
	}
	kt_buf_putc(d->b, ']');
}

static void dec_ptr0(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
}

static void dec_ptr_len(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
	kt_a_ulong(d, 1);
}

static void dec_rseq(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
	kt_a_hex(d, 1);
	kt_a_int(d, 2);
	kt_a_hex(d, 3);
}

static const struct kt_xlat arch_prctl_codes[] = {
	{ 0x1001, "ARCH_SET_GS" }, { 0x1002, "ARCH_SET_FS" },
	{ 0x1003, "ARCH_GET_FS" }, { 0x1004, "ARCH_GET_GS" },
	{ 0x1011, "ARCH_GET_CPUID" }, { 0x1012, "ARCH_SET_CPUID" },
	{ 0x1021, "ARCH_GET_XCOMP_SUPP" }, { 0x1022, "ARCH_GET_XCOMP_PERM" },
	{ 0x1023, "ARCH_REQ_XCOMP_PERM" },
	{ 0x1024, "ARCH_GET_XCOMP_GUEST_PERM" },
	{ 0x1025, "ARCH_REQ_XCOMP_GUEST_PERM" },
	{ 0x2001, "ARCH_MAP_VDSO_X32" }, { 0x2002, "ARCH_MAP_VDSO_32" },
	{ 0x2003, "ARCH_MAP_VDSO_64" },
	KT_XEND
};

static void dec_arch_prctl(struct kt_dec *d)
{
	kt_a_xval(d, 0, arch_prctl_codes, "ARCH_???");
	switch (kt_arg(d, 0)) {
	case 0x1012:
		kt_a_ulong(d, 1);
		break;
	case 0x1011:
		break;
	default:
		kt_a_ptr(d, 1);
	}
}

static const struct kt_xlat prctl_options[] = {
	{ 1, "PR_SET_PDEATHSIG" }, { 2, "PR_GET_PDEATHSIG" },
	{ 3, "PR_GET_DUMPABLE" }, { 4, "PR_SET_DUMPABLE" },
	{ 8, "PR_SET_KEEPCAPS" }, { 7, "PR_GET_KEEPCAPS" },
	{ 15, "PR_SET_NAME" }, { 16, "PR_GET_NAME" },
	{ 22, "PR_SET_SECCOMP" }, { 21, "PR_GET_SECCOMP" },
	{ 23, "PR_CAPBSET_READ" }, { 24, "PR_CAPBSET_DROP" },
	{ 27, "PR_GET_SECUREBITS" },
	{ 36, "PR_SET_CHILD_SUBREAPER" }, { 37, "PR_GET_CHILD_SUBREAPER" },
	{ 38, "PR_SET_NO_NEW_PRIVS" }, { 39, "PR_GET_NO_NEW_PRIVS" },
	{ 47, "PR_CAP_AMBIENT" }, { 0x59616d61, "PR_SET_PTRACER" },
	{ 35, "PR_SET_MM" }, { 41, "PR_SET_THP_DISABLE" },
	{ 42, "PR_GET_THP_DISABLE" }, { 1398164801, "PR_SET_VMA" },
	KT_XEND
};

/* <linux/capability.h>'s capabilities */
static const struct kt_xlat capabilities[] = {
	{ 0, "CAP_CHOWN" }, { 1, "CAP_DAC_OVERRIDE" },
	{ 2, "CAP_DAC_READ_SEARCH" }, { 3, "CAP_FOWNER" }, { 4, "CAP_FSETID" },
	{ 5, "CAP_KILL" }, { 6, "CAP_SETGID" }, { 7, "CAP_SETUID" },
	{ 8, "CAP_SETPCAP" }, { 9, "CAP_LINUX_IMMUTABLE" },
	{ 10, "CAP_NET_BIND_SERVICE" }, { 11, "CAP_NET_BROADCAST" },
	{ 12, "CAP_NET_ADMIN" }, { 13, "CAP_NET_RAW" }, { 14, "CAP_IPC_LOCK" },
	{ 15, "CAP_IPC_OWNER" }, { 16, "CAP_SYS_MODULE" },
	{ 17, "CAP_SYS_RAWIO" }, { 18, "CAP_SYS_CHROOT" },
	{ 19, "CAP_SYS_PTRACE" }, { 20, "CAP_SYS_PACCT" },
	{ 21, "CAP_SYS_ADMIN" }, { 22, "CAP_SYS_BOOT" },
	{ 23, "CAP_SYS_NICE" }, { 24, "CAP_SYS_RESOURCE" },
	{ 25, "CAP_SYS_TIME" }, { 26, "CAP_SYS_TTY_CONFIG" },
	{ 27, "CAP_MKNOD" }, { 28, "CAP_LEASE" }, { 29, "CAP_AUDIT_WRITE" },
	{ 30, "CAP_AUDIT_CONTROL" }, { 31, "CAP_SETFCAP" },
	{ 32, "CAP_MAC_OVERRIDE" }, { 33, "CAP_MAC_ADMIN" },
	{ 34, "CAP_SYSLOG" }, { 35, "CAP_WAKE_ALARM" },
	{ 36, "CAP_BLOCK_SUSPEND" }, { 37, "CAP_AUDIT_READ" },
	{ 38, "CAP_PERFMON" }, { 39, "CAP_BPF" },
	{ 40, "CAP_CHECKPOINT_RESTORE" },
	KT_XEND
};

static const struct kt_xlat cap_ambient_ops[] = {
	{ 1, "PR_CAP_AMBIENT_IS_SET" }, { 2, "PR_CAP_AMBIENT_RAISE" },
	{ 3, "PR_CAP_AMBIENT_LOWER" }, { 4, "PR_CAP_AMBIENT_CLEAR_ALL" },
	KT_XEND
};

static const struct kt_xlat seccomp_modes[] = {
	{ 0, "SECCOMP_MODE_DISABLED" }, { 1, "SECCOMP_MODE_STRICT" },
	{ 2, "SECCOMP_MODE_FILTER" }, KT_XEND
};

static void dec_prctl(struct kt_dec *d)
{
	kt_a_xval(d, 0, prctl_options, "PR_???");
	switch (kt_arg(d, 0)) {
	case 2: case 3: case 7: case 21: case 27: case 37:
		break;
	case 1:
		kt_a_signal(d, 1);
		break;
	case 4: case 8: case 36:
		kt_a_ulong(d, 1);
		break;
	case 23: case 24:	/* PR_CAPBSET_READ, PR_CAPBSET_DROP */
		kt_a_xval(d, 1, capabilities, "CAP_???");
		break;
	case 47:		/* PR_CAP_AMBIENT: IS_SET, RAISE, LOWER a cap */
		kt_a_xval(d, 1, cap_ambient_ops, "PR_CAP_AMBIENT_???");
		if (kt_arg(d, 1) >= 1 && kt_arg(d, 1) <= 3)
			kt_a_xval(d, 2, capabilities, "CAP_???");
		else
			kt_a_hex(d, 2);
		kt_a_hex(d, 3);
		kt_a_hex(d, 4);
		break;
	case 15:
		kt_a_str(d, 1);
		break;
	case 22:		/* PR_SET_SECCOMP: the mode, a filter's program */
		kt_a_xval(d, 1, seccomp_modes, "SECCOMP_MODE_???");
		if (kt_arg(d, 1) == 2) {
			kt_sep(d);
			kt_format_fprog(d, 2);
		} else if (kt_arg(d, 1) != 1) {
			kt_a_hex(d, 2);
			kt_a_hex(d, 3);
			kt_a_hex(d, 4);
		}
		break;
	case 16:
		if (kt_entry_only(d, true))
			return;
		if (kt_exiting_ok(d))
			kt_a_str(d, 1);
		else
			kt_a_ptr(d, 1);
		break;
	case 38:
		kt_a_ulong(d, 1);
		kt_a_ulong(d, 2);
		kt_a_ulong(d, 3);
		kt_a_ulong(d, 4);
		break;
	default:
		kt_a_hex(d, 1);
		kt_a_hex(d, 2);
		kt_a_hex(d, 3);
		kt_a_hex(d, 4);
	}
}

static const struct kt_xlat suid_dump[] = {
	{ 0, "SUID_DUMP_DISABLE" }, { 1, "SUID_DUMP_USER" },
	{ 2, "SUID_DUMP_ROOT" }, KT_XEND
};

/* prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER) */
static void ret_prctl(struct kt_dec *d)
{
	const char *name = NULL;

	if (kt_arg(d, 0) == 3)		/* PR_GET_DUMPABLE */
		name = kt_xlat_find(suid_dump, (uint64_t)d->sc->ret);
	kt_format_retval(d, KT_RV_DEC);
	if (name)
		kt_buf_printf(d->b, " (%s)", name);
}

static const struct kt_xlat per_types[] = {
	{ 0, "PER_LINUX" }, { 0x6, "PER_BSD" }, { 0x8, "PER_LINUX32" },
	{ 0xc, "PER_RISCOS" }, { 0xf, "PER_OSF4" }, { 0x10, "PER_HPUX" },
	{ 0xff, "PER_MASK" },
	KT_XEND
};

static const struct kt_xlat per_flags[] = {
	{ 0x0020000, "UNAME26" }, { 0x0040000, "ADDR_NO_RANDOMIZE" },
	{ 0x0080000, "FDPIC_FUNCPTRS" }, { 0x0100000, "MMAP_PAGE_ZERO" },
	{ 0x0200000, "ADDR_COMPAT_LAYOUT" },
	{ 0x0400000, "READ_IMPLIES_EXEC" }, { 0x0800000, "ADDR_LIMIT_32BIT" },
	{ 0x1000000, "SHORT_INODE" }, { 0x2000000, "WHOLE_SECONDS" },
	{ 0x4000000, "STICKY_TIMEOUTS" }, { 0x8000000, "ADDR_LIMIT_3GB" },
	KT_XEND
};

/*
 * PER_LINUX|ADDR_NO_RANDOMIZE: the type in the low byte (strace names
 * only those that fit in it), then the flags.
 */
static void personality(struct kt_buf *b, uint32_t pers)
{
	kt_format_xval(b, per_types, pers & 0xff, "PER_???");
	if (pers & ~0xffU) {
		kt_buf_putc(b, '|');
		kt_format_flags(b, per_flags, pers & ~0xffU, NULL);
	}
}

/* personality(0xffffffff) = 0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE) */
static void dec_personality(struct kt_dec *d)
{
	uint32_t pers = (uint32_t)kt_arg(d, 0);

	kt_sep(d);
	if (pers == 0xffffffff)
		kt_buf_puts(d->b, "0xffffffff");
	else
		personality(d->b, pers);
}

static void ret_personality(struct kt_dec *d)
{
	kt_format_retval(d, KT_RV_HEX);
	kt_buf_puts(d->b, " (");
	personality(d->b, (uint32_t)d->sc->ret);
	kt_buf_putc(d->b, ')');
}

static const struct kt_xlat rlimits[] = {
	{ 0, "RLIMIT_CPU" }, { 1, "RLIMIT_FSIZE" }, { 2, "RLIMIT_DATA" },
	{ 3, "RLIMIT_STACK" }, { 4, "RLIMIT_CORE" }, { 5, "RLIMIT_RSS" },
	{ 6, "RLIMIT_NPROC" }, { 7, "RLIMIT_NOFILE" },
	{ 8, "RLIMIT_MEMLOCK" }, { 9, "RLIMIT_AS" }, { 10, "RLIMIT_LOCKS" },
	{ 11, "RLIMIT_SIGPENDING" }, { 12, "RLIMIT_MSGQUEUE" },
	{ 13, "RLIMIT_NICE" }, { 14, "RLIMIT_RTPRIO" },
	{ 15, "RLIMIT_RTTIME" },
	KT_XEND
};

static void rlim_value(struct kt_buf *b, uint64_t v, bool is64, bool l32)
{
	size_t mark = kt_const_begin(b);

	if (v == UINT64_MAX || (l32 && v == UINT32_MAX))
		kt_buf_puts(b, is64 ? "RLIM64_INFINITY" : "RLIM_INFINITY");
	else if (v > 1024 && !(v % 1024))	/* strace's: 1024 as it is */
		kt_buf_printf(b, "%llu*1024", (unsigned long long)(v / 1024));
	else
		kt_buf_printf(b, "%llu", (unsigned long long)v);
	kt_const_end(b, mark, v, 'u');
}

/* {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY} */
static void rlimit(struct kt_dec *d, int i, bool is64)
{
	unsigned int sz = is64 ? 8 : kt_long_size(d);
	uint64_t cur = 0, max = 0;
	uint32_t c32, m32;
	bool ok;

	kt_sep(d);
	if (sz == 8) {
		ok = kt_blob_read(d, i, 0, &cur, 8) &&
		     kt_blob_read(d, i, 8, &max, 8);
	} else {
		ok = kt_blob_read(d, i, 0, &c32, 4) &&
		     kt_blob_read(d, i, 4, &m32, 4);
		cur = c32;
		max = m32;
	}
	if (!ok) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_puts(d->b, "{rlim_cur=");
	rlim_value(d->b, cur, is64, sz == 4);
	kt_buf_puts(d->b, ", rlim_max=");
	rlim_value(d->b, max, is64, sz == 4);
	kt_buf_putc(d->b, '}');
}

static void dec_prlimit64(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	kt_a_xval(d, 1, rlimits, "RLIMIT_???");
	rlimit(d, 2, true);
	if (kt_entry_only(d, true))
		return;
	if (kt_exiting_ok(d))
		rlimit(d, 3, true);
	else
		kt_a_ptr(d, 3);
}

static void dec_getrlimit(struct kt_dec *d)
{
	kt_a_xval(d, 0, rlimits, "RLIMIT_???");
	if (kt_entry_only(d, true))
		return;
	if (kt_exiting_ok(d))
		rlimit(d, 1, false);
	else
		kt_a_ptr(d, 1);
}

static void dec_setrlimit(struct kt_dec *d)
{
	kt_a_xval(d, 0, rlimits, "RLIMIT_???");
	rlimit(d, 1, false);
}

static const struct kt_xlat grnd_flags[] = {
	{ 1, "GRND_NONBLOCK" }, { 2, "GRND_RANDOM" }, { 4, "GRND_INSECURE" },
	KT_XEND
};

static const char *const syslog_actions[] = {
	"CLOSE", "OPEN", "READ", "READ_ALL", "READ_CLEAR", "CLEAR",
	"CONSOLE_OFF", "CONSOLE_ON", "CONSOLE_LEVEL", "SIZE_UNREAD",
	"SIZE_BUFFER",
};

static const char *const log_levels[] = {
	"EMERG", "ALERT", "CRIT", "ERR", "WARNING", "NOTICE", "INFO", "DEBUG",
	"DEBUG+1",
};

/* "3 /+ SYSLOG_ACTION_READ_ALL +/": strace prints these so under any -X. */
static void syslog_const(struct kt_buf *b, int v, const char *prefix,
			 const char *const *names, unsigned int n)
{
	kt_buf_printf(b, "%d /* %s%s */", v, prefix,
		      v >= 0 && (unsigned int)v < n ? names[v] : "???");
}

/*
 * syslog(2), as strace prints it: the action, then only what the action
 * reads.  The buffer of the reading actions shows at the exit.
 */
static void dec_syslog(struct kt_dec *d)
{
	int type = (int)kt_arg(d, 0), len = (int)kt_arg(d, 2);

	kt_sep(d);
	syslog_const(d->b, type, "SYSLOG_ACTION_", syslog_actions,
		     ARRAY_SIZE(syslog_actions));
	switch (type) {
	case 0: case 1: case 5: case 6: case 7: case 9: case 10:
		return;
	case 2: case 3: case 4:
		if (kt_entry_only(d, true))
			return;
		kt_a_buf(d, 1, d->sc->ret);
		break;
	case 8:
		kt_a_ptr(d, 1);
		kt_sep(d);
		syslog_const(d->b, len, "LOGLEVEL_", log_levels,
			     ARRAY_SIZE(log_levels));
		return;
	default:
		kt_a_ptr(d, 1);
	}
	kt_sep(d);
	kt_buf_dec(d->b, len);
}

static void dec_getrandom(struct kt_dec *d)
{
	const struct kt_blob *blob = kt_blob_at(d, 0);

	if (kt_entry_only(d, false))
		return;
	kt_sep(d);
	if (kt_exiting_ok(d) && kt_arg(d, 0) && !d->sc->ret) {
		kt_buf_puts(d->b, "\"\"");	/* nothing written */
	} else if (kt_exiting_ok(d) && blob && blob->data) {
		size_t n = blob->len < (uint64_t)d->sc->ret ? blob->len :
			   (size_t)d->sc->ret;

		kt_format_hex_bytes(d->b, blob->data, n, d->o->strsize,
				    n < (uint64_t)d->sc->ret ||
				    (blob->flags & KT_BLOB_TRUNCATED));
	} else {
		kt_format_ptr(d->b, kt_arg(d, 0));
	}
	kt_a_ulong(d, 1);
	kt_a_flags(d, 2, grnd_flags, "GRND_???");
}

/* {sysname="Linux", nodename="vm", ...}; with -v release= to domainname= */
static void dec_uname(struct kt_dec *d)
{
	static const char *const names[] = {
		"release", "version", "machine", "domainname"
	};
	struct kt_blob f;
	int k;

	if (kt_entry_only(d, false))
		return;
	kt_sep(d);
	if (!kt_exiting_ok(d) || !kt_blob_usable(d, 0, 2 * 65)) {
		kt_format_ptr(d->b, kt_arg(d, 0));
		return;
	}
	f.flags = KT_BLOB_STRING;
	f.data = d->sc->blob[0].data;
	f.len = strnlen((const char *)f.data, 65);
	kt_buf_puts(d->b, "{sysname=");
	kt_format_path(d->b, &f);
	f.data += 65;
	f.len = strnlen((const char *)f.data, 65);
	kt_buf_puts(d->b, ", nodename=");
	kt_format_path(d->b, &f);
	if (kt_abbrev(d->sc) || !kt_blob_usable(d, 0, 6 * 65)) {
		kt_buf_puts(d->b, ", ...}");
		return;
	}
	for (k = 0; k < 4; k++) {
		f.data += 65;
		f.len = strnlen((const char *)f.data, 65);
		kt_buf_printf(d->b, ", %s=", names[k]);
		kt_format_path(d->b, &f);
	}
	kt_buf_putc(d->b, '}');
}

/*
 * A CPU mask of len bytes: [0 1], the CPUs whose bits are set in the first
 * 128 bytes (strace's limit: the size the kernel takes when it has up to
 * 1024 CPUs), "..." after them when len is beyond that; [] when len is 0.
 */
static void cpu_list(struct kt_dec *d, int i, uint64_t len)
{
	const struct kt_blob *blob = kt_blob_at(d, i);
	uint64_t n = len < 128 ? len : 128, words, cpu;
	unsigned int ls = kt_long_size(d);
	bool first = true;

	kt_sep(d);
	if (!kt_arg(d, i)) {
		kt_format_ptr(d->b, 0);
		return;
	}
	if (!len) {
		kt_buf_puts(d->b, "[]");
		return;
	}
	if (!kt_blob_usable(d, i, n)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	words = (n + ls - 1) / ls * ls;
	kt_buf_putc(d->b, '[');
	for (cpu = 0; cpu < n * 8; cpu++) {
		if (!(blob->data[cpu / 8] & (1u << (cpu % 8))))
			continue;
		kt_buf_printf(d->b, "%s%llu", first ? "" : " ",
			      (unsigned long long)cpu);
		first = false;
	}
	if (words < len)
		kt_buf_puts(d->b, first ? "..." : " ...");
	kt_buf_putc(d->b, ']');
}

/* sched_getaffinity(0, 128, [0 1]) = 8 */
static void dec_sched_getaffinity(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	kt_a_uint(d, 1);
	if (kt_entry_only(d, true))
		return;
	if (!kt_exiting_ok(d)) {
		kt_a_ptr(d, 2);
		return;
	}
	cpu_list(d, 2, (uint64_t)d->sc->ret);
}

/*
 * The calls that name a process by its id, which -Y follows with its name
 * as strace does, and the scheduler's structures they pass.
 */
static const struct kt_xlat sched_policies[] = {
	{ 0, "SCHED_OTHER" }, { 1, "SCHED_FIFO" }, { 2, "SCHED_RR" },
	{ 3, "SCHED_BATCH" }, { 4, "SCHED_ISO" }, { 5, "SCHED_IDLE" },
	{ 6, "SCHED_DEADLINE" }, KT_XEND
};

/* sched_get_priority_min(SCHED_OTHER), sched_get_priority_max */
static void dec_sched_policy(struct kt_dec *d)
{
	kt_a_xval(d, 0, sched_policies, "SCHED_???");
}

/* sched_getscheduler(42<sh>) = 0 (SCHED_OTHER) */
static void ret_sched_getscheduler(struct kt_dec *d)
{
	const char *name = kt_xlat_find(sched_policies, (uint64_t)d->sc->ret);

	kt_format_retval(d, KT_RV_DEC);
	if (name)
		kt_buf_printf(d->b, " (%s)", name);
}

/*
 * A struct sched_param as strace 6.1 prints it, its one int in brackets:
 * [0], or the pointer (strace 7.0 prints {sched_priority=0}).
 */
static void sched_param(struct kt_dec *d, int i)
{
	int32_t prio;

	kt_sep(d);
	if (kt_arg(d, i) && kt_blob_read(d, i, 0, &prio, 4))
		kt_buf_printf(d->b, "[%d]", prio);
	else
		kt_format_ptr(d->b, kt_arg(d, i));
}

/* sched_setscheduler(42<sh>, SCHED_OTHER, [0]) */
static void dec_sched_setscheduler(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	kt_a_xval(d, 1, sched_policies, "SCHED_???");
	sched_param(d, 2);
}

/* sched_getparam(42<sh>, [0]): printed at the exit */
static void dec_sched_getparam(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	if (kt_entry_only(d, true))
		return;
	if (kt_exiting_ok(d))
		sched_param(d, 1);
	else
		kt_a_ptr(d, 1);
}

static void dec_sched_setparam(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	sched_param(d, 1);
}

/* sched_rr_get_interval(42<sh>, {tv_sec=0, tv_nsec=100000000}) */
static void dec_sched_rr_get_interval(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	if (kt_entry_only(d, true))
		return;
	if (kt_exiting_ok(d))
		kt_a_timespec(d, 1);
	else
		kt_a_ptr(d, 1);
}

/* sched_setaffinity(42<sh>, 128, [0 1]) */
static void dec_sched_setaffinity(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	kt_a_uint(d, 1);
	cpu_list(d, 2, (uint32_t)kt_arg(d, 1));
}

/* struct sched_attr, its size of 5.0 (VER0) and of 5.3 (VER1) */
#define KT_SCHED_ATTR_VER0	48
#define KT_SCHED_ATTR_VER1	56
#define KT_SCHED_FLAG_KEEP_POLICY	0x08
#define KT_SCHED_FLAG_KEEP_PARAMS	0x10

static const struct kt_xlat sched_flags[] = {
	{ 0x01, "SCHED_FLAG_RESET_ON_FORK" }, { 0x02, "SCHED_FLAG_RECLAIM" },
	{ 0x04, "SCHED_FLAG_DL_OVERRUN" },
	{ 0x08, "SCHED_FLAG_KEEP_POLICY" }, { 0x10, "SCHED_FLAG_KEEP_PARAMS" },
	{ 0x20, "SCHED_FLAG_UTIL_CLAMP_MIN" },
	{ 0x40, "SCHED_FLAG_UTIL_CLAMP_MAX" }, KT_XEND
};

/*
 * A struct sched_attr as strace prints it: sched_getattr's (set, false)
 * the bytes the kernel wrote, as many as its size field says, of the
 * usize the caller gave; sched_setattr's those its size field asks the
 * kernel to read (0: VER0), the fields its KEEP flags make the kernel
 * ignore left out, and "..." for a size beyond VER1.
 */
static void sched_attr(struct kt_dec *d, int i, bool set, uint32_t usize)
{
	const struct kt_blob *blob = kt_blob_at(d, i);
	uint8_t a[KT_SCHED_ATTR_VER1] = { 0 };
	uint32_t size, policy, prio, umin, umax;
	uint64_t flags, rt, dl, period;
	int32_t nice;

	kt_sep(d);
	if (!kt_arg(d, i) || !kt_blob_usable(d, i, 4)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	memcpy(&size, blob->data, 4);
	if (set)
		usize = size ? size : KT_SCHED_ATTR_VER0;
	if (!set || usize >= KT_SCHED_ATTR_VER0) {
		uint32_t n = usize < sizeof(a) ? usize : sizeof(a);

		if (!kt_blob_usable(d, i, n)) {
			kt_format_ptr(d->b, kt_arg(d, i));
			return;
		}
		memcpy(a, blob->data, n);
		memcpy(&size, a, 4);
	}
	kt_buf_printf(d->b, "{size=%u", size);
	/* What was read: usize's bytes for a set, size's for a get. */
	if (!set)
		usize = size;
	if (usize < KT_SCHED_ATTR_VER0)
		goto end;
	memcpy(&policy, a + 4, 4);
	memcpy(&flags, a + 8, 8);
	memcpy(&nice, a + 16, 4);
	memcpy(&prio, a + 20, 4);
	memcpy(&rt, a + 24, 8);
	memcpy(&dl, a + 32, 8);
	memcpy(&period, a + 40, 8);
	if (!set || (int32_t)policy < 0 ||
	    !(flags & (KT_SCHED_FLAG_KEEP_POLICY | KT_SCHED_FLAG_KEEP_PARAMS))) {
		kt_buf_puts(d->b, ", sched_policy=");
		kt_format_xval(d->b, sched_policies, policy, "SCHED_???");
	}
	kt_buf_puts(d->b, ", sched_flags=");
	kt_format_flags(d->b, sched_flags, flags, "SCHED_FLAG_???");
	if (!set || !(flags & KT_SCHED_FLAG_KEEP_PARAMS)) {
		kt_buf_printf(d->b, ", sched_nice=%d, sched_priority=%u",
			      nice, prio);
		kt_buf_printf(d->b, ", sched_runtime=%llu, sched_deadline=%llu",
			      (unsigned long long)rt, (unsigned long long)dl);
		kt_buf_printf(d->b, ", sched_period=%llu",
			      (unsigned long long)period);
	}
	if (usize < KT_SCHED_ATTR_VER1)
		goto end;
	memcpy(&umin, a + 48, 4);
	memcpy(&umax, a + 52, 4);
	kt_buf_printf(d->b, ", sched_util_min=%u, sched_util_max=%u", umin,
		      umax);
end:
	if (set && usize > KT_SCHED_ATTR_VER1)
		kt_buf_puts(d->b, ", ...");
	kt_buf_putc(d->b, '}');
}

/* sched_getattr(pid, {size=56, ...}, 56, 0): printed at the exit */
static void dec_sched_getattr(struct kt_dec *d)
{
	uint32_t usize = kt_arg(d, 2);

	kt_a_pid(d, 0);
	if (kt_entry_only(d, true))
		return;
	if (usize && kt_exiting_ok(d))
		sched_attr(d, 1, false, usize);
	else
		kt_a_ptr(d, 1);
	kt_a_uint(d, 2);
	kt_a_uint(d, 3);
}

/* sched_setattr(pid, {size=56, ...}, 0) */
static void dec_sched_setattr(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	sched_attr(d, 1, true, 0);
	if (kt_entry_only(d, true))
		return;
	kt_a_uint(d, 2);
}

/* get_robust_list(42<sh>, 0x7ffd..., 0x7ffd...) */
static void dec_get_robust_list(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	kt_a_ptr(d, 1);
	kt_a_ptr(d, 2);
}

static const struct kt_xlat prio_which[] = {
	{ 0, "PRIO_PROCESS" }, { 1, "PRIO_PGRP" }, { 2, "PRIO_USER" }, KT_XEND
};

/* getpriority(PRIO_PROCESS, 42<sh>), setpriority(..., 0): who is a pid */
static void dec_priority(struct kt_dec *d)
{
	kt_a_xval(d, 0, prio_which, "PRIO_???");
	if ((uint32_t)kt_arg(d, 0) == 0)
		kt_a_pid(d, 1);
	else
		kt_a_int(d, 1);
	if (!strcmp(d->name, "setpriority"))
		kt_a_int(d, 2);
}

static const struct kt_xlat ioprio_who[] = {
	{ 1, "IOPRIO_WHO_PROCESS" }, { 2, "IOPRIO_WHO_PGRP" },
	{ 3, "IOPRIO_WHO_USER" }, KT_XEND
};

static const struct kt_xlat ioprio_classes[] = {
	{ 0, "IOPRIO_CLASS_NONE" }, { 1, "IOPRIO_CLASS_RT" },
	{ 2, "IOPRIO_CLASS_BE" }, { 3, "IOPRIO_CLASS_IDLE" }, KT_XEND
};

/* IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4): class in bits 13-15 */
static void ioprio_value(struct kt_buf *b, unsigned int v)
{
	kt_buf_puts(b, "IOPRIO_PRIO_VALUE(");
	kt_format_xval(b, ioprio_classes, v >> 13, "IOPRIO_CLASS_???");
	kt_buf_printf(b, ", %u)", v & 0x1fff);
}

/* ioprio_get(IOPRIO_WHO_PROCESS, 42<sh>), ioprio_set(..., IOPRIO_...) */
static void dec_ioprio(struct kt_dec *d)
{
	kt_a_xval(d, 0, ioprio_who, "IOPRIO_WHO_???");
	if ((uint32_t)kt_arg(d, 0) == 1)
		kt_a_pid(d, 1);
	else
		kt_a_int(d, 1);
	if (!strcmp(d->name, "ioprio_set")) {
		kt_sep(d);
		ioprio_value(d->b, (uint32_t)kt_arg(d, 2));
	}
}

/* ioprio_get(...) = 0 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0)) */
static void ret_ioprio_get(struct kt_dec *d)
{
	kt_format_retval(d, KT_RV_DEC);
	kt_buf_puts(d->b, " (");
	ioprio_value(d->b, (uint32_t)d->sc->ret);
	kt_buf_putc(d->b, ')');
}

static const struct kt_xlat pidfd_flags[] = {
	{ 04000, "PIDFD_NONBLOCK" }, KT_XEND
};

/* pidfd_open(42<sh>, 0) = 3 */
static void dec_pidfd_open(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	kt_a_flags(d, 1, pidfd_flags, NULL);
}

static const struct kt_xlat kcmp_types[] = {
	{ 0, "KCMP_FILE" }, { 1, "KCMP_VM" }, { 2, "KCMP_FILES" },
	{ 3, "KCMP_FS" }, { 4, "KCMP_SIGHAND" }, { 5, "KCMP_IO" },
	{ 6, "KCMP_SYSVSEM" }, { 7, "KCMP_EPOLL_TFD" }, KT_XEND
};

/*
 * kcmp(42<sh>, 43<sh>, KCMP_VM): the indexes print for the types that
 * use them, as numbers (each a descriptor of another process).
 */
static void dec_kcmp(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	kt_a_pid(d, 1);
	kt_a_xval(d, 2, kcmp_types, "KCMP_???");
	switch (kt_arg(d, 2)) {
	case 0:
		kt_a_int(d, 3);
		kt_a_int(d, 4);
		break;
	case 7:
		kt_a_int(d, 3);
		kt_a_ptr(d, 4);
		break;
	}
}

/*
 * An iovec array's addresses and lengths, from a copy of the array
 * (KTRACE_BLOB_DATA): [{iov_base=0x7ffd..., iov_len=4}], "..." after -s
 * entries or where the copy ends.
 */
void kt_a_iov_addrs(struct kt_dec *d, int i, uint64_t cnt)
{
	const struct kt_blob *blob = kt_blob_at(d, i);
	unsigned int ls = kt_long_size(d);
	uint64_t k, base, len;

	kt_sep(d);
	if (!kt_arg(d, i) || !blob || !blob->data) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_putc(d->b, '[');
	for (k = 0; k < cnt; k++) {
		if (k)
			kt_buf_puts(d->b, ", ");
		if (k >= d->o->strsize || !kt_blob_ulong(d, i, k * 2 * ls, &base) ||
		    !kt_blob_ulong(d, i, (k * 2 + 1) * ls, &len)) {
			kt_buf_puts(d->b, "...");
			break;
		}
		kt_buf_puts(d->b, "{iov_base=");
		kt_format_ptr(d->b, base);
		kt_buf_printf(d->b, ", iov_len=%llu}", (unsigned long long)len);
	}
	kt_buf_putc(d->b, ']');
}

/* The local iovecs with their buffers (KTRACE_BLOB_IOV), else addresses. */
static void iov_local(struct kt_dec *d, int i, uint64_t cnt)
{
	const struct kt_blob *blob = kt_blob_at(d, i);

	if (!kt_blob_usable(d, i, 0) || cnt > 1024) {
		kt_a_ptr(d, i);
		return;
	}
	kt_sep(d);
	kt_format_iov(d, blob->data, blob->len, cnt);
}

/*
 * process_vm_readv(42<sh>, [{iov_base="abc\0", iov_len=4}], 1,
 * [{iov_base=0x7ffd..., iov_len=4}], 1, 0) = 4: printed at the exit, the
 * local buffers as read (their addresses after an error).
 */
static void dec_process_vm_readv(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	if (kt_entry_only(d, true))
		return;
	if (kt_exiting_ok(d))
		iov_local(d, 1, kt_arg(d, 2));
	else
		kt_a_iov_addrs(d, 1, kt_arg(d, 2));
	kt_a_ulong(d, 2);
	kt_a_iov_addrs(d, 3, kt_arg(d, 4));
	kt_a_ulong(d, 4);
	kt_a_ulong(d, 5);
}

/* process_vm_writev: the local buffers as written */
static void dec_process_vm_writev(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	iov_local(d, 1, kt_arg(d, 2));
	kt_a_ulong(d, 2);
	kt_a_iov_addrs(d, 3, kt_arg(d, 4));
	kt_a_ulong(d, 4);
	kt_a_ulong(d, 5);
}

static const struct kt_xlat rusage_who[] = {
	{ 0, "RUSAGE_SELF" }, { (uint32_t)-1, "RUSAGE_CHILDREN" },
	{ 1, "RUSAGE_THREAD" }, KT_XEND
};

static void dec_getrusage(struct kt_dec *d)
{
	kt_sep(d);
	kt_format_xval(d->b, rusage_who, (uint32_t)kt_arg(d, 0), "RUSAGE_???");
	if (kt_entry_only(d, true))
		return;
	rusage(d, 1);
}

/* times({tms_utime=9 /+ 0.09 s +/, ...}), at 100 ticks a second */
static void dec_times(struct kt_dec *d)
{
	static const char *const names[] = {
		"tms_utime", "tms_stime", "tms_cutime", "tms_cstime"
	};
	unsigned int ls = kt_long_size(d);
	uint64_t t;
	int k;

	if (kt_entry_only(d, false))
		return;
	kt_sep(d);
	if (!kt_exiting_ok(d) || !kt_blob_usable(d, 0, 4 * ls)) {
		kt_format_ptr(d->b, kt_arg(d, 0));
		return;
	}
	kt_buf_putc(d->b, '{');
	for (k = 0; k < 4; k++) {
		kt_blob_ulong(d, 0, k * ls, &t);
		kt_buf_printf(d->b, "%s%s=%llu", k ? ", " : "", names[k],
			      (unsigned long long)t);
		if (t)
			kt_buf_printf(d->b, " /* %llu.%02llu s */",
				      (unsigned long long)t / 100,
				      (unsigned long long)t % 100);
	}
	kt_buf_putc(d->b, '}');
}

static const struct kt_xlat futex_ops[] = {
	{ 0, "FUTEX_WAIT" }, { 1, "FUTEX_WAKE" }, { 2, "FUTEX_FD" },
	{ 3, "FUTEX_REQUEUE" }, { 4, "FUTEX_CMP_REQUEUE" },
	{ 5, "FUTEX_WAKE_OP" }, { 6, "FUTEX_LOCK_PI" },
	{ 7, "FUTEX_UNLOCK_PI" }, { 8, "FUTEX_TRYLOCK_PI" },
	{ 9, "FUTEX_WAIT_BITSET" }, { 10, "FUTEX_WAKE_BITSET" },
	{ 11, "FUTEX_WAIT_REQUEUE_PI" }, { 12, "FUTEX_CMP_REQUEUE_PI" },
	{ 13, "FUTEX_LOCK_PI2" },
	KT_XEND
};

#define KT_FUTEX_PRIVATE	128
#define KT_FUTEX_CLOCK_REALTIME	256

static void futex_bitset(struct kt_dec *d, int i)
{
	kt_sep(d);
	if ((uint32_t)kt_arg(d, i) == UINT32_MAX)
		kt_buf_puts(d->b, "FUTEX_BITSET_MATCH_ANY");
	else
		kt_buf_printf(d->b, "%#x", (uint32_t)kt_arg(d, i));
}

/* futex(0x55..., FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, ...) */
static void dec_futex(struct kt_dec *d)
{
	uint32_t op = kt_arg(d, 1), cmd = op & 0x7f;
	const char *s = kt_xlat_find(futex_ops, cmd);
	size_t mark;

	kt_a_ptr(d, 0);
	kt_sep(d);
	mark = kt_const_begin(d->b);
	if (s)
		kt_buf_printf(d->b, "%s%s", s,
			      op & KT_FUTEX_PRIVATE ? "_PRIVATE" : "");
	else
		kt_buf_printf(d->b, "%#x", cmd | (op & KT_FUTEX_PRIVATE));
	if (op & KT_FUTEX_CLOCK_REALTIME)
		kt_buf_puts(d->b, "|FUTEX_CLOCK_REALTIME");
	if (op & ~0x1ffU)
		kt_buf_printf(d->b, "|%#x", op & ~0x1ffU);
	kt_const_end(d->b, mark, op, 'x');
	switch (cmd) {
	case 0:
		kt_a_uint(d, 2);
		kt_a_timespec(d, 3);
		break;
	case 1:
		kt_a_uint(d, 2);
		break;
	case 3:
		kt_a_uint(d, 2);
		kt_a_uint(d, 3);
		kt_a_ptr(d, 4);
		break;
	case 4: case 12:
		kt_a_uint(d, 2);
		kt_a_uint(d, 3);
		kt_a_ptr(d, 4);
		kt_a_uint(d, 5);
		break;
	case 5:
		kt_a_uint(d, 2);
		kt_a_uint(d, 3);
		kt_a_ptr(d, 4);
		kt_a_hex(d, 5);
		break;
	case 6: case 13:
		kt_a_timespec(d, 3);
		break;
	case 7: case 8:
		break;
	case 9:
		kt_a_uint(d, 2);
		kt_a_timespec(d, 3);
		futex_bitset(d, 5);
		break;
	case 10:
		kt_a_uint(d, 2);
		futex_bitset(d, 5);
		break;
	case 11:
		kt_a_uint(d, 2);
		kt_a_timespec(d, 3);
		kt_a_ptr(d, 4);
		break;
	default:
		kt_a_hex(d, 2);
		kt_a_hex(d, 3);
		kt_a_hex(d, 4);
		kt_a_hex(d, 5);
	}
}

/*
 * setns(fd, CLONE_NEWNET): the clone flags it takes; also what ioctl's
 * NS_GET_NSTYPE returns (decode-desc.c).
 */
const struct kt_xlat kt_setns_types[] = {
	{ 0x80, "CLONE_NEWTIME" }, { 0x20000, "CLONE_NEWNS" },
	{ 0x02000000, "CLONE_NEWCGROUP" }, { 0x04000000, "CLONE_NEWUTS" },
	{ 0x08000000, "CLONE_NEWIPC" }, { 0x10000000, "CLONE_NEWUSER" },
	{ 0x20000000, "CLONE_NEWPID" }, { 0x40000000, "CLONE_NEWNET" },
	KT_XEND
};

static void dec_setns(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_sep(d);
	kt_format_flags(d->b, kt_setns_types, (uint32_t)kt_arg(d, 1),
			"CLONE_NEW???");
}

/* getcpu([1], [0], NULL), printed at the exit */
static void dec_getcpu(struct kt_dec *d)
{
	uint32_t v;
	int i;

	if (kt_entry_only(d, false))
		return;
	for (i = 0; i < 2; i++) {
		kt_sep(d);
		if (kt_exiting_ok(d) && kt_blob_read(d, i, 0, &v, 4))
			kt_buf_printf(d->b, "[%u]", v);
		else
			kt_format_ptr(d->b, kt_arg(d, i));
	}
	kt_a_ptr(d, 2);
}

/* pidfd_getfd(pidfd, targetfd, flags) */
static void dec_pidfd_getfd(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_int(d, 1);
	kt_sep(d);
	kt_buf_hex(d->b, (uint32_t)kt_arg(d, 2));
}

static const struct kt_xlat futex_waiter_flags[] = {
	{ 2, "FUTEX_32" }, { 128, "FUTEX_PRIVATE_FLAG" }, KT_XEND
};

#define KT_FUTEX_WAITV_MAX	128

/*
 * futex2's flags: the size in the low two bits, always named, then the
 * others (strace 6.13): FUTEX2_SIZE_U32|FUTEX2_PRIVATE.
 */
static const struct kt_xlat futex2_sizes[] = {
	{ 0, "FUTEX2_SIZE_U8" }, { 1, "FUTEX2_SIZE_U16" },
	{ 2, "FUTEX2_SIZE_U32" }, { 3, "FUTEX2_SIZE_U64" }, KT_XEND
};

static const struct kt_xlat futex2_flags[] = {
	{ 0x04, "FUTEX2_NUMA" }, { 0x80, "FUTEX2_PRIVATE" }, KT_XEND
};

static void futex2_format_flags(struct kt_buf *b, uint32_t f)
{
	kt_buf_puts(b, kt_xlat_find(futex2_sizes, f & 3));
	if (f & ~3U) {
		kt_buf_putc(b, '|');
		kt_format_flags(b, futex2_flags, f & ~3U, NULL);
	}
}

/*
 * One struct futex_waitv: {val=0x1, uaddr=0x7ffd..., flags=FUTEX_32}, its
 * flags as futex_waitv's (strace 6.1) or, with @futex2, as futex2's
 * calls' (strace 6.13: FUTEX2_SIZE_U32|FUTEX2_PRIVATE).
 */
static void format_waiter(struct kt_buf *b, const uint64_t w[3], bool futex2)
{
	kt_buf_printf(b, "{val=%#llx, uaddr=", (unsigned long long)w[0]);
	kt_format_ptr(b, w[1]);
	kt_buf_puts(b, ", flags=");
	if (futex2)
		futex2_format_flags(b, w[2]);
	else
		kt_format_flags(b, futex_waiter_flags, (uint32_t)w[2],
				"FUTEX_???");
	if (w[2] >> 32)
		kt_buf_printf(b, ", __reserved=%#llx",
			      (unsigned long long)(w[2] >> 32));
	kt_buf_putc(b, '}');
}

/*
 * futex_waitv([{val=0x1, uaddr=0x7ffd..., flags=FUTEX_32}], 1, 0, NULL,
 * CLOCK_MONOTONIC): struct futex_waitv and struct __kernel_timespec have
 * one layout on both ABIs.
 */
static void dec_futex_waitv(struct kt_dec *d)
{
	uint32_t nr = kt_arg(d, 1);
	uint64_t w[3];
	int64_t ts[2];
	uint32_t k;

	kt_sep(d);
	if (!kt_blob_usable(d, 0, 0) || !nr) {
		kt_format_ptr(d->b, kt_arg(d, 0));
	} else {
		kt_buf_putc(d->b, '[');
		for (k = 0; k < nr; k++) {
			if (k)
				kt_buf_puts(d->b, ", ");
			if (k >= d->o->strsize || k >= KT_FUTEX_WAITV_MAX ||
			    !kt_blob_read(d, 0, k * sizeof(w), w, sizeof(w))) {
				kt_buf_puts(d->b, "...");
				break;
			}
			format_waiter(d->b, w, false);
		}
		kt_buf_putc(d->b, ']');
	}
	kt_a_uint(d, 1);
	kt_sep(d);
	kt_buf_hex(d->b, (uint32_t)kt_arg(d, 2));
	kt_sep(d);
	if (kt_blob_read(d, 3, 0, ts, sizeof(ts)))
		kt_buf_printf(d->b, "{tv_sec=%lld, tv_nsec=%lld}",
			      (long long)ts[0], (long long)ts[1]);
	else
		kt_format_ptr(d->b, kt_arg(d, 3));
	kt_a_clock(d, 4);
}

static void futex2_flags_arg(struct kt_dec *d, int i)
{
	kt_sep(d);
	futex2_format_flags(d->b, kt_arg(d, i));
}

/* futex_wake(0x7f..., FUTEX_BITSET_MATCH_ANY, 1, FUTEX2_SIZE_U32) */
static void dec_futex_wake(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
	futex_bitset(d, 1);
	kt_a_int(d, 2);
	futex2_flags_arg(d, 3);
}

/*
 * futex_wait(0x7f..., 1, FUTEX_BITSET_MATCH_ANY, FUTEX2_SIZE_U32,
 * {tv_sec=1, tv_nsec=0}, CLOCK_MONOTONIC)
 */
static void dec_futex_wait(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
	kt_a_ulong(d, 1);
	futex_bitset(d, 2);
	futex2_flags_arg(d, 3);
	kt_a_timespec(d, 4);
	kt_a_clock(d, 5);
}

/*
 * futex_requeue([{val=0x1, uaddr=0x7f..., flags=FUTEX2_SIZE_U32}, {...}],
 * 0, 1, 0): its two struct futex_waitv, flags as futex2's.
 */
static void dec_futex_requeue(struct kt_dec *d)
{
	uint64_t w[3];
	int k;

	kt_sep(d);
	if (!kt_blob_usable(d, 0, 2 * sizeof(w))) {
		kt_format_ptr(d->b, kt_arg(d, 0));
	} else {
		kt_buf_putc(d->b, '[');
		for (k = 0; k < 2; k++) {
			kt_blob_read(d, 0, k * sizeof(w), w, sizeof(w));
			if (k)
				kt_buf_puts(d->b, ", ");
			format_waiter(d->b, w, true);
		}
		kt_buf_putc(d->b, ']');
	}
	kt_a_hex(d, 1);
	kt_a_int(d, 2);
	kt_a_int(d, 3);
}

static void dec_unshare(struct kt_dec *d)
{
	kt_sep(d);
	kt_format_flags(d->b, clone_flags, kt_arg(d, 0), "CLONE_???");
}

static const struct kt_decoder decoders[] = {
	{ "clone", dec_clone, KT_RV_TID, NULL },
	{ "futex_wake", dec_futex_wake, KT_RV_DEC, NULL },
	{ "futex_wait", dec_futex_wait, KT_RV_DEC, NULL },
	{ "futex_requeue", dec_futex_requeue, KT_RV_DEC, NULL },
	{ "unshare", dec_unshare, KT_RV_DEC, NULL },
	{ "setns", dec_setns, KT_RV_DEC, NULL },
	{ "getcpu", dec_getcpu, KT_RV_DEC, NULL },
	{ "pidfd_getfd", dec_pidfd_getfd, KT_RV_FD, NULL },
	{ "futex_waitv", dec_futex_waitv, KT_RV_DEC, NULL },
	{ "clone3", dec_clone3, KT_RV_TID, NULL },
	{ "fork", NULL, KT_RV_TGID, NULL },
	{ "vfork", NULL, KT_RV_TGID, NULL },
	{ "execve", dec_execve, KT_RV_DEC, NULL },
	{ "execveat", dec_execveat, KT_RV_DEC, NULL },
	{ "exit", dec_int0, KT_RV_NONE, NULL },
	{ "exit_group", dec_int0, KT_RV_NONE, NULL },
	{ "wait4", dec_wait4, KT_RV_TGID, NULL },
	{ "waitpid", dec_wait4, KT_RV_TGID, NULL },
	{ "waitid", dec_waitid, KT_RV_DEC, NULL },
	{ "getpid", NULL, KT_RV_TGID, NULL },
	{ "getppid", NULL, KT_RV_TGID, NULL },
	{ "gettid", NULL, KT_RV_TID, NULL },
	{ "getuid", NULL, KT_RV_DEC, NULL },
	{ "getgroups", dec_getgroups, KT_RV_DEC, NULL },
	{ "getgroups32", dec_getgroups, KT_RV_DEC, NULL },
	{ "geteuid", NULL, KT_RV_DEC, NULL },
	{ "getgid", NULL, KT_RV_DEC, NULL },
	{ "getegid", NULL, KT_RV_DEC, NULL },
	{ "getuid32", NULL, KT_RV_DEC, NULL },
	{ "geteuid32", NULL, KT_RV_DEC, NULL },
	{ "getgid32", NULL, KT_RV_DEC, NULL },
	{ "getegid32", NULL, KT_RV_DEC, NULL },
	{ "getpgrp", NULL, KT_RV_DEC, NULL },
	{ "setsid", NULL, KT_RV_DEC, NULL },
	{ "setpgid", dec_setpgid, KT_RV_DEC, NULL },
	{ "getpgid", dec_pid0, KT_RV_DEC, NULL },
	{ "getsid", dec_pid0, KT_RV_DEC, NULL },
	{ "setuid", dec_ids, KT_RV_DEC, NULL },
	{ "setgid", dec_ids, KT_RV_DEC, NULL },
	{ "setuid32", dec_ids, KT_RV_DEC, NULL },
	{ "setgid32", dec_ids, KT_RV_DEC, NULL },
	{ "setreuid", dec_ids, KT_RV_DEC, NULL },
	{ "setregid", dec_ids, KT_RV_DEC, NULL },
	{ "setreuid32", dec_ids, KT_RV_DEC, NULL },
	{ "setregid32", dec_ids, KT_RV_DEC, NULL },
	{ "setresuid", dec_ids, KT_RV_DEC, NULL },
	{ "setresgid", dec_ids, KT_RV_DEC, NULL },
	{ "setresuid32", dec_ids, KT_RV_DEC, NULL },
	{ "setresgid32", dec_ids, KT_RV_DEC, NULL },
	{ "setfsuid", dec_ids, KT_RV_DEC, NULL },
	{ "setfsgid", dec_ids, KT_RV_DEC, NULL },
	{ "setfsuid32", dec_ids, KT_RV_DEC, NULL },
	{ "setfsgid32", dec_ids, KT_RV_DEC, NULL },
	{ "getresuid", dec_getresid, KT_RV_DEC, NULL },
	{ "getresgid", dec_getresid, KT_RV_DEC, NULL },
	{ "getresuid32", dec_getresid, KT_RV_DEC, NULL },
	{ "getresgid32", dec_getresid, KT_RV_DEC, NULL },
	{ "setgroups", dec_setgroups, KT_RV_DEC, NULL },
	{ "setgroups32", dec_setgroups, KT_RV_DEC, NULL },
	{ "prctl", dec_prctl, KT_RV_DEC, ret_prctl },
	{ "personality", dec_personality, KT_RV_HEX, ret_personality },
	{ "arch_prctl", dec_arch_prctl, KT_RV_DEC, NULL },
	{ "set_tid_address", dec_ptr0, KT_RV_DEC, NULL },
	{ "set_robust_list", dec_ptr_len, KT_RV_DEC, NULL },
	{ "rseq", dec_rseq, KT_RV_DEC, NULL },
	{ "prlimit64", dec_prlimit64, KT_RV_DEC, NULL },
	{ "getrlimit", dec_getrlimit, KT_RV_DEC, NULL },
	{ "ugetrlimit", dec_getrlimit, KT_RV_DEC, NULL },
	{ "setrlimit", dec_setrlimit, KT_RV_DEC, NULL },
	{ "getrandom", dec_getrandom, KT_RV_DEC, NULL },
	{ "syslog", dec_syslog, KT_RV_DEC, NULL },
	{ "uname", dec_uname, KT_RV_DEC, NULL },
	{ "sysinfo", dec_sysinfo, KT_RV_DEC, NULL },
	{ "sched_yield", NULL, KT_RV_DEC, NULL },
	{ "sched_getaffinity", dec_sched_getaffinity, KT_RV_DEC, NULL },
	{ "sched_setaffinity", dec_sched_setaffinity, KT_RV_DEC, NULL },
	{ "sched_getscheduler", dec_pid0, KT_RV_DEC, ret_sched_getscheduler },
	{ "sched_get_priority_min", dec_sched_policy, KT_RV_DEC, NULL },
	{ "sched_get_priority_max", dec_sched_policy, KT_RV_DEC, NULL },
	{ "sched_setscheduler", dec_sched_setscheduler, KT_RV_DEC, NULL },
	{ "sched_getparam", dec_sched_getparam, KT_RV_DEC, NULL },
	{ "sched_setparam", dec_sched_setparam, KT_RV_DEC, NULL },
	{ "sched_rr_get_interval", dec_sched_rr_get_interval, KT_RV_DEC, NULL },
	{ "sched_rr_get_interval_time64", dec_sched_rr_get_interval, KT_RV_DEC, NULL },
	{ "sched_getattr", dec_sched_getattr, KT_RV_DEC, NULL },
	{ "sched_setattr", dec_sched_setattr, KT_RV_DEC, NULL },
	{ "get_robust_list", dec_get_robust_list, KT_RV_DEC, NULL },
	{ "getpriority", dec_priority, KT_RV_DEC, NULL },
	{ "setpriority", dec_priority, KT_RV_DEC, NULL },
	{ "ioprio_get", dec_ioprio, KT_RV_DEC, ret_ioprio_get },
	{ "ioprio_set", dec_ioprio, KT_RV_DEC, NULL },
	{ "pidfd_open", dec_pidfd_open, KT_RV_FD, NULL },
	{ "kcmp", dec_kcmp, KT_RV_DEC, NULL },
	{ "process_vm_readv", dec_process_vm_readv, KT_RV_DEC, NULL },
	{ "process_vm_writev", dec_process_vm_writev, KT_RV_DEC, NULL },
	{ "getrusage", dec_getrusage, KT_RV_DEC, NULL },
	{ "times", dec_times, KT_RV_DEC, NULL },
	{ "futex", dec_futex, KT_RV_DEC, NULL },
	{ "futex_time64", dec_futex, KT_RV_DEC, NULL },
};

const struct kt_decoder_table kt_process_decoders = {
	decoders, ARRAY_SIZE(decoders)
};
