// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): --perfetto, the Chrome trace event format (JSON) that
 * ui.perfetto.dev and chrome://tracing open.  Processes are "pid",
 * threads "tid", each named by metadata events when first seen and again
 * when they execute; syscalls are complete events ("X") with their number
 * and result in args; fork, exec, exit, reap and signals are instant
 * events ("i"); fork and signals are also flows ("s" then "f") from the
 * parent or sender to the child or target; a counter ("C") gives the
 * syscalls per second of all tasks.  Times are microseconds from the
 * first record, with three decimals: nanoseconds are kept.  Events are
 * written as they come, so memory stays flat whatever the trace's length;
 * the file is closed by finish().  Documentation/timeline.rst has the
 * layout and the sizes.
 */
#include <stdlib.h>
#include <string.h>

#include "decoders.h"
#include "sink.h"

/* The counter's bucket: 10 ms. */
#define RATE_NS		10000000ULL

/*
 * Calls in a bucket.  Only buckets with calls are kept, as runs appended
 * in the order the calls come, sorted and merged when the array is full
 * and at the end: a trace of a day, or a corrupt time years after the
 * others, costs nothing for the buckets in between, and calls out of
 * time order cost a run each until the next merge.
 */
struct rate {
	uint64_t bucket;
	unsigned int calls;
};

struct perfetto {
	struct kt_sink sink;
	struct kt_out *out;
	uint64_t base;
	bool first;		/* no event written yet */
	unsigned long long flows;
	struct kt_pidmap procs, threads;	/* seen: (void *)1 */
	pid_t counter_pid;	/* the process that carries the counter */
	struct rate *rate;	/* syscalls entered, runs of a bucket */
	size_t nrate, cap_rate;
	struct kt_buf call, text;	/* a slice's strace text; str() */
	struct kt_blob argv[KT_ARGV_MAX];
	struct kt_fmt_opts fmt;
};

/* ,"key":ns as microseconds with three decimals */
static void usec(struct perfetto *p, const char *key, int64_t ns)
{
	uint64_t a = ns < 0 ? -(uint64_t)ns : (uint64_t)ns;

	kt_out_printf(p->out, ",\"%s\":%s%llu.%03llu", key, ns < 0 ? "-" : "",
		      (unsigned long long)(a / 1000),
		      (unsigned long long)(a % 1000));
}

static void ts(struct perfetto *p, const char *key, uint64_t t)
{
	usec(p, key, (int64_t)(t - p->base));
}

/* A JSON string, as --json writes them (names.c). */
static void str(struct perfetto *p, const char *s, size_t n)
{
	kt_buf_reset(&p->text);
	kt_buf_json_str(&p->text, s, n);
	kt_out_write(p->out, p->text.s, p->text.len);
}

/* The start of an event: {"ph":..,"pid":..,"tid":..,"ts":.., then more. */
static void begin(struct perfetto *p, const char *ph, pid_t pid, pid_t tid,
		  uint64_t t)
{
	kt_out_printf(p->out, "%s{\"ph\":\"%s\",\"pid\":%d,\"tid\":%d",
		      p->first ? "" : ",\n", ph, pid, tid);
	p->first = false;
	ts(p, "ts", t);
}

static void meta(struct perfetto *p, const char *what, pid_t pid, pid_t tid,
		 const char *name)
{
	kt_out_printf(p->out,
		      "%s{\"ph\":\"M\",\"pid\":%d,\"tid\":%d,\"name\":\"%s\",\"args\":{\"name\":",
		      p->first ? "" : ",\n", pid, tid, what);
	p->first = false;
	str(p, name, -1);
	kt_out_puts(p->out, "}}");
}

static void order(struct perfetto *p, pid_t pid, unsigned int index)
{
	kt_out_printf(p->out,
		      ",\n{\"ph\":\"M\",\"pid\":%d,\"tid\":%d,\"name\":\"process_sort_index\",\"args\":{\"sort_index\":%u}}",
		      pid, pid, index);
}

/* Name the tracks of pid/tgid the first time, or again with force. */
static void name_tracks(struct perfetto *p, pid_t tgid, pid_t pid,
			const char *comm, bool force)
{
	bool new_proc = !kt_pidmap_get(&p->procs, tgid);
	bool new_thread = !kt_pidmap_get(&p->threads, pid);

	if (!comm || !comm[0])
		return;
	if (new_proc || (force && pid == tgid)) {
		if (new_proc && kt_pidmap_put(&p->procs, tgid, (void *)1))
			return;
		meta(p, "process_name", tgid, tgid, comm);
		if (new_proc)
			order(p, tgid, p->procs.n);
		if (!p->counter_pid)
			p->counter_pid = tgid;
	}
	if (new_thread || force) {
		if (new_thread && kt_pidmap_put(&p->threads, pid, (void *)1))
			return;
		meta(p, "thread_name", tgid, pid, comm);
	}
}

static int by_bucket(const void *a, const void *b)
{
	const struct rate *x = a, *y = b;

	return x->bucket < y->bucket ? -1 : x->bucket > y->bucket;
}

/* The runs sorted by bucket, one a bucket. */
static void merge_rates(struct perfetto *p)
{
	size_t i, n = 0;

	if (!p->nrate)
		return;
	qsort(p->rate, p->nrate, sizeof(*p->rate), by_bucket);
	for (i = 1; i < p->nrate; i++) {
		if (p->rate[i].bucket == p->rate[n].bucket)
			p->rate[n].calls += p->rate[i].calls;
		else
			p->rate[++n] = p->rate[i];
	}
	p->nrate = n + 1;
}

static void count_call(struct perfetto *p, uint64_t t)
{
	uint64_t b = t > p->base ? (t - p->base) / RATE_NS : 0;
	struct rate *r;

	if (p->nrate && p->rate[p->nrate - 1].bucket == b) {
		p->rate[p->nrate - 1].calls++;
		return;
	}
	if (p->nrate == p->cap_rate) {
		merge_rates(p);
		/* Room for as many runs again as there are buckets. */
		if (p->nrate * 2 >= p->cap_rate) {
			size_t n = p->cap_rate ? p->cap_rate * 2 : 64;

			r = realloc(p->rate, n * sizeof(*r));
			if (r) {
				p->rate = r;
				p->cap_rate = n;
			}
		}
		if (p->nrate == p->cap_rate)
			return;
	}
	p->rate[p->nrate].bucket = b;
	p->rate[p->nrate].calls = 1;
	p->nrate++;
}

static void syscall_slice(struct perfetto *p, const struct kt_event *e)
{
	static const char *const ends[] = {
		[KT_SYS_RETURNED] = "returned",
		[KT_SYS_NO_RETURN] = "no return",
		[KT_SYS_IN_FLIGHT] = "in flight",
	};
	struct kt_syscall sc;
	char nbuf[24];
	unsigned int i;

	kt_event_syscall(e, &sc, p->argv);
	begin(p, "X", e->tgid, e->pid, e->ts);
	usec(p, "dur", (int64_t)e->sys.dur);
	kt_out_printf(p->out,
		      ",\"name\":\"%s\",\"cat\":\"%s\",\"args\":{\"nr\":%u,\"abi\":\"%s\",\"end\":\"%s\"",
		      kt_sys_name(e->sys.abi, e->sys.nr, nbuf),
		      kt_sys_class(e->sys.abi, e->sys.nr), e->sys.nr,
		      ktrace_abi_name(sc.abi),
		      ends[e->sys.end]);
	if (e->sys.end == KT_SYS_RETURNED) {
		/* Exact in any JSON reader: beyond 2^53, a hex string. */
		if (e->sys.ret > -(1LL << 53) && e->sys.ret < (1LL << 53))
			kt_out_printf(p->out, ",\"ret\":%lld",
				      (long long)e->sys.ret);
		else
			kt_out_printf(p->out, ",\"ret\":\"%#llx\"",
				      (unsigned long long)e->sys.ret);
	}
	if (e->sys.enter_seen) {
		kt_out_puts(p->out, ",\"args\":[");
		for (i = 0; i < 6; i++)
			kt_out_printf(p->out, "%s\"%#llx\"", i ? "," : "",
				      (unsigned long long)e->sys.args[i]);
		kt_out_puts(p->out, "]");
	}
	/* The call as strace prints it, decoded from the records. */
	kt_buf_reset(&p->call);
	if (e->sys.enter_seen) {
		kt_format_call(&p->call, &sc, &p->fmt);
		if (e->sys.end != KT_SYS_IN_FLIGHT)
			kt_format_return(&p->call, &sc, &p->fmt);
		kt_out_puts(p->out, ",\"strace\":");
		str(p, p->call.s, p->call.len);
	}
	kt_out_printf(p->out, ",\"cpu\":%u}}", e->cpu);
}

static void instant(struct perfetto *p, const struct kt_event *e,
		    pid_t tgid, pid_t pid, const char *name)
{
	begin(p, "i", tgid, pid, e->ts);
	kt_out_puts(p->out, ",\"s\":\"t\",\"name\":");
	str(p, name, -1);
	kt_out_printf(p->out, ",\"cat\":\"lifecycle\",\"args\":{\"cpu\":%u",
		      e->cpu);
}

/* A flow arrow from one thread to another, both at time t. */
static void flow(struct perfetto *p, const char *name, uint64_t t,
		 pid_t from_tgid, pid_t from, pid_t to_tgid, pid_t to)
{
	unsigned long long id = ++p->flows;

	begin(p, "s", from_tgid, from, t);
	kt_out_printf(p->out, ",\"name\":\"%s\",\"cat\":\"%s\",\"id\":%llu}",
		      name, name, id);
	begin(p, "f", to_tgid, to, t);
	kt_out_printf(p->out, ",\"name\":\"%s\",\"cat\":\"%s\",\"id\":%llu}",
		      name, name, id);
}

static void perfetto_event(struct kt_sink *s, const struct kt_event *e)
{
	struct perfetto *p = (struct perfetto *)s;
	char sig[16], name[64];

	if (e->type != KT_EV_LOSS && e->type != KT_EV_REAP)
		name_tracks(p, e->tgid, e->pid, e->comm, false);
	switch (e->type) {
	case KT_EV_SYSCALL:
		syscall_slice(p, e);
		count_call(p, e->ts);
		break;
	case KT_EV_FORK:
		instant(p, e, e->tgid, e->pid, e->fork.thread ? "clone thread" :
			"fork");
		kt_out_printf(p->out, ",\"child\":%d,\"child_tgid\":%d}}",
			      e->fork.child_pid, e->fork.child_tgid);
		name_tracks(p, e->fork.child_tgid, e->fork.child_pid, e->comm,
			    false);
		instant(p, e, e->fork.child_tgid, e->fork.child_pid, "start");
		kt_out_printf(p->out, ",\"parent\":%d}}", e->pid);
		flow(p, "fork", e->ts, e->tgid, e->pid, e->fork.child_tgid,
		     e->fork.child_pid);
		break;
	case KT_EV_EXEC:
		name_tracks(p, e->tgid, e->pid, e->comm, true);
		instant(p, e, e->tgid, e->pid, "exec");
		if (e->exec.filename) {
			kt_out_puts(p->out, ",\"filename\":");
			str(p, e->exec.filename, -1);
		}
		kt_out_printf(p->out, ",\"old_pid\":%d}}", e->exec.old_pid);
		break;
	case KT_EV_EXIT:
		if (e->exit.signal)
			snprintf(name, sizeof(name), "exit (killed by %s)",
				 kt_sig_name(e->exit.signal, sig));
		else
			snprintf(name, sizeof(name), "exit %d", e->exit.status);
		instant(p, e, e->tgid, e->pid, name);
		kt_out_printf(p->out,
			      ",\"status\":%d,\"signal\":%d,\"core\":%s,\"group_dead\":%s}}",
			      e->exit.status, e->exit.signal,
			      e->exit.core ? "true" : "false",
			      e->exit.group_dead ? "true" : "false");
		break;
	case KT_EV_REAP:
		if (!kt_pidmap_get(&p->threads, e->pid))
			break;	/* never seen alive: no track to put it on */
		instant(p, e, e->tgid, e->pid, "reap");
		kt_out_printf(p->out, ",\"wait_status\":%d}}", e->reap.code);
		break;
	case KT_EV_SIGNAL_GENERATE:
		snprintf(name, sizeof(name), "send %s",
			 kt_sig_name(e->sig.sig, sig));
		instant(p, e, e->tgid, e->pid, name);
		kt_out_printf(p->out,
			      ",\"signal\":%d,\"code\":%d,\"result\":%d,\"target\":%d,\"target_tgid\":%d}}",
			      e->sig.sig, e->sig.code, e->sig.result,
			      e->sig.target_pid, e->sig.target_tgid);
		if (e->sig.target_comm)
			name_tracks(p, e->sig.target_tgid, e->sig.target_pid,
				    e->sig.target_comm, false);
		flow(p, "signal", e->ts, e->tgid, e->pid, e->sig.target_tgid,
		     e->sig.target_pid);
		break;
	case KT_EV_SIGNAL_DELIVER:
		snprintf(name, sizeof(name), "%s delivered",
			 kt_sig_name(e->sig.sig, sig));
		instant(p, e, e->tgid, e->pid, name);
		kt_out_printf(p->out, ",\"signal\":%d,\"code\":%d,\"action\":%u}}",
			      e->sig.sig, e->sig.code, e->sig.action);
		break;
	case KT_EV_LOSS:
		kt_out_printf(p->out, "%s{\"ph\":\"i\",\"s\":\"g\",\"pid\":0,\"tid\":0",
			      p->first ? "" : ",\n");
		p->first = false;
		ts(p, "ts", e->ts);
		kt_out_printf(p->out,
			      ",\"name\":\"records lost\",\"cat\":\"loss\",\"args\":{\"lost\":%llu,\"cpu\":%u}}",
			      (unsigned long long)e->loss.lost, e->cpu);
		break;
	case KT_EV_STOPPED:		/* text only, as a group stop */
	case KT_EV_SYSCALL_ENTER:	/* not asked for */
		break;
	}
}

/* The counter's value from bucket b on, unless it is that already. */
static void counter(struct perfetto *p, uint64_t b, unsigned int v,
		    unsigned int *last)
{
	if (v == *last)
		return;
	*last = v;
	begin(p, "C", p->counter_pid, p->counter_pid, p->base + b * RATE_NS);
	kt_out_printf(p->out, ",\"name\":\"syscalls/s\",\"args\":{\"syscalls/s\":%llu}}",
		      (unsigned long long)v * (1000000000ULL / RATE_NS));
}

static void perfetto_finish(struct kt_sink *s, const struct kt_end *end_info)
{
	struct perfetto *p = (struct perfetto *)s;
	unsigned int last = ~0U;
	uint64_t next = 0;	/* the bucket after the last one written */
	size_t i;

	/* The counter, where it changes, zero between buckets, ending at zero. */
	merge_rates(p);
	for (i = 0; p->counter_pid && i < p->nrate; i++) {
		if (p->rate[i].bucket > next)
			counter(p, next, 0, &last);
		counter(p, p->rate[i].bucket, p->rate[i].calls, &last);
		next = p->rate[i].bucket + 1;
	}
	if (p->counter_pid)
		counter(p, next, 0, &last);
	kt_out_printf(p->out,
		      "\n],\n\"displayTimeUnit\":\"ns\",\n\"otherData\":{\"generator\":\"ktrace %s\"}}\n",
		      KTRACE_VERSION);
}

static void perfetto_free(struct kt_sink *s)
{
	struct perfetto *p = (struct perfetto *)s;

	kt_pidmap_free(&p->procs);
	kt_pidmap_free(&p->threads);
	kt_buf_free(&p->call);
	kt_buf_free(&p->text);
	free(p->rate);
	free(p);
}

struct kt_sink *kt_sink_perfetto_new(struct kt_out *out, uint64_t base_ts)
{
	struct perfetto *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->sink.event = perfetto_event;
	p->sink.finish = perfetto_finish;
	p->sink.free = perfetto_free;
	p->out = out;
	p->base = base_ts;
	p->first = true;
	p->fmt.strsize = 32;	/* strace's default */
	p->fmt.column = 1;	/* the result without padding */
	kt_out_puts(out, "{\"traceEvents\":[\n");
	return &p->sink;
}
