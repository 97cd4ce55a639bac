// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): raw records to typed events (events.h).  A table of the
 * tasks seen, by thread id, holds each task's call in progress: the
 * enter is kept until its exit comes, and the syscall event, stamped
 * with the enter's time, goes out then.  A call the task never returns
 * from (exit, exit_group, or a death in any call) ends at its exit
 * record; the calls still open when the trace ends go out last, marked
 * in flight.  An exit whose enter was not seen (the trace started in the
 * call, or a status filter wrote the enter late) still makes an event,
 * timed by the exit record's duration.
 *
 * A sink that asked for them (the strace text) gets each entry as it
 * comes, and keeps its own data per task here.  With the descriptor
 * tables on (events-fd.c), each task points to its process's table, a
 * thread and a CLONE_FILES child to the same one; a call's event goes out
 * between the table as it was and the table as the call left it.  A call
 * recorded for the tables only (-e trace= with -y: kt_filters_hidden())
 * changes them and goes to no sink; so does one of a status the command
 * leaves out (-e status= with -y: kt_filters_status()), whose entry a
 * sink gets only with its end, as the module's status filter has it.
 */
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktrace.h"
#include "decode.h"
#include "events.h"

/* -p: a call a task snapshot saw a thread in (kt_events_seed_enter()) */
struct seed {
	bool set;
	uint64_t ts;			/* the snapshot's time */
	struct ktrace_rec_sys_enter *en;	/* as kt_task_enter() built it */
	size_t cap;
};

struct task {
	pid_t pid, tgid;
	char comm[17];
	bool in_call;
	struct ktrace_rec_sys_enter *enter;	/* a copy, blobs and all */
	size_t enter_cap;
	/* The latest snapshot's seed, and an older snapshot's */
	struct seed seed[2];
	void *priv;			/* the sink's (want_enter) */
	struct kt_fdtab *fds;		/* with KT_FDS_TRACK, or NULL */
};

struct kt_events {
	kt_event_fn fn;
	void *ctx;
	struct kt_pidmap tasks;
	struct task *last;		/* the last task_of(), or NULL */
	bool want_enter;
	void (*free_priv)(void *ctx, void *priv);
	void *priv_ctx;
	unsigned int fd_flags;		/* KT_FDS_* */
	bool ask_families;		/* no tables: /proc, each time */
	void (*hidden)(void *ctx);	/* kt_events_on_hidden() */
	void *hidden_ctx;
	/* Each process's table, by process id, for its threads first seen. */
	struct kt_pidmap groups;
	/* -Y (kt_events_track_comms()): the names of tasks reaped, by id */
	bool comms;
	bool comms_proc;		/* live: /proc for those never seen */
	struct kt_pidmap gone;		/* struct gone_comm */
	struct kt_pidmap proc_comms;	/* malloc()ed names, "" when none */
	/* A record's comm or target_comm, NUL-terminated for the event. */
	char rec_comm[17], rec_target_comm[17];
	/* report: the seeded threads still in their call at the end */
	bool open_known;
	const pid_t *open;
	unsigned int nopen;
};

/* A task reaped: its name, and when it went. */
struct gone_comm {
	char comm[17];
	uint64_t ts;
};

struct kt_events *kt_events_new(kt_event_fn fn, void *ctx)
{
	struct kt_events *ev = calloc(1, sizeof(*ev));

	if (!ev)
		return NULL;
	ev->fn = fn;
	ev->ctx = ctx;
	return ev;
}

void kt_events_want_enter(struct kt_events *ev,
			  void (*free_priv)(void *ctx, void *priv), void *ctx)
{
	ev->want_enter = true;
	ev->free_priv = free_priv;
	ev->priv_ctx = ctx;
}

void kt_events_track_comms(struct kt_events *ev, bool proc)
{
	ev->comms = true;
	ev->comms_proc = proc;
}

unsigned int kt_fds_flags(const struct kt_opts *o, bool live)
{
	return (live ? KT_FDS_PROC : 0) |
	       (o->decode_fds > 1 ? KT_FDS_SOCKETS : 0) |
	       (o->decode_devs ? KT_FDS_DEVS : 0) |
	       (o->decode_pidfds ? KT_FDS_PIDFD : 0) |
	       (o->decode_devs_only && !o->trace_path ? KT_FDS_DEV_ONLY : 0);
}

void kt_events_track_fds(struct kt_events *ev, unsigned int flags)
{
	ev->fd_flags = flags | KT_FDS_TRACK;
}

void kt_events_track_families(struct kt_events *ev, const struct kt_opts *o,
			      bool live)
{
	if (live && kt_opts_at_end(o))
		ev->ask_families = true;
	else
		kt_events_track_fds(ev, KT_FDS_LIGHT | (live ? KT_FDS_ASK : 0));
}

void kt_events_on_hidden(struct kt_events *ev, void (*fn)(void *ctx),
			 void *ctx)
{
	ev->hidden = fn;
	ev->hidden_ctx = ctx;
}

static void task_free(struct kt_events *ev, struct task *t)
{
	if (t->priv && ev->free_priv)
		ev->free_priv(ev->priv_ctx, t->priv);
	if (t->fds)
		kt_fdtab_put(t->fds);
	free(t->enter);
	free(t->seed[0].en);
	free(t->seed[1].en);
	free(t);
}

/* The process tgid's table is now tab (a new one, or after an exec). */
static void group_set(struct kt_events *ev, pid_t tgid, struct kt_fdtab *tab)
{
	struct kt_fdtab *old = kt_pidmap_get(&ev->groups, tgid);

	if (old == tab)
		return;
	if (old) {
		kt_pidmap_del(&ev->groups, tgid);
		kt_fdtab_put(old);
	}
	if (kt_pidmap_put(&ev->groups, tgid, kt_fdtab_get(tab)))
		kt_fdtab_put(tab);
}

/* t's descriptor table: its process's, or a new one on first sight. */
static struct kt_fdtab *task_fds(struct kt_events *ev, struct task *t)
{
	struct kt_fdtab *g;

	if (t->fds || !(ev->fd_flags & KT_FDS_TRACK))
		return t->fds;
	g = kt_pidmap_get(&ev->groups, t->tgid);
	if (g) {
		t->fds = kt_fdtab_get(g);
	} else {
		t->fds = kt_fdtab_new();
		if (!t->fds)
			return NULL;
		if (ev->fd_flags & KT_FDS_PROC)
			kt_fdtab_snapshot(t->fds, t->tgid);
		group_set(ev, t->tgid, t->fds);
	}
	return t->fds;
}

static void forget_gone(struct kt_events *ev, pid_t pid)
{
	struct gone_comm *g = kt_pidmap_get(&ev->gone, pid);

	if (g) {
		kt_pidmap_del(&ev->gone, pid);
		free(g);
	}
}

/*
 * -Y: a task reaped at ts keeps its name for the calls before; the
 * earliest of its wait and its reap record counts.
 */
static void remember_gone(struct kt_events *ev, const struct task *t,
			  uint64_t ts)
{
	struct gone_comm *g;

	if (!ev->comms || !t->comm[0])
		return;
	g = kt_pidmap_get(&ev->gone, t->pid);
	if (g && g->ts <= ts)
		return;
	forget_gone(ev, t->pid);
	g = malloc(sizeof(*g));
	if (!g)
		return;
	memcpy(g->comm, t->comm, sizeof(g->comm));
	g->ts = ts;
	if (kt_pidmap_put(&ev->gone, t->pid, g))
		free(g);
}

/* The task of h, made on first sight; its comm follows the records. */
static struct task *task_find(struct kt_events *ev, pid_t pid)
{
	struct task *t = kt_pidmap_get(&ev->tasks, pid);

	if (!t) {
		t = calloc(1, sizeof(*t));
		if (!t || kt_pidmap_put(&ev->tasks, pid, t)) {
			free(t);
			return NULL;
		}
		t->pid = pid;
		forget_gone(ev, pid);
	}
	ev->last = t;
	return t;
}

static inline struct task *task_of(struct kt_events *ev, pid_t pid,
				   pid_t tgid, const char comm[16])
{
	struct task *t = ev->last;

	/* Mostly the task of the record before: no lookup then. */
	if (!t || t->pid != pid) {
		t = task_find(ev, pid);
		if (!t)
			return NULL;
	}
	t->tgid = tgid;
	if (comm && comm[0])
		memcpy(t->comm, comm, 16);
	return t;
}

/* The event's header; its union zeroed, but for a syscall's (set whole). */
static void header(struct kt_event *e, enum kt_ev_type type,
		   const struct ktrace_rec_hdr *h, const struct task *t)
{
	if (type != KT_EV_SYSCALL && type != KT_EV_SYSCALL_ENTER)
		memset((char *)e + offsetof(struct kt_event, sys), 0,
		       sizeof(*e) - offsetof(struct kt_event, sys));
	e->type = type;
	e->ts = h->ts;
	e->pid = h->pid;
	e->tgid = h->tgid;
	e->cpu = h->cpu;
	e->comm = t ? t->comm : "";
	e->priv = t ? (void **)&t->priv : NULL;
}

/*
 * Does the event go to the sink?  Not a call recorded for the descriptor
 * tables only (kt_filters_hidden()): that one changed the tables, and no
 * more; nor, with the command's status filter, a call of another status,
 * nor any entry as it comes (emit_end() gives the shown ones).
 */
static bool shown(const struct kt_event *e)
{
	unsigned int status = kt_filters_status();

	if (e->type != KT_EV_SYSCALL && e->type != KT_EV_SYSCALL_ENTER)
		return true;
	if (kt_filters_hidden(e->sys.abi, e->sys.nr))
		return false;
	if (!kt_filters_at_end())
		return true;
	/*
	 * A call that did not return has neither status (strace's too), nor
	 * a duration; nor has one whose enter nobody timed (dur 0).
	 */
	if (e->type == KT_EV_SYSCALL_ENTER || e->sys.end != KT_SYS_RETURNED)
		return false;
	if (e->sys.dur < kt_filters_min_duration())
		return false;
	return status & (kt_ret_failed(e->sys.ret) ? KT_STATUS_FAILED :
						     KT_STATUS_SUCCESSFUL);
}

/* An event to the sink, if shown(). */
static void emit(struct kt_events *ev, const struct kt_event *e)
{
	if (shown(e))
		ev->fn(ev->ctx, e);
}

/* The entry event of t's call in progress. */
static void enter_event(struct kt_event *e, struct task *t)
{
	const struct ktrace_rec_sys_enter *en = t->enter;

	header(e, KT_EV_SYSCALL_ENTER, &en->hdr, t);
	e->sys.nr = en->nr;
	e->sys.abi = en->abi;
	e->sys.end = KT_SYS_IN_FLIGHT;
	e->sys.enter_seen = true;
	e->sys.dur = 0;
	e->sys.ret = 0;
	memcpy(e->sys.args, en->args, sizeof(e->sys.args));
	e->sys.enter = en;
	e->sys.exit = NULL;
}

/*
 * A call's end to the sink; with the command's status filter, the sink
 * that wants entries gets the call's entry just before, if it is shown.
 */
static void emit_end(struct kt_events *ev, struct task *t,
		     const struct kt_event *e)
{
	struct kt_event en;

	if (!shown(e))
		return;
	if (ev->want_enter && e->sys.enter_seen && kt_filters_at_end()) {
		enter_event(&en, t);
		ev->fn(ev->ctx, &en);
	}
	ev->fn(ev->ctx, e);
}

/* The call in progress of t, ended at end_ts as end says. */
static void end_call(struct kt_events *ev, struct task *t, uint64_t end_ts,
		     enum kt_sys_end end)
{
	const struct ktrace_rec_sys_enter *en = t->enter;
	struct kt_event e;

	if (!t->in_call)
		return;
	t->in_call = false;
	header(&e, KT_EV_SYSCALL, &en->hdr, t);
	e.pid = t->pid;
	e.tgid = t->tgid;
	e.sys.nr = en->nr;
	e.sys.abi = en->abi;
	e.sys.end = end;
	e.sys.enter_seen = true;
	e.sys.dur = end_ts > en->hdr.ts ? end_ts - en->hdr.ts : 0;
	e.sys.ret = 0;
	memcpy(e.sys.args, en->args, sizeof(e.sys.args));
	e.sys.enter = en;
	e.sys.exit = NULL;
	emit_end(ev, t, &e);
}

/*
 * -Y: wait4() returned the id of a child it reaped: from then on the id
 * has no name, as in /proc, although the reap record (the task's last
 * reference going) may come later.  Not with WNOWAIT, nor for a child
 * stopped or continued (WUNTRACED, WCONTINUED, as its status says).
 */
static void waited(struct kt_events *ev, const struct kt_event *e)
{
	const char *name = ktrace_syscall_name(kt_cli_abi(e->sys.abi),
					       e->sys.nr);
	struct kt_syscall sc;
	struct kt_blob argv[KT_ARGV_MAX];
	struct task *c;
	uint32_t st;

	if (e->sys.ret <= 0 || !name ||
	    (strcmp(name, "wait4") && strcmp(name, "waitpid")))
		return;
	if (!e->sys.enter_seen || (e->sys.args[2] & WNOWAIT))
		return;
	if (e->sys.args[2] & (WUNTRACED | WCONTINUED)) {
		kt_event_syscall(e, &sc, argv);
		if (!sc.blob[1].data || sc.blob[1].len < 4)
			return;
		memcpy(&st, sc.blob[1].data, 4);
		if (WIFSTOPPED(st) || WIFCONTINUED(st))
			return;
	}
	c = kt_pidmap_get(&ev->tasks, (pid_t)e->sys.ret);
	if (c)
		remember_gone(ev, c, e->sys.exit->hdr.ts);
}

static void sys_exit(struct kt_events *ev, struct task *t,
		     const struct ktrace_rec_sys_exit *x)
{
	struct kt_event e;

	if (t->in_call && t->enter->nr == x->nr && t->enter->abi == x->abi) {
		header(&e, KT_EV_SYSCALL, &t->enter->hdr, t);
		e.sys.enter_seen = true;
		e.sys.enter = t->enter;
		memcpy(e.sys.args, t->enter->args, sizeof(e.sys.args));
		e.sys.dur = x->hdr.ts > t->enter->hdr.ts ?
			    x->hdr.ts - t->enter->hdr.ts : 0;
	} else {
		/* Not the call that entered: that one ended unseen. */
		end_call(ev, t, x->hdr.ts, KT_SYS_IN_FLIGHT);
		header(&e, KT_EV_SYSCALL, &x->hdr, t);
		e.sys.enter_seen = false;
		e.sys.enter = NULL;
		memset(e.sys.args, 0, sizeof(e.sys.args));
		e.sys.dur = 0;
		if (x->duration != KTRACE_DURATION_UNKNOWN &&
		    x->duration <= x->hdr.ts) {
			e.ts = x->hdr.ts - x->duration;
			e.sys.dur = x->duration;
		}
	}
	t->in_call = false;
	e.pid = x->hdr.pid;
	e.tgid = x->hdr.tgid;
	e.cpu = x->hdr.cpu;
	e.sys.nr = x->nr;
	e.sys.abi = x->abi;
	e.sys.end = KT_SYS_RETURNED;
	e.sys.ret = x->ret;
	e.sys.exit = x;
	if (ev->comms)
		waited(ev, &e);
	/* Only a call that changes a table prepares and applies. */
	if (ev->fd_flags && kt_fdtab_changes(e.sys.abi, e.sys.nr) &&
	    task_fds(ev, t)) {
		if (ev->hidden && !shown(&e))
			ev->hidden(ev->hidden_ctx);
		kt_fdtab_prepare(t->fds, t->tgid, ev->fd_flags, &e);
		emit_end(ev, t, &e);
		kt_fdtab_apply(t->fds);
		return;
	}
	emit_end(ev, t, &e);
}

/* The exec record's file name, when it carries one whole. */
static const char *exec_filename(const struct ktrace_rec_exec *x)
{
	const char *base = (const char *)x;
	unsigned int i;

	if (sizeof(*x) + (size_t)x->nblobs * sizeof(x->blobs[0]) >
	    x->hdr.size)
		return NULL;
	for (i = 0; i < x->nblobs; i++) {
		const struct ktrace_blob *b = &x->blobs[i];
		uint32_t off = kt_blob_off(&x->hdr, b);
		uint32_t len = kt_blob_len(&x->hdr, b);

		if (b->kind != KTRACE_BLOB_FILENAME || !len ||
		    (size_t)off + len > x->hdr.size || base[off + len - 1])
			continue;
		return base + off;
	}
	return NULL;
}

/*
 * A child's table: its parent's, shared by a thread or with CLONE_FILES,
 * else a copy.
 */
static void fork_fds(struct kt_events *ev, struct task *p, struct task *c,
		     bool share)
{
	struct kt_fdtab *n, *pt = task_fds(ev, p);

	if (!pt)
		return;
	/* The working directory, while the parent is there to ask. */
	kt_fdtab_path(pt, p->tgid, ev->fd_flags, -100);
	/* The new reference first: c may be p (a corrupt record). */
	n = share ? kt_fdtab_get(pt) : kt_fdtab_copy(pt);
	if (c->fds)
		kt_fdtab_put(c->fds);
	c->fds = n;
	if (c->fds && (c->pid == c->tgid || !share))
		group_set(ev, c->tgid, c->fds);
}

/* An exec: a table of its own, without the close-on-exec descriptors. */
static void exec_fds(struct kt_events *ev, struct task *t)
{
	struct kt_fdtab *n, *o = task_fds(ev, t);

	if (!o)
		return;
	/* Held by no other thread or process: no copy to make. */
	if (kt_fdtab_refs(o) ==
	    1 + (kt_pidmap_get(&ev->groups, t->tgid) == o)) {
		kt_fdtab_exec(o);
		group_set(ev, t->tgid, o);
		return;
	}
	n = kt_fdtab_copy(o);
	if (!n)
		return;
	kt_fdtab_exec(n);
	kt_fdtab_put(o);
	t->fds = n;
	group_set(ev, t->tgid, n);
}

/*
 * A call in flight when ktrace attached (kt_events_seed()) returns: its
 * entry, as the snapshot saw it, goes first, so that the call prints
 * whole, as strace prints the call it restarts when it attaches.  The
 * seed is the latest older than the exit: the snapshot taken once the
 * session began, or, for a call that returned before that one was taken,
 * the snapshot before (a seed after the exit stays, for the call the
 * thread was in then).  An exit of another syscall means the seed was
 * wrong: it is dropped.
 */
static void seed_enter(struct kt_events *ev, struct task *t,
		       const struct ktrace_rec_sys_exit *x)
{
	static uint64_t en[KT_TASK_ENTER_MAX / 8];
	struct ktrace_rec_sys_enter *e = (void *)en;
	const struct ktrace_rec_sys_enter *s;
	bool later;
	int i;

	if (t->seed[0].set && x->hdr.ts > t->seed[0].ts)
		i = 0;
	else if (t->seed[1].set && x->hdr.ts > t->seed[1].ts)
		i = 1;
	else
		return;
	t->seed[1].set = false;
	if (!i)
		t->seed[0].set = false;
	s = t->seed[i].en;
	if (t->in_call || x->nr != s->nr || x->abi != s->abi)
		return;
	memcpy(e, s, s->hdr.size);
	e->hdr.cpu = x->hdr.cpu;
	/* Its entry clears the seeds: not the later one, still to come. */
	later = t->seed[0].set;
	kt_events_feed(ev, e);
	t->seed[0].set = later;
}

/*
 * A thread that was inside syscall k->nr when ktrace attached, at
 * CLOCK_MONOTONIC @now (a KTRACE_IOC_TASKS snapshot taken once the
 * session began), and may have run since the session began, so that the
 * entry of that call may be in a ring yet: its next exit after @now, of
 * that syscall, is that call's if no entry came before it, and prints
 * with the arguments the snapshot read from its registers instead of as
 * "<... NAME resumed>".  A thread blocked since before the session needs
 * no seed: its entry is fed at once (timeline.c).
 */
int kt_events_seed(struct kt_events *ev, const struct ktrace_task *k,
		   uint64_t now)
{
	static uint64_t rec[KT_TASK_ENTER_MAX / 8];

	if (!(k->flags & KTRACE_TASK_IN_SYSCALL) || k->nr < 0)
		return 0;
	/*
	 * As strace, which restarts it when it attaches: at @now, with what
	 * its arguments point to read now.
	 */
	return kt_events_seed_enter(ev, kt_task_enter(k, now, rec));
}

int kt_events_seed_enter(struct kt_events *ev,
			 const struct ktrace_rec_sys_enter *en)
{
	struct task *t;
	struct seed *sd, tmp;

	t = task_of(ev, en->hdr.pid, en->hdr.tgid, en->hdr.comm);
	if (!t)
		return -1;
	/* The two latest snapshots' seeds are kept, the latest first. */
	if (t->seed[0].set && t->seed[0].ts > en->hdr.ts) {
		if (t->seed[1].set && t->seed[1].ts > en->hdr.ts)
			return 0;
		sd = &t->seed[1];
	} else {
		if (t->seed[0].set) {
			tmp = t->seed[1];
			t->seed[1] = t->seed[0];
			t->seed[0] = tmp;
		}
		sd = &t->seed[0];
	}
	/* Out of memory below: no seed there, rather than a stale one. */
	sd->set = false;
	if (sd->cap < en->hdr.size) {
		void *p = realloc(sd->en, en->hdr.size);

		if (!p)
			return -1;
		sd->en = p;
		sd->cap = en->hdr.size;
	}
	memcpy(sd->en, en, en->hdr.size);
	sd->set = true;
	sd->ts = en->hdr.ts;
	return 0;
}

int kt_events_stopped(struct kt_events *ev, const struct ktrace_rec_hdr *h,
		      int sig, int nr, unsigned int abi)
{
	struct task *t = task_of(ev, h->pid, h->tgid, h->comm);
	struct kt_event e;

	if (!t)
		return -1;
	header(&e, KT_EV_STOPPED, h, t);
	e.stop.sig = sig;
	e.stop.nr = nr;
	e.stop.abi = abi;
	ev->fn(ev->ctx, &e);
	return 0;
}

void kt_events_seeds_open(struct kt_events *ev, const pid_t *tids,
			  unsigned int n)
{
	ev->open_known = true;
	ev->open = tids;
	ev->nopen = n;
}

int kt_events_feed(struct kt_events *ev, const void *rec)
{
	const struct ktrace_rec_hdr *h = rec;
	struct kt_event e;
	struct task *t = NULL, *c;

	if (kt_rec_short(h))
		return -1;
	if (h->type == KTRACE_REC_PAD || !kt_rec_known(h))
		return 0;
	if (h->type != KTRACE_REC_LOSS && h->type != KTRACE_REC_REAP) {
		t = task_of(ev, h->pid, h->tgid, h->comm);
		if (!t)
			return -1;
		/* A process first seen: its table, while /proc has it. */
		if (ev->fd_flags && !t->fds)
			task_fds(ev, t);
	}

	switch (h->type) {
	case KTRACE_REC_SYS_ENTER: {
		const struct ktrace_rec_sys_enter *en = rec;

		/* The seeded call's own entry was recorded after all. */
		t->seed[0].set = false;
		t->seed[1].set = false;

		end_call(ev, t, h->ts, KT_SYS_IN_FLIGHT);
		/* The exit comes in a later batch, when en's space is reused. */
		if (t->enter_cap < h->size) {
			void *p = malloc(h->size < 256 ? 256 : h->size);

			if (!p)
				return -1;
			free(t->enter);
			t->enter = p;
			t->enter_cap = h->size < 256 ? 256 : h->size;
		}
		memcpy(t->enter, en, h->size);
		t->in_call = true;
		if (!ev->want_enter)
			return 0;
		enter_event(&e, t);
		break;
	}
	case KTRACE_REC_SYS_EXIT:
		if (t->seed[0].set || t->seed[1].set)
			seed_enter(ev, t, rec);
		sys_exit(ev, t, rec);
		return 0;
	case KTRACE_REC_FORK: {
		const struct ktrace_rec_fork *f = rec;

		header(&e, KT_EV_FORK, h, t);
		e.fork.child_pid = f->child_pid;
		e.fork.child_tgid = f->child_tgid;
		e.fork.thread = f->fork_flags & KTRACE_FORK_THREAD;
		e.fork.clone_flags = f->fork_flags & KTRACE_FORK_FLAGS_VALID ?
				     f->clone_flags : 0;
		if (h->size >= sizeof(*f)) {
			e.fork.child_vpid = f->child_vpid;
			e.fork.child_pidns = f->child_pidns;
		}
		/* The child starts with its parent's name. */
		c = task_of(ev, f->child_pid, f->child_tgid, h->comm);
		if (!c)
			return -1;
		if (ev->fd_flags)
			fork_fds(ev, t, c, e.fork.thread ||
				 (e.fork.clone_flags & CLONE_FILES));
		break;
	}
	case KTRACE_REC_EXEC: {
		const struct ktrace_rec_exec *x = rec;
		struct task *old;

		/* A non-leader's exec takes over the leader's thread id. */
		if (x->old_pid != h->pid) {
			old = kt_pidmap_get(&ev->tasks, x->old_pid);
			if (old && old->in_call) {
				struct ktrace_rec_sys_enter *p = t->enter;
				size_t cap = t->enter_cap;

				t->enter = old->enter;
				t->enter_cap = old->enter_cap;
				t->enter->hdr.pid = h->pid;
				t->in_call = true;
				old->enter = p;
				old->enter_cap = cap;
				old->in_call = false;
			}
		}
		if (ev->fd_flags)
			exec_fds(ev, t);
		header(&e, KT_EV_EXEC, h, t);
		e.exec.old_pid = x->old_pid;
		e.exec.filename = exec_filename(x);
		break;
	}
	case KTRACE_REC_EXIT: {
		const struct ktrace_rec_exit *x = rec;

		end_call(ev, t, h->ts, KT_SYS_NO_RETURN);
		header(&e, KT_EV_EXIT, h, t);
		e.exit.code = x->exit_code;
		e.exit.status = x->status;
		e.exit.signal = x->signal;
		e.exit.core = x->exit_flags & KTRACE_EXIT_CORE;
		e.exit.group_dead = x->exit_flags & KTRACE_EXIT_GROUP_DEAD;
		e.exit.exec = x->exit_flags & KTRACE_EXIT_EXEC;
		break;
	}
	case KTRACE_REC_REAP: {
		const struct ktrace_rec_reap *x = rec;

		t = kt_pidmap_get(&ev->tasks, h->pid);
		header(&e, KT_EV_REAP, h, NULL);
		memcpy(ev->rec_comm, h->comm, 16);
		ev->rec_comm[16] = '\0';
		e.comm = t && t->comm[0] ? t->comm : ev->rec_comm;
		e.reap.code = x->exit_code;
		ev->fn(ev->ctx, &e);
		if (t) {
			remember_gone(ev, t, h->ts);
			kt_pidmap_del(&ev->tasks, h->pid);
			if (ev->last == t)
				ev->last = NULL;
			task_free(ev, t);
		}
		if (h->pid == h->tgid) {
			struct kt_fdtab *g = kt_pidmap_get(&ev->groups, h->pid);

			kt_pidmap_del(&ev->groups, h->pid);
			if (g)
				kt_fdtab_put(g);
		}
		return 0;
	}
	case KTRACE_REC_SIGNAL_GENERATE: {
		const struct ktrace_rec_signal_generate *g = rec;

		header(&e, KT_EV_SIGNAL_GENERATE, h, t);
		e.sig.sig = g->sig;
		e.sig.code = g->code;
		e.sig.result = g->result;
		e.sig.target_pid = g->target_pid;
		e.sig.target_tgid = g->target_tgid;
		memcpy(ev->rec_target_comm, g->target_comm, 16);
		ev->rec_target_comm[16] = '\0';
		e.sig.target_comm = ev->rec_target_comm;
		e.sig.group = g->group;
		e.sig.continued = h->size >= sizeof(*g) &&
				  (g->flags & KTRACE_SIGGEN_CONTINUED);
		e.sig.group_exit = h->size >= sizeof(*g) &&
				   (g->flags & KTRACE_SIGGEN_GROUP_EXIT);
		if (h->size >= sizeof(*g) && (g->si.flags & KTRACE_SI_VALID))
			e.sig.si = &g->si;
		break;
	}
	case KTRACE_REC_SIGNAL_DELIVER: {
		const struct ktrace_rec_signal_deliver *d = rec;

		header(&e, KT_EV_SIGNAL_DELIVER, h, t);
		e.sig.sig = d->sig;
		e.sig.code = d->code;
		e.sig.action = d->action;
		if (h->size >= offsetof(struct ktrace_rec_signal_deliver, ip) &&
		    (d->si.flags & KTRACE_SI_VALID))
			e.sig.si = &d->si;
		if (h->size >= sizeof(*d)) {
			e.sig.has_ip = true;
			e.sig.ip = d->ip;
		}
		break;
	}
	case KTRACE_REC_LOSS: {
		const struct ktrace_rec_loss *l = rec;

		header(&e, KT_EV_LOSS, h, NULL);
		e.loss.lost = l->lost;
		e.loss.first_ts = l->first_ts;
		e.loss.last_ts = l->last_ts;
		break;
	}
	default:
		return 0;
	}
	emit(ev, &e);
	return 0;
}

struct finish_ctx {
	struct kt_events *ev;
	uint64_t end_ts;
	struct task **open;
	unsigned int n;
};

static void collect_open(void *ctx, void *val)
{
	struct finish_ctx *f = ctx;
	struct task *t = val;

	if (t->in_call)
		f->open[f->n++] = t;
}

static int by_enter(const void *a, const void *b)
{
	const struct task *x = *(struct task *const *)a;
	const struct task *y = *(struct task *const *)b;

	if (x->enter->hdr.ts != y->enter->hdr.ts)
		return x->enter->hdr.ts < y->enter->hdr.ts ? -1 : 1;
	return (x->pid > y->pid) - (x->pid < y->pid);
}

static void collect_seeded(void *ctx, void *val)
{
	struct finish_ctx *f = ctx;
	struct task *t = val;

	if (t->seed[0].set && !t->in_call)
		f->open[f->n++] = t;
}

/* Was the seeded call of @t still in flight when the trace ended? */
static bool seed_open(const struct kt_events *ev, const struct task *t)
{
	if (!ev->open_known)
		return kt_proc_in_syscall(t->pid, t->seed[0].en->nr);
	return ev->nopen && bsearch(&t->pid, ev->open, ev->nopen,
				    sizeof(*ev->open), kt_pid_cmp);
}

/*
 * The calls in flight when ktrace attached that have not returned when
 * it ends (a -p of a task blocked all along, then Ctrl-C): their entries,
 * as the snapshot saw them, go out now, so that they print as strace
 * prints the call it restarted, " <detached ...>".  Only if the thread is
 * still inside that call: one that returned between the snapshot and
 * the session's start left no exit to pair.
 */
static void finish_seeded(struct finish_ctx *f)
{
	static uint64_t en[KT_TASK_ENTER_MAX / 8];
	unsigned int i;

	f->n = 0;
	kt_pidmap_each(&f->ev->tasks, collect_seeded, f);
	for (i = 0; i < f->n; i++) {
		struct task *t = f->open[i];

		t->seed[0].set = false;
		t->seed[1].set = false;
		if (!seed_open(f->ev, t))
			continue;
		memcpy(en, t->seed[0].en, t->seed[0].en->hdr.size);
		kt_events_feed(f->ev, en);
	}
	f->n = 0;
}

void kt_events_finish(struct kt_events *ev, uint64_t end_ts)
{
	struct finish_ctx f = { .ev = ev, .end_ts = end_ts };
	unsigned int i;

	/* In the order they entered, so that two runs read the same. */
	f.open = calloc(ev->tasks.n + 1, sizeof(*f.open));
	if (!f.open)
		return;
	finish_seeded(&f);
	kt_pidmap_each(&ev->tasks, collect_open, &f);
	qsort(f.open, f.n, sizeof(*f.open), by_enter);
	for (i = 0; i < f.n; i++)
		end_call(ev, f.open[i], end_ts, KT_SYS_IN_FLIGHT);
	free(f.open);
}

static void free_task(void *ctx, void *val)
{
	task_free(ctx, val);
}

static void put_group(void *ctx, void *val)
{
	kt_fdtab_put(val);
}

static void free_val(void *ctx, void *val)
{
	free(val);
}

void kt_events_free(struct kt_events *ev)
{
	if (!ev)
		return;
	kt_pidmap_each(&ev->gone, free_val, NULL);
	kt_pidmap_free(&ev->gone);
	kt_pidmap_each(&ev->proc_comms, free_val, NULL);
	kt_pidmap_free(&ev->proc_comms);
	kt_pidmap_each(&ev->tasks, free_task, ev);
	kt_pidmap_free(&ev->tasks);
	kt_pidmap_each(&ev->groups, put_group, NULL);
	kt_pidmap_free(&ev->groups);
	free(ev);
}

/* Process pid's table, unless it has one: what /proc/FROM has now. */
static void table_from(struct kt_events *ev, pid_t pid, pid_t from)
{
	struct task *t = task_of(ev, pid, pid, NULL);

	if (!t || t->fds)
		return;
	t->fds = kt_fdtab_new();
	if (!t->fds)
		return;
	kt_fdtab_snapshot(t->fds, from);
	group_set(ev, pid, t->fds);
}

void kt_events_inherit(struct kt_events *ev, pid_t pid)
{
	if (ev->fd_flags & KT_FDS_PROC)
		table_from(ev, pid, getpid());
}

void kt_events_attach(struct kt_events *ev, pid_t pid)
{
	/* A thread traced alone (-p TID): its process's table is not ours. */
	if (kt_proc_tgid(pid) == pid)
		table_from(ev, pid, pid);
}

/* A task the trace never saw: its name in /proc, read once. */
static const char *proc_comm(struct kt_events *ev, pid_t pid)
{
	char buf[32], *c;

	c = kt_pidmap_get(&ev->proc_comms, pid);
	if (c)
		return c;
	if (kt_proc_read(pid, "comm", buf, sizeof(buf)) < 0)
		buf[0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	c = strdup(buf);
	if (!c || kt_pidmap_put(&ev->proc_comms, pid, c)) {
		free(c);
		return NULL;
	}
	return c;
}

const char *kt_events_comm(struct kt_events *ev, pid_t pid, uint64_t ts)
{
	struct task *t = kt_pidmap_get(&ev->tasks, pid);
	struct gone_comm *g;

	if (pid <= 0)
		return NULL;
	g = kt_pidmap_get(&ev->gone, pid);
	if (g)
		return g->ts > ts ? g->comm : NULL;
	if (t && t->comm[0])
		return t->comm;
	if (t || !ev->comms_proc)
		return NULL;
	return proc_comm(ev, pid);
}

void **kt_events_priv(struct kt_events *ev, pid_t pid, bool create)
{
	struct task *t = kt_pidmap_get(&ev->tasks, pid);

	if (!t && create)
		t = task_of(ev, pid, pid, NULL);
	return t ? &t->priv : NULL;
}

struct each_priv {
	void (*fn)(void *ctx, void *priv);
	void *ctx;
};

static void each_priv(void *ctx, void *val)
{
	struct each_priv *e = ctx;
	struct task *t = val;

	if (t->priv)
		e->fn(e->ctx, t->priv);
}

void kt_events_each_priv(struct kt_events *ev,
			 void (*fn)(void *ctx, void *priv), void *ctx)
{
	struct each_priv e = { fn, ctx };

	kt_pidmap_each(&ev->tasks, each_priv, &e);
}

const char *kt_events_fd_path(struct kt_events *ev, pid_t pid, int fd)
{
	struct task *t = kt_pidmap_get(&ev->tasks, pid);

	if (!t || !task_fds(ev, t))
		return NULL;
	return kt_fdtab_path(t->fds, t->tgid, ev->fd_flags, fd);
}

const char *kt_events_fd_path_before(struct kt_events *ev, pid_t pid, int fd)
{
	struct task *t = kt_pidmap_get(&ev->tasks, pid);

	if (!t || !task_fds(ev, t))
		return NULL;
	return kt_fdtab_path(t->fds, t->tgid, ev->fd_flags | KT_FDS_BEFORE,
			     fd);
}

int kt_events_fd_family(struct kt_events *ev, pid_t pid, int fd)
{
	struct task *t = kt_pidmap_get(&ev->tasks, pid);

	if (t && ev->ask_families)
		return kt_proc_family(t->tgid, fd);
	if (!t || !task_fds(ev, t))
		return 0;
	return kt_fdtab_family(t->fds, t->tgid, ev->fd_flags, fd);
}

int kt_events_fd_nlproto(struct kt_events *ev, pid_t pid, int fd)
{
	struct task *t = kt_pidmap_get(&ev->tasks, pid);
	bool bound = false;
	int proto;

	if (!t || !kt_netlink_diag())
		return -1;
	if (ev->ask_families) {
		if (kt_proc_family(t->tgid, fd) != AF_NETLINK)
			return -1;
		proto = kt_proc_nlproto(t->tgid, fd, &bound);
		return bound ? proto : -1;
	}
	if (!task_fds(ev, t))
		return -1;
	return kt_fdtab_nlproto(t->fds, t->tgid, ev->fd_flags, fd);
}

/* The smallest record of each type: anything shorter is corrupt. */
static const uint32_t rec_min[] = {
	[KTRACE_REC_LOSS] = sizeof(struct ktrace_rec_loss),
	[KTRACE_REC_SYS_ENTER] = sizeof(struct ktrace_rec_sys_enter),
	[KTRACE_REC_SYS_EXIT] = sizeof(struct ktrace_rec_sys_exit),
	/* ABI 1.10 added child_vpid and child_pidns. */
	[KTRACE_REC_FORK] = offsetof(struct ktrace_rec_fork, child_vpid),
	[KTRACE_REC_EXEC] = sizeof(struct ktrace_rec_exec),
	[KTRACE_REC_EXIT] = sizeof(struct ktrace_rec_exit),
	[KTRACE_REC_REAP] = sizeof(struct ktrace_rec_reap),
	/* Without the siginfo fields of ABI 1.4. */
	[KTRACE_REC_SIGNAL_GENERATE] = offsetof(struct ktrace_rec_signal_generate, si),
	[KTRACE_REC_SIGNAL_DELIVER] = offsetof(struct ktrace_rec_signal_deliver, si),
};

/* Is @h shorter than the smallest record of its type? */
bool kt_rec_short(const struct ktrace_rec_hdr *h)
{
	return h->type < ARRAY_SIZE(rec_min) && h->size < rec_min[h->type];
}

/* Is @h of a type this ktrace knows? */
bool kt_rec_known(const struct ktrace_rec_hdr *h)
{
	return h->type < ARRAY_SIZE(rec_min);
}

/*
 * Where a KTRACE_BLOB_DEREF blob of @arg goes: the place of one of the
 * same pointer (the exit's copy after the enter's), else a free one, or
 * NULL when none is left.
 */
static struct kt_blob *deref_slot(struct kt_syscall *sc, uint8_t arg)
{
	unsigned int i;

	for (i = 0; i < sc->nderef && sc->deref_arg[i] != arg; i++)
		;
	if (i == KT_DEREF_MAX)
		return NULL;
	if (i == sc->nderef)
		sc->nderef++;
	sc->deref_arg[i] = arg;
	return &sc->deref[i];
}

void kt_sc_take_blobs(struct kt_syscall *sc, struct kt_blob *argv,
		      const void *rec, const struct ktrace_blob *blobs,
		      unsigned int n, uint32_t size)
{
	const struct ktrace_rec_hdr *h = rec;
	unsigned int i;

	for (i = 0; i < n; i++) {
		const struct ktrace_blob *b = &blobs[i];
		uint32_t off, flags = 0, len;
		const uint8_t *data;
		struct kt_blob *dst;
		bool deref;

		if ((const char *)&blobs[i + 1] > (const char *)rec + size)
			continue;
		off = kt_blob_off(h, b);
		len = kt_blob_len(h, b);
		if ((uint64_t)off + len > size)
			continue;
		data = (const uint8_t *)rec + off;
		if (b->kind == KTRACE_BLOB_IP) {
			if (len != sizeof(sc->ip))
				continue;
			if (((const struct ktrace_rec_hdr *)rec)->type ==
			    KTRACE_REC_SYS_EXIT) {
				memcpy(&sc->exit_ip, data, sizeof(sc->ip));
				sc->has_exit_ip = true;
			} else {
				memcpy(&sc->ip, data, sizeof(sc->ip));
				sc->has_ip = true;
			}
			continue;
		}
		if (b->kind == KTRACE_BLOB_INODES) {
			if (!(b->flags & KTRACE_BF_FAULT)) {
				sc->inodes.data = data;
				sc->inodes.len = len;
			}
			continue;
		}
		if (b->kind == KTRACE_BLOB_ENVP ||
		    b->kind == KTRACE_BLOB_DIRENTS) {
			struct kt_blob *v = b->kind == KTRACE_BLOB_ENVP ?
					    &sc->envp : &sc->dirents;

			v->data = b->flags & KTRACE_BF_FAULT ? NULL : data;
			v->len = len;
			v->flags = b->flags & KTRACE_BF_TRUNC ?
				   KT_BLOB_TRUNCATED : 0;
			continue;
		}
		deref = KTRACE_BLOB_IS_DEREF(b->arg) &&
			(b->kind == KTRACE_BLOB_PATH ||
			 b->kind == KTRACE_BLOB_BUF);
		/* Kinds of a later module than this ktrace are skipped. */
		if ((b->arg > 5 && !deref) || !b->kind ||
		    b->kind > KTRACE_BLOB_MMSGHDR)
			continue;
		if (b->flags & KTRACE_BF_FAULT)
			flags |= KT_BLOB_FAULT;
		if (b->flags & KTRACE_BF_TRUNC)
			flags |= KT_BLOB_TRUNCATED;
		if (b->kind == KTRACE_BLOB_ARGV) {
			const uint8_t *p = data, *end = data + len;

			if (!argv)
				continue;
			/* Unreadable: the array prints as its address. */
			sc->argv_fault = b->flags & KTRACE_BF_FAULT;
			if (sc->argv_fault) {
				sc->argv = NULL;
				sc->argc = 0;
				continue;
			}
			sc->argc = 0;
			while (p < end && sc->argc < KT_ARGV_MAX) {
				const uint8_t *z = memchr(p, 0, end - p);

				argv[sc->argc].data = p;
				argv[sc->argc].len = z ? z - p : end - p;
				argv[sc->argc].flags = KT_BLOB_STRING |
					(z ? 0 : KT_BLOB_TRUNCATED);
				sc->argc++;
				p = z ? z + 1 : end;
			}
			sc->argv = argv;
			sc->argv_truncated = b->flags & KTRACE_BF_TRUNC;
			continue;
		}
		if (b->kind == KTRACE_BLOB_COUNT)
			flags |= KT_BLOB_COUNT;
		if (b->kind == KTRACE_BLOB_DATA ||
		    b->kind == KTRACE_BLOB_SOCKADDR ||
		    b->kind == KTRACE_BLOB_IOV || b->kind == KTRACE_BLOB_MSGHDR)
			flags |= KT_BLOB_STRUCT;
		if (b->kind == KTRACE_BLOB_PATH ||
		    b->kind == KTRACE_BLOB_FILENAME) {
			flags |= KT_BLOB_STRING;
			if (len && !data[len - 1])
				len--;
		}
		dst = deref ? deref_slot(sc, b->arg) : &sc->blob[b->arg];
		if (!dst)
			continue;
		dst->data = flags & KT_BLOB_FAULT ? NULL : data;
		dst->len = len;
		dst->flags = flags;
		if (!deref && ((const struct ktrace_rec_hdr *)rec)->type ==
			      KTRACE_REC_SYS_ENTER)
			sc->enter_blob[b->arg] = sc->blob[b->arg];
	}
}

uint64_t kt_event_duration(const struct kt_event *e)
{
	const struct ktrace_rec_sys_exit *x = e->sys.exit;

	if (!x)
		return KTRACE_DURATION_UNKNOWN;
	if (x->duration == KTRACE_DURATION_UNKNOWN && e->sys.enter_seen)
		return e->sys.dur;
	return x->duration;
}

void kt_event_syscall(const struct kt_event *e, struct kt_syscall *sc,
		      struct kt_blob *argv)
{
	const struct ktrace_rec_sys_enter *en = e->sys.enter;
	const struct ktrace_rec_sys_exit *x = e->sys.exit;

	memset(sc, 0, sizeof(*sc));
	sc->abi = kt_cli_abi(e->sys.abi);
	sc->nr = e->sys.nr;
	memcpy(sc->args, e->sys.args, sizeof(sc->args));
	sc->args_unknown = !en;
	if (en)
		kt_sc_take_blobs(sc, argv, en, en->blobs, en->nblobs,
				 en->hdr.size);
	if (x) {
		sc->ret = x->ret;
		sc->has_exit = true;
		sc->duration_ns = kt_event_duration(e);
		kt_sc_take_blobs(sc, argv, x, x->blobs, x->nblobs,
				 x->hdr.size);
	}
}
