// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): the command line, with strace's options and strace's meaning
 * for each.  Parsing only fills struct kt_opts and checks what can be
 * checked without the module; names of syscalls and classes are resolved
 * by the tracer, against the tables and the module's class lists.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "decode.h"
#include "ktrace.h"

enum {
	OPT_JSON = 0x100,
	OPT_RING_SIZE,
	OPT_LOSSY,
	OPT_SECCOMP_BPF,
	OPT_TRACE,
	OPT_SIGNAL,
	OPT_STATUS,
	OPT_ABBREV,
	OPT_VERBOSE,
	OPT_RAW,
	OPT_READ,
	OPT_WRITE,
	OPT_QUIET,
	OPT_DECODE_FDS,
	OPT_DECODE_PIDS,
	OPT_PIDNS_TRANSLATION,
	OPT_TIMESTAMPS,
	OPT_SYSCALL_LIMIT,
	OPT_MIN_DURATION,
	OPT_TIPS,
	OPT_INJECT,
	OPT_FAULT,
	OPT_KVM,
	OPT_STRINGS_IN_HEX,
	OPT_FF,
	OPT_PERFETTO,
	OPT_SVG,
	OPT_GOLDEN,
	OPT_EXPECT,
};

static const struct option longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "ring-size", required_argument, NULL, OPT_RING_SIZE },
	{ "lossy", no_argument, NULL, OPT_LOSSY },
	{ "perfetto", no_argument, NULL, OPT_PERFETTO },
	{ "svg", no_argument, NULL, OPT_SVG },
	{ "golden", no_argument, NULL, OPT_GOLDEN },
	{ "expect", required_argument, NULL, OPT_EXPECT },
	{ "follow-forks", no_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "summary-only", no_argument, NULL, 'c' },
	{ "summary", no_argument, NULL, 'C' },
	{ "summary-sort-by", required_argument, NULL, 'S' },
	{ "syscall-times", optional_argument, NULL, 'T' },
	{ "relative-timestamps", optional_argument, NULL, 'r' },
	{ "string-limit", required_argument, NULL, 's' },
	{ "decode-fds", optional_argument, NULL, OPT_DECODE_FDS },
	{ "quiet", optional_argument, NULL, OPT_QUIET },
	{ "silent", optional_argument, NULL, OPT_QUIET },
	{ "seccomp-bpf", no_argument, NULL, OPT_SECCOMP_BPF },
	{ "trace", required_argument, NULL, OPT_TRACE },
	{ "signal", required_argument, NULL, OPT_SIGNAL },
	{ "signals", required_argument, NULL, OPT_SIGNAL },
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "abbrev", required_argument, NULL, OPT_ABBREV },
	{ "verbose", required_argument, NULL, OPT_VERBOSE },
	{ "raw", required_argument, NULL, OPT_RAW },
	{ "read", required_argument, NULL, OPT_READ },
	{ "write", required_argument, NULL, OPT_WRITE },
	{ "decode-pids", required_argument, NULL, OPT_DECODE_PIDS },
	{ "pidns-translation", no_argument, NULL, OPT_PIDNS_TRANSLATION },
	{ "absolute-timestamps", optional_argument, NULL, OPT_TIMESTAMPS },
	{ "timestamps", optional_argument, NULL, OPT_TIMESTAMPS },
	{ "syscall-limit", required_argument, NULL, OPT_SYSCALL_LIMIT },
	{ "min-duration", required_argument, NULL, OPT_MIN_DURATION },
	{ "tips", optional_argument, NULL, OPT_TIPS },
	{ "inject", required_argument, NULL, OPT_INJECT },
	{ "fault", required_argument, NULL, OPT_FAULT },
	{ "kvm", required_argument, NULL, OPT_KVM },
	{ "debug", no_argument, NULL, 'd' },
	{ "strings-in-hex", optional_argument, NULL, OPT_STRINGS_IN_HEX },
	{ "output-separately", no_argument, NULL, OPT_FF },
	{ "syscall-number", no_argument, NULL, 'n' },
	{ "output-append-mode", no_argument, NULL, 'A' },
	{ "columns", required_argument, NULL, 'a' },
	{ "env", required_argument, NULL, 'E' },
	{ "interruptible", required_argument, NULL, 'I' },
	{ "summary-wall-clock", no_argument, NULL, 'w' },
	{ "no-abbrev", no_argument, NULL, 'v' },
	{ "const-print-style", required_argument, NULL, 'X' },
	{ "instruction-pointer", no_argument, NULL, 'i' },
	{ "trace-path", required_argument, NULL, 'P' },
	{ "daemonize", optional_argument, NULL, 'D' },
	{ "detach-on", required_argument, NULL, 'b' },
	{ "summary-syscall-overhead", required_argument, NULL, 'O' },
	{ "summary-columns", required_argument, NULL, 'U' },
	{ "stack-traces", no_argument, NULL, 'k' },
	{ "successful-only", no_argument, NULL, 'z' },
	{ "failed-only", no_argument, NULL, 'Z' },
	{ "attach", required_argument, NULL, 'p' },
	{ "user", required_argument, NULL, 'u' },
	{ "expr", required_argument, NULL, 'e' },
	{ NULL, 0, NULL, 0 },
};

static int parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v;

	if (!*s || *s == '-' || *s == '+')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v > max)
		return -1;
	*out = v;
	return 0;
}

/* --ring-size: bytes per CPU, K and M suffixes, as the module takes it. */
/* -I N or its name, as strace takes it: when ktrace's signals end it. */
static int parse_interruptible(struct kt_opts *o, const char *s)
{
	static const char *const names[] = {
		[KT_INTR_ANYWHERE] = "anywhere",
		[KT_INTR_WAITING] = "waiting",
		[KT_INTR_NEVER] = "never",
		[KT_INTR_NEVER_TSTP] = "never_tstp",
	};
	unsigned long v;

	for (v = KT_INTR_ANYWHERE; v <= KT_INTR_NEVER_TSTP; v++) {
		if (!strcmp(s, names[v])) {
			o->interruptible = v;
			return 0;
		}
	}
	if (parse_uint(s, KT_INTR_NEVER_TSTP, &v) || !v) {
		ktrace_err("-I: '%s' is not 1 to 4", s);
		return -1;
	}
	o->interruptible = v;
	return 0;
}

static int parse_ring_size(struct kt_opts *o, const char *s)
{
	unsigned int shift = 0;
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (*end == 'K' || *end == 'k')
		shift = 10, end++;
	else if (*end == 'M' || *end == 'm')
		shift = 20, end++;
	/* Bounded before the shift, which could wrap to a valid size. */
	if (v > (64UL << 20) >> shift)
		v = ~0UL;
	else
		v <<= shift;
	if (errno || *s == '-' || *end || v < (16UL << 10) ||
	    v > (64UL << 20) || (v & (v - 1))) {
		ktrace_err("--ring-size: '%s' is not a power of two from 16K to 64M",
			   s);
		return -1;
	}
	o->ring_size = v;
	return 0;
}

/*
 * The option getopt_long() refused in @word, the argument it read: a long
 * one without its "=VALUE", a short one alone ("-x", not the cluster
 * "-xy" it came in).
 */
static const char *kt_opt_refused(const char *word, char *buf,
				  size_t size)
{
	if (strncmp(word, "--", 2) && optopt)
		snprintf(buf, size, "-%c", optopt);
	else
		snprintf(buf, size, "%.*s", (int)strcspn(word, "="), word);
	return buf;
}

/* Was @word, refused, a long option given a value it does not take? */
static bool kt_opt_valued(const char *word)
{
	return !strncmp(word, "--", 2) && strchr(word, '=') && optopt;
}

/*
 * One line for the option getopt_long() refused in @word, for subcommand
 * @cmd ("tree", "syscalls"): @missing, its value is (a ':' return).
 */
void kt_opt_refuse(const char *cmd, const char *word, bool missing)
{
	char name[64];

	kt_opt_refused(word, name, sizeof(name));
	if (missing)
		ktrace_err("%s: option '%s' needs a value (see '%s %s --help')",
			   cmd, name, ktrace_prog, cmd);
	else if (kt_opt_valued(word))
		ktrace_err("%s: option '%s' takes no value (see '%s %s --help')",
			   cmd, name, ktrace_prog, cmd);
	else
		ktrace_err("%s: unknown option '%s' (see '%s %s --help')",
			   cmd, name, ktrace_prog, cmd);
}

static int add_pids(struct kt_opts *o, const char *list)
{
	char *copy = strdup(list), *tok, *save = NULL;
	unsigned long pid;
	unsigned int i;
	int ret = 0;

	if (!copy)
		return -1;
	/* As strace: "$(pidof x)" or "$(pgrep x)", by commas or blanks. */
	tok = strtok_r(copy, ", \t\n", &save);
	if (!tok)
		o->pids_none = list;
	for (; tok; tok = strtok_r(NULL, ", \t\n", &save)) {
		if (parse_uint(tok, INT_MAX, &pid) || pid == 0) {
			ktrace_err("-p: '%s' is not a process id", tok);
			ret = -1;
			break;
		}
		/* Given twice, traced once (strace's second attach fails). */
		for (i = 0; i < o->npids && o->pids[i] != (int)pid; i++)
			;
		if (i < o->npids)
			continue;
		if (o->npids == ARRAY_SIZE(o->pids)) {
			ktrace_err("-p: at most %zu processes", ARRAY_SIZE(o->pids));
			ret = -1;
			break;
		}
		o->pids[o->npids++] = pid;
	}
	free(copy);
	return ret;
}

static int parse_status(struct kt_opts *o, const char *list)
{
	char *copy = strdup(list), *tok, *save = NULL;
	bool neg = false;
	unsigned int set = 0;
	int ret = 0;

	if (!copy)
		return -1;
	tok = copy;
	if (*tok == '!') {
		neg = true;
		tok++;
	}
	/* As strace: an empty set would print no line; it is refused. */
	tok = strtok_r(tok, ",", &save);
	if (!tok) {
		ktrace_err("-e status: an empty set (successful, failed, all, none)");
		ret = -1;
	}
	for (; tok; tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "successful") || !strcmp(tok, "all"))
			set |= KT_STATUS_SUCCESSFUL;
		if (!strcmp(tok, "failed") || !strcmp(tok, "all"))
			set |= KT_STATUS_FAILED;
		if (!strcmp(tok, "unfinished") || !strcmp(tok, "unavailable") ||
		    !strcmp(tok, "detached")) {
			ktrace_err("-e status: strace's '%s' is not supported (successful, failed, all, none)",
				   tok);
			ret = -1;
			break;
		}
		if (strcmp(tok, "successful") && strcmp(tok, "failed") &&
		    strcmp(tok, "all") && strcmp(tok, "none")) {
			ktrace_err("-e status: unknown status '%s' (successful, failed, all, none)",
				   tok);
			ret = -1;
			break;
		}
	}
	free(copy);
	if (neg)
		set = ~set & KT_STATUS_ALL;
	o->status = set;
	return ret;
}

/*
 * -e signal=SET: which "--- SIG... ---" lines print: names with or
 * without SIG, numbers, all, none, a leading ! negating the set.
 */
static int parse_signals(struct kt_opts *o, const char *list)
{
	char *copy = strdup(list), *tok, *save = NULL;
	uint64_t set[2] = { 0, 0 };
	bool neg = false, any = false;
	int sig, ret = 0;

	if (!copy)
		return -1;
	tok = copy;
	while (*tok == '!') {
		neg = !neg;
		tok++;
	}
	for (tok = strtok_r(tok, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		any = true;
		if (!strcmp(tok, "all")) {
			set[0] = ~0ULL;
			set[1] = ~0ULL;
			continue;
		}
		if (!strcmp(tok, "none"))
			continue;
		sig = kt_signal_number(tok);
		if (sig < 1) {
			ktrace_err("-e signal: unknown signal '%s'", tok);
			ret = -1;
			break;
		}
		/* Above 128 no signal: strace takes them, and shows none. */
		if (sig <= 128)
			set[(sig - 1) / 64] |= 1ULL << ((sig - 1) % 64);
	}
	free(copy);
	/* An empty set, as strace: not "none". */
	if (!any && !ret) {
		ktrace_err("-e signal: unknown signal '%s'", list);
		ret = -1;
	}
	if (neg) {
		set[0] = ~set[0];
		set[1] = ~set[1];
	}
	o->signal_filter = true;
	o->signals[0] = set[0];
	o->signals[1] = set[1];
	return ret;
}

/* -e signal=SET: does a line about signal @sig show? */
bool kt_signal_shown(const struct kt_opts *o, int sig)
{
	return !o->signal_filter || sig < 1 || sig > 128 ||
	       (o->signals[(sig - 1) / 64] & (1ULL << ((sig - 1) % 64)));
}

/*
 * Does the "+++ exited with N +++" (@sig 0) or "+++ killed by SIG +++"
 * line of a task show?  As strace's print_exited() and
 * print_signalled(): -qq leaves out the former, -e signal= the latter
 * when it leaves out SIG.
 */
bool kt_death_shown(const struct kt_opts *o, int sig)
{
	return sig ? kt_signal_shown(o, sig) : !o->quiet_exit;
}

/*
 * --quiet=SET, as strace takes it: attach, exit (exits), thread-execve
 * (superseded), and personality and path-resolution, whose messages
 * ktrace never prints; all, none, and a leading ! for the others.
 * Without SET, -q's attach and personality.
 */
static int parse_quiet(struct kt_opts *o, const char *list)
{
	bool attach = false, exits = false, execve = false, neg = false;
	char *copy, *tok, *save = NULL;
	int ret = 0;

	if (!list) {
		o->quiet_attach = true;
		return 0;
	}
	while (*list == '!') {
		neg = !neg;
		list++;
	}
	copy = strdup(list);
	if (!copy)
		return -1;
	/* As strace: an empty set is refused, not taken for "none". */
	tok = strtok_r(copy, ",", &save);
	if (!tok)
		ret = -1;
	for (; tok && !ret; tok = strtok_r(NULL, ",", &save)) {
		bool all = !strcmp(tok, "all");

		attach |= all;
		exits |= all;
		execve |= all;
		if (all)
			continue;
		if (!strcmp(tok, "attach"))
			attach = true;
		else if (!strcmp(tok, "exit") || !strcmp(tok, "exits"))
			exits = true;
		else if (!strcmp(tok, "thread-execve") ||
			 !strcmp(tok, "superseded"))
			execve = true;
		else if (strcmp(tok, "none") && strcmp(tok, "personality") &&
			 strcmp(tok, "path-resolution"))
			ret = -1;
	}
	free(copy);
	if (ret) {
		ktrace_err("--quiet: invalid '%s' (attach, exit, thread-execve, personality, path-resolution, all, none)",
			   list);
		return -1;
	}
	o->quiet_attach = attach != neg;
	o->quiet_exit = exits != neg;
	o->quiet_execve = execve != neg;
	return 0;
}

/*
 * -O: strace's time to take from each call's for -c, in microseconds or
 * with a unit (s, ms, us, ns).
 */
/*
 * A time: a number, of @unit_ns nanoseconds each, or with its unit (s,
 * ms, us, ns); -1 if not one.
 */
int kt_parse_time(const char *s, double unit_ns, unsigned long long *ns)
{
	static const struct {
		const char *unit;
		double ns;
	} units[] = {
		{ "s", 1e9 }, { "ms", 1e6 }, { "us", 1e3 }, { "ns", 1 },
	};
	char *end;
	double v;
	size_t i;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *s == '-' || *s == '+' || !(v >= 0) ||
	    v >= 1e9)
		return -1;
	for (i = 0; *end && i < ARRAY_SIZE(units); i++)
		if (!strcmp(end, units[i].unit))
			break;
	if (*end && i == ARRAY_SIZE(units))
		return -1;
	*ns = (unsigned long long)(v * (*end ? units[i].ns : unit_ns) + 0.5);
	return 0;
}

static int parse_overhead(struct kt_opts *o, const char *s)
{
	if (!kt_parse_time(s, 1e3, &o->overhead_ns))
		return 0;
	ktrace_err("invalid -O argument: '%s' (a time: 5, 5us, 1.5ms, 20ns)",
		   s);
	return -1;
}

/*
 * A precision of strace's timestamps and times, s, ms, us or ns: the
 * digits it prints after the second, in *@digits.
 */
static int parse_precision(const char *s, unsigned char *digits)
{
	static const char *const units[] = { "s", "ms", "us", "ns" };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(units); i++) {
		if (!strcmp(s, units[i])) {
			*digits = 3 * i;
			return 0;
		}
	}
	return -1;
}

/*
 * --absolute-timestamps=[[format:]FORMAT][,[precision:]PRECISION], as
 * strace takes it: FORMAT time (the default), unix or none, PRECISION
 * s (the default), ms, us or ns; -t, -tt and -ttt are three of them.
 */
static int parse_timestamps(struct kt_opts *o, const char *spec)
{
	char *copy, *tok, *save = NULL;
	unsigned int fmt = KT_TS_TIME;
	int ret = 0;

	if (!spec) {
		o->timestamps = fmt;
		return 0;
	}
	copy = strdup(spec);
	if (!copy)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok && !ret;
	     tok = strtok_r(NULL, ",", &save)) {
		bool format = true, precision = true;

		if (!strncmp(tok, "format:", 7)) {
			tok += 7;
			precision = false;
		} else if (!strncmp(tok, "precision:", 10)) {
			tok += 10;
			format = false;
		}
		if (format && !strcmp(tok, "time"))
			fmt = KT_TS_TIME;
		else if (format && !strcmp(tok, "unix"))
			fmt = KT_TS_UNIX;
		else if (format && !strcmp(tok, "none"))
			fmt = 0;
		else if (!precision || parse_precision(tok, &o->ts_digits))
			ret = -1;
	}
	free(copy);
	if (ret) {
		ktrace_err("--absolute-timestamps: invalid '%s' (format: time, unix or none; precision: s, ms, us or ns)",
			   spec);
		return -1;
	}
	o->timestamps = fmt;
	return 0;
}

static int not_implemented(const char *opt, const char *why)
{
	ktrace_err("%s: not implemented: %s", opt, why);
	return -1;
}

static int parse_decode_pids(struct kt_opts *o, const char *list);
static int parse_decode_fds(struct kt_opts *o, const char *list);

/* -e inject=, -e fault=, --inject, --fault: strace's syscall tampering. */
static int refuse_tampering(const char *dashes, const char *name, size_t n)
{
	ktrace_err("%s%.*s: not implemented: ktrace observes syscalls and cannot change them (strace's syscall tampering)",
		   dashes, (int)n, name);
	return -1;
}

/* Is the n bytes at q one of the |-separated names? */
static bool qualifier_is(const char *q, size_t n, const char *names)
{
	const char *p = names, *bar;
	size_t len;

	for (;;) {
		bar = strchr(p, '|');
		len = bar ? (size_t)(bar - p) : strlen(p);
		if (len == n && !strncmp(q, p, n))
			return true;
		if (!bar)
			return false;
		p = bar + 1;
	}
}

/*
 * -e [QUALIFIER=]VALUE, with strace's qualifiers and their short names;
 * only trace= and status= have kernel filters.
 */
static int parse_expr(struct kt_opts *o, const char *expr)
{
	const char *eq = strchr(expr, '=');
	size_t n = eq ? (size_t)(eq - expr) : 0;

	if (!eq || qualifier_is(expr, n, "trace|t")) {
		const char *value = eq ? eq + 1 : expr;

		if (!*value) {
			ktrace_err("-e trace: empty syscall set");
			return -1;
		}
		if (o->ntrace == ARRAY_SIZE(o->trace)) {
			ktrace_err("-e trace: at most %zu expressions",
				   ARRAY_SIZE(o->trace));
			return -1;
		}
		o->trace[o->ntrace++] = value;
		return 0;
	}
	if (qualifier_is(expr, n, "status"))
		return parse_status(o, eq + 1);
	if (qualifier_is(expr, n, "signal|signals|s"))
		return parse_signals(o, eq + 1);
	if (qualifier_is(expr, n, "abbrev|a"))
		return kt_abbrev_parse(eq + 1);
	if (qualifier_is(expr, n, "verbose|v"))
		return kt_verbose_parse(eq + 1);
	if (qualifier_is(expr, n, "raw|x"))
		return kt_raw_parse(eq + 1);
	if (qualifier_is(expr, n, "quiet|silent|silence|q"))
		return parse_quiet(o, eq + 1);
	if (qualifier_is(expr, n, "read|reads|r"))
		return kt_fdset_parse(&o->dump_read, "read", eq + 1);
	if (qualifier_is(expr, n, "write|writes|w"))
		return kt_fdset_parse(&o->dump_write, "write", eq + 1);
	if (qualifier_is(expr, n, "decode-pids|decode-pid"))
		return parse_decode_pids(o, eq + 1);
	if (qualifier_is(expr, n, "decode-fds|decode-fd"))
		return parse_decode_fds(o, eq + 1);
	if (qualifier_is(expr, n, "fault|inject"))
		return refuse_tampering("-e ", expr, n);
	if (qualifier_is(expr, n, "kvm"))
		return not_implemented("-e kvm", "KVM vCPU exits");
	ktrace_err("-e: unknown qualifier '%.*s'", (int)n, expr);
	return -1;
}

/* -S KEY: strace's column names, and nothing or none for no sorting. */
static int parse_sort(struct kt_opts *o, const char *s)
{
	static const enum kt_sort by_col[KT_COL_COUNT] = {
		[KT_COL_PERCENT] = KT_SORT_TIME, [KT_COL_TOTAL] = KT_SORT_TIME,
		[KT_COL_MIN] = KT_SORT_MIN, [KT_COL_MAX] = KT_SORT_MAX,
		[KT_COL_AVG] = KT_SORT_AVG, [KT_COL_CALLS] = KT_SORT_CALLS,
		[KT_COL_ERRORS] = KT_SORT_ERRORS, [KT_COL_NAME] = KT_SORT_NAME,
	};
	enum kt_col col = kt_summary_column(s, strlen(s));

	if (col != KT_COL_END) {
		o->sort = by_col[col];
		return 0;
	}
	if (!strcmp(s, "nothing") || !strcmp(s, "none")) {
		o->sort = KT_SORT_NOTHING;
		return 0;
	}
	ktrace_err("-S: unknown sort key '%s' (time, min-time, max-time, avg-time, calls, errors, name, nothing)",
		   s);
	return -1;
}

/*
 * -U COLUMN,...: -c's columns in that order, each once; the syscall name
 * is added last when not given, as strace does.
 */
static int parse_columns(struct kt_opts *o, const char *list)
{
	const char *p = list, *comma;
	bool seen[KT_COL_COUNT] = { false };
	unsigned int n = 0;
	enum kt_col col;
	size_t len;

	for (;;) {
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		col = kt_summary_column(p, len);
		if (col == KT_COL_END) {
			ktrace_err("-U: unknown column '%.*s' (time-percent, total-time, min-time, max-time, avg-time, calls, errors, name)",
				   (int)len, p);
			return -1;
		}
		if (seen[col]) {
			ktrace_err("-U: column '%.*s' given more than once",
				   (int)len, p);
			return -1;
		}
		seen[col] = true;
		o->columns[n++] = col;
		if (!comma)
			break;
		p = comma + 1;
	}
	if (!seen[KT_COL_NAME])
		o->columns[n++] = KT_COL_NAME;
	o->columns[n] = KT_COL_END;
	return 0;
}

/*
 * --decode-fds=path,socket,dev,pidfd (-y: path; -yy: all).  A socket's
 * description and a device's numbers come with the path, a pidfd prints
 * its process; dev or pidfd without path or socket shows those alone, as
 * strace.
 */
static int parse_decode_fds(struct kt_opts *o, const char *list)
{
	const char *p = list ? list : "path", *comma;
	unsigned int level = 0;
	bool devs = false, paths = false, pidfds = false;
	size_t len;

	for (;;) {
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == 4 && !strncmp(p, "path", 4)) {
			level = level ? level : 1;
			paths = true;
		} else if (len == 6 && !strncmp(p, "socket", 6)) {
			level = 2;
			paths = true;
		} else if (len == 3 && !strncmp(p, "dev", 3)) {
			level = level ? level : 1;
			devs = true;
		} else if (len == 3 && !strncmp(p, "all", 3)) {
			level = 2;
			devs = true;
			paths = true;
			pidfds = true;
		} else if (len == 4 && !strncmp(p, "none", 4)) {
			level = 0;
			devs = false;
			paths = false;
			pidfds = false;
		} else if (len == 5 && !strncmp(p, "pidfd", 5)) {
			level = level ? level : 1;
			pidfds = true;
		} else {
			ktrace_err("--decode-fds: unknown '%.*s' (path, socket, dev, pidfd, all, none)",
				   (int)len, p);
			return -1;
		}
		if (!comma)
			break;
		p = comma + 1;
	}
	o->decode_fds = level;
	o->decode_devs = devs;
	o->decode_pidfds = pidfds;
	o->decode_devs_only = (devs || pidfds) && !paths;
	return 0;
}

/* --decode-pids=comm,pidns (-Y: comm). */
static int parse_decode_pids(struct kt_opts *o, const char *list)
{
	const char *p = list, *comma;
	unsigned int set = 0;
	size_t len;

	for (;;) {
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == 4 && !strncmp(p, "comm", 4)) {
			set |= KT_PIDS_COMM;
		} else if (len == 5 && !strncmp(p, "pidns", 5)) {
			set |= KT_PIDS_NS;
		} else if ((len == 4 && !strncmp(p, "none", 4))) {
			set = 0;
		} else if ((len == 3 && !strncmp(p, "all", 3))) {
			set = KT_PIDS_COMM | KT_PIDS_NS;
		} else {
			ktrace_err("--decode-pids: unknown '%.*s' (comm, pidns, all, none)",
				   (int)len, p);
			return -1;
		}
		if (!comma)
			break;
		p = comma + 1;
	}
	o->decode_pids = set;
	return 0;
}

/*
 * -D, -DD, -DDD, --daemonize[=grandchild|pgroup|session]: the tracer
 * runs as the command's grandchild (run.c), in its own process group or
 * session from two or three.
 */
static int parse_daemonize(struct kt_opts *o, const char *arg)
{
	static const char *const words[] = {
		[KT_DAEMON_GRANDCHILD] = "grandchild",
		[KT_DAEMON_PGROUP] = "pgroup",
		[KT_DAEMON_SESSION] = "session",
	};
	unsigned int i;

	if (!arg) {
		if (o->daemonize == KT_DAEMON_SESSION) {
			ktrace_err("-D: too many -D's, at most 3 (-DDD: the tracer in a session of its own)");
			return -1;
		}
		o->daemonize++;
		return 0;
	}
	if (!strcmp(arg, "pgrp")) {
		o->daemonize = KT_DAEMON_PGROUP;
		return 0;
	}
	for (i = KT_DAEMON_GRANDCHILD; i < ARRAY_SIZE(words); i++) {
		if (!strcmp(arg, words[i])) {
			o->daemonize = i;
			return 0;
		}
	}
	ktrace_err("--daemonize: unknown '%s' (grandchild, pgroup or session)",
		   arg);
	return -1;
}

/* -b SYSCALL: strace detaches on execve only. */
static int parse_detach_on(struct kt_opts *o, const char *s)
{
	if (strcmp(s, "execve")) {
		ktrace_err("-b: detaching on '%s' is not supported (execve only)",
			   s);
		return -1;
	}
	o->detach_execve = true;
	return 0;
}

/*
 * Parse argv into o.  Returns 0 to go on tracing, 1 when the command is
 * done (help, version) with *status set, -1 on a usage error (already
 * reported).
 */
int kt_parse_args(struct kt_opts *o, int argc, char **argv)
{
	unsigned int tflags = 0;
	bool abs_ts = false, missing;
	unsigned long v;
	char *end, name[64];
	int c, word;

	memset(o, 0, sizeof(*o));
	o->times_digits = 6;
	o->relative_digits = 6;
	o->strsize = 32;
	o->sort = KT_SORT_TIME;
	o->status = KT_STATUS_ALL;

	opterr = 0;
	optind = 1;
	/*
	 * word: the argument getopt_long() reads (optind before the call),
	 * which a refused option is named from: in a cluster ("-Wf") optind
	 * stays on it, after a whole one it moves past it, or past its value.
	 */
	while ((word = optind,
		c = getopt_long(argc, argv,
				"+hVfo:cCS:TtrRs:yqzZp:u:e:nAa:E:I:wvX:xiP:Db:O:U:Ykd",
				longopts, NULL)) != -1) {
		switch (c) {
		case OPT_SECCOMP_BPF:
			/* Filtering happens in the kernel already. */
			break;
		case OPT_TRACE:
		case OPT_SIGNAL:
		case OPT_STATUS:
		case OPT_ABBREV:
		case OPT_VERBOSE:
		case OPT_RAW:
		case OPT_READ:
		case OPT_WRITE: {
			static const char *const q[] = {
				[OPT_TRACE - OPT_TRACE] = "trace",
				[OPT_SIGNAL - OPT_TRACE] = "signal",
				[OPT_STATUS - OPT_TRACE] = "status",
				[OPT_ABBREV - OPT_TRACE] = "abbrev",
				[OPT_VERBOSE - OPT_TRACE] = "verbose",
				[OPT_RAW - OPT_TRACE] = "raw",
				[OPT_READ - OPT_TRACE] = "read",
				[OPT_WRITE - OPT_TRACE] = "write",
			};
			/* -e QUALIFIER=VALUE; kept: -e trace= keeps pointers. */
			size_t n = strlen(q[c - OPT_TRACE]) + strlen(optarg) + 2;
			char *x = malloc(n);

			if (!x) {
				ktrace_err("out of memory");
				return -1;
			}
			snprintf(x, n, "%s=%s", q[c - OPT_TRACE], optarg);
			if (parse_expr(o, x))
				return -1;
			break;
		}
		case OPT_QUIET:
			if (parse_quiet(o, optarg))
				return -1;
			break;
		case OPT_DECODE_FDS:
			if (parse_decode_fds(o, optarg))
				return -1;
			break;
		case OPT_PIDNS_TRANSLATION:	/* strace 5.9's spelling */
			o->decode_pids |= KT_PIDS_NS;
			break;
		case OPT_DECODE_PIDS:
			if (parse_decode_pids(o, optarg))
				return -1;
			break;
		case OPT_TIMESTAMPS:
			if (tflags) {
				ktrace_err("-t and --absolute-timestamps cannot be given together");
				return -1;
			}
			abs_ts = true;
			if (parse_timestamps(o, optarg))
				return -1;
			break;
		case OPT_MIN_DURATION:
			if (kt_parse_time(optarg, 1e3, &o->min_duration_ns)) {
				ktrace_err("--min-duration: invalid time '%s' (100us, 1.5ms, 2s; a bare number is microseconds)",
					   optarg);
				return -1;
			}
			break;
		case OPT_SYSCALL_LIMIT:
			errno = 0;
			o->syscall_limit = strtoull(optarg, &end, 10);
			if (errno || end == optarg || *end || *optarg == '-' ||
			    !o->syscall_limit) {
				ktrace_err("--syscall-limit: '%s' is not a number of syscalls above 0",
					   optarg);
				return -1;
			}
			break;
		case OPT_STRINGS_IN_HEX:
			if (!optarg || !strcmp(optarg, "all")) {
				kt_xflag = KT_HEX_ALL;
			} else if (!strcmp(optarg, "non-ascii")) {
				kt_xflag = KT_HEX_NON_ASCII;
			} else if (!strcmp(optarg, "non-ascii-chars")) {
				kt_xflag = KT_HEX_CHARS;
			} else if (!strcmp(optarg, "none")) {
				kt_xflag = KT_HEX_NONE;
			} else {
				ktrace_err("--strings-in-hex: unknown '%s' (none, non-ascii-chars, non-ascii or all)",
					   optarg);
				return -1;
			}
			break;
		case OPT_FF:
			o->follow = 2;
			break;
		case 'n':
			o->syscall_numbers = true;
			break;
		case 'A':
			o->append = true;
			kt_out_append = true;
			break;
		case 'a':
			if (parse_uint(optarg, 256, &v)) {
				ktrace_err("-a: '%s' is not a column from 0 to 256",
					   optarg);
				return -1;
			}
			o->column = v;
			break;
		case 'E':
			if (o->nenv == ARRAY_SIZE(o->env)) {
				ktrace_err("-E: at most %zu variables",
					   ARRAY_SIZE(o->env));
				return -1;
			}
			o->env[o->nenv++] = optarg;
			break;
		case 'I':
			if (parse_interruptible(o, optarg))
				return -1;
			break;
		case 'w':
			/* -c's times are wall-clock times already. */
			break;
		case 'x':
			/* -x: non-ascii, -xx: all, as strace counts them. */
			kt_xflag = kt_xflag == KT_HEX_NON_ASCII ? KT_HEX_ALL :
				   kt_xflag == KT_HEX_ALL ? KT_HEX_ALL :
				   KT_HEX_NON_ASCII;
			break;
		case 'X':
			if (!strcmp(optarg, "abbrev")) {
				kt_xlat_style = KT_XLAT_ABBREV;
			} else if (!strcmp(optarg, "raw")) {
				kt_xlat_style = KT_XLAT_RAW;
			} else if (!strcmp(optarg, "verbose")) {
				kt_xlat_style = KT_XLAT_VERBOSE;
			} else {
				ktrace_err("-X: '%s' is not raw, abbrev or verbose",
					   optarg);
				return -1;
			}
			break;
		case 'v':
			kt_set_verbose();
			break;
		case 'i':
			o->instruction_pointer = true;
			break;
		case 'P':
			if (!optarg[0]) {
				ktrace_err("-P: an empty path");
				return -1;
			}
			if (o->ntrace_paths == ARRAY_SIZE(o->trace_paths)) {
				ktrace_err("-P: at most %zu paths",
					   ARRAY_SIZE(o->trace_paths));
				return -1;
			}
			o->trace_paths[o->ntrace_paths++] = optarg;
			o->trace_path = o->trace_paths[0];
			break;
		case 'D':
			if (parse_daemonize(o, optarg))
				return -1;
			break;
		case 'b':
			if (parse_detach_on(o, optarg))
				return -1;
			break;
		case 'O':
			if (parse_overhead(o, optarg))
				return -1;
			break;
		case 'U':
			if (parse_columns(o, optarg))
				return -1;
			break;
		case 'Y':
			o->decode_pids |= KT_PIDS_COMM;
			break;
		case 'k':
			return not_implemented("-k", "stack traces");
		case 'd':
			kt_debug = true;
			break;
		case OPT_TIPS:
			if (kt_tips_parse(o, optarg))
				return -1;
			break;
		case OPT_INJECT:
			return refuse_tampering("--", "inject", strlen("inject"));
		case OPT_FAULT:
			return refuse_tampering("--", "fault", strlen("fault"));
		case OPT_KVM:
			return not_implemented("--kvm", "KVM vCPU exits");
		case 'h':
			o->help = true;
			return 1;
		case 'V':
			o->version = true;
			return 1;
		case OPT_JSON:
			o->json = true;
			break;
		case OPT_RING_SIZE:
			if (parse_ring_size(o, optarg))
				return -1;
			break;
		case OPT_LOSSY:
			o->lossy = true;
			break;
		case OPT_PERFETTO:
		case OPT_SVG:
			if (o->sink && o->sink != (c == OPT_SVG ? KT_SINK_SVG :
						   KT_SINK_PERFETTO)) {
				ktrace_err("--perfetto and --svg write one file each: give one of them");
				return -1;
			}
			o->sink = c == OPT_SVG ? KT_SINK_SVG : KT_SINK_PERFETTO;
			break;
		case OPT_GOLDEN:
			o->golden = true;
			break;
		case OPT_EXPECT:
			o->expect = optarg;
			break;
		case 'f':
			o->follow++;
			break;
		case 'o':
			if (!*optarg) {
				ktrace_err("-o: an empty file name");
				return -1;
			}
			o->outfile = optarg;
			break;
		case 'c':
			o->summary_only = true;
			break;
		case 'C':
			o->summary = true;
			break;
		case 'S':
			if (parse_sort(o, optarg))
				return -1;
			break;
		case 'T':
			o->syscall_times = true;
			/* As strace: an empty precision is the default. */
			if (optarg && *optarg &&
			    parse_precision(optarg, &o->times_digits)) {
				ktrace_err("--syscall-times: invalid precision '%s' (s, ms, us or ns)",
					   optarg);
				return -1;
			}
			break;
		case 't':
			if (abs_ts) {
				ktrace_err("-t and --absolute-timestamps cannot be given together");
				return -1;
			}
			tflags++;
			break;
		case 'r':
			o->relative = true;
			if (optarg && *optarg &&
			    parse_precision(optarg, &o->relative_digits)) {
				ktrace_err("--relative-timestamps: invalid precision '%s' (s, ms, us or ns)",
					   optarg);
				return -1;
			}
			break;
		case 's':
			if (parse_uint(optarg, 1U << 20, &v)) {
				ktrace_err("-s: '%s' is not a string size from 0 to 1048576",
					   optarg);
				return -1;
			}
			o->strsize = v;
			break;
		case 'y':
			if (o->decode_fds < 2)
				o->decode_fds++;
			o->decode_devs = o->decode_fds > 1;	/* -yy */
			o->decode_pidfds = o->decode_fds > 1;
			o->decode_devs_only = false;
			break;
		case 'q':
			/* -q: attach; -qq: and exit; -qqq: all. */
			if (o->quiet_exit)
				o->quiet_execve = true;
			else if (o->quiet_attach)
				o->quiet_exit = true;
			o->quiet_attach = true;
			break;
		case 'z':
			o->status = KT_STATUS_SUCCESSFUL;
			break;
		case 'Z':
			o->status = KT_STATUS_FAILED;
			break;
		case 'p':
			if (add_pids(o, optarg))
				return -1;
			break;
		case 'u':
			o->user = optarg;
			break;
		case 'e':
			if (parse_expr(o, optarg))
				return -1;
			break;
		default:
			/* A long option's optopt: it has a value, or needs one. */
			kt_opt_refused(argv[word], name, sizeof(name));
			missing = !kt_opt_valued(argv[word]) && optopt &&
				  (name[1] == '-' ||
				   strchr("oSspuebUaEIXPO", optopt));
			/* record and report: named, as the views are. */
			if (!strcmp(argv[0], "record") ||
			    !strcmp(argv[0], "report"))
				kt_opt_refuse(argv[0], argv[word], missing);
			else if (kt_opt_valued(argv[word]))
				ktrace_err("option '%s' takes no argument (see '%s --help')",
					   name, ktrace_prog);
			else if (missing)
				ktrace_err("option '%s' needs an argument (see '%s --help')",
					   name, ktrace_prog);
			else
				ktrace_err("unknown option '%s' (see '%s --help')",
					   name, ktrace_prog);
			return -1;
		}
	}
	o->argv = argv + optind;
	o->argc = argc - optind;

	/* strace takes -ff without -o for -f. */
	if (o->follow > 1 && !o->outfile)
		o->follow = 1;
	if (o->summary_only && o->summary) {
		ktrace_err("-c and -C are mutually exclusive");
		return -1;
	}
	if (o->json && (o->summary_only || o->summary)) {
		ktrace_err("--json prints events; it does not combine with -c or -C");
		return -1;
	}
	/* -ff is left only with -o: a file per process. */
	if (o->json && o->follow > 1) {
		ktrace_err("--json writes one stream, a pid in each object; it does not combine with -ff -o FILE (a file per process; -ff without -o is -f)");
		return -1;
	}
	if (o->follow > 1 && o->outfile &&
	    (o->outfile[0] == '|' || o->outfile[0] == '!')) {
		ktrace_err("-ff writes a file per process: not to a pipe ('-o %s'), as strace refuses it",
			   o->outfile);
		return -1;
	}
	if (o->sink && (o->json || o->summary_only || o->summary ||
			o->follow > 1 || !o->outfile)) {
		ktrace_err("--perfetto and --svg write one file: they need -o FILE, not --json, -c, -C or -ff");
		return -1;
	}
	/* "$(pgrep x)" of no x must not become a trace of the whole system. */
	if (o->pids_none && !o->npids && !o->argc) {
		ktrace_err("-p '%s' names no process, and there is no COMMAND",
			   o->pids_none);
		return -1;
	}
	if (o->user && o->npids) {
		ktrace_err("-u runs a command as USER; it does not combine with -p");
		return -1;
	}
	if (o->daemonize && (!o->argc || o->npids)) {
		ktrace_err("-D needs a COMMAND to start, and no -p");
		return -1;
	}
	if (o->user && !getpwnam(o->user)) {
		ktrace_err("-u: no such user '%s'", o->user);
		return -1;
	}
	if (o->min_duration_ns && o->summary_only) {
		ktrace_err("--min-duration chooses the calls printed, and -c prints none (-C prints them and counts every call)");
		return -1;
	}
	if (o->syscall_limit && (o->summary_only || o->json || o->sink)) {
		ktrace_err("--syscall-limit counts the calls it prints: not with -c, --json, --perfetto or --svg");
		return -1;
	}
	/* -t: the time of day; -tt: with us; -ttt: since the epoch, us. */
	if (tflags) {
		o->timestamps = tflags > 2 ? KT_TS_UNIX : KT_TS_TIME;
		o->ts_digits = tflags > 1 ? 6 : 0;
	}
	return 0;
}
