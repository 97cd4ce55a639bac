// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): records -> events -> a sink, for strace's text, --json,
 * --perfetto and --svg, live (run.c) or from a recording (record.c): the
 * one place that joins a source to the events stage and to the sink the
 * options chose.  Also the helpers
 * the sinks share: signal and syscall names, and the class that colours
 * a syscall, from the module's own class list (module/syscall-classes.def,
 * turned into sysclass.h at build time) so that a recording is drawn the
 * same without the module.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sink.h"
#include "sysclass.h"

struct kt_timeline {
	struct kt_events *ev;
	struct kt_sink *sink;
	struct kt_out *out;
	const struct kt_opts *o;
	struct kt_target tg;		/* a copy: the caller's may go */
	uint64_t last_ts;
};

static void to_sink(void *ctx, const struct kt_event *e)
{
	struct kt_timeline *tl = ctx;

	tl->sink->event(tl->sink, e);
}

/* The sink the options ask for, its times counted from base_ts. */
static struct kt_sink *sink_new(struct kt_timeline *tl, uint64_t base_ts)
{
	if (!tl->o->json && tl->o->sink == KT_SINK_TEXT)
		return kt_sink_text_new(tl->ev, tl->out, tl->o, &tl->tg);
	if (tl->o->json)
		return kt_sink_json_new(tl->ev, tl->out, base_ts, tl->o,
					&tl->tg);
	if (tl->o->sink == KT_SINK_SVG)
		return kt_sink_svg_new(tl->out, base_ts);
	return kt_sink_perfetto_new(tl->out, base_ts);
}

struct kt_timeline *kt_timeline_new(const struct kt_opts *o,
				    const struct kt_target *tg,
				    struct kt_out *out)
{
	struct kt_timeline *tl = calloc(1, sizeof(*tl));

	if (!tl) {
		ktrace_err("out of memory");
		return NULL;
	}
	tl->o = o;
	tl->tg = *tg;
	tl->out = out;
	tl->ev = kt_events_new(to_sink, tl);
	if (!tl->ev) {
		ktrace_err("out of memory");
		free(tl);
		return NULL;
	}
	return tl;
}

/* The sink, which may ask the events stage for more. */
static void start(struct kt_timeline *tl, uint64_t base_ts)
{
	tl->sink = sink_new(tl, base_ts);
	if (!tl->sink) {
		ktrace_err("out of memory");
		exit(1);
	}
	/* The command we started has our descriptors and directory. */
	if (tl->tg.live && tl->tg.child)
		kt_events_inherit(tl->ev, tl->tg.child);
}

/* -p: before the session begins, what the events stage knows of @pid. */
void kt_timeline_attach(struct kt_timeline *tl, pid_t pid)
{
	kt_events_attach(tl->ev, pid);
}

struct seed_ctx {
	struct kt_timeline *tl;
	uint64_t t0;
};

static int seed(void *ctx, const struct ktrace_task *k, unsigned int how,
		uint64_t now)
{
	static uint64_t rec[KT_TASK_ENTER_MAX / 8];
	struct seed_ctx *s = ctx;
	struct kt_timeline *tl = s->tl;
	const struct kt_opts *o = tl->o;
	struct ktrace_rec_hdr h;

	/* Stopped: strace's attach says so at once. */
	if (how & KT_ATTACH_STOPPED) {
		kt_task_hdr(k, s->t0, &h);
		if (kt_timeline_stopped(tl, &h, k->exit_code,
					how & KT_ATTACH_CALL ? k->nr : -1,
					k->abi))
			return -1;
	}
	if (!(how & KT_ATTACH_CALL))
		return 0;
	/*
	 * Blocked since before the session: the entry shows now, as strace
	 * shows the call its attach restarts, unless only the exit may say
	 * whether the call shows at all.
	 */
	if ((how & KT_ATTACH_BLOCKED) && !o->summary_only &&
	    o->status == KT_STATUS_ALL && !o->min_duration_ns)
		return kt_timeline_feed(tl, &kt_task_enter(k, s->t0, rec)->hdr);
	/*
	 * Else at its exit, if the session saw no entry of it; one blocked
	 * since before the session timed from its start, as report times
	 * the entry record kt_record_seed() writes for it.
	 */
	return kt_events_seed(tl->ev, k, how & KT_ATTACH_BLOCKED ? s->t0 : now);
}

/*
 * -p: the calls the target's threads are in once the session began (at
 * @t0), as the module's task snapshot sees them (kt_attach_calls()), or
 * before it began (@t0 0).  Without the snapshot (ABI 1.4), such a call
 * prints as resumed.
 */
void kt_timeline_seed(struct kt_timeline *tl, int fd, pid_t pid, uint64_t t0)
{
	struct seed_ctx s = { .tl = tl, .t0 = t0 };

	kt_attach_calls(fd, pid, tl->o->follow, t0, seed, &s);
}

int kt_timeline_stopped(struct kt_timeline *tl, const struct ktrace_rec_hdr *h,
			int sig, int nr, unsigned int abi)
{
	if (!tl->sink)
		start(tl, h->ts);
	if (h->ts > tl->last_ts)
		tl->last_ts = h->ts;
	return kt_events_stopped(tl->ev, h, sig, nr, abi);
}

int kt_timeline_seed_enter(struct kt_timeline *tl,
			   const struct ktrace_rec_sys_enter *en)
{
	return kt_events_seed_enter(tl->ev, en);
}

void kt_timeline_seeds_open(struct kt_timeline *tl, const pid_t *tids,
			    unsigned int n)
{
	kt_events_seeds_open(tl->ev, tids, n);
}

int kt_timeline_feed(struct kt_timeline *tl, const struct ktrace_rec_hdr *h)
{
	if (h->type == KTRACE_REC_PAD)
		return 0;
	/* Times are shown from the first record on. */
	if (!tl->sink)
		start(tl, h->ts);
	if (h->ts > tl->last_ts)
		tl->last_ts = h->ts;
	return kt_events_feed(tl->ev, h);
}

/* The calls the sink printed so far, for --syscall-limit. */
void kt_timeline_idle(struct kt_timeline *tl)
{
	if (tl->sink && tl->sink->idle)
		tl->sink->idle(tl->sink);
}

unsigned long long kt_timeline_ncalls(const struct kt_timeline *tl)
{
	return tl->sink ? tl->sink->ncalls : 0;
}

void kt_timeline_finish(struct kt_timeline *tl, const struct kt_end *e)
{
	struct kt_end end = *e;

	if (!tl->sink)
		start(tl, end.end_ts);
	if (end.end_ts < tl->last_ts)
		end.end_ts = tl->last_ts;
	kt_events_finish(tl->ev, end.end_ts);
	tl->sink->finish(tl->sink, &end);
}

void kt_timeline_free(struct kt_timeline *tl)
{
	if (!tl)
		return;
	/* The stage gives the sink's per-task data back to the sink first. */
	kt_events_free(tl->ev);
	if (tl->sink)
		tl->sink->free(tl->sink);
	free(tl);
}

const char *kt_sys_class(unsigned int abi, unsigned int nr)
{
	static const char *known[KTRACE_ABI_COUNT][KTRACE_NR_MAX];
	const char *name, *class = "other";
	size_t i;

	if (abi >= KTRACE_ABI_COUNT || nr >= KTRACE_NR_MAX)
		return class;
	if (known[abi][nr])
		return known[abi][nr];
	name = ktrace_syscall_name(kt_cli_abi(abi), nr);
	for (i = 0; name && i < ARRAY_SIZE(kt_sysclasses); i++) {
		if (!strcmp(kt_sysclasses[i].name, name)) {
			if (kt_sysclasses[i].class)
				class = kt_sysclasses[i].class;
			break;
		}
	}
	known[abi][nr] = class;
	return class;
}
