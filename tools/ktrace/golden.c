// SPDX-License-Identifier: GPL-2.0
/*
 * Golden traces for graders: --golden and --expect FILE.
 *
 * "ktrace --golden [OPTIONS] -- COMMAND" traces the command as ktrace
 * would, into a pipe, and writes the trace (to standard error, or to -o
 * FILE, as ktrace does) normalised so that two runs
 * of the same program compare equal: pids renumbered P1, P2... in order
 * of appearance, addresses masked as 0xADDR, no times, calls whose
 * results change from run to run (getrandom, clock_*, gettimeofday,
 * time) left out, a call split by another process's lines
 * (<unfinished ...>, <... resumed>) joined back where it returned -- a
 * fork where it began, so that its child's lines come after it however
 * the two were scheduled; a call that never returns (exit_group) kept
 * as "<unfinished ...>" --, and the alignment padding collapsed.
 *
 * "ktrace --expect FILE [OPTIONS] -- COMMAND" checks the normalised
 * trace against FILE: its lines ('#' comments and blank lines aside),
 * in order, must each match a later line of the trace, '*' matching any
 * run of characters ("\*" a star).  The first pattern line that matches
 * nothing is printed with the trace lines around the last match, and
 * the exit status is 1; when all match, it is 0.  A FILE with nothing to
 * match is refused before the command runs.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktrace.h"

#define GOLDEN_LINE	4096
#define GOLDEN_PIDS	1024
#define GOLDEN_NONE	((size_t)-1)

struct golden {
	int pids[GOLDEN_PIDS];		/* real pid of P1, P2, ... */
	unsigned int npids;
	char *pending[GOLDEN_PIDS + 1];	/* an unfinished call, by P number */
	size_t pending_at[GOLDEN_PIDS + 1];	/* its line, or GOLDEN_NONE */
	char **lines;			/* the normalised trace */
	size_t nlines, cap;
	FILE *out;			/* --golden: where lines go */
};

/* The P number of a pid, given one on first sight. */
static unsigned int golden_pid(struct golden *g, int pid)
{
	unsigned int i;

	for (i = 0; i < g->npids; i++)
		if (g->pids[i] == pid)
			return i + 1;
	if (g->npids == GOLDEN_PIDS)
		return 0;
	g->pids[g->npids++] = pid;
	return g->npids;
}

/* Whether the call a line shows is left out: its result is the clock's. */
static bool golden_elided(const char *call)
{
	static const char *const names[] = {
		"getrandom(", "gettimeofday(", "time(", "clock_",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strncmp(call, names[i], strlen(names[i])))
			return true;
	return false;
}

/* Copy s to d, collapsing runs of blanks outside string literals. */
static void golden_squeeze(char *d, const char *s, size_t size)
{
	bool quoted = false;
	size_t n = 0;

	for (; *s && n + 1 < size; s++) {
		if (quoted && *s == '\\' && s[1]) {
			d[n++] = *s++;
			if (n + 1 < size)
				d[n++] = *s;
			continue;
		}
		if (*s == '"')
			quoted = !quoted;
		if (!quoted && *s == ' ' && n && d[n - 1] == ' ')
			continue;
		d[n++] = *s;
	}
	d[n] = '\0';
}

/* Mask 0x numbers of five digits or more: addresses. */
static void golden_mask(char *d, const char *s, size_t size)
{
	size_t n = 0, k;

	while (*s && n + 8 < size) {
		if (s[0] == '0' && s[1] == 'x') {
			for (k = 2; strchr("0123456789abcdef", s[k]) && s[k]; k++)
				;
			if (k - 2 >= 5) {
				memcpy(d + n, "0xADDR", 6);
				n += 6;
				s += k;
				continue;
			}
		}
		d[n++] = *s++;
	}
	d[n] = '\0';
}

/*
 * Replace the pids a call names or returns: its result for the calls
 * that return one, the first argument of those that take one, si_pid=.
 */
static void golden_pids(struct golden *g, char *line, size_t size)
{
	static const char *const returns[] = {
		"clone(", "clone3(", "fork(", "vfork(", "getpid(", "gettid(",
		"getppid(", "set_tid_address(", "wait4(", "waitid(",
	};
	static const char *const takes[] = {
		"wait4(", "kill(", "tgkill(", "tkill(",
	};
	char buf[GOLDEN_LINE], *p, *end;
	const char *call = line;
	size_t i;
	long v;

	if (!strncmp(call, "<... ", 5))
		call += 5;
	for (i = 0; i < ARRAY_SIZE(takes); i++) {
		size_t len = strlen(takes[i]);

		if (strncmp(line, takes[i], len))
			continue;
		v = strtol(line + len, &end, 10);
		if (end != line + len && v > 0) {
			snprintf(buf, sizeof(buf), "%.*sP%u%s", (int)len, line,
				 golden_pid(g, (int)v), end);
			snprintf(line, size, "%s", buf);
		}
	}
	for (i = 0; i < ARRAY_SIZE(returns); i++) {
		size_t len = strlen(returns[i]) - 1;

		if (strncmp(call, returns[i], len) ||
		    (call[len] != '(' && call[len] != ' '))
			continue;
		p = strrchr(line, '=');
		if (!p || p[1] != ' ')
			break;
		v = strtol(p + 2, &end, 10);
		if (end != p + 2 && v > 0 && (*end == '\0' || *end == ' ')) {
			snprintf(buf, sizeof(buf), "%.*sP%u%s", (int)(p + 2 - line),
				 line, golden_pid(g, (int)v), end);
			snprintf(line, size, "%s", buf);
		}
		break;
	}
	p = strstr(line, "si_pid=");
	if (p) {
		v = strtol(p + 7, &end, 10);
		if (end != p + 7 && v > 0) {
			snprintf(buf, sizeof(buf), "%.*sP%u%s", (int)(p + 7 - line),
				 line, golden_pid(g, (int)v), end);
			snprintf(line, size, "%s", buf);
		}
	}
}

/* Keep a line of the normalised trace: written out at the end. */
static int golden_keep(struct golden *g, const char *line)
{
	if (g->nlines == g->cap) {
		size_t cap = g->cap ? 2 * g->cap : 256;
		char **l = realloc(g->lines, cap * sizeof(*l));

		if (!l)
			return -1;
		g->lines = l;
		g->cap = cap;
	}
	g->lines[g->nlines] = strdup(line);
	return g->lines[g->nlines++] ? 0 : -1;
}

/* Whether a call creates a process or thread. */
static bool golden_forks(const char *call)
{
	return !strncmp(call, "clone(", 6) || !strncmp(call, "clone3(", 7) ||
	       !strncmp(call, "fork(", 5) || !strncmp(call, "vfork(", 6);
}

/* A normalised call or event of process P<pn> (0: not followed). */
static int golden_store(struct golden *g, unsigned int pn, char *b,
			size_t size)
{
	char out[GOLDEN_LINE + 32];

	golden_pids(g, b, size);
	if (pn)
		snprintf(out, sizeof(out), "[pid P%u] %s", pn, b);
	else
		snprintf(out, sizeof(out), "%s", b);
	return golden_keep(g, out);
}

/* A call's text as far as it went, then "<unfinished ...>", one blank between. */
static void golden_unfinished(char *d, size_t size, const char *call)
{
	size_t len = strlen(call);

	snprintf(d, size, "%.4000s%s<unfinished ...>", call,
		 len && call[len - 1] == ' ' ? "" : " ");
}

/*
 * A call of P<pn> that will not return (exit_group, a process killed in
 * a call): kept as strace showed it, "<unfinished ...>".
 */
static int golden_flush(struct golden *g, unsigned int pn)
{
	char a[GOLDEN_LINE];
	int ret = 0;

	if (!g->pending[pn])
		return 0;
	if (g->pending_at[pn] == GOLDEN_NONE && !golden_elided(g->pending[pn])) {
		golden_unfinished(a, sizeof(a), g->pending[pn]);
		ret = golden_store(g, pn, a, sizeof(a));
	}
	free(g->pending[pn]);
	g->pending[pn] = NULL;
	g->pending_at[pn] = GOLDEN_NONE;
	return ret;
}

/* One line of ktrace -o output, with a "PID " prefix when followed. */
static int golden_line(struct golden *g, char *raw, bool follow)
{
	char a[GOLDEN_LINE], b[GOLDEN_LINE];
	char *body = raw, *r;
	unsigned int pn = 0;

	raw[strcspn(raw, "\n")] = '\0';
	if (follow) {
		long pid = strtol(raw, &body, 10);

		if (body == raw)
			return golden_keep(g, raw);
		pn = golden_pid(g, (int)pid);
		body += strspn(body, " ");
	}
	golden_mask(a, body, sizeof(a));
	golden_squeeze(b, a, sizeof(b));
	if (!strncmp(b, "+++ ", 4) && golden_flush(g, pn))
		return -1;
	r = strstr(b, " <unfinished ...>");
	if (r) {
		/*
		 * The text up to strace's blank before "<unfinished ...>"
		 * (the padding squeezed: a comma keeps its blank), completed
		 * by the return.  A fork is held where it began: its child's
		 * lines come after it however the two were scheduled.
		 */
		*r = '\0';
		if (r > b && r[-1] == ',')
			strcpy(r, " ");
		if (golden_flush(g, pn))
			return -1;
		g->pending[pn] = strdup(b);
		if (!g->pending[pn])
			return -1;
		if (!golden_forks(b) || golden_elided(b))
			return 0;
		golden_unfinished(a, sizeof(a), b);
		if (golden_store(g, pn, a, sizeof(a)))
			return -1;
		g->pending_at[pn] = g->nlines - 1;
		return 0;
	}
	r = strstr(b, " resumed>");
	if (!strncmp(b, "<... ", 5) && g->pending[pn] && r) {
		size_t at = g->pending_at[pn];

		snprintf(a, sizeof(a), "%s%s", g->pending[pn], r + 9);
		free(g->pending[pn]);
		g->pending[pn] = NULL;
		g->pending_at[pn] = GOLDEN_NONE;
		golden_squeeze(b, a, sizeof(b));
		if (golden_elided(b))
			return 0;
		if (golden_store(g, pn, b, sizeof(b)))
			return -1;
		if (at != GOLDEN_NONE) {
			/* The whole fork takes the place of its start. */
			free(g->lines[at]);
			g->lines[at] = g->lines[--g->nlines];
		}
		return 0;
	}
	if (golden_elided(b))
		return 0;
	return golden_store(g, pn, b, sizeof(b));
}

/*
 * Whether line @s matches pattern @p, '*' any run, "\*" a star.  On a
 * mismatch only the last star takes one more character: what the stars
 * before it matched can stay, since any run after them is the last one's
 * to take.  Linear passes, where trying every split between the stars
 * is exponential in their number.
 */
static bool golden_match(const char *p, const char *s)
{
	const char *star_p = NULL, *star_s = NULL, *lit;

	while (*s) {
		if (*p == '*') {
			star_p = ++p;
			star_s = s;
			continue;
		}
		lit = *p == '\\' && p[1] == '*' ? p + 1 : p;
		if (*p && *lit == *s) {
			p = lit + 1;
			s++;
			continue;
		}
		if (!star_p)
			return false;
		p = star_p;
		s = ++star_s;
	}
	while (*p == '*')
		p++;
	return !*p;
}

static int golden_expect(struct golden *g, const char *file, FILE *f)
{
	char pat[GOLDEN_LINE];
	size_t at = 0, last = 0, i, lineno = 0, n = 0;
	bool matched = false;

	while (fgets(pat, sizeof(pat), f)) {
		lineno++;
		pat[strcspn(pat, "\n")] = '\0';
		if (!pat[0] || pat[0] == '#')
			continue;
		n++;
		for (i = at; i < g->nlines; i++)
			if (golden_match(pat, g->lines[i]))
				break;
		if (i == g->nlines) {
			fclose(f);
			fprintf(stderr, "%s:%zu: no line of the trace matches\n  %s\n",
				file, lineno, pat);
			fprintf(stderr, "after %s; the trace from there:\n",
				matched ? "the line matched last" : "its start");
			i = matched && last > 2 ? last - 2 : 0;
			for (; i < g->nlines && i < at + 5; i++)
				fprintf(stderr, "%s %s\n",
					matched && i == last ? ">" : " ", g->lines[i]);
			return 1;
		}
		last = i;
		at = i + 1;
		matched = true;
	}
	if (ferror(f)) {
		ktrace_err("--expect: cannot read %s: %s", file,
			   strerror(errno));
		fclose(f);
		return 1;
	}
	fclose(f);
	fprintf(stderr, "%s: all %zu lines matched\n", file, n);
	return 0;
}

/*
 * Before the command runs: an --expect FILE that cannot be read to its
 * end, or holds no pattern (only comments and blank lines), would pass
 * whatever the trace; said in one line.  @f is left at its start.
 */
static bool expect_empty(const char *file, FILE *f)
{
	char pat[GOLDEN_LINE];
	bool any = false;

	while (!any && fgets(pat, sizeof(pat), f)) {
		pat[strcspn(pat, "\n")] = '\0';
		any = pat[0] && pat[0] != '#';	/* as golden_expect() */
	}
	if (ferror(f)) {
		ktrace_err("--expect: cannot read %s: %s", file,
			   strerror(errno));
		return true;
	}
	if (!any) {
		ktrace_err("--expect: %s has no line to match (only comments and blank lines)",
			   file);
		return true;
	}
	rewind(f);
	return false;
}

int ktrace_golden(struct kt_opts *o, const char *expect)
{
	struct golden g = { .out = NULL };
	char path[32], line[GOLDEN_LINE];
	int p[2], status, ret;
	size_t i;
	pid_t pid;
	FILE *in, *ef = NULL;
	struct stat st;

	if (!o->argc) {
		ktrace_err("--golden and --expect need a COMMAND to run");
		return 1;
	}
	if (o->follow > 1 || o->json || o->summary_only || o->summary ||
	    o->npids) {
		ktrace_err("--golden and --expect print a text trace of a command; they do not combine with -ff, -p, -c, -C or --json");
		return 1;
	}
	for (i = 0; i <= GOLDEN_PIDS; i++)
		g.pending_at[i] = GOLDEN_NONE;
	if (!expect) {
		g.out = o->outfile ? fopen(o->outfile, "w") : stderr;
		if (!g.out) {
			ktrace_err("cannot write %s: %s", o->outfile, strerror(errno));
			return 1;
		}
	} else {
		/*
		 * Before the command runs: it may not run twice.  A directory
		 * opens, and fails only when read.
		 */
		ef = fopen(expect, "re");
		if (ef && !fstat(fileno(ef), &st) && S_ISDIR(st.st_mode)) {
			fclose(ef);
			ef = NULL;
			errno = EISDIR;
		}
		if (!ef) {
			ktrace_err("--expect: cannot read %s: %s", expect,
				   strerror(errno));
			return 1;
		}
		if (expect_empty(expect, ef))
			goto fail;
	}
	if (pipe2(p, O_CLOEXEC)) {
		ktrace_err("pipe: %s", strerror(errno));
		goto fail;
	}
	snprintf(path, sizeof(path), "/dev/fd/%d", p[1]);
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		ktrace_err("fork: %s", strerror(errno));
		close(p[0]);
		close(p[1]);
		goto fail;
	}
	if (pid == 0) {
		close(p[0]);
		o->outfile = path;
		o->timestamps = 0;
		o->relative = false;
		o->syscall_times = false;
		_exit(kt_trace(o) & 0xff);
	}
	close(p[1]);
	in = fdopen(p[0], "r");
	if (!in) {
		ktrace_err("fdopen: %s", strerror(errno));
		return 1;
	}
	ret = 0;
	while (fgets(line, sizeof(line), in))
		if (golden_line(&g, line, o->follow > 0))
			ret = 1;
	fclose(in);
	for (i = 0; i <= GOLDEN_PIDS; i++)
		if (golden_flush(&g, i))
			ret = 1;
	if (waitpid(pid, &status, 0) != pid)
		return 1;
	if (expect)
		return ret | golden_expect(&g, expect, ef);
	for (i = 0; i < g.nlines; i++)
		fprintf(g.out, "%s\n", g.lines[i]);
	if (g.out != stderr && fclose(g.out)) {
		ktrace_err("cannot write %s: %s", o->outfile, strerror(errno));
		return 1;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;

fail:
	if (ef)
		fclose(ef);
	return 1;
}
