// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): the live session of the views that follow a command or a
 * process (tree, signals): the command started stopped, or the process
 * attached, with its descendants followed by the kernel (with v->seed,
 * those from before the view too); the records handed to the view as
 * they come; the end once the command is reaped (or the process is gone)
 * and every descendant seen forking or seeded has been seen exiting or is
 * gone from the system.  A short linger after that collects the reaps of
 * the last zombies.  ktrace's signal ends the view as it ends a trace
 * (-I): the command gets it too, and ktrace dies of the signal that
 * killed the command, as trace mode does (kt_exit()).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktrace.h"

#define POLL_MS		50
#define LINGER_NS	300000000ULL
#define KILL_WAIT_NS	1000000000ULL

static volatile sig_atomic_t interrupted, interrupts;

/* The first signal ends the view, a second one its wait for the command. */
static void on_signal(int sig)
{
	interrupted = sig;
	interrupts++;
}

/* The syscalls a view wants records of, by name, in both ABIs. */
static int set_syscalls(int fd, const char *const *names)
{
	struct ktrace_syscalls sc;
	unsigned int abi;
	int i, nr;

	for (abi = 0; abi < KTRACE_ABI_COUNT; abi++) {
		memset(&sc, 0, sizeof(sc));
		sc.abi = abi;
		for (i = 0; names[i]; i++) {
			nr = ktrace_syscall_number(kt_cli_abi(abi), names[i]);
			if (nr >= 0 && nr < KTRACE_NR_MAX)
				sc.bits[nr / 64] |= 1ULL << (nr % 64);
		}
		if (kt_dev_set_syscalls(fd, &sc))
			return -1;
	}
	return 0;
}

/* Live tasks: forked and not seen exiting, thread id -> tgid. */
static void track(struct kt_pidmap *live, const struct ktrace_rec_hdr *h)
{
	const struct ktrace_rec_fork *f = (const void *)h;

	if (h->type == KTRACE_REC_FORK && h->size >= sizeof(*f)) {
		/* An id whose exit was lost: one entry, not two. */
		kt_pidmap_del(live, f->child_pid);
		if (kt_pidmap_put(live, f->child_pid,
				  (void *)(intptr_t)f->child_tgid)) {
			ktrace_err("out of memory");
			exit(1);
		}
	} else if (h->type == KTRACE_REC_EXIT) {
		kt_pidmap_del(live, h->pid);
	}
}

static void sweep(struct kt_pidmap *live)
{
	struct kt_pidmap_slot *s;
	unsigned int i;

	for (i = 0; i < live->cap; i++) {
		s = &live->slot[i];
		while (s->val && syscall(SYS_tgkill, (pid_t)(intptr_t)s->val,
					 s->pid, 0) && errno == ESRCH)
			kt_pidmap_del(live, s->pid);
	}
}

static int drain(struct kt_dev_reader *rd, struct kt_view_run *v,
		 struct kt_pidmap *live, bool *eof)
{
	const struct ktrace_rec_hdr *const *recs;
	size_t i, n;

	do {
		if (kt_dev_reader_batch(rd, &recs, &n, eof))
			return -1;
		for (i = 0; i < n; i++) {
			track(live, recs[i]);
			v->feed(v->ctx, recs[i]);
		}
		kt_dev_reader_done(rd);
	} while (n && !*eof);
	return 0;
}

/*
 * -p: the processes in /proc, each with its parent's id, in *@procs to
 * free(); their number, 0 if /proc cannot be read or memory ran out.
 */
struct proc_entry {
	pid_t pid, ppid;
};

static size_t proc_list(struct proc_entry **procs)
{
	struct proc_entry *v = NULL, *nv;
	size_t n = 0, cap = 0;
	struct dirent *d;
	pid_t pid, ppid;
	DIR *dir;

	*procs = NULL;
	dir = opendir("/proc");
	if (!dir)
		return 0;
	while ((d = readdir(dir))) {
		pid = atoi(d->d_name);
		if (pid <= 0)
			continue;
		ppid = kt_view_ppid(pid);
		if (ppid <= 0)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			nv = realloc(v, cap * sizeof(*v));
			if (!nv) {
				n = 0;
				break;
			}
			v = nv;
		}
		v[n].pid = pid;
		v[n++].ppid = ppid;
	}
	closedir(dir);
	if (!n) {
		free(v);
		return 0;
	}
	*procs = v;
	return n;
}

/*
 * Passes over /proc for descendants from before the view: one forked
 * before its parent joined has no fork record, and only a later pass
 * sees it.
 */
#define SEED_PASSES	4

/* Is @pid an ancestor of ktrace (ktrace tree -p $$ from a shell)? */
static bool ktrace_ancestor(pid_t pid)
{
	pid_t p;
	int i;

	for (p = getppid(), i = 0; p > 1 && i < 4096; p = kt_view_ppid(p), i++)
		if (p == pid)
			return true;
	return false;
}

/*
 * -p: the process and its descendants from before the view, handed to
 * v->seed() parents first.  Each joins the session, followed, as the
 * process did, and counts as a live task, but for ktrace's own
 * ancestors, which wait for it; one gone or a zombie (refused) does not
 * show, nor does ktrace itself, which its session does not record.
 * Called once the session records, so that a process forked since the
 * process joined either has a fork record or is found here (or both:
 * the view takes them for one).
 */
/* What seed() knows of a process, by pid. */
#define SEED_JOINED	((void *)1)
#define SEED_REFUSED	((void *)2)	/* gone, a zombie, or ktrace */

static void seed_oom(void)
{
	ktrace_err("out of memory");
	exit(1);
}

/* @e, a child of a process that joined: does it join too? */
static bool seed_one(int fd, struct kt_view_run *v, struct kt_pidmap *known,
		     struct kt_pidmap *live, const struct proc_entry *e)
{
	bool ok = !kt_dev_pid_follow(fd, e->pid);

	if (kt_pidmap_put(known, e->pid, ok ? SEED_JOINED : SEED_REFUSED))
		seed_oom();
	if (!ok)
		return false;
	if (!ktrace_ancestor(e->pid) &&
	    kt_pidmap_put(live, e->pid, (void *)(intptr_t)e->pid))
		seed_oom();
	v->seed(v->ctx, e->pid, e->ppid);
	return true;
}

static void seed(int fd, struct kt_view_run *v, struct kt_pidmap *live)
{
	struct kt_pidmap known = { 0 };
	struct proc_entry *procs;
	bool more, joined;
	size_t i, n;
	int pass;

	v->seed(v->ctx, v->pid, 0);
	if (kt_pidmap_put(&known, v->pid, SEED_JOINED) ||
	    kt_pidmap_put(&known, getpid(), SEED_REFUSED))
		seed_oom();
	for (pass = 0; pass < SEED_PASSES; pass++) {
		n = proc_list(&procs);
		more = false;
		/* Again while a pass over the list joins one: its children. */
		do {
			joined = false;
			for (i = 0; i < n; i++) {
				if (kt_pidmap_get(&known, procs[i].pid) ||
				    kt_pidmap_get(&known, procs[i].ppid) !=
				    SEED_JOINED)
					continue;
				if (seed_one(fd, v, &known, live, &procs[i]))
					joined = true;
			}
			more |= joined;
		} while (joined);
		free(procs);
		if (!more)
			break;
	}
	kt_pidmap_free(&known);
}

/*
 * After ktrace's signal, as in trace mode: the command it started gets
 * the same, and the view goes on while it dies, for a second at most.
 * Does the view end?
 */
static bool interrupt(struct kt_view_run *v, bool reaped, uint64_t *killed)
{
	if (interrupts >= 2 || !v->child || reaped)
		return true;
	if (!*killed) {
		if (kt_proc_stopped(v->child))
			kill(v->child, SIGCONT);
		kill(v->child, interrupted);
		*killed = kt_view_now();
		return false;
	}
	return kt_view_now() - *killed >= KILL_WAIT_NS;
}

int kt_view_run(struct kt_view_run *v)
{
	struct ktrace_config cfg = { 0 };
	struct kt_pidmap live = { 0 };
	struct kt_dev_reader *rd;
	struct pollfd pfd;
	int err[2] = { -1, -1 }, fd, e, ret = 1;
	uint64_t done_at = 0, killed = 0, now;
	bool eof = false, reaped = false;

	if (kt_view_self(v->pid))
		return 1;
	fd = ktrace_dev_open();
	if (fd < 0)
		return 1;
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	cfg.events = v->events;
	if (kt_dev_configure(fd, &cfg) ||
	    (v->syscalls && set_syscalls(fd, v->syscalls)))
		goto out_fd;
	rd = kt_dev_reader_new(fd);
	if (!rd) {
		ktrace_err("out of memory");
		goto out_fd;
	}
	kt_catch_fatal(on_signal, false);
	signal(SIGPIPE, SIG_IGN);

	if (v->argc) {
		v->child = kt_start_stopped(v->argv, NULL, err);
		if (v->child < 0)
			goto out_rd;
		if (kt_dev_pid(fd, v->child, KTRACE_PID_FOLLOW, true)) {
			kill(v->child, SIGKILL);
			waitpid(v->child, NULL, 0);
			goto out_rd;
		}
	} else if (v->pid) {
		if (kt_dev_pid(fd, v->pid, KTRACE_PID_THREAD_GROUP |
			       KTRACE_PID_FOLLOW, true))
			goto out_rd;
	}
	v->start_ns = kt_view_now();
	if (kt_dev_enable(fd))
		goto out_rd;
	if (v->pid && v->seed)
		seed(fd, v, &live);
	if (v->child) {
		kill(v->child, SIGCONT);
		if (read(err[0], &e, sizeof(e)) == sizeof(e)) {
			ktrace_err("cannot run '%s': %s", v->argv[0],
				   strerror(e));
			waitpid(v->child, NULL, 0);
			v->start_ns = 0;	/* nothing to show */
			goto out_rd;
		}
		close(err[0]);
	}

	for (;;) {
		pfd = (struct pollfd){ .fd = fd, .events = POLLIN };
		poll(&pfd, 1, POLL_MS);
		if (drain(rd, v, &live, &eof))
			goto out_rd;
		if (v->child && !reaped &&
		    waitpid(v->child, &v->child_status, WNOHANG) == v->child)
			reaped = true;
		if (eof)
			break;
		if (interrupted) {
			if (interrupt(v, reaped, &killed))
				break;
			continue;
		}
		now = kt_view_now();
		if (done_at) {
			if (now - done_at >= LINGER_NS)
				break;
			continue;
		}
		if (v->child && !reaped)
			continue;
		if (!v->child && v->pid && !(kill(v->pid, 0) && errno == ESRCH))
			continue;
		if (!v->child && !v->pid)
			continue;
		sweep(&live);
		if (!live.n)
			done_at = now;
	}
	kt_dev_disable(fd);
	if (drain(rd, v, &live, &eof))
		goto out_rd;
	v->end_ns = kt_view_now();
	v->child_reaped = reaped;
	ret = kt_exit_status(v->child, reaped, v->child_status, interrupted);
out_rd:
	kt_dev_reader_free(rd);
out_fd:
	kt_pidmap_free(&live);
	close(fd);
	return ret;
}
