// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): the names and numbers every stage prints alike, each
 * written once: a record's ABI as the syscall tables know it, a syscall
 * name or "syscall_0x..." for a number without one, a signal name or its
 * number, si_code names and the siginfo fields as strace shows them, and
 * nanoseconds as seconds, a JSON string; and -y's path of a descriptor,
 * from /proc.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ktrace.h"
#include "decoders.h"

enum ktrace_cli_abi kt_cli_abi(unsigned int abi)
{
	return abi == KTRACE_ABI_COMPAT ? KTRACE_CLI_ABI_I386 :
					  KTRACE_CLI_ABI_X86_64;
}

const char *kt_sc_name(enum ktrace_cli_abi abi, unsigned int nr,
		       char buf[24])
{
	const char *name = ktrace_syscall_name(abi, nr);

	if (name)
		return name;
	snprintf(buf, 24, "syscall_%#x", nr);
	return buf;
}

const char *kt_sys_name(unsigned int abi, unsigned int nr, char buf[24])
{
	return kt_sc_name(kt_cli_abi(abi), nr, buf);
}

const char *kt_sig_name(int sig, char buf[16])
{
	const char *name = kt_signal_name(sig);

	/* Into buf, always: a caller may keep it. */
	if (name)
		snprintf(buf, 16, "%s", name);
	else
		snprintf(buf, 16, "%d", sig);
	return buf;
}

/*
 * The fraction of a second @ns (< 10^9) as ".%0*llu" with @digits (0, 3,
 * 6 or 9; 0: nothing), truncated as strace truncates it.
 */
void kt_buf_frac(struct kt_buf *b, uint64_t ns, unsigned int digits)
{
	uint64_t scale = 1000000000;
	unsigned int i;

	if (!digits || digits > 9)
		return;
	for (i = 0; i < digits; i++)
		scale /= 10;
	kt_buf_putc(b, '.');
	kt_buf_udec0(b, ns / scale, digits);
}

/* @ns as seconds, "%*llu" and kt_buf_frac(): -T and -r print one a line. */
void kt_buf_secs(struct kt_buf *b, uint64_t ns, int width,
		 unsigned int digits)
{
	kt_buf_decw(b, (long long)(ns / 1000000000), width);
	kt_buf_frac(b, ns % 1000000000, digits);
}

const char *kt_sigcode_name(int sig, int code, char buf[16])
{
	static const char *const si[] = {
		[0] = "SI_USER", [1] = "SI_QUEUE", [2] = "SI_TIMER",
		[3] = "SI_MESGQ", [4] = "SI_ASYNCIO", [5] = "SI_SIGIO",
		[6] = "SI_TKILL",
	};
	static const char *const cld[] = {
		[1] = "CLD_EXITED", [2] = "CLD_KILLED", [3] = "CLD_DUMPED",
		[4] = "CLD_TRAPPED", [5] = "CLD_STOPPED", [6] = "CLD_CONTINUED",
	};
	static const char *const segv[] = {
		[1] = "SEGV_MAPERR", [2] = "SEGV_ACCERR", [3] = "SEGV_BNDERR",
		[4] = "SEGV_PKUERR",
	};
	static const char *const bus[] = {
		[1] = "BUS_ADRALN", [2] = "BUS_ADRERR", [3] = "BUS_OBJERR",
	};
	static const char *const trap[] = {
		[1] = "TRAP_BRKPT", [2] = "TRAP_TRACE", [3] = "TRAP_BRANCH",
		[4] = "TRAP_HWBKPT",
	};
	static const char *const fpe[] = {
		[1] = "FPE_INTDIV", [2] = "FPE_INTOVF", [3] = "FPE_FLTDIV",
		[4] = "FPE_FLTOVF", [5] = "FPE_FLTUND", [6] = "FPE_FLTRES",
		[7] = "FPE_FLTINV", [8] = "FPE_FLTSUB",
	};
	static const char *const ill[] = {
		[1] = "ILL_ILLOPC", [2] = "ILL_ILLOPN", [3] = "ILL_ILLADR",
		[4] = "ILL_ILLTRP", [5] = "ILL_PRVOPC", [6] = "ILL_PRVREG",
		[7] = "ILL_COPROC", [8] = "ILL_BADSTK",
	};

	if (code == 0x80)
		return "SI_KERNEL";
	if (code <= 0 && code > -(int)ARRAY_SIZE(si))
		return si[-code];
	if (sig == SIGCHLD && code > 0 && code < (int)ARRAY_SIZE(cld))
		return cld[code];
	if (sig == SIGSEGV && code > 0 && code < (int)ARRAY_SIZE(segv))
		return segv[code];
	if (sig == SIGBUS && code > 0 && code < (int)ARRAY_SIZE(bus))
		return bus[code];
	if (sig == SIGTRAP && code > 0 && code < (int)ARRAY_SIZE(trap))
		return trap[code];
	if (sig == SIGFPE && code > 0 && code < (int)ARRAY_SIZE(fpe))
		return fpe[code];
	if (sig == SIGILL && code > 0 && code < (int)ARRAY_SIZE(ill))
		return ill[code];
	snprintf(buf, 16, "%d", code);
	return buf;
}

/* A SIGCHLD's times in clock ticks, and in seconds as strace adds them. */
static void clock_ticks(struct kt_buf *b, const char *name, int64_t v)
{
	kt_buf_printf(b, ", %s=%lld", name, (long long)v);
	if (v > 0)
		kt_buf_printf(b, " /* %lld.%02lld s */", (long long)(v / 100),
			      (long long)(v % 100));
}

/* ", si_int=1, si_ptr=0x1": a sigval, its int the pointer's low half */
static void sigval(struct kt_buf *b, uint64_t ptr)
{
	kt_buf_printf(b, ", si_int=%d, si_ptr=", (int32_t)ptr);
	if (ptr)
		kt_buf_printf(b, "%#llx", (unsigned long long)ptr);
	else
		kt_buf_puts(b, "NULL");
}

void kt_buf_siginfo(struct kt_buf *b, int sig, int code,
		    const struct ktrace_siginfo *si)
{
	const char *name;

	if (sig == SIGCHLD && code > 0) {
		kt_buf_printf(b, ", si_pid=%d, si_uid=%u, si_status=", si->pid,
			      si->uid);
		name = code == 1 ? NULL : kt_signal_name(si->status);
		if (name)
			kt_buf_puts(b, name);
		else
			kt_buf_printf(b, "%d", si->status);
		clock_ticks(b, "si_utime", si->utime);
		clock_ticks(b, "si_stime", si->stime);
	} else if (code == -2 && (si->flags & KTRACE_SI_VALUE)) {
		/* SI_TIMER: the timer's id, its overrun, the value */
		kt_buf_printf(b, ", si_timerid=%#x, si_overrun=%d", si->pid,
			      (int32_t)si->uid);
		sigval(b, si->addr);
	} else if (code <= 0) {
		kt_buf_printf(b, ", si_pid=%d, si_uid=%u", si->pid, si->uid);
		/* SI_QUEUE, SI_MESGQ, SI_ASYNCIO: the value, when not NULL */
		if ((si->flags & KTRACE_SI_VALUE) && si->addr)
			sigval(b, si->addr);
	} else if (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
		   sig == SIGFPE || sig == SIGTRAP) {
		if (si->addr)	/* strace's printaddr(): NULL for 0 */
			kt_buf_printf(b, ", si_addr=%#llx",
				      (unsigned long long)si->addr);
		else
			kt_buf_puts(b, ", si_addr=NULL");
	}
}

ssize_t kt_proc_read(pid_t pid, const char *file, char *buf, size_t size)
{
	char path[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/%s", pid, file);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return n;
}

bool kt_proc_in_syscall(pid_t tid, unsigned int nr)
{
	char buf[32];

	return kt_proc_read(tid, "syscall", buf, sizeof(buf)) > 0 &&
	       buf[0] >= '0' && buf[0] <= '9' &&
	       strtoul(buf, NULL, 10) == nr;
}

pid_t kt_proc_tgid(pid_t pid)
{
	char path[64], line[128];
	long tgid = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "re");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Tgid: %ld", &tgid) == 1)
			break;
	fclose(f);
	return (pid_t)tgid;
}

/* -y: the path of fd in process tgid, AT_FDCWD's the working directory. */
const char *kt_proc_fd_path(pid_t tgid, int fd)
{
	static char path[4096];
	char link[64];
	ssize_t n;

	if (fd == AT_FDCWD)
		snprintf(link, sizeof(link), "/proc/%d/cwd", tgid);
	else
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", tgid, fd);
	n = readlink(link, path, sizeof(path) - 1);
	if (n <= 0)
		return NULL;
	path[n] = '\0';
	return path;
}

/* The length of the valid UTF-8 sequence at s, or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	uint32_t c;
	size_t len, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and beyond U+10FFFF are not UTF-8. */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	return len;
}

/*
 * n bytes of str, or up to a NUL when n is -1, as a JSON string: valid
 * UTF-8 passes; a byte that is not part of it is written as the lone
 * surrogate \udcXX, XX its value (Python's "surrogateescape").
 */
void kt_buf_json_str(struct kt_buf *b, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, len;

	if (n == (size_t)-1)
		n = strlen(str);
	kt_buf_putc(b, '"');
	while (i < n) {
		unsigned char c = s[i];

		/* A run of printable ASCII, in one append. */
		for (len = 0; i + len < n && s[i + len] >= 0x20 &&
		     s[i + len] < 0x7f && s[i + len] != '"' &&
		     s[i + len] != '\\'; len++)
			;
		if (len) {
			kt_buf_write(b, str + i, len);
			i += len;
			continue;
		}
		len = utf8_len(s + i, n - i);
		if (c == '"' || c == '\\') {
			kt_buf_putc(b, '\\');
			kt_buf_putc(b, c);
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			kt_buf_printf(b, "\\u%04x", c);
			i++;
		} else if (len) {
			kt_buf_write(b, str + i, len);
			i += len;
		} else {
			kt_buf_printf(b, "\\u%04x", 0xdc00 + c);
			i++;
		}
	}
	kt_buf_putc(b, '"');
}
