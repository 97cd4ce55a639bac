// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): records -> events -> a drawing sink, for --perfetto and
 * --svg, live (run.c) or from a recording (record.c).  Also the helpers
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
	enum kt_sink_kind kind;
	uint64_t last_ts;
};

static void to_sink(void *ctx, const struct kt_event *e)
{
	struct kt_timeline *tl = ctx;

	tl->sink->event(tl->sink, e);
}

struct kt_timeline *kt_timeline_new(enum kt_sink_kind kind,
				    struct kt_out *out)
{
	struct kt_timeline *tl = calloc(1, sizeof(*tl));

	if (!tl) {
		ktrace_err("out of memory");
		return NULL;
	}
	tl->kind = kind;
	tl->out = out;
	return tl;
}

int kt_timeline_feed(struct kt_timeline *tl, const struct ktrace_rec_hdr *h)
{
	if (h->type == KTRACE_REC_PAD)
		return 0;
	/* Times are shown from the first record on. */
	if (!tl->sink) {
		tl->sink = tl->kind == KT_SINK_SVG ?
			   kt_sink_svg_new(tl->out, h->ts) :
			   kt_sink_perfetto_new(tl->out, h->ts);
		tl->ev = tl->sink ? kt_events_new(to_sink, tl) : NULL;
		if (!tl->ev) {
			ktrace_err("out of memory");
			exit(1);
		}
	}
	if (h->ts > tl->last_ts)
		tl->last_ts = h->ts;
	return kt_events_feed(tl->ev, h);
}

void kt_timeline_finish(struct kt_timeline *tl, uint64_t end_ts)
{
	if (!tl->sink) {
		tl->sink = tl->kind == KT_SINK_SVG ?
			   kt_sink_svg_new(tl->out, end_ts) :
			   kt_sink_perfetto_new(tl->out, end_ts);
		if (!tl->sink) {
			ktrace_err("out of memory");
			exit(1);
		}
	}
	if (end_ts < tl->last_ts)
		end_ts = tl->last_ts;
	if (tl->ev)
		kt_events_finish(tl->ev, end_ts);
	tl->sink->finish(tl->sink, end_ts);
}

void kt_timeline_free(struct kt_timeline *tl)
{
	if (!tl)
		return;
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
			class = kt_sysclasses[i].class;
			break;
		}
	}
	known[abi][nr] = class;
	return class;
}
