// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): "ktrace signals", every signal of a run paired from its
 * generation to its delivery: who sent it (a process, or the kernel),
 * to whom, how long it stayed pending, whether it was blocked meanwhile,
 * and what came of it (a handler ran, it was ignored, or its default
 * action: terminate, core, stop, continue).
 *
 * The session records signals and lifecycle events of the command (or
 * process) and its descendants, and their syscall entries: a thread that
 * enters a syscall while a signal is pending for it went back to user
 * mode without taking the signal, so the signal was blocked.  A fatal
 * signal that the kernel turns into a group exit is delivered as SIGKILL
 * to every thread; it is paired with the signal that caused it.
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ktrace.h"
#include "decode.h"

struct sig {
	uint64_t gen_ts, del_ts;
	int sig, code, result;
	pid_t from_pid, from_tgid;
	char from_comm[16];
	bool from_irq;
	pid_t to_pid, to_tgid;
	char to_comm[16];
	bool group;
	bool delivered, blocked, exited;
	bool dropped;		/* its target's group was exiting */
	unsigned int action;	/* KTRACE_SIGACT_* when delivered */
	uint64_t handler;
	int as_sig;		/* delivered as this (SIGKILL: group exit) */
	struct sig *next;
};

struct sigs {
	struct sig *all, **tail;
	bool json;
	uint64_t start;
	pid_t self;
	bool started;		/* the command's starting SIGCONT is past */
};

static const char *sig_name(int sig, char *buf, size_t len)
{
	const char *s = kt_signal_name(sig);

	if (s)
		return s;
	snprintf(buf, len, "SIG%d", sig);
	return buf;
}

/* What the default action of @sig does. */
static const char *default_action(int sig)
{
	switch (sig) {
	case SIGQUIT: case SIGILL: case SIGTRAP: case SIGABRT: case SIGBUS:
	case SIGFPE: case SIGSEGV: case SIGXCPU: case SIGXFSZ: case SIGSYS:
		return "core";
	case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
		return "stop";
	case SIGCONT:
		return "continue";
	case SIGCHLD: case SIGURG: case SIGWINCH:
		return "ignore";
	default:
		return "terminate";
	}
}

static bool fatal_by_default(int sig)
{
	const char *a = default_action(sig);

	return !strcmp(a, "terminate") || !strcmp(a, "core");
}

static void generate(struct sigs *s, const struct ktrace_rec_hdr *h)
{
	const struct ktrace_rec_signal_generate *g = (const void *)h;
	struct sig *n;

	if (h->size < sizeof(*g))
		return;
	/*
	 * ktrace's own: what its process gets (the command's SIGCHLD), and
	 * the SIGCONT that starts the command, the first that ktrace sends.
	 * What it sends later (the signal that ends it, forwarded to the
	 * command, and the SIGCONT before it) is part of the command's life.
	 */
	if (g->target_tgid == s->self)
		return;
	if (h->tgid == s->self && g->sig == SIGCONT && !s->started) {
		s->started = true;
		return;
	}
	n = calloc(1, sizeof(*n));
	if (!n) {
		ktrace_err("out of memory");
		exit(1);
	}
	n->gen_ts = h->ts;
	n->sig = g->sig;
	n->code = g->code;
	n->result = g->result;
	n->dropped = g->result == KTRACE_SIG_IGNORED &&
		     (g->flags & KTRACE_SIGGEN_GROUP_EXIT);
	n->from_pid = h->pid;
	n->from_tgid = h->tgid;
	n->from_irq = h->flags & KTRACE_RF_IRQ;
	memcpy(n->from_comm, h->comm, sizeof(n->from_comm));
	n->to_pid = g->target_pid;
	n->to_tgid = g->target_tgid;
	n->group = g->group;
	memcpy(n->to_comm, g->target_comm, sizeof(n->to_comm));
	*s->tail = n;
	s->tail = &n->next;
}

/* Is @n pending for thread @pid of process @tgid? */
static bool pending_for(const struct sig *n, pid_t pid, pid_t tgid)
{
	if (n->delivered || n->exited || n->result != KTRACE_SIG_DELIVERED)
		return false;
	return n->group ? n->to_tgid == tgid : n->to_pid == pid;
}

static void deliver(struct sigs *s, const struct ktrace_rec_hdr *h)
{
	const struct ktrace_rec_signal_deliver *d = (const void *)h;
	struct sig *n, *fatal = NULL;

	if (h->size < offsetof(struct ktrace_rec_signal_deliver, ip))
		return;
	for (n = s->all; n; n = n->next) {
		if (!pending_for(n, h->pid, h->tgid))
			continue;
		if (n->sig == d->sig)
			break;
		if (d->sig == SIGKILL && !fatal && fatal_by_default(n->sig))
			fatal = n;
	}
	if (!n)
		n = fatal;
	if (!n)
		return;
	n->delivered = true;
	n->del_ts = h->ts;
	n->action = d->action;
	n->handler = d->handler;
	n->as_sig = d->sig;
}

/* A syscall entered with a signal pending: that signal is blocked. */
static void sys_enter(struct sigs *s, const struct ktrace_rec_hdr *h)
{
	struct sig *n;

	for (n = s->all; n; n = n->next)
		if (pending_for(n, h->pid, h->tgid) && h->ts > n->gen_ts)
			n->blocked = true;
}

/* A process gone: what was pending for it never will be delivered. */
static void exit_rec(struct sigs *s, const struct ktrace_rec_hdr *h)
{
	const struct ktrace_rec_exit *x = (const void *)h;
	struct sig *n;

	if (h->size < sizeof(*x) || !(x->exit_flags & KTRACE_EXIT_GROUP_DEAD))
		return;
	for (n = s->all; n; n = n->next)
		if (!n->delivered && n->to_tgid == h->tgid)
			n->exited = true;
}

static void feed(void *ctx, const struct ktrace_rec_hdr *h)
{
	struct sigs *s = ctx;

	switch (h->type) {
	case KTRACE_REC_SIGNAL_GENERATE:
		generate(s, h);
		break;
	case KTRACE_REC_SIGNAL_DELIVER:
		deliver(s, h);
		break;
	case KTRACE_REC_SYS_ENTER:
		sys_enter(s, h);
		break;
	case KTRACE_REC_EXIT:
		exit_rec(s, h);
		break;
	}
}

/* The outcome in words, and a machine word for --json. */
static const char *outcome(const struct sig *n, char *buf, size_t len,
			   const char **word)
{
	char b[16];

	if (n->dropped) {
		*word = "dropped";
		return "dropped: the target was exiting";
	}
	switch (n->result) {
	case KTRACE_SIG_IGNORED:
		*word = "ignored";
		return "ignored";
	case KTRACE_SIG_ALREADY_PENDING:
		*word = "merged";
		return "merged with the one already pending";
	case KTRACE_SIG_OVERFLOW_FAIL:
		*word = "not_sent";
		return "not sent: queue full";
	}
	if (!n->delivered) {
		*word = n->exited ? "discarded" : "pending";
		return n->exited ? "never delivered: the target exited" :
				   "still pending";
	}
	switch (n->action) {
	case KTRACE_SIGACT_HANDLER:
		*word = "handler";
		snprintf(buf, len, "handler at 0x%llx",
			 (unsigned long long)n->handler);
		return buf;
	case KTRACE_SIGACT_IGNORE:
		*word = "ignored";
		return "ignored";
	}
	*word = default_action(n->sig);
	if (n->as_sig != n->sig)
		snprintf(buf, len, "default action: %s (as %s, group exit)",
			 *word, sig_name(n->as_sig, b, sizeof(b)));
	else
		snprintf(buf, len, "default action: %s", *word);
	return buf;
}

static double rel(const struct sigs *s, uint64_t ts)
{
	return ts > s->start ? (ts - s->start) / 1e9 : 0;
}

static void print(const struct sigs *s)
{
	char b1[16], from[48], to[48], pend[32], buf[96];
	const char *word, *out;
	const struct sig *n;
	bool kernel;

	if (!s->json)
		printf("%-10s %-9s %-22s %-22s %-10s %-7s %s\n", "TIME",
		       "SIGNAL", "FROM", "TO", "PENDING", "BLOCKED", "OUTCOME");
	for (n = s->all; n; n = n->next) {
		/* si_code > 0: the kernel sent it (SIGCHLD, SIGSEGV...). */
		kernel = n->from_irq || n->code > 0;
		out = outcome(n, buf, sizeof(buf), &word);
		if (s->json) {
			printf("{\"time\":%.6f,\"sig\":%d,\"signal\":\"%s\"",
			       rel(s, n->gen_ts), n->sig,
			       sig_name(n->sig, b1, sizeof(b1)));
			printf(",\"from_pid\":%d,\"from_comm\":",
			       n->from_irq ? 0 : n->from_pid);
			kt_json_string(stdout, n->from_irq ? "" : n->from_comm);
			printf(",\"kernel\":%s,\"to_pid\":%d,\"to_tgid\":%d,\"to_comm\":",
			       kernel ? "true" : "false", n->to_pid, n->to_tgid);
			kt_json_string(stdout, n->to_comm);
			printf(",\"group\":%s,\"delivered\":%s",
			       n->group ? "true" : "false",
			       n->delivered ? "true" : "false");
			if (n->delivered)
				printf(",\"pending_ns\":%llu",
				       (unsigned long long)(n->del_ts - n->gen_ts));
			printf(",\"blocked\":%s,\"outcome\":\"%s\",\"detail\":",
			       n->blocked ? "true" : "false", word);
			kt_json_string(stdout, out);
			printf("}\n");
			continue;
		}
		if (n->from_irq)
			snprintf(from, sizeof(from), "kernel");
		else
			snprintf(from, sizeof(from), "%d %s%s", n->from_pid,
				 n->from_comm, kernel ? " (kernel)" : "");
		snprintf(to, sizeof(to), "%d %s", n->group ? n->to_tgid :
			 n->to_pid, n->to_comm);
		if (n->delivered)
			kt_view_dur(pend, sizeof(pend), n->del_ts - n->gen_ts);
		else
			snprintf(pend, sizeof(pend), "-");
		printf("+%-9.6f %-9s %-22.22s %-22.22s %-10s %-7s %s\n",
		       rel(s, n->gen_ts), sig_name(n->sig, b1, sizeof(b1)),
		       from, to, pend, n->blocked ? "yes" : "no", out);
	}
}

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: %s signals [--json] -- COMMAND [ARGS...]\n"
		"       %s signals [--json] -p PID\n"
		"Run COMMAND (or watch process PID until it ends) and print every\n"
		"signal sent to it or its descendants: the sender, the target, how\n"
		"long it was pending, whether it was blocked, and its outcome.\n",
		ktrace_prog, ktrace_prog);
}

int ktrace_cmd_signals(int argc, char **argv)
{
	static struct sigs s;
	struct kt_view_opts o = {
		.view = "signals", .usage = usage, .command = true,
	};
	struct kt_view_run v = { 0 };
	int c, ret;

	c = kt_view_options(&o, argc, argv);
	if (c)
		return c < 0;
	v.pid = o.pid;
	v.argv = o.argv;
	v.argc = o.argc;
	s.json = o.json;
	s.tail = &s.all;
	s.self = getpid();
	s.started = !o.argc;	/* -p: ktrace starts nothing */
	v.events = KTRACE_EV_ALL;
	v.feed = feed;
	v.ctx = &s;
	ret = kt_view_run(&v);
	if (!v.start_ns)
		return ret;
	s.start = v.start_ns;
	print(&s);
	return kt_view_flush() ? 1 : ret;
}
