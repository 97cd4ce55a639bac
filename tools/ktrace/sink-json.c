// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): --json, a sink of the events stage: one JSON object a line
 * per event, schema version 2 (Documentation/json.rst, and
 * tools/ktrace/json-schema.json, which the tests validate against).  A
 * "start" object anchors the times to both clocks; every other "ts" is
 * in nanoseconds from it.  Integers are exact in a reader that holds
 * numbers as doubles (jq 1.6): a value beyond 2^53 is written as a string
 * of its decimal digits.  Strings as kt_buf_json_str() writes them
 * (names.c): valid UTF-8 through, other bytes as \udcXX.
 *
 * Which tasks show is what strace would show: the command from its
 * execve on, with -f its children, with -p the processes named, or every
 * task of a system-wide trace.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "decoders.h"
#include "sink.h"

#define JSON_VERSION	2
#define EXACT_MAX	(1ULL << 53)
#define SHOWN		((void *)1)
#define FORKED		((void *)2)	/* shown, its return from clone next */
#define EXITED		((void *)3)	/* shown, a process not yet reaped */

struct json_sink {
	struct kt_sink s;
	struct kt_out *out;
	const struct kt_opts *o;
	uint64_t base_ts;
	int64_t mono_to_real;
	pid_t child;
	const int *pids;
	unsigned int npids;
	bool follow;
	bool ip;			/* -i: syscalls have "ip" */
	struct kt_pidmap shown;		/* pid -> SHOWN, FORKED, EXITED */
	struct kt_pidmap sender;	/* pid -> the last sender's pid */
	struct kt_pidmap last;		/* pid -> its last call's name */
	struct kt_fmt_opts fmt;
	struct kt_events *ev;	/* -y: its descriptor tables */
	pid_t fmt_pid;
	struct kt_buf line, text;
	struct kt_blob argv[KT_ARGV_MAX];
	/* Each syscall's argument kinds and count, looked up once. */
	const char *kinds[KTRACE_ABI_COUNT][KTRACE_NR_MAX];
	unsigned char nargs[KTRACE_ABI_COUNT][KTRACE_NR_MAX];
	uint64_t lost;			/* the lost objects' sum */
	bool child_exit_seen;		/* the command's exit object written */
};

/* A number beyond 2^53, which a double cannot hold, as a string. */
static void put_u64(struct kt_buf *b, uint64_t v)
{
	if (v > EXACT_MAX)
		kt_buf_putc(b, '"');
	kt_buf_udec(b, v);
	if (v > EXACT_MAX)
		kt_buf_putc(b, '"');
}

static void put_s64(struct kt_buf *b, int64_t v)
{
	bool str = v > (int64_t)EXACT_MAX || v < -(int64_t)EXACT_MAX;

	if (str)
		kt_buf_putc(b, '"');
	kt_buf_dec(b, v);
	if (str)
		kt_buf_putc(b, '"');
}

static void put_key(struct kt_buf *b, const char *key)
{
	kt_buf_write(b, ",\"", 2);
	kt_buf_puts(b, key);
	kt_buf_write(b, "\":", 2);
}

static void put_bool(struct kt_buf *b, const char *key, bool v)
{
	put_key(b, key);
	kt_buf_puts(b, v ? "true" : "false");
}

static void put_int(struct kt_buf *b, const char *key, long long v)
{
	put_key(b, key);
	put_s64(b, v);
}

static void put_name(struct kt_buf *b, const char *key, const char *s)
{
	put_key(b, key);
	if (s)
		kt_buf_json_str(b, s, -1);
	else
		kt_buf_puts(b, "null");
}

static void put_ts(struct json_sink *j, const char *key, uint64_t ts)
{
	put_int(&j->line, key, (int64_t)(ts - j->base_ts));
}

static void head(struct json_sink *j, const char *type,
		 const struct kt_event *e)
{
	struct kt_buf *b = &j->line;

	kt_buf_reset(b);
	kt_buf_puts(b, "{\"v\":");
	kt_buf_dec(b, JSON_VERSION);
	kt_buf_puts(b, ",\"type\":\"");
	kt_buf_puts(b, type);
	kt_buf_putc(b, '"');
	put_ts(j, "ts", e->ts);
	if (e->type != KT_EV_LOSS) {
		put_int(b, "pid", e->pid);
		put_int(b, "tgid", e->tgid);
		put_name(b, "comm", e->comm);
	}
	put_int(b, "cpu", e->cpu);
}

static void end(struct json_sink *j)
{
	kt_buf_puts(&j->line, "}\n");
	kt_out_write(j->out, j->line.s, j->line.len);
}

/*
 * An argument as the syscall's prototype types it: a signed int or long
 * as its signed value, anything else unsigned; i386 passes 32 bits.
 */
static void put_arg(struct kt_buf *b, const struct kt_syscall *sc,
		    char kind, uint64_t v)
{
	bool compat = sc->abi == KTRACE_CLI_ABI_I386;

	if (kind == 'f' || kind == 'i' || (kind == 'l' && compat))
		put_s64(b, (int32_t)v);
	else if (kind == 'l')
		put_s64(b, (int64_t)v);
	else
		put_u64(b, compat ? (uint32_t)v : v);
}

static const char *fd_path(void *ctx, int fd)
{
	struct json_sink *j = ctx;

	return kt_events_fd_path(j->ev, j->fmt_pid, fd);
}

static int fd_family(void *ctx, int fd)
{
	struct json_sink *j = ctx;

	return kt_events_fd_family(j->ev, j->fmt_pid, fd);
}

static int fd_nlproto(void *ctx, int fd)
{
	struct json_sink *j = ctx;

	return kt_events_fd_nlproto(j->ev, j->fmt_pid, fd);
}

/* The structured fields: fd, path, path2, argv. */
static void syscall_fields(struct json_sink *j, const struct kt_syscall *sc,
			   const char *kinds)
{
	struct kt_buf *b = &j->line;
	unsigned int i, paths = 0;

	/* Not a descriptor made up of an entry not seen. */
	for (i = 0; kinds[i] && i < 6 && !sc->args_unknown; i++) {
		if (kinds[i] == 'f') {
			put_int(b, "fd", (int32_t)sc->args[i]);
			break;
		}
	}
	for (i = 0; i < 6 && paths < 2; i++) {
		const struct kt_blob *bl = &sc->blob[i];

		if (!(bl->flags & KT_BLOB_STRING) || !bl->data)
			continue;
		put_key(b, paths++ ? "path2" : "path");
		kt_buf_json_str(b, (const char *)bl->data, bl->len);
	}
	if (sc->argv) {
		put_key(b, "argv");
		kt_buf_putc(b, '[');
		for (i = 0; i < sc->argc; i++) {
			if (i)
				kt_buf_putc(b, ',');
			kt_buf_json_str(b, (const char *)sc->argv[i].data,
					sc->argv[i].len);
		}
		kt_buf_putc(b, ']');
		put_bool(b, "argv_truncated", sc->argv_truncated);
	}
}

/*
 * The kinds of @sc's arguments (kt_syscall_arg_kinds()) and their number
 * in *@nargs: 6 of unknown kinds for a syscall without a name.
 */
static const char *arg_kinds(struct json_sink *j, const struct kt_syscall *sc,
			     const char *name, unsigned int *nargs)
{
	if (!ktrace_syscall_name(sc->abi, sc->nr)) {
		*nargs = 6;
		return "";
	}
	if (sc->abi >= KTRACE_ABI_COUNT || sc->nr >= KTRACE_NR_MAX) {
		*nargs = kt_syscall_nargs(name);
		return kt_syscall_arg_kinds(name);
	}
	if (!j->kinds[sc->abi][sc->nr]) {
		j->nargs[sc->abi][sc->nr] = kt_syscall_nargs(name);
		j->kinds[sc->abi][sc->nr] = kt_syscall_arg_kinds(name);
	}
	*nargs = j->nargs[sc->abi][sc->nr];
	return j->kinds[sc->abi][sc->nr];
}

static void on_syscall(struct json_sink *j, const struct kt_event *e)
{
	static const char *const ends[] = {
		[KT_SYS_RETURNED] = "returned",
		[KT_SYS_NO_RETURN] = "no_return",
		[KT_SYS_IN_FLIGHT] = "in_flight",
	};
	struct kt_buf *b = &j->line;
	struct kt_syscall sc;
	const char *name, *kinds;
	char nbuf[24];
	unsigned int i, nargs, nkinds;
	bool returned = e->sys.end == KT_SYS_RETURNED;
	int err = returned && kt_ret_failed(e->sys.ret) ? (int)-e->sys.ret : 0;

	kt_event_syscall(e, &sc, j->argv);
	/* restart_syscall names the call it resumes, as strace. */
	sc.resumes = kt_pidmap_get(&j->last, e->pid);
	name = kt_sc_name(sc.abi, sc.nr, nbuf);
	kinds = arg_kinds(j, &sc, name, &nargs);
	nkinds = strlen(kinds);
	j->fmt_pid = e->pid;
	head(j, "syscall", e);
	put_name(b, "syscall", name);
	put_int(b, "nr", sc.nr);
	put_name(b, "abi", ktrace_abi_name(sc.abi));
	put_key(b, "args");
	if (e->sys.enter_seen) {
		kt_buf_putc(b, '[');
		for (i = 0; i < nargs && i < 6; i++) {
			if (i)
				kt_buf_putc(b, ',');
			put_arg(b, &sc, i < nkinds ? kinds[i] : 'u',
				sc.args[i]);
		}
		kt_buf_putc(b, ']');
	} else {
		kt_buf_puts(b, "null");
	}
	put_key(b, "call");
	if (e->sys.enter_seen) {
		kt_buf_reset(&j->text);
		kt_format_call(&j->text, &sc, &j->fmt);
		kt_buf_json_str(b, j->text.s ? j->text.s : "", j->text.len);
	} else {
		kt_buf_puts(b, "null");
	}
	put_key(b, "result");
	if (e->sys.end != KT_SYS_IN_FLIGHT) {
		/* Column 1: the result without strace's padding. */
		struct kt_fmt_opts fo = j->fmt;

		fo.column = 1;
		kt_buf_reset(&j->text);
		kt_format_return(&j->text, &sc, &fo);
		kt_buf_json_str(b, j->text.s, j->text.len);
	} else {
		kt_buf_puts(b, "null");
	}
	put_key(b, "ret");
	if (returned)
		put_s64(b, e->sys.ret);
	else
		kt_buf_puts(b, "null");
	put_name(b, "errno", err ? kt_errno_name(err) : NULL);
	put_name(b, "end", ends[e->sys.end]);
	/* As in v1, before duration_ns: lab 02 reads the two together. */
	put_key(b, "enter_ts");
	if (e->sys.enter_seen)
		put_s64(b, (int64_t)(e->ts - j->base_ts));
	else
		kt_buf_puts(b, "null");
	put_key(b, "duration_ns");
	if (e->sys.enter_seen || e->sys.dur)
		put_u64(b, e->sys.dur);
	else
		kt_buf_puts(b, "null");
	if (j->ip) {
		put_key(b, "ip");
		if (sc.has_ip)
			put_u64(b, sc.ip);
		else
			kt_buf_puts(b, "null");
	}
	syscall_fields(j, &sc, kinds);
	end(j);
}

/* A wait status's parts: status, signal, signo, core_dumped. */
static void wait_fields(struct json_sink *j, int code)
{
	struct kt_buf *b = &j->line;
	char nbuf[16];

	put_int(b, "wait_status", code);
	put_key(b, "status");
	if (WIFEXITED(code))
		put_s64(b, WEXITSTATUS(code));
	else
		kt_buf_puts(b, "null");
	put_name(b, "signal", WIFSIGNALED(code) ?
		 kt_sig_name(WTERMSIG(code), nbuf) : NULL);
	put_int(b, "signo", WIFSIGNALED(code) ? WTERMSIG(code) : 0);
	put_bool(b, "core_dumped", WIFSIGNALED(code) && WCOREDUMP(code));
}

static void on_exit_ev(struct json_sink *j, const struct kt_event *e)
{
	char nbuf[16];

	head(j, "exit", e);
	wait_fields(j, e->exit.code);
	put_bool(&j->line, "group_dead", e->exit.group_dead);
	put_bool(&j->line, "by_exec", e->exit.exec);
	/* strace's line, unless -e signal= or -qq leaves it out. */
	if (kt_death_shown(j->o, e->exit.signal)) {
		kt_buf_reset(&j->text);
		if (e->exit.signal)
			kt_buf_printf(&j->text, "+++ killed by %s %s+++",
				      kt_sig_name(e->exit.signal, nbuf),
				      e->exit.core ? "(core dumped) " : "");
		else
			kt_buf_printf(&j->text, "+++ exited with %d +++",
				      e->exit.status);
		put_key(&j->line, "text");
		kt_buf_json_str(&j->line, j->text.s, j->text.len);
	}
	end(j);
}

static void siginfo(struct json_sink *j, const struct ktrace_siginfo *si)
{
	struct kt_buf *b = &j->line;

	put_key(b, "siginfo");
	if (!si) {
		kt_buf_puts(b, "null");
		return;
	}
	kt_buf_printf(b, "{\"pid\":%d,\"uid\":%u,\"status\":%d", si->pid,
		      si->uid, si->status);
	put_int(b, "utime", si->utime);
	put_int(b, "stime", si->stime);
	put_key(b, "addr");
	put_u64(b, si->addr);
	kt_buf_putc(b, '}');
}

static void sig_common(struct json_sink *j, const struct kt_event *e)
{
	char nbuf[16], cbuf[16];

	put_name(&j->line, "signal", kt_sig_name(e->sig.sig, nbuf));
	put_int(&j->line, "signo", e->sig.sig);
	put_int(&j->line, "code", e->sig.code);
	put_name(&j->line, "code_name",
		 kt_sigcode_name(e->sig.sig, e->sig.code, cbuf));
	siginfo(j, e->sig.si);
}

static void on_generate(struct json_sink *j, const struct kt_event *e)
{
	static const char *const results[] = {
		[KTRACE_SIG_DELIVERED] = "delivered",
		[KTRACE_SIG_IGNORED] = "ignored",
		[KTRACE_SIG_ALREADY_PENDING] = "already_pending",
		[KTRACE_SIG_OVERFLOW_FAIL] = "overflow_fail",
		[KTRACE_SIG_LOSE_INFO] = "lose_info",
	};
	struct kt_buf *b = &j->line;
	unsigned int r = e->sig.result;

	head(j, "signal_generate", e);
	sig_common(j, e);
	put_int(b, "target_pid", e->sig.target_pid);
	put_int(b, "target_tgid", e->sig.target_tgid);
	put_key(b, "target_comm");
	kt_buf_json_str(b, e->sig.target_comm, strnlen(e->sig.target_comm, 16));
	put_bool(b, "group", e->sig.group);
	put_name(b, "result", r < ARRAY_SIZE(results) ? results[r] : "other");
	put_bool(b, "continued", e->sig.continued);
	put_bool(b, "group_exiting", e->sig.group_exit);
	end(j);
}

static void on_deliver(struct json_sink *j, const struct kt_event *e)
{
	struct kt_buf *b = &j->line;
	const struct ktrace_siginfo *si = e->sig.si;
	void *from = kt_pidmap_get(&j->sender, e->pid);
	char nbuf[16], cbuf[16];
	bool has_pid = si && (e->sig.code <= 0 || e->sig.sig == SIGCHLD);

	head(j, "signal_deliver", e);
	sig_common(j, e);
	put_name(b, "action", e->sig.action == KTRACE_SIGACT_HANDLER ?
		 "handler" : e->sig.action == KTRACE_SIGACT_IGNORE ?
		 "ignore" : "default");
	put_key(b, "sender_pid");
	if (has_pid)
		put_s64(b, si->pid);
	else if (from && e->sig.code <= 0)
		put_s64(b, (intptr_t)from);
	else
		kt_buf_puts(b, "null");
	if (j->ip) {
		put_key(b, "ip");
		if (e->sig.has_ip)
			put_u64(b, e->sig.ip);
		else
			kt_buf_puts(b, "null");
	}
	/* The line strace prints for it. */
	kt_buf_reset(&j->text);
	kt_buf_printf(&j->text, "--- %s {si_signo=%s, si_code=%s",
		      kt_sig_name(e->sig.sig, nbuf), nbuf,
		      kt_sigcode_name(e->sig.sig, e->sig.code, cbuf));
	if (si)
		kt_buf_siginfo(&j->text, e->sig.sig, e->sig.code, si);
	kt_buf_puts(&j->text, "} ---");
	put_key(b, "text");
	kt_buf_json_str(b, j->text.s, j->text.len);
	end(j);
}

static bool shown(struct json_sink *j, pid_t pid)
{
	return kt_pidmap_get(&j->shown, pid);
}

static void set(struct kt_pidmap *m, pid_t pid, void *val)
{
	kt_pidmap_del(m, pid);
	if (kt_pidmap_put(m, pid, val)) {
		ktrace_err("out of memory");
		exit(1);
	}
}

/* The name of the task's last call that returned: see on_syscall(). */
static void remember_call(struct json_sink *j, const struct kt_event *e)
{
	const char *name = ktrace_syscall_name(kt_cli_abi(e->sys.abi),
					       e->sys.nr);

	if (name)
		set(&j->last, e->pid, (void *)name);
	else
		kt_pidmap_del(&j->last, e->pid);
}

static void show(struct json_sink *j, pid_t pid)
{
	set(&j->shown, pid, SHOWN);
}

/* Is the event's task one strace would show?  Starts them as it goes. */
static bool wanted(struct json_sink *j, const struct kt_event *e)
{
	bool e_start = false;
	unsigned int i;

	if (shown(j, e->pid))
		return true;
	if (!j->child && !j->npids) {
		show(j, e->pid);
		return true;
	}
	for (i = 0; i < j->npids; i++) {
		if (j->pids[i] == e->tgid || j->pids[i] == e->pid) {
			show(j, e->pid);
			return true;
		}
	}
	/* The command shows from its execve on. */
	if (e->pid == j->child && e->type == KT_EV_SYSCALL) {
		const char *name = ktrace_syscall_name(kt_cli_abi(e->sys.abi),
						       e->sys.nr);

		if (name && (!strcmp(name, "execve") ||
			     !strcmp(name, "execveat")))
			e_start = true;
	}
	if (e->pid == j->child && (e->type == KT_EV_EXEC || e_start)) {
		show(j, e->pid);
		return true;
	}
	return false;
}

static void json_event(struct kt_sink *s, const struct kt_event *e)
{
	struct json_sink *j = (struct json_sink *)s;
	struct kt_buf *b = &j->line;

	switch (e->type) {
	case KT_EV_SYSCALL:
		/* A new child's return from clone(), half a call: as strace. */
		if (kt_pidmap_get(&j->shown, e->pid) == FORKED) {
			show(j, e->pid);
			if (!e->sys.enter_seen && !e->sys.ret)
				break;
		}
		if (wanted(j, e))
			on_syscall(j, e);
		if (e->sys.end == KT_SYS_RETURNED)
			remember_call(j, e);
		break;
	case KT_EV_FORK:
		if (!wanted(j, e))
			break;
		if (j->follow || (!j->child && !j->npids))
			set(&j->shown, e->fork.child_pid, FORKED);
		head(j, "fork", e);
		put_int(b, "child_pid", e->fork.child_pid);
		put_int(b, "child_tgid", e->fork.child_tgid);
		put_bool(b, "thread", e->fork.thread);
		put_key(b, "clone_flags");
		put_u64(b, e->fork.clone_flags);
		end(j);
		break;
	case KT_EV_EXEC:
		/* The thread takes its leader's id, and its own goes. */
		if (e->exec.old_pid != e->pid && shown(j, e->exec.old_pid)) {
			set(&j->shown, e->exec.old_pid, EXITED);
			show(j, e->pid);
		}
		if (!wanted(j, e))
			break;
		head(j, "exec", e);
		put_int(b, "old_pid", e->exec.old_pid);
		put_name(b, "filename", e->exec.filename);
		end(j);
		break;
	case KT_EV_EXIT:
		if (!wanted(j, e))
			break;
		on_exit_ev(j, e);
		if (e->pid == j->child && !e->exit.exec)
			j->child_exit_seen = true;
		kt_pidmap_del(&j->sender, e->pid);
		kt_pidmap_del(&j->last, e->pid);
		/* A thread is reaped with its exit. */
		if (e->pid != e->tgid)
			kt_pidmap_del(&j->shown, e->pid);
		else if (!e->exit.exec)	/* the exec's thread takes its id */
			set(&j->shown, e->pid, EXITED);
		break;
	case KT_EV_REAP:
		if (!shown(j, e->pid))
			break;
		head(j, "reap", e);
		wait_fields(j, e->reap.code);
		end(j);
		kt_pidmap_del(&j->shown, e->pid);
		break;
	case KT_EV_SIGNAL_GENERATE:
		/* A pid of 0 (interrupt context) would read as no entry. */
		if (e->tgid > 0)
			set(&j->sender, e->sig.target_pid,
			    (void *)(intptr_t)e->tgid);
		else
			kt_pidmap_del(&j->sender, e->sig.target_pid);
		if (wanted(j, e) || shown(j, e->sig.target_pid))
			on_generate(j, e);
		break;
	case KT_EV_SIGNAL_DELIVER:
		/* -e signal=: as the text trace's "--- SIG ---" line. */
		if (wanted(j, e) && kt_signal_shown(j->o, e->sig.sig))
			on_deliver(j, e);
		break;
	case KT_EV_LOSS:
		j->lost += e->loss.lost;
		head(j, "lost", e);
		put_key(b, "lost");
		put_u64(b, e->loss.lost);
		put_ts(j, "first_ts", e->loss.first_ts);
		put_ts(j, "last_ts", e->loss.last_ts);
		end(j);
		break;
	case KT_EV_STOPPED:		/* text only, as a group stop */
	case KT_EV_SYSCALL_ENTER:	/* not asked for */
		break;
	}
}

/*
 * The tasks the trace leaves running, which strace says it detaches (the
 * text sink's detach_all()): the -p targets' threads @e lists and every
 * task shown that has not exited, their ids ascending, in *@v to free().
 */
static unsigned int left_running(struct json_sink *j, const struct kt_end *e,
				 pid_t **v)
{
	const struct kt_pidmap *m = &j->shown;
	unsigned int i, n = 0, k;

	*v = malloc((e->ndetached + m->n + 1) * sizeof(**v));
	if (!*v) {
		ktrace_err("out of memory");
		exit(1);
	}
	/* Not one whose exit the trace holds. */
	for (i = 0; i < e->ndetached; i++)
		if (kt_pidmap_get(m, e->detached[i]) != EXITED)
			(*v)[n++] = e->detached[i];
	for (i = 0; i < m->cap; i++)
		if (m->slot[i].val && m->slot[i].val != EXITED &&
		    !(m->slot[i].pid == j->child && e->child_reaped))
			(*v)[n++] = m->slot[i].pid;
	qsort(*v, n, sizeof(**v), kt_pid_cmp);
	for (i = k = 0; i < n; i++)
		if (!k || (*v)[k - 1] != (*v)[i])
			(*v)[k++] = (*v)[i];
	return k;
}

/*
 * The last object: the stream is whole.  What the trace left running
 * when a signal, --syscall-limit or the device's end of data cut it
 * short, the records lost in all, and how the command ended, as the text
 * trace prints its "+++" line from the wait status when its exit record
 * was lost.
 */
static void json_finish(struct kt_sink *s, const struct kt_end *e)
{
	struct json_sink *j = (struct json_sink *)s;
	struct kt_buf *b = &j->line;
	unsigned int i, n = 0;
	pid_t *v = NULL;

	if (e->cut_off)
		return;
	if (e->detach)
		n = left_running(j, e, &v);
	kt_buf_reset(b);
	kt_buf_printf(b, "{\"v\":%d,\"type\":\"end\"", JSON_VERSION);
	put_ts(j, "ts", e->end_ts);
	put_key(b, "detached");
	kt_buf_putc(b, '[');
	for (i = 0; i < n; i++) {
		if (i)
			kt_buf_putc(b, ',');
		put_s64(b, v[i]);
	}
	kt_buf_putc(b, ']');
	put_key(b, "lost");
	put_u64(b, kt_end_lost(e, j->lost));
	/* The command's fate by waitpid(), even when its exit was lost. */
	put_key(b, "command");
	if (j->child && e->child_reaped) {
		kt_buf_puts(b, "{\"pid\":");
		put_s64(b, j->child);
		wait_fields(j, e->child_status);
		put_bool(b, "exit_seen", j->child_exit_seen);
		kt_buf_putc(b, '}');
	} else {
		kt_buf_puts(b, "null");
	}
	end(j);
	free(v);
}

static void json_free(struct kt_sink *s)
{
	struct json_sink *j = (struct json_sink *)s;

	kt_pidmap_free(&j->shown);
	kt_pidmap_free(&j->sender);
	kt_pidmap_free(&j->last);
	kt_buf_free(&j->line);
	kt_buf_free(&j->text);
	free(j);
}

/* The anchor: base_ts on both clocks, before any event. */
static void anchor(struct json_sink *j)
{
	struct kt_buf *b = &j->line;
	/* Summed unsigned: a corrupt recording's may wrap. */
	int64_t real = (int64_t)(j->base_ts + (uint64_t)j->mono_to_real);
	time_t sec = real / 1000000000;
	struct tm tm;

	kt_buf_reset(b);
	kt_buf_printf(b, "{\"v\":%d,\"type\":\"start\",\"ts\":0", JSON_VERSION);
	put_int(b, "monotonic_sec", j->base_ts / 1000000000);
	put_int(b, "monotonic_nsec", j->base_ts % 1000000000);
	put_int(b, "realtime_sec", sec);
	put_int(b, "realtime_nsec", real % 1000000000);
	gmtime_r(&sec, &tm);
	kt_buf_printf(b, ",\"realtime\":\"%04d-%02d-%02dT%02d:%02d:%02d.%09lldZ\"",
		      tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		      tm.tm_min, tm.tm_sec, (long long)(real % 1000000000));
	put_name(b, "ktrace", KTRACE_VERSION);
	end(j);
}

struct kt_sink *kt_sink_json_new(struct kt_events *ev, struct kt_out *out,
				 uint64_t base_ts, const struct kt_opts *o,
				 const struct kt_target *tg)
{
	struct json_sink *j = calloc(1, sizeof(*j));

	if (!j)
		return NULL;
	j->s.event = json_event;
	j->s.finish = json_finish;
	j->s.free = json_free;
	j->out = out;
	j->o = o;
	j->base_ts = base_ts;
	j->mono_to_real = tg->mono_to_real;
	j->child = tg->child;
	j->pids = tg->ids;
	j->npids = tg->npids;
	j->follow = o->follow > 0;
	j->ip = o->instruction_pointer;
	j->fmt.strsize = o->strsize;
	j->fmt.fd_paths = o->decode_fds;
	j->fmt.fd_path = fd_path;
	j->fmt.fd_family = fd_family;
	j->fmt.fd_nlproto = fd_nlproto;
	j->fmt.ctx = j;
	j->ev = ev;
	if (o->decode_fds)
		kt_events_track_fds(ev, kt_fds_flags(o, tg->live));
	else
		kt_events_track_families(ev, o, tg->live);
	anchor(j);
	return &j->s;
}
