/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktrace(1): the sinks of the events stage: strace's text (sink-text.c),
 * --json's objects
 * (Documentation/json.rst), and those that draw a run rather than print
 * it line by line (Documentation/timeline.rst): Perfetto's trace event
 * JSON and an SVG timeline.  A sink takes events (events.h) and
 * writes its file when the trace ends; timeline.c ties records, events
 * and a sink together for run.c and record.c.
 */
#ifndef KTRACE_SINK_H
#define KTRACE_SINK_H

#include "ktrace.h"
#include "events.h"

struct kt_sink {
	void (*event)(struct kt_sink *s, const struct kt_event *e);
	/* The trace ended at e->end_ts: write what is left. */
	void (*finish)(struct kt_sink *s, const struct kt_end *e);
	void (*free)(struct kt_sink *s);
	/* Optional: the reader's batch ends, what waits may show now. */
	void (*idle)(struct kt_sink *s);
	unsigned long long ncalls;	/* calls printed, for --syscall-limit */
};

struct kt_sink *kt_sink_text_new(struct kt_events *ev, struct kt_out *out,
				 const struct kt_opts *o,
				 const struct kt_target *tg);
struct kt_sink *kt_sink_perfetto_new(struct kt_out *out, uint64_t base_ts);
struct kt_sink *kt_sink_svg_new(struct kt_out *out, uint64_t base_ts);
struct kt_sink *kt_sink_json_new(struct kt_events *ev, struct kt_out *out,
				 uint64_t base_ts, const struct kt_opts *o,
				 const struct kt_target *tg);

/* Shared by the sinks. */
const char *kt_sys_class(unsigned int abi, unsigned int nr);

#endif /* KTRACE_SINK_H */
