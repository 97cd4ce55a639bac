// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): the tracer.  Turns a stream of the module's records, merged
 * by time from all CPUs, into strace's lines (or JSON objects): from a
 * live session (run.c) or a recording (record.c), alike.
 *
 * Each traced thread has a struct task: the syscall it is in, if any.
 * Like strace, an entry is printed at once and the line left open; when
 * another task's line must be printed first, the open line ends with
 * " <unfinished ...>" and the exit later prints as "<... NAME resumed>".
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktrace.h"
#include "decoders.h"
#include "events.h"

struct task {
	pid_t pid, tgid;
	bool started;		/* its events are shown */
	bool live;		/* counted in nlive */
	bool in_syscall;	/* an enter without its exit yet */
	bool skip_exit;		/* a new child: hide its return from clone() */
	bool deferred;		/* its line waits for the exit */
	bool has_entry;		/* entry_text and line_text are set */
	struct kt_syscall sc;
	void *rec;		/* copy of the enter record sc points into */
	size_t rec_cap;
	struct kt_blob argv[KT_ARGV_MAX];	/* for execve */
	struct kt_buf entry_text;	/* the call as printed at entry */
	struct kt_buf line_text;	/* the whole line printed at entry */
	struct kt_out *out;	/* -ff: this process's file */
	int sig_from;		/* sender of the last signal generated */
	/*
	 * An ignored signal, shown where strace shows it: when the task
	 * returns to user mode, after the syscall it is in or before its
	 * next one.
	 */
	bool has_pend;
	struct ktrace_rec_signal_deliver pend;
	bool has_last_gen;	/* the last signal sent to it, not a SIGKILL */
	struct ktrace_rec_signal_deliver last_gen;
};

struct kt_tracer {
	const struct kt_opts *o;
	pid_t child;		/* the command we started, or 0 */
	const int *pids;	/* -p */
	unsigned int npids;
	bool follow;
	struct kt_pidmap tasks;
	unsigned int nlive;	/* traced tasks alive */
	struct task *open_line;	/* whose line is open, or NULL */
	struct kt_out *out;
	struct kt_fmt_opts fmt;
	struct kt_buf line, call, ret;
	uint64_t last_ts;	/* -r; and the newest record's time */
	uint64_t newest_ts;
	uint64_t lost;		/* in LOSS records */
	int64_t mono_to_real;	/* CLOCK_REALTIME - CLOCK_MONOTONIC, ns */
	pid_t fmt_tgid;		/* -y: whose fds are being decoded */
	struct kt_counts counts;	/* from the exit records */
	unsigned long long nsyscalls;	/* --syscall-limit: exits printed */
};

static struct task *task_get(struct kt_tracer *t, pid_t pid)
{
	return kt_pidmap_get(&t->tasks, pid);
}

static struct task *task_new(struct kt_tracer *t, pid_t pid)
{
	struct task *k = calloc(1, sizeof(*k));

	if (!k || kt_pidmap_put(&t->tasks, pid, k)) {
		ktrace_err("out of memory");
		exit(1);
	}
	k->pid = pid;
	return k;
}

static void task_clear_call(struct task *k)
{
	k->has_entry = false;
	k->in_syscall = false;
	k->deferred = false;
	memset(&k->sc, 0, sizeof(k->sc));
}

static void task_set_live(struct kt_tracer *t, struct task *k, bool live)
{
	if (k->live == live)
		return;
	k->live = live;
	if (live)
		t->nlive++;
	else
		t->nlive--;
}

static struct kt_out *task_out(struct kt_tracer *t, struct task *k)
{
	char path[4096];

	if (t->o->follow < 2 || !t->o->outfile)
		return t->out;
	if (!k->out) {
		snprintf(path, sizeof(path), "%s.%d", t->o->outfile, k->pid);
		k->out = malloc(sizeof(*k->out));
		if (!k->out || kt_out_open(k->out, path)) {
			free(k->out);
			k->out = t->out;
		}
	}
	return k->out;
}

/* The task is gone: forget it, and give its memory back. */
static void task_del(struct kt_tracer *t, struct task *k)
{
	if (t->open_line == k) {
		kt_out_puts(task_out(t, k), " <unfinished ...>\n");
		t->open_line = NULL;
	}
	task_set_live(t, k, false);
	if (k->out && k->out != t->out) {
		kt_out_close(k->out);
		free(k->out);
	}
	kt_pidmap_del(&t->tasks, k->pid);
	free(k->rec);
	kt_buf_free(&k->entry_text);
	kt_buf_free(&k->line_text);
	free(k);
}

/* strace's line leader: the pid prefix and the timestamps. */
static void leader(struct kt_tracer *t, struct kt_buf *b, struct task *k,
		   uint64_t ts)
{
	const struct kt_opts *o = t->o;

	/* Every line starts so; printf would cost more than the rest. */
	if (o->outfile && o->follow == 1) {
		kt_buf_decw(b, k->pid, -5);		/* "%-5d " */
		kt_buf_putc(b, ' ');
	} else if (!o->outfile && (t->nlive > 1 || o->npids > 1)) {
		kt_buf_puts(b, "[pid ");		/* "[pid %5d] " */
		kt_buf_decw(b, k->pid, 5);
		kt_buf_puts(b, "] ");
	}
	if (o->relative) {
		uint64_t d = t->last_ts ? ts - t->last_ts : 0;

		kt_buf_secs(b, d, 6);
		kt_buf_putc(b, ' ');
		t->last_ts = ts;
	}
	if (o->timestamps) {
		int64_t real = (int64_t)ts + t->mono_to_real;
		time_t sec = real / 1000000000;
		long usec = real % 1000000000 / 1000;
		struct tm tm;

		if (o->timestamps == 3) {
			kt_buf_printf(b, "%lld.%06ld ", (long long)sec, usec);
		} else {
			localtime_r(&sec, &tm);
			kt_buf_printf(b, "%02d:%02d:%02d", tm.tm_hour,
				      tm.tm_min, tm.tm_sec);
			if (o->timestamps == 2)
				kt_buf_printf(b, ".%06ld", usec);
			kt_buf_printf(b, " ");
		}
	}
}

/* End another task's open line before printing anything else. */
static void close_open_line(struct kt_tracer *t)
{
	struct task *k = t->open_line;

	if (!k)
		return;
	kt_out_puts(task_out(t, k), " <unfinished ...>\n");
	t->open_line = NULL;
}

/* Print t->line for task k, as a whole line or left open. */
static void emit(struct kt_tracer *t, struct task *k, bool open)
{
	struct kt_out *f = task_out(t, k);

	/* Every line emitted here is a new one: end any open line first. */
	close_open_line(t);
	if (open) {
		kt_out_write(f, t->line.s, t->line.len);
		t->open_line = k;
	} else {
		kt_buf_putc(&t->line, '\n');
		kt_out_write(f, t->line.s, t->line.len);
	}
}

static bool sc_is(const struct kt_syscall *sc, const char *a, const char *b)
{
	const char *name = ktrace_syscall_name(sc->abi, sc->nr);

	return name && (!strcmp(name, a) || (b && !strcmp(name, b)));
}

static bool has_faulted_path(const struct kt_syscall *sc)
{
	unsigned int i;

	for (i = 0; i < 6; i++)
		if (sc->blob[i].flags & KT_BLOB_FAULT)
			return true;
	return false;
}

/* -n: the syscall number, as strace prints it. */
static void sc_number(struct kt_tracer *t, struct kt_buf *b,
		      const struct kt_syscall *sc)
{
	if (t->o->syscall_numbers)
		kt_buf_printf(b, "[%4u] ", sc->nr);
}

static void flush_signal(struct kt_tracer *t, struct task *k);

static void on_enter(struct kt_tracer *t, const struct ktrace_rec_sys_enter *r)
{
	struct task *k = task_get(t, r->hdr.pid);

	if (!k)
		return;
	flush_signal(t, k);
	if (!k->started) {
		/* The command shows from its execve on. */
		struct kt_syscall probe = { .abi = r->abi, .nr = r->nr };

		if (!sc_is(&probe, "execve", "execveat"))
			return;
		k->started = true;
	}
	task_clear_call(k);
	/* The exit may come in a later batch, when r's space is reused. */
	if (k->rec_cap < r->hdr.size) {
		free(k->rec);
		k->rec_cap = r->hdr.size < 256 ? 256 : r->hdr.size;
		k->rec = malloc(k->rec_cap);
		if (!k->rec) {
			k->rec_cap = 0;
			return;
		}
	}
	memcpy(k->rec, r, r->hdr.size);
	r = k->rec;
	k->tgid = r->hdr.tgid;
	k->sc.abi = kt_cli_abi(r->abi);
	k->sc.nr = r->nr;
	memcpy(k->sc.args, r->args, sizeof(k->sc.args));
	kt_sc_take_blobs(&k->sc, k->argv, r, r->blobs, r->nblobs,
			 r->hdr.size);
	k->in_syscall = true;
	if (t->o->summary_only)
		return;

	/*
	 * Print the line whole at the exit: with -ff, where each file is
	 * its own stream and nothing interleaves; and when the kernel could
	 * not read a path yet, which comes again with the exit (the syscall
	 * faults its page in), so that it shows as under strace.
	 */
	if ((t->o->follow > 1 && t->o->outfile) ||
	    (has_faulted_path(&k->sc) && !sc_is(&k->sc, "exit", "exit_group") &&
	     !sc_is(&k->sc, "execve", "execveat"))) {
		k->deferred = true;
		return;
	}
	kt_buf_reset(&t->line);
	leader(t, &t->line, k, r->hdr.ts);
	sc_number(t, &t->line, &k->sc);
	t->fmt_tgid = k->tgid;
	kt_buf_reset(&t->call);
	kt_format_call(&t->call, &k->sc, &t->fmt);
	kt_buf_reset(&k->entry_text);
	kt_buf_write(&k->entry_text, t->call.s ? t->call.s : "", t->call.len);
	kt_buf_write(&t->line, t->call.s ? t->call.s : "", t->call.len);
	kt_buf_reset(&k->line_text);
	kt_buf_write(&k->line_text, t->line.s, t->line.len);
	k->has_entry = true;
	emit(t, k, true);
}

/* -T: the time spent in the call. */
static void append_duration(struct kt_tracer *t, struct kt_buf *b,
			    const struct kt_syscall *sc)
{
	if (!t->o->syscall_times || !sc->has_exit ||
	    sc->duration_ns == KTRACE_DURATION_UNKNOWN)
		return;
	kt_buf_puts(b, " <");
	kt_buf_secs(b, sc->duration_ns, 0);
	kt_buf_putc(b, '>');
}

/*
 * Print the end of k's call: on its open line, or as "<... NAME
 * resumed>".  The whole line is built in t->line so that the result
 * column counts everything on it.
 */
static void print_exit(struct kt_tracer *t, struct task *k, uint64_t ts)
{
	const char *rest;
	char nbuf[32];
	size_t printed = 0;

	t->fmt_tgid = k->tgid;
	kt_buf_reset(&t->call);
	kt_format_call(&t->call, &k->sc, &t->fmt);
	rest = t->call.s ? t->call.s : "";
	if (k->has_entry && !strncmp(rest, k->entry_text.s,
				     k->entry_text.len))
		rest += k->entry_text.len;
	else if (k->has_entry)
		rest = "";

	kt_buf_reset(&t->line);
	if (t->open_line == k && k->has_entry) {
		kt_buf_write(&t->line, k->line_text.s, k->line_text.len);
		printed = t->line.len;
	} else if (k->deferred) {
		/* Whole, stamped with its entry, with what the exit brought. */
		leader(t, &t->line, k,
		       k->sc.duration_ns != KTRACE_DURATION_UNKNOWN &&
		       k->sc.duration_ns <= ts ? ts - k->sc.duration_ns : ts);
		sc_number(t, &t->line, &k->sc);
		rest = t->call.s ? t->call.s : "";
	} else {
		leader(t, &t->line, k, ts);
		sc_number(t, &t->line, &k->sc);
		kt_buf_printf(&t->line, "<... %s resumed>",
			      kt_sc_name(k->sc.abi, k->sc.nr, nbuf));
	}
	kt_buf_puts(&t->line, rest);
	kt_format_return(&t->line, &k->sc, &t->fmt);
	append_duration(t, &t->line, &k->sc);
	if (printed) {
		kt_buf_putc(&t->line, '\n');
		kt_out_write(task_out(t, k), t->line.s + printed,
			     t->line.len - printed);
		t->open_line = NULL;
	} else {
		emit(t, k, false);
	}
}

static void on_exit_rec(struct kt_tracer *t, const struct ktrace_rec_sys_exit *r)
{
	struct task *k = task_get(t, r->hdr.pid);

	if (!k || !k->started)
		return;
	if (k->skip_exit && !k->in_syscall) {
		k->skip_exit = false;
		return;
	}
	k->skip_exit = false;
	if (!k->in_syscall || k->sc.nr != r->nr) {
		/* Its entry was before we looked, or lost. */
		task_clear_call(k);
		k->sc.abi = kt_cli_abi(r->abi);
		k->sc.nr = r->nr;
	}
	k->sc.ret = r->ret;
	k->sc.has_exit = true;
	k->sc.duration_ns = r->duration;
	kt_sc_take_blobs(&k->sc, k->argv, r, r->blobs, r->nblobs,
			 r->hdr.size);
	if (!t->o->summary_only) {
		print_exit(t, k, r->hdr.ts);
		kt_dump_io_out(task_out(t, k), &k->sc, t->o);
	}
	t->nsyscalls++;
	task_clear_call(k);
	flush_signal(t, k);
}

static void on_signal_deliver(struct kt_tracer *t,
			      const struct ktrace_rec_signal_deliver *r)
{
	struct task *k = task_get(t, r->hdr.pid);
	const char *name;
	char cbuf[16], nbuf[16];

	if (!k || !k->started || t->o->summary_only)
		return;
	if (r->sig == SIGKILL && r->action == KTRACE_SIGACT_DEFAULT &&
	    k->has_last_gen)
		r = &k->last_gen;
	k->has_last_gen = false;
	name = kt_sig_name(r->sig, nbuf);
	if (t->o->signal_filter && r->sig >= 1 && r->sig <= 128 &&
	    !(t->o->signals[(r->sig - 1) / 64] & (1ULL << ((r->sig - 1) % 64))))
		return;
	kt_buf_reset(&t->line);
	leader(t, &t->line, k, r->hdr.ts);
	kt_buf_printf(&t->line, "--- %s {si_signo=%s, si_code=%s", name, name,
		      kt_sigcode_name(r->sig, r->code, cbuf));
	if (r->hdr.size >= sizeof(*r) && (r->si.flags & KTRACE_SI_VALID))
		kt_buf_siginfo(&t->line, r->sig, r->code, &r->si);
	else if (k->sig_from && r->code <= 0)
		kt_buf_printf(&t->line, ", si_pid=%d", k->sig_from);
	kt_buf_printf(&t->line, "} ---");
	emit(t, k, false);
}

static void flush_signal(struct kt_tracer *t, struct task *k)
{
	if (!k->has_pend)
		return;
	k->has_pend = false;
	on_signal_deliver(t, &k->pend);
}

static void on_signal_generate(struct kt_tracer *t,
			       const struct ktrace_rec_signal_generate *r)
{
	struct task *k = task_get(t, r->target_pid);
	struct ktrace_rec_signal_deliver d;

	if (!k)
		return;
	k->sig_from = r->hdr.tgid;
	/*
	 * A fatal signal reaches the task as a SIGKILL when no ptracer
	 * stands in the way; strace, a ptracer, shows the signal sent.
	 */
	k->has_last_gen = r->result == KTRACE_SIG_DELIVERED &&
			  r->sig != SIGKILL;
	if (k->has_last_gen) {
		memset(&k->last_gen, 0, sizeof(k->last_gen));
		k->last_gen.hdr = r->hdr;
		k->last_gen.hdr.pid = r->target_pid;
		k->last_gen.hdr.tgid = r->target_tgid;
		memcpy(k->last_gen.hdr.comm, r->target_comm,
		       sizeof(k->last_gen.hdr.comm));
		k->last_gen.sig = r->sig;
		k->last_gen.code = r->code;
		if (r->hdr.size >= sizeof(*r))
			k->last_gen.si = r->si;
		k->last_gen.hdr.size = sizeof(k->last_gen);
	}
	/*
	 * A signal the target ignores is never delivered, but strace,
	 * which stops the tracee for every signal, shows it: so do we.
	 */
	if (r->result != KTRACE_SIG_IGNORED)
		return;
	memset(&d, 0, sizeof(d));
	d.hdr = r->hdr;
	d.hdr.pid = r->target_pid;
	d.hdr.tgid = r->target_tgid;
	memcpy(d.hdr.comm, r->target_comm, sizeof(d.hdr.comm));
	d.sig = r->sig;
	d.code = r->code;
	d.action = KTRACE_SIGACT_IGNORE;
	if (r->hdr.size >= sizeof(*r))
		d.si = r->si;
	d.hdr.size = sizeof(d);
	if (!k->started)
		return;
	flush_signal(t, k);
	k->pend = d;
	k->has_pend = true;
}

static void on_fork(struct kt_tracer *t, const struct ktrace_rec_fork *r)
{
	struct task *p = task_get(t, r->parent_pid), *c;

	if (!p || !p->started || !t->follow)
		return;
	/* A task of that id whose exit was lost is gone: start afresh. */
	c = task_get(t, r->child_pid);
	if (c)
		task_del(t, c);
	c = task_new(t, r->child_pid);
	c->tgid = r->child_tgid;
	c->started = true;
	/* Its first event is the return from clone(), which strace hides. */
	c->skip_exit = true;
	task_set_live(t, c, true);
}

static void on_exec(struct kt_tracer *t, const struct ktrace_rec_exec *r)
{
	struct task *k = task_get(t, r->old_pid);

	if (!k)
		return;
	/* With status filters the execve itself may not show: start here. */
	k->started = true;
	if (r->old_pid != r->hdr.pid) {
		/* A non-leader thread executed and took the leader's pid. */
		struct task *n = task_get(t, r->hdr.pid);

		if (!n)
			n = task_new(t, r->hdr.pid);
		if (n != k) {
			n->started = true;
			task_set_live(t, n, true);
			task_set_live(t, k, false);
		}
	}
}

/* "+++ exited with N +++" or "+++ killed by SIG +++" for task k. */
static void print_death(struct kt_tracer *t, struct task *k, uint64_t ts,
			int status, int sig, bool core)
{
	char nbuf[16];

	kt_buf_reset(&t->line);
	leader(t, &t->line, k, ts);
	if (sig) {
		kt_buf_printf(&t->line, "+++ killed by %s %s+++",
			      kt_sig_name(sig, nbuf),
			      core ? "(core dumped) " : "");
	} else {
		kt_buf_printf(&t->line, "+++ exited with %d +++", status);
	}
	emit(t, k, false);
}

static void on_task_exit(struct kt_tracer *t, const struct ktrace_rec_exit *r)
{
	struct task *k = task_get(t, r->hdr.pid);

	if (!k)
		return;
	flush_signal(t, k);
	if (!k->started) {
		task_del(t, k);
		return;
	}
	if (!t->o->summary_only) {
		if (k->in_syscall && sc_is(&k->sc, "exit", "exit_group")) {
			k->sc.has_exit = true;
			k->sc.ret = 0;
			k->sc.duration_ns = KTRACE_DURATION_UNKNOWN;
			print_exit(t, k, r->hdr.ts);
		}
		if (t->o->quiet < 2)
			print_death(t, k, r->hdr.ts, r->status, r->signal,
				    r->exit_flags & KTRACE_EXIT_CORE);
	}
	task_del(t, k);
}

static void on_loss(struct kt_tracer *t, const struct ktrace_rec_loss *r)
{
	struct kt_buf *b = &t->line;

	t->lost += r->lost;
	close_open_line(t);
	kt_buf_reset(b);
	kt_buf_printf(b, "ktrace: %llu records lost on CPU %u between ",
		      (unsigned long long)r->lost, r->hdr.cpu);
	kt_buf_secs(b, r->first_ts, 0);
	kt_buf_puts(b, " and ");
	kt_buf_secs(b, r->last_ts, 0);
	kt_buf_putc(b, '\n');
	kt_out_write(t->out, b->s, b->len);
}

/*
 * -p targets, and every task when tracing the whole system: their
 * threads show up as we see them.
 */
static void adopt(struct kt_tracer *t, const struct ktrace_rec_hdr *h)
{
	struct task *k;
	unsigned int i;
	bool wanted = !t->child && !t->npids;

	if (t->child || task_get(t, h->pid))
		return;
	for (i = 0; i < t->npids && !wanted; i++)
		wanted = t->pids[i] == h->tgid;
	if (!wanted)
		return;
	k = task_new(t, h->pid);
	k->tgid = h->tgid;
	k->started = true;
	task_set_live(t, k, true);
}

/* What -c counts when the session's counters are not at hand. */
static void count_exit(struct kt_tracer *t, const struct ktrace_rec_sys_exit *r)
{
	struct kt_count *c;

	if (r->abi >= KTRACE_ABI_COUNT || r->nr >= KTRACE_NR_MAX)
		return;
	/* The child's return from a fork-family call is not a call. */
	if (!r->ret) {
		const char *name = ktrace_syscall_name(r->abi, r->nr);

		if (name && (!strcmp(name, "clone") || !strcmp(name, "clone3") ||
			     !strcmp(name, "fork") || !strcmp(name, "vfork")))
			return;
	}
	c = &t->counts.c[r->abi][r->nr];
	c->calls++;
	if (r->ret < 0 && r->ret >= -4095)
		c->errors++;
	if (r->duration != KTRACE_DURATION_UNKNOWN)
		c->ns += r->duration;
}

/* The smallest record of each type: anything shorter is corrupt. */
static const uint32_t rec_min[] = {
	[KTRACE_REC_LOSS] = sizeof(struct ktrace_rec_loss),
	[KTRACE_REC_SYS_ENTER] = sizeof(struct ktrace_rec_sys_enter),
	[KTRACE_REC_SYS_EXIT] = sizeof(struct ktrace_rec_sys_exit),
	[KTRACE_REC_FORK] = sizeof(struct ktrace_rec_fork),
	[KTRACE_REC_EXEC] = sizeof(struct ktrace_rec_exec),
	[KTRACE_REC_EXIT] = sizeof(struct ktrace_rec_exit),
	[KTRACE_REC_REAP] = sizeof(struct ktrace_rec_reap),
	/* Without the siginfo fields of ABI 1.4. */
	[KTRACE_REC_SIGNAL_GENERATE] = offsetof(struct ktrace_rec_signal_generate, si),
	[KTRACE_REC_SIGNAL_DELIVER] = offsetof(struct ktrace_rec_signal_deliver, si),
};

/* Is @h shorter than the smallest record of its type?  (events.c too) */
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
 * One record, whose size the caller checked against its buffer.  Returns
 * -1 when it is too short for its type, else 0.
 */
int kt_tracer_feed(struct kt_tracer *t, const struct ktrace_rec_hdr *h)
{
	if (kt_rec_short(h))
		return -1;
	if (h->type != KTRACE_REC_LOSS && h->type != KTRACE_REC_PAD)
		adopt(t, h);
	if (h->type != KTRACE_REC_PAD && h->ts > t->newest_ts)
		t->newest_ts = h->ts;
	switch (h->type) {
	case KTRACE_REC_SYS_ENTER:
		on_enter(t, (const void *)h);
		break;
	case KTRACE_REC_SYS_EXIT:
		count_exit(t, (const void *)h);
		on_exit_rec(t, (const void *)h);
		break;
	case KTRACE_REC_FORK:
		on_fork(t, (const void *)h);
		break;
	case KTRACE_REC_EXEC:
		on_exec(t, (const void *)h);
		break;
	case KTRACE_REC_EXIT:
		on_task_exit(t, (const void *)h);
		break;
	case KTRACE_REC_SIGNAL_GENERATE:
		on_signal_generate(t, (const void *)h);
		break;
	case KTRACE_REC_SIGNAL_DELIVER:
		on_signal_deliver(t, (const void *)h);
		break;
	case KTRACE_REC_LOSS:
		on_loss(t, (const void *)h);
		break;
	default:
		break;
	}
	return 0;
}

static const char *fd_path(void *ctx, int fd)
{
	return kt_proc_fd_path(((struct kt_tracer *)ctx)->fmt_tgid, fd);
}

struct kt_tracer *kt_tracer_new(const struct kt_opts *o,
				const struct kt_target *tg, struct kt_out *out)
{
	struct kt_tracer *t = calloc(1, sizeof(*t));
	struct task *k;

	if (!t) {
		ktrace_err("out of memory");
		return NULL;
	}
	t->o = o;
	t->follow = o->follow > 0;
	t->out = out;
	t->child = tg->child;
	t->pids = tg->pids;
	t->npids = tg->npids;
	t->mono_to_real = tg->mono_to_real;
	t->fmt.strsize = o->strsize;
	t->fmt.column = o->column;
	t->fmt.fd_paths = o->decode_fds;
	t->fmt.fd_path = fd_path;
	t->fmt.ctx = t;
	if (t->child) {
		k = task_new(t, t->child);
		k->tgid = t->child;
		task_set_live(t, k, true);
	}
	return t;
}

unsigned int kt_tracer_nlive(const struct kt_tracer *t)
{
	return t->nlive;
}

/* The calls whose end was printed, for --syscall-limit. */
unsigned long long kt_tracer_nsyscalls(const struct kt_tracer *t)
{
	return t->nsyscalls;
}

static void sweep_one(void *ctx, void *val)
{
	struct task *k = val;

	if (k->live && k->tgid > 0 &&
	    syscall(SYS_tgkill, k->tgid, k->pid, 0) && errno == ESRCH)
		task_set_live(ctx, k, false);
}

/*
 * The tasks whose exit we are waiting for, checked against the system:
 * one whose exit record was lost is gone, and waits no more.
 */
void kt_tracer_sweep(struct kt_tracer *t)
{
	kt_pidmap_each(&t->tasks, sweep_one, t);
}

static void free_one(void *ctx, void *val)
{
	struct task *k = val;

	if (k->out && k->out != ((struct kt_tracer *)ctx)->out) {
		kt_out_close(k->out);
		free(k->out);
	}
	free(k->rec);
	kt_buf_free(&k->entry_text);
	kt_buf_free(&k->line_text);
	free(k);
}

/*
 * The end of the stream: the open line ends, the command's death shows
 * if its record was lost (the wait status says what it was), then -c's
 * table, and the loss summary on stderr once the trace is written.
 */
void kt_tracer_finish(struct kt_tracer *t, const struct kt_end *e)
{
	const struct kt_opts *o = t->o;
	struct task *k = t->child ? task_get(t, t->child) : NULL;
	uint64_t lost = t->lost;

	close_open_line(t);
	if (k && k->started && e->child_reaped &&
	    !o->summary_only && o->quiet < 2)
		print_death(t, k, t->newest_ts,
			    WIFEXITED(e->child_status) ?
			    WEXITSTATUS(e->child_status) : 0,
			    WIFSIGNALED(e->child_status) ?
			    WTERMSIG(e->child_status) : 0,
			    WIFSIGNALED(e->child_status) &&
			    WCOREDUMP(e->child_status));
	if (o->summary_only || o->summary) {
		t->counts.valid = true;
		kt_summary(t->out, o->sort, e->counts ? e->counts : &t->counts);
	}
	kt_pidmap_each(&t->tasks, free_one, t);
	kt_pidmap_free(&t->tasks);
	t->nlive = 0;
	t->open_line = NULL;
	kt_out_flush_all();
	if (e->have_stats &&
	    e->stats.lost_full + e->stats.lost_nest > lost)
		lost = e->stats.lost_full + e->stats.lost_nest;
	if (lost && !kt_out_error())
		ktrace_err("%llu records were lost: the traced programs outran the rings (see the lines above; a larger ring helps)",
			   (unsigned long long)lost);
}

void kt_tracer_free(struct kt_tracer *t)
{
	if (!t)
		return;
	kt_pidmap_each(&t->tasks, free_one, t);
	kt_pidmap_free(&t->tasks);
	kt_buf_free(&t->line);
	kt_buf_free(&t->call);
	kt_buf_free(&t->ret);
	free(t);
}
