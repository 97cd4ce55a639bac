// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of the golden-trace normaliser (golden.c), in TAP: the lines
 * "ktrace -f -o" wrote for runs of lab 09's program under the schedules
 * that made CI's --expect claim fail, and what --golden must make of
 * them, so that one pattern matches however the processes ran.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../golden.c"

const char *ktrace_prog = "golden-test";

void ktrace_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* golden.c's ktrace_golden() runs the tracer; this test feeds its lines. */
int kt_trace(const struct kt_opts *o)
{
	(void)o;
	return 0;
}

static int n, failed;

static void ok(int cond, const char *what)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++n, what);
	failed |= !cond;
}

/* Normalise the trace lines in, joined by '\n'; the result in out. */
static void normalise(struct golden *g, const char *in, char *out,
		      size_t size)
{
	char line[GOLDEN_LINE];
	const char *p = in;
	size_t i, len = 0;

	memset(g, 0, sizeof(*g));
	for (i = 0; i <= GOLDEN_PIDS; i++)
		g->pending_at[i] = GOLDEN_NONE;
	while (*p) {
		size_t l = strcspn(p, "\n");

		snprintf(line, sizeof(line), "%.*s", (int)l, p);
		golden_line(g, line, true);
		p += l + (p[l] == '\n');
	}
	for (i = 0; i <= GOLDEN_PIDS; i++)
		golden_flush(g, i);
	out[0] = '\0';
	for (i = 0; i < g->nlines; i++)
		len += snprintf(out + len, size - len, "%s\n", g->lines[i]);
}

static void check(const char *what, const char *in, const char *want)
{
	struct golden g;
	char got[8192];

	normalise(&g, in, got, sizeof(got));
	ok(!strcmp(got, want), what);
	if (strcmp(got, want))
		printf("# got:\n%s# wanted:\n%s", got, want);
}

/* Whether lab 09's pattern file matches the normalised lines of in. */
static int expect(const char *pattern, const char *in)
{
	FILE *f = fopen(pattern, "r");
	struct golden g;
	char got[8192];
	int ret;

	if (!f) {
		printf("# cannot read %s\n", pattern);
		return 1;
	}
	normalise(&g, in, got, sizeof(got));
	fflush(stdout);
	ret = golden_expect(&g, pattern, f);
	fflush(stderr);
	return ret;
}

/* The parent's clone returns after its child has exited. */
static const char child_first[] = {
	"100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD <unfinished ...>\n"
	"101 exit_group(3)                     = ?\n"
	"101 +++ exited with 3 +++\n"
	"100 <... clone resumed>, child_tidptr=0x7f5c1a2b3a10) = 101\n"
	"100 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=101, si_uid=0, si_status=3, si_utime=0, si_stime=0} ---\n"
	"100 wait4(101, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 101\n"
};

/* The clone returns first; the parent waits before the child exits. */
static const char parent_first[] = {
	"100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f5c1a2b3a10) = 101\n"
	"100 wait4(101,  <unfinished ...>\n"
	"101 exit_group(3 <unfinished ...>\n"
	"101 +++ exited with 3 +++\n"
	"100 <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 101\n"
	"100 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=101, si_uid=0, si_status=3, si_utime=0, si_stime=0} ---\n"
};

/* A wrong solution: the child exits with 0. */
static const char exits_0[] = {
	"100 clone(child_stack=NULL, flags=SIGCHLD) = 101\n"
	"101 exit_group(0) = ?\n101 +++ exited with 0 +++\n"
	"100 wait4(101, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 101\n"
};

static const char clone_line[] = {
	"[pid P1] clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0xADDR) = P2\n"
};

static const char sigchld_line[] = {
	"[pid P1] --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=P2, si_uid=0, si_status=3, si_utime=0, si_stime=0} ---\n"
};

static const char wait_line[] = {
	"[pid P1] wait4(P2, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = P2\n"
};

/*
 * The matcher: '*' any run, "\*" a star; and a pattern of many stars
 * against a long line that it does not match, which a matcher trying
 * every split of the line between the stars takes years over.
 */
static void match_cases(void)
{
	static const struct {
		const char *pat, *line;
		bool match;
	} c[] = {
		{ "write(1, *) = *", "write(1, \"hi\\n\", 3) = 3", true },
		{ "write(1, *) = 4", "write(1, \"hi\\n\", 3) = 3", false },
		{ "*", "", true },
		{ "a*", "", false },
		{ "*b*c", "abxbyc", true },
		{ "*b*c", "abxbycd", false },
		{ "a\\*c", "a*c", true },
		{ "a\\*c", "abc", false },
		{ "*\\**", "x*y", true },
		{ "*\\**", "xy", false },
		{ "**x", "ax", true },
	};
	char line[GOLDEN_LINE], pat[64];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(c); i++) {
		char what[128];

		snprintf(what, sizeof(what), "'%s' %s '%s'", c[i].pat,
			 c[i].match ? "matches" : "does not match", c[i].line);
		ok(golden_match(c[i].pat, c[i].line) == c[i].match, what);
	}
	/* "a, a, a, ..." and "*, *, *, *, *, *, *, *, *, *, *, *b". */
	for (i = 0; i + 3 < 3000 && i + 3 < sizeof(line); i += 3)
		memcpy(line + i, "a, ", 3);
	line[i] = '\0';
	strcpy(pat, "*, *, *, *, *, *, *, *, *, *, *, *b");
	ok(!golden_match(pat, line),
	   "12 stars against 1,000 near-misses: no match, in linear passes");
}

int main(int argc, char **argv)
{
	char want[4096];

	snprintf(want, sizeof(want), "%s%s%s%s%s", clone_line,
		 "[pid P2] exit_group(3) = ?\n",
		 "[pid P2] +++ exited with 3 +++\n", sigchld_line, wait_line);
	check("a fork returning after its child exited is kept where it began, joined whole",
	      child_first, want);

	snprintf(want, sizeof(want), "%s%s%s%s%s", clone_line,
		 "[pid P2] exit_group(3 <unfinished ...>\n",
		 "[pid P2] +++ exited with 3 +++\n",
		 "[pid P1] wait4(P2, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = P2\n",
		 sigchld_line);
	check("a wait joined where it returned; an exit_group that never returns is kept",
	      parent_first, want);

	check("a clock call split by another process is left out whole",
	      "100 clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=0},  <unfinished ...>\n"
	      "101 getppid()                       = 100\n"
	      "100 <... clock_nanosleep resumed>0x7ffc0a0b0c0d) = 0\n",
	      "[pid P2] getppid() = P1\n");

	check("a call whose process was killed in it is kept unfinished",
	      "100 read(0,  <unfinished ...>\n"
	      "101 kill(100, SIGKILL)              = 0\n"
	      "100 +++ killed by SIGKILL +++\n",
	      "[pid P2] kill(P1, SIGKILL) = 0\n"
	      "[pid P1] read(0, <unfinished ...>\n"
	      "[pid P1] +++ killed by SIGKILL +++\n");

	if (argc == 2) {
		ok(!expect(argv[1], child_first),
		   "lab 09's pattern matches when the child exits before clone returns");
		ok(!expect(argv[1], parent_first),
		   "lab 09's pattern matches when the parent waits before the child exits");
		ok(expect(argv[1], exits_0),
		   "lab 09's pattern refuses a child exiting with 0");
	}
	match_cases();
	printf("1..%d\n", n);
	return failed;
}
