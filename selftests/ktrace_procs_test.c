// SPDX-License-Identifier: GPL-2.0
/*
 * Counters by process (KTRACE_CFG_PROC_STATS, KTRACE_IOC_PROC_STATS):
 * every field checked, a small room told how many there are, the calls
 * and errors of a child counted exactly, a full table counting into its
 * overflow bucket, and the ioctl racing CONFIGURE, ENABLE and close().
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/ktrace.h>

#include "../kselftest_harness.h"

#define DEV_PATH	"/dev/ktrace"
#define PARAM_SLOTS	"/sys/module/ktrace/parameters/proc_slots"

static int sess_open(void)
{
	return open(DEV_PATH, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
}

static int sess_config(int fd, __u32 flags)
{
	struct ktrace_config c = {
		.events = KTRACE_EV_LIFECYCLE, .flags = flags,
	};

	return ioctl(fd, KTRACE_IOC_CONFIGURE, &c);
}

/* The session counts us and our descendants, by process. */
static int sess_self(int fd)
{
	struct ktrace_pid p = {
		.pid = getpid(),
		.flags = KTRACE_PID_THREAD_GROUP | KTRACE_PID_FOLLOW,
	};

	if (sess_config(fd, KTRACE_CFG_PROC_STATS | KTRACE_CFG_TRACE_SELF))
		return -1;
	if (ioctl(fd, KTRACE_IOC_PID_ADD, &p))
		return -1;
	return ioctl(fd, KTRACE_IOC_ENABLE);
}

static int proc_stats(int fd, __u32 flags, struct ktrace_proc_count *out,
		      __u32 room, struct ktrace_proc_stats *q)
{
	memset(q, 0, sizeof(*q));
	q->procs = (uintptr_t)out;
	q->nr_procs = room;
	q->flags = flags;
	return ioctl(fd, KTRACE_IOC_PROC_STATS, q);
}

static const struct ktrace_proc_count *find(const struct ktrace_proc_count *c,
					    __u32 n, pid_t tgid)
{
	__u32 i;

	for (i = 0; i < n; i++)
		if (c[i].tgid == tgid)
			return &c[i];
	return NULL;
}

/*
 * A child by a raw clone(), like fork() without the C library's work in
 * the child: its return from clone() is our call, not its own.  It makes
 * @calls getppid() and @fails close(-1) calls, then exit_group(), which
 * does not return: exactly @calls + @fails calls, @fails of them errors.
 */
static pid_t child_calls(int calls, int fails)
{
	long pid = syscall(__NR_clone, SIGCHLD, 0, 0, 0, 0);
	int i;

	if (pid == 0) {
		for (i = 0; i < calls; i++)
			syscall(__NR_getppid);
		for (i = 0; i < fails; i++)
			syscall(__NR_close, -1);
		syscall(__NR_exit_group, 0);
	}
	return pid;
}

static int reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

FIXTURE(procs) {
	int fd;
	char slots[16];		/* proc_slots as it was, to restore */
};

FIXTURE_SETUP(procs)
{
	int pf;
	ssize_t n;

	self->slots[0] = '\0';
	self->fd = sess_open();
	ASSERT_LE(0, self->fd) TH_LOG("%s: %s", DEV_PATH, strerror(errno));
	pf = open(PARAM_SLOTS, O_RDONLY);
	ASSERT_LE(0, pf) TH_LOG("%s: %s", PARAM_SLOTS, strerror(errno));
	n = read(pf, self->slots, sizeof(self->slots) - 1);
	close(pf);
	ASSERT_LT(0, n);
	self->slots[n] = '\0';
}

FIXTURE_TEARDOWN(procs)
{
	int pf;

	if (self->fd >= 0)
		close(self->fd);
	if (self->slots[0]) {
		pf = open(PARAM_SLOTS, O_WRONLY);
		if (pf >= 0) {
			write(pf, self->slots, strlen(self->slots));
			close(pf);
		}
	}
}

static int set_slots(const char *v)
{
	int pf = open(PARAM_SLOTS, O_WRONLY);
	ssize_t n;

	if (pf < 0)
		return -1;
	n = write(pf, v, strlen(v));
	close(pf);
	return n == (ssize_t)strlen(v) ? 0 : -1;
}

TEST_F(procs, version_says_1_6)
{
	struct ktrace_version v;

	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_VERSION, &v));
	EXPECT_EQ(1, v.abi_major);
	EXPECT_LE(6, v.abi_minor);
	EXPECT_TRUE(v.features & KTRACE_FEAT_PROC_STATS);
}

TEST_F(procs, every_field_checked)
{
	struct ktrace_proc_stats q;
	struct ktrace_config c;
	unsigned int i;

	/* Not asked for at CONFIGURE: nothing to report. */
	EXPECT_EQ(-1, proc_stats(self->fd, 0, NULL, 0, &q));
	EXPECT_EQ(ENODATA, errno);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_CFG_PROC_STATS));

	memset(&q, 0, sizeof(q));
	q.flags = 0x2;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_PROC_STATS, &q));
	EXPECT_EQ(EINVAL, errno);
	memset(&q, 0, sizeof(q));
	q.__reserved0 = 1;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_PROC_STATS, &q));
	EXPECT_EQ(EINVAL, errno);
	for (i = 0; i < ARRAY_SIZE(q.__reserved); i++) {
		memset(&q, 0, sizeof(q));
		q.__reserved[i] = 1;
		EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_PROC_STATS, &q));
		EXPECT_EQ(EINVAL, errno) TH_LOG("__reserved[%u]", i);
	}
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_PROC_STATS, (void *)8));
	EXPECT_EQ(EFAULT, errno);

	/* The output fields are not read: a struct comes back in as is. */
	memset(&q, 0, sizeof(q));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_PROC_STATS, &q));
	EXPECT_EQ(-1, q.overflow.tgid);
	EXPECT_LE(16, q.slots);
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_PROC_STATS, &q));

	/* The flag is one more KTRACE_CFG_* bit; the first unknown is not. */
	memset(&c, 0, sizeof(c));
	c.events = KTRACE_EV_ALL;
	c.flags = KTRACE_CFG_FLAGS + 1;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	EXPECT_EQ(EINVAL, errno);

	/* proc_slots is a power of two from 16 to 16384. */
	EXPECT_EQ(-1, set_slots("8"));
	EXPECT_EQ(-1, set_slots("100"));
	EXPECT_EQ(-1, set_slots("32768"));
	EXPECT_EQ(0, set_slots("64"));
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_CFG_PROC_STATS));
	ASSERT_EQ(0, proc_stats(self->fd, 0, NULL, 0, &q));
	EXPECT_EQ(64, q.slots);

	/* Configured again without the flag: the counters go. */
	ASSERT_EQ(0, sess_config(self->fd, 0));
	EXPECT_EQ(-1, proc_stats(self->fd, 0, NULL, 0, &q));
	EXPECT_EQ(ENODATA, errno);
}

TEST_F(procs, small_room_returns_the_count)
{
	struct ktrace_proc_count out[2];
	struct ktrace_proc_stats q, q2;
	pid_t a, b;

	ASSERT_EQ(0, sess_self(self->fd));
	ASSERT_EQ(0, proc_stats(self->fd, KTRACE_PROC_NEXT, NULL, 0, &q));
	a = child_calls(5, 0);
	ASSERT_LT(0, a);
	b = child_calls(5, 0);
	ASSERT_LT(0, b);
	ASSERT_EQ(0, reap(a));
	ASSERT_EQ(0, reap(b));

	/* No room: the count alone (us and the two children). */
	ASSERT_EQ(0, proc_stats(self->fd, KTRACE_PROC_NEXT, NULL, 5, &q));
	EXPECT_EQ(3, q.nr_procs);
	EXPECT_LT(q.start_ns, q.end_ns);

	/* Room for one: one written, the count still 3, nothing consumed. */
	memset(out, 0x5a, sizeof(out));
	ASSERT_EQ(0, proc_stats(self->fd, 0, out, 1, &q2));
	EXPECT_EQ(3, q2.nr_procs);
	EXPECT_EQ(q.start_ns, q2.start_ns);
	EXPECT_EQ(q.end_ns, q2.end_ns);
	EXPECT_LT(0, out[0].tgid);
	EXPECT_EQ(0x5a5a5a5a, out[1].tgid) TH_LOG("written past the room");
}

TEST_F(procs, child_calls_and_errors_counted_exactly)
{
	struct ktrace_proc_count out[16];
	const struct ktrace_proc_count *c, *me;
	struct ktrace_proc_stats q;
	char comm[16] = "";
	pid_t pid;

	prctl(PR_GET_NAME, comm);
	ASSERT_EQ(0, sess_self(self->fd));
	ASSERT_EQ(0, proc_stats(self->fd, KTRACE_PROC_NEXT, NULL, 0, &q));
	pid = child_calls(1000, 300);
	ASSERT_LT(0, pid);
	ASSERT_EQ(0, reap(pid));
	ASSERT_EQ(0, proc_stats(self->fd, KTRACE_PROC_NEXT, out, 16, &q));
	ASSERT_GE(16, q.nr_procs);

	c = find(out, q.nr_procs, pid);
	ASSERT_NE(NULL, c) TH_LOG("child %d not reported", pid);
	EXPECT_EQ(1300, c->calls);
	EXPECT_EQ(300, c->errors);
	EXPECT_LT(0, c->total_ns);
	EXPECT_STREQ(comm, c->comm);
	EXPECT_EQ(0, c->__reserved);
	me = find(out, q.nr_procs, getpid());
	ASSERT_NE(NULL, me);
	/* Our clone() and wait4() at least. */
	EXPECT_LE(2, me->calls);
	EXPECT_EQ(0, q.overflow.calls);

	/* The next interval: the child is gone, and so are its counts. */
	ASSERT_EQ(0, proc_stats(self->fd, KTRACE_PROC_NEXT, out, 16, &q));
	EXPECT_EQ(NULL, find(out, q.nr_procs, pid));
}

TEST_F(procs, full_table_counts_into_overflow)
{
	struct ktrace_proc_count *out;
	struct ktrace_proc_stats q;
	unsigned long long sum = 0;
	pid_t pids[64];
	cpu_set_t one;
	unsigned int i, j;

	/* One CPU, one table of 16 slots, 64 children. */
	CPU_ZERO(&one);
	CPU_SET(0, &one);
	ASSERT_EQ(0, sched_setaffinity(0, sizeof(one), &one));
	ASSERT_EQ(0, set_slots("16"));
	ASSERT_EQ(0, sess_self(self->fd));
	ASSERT_EQ(0, proc_stats(self->fd, KTRACE_PROC_NEXT, NULL, 0, &q));
	for (i = 0; i < 64; i++) {
		pids[i] = child_calls(5, 2);
		ASSERT_LT(0, pids[i]);
	}
	for (i = 0; i < 64; i++)
		ASSERT_EQ(0, reap(pids[i]));
	out = calloc(4096, sizeof(*out));
	ASSERT_NE(NULL, out);
	ASSERT_EQ(0, proc_stats(self->fd, KTRACE_PROC_NEXT, out, 4096, &q));
	EXPECT_EQ(16, q.slots);
	EXPECT_GE(16, q.nr_procs);
	EXPECT_LT(0, q.overflow.calls);
	EXPECT_EQ(-1, q.overflow.tgid);
	/* Every child's call is in its slot or in the overflow bucket. */
	for (i = 0; i < q.nr_procs; i++)
		for (j = 0; j < 64; j++)
			if (out[i].tgid == pids[j]) {
				EXPECT_EQ(7, out[i].calls);
				EXPECT_EQ(2, out[i].errors);
				sum += out[i].calls;
			}
	EXPECT_EQ(64 * 7, sum + q.overflow.calls);
	EXPECT_EQ(q.overflow.calls / 7 * 2, q.overflow.errors);
	free(out);
}

/* The racing threads: each does one kind of call until told to stop. */
struct race {
	int fd;			/* the shared session, -1 between rounds */
	volatile int stop;
	unsigned long ops[3];	/* configures, reads, calls */
};

static void *race_configure(void *arg)
{
	struct ktrace_config c = { .events = KTRACE_EV_LIFECYCLE };
	struct race *r = arg;
	unsigned long n = 0;
	int fd;

	while (!r->stop) {
		fd = __atomic_load_n(&r->fd, __ATOMIC_RELAXED);
		c.flags = n % 3 ? KTRACE_CFG_PROC_STATS | KTRACE_CFG_TRACE_SELF :
				  KTRACE_CFG_TRACE_SELF;
		c.ring_size = n % 2 ? 16 << 10 : 32 << 10;
		/* Tables replaced, kept or freed, between counting spells. */
		ioctl(fd, KTRACE_IOC_DISABLE);
		ioctl(fd, KTRACE_IOC_CONFIGURE, &c);
		ioctl(fd, KTRACE_IOC_ENABLE);
		n++;
	}
	__atomic_add_fetch(&r->ops[0], n, __ATOMIC_RELAXED);
	return NULL;
}

static void *race_stats(void *arg)
{
	struct ktrace_proc_count out[8];
	struct ktrace_proc_stats q;
	struct race *r = arg;
	unsigned long n = 0;
	int fd;

	while (!r->stop) {
		fd = __atomic_load_n(&r->fd, __ATOMIC_RELAXED);
		proc_stats(fd, n % 2 ? KTRACE_PROC_NEXT : 0, out, 8, &q);
		ioctl(fd, KTRACE_IOC_RESET_STATS);
		n++;
	}
	__atomic_add_fetch(&r->ops[1], n, __ATOMIC_RELAXED);
	return NULL;
}

static void *race_calls(void *arg)
{
	struct race *r = arg;
	unsigned long n = 0;

	while (!r->stop) {
		syscall(__NR_getppid);
		syscall(__NR_close, -1);
		n++;
	}
	__atomic_add_fetch(&r->ops[2], n, __ATOMIC_RELAXED);
	return NULL;
}

/*
 * For a few seconds: one thread reconfigures and enables the session,
 * with and without the counters, two read them, two make calls that
 * count, and the main thread closes the session and opens a new one.
 * The kernel must not complain (the VM panics on a warning), and every
 * call must end.
 */
TEST_F_TIMEOUT(procs, configure_stats_close_race, 120)
{
	pthread_t th[5];
	struct race r = { .fd = -1 };
	struct ktrace_pid p = { 0 };
	struct timespec t0, t;
	unsigned long rounds = 0;
	int fd, old, i, anchor;
	pid_t sleeper;

	/*
	 * An enabled session on a sleeping child keeps the probes attached:
	 * ENABLE and DISABLE then only flip the session, and CONFIGURE can
	 * run often.
	 */
	sleeper = fork();
	ASSERT_LE(0, sleeper);
	if (!sleeper) {
		for (;;)
			pause();
	}
	anchor = sess_open();
	ASSERT_LE(0, anchor);
	p.pid = sleeper;
	ASSERT_EQ(0, ioctl(anchor, KTRACE_IOC_PID_ADD, &p));
	ASSERT_EQ(0, ioctl(anchor, KTRACE_IOC_ENABLE));

	ASSERT_EQ(0, set_slots("16"));
	r.fd = sess_open();
	ASSERT_LE(0, r.fd);
	ASSERT_EQ(0, pthread_create(&th[0], NULL, race_configure, &r));
	ASSERT_EQ(0, pthread_create(&th[1], NULL, race_stats, &r));
	ASSERT_EQ(0, pthread_create(&th[2], NULL, race_stats, &r));
	ASSERT_EQ(0, pthread_create(&th[3], NULL, race_calls, &r));
	ASSERT_EQ(0, pthread_create(&th[4], NULL, race_calls, &r));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		usleep(20000);
		fd = sess_open();
		ASSERT_LE(0, fd);
		old = __atomic_exchange_n(&r.fd, fd, __ATOMIC_RELAXED);
		/* The others may still be inside an ioctl on it. */
		close(old);
		rounds++;
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while (t.tv_sec - t0.tv_sec < 4);
	r.stop = 1;
	for (i = 0; i < 5; i++)
		ASSERT_EQ(0, pthread_join(th[i], NULL));
	close(r.fd);
	close(anchor);
	kill(sleeper, SIGKILL);
	waitpid(sleeper, NULL, 0);
	TH_LOG("%lu sessions, %lu configures, %lu reads, %lu call pairs",
	       rounds, r.ops[0], r.ops[1], r.ops[2]);
	EXPECT_LT(0, r.ops[0]);
	EXPECT_LT(0, r.ops[1]);
}

TEST_HARNESS_MAIN
