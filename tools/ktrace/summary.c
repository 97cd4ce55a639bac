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
	c->calls++;
	if (r->ret < 0 && r->ret >= -4095)
		c->errors++;
	if (r->duration != KTRACE_DURATION_UNKNOWN)
		c->ns += r->duration;
}

struct row {
	const char *name;
	char namebuf[24];
	unsigned long long calls, errors, ns;
};

static enum kt_sort sort_key;

static int cmp_rows(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	switch (sort_key) {
	case KT_SORT_CALLS:
		if (x->calls != y->calls)
			return x->calls < y->calls ? 1 : -1;
		break;
	case KT_SORT_ERRORS:
		if (x->errors != y->errors)
			return x->errors < y->errors ? 1 : -1;
		break;
	case KT_SORT_NAME:
		return strcmp(x->name, y->name);
	case KT_SORT_NOTHING:
		return 0;
	case KT_SORT_TIME:
		if (x->ns != y->ns)
			return x->ns < y->ns ? 1 : -1;
		break;
	}
	return strcmp(x->name, y->name);
}

static const char rule[] =
	"------ ----------- ----------- --------- --------- ----------------\n";

static void table(struct kt_out *out, struct row *rows, unsigned int n)
{
	unsigned long long calls = 0, errors = 0, ns = 0;
	unsigned int i;

	for (i = 0; i < n; i++) {
		calls += rows[i].calls;
		errors += rows[i].errors;
		ns += rows[i].ns;
	}
	if (sort_key != KT_SORT_NOTHING)
		qsort(rows, n, sizeof(*rows), cmp_rows);
	kt_out_printf(out, "%6.6s %11.11s %11.11s %9.9s %9.9s %s\n", "% time",
		      "seconds", "usecs/call", "calls", "errors", "syscall");
	kt_out_puts(out, rule);
	for (i = 0; i < n; i++)
		kt_out_printf(out, "%6.2f %11.6f %11llu %9llu %9.0llu %s\n",
			      ns ? 100.0 * rows[i].ns / ns : 0.0,
			      rows[i].ns / 1e9,
			      rows[i].calls ? rows[i].ns / 1000 / rows[i].calls : 0,
			      rows[i].calls, rows[i].errors, rows[i].name);
	kt_out_puts(out, rule);
	kt_out_printf(out, "%6.2f %11.6f %11llu %9llu %9.0llu %s\n", 100.0,
		      ns / 1e9, calls ? ns / 1000 / calls : 0, calls, errors,
		      "total");
}

void kt_summary(struct kt_out *out, enum kt_sort sort,
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
	const struct kt_count *k;
	struct row *rows;
	unsigned int a, nr, n;
	bool printed = false;

	sort_key = sort;
	rows = calloc(KTRACE_NR_MAX, sizeof(*rows));
	if (!rows)
		return;
	for (a = 0; a < ARRAY_SIZE(abis); a++) {
		n = 0;
		for (nr = 0; nr < KTRACE_NR_MAX; nr++) {
			k = &c->c[abis[a].abi][nr];
			if (!k->calls)
				continue;
			rows[n].name = kt_sys_name(abis[a].abi, nr,
						   rows[n].namebuf);
			rows[n].calls = k->calls;
			rows[n].errors = k->errors;
			rows[n].ns = k->ns;
			n++;
		}
		if (!n && (a || printed))
			continue;
		if (abis[a].title)
			kt_out_printf(out, "%s\n", abis[a].title);
		table(out, rows, n);
		printed = true;
	}
	free(rows);
}
