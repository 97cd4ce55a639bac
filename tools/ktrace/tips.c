// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): --tips[=[[id:]ID][,[format:]FORMAT]], strace's option: a tip
 * about the tool, printed on stderr once the trace is over (not after an
 * error of ktrace's own, nor among --json's objects).  ID picks one
 * (counted from 0, modulo their number) or "random"; FORMAT is "none",
 * "compact" (one line) or "full" (framed), the default.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ktrace.h"

static const char *const tips[] = {
	"'ktrace tree -- COMMAND' prints the processes and threads COMMAND made: who created whom, what each executed, how it ended and how long it stayed a zombie.",
	"'ktrace zombies' lists the processes that exited and that their parent has not reaped yet, and what the parent does instead of waiting.",
	"'ktrace hung' lists the threads blocked inside one syscall for longer than --min MS, with the syscall's arguments as strace prints them.",
	"'ktrace top' shows every interval the calls, errors and time in syscalls per second, per syscall and per process, and the fork rate per parent.",
	"'ktrace record -o FILE -- COMMAND' writes the raw records at the speed of a copy; 'ktrace report FILE' prints them later with strace's options.",
	"'ktrace signals -- COMMAND' pairs each signal's sending with its delivery: who sent it, how long it stayed pending, and what came of it.",
	"ktrace does not drop the records of a command it traces: its threads wait for the reader instead, for a bounded time. --lossy drops them, counted.",
	"'ktrace -c -- COMMAND' counts in the kernel, without a record per call: the cheapest way to see what a program asks of the system.",
};

#define TIPS_WIDTH	60

int kt_tips_parse(struct kt_opts *o, const char *spec)
{
	const char *p = spec, *comma, *v;
	size_t len;
	char *end;
	long id;

	o->tips = KT_TIPS_FULL;
	o->tip_id = -1;
	while (p && *p) {
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		v = p;
		if (len > 3 && !strncmp(p, "id:", 3))
			v = p + 3;
		else if (len > 7 && !strncmp(p, "format:", 7))
			v = p + 7;
		len -= v - p;
		if (len == 4 && !strncmp(v, "none", 4)) {
			o->tips = KT_TIPS_NONE;
		} else if (len == 7 && !strncmp(v, "compact", 7)) {
			o->tips = KT_TIPS_COMPACT;
		} else if (len == 4 && !strncmp(v, "full", 4)) {
			o->tips = KT_TIPS_FULL;
		} else if (len == 6 && !strncmp(v, "random", 6)) {
			o->tip_id = -1;
		} else {
			id = strtol(v, &end, 10);
			if (end != v + len || len == 0 || *v == '-' || *v == '+') {
				ktrace_err("--tips: '%.*s' is not a tip number, random, none, compact or full",
					   (int)len, v);
				return -1;
			}
			o->tip_id = id;
		}
		p = comma ? comma + 1 : NULL;
	}
	return 0;
}

/* The framed form: the text cut at spaces into lines of TIPS_WIDTH. */
static void tip_full(FILE *f, const char *text)
{
	const char *p = text, *cut, *sp;
	int n;

	fprintf(f, " +%.*s+\n", TIPS_WIDTH + 2,
		"----------------------------------------------------------------------");
	while (*p) {
		cut = p + strlen(p);
		if (cut - p > TIPS_WIDTH) {
			cut = p + TIPS_WIDTH;
			for (sp = cut; sp > p && *sp != ' '; sp--)
				;
			if (sp > p)
				cut = sp;
		}
		n = (int)(cut - p);
		fprintf(f, " | %-*.*s |\n", TIPS_WIDTH, n, p);
		p = cut;
		while (*p == ' ')
			p++;
	}
	fprintf(f, " +%.*s+\n", TIPS_WIDTH + 2,
		"----------------------------------------------------------------------");
}

/*
 * Set when a trace or a report ran to its end: an error of ktrace's own
 * stays one line, with no tip after it.
 */
static bool tips_due;

void kt_tips_due(bool due)
{
	tips_due = due;
}

/*
 * Do --json's objects go to standard error, where a tip would be a line
 * of text among them?  Without -o, or with -o naming the file standard
 * error is open on (/dev/stderr); not down a pipe of -o '|COMMAND'.
 */
static bool json_on_stderr(const struct kt_opts *o)
{
	if (!o->json)
		return false;
	if (!o->outfile)
		return true;
	if (o->outfile[0] == '|' || o->outfile[0] == '!')
		return false;
	return kt_same_file(STDERR_FILENO, o->outfile);
}

void kt_tips_print(const struct kt_opts *o)
{
	size_t n = ARRAY_SIZE(tips), i;

	if (o->tips == KT_TIPS_NONE || !tips_due || json_on_stderr(o))
		return;
	if (o->tip_id >= 0)
		i = (size_t)o->tip_id % n;
	else
		i = ((size_t)time(NULL) ^ (size_t)getpid()) % n;
	if (o->tips == KT_TIPS_COMPACT)
		fprintf(stderr, "ktrace tip: %s\n", tips[i]);
	else
		tip_full(stderr, tips[i]);
}
