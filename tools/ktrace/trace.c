// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): the tracer.  Starts or attaches to the targets, has the
 * kernel filter for them, then turns the module's records into strace's
 * lines (or JSON objects) until the targets are gone.
 *
 * read() gives records merged by time from all CPUs.  Each traced thread
 * has a struct task: the syscall it is in, if any.  Like strace, an entry
 * is printed at once and the line left open; when another task's line
 * must be printed first, the open line ends with " <unfinished ...>" and
 * the exit later prints as "<... NAME resumed>".
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktrace.h"
#include "decode.h"

#define READ_BUF_SIZE	(1 << 20)
#define NTASKS		8192

struct task {
	pid_t pid, tgid;
	bool used;
	bool started;		/* its events are shown */
	bool live;		/* counted in nlive */
	bool in_syscall;	/* an enter without its exit yet */
	bool skip_exit;		/* a new child: hide its return from clone() */
	bool deferred;		/* its line waits for the exit */
	struct kt_syscall sc;
	void *rec;		/* copy of the enter record sc points into */
	struct kt_blob argv[64];
	char *entry_text;	/* the call as printed at entry */
	char *line_text;	/* the whole line printed at entry */
	FILE *out;		/* -ff: this process's file */
	int sig_from;		/* sender of the last signal generated */
};

struct tracer {
	const struct kt_opts *o;
	int fd;
	pid_t child;		/* the command we started, or 0 */
	int child_status;
	bool child_reaped;
	bool follow;
	struct task *tasks;
	unsigned int nlive;	/* traced tasks alive */
	struct task *open_line;	/* whose line is open, or NULL */
	FILE *out;
	struct kt_fmt_opts fmt;
	struct kt_buf line, call, ret;
	uint64_t last_ts;	/* -r */
	uint64_t lost;
	int64_t mono_to_real;	/* CLOCK_REALTIME - CLOCK_MONOTONIC, ns */
	pid_t fmt_tgid;		/* -y: whose fds are being decoded */
};

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

static int64_t clock_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/*
 * Tasks live in an open-addressed table keyed by thread id.  An exited
 * task leaves a tombstone (pid -1) that a new task may take.
 */
static struct task *task_get(struct tracer *t, pid_t pid, bool create)
{
	unsigned int i, h = (unsigned int)pid * 2654435761u % NTASKS;
	struct task *tomb = NULL;

	for (i = 0; i < NTASKS; i++) {
		struct task *k = &t->tasks[(h + i) % NTASKS];

		if (k->used && k->pid == pid)
			return k;
		if (k->used && k->pid == -1 && !tomb)
			tomb = k;
		if (!k->used)
			break;
	}
	if (!create)
		return NULL;
	if (!tomb && i < NTASKS)
		tomb = &t->tasks[(h + i) % NTASKS];
	if (!tomb)
		return NULL;
	memset(tomb, 0, sizeof(*tomb));
	tomb->used = true;
	tomb->pid = pid;
	return tomb;
}

static void task_clear_call(struct task *k)
{
	free(k->entry_text);
	free(k->line_text);
	free(k->rec);
	k->entry_text = NULL;
	k->line_text = NULL;
	k->rec = NULL;
	k->in_syscall = false;
	k->deferred = false;
	memset(&k->sc, 0, sizeof(k->sc));
}

static void task_set_live(struct tracer *t, struct task *k, bool live)
{
	if (k->live == live)
		return;
	k->live = live;
	if (live)
		t->nlive++;
	else
		t->nlive--;
}

static FILE *task_out(struct tracer *t, struct task *k)
{
	char path[4096];

	if (t->o->follow < 2 || !t->o->outfile)
		return t->out;
	if (!k->out) {
		snprintf(path, sizeof(path), "%s.%d", t->o->outfile, k->pid);
		k->out = fopen(path, "we");
		if (!k->out) {
			ktrace_err("%s: %s", path, strerror(errno));
			k->out = t->out;
		}
	}
	return k->out;
}

/* strace's line leader: the pid prefix and the timestamps. */
static void leader(struct tracer *t, struct kt_buf *b, struct task *k,
		   uint64_t ts)
{
	const struct kt_opts *o = t->o;

	if (o->outfile && o->follow == 1)
		kt_buf_printf(b, "%-5d ", k->pid);
	else if (!o->outfile && (t->nlive > 1 || o->npids > 1))
		kt_buf_printf(b, "[pid %5d] ", k->pid);
	if (o->relative) {
		uint64_t d = t->last_ts ? ts - t->last_ts : 0;

		kt_buf_printf(b, "%6llu.%06llu ",
			      (unsigned long long)(d / 1000000000),
			      (unsigned long long)(d % 1000000000 / 1000));
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
static void close_open_line(struct tracer *t)
{
	struct task *k = t->open_line;

	if (!k)
		return;
	fputs(" <unfinished ...>\n", task_out(t, k));
	t->open_line = NULL;
}

/* Print t->line for task k, as a whole line or left open. */
static void emit(struct tracer *t, struct task *k, bool open)
{
	FILE *f = task_out(t, k);

	/* Every line emitted here is a new one: end any open line first. */
	close_open_line(t);
	fputs(t->line.s ? t->line.s : "", f);
	if (open)
		t->open_line = k;
	else
		fputc('\n', f);
}

static enum ktrace_cli_abi cli_abi(unsigned int abi)
{
	return abi == KTRACE_ABI_COMPAT ? KTRACE_CLI_ABI_I386 :
					  KTRACE_CLI_ABI_X86_64;
}

static const char *sc_name(const struct kt_syscall *sc, char *buf,
			   size_t len)
{
	const char *name = ktrace_syscall_name(sc->abi, sc->nr);

	if (name)
		return name;
	snprintf(buf, len, "syscall_%#x", sc->nr);
	return buf;
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
		if ((sc->blob[i].flags & KT_BLOB_FAULT) &&
		    (sc->blob[i].flags & KT_BLOB_STRING))
			return true;
	return false;
}

/* Fill sc's blobs from a record's blob table. */
static void take_blobs(struct task *k, struct kt_syscall *sc,
		       const void *rec, const struct ktrace_blob *blobs,
		       unsigned int n, uint32_t size)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		const struct ktrace_blob *b = &blobs[i];
		const uint8_t *data = (const uint8_t *)rec + b->offset;
		uint32_t flags = 0, len = b->len;

		if ((const char *)&blobs[i + 1] > (const char *)rec + size ||
		    b->offset + b->len > size || b->arg > 5)
			continue;
		if (b->flags & KTRACE_BF_FAULT)
			flags |= KT_BLOB_FAULT;
		if (b->flags & KTRACE_BF_TRUNC)
			flags |= KT_BLOB_TRUNCATED;
		if (b->kind == KTRACE_BLOB_ARGV) {
			const uint8_t *p = data, *end = data + len;

			sc->argc = 0;
			while (p < end && sc->argc < ARRAY_SIZE(k->argv)) {
				const uint8_t *z = memchr(p, 0, end - p);

				k->argv[sc->argc].data = p;
				k->argv[sc->argc].len = z ? z - p : end - p;
				k->argv[sc->argc].flags = KT_BLOB_STRING |
					(z ? 0 : KT_BLOB_TRUNCATED);
				sc->argc++;
				p = z ? z + 1 : end;
			}
			sc->argv = k->argv;
			sc->argv_truncated = b->flags & KTRACE_BF_TRUNC;
			continue;
		}
		if (b->kind == KTRACE_BLOB_PATH ||
		    b->kind == KTRACE_BLOB_FILENAME) {
			flags |= KT_BLOB_STRING;
			if (len && !data[len - 1])
				len--;
		}
		sc->blob[b->arg].data = flags & KT_BLOB_FAULT ? NULL : data;
		sc->blob[b->arg].len = len;
		sc->blob[b->arg].flags = flags;
	}
}

static void json_string(FILE *f, const char *s, size_t n)
{
	size_t i;

	fputc('"', f);
	for (i = 0; i < n && s[i]; i++) {
		unsigned char c = s[i];

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void json_head(struct tracer *t, FILE *f, const char *type,
		      const struct ktrace_rec_hdr *h)
{
	fprintf(f, "{\"v\":%d,\"type\":\"%s\",\"ts\":%llu,\"pid\":%d,\"tgid\":%d,\"comm\":",
		KTRACE_JSON_VERSION, type, (unsigned long long)h->ts, h->pid,
		h->tgid);
	json_string(f, h->comm, sizeof(h->comm));
}

static void json_syscall(struct tracer *t, struct task *k,
			 const struct ktrace_rec_hdr *h)
{
	FILE *f = task_out(t, k);
	const struct kt_syscall *sc = &k->sc;
	char nbuf[32];
	int i, err = sc->ret < 0 && sc->ret >= -4095 ? (int)-sc->ret : 0;

	t->fmt_tgid = k->tgid;
	kt_buf_reset(&t->call);
	kt_format_call(&t->call, sc, &t->fmt);
	kt_buf_reset(&t->ret);
	kt_format_return(&t->ret, sc, &t->fmt);
	json_head(t, f, "syscall", h);
	fprintf(f, ",\"syscall\":\"%s\",\"nr\":%u,\"abi\":\"%s\",\"args\":[",
		sc_name(sc, nbuf, sizeof(nbuf)), sc->nr,
		ktrace_abi_name(sc->abi));
	for (i = 0; i < 6; i++)
		fprintf(f, "%s%llu", i ? "," : "", (unsigned long long)sc->args[i]);
	fprintf(f, "],\"call\":");
	json_string(f, t->call.s, t->call.len);
	fprintf(f, ",\"result\":");
	json_string(f, t->ret.s, t->ret.len);
	fprintf(f, ",\"ret\":%lld,\"errno\":", (long long)sc->ret);
	if (err && kt_errno_name(err))
		fprintf(f, "\"%s\"", kt_errno_name(err));
	else
		fprintf(f, "null");
	if (sc->duration_ns != KTRACE_DURATION_UNKNOWN)
		fprintf(f, ",\"enter_ts\":%llu,\"duration_ns\":%llu}\n",
			(unsigned long long)(h->ts - sc->duration_ns),
			(unsigned long long)sc->duration_ns);
	else
		fprintf(f, ",\"enter_ts\":null,\"duration_ns\":null}\n");
}

static void on_enter(struct tracer *t, const struct ktrace_rec_sys_enter *r)
{
	struct task *k = task_get(t, r->hdr.pid, false);

	if (!k)
		return;
	if (!k->started) {
		/* The command shows from its execve on. */
		struct kt_syscall probe = { .abi = r->abi, .nr = r->nr };

		if (!sc_is(&probe, "execve", "execveat"))
			return;
		k->started = true;
	}
	task_clear_call(k);
	k->rec = malloc(r->hdr.size);
	if (!k->rec)
		return;
	memcpy(k->rec, r, r->hdr.size);
	r = k->rec;
	k->tgid = r->hdr.tgid;
	k->sc.abi = cli_abi(r->abi);
	k->sc.nr = r->nr;
	memcpy(k->sc.args, r->args, sizeof(k->sc.args));
	take_blobs(k, &k->sc, r, r->blobs, r->nblobs, r->hdr.size);
	k->in_syscall = true;
	if (t->o->json || t->o->summary_only)
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
	t->fmt_tgid = k->tgid;
	kt_buf_reset(&t->call);
	kt_format_call(&t->call, &k->sc, &t->fmt);
	k->entry_text = strdup(t->call.s ? t->call.s : "");
	kt_buf_printf(&t->line, "%s", t->call.s ? t->call.s : "");
	k->line_text = strdup(t->line.s ? t->line.s : "");
	emit(t, k, true);
}

/* -T: the time spent in the call. */
static void append_duration(struct tracer *t, struct kt_buf *b,
			    const struct kt_syscall *sc)
{
	if (t->o->syscall_times && sc->has_exit &&
	    sc->duration_ns != KTRACE_DURATION_UNKNOWN)
		kt_buf_printf(b, " <%llu.%06llu>",
			      (unsigned long long)(sc->duration_ns / 1000000000),
			      (unsigned long long)(sc->duration_ns % 1000000000 / 1000));
}

/*
 * Print the end of k's call: on its open line, or as "<... NAME
 * resumed>".  The whole line is built in t->line so that the result
 * column counts everything on it.
 */
static void print_exit(struct tracer *t, struct task *k, uint64_t ts)
{
	const char *rest;
	char nbuf[32];
	size_t printed = 0;

	t->fmt_tgid = k->tgid;
	kt_buf_reset(&t->call);
	kt_format_call(&t->call, &k->sc, &t->fmt);
	rest = t->call.s ? t->call.s : "";
	if (k->entry_text && !strncmp(rest, k->entry_text,
				      strlen(k->entry_text)))
		rest += strlen(k->entry_text);
	else if (k->entry_text)
		rest = "";

	kt_buf_reset(&t->line);
	if (t->open_line == k && k->line_text) {
		kt_buf_printf(&t->line, "%s", k->line_text);
		printed = t->line.len;
	} else if (k->deferred) {
		/* Whole, stamped with its entry, with what the exit brought. */
		leader(t, &t->line, k,
		       k->sc.duration_ns != KTRACE_DURATION_UNKNOWN &&
		       k->sc.duration_ns <= ts ? ts - k->sc.duration_ns : ts);
		rest = t->call.s ? t->call.s : "";
	} else {
		leader(t, &t->line, k, ts);
		kt_buf_printf(&t->line, "<... %s resumed>",
			      sc_name(&k->sc, nbuf, sizeof(nbuf)));
	}
	kt_buf_printf(&t->line, "%s", rest);
	kt_format_return(&t->line, &k->sc, &t->fmt);
	append_duration(t, &t->line, &k->sc);
	if (printed) {
		FILE *f = task_out(t, k);

		fputs(t->line.s + printed, f);
		fputc('\n', f);
		t->open_line = NULL;
	} else {
		emit(t, k, false);
	}
}

static void on_exit_rec(struct tracer *t, const struct ktrace_rec_sys_exit *r)
{
	struct task *k = task_get(t, r->hdr.pid, false);

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
		k->sc.abi = cli_abi(r->abi);
		k->sc.nr = r->nr;
	}
	k->sc.ret = r->ret;
	k->sc.has_exit = true;
	k->sc.duration_ns = r->duration;
	take_blobs(k, &k->sc, r, r->blobs, r->nblobs, r->hdr.size);
	if (t->o->json)
		json_syscall(t, k, &r->hdr);
	else if (!t->o->summary_only)
		print_exit(t, k, r->hdr.ts);
	task_clear_call(k);
}

static const char *sigcode_name(int sig, int code, char *buf, size_t len)
{
	static const char *const si[] = {
		[0] = "SI_USER", [1] = "SI_QUEUE", [2] = "SI_TIMER",
		[3] = "SI_MESGQ", [4] = "SI_ASYNCIO", [5] = "SI_SIGIO",
		[6] = "SI_TKILL",
	};
	static const char *const cld[] = {
		[1] = "CLD_EXITED", [2] = "CLD_KILLED", [3] = "CLD_DUMPED",
		[4] = "CLD_TRAPPED", [5] = "CLD_STOPPED", [6] = "CLD_CONTINUED",
	};

	if (code == 0x80)
		return "SI_KERNEL";
	if (code <= 0 && -code < (int)ARRAY_SIZE(si))
		return si[-code];
	if (sig == SIGCHLD && code > 0 && code < (int)ARRAY_SIZE(cld))
		return cld[code];
	snprintf(buf, len, "%d", code);
	return buf;
}

static void on_signal_deliver(struct tracer *t,
			      const struct ktrace_rec_signal_deliver *r)
{
	struct task *k = task_get(t, r->hdr.pid, false);
	const char *name = kt_signal_name(r->sig);
	char cbuf[16], nbuf[16];
	FILE *f;

	if (!k || !k->started || t->o->summary_only)
		return;
	if (!name) {
		snprintf(nbuf, sizeof(nbuf), "%d", r->sig);
		name = nbuf;
	}
	if (t->o->json) {
		f = task_out(t, k);
		json_head(t, f, "signal", &r->hdr);
		fprintf(f, ",\"signal\":\"%s\",\"code\":%d,\"action\":\"%s\"}\n",
			name, r->code,
			r->action == KTRACE_SIGACT_HANDLER ? "handler" :
			r->action == KTRACE_SIGACT_IGNORE ? "ignore" : "default");
		return;
	}
	kt_buf_reset(&t->line);
	leader(t, &t->line, k, r->hdr.ts);
	kt_buf_printf(&t->line, "--- %s {si_signo=%s, si_code=%s", name, name,
		      sigcode_name(r->sig, r->code, cbuf, sizeof(cbuf)));
	if (k->sig_from && r->code <= 0)
		kt_buf_printf(&t->line, ", si_pid=%d", k->sig_from);
	kt_buf_printf(&t->line, "} ---");
	emit(t, k, false);
}

static void on_signal_generate(struct tracer *t,
			       const struct ktrace_rec_signal_generate *r)
{
	struct task *k = task_get(t, r->target_pid, false);
	struct ktrace_rec_signal_deliver d;

	if (!k)
		return;
	k->sig_from = r->hdr.tgid;
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
	on_signal_deliver(t, &d);
}

static void on_fork(struct tracer *t, const struct ktrace_rec_fork *r)
{
	struct task *p = task_get(t, r->parent_pid, false), *c;
	FILE *f;

	if (!p || !p->started || !t->follow)
		return;
	c = task_get(t, r->child_pid, true);
	if (!c)
		return;
	c->tgid = r->child_tgid;
	c->started = true;
	/* Its first event is the return from clone(), which strace hides. */
	c->skip_exit = true;
	task_set_live(t, c, true);
	if (t->o->json) {
		f = task_out(t, p);
		json_head(t, f, "fork", &r->hdr);
		fprintf(f, ",\"child_pid\":%d,\"child_tgid\":%d,", r->child_pid,
			r->child_tgid);
		fprintf(f, "\"thread\":%s,\"clone_flags\":%llu}\n",
			r->fork_flags & KTRACE_FORK_THREAD ? "true" : "false",
			(unsigned long long)r->clone_flags);
	}
}

static void on_exec(struct tracer *t, const struct ktrace_rec_exec *r)
{
	struct task *k = task_get(t, r->old_pid, false);
	FILE *f;

	if (!k)
		return;
	/* With status filters the execve itself may not show: start here. */
	k->started = true;
	if (r->old_pid != r->hdr.pid) {
		/* A non-leader thread executed and took the leader's pid. */
		struct task *n = task_get(t, r->hdr.pid, true);

		if (n && n != k) {
			n->started = true;
			task_set_live(t, n, true);
			task_set_live(t, k, false);
		}
	}
	if (t->o->json) {
		struct kt_syscall sc = { 0 };

		take_blobs(k, &sc, r, r->blobs, r->nblobs, r->hdr.size);
		f = task_out(t, k);
		json_head(t, f, "exec", &r->hdr);
		fprintf(f, ",\"old_pid\":%d,\"filename\":", r->old_pid);
		json_string(f, (const char *)(sc.blob[0].data ? sc.blob[0].data :
			    (const uint8_t *)""), sc.blob[0].len);
		fprintf(f, "}\n");
	}
}

static void on_task_exit(struct tracer *t, const struct ktrace_rec_exit *r)
{
	struct task *k = task_get(t, r->hdr.pid, false);
	const char *name;
	char nbuf[16];
	FILE *f;

	if (!k || !k->started)
		return;
	if (t->o->json) {
		f = task_out(t, k);
		json_head(t, f, "exit", &r->hdr);
		fprintf(f, ",\"status\":%d,\"signal\":%d,\"core_dumped\":%s,\"group_dead\":%s}\n",
			r->status, r->signal,
			r->exit_flags & KTRACE_EXIT_CORE ? "true" : "false",
			r->exit_flags & KTRACE_EXIT_GROUP_DEAD ? "true" : "false");
	} else if (!t->o->summary_only) {
		if (k->in_syscall && sc_is(&k->sc, "exit", "exit_group")) {
			k->sc.has_exit = true;
			k->sc.ret = 0;
			k->sc.duration_ns = KTRACE_DURATION_UNKNOWN;
			print_exit(t, k, r->hdr.ts);
		}
		if (t->o->quiet < 2) {
			kt_buf_reset(&t->line);
			leader(t, &t->line, k, r->hdr.ts);
			if (r->signal) {
				name = kt_signal_name(r->signal);
				if (!name) {
					snprintf(nbuf, sizeof(nbuf), "%d",
						 r->signal);
					name = nbuf;
				}
				kt_buf_printf(&t->line, "+++ killed by %s %s+++",
					      name, r->exit_flags & KTRACE_EXIT_CORE ?
					      "(core dumped) " : "");
			} else {
				kt_buf_printf(&t->line, "+++ exited with %d +++",
					      r->status);
			}
			emit(t, k, false);
		}
	}
	task_clear_call(k);
	task_set_live(t, k, false);
	if (k->out && k->out != t->out)
		fclose(k->out);
	if (t->open_line == k)
		t->open_line = NULL;
	k->out = NULL;
	k->started = false;
	k->pid = -1;
}

static void on_loss(struct tracer *t, const struct ktrace_rec_loss *r)
{
	t->lost += r->lost;
	if (t->o->json) {
		fprintf(t->out, "{\"v\":%d,\"type\":\"lost\",\"ts\":%llu,",
			KTRACE_JSON_VERSION, (unsigned long long)r->hdr.ts);
		fprintf(t->out, "\"cpu\":%u,\"lost\":%llu,\"first_ts\":%llu,\"last_ts\":%llu}\n",
			r->hdr.cpu, (unsigned long long)r->lost,
			(unsigned long long)r->first_ts,
			(unsigned long long)r->last_ts);
		return;
	}
	close_open_line(t);
	fprintf(t->out, "ktrace: %llu records lost on CPU %u between %llu.%06llu and %llu.%06llu\n",
		(unsigned long long)r->lost, r->hdr.cpu,
		(unsigned long long)(r->first_ts / 1000000000),
		(unsigned long long)(r->first_ts % 1000000000 / 1000),
		(unsigned long long)(r->last_ts / 1000000000),
		(unsigned long long)(r->last_ts % 1000000000 / 1000));
}

/*
 * -p targets, and every task when tracing the whole system: their
 * threads show up as we see them.
 */
static void adopt(struct tracer *t, const struct ktrace_rec_hdr *h)
{
	struct task *k;
	unsigned int i;
	bool wanted = !t->child && !t->o->npids;

	if (t->child || task_get(t, h->pid, false))
		return;
	for (i = 0; i < t->o->npids && !wanted; i++)
		wanted = t->o->pids[i] == h->tgid;
	if (!wanted)
		return;
	k = task_get(t, h->pid, true);
	if (k) {
		k->tgid = h->tgid;
		k->started = true;
		task_set_live(t, k, true);
	}
}

/* Walk a buffer of records.  Returns -1 if the stream is corrupt. */
static int consume(struct tracer *t, const char *buf, size_t len)
{
	size_t off = 0;

	while (off + sizeof(struct ktrace_rec_hdr) <= len) {
		const struct ktrace_rec_hdr *h = (const void *)(buf + off);

		if (h->size < sizeof(*h) || h->size % 8 || h->size > len - off) {
			ktrace_err("corrupt record at offset %zu (size %u)", off,
				   h->size);
			return -1;
		}
		if (h->type != KTRACE_REC_LOSS && h->type != KTRACE_REC_PAD)
			adopt(t, h);
		switch (h->type) {
		case KTRACE_REC_SYS_ENTER:
			on_enter(t, (const void *)h);
			break;
		case KTRACE_REC_SYS_EXIT:
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
		off += h->size;
	}
	return 0;
}

/* Read what the rings hold now.  Returns -1 on error, else 0. */
static int drain(struct tracer *t, char *buf)
{
	for (;;) {
		ssize_t n = read(t->fd, buf, READ_BUF_SIZE);

		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			return 0;
		if (n < 0) {
			ktrace_err("reading %s: %s", KTRACE_DEV_PATH,
				   strerror(errno));
			return -1;
		}
		if (n == 0)
			return 0;
		if (consume(t, buf, n))
			return -1;
	}
}

static const char *fd_path(void *ctx, int fd)
{
	static char path[4096];
	struct tracer *t = ctx;
	char link[64];
	ssize_t n;

	if (fd == AT_FDCWD)
		snprintf(link, sizeof(link), "/proc/%d/cwd", t->fmt_tgid);
	else
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", t->fmt_tgid, fd);
	n = readlink(link, path, sizeof(path) - 1);
	if (n <= 0)
		return NULL;
	path[n] = '\0';
	return path;
}

/* -p: are all the processes we attached to gone? */
static bool targets_gone(const struct kt_opts *o)
{
	unsigned int i;

	for (i = 0; i < o->npids; i++)
		if (kill(o->pids[i], 0) == 0 || errno != ESRCH)
			return false;
	return true;
}

/*
 * Find the program as execvp() would, so that the traced child makes one
 * execve(), as under strace.  Returns a malloc()ed path, or NULL.
 */
static char *find_program(const char *name)
{
	const char *path = getenv("PATH");
	char *dirs, *dir, *save = NULL, *full = NULL;

	if (strchr(name, '/'))
		return strdup(name);
	dirs = strdup(path && *path ? path : "/usr/local/bin:/usr/bin:/bin");
	if (!dirs)
		return NULL;
	for (dir = strtok_r(dirs, ":", &save); dir;
	     dir = strtok_r(NULL, ":", &save)) {
		if (asprintf(&full, "%s/%s", *dir ? dir : ".", name) < 0) {
			full = NULL;
			break;
		}
		if (!access(full, X_OK))
			break;
		free(full);
		full = NULL;
	}
	free(dirs);
	return full;
}

/* Report errno e on the error pipe and leave. */
static void __attribute__((noreturn)) child_fail(int fd, int e, int code)
{
	if (write(fd, &e, sizeof(e)) < 0)
		_exit(code);
	_exit(code);
}

/*
 * Fork the command and have it stop itself before it executes, so that
 * the session can be set up for it.  The stop happens on the way back to
 * user mode, after the kill() syscall has returned: once the child is
 * added and continued, its first syscall is its execve(), and nothing of
 * ktrace's own setup shows in its trace or its counts.  An exec failure
 * comes back on err[0].
 */
static pid_t start_command(const struct kt_opts *o, int err[2])
{
	struct passwd *pw = NULL;
	char *prog;
	pid_t pid;
	int status;

	prog = find_program(o->argv[0]);
	if (!prog) {
		ktrace_err("cannot run '%s': command not found", o->argv[0]);
		return -1;
	}
	if (pipe2(err, O_CLOEXEC)) {
		ktrace_err("pipe: %s", strerror(errno));
		return -1;
	}
	if (o->user)
		pw = getpwnam(o->user);
	pid = fork();
	if (pid < 0) {
		ktrace_err("fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		close(err[0]);
		if (pw && (initgroups(pw->pw_name, pw->pw_gid) ||
			   setgid(pw->pw_gid) || setuid(pw->pw_uid)))
			child_fail(err[1], errno, 126);
		kill(getpid(), SIGSTOP);
		execv(prog, o->argv);
		child_fail(err[1], errno, 127);
	}
	free(prog);
	close(err[1]);
	/* Stopped, or already gone when it could not switch users. */
	waitpid(pid, &status, WUNTRACED);
	return pid;
}

int kt_trace(const struct kt_opts *o)
{
	static struct tracer tr;
	struct tracer *t = &tr;
	int err[2] = { -1, -1 };
	struct sigaction sa;
	char *buf;
	int ret = 1, e;
	unsigned int i;

	t->o = o;
	t->follow = o->follow > 0;
	t->out = stderr;
	t->fmt.strsize = o->strsize;
	t->fmt.fd_paths = o->decode_fds;
	t->fmt.fd_path = fd_path;
	t->fmt.ctx = t;
	t->mono_to_real = clock_ns(CLOCK_REALTIME) - clock_ns(CLOCK_MONOTONIC);
	t->tasks = calloc(NTASKS, sizeof(*t->tasks));
	buf = malloc(READ_BUF_SIZE);
	if (!t->tasks || !buf) {
		ktrace_err("out of memory");
		return 1;
	}
	if (o->outfile && o->follow < 2) {
		t->out = fopen(o->outfile, "we");
		if (!t->out) {
			ktrace_err("%s: %s", o->outfile, strerror(errno));
			return 1;
		}
	}

	t->fd = ktrace_dev_open();
	if (t->fd < 0)
		return 1;
	fcntl(t->fd, F_SETFL, fcntl(t->fd, F_GETFL) | O_NONBLOCK);
	if (kt_filters_apply(t->fd, o))
		return 1;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	if (o->argc) {
		struct task *k;

		t->child = start_command(o, err);
		if (t->child < 0)
			return 1;
		if (kt_dev_pid(t->fd, t->child,
			       t->follow ? KTRACE_PID_FOLLOW : 0, true))
			goto kill_child;
		k = task_get(t, t->child, true);
		k->tgid = t->child;
		task_set_live(t, k, true);
	}
	for (i = 0; i < o->npids; i++) {
		if (kt_dev_pid(t->fd, o->pids[i], KTRACE_PID_THREAD_GROUP |
			       (t->follow ? KTRACE_PID_FOLLOW : 0), true))
			return 1;
		if (!o->quiet)
			fprintf(stderr, "%s: Process %d attached\n", ktrace_prog,
				o->pids[i]);
	}
	if (kt_dev_enable(t->fd))
		goto kill_child;
	if (t->child) {
		kill(t->child, SIGCONT);
		if (read(err[0], &e, sizeof(e)) == sizeof(e)) {
			ktrace_err("cannot run '%s': %s", o->argv[0], strerror(e));
			waitpid(t->child, NULL, 0);
			return 1;
		}
		close(err[0]);
	}

	for (;;) {
		struct pollfd pfd = { .fd = t->fd, .events = POLLIN };
		bool done;

		poll(&pfd, 1, 100);
		if (drain(t, buf))
			break;
		if (t->child && !t->child_reaped &&
		    waitpid(t->child, &t->child_status, WNOHANG) == t->child)
			t->child_reaped = true;
		if (interrupted)
			done = true;
		else if (t->child)
			done = t->child_reaped && (!t->follow || !t->nlive);
		else if (o->npids)
			done = !t->nlive && targets_gone(o);
		else
			done = false;
		if (done) {
			kt_dev_disable(t->fd);
			ret = drain(t, buf) ? 1 : 0;
			break;
		}
	}
	close_open_line(t);
	if (o->summary_only || o->summary)
		kt_summary(t->fd, o, t->out);
	if (t->lost)
		ktrace_err("%llu records were lost: the traced programs outran the rings (see the lines above; a larger ring helps)",
			   (unsigned long long)t->lost);
	if (o->npids && !o->quiet)
		for (i = 0; i < o->npids; i++)
			fprintf(stderr, "%s: Process %d detached\n",
				ktrace_prog, o->pids[i]);
	fflush(t->out);
	if (ret)
		return ret;
	if (t->child) {
		if (!t->child_reaped)
			return 128 + (interrupted ? interrupted : SIGINT);
		if (WIFEXITED(t->child_status))
			return WEXITSTATUS(t->child_status);
		if (WIFSIGNALED(t->child_status))
			return 128 + WTERMSIG(t->child_status);
	}
	return interrupted ? 128 + interrupted : 0;

kill_child:
	if (t->child > 0) {
		kill(t->child, SIGKILL);
		waitpid(t->child, NULL, 0);
	}
	return 1;
}
