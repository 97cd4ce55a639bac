// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): "ktrace hung", the threads that have been blocked inside one
 * syscall for longer than a threshold: the course's "process hanging on
 * I/O".  The module's task snapshot (KTRACE_IOC_TASKS) finds them from
 * the registers each saved on its kernel stack, so that a thread that
 * entered its syscall before ktrace, or before the module was loaded, is
 * found as well; how long it has been blocked is the time since it last
 * left its CPU.  No probe is attached.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ktrace.h"
#include "decode.h"

static const char *state_name(int state)
{
	switch (state) {
	case 'S':
		return "S (sleeping)";
	case 'D':
		return "D (disk sleep)";
	case 'T':
		return "T (stopped)";
	case 't':
		return "t (tracing stop)";
	case 'I':
		return "I (idle)";
	default:
		return "R (running)";
	}
}

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: %s hung [--min TIME] [-p PID] [--json]\n"
		"List the threads blocked inside one syscall for at least TIME\n"
		"(milliseconds, or with a unit: 1.5s, 200ms; default 1s): the\n"
		"syscall and its arguments, how long so far, the task state.  With\n"
		"-p, only the threads of process PID.\n", ktrace_prog);
}

static int hung_opt(void *ctx, int c, const char *arg)
{
	unsigned long long *min_ns = ctx;

	/* --min, -m: the only option */
	if (kt_parse_time(arg, 1e6, min_ns)) {
		ktrace_err("hung: invalid --min '%s' (a time: 500, 500ms, 1.5s)",
			   arg);
		return -1;
	}
	return 0;
}

int ktrace_cmd_hung(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "min", required_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 },
	};
	unsigned long long min_ns = 1000000000;
	struct kt_view_opts o = {
		.view = "hung", .usage = usage, .shortopts = "m:",
		.longopts = longopts, .opt = hung_opt, .ctx = &min_ns,
	};
	struct kt_buf b = { 0 };
	struct ktrace_task *t;
	bool json;
	char dur[32];
	uint64_t now;
	pid_t pid;
	size_t n, i;
	int c, fd, ppid;

	c = kt_view_options(&o, argc, argv);
	if (c)
		return c < 0;
	pid = o.pid;
	json = o.json;
	fd = ktrace_dev_open();
	if (fd < 0)
		return 1;
	c = kt_dev_tasks(fd, KTRACE_TASKS_SYSCALL, pid, min_ns, &t, &n, &now);
	if (c) {
		if (c > 0)
			ktrace_err("hung: -p %d: no such process", pid);
		close(fd);
		return 1;
	}
	close(fd);
	qsort(t, n, sizeof(*t), kt_view_by_off_cpu);
	if (!json)
		printf("%-7s %-7s %-16s %-16s %-10s %s\n", "PID", "TID",
		       "COMMAND", "STATE", "BLOCKED", "SYSCALL");
	for (i = 0; i < n; i++) {
		kt_buf_reset(&b);
		kt_view_syscall(&b, &t[i]);
		if (json) {
			printf("{\"pid\":%d,\"tid\":%d,\"comm\":", t[i].tgid,
			       t[i].pid);
			kt_json_string(stdout, t[i].comm);
			printf(",\"state\":\"%c\",\"blocked_ns\":%llu,\"syscall\":",
			       t[i].state, (unsigned long long)t[i].off_cpu_ns);
			kt_json_string(stdout, b.s);
			printf(",\"nr\":%d,\"time\":%llu}\n", t[i].nr,
			       (unsigned long long)now);
		} else {
			printf("%-7d %-7d %-16.16s %-16s %-10s %s\n", t[i].tgid,
			       t[i].pid, t[i].comm, state_name(t[i].state),
			       kt_view_dur(dur, sizeof(dur), t[i].off_cpu_ns),
			       b.s);
		}
	}
	if (!n && !json && pid && kt_proc_zombie(pid, &ppid))
		printf("(process %d has exited: a zombie, not reaped yet by its parent %d)\n",
		       pid, ppid);
	else if (!n && !json)
		printf("(no thread blocked in a syscall for %s or more)\n",
		       kt_view_dur(dur, sizeof(dur), min_ns));
	kt_buf_free(&b);
	free(t);
	return kt_view_flush();
}
