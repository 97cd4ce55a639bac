// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): "ktrace tree", the process tree of a run: every process and
 * thread the command (or process -p) and its descendants created, when
 * each was forked, the programs it executed with their arguments, when
 * and how it ended, how long it stayed a zombie (exit to reap), and where
 * a process lost its parent and was reparented.
 *
 * The session records the lifecycle events (fork, exec, exit, reap) and
 * only the execve and execveat syscalls, for their arguments.  A process
 * ends when its last thread exits (KTRACE_EXIT_GROUP_DEAD); it is reaped
 * when its leader's task is freed, which the kernel does a grace period
 * after wait() returned.  With -p, the process, its threads and its
 * descendants with theirs are read from /proc once the view records,
 * before any record (the process may make none): what they do later
 * finds them in the tree.  When the view ends, a thread no record ended
 * is running if /proc still lists it, else exited; a process, exited with
 * its status unknown if /proc lists it no more or as a zombie (its exit
 * record was lost), but for the command, whose status waitpid() gave.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktrace.h"

struct exe {
	uint64_t ts;
	char *file;
	char **argv;		/* NULL-ended, or NULL */
	struct exe *next;
};

struct node {
	pid_t pid, tgid;
	bool thread;		/* a thread, under its process */
	char comm[16];
	uint64_t fork_ts;	/* 0: before the view */
	bool seeded;		/* -p: found in /proc, from before the view */
	struct exe *exes, **exes_tail;
	bool exited;		/* this thread, or for a process the group */
	bool exit_lost;		/* no exit record: exit_ts the reap or end */
	bool status_unknown;	/* nor a wait status (all but the command) */
	uint64_t exit_ts;
	int exit_code;
	bool core;
	bool reaped;
	uint64_t reap_ts;
	bool reparented;
	uint64_t reparent_ts;
	pid_t new_ppid;
	struct node *parent, *child, *last_child, *sibling;
	struct node *next;	/* every node, in order of creation */
};

/* Levels of indentation; deeper rows say their depth. */
#define TREE_INDENT_MAX	32

struct tree {
	struct kt_pidmap map;	/* live nodes by thread id */
	struct node *all, **tail;
	/* execve argv seen at syscall entry, by thread id */
	struct kt_pidmap argv;
	uint64_t start;
	bool json;
};

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);

	if (!p) {
		ktrace_err("out of memory");
		exit(1);
	}
	return p;
}

static struct node *node_new(struct tree *t, pid_t pid, pid_t tgid)
{
	struct node *n = xcalloc(1, sizeof(*n));

	n->pid = pid;
	n->tgid = tgid;
	n->exes_tail = &n->exes;
	*t->tail = n;
	t->tail = &n->next;
	if (kt_pidmap_put(&t->map, pid, n)) {
		ktrace_err("out of memory");
		exit(1);
	}
	return n;
}

static void adopt(struct node *parent, struct node *n)
{
	n->parent = parent;
	if (parent->last_child)
		parent->last_child->sibling = n;
	else
		parent->child = n;
	parent->last_child = n;
}

/*
 * The node of @pid, made when the view meets it first (-p seeds what was
 * there before the view): a thread whose fork was lost hangs under its
 * process's node, made too if the view has none.
 */
static struct node *node_get(struct tree *t, const struct ktrace_rec_hdr *h)
{
	struct node *n = kt_pidmap_get(&t->map, h->pid), *leader = NULL;

	if (n)
		return n;
	if (h->pid != h->tgid) {
		leader = kt_pidmap_get(&t->map, h->tgid);
		if (!leader) {
			leader = node_new(t, h->tgid, h->tgid);
			memcpy(leader->comm, h->comm, sizeof(leader->comm));
		}
	}
	n = node_new(t, h->pid, h->tgid);
	memcpy(n->comm, h->comm, sizeof(n->comm));
	if (leader) {
		n->thread = true;
		adopt(leader, n);
	}
	return n;
}

/* The blob of @kind in a record with @nblobs blobs after @fixed bytes. */
static const struct ktrace_blob *blob(const struct ktrace_rec_hdr *h,
				      size_t fixed, unsigned int nblobs,
				      unsigned int kind)
{
	const struct ktrace_blob *b = (const void *)((const char *)h + fixed);
	unsigned int i;

	if (fixed + nblobs * sizeof(*b) > h->size)
		return NULL;
	for (i = 0; i < nblobs; i++)
		if (b[i].kind == kind && kt_blob_len(h, &b[i]) &&
		    kt_blob_inside(h, &b[i]))
			return &b[i];
	return NULL;
}

static void sys_enter(struct tree *t, const struct ktrace_rec_hdr *h)
{
	const struct ktrace_rec_sys_enter *e = (const void *)h;
	const struct ktrace_blob *b;
	const char *p, *end;
	char **argv, **old;
	size_t n = 0, i = 0;

	if (h->size < sizeof(*e))
		return;
	b = blob(h, sizeof(*e), e->nblobs, KTRACE_BLOB_ARGV);
	if (!b)
		return;
	p = (const char *)h + kt_blob_off(h, b);
	end = p + kt_blob_len(h, b);
	for (const char *q = p; q < end; q += strlen(q) + 1)
		n++;
	argv = xcalloc(n + 1, sizeof(*argv));
	for (; p < end && i < n; p += strlen(p) + 1)
		argv[i++] = strndup(p, end - p);
	old = kt_pidmap_get(&t->argv, h->pid);
	if (old) {
		for (i = 0; old[i]; i++)
			free(old[i]);
		free(old);
		kt_pidmap_del(&t->argv, h->pid);
	}
	if (kt_pidmap_put(&t->argv, h->pid, argv)) {
		ktrace_err("out of memory");
		exit(1);
	}
}

static void fork_rec(struct tree *t, const struct ktrace_rec_hdr *h)
{
	const struct ktrace_rec_fork *f = (const void *)h;
	struct node *parent, *n, *old;

	if (h->size < sizeof(*f))
		return;
	parent = node_get(t, h);
	old = kt_pidmap_get(&t->map, f->child_pid);
	if (old && old->seeded && !old->fork_ts && !old->exited) {
		/* Forked once the view recorded, and found in /proc too. */
		old->fork_ts = h->ts;
		return;
	}
	if (old)	/* the pid was used again */
		kt_pidmap_del(&t->map, f->child_pid);
	n = node_new(t, f->child_pid, f->child_tgid);
	memcpy(n->comm, h->comm, sizeof(n->comm));
	n->fork_ts = h->ts;
	n->thread = f->child_pid != f->child_tgid;
	/*
	 * A process hangs under its parent's process, a thread under its
	 * own process whichever thread made it, as ps -T and pstree show.
	 */
	if (parent->thread && parent->parent)
		parent = parent->parent;
	adopt(parent, n);
}

static void exec_rec(struct tree *t, const struct ktrace_rec_hdr *h)
{
	const struct ktrace_rec_exec *x = (const void *)h;
	const struct ktrace_blob *b;
	struct node *n;
	struct exe *e;
	char **argv;

	if (h->size < sizeof(*x))
		return;
	n = node_get(t, h);
	memcpy(n->comm, h->comm, sizeof(n->comm));
	e = xcalloc(1, sizeof(*e));
	e->ts = h->ts;
	b = blob(h, sizeof(*x), x->nblobs, KTRACE_BLOB_FILENAME);
	e->file = b ? strndup((const char *)h + kt_blob_off(h, b),
			      kt_blob_len(h, b)) :
		      strdup(h->comm);
	argv = kt_pidmap_get(&t->argv, x->old_pid);
	if (argv) {
		kt_pidmap_del(&t->argv, x->old_pid);
		e->argv = argv;
	}
	*n->exes_tail = e;
	n->exes_tail = &e->next;
}

/*
 * The new parent of @pid, a child of @old, which is exiting.  The exit
 * record comes from the exit probe, before the kernel moves the children
 * to their new parent (exit_notify()), and a reader that keeps up can
 * see it first: read /proc until the move shows, for at most
 * REPARENT_WAIT_MS; 0 if it never does or @pid is gone.
 */
#define REPARENT_WAIT_MS	200

static pid_t new_parent(pid_t pid, pid_t old)
{
	const struct timespec ms = { 0, 1000000 };
	pid_t ppid;
	int i;

	for (i = 0; i < REPARENT_WAIT_MS; i++) {
		ppid = kt_view_ppid(pid);
		if (ppid != old)
			return ppid;
		nanosleep(&ms, NULL);
	}
	return 0;
}

/*
 * Process @proc ended at @ts: so did its threads whose exits the view
 * has not seen (their records may come later: a newer kernel reports some
 * threads after the last).  Threads hang right under their process.
 */
static void end_threads(struct node *proc, uint64_t ts)
{
	struct node *n;

	for (n = proc->child; n; n = n->sibling) {
		if (n->thread && !n->exited) {
			n->exited = true;
			n->exit_ts = ts;
		}
	}
}

static void exit_rec(struct tree *t, const struct ktrace_rec_hdr *h)
{
	const struct ktrace_rec_exit *x = (const void *)h;
	struct node *n, *proc, *c;

	if (h->size < sizeof(*x))
		return;
	n = node_get(t, h);
	if (n->thread) {
		n->exited = true;
		n->exit_ts = h->ts;
		n->exit_code = x->exit_code;
	}
	if (!(x->exit_flags & KTRACE_EXIT_GROUP_DEAD))
		return;
	proc = n->thread && n->parent ? n->parent : n;
	if (proc->pid != h->tgid)
		proc = kt_pidmap_get(&t->map, h->tgid) ?: n;
	proc->exited = true;
	proc->exit_ts = h->ts;
	proc->exit_code = x->exit_code;
	proc->core = x->exit_flags & KTRACE_EXIT_CORE;
	end_threads(proc, h->ts);
	/* Its living child processes lose their parent now. */
	for (c = proc->child; c; c = c->sibling) {
		if (c->thread || c->exited)
			continue;
		c->reparented = true;
		c->reparent_ts = h->ts;
		c->new_ppid = new_parent(c->pid, proc->pid);
	}
}

static void reap_rec(struct tree *t, const struct ktrace_rec_hdr *h)
{
	struct node *n = kt_pidmap_get(&t->map, h->pid);

	if (!n || n->reaped)
		return;
	n->reaped = true;
	n->reap_ts = h->ts;
}

static void feed(void *ctx, const struct ktrace_rec_hdr *h)
{
	struct tree *t = ctx;

	switch (h->type) {
	case KTRACE_REC_SYS_ENTER:
		sys_enter(t, h);
		break;
	case KTRACE_REC_FORK:
		fork_rec(t, h);
		break;
	case KTRACE_REC_EXEC:
		exec_rec(t, h);
		break;
	case KTRACE_REC_EXIT:
		exit_rec(t, h);
		break;
	case KTRACE_REC_REAP:
		reap_rec(t, h);
		break;
	}
}

static double rel(const struct tree *t, uint64_t ts)
{
	return ts > t->start ? (ts - t->start) / 1e9 : 0;
}

/* The last program's arguments, or the file, or the comm. */
static void print_command(const struct node *n)
{
	const struct exe *e = n->exes;
	int i;

	if (n->thread) {
		printf("[thread of %d]", n->tgid);
		return;
	}
	if (!e) {
		printf("%s", n->comm);
		return;
	}
	while (e->next)
		e = e->next;
	if (!e->argv || !e->argv[0]) {
		printf("%s", e->file);
		return;
	}
	for (i = 0; e->argv[i]; i++) {
		if (strpbrk(e->argv[i], " \t\"'|&;<>$") || !*e->argv[i])
			printf("%s\"%s\"", i ? " " : "", e->argv[i]);
		else
			printf("%s%s", i ? " " : "", e->argv[i]);
	}
}

static void print_text(const struct tree *t, const struct node *n, int depth)
{
	int indent = depth < TREE_INDENT_MAX ? depth : TREE_INDENT_MAX;
	char st[64], zb[32];
	const struct exe *e;

	if (n->status_unknown)
		snprintf(st, sizeof(st), "exited, status unknown");
	else if (n->exited && !n->thread)
		kt_view_status(st, sizeof(st), n->exit_code);
	else if (n->exited)
		snprintf(st, sizeof(st), "exited");
	else
		snprintf(st, sizeof(st), "running");
	if (n->exit_lost)
		snprintf(zb, sizeof(zb), "-");
	else if (n->exited && n->reaped && !n->thread)
		kt_view_dur(zb, sizeof(zb), n->reap_ts - n->exit_ts);
	else if (n->exited && !n->thread)
		snprintf(zb, sizeof(zb), "not reaped");
	else
		snprintf(zb, sizeof(zb), "-");
	printf("%-7d +%-9.6f ", n->pid, rel(t, n->fork_ts));
	if (n->exited)
		printf("+%-9.6f ", rel(t, n->exit_ts));
	else
		printf("%-10s ", "-");
	printf("%-22s %-10s %*s", st, zb, indent * 2, "");
	if (depth > indent)
		printf("[depth %d] ", depth);
	print_command(n);
	if (n->reparented) {
		if (n->new_ppid)
			printf("  (reparented to %d at +%.6f)", n->new_ppid,
			       rel(t, n->reparent_ts));
		else
			printf("  (reparented at +%.6f)",
			       rel(t, n->reparent_ts));
	}
	putchar('\n');
	/* Earlier programs of a process that executed more than once. */
	for (e = n->exes; e && e->next; e = e->next)
		printf("%-7s %-10s %-10s %-22s %-10s %*s  (exec'd %s at +%.6f)\n",
		       "", "", "", "", "", indent * 2, "", e->file,
		       rel(t, e->ts));
}

static void print_json(const struct tree *t, const struct node *n, int depth)
{
	char st[64];
	const struct exe *e;
	int i;

	printf("{\"pid\":%d,\"tgid\":%d,\"ppid\":%d,\"depth\":%d,\"thread\":%s,\"comm\":",
	       n->pid, n->tgid, n->parent ? n->parent->tgid : 0, depth,
	       n->thread ? "true" : "false");
	kt_json_string(stdout, n->comm);
	printf(",\"fork\":%.6f,\"exec\":[", rel(t, n->fork_ts));
	for (e = n->exes; e; e = e->next) {
		printf("%s{\"time\":%.6f,\"file\":", e == n->exes ? "" : ",",
		       rel(t, e->ts));
		kt_json_string(stdout, e->file);
		printf(",\"argv\":[");
		for (i = 0; e->argv && e->argv[i]; i++) {
			if (i)
				putchar(',');
			kt_json_string(stdout, e->argv[i]);
		}
		printf("]}");
	}
	printf("]");
	if (n->exited) {
		printf(",\"exit\":%.6f", rel(t, n->exit_ts));
		if (n->status_unknown) {
			printf(",\"status\":\"unknown\"");
		} else if (!n->thread) {
			printf(",\"wait_status\":%d,\"status\":", n->exit_code);
			kt_json_string(stdout, kt_view_status(st, sizeof(st),
							      n->exit_code));
			if (WIFEXITED(n->exit_code))
				printf(",\"exit_code\":%d",
				       WEXITSTATUS(n->exit_code));
			if (WIFSIGNALED(n->exit_code))
				printf(",\"signal\":%d", WTERMSIG(n->exit_code));
			printf(",\"core_dumped\":%s", n->core ? "true" : "false");
		}
	}
	if (n->reaped && n->exit_lost)
		printf(",\"reap\":%.6f", rel(t, n->reap_ts));
	else if (n->reaped && n->exited && !n->thread)
		printf(",\"reap\":%.6f,\"zombie_ns\":%llu", rel(t, n->reap_ts),
		       (unsigned long long)(n->reap_ts - n->exit_ts));
	if (n->reparented)
		printf(",\"reparented\":%.6f,\"new_ppid\":%d",
		       rel(t, n->reparent_ts), n->new_ppid);
	printf("}\n");
}

/*
 * Each node under @root, parents before children, through the nodes'
 * links: a chain of forks as deep as pids go takes no stack.
 */
static void print_tree(const struct tree *t, const struct node *root,
		       void (*print)(const struct tree *, const struct node *,
				     int))
{
	const struct node *n = root;
	int depth = 0;

	for (;;) {
		print(t, n, depth);
		if (n->child) {
			n = n->child;
			depth++;
			continue;
		}
		while (n != root && !n->sibling) {
			n = n->parent;
			depth--;
		}
		if (n == root)
			return;
		n = n->sibling;
	}
}

/* @n's command name from /proc (@path: "comm" or "task/TID/comm"). */
static void proc_comm(struct node *n, const char *path)
{
	char buf[32];
	size_t len;

	if (kt_proc_read(n->tgid, path, buf, sizeof(buf)) <= 0)
		return;
	len = strcspn(buf, "\n");
	if (len >= sizeof(n->comm))
		len = sizeof(n->comm) - 1;
	memcpy(n->comm, buf, len);
	n->comm[len] = '\0';
}

/*
 * -p: the threads of process @proc from before the view, from /proc,
 * under it in the order of their ids.
 */
static void seed_threads(struct tree *t, struct node *proc)
{
	char path[64];
	struct node *n;
	unsigned int i, nr;
	pid_t *tids;

	nr = kt_proc_threads(proc->pid, &tids);
	for (i = 0; i < nr; i++) {
		if (tids[i] == proc->pid || kt_pidmap_get(&t->map, tids[i]))
			continue;
		n = node_new(t, tids[i], proc->pid);
		n->thread = true;
		n->seeded = true;
		snprintf(path, sizeof(path), "task/%d/comm", tids[i]);
		proc_comm(n, path);
		adopt(proc, n);
	}
	free(tids);
}

/*
 * -p, before any record (kt_view_run's v->seed): the process (@ppid 0),
 * the root, as the view may get no record of it (one that neither
 * forks, executes nor ends while watched, until ktrace's signal); then
 * each of its descendants from before the view, under its parent; each
 * with its threads.  Their records then find them.
 */
static void seed(void *ctx, pid_t pid, pid_t ppid)
{
	struct tree *t = ctx;
	struct node *n = node_new(t, pid, pid), *parent;

	n->seeded = true;
	proc_comm(n, "comm");
	parent = ppid ? kt_pidmap_get(&t->map, ppid) : NULL;
	if (parent)
		adopt(parent, n);
	seed_threads(t, n);
}

/*
 * The view's end at @end: a thread no record ended outlived the view if
 * /proc still lists it under its process, read now; if not, it exited
 * after the session's last record (or its record was lost): exited, at
 * the end.  A process no record ended that /proc no longer lists, or
 * lists as a zombie, lost its exit record: exited, how unknown, at its
 * reap if that was seen, else at the end.  What the records say comes
 * first; this is what they leave.
 */
static void end_unseen(struct tree *t, uint64_t end)
{
	struct node *proc, *n;
	unsigned int nr;
	pid_t *tids;

	for (proc = t->all; proc; proc = proc->next) {
		if (proc->thread)
			continue;
		if (!proc->exited &&
		    (proc->reaped || kt_proc_dead(proc->pid))) {
			proc->exited = true;
			proc->exit_lost = true;
			proc->status_unknown = true;
			proc->exit_ts = proc->reaped ? proc->reap_ts : end;
			end_threads(proc, proc->exit_ts);
		}
		for (n = proc->child; n; n = n->sibling)
			if (n->thread && !n->exited)
				break;
		if (!n)
			continue;
		nr = kt_proc_threads(proc->pid, &tids);
		for (; n; n = n->sibling) {
			if (!n->thread || n->exited ||
			    (nr && bsearch(&n->pid, tids, nr, sizeof(*tids),
					   kt_pid_cmp)))
				continue;
			n->exited = true;
			n->exit_ts = end;
		}
		free(tids);
	}
}

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: %s tree [--json] -- COMMAND [ARGS...]\n"
		"       %s tree [--json] -p PID\n"
		"Run COMMAND (or watch process PID until it ends or ktrace is\n"
		"interrupted) and print the tree of the processes and threads it\n"
		"made: when each was forked, what it executed, when and how it\n"
		"ended, how long it stayed a zombie, and where it was reparented.\n"
		"Times are seconds from the start.\n",
		ktrace_prog, ktrace_prog);
}

int ktrace_cmd_tree(int argc, char **argv)
{
	static const char *const execs[] = { "execve", "execveat", NULL };
	static struct tree t;
	struct kt_view_opts o = {
		.view = "tree", .usage = usage, .command = true,
	};
	struct kt_view_run v = { 0 };
	struct node *n;
	int c, ret;

	c = kt_view_options(&o, argc, argv);
	if (c)
		return c < 0;
	v.pid = o.pid;
	v.argv = o.argv;
	v.argc = o.argc;
	t.json = o.json;
	t.tail = &t.all;
	v.events = KTRACE_EV_LIFECYCLE | KTRACE_EV_SYSCALL;
	v.syscalls = execs;
	v.feed = feed;
	v.seed = seed;
	v.ctx = &t;
	ret = kt_view_run(&v);
	if (!v.start_ns)
		return ret;
	t.start = v.start_ns;
	/* The root: the command, met in its records, or the process. */
	n = kt_pidmap_get(&t.map, v.child ? v.child : v.pid);
	if (!n) {
		ktrace_err("tree: no event of process %d was recorded",
			   v.child ? v.child : v.pid);
		return ret ? ret : 1;
	}
	/* The command's exit record lost: its status is waitpid's. */
	if (!n->exited && v.child && v.child_reaped) {
		n->exited = true;
		n->exit_lost = true;
		n->exit_ts = n->reaped ? n->reap_ts : v.end_ns;
		n->exit_code = v.child_status;
		n->core = WIFSIGNALED(v.child_status) &&
			  WCOREDUMP(v.child_status);
		end_threads(n, n->exit_ts);
	}
	end_unseen(&t, v.end_ns);
	if (!t.json)
		printf("%-7s %-10s %-10s %-22s %-10s %s\n", "PID", "START",
		       "END", "STATUS", "ZOMBIE", "COMMAND");
	for (n = t.all; n; n = n->next) {
		if (n->parent)
			continue;
		print_tree(&t, n, t.json ? print_json : print_text);
	}
	return kt_view_flush() ? 1 : ret;
}
