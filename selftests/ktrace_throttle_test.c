// SPDX-License-Identifier: GPL-2.0
/*
 * Throttling: a session that traces chosen processes loses none of their
 * records while its reader keeps up, even with a 16 KiB ring and a reader
 * that pauses; a system-wide or KTRACE_CFG_LOSSY session drops and counts
 * instead; a throttled task is released when the reader stalls past
 * throttle_ms, when the session is closed, and by SIGKILL; one that is
 * to stop (SIGSTOP, PTRACE_INTERRUPT) or to freeze (cgroup.freeze) does
 * so at once; the reader's own threads never wait.
 *
 * Each test forks a child that waits on a pipe until the session traces
 * it, makes a known number of getppid() calls and exits.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/ktrace.h>

#include "../kselftest_harness.h"

#define DEV_PATH	"/dev/ktrace"
#define READ_BUF	(1 << 20)

struct child {
	pid_t pid;
	int go;			/* write end: one byte starts the calls */
};

static struct child spawn(long calls)
{
	struct child c = { .pid = -1, .go = -1 };
	int p[2];
	char b;

	if (pipe(p))
		return c;
	c.pid = fork();
	if (c.pid == 0) {
		close(p[1]);
		if (read(p[0], &b, 1) != 1)
			_exit(2);
		while (calls--)
			syscall(SYS_getppid);
		_exit(7);
	}
	close(p[0]);
	c.go = p[1];
	return c;
}

static void start(struct child *c)
{
	if (write(c->go, "g", 1) != 1)
		kill(c->pid, SIGKILL);
	close(c->go);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A disabled session of @ring_size bytes, tracing @pid when not 0. */
static int session(pid_t pid, __u32 ring_size, __u32 flags,
		   __u32 throttle_ms)
{
	struct ktrace_config cfg = {
		.ring_size = ring_size,
		.events = KTRACE_EV_ALL,
		.flags = flags,
		.throttle_ms = throttle_ms,
	};
	struct ktrace_pid p = { .pid = pid, .flags = KTRACE_PID_THREAD_GROUP };
	int fd = open(DEV_PATH, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (ioctl(fd, KTRACE_IOC_CONFIGURE, &cfg) ||
	    (pid && ioctl(fd, KTRACE_IOC_PID_ADD, &p)) ||
	    ioctl(fd, KTRACE_IOC_ENABLE)) {
		close(fd);
		return -1;
	}
	return fd;
}

/*
 * What a reader counted: the child's getppid() records, and of every
 * task's, the data records read and the records LOSS records said lost.
 */
struct count {
	long enters, exits, lost, data;
	int bad;
};

static void count(struct count *n, const char *buf, ssize_t len, pid_t pid)
{
	const struct ktrace_rec_hdr *h;
	ssize_t off;

	for (off = 0; off < len; off += h->size) {
		h = (const void *)(buf + off);
		if (h->size < sizeof(*h) || h->size % 8 || h->size > len - off) {
			n->bad++;
			return;
		}
		if (h->type == KTRACE_REC_LOSS)
			n->lost += ((const struct ktrace_rec_loss *)h)->lost;
		else if (h->type != KTRACE_REC_PAD)
			n->data++;
		if (h->tgid != pid)
			continue;
		if (h->type == KTRACE_REC_SYS_ENTER &&
		    ((const struct ktrace_rec_sys_enter *)h)->nr == SYS_getppid)
			n->enters++;
		if (h->type == KTRACE_REC_SYS_EXIT &&
		    ((const struct ktrace_rec_sys_exit *)h)->nr == SYS_getppid)
			n->exits++;
	}
}

FIXTURE(throttle) {
	int fd;
	struct child c;
};

FIXTURE_SETUP(throttle)
{
	if (geteuid() != 0)
		SKIP(return, "needs root");
	self->fd = -1;
	self->c.pid = -1;
}

FIXTURE_TEARDOWN(throttle)
{
	if (self->c.pid > 0) {
		kill(self->c.pid, SIGKILL);
		waitpid(self->c.pid, NULL, 0);
	}
	if (self->fd >= 0)
		close(self->fd);
}

/*
 * Start the child and read while it runs, pausing @pause_ms after the
 * first read; once it has exited, disable the session and drain it.
 */
static int read_until_exit(int fd, struct child *c, struct count *n,
			   int pause_ms, int *status)
{
	char *buf = malloc(READ_BUF);
	ssize_t len;
	int ret = -1;

	if (!buf)
		return -1;
	for (;;) {
		len = read(fd, buf, READ_BUF);
		if (len > 0) {
			count(n, buf, len, c->pid);
			if (pause_ms)
				usleep(pause_ms * 1000);
			pause_ms = 0;
			continue;
		}
		if (len < 0 && errno != EAGAIN)
			goto out;
		if (waitpid(c->pid, status, WNOHANG) == c->pid)
			break;
		usleep(1000);
	}
	if (ioctl(fd, KTRACE_IOC_DISABLE))
		goto out;
	while ((len = read(fd, buf, READ_BUF)) > 0)
		count(n, buf, len, c->pid);
	ret = len ? -1 : 0;
out:
	c->pid = -1;
	free(buf);
	return ret;
}

static int run_and_read(int fd, struct child *c, struct count *n,
			int pause_ms, int *status)
{
	start(c);
	return read_until_exit(fd, c, n, pause_ms, status);
}

/*
 * The child exited by itself and the reader got all its 20,000 calls,
 * nothing lost, no wait timed out; the session's counters in *@st.
 */
static void expect_all_read(struct __test_metadata *_metadata, int fd,
			    const struct count *n, int status,
			    struct ktrace_stats *st)
{
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 7);
	ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_STATS, st));
	EXPECT_EQ(0, n->bad);
	EXPECT_EQ(0, st->lost_full + st->lost_nest);
	EXPECT_EQ(0, n->lost);
	EXPECT_EQ(20000, n->enters);
	EXPECT_EQ(20000, n->exits);
	EXPECT_EQ(0, st->throttle_timeouts);
}

/*
 * 20,000 calls make 3.5 MB of records for a 16 KiB ring, and the reader
 * stops for 200 ms: the child waits for it instead of losing anything.
 */
TEST_F_TIMEOUT(throttle, targeted_small_ring_loses_nothing, 200)
{
	struct ktrace_stats st;
	struct count n = { 0 };
	int status;

	self->c = spawn(20000);
	ASSERT_LT(0, self->c.pid);
	self->fd = session(self->c.pid, 16 << 10, 0, 0);
	ASSERT_LE(0, self->fd);
	ASSERT_EQ(0, run_and_read(self->fd, &self->c, &n, 200, &status));
	expect_all_read(_metadata, self->fd, &n, status, &st);
	EXPECT_LT(0, st.throttled);
	TH_LOG("%llu waits, %.1f ms waiting",
	       (unsigned long long)st.throttled, st.throttle_ns / 1e6);
}

/* KTRACE_CFG_LOSSY: the same load drops and counts, and never waits. */
TEST_F_TIMEOUT(throttle, lossy_session_drops_and_counts, 200)
{
	struct ktrace_stats st;
	struct count n = { 0 };
	int status;

	self->c = spawn(20000);
	ASSERT_LT(0, self->c.pid);
	self->fd = session(self->c.pid, 16 << 10, KTRACE_CFG_LOSSY, 0);
	ASSERT_LE(0, self->fd);
	ASSERT_EQ(0, run_and_read(self->fd, &self->c, &n, 200, &status));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &st));
	EXPECT_EQ(0, st.throttled);
	EXPECT_LT(0, st.lost_full);
	EXPECT_EQ(st.lost_full + st.lost_nest, n.lost + st.lost_pending);
	EXPECT_LE(n.enters, 20000);
	EXPECT_LE(20000, n.enters + (long)st.lost_full);
}

/*
 * No PID filter: a system-wide session never makes anyone wait, and
 * accounts for every record exactly.  The only session: each record the
 * probes built (the module-wide count, taken before it was enabled) was
 * written to its rings or lost for a full ring, each one written was
 * read, and the LOSS records say all that was lost.
 */
TEST_F_TIMEOUT(throttle, system_wide_session_never_throttles, 200)
{
	struct ktrace_config cfg = {
		.ring_size = 16 << 10,
		.events = KTRACE_EV_ALL,
	};
	struct ktrace_stats st;
	struct count n = { 0 };
	__u64 built;
	int status;

	self->c = spawn(20000);
	ASSERT_LT(0, self->c.pid);
	self->fd = open(DEV_PATH, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &cfg));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &st));
	built = st.records;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	ASSERT_EQ(0, run_and_read(self->fd, &self->c, &n, 200, &status));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &st));
	EXPECT_EQ(0, n.bad);
	EXPECT_EQ(0, st.throttled);
	EXPECT_LT(0, st.lost_full);
	EXPECT_EQ(st.lost_full + st.lost_nest, n.lost + st.lost_pending);
	EXPECT_EQ(st.written, n.data);
	EXPECT_EQ(st.records - built, st.written + st.lost_full);
	TH_LOG("%llu records built, %ld read, %llu lost",
	       (unsigned long long)(st.records - built), n.data,
	       (unsigned long long)(st.lost_full + st.lost_nest));
}

/* Wait until the session has made a task wait; false after @secs. */
static int wait_throttled(int fd, int secs)
{
	struct ktrace_stats st;
	double end = now() + secs;

	while (now() < end) {
		if (ioctl(fd, KTRACE_IOC_STATS, &st))
			return 0;
		if (st.throttled)
			return 1;
		usleep(10000);
	}
	return 0;
}

/*
 * A reader that never reads: the child waits throttle_ms once per ring it
 * fills, then the ring drops as any ring does, and the child runs to its
 * end.
 */
TEST_F_TIMEOUT(throttle, stalled_reader_releases_after_throttle_ms, 200)
{
	struct ktrace_stats st;
	double t0;
	int status;

	self->c = spawn(20000);
	ASSERT_LT(0, self->c.pid);
	self->fd = session(self->c.pid, 16 << 10, 0, 300);
	ASSERT_LE(0, self->fd);
	t0 = now();
	start(&self->c);
	ASSERT_EQ(self->c.pid, waitpid(self->c.pid, &status, 0));
	self->c.pid = -1;
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 7);
	/* The wait's deadline is in jiffies: up to one tick (10 ms) short. */
	EXPECT_LT(0.29, now() - t0);
	EXPECT_GT(20.0, now() - t0);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &st));
	/* One wait per ring the child filled: it may have moved CPU. */
	EXPECT_LE(1, st.throttle_timeouts);
	EXPECT_GE(sysconf(_SC_NPROCESSORS_CONF), st.throttle_timeouts);
	EXPECT_LT(0, st.lost_full);
	EXPECT_LE(290e6, (double)st.throttle_ns);
}

/* Closing the session lets a task waiting for it go at once. */
TEST_F_TIMEOUT(throttle, closed_session_releases_waiter, 200)
{
	double t0;
	int status;

	self->c = spawn(20000);
	ASSERT_LT(0, self->c.pid);
	self->fd = session(self->c.pid, 16 << 10, 0, 60000);
	ASSERT_LE(0, self->fd);
	start(&self->c);
	ASSERT_TRUE(wait_throttled(self->fd, 30));
	t0 = now();
	close(self->fd);
	self->fd = -1;
	ASSERT_EQ(self->c.pid, waitpid(self->c.pid, &status, 0));
	self->c.pid = -1;
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 7);
	EXPECT_GT(20.0, now() - t0);
}

/* SIGKILL ends a throttled task at once, whatever throttle_ms says. */
TEST_F_TIMEOUT(throttle, sigkill_ends_throttled_task, 200)
{
	double t0;
	int status;

	self->c = spawn(20000);
	ASSERT_LT(0, self->c.pid);
	self->fd = session(self->c.pid, 16 << 10, 0, 60000);
	ASSERT_LE(0, self->fd);
	start(&self->c);
	ASSERT_TRUE(wait_throttled(self->fd, 30));
	t0 = now();
	ASSERT_EQ(0, kill(self->c.pid, SIGKILL));
	ASSERT_EQ(self->c.pid, waitpid(self->c.pid, &status, 0));
	self->c.pid = -1;
	EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	EXPECT_GT(5.0, now() - t0);
}

/*
 * A throttled task that is to stop stops within a slice of its wait, not
 * after throttle_ms (60 s here); once continued it runs to its end, and
 * the reader gets every record.  @ptraced: stopped by PTRACE_INTERRUPT of
 * a PTRACE_SEIZE, else by SIGSTOP.
 */
static void stop_throttled(struct __test_metadata *_metadata,
			   struct child *c, int *fd, bool ptraced)
{
	struct ktrace_stats st;
	struct count n = { 0 };
	double t0;
	int status;

	*c = spawn(20000);
	ASSERT_LT(0, c->pid);
	if (ptraced)
		ASSERT_EQ(0, ptrace(PTRACE_SEIZE, c->pid, 0, 0));
	*fd = session(c->pid, 16 << 10, 0, 60000);
	ASSERT_LE(0, *fd);
	start(c);
	ASSERT_TRUE(wait_throttled(*fd, 30));
	t0 = now();
	ASSERT_EQ(0, ptraced ? ptrace(PTRACE_INTERRUPT, c->pid, 0, 0) :
			       kill(c->pid, SIGSTOP));
	ASSERT_EQ(c->pid, waitpid(c->pid, &status, WUNTRACED));
	EXPECT_GT(5.0, now() - t0);
	ASSERT_TRUE(WIFSTOPPED(status));
	if (ptraced) {
		EXPECT_EQ(PTRACE_EVENT_STOP, status >> 16);
		ASSERT_EQ(0, ptrace(PTRACE_DETACH, c->pid, 0, 0));
	} else {
		EXPECT_EQ(SIGSTOP, WSTOPSIG(status));
		ASSERT_EQ(0, kill(c->pid, SIGCONT));
	}
	ASSERT_EQ(0, read_until_exit(*fd, c, &n, 0, &status));
	expect_all_read(_metadata, *fd, &n, status, &st);
	EXPECT_LE(1, st.throttled);
}

TEST_F_TIMEOUT(throttle, sigstop_stops_throttled_task, 200)
{
	stop_throttled(_metadata, &self->c, &self->fd, false);
}

TEST_F_TIMEOUT(throttle, ptrace_interrupt_stops_throttled_task, 200)
{
	stop_throttled(_metadata, &self->c, &self->fd, true);
}

/* Write @val to the file @name of cgroup directory @dir. */
static int cg_write(const char *dir, const char *name, const char *val)
{
	char path[128];
	int fd, ret;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ret = write(fd, val, strlen(val)) == (ssize_t)strlen(val) ? 0 : -1;
	close(fd);
	return ret;
}

/* Does @dir's cgroup.events say "frozen 1"? */
static bool cg_frozen(const char *dir)
{
	char path[128], b[256];
	ssize_t len;
	int fd;

	snprintf(path, sizeof(path), "%s/cgroup.events", dir);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	len = read(fd, b, sizeof(b) - 1);
	close(fd);
	b[len > 0 ? len : 0] = 0;
	return strstr(b, "frozen 1");
}

/*
 * A throttled task whose cgroup v2 is frozen (cgroup.freeze) freezes
 * within a slice of its wait, not after throttle_ms (60 s here), as the
 * system freezer of suspend, which gives up after 20 s, needs too; thawed,
 * it runs to its end and the reader gets every record.
 */
TEST_F_TIMEOUT(throttle, cgroup_freeze_freezes_throttled_task, 200)
{
	struct ktrace_stats st;
	struct count n = { 0 };
	char dir[64], pid[16];
	double t0;
	int status;

	/* The VM's init mounts no cgroup: mount cgroup2 where it goes. */
	if (access("/sys/fs/cgroup/cgroup.controllers", F_OK))
		mount("cgroup2", "/sys/fs/cgroup", "cgroup2", 0, NULL);
	snprintf(dir, sizeof(dir), "/sys/fs/cgroup/ktrace-throttle-%d",
		 getpid());
	if (mkdir(dir, 0755) || access("/sys/fs/cgroup/cgroup.controllers",
				       F_OK)) {
		rmdir(dir);
		SKIP(return, "no cgroup v2");
	}
	self->c = spawn(20000);
	ASSERT_LT(0, self->c.pid);
	snprintf(pid, sizeof(pid), "%d", self->c.pid);
	ASSERT_EQ(0, cg_write(dir, "cgroup.procs", pid));
	self->fd = session(self->c.pid, 16 << 10, 0, 60000);
	ASSERT_LE(0, self->fd);
	start(&self->c);
	ASSERT_TRUE(wait_throttled(self->fd, 30));
	t0 = now();
	ASSERT_EQ(0, cg_write(dir, "cgroup.freeze", "1"));
	while (!cg_frozen(dir) && now() - t0 < 30)
		usleep(10000);
	TH_LOG("%s after %.3f s", cg_frozen(dir) ? "frozen" : "not frozen",
	       now() - t0);
	EXPECT_TRUE(cg_frozen(dir));
	EXPECT_GT(5.0, now() - t0);
	ASSERT_EQ(0, cg_write(dir, "cgroup.freeze", "0"));
	ASSERT_EQ(0, read_until_exit(self->fd, &self->c, &n, 0, &status));
	expect_all_read(_metadata, self->fd, &n, status, &st);
	EXPECT_LE(1, st.throttled);
	rmdir(dir);
}

/* The reader's own threads never wait, even when it traces itself. */
TEST_F_TIMEOUT(throttle, owner_is_never_throttled, 200)
{
	struct ktrace_stats st;
	int i;

	self->fd = session(getpid(), 16 << 10, KTRACE_CFG_TRACE_SELF, 60000);
	ASSERT_LE(0, self->fd);
	for (i = 0; i < 20000; i++)
		syscall(SYS_getppid);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &st));
	EXPECT_EQ(0, st.throttled);
	EXPECT_LT(0, st.lost_full);
}

/*
 * Nor does a reader in another process, which holds the descriptor: a
 * traced child that inherited it, filling the ring and reading it, would
 * otherwise wait for itself throttle_ms at each fill.
 */
TEST_F_TIMEOUT(throttle, reader_holding_the_descriptor_is_never_throttled,
	       200)
{
	static char buf[1 << 16];
	struct ktrace_stats st;
	int go[2], status, i, k;
	char b;

	ASSERT_EQ(0, pipe(go));
	self->fd = session(0, 16 << 10, 0, 2000);
	ASSERT_LE(0, self->fd);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	self->c.pid = fork();
	ASSERT_LE(0, self->c.pid);
	if (self->c.pid == 0) {
		if (read(go[0], &b, 1) != 1)
			_exit(2);
		for (i = 0; i < 30; i++) {
			for (k = 0; k < 200; k++)
				syscall(SYS_getppid);
			for (k = 0; k < 3; k++)
				if (read(self->fd, buf, sizeof(buf)) < 0 &&
				    errno != EAGAIN)
					_exit(3);
		}
		_exit(0);
	}
	{
		struct ktrace_pid p = { .pid = self->c.pid,
					.flags = KTRACE_PID_THREAD_GROUP };

		ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_PID_ADD, &p));
	}
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	ASSERT_EQ(1, write(go[1], "x", 1));
	ASSERT_EQ(self->c.pid, waitpid(self->c.pid, &status, 0));
	self->c.pid = -1;
	EXPECT_EQ(0, status);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &st));
	EXPECT_EQ(0, st.throttled);
	EXPECT_EQ(0, st.throttle_timeouts);
	close(go[0]);
	close(go[1]);
}

/* Bad settings: throttle_ms too long, reserved fields set. */
TEST(configure_rejects_bad_throttle)
{
	struct ktrace_config cfg = { .events = KTRACE_EV_ALL,
				     .throttle_ms = 60001 };
	int fd;

	if (geteuid() != 0)
		SKIP(return, "needs root");
	fd = open(DEV_PATH, O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	EXPECT_EQ(-1, ioctl(fd, KTRACE_IOC_CONFIGURE, &cfg));
	EXPECT_EQ(EINVAL, errno);
	cfg.throttle_ms = 60000;
	cfg.__reserved0 = 1;
	EXPECT_EQ(-1, ioctl(fd, KTRACE_IOC_CONFIGURE, &cfg));
	EXPECT_EQ(EINVAL, errno);
	cfg.__reserved0 = 0;
	EXPECT_EQ(0, ioctl(fd, KTRACE_IOC_CONFIGURE, &cfg));
	close(fd);
}

TEST_HARNESS_MAIN
