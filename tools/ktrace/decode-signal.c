// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): decoders of the signal syscalls: kill, tkill, tgkill,
 * rt_sigaction, rt_sigprocmask, rt_sigreturn, rt_sigsuspend,
 * rt_sigpending, rt_sigtimedwait, rt_sigqueueinfo, rt_tgsigqueueinfo,
 * sigaltstack, signalfd and pause; and i386's old calls of one-word
 * masks (sigaction, sigprocmask, signal, sigsuspend, sigpending,
 * sgetmask, ssetmask).
 */
#include <string.h>

#include "decoders.h"

static void dec_kill(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	kt_a_signal(d, 1);
}

static void dec_tgkill(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	kt_a_pid(d, 1);
	kt_a_signal(d, 2);
}

/*
 * A sigset_t of the size the call was given, [INT QUIT]; as strace, the
 * pointer for a size below a long's or above 8 bytes (NSIG_BYTES).
 */
void kt_a_sigset(struct kt_dec *d, int i, uint64_t size)
{
	const struct kt_blob *blob = kt_blob_at(d, i);

	kt_sep(d);
	if (size < kt_long_size(d) || size > 8 ||
	    !kt_blob_usable(d, i, size)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_format_sigset(d->b, blob->data, size);
}

/*
 * pselect6's sixth argument, the struct of a mask's address and size
 * that the module copies with the mask: {sigmask=[USR1], sigsetsize=8},
 * the mask's address where it was not read, the struct's where that was
 * not.
 */
void kt_a_sigmask_struct(struct kt_dec *d, int i)
{
	const struct kt_blob *blob = kt_blob_at(d, i);
	unsigned int ls = kt_long_size(d);
	uint64_t mask, size;

	kt_sep(d);
	if (!kt_blob_ulong(d, i, 0, &mask) ||
	    !kt_blob_ulong(d, i, ls, &size)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_puts(d->b, "{sigmask=");
	if (size < ls || size > 8 || !kt_blob_usable(d, i, 2 * ls + size))
		kt_format_ptr(d->b, mask);
	else
		kt_format_sigset(d->b, blob->data + 2 * ls, size);
	kt_buf_puts(d->b, ", sigsetsize=");
	kt_buf_udec(d->b, size);
	kt_buf_putc(d->b, '}');
}

static const struct kt_xlat sa_flags[] = {
	{ 0x04000000, "SA_RESTORER" }, { 0x08000000, "SA_ONSTACK" },
	{ 0x10000000, "SA_RESTART" }, { 0x20000000, "SA_INTERRUPT" },
	{ 0x40000000, "SA_NODEFER" }, { 0x80000000, "SA_RESETHAND" },
	{ 4, "SA_SIGINFO" }, { 1, "SA_NOCLDSTOP" }, { 2, "SA_NOCLDWAIT" },
	{ 0x400, "SA_UNSUPPORTED" }, { 0x800, "SA_EXPOSE_TAGBITS" },
	KT_XEND
};

#define KT_SA_RESTORER 0x04000000

/* A handler: SIG_DFL, SIG_IGN, or its address. */
static void sa_handler(struct kt_buf *b, uint64_t handler)
{
	if (handler == 0)
		kt_buf_puts(b, "SIG_DFL");
	else if (handler == 1)
		kt_buf_puts(b, "SIG_IGN");
	else
		kt_format_ptr(b, handler);
}

/* {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, either struct's fields */
static void print_sigaction(struct kt_buf *b, uint64_t handler,
			    const uint8_t *mask, size_t size, uint64_t flags,
			    uint64_t restorer)
{
	kt_buf_puts(b, "{sa_handler=");
	sa_handler(b, handler);
	kt_buf_puts(b, ", sa_mask=");
	kt_format_sigset(b, mask, size);
	kt_buf_puts(b, ", sa_flags=");
	kt_format_flags(b, sa_flags, flags, "SA_???");
	if (flags & KT_SA_RESTORER) {
		kt_buf_puts(b, ", sa_restorer=");
		kt_format_ptr(b, restorer);
	}
	kt_buf_putc(b, '}');
}

/* The kernel's struct sigaction: handler, flags, restorer (longs), mask. */
static void sigaction(struct kt_dec *d, int i)
{
	unsigned int ls = kt_long_size(d);
	uint64_t handler, flags, restorer, size = kt_arg(d, 3);
	const struct kt_blob *blob = kt_blob_at(d, i);

	kt_sep(d);
	if (size > 128 || !kt_blob_ulong(d, i, 0, &handler) ||
	    !kt_blob_ulong(d, i, ls, &flags) ||
	    !kt_blob_ulong(d, i, 2 * ls, &restorer) ||
	    !kt_blob_usable(d, i, 3 * ls + size)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	print_sigaction(d->b, handler, blob->data + 3 * ls, size, flags,
			restorer);
}

static void dec_rt_sigaction(struct kt_dec *d)
{
	kt_a_signal(d, 0);
	sigaction(d, 1);
	if (kt_entry_only(d, true))
		return;
	if (kt_exiting_ok(d))
		sigaction(d, 2);
	else
		kt_a_ptr(d, 2);
	kt_a_ulong(d, 3);
}

/*
 * i386's struct old_sigaction: handler, mask (one word), flags and
 * restorer, 32 bits each.  NULL; the pointer where it was not read (a
 * failed call's old action).
 */
static void old_sigaction(struct kt_dec *d, int i)
{
	uint32_t sa[4];

	kt_sep(d);
	if (!kt_blob_read(d, i, 0, sa, sizeof(sa))) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	print_sigaction(d->b, sa[0], (const uint8_t *)&sa[1], 4, sa[2],
			sa[3]);
}

static void dec_sigaction(struct kt_dec *d)
{
	kt_a_signal(d, 0);
	old_sigaction(d, 1);
	if (kt_entry_only(d, true))
		return;
	if (kt_exiting_ok(d))
		old_sigaction(d, 2);
	else
		kt_a_ptr(d, 2);
}

/* signal(SIGUSR2, SIG_IGN) = 0 (SIG_DFL): the old handler */
static void dec_signal(struct kt_dec *d)
{
	kt_a_signal(d, 0);
	kt_sep(d);
	sa_handler(d->b, kt_arg(d, 1));
}

static void ret_signal(struct kt_dec *d)
{
	uint32_t old = (uint32_t)d->sc->ret;

	kt_format_retval(d, KT_RV_HEX);
	if (old <= 1) {
		kt_buf_puts(d->b, " (");
		sa_handler(d->b, old);
		kt_buf_putc(d->b, ')');
	}
}

/* A mask of one word passed by value: [USR1] */
static void old_mask(struct kt_buf *b, uint32_t mask)
{
	kt_format_sigset(b, (const uint8_t *)&mask, 4);
}

/* sigsuspend(0, 0, [USR1]): the mask alone, the last argument */
static void dec_sigsuspend(struct kt_dec *d)
{
	kt_sep(d);
	old_mask(d->b, (uint32_t)kt_arg(d, 2));
}

static void dec_ssetmask(struct kt_dec *d)
{
	kt_sep(d);
	old_mask(d->b, (uint32_t)kt_arg(d, 0));
}

/* sgetmask() = 0x200 (mask [USR1]); ssetmask's (old mask [USR1]) */
static void ret_sgetmask(struct kt_dec *d)
{
	kt_format_retval(d, KT_RV_HEX);
	kt_buf_puts(d->b, d->name[1] == 's' ? " (old mask " : " (mask ");
	old_mask(d->b, (uint32_t)d->sc->ret);
	kt_buf_putc(d->b, ')');
}

static const struct kt_xlat sigprocmask_how[] = {
	{ 0, "SIG_BLOCK" }, { 1, "SIG_UNBLOCK" }, { 2, "SIG_SETMASK" },
	KT_XEND
};

/*
 * rt_sigprocmask(SIG_BLOCK, [USR2], [], 8), and i386's sigprocmask, whose
 * masks are one word and whose size is not an argument.
 */
static void dec_rt_sigprocmask(struct kt_dec *d)
{
	bool rt = d->name[0] == 'r';
	uint64_t size = rt ? kt_arg(d, 3) : 4;

	kt_a_xval(d, 0, sigprocmask_how, "SIG_???");
	kt_a_sigset(d, 1, size);
	if (kt_entry_only(d, true))
		return;
	if (kt_exiting_ok(d))
		kt_a_sigset(d, 2, size);
	else
		kt_a_ptr(d, 2);
	if (rt)
		kt_a_ulong(d, 3);
}

static void dec_rt_sigsuspend(struct kt_dec *d)
{
	kt_a_sigset(d, 0, kt_arg(d, 1));
	kt_a_ulong(d, 1);
}

/* rt_sigpending([USR1], 8), and i386's sigpending of one word */
static void dec_rt_sigpending(struct kt_dec *d)
{
	bool rt = d->name[0] == 'r';

	if (kt_entry_only(d, false))
		return;
	if (kt_exiting_ok(d))
		kt_a_sigset(d, 0, rt ? kt_arg(d, 1) : 4);
	else
		kt_a_ptr(d, 0);
	if (rt)
		kt_a_ulong(d, 1);
}

/*
 * A siginfo_t, one the caller passes (rt_sigqueueinfo) or one the call
 * wrote (waitid, rt_sigtimedwait), as strace prints it: {} without a
 * signal number; the sender (si_pid with -Y's name, si_uid) of the codes
 * a process sends, with the value (si_int, si_ptr) that SI_QUEUE carries
 * when si_ptr is not NULL; a timer's, SIGIO's and the kernel's codes'
 * fields.  The union starts at byte 16 on x86_64, 12 on i386.
 */
void kt_a_siginfo(struct kt_dec *d, int i)
{
	const struct kt_blob *blob = kt_blob_at(d, i);
	unsigned int ls = kt_long_size(d), u = ls == 8 ? 16 : 12;
	int32_t signo, err, code, pid, v32;
	uint64_t ptr, band;
	uint32_t uid;
	char buf[16];
	const char *e;

	kt_sep(d);
	if (!kt_blob_usable(d, i, 128)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	memcpy(&signo, blob->data, 4);
	memcpy(&err, blob->data + 4, 4);
	memcpy(&code, blob->data + 8, 4);
	if (!signo) {
		kt_buf_puts(d->b, "{}");
		return;
	}
	kt_buf_puts(d->b, "{si_signo=");
	kt_format_signal(d->b, signo);
	kt_buf_printf(d->b, ", si_code=%s", kt_sigcode_name(signo, code, buf));
	if (err) {
		e = kt_errno_name(err);
		if (e)
			kt_buf_printf(d->b, ", si_errno=%s", e);
		else
			kt_buf_printf(d->b, ", si_errno=%u", (uint32_t)err);
	}
	memcpy(&pid, blob->data + u, 4);
	memcpy(&uid, blob->data + u + 4, 4);
	kt_blob_ulong(d, i, u + 8, &ptr);
	memcpy(&v32, blob->data + u + 8, 4);
	if (code > 0) {
		struct ktrace_siginfo si = { .pid = pid, .uid = uid };

		if (signo == 17) {	/* SIGCHLD */
			int64_t t[2];

			memcpy(&si.status, blob->data + u + 8, 4);
			kt_blob_ulong(d, i, u + 8 + ls, (uint64_t *)&t[0]);
			kt_blob_ulong(d, i, u + 8 + 2 * ls, (uint64_t *)&t[1]);
			si.utime = ls == 8 ? t[0] : (int32_t)t[0];
			si.stime = ls == 8 ? t[1] : (int32_t)t[1];
		} else {
			kt_blob_ulong(d, i, u, &ptr);
			si.addr = ptr;
		}
		kt_buf_siginfo(d->b, signo, code, &si);
	} else if (code == -2) {	/* SI_TIMER: si_timerid, si_overrun */
		kt_buf_printf(d->b, ", si_timerid=%#x, si_overrun=%d, si_int=%d, si_ptr=",
			      (uint32_t)pid, (int32_t)uid, v32);
		kt_format_ptr(d->b, ptr);
	} else if (code == -5) {	/* SI_SIGIO: si_band, si_fd */
		kt_blob_ulong(d, i, u, &band);
		memcpy(&v32, blob->data + u + ls, 4);
		kt_buf_printf(d->b, ", si_band=%lld, si_fd=",
			      ls == 8 ? (long long)band : (long long)(int32_t)band);
		kt_fd(d, v32);
	} else {
		kt_buf_puts(d->b, ", si_pid=");
		kt_pid(d, pid, false);
		kt_buf_printf(d->b, ", si_uid=%u", uid);
		if (code != 0 && code != -6 && ptr) {
			kt_buf_printf(d->b, ", si_int=%d, si_ptr=", v32);
			kt_format_ptr(d->b, ptr);
		}
	}
	kt_buf_putc(d->b, '}');
}

/*
 * rt_sigtimedwait([USR2], {si_signo=SIGUSR2, ...}, {tv_sec=0,
 * tv_nsec=1000}, 8) = 12 (SIGUSR2): as strace, all at entry when there
 * is no siginfo to fill, else the rest at the exit, the siginfo the call
 * wrote (its address after an error).
 */
static void dec_rt_sigtimedwait(struct kt_dec *d)
{
	kt_a_sigset(d, 0, kt_arg(d, 3));
	if (kt_arg(d, 1) && kt_entry_only(d, true))
		return;
	if (kt_arg(d, 1) && kt_exiting_ok(d))
		kt_a_siginfo(d, 1);
	else
		kt_a_ptr(d, 1);
	kt_a_timespec(d, 2);
	kt_a_ulong(d, 3);
}

/* = 12 (SIGUSR2): the signal taken, by name whatever -X says */
static void ret_rt_sigtimedwait(struct kt_dec *d)
{
	const char *name = kt_signal_name((int)d->sc->ret);

	kt_format_retval(d, KT_RV_DEC);
	if (!d->sc->ret)
		return;
	if (name)
		kt_buf_printf(d->b, " (%s)", name);
	else
		kt_buf_printf(d->b, " (%d)", (int)d->sc->ret);
}

static void dec_rt_sigqueueinfo(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	kt_a_signal(d, 1);
	kt_a_siginfo(d, 2);
}

static void dec_rt_tgsigqueueinfo(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	kt_a_pid(d, 1);
	kt_a_signal(d, 2);
	kt_a_siginfo(d, 3);
}

static const struct kt_xlat ss_flags[] = {
	{ 1, "SS_ONSTACK" }, { 2, "SS_DISABLE" },
	{ 1U << 31, "SS_AUTODISARM" }, KT_XEND
};

/* {ss_sp=0x..., ss_flags=0, ss_size=8192} */
static void stack_t(struct kt_dec *d, int i)
{
	unsigned int ls = kt_long_size(d);
	uint64_t sp, size;
	uint32_t flags;

	kt_sep(d);
	if (!kt_blob_ulong(d, i, 0, &sp) || !kt_blob_read(d, i, ls, &flags, 4) ||
	    !kt_blob_ulong(d, i, 2 * ls, &size)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_puts(d->b, "{ss_sp=");
	kt_format_ptr(d->b, sp);
	kt_buf_puts(d->b, ", ss_flags=");
	kt_format_flags(d->b, ss_flags, flags, "SS_???");
	kt_buf_printf(d->b, ", ss_size=%llu}", (unsigned long long)size);
}

static void dec_sigaltstack(struct kt_dec *d)
{
	stack_t(d, 0);
	if (kt_entry_only(d, true))
		return;
	if (kt_exiting_ok(d))
		stack_t(d, 1);
	else
		kt_a_ptr(d, 1);
}

static const struct kt_xlat sfd_flags[] = {
	{ 02000000, "SFD_CLOEXEC" }, { 04000, "SFD_NONBLOCK" }, KT_XEND
};

static void dec_signalfd4(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_sigset(d, 1, kt_arg(d, 2));
	kt_a_ulong(d, 2);
	if (!strcmp(d->name, "signalfd4"))
		kt_a_flags(d, 3, sfd_flags, "SFD_???");
}

/*
 * strace prints the mask being restored, from the signal frame: when the
 * capture offers it as argument 0's memory, {mask=[...]}; else nothing.
 */
/* {mask=[]}: the mask of the signal frame, which the module copies. */
static void dec_rt_sigreturn(struct kt_dec *d)
{
	const struct kt_blob *blob = &d->sc->blob[0];

	if (!blob->data || (blob->flags & KT_BLOB_FAULT) || blob->len < 8)
		return;
	kt_sep(d);
	kt_buf_puts(d->b, "{mask=");
	kt_format_sigset(d->b, d->sc->blob[0].data, 8);
	kt_buf_putc(d->b, '}');
}

/* As strace: the call it resumes is the one the task made before. */
static void dec_restart_syscall(struct kt_dec *d)
{
	kt_buf_printf(d->b, "<... resuming interrupted %s ...>",
		      d->sc->resumes ? d->sc->resumes : "system call");
}

static const struct kt_decoder decoders[] = {
	{ "kill", dec_kill, KT_RV_DEC, NULL },
	{ "tkill", dec_kill, KT_RV_DEC, NULL },
	{ "tgkill", dec_tgkill, KT_RV_DEC, NULL },
	{ "rt_sigaction", dec_rt_sigaction, KT_RV_DEC, NULL },
	{ "rt_sigprocmask", dec_rt_sigprocmask, KT_RV_DEC, NULL },
	{ "rt_sigsuspend", dec_rt_sigsuspend, KT_RV_DEC, NULL },
	{ "rt_sigpending", dec_rt_sigpending, KT_RV_DEC, NULL },
	{ "rt_sigtimedwait", dec_rt_sigtimedwait, KT_RV_DEC,
	  ret_rt_sigtimedwait },
	{ "rt_sigtimedwait_time64", dec_rt_sigtimedwait, KT_RV_DEC,
	  ret_rt_sigtimedwait },
	{ "rt_sigqueueinfo", dec_rt_sigqueueinfo, KT_RV_DEC, NULL },
	{ "rt_tgsigqueueinfo", dec_rt_tgsigqueueinfo, KT_RV_DEC, NULL },
	{ "rt_sigreturn", dec_rt_sigreturn, KT_RV_DEC, NULL },
	{ "sigaltstack", dec_sigaltstack, KT_RV_DEC, NULL },
	{ "signalfd", dec_signalfd4, KT_RV_FD, NULL },
	{ "signalfd4", dec_signalfd4, KT_RV_FD, NULL },
	{ "pause", NULL, KT_RV_DEC, NULL },
	{ "restart_syscall", dec_restart_syscall, KT_RV_DEC, NULL },
	{ "sigaction", dec_sigaction, KT_RV_DEC, NULL },
	{ "sigprocmask", dec_rt_sigprocmask, KT_RV_DEC, NULL },
	{ "signal", dec_signal, KT_RV_HEX, ret_signal },
	{ "sigsuspend", dec_sigsuspend, KT_RV_DEC, NULL },
	{ "sigpending", dec_rt_sigpending, KT_RV_DEC, NULL },
	{ "sgetmask", NULL, KT_RV_HEX, ret_sgetmask },
	{ "ssetmask", dec_ssetmask, KT_RV_HEX, ret_sgetmask },
};

const struct kt_decoder_table kt_signal_decoders = {
	decoders, ARRAY_SIZE(decoders)
};
