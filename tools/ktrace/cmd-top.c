// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): "ktrace top", a live view of syscall and fork activity,
 * refreshed every interval in plain text (a serial console will do):
 * per syscall and per process, calls, errors and time in syscalls per
 * second; per parent process, forks and execs per second (the course's
 * "high fork rate").  --once prints one interval for scripts;
 * --openmetrics prints the same figures in the OpenMetrics text format,
 * for a scraper or node_exporter's textfile collector.
 *
 * The syscall figures are the session's counters in the kernel
 * (KTRACE_IOC_SESSION_SYSCALL_STATS), read twice per interval, and its
 * counters by process (KTRACE_IOC_PROC_STATS, ABI 1.6), whose interval
 * the kernel closes when asked: the session records no syscall, only the
 * lifecycle events (fork, exec, exit, reap), from which the forks and
 * execs are counted per parent.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ktrace.h"

#define TOP_SYSCALLS	15	/* lines of syscalls shown */
#define TOP_PARENTS	10	/* lines of parents shown */
#define TOP_PROCS	10	/* lines of processes shown */

/* The counters by process of one interval (ABI 1.6), sorted by calls. */
struct procs {
	bool on;			/* the module keeps them */
	struct ktrace_proc_count *c;
	size_t n;
	struct ktrace_proc_stats q;	/* the interval, the overflow */
};

struct proc {
	pid_t tgid;
	char comm[16];
	unsigned long long forks, execs;
};

struct top {
	struct kt_pidmap procs;		/* tgid -> struct proc */
	struct kt_pidmap parent;	/* child tgid -> parent tgid */
	unsigned long long forks, execs;
};

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	stop = sig;
}

static struct proc *proc_get(struct top *t, pid_t tgid, const char *comm)
{
	struct proc *p = kt_pidmap_get(&t->procs, tgid);

	if (!p) {
		p = calloc(1, sizeof(*p));
		if (!p || kt_pidmap_put(&t->procs, tgid, p)) {
			ktrace_err("out of memory");
			exit(1);
		}
		p->tgid = tgid;
	}
	if (comm)
		memcpy(p->comm, comm, sizeof(p->comm));
	return p;
}

/* The parent of @tgid: from its fork, else from /proc. */
static pid_t parent_of(struct top *t, pid_t tgid, char *comm)
{
	char path[64], buf[512];
	void *v = kt_pidmap_get(&t->parent, tgid);
	struct proc *pp;
	int ppid = 0;
	FILE *f;

	if (v) {
		pp = kt_pidmap_get(&t->procs, (pid_t)(intptr_t)v);
		if (pp)
			memcpy(comm, pp->comm, 16);
		return (pid_t)(intptr_t)v;
	}
	ppid = kt_view_ppid(tgid);
	if (ppid > 0) {
		snprintf(path, sizeof(path), "/proc/%d/comm", ppid);
		f = fopen(path, "r");
		if (f) {
			if (fgets(buf, 16, f))
				snprintf(comm, 16, "%.*s", (int)strcspn(buf, "\n"),
					 buf);
			fclose(f);
		}
	}
	return ppid;
}

static void feed(struct top *t, const struct ktrace_rec_hdr *h)
{
	const struct ktrace_rec_fork *f = (const void *)h;
	char comm[16] = "";
	pid_t ppid;

	if (h->type == KTRACE_REC_FORK && h->size >= sizeof(*f)) {
		if (f->fork_flags & KTRACE_FORK_THREAD)
			return;
		proc_get(t, h->tgid, h->comm)->forks++;
		t->forks++;
		kt_pidmap_del(&t->parent, f->child_tgid);
		if (kt_pidmap_put(&t->parent, f->child_tgid,
				  (void *)(intptr_t)h->tgid)) {
			ktrace_err("out of memory");
			exit(1);
		}
	} else if (h->type == KTRACE_REC_EXEC) {
		t->execs++;
		ppid = parent_of(t, h->tgid, comm);
		if (ppid > 0)
			proc_get(t, ppid, *comm ? comm : NULL)->execs++;
	} else if (h->type == KTRACE_REC_EXIT && h->pid == h->tgid) {
		/* Keep the figures, forget the pid's parent: pids come back. */
		kt_pidmap_del(&t->parent, h->tgid);
	}
}

struct row {
	unsigned int abi, nr;
	struct kt_count d;
};

static int by_calls(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->d.calls != y->d.calls)
		return x->d.calls < y->d.calls ? 1 : -1;
	return x->d.ns < y->d.ns ? 1 : x->d.ns > y->d.ns ? -1 : 0;
}

static int by_forks(const void *a, const void *b)
{
	const struct proc *x = *(const struct proc *const *)a;
	const struct proc *y = *(const struct proc *const *)b;
	unsigned long long xs = x->forks + x->execs, ys = y->forks + y->execs;

	return xs < ys ? 1 : xs > ys ? -1 : x->tgid - y->tgid;
}

static int by_proc_calls(const void *a, const void *b)
{
	const struct ktrace_proc_count *x = a, *y = b;

	if (x->calls != y->calls)
		return x->calls < y->calls ? 1 : -1;
	return x->tgid - y->tgid;
}

/*
 * The seconds the kernel's interval lasted, which the process counts
 * cover exactly; the command's own before the first.
 */
static double procs_secs(const struct procs *p, double secs)
{
	if (p->q.end_ns > p->q.start_ns)
		return (p->q.end_ns - p->q.start_ns) / 1e9;
	return secs;
}

/* Close the kernel's interval, take its processes, busiest first. */
static int procs_next(int fd, struct procs *p)
{
	free(p->c);
	p->c = NULL;
	p->n = 0;
	if (!p->on)
		return 0;
	if (kt_dev_procs(fd, true, &p->c, &p->n, &p->q))
		return -1;
	if (p->n)
		qsort(p->c, p->n, sizeof(*p->c), by_proc_calls);
	return 0;
}

static void collect(void *ctx, void *val)
{
	struct proc ***pp = ctx;

	*(*pp)++ = val;
}

static size_t rows_of(const struct kt_counts *a, const struct kt_counts *b,
		      struct row *rows)
{
	size_t n = 0;
	unsigned int abi, nr;

	for (abi = 0; abi < KTRACE_ABI_COUNT; abi++)
		for (nr = 0; nr < KTRACE_NR_MAX; nr++) {
			const struct kt_count *x = &a->c[abi][nr];
			const struct kt_count *y = &b->c[abi][nr];

			if (y->calls == x->calls)
				continue;
			rows[n].abi = abi;
			rows[n].nr = nr;
			rows[n].d.calls = y->calls - x->calls;
			rows[n].d.errors = y->errors - x->errors;
			rows[n].d.ns = y->ns - x->ns;
			n++;
		}
	qsort(rows, n, sizeof(*rows), by_calls);
	return n;
}

static const char *sc_name(const struct row *r, char *buf, size_t len)
{
	const char *s = ktrace_syscall_name(kt_cli_abi(r->abi), r->nr);

	if (s)
		return s;
	snprintf(buf, len, "syscall_%u", r->nr);
	return buf;
}

/* An OpenMetrics label value: \, " and newline escaped. */
static void om_label(const char *s)
{
	for (; *s; s++) {
		if (*s == '\\' || *s == '"')
			printf("\\%c", *s);
		else if (*s == '\n')
			printf("\\n");
		else
			putchar(*s);
	}
}

static void print_openmetrics_procs(const struct procs *p, double secs)
{
	static const struct {
		const char *name, *help;
	} fam[] = {
		{ "ktrace_process_calls_rate", "Syscalls a process completed per second." },
		{ "ktrace_process_errors_rate", "Syscalls of a process that failed, per second." },
		{ "ktrace_process_busy_ratio", "Seconds a process spent in syscalls per second." },
	};
	size_t i, f;

	secs = procs_secs(p, secs);
	for (f = 0; f < ARRAY_SIZE(fam); f++) {
		printf("# TYPE %s gauge\n# HELP %s %s\n", fam[f].name,
		       fam[f].name, fam[f].help);
		for (i = 0; i < p->n; i++) {
			const struct ktrace_proc_count *c = &p->c[i];
			double v = f == 0 ? c->calls : f == 1 ? c->errors :
				   c->total_ns / 1e9;

			printf("%s{pid=\"%d\",comm=\"", fam[f].name, c->tgid);
			om_label(c->comm);
			printf("\"} %.6f\n", v / secs);
		}
	}
	printf("# TYPE ktrace_process_overflow_calls_rate gauge\n"
	       "# HELP ktrace_process_overflow_calls_rate Syscalls per second of processes the kernel's tables had no room for.\n"
	       "ktrace_process_overflow_calls_rate %.6f\n",
	       p->q.overflow.calls / secs);
}

static void print_openmetrics(const struct row *rows, size_t n,
			      struct proc **procs, size_t np,
			      const struct procs *bp, double secs)
{
	static const struct {
		const char *name, *help;
	} fam[] = {
		{ "ktrace_syscall_calls_rate", "Syscalls completed per second over the interval." },
		{ "ktrace_syscall_errors_rate", "Syscalls that returned an error, per second." },
		{ "ktrace_syscall_busy_ratio", "Seconds spent in the syscall per second." },
	};
	static const char *const abis[] = { "x86_64", "i386" };
	char buf[32];
	size_t i, f;

	printf("# TYPE ktrace_top_interval_seconds gauge\n"
	       "# UNIT ktrace_top_interval_seconds seconds\n"
	       "# HELP ktrace_top_interval_seconds The interval the rates are measured over.\n"
	       "ktrace_top_interval_seconds %.6f\n", secs);
	for (f = 0; f < ARRAY_SIZE(fam); f++) {
		printf("# TYPE %s gauge\n# HELP %s %s\n", fam[f].name,
		       fam[f].name, fam[f].help);
		for (i = 0; i < n; i++) {
			double v = f == 0 ? rows[i].d.calls :
				   f == 1 ? rows[i].d.errors :
					    rows[i].d.ns / 1e9;

			printf("%s{abi=\"%s\",syscall=\"%s\"} %.6f\n",
			       fam[f].name, abis[rows[i].abi],
			       sc_name(&rows[i], buf, sizeof(buf)), v / secs);
		}
	}
	if (bp->on)
		print_openmetrics_procs(bp, secs);
	printf("# TYPE ktrace_forks_rate gauge\n"
	       "# HELP ktrace_forks_rate Processes forked per second, by parent.\n");
	for (i = 0; i < np; i++) {
		if (!procs[i]->forks)
			continue;
		printf("ktrace_forks_rate{pid=\"%d\",comm=\"", procs[i]->tgid);
		om_label(procs[i]->comm);
		printf("\"} %.6f\n", procs[i]->forks / secs);
	}
	printf("# TYPE ktrace_execs_rate gauge\n"
	       "# HELP ktrace_execs_rate Programs executed per second by the children of a parent.\n");
	for (i = 0; i < np; i++) {
		if (!procs[i]->execs)
			continue;
		printf("ktrace_execs_rate{pid=\"%d\",comm=\"", procs[i]->tgid);
		om_label(procs[i]->comm);
		printf("\"} %.6f\n", procs[i]->execs / secs);
	}
	printf("# EOF\n");
}

static void print_text_procs(const struct procs *p, double secs)
{
	const struct ktrace_proc_count *c;
	size_t i;

	secs = procs_secs(p, secs);
	printf("\n%-8s %-16s %10s %10s %12s\n", "PID", "COMMAND", "CALLS/S",
	       "ERRORS/S", "TIME MS/S");
	for (i = 0; i < p->n && i < TOP_PROCS; i++) {
		c = &p->c[i];
		printf("%-8d %-16.16s %10.1f %10.1f %12.2f\n", c->tgid,
		       c->comm, c->calls / secs, c->errors / secs,
		       c->total_ns / 1e6 / secs);
	}
	c = &p->q.overflow;
	if (c->calls)
		printf("%-25s %10.1f %10.1f %12.2f\n", "(no room in the kernel)",
		       c->calls / secs, c->errors / secs,
		       c->total_ns / 1e6 / secs);
}

static void print_text(const struct top *t, const struct row *rows, size_t n,
		       struct proc **procs, size_t np, const struct procs *bp,
		       double secs, double since)
{
	char buf[32];
	size_t i;

	printf("ktrace top: +%.1f s, over %.2f s: forks %.1f/s, execs %.1f/s\n\n",
	       since, secs, t->forks / secs, t->execs / secs);
	printf("%-20s %10s %10s %12s\n", "SYSCALL", "CALLS/S", "ERRORS/S",
	       "TIME MS/S");
	for (i = 0; i < n && i < TOP_SYSCALLS; i++)
		printf("%-20s %10.1f %10.1f %12.2f\n",
		       sc_name(&rows[i], buf, sizeof(buf)),
		       rows[i].d.calls / secs, rows[i].d.errors / secs,
		       rows[i].d.ns / 1e6 / secs);
	if (bp->on)
		print_text_procs(bp, secs);
	printf("\n%-8s %-16s %10s %10s\n", "PARENT", "COMMAND", "FORKS/S",
	       "EXECS/S");
	for (i = 0; i < np && i < TOP_PARENTS; i++) {
		if (!procs[i]->forks && !procs[i]->execs)
			break;
		printf("%-8d %-16.16s %10.1f %10.1f\n", procs[i]->tgid,
		       procs[i]->comm, procs[i]->forks / secs,
		       procs[i]->execs / secs);
	}
}

static void free_proc(void *ctx, void *val)
{
	free(val);
}

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: %s top [-p PID] [--interval S] [--count N] [--once] [--openmetrics]\n"
		"Show, every interval (default 2 s), the syscalls made per second with\n"
		"their errors and time, by syscall and by process, and the forks and\n"
		"execs per second of each parent, system-wide or for process PID and\n"
		"its descendants.  --once prints one interval and exits;\n"
		"--openmetrics prints it in the OpenMetrics text format.\n",
		ktrace_prog);
}

struct top_opts {
	double interval, count;
	bool openmetrics;
};

static int top_opt(void *ctx, int c, const char *arg)
{
	struct top_opts *to = ctx;

	switch (c) {
	case 'i':
		to->interval = kt_view_interval("top", arg, 0.1);
		return to->interval < 0 ? -1 : 0;
	case 'n':
		to->count = kt_view_count("top", arg);
		return to->count < 0 ? -1 : 0;
	case '1':
		to->count = 1;
		return 0;
	default:	/* 'm', --openmetrics */
		to->openmetrics = true;
		return 0;
	}
}

int ktrace_cmd_top(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "interval", required_argument, NULL, 'i' },
		{ "count", required_argument, NULL, 'n' },
		{ "once", no_argument, NULL, '1' },
		{ "openmetrics", no_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 },
	};
	struct top_opts to = { .interval = 2 };
	struct kt_view_opts o = {
		.view = "top", .usage = usage, .longopts = longopts,
		.opt = top_opt, .ctx = &to, .no_json = true,
	};
	static struct kt_counts before, after;
	const struct ktrace_rec_hdr *const *recs;
	struct ktrace_config cfg = { .events = KTRACE_EV_LIFECYCLE };
	struct kt_dev_reader *rd = NULL;
	struct ktrace_version v;
	struct procs bp = { 0 };
	struct top t = { 0 };
	struct row *rows = NULL;
	struct proc **procs = NULL, **pp;
	double interval, count, secs;
	bool openmetrics, tty, eof = false;
	uint64_t start, t0, now, end;
	unsigned long rounds = 0;
	struct pollfd pfd;
	pid_t pid;
	size_t n, i, nrows;
	int c, fd, ret = 1;

	c = kt_view_options(&o, argc, argv);
	if (c)
		return c < 0;
	pid = o.pid;
	interval = to.interval;
	count = to.count;
	openmetrics = to.openmetrics;
	if (openmetrics && !count)
		count = 1;
	if (kt_view_self(pid))
		return 1;
	fd = ktrace_dev_open();
	if (fd < 0)
		return 1;
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	/* Counters by process since ABI 1.6; an older module goes without. */
	if (ktrace_dev_version(fd, &v))
		goto out;
	bp.on = v.abi_minor >= 6 && (v.features & KTRACE_FEAT_PROC_STATS);
	if (bp.on)
		cfg.flags |= KTRACE_CFG_PROC_STATS;
	else
		ktrace_err("top: module ABI %u.%u has no counters by process (1.6): showing syscalls and parents only",
			   v.abi_major, v.abi_minor);
	if (kt_dev_configure(fd, &cfg))
		goto out;
	rd = kt_dev_reader_new(fd);
	rows = calloc(KTRACE_ABI_COUNT * KTRACE_NR_MAX, sizeof(*rows));
	if (!rd || !rows) {
		ktrace_err("out of memory");
		goto out;
	}
	if (pid && kt_dev_pid(fd, pid, KTRACE_PID_THREAD_GROUP |
			      KTRACE_PID_FOLLOW, true))
		goto out;
	kt_catch_fatal(on_signal, false);
	/* Clear the screen between screens, not before the only one. */
	tty = isatty(STDOUT_FILENO) && !openmetrics && count != 1;
	if (kt_dev_enable(fd) || kt_dev_counts(fd, &before) ||
	    procs_next(fd, &bp))
		goto out;
	start = kt_view_now();
	t0 = start;
	for (;;) {
		end = t0 + (uint64_t)(interval * 1e9);
		while (!stop && (now = kt_view_now()) < end) {
			pfd = (struct pollfd){ .fd = fd, .events = POLLIN };
			poll(&pfd, 1, (int)((end - now) / 1000000) + 1);
			do {
				if (kt_dev_reader_batch(rd, &recs, &n, &eof))
					goto out;
				for (i = 0; i < n; i++)
					feed(&t, recs[i]);
				kt_dev_reader_done(rd);
			} while (n);
		}
		if (stop)
			break;
		if (pid && kill(pid, 0) && errno == ESRCH) {
			ktrace_err("top: process %d exited", pid);
			goto out;
		}
		if (kt_dev_counts(fd, &after) || procs_next(fd, &bp))
			goto out;
		now = kt_view_now();
		secs = (now - t0) / 1e9;
		nrows = rows_of(&before, &after, rows);
		free(procs);
		procs = calloc(t.procs.n + 1, sizeof(*procs));
		if (!procs) {
			ktrace_err("out of memory");
			goto out;
		}
		pp = procs;
		kt_pidmap_each(&t.procs, collect, &pp);
		qsort(procs, t.procs.n, sizeof(*procs), by_forks);
		if (tty)
			printf("\033[H\033[2J");
		if (openmetrics)
			print_openmetrics(rows, nrows, procs, t.procs.n, &bp,
					  secs);
		else
			print_text(&t, rows, nrows, procs, t.procs.n, &bp,
				   secs, (now - start) / 1e9);
		if (kt_view_flush())
			goto out;
		if (++rounds >= count && count)
			break;
		if (!tty && !openmetrics)
			putchar('\n');
		/* The next interval starts from zero. */
		before = after;
		t0 = now;
		t.forks = 0;
		t.execs = 0;
		kt_pidmap_each(&t.procs, free_proc, NULL);
		kt_pidmap_free(&t.procs);
		memset(&t.procs, 0, sizeof(t.procs));
	}
	/* Interrupted, ktrace dies of its signal, as a trace does. */
	ret = kt_exit_status(0, false, 0, stop);
out:
	kt_dev_disable(fd);
	kt_dev_reader_free(rd);
	close(fd);
	free(rows);
	free(procs);
	free(bp.c);
	kt_pidmap_each(&t.procs, free_proc, NULL);
	kt_pidmap_free(&t.procs);
	kt_pidmap_free(&t.parent);
	return ret;
}
