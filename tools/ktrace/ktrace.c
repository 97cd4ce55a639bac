// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): trace system calls and process lifecycles through ktrace.ko.
 *
 * This file parses the command line and dispatches: options go to the
 * tracer, words to the subcommand table below, which also produces the
 * usage text.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ktrace.h"

#ifndef KTRACE_VERSION
#define KTRACE_VERSION "unknown"
#endif

const char *ktrace_prog = "ktrace";

void ktrace_err(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", ktrace_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int cmd_version(int argc, char **argv);
static int cmd_help(int argc, char **argv);

static const struct subcommand {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *description;
} subcommands[] = {
	{ "record", ktrace_cmd_record,
	  "Write the raw records to -o FILE, for report" },
	{ "report", ktrace_cmd_report,
	  "Print a recording as the live trace would have" },
	{ "syscalls", ktrace_cmd_syscalls,
	  "Map syscall names to numbers and back, as ausyscall does" },
	{ "tree", ktrace_cmd_tree,
	  "Run a command and print the tree of processes it made" },
	{ "zombies", ktrace_cmd_zombies,
	  "List the exited processes not yet reaped, and their parents" },
	{ "hung", ktrace_cmd_hung,
	  "List the threads blocked in one syscall for long" },
	{ "top", ktrace_cmd_top,
	  "Show syscalls/s and forks/s per parent, live or --once" },
	{ "signals", ktrace_cmd_signals,
	  "Run a command and pair each signal's sending with its delivery" },
	{ "version", cmd_version, "Print the versions of ktrace and of the loaded module" },
	{ "help", cmd_help, "Show this help" },
};

static void usage(FILE *out)
{
	size_t i;

	fprintf(out,
		"Usage: %s [OPTIONS] [-- COMMAND [ARGS...]]\n"
		"       %s [OPTIONS] -p PID[,PID...]\n"
		"       %s SUBCOMMAND [ARGS...]\n"
		"\n"
		"Trace system calls, signals and process lifecycles through the\n"
		"ktrace kernel module, with strace's options and output.  With a\n"
		"COMMAND, trace it from its execve on; with -p, attach to running\n"
		"processes; with neither, trace the whole system but ktrace.\n"
		"\n"
		"Options:\n"
		"  -f             follow forks: trace children too\n"
		"  -ff            with -o FILE, one FILE.PID per process\n"
		"  -o FILE        write the trace to FILE\n"
		"  -p PID         attach to a process and its threads (repeatable)\n"
		"  -e trace=SET   trace only SET: names, %%CLASS, /REGEX, !SET\n"
		"  -e status=SET  only calls that are successful or failed\n"
		"  -z, -Z         only successful, only failed calls\n"
		"      --min-duration=TIME  only calls that took TIME or more\n"
		"                 (100us, 1.5ms, 2s): the slow ones\n"
		"  -c             count time, calls and errors; print a summary\n"
		"  -C             like -c, and print the trace too\n"
		"  -S SORTBY      sort the summary by time, calls, errors, name\n"
		"  -U COLUMNS     the summary's columns: calls,max-time,name...\n"
		"  -O OVERHEAD    take OVERHEAD (us, or 1.5ms...) from each call's time\n"
		"  -T             show the time spent in each call\n"
		"                 (--syscall-times=s|ms|us|ns: its precision)\n"
		"  -t, -tt, -ttt  prefix lines with the time of day (usecs, epoch)\n"
		"                 (--absolute-timestamps=[time|unix][,s|ms|us|ns])\n"
		"  -r             prefix lines with the time since the last line\n"
		"                 (--relative-timestamps=s|ms|us|ns)\n"
		"  -i             print the instruction pointer at each call\n"
		"  -s N           show N bytes of strings (default 32)\n"
		"  -y             print the paths of file descriptors\n"
		"  -yy            and the protocols and addresses of sockets,\n"
		"                 the numbers of devices\n"
		"  -Y             print process names after process ids\n"
		"  -b execve      stop tracing a process when it executes a program\n"
		"  -D             run the tracer as COMMAND's grandchild (-DD: in its\n"
		"                 own process group, -DDD: in its own session)\n"
		"  -P PATH        only the calls that touch PATH\n"
		"  -q             suppress attach/detach messages (-qq: and exits)\n"
		"  -u USER        run COMMAND as USER\n"
		"  -v             print structures whole (-e abbrev=SET: abbreviate SET)\n"
		"  -X raw|abbrev|verbose  constants as numbers, names (default) or both\n"
		"  -e raw=SET     print SET's arguments and results undecoded, in hex\n"
		"  -e verbose=SET decode SET's structures, the others' as addresses\n"
		"  -e read=FDS    hex dump what is read from FDS (-e write=FDS: written)\n"
		"      --syscall-limit=N  stop after N calls; the traced processes run on\n"
		"      --json     one JSON object per event (Documentation/json.rst)\n"
		"      --perfetto with -o FILE, a trace for ui.perfetto.dev\n"
		"      --svg      with -o FILE, an SVG timeline of a small run\n"
		"      --ring-size=SIZE  bytes per CPU ring, 16K to 64M\n"
		"      --lossy    drop records when a ring is full, never slow the command\n"
		"      --golden   print the trace normalised, to compare runs\n"
		"      --expect FILE  check the normalised trace against FILE\n"
		"  -h, --help     show this help and exit\n"
		"  -V, --version  print the versions and exit\n"
		"\n"
		"Subcommands:\n", ktrace_prog, ktrace_prog, ktrace_prog);
	for (i = 0; i < ARRAY_SIZE(subcommands); i++)
		fprintf(out, "  %-14s %s\n", subcommands[i].name,
			subcommands[i].description);
	fprintf(out, "\nSee ktrace(1) for the full manual.\n");
}

static int cmd_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage(stdout);
	return 0;
}

static int cmd_version(int argc, char **argv)
{
	struct ktrace_version v;
	int fd;

	(void)argv;
	if (argc > 1) {
		ktrace_err("version: takes no arguments");
		return 1;
	}
	printf("ktrace %s (ABI %u.%u)\n", KTRACE_VERSION, KTRACE_ABI_MAJOR,
	       KTRACE_ABI_MINOR);
	if (access(KTRACE_DEV_PATH, F_OK) != 0) {
		printf("module: not loaded\n");
		return 0;
	}
	fd = ktrace_dev_open();
	if (fd < 0)
		return 1;
	if (ktrace_dev_version(fd, &v) == 0)
		printf("module: ktrace %s (ABI %u.%u)\n", v.release,
		       v.abi_major, v.abi_minor);
	close(fd);
	return 0;
}

/*
 * Descriptors 0, 1 and 2 open, on /dev/null if they were closed: else
 * /dev/ktrace or the output file would take one of them, and the error
 * messages and the trace would go to it.
 */
static void std_fds_open(void)
{
	int fd;

	while ((fd = open("/dev/null", O_RDWR)) >= 0 && fd <= STDERR_FILENO)
		;
	if (fd > STDERR_FILENO)
		close(fd);
}

/*
 * Run @sub with the options given before its name too: "ktrace -o F
 * report R" is "ktrace report -o F R", which the subcommand checks as
 * its own (they were dropped without a word).
 */
static int subcommand(const struct subcommand *sub, char **argv,
		      const struct kt_opts *o)
{
	int nopts = o->argv - argv - 1, n = 0, i, ret;
	char **v;

	if (!nopts)
		return sub->fn(o->argc, o->argv);
	v = calloc(o->argc + nopts + 1, sizeof(*v));
	if (!v) {
		ktrace_err("out of memory");
		return 1;
	}
	v[n++] = o->argv[0];
	for (i = 1; i <= nopts; i++)
		v[n++] = argv[i];
	for (i = 1; i < o->argc; i++)
		v[n++] = o->argv[i];
	ret = sub->fn(n, v);
	free(v);
	return ret;
}

int main(int argc, char **argv)
{
	struct kt_opts o;
	size_t i;
	int ret;

	std_fds_open();
	ret = kt_parse_args(&o, argc, argv);
	if (ret < 0)
		return 1;
	if (o.help) {
		usage(stdout);
		return 0;
	}
	if (o.version)
		return cmd_version(1, argv);
	/* A subcommand, unless "--" said that a command follows. */
	if (o.argc && strcmp(o.argv[-1], "--")) {
		for (i = 0; i < ARRAY_SIZE(subcommands); i++)
			if (!strcmp(o.argv[0], subcommands[i].name))
				return kt_exit(subcommand(&subcommands[i], argv,
							  &o));
	}
	if (o.golden || o.expect)
		return ktrace_golden(&o, o.expect);
	ret = kt_trace(&o);
	kt_tips_print(&o);
	return kt_exit(ret);
}
