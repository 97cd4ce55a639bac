// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): the decoder of ptrace(2), as strace prints it: the request by
 * name, the pid, then by request the address (an offset into struct user
 * for PTRACE_PEEKUSER and PTRACE_POKEUSER, a note type for the regsets, a
 * size for the signal masks) and the data (a signal to resume with,
 * PTRACE_O_* options, a siginfo, a signal mask, the word peeked, the event
 * message, the registers, the syscall stop PTRACE_GET_SYSCALL_INFO
 * describes).  What the kernel writes prints at the exit.
 */
#include <string.h>

#include "decoders.h"

enum {
	PT_TRACEME = 0, PT_PEEKTEXT = 1, PT_PEEKDATA = 2, PT_PEEKUSER = 3,
	PT_POKETEXT = 4, PT_POKEDATA = 5, PT_POKEUSER = 6, PT_CONT = 7,
	PT_KILL = 8, PT_SINGLESTEP = 9, PT_GETREGS = 0xc, PT_SETREGS = 0xd,
	PT_GETFPREGS = 0xe, PT_SETFPREGS = 0xf, PT_ATTACH = 0x10,
	PT_DETACH = 0x11, PT_OLDSETOPTIONS = 0x15, PT_SYSCALL = 0x18,
	PT_SYSEMU = 0x1f, PT_SYSEMU_SINGLESTEP = 0x20, PT_SINGLEBLOCK = 0x21,
	PT_SETOPTIONS = 0x4200, PT_GETEVENTMSG = 0x4201,
	PT_GETSIGINFO = 0x4202, PT_SETSIGINFO = 0x4203,
	PT_GETREGSET = 0x4204, PT_SETREGSET = 0x4205, PT_SEIZE = 0x4206,
	PT_INTERRUPT = 0x4207, PT_LISTEN = 0x4208, PT_PEEKSIGINFO = 0x4209,
	PT_GETSIGMASK = 0x420a, PT_SETSIGMASK = 0x420b,
	PT_SECCOMP_GET_FILTER = 0x420c, PT_SECCOMP_GET_METADATA = 0x420d,
	PT_GET_SYSCALL_INFO = 0x420e,
};

static const struct kt_xlat ptrace_reqs[] = {
	{ PT_TRACEME, "PTRACE_TRACEME" }, { PT_PEEKTEXT, "PTRACE_PEEKTEXT" },
	{ PT_PEEKDATA, "PTRACE_PEEKDATA" }, { PT_PEEKUSER, "PTRACE_PEEKUSER" },
	{ PT_POKETEXT, "PTRACE_POKETEXT" }, { PT_POKEDATA, "PTRACE_POKEDATA" },
	{ PT_POKEUSER, "PTRACE_POKEUSER" }, { PT_CONT, "PTRACE_CONT" },
	{ PT_KILL, "PTRACE_KILL" }, { PT_SINGLESTEP, "PTRACE_SINGLESTEP" },
	{ PT_GETREGS, "PTRACE_GETREGS" }, { PT_SETREGS, "PTRACE_SETREGS" },
	{ PT_GETFPREGS, "PTRACE_GETFPREGS" },
	{ PT_SETFPREGS, "PTRACE_SETFPREGS" }, { PT_ATTACH, "PTRACE_ATTACH" },
	{ PT_DETACH, "PTRACE_DETACH" }, { 0x12, "PTRACE_GETFPXREGS" },
	{ 0x13, "PTRACE_SETFPXREGS" },
	{ PT_OLDSETOPTIONS, "PTRACE_OLDSETOPTIONS" },
	{ PT_SYSCALL, "PTRACE_SYSCALL" }, { 0x19, "PTRACE_GET_THREAD_AREA" },
	{ 0x1a, "PTRACE_SET_THREAD_AREA" }, { 0x1e, "PTRACE_ARCH_PRCTL" },
	{ PT_SYSEMU, "PTRACE_SYSEMU" },
	{ PT_SYSEMU_SINGLESTEP, "PTRACE_SYSEMU_SINGLESTEP" },
	{ PT_SINGLEBLOCK, "PTRACE_SINGLEBLOCK" },
	{ PT_SETOPTIONS, "PTRACE_SETOPTIONS" },
	{ PT_GETEVENTMSG, "PTRACE_GETEVENTMSG" },
	{ PT_GETSIGINFO, "PTRACE_GETSIGINFO" },
	{ PT_SETSIGINFO, "PTRACE_SETSIGINFO" },
	{ PT_GETREGSET, "PTRACE_GETREGSET" },
	{ PT_SETREGSET, "PTRACE_SETREGSET" }, { PT_SEIZE, "PTRACE_SEIZE" },
	{ PT_INTERRUPT, "PTRACE_INTERRUPT" }, { PT_LISTEN, "PTRACE_LISTEN" },
	{ PT_PEEKSIGINFO, "PTRACE_PEEKSIGINFO" },
	{ PT_GETSIGMASK, "PTRACE_GETSIGMASK" },
	{ PT_SETSIGMASK, "PTRACE_SETSIGMASK" },
	{ PT_SECCOMP_GET_FILTER, "PTRACE_SECCOMP_GET_FILTER" },
	{ PT_SECCOMP_GET_METADATA, "PTRACE_SECCOMP_GET_METADATA" },
	{ PT_GET_SYSCALL_INFO, "PTRACE_GET_SYSCALL_INFO" },
	{ 0x420f, "PTRACE_GET_RSEQ_CONFIGURATION" },
	KT_XEND
};

static const struct kt_xlat ptrace_opts[] = {
	{ 0x1, "PTRACE_O_TRACESYSGOOD" }, { 0x2, "PTRACE_O_TRACEFORK" },
	{ 0x4, "PTRACE_O_TRACEVFORK" }, { 0x8, "PTRACE_O_TRACECLONE" },
	{ 0x10, "PTRACE_O_TRACEEXEC" }, { 0x20, "PTRACE_O_TRACEVFORKDONE" },
	{ 0x40, "PTRACE_O_TRACEEXIT" }, { 0x80, "PTRACE_O_TRACESECCOMP" },
	{ 0x100000, "PTRACE_O_EXITKILL" },
	{ 0x200000, "PTRACE_O_SUSPEND_SECCOMP" },
	KT_XEND
};

static const struct kt_xlat nt_types[] = {
	{ 1, "NT_PRSTATUS" }, { 2, "NT_FPREGSET" }, { 3, "NT_PRPSINFO" },
	{ 4, "NT_PRXREG" }, { 5, "NT_PLATFORM" }, { 6, "NT_AUXV" },
	{ 20, "NT_PRFPXREG" }, { 0x200, "NT_386_TLS" },
	{ 0x201, "NT_386_IOPERM" }, { 0x202, "NT_X86_XSTATE" },
	{ 0x46494c45, "NT_FILE" }, { 0x46e62b7f, "NT_PRXFPREG" },
	{ 0x53494749, "NT_SIGINFO" },
	KT_XEND
};

/*
 * x86_64's struct user (strace prints these for an i386 tracee too): the
 * registers by index, then the other fields by offset, ending with its
 * size.  Sorted by offset.
 */
static const struct kt_xlat user_offsets[] = {
	{ 8 * 0, "8*R15" }, { 8 * 1, "8*R14" }, { 8 * 2, "8*R13" },
	{ 8 * 3, "8*R12" }, { 8 * 4, "8*RBP" }, { 8 * 5, "8*RBX" },
	{ 8 * 6, "8*R11" }, { 8 * 7, "8*R10" }, { 8 * 8, "8*R9" },
	{ 8 * 9, "8*R8" }, { 8 * 10, "8*RAX" }, { 8 * 11, "8*RCX" },
	{ 8 * 12, "8*RDX" }, { 8 * 13, "8*RSI" }, { 8 * 14, "8*RDI" },
	{ 8 * 15, "8*ORIG_RAX" }, { 8 * 16, "8*RIP" }, { 8 * 17, "8*CS" },
	{ 8 * 18, "8*EFL" }, { 8 * 19, "8*RSP" }, { 8 * 20, "8*SS" },
	{ 216, "offsetof(struct user, u_fpvalid)" },
	{ 224, "offsetof(struct user, i387)" },
	{ 736, "offsetof(struct user, u_tsize)" },
	{ 744, "offsetof(struct user, u_dsize)" },
	{ 752, "offsetof(struct user, u_ssize)" },
	{ 760, "offsetof(struct user, start_code)" },
	{ 768, "offsetof(struct user, start_stack)" },
	{ 776, "offsetof(struct user, signal)" },
	{ 784, "offsetof(struct user, reserved)" },
	{ 792, "offsetof(struct user, u_ar0)" },
	{ 800, "offsetof(struct user, u_fpstate)" },
	{ 808, "offsetof(struct user, magic)" },
	{ 816, "offsetof(struct user, u_comm)" },
	{ 848, "offsetof(struct user, u_debugreg)" },
	{ 912, "sizeof(struct user)" },
	KT_XEND
};

/* 8*RAX, offsetof(struct user, u_debugreg)+56; past the struct, 0x3e8 */
static void user_offset(struct kt_dec *d, uint64_t off)
{
	const struct kt_xlat *x, *at = NULL;
	size_t mark;

	kt_sep(d);
	for (x = user_offsets; x->str && x->val <= off; x++)
		at = x;
	if (!at || (off > at->val && !x->str)) {
		kt_format_ptr(d->b, off);
		return;
	}
	mark = kt_const_begin(d->b);
	kt_buf_puts(d->b, at->str);
	if (off > at->val)
		kt_buf_printf(d->b, "+%llu",
			      (unsigned long long)(off - at->val));
	kt_const_end(d->b, mark, off, 'x');
}

static const char *const regs64[] = {
	"r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8",
	"rax", "rcx", "rdx", "rsi", "rdi", "orig_rax", "rip", "cs", "eflags",
	"rsp", "ss", "fs_base", "gs_base", "ds", "es", "fs", "gs",
};

static const char *const regs32[] = {
	"ebx", "ecx", "edx", "esi", "edi", "ebp", "eax", "xds", "xes", "xfs",
	"xgs", "orig_eax", "eip", "xcs", "eflags", "esp", "xss",
};

static void field_hex(struct kt_buf *b, bool first, const char *name,
		      uint64_t v)
{
	kt_buf_printf(b, "%s%s=", first ? "" : ", ", name);
	if (v)
		kt_buf_hex(b, v);
	else
		kt_buf_putc(b, '0');
}

/* struct user_regs_struct: {r15=0x..., ..., gs=0}, or its address */
static void regs(struct kt_dec *d, int i)
{
	bool i386 = kt_long_size(d) == 4;
	const char *const *names = i386 ? regs32 : regs64;
	size_t n = i386 ? ARRAY_SIZE(regs32) : ARRAY_SIZE(regs64);
	unsigned int ls = kt_long_size(d);
	uint64_t v;
	size_t k;

	kt_sep(d);
	if (!kt_blob_usable(d, i, n * ls)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_putc(d->b, '{');
	for (k = 0; k < n; k++) {
		kt_blob_ulong(d, i, k * ls, &v);
		field_hex(d->b, !k, names[k], v);
	}
	kt_buf_putc(d->b, '}');
}

/* [0, 0x37f, ...]: n 32-bit words at off, at most -s of them */
static void words(struct kt_dec *d, int i, size_t off, size_t n)
{
	uint32_t w;
	size_t k;

	kt_buf_putc(d->b, '[');
	for (k = 0; k < n; k++) {
		if (k)
			kt_buf_puts(d->b, ", ");
		if (k >= d->o->strsize) {
			kt_buf_puts(d->b, "...");
			break;
		}
		kt_blob_read(d, i, off + k * 4, &w, 4);
		if (w)
			kt_buf_hex(d->b, w);
		else
			kt_buf_putc(d->b, '0');
	}
	kt_buf_putc(d->b, ']');
}

/*
 * struct user_fpregs_struct (x86_64, 512 bytes) or user_i387_struct
 * (i386, 108 bytes), its arrays cut at -s entries; its address when the
 * snap length did not hold it whole.
 */
static void fpregs(struct kt_dec *d, int i)
{
	static const char *const f32[] = {
		"cwd", "swd", "twd", "fip", "fcs", "foo", "fos",
	};
	static const char *const f64[] = { "cwd", "swd", "ftw", "fop" };
	bool i386 = kt_long_size(d) == 4;
	uint16_t h;
	uint32_t w;
	uint64_t q;
	size_t k;

	kt_sep(d);
	if (!kt_blob_usable(d, i, i386 ? 108 : 512)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_putc(d->b, '{');
	if (i386) {
		for (k = 0; k < ARRAY_SIZE(f32); k++) {
			kt_blob_read(d, i, k * 4, &w, 4);
			field_hex(d->b, !k, f32[k], w);
		}
		kt_buf_puts(d->b, ", st_space=");
		words(d, i, 28, 20);
		kt_buf_putc(d->b, '}');
		return;
	}
	for (k = 0; k < 4; k++) {
		kt_blob_read(d, i, k * 2, &h, 2);
		field_hex(d->b, !k, f64[k], h);
	}
	kt_blob_read(d, i, 8, &q, 8);
	field_hex(d->b, false, "rip", q);
	kt_blob_read(d, i, 16, &q, 8);
	field_hex(d->b, false, "rdp", q);
	kt_blob_read(d, i, 24, &w, 4);
	field_hex(d->b, false, "mxcsr", w);
	kt_blob_read(d, i, 28, &w, 4);
	field_hex(d->b, false, "mxcr_mask", w);
	kt_buf_puts(d->b, ", st_space=");
	words(d, i, 32, 32);
	kt_buf_puts(d->b, ", xmm_space=");
	words(d, i, 160, 64);
	kt_buf_puts(d->b, ", padding=");
	words(d, i, 416, 24);
	kt_buf_putc(d->b, '}');
}

/* The word PTRACE_PEEK* wrote: [0x1122334455667788], [NULL] */
static void peeked(struct kt_dec *d, int i)
{
	uint64_t v;

	kt_sep(d);
	if (kt_failed(d) || !kt_blob_ulong(d, i, 0, &v)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_putc(d->b, '[');
	kt_format_ptr(d->b, v);
	kt_buf_putc(d->b, ']');
}

/* PTRACE_GETEVENTMSG's unsigned long: [1234] */
static void event_msg(struct kt_dec *d, int i)
{
	uint64_t v;

	kt_sep(d);
	if (kt_failed(d) || !kt_blob_ulong(d, i, 0, &v)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_printf(d->b, "[%llu]", (unsigned long long)v);
}

static const struct kt_xlat psi_ops[] = {
	{ 0, "PTRACE_SYSCALL_INFO_NONE" }, { 1, "PTRACE_SYSCALL_INFO_ENTRY" },
	{ 2, "PTRACE_SYSCALL_INFO_EXIT" }, { 3, "PTRACE_SYSCALL_INFO_SECCOMP" },
	KT_XEND
};

#define AUDIT_X86_64	0xc000003e
#define AUDIT_I386	0x40000003

static const struct kt_xlat audit_arches[] = {
	{ AUDIT_I386, "AUDIT_ARCH_I386" }, { AUDIT_X86_64, "AUDIT_ARCH_X86_64" },
	KT_XEND
};

/*
 * A syscall number of @arch: __NR_getppid in the tracer's own ABI, as
 * strace names it; in the other the number and the name in a comment;
 * the number alone when neither table has it.
 */
static void psi_nr(struct kt_dec *d, uint32_t arch, uint64_t nr)
{
	enum ktrace_cli_abi abi = arch == AUDIT_I386 ? KTRACE_CLI_ABI_I386 :
						      KTRACE_CLI_ABI_X86_64;
	const char *name = NULL;

	if ((arch == AUDIT_I386 || arch == AUDIT_X86_64) && nr < 4096)
		name = ktrace_syscall_name(abi, nr);
	kt_buf_puts(d->b, "nr=");
	if (name && abi == d->sc->abi) {
		kt_buf_puts(d->b, "__NR_");
		kt_buf_puts(d->b, name);
		return;
	}
	kt_buf_udec(d->b, nr);
	if (name)
		kt_buf_printf(d->b, " /* %s */", name);
}

/* {nr=__NR_openat, args=[0xffffff9c, 0x7f..., 0, ...]}: @n of the args */
static void psi_call(struct kt_dec *d, int i, uint32_t arch, size_t n)
{
	uint64_t v;
	size_t k;

	kt_blob_read(d, i, 24, &v, 8);
	kt_buf_putc(d->b, '{');
	psi_nr(d, arch, v);
	if (n) {
		kt_buf_puts(d->b, ", args=[");
		for (k = 0; k < n; k++) {
			kt_blob_read(d, i, 32 + 8 * k, &v, 8);
			if (k)
				kt_buf_puts(d->b, ", ");
			if (v)
				kt_buf_hex(d->b, v);
			else
				kt_buf_putc(d->b, '0');
		}
		kt_buf_putc(d->b, ']');
	}
}

/*
 * PTRACE_GET_SYSCALL_INFO's struct ptrace_syscall_info, as much of it as
 * the kernel wrote (the return value) and the tracer asked for (the
 * address argument), each field when the bytes hold it whole; what a
 * tracer of syscalls, strace among them, asks at every stop.
 */
static void syscall_info(struct kt_dec *d, int i)
{
	uint64_t len = (uint64_t)d->sc->ret, v;
	uint32_t arch;
	uint8_t op, err;
	size_t nargs;

	kt_sep(d);
	if (len > kt_arg(d, 2))
		len = kt_arg(d, 2);
	if (len > 84)
		len = 84;	/* the seccomp stop's, the longest */
	if (kt_failed(d) || !len || !kt_blob_usable(d, i, len)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_blob_read(d, i, 0, &op, 1);
	kt_buf_puts(d->b, "{op=");
	kt_format_xval(d->b, psi_ops, op, "PTRACE_SYSCALL_INFO_???");
	if (len < 8)
		goto out;
	kt_blob_read(d, i, 4, &arch, 4);
	kt_buf_puts(d->b, ", arch=");
	kt_format_xval(d->b, audit_arches, arch, "AUDIT_ARCH_???");
	if (len < 16)
		goto out;
	kt_blob_read(d, i, 8, &v, 8);
	kt_buf_puts(d->b, ", instruction_pointer=");
	kt_format_ptr(d->b, v);
	if (len < 24)
		goto out;
	kt_blob_read(d, i, 16, &v, 8);
	kt_buf_puts(d->b, ", stack_pointer=");
	kt_format_ptr(d->b, v);
	if (len < 32)
		goto out;
	nargs = (len - 32) / 8;
	switch (op) {
	case 1:
		kt_buf_puts(d->b, ", entry=");
		psi_call(d, i, arch, nargs);
		kt_buf_putc(d->b, '}');
		break;
	case 3:
		kt_buf_puts(d->b, ", seccomp=");
		psi_call(d, i, arch, nargs > 6 ? 6 : nargs);
		if (len >= 84) {
			kt_blob_read(d, i, 80, &arch, 4);
			kt_buf_printf(d->b, ", ret_data=%u", arch);
		}
		kt_buf_putc(d->b, '}');
		break;
	case 2:
		kt_blob_read(d, i, 24, &v, 8);
		err = 0;
		if (len >= 33)
			kt_blob_read(d, i, 32, &err, 1);
		kt_buf_puts(d->b, ", exit={rval=");
		if (err && (int64_t)v < 0 && (int64_t)v >= -4095 &&
		    kt_errno_name(-(int64_t)v))
			kt_buf_printf(d->b, "-%s", kt_errno_name(-(int64_t)v));
		else
			kt_buf_dec(d->b, (int64_t)v);
		if (len >= 33)
			kt_buf_printf(d->b, ", is_error=%u", err);
		kt_buf_putc(d->b, '}');
		break;
	}
out:
	kt_buf_putc(d->b, '}');
}

/*
 * The data argument.  Where the kernel writes it, the entry stops before
 * it and the exit prints it; strace prints those as addresses without -v
 * (-e verbose=none), which the blobs' absence then gives.
 */
static void ptrace_data(struct kt_dec *d, uint64_t req)
{
	uint64_t data = kt_arg(d, 3);

	switch (req) {
	case PT_CONT: case PT_DETACH: case PT_SYSCALL: case PT_SINGLESTEP:
	case PT_SINGLEBLOCK: case PT_SYSEMU: case PT_SYSEMU_SINGLESTEP:
		kt_a_signal(d, 3);
		return;
	case PT_SEIZE: case PT_SETOPTIONS: case PT_OLDSETOPTIONS:
		kt_sep(d);
		kt_format_flags(d->b, ptrace_opts, data, "PTRACE_O_???");
		return;
	case PT_SETSIGINFO:
		kt_a_siginfo(d, 3);
		return;
	case PT_SETSIGMASK:
		kt_a_sigset(d, 3, kt_arg(d, 2));
		return;
	case PT_PEEKTEXT: case PT_PEEKDATA: case PT_PEEKUSER:
	case PT_GETEVENTMSG: case PT_GETSIGINFO: case PT_GETSIGMASK:
	case PT_GET_SYSCALL_INFO:
		break;
	default:
		kt_a_ptr(d, 3);
		return;
	}
	if (kt_entry_only(d, true))
		return;
	switch (req) {
	case PT_GETEVENTMSG:
		event_msg(d, 3);
		break;
	case PT_GETSIGINFO:
		if (kt_failed(d))
			kt_a_ptr(d, 3);
		else
			kt_a_siginfo(d, 3);
		break;
	case PT_GETSIGMASK:
		if (kt_failed(d))
			kt_a_ptr(d, 3);
		else
			kt_a_sigset(d, 3, kt_arg(d, 2));
		break;
	case PT_GET_SYSCALL_INFO:
		syscall_info(d, 3);
		break;
	default:
		peeked(d, 3);
	}
}

/*
 * ptrace(PTRACE_PEEKDATA, 42, 0x5560f83e8048, [0x1122334455667788]) = 0.
 * PTRACE_GETREGS and its kin print the registers in place of the address
 * and the data, as strace does.
 */
static void dec_ptrace(struct kt_dec *d)
{
	uint64_t req = kt_arg(d, 0);

	kt_a_xval(d, 0, ptrace_reqs, "PTRACE_???");
	if (req == PT_TRACEME)
		return;
	kt_a_pid(d, 1);
	switch (req) {
	case PT_ATTACH: case PT_INTERRUPT: case PT_KILL: case PT_LISTEN:
		return;
	case PT_PEEKUSER: case PT_POKEUSER:
		user_offset(d, kt_arg(d, 2));
		break;
	case PT_GETREGSET: case PT_SETREGSET:
		kt_a_xval(d, 2, nt_types, "NT_???");
		break;
	case PT_GETSIGMASK: case PT_SETSIGMASK: case PT_SECCOMP_GET_FILTER:
	case PT_SECCOMP_GET_METADATA: case PT_GET_SYSCALL_INFO:
		kt_sep(d);
		kt_buf_udec(d->b, kt_arg(d, 2));
		break;
	case PT_SETREGS:
		regs(d, 3);
		return;
	case PT_SETFPREGS:
		kt_a_ptr(d, 3);
		return;
	case PT_GETREGS: case PT_GETFPREGS:
		if (kt_entry_only(d, true))
			return;
		if (kt_failed(d))
			kt_a_ptr(d, 3);
		else if (req == PT_GETREGS)
			regs(d, 3);
		else
			fpregs(d, 3);
		return;
	default:
		kt_a_ptr(d, 2);
	}
	ptrace_data(d, req);
}

static const struct kt_decoder decoders[] = {
	{ "ptrace", dec_ptrace, KT_RV_DEC, NULL },
};

const struct kt_decoder_table kt_ptrace_decoders = {
	decoders, ARRAY_SIZE(decoders)
};
