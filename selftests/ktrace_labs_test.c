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
#include <fcntl.h>
#include <limits.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../kselftest_harness.h"

#define LAB_PROGS	"/opt/ktrace/labs"
#define LAB_TIMEOUT	120
/*
 * make run's VM has busybox in /bin and little in /usr/bin; make test adds
 * coreutils, dash, find and tar in /usr/bin for strace-compare.  The labs
 * run as students see them: busybox first.
 */
#define LAB_PATH	"/sbin:/bin:/usr/sbin:/usr/bin:" LAB_PROGS

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
	setenv("PATH", LAB_PATH, 1);
	setenv("LABS", sessions(), 1);
	self->failed = 0;
}

FIXTURE_TEARDOWN(lab)
{
	if (self->failed && self->out[0])
		dump(self->out);
}

/*
 * Run labs/NAME.sh through the transcript into self->out, with only
 * stdin, stdout and stderr open, as a student's shell has them: the
 * descriptors the lab's programs get are the ones the lab names.
 */
static int session(struct _test_data_lab *self, const char *name)
{
	char script[PATH_MAX + 16], sess[PATH_MAX + 16];
	int status, fd;
	pid_t pid;

	snprintf(self->out, sizeof(self->out), "/tmp/ktrace-lab-%s.out", name);
	snprintf(script, sizeof(script), "%s/transcript", sessions());
	snprintf(sess, sizeof(sess), "%s/%s.sh", sessions(), name);
	setenv("OUT", self->out, 1);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		fd = open(self->out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0 || chdir("/tmp"))
			_exit(126);
		for (fd = 3; fd < 1024; fd++)
			close(fd);
		execl("/bin/sh", "sh", script, sess, (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Run one claim's check; true when it holds. */
static int holds(const char *code)
{
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return 0;
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", code, (char *)NULL);
		_exit(127);
	}
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0;
}

/*
 * Check every claim of labs/NAME.check; returns how many were checked,
 * and counts the failed ones in self->failed.
 */
static int check_claims(struct __test_metadata *_metadata,
			struct _test_data_lab *self, const char *name)
{
	char path[PATH_MAX + 32], line[1024], what[1024] = "", code[8192] = "";
	int claims = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s.check", sessions(), name);
	f = fopen(path, "r");
	if (!f) {
		self->failed++;
		EXPECT_TRUE(0) TH_LOG("no claims: cannot read %s", path);
		return 0;
	}
	for (;;) {
		int eof = !fgets(line, sizeof(line), f);

		if ((eof || !strncmp(line, "? ", 2)) && what[0]) {
			claims++;
			if (!holds(code)) {
				self->failed++;
				EXPECT_TRUE(0) TH_LOG("claim: %s#   check:\n%s",
						      what, code);
			}
			what[0] = '\0';
			code[0] = '\0';
		}
		if (eof)
			break;
		if (!strncmp(line, "? ", 2))
			snprintf(what, sizeof(what), "%s", line + 2);
		else if (what[0] && line[0] != '#')
			strncat(code, line, sizeof(code) - strlen(code) - 1);
	}
	fclose(f);
	return claims;
}

/* A lab: its session ran whole, and each of its claims holds. */
static void lab(struct __test_metadata *_metadata, struct _test_data_lab *self,
		const char *name)
{
	int rc;

	if (_metadata->skip)
		return;
	rc = session(self, name);
	if (rc) {
		self->failed++;
		EXPECT_EQ(0, rc) TH_LOG("the session %s failed", name);
	}
	EXPECT_LT(0, check_claims(_metadata, self, name));
}

TEST_F_TIMEOUT(lab, lab01_syscall_numbers, LAB_TIMEOUT)
{
	lab(_metadata, self, "01-syscall-numbers");
}

TEST_F_TIMEOUT(lab, lab02_making_a_syscall, LAB_TIMEOUT)
{
	lab(_metadata, self, "02-making-a-syscall");
}

TEST_F_TIMEOUT(lab, lab03_strace_basics, LAB_TIMEOUT)
{
	lab(_metadata, self, "03-strace-basics");
}

TEST_F_TIMEOUT(lab, lab04_advanced_tracing, LAB_TIMEOUT)
{
	lab(_metadata, self, "04-advanced-tracing");
}

TEST_F_TIMEOUT(lab, lab05_performance, LAB_TIMEOUT)
{
	lab(_metadata, self, "05-performance");
}

TEST_F_TIMEOUT(lab, lab06_slow_service, LAB_TIMEOUT)
{
	lab(_metadata, self, "06-slow-service");
}

TEST_F_TIMEOUT(lab, lab07_fork_cow, LAB_TIMEOUT)
{
	lab(_metadata, self, "07-fork-cow");
}

TEST_F_TIMEOUT(lab, lab08_execve, LAB_TIMEOUT)
{
	lab(_metadata, self, "08-execve");
}

TEST_F_TIMEOUT(lab, lab09_termination, LAB_TIMEOUT)
{
	lab(_metadata, self, "09-termination");
}

TEST_F_TIMEOUT(lab, lab10_proc, LAB_TIMEOUT)
{
	lab(_metadata, self, "10-proc");
}

TEST_F_TIMEOUT(lab, lab11_ps, LAB_TIMEOUT)
{
	lab(_metadata, self, "11-ps");
}

TEST_F_TIMEOUT(lab, lab12_signals, LAB_TIMEOUT)
{
	lab(_metadata, self, "12-signals");
}

TEST_F_TIMEOUT(lab, lab13_rlimits, LAB_TIMEOUT)
{
	lab(_metadata, self, "13-rlimits");
}

/* True when cgroup v2 is mounted with controller NAME at its root. */
static int cgroup_has(const char *name)
{
	char line[256], word[64];
	FILE *f = fopen("/sys/fs/cgroup/cgroup.controllers", "r");
	int found = 0, off = 0, len;

	if (!f)
		return 0;
	if (fgets(line, sizeof(line), f))
		while (!found && sscanf(line + off, "%63s%n", word, &len) == 1) {
			found = !strcmp(word, name);
			off += len;
		}
	fclose(f);
	return found;
}

TEST_F_TIMEOUT(lab, lab14_cgroups, LAB_TIMEOUT)
{
	if (!cgroup_has("memory") || !cgroup_has("cpu"))
		SKIP(return, "no cgroup v2 memory and cpu controllers");
	lab(_metadata, self, "14-cgroups");
}

TEST_F_TIMEOUT(lab, lab15_hung_io, LAB_TIMEOUT)
{
	lab(_metadata, self, "15-hung-io");
}

TEST_F_TIMEOUT(lab, lab16_fork_rate, LAB_TIMEOUT)
{
	lab(_metadata, self, "16-fork-rate");
}

TEST_F_TIMEOUT(lab, lab17_zombie_accumulation, LAB_TIMEOUT)
{
	lab(_metadata, self, "17-zombie-accumulation");
}

TEST_HARNESS_MAIN
