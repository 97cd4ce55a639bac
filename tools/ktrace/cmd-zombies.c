// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): "ktrace zombies", the processes that have exited and that
 * their parent has not reaped yet, system-wide or for one parent: who
 * they are, how long each has been a zombie, and what its parent is doing
 * instead of waiting.  The module's task snapshot (KTRACE_IOC_TASKS)
 * finds them, those from before ktrace or the module was started too;
 * --watch takes a new snapshot every interval.  No probe is attached.
 * ktrace's signal (SIGHUP, SIGINT, SIGQUIT, SIGTERM) ends the watch after
 * the list it is printing, and ktrace dies of it, as a trace does.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ktrace.h"
#include "decode.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	stop = sig;
}

static bool is_wait(const struct ktrace_task *t)
{
	enum ktrace_cli_abi abi = kt_cli_abi(t->parent_abi);
	const char *name = ktrace_syscall_name(abi, t->parent_nr);

	return name && (!strcmp(name, "wait4") || !strcmp(name, "waitid") ||
			!strcmp(name, "waitpid"));
}

/* What the parent is doing: "wait4", or "not in wait (nanosleep)". */
static const char *parent_doing(char *buf, size_t len,
				const struct ktrace_task *t)
{
	enum ktrace_cli_abi abi = kt_cli_abi(t->parent_abi);
	const char *name;

	if (!(t->flags & KTRACE_TASK_PARENT_IN_SYSCALL)) {
		snprintf(buf, len, "not in wait (%s)",
			 t->parent_state == 'R' ? "running" :
			 t->parent_state == 'T' ? "stopped" : "not in a syscall");
		return buf;
	}
	name = ktrace_syscall_name(abi, t->parent_nr);
	if (is_wait(t))
		snprintf(buf, len, "%s", name);
	else if (name)
		snprintf(buf, len, "not in wait (%s)", name);
	else
		snprintf(buf, len, "not in wait (syscall %d)", t->parent_nr);
	return buf;
}

static void print_json(const struct ktrace_task *t, size_t n, uint64_t now)
{
	char st[64], doing[64];
	size_t i;

	for (i = 0; i < n; i++) {
		printf("{\"pid\":%d,\"comm\":", t[i].pid);
		kt_json_string(stdout, t[i].comm);
		printf(",\"ppid\":%d,\"parent_comm\":", t[i].ppid);
		kt_json_string(stdout, t[i].parent_comm);
		printf(",\"zombie_ns\":%llu,\"status\":",
		       (unsigned long long)t[i].off_cpu_ns);
		kt_json_string(stdout, kt_view_status(st, sizeof(st),
						      t[i].exit_code));
		printf(",\"parent_doing\":");
		kt_json_string(stdout, parent_doing(doing, sizeof(doing), &t[i]));
		printf(",\"parent_in_wait\":%s,\"time\":%llu}\n",
		       is_wait(&t[i]) ? "true" : "false",
		       (unsigned long long)now);
	}
}

static void print_table(const struct ktrace_task *t, size_t n)
{
	char age[32], st[64], doing[64];
	size_t i;

	printf("%-7s %-16s %-7s %-16s %-10s %-22s %s\n", "PID", "COMMAND",
	       "PPID", "PARENT", "ZOMBIE", "STATUS", "PARENT IS IN");
	for (i = 0; i < n; i++)
		printf("%-7d %-16.16s %-7d %-16.16s %-10s %-22s %s\n",
		       t[i].pid, t[i].comm, t[i].ppid, t[i].parent_comm,
		       kt_view_dur(age, sizeof(age), t[i].off_cpu_ns),
		       kt_view_status(st, sizeof(st), t[i].exit_code),
		       parent_doing(doing, sizeof(doing), &t[i]));
	if (!n)
		printf("(no zombies)\n");
}

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: %s zombies [-p PID] [--watch] [--interval S] [--count N] [--json]\n"
		"List the processes that have exited and are not reaped yet: their\n"
		"parent, how long each has been a zombie, how it ended, and what the\n"
		"parent is doing instead of waiting.  With -p, only the zombie\n"
		"children of process PID.  --watch prints a new list every interval\n"
		"(default 1 s), --count times or until interrupted.\n", ktrace_prog);
}

struct zombies_opts {
	bool watch;
	double interval, count;
};

static int zombies_opt(void *ctx, int c, const char *arg)
{
	struct zombies_opts *z = ctx;

	switch (c) {
	case 'w':
		z->watch = true;
		return 0;
	case 'i':
		z->interval = kt_view_interval("zombies", arg, 0.01);
		return z->interval < 0 ? -1 : 0;
	default:	/* 'n', --count */
		z->count = kt_view_count("zombies", arg);
		return z->count < 0 ? -1 : 0;
	}
}

int ktrace_cmd_zombies(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "watch", no_argument, NULL, 'w' },
		{ "interval", required_argument, NULL, 'i' },
		{ "count", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct zombies_opts z = { .interval = 1 };
	struct kt_view_opts o = {
		.view = "zombies", .usage = usage, .longopts = longopts,
		.opt = zombies_opt, .ctx = &z,
	};
	struct ktrace_task *t;
	struct timespec nap;
	unsigned long rounds = 0;
	uint64_t now;
	pid_t pid;
	size_t n;
	int c, fd;

	c = kt_view_options(&o, argc, argv);
	if (c)
		return c < 0;
	pid = o.pid;
	fd = ktrace_dev_open();
	if (fd < 0)
		return 1;
	kt_catch_fatal(on_signal, false);
	nap.tv_sec = (time_t)z.interval;
	nap.tv_nsec = (long)((z.interval - nap.tv_sec) * 1e9);
	for (;;) {
		c = kt_dev_tasks(fd, KTRACE_TASKS_ZOMBIES, pid, 0, &t, &n,
				 &now);
		if (c) {
			if (c > 0 && rounds)
				ktrace_err("zombies: process %d exited", pid);
			else if (c > 0)
				ktrace_err("zombies: -p %d: no such process",
					   pid);
			close(fd);
			return 1;
		}
		qsort(t, n, sizeof(*t), kt_view_by_off_cpu);
		if (o.json) {
			print_json(t, n, now);
		} else {
			if (z.watch)
				printf("%s-- %.3f s\n", rounds ? "\n" : "",
				       now / 1e9);
			print_table(t, n);
		}
		free(t);
		if (kt_view_flush()) {
			close(fd);
			return 1;
		}
		rounds++;
		if (!z.watch || stop || (z.count && rounds >= z.count))
			break;
		nanosleep(&nap, NULL);
		if (stop)
			break;
	}
	close(fd);
	/* Interrupted, ktrace dies of its signal, as a trace does. */
	return kt_exit_status(0, false, 0, stop);
}
