// SPDX-License-Identifier: GPL-2.0
/*
 * The coursework's claims (Documentation/labs/): one test per lab runs
 * the lab's session, labs/NN-name.sh, as a student types it in the VM
 * (labs/transcript prints each command and its output), then checks the
 * observations the lab asks the student to make, each a small shell
 * test over the transcript ($OUT) and the files the session left.  A
 * lab whose claim no longer holds fails here with the claim, the check
 * and the whole transcript in the log.
 *
 * Needs ktrace on PATH, ktrace.ko loaded and the lab programs
 * (tools/labs/progs/) in /opt/ktrace/labs, as the test VM has them.
 */
#include <limits.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../kselftest_harness.h"

#define LAB_PROGS	"/opt/ktrace/labs"
#define LAB_TIMEOUT	120

static char labs_dir[PATH_MAX];

/* Where the sessions were installed: labs/ next to this program. */
static const char *sessions(void)
{
	char exe[PATH_MAX];
	ssize_t n;

	if (labs_dir[0])
		return labs_dir;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n < 0)
		return NULL;
	exe[n] = '\0';
	snprintf(labs_dir, sizeof(labs_dir), "%s/labs", dirname(exe));
	return labs_dir;
}

static void dump(const char *path)
{
	char line[1024];
	FILE *f = fopen(path, "r");

	if (!f)
		return;
	fprintf(stderr, "# --- transcript %s\n", path);
	while (fgets(line, sizeof(line), f))
		fprintf(stderr, "#   %s", line);
	fclose(f);
}

FIXTURE(lab) {
	char out[PATH_MAX];
	int failed;
};

FIXTURE_SETUP(lab)
{
	char path[PATH_MAX + 16];

	if (access("/dev/ktrace", F_OK))
		SKIP(return, "ktrace.ko is not loaded");
	if (access(LAB_PROGS "/cow", X_OK))
		SKIP(return, "no lab programs in " LAB_PROGS);
	ASSERT_NE(NULL, sessions());
	snprintf(path, sizeof(path), "%s/transcript", sessions());
	ASSERT_EQ(0, access(path, R_OK)) TH_LOG("no %s", path);
	setenv("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:"
	       "/sbin:/bin:" LAB_PROGS, 1);
	self->failed = 0;
}

FIXTURE_TEARDOWN(lab)
{
	if (self->failed && self->out[0])
		dump(self->out);
}

/* Run labs/NAME.sh through the transcript into self->out. */
static int session(FIXTURE_DATA(lab) *self, const char *name)
{
	char cmd[3 * PATH_MAX];

	snprintf(self->out, sizeof(self->out), "/tmp/ktrace-lab-%s.out", name);
	setenv("OUT", self->out, 1);
	snprintf(cmd, sizeof(cmd), "cd /tmp && sh '%s/transcript' '%s/%s.sh' >'%s' 2>&1",
		 sessions(), sessions(), name, self->out);
	return system(cmd);
}

/* One observation: a shell test over $OUT, true when the claim holds. */
static int holds(const char *check)
{
	return system(check) == 0;
}

#define RUN(name) do {							\
	int __rc;							\
	if (_metadata->skip)						\
		return;							\
	__rc = session(self, name);					\
	if (__rc) {							\
		self->failed = 1;					\
		EXPECT_EQ(0, __rc) TH_LOG("session %s failed", name);	\
	}								\
} while (0)

#define CLAIM(what, check) do {						\
	if (!holds(check)) {						\
		self->failed = 1;					\
		EXPECT_TRUE(0) TH_LOG("claim: %s\n#   check: %s", what, check); \
	}								\
} while (0)

TEST_F_TIMEOUT(lab, lab01_syscall_numbers, LAB_TIMEOUT)
{
	RUN("01-syscall-numbers");
	CLAIM("write is 1, open 2, close 3, openat 257 on x86_64",
	      "sed -n '/^\\$ ktrace syscalls write$/{n;p}' $OUT | grep -qx 1 &&"
	      "sed -n '/^\\$ ktrace syscalls 1$/{n;p}' $OUT | grep -qx write &&"
	      "sed -n '/^\\$ ktrace syscalls 2$/{n;p}' $OUT | grep -qx open &&"
	      "sed -n '/^\\$ ktrace syscalls 3$/{n;p}' $OUT | grep -qx close &&"
	      "sed -n '/^\\$ ktrace syscalls openat$/{n;p}' $OUT | grep -qx 257");
	CLAIM("write is 4 in the i386 table, and 4 is write",
	      "sed -n '/abi i386 write$/{n;p}' $OUT | grep -qx 4 &&"
	      "sed -n '/abi i386 4$/{n;p}' $OUT | grep -qx write");
	CLAIM("the i386 table is the longer one",
	      "a=$(sed -n '/^\\$ ktrace syscalls | wc/{n;p}' $OUT);"
	      "b=$(sed -n '/abi i386 | wc/{n;p}' $OUT);"
	      "[ \"$a\" -gt 300 ] && [ \"$b\" -gt \"$a\" ]");
	CLAIM("echo's write was recorded as number 1 of the x86_64 table",
	      "grep -qx '\"syscall\":\"write\",\"nr\":1,\"abi\":\"x86_64\"' $OUT");
}

TEST_F_TIMEOUT(lab, lab02_making_a_syscall, LAB_TIMEOUT)
{
	RUN("02-making-a-syscall");
	CLAIM("the three ways print three lines",
	      "grep -q '^3: int \\$0x80' $OUT");
	CLAIM("ktrace shows all three as write(1, ...)",
	      "[ $(grep -c '^write(1, \"[123]: ' $OUT) -ge 3 ]");
	CLAIM("two writes came through the x86_64 table as 1, one through i386 as 4",
	      "[ $(grep -cx '\"nr\":1,\"abi\":\"x86_64\"' $OUT) -eq 2 ] &&"
	      "[ $(grep -cx '\"nr\":4,\"abi\":\"i386\"' $OUT) -eq 1 ]");
	CLAIM("every call has an entry time and a duration",
	      "[ $(grep -c '^\"enter_ts\":[0-9]*,\"duration_ns\":[0-9]*$' $OUT) -eq 3 ]");
	CLAIM("-tt -T prefix the time of day and end with <seconds>",
	      "grep -Eq '^[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6} write\\(1, \"3: .*<[0-9]+\\.[0-9]{6}>$' $OUT");
}

TEST_F_TIMEOUT(lab, lab03_strace_basics, LAB_TIMEOUT)
{
	RUN("03-strace-basics");
	CLAIM("the trace starts at ls's execve and shows the directory opened",
	      "grep -q '^execve(\"/bin/ls\", \\[\"ls\", \"/tmp/lab3\"\\]' $OUT &&"
	      "grep -q '^openat(AT_FDCWD, \"/tmp/lab3\", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = [0-9]' $OUT");
	CLAIM("the saved trace holds the same open, and ls's write of the names",
	      "grep -q '^openat(AT_FDCWD, \"/tmp/lab3\"' /tmp/ls.trace &&"
	      "grep -q '^write(1, \"a.*b\\\\n\", [0-9]*) *= [0-9]*$' /tmp/ls.trace");
	CLAIM("errors print as = -1 ERRNO (text)",
	      "grep -q ' = -1 E[A-Z]* (' /tmp/ls.trace");
	CLAIM("attaching says attached and detached, and sees the process end",
	      "grep -q '^ktrace: Process [0-9]* attached$' $OUT &&"
	      "grep -q '^ktrace: Process [0-9]* detached$' $OUT &&"
	      "grep -q '^+++ exited with 0 +++$' /tmp/attach.trace");
}

TEST_F_TIMEOUT(lab, lab05_performance, LAB_TIMEOUT)
{
	RUN("05-performance");
	CLAIM("-c counts 4096 write calls and 16 writev calls",
	      "awk '$NF == \"write\" && $4 == 4096 {w++} $NF == \"writev\" && $4 == 16 {v++}"
	      " END {exit !(w >= 2 && v >= 2)}' $OUT");
	CLAIM("-S calls puts write first, and the total is their sum",
	      "sed -n '/-S calls/,/total$/p' $OUT | awk 'NR == 4 && $NF != \"write\" {exit 1}"
	      " $NF == \"total\" && $4 != 4112 {exit 1}'");
	CLAIM("-C prints the trace too, then the summary",
	      "sed -n '/^\\$ ktrace -C/,/total$/p' $OUT | grep -q '^+++ exited with 0 +++$'");
	CLAIM("the failed open of /nonexistent is counted in the errors column",
	      "awk '$NF == \"openat\" && $5 == 1 {f = 1} END {exit !f}' $OUT");
}

TEST_F_TIMEOUT(lab, lab06_slow_service, LAB_TIMEOUT)
{
	RUN("06-slow-service");
	CLAIM("-ff writes one file per process: the master and three workers",
	      "[ $(ls /tmp/service.trace.* | wc -l) -eq 4 ]");
	CLAIM("the configuration is opened 30 times, 10 per worker",
	      "grep -Eq '^ +30 /etc/passwd$' $OUT &&"
	      "[ $(grep -c ':10$' $OUT) -eq 3 ]");
	CLAIM("the slowest call but the waits is poll, about 500 ms",
	      "l=$(grep -A 1 'grep -v wait4' $OUT | tail -n 1);"
	      "echo \"$l\" | grep -Eq 'poll\\(.*, 1, 500\\) *= 0 <(0\\.[5-9]|[1-9])[0-9.]*>$'");
	CLAIM("poll is in the third worker the master started",
	      "l=$(grep -A 1 'grep -v wait4' $OUT | tail -n 1);"
	      "w=$(grep -h '^clone' /tmp/service.trace.* | sed -n '3s/.* = \\([0-9]*\\) <.*/\\1/p');"
	      "[ -n \"$w\" ] && echo \"$l\" | grep -q \"^[0-9.]* /tmp/service.trace.$w:poll\"");
	CLAIM("the master's wait4 for that worker is as slow: it only mirrors it",
	      "grep -Eq 'wait4\\(-1, .*<0\\.(4[5-9]|[5-9])[0-9]*>$' $OUT");
}

TEST_F_TIMEOUT(lab, lab07_fork_cow, LAB_TIMEOUT)
{
	RUN("07-fork-cow");
	CLAIM("the child shares its 1024 kB dirty with the parent until it writes",
	      "awk '/^Shared_Dirty:/ {s = s $2 \" \"} END {exit s != \"1024 0 0 \"}' $OUT");
	CLAIM("after the write the child's pages are Private_Dirty, and so are the parent's",
	      "awk '/^Private_Dirty:/ {s = s $2 \" \"} END {exit s != \"0 1024 1024 \"}' $OUT");
	CLAIM("before the write each process is charged half the pages (Pss)",
	      "awk '/^Pss:/ {s = s $2 \" \"} END {exit s != \"512 1024 1024 \"}' $OUT");
	CLAIM("the parent's buffer kept its contents",
	      "grep -q \"buffer still holds 'p'\" $OUT");
	CLAIM("the trace shows the fork as clone(... SIGCHLD ...) returning the child's pid",
	      "c=$(awk '/^child/ {print $2 + 0; exit}' /tmp/cow.out);"
	      "grep -q \"clone(child_stack=NULL, flags=.*SIGCHLD.*) = $c$\" /tmp/cow.trace &&"
	      "grep -q \"^$c  *+++ exited with 0 +++$\" /tmp/cow.trace");
}

TEST_F_TIMEOUT(lab, lab09_termination, LAB_TIMEOUT)
{
	RUN("09-termination");
	CLAIM("exit 3 is status 3, death by SIGTERM is 128 + 15",
	      "grep -qx 'exit status: 3' $OUT && grep -qx 'exit status: 143' $OUT");
	CLAIM("the trace shows each end: exited with 3, killed by SIGTERM, killed by SIGKILL",
	      "grep -q '+++ exited with 3 +++$' /tmp/exits.trace &&"
	      "grep -q '+++ killed by SIGTERM +++$' /tmp/exits.trace &&"
	      "grep -q '+++ killed by SIGKILL +++$' /tmp/exits.trace");
	CLAIM("each death is followed by SIGCHLD and the parent's wait4 returning the pid",
	      "[ $(grep -c 'SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED' /tmp/exits.trace) -eq 1 ] &&"
	      "[ $(grep -c 'SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED' /tmp/exits.trace) -eq 2 ] &&"
	      "[ $(grep -c 'wait4 resumed>.* = [0-9]*$' /tmp/exits.trace) -eq 3 ]");
	CLAIM("the exited, unreaped child is a zombie (Z) whose parent is the lingerer",
	      "grep -q '^State:.Z (zombie)$' $OUT &&"
	      "awk '$3 == \"Z\" && $4 == \"zombie\" {z = 1} END {exit !z}' $OUT");
	CLAIM("once reaped, it is gone from /proc",
	      "grep -q '^reaped [0-9]*: exited with 0$' $OUT &&"
	      "grep -q 'ls: /proc/[0-9]*: No such file or directory' $OUT");
	CLAIM("the zombie's lifetime: about 1 s from its exit to the wait4",
	      "awk '/^\\[pid/ && /exited with 0/ {split($3, t, \":\"); e = t[3]}"
	      " /wait4\\(/ {split($1, t, \":\"); w = t[3]}"
	      " END {d = w - e; if (d < 0) d += 60; exit !(d > 0.9 && d < 3)}' $OUT");
}

TEST_F_TIMEOUT(lab, lab12_signals, LAB_TIMEOUT)
{
	RUN("12-signals");
	CLAIM("SigCgt has SIGUSR1 (bit 10), SigBlk SIGUSR2 (bit 12), SigIgn SIGINT (bit 2)",
	      "grep -q '^SigCgt:.0*200$' $OUT && grep -q '^SigBlk:.0*800$' $OUT &&"
	      "awk '/^SigIgn:/ {exit !(index(\"2367abef\", substr($2, 16)) > 0)}' $OUT");
	CLAIM("the blocked SIGUSR2 is pending for the process (ShdPnd), SIGINT is not",
	      "[ $(grep -c '^ShdPnd:.0*800$' $OUT) -eq 1 ] && grep -q '^SigQ:.1/' $OUT");
	CLAIM("each SIGUSR1 is delivered, runs the handler and returns by rt_sigreturn",
	      "[ $(grep -c '^--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER' $OUT) -eq 2 ] &&"
	      "[ $(grep -c '^rt_sigreturn()' $OUT) -eq 2 ] &&"
	      "[ $(grep -c '^sigdemo: handled SIGUSR1' $OUT) -eq 2 ]");
	CLAIM("unblocking the pending SIGUSR2 delivers it and it kills the process",
	      "grep -A 2 'rt_sigprocmask(SIG_UNBLOCK' $OUT | grep -q '^--- SIGUSR2 ' &&"
	      "grep -q '^+++ killed by SIGUSR2 +++$' $OUT");
}

TEST_F_TIMEOUT(lab, lab13_rlimits, LAB_TIMEOUT)
{
	RUN("13-rlimits");
	CLAIM("the shell's ulimit -n is a prlimit64 on RLIMIT_NOFILE",
	      "grep -q '^prlimit64(0, RLIMIT_NOFILE, 0x[0-9a-f]*, NULL) = 0$' $OUT");
	CLAIM("fdhog sees soft and hard limit 16",
	      "grep -q '^RLIMIT_NOFILE: soft 16, hard 16$' $OUT");
	CLAIM("open fails with EMFILE once fds 0 to 15 are taken: 13 opens",
	      "grep -q '^openat(AT_FDCWD, \"/dev/null\", O_RDONLY) = 15$' $OUT &&"
	      "grep -A 1 '= 15$' $OUT | grep -q '= -1 EMFILE (Too many open files)$' &&"
	      "sed -n '/grep -c/{n;p}' $OUT | grep -qx 13");
	CLAIM("children inherit the limit",
	      "grep -Eq '^Max open files +16 +16 +files' $OUT");
	CLAIM("root may raise a hard limit, nobody may not: EPERM",
	      "grep -qx 'exit status: 0' $OUT && grep -qx 'exit status: 1' $OUT &&"
	      "grep -q '^prlimit64(0, RLIMIT_NOFILE, 0x[0-9a-f]*, NULL) = -1 EPERM (Operation not permitted)$' $OUT");
}

TEST_F_TIMEOUT(lab, lab16_fork_rate, LAB_TIMEOUT)
{
	RUN("16-fork-rate");
	CLAIM("200 forks move /proc/stat's processes counter by at least 200",
	      "awk '/^processes/ {p[n++] = $2} END {exit !(p[1] - p[0] >= 200)}' $OUT");
	CLAIM("the trace has 200 clones and 200 children's exits (plus the parent's)",
	      "grep -A 1 \"grep -c 'clone(\" $OUT | tail -n 1 | grep -qx 200 &&"
	      "grep -A 1 \"grep -c 'exited with\" $OUT | tail -n 1 | grep -qx 201");
	CLAIM("the per-second counts of the clones add up to 200",
	      "sed -n '/^\\$ awk/,$p' $OUT | awk 'NR > 1 {s += $2} END {exit s != 200}'");
}

TEST_F_TIMEOUT(lab, lab17_zombie_accumulation, LAB_TIMEOUT)
{
	RUN("17-zombie-accumulation");
	CLAIM("five zombies, all children of the one parent",
	      "grep -Eq '^ +5 [0-9]+$' $OUT");
	CLAIM("SIGCHLD does not reap them; killing the parent does",
	      "sed -n '/wc -l$/{n;p}' $OUT | tr '\\n' ' ' | grep -qx '5 0 '");
	CLAIM("the trace shows five exits and no wait",
	      "[ $(grep -c '+++ exited with 0 +++' /tmp/leak.trace) -eq 5 ] &&"
	      "! grep -q 'wait4\\|waitid' /tmp/leak.trace &&"
	      "grep -q '+++ killed by SIGTERM +++' /tmp/leak.trace");
}

TEST_HARNESS_MAIN
