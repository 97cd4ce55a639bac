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

#define ARGV_MAX	64

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
	struct kt_blob *argv;	/* ARGV_MAX, for execve */
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
	free(k->argv);
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
		if (sc->blob[i].flags & KT_BLOB_FAULT)
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

			if (!k->argv)
				k->argv = malloc(ARGV_MAX * sizeof(*k->argv));
			if (!k->argv)
				continue;
			sc->argc = 0;
			while (p < end && sc->argc < ARGV_MAX) {
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
		if (b->kind == KTRACE_BLOB_COUNT)
			flags |= KT_BLOB_COUNT;
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

/* JSON, built whole in t->line and written at once. */
static void json_u64(struct kt_buf *b, unsigned long long v)
{
	char d[24], *p = d + sizeof(d);

	*--p = '\0';
	do {
		*--p = '0' + v % 10;
		v /= 10;
	} while (v);
	kt_buf_puts(b, p);
}

static void json_s64(struct kt_buf *b, long long v)
{
	if (v < 0) {
		kt_buf_putc(b, '-');
		json_u64(b, -(unsigned long long)v);
	} else {
		json_u64(b, v);
	}
}

static void json_string(struct kt_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char esc[8];
	size_t i, run = 0;

	kt_buf_putc(b, '"');
	for (i = 0; i < n && s[i]; i++) {
		unsigned char c = s[i];

		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
			continue;
		if (i > run)
			kt_buf_write(b, s + run, i - run);
		run = i + 1;
		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = c;
			esc[2] = '\0';
		} else {
			memcpy(esc, "\\u00", 4);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			esc[6] = '\0';
		}
		kt_buf_puts(b, esc);
	}
	if (i > run)
		kt_buf_write(b, s + run, i - run);
	kt_buf_putc(b, '"');
}

static void json_head(struct kt_tracer *t, const char *type,
		      const struct ktrace_rec_hdr *h)
{
	struct kt_buf *b = &t->line;

	kt_buf_reset(b);
	kt_buf_puts(b, "{\"v\":");
	json_u64(b, KTRACE_JSON_VERSION);
	kt_buf_puts(b, ",\"type\":\"");
	kt_buf_puts(b, type);
	kt_buf_puts(b, "\",\"ts\":");
	json_u64(b, h->ts);
	kt_buf_puts(b, ",\"pid\":");
	json_s64(b, h->pid);
	kt_buf_puts(b, ",\"tgid\":");
	json_s64(b, h->tgid);
	kt_buf_puts(b, ",\"comm\":");
	json_string(b, h->comm, sizeof(h->comm));
}

static void json_end(struct kt_tracer *t, struct kt_out *f)
{
	kt_buf_puts(&t->line, "}\n");
	kt_out_write(f, t->line.s, t->line.len);
}

static void json_syscall(struct kt_tracer *t, struct task *k,
			 const struct ktrace_rec_hdr *h)
{
	const struct kt_syscall *sc = &k->sc;
	struct kt_buf *b = &t->line;
	char nbuf[32];
	int i, err = sc->ret < 0 && sc->ret >= -4095 ? (int)-sc->ret : 0;

	t->fmt_tgid = k->tgid;
	kt_buf_reset(&t->call);
	kt_format_call(&t->call, sc, &t->fmt);
	kt_buf_reset(&t->ret);
	kt_format_return(&t->ret, sc, &t->fmt);
	json_head(t, "syscall", h);
	kt_buf_puts(b, ",\"syscall\":\"");
	kt_buf_puts(b, sc_name(sc, nbuf, sizeof(nbuf)));
	kt_buf_puts(b, "\",\"nr\":");
	json_u64(b, sc->nr);
	kt_buf_puts(b, ",\"abi\":\"");
	kt_buf_puts(b, ktrace_abi_name(sc->abi));
	kt_buf_puts(b, "\",\"args\":[");
	for (i = 0; i < 6; i++) {
		if (i)
			kt_buf_putc(b, ',');
		json_u64(b, sc->args[i]);
	}
	kt_buf_puts(b, "],\"call\":");
	json_string(b, t->call.s, t->call.len);
	kt_buf_puts(b, ",\"result\":");
	json_string(b, t->ret.s, t->ret.len);
	kt_buf_puts(b, ",\"ret\":");
	json_s64(b, sc->ret);
	kt_buf_puts(b, ",\"errno\":");
	if (err && kt_errno_name(err)) {
		kt_buf_putc(b, '"');
		kt_buf_puts(b, kt_errno_name(err));
		kt_buf_putc(b, '"');
	} else {
		kt_buf_puts(b, "null");
	}
	if (sc->duration_ns != KTRACE_DURATION_UNKNOWN) {
		kt_buf_puts(b, ",\"enter_ts\":");
		json_u64(b, h->ts - sc->duration_ns);
		kt_buf_puts(b, ",\"duration_ns\":");
		json_u64(b, sc->duration_ns);
	} else {
		kt_buf_puts(b, ",\"enter_ts\":null,\"duration_ns\":null");
	}
	json_end(t, task_out(t, k));
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
			      sc_name(&k->sc, nbuf, sizeof(nbuf)));
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
	flush_signal(t, k);
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
	static const char *const segv[] = {
		[1] = "SEGV_MAPERR", [2] = "SEGV_ACCERR", [3] = "SEGV_BNDERR",
		[4] = "SEGV_PKUERR",
	};
	static const char *const bus[] = {
		[1] = "BUS_ADRALN", [2] = "BUS_ADRERR", [3] = "BUS_OBJERR",
	};
	static const char *const trap[] = {
		[1] = "TRAP_BRKPT", [2] = "TRAP_TRACE", [3] = "TRAP_BRANCH",
		[4] = "TRAP_HWBKPT",
	};
	static const char *const fpe[] = {
		[1] = "FPE_INTDIV", [2] = "FPE_INTOVF", [3] = "FPE_FLTDIV",
		[4] = "FPE_FLTOVF", [5] = "FPE_FLTUND", [6] = "FPE_FLTRES",
		[7] = "FPE_FLTINV", [8] = "FPE_FLTSUB",
	};
	static const char *const ill[] = {
		[1] = "ILL_ILLOPC", [2] = "ILL_ILLOPN", [3] = "ILL_ILLADR",
		[4] = "ILL_ILLTRP", [5] = "ILL_PRVOPC", [6] = "ILL_PRVREG",
		[7] = "ILL_COPROC", [8] = "ILL_BADSTK",
	};

	if (sig == SIGCHLD && code > 0 && code < (int)ARRAY_SIZE(cld))
		return cld[code];
	if (sig == SIGSEGV && code > 0 && code < (int)ARRAY_SIZE(segv))
		return segv[code];
	if (sig == SIGBUS && code > 0 && code < (int)ARRAY_SIZE(bus))
		return bus[code];
	if (sig == SIGTRAP && code > 0 && code < (int)ARRAY_SIZE(trap))
		return trap[code];
	if (sig == SIGFPE && code > 0 && code < (int)ARRAY_SIZE(fpe))
		return fpe[code];
	if (sig == SIGILL && code > 0 && code < (int)ARRAY_SIZE(ill))
		return ill[code];
	snprintf(buf, len, "%d", code);
	return buf;
}

/* A SIGCHLD's times in clock ticks, and in seconds as strace adds them. */
static void clock_ticks(struct kt_buf *b, const char *name, int64_t v)
{
	kt_buf_printf(b, ", %s=%lld", name, (long long)v);
	if (v > 0)
		kt_buf_printf(b, " /* %lld.%02lld s */", (long long)(v / 100),
			      (long long)(v % 100));
}

/* The siginfo fields strace prints for the signal and its si_code. */
static void siginfo_fields(struct kt_tracer *t,
			   const struct ktrace_rec_signal_deliver *r)
{
	const struct ktrace_siginfo *si = &r->si;
	struct kt_buf *b = &t->line;
	const char *name;

	if (r->sig == SIGCHLD && r->code > 0) {
		kt_buf_printf(b, ", si_pid=%d, si_uid=%u, si_status=", si->pid,
			      si->uid);
		name = r->code == 1 ? NULL : kt_signal_name(si->status);
		if (name)
			kt_buf_puts(b, name);
		else
			kt_buf_printf(b, "%d", si->status);
		clock_ticks(b, "si_utime", si->utime);
		clock_ticks(b, "si_stime", si->stime);
	} else if (r->code <= 0) {
		kt_buf_printf(b, ", si_pid=%d, si_uid=%u", si->pid, si->uid);
	} else if (r->sig == SIGSEGV || r->sig == SIGBUS || r->sig == SIGILL ||
		   r->sig == SIGFPE || r->sig == SIGTRAP) {
		kt_buf_printf(b, ", si_addr=%#llx", (unsigned long long)si->addr);
	}
}

static void on_signal_deliver(struct kt_tracer *t,
			      const struct ktrace_rec_signal_deliver *r)
{
	struct task *k = task_get(t, r->hdr.pid);
	const char *name = kt_signal_name(r->sig);
	char cbuf[16], nbuf[16];

	if (!k || !k->started || t->o->summary_only)
		return;
	if (r->sig == SIGKILL && r->action == KTRACE_SIGACT_DEFAULT &&
	    k->has_last_gen) {
		r = &k->last_gen;
		name = kt_signal_name(r->sig);
	}
	k->has_last_gen = false;
	if (!name) {
		snprintf(nbuf, sizeof(nbuf), "%d", r->sig);
		name = nbuf;
	}
	if (t->o->json) {
		json_head(t, "signal", &r->hdr);
		kt_buf_printf(&t->line, ",\"signal\":\"%s\",\"code\":%d,\"action\":\"%s\"",
			      name, r->code,
			      r->action == KTRACE_SIGACT_HANDLER ? "handler" :
			      r->action == KTRACE_SIGACT_IGNORE ? "ignore" :
			      "default");
		json_end(t, task_out(t, k));
		return;
	}
	if (t->o->signal_filter && r->sig >= 1 && r->sig <= 128 &&
	    !(t->o->signals[(r->sig - 1) / 64] & (1ULL << ((r->sig - 1) % 64))))
		return;
	kt_buf_reset(&t->line);
	leader(t, &t->line, k, r->hdr.ts);
	kt_buf_printf(&t->line, "--- %s {si_signo=%s, si_code=%s", name, name,
		      sigcode_name(r->sig, r->code, cbuf, sizeof(cbuf)));
	if (r->hdr.size >= sizeof(*r) && (r->si.flags & KTRACE_SI_VALID))
		siginfo_fields(t, r);
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
	if (t->o->json) {
		on_signal_deliver(t, &d);
		return;
	}
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
	if (t->o->json) {
		json_head(t, "fork", &r->hdr);
		kt_buf_printf(&t->line, ",\"child_pid\":%d,\"child_tgid\":%d,",
			      r->child_pid, r->child_tgid);
		kt_buf_printf(&t->line, "\"thread\":%s,\"clone_flags\":%llu",
			      r->fork_flags & KTRACE_FORK_THREAD ? "true" : "false",
			      (unsigned long long)r->clone_flags);
		json_end(t, task_out(t, p));
	}
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
	if (t->o->json) {
		struct kt_syscall sc = { 0 };

		take_blobs(k, &sc, r, r->blobs, r->nblobs, r->hdr.size);
		json_head(t, "exec", &r->hdr);
		kt_buf_printf(&t->line, ",\"old_pid\":%d,\"filename\":",
			      r->old_pid);
		json_string(&t->line, (const char *)(sc.blob[0].data ?
			    sc.blob[0].data : (const uint8_t *)""),
			    sc.blob[0].len);
		json_end(t, task_out(t, k));
	}
}

/* "+++ exited with N +++" or "+++ killed by SIG +++" for task k. */
static void print_death(struct kt_tracer *t, struct task *k, uint64_t ts,
			int status, int sig, bool core)
{
	const char *name;
	char nbuf[16];

	kt_buf_reset(&t->line);
	leader(t, &t->line, k, ts);
	if (sig) {
		name = kt_signal_name(sig);
		if (!name) {
			snprintf(nbuf, sizeof(nbuf), "%d", sig);
			name = nbuf;
		}
		kt_buf_printf(&t->line, "+++ killed by %s %s+++", name,
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
	if (t->o->json) {
		json_head(t, "exit", &r->hdr);
		kt_buf_printf(&t->line, ",\"status\":%d,\"signal\":%d,",
			      r->status, r->signal);
		kt_buf_printf(&t->line, "\"core_dumped\":%s,\"group_dead\":%s",
			      r->exit_flags & KTRACE_EXIT_CORE ? "true" : "false",
			      r->exit_flags & KTRACE_EXIT_GROUP_DEAD ? "true" : "false");
		json_end(t, task_out(t, k));
	} else if (!t->o->summary_only) {
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
	t->lost += r->lost;
	if (t->o->json) {
		kt_out_printf(t->out, "{\"v\":%d,\"type\":\"lost\",\"ts\":%llu,",
			      KTRACE_JSON_VERSION, (unsigned long long)r->hdr.ts);
		kt_out_printf(t->out, "\"cpu\":%u,\"lost\":%llu,",
			      r->hdr.cpu, (unsigned long long)r->lost);
		kt_out_printf(t->out, "\"first_ts\":%llu,\"last_ts\":%llu}\n",
			      (unsigned long long)r->first_ts,
			      (unsigned long long)r->last_ts);
		return;
	}
	close_open_line(t);
	kt_out_printf(t->out, "ktrace: %llu records lost on CPU %u ",
		      (unsigned long long)r->lost, r->hdr.cpu);
	kt_out_printf(t->out, "between %llu.%06llu and %llu.%06llu\n",
		      (unsigned long long)(r->first_ts / 1000000000),
		      (unsigned long long)(r->first_ts % 1000000000 / 1000),
		      (unsigned long long)(r->last_ts / 1000000000),
		      (unsigned long long)(r->last_ts % 1000000000 / 1000));
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
	static char path[4096];
	struct kt_tracer *t = ctx;
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
	free(k->argv);
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
	if (k && k->started && e->child_reaped && !o->json &&
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
