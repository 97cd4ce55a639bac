// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): --svg, a self-contained SVG timeline of a small run, for a
 * browser and nothing else.  One row per process, in tree order (each
 * child under its parent, by start time), drawn from its fork to its
 * exit (alive) and on to its reap (zombie, hatched); its threads'
 * syscalls as spans coloured by class, the slowest labelled; forks as
 * grey lines from parent to child and signals as red arrows from sender
 * to target.  The whole run is kept in memory and drawn at the end: the
 * picture is for runs of a few processes and thousands of calls, and
 * beyond MAX_SPANS calls only the longest are kept.  Each row starts with
 * a small square in ROW_MARK, which the tests count.
 */
#include <stdlib.h>
#include <string.h>
#include <asm/unistd_64.h>

#include "sink.h"

#define MAX_SPANS	200000
#define WIDTH		1200
#define LABEL_W		230
#define PLOT_W		(WIDTH - LABEL_W - 30)
#define TOP		56
#define ROW_H		30
#define MAX_LABELS	10
#define ROW_MARK	"#203060"

struct proc {
	pid_t tgid, parent;	/* parent: 0 when not seen forking it */
	char comm[17];
	uint64_t start, exit, reap;	/* exit, reap: 0 when not seen */
	int status, signal;
	bool started;		/* start is its fork, not its first event */
	int row;
	size_t child, next;	/* first child, next sibling: index + 1 */
};

struct span {
	uint64_t ts, dur;
	pid_t tgid;
	unsigned short nr, abi;
	bool in_flight;
	long long ret;
};

struct arrow {
	uint64_t ts;
	pid_t from, to;
	int sig;		/* 0: a fork */
};

struct svg {
	struct kt_sink sink;
	struct kt_out *out;
	uint64_t base, end;
	uint64_t last;		/* the last thing that happened */
	struct proc *procs;
	size_t nprocs, cap_procs;
	struct kt_pidmap index;	/* tgid -> its proc's index + 1 */
	struct span *spans;
	size_t nspans, cap_spans;
	unsigned long long dropped;
	struct arrow *arrows;
	size_t narrows, cap_arrows;
};

static const struct {
	const char *class, *colour;
} colours[] = {
	{ "process", "#9467bd" }, { "signal", "#d62728" },
	{ "network", "#17becf" }, { "ipc", "#bcbd22" },
	{ "memory", "#2ca02c" }, { "file", "#ff7f0e" },
	{ "desc", "#1f77b4" }, { "clock", "#8c564b" },
	{ "creds", "#e377c2" }, { "other", "#7f7f7f" },
};

static const char *colour_of(const char *class)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(colours); i++)
		if (!strcmp(colours[i].class, class))
			return colours[i].colour;
	return "#7f7f7f";
}

static void *grow(void *p, size_t *cap, size_t n, size_t size)
{
	void *q;

	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 64;
	q = realloc(p, *cap * size);
	if (!q) {
		ktrace_err("out of memory");
		exit(1);
	}
	return q;
}

/* The process of @tgid, one per tgid, or NULL. */
static struct proc *find(const struct svg *v, pid_t tgid)
{
	uintptr_t i = (uintptr_t)kt_pidmap_get(&v->index, tgid);

	return i ? &v->procs[i - 1] : NULL;
}

static struct proc *proc_of(struct svg *v, pid_t tgid, uint64_t ts,
			    const char *comm)
{
	struct proc *p = find(v, tgid);

	if (p)
		return p;
	v->procs = grow(v->procs, &v->cap_procs, v->nprocs, sizeof(*p));
	if (kt_pidmap_put(&v->index, tgid, (void *)(uintptr_t)(v->nprocs + 1))) {
		ktrace_err("out of memory");
		exit(1);
	}
	p = &v->procs[v->nprocs++];
	memset(p, 0, sizeof(*p));
	p->tgid = tgid;
	p->start = ts;
	if (comm)
		snprintf(p->comm, sizeof(p->comm), "%s", comm);
	return p;
}

static void add_arrow(struct svg *v, uint64_t ts, pid_t from, pid_t to,
		      int sig)
{
	v->arrows = grow(v->arrows, &v->cap_arrows, v->narrows,
			 sizeof(*v->arrows));
	v->arrows[v->narrows++] = (struct arrow){ ts, from, to, sig };
}

static int by_dur_desc(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->dur < y->dur ? 1 : x->dur > y->dur ? -1 : 0;
}

static void add_span(struct svg *v, const struct kt_event *e)
{
	struct span *s;

	if (v->nspans == MAX_SPANS) {
		/* Keep the longer half. */
		qsort(v->spans, v->nspans, sizeof(*s), by_dur_desc);
		v->dropped += v->nspans / 2;
		v->nspans /= 2;
	}
	v->spans = grow(v->spans, &v->cap_spans, v->nspans, sizeof(*s));
	s = &v->spans[v->nspans++];
	s->ts = e->ts;
	s->dur = e->sys.dur;
	s->tgid = e->tgid;
	s->nr = e->sys.nr;
	s->abi = e->sys.abi;
	s->in_flight = e->sys.end != KT_SYS_RETURNED;
	s->ret = e->sys.ret;
}

static void svg_event(struct kt_sink *s, const struct kt_event *e)
{
	struct svg *v = (struct svg *)s;
	struct proc *p = NULL, *c;

	if (e->type != KT_EV_LOSS && e->type != KT_EV_REAP)
		p = proc_of(v, e->tgid, e->ts, e->comm);
	if (e->type != KT_EV_LOSS && e->ts > v->last)
		v->last = e->ts;
	switch (e->type) {
	case KT_EV_SYSCALL:
		add_span(v, e);
		if (e->sys.end == KT_SYS_RETURNED && e->ts + e->sys.dur > v->last)
			v->last = e->ts + e->sys.dur;
		/*
		 * The reap record comes when the task is freed, which may be
		 * after the trace: a wait4() that returned a pid reaped it.
		 */
		if (e->sys.end == KT_SYS_RETURNED && e->sys.ret > 0 &&
		    e->sys.ret <= INT32_MAX &&
		    e->sys.abi == KTRACE_ABI_NATIVE &&
		    e->sys.nr == __NR_wait4) {
			c = find(v, (pid_t)e->sys.ret);
			if (c && !c->reap)
				c->reap = e->ts + e->sys.dur;
		}
		break;
	case KT_EV_FORK:
		if (e->fork.thread)
			break;
		c = proc_of(v, e->fork.child_tgid, e->ts, e->comm);
		p = proc_of(v, e->tgid, e->ts, e->comm);
		c->parent = e->tgid;
		c->start = e->ts;
		c->started = true;
		add_arrow(v, e->ts, e->tgid, e->fork.child_tgid, 0);
		break;
	case KT_EV_EXEC:
		snprintf(p->comm, sizeof(p->comm), "%s", e->comm);
		break;
	case KT_EV_EXIT:
		if (e->exit.group_dead || (e->pid == e->tgid && !p->exit)) {
			p->exit = e->ts;
			p->status = e->exit.status;
			p->signal = e->exit.signal;
		}
		break;
	case KT_EV_REAP:
		if (e->pid != e->tgid)
			break;
		c = find(v, e->tgid);
		if (c && !c->reap)
			c->reap = e->ts;
		break;
	case KT_EV_SIGNAL_GENERATE:
		if (e->sig.target_tgid)
			add_arrow(v, e->ts, e->tgid, e->sig.target_tgid,
				  e->sig.sig);
		break;
	default:
		break;
	}
}

/*
 * Depth-first from @top: rows in tree order, each child under its
 * parent, by start time.  Without recursion: a chain of forks is as deep
 * as the run made it.  @stack holds nprocs indices.
 */
static void place(struct svg *v, size_t top, int *row, size_t *stack)
{
	size_t n = 0, i, c;

	if (v->procs[top].row >= 0)
		return;
	v->procs[top].row = (*row)++;
	stack[n++] = top + 1;
	while (n) {
		/* The next child of the process on top, not placed yet. */
		i = stack[n - 1] - 1;
		c = v->procs[i].child;
		while (c && v->procs[c - 1].row >= 0)
			c = v->procs[c - 1].next;
		v->procs[i].child = c ? v->procs[c - 1].next : 0;
		if (!c) {
			n--;
			continue;
		}
		v->procs[c - 1].row = (*row)++;
		stack[n++] = c;
	}
}

/* Each process's children, by start time, and the index again. */
static size_t *link_children(struct svg *v)
{
	size_t *last = calloc(v->nprocs + 1, sizeof(*last)), i;
	struct proc *p, *parent;

	if (!last) {
		ktrace_err("out of memory");
		exit(1);
	}
	kt_pidmap_free(&v->index);
	for (i = 0; i < v->nprocs; i++)
		if (kt_pidmap_put(&v->index, v->procs[i].tgid,
				  (void *)(uintptr_t)(i + 1))) {
			ktrace_err("out of memory");
			exit(1);
		}
	for (i = 0; i < v->nprocs; i++) {
		p = &v->procs[i];
		p->row = -1;
		p->child = 0;
		p->next = 0;
	}
	for (i = 0; i < v->nprocs; i++) {
		p = &v->procs[i];
		parent = p->parent ? find(v, p->parent) : NULL;
		if (!parent || parent == p)
			continue;
		if (last[parent - v->procs])
			v->procs[last[parent - v->procs] - 1].next = i + 1;
		else
			parent->child = i + 1;
		last[parent - v->procs] = i + 1;
	}
	/* Reused as place()'s stack: it holds as many. */
	return last;
}

static int by_start(const void *a, const void *b)
{
	const struct proc *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

static double xpos(const struct svg *v, uint64_t t)
{
	double span = v->end > v->base ? (double)(v->end - v->base) : 1;

	if (t < v->base)
		t = v->base;
	if (t > v->end)
		t = v->end;
	return LABEL_W + PLOT_W * (double)(t - v->base) / span;
}

/* A time as the axis shows it. */
static void fmt_ns(char *buf, size_t len, uint64_t ns)
{
	if (ns >= 1000000000ULL)
		snprintf(buf, len, "%.3g s", ns / 1e9);
	else if (ns >= 1000000)
		snprintf(buf, len, "%.3g ms", ns / 1e6);
	else if (ns >= 1000)
		snprintf(buf, len, "%.3g us", ns / 1e3);
	else
		snprintf(buf, len, "%llu ns", (unsigned long long)ns);
}

static void text(struct kt_out *o, const char *s)
{
	for (; *s; s++) {
		if (*s == '<')
			kt_out_puts(o, "&lt;");
		else if (*s == '>')
			kt_out_puts(o, "&gt;");
		else if (*s == '&')
			kt_out_puts(o, "&amp;");
		else if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			kt_out_puts(o, "?");
		else
			kt_out_write(o, s, 1);
	}
}

static void axis(struct svg *v, int bottom)
{
	static const uint64_t steps[] = { 1, 2, 5 };
	uint64_t total = v->end - v->base, mag = 1, step = 1, t;
	char buf[32];
	size_t i = 0;

	/* 1, 2 or 5 times a power of ten: at most 8 ticks. */
	while (total / step > 8) {
		if (++i == ARRAY_SIZE(steps)) {
			i = 0;
			mag *= 10;
		}
		step = steps[i] * mag;
	}
	/* t + step may wrap near 2^64 ns (a corrupt time): stop first. */
	for (t = 0;; t += step) {
		double x = xpos(v, v->base + t);

		kt_out_printf(v->out,
			      "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e0e0e0\"/>\n",
			      x, TOP - 6, x, bottom);
		fmt_ns(buf, sizeof(buf), t);
		kt_out_printf(v->out,
			      "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">%s</text>\n",
			      x, TOP - 10, buf);
		if (total - t < step)
			break;
	}
}

static int row_y(const struct proc *p)
{
	return TOP + p->row * ROW_H;
}

static void svg_finish(struct kt_sink *s, const struct kt_end *end_info)
{
	struct svg *v = (struct svg *)s;
	struct kt_out *o = v->out;
	char nbuf[24], sbuf[16], tbuf[32];
	int row = 0, height, bottom;
	uint64_t slow = 0;
	size_t i, labels = 0, *stack;

	/* The picture ends with the run, not with the session's wait. */
	v->end = v->last > v->base ? v->last : v->base + 1;
	if (v->nprocs)	/* none: procs is NULL, which qsort() refuses */
		qsort(v->procs, v->nprocs, sizeof(*v->procs), by_start);
	stack = link_children(v);
	for (i = 0; i < v->nprocs; i++)
		if (!v->procs[i].parent || !find(v, v->procs[i].parent))
			place(v, i, &row, stack);
	for (i = 0; i < v->nprocs; i++)	/* parent loops, if any */
		place(v, i, &row, stack);
	free(stack);
	bottom = TOP + row * ROW_H;
	height = bottom + 50;

	kt_out_printf(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">\n"
		      "<title>ktrace timeline</title>\n"
		      "<defs><pattern id=\"zombie\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#eeeeee\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#999\" stroke-width=\"2\"/></pattern>\n"
		      "<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#d62728\"/></marker></defs>\n"
		      "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n",
		      WIDTH, height, WIDTH, height);
	fmt_ns(tbuf, sizeof(tbuf), v->end - v->base);
	kt_out_printf(o,
		      "<text x=\"8\" y=\"18\" font-size=\"13\" font-weight=\"bold\">ktrace: %zu processes, %zu syscalls, %s</text>\n",
		      v->nprocs, v->nspans, tbuf);
	if (v->dropped)
		kt_out_printf(o,
			      "<text x=\"8\" y=\"32\" font-size=\"10\" fill=\"#a00\">%llu shorter syscalls not drawn</text>\n",
			      v->dropped);
	axis(v, bottom);

	/* Rows: marker, name, lifetime. */
	for (i = 0; i < v->nprocs; i++) {
		const struct proc *p = &v->procs[i];
		uint64_t end = p->exit ? p->exit : v->end;
		double x0 = xpos(v, p->start), x1 = xpos(v, end);
		int y = row_y(p);

		kt_out_printf(o,
			      "<g class=\"process\" data-pid=\"%d\">\n<rect x=\"4\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>\n<text x=\"20\" y=\"%d\" font-size=\"12\">",
			      p->tgid, y + 10, ROW_MARK, y + 19);
		text(o, p->comm);
		kt_out_printf(o, " %d", p->tgid);
		if (p->exit && p->signal)
			kt_out_printf(o, " (%s)", kt_sig_name(p->signal, sbuf));
		else if (p->exit)
			kt_out_printf(o, " (exit %d)", p->status);
		kt_out_printf(o,
			      "</text>\n<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"22\" fill=\"#e6f2e6\" stroke=\"#9c9\"><title>alive</title></rect>\n",
			      x0, y + 4, x1 - x0 > 0.5 ? x1 - x0 : 0.5);
		if (p->exit) {
			double z1 = xpos(v, p->reap ? p->reap : v->end);

			kt_out_printf(o,
				      "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"22\" fill=\"url(#zombie)\" stroke=\"#999\"><title>zombie%s</title></rect>\n",
				      x1, y + 4, z1 - x1 > 0.5 ? z1 - x1 : 0.5,
				      p->reap ? "" : ", not reaped");
		}
		kt_out_puts(o, "</g>\n");
	}

	/* Syscalls, then labels on the slowest. */
	if (v->nspans) {
		qsort(v->spans, v->nspans, sizeof(*v->spans), by_dur_desc);
		slow = (v->end - v->base) / 50;
	}
	/* The longest first, so that the short ones stay visible on top. */
	for (i = 0; i < v->nspans; i++) {
		const struct span *sp = &v->spans[i];
		const struct proc *p = find(v, sp->tgid);
		double x0 = xpos(v, sp->ts), x1 = xpos(v, sp->ts + sp->dur);
		const char *name = kt_sys_name(sp->abi, sp->nr, nbuf);

		if (!p)
			continue;
		fmt_ns(tbuf, sizeof(tbuf), sp->dur);
		/* Unfinished: a thin bar under the row's spans. */
		kt_out_printf(o,
			      "<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"><title>%s",
			      x0, row_y(p) + (sp->in_flight ? 22 : 8),
			      x1 - x0 > 0.6 ? x1 - x0 : 0.6,
			      sp->in_flight ? 3 : 14,
			      colour_of(kt_sys_class(sp->abi, sp->nr)), name);
		if (sp->in_flight)
			kt_out_printf(o, " (unfinished)");
		else
			kt_out_printf(o, " = %lld", sp->ret);
		kt_out_printf(o, ", %s</title></rect>\n", tbuf);
	}
	for (i = 0; i < v->nspans && labels < MAX_LABELS; i++) {
		const struct span *sp = &v->spans[i];
		const struct proc *p = find(v, sp->tgid);

		if (sp->dur < slow || !slow)
			break;
		if (!p || sp->in_flight)
			continue;
		labels++;
		fmt_ns(tbuf, sizeof(tbuf), sp->dur);
		kt_out_printf(o,
			      "<text class=\"slow\" x=\"%.1f\" y=\"%d\" font-size=\"10\">%s %s</text>\n",
			      xpos(v, sp->ts) + 2, row_y(p) + 19,
			      kt_sys_name(sp->abi, sp->nr, nbuf), tbuf);
	}

	/* Forks and signals. */
	for (i = 0; i < v->narrows; i++) {
		const struct arrow *a = &v->arrows[i];
		const struct proc *f = find(v, a->from), *t = find(v, a->to);
		double x = xpos(v, a->ts);
		int y0, y1;

		if (!f || !t)
			continue;
		y0 = row_y(f) + 15;
		y1 = row_y(t) + 15;
		if (!a->sig) {
			kt_out_printf(o,
				      "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"3,2\"><title>fork</title></line>\n",
				      x, y0, x, y1);
			continue;
		}
		kt_sig_name(a->sig, sbuf);
		if (f == t)
			kt_out_printf(o,
				      "<path class=\"signal\" d=\"M%.1f,%d c 10,-14 18,-14 6,-4\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"><title>%s</title></path>\n",
				      x, y0 - 4, sbuf);
		else
			kt_out_printf(o,
				      "<line class=\"signal\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d62728\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"><title>%s</title></line>\n",
				      x, y0, x, y1, sbuf);
		kt_out_printf(o,
			      "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#d62728\">%s</text>\n",
			      x + 4, (y0 < y1 ? y0 : y1) - 2, sbuf);
	}

	/* Legend. */
	for (i = 0; i < ARRAY_SIZE(colours); i++) {
		int x = 10 + (int)i * 95;

		kt_out_printf(o,
			      "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>\n",
			      x, bottom + 20, colours[i].colour, x + 16,
			      bottom + 30, colours[i].class);
	}
	kt_out_puts(o, "</svg>\n");
}

static void svg_free(struct kt_sink *s)
{
	struct svg *v = (struct svg *)s;

	free(v->procs);
	kt_pidmap_free(&v->index);
	free(v->spans);
	free(v->arrows);
	free(v);
}

struct kt_sink *kt_sink_svg_new(struct kt_out *out, uint64_t base_ts)
{
	struct svg *v = calloc(1, sizeof(*v));

	if (!v)
		return NULL;
	v->sink.event = svg_event;
	v->sink.finish = svg_finish;
	v->sink.free = svg_free;
	v->out = out;
	v->base = base_ts;
	return &v->sink;
}
