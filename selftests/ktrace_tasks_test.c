// SPDX-License-Identifier: GPL-2.0
/*
 * KTRACE_IOC_TASKS, the task snapshot: every field validated with its
 * errno, a zombie found with its parent and wait status, a thread blocked
 * in a syscall found with its syscall number and arguments, a stopped one
 * with the signal that stopped it, and the snapshot needing no session and
 * attaching no probe.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/ktrace.h>

#include "../kselftest_harness.h"
#include "ktrace_proc.h"

#define DEV_PATH	"/dev/ktrace"
#define ROOM		4096

FIXTURE(tasks) {
	int fd;
	struct ktrace_task *t;
	struct ktrace_tasks q;
};

FIXTURE_SETUP(tasks)
{
	self->fd = open(DEV_PATH, O_RDONLY);
	ASSERT_LE(0, self->fd);
	self->t = calloc(ROOM, sizeof(*self->t));
	ASSERT_NE(NULL, self->t);
	memset(&self->q, 0, sizeof(self->q));
	self->q.tasks = (uintptr_t)self->t;
	self->q.nr_tasks = ROOM;
}

FIXTURE_TEARDOWN(tasks)
{
	free(self->t);
	close(self->fd);
}

static struct ktrace_task *find(struct ktrace_task *t, __u32 n, pid_t pid)
{
	__u32 i;

	for (i = 0; i < n && i < ROOM; i++)
		if (t[i].pid == pid)
			return &t[i];
	return NULL;
}

/*
 * The snapshot of process @pid's tasks until it lists @pid in @state, for
 * up to 5 s: a task that has just stopped, or just gone back to sleep,
 * may still be on its CPU, which the snapshot leaves out (its registers
 * say nothing then).  The last snapshot's entry of @pid, or NULL.
 */
static struct ktrace_task *find_in(int fd, struct ktrace_tasks *q,
				   struct ktrace_task *t, pid_t pid,
				   char state)
{
	struct timespec nap = { 0, 10000000 };
	struct ktrace_task *b = NULL;
	int i;

	for (i = 0; i < 500; i++) {
		q->nr_tasks = ROOM;
		if (ioctl(fd, KTRACE_IOC_TASKS, q))
			return NULL;
		b = find(t, q->nr_tasks, pid);
		if (b && b->state == state)
			break;
		nanosleep(&nap, NULL);
	}
	return b;
}

TEST_F(tasks, version_has_the_feature)
{
	struct ktrace_version v = { 0 };

	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_VERSION, &v));
	EXPECT_TRUE(v.features & KTRACE_FEAT_TASKS);
	EXPECT_LE(4, v.abi_minor);
}

TEST_F(tasks, bad_fields_are_einval)
{
	struct ktrace_tasks q;

	q = self->q;
	q.select = 0;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_TASKS, &q));
	EXPECT_EQ(EINVAL, errno);
	q.select = 0x80;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_TASKS, &q));
	EXPECT_EQ(EINVAL, errno);
	q = self->q;
	q.select = KTRACE_TASKS_ZOMBIES;
	q.nr_tasks = KTRACE_TASKS_MAX + 1;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_TASKS, &q));
	EXPECT_EQ(EINVAL, errno);
	q = self->q;
	q.select = KTRACE_TASKS_ZOMBIES;
	q.tgid = -1;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_TASKS, &q));
	EXPECT_EQ(EINVAL, errno);
	q = self->q;
	q.select = KTRACE_TASKS_ZOMBIES;
	q.__reserved0 = 1;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_TASKS, &q));
	EXPECT_EQ(EINVAL, errno);
	q = self->q;
	q.select = KTRACE_TASKS_ZOMBIES;
	q.__reserved[1] = 1;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_TASKS, &q));
	EXPECT_EQ(EINVAL, errno);
	q = self->q;
	q.select = KTRACE_TASKS_ZOMBIES;
	q.tasks = 0;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_TASKS, &q));
	EXPECT_EQ(EINVAL, errno);
}

TEST_F(tasks, unknown_tgid_is_esrch)
{
	self->q.select = KTRACE_TASKS_SELECT;
	self->q.tgid = 4000000;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_TASKS, &self->q));
	EXPECT_EQ(ESRCH, errno);
}

TEST_F(tasks, unwritable_buffer_is_efault)
{
	self->q.select = KTRACE_TASKS_SYSCALL;
	self->q.tasks = 8;	/* never mapped */
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_TASKS, &self->q));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_TASKS, (void *)8));
	EXPECT_EQ(EFAULT, errno);
}

TEST_F(tasks, zombie_child_found_with_its_status)
{
	struct ktrace_task *z;
	siginfo_t info;
	struct timespec ts = { 0, 300000000 };
	pid_t pid;

	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0)
		_exit(42);
	/* A zombie now: its time off CPU counts from here. */
	ASSERT_EQ(0, waitid(P_PID, pid, &info, WEXITED | WNOWAIT));
	nanosleep(&ts, NULL);
	self->q.select = KTRACE_TASKS_ZOMBIES;
	self->q.tgid = getpid();
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_TASKS, &self->q));
	z = find(self->t, self->q.nr_tasks, pid);
	ASSERT_NE(NULL, z);
	EXPECT_EQ(pid, z->tgid);
	EXPECT_EQ(getpid(), z->ppid);
	EXPECT_TRUE(z->flags & KTRACE_TASK_ZOMBIE);
	EXPECT_EQ('Z', z->state);
	EXPECT_EQ(42 << 8, z->exit_code);
	/* Dead for 0.3 s, within a generous bound for an emulated VM. */
	EXPECT_LE(250000000ULL, z->off_cpu_ns);
	EXPECT_GE(5000000000ULL, z->off_cpu_ns);
	EXPECT_NE(0, self->q.now);
	/* Only counting: no room, the count all the same. */
	self->q.nr_tasks = 0;
	self->q.tasks = 0;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_TASKS, &self->q));
	EXPECT_LE(1, self->q.nr_tasks);
	ASSERT_EQ(pid, waitpid(pid, NULL, 0));
	self->q.tasks = (uintptr_t)self->t;
	self->q.nr_tasks = ROOM;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_TASKS, &self->q));
	EXPECT_EQ(NULL, find(self->t, self->q.nr_tasks, pid));
}

TEST_F(tasks, blocked_read_found_with_its_arguments)
{
	struct timespec ts = { 0, 500000000 };
	struct ktrace_task *b;
	int p[2];
	char c;
	pid_t pid;

	ASSERT_EQ(0, pipe(p));
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0)
		_exit(read(p[0], &c, 1) != 1);
	/* Blocked in its read: its time off CPU counts from here. */
	ASSERT_EQ(0, asleep_in(pid, SYS_read));
	nanosleep(&ts, NULL);
	self->q.select = KTRACE_TASKS_SYSCALL;
	self->q.tgid = pid;
	self->q.min_off_cpu_ns = 200000000;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_TASKS, &self->q));
	b = find(self->t, self->q.nr_tasks, pid);
	ASSERT_NE(NULL, b);
	EXPECT_TRUE(b->flags & KTRACE_TASK_IN_SYSCALL);
	EXPECT_EQ(SYS_read, b->nr);
	EXPECT_EQ(KTRACE_ABI_NATIVE, b->abi);
	EXPECT_EQ(p[0], (int)b->args[0]);
	EXPECT_EQ(1, b->args[2]);
	EXPECT_EQ('S', b->state);
	EXPECT_EQ(getpid(), b->ppid);
	EXPECT_LE(400000000ULL, b->off_cpu_ns);
	/* Blocked for 0.5 s: a 10 s threshold leaves it out. */
	self->q.min_off_cpu_ns = 10000000000ULL;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_TASKS, &self->q));
	EXPECT_EQ(0, self->q.nr_tasks);
	ASSERT_EQ(1, write(p[1], "x", 1));
	ASSERT_EQ(pid, waitpid(pid, NULL, 0));
}

TEST_F(tasks, stopped_child_found_with_its_signal)
{
	static const int sigs[] = { SIGSTOP, SIGTSTP };
	struct ktrace_task *b;
	unsigned int i;
	int status;
	pid_t pid;

	for (i = 0; i < ARRAY_SIZE(sigs); i++) {
		pid = fork();
		ASSERT_LE(0, pid);
		if (pid == 0) {
			/* A group of its own, not orphaned: SIGTSTP stops. */
			setpgid(0, 0);
			for (;;)
				pause();
		}
		setpgid(pid, pid);
		ASSERT_EQ(0, asleep_in(pid, SYS_pause));
		ASSERT_EQ(0, kill(pid, sigs[i]));
		ASSERT_EQ(pid, waitpid(pid, &status, WUNTRACED));
		ASSERT_TRUE(WIFSTOPPED(status));
		self->q.select = KTRACE_TASKS_SYSCALL;
		self->q.tgid = pid;
		b = find_in(self->fd, &self->q, self->t, pid, 'T');
		ASSERT_NE(NULL, b);
		EXPECT_EQ('T', b->state);
		EXPECT_TRUE(b->flags & KTRACE_TASK_STOPPED);
		EXPECT_EQ(sigs[i], b->exit_code);
		/* Stopped on its way out of the pause() it restarts. */
		EXPECT_EQ(SYS_pause, b->nr);
		ASSERT_EQ(0, kill(pid, SIGCONT));
		ASSERT_EQ(pid, waitpid(pid, &status, WCONTINUED));
		b = find_in(self->fd, &self->q, self->t, pid, 'S');
		ASSERT_NE(NULL, b);
		EXPECT_EQ('S', b->state);
		EXPECT_FALSE(b->flags & KTRACE_TASK_STOPPED);
		EXPECT_EQ(0, b->exit_code);
		kill(pid, SIGKILL);
		ASSERT_EQ(pid, waitpid(pid, NULL, 0));
	}
}

TEST_F(tasks, snapshot_attaches_no_probe)
{
	char buf[4096], name[64], *line;
	int fd, key, attached, probes = 0;
	ssize_t n;

	self->q.select = KTRACE_TASKS_SELECT;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_TASKS, &self->q));
	fd = open("/sys/kernel/debug/ktrace/probes", O_RDONLY);
	if (fd < 0)
		SKIP(return, "no debugfs probes file");
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	ASSERT_LE(0, n);
	buf[n] = '\0';
	/* No session is enabled: no tracepoint has a probe of ours. */
	for (line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
		if (sscanf(line, "%63s %d %d", name, &key, &attached) != 3)
			continue;
		EXPECT_EQ(0, attached) TH_LOG("%s is attached", name);
		probes++;
	}
	EXPECT_LT(0, probes);
}

TEST_HARNESS_MAIN
