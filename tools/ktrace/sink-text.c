// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): the strace text, a sink of the events stage (events.h):
 * strace's lines from a live session (run.c) or a recording (record.c),
 * alike, -ff's files, and -c's counts (summary.c prints the table).
 *
 * The sink asks the events stage for each call's entry as it comes, and
 * keeps a struct task per traced thread in the stage's table (the event's
 * priv).  Like strace, an entry opens a line that its exit ends; when
 * another task's line must be printed first, the open line ends with
 * " <unfinished ...>" and the exit later prints as "<... NAME resumed>".
 * -y's paths come from the stage's descriptor tables, -P keeps the calls
 * that touch a path by name or by descriptor.
 *
 * An open line is written when the next event comes, or at the end of
 * the reader's batch (kt_timeline_idle()), and not at its entry: when the
 * next event is the call's own exit, as it mostly is, the line is
 * formatted once, whole, at the exit.  What the reader writes at the end
 * of each batch is the same either way.  With -e status= (-z, -Z), as
 * with strace, no line is left open: each is printed whole at its exit.
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
#include "sink.h"

struct task {
	pid_t pid, tgid;	/* tgid: task_set_tgid() */
	struct task *grp_prev, *grp_next;	/* its process's, in groups */
	bool in_group;
	bool started;		/* its events are shown */
	bool live;		/* counted in nlive */
	bool in_syscall;	/* an enter without its exit yet */
	bool skip_exit;		/* a new child: hide its return from clone() */
	bool deferred;		/* its line waits for the exit */
	bool has_entry;		/* entry_text and line_text are set */
	bool lazy;		/* its line is open but not written yet */
	bool hidden;		/* -P: the call in progress is not shown */
	bool path_later;	/* -P: its path comes with the exit */
	bool detached;		/* -b execve: it executed, nothing more shows */
	bool superseded;	/* its id goes to a thread that executed */
	bool announce;		/* its "Process N attached" is not out yet */
	pid_t forked;		/* the child of its clone() in progress */
	unsigned char pid_len;	/* of pid_text, 0 until the first leader */
	char pid_text[12];	/* its pid as leader() pads it */
	/* -Y: its name and its arguments' when its call entered */
	char entry_comm[17];
	uint64_t entry_ts;
	unsigned int narg_comms;
	struct {
		int pid;
		char comm[17];
	} arg_comms[4];
	bool first_exec;	/* -b execve: the command's own is not detached */
	bool ia32;		/* -i: its last call was ia32's (8 digits) */
	struct kt_syscall sc;	/* the call in progress, its entry's part */
	struct kt_blob argv[KT_ARGV_MAX];	/* for execve */
	struct kt_buf entry_text;	/* the call as printed at entry */
	struct kt_buf line_text;	/* the whole line printed at entry */
	struct kt_out *out;	/* -ff: this process's file */
	bool ff_closed;		/* -ff: its file is closed, to reopen */
	unsigned int ff_slot;	/* -ff: its index in ff_open while open */
	int sig_from;		/* sender of the last signal generated */
	/*
	 * An ignored signal, shown where strace shows it: when the task
	 * returns to user mode, after the syscall it is in or before its
	 * next one.
	 */
	bool has_pend;
	struct ktrace_rec_signal_deliver pend;
	bool has_last_gen;	/* the last signal sent to it, not a SIGKILL */
	bool sent_kill;		/* the last signal sent to it, a SIGKILL */
	const char *last_call;	/* the name of its last call that returned */
	/*
	 * Group stops: the signal of one it entered, its line shown at its
	 * next event (after its call's exit line when it was in one); and
	 * a SIGTSTP, SIGTTIN or SIGTTOU it took, which stops it unless its
	 * process group is orphaned: we know which when it or its group
	 * next does something.  @cont_stop: the signal of such a stop that
	 * a SIGCONT showed (continued()), whose SIGCHLD of CLD_STOPPED may
	 * still come: a parent's wait can see the stop, and continue it,
	 * before the stopping task has sent that SIGCHLD.
	 */
	int stop_pend;
	uint64_t stop_ts;
	int tty_stop;
	int cont_stop;
	struct ktrace_rec_signal_deliver last_gen;
};

struct kt_tracer {
	struct kt_sink sink;	/* first: the sink is the tracer */
	struct kt_events *ev;
	const struct kt_opts *o;
	pid_t child;		/* the command we started, or 0 */
	const int *pids;	/* -p, as traced (kt_target.ids) */
	unsigned int npids;
	bool follow;
	bool announce;		/* "Process N attached" for each child */
	unsigned int nlive;	/* traced tasks alive */
	/*
	 * -p threads attached and not seen yet: strace counts them among
	 * its tracees from the attach on, for its "[pid N]".
	 */
	uint64_t unseen;
	struct task *open_line;	/* whose line is open, or NULL */
	/*
	 * An open line may wait for the next event (the file's comment):
	 * not when the text of an entry depends on more than the call and
	 * the descriptor tables: on the names of processes (-Y), on what
	 * /proc says of a socket or a device at the time (-yy), or on -P's
	 * probe, which the next event may change; nor with -ff, which
	 * prints each line whole at the exit.  The tables of -y are kept
	 * as they were at the entry: a line waiting is written before any
	 * other event, as the entry shows it (fds_before), and before a
	 * hidden call changes a table (text_hidden()).
	 */
	bool lazy_ok;
	bool fds_before;	/* fd_path() answers as kt_a_fd_before() */
	bool ff;		/* -ff with -o: a file per process */
	struct task **ff_open;	/* -ff: the tasks whose files are open */
	unsigned int nff_open, ff_cap;
	bool dump_io;		/* -e read=, -e write= */
	struct kt_out *out;
	struct kt_fmt_opts fmt;
	struct kt_fmt_opts pfmt;	/* -P: fmt, asking fd_probe() */
	bool path_hit;
	struct kt_buf line, call, ret;
	uint64_t last_ts;	/* -r; and the newest record's time */
	uint64_t newest_ts;
	uint64_t lost;		/* in LOSS records */
	int64_t mono_to_real;	/* CLOCK_REALTIME - CLOCK_MONOTONIC, ns */
	time_t clock_sec;	/* -t, -tt: the second clock[] shows */
	bool clock_set;
	char clock[16];		/* its HH:MM:SS, local time */
	pid_t fmt_pid;		/* -y: whose fds are being decoded */
	/* -Y: whose call is being decoded, at its entry or exit, and when */
	struct task *fmt_task;
	bool fmt_entry;
	uint64_t fmt_entry_ts, fmt_exit_ts;
	bool leader_entry;	/* the line's leader shows the entry's name */
	bool counting;		/* -c, -C */
	struct kt_counts counts;	/* from the exit records */
	struct kt_pidns *pidns;	/* --decode-pids=pidns, live */
	struct kt_pidmap groups;	/* tgid -> a list of its tasks */
};

/* The task of thread pid, if traced. */
static struct task *task_get(struct kt_tracer *t, pid_t pid)
{
	void **p = kt_events_priv(t->ev, pid, false);

	return p ? *p : NULL;
}

/* The first of process @tgid's tasks is @k (NULL: it has none). */
static void group_head(struct kt_tracer *t, pid_t tgid, struct task *k)
{
	/* kt_pidmap_put() adds an entry: the old one goes first. */
	kt_pidmap_del(&t->groups, tgid);
	if (k && kt_pidmap_put(&t->groups, tgid, k)) {
		ktrace_err("out of memory");
		exit(1);
	}
}

/* @k off its process's list. */
static void group_unlink(struct kt_tracer *t, struct task *k)
{
	if (!k->in_group)
		return;
	if (k->grp_prev)
		k->grp_prev->grp_next = k->grp_next;
	else
		group_head(t, k->tgid, k->grp_next);
	if (k->grp_next)
		k->grp_next->grp_prev = k->grp_prev;
	k->grp_prev = NULL;
	k->grp_next = NULL;
	k->in_group = false;
}

/*
 * @k is a thread of process @tgid: on that process's list, so that a
 * group stop finds its threads without walking every task.
 */
static void task_set_tgid(struct kt_tracer *t, struct task *k, pid_t tgid)
{
	struct task *head;

	if (k->in_group && k->tgid == tgid)
		return;
	group_unlink(t, k);
	k->tgid = tgid;
	head = kt_pidmap_get(&t->groups, tgid);
	group_head(t, tgid, k);
	k->grp_next = head;
	if (head)
		head->grp_prev = k;
	k->in_group = true;
}

static struct task *task_new(struct kt_tracer *t, pid_t pid)
{
	void **p = kt_events_priv(t->ev, pid, true);
	struct task *k = calloc(1, sizeof(*k));

	if (!k || !p) {
		ktrace_err("out of memory");
		exit(1);
	}
	*p = k;
	k->pid = pid;
	return k;
}

static void task_clear_call(struct task *k)
{
	k->narg_comms = 0;
	k->has_entry = false;
	k->in_syscall = false;
	k->deferred = false;
	k->hidden = false;
	k->path_later = false;
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

/* -ff: k's file is no longer open. */
static void ff_forget(struct kt_tracer *t, struct task *k)
{
	struct task *last = t->ff_open[--t->nff_open];

	t->ff_open[k->ff_slot] = last;
	last->ff_slot = k->ff_slot;
}

/*
 * -ff: out of descriptors (a trace of more threads alive at once than
 * the descriptor limit allows files): every file is closed, written to
 * the end, and each opens again, to append, at its next line.
 */
static void ff_close_all(struct kt_tracer *t)
{
	while (t->nff_open) {
		struct task *k = t->ff_open[t->nff_open - 1];

		ff_forget(t, k);
		kt_out_close(k->out);
		k->ff_closed = true;
	}
}

static int ff_open(struct kt_tracer *t, struct task *k)
{
	char path[4096];
	bool append = k->ff_closed || kt_out_append;
	int ret, e;

	if (t->nff_open == t->ff_cap) {
		unsigned int cap = t->ff_cap ? 2 * t->ff_cap : 64;
		struct task **p = realloc(t->ff_open, cap * sizeof(*p));

		if (!p) {
			errno = ENOMEM;
			return -1;
		}
		t->ff_open = p;
		t->ff_cap = cap;
	}
	snprintf(path, sizeof(path), "%s.%d", t->o->outfile, k->pid);
	ret = kt_out_open_file(k->out, path, append);
	if (ret && (errno == EMFILE || errno == ENFILE) && t->nff_open) {
		ff_close_all(t);
		ret = kt_out_open_file(k->out, path, append);
	}
	if (ret) {
		e = errno;
		ktrace_err("%s: %s", path, strerror(e));
		errno = e;
		return -1;
	}
	k->ff_closed = false;
	k->ff_slot = t->nff_open;
	t->ff_open[t->nff_open++] = k;
	return 0;
}

/* -ff: k's own file, opened at its first line. */
static struct kt_out *task_out_ff(struct kt_tracer *t, struct task *k)
{
	if (k->out && !k->ff_closed)
		return k->out;
	if (!k->out)
		k->out = malloc(sizeof(*k->out));
	if (!k->out || ff_open(t, k)) {
		/* As strace: the trace ends, with status 1. */
		kt_out_stop(k->out ? errno : ENOMEM);
		if (!k->out)
			ktrace_err("out of memory");
		free(k->out);
		k->out = t->out;
		k->ff_closed = false;
	}
	return k->out;
}

static inline struct kt_out *task_out(struct kt_tracer *t, struct task *k)
{
	if (!t->ff)
		return t->out;
	return task_out_ff(t, k);
}

static void write_open_line(struct kt_tracer *t);

/* The task is gone: forget it, and give its memory back. */
static void task_free(struct kt_tracer *t, struct task *k)
{
	if (t->fmt_task == k)
		t->fmt_task = NULL;
	if (t->open_line == k) {
		write_open_line(t);
		kt_out_puts(task_out(t, k), " <unfinished ...>\n");
		t->open_line = NULL;
	}
	task_set_live(t, k, false);
	group_unlink(t, k);
	if (k->out && k->out != t->out) {
		if (!k->ff_closed)
			ff_forget(t, k);
		kt_out_close(k->out);
		free(k->out);
	}
	kt_buf_free(&k->entry_text);
	kt_buf_free(&k->line_text);
	free(k);
}

/* The events stage forgets a task: so do we. */
static void free_priv(void *ctx, void *priv)
{
	task_free(ctx, priv);
}

static void task_del(struct kt_tracer *t, struct task *k)
{
	void **p = kt_events_priv(t->ev, k->pid, false);

	if (p && *p == k)
		*p = NULL;
	task_free(t, k);
}

/*
 * k's pid padded to @width as "%*d" pads it (@width < 0: left
 * justified), into @out; made at its first line and kept: leader() pads
 * it one way in a run.
 */
static void pid_text(struct kt_buf *out, struct task *k, int width)
{
	/* A pid and its padding fit: at most 11 characters. */
	if (!k->pid_len)
		k->pid_len = snprintf(k->pid_text, sizeof(k->pid_text), "%*d",
				      width, k->pid);
	kt_buf_write(out, k->pid_text, k->pid_len);
}

/* strace's line leader: the pid prefix and the timestamps. */
static void leader(struct kt_tracer *t, struct kt_buf *b, struct task *k,
		   uint64_t ts)
{
	const struct kt_opts *o = t->o;
	/*
	 * As strace: with -o FILE, the whole system, several -p, or -p and
	 * a COMMAND are several from the start; to standard error, while
	 * more than one task it attached or followed lives.
	 */
	bool whole = !t->child && !t->npids;
	bool several = t->npids + !!t->child > 1 || whole;
	const char *comm = NULL;

	/* -Y: "[pid  42<sh>] ", "42<sh> " */
	if (o->decode_pids & KT_PIDS_COMM)
		comm = t->leader_entry ? k->entry_comm :
		       kt_events_comm(t->ev, k->pid, ts);
	if (comm && !*comm)
		comm = NULL;
	/* Every line starts so; printf would cost more than the rest. */
	if (o->outfile && o->follow < 2 && (o->follow || several)) {
		if (comm) {
			kt_buf_dec(b, k->pid);		/* "%d<%s> " */
			kt_buf_comm(b, comm);
		} else {
			pid_text(b, k, -5);		/* "%-5d " */
		}
		kt_buf_putc(b, ' ');
	} else if (!o->outfile && (t->nlive + t->unseen > 1 || whole)) {
		kt_buf_puts(b, "[pid ");		/* "[pid %5d] " */
		pid_text(b, k, 5);
		if (comm)
			kt_buf_comm(b, comm);
		kt_buf_puts(b, "] ");
	}
	if (o->timestamps) {
		/* Summed unsigned: a corrupt recording's may wrap. */
		int64_t real = (int64_t)(ts + (uint64_t)t->mono_to_real);
		time_t sec = real / 1000000000;
		long nsec = real % 1000000000;
		struct tm tm;

		/* Before 1970: the second before, and the time after it. */
		if (nsec < 0) {
			sec--;
			nsec += 1000000000;
		}
		if (o->timestamps == KT_TS_UNIX) {
			kt_buf_dec(b, sec);
		} else {
			/* The clock of the second before, most lines. */
			if (!t->clock_set || sec != t->clock_sec) {
				localtime_r(&sec, &tm);
				snprintf(t->clock, sizeof(t->clock),
					 "%02d:%02d:%02d", tm.tm_hour,
					 tm.tm_min, tm.tm_sec);
				t->clock_sec = sec;
				t->clock_set = true;
			}
			kt_buf_puts(b, t->clock);
		}
		kt_buf_frac(b, nsec, o->ts_digits);
		kt_buf_putc(b, ' ');
	}
	/* After -t's time, as strace: "(+     0.000123) ". */
	if (o->relative) {
		uint64_t d = t->last_ts ? ts - t->last_ts : 0;

		if (o->timestamps)
			kt_buf_puts(b, "(+");
		kt_buf_secs(b, d, 6, o->relative_digits);
		kt_buf_puts(b, o->timestamps ? ") " : " ");
		t->last_ts = ts;
	}
}

/*
 * -i: strace's "[ip] " after the leader and -n's number: 16 hex digits,
 * 8 for an ia32 task, question marks where the IP is not known (an exit,
 * a call whose enter was not seen, a call or signal whose module did not
 * record it, a signal the target ignores).
 * strace prints the IP of the stop it prints the line at: the enter's,
 * or for "<... NAME resumed>" the exit's (@at_exit), which differs after
 * execve (the new program's entry) and rt_sigreturn.
 */
static void ip_print(struct kt_buf *b, const struct task *k, bool has,
		     uint64_t ip)
{
	if (has)
		kt_buf_printf(b, k->ia32 ? "[%08llx] " : "[%016llx] ",
			      (unsigned long long)ip);
	else
		kt_buf_puts(b, k->ia32 ? "[????????] " : "[????????????????] ");
}

static void ip_field(struct kt_tracer *t, struct kt_buf *b, struct task *k,
		     const struct kt_syscall *sc, bool at_exit)
{
	if (!t->o->instruction_pointer)
		return;
	if (sc)
		k->ia32 = sc->abi == KTRACE_CLI_ABI_I386;
	ip_print(b, k, sc && (at_exit ? sc->has_exit_ip : sc->has_ip),
		 sc ? (at_exit ? sc->exit_ip : sc->ip) : 0);
}

/*
 * -i on a signal's line: the IP where the task was interrupted, recorded
 * at its delivery (ABI 1.8).
 */
static void ip_signal(struct kt_tracer *t, struct kt_buf *b,
		      const struct task *k, bool has, uint64_t ip)
{
	if (t->o->instruction_pointer)
		ip_print(b, k, has, ip);
}

/* End another task's open line before printing anything else. */
static void close_open_line(struct kt_tracer *t)
{
	struct task *k = t->open_line;

	if (!k)
		return;
	write_open_line(t);
	kt_out_puts(task_out(t, k), " <unfinished ...>\n");
	t->open_line = NULL;
}

/*
 * strace's "Process N attached" and "detached": none with -q, nor with -o
 * and a command, where -q is strace's default.
 */
static bool attach_quiet(const struct kt_tracer *t)
{
	return t->o->quiet_attach || (t->o->outfile && t->child);
}

/*
 * "ktrace: Process N @what": in the trace, where the line is, or on
 * standard error with -o, as strace says it.
 */
static void say_process(struct kt_tracer *t, pid_t pid, const char *what)
{
	char msg[80];
	int n;

	n = snprintf(msg, sizeof(msg), "%s: Process %d %s\n", ktrace_prog,
		     pid, what);
	if (!t->o->outfile) {
		kt_out_write(t->out, msg, n);
		return;
	}
	kt_out_flush(t->out);
	fputs(msg, stderr);
}

/*
 * As strace: "ktrace: Process N attached" for each child that -f
 * follows, before its first line or after the line of the call that made
 * it, whichever comes first.
 */
static void announce(struct kt_tracer *t, struct task *k)
{
	k->announce = false;
	/* Its own open line is not written yet (write_open_line()). */
	if (t->open_line != k && !t->o->outfile)
		close_open_line(t);
	say_process(t, k->pid, "attached");
}

/* Print t->line for task k, as a whole line or left open. */
static void emit(struct kt_tracer *t, struct task *k, bool open)
{
	struct kt_out *f = task_out(t, k);

	/* Every line emitted here is a new one: end any open line first. */
	close_open_line(t);
	if (k->announce)
		announce(t, k);
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

	if (sc->argv_fault)
		return true;
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
static void flush_pend(struct kt_tracer *t, struct task *k);
static void announce_forked(struct kt_tracer *t, struct task *k);

/* -P: is the n bytes at p one of the paths? */
static bool traced_path(const struct kt_opts *o, const char *p, size_t n)
{
	unsigned int i;

	for (i = 0; i < o->ntrace_paths; i++)
		if (strlen(o->trace_paths[i]) == n &&
		    !memcmp(p, o->trace_paths[i], n))
			return true;
	return false;
}

/* -P: does the call name a path, or use a descriptor open on one? */
static bool touches_path(struct kt_tracer *t, struct task *k,
			 const struct kt_syscall *sc)
{
	unsigned int i;

	for (i = 0; i < 6; i++) {
		const struct kt_blob *b = &sc->blob[i];

		if ((b->flags & KT_BLOB_STRING) && b->data &&
		    traced_path(t->o, (const char *)b->data, b->len))
			return true;
	}
	/* The descriptors, as the decoders find them (if they are known). */
	if (sc->args_unknown)
		return false;
	t->path_hit = false;
	t->fmt_pid = k->pid;
	kt_buf_reset(&t->ret);
	kt_format_call(&t->ret, sc, &t->pfmt);
	return t->path_hit;
}

/* -Y: the call of k is decoded next, at its entry or exit. */
static void fmt_call(struct kt_tracer *t, struct task *k, bool entry,
		     uint64_t ts)
{
	t->fmt_task = k;
	t->fmt_entry = entry;
	if (entry) {
		t->fmt_entry_ts = ts;
	} else {
		if (k->in_syscall || k->has_entry)
			t->fmt_entry_ts = k->entry_ts;
		else if (k->sc.duration_ns <= ts)	/* or unknown */
			t->fmt_entry_ts = ts - k->sc.duration_ns;
		else
			t->fmt_entry_ts = ts;
		t->fmt_exit_ts = ts;
	}
}

/*
 * Write the open line if it waits (the file's comment): the leader and
 * the call as its entry shows it, which stay in the task's buffers for
 * the exit.  The task's call is still its entry's.  It does not use
 * t->line or t->call, which may hold a line being built.
 */
static void write_open_line(struct kt_tracer *t)
{
	struct task *k = t->open_line;
	struct kt_buf *l;

	if (!k || !k->lazy)
		return;
	k->lazy = false;
	l = &k->line_text;
	kt_buf_reset(l);
	leader(t, l, k, k->entry_ts);
	sc_number(t, l, &k->sc);
	ip_field(t, l, k, &k->sc, false);
	t->fmt_pid = k->pid;
	fmt_call(t, k, true, k->entry_ts);
	kt_buf_reset(&k->entry_text);
	/* Another event's descriptors may be pending: not this call's. */
	t->fds_before = true;
	kt_format_call(&k->entry_text, &k->sc, &t->fmt);
	t->fds_before = false;
	kt_buf_write(l, k->entry_text.s ? k->entry_text.s : "",
		     k->entry_text.len);
	k->has_entry = true;
	if (k->announce)
		announce(t, k);
	kt_out_write(task_out(t, k), l->s, l->len);
}

static void on_enter(struct kt_tracer *t, struct task *k,
		     const struct kt_event *e)
{
	bool faulted;

	if (!k || k->detached)
		return;
	flush_signal(t, k);
	if (!k->started) {
		/* The command shows from its execve on. */
		struct kt_syscall probe = { .abi = e->sys.abi, .nr = e->sys.nr };

		if (!sc_is(&probe, "execve", "execveat"))
			return;
		k->started = true;
	}
	task_clear_call(k);
	memset(&k->sc, 0, sizeof(k->sc));
	task_set_tgid(t, k, e->tgid);
	/* The stage keeps its copy of the record until the exit's event. */
	k->sc.abi = kt_cli_abi(e->sys.abi);
	k->sc.nr = e->sys.nr;
	k->sc.resumes = k->last_call;
	memcpy(k->sc.args, e->sys.args, sizeof(k->sc.args));
	kt_sc_take_blobs(&k->sc, k->argv, e->sys.enter, e->sys.enter->blobs,
			 e->sys.enter->nblobs, e->sys.enter->hdr.size);
	k->in_syscall = true;
	k->entry_ts = e->ts;
	k->narg_comms = 0;
	/* -Y: the name at the entry (no printf: every call comes here). */
	k->entry_comm[0] = '\0';
	if (t->o->decode_pids & KT_PIDS_COMM && e->comm)
		strncat(k->entry_comm, e->comm, sizeof(k->entry_comm) - 1);
	if (t->o->summary_only)
		return;

	/*
	 * Print the line whole at the exit: with -ff, where each file is
	 * its own stream and nothing interleaves; with -e status= (-z, -Z),
	 * whose calls are shown by how they ended, as strace prints them,
	 * and whose entry (the module's, written just before the exit, or
	 * the command's, with -y and -P) must not end a batch alone: the
	 * program's own output would cut the line; and when the kernel could
	 * not read a path yet, which comes again with the exit (the syscall
	 * faults its page in; a successful execve's path and argv come
	 * from the new program's stack, ABI 1.10), so that it shows as
	 * under strace (and -P looks for its path then).
	 */
	faulted = e->sys.enter->nblobs && has_faulted_path(&k->sc) &&
		  !sc_is(&k->sc, "exit", "exit_group");
	if (t->o->trace_path && !faulted && !touches_path(t, k, &k->sc)) {
		k->hidden = true;
		return;
	}
	k->path_later = t->o->trace_path && faulted;
	if ((t->o->follow > 1 && t->o->outfile) || faulted ||
	    kt_opts_at_end(t->o)) {
		k->deferred = true;
		return;
	}
	/* As emit() would: another task's open line ends first. */
	close_open_line(t);
	t->open_line = k;
	k->lazy = true;
	if (!t->lazy_ok)
		write_open_line(t);
}

/* -T: the time spent in the call. */
static void append_duration(struct kt_tracer *t, struct kt_buf *b,
			    const struct kt_syscall *sc)
{
	if (!t->o->syscall_times || !sc->has_exit ||
	    sc->duration_ns == KTRACE_DURATION_UNKNOWN)
		return;
	kt_buf_puts(b, " <");
	kt_buf_secs(b, sc->duration_ns, 0, t->o->times_digits);
	kt_buf_putc(b, '>');
}

/* "<... NAME resumed>" after the leader: k's call, its entry printed. */
static void resumed_head(struct kt_tracer *t, struct task *k, uint64_t ts)
{
	char nbuf[32];

	leader(t, &t->line, k, ts);
	sc_number(t, &t->line, &k->sc);
	ip_field(t, &t->line, k, &k->sc, true);
	kt_buf_printf(&t->line, "<... %s resumed>",
		      kt_sc_name(k->sc.abi, k->sc.nr, nbuf));
}

/*
 * t->line ends k's line: its first @printed bytes, the open line, are
 * written already.
 */
static void end_line(struct kt_tracer *t, struct task *k, size_t printed)
{
	if (printed) {
		kt_buf_putc(&t->line, '\n');
		kt_out_write(task_out(t, k), t->line.s + printed,
			     t->line.len - printed);
		t->open_line = NULL;
	} else {
		emit(t, k, false);
	}
}

/*
 * Print the end of k's call: on its open line, or as "<... NAME
 * resumed>".  The whole line is built in t->line so that the result
 * column counts everything on it.
 */
static void print_exit(struct kt_tracer *t, struct task *k, uint64_t ts)
{
	const char *rest;
	size_t rest_len;
	size_t printed = 0;

	t->fmt_pid = k->pid;
	fmt_call(t, k, false, ts);
	kt_buf_reset(&t->line);
	if (k->lazy) {
		/*
		 * Its open line, not written yet, with nothing else between
		 * its entry and its exit: the common case, formatted once,
		 * in place.  Lazy lines are only without -yy, -P and -Y (the
		 * tracer's lazy_ok): no decoder asks what the leader's
		 * lookups might change, nor the other way round.  With -y
		 * the exit's event shows the descriptors the call made as
		 * after it and the others as before, as the entry saw them.
		 */
		t->open_line = NULL;
		k->lazy = false;
		leader(t, &t->line, k, k->entry_ts);
		sc_number(t, &t->line, &k->sc);
		ip_field(t, &t->line, k, &k->sc, false);
		if (!k->sc.args_unknown)
			kt_format_call(&t->line, &k->sc, &t->fmt);
		kt_format_return(&t->line, &k->sc, &t->fmt);
		append_duration(t, &t->line, &k->sc);
		emit(t, k, false);
		return;
	}
	kt_buf_reset(&t->call);
	/* Its entry unseen: "<... NAME resumed>) = RET", no invented args. */
	if (!k->sc.args_unknown)
		kt_format_call(&t->call, &k->sc, &t->fmt);
	rest = t->call.s ? t->call.s : "";
	rest_len = t->call.len;
	if (k->has_entry && !strncmp(rest, k->entry_text.s,
				     k->entry_text.len)) {
		rest += k->entry_text.len;
		rest_len = strlen(rest);
	} else if (k->has_entry) {
		rest = "";
		rest_len = 0;
	}

	if (t->open_line == k && k->has_entry) {
		kt_buf_write(&t->line, k->line_text.s, k->line_text.len);
		printed = t->line.len;
	} else if (k->deferred) {
		/* Held for the exit: whole, stamped with its entry. */
		uint64_t at = k->sc.duration_ns != KTRACE_DURATION_UNKNOWN &&
			      k->sc.duration_ns <= ts ? ts - k->sc.duration_ns : ts;

		t->leader_entry = k->entry_comm[0];
		leader(t, &t->line, k, at);
		t->leader_entry = false;
		sc_number(t, &t->line, &k->sc);
		ip_field(t, &t->line, k, &k->sc, false);
		rest = t->call.s ? t->call.s : "";
		rest_len = t->call.len;
	} else {
		resumed_head(t, k, ts);
	}
	kt_buf_write(&t->line, rest, rest_len);
	kt_format_return(&t->line, &k->sc, &t->fmt);
	append_duration(t, &t->line, &k->sc);
	end_line(t, k, printed);
}

/*
 * The call's exit came with a SIGKILL pending (KTRACE_RF_KILLED):
 * the task dies on its way back, and strace, which never sees that exit,
 * ends the call with "= ?", after " <unfinished ...>" when the exit had
 * arguments to print (its decoder stopped at the entry).  The task's
 * call is still its entry's.
 */
static void print_killed(struct kt_tracer *t, struct task *k, uint64_t ts)
{
	size_t printed = 0;
	bool stopped;

	t->fmt_pid = k->pid;
	fmt_call(t, k, true, k->entry_ts);
	kt_buf_reset(&t->line);
	if (t->open_line == k) {
		write_open_line(t);
		kt_buf_write(&t->line, k->line_text.s, k->line_text.len);
		printed = t->line.len;
	} else if (k->deferred) {
		/* Held for the exit: whole, as its entry shows it. */
		t->leader_entry = k->entry_comm[0];
		leader(t, &t->line, k, k->entry_ts);
		t->leader_entry = false;
		sc_number(t, &t->line, &k->sc);
		ip_field(t, &t->line, k, &k->sc, false);
	} else {
		resumed_head(t, k, ts);
	}
	/* The entry's text, as the open line has it; kept only when held. */
	kt_buf_reset(&t->call);
	t->fds_before = true;
	stopped = !k->sc.args_unknown &&
		  kt_format_call(&t->call, &k->sc, &t->fmt);
	t->fds_before = false;
	if (k->deferred && t->call.len)
		kt_buf_write(&t->line, t->call.s, t->call.len);
	if (stopped)
		kt_buf_puts(&t->line, " <unfinished ...>");
	kt_format_return(&t->line, &k->sc, &t->fmt);
	end_line(t, k, printed);
}

static void on_exit_rec(struct kt_tracer *t, struct task *k,
			const struct kt_event *e)
{
	const struct ktrace_rec_sys_exit *r = e->sys.exit;

	if (!k || !k->started)
		return;
	if (k->skip_exit && !k->in_syscall) {
		k->skip_exit = false;
		return;
	}
	k->skip_exit = false;
	/*
	 * k->sc points into the events stage's copy of the entry: only
	 * while the stage still pairs this exit with it is that copy there
	 * (a hidden call's entry, or an exec's takeover, replaces it).
	 */
	if (k->in_syscall && !e->sys.enter_seen)
		task_clear_call(k);
	if (k->in_syscall && k->sc.nr == r->nr &&
	    (r->hdr.flags & KTRACE_RF_KILLED) && !k->path_later) {
		/* As strace, which sees no such exit, with the entry's args. */
		if (!t->o->summary_only && !k->hidden &&
		    !kt_opts_at_end(t->o)) {
			print_killed(t, k, r->hdr.ts);
			t->sink.ncalls++;
		}
		task_clear_call(k);
		flush_signal(t, k);
		return;
	}
	if (!k->in_syscall || k->sc.nr != r->nr) {
		/* Its entry was before we looked, or lost. */
		struct kt_event x = *e;

		x.sys.enter = NULL;
		memset(x.sys.args, 0, sizeof(x.sys.args));
		task_clear_call(k);
		kt_event_syscall(&x, &k->sc, k->argv);
		if (t->o->trace_path && !t->o->summary_only &&
		    !touches_path(t, k, &k->sc))
			k->hidden = true;
	} else {
		k->sc.ret = r->ret;
		k->sc.has_exit = true;
		k->sc.duration_ns = kt_event_duration(e);
		kt_sc_take_blobs(&k->sc, k->argv, r, r->blobs, r->nblobs,
				 r->hdr.size);
		if (k->path_later && !touches_path(t, k, &k->sc))
			k->hidden = true;
	}
	if (!t->o->summary_only && !k->hidden) {
		print_exit(t, k, r->hdr.ts);
		if (t->dump_io)
			kt_dump_io_out(task_out(t, k), &k->sc, t->o);
		t->sink.ncalls++;
	}
	announce_forked(t, k);
	/*
	 * A signal the task ignores, sent during the call: strace stops
	 * the task for it on the call's way back to user mode, where the
	 * call returns to.
	 */
	if (k->has_pend && k->sc.has_exit_ip &&
	    k->pend.hdr.size < sizeof(k->pend)) {
		k->pend.ip = k->sc.exit_ip;
		k->pend.hdr.size = sizeof(k->pend);
	}
	k->last_call = ktrace_syscall_name(k->sc.abi, k->sc.nr);
	task_clear_call(k);
	flush_signal(t, k);
}

/*
 * -Y: the sender's name after si_pid, which kt_buf_siginfo() printed
 * first of its fields.
 */
static void sig_pid_comm(struct kt_tracer *t,
			 const struct ktrace_rec_signal_deliver *r, int pid)
{
	char num[32];
	const char *comm, *at;
	size_t len;

	if (!(t->o->decode_pids & KT_PIDS_COMM) || pid <= 0)
		return;
	comm = kt_events_comm(t->ev, pid, r->hdr.ts);
	if (!comm || !*comm)
		return;
	len = snprintf(num, sizeof(num), ", si_pid=%d", pid);
	at = memmem(t->line.s, t->line.len, num, len);
	if (!at)
		return;
	/* The rest of the line moves right to make room. */
	{
		struct kt_buf tail = { 0 };
		size_t off = at - t->line.s + len;

		kt_buf_write(&tail, t->line.s + off, t->line.len - off);
		t->line.len = off;
		kt_buf_comm(&t->line, comm);
		kt_buf_write(&t->line, tail.s ? tail.s : "", tail.len);
		kt_buf_free(&tail);
	}
}

/* "--- stopped by SIG ---": k entered a group stop. */
static void print_stopped(struct kt_tracer *t, struct task *k, int sig,
			  uint64_t ts, bool has_ip, uint64_t ip)
{
	char nbuf[16];

	kt_buf_reset(&t->line);
	leader(t, &t->line, k, ts);
	ip_signal(t, &t->line, k, has_ip, ip);
	kt_buf_printf(&t->line, "--- stopped by %s ---", kt_sig_name(sig, nbuf));
	emit(t, k, false);
}

struct group_walk {
	pid_t tgid;
	struct task **v;
	unsigned int n, cap;
};

static void group_add(void *ctx, void *priv)
{
	struct group_walk *w = ctx;
	struct task *o = priv;

	if ((w->tgid && o->tgid != w->tgid) || !o->started || !o->live)
		return;
	if (w->n == w->cap) {
		unsigned int cap = w->cap ? 2 * w->cap : 16;
		struct task **v = realloc(w->v, cap * sizeof(*v));

		if (!v) {
			ktrace_err("out of memory");
			exit(1);
		}
		w->v = v;
		w->cap = cap;
	}
	w->v[w->n++] = o;
}

static int task_by_pid(const void *a, const void *b)
{
	const struct task *x = *(struct task *const *)a;
	const struct task *y = *(struct task *const *)b;

	return (x->pid > y->pid) - (x->pid < y->pid);
}

/*
 * The traced, live threads of process @tgid (0: of every process), by
 * thread id; free(w->v).
 */
static void group_of(struct kt_tracer *t, pid_t tgid, struct group_walk *w)
{
	struct task *k;

	memset(w, 0, sizeof(*w));
	w->tgid = tgid;
	if (!tgid)
		kt_events_each_priv(t->ev, group_add, w);
	else
		for (k = kt_pidmap_get(&t->groups, tgid); k; k = k->grp_next)
			group_add(w, k);
	if (w->n)
		qsort(w->v, w->n, sizeof(*w->v), task_by_pid);
}

/*
 * Every thread of @w entered the group stop of @sig, and strace shows
 * "--- stopped by SIG ---" for each; @skip's line is shown.  With @now, a
 * thread out of a call shows it at once; else, and a thread in a call,
 * which the stop ends in ERESTART*, at its next event.
 */
static void stop_threads(struct kt_tracer *t, const struct group_walk *w,
			 struct task *skip, int sig, uint64_t ts, bool now)
{
	unsigned int i;

	for (i = 0; i < w->n; i++) {
		struct task *o = w->v[i];

		o->tty_stop = 0;
		o->cont_stop = 0;
		if (o == skip)
			continue;
		if (now && !o->in_syscall) {
			o->stop_pend = 0;
			print_stopped(t, o, sig, ts, false, 0);
		} else {
			o->stop_pend = sig;
			o->stop_ts = ts;
		}
	}
}

/* The group stop of @sig, for every traced thread of process @tgid. */
static void group_stop(struct kt_tracer *t, pid_t tgid, struct task *skip,
		       int sig, uint64_t ts, bool now)
{
	struct group_walk w;

	group_of(t, tgid, &w);
	stop_threads(t, &w, skip, sig, ts, now);
	free(w.v);
}

/*
 * A SIGCONT continued process @tgid from a stop (the module's
 * KTRACE_SIGGEN_CONTINUED): if a thread took a SIGTSTP, SIGTTIN or SIGTTOU
 * that no SIGCHLD said stopped it (SA_NOCLDSTOP), it did stop.
 */
static void continued(struct kt_tracer *t, pid_t tgid, uint64_t ts)
{
	struct group_walk w;
	unsigned int i;
	int sig = 0;

	group_of(t, tgid, &w);
	for (i = 0; i < w.n; i++)
		if (w.v[i]->tty_stop)
			sig = w.v[i]->tty_stop;
	if (sig && !t->o->summary_only && kt_signal_shown(t->o, sig)) {
		stop_threads(t, &w, NULL, sig, ts, false);
		for (i = 0; i < w.n; i++)
			w.v[i]->cont_stop = sig;
	}
	free(w.v);
}

/*
 * Was the stop that process @tgid's SIGCHLD of CLD_STOPPED for @sig tells
 * of already shown, when a SIGCONT ended it (continued())?  Then no thread
 * took a tty signal since.
 */
static bool stop_shown(struct kt_tracer *t, pid_t tgid, int sig)
{
	struct group_walk w;
	bool shown = false;
	unsigned int i;

	group_of(t, tgid, &w);
	for (i = 0; i < w.n; i++)
		if (w.v[i]->cont_stop == sig)
			shown = true;
	for (i = 0; i < w.n; i++) {
		if (w.v[i]->tty_stop)
			shown = false;
		w.v[i]->cont_stop = 0;
	}
	free(w.v);
	return shown;
}

/*
 * SIGTSTP, SIGTTIN and SIGTTOU stop a task but in an orphaned process
 * group: that it stopped shows when it tells its parent (a SIGCHLD of
 * CLD_STOPPED, which the stopping task sends), or, for a parent that set
 * SA_NOCLDSTOP, when a SIGCONT continues it (continued()); or when a
 * SIGCONT comes first, as it can (@cont_stop), and then the SIGCHLD adds
 * nothing.
 */
static void stopped_by_tty_signal(struct kt_tracer *t,
				  const struct ktrace_rec_signal_generate *r)
{
	struct task *k = task_get(t, r->hdr.pid);
	int sig = r->si.status;

	if (r->sig != SIGCHLD || r->code != CLD_STOPPED ||
	    r->hdr.size < sizeof(*r) || !(r->si.flags & KTRACE_SI_VALID) ||
	    (sig != SIGTSTP && sig != SIGTTIN && sig != SIGTTOU) ||
	    !k || !k->started || t->o->summary_only ||
	    !kt_signal_shown(t->o, sig) || stop_shown(t, k->tgid, sig))
		return;
	flush_pend(t, k);
	group_stop(t, k->tgid, NULL, sig, r->hdr.ts, true);
}

static void on_signal_deliver(struct kt_tracer *t,
			      const struct ktrace_rec_signal_deliver *r)
{
	struct task *k = task_get(t, r->hdr.pid);
	bool has_ip = r->hdr.size >= sizeof(*r);
	uint64_t ip = r->ip;
	const char *name;
	char cbuf[16], nbuf[16];

	if (!k || !k->started || t->o->summary_only)
		return;
	if (r != &k->pend) {
		/* The signal sent, at the IP where the SIGKILL found the task. */
		if (r->sig == SIGKILL && r->action == KTRACE_SIGACT_DEFAULT &&
		    k->has_last_gen)
			r = &k->last_gen;
		k->has_last_gen = false;
		/*
		 * A SIGKILL that nothing sent the task is the kernel ending
		 * its group (another thread's exit_group() or execve(), a
		 * fatal signal): strace, which ptrace never stops for a
		 * SIGKILL, shows none, and there is no sender to show.
		 */
		if (r->sig == SIGKILL && !k->sent_kill)
			return;
		k->sent_kill = false;
		/* What came before: a stop, an ignored signal. */
		flush_signal(t, k);
	}
	name = kt_sig_name(r->sig, nbuf);
	if (!kt_signal_shown(t->o, r->sig))
		return;
	kt_buf_reset(&t->line);
	leader(t, &t->line, k, r->hdr.ts);
	ip_signal(t, &t->line, k, has_ip, ip);
	kt_buf_printf(&t->line, "--- %s {si_signo=%s, si_code=%s", name, name,
		      kt_sigcode_name(r->sig, r->code, cbuf));
	if (r->hdr.size >= offsetof(struct ktrace_rec_signal_deliver, ip) &&
	    (r->si.flags & KTRACE_SI_VALID)) {
		kt_buf_siginfo(&t->line, r->sig, r->code, &r->si);
		sig_pid_comm(t, r, r->si.pid);
	} else if (k->sig_from && r->code <= 0) {
		kt_buf_printf(&t->line, ", si_pid=%d", k->sig_from);
		sig_pid_comm(t, r, k->sig_from);
	}
	kt_buf_printf(&t->line, "} ---");
	emit(t, k, false);
	if (r->action != KTRACE_SIGACT_DEFAULT)
		return;
	/* A SIGSTOP always stops the group: strace sees each thread stop. */
	if (r->sig == SIGSTOP) {
		print_stopped(t, k, SIGSTOP, r->hdr.ts, has_ip, ip);
		group_stop(t, k->tgid, k, SIGSTOP, r->hdr.ts, true);
	} else if (r->sig == SIGTSTP || r->sig == SIGTTIN ||
		   r->sig == SIGTTOU) {
		k->tty_stop = r->sig;
	}
}

/* An ignored signal sent to k, shown where strace shows it. */
static void flush_pend(struct kt_tracer *t, struct task *k)
{
	if (!k->has_pend)
		return;
	k->has_pend = false;
	on_signal_deliver(t, &k->pend);
}

/* k does something: what it waits to show goes first. */
static void flush_signal(struct kt_tracer *t, struct task *k)
{
	int sig = k->stop_pend;

	/* It runs: a tty signal it took did not stop it. */
	k->tty_stop = 0;
	if (sig) {
		k->stop_pend = 0;
		print_stopped(t, k, sig, k->stop_ts, false, 0);
	}
	flush_pend(t, k);
}

static void on_signal_generate(struct kt_tracer *t,
			       const struct ktrace_rec_signal_generate *r)
{
	struct task *k = task_get(t, r->target_pid);
	struct ktrace_rec_signal_deliver d;

	stopped_by_tty_signal(t, r);
	/*
	 * A group exiting drops the signal (ABI 1.19): strace, whose
	 * tracee dies before it would stop for it, shows nothing of it.
	 */
	if (!k || (r->hdr.size >= sizeof(*r) &&
		   r->result != KTRACE_SIG_DELIVERED &&
		   (r->flags & KTRACE_SIGGEN_GROUP_EXIT)))
		return;
	k->sig_from = r->hdr.tgid;
	if (r->sig == SIGCONT && r->hdr.size >= sizeof(*r) &&
	    (r->flags & KTRACE_SIGGEN_CONTINUED))
		continued(t, r->target_tgid, r->hdr.ts);
	k->sent_kill = r->result == KTRACE_SIG_DELIVERED && r->sig == SIGKILL;
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
		k->last_gen.hdr.size =
			offsetof(struct ktrace_rec_signal_deliver, ip);
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
	/* Its IP, if any, from the target's call: see on_exit_rec(). */
	d.hdr.size = offsetof(struct ktrace_rec_signal_deliver, ip);
	if (!k->started)
		return;
	flush_pend(t, k);
	k->pend = d;
	k->has_pend = true;
}

static void on_fork(struct kt_tracer *t, const struct kt_event *e)
{
	struct task *p = task_get(t, e->pid), *c;

	/* A child that is its parent: a corrupt record. */
	if (!p || !p->started || !t->follow || e->fork.child_pid == e->pid)
		return;
	/* A task of that id whose exit was lost is gone: start afresh. */
	c = task_get(t, e->fork.child_pid);
	if (c)
		task_del(t, c);
	c = task_new(t, e->fork.child_pid);
	task_set_tgid(t, c, e->fork.child_tgid);
	c->started = true;
	/* Its first event is the return from clone(), which strace hides. */
	c->skip_exit = true;
	task_set_live(t, c, true);
	c->announce = t->announce;
	p->forked = c->pid;
	/*
	 * -c prints no call whose line or return would say it: at once, as
	 * strace says it (a live -c has no records of calls anyway).
	 */
	if (t->o->summary_only && c->announce)
		announce(t, c);
}

/* k's call returned: the child it made, if not announced yet, is now. */
static void announce_forked(struct kt_tracer *t, struct task *k)
{
	struct task *c = k->forked ? task_get(t, k->forked) : NULL;

	k->forked = 0;
	if (c && c->announce)
		announce(t, c);
}

/*
 * strace detaches k: with -b execve when it executes a program, and when
 * the trace ends while it lives (ktrace interrupted, --syscall-limit).
 * As strace, it says "Process N detached" (with @say, unless quiet),
 * then ends k's call in progress with " <detached ...>", and shows
 * nothing more of k.
 */
static void detach(struct kt_tracer *t, struct task *k, bool say)
{
	struct kt_out *f = task_out(t, k);

	/* The message may come in the middle of a line, as strace's does. */
	write_open_line(t);
	if (say && !attach_quiet(t))
		say_process(t, k->pid, "detached");
	if (t->open_line == k) {
		kt_out_puts(f, " <detached ...>\n");
		t->open_line = NULL;
	} else if (k->in_syscall && k->deferred && !k->hidden &&
		   !kt_opts_at_end(t->o) && !t->o->summary_only) {
		/* Not printed yet (-ff): its entry, as strace printed it. */
		kt_buf_reset(&t->line);
		leader(t, &t->line, k, t->newest_ts);
		sc_number(t, &t->line, &k->sc);
		t->fmt_pid = k->pid;
		fmt_call(t, k, true, k->entry_ts);
		kt_format_call(&t->line, &k->sc, &t->fmt);
		kt_buf_puts(&t->line, " <detached ...>");
		emit(t, k, false);
	}
	task_clear_call(k);
	k->has_pend = false;
	k->stop_pend = 0;
	k->tty_stop = 0;
	k->cont_stop = 0;
	k->announce = false;
	k->started = false;
	k->detached = true;
	task_set_live(t, k, false);
}

static bool pid_in(const pid_t *v, unsigned int n, pid_t pid)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (v[i] == pid)
			return true;
	return false;
}

/*
 * The trace ends while tasks it traces live (e->detach): strace detaches
 * each, in the order it attached them, and so do we: the command, the -p
 * targets' threads (e->detached, which the command found in /proc, and
 * which may include threads we saw nothing of), then the processes -f
 * followed, by id.  The other threads of a -p target are detached
 * without a word, as the list says what strace says of them.
 */
static void detach_all(struct kt_tracer *t, const struct kt_end *e)
{
	struct task *k = t->child ? task_get(t, t->child) : NULL;
	struct group_walk w;
	unsigned int i;

	if (k && k->started && k->live && !e->child_reaped)
		detach(t, k, true);
	for (i = 0; i < e->ndetached; i++) {
		k = task_get(t, e->detached[i]);
		if (k && k->started && k->live) {
			detach(t, k, true);
		} else if (!attach_quiet(t)) {
			write_open_line(t);
			say_process(t, e->detached[i], "detached");
		}
	}
	group_of(t, 0, &w);
	for (i = 0; i < w.n; i++) {
		bool target;

		k = w.v[i];
		target = pid_in(t->pids, t->npids, k->tgid) ||
			 pid_in(t->pids, t->npids, k->pid);
		detach(t, k, !target);
	}
	free(w.v);
}

/*
 * k, a thread that does not lead its process, executed: it takes the
 * leader's id @pid.  Its execve() line, still open or held (-ff), ends
 * as strace ends it; the call's exit prints under the new id.
 */
static void pid_changed(struct kt_tracer *t, struct task *k, pid_t pid)
{
	if (!k->in_syscall || k->hidden || t->o->summary_only ||
	    !sc_is(&k->sc, "execve", "execveat"))
		return;
	if (t->open_line == k) {
		write_open_line(t);
		kt_out_printf(task_out(t, k), " <pid changed to %d ...>\n", pid);
		t->open_line = NULL;
	} else if (k->deferred && !kt_opts_at_end(t->o)) {
		kt_buf_reset(&t->line);
		leader(t, &t->line, k, k->entry_ts);
		sc_number(t, &t->line, &k->sc);
		ip_field(t, &t->line, k, &k->sc, false);
		kt_format_call(&t->line, &k->sc, &t->fmt);
		kt_buf_printf(&t->line, " <pid changed to %d ...>", pid);
		emit(t, k, false);
	}
	task_clear_call(k);
}

static void on_exec(struct kt_tracer *t, const struct kt_event *e)
{
	struct task *k = task_get(t, e->exec.old_pid);
	struct task *n;

	if (!k || k->detached)
		return;
	if (t->o->detach_execve && k->started && !k->first_exec) {
		n = task_get(t, e->pid);
		detach(t, k, true);
		if (n && n != k) {
			n->started = false;
			n->detached = true;
			task_set_live(t, n, false);
		}
		return;
	}
	k->first_exec = false;
	/* With status filters the execve itself may not show: start here. */
	k->started = true;
	if (e->exec.old_pid != e->pid) {
		/* A non-leader thread executed and took the leader's pid. */
		n = task_get(t, e->pid);
		pid_changed(t, k, e->pid);
		/* Its old id is gone: the next line's "[pid N]" counts so. */
		if (n != k)
			task_set_live(t, k, false);
		if (n && n->superseded) {
			n->superseded = false;
			if (!t->o->summary_only && !t->o->quiet_execve) {
				kt_buf_reset(&t->line);
				leader(t, &t->line, n, e->ts);
				kt_buf_printf(&t->line,
					      "+++ superseded by execve in pid %d +++",
					      e->exec.old_pid);
				emit(t, n, false);
			}
		}
		if (!n) {
			n = task_new(t, e->pid);
			task_set_tgid(t, n, e->tgid);
		}
		if (n != k) {
			n->started = true;
			task_set_live(t, n, true);
		}
	}
}

/*
 * "+++ exited with N +++" or "+++ killed by SIG +++" for task k, unless
 * -qq or -e signal= leaves it out (kt_death_shown()).
 */
static void print_death(struct kt_tracer *t, struct task *k, uint64_t ts,
			int status, int sig, bool core)
{
	char nbuf[16];

	if (!kt_death_shown(t->o, sig))
		return;
	kt_buf_reset(&t->line);
	leader(t, &t->line, k, ts);
	ip_field(t, &t->line, k, NULL, false);
	if (sig) {
		kt_buf_printf(&t->line, "+++ killed by %s %s+++",
			      kt_sig_name(sig, nbuf),
			      core ? "(core dumped) " : "");
	} else {
		kt_buf_printf(&t->line, "+++ exited with %d +++", status);
	}
	emit(t, k, false);
}

/* The task exited in its call: exit and exit_group print "= ?". */
static void on_no_return(struct kt_tracer *t, struct task *k,
			 const struct kt_event *e)
{
	if (!k)
		return;
	flush_signal(t, k);
	if (!k->started || t->o->summary_only || !k->in_syscall ||
	    !sc_is(&k->sc, "exit", "exit_group"))
		return;
	k->sc.has_exit = true;
	k->sc.ret = 0;
	k->sc.duration_ns = KTRACE_DURATION_UNKNOWN;
	if (!k->hidden)
		print_exit(t, k, e->ts + e->sys.dur);
	task_clear_call(k);
}

static void on_task_exit(struct kt_tracer *t, struct task *k,
			 const struct kt_event *e)
{
	if (!k)
		return;
	flush_signal(t, k);
	if (e->exit.exec && e->pid == e->tgid && k->started) {
		/*
		 * Another thread's execve() ended the main thread: strace
		 * says so when that thread takes the id (on_exec()).
		 */
		task_clear_call(k);
		k->superseded = true;
		return;
	}
	if (k->started && !t->o->summary_only)
		print_death(t, k, e->ts, e->exit.status, e->exit.signal,
			    e->exit.core);
	task_del(t, k);
}

static void on_loss(struct kt_tracer *t, const struct kt_event *e)
{
	struct kt_buf *b = &t->line;

	t->lost += e->loss.lost;
	close_open_line(t);
	kt_buf_reset(b);
	kt_buf_printf(b, "ktrace: %llu records lost on CPU %u between ",
		      (unsigned long long)e->loss.lost, e->cpu);
	kt_buf_secs(b, e->loss.first_ts, 0, 6);
	kt_buf_puts(b, " and ");
	kt_buf_secs(b, e->loss.last_ts, 0, 6);
	kt_buf_putc(b, '\n');
	kt_out_write(t->out, b->s, b->len);
}

/*
 * -p targets, and every task when tracing the whole system: their
 * threads show up as we see them.
 */
static struct task *adopt(struct kt_tracer *t, const struct kt_event *e)
{
	struct task *k;
	unsigned int i;
	bool wanted = !t->child && !t->npids;

	/* The command's tasks come by its start and forks; -p's here. */
	if (t->child && !t->npids)
		return NULL;
	/* Without -f, a -p TID of a thread that does not lead: it alone. */
	for (i = 0; i < t->npids && !wanted; i++)
		wanted = t->pids[i] == e->tgid || t->pids[i] == e->pid;
	if (!wanted)
		return NULL;
	k = task_new(t, e->pid);
	task_set_tgid(t, k, e->tgid);
	k->started = true;
	task_set_live(t, k, true);
	if (t->unseen)
		t->unseen--;
	return k;
}

/*
 * A -p thread in a group stop when ktrace attached: strace's attach sees
 * the stop, and says "--- stopped by SIG ---".  A SIGCONT then shows as
 * for any thread traced, and a call the stop interrupted restarts as
 * what it was (restart_syscall's "resuming interrupted NAME").
 */
static void on_stopped(struct kt_tracer *t, struct task *k,
		       const struct kt_event *e)
{
	if (!k || !k->started)
		return;
	if (e->stop.nr >= 0)
		k->last_call = ktrace_syscall_name(kt_cli_abi(e->stop.abi),
						   e->stop.nr);
	if (t->o->summary_only || !kt_signal_shown(t->o, e->stop.sig))
		return;
	flush_signal(t, k);
	print_stopped(t, k, e->stop.sig, e->ts, false, 0);
}

/* A signal event back as the record the printing code takes. */
static void on_signal(struct kt_tracer *t, const struct kt_event *e)
{
	if (e->type == KT_EV_SIGNAL_DELIVER) {
		struct ktrace_rec_signal_deliver d;

		memset(&d, 0, sizeof(d));
		d.hdr.size = e->sig.has_ip ? sizeof(d) :
			     offsetof(struct ktrace_rec_signal_deliver, ip);
		d.hdr.ts = e->ts;
		d.hdr.pid = e->pid;
		d.hdr.tgid = e->tgid;
		d.sig = e->sig.sig;
		d.code = e->sig.code;
		d.action = e->sig.action;
		if (e->sig.si)
			d.si = *e->sig.si;
		d.ip = e->sig.ip;
		on_signal_deliver(t, &d);
	} else {
		struct ktrace_rec_signal_generate g;

		memset(&g, 0, sizeof(g));
		g.hdr.size = sizeof(g);
		g.hdr.ts = e->ts;
		g.hdr.pid = e->pid;
		g.hdr.tgid = e->tgid;
		g.sig = e->sig.sig;
		g.code = e->sig.code;
		g.result = e->sig.result;
		g.group = e->sig.group;
		if (e->sig.continued)
			g.flags = KTRACE_SIGGEN_CONTINUED;
		if (e->sig.group_exit)
			g.flags |= KTRACE_SIGGEN_GROUP_EXIT;
		g.target_pid = e->sig.target_pid;
		g.target_tgid = e->sig.target_tgid;
		if (e->sig.target_comm)
			memcpy(g.target_comm, e->sig.target_comm,
			       sizeof(g.target_comm));
		if (e->sig.si)
			g.si = *e->sig.si;
		on_signal_generate(t, &g);
	}
}

/* One event from the events stage. */
static void text_event(struct kt_sink *s, const struct kt_event *e)
{
	struct kt_tracer *t = (struct kt_tracer *)s;
	struct task *k = e->priv ? *e->priv : NULL;
	uint64_t ts = e->ts;

	/*
	 * An open line waits only for its own call's exit: before anything
	 * else, a task adopted included, changes what its leader shows.
	 */
	if (t->open_line && t->open_line->lazy &&
	    !(e->type == KT_EV_SYSCALL && e->sys.end == KT_SYS_RETURNED &&
	      k == t->open_line && e->sys.exit && k->in_syscall &&
	      k->sc.nr == e->sys.exit->nr))
		write_open_line(t);
	if (!k && e->priv)
		k = adopt(t, e);
	switch (e->type) {
	case KT_EV_SYSCALL_ENTER:
		on_enter(t, k, e);
		break;
	case KT_EV_SYSCALL:
		if (e->sys.exit) {
			ts = e->sys.exit->hdr.ts;
			/* Without -f, not the children a recording holds. */
			if (t->counting && (k || t->follow))
				kt_count_syscall(&t->counts, e);
		}
		if (e->sys.end == KT_SYS_RETURNED)
			on_exit_rec(t, k, e);
		else if (e->sys.end == KT_SYS_NO_RETURN)
			on_no_return(t, k, e);
		break;
	case KT_EV_FORK:
		if (t->pidns && e->fork.child_pidns)
			kt_pidns_fork(t->pidns, e->fork.child_pid,
				      e->fork.child_vpid, e->fork.child_pidns);
		on_fork(t, e);
		break;
	case KT_EV_EXEC:
		on_exec(t, e);
		break;
	case KT_EV_EXIT:
		on_task_exit(t, k, e);
		break;
	case KT_EV_SIGNAL_GENERATE:
	case KT_EV_SIGNAL_DELIVER:
		on_signal(t, e);
		break;
	case KT_EV_LOSS:
		on_loss(t, e);
		break;
	case KT_EV_STOPPED:
		on_stopped(t, k, e);
		break;
	default:
		break;
	}
	if (ts > t->newest_ts)
		t->newest_ts = ts;
}

static const char *fd_path(void *ctx, int fd)
{
	struct kt_tracer *t = ctx;

	if (t->fds_before)
		return kt_events_fd_path_before(t->ev, t->fmt_pid, fd);
	return kt_events_fd_path(t->ev, t->fmt_pid, fd);
}

static const char *fd_path_before(void *ctx, int fd)
{
	struct kt_tracer *t = ctx;

	return kt_events_fd_path_before(t->ev, t->fmt_pid, fd);
}

static int fd_family(void *ctx, int fd)
{
	struct kt_tracer *t = ctx;

	return kt_events_fd_family(t->ev, t->fmt_pid, fd);
}

static int fd_nlproto(void *ctx, int fd)
{
	struct kt_tracer *t = ctx;

	return kt_events_fd_nlproto(t->ev, t->fmt_pid, fd);
}

/*
 * -Y: a process id's name.  An argument's is the name at the call's
 * entry, kept for its exit (the child waited for is reaped by then); a
 * result's, the name when the call returned.
 */
static const char *pid_comm(void *ctx, int pid, bool result)
{
	struct kt_tracer *t = ctx;
	struct task *k = t->fmt_task;
	const char *c;
	unsigned int i;

	if (result)
		return kt_events_comm(t->ev, pid, t->fmt_exit_ts);
	if (!k)
		return kt_events_comm(t->ev, pid, t->fmt_entry_ts);
	for (i = 0; i < k->narg_comms; i++)
		if (k->arg_comms[i].pid == pid)
			return k->arg_comms[i].comm;
	c = kt_events_comm(t->ev, pid, t->fmt_entry_ts);
	if (t->fmt_entry && k->narg_comms < ARRAY_SIZE(k->arg_comms)) {
		k->arg_comms[k->narg_comms].pid = pid;
		snprintf(k->arg_comms[k->narg_comms].comm,
			 sizeof(k->arg_comms[0].comm), "%s", c ? c : "");
		k->narg_comms++;
	}
	return c;
}

/* --decode-pids=pidns: what the call's task calls pid, in our namespace. */
static int pid_ns(void *ctx, int pid)
{
	struct kt_tracer *t = ctx;

	return kt_pidns_ours(t->pidns, t->fmt_pid, pid);
}

/* -P's probe: is one of the call's descriptors open on the path? */
static const char *fd_probe(void *ctx, int fd)
{
	struct kt_tracer *t = ctx;
	const char *p = kt_events_fd_path(t->ev, t->fmt_pid, fd);

	if (p && fd >= 0 && traced_path(t->o, p, strlen(p)))
		t->path_hit = true;
	return NULL;
}

static bool counted(const struct kt_counts *c)
{
	unsigned int abi, nr;

	for (abi = 0; abi < KTRACE_ABI_COUNT; abi++)
		for (nr = 0; nr < KTRACE_NR_MAX; nr++)
			if (c->c[abi][nr].calls)
				return true;
	return false;
}

/* Where the counts of -c's table came from, for the loss summary. */
enum counts_from {
	COUNTS_NONE,		/* no table */
	COUNTS_KERNEL,		/* the session's: whatever the rings lost */
	COUNTS_MERGED,		/* those, with the records' min and max */
	COUNTS_RECORDS,		/* the records': short of those lost */
};

/*
 * -c's table: of the session's counters when at hand (live, or saved
 * in the recording), which a ring's losses leave whole; else, or for
 * each call's time (-U, -S min-time, max-time), of the records.  When
 * records were lost, those take the session's calls, errors and times,
 * and keep only their shortest and longest.
 */
static enum counts_from summary(struct kt_tracer *t, const struct kt_end *e,
				uint64_t lost)
{
	const struct kt_opts *o = t->o;
	const struct kt_counts *c = e->counts ? e->counts : &t->counts;
	enum counts_from from = e->counts ? COUNTS_KERNEL : COUNTS_RECORDS;
	unsigned int abi, nr;

	t->counts.valid = true;
	/* Each call's time: the session counts only their sum. */
	if (kt_summary_needs_minmax(o)) {
		if (!t->counts.minmax && e->counts && counted(e->counts)) {
			ktrace_err("-U, -S min-time, max-time: this trace has no syscall records to time each call (recorded with -c?)");
			return COUNTS_NONE;
		}
		c = &t->counts;
		from = COUNTS_RECORDS;
	}
	if (kt_summary_needs_minmax(o) && e->counts && lost) {
		for (abi = 0; abi < KTRACE_ABI_COUNT; abi++) {
			for (nr = 0; nr < KTRACE_NR_MAX; nr++) {
				const struct kt_count *k = &e->counts->c[abi][nr];

				t->counts.c[abi][nr].calls = k->calls;
				t->counts.c[abi][nr].errors = k->errors;
				t->counts.c[abi][nr].ns = k->ns;
			}
		}
		from = COUNTS_MERGED;
	}
	kt_summary(t->out, o, c);
	return from;
}

/*
 * The end of the stream: the open line ends, the command's death shows
 * if its record was lost (the wait status says what it was), then -c's
 * table, and the loss summary on stderr once the trace is written: with
 * -c, whether the rings' losses left the counts whole.
 */
static void text_finish(struct kt_sink *s, const struct kt_end *e)
{
	static const char *const counts_said[] = {
		[COUNTS_NONE] = NULL,
		[COUNTS_KERNEL] = "the kernel's, whole",
		[COUNTS_MERGED] = "the kernel's, whole; min-time and max-time the records'",
		[COUNTS_RECORDS] = "of the records kept, and may be low",
	};
	struct kt_tracer *t = (struct kt_tracer *)s;
	const struct kt_opts *o = t->o;
	struct task *k = t->child ? task_get(t, t->child) : NULL;
	const char *said = NULL;
	uint64_t lost = kt_end_lost(e, t->lost);

	if (e->detach)
		detach_all(t, e);
	close_open_line(t);
	if (k && k->started && e->child_reaped && !o->summary_only)
		print_death(t, k, t->newest_ts,
			    WIFEXITED(e->child_status) ?
			    WEXITSTATUS(e->child_status) : 0,
			    WIFSIGNALED(e->child_status) ?
			    WTERMSIG(e->child_status) : 0,
			    WIFSIGNALED(e->child_status) &&
			    WCOREDUMP(e->child_status));
	if (o->summary_only || o->summary)
		said = counts_said[summary(t, e, lost)];
	t->open_line = NULL;
	kt_out_flush_all();
	if (lost && !kt_out_error())
		ktrace_err("%llu records were lost: the traced programs outran the rings (see the lines above; a larger ring helps)%s%s",
			   (unsigned long long)lost,
			   said ? "; the summary's counts are " : "",
			   said ? said : "");
}

/* The reader's batch ends: an open line shows now, as strace shows it. */
static void text_idle(struct kt_sink *s)
{
	write_open_line((struct kt_tracer *)s);
}

/* A call not shown is about to change a descriptor table. */
static void text_hidden(void *ctx)
{
	write_open_line(ctx);
}

static void text_free(struct kt_sink *s)
{
	struct kt_tracer *t = (struct kt_tracer *)s;

	kt_pidns_free(t->pidns);
	kt_pidmap_free(&t->groups);
	kt_buf_free(&t->line);
	kt_buf_free(&t->call);
	kt_buf_free(&t->ret);
	free(t->ff_open);
	free(t);
}

/*
 * strace's text, a sink of ev: it asks ev for the entries and, with -y
 * or -P, for the descriptor tables.
 */
struct kt_sink *kt_sink_text_new(struct kt_events *ev, struct kt_out *out,
				 const struct kt_opts *o,
				 const struct kt_target *tg)
{
	struct kt_tracer *t = calloc(1, sizeof(*t));
	struct task *k;
	unsigned int i;

	if (!t)
		return NULL;
	t->sink.event = text_event;
	t->sink.finish = text_finish;
	t->sink.idle = text_idle;
	t->sink.free = text_free;
	t->ev = ev;
	t->o = o;
	t->follow = o->follow > 0;
	t->counting = o->summary_only || o->summary;
	/* Plain -y's flags are none but the live session's KT_FDS_PROC. */
	t->lazy_ok = !kt_fds_flags(o, false) && !o->trace_path &&
		     !o->decode_pids && !(o->follow > 1 && o->outfile);
	t->out = out;
	t->ff = o->follow > 1 && o->outfile;
	t->dump_io = o->dump_read.on || o->dump_write.on;
	t->child = tg->child;
	t->pids = tg->ids;
	t->npids = tg->npids;
	for (i = 0; i < tg->npids; i++)
		t->unseen += tg->nthreads && tg->nthreads[i] ?
			     tg->nthreads[i] : 1;
	t->announce = t->follow && !attach_quiet(t);
	t->mono_to_real = tg->mono_to_real;
	t->fmt.strsize = o->strsize;
	t->fmt.column = o->column;
	t->fmt.fd_paths = o->decode_fds;
	t->fmt.fd_path = fd_path;
	t->fmt.fd_path_before = fd_path_before;
	t->fmt.fd_family = fd_family;
	t->fmt.fd_nlproto = fd_nlproto;
	if (o->decode_pids & KT_PIDS_COMM) {
		t->fmt.pid_comm = pid_comm;
		kt_events_track_comms(ev, tg->live);
	}
	/* Translated from /proc: only while the processes live. */
	if (o->decode_pids & KT_PIDS_NS && tg->live) {
		t->pidns = kt_pidns_new();
		t->fmt.pid_ns = pid_ns;
	}
	t->fmt.ctx = t;
	t->pfmt = t->fmt;
	t->pfmt.fd_paths = true;
	t->pfmt.fd_path = fd_probe;
	t->pfmt.fd_path_before = NULL;
	t->pfmt.pid_comm = NULL;	/* -P's probe prints nothing */
	t->pfmt.pid_ns = NULL;
	kt_events_want_enter(ev, free_priv, t);
	/* Without -y, for the sockets' families (netlink buffers). */
	if (o->decode_fds || o->trace_path)
		kt_events_track_fds(ev, kt_fds_flags(o, tg->live));
	else
		kt_events_track_families(ev, o, tg->live);
	/* Kept with or without -y: a socket's family is read from them. */
	if (t->lazy_ok)
		kt_events_on_hidden(ev, text_hidden, t);
	if (t->child) {
		k = task_new(t, t->child);
		task_set_tgid(t, k, t->child);
		k->first_exec = true;
		task_set_live(t, k, true);
	}
	return &t->sink;
}
