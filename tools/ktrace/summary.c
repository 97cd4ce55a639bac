// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): -c and -C, strace's summary table, from per-syscall counts
 * of calls, errors and time: the ones the kernel keeps for the session,
 * live or saved in a recording, else those counted from the syscall
 * events (kt_count_syscall(), called by sink-text.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ktrace.h"
#include "events.h"

/* What -c counts when the session's counters are not at hand: each exit. */
void kt_count_syscall(struct kt_counts *counts, const struct kt_event *e)
{
	const struct ktrace_rec_sys_exit *r = e->sys.exit;
	struct kt_count *c;

	if (!r || r->abi >= KTRACE_ABI_COUNT || r->nr >= KTRACE_NR_MAX)
		return;
	/* The child's return from a fork-family call is not a call. */
	if (!r->ret) {
		const char *name = ktrace_syscall_name(r->abi, r->nr);

		if (name && (!strcmp(name, "clone") || !strcmp(name, "clone3") ||
			     !strcmp(name, "fork") || !strcmp(name, "vfork")))
			return;
	}
	c = &counts->c[r->abi][r->nr];
	counts->minmax = true;
	c->calls++;
	if (kt_ret_failed(r->ret))
		c->errors++;
	if (r->duration != KTRACE_DURATION_UNKNOWN) {
		c->ns += r->duration;
		if (c->calls == 1 || r->duration < c->min_ns)
			c->min_ns = r->duration;
		if (r->duration > c->max_ns)
			c->max_ns = r->duration;
	}
}

/* strace's names of the columns, for -U and -S. */
static const struct {
	const char *name;
	enum kt_col col;
} col_names[] = {
	{ "time", KT_COL_PERCENT }, { "time_percent", KT_COL_PERCENT },
	{ "time-percent", KT_COL_PERCENT },
	{ "time_total", KT_COL_TOTAL }, { "time-total", KT_COL_TOTAL },
	{ "total_time", KT_COL_TOTAL }, { "total-time", KT_COL_TOTAL },
	{ "min_time", KT_COL_MIN }, { "min-time", KT_COL_MIN },
	{ "shortest", KT_COL_MIN }, { "time_min", KT_COL_MIN },
	{ "time-min", KT_COL_MIN },
	{ "max_time", KT_COL_MAX }, { "max-time", KT_COL_MAX },
	{ "longest", KT_COL_MAX }, { "time_max", KT_COL_MAX },
	{ "time-max", KT_COL_MAX },
	{ "avg_time", KT_COL_AVG }, { "avg-time", KT_COL_AVG },
	{ "time_avg", KT_COL_AVG }, { "time-avg", KT_COL_AVG },
	{ "calls", KT_COL_CALLS }, { "count", KT_COL_CALLS },
	{ "errors", KT_COL_ERRORS }, { "error", KT_COL_ERRORS },
	{ "name", KT_COL_NAME }, { "syscall", KT_COL_NAME },
	{ "syscall_name", KT_COL_NAME }, { "syscall-name", KT_COL_NAME },
};

enum kt_col kt_summary_column(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(col_names); i++)
		if (strlen(col_names[i].name) == len &&
		    !strncmp(col_names[i].name, name, len))
			return col_names[i].col;
	return KT_COL_END;
}

bool kt_summary_needs_minmax(const struct kt_opts *o)
{
	unsigned int i;

	if (o->sort == KT_SORT_MIN || o->sort == KT_SORT_MAX)
		return true;
	for (i = 0; i < KT_COL_COUNT && o->columns[i]; i++)
		if (o->columns[i] == KT_COL_MIN || o->columns[i] == KT_COL_MAX)
			return true;
	return false;
}

struct row {
	const char *name;	/* the totals' "total"; else NULL: namebuf */
	char namebuf[24];
	unsigned long long calls, errors, ns, min_ns, max_ns;
};

static enum kt_sort sort_key;

static int cmp_u64(unsigned long long x, unsigned long long y)
{
	return x < y ? 1 : x > y ? -1 : 0;
}

static const char *row_name(const struct row *r)
{
	return r->name ? r->name : r->namebuf;
}

static int cmp_rows(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int r = 0;

	switch (sort_key) {
	case KT_SORT_CALLS:
		r = cmp_u64(x->calls, y->calls);
		break;
	case KT_SORT_ERRORS:
		r = cmp_u64(x->errors, y->errors);
		break;
	case KT_SORT_NAME:
		return strcmp(row_name(x), row_name(y));
	case KT_SORT_NOTHING:
		return 0;
	case KT_SORT_TIME:
		r = cmp_u64(x->ns, y->ns);
		break;
	case KT_SORT_MIN:
		r = cmp_u64(x->min_ns, y->min_ns);
		break;
	case KT_SORT_MAX:
		r = cmp_u64(x->max_ns, y->max_ns);
		break;
	case KT_SORT_AVG:
		r = cmp_u64(x->calls ? x->ns / x->calls : 0,
			    y->calls ? y->ns / y->calls : 0);
		break;
	}
	return r ? r : strcmp(row_name(x), row_name(y));
}

static const unsigned char default_columns[] = {
	KT_COL_PERCENT, KT_COL_TOTAL, KT_COL_AVG, KT_COL_CALLS,
	KT_COL_ERRORS, KT_COL_NAME, KT_COL_END,
};

/* Each column's header, and its narrowest width as strace keeps it. */
static const struct {
	const char *head;
	int width;
} col_desc[KT_COL_COUNT] = {
	[KT_COL_PERCENT] = { "% time", 6 },
	[KT_COL_TOTAL] = { "seconds", 11 },
	[KT_COL_MIN] = { "shortest", 8 },
	[KT_COL_MAX] = { "longest", 7 },
	[KT_COL_AVG] = { "usecs/call", 11 },
	[KT_COL_CALLS] = { "calls", 9 },
	[KT_COL_ERRORS] = { "errors", 9 },
	[KT_COL_NAME] = { "syscall", 16 },
};

static int digits(unsigned long long v)
{
	char buf[32];

	return snprintf(buf, sizeof(buf), "%llu", v);
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

/* One line of the table: a row, or the totals (percent 100). */
static void print_row(struct kt_out *out, const unsigned char *cols,
		      const int *width, const struct row *r,
		      unsigned long long total_ns, bool totals)
{
	unsigned int i;

	for (i = 0; cols[i]; i++) {
		int w = width[cols[i]];

		if (i)
			kt_out_puts(out, " ");
		switch (cols[i]) {
		case KT_COL_PERCENT:
			kt_out_printf(out, "%*.2f", w, totals ? 100.0 :
				      total_ns ? 100.0 * r->ns / total_ns : 0.0);
			break;
		case KT_COL_TOTAL:
			kt_out_printf(out, "%*.6f", w, r->ns / 1e9);
			break;
		case KT_COL_MIN:
			kt_out_printf(out, "%*.6f", w, r->min_ns / 1e9);
			break;
		case KT_COL_MAX:
			kt_out_printf(out, "%*.6f", w, r->max_ns / 1e9);
			break;
		case KT_COL_AVG:
			kt_out_printf(out, "%*llu", w, r->calls ?
				      r->ns / 1000 / r->calls : 0);
			break;
		case KT_COL_CALLS:
			kt_out_printf(out, "%*llu", w, r->calls);
			break;
		case KT_COL_ERRORS:
			kt_out_printf(out, "%*.0llu", w, r->errors);
			break;
		case KT_COL_NAME:
			kt_out_printf(out, "%-*s", cols[i + 1] ? w : 0,
				      row_name(r));
			break;
		}
	}
	kt_out_puts(out, "\n");
}

static void rule(struct kt_out *out, const unsigned char *cols,
		 const int *width)
{
	unsigned int i;
	int j;

	for (i = 0; cols[i]; i++) {
		if (i)
			kt_out_puts(out, " ");
		for (j = 0; j < width[cols[i]]; j++)
			kt_out_puts(out, "-");
	}
	kt_out_puts(out, "\n");
}

/*
 * The table, with the columns -U chose (strace's by default); each
 * column as wide as its header or its widest number, as strace makes it.
 */
static void table(struct kt_out *out, const unsigned char *cols,
		  struct row *rows, unsigned int n)
{
	struct row tot = { .name = "total" };
	unsigned long long min_max = 0, avg_max = 0;
	int width[KT_COL_COUNT];
	unsigned int i;
	int c;

	for (i = 0; i < n; i++) {
		tot.calls += rows[i].calls;
		tot.errors += rows[i].errors;
		tot.ns += rows[i].ns;
		if (!i || rows[i].min_ns < tot.min_ns)
			tot.min_ns = rows[i].min_ns;
		if (rows[i].min_ns > min_max)
			min_max = rows[i].min_ns;
		if (rows[i].max_ns > tot.max_ns)
			tot.max_ns = rows[i].max_ns;
		if (rows[i].ns / 1000 / rows[i].calls > avg_max)
			avg_max = rows[i].ns / 1000 / rows[i].calls;
	}
	for (c = 0; c < KT_COL_COUNT; c++)
		width[c] = col_desc[c].width;
	width[KT_COL_TOTAL] = max_int(width[KT_COL_TOTAL],
				      digits(tot.ns / 1000000000) + 7);
	width[KT_COL_MIN] = max_int(width[KT_COL_MIN],
				    digits(min_max / 1000000000) + 7);
	width[KT_COL_MAX] = max_int(width[KT_COL_MAX],
				    digits(tot.max_ns / 1000000000) + 7);
	width[KT_COL_AVG] = max_int(width[KT_COL_AVG], digits(avg_max));
	width[KT_COL_CALLS] = max_int(width[KT_COL_CALLS], digits(tot.calls));
	width[KT_COL_ERRORS] = max_int(width[KT_COL_ERRORS],
				       digits(tot.errors));
	for (i = 0; i < n; i++)
		width[KT_COL_NAME] = max_int(width[KT_COL_NAME],
					     strlen(row_name(&rows[i])) + 1);

	if (sort_key != KT_SORT_NOTHING)
		qsort(rows, n, sizeof(*rows), cmp_rows);
	for (i = 0; cols[i]; i++) {
		if (i)
			kt_out_puts(out, " ");
		if (cols[i] == KT_COL_NAME)
			kt_out_printf(out, "%-*s", cols[i + 1] ? width[cols[i]] : 0,
				      col_desc[cols[i]].head);
		else
			kt_out_printf(out, "%*s", width[cols[i]],
				      col_desc[cols[i]].head);
	}
	kt_out_puts(out, "\n");
	rule(out, cols, width);
	for (i = 0; i < n; i++)
		print_row(out, cols, width, &rows[i], tot.ns, false);
	rule(out, cols, width);
	print_row(out, cols, width, &tot, tot.ns, true);
}

static unsigned long long sub(unsigned long long a, unsigned long long b)
{
	return a > b ? a - b : 0;
}

void kt_summary(struct kt_out *out, const struct kt_opts *o,
		const struct kt_counts *c)
{
	static const struct {
		int abi;
		const char *title;
	} abis[] = {
		{ KTRACE_ABI_NATIVE, NULL },
		{ KTRACE_ABI_COMPAT,
		  "System call usage summary for 32 bit mode:" },
	};
	const unsigned char *cols = o->columns[0] ? o->columns :
				    default_columns;
	const struct kt_count *k;
	struct row *rows;
	char nbuf[24];
	unsigned int a, nr, n;
	bool printed = false;

	sort_key = o->sort;
	rows = calloc(KTRACE_NR_MAX, sizeof(*rows));
	if (!rows)
		return;
	for (a = 0; a < ARRAY_SIZE(abis); a++) {
		n = 0;
		for (nr = 0; nr < KTRACE_NR_MAX; nr++) {
			k = &c->c[abis[a].abi][nr];
			if (!k->calls)
				continue;
			/* The name is copied: qsort() moves the rows. */
			snprintf(rows[n].namebuf, sizeof(rows[n].namebuf),
				 "%s", kt_sys_name(abis[a].abi, nr, nbuf));
			rows[n].name = NULL;
			rows[n].calls = k->calls;
			rows[n].errors = k->errors;
			/* -O: strace takes it from every call's time. */
			rows[n].ns = sub(k->ns, k->calls * o->overhead_ns);
			rows[n].min_ns = sub(k->min_ns, o->overhead_ns);
			rows[n].max_ns = sub(k->max_ns, o->overhead_ns);
			n++;
		}
		if (!n && (a || printed))
			continue;
		if (abis[a].title)
			kt_out_printf(out, "%s\n", abis[a].title);
		table(out, cols, rows, n);
		printed = true;
	}
	free(rows);
}
