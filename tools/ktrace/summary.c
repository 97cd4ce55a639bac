// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): -c and -C, strace's summary table, from the per-syscall
 * counters the kernel keeps for the session: calls, errors and time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ktrace.h"

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

static void table(FILE *out, struct row *rows, unsigned int n)
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
	fprintf(out, "%6.6s %11.11s %11.11s %9.9s %9.9s %s\n", "% time",
		"seconds", "usecs/call", "calls", "errors", "syscall");
	fputs(rule, out);
	for (i = 0; i < n; i++)
		fprintf(out, "%6.2f %11.6f %11llu %9llu %9.0llu %s\n",
			ns ? 100.0 * rows[i].ns / ns : 0.0,
			rows[i].ns / 1e9,
			rows[i].calls ? rows[i].ns / 1000 / rows[i].calls : 0,
			rows[i].calls, rows[i].errors, rows[i].name);
	fputs(rule, out);
	fprintf(out, "%6.2f %11.6f %11llu %9llu %9.0llu %s\n", 100.0, ns / 1e9,
		calls ? ns / 1000 / calls : 0, calls, errors, "total");
}

void kt_summary(int fd, const struct kt_opts *o, FILE *out)
{
	static const struct {
		int abi;
		enum ktrace_cli_abi cli;
		const char *title;
	} abis[] = {
		{ KTRACE_ABI_NATIVE, KTRACE_CLI_ABI_X86_64, NULL },
		{ KTRACE_ABI_COMPAT, KTRACE_CLI_ABI_I386,
		  "System call usage summary for 32 bit mode:" },
	};
	struct ktrace_syscall_stats st;
	struct row *rows;
	unsigned int a, nr, n;
	bool printed = false;

	sort_key = o->sort;
	rows = calloc(KTRACE_NR_MAX, sizeof(*rows));
	if (!rows)
		return;
	for (a = 0; a < ARRAY_SIZE(abis); a++) {
		n = 0;
		for (nr = 0; nr < KTRACE_NR_MAX; nr++) {
			memset(&st, 0, sizeof(st));
			st.abi = abis[a].abi;
			st.nr = nr;
			if (kt_dev_syscall_stats(fd, &st))
				goto out;
			if (!st.calls)
				continue;
			rows[n].name = ktrace_syscall_name(abis[a].cli, nr);
			if (!rows[n].name) {
				snprintf(rows[n].namebuf, sizeof(rows[n].namebuf),
					 "syscall_%#x", nr);
				rows[n].name = rows[n].namebuf;
			}
			rows[n].calls = st.calls;
			rows[n].errors = st.errors;
			rows[n].ns = st.total_ns;
			n++;
		}
		if (!n && (a || printed))
			continue;
		if (abis[a].title)
			fprintf(out, "%s\n", abis[a].title);
		table(out, rows, n);
		printed = true;
	}
out:
	free(rows);
}
