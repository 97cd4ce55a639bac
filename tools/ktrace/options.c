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

#include "ktrace.h"

enum {
	OPT_JSON = 0x100,
	OPT_RING_SIZE,
	OPT_LOSSY,
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
	{ "syscall-times", no_argument, NULL, 'T' },
	{ "relative-timestamps", no_argument, NULL, 'r' },
	{ "string-limit", required_argument, NULL, 's' },
	{ "decode-fds", no_argument, NULL, 'y' },
	{ "quiet", no_argument, NULL, 'q' },
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
static int parse_ring_size(struct kt_opts *o, const char *s)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (*end == 'K' || *end == 'k')
		v <<= 10, end++;
	else if (*end == 'M' || *end == 'm')
		v <<= 20, end++;
	if (errno || *s == '-' || *end || v < (16UL << 10) ||
	    v > (64UL << 20) || (v & (v - 1))) {
		ktrace_err("--ring-size: '%s' is not a power of two from 16K to 64M",
			   s);
		return -1;
	}
	o->ring_size = v;
	return 0;
}

static int add_pids(struct kt_opts *o, const char *list)
{
	char *copy = strdup(list), *tok, *save = NULL;
	unsigned long pid;
	int ret = 0;

	if (!copy)
		return -1;
	for (tok = strtok_r(copy, ", ", &save); tok;
	     tok = strtok_r(NULL, ", ", &save)) {
		if (parse_uint(tok, INT_MAX, &pid) || pid == 0) {
			ktrace_err("-p: '%s' is not a process id", tok);
			ret = -1;
			break;
		}
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
	for (tok = strtok_r(tok, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "successful") || !strcmp(tok, "all"))
			set |= KT_STATUS_SUCCESSFUL;
		if (!strcmp(tok, "failed") || !strcmp(tok, "all"))
			set |= KT_STATUS_FAILED;
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
		set = ~set & (KT_STATUS_SUCCESSFUL | KT_STATUS_FAILED);
	o->status = set;
	return ret;
}

/* -e [QUALIFIER=]VALUE; only trace= and status= have kernel filters. */
static int parse_expr(struct kt_opts *o, const char *expr)
{
	const char *eq = strchr(expr, '=');
	size_t n = eq ? (size_t)(eq - expr) : 0;

	if (!eq || !strncmp(expr, "trace", n) || !strncmp(expr, "t", n)) {
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
	if (!strncmp(expr, "status", n))
		return parse_status(o, eq + 1);
	ktrace_err("-e: unsupported qualifier '%.*s' (trace or status)",
		   (int)n, expr);
	return -1;
}

static int parse_sort(struct kt_opts *o, const char *s)
{
	static const struct {
		const char *name;
		enum kt_sort sort;
	} keys[] = {
		{ "time", KT_SORT_TIME }, { "total-time", KT_SORT_TIME },
		{ "calls", KT_SORT_CALLS }, { "count", KT_SORT_CALLS },
		{ "errors", KT_SORT_ERRORS }, { "error", KT_SORT_ERRORS },
		{ "name", KT_SORT_NAME }, { "syscall", KT_SORT_NAME },
		{ "nothing", KT_SORT_NOTHING }, { "none", KT_SORT_NOTHING },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		if (!strcmp(s, keys[i].name)) {
			o->sort = keys[i].sort;
			return 0;
		}
	}
	ktrace_err("-S: unknown sort key '%s' (time, calls, errors, name, nothing)",
		   s);
	return -1;
}

/*
 * Parse argv into o.  Returns 0 to go on tracing, 1 when the command is
 * done (help, version) with *status set, -1 on a usage error (already
 * reported).
 */
int kt_parse_args(struct kt_opts *o, int argc, char **argv)
{
	unsigned long v;
	int c;

	memset(o, 0, sizeof(*o));
	o->strsize = 32;
	o->sort = KT_SORT_TIME;
	o->status = KT_STATUS_SUCCESSFUL | KT_STATUS_FAILED;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+hVfo:cCS:TtrRs:yqzZp:u:e:",
				longopts, NULL)) != -1) {
		switch (c) {
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
			o->sink = KT_SINK_PERFETTO;
			break;
		case OPT_SVG:
			o->sink = KT_SINK_SVG;
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
			break;
		case 't':
			o->timestamps++;
			break;
		case 'r':
			o->relative = true;
			break;
		case 's':
			if (parse_uint(optarg, 1U << 20, &v)) {
				ktrace_err("-s: '%s' is not a string size", optarg);
				return -1;
			}
			o->strsize = v;
			break;
		case 'y':
			o->decode_fds = true;
			break;
		case 'q':
			o->quiet++;
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
			if (optopt && strchr("oSspue", optopt))
				ktrace_err("option '-%c' needs an argument (see '%s --help')",
					   optopt, ktrace_prog);
			else if (optopt)
				ktrace_err("unknown option '-%c' (see '%s --help')",
					   optopt, ktrace_prog);
			else
				ktrace_err("unknown option '%s' (see '%s --help')",
					   argv[optind - 1], ktrace_prog);
			return -1;
		}
	}
	o->argv = argv + optind;
	o->argc = argc - optind;

	if (o->follow > 1 && !o->outfile) {
		ktrace_err("-ff needs -o FILE: it writes one FILE.PID per process");
		return -1;
	}
	if (o->summary_only && o->summary) {
		ktrace_err("-c and -C are mutually exclusive");
		return -1;
	}
	if (o->json && (o->summary_only || o->summary)) {
		ktrace_err("--json prints events; it does not combine with -c or -C");
		return -1;
	}
	if (o->sink && (o->json || o->summary_only || o->summary ||
			o->follow > 1 || !o->outfile)) {
		ktrace_err("--perfetto and --svg write one file: they need -o FILE, not --json, -c, -C or -ff");
		return -1;
	}
	if (o->user && o->npids) {
		ktrace_err("-u runs a command as USER; it does not combine with -p");
		return -1;
	}
	if (o->user && !getpwnam(o->user)) {
		ktrace_err("-u: no such user '%s'", o->user);
		return -1;
	}
	if (o->timestamps > 3)
		o->timestamps = 3;
	return 0;
}
