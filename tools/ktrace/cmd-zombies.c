// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): "ktrace zombies", the processes that have exited and that
 * their parent has not reaped yet, system-wide or for one parent: who
 * they are, how long each has been a zombie, and what its parent is doing
 * instead of waiting.  The module's task snapshot (KTRACE_IOC_TASKS)
 * finds them, those from before ktrace or the module was started too;
 * --watch takes a new snapshot every interval.  No probe is attached.
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

int ktrace_cmd_zombies(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "watch", no_argument, NULL, 'w' },
		{ "interval", required_argument, NULL, 'i' },
		{ "count", required_argument, NULL, 'n' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct ktrace_task *t;
	struct timespec nap;
	bool watch = false, json = false;
	double interval = 1, count = 0;
	unsigned long rounds = 0;
	uint64_t now;
	pid_t pid = 0;
	size_t n;
	int c, fd;

	optind = 1;
	while ((c = getopt_long(argc, argv, "+p:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			pid = kt_view_pid("zombies", optarg);
			if (pid < 0)
				return 1;
			break;
		case 'w':
			watch = true;
			break;
		case 'i':
			interval = kt_view_number(optarg);
			if (interval < 0.01) {
				ktrace_err("zombies: invalid interval '%s' (seconds, at least 0.01)",
					   optarg);
				return 1;
			}
			break;
		case 'n':
			count = kt_view_number(optarg);
			if (count < 1 || count != (unsigned long)count) {
				ktrace_err("zombies: invalid count '%s'", optarg);
				return 1;
			}
			break;
		case 'j':
			json = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			ktrace_err("zombies: unknown option '%s' (see '%s zombies --help')",
				   argv[optind - 1], ktrace_prog);
			return 1;
		}
	}
	if (optind < argc) {
		ktrace_err("zombies: unexpected argument '%s'", argv[optind]);
		return 1;
	}
	fd = ktrace_dev_open();
	if (fd < 0)
		return 1;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	nap.tv_sec = (time_t)interval;
	nap.tv_nsec = (long)((interval - nap.tv_sec) * 1e9);
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
		if (json) {
			print_json(t, n, now);
		} else {
			if (watch)
				printf("%s-- %.3f s\n", rounds ? "\n" : "",
				       now / 1e9);
			print_table(t, n);
		}
		free(t);
		fflush(stdout);
		rounds++;
		if (!watch || stop || (count && rounds >= count))
			break;
		nanosleep(&nap, NULL);
		if (stop)
			break;
	}
	close(fd);
	return 0;
}
