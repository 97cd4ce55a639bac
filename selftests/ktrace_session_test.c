// SPDX-License-Identifier: GPL-2.0
/*
 * Sessions and their in-kernel filters: every ioctl with every errno it
 * documents, each filter selecting exactly what it should, two sessions
 * side by side, the tracer left out of its own trace, and no probe
 * attached while no session is enabled.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/uio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/futex.h>
#include <linux/ktrace.h>

#include "../kselftest_harness.h"

#define DEV_PATH	"/dev/ktrace"
#define PROBES_PATH	"/sys/kernel/debug/ktrace/probes"
#define BUF_SIZE	(4 << 20)

static char *buf;

static int sess_open(void)
{
	return open(DEV_PATH, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
}

static int sess_config(int fd, __u32 events, __u32 flags)
{
	struct ktrace_config c = { .events = events, .flags = flags };

	return ioctl(fd, KTRACE_IOC_CONFIGURE, &c);
}

static int pid_add(int fd, pid_t pid, __u32 flags)
{
	struct ktrace_pid p = { .pid = pid, .flags = flags };

	return ioctl(fd, KTRACE_IOC_PID_ADD, &p);
}

/* Read what the session holds now: bytes in buf. */
static size_t drain(int fd)
{
	size_t len = 0;
	ssize_t n;

	while (len + KTRACE_REC_MAX_SIZE <= BUF_SIZE) {
		n = read(fd, buf + len, BUF_SIZE - len);
		if (n <= 0)
			break;
		len += n;
	}
	return len;
}

/* Walking the records read: first, still inside, next. */
static const struct ktrace_rec_hdr *rec_first(void)
{
	return (const struct ktrace_rec_hdr *)buf;
}

static int rec_ok(const struct ktrace_rec_hdr *h, size_t len)
{
	return (const char *)h < buf + len && h->size >= sizeof(*h);
}

static const struct ktrace_rec_hdr *rec_next(const struct ktrace_rec_hdr *h)
{
	return (const void *)((const char *)h + h->size);
}

/* Syscall exits of a given number by tgid (0: any) in the buffer. */
static int count_exits(size_t len, pid_t tgid, long nr)
{
	const struct ktrace_rec_hdr *h;
	int n = 0;

	for (h = rec_first(); rec_ok(h, len); h = rec_next(h)) {
		const struct ktrace_rec_sys_exit *x = (const void *)h;

		if (h->type == KTRACE_REC_SYS_EXIT && x->nr == nr &&
		    x->abi == KTRACE_ABI_NATIVE && (!tgid || h->tgid == tgid))
			n++;
	}
	return n;
}

static int count_tgid(size_t len, pid_t tgid)
{
	const struct ktrace_rec_hdr *h;
	int n = 0;

	for (h = rec_first(); rec_ok(h, len); h = rec_next(h))
		if (h->tgid == tgid)
			n++;
	return n;
}

static int count_reaps(size_t len, pid_t tgid)
{
	const struct ktrace_rec_hdr *h;
	int n = 0;

	for (h = rec_first(); rec_ok(h, len); h = rec_next(h))
		if (h->tgid == tgid && h->type == KTRACE_REC_REAP)
			n++;
	return n;
}

/* A child that waits for a byte on a pipe, then runs fn and exits. */
struct child {
	pid_t pid;
	int go;
};

static struct child spawn(void (*fn)(void))
{
	struct child c = { -1, -1 };
	int p[2];
	char x;

	if (pipe(p))
		return c;
	c.pid = fork();
	if (c.pid == 0) {
		close(p[1]);
		if (read(p[0], &x, 1) != 1)
			_exit(1);
		fn();
		_exit(0);
	}
	close(p[0]);
	c.go = p[1];
	return c;
}

static int run(struct child *c)
{
	int status;

	if (write(c->go, "g", 1) != 1)
		return -1;
	close(c->go);
	if (waitpid(c->pid, &status, 0) != c->pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void do_getppid(void)
{
	int i;

	for (i = 0; i < 10; i++)
		syscall(__NR_getppid);
}

static pid_t grandchild_pid;

/*
 * Forks a grandchild whose very first syscall is getppid(): a raw clone()
 * like fork(), without the C library's work in the child.
 */
static void do_fork_grandchild(void)
{
	long pid = syscall(__NR_clone, SIGCHLD, 0, 0, 0, 0);

	if (pid == 0) {
		syscall(__NR_getppid);
		syscall(__NR_exit, 0);
	}
	waitpid(pid, NULL, 0);
}

static void do_files(void)
{
	int fd = open("/nonexistent/ktrace", O_RDONLY);

	if (fd >= 0)
		close(fd);
	syscall(__NR_getppid);
}

static void do_sleeps(void)
{
	struct timespec shortt = { 0, 1000000 }, longt = { 0, 60000000 };

	syscall(__NR_nanosleep, &shortt, NULL);
	syscall(__NR_nanosleep, &longt, NULL);
}

/* debugfs' view of a tracepoint: its static key and our attachment. */
static int probe_state(const char *tp, int *key, int *attached)
{
	char line[128], name[64];
	FILE *f = fopen(PROBES_PATH, "r");
	int found = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%63s %d %d", name, key, attached) == 3 &&
		    !strcmp(name, tp))
			found = 1;
	fclose(f);
	return found ? 0 : -1;
}

/*
 * Pid reuse.  With ns_last_pid (CONFIG_CHECKPOINT_RESTORE), the next pid
 * is the one after the number written there.  Without it, the test works
 * in a small pid space (pid_max lowered for it, small_pid_space()) and
 * goes round it with short-lived children until the pid just before the
 * one it wants is handed out.
 */
#define SMALL_PID_MAX	1000

static unsigned int saved_pid_max;

static int write_num(const char *path, long n)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC), len, ret = -1;
	char num[24];

	if (fd < 0)
		return -1;
	len = snprintf(num, sizeof(num), "%ld", n);
	if (write(fd, num, len) == len)
		ret = 0;
	close(fd);
	return ret;
}

static unsigned int read_pid_max(void)
{
	FILE *f = fopen("/proc/sys/kernel/pid_max", "r");
	unsigned int n = 32768;

	if (f) {
		if (fscanf(f, "%u", &n) != 1)
			n = 32768;
		fclose(f);
	}
	return n;
}

static int have_ns_last_pid(void)
{
	return !access("/proc/sys/kernel/ns_last_pid", W_OK);
}

/* A short-lived child: the pid it had. */
static pid_t burn_pid(void)
{
	pid_t p = vfork();

	if (p == 0)
		_exit(0);
	if (p > 0)
		waitpid(p, NULL, 0);
	return p;
}

/*
 * Before the first child of a pid reuse test; the teardown undoes it.
 * Pids below 300 are not handed out again once the count wraps: go past
 * them first.
 */
static void small_pid_space(void)
{
	int i;

	if (have_ns_last_pid() || saved_pid_max)
		return;
	saved_pid_max = read_pid_max();
	if (write_num("/proc/sys/kernel/pid_max", SMALL_PID_MAX)) {
		saved_pid_max = 0;
		return;
	}
	for (i = 0; i < SMALL_PID_MAX && burn_pid() < 300; i++)
		;
}

static void restore_pid_space(void)
{
	if (saved_pid_max)
		write_num("/proc/sys/kernel/pid_max", saved_pid_max);
	saved_pid_max = 0;
}

/* Make @want the next pid handed out, if it can be: 0 or -1. */
static int next_pid_is(pid_t want)
{
	pid_t before, p;
	int i;

	if (!write_num("/proc/sys/kernel/ns_last_pid", want - 1))
		return 0;
	if (want >= (pid_t)read_pid_max())
		return -1;
	/* The last free pid below it: those in between are taken. */
	for (before = want - 1; before >= 300; before--)
		if (kill(before, 0) && errno == ESRCH)
			break;
	if (before < 300)
		return -1;
	for (i = 0; i < 2 * SMALL_PID_MAX; i++) {
		p = burn_pid();
		if (p < 0)
			return -1;
		if (p == before)
			return 0;
	}
	return -1;
}

/* A child (see spawn()) with pid @want: 0, or -1 when it cannot be had. */
static int spawn_at(struct child *c, void (*fn)(void), pid_t want)
{
	int i, status;

	for (i = 0; i < 20; i++) {
		if (next_pid_is(want))
			return -1;
		*c = spawn(fn);
		if (c->pid == want)
			return 0;
		if (c->pid < 0)
			return -1;
		/* Someone else took it: let this one go (read() sees EOF). */
		close(c->go);
		waitpid(c->pid, &status, 0);
	}
	return -1;
}

FIXTURE(session) {
	int fd;
};

FIXTURE_SETUP(session)
{
	if (geteuid() != 0)
		SKIP(return, "needs root");
	if (!buf)
		buf = malloc(BUF_SIZE);
	ASSERT_NE(NULL, buf);
	self->fd = sess_open();
	ASSERT_LE(0, self->fd) TH_LOG("%s: %s", DEV_PATH, strerror(errno));
}

FIXTURE_TEARDOWN(session)
{
	close(self->fd);
	restore_pid_space();
}

TEST_F(session, configure_errors)
{
	struct ktrace_config c;

#define EXPECT_CFG(err, ...) do {					\
		struct ktrace_config _c = { .events = KTRACE_EV_ALL,	\
					    __VA_ARGS__ };		\
		EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &_c)); \
		EXPECT_EQ(err, errno);					\
	} while (0)
	EXPECT_CFG(EINVAL, .__reserved[2] = 1);
	EXPECT_CFG(EINVAL, .__reserved0 = 1);
	EXPECT_CFG(EINVAL, .throttle_ms = 60001);
	EXPECT_CFG(EINVAL, .flags = 0x80);
	EXPECT_CFG(EINVAL, .events = 0);
	EXPECT_CFG(EINVAL, .events = 0x100);
	EXPECT_CFG(EINVAL, .snaplen = 4);
	EXPECT_CFG(EINVAL, .snaplen = 4097);
	EXPECT_CFG(EINVAL, .ring_size = 3 << 16);
	EXPECT_CFG(EINVAL, .ring_size = 4096);
	EXPECT_CFG(E2BIG, .ring_size = 128 << 20);
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_CONFIGURE, (void *)8));
	EXPECT_EQ(EFAULT, errno);

	memset(&c, 0, sizeof(c));
	c.events = KTRACE_EV_ALL;
	c.ring_size = 64 << 10;
	c.snaplen = 64;
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	EXPECT_EQ(EBUSY, errno);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
#undef EXPECT_CFG
}

TEST_F(session, configure_sets_ring_size)
{
	struct ktrace_config c = { .events = KTRACE_EV_ALL,
				   .ring_size = 32 << 10 };
	long page = sysconf(_SC_PAGESIZE);
	struct ktrace_ring_page *ctl;
	int rw = open(DEV_PATH, O_RDWR | O_CLOEXEC);

	ASSERT_LE(0, rw);
	ASSERT_EQ(0, ioctl(rw, KTRACE_IOC_CONFIGURE, &c));
	ctl = mmap(NULL, page, PROT_READ, MAP_SHARED, rw,
		   KTRACE_MMAP_OFFSET(0));
	ASSERT_NE(MAP_FAILED, ctl);
	EXPECT_EQ(32 << 10, ctl->data_size);
	/* Mapped rings stay: no new size while userspace looks at them. */
	c.ring_size = 64 << 10;
	EXPECT_EQ(-1, ioctl(rw, KTRACE_IOC_CONFIGURE, &c));
	EXPECT_EQ(EBUSY, errno);
	munmap(ctl, page);
	close(rw);
}

TEST_F(session, pid_errors)
{
	struct ktrace_pid p = { .pid = getpid() };
	pid_t tid;

	p.__reserved = 1;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_PID_ADD, &p));
	EXPECT_EQ(EINVAL, errno);
	p.__reserved = 0;
	p.flags = 0x10;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_PID_ADD, &p));
	EXPECT_EQ(EINVAL, errno);
	p.flags = 0;
	p.pid = 0;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_PID_ADD, &p));
	EXPECT_EQ(EINVAL, errno);
	p.pid = -5;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_PID_DEL, &p));
	EXPECT_EQ(EINVAL, errno);
	/* A pid that does not exist now: the highest one is free here. */
	p.pid = 4194303;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_PID_ADD, &p));
	EXPECT_EQ(ESRCH, errno);
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_PID_ADD, NULL));
	EXPECT_EQ(EFAULT, errno);
	tid = getpid();
	EXPECT_EQ(0, pid_add(self->fd, tid, KTRACE_PID_THREAD_GROUP));
	p.pid = tid;
	p.flags = KTRACE_PID_THREAD_GROUP;
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_PID_DEL, &p));
}

TEST_F(session, syscalls_status_stats_errors)
{
	struct ktrace_syscalls sc = { .abi = KTRACE_ABI_COUNT };
	struct ktrace_status st = { .status = KTRACE_STATUS_ALL };
	struct ktrace_syscall_stats ss = { .nr = KTRACE_NR_MAX };
	struct ktrace_losses q = { .cpus = 8, .nr_cpus = 4 };

	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_SET_SYSCALLS, &sc));
	EXPECT_EQ(EINVAL, errno);
	sc.abi = 0;
	sc.__reserved = 1;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_SET_SYSCALLS, &sc));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_SET_SYSCALLS, (void *)8));
	EXPECT_EQ(EFAULT, errno);

	st.flags = 2;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_SET_STATUS, &st));
	EXPECT_EQ(EINVAL, errno);
	st.flags = 0;
	st.status = 0;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_SET_STATUS, &st));
	EXPECT_EQ(EINVAL, errno);
	st.status = 8;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_SET_STATUS, &st));
	EXPECT_EQ(EINVAL, errno);

	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_SESSION_SYSCALL_STATS, &ss));
	EXPECT_EQ(EINVAL, errno);
	ss.nr = 0;
	ss.abi = 7;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_SESSION_SYSCALL_STATS, &ss));
	EXPECT_EQ(EINVAL, errno);

	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_LOSSES, &q));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_RESET_STATS));
	EXPECT_EQ(-1, ioctl(self->fd, _IO(KTRACE_IOC_MAGIC, 0x7f)));
	EXPECT_EQ(ENOTTY, errno);
}

/* Find class @name of @abi; returns its index or -1. */
static int find_class(int fd, __u32 abi, const char *name,
		      struct ktrace_class *out)
{
	struct ktrace_class c;

	for (c.index = 0;; c.index++) {
		c.abi = abi;
		if (ioctl(fd, KTRACE_IOC_GET_CLASS, &c))
			return -1;
		if (!strcmp(c.name, name)) {
			*out = c;
			return c.index;
		}
	}
}

static int has(const struct ktrace_class *c, unsigned int nr)
{
	return !!(c->bits[nr / 64] & (1ULL << (nr % 64)));
}

TEST_F(session, classes_published_per_abi)
{
	struct ktrace_class c = { .abi = 5 };

	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_GET_CLASS, &c));
	EXPECT_EQ(EINVAL, errno);
	c.abi = 0;
	c.index = 1000;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_GET_CLASS, &c));
	EXPECT_EQ(ENOENT, errno);

	ASSERT_LE(0, find_class(self->fd, KTRACE_ABI_NATIVE, "file", &c));
	EXPECT_TRUE(has(&c, __NR_openat));
	EXPECT_TRUE(has(&c, __NR_execve));
	EXPECT_FALSE(has(&c, __NR_read));
	ASSERT_LE(0, find_class(self->fd, KTRACE_ABI_NATIVE, "network", &c));
	EXPECT_TRUE(has(&c, __NR_connect));
	EXPECT_FALSE(has(&c, __NR_openat));
	ASSERT_LE(0, find_class(self->fd, KTRACE_ABI_NATIVE, "process", &c));
	EXPECT_TRUE(has(&c, __NR_clone));
	EXPECT_TRUE(has(&c, __NR_exit_group));
	/* i386 numbers: open is 5, socketcall 102, both their own ABI's. */
	ASSERT_LE(0, find_class(self->fd, KTRACE_ABI_COMPAT, "file", &c));
	EXPECT_TRUE(has(&c, 5));
	ASSERT_LE(0, find_class(self->fd, KTRACE_ABI_COMPAT, "network", &c));
	EXPECT_TRUE(has(&c, 102));
}

TEST_F(session, pid_filter_sees_only_its_process)
{
	struct child a = spawn(do_getppid), b = spawn(do_getppid);
	size_t len;

	ASSERT_LT(0, a.pid);
	ASSERT_LT(0, b.pid);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_ALL, 0));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	EXPECT_EQ(0, run(&b));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	EXPECT_EQ(10, count_exits(len, a.pid, __NR_getppid));
	EXPECT_EQ(0, count_tgid(len, b.pid));
	EXPECT_EQ(0, count_tgid(len, getpid()));
}

TEST_F(session, follow_sees_grandchild_first_syscall)
{
	struct child a = spawn(do_fork_grandchild);
	const struct ktrace_rec_hdr *h;
	size_t len;
	int forks = 0, seen = 0;

	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_ALL, 0));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP |
			     KTRACE_PID_FOLLOW));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	for (h = rec_first(); rec_ok(h, len); h = rec_next(h)) {
		const struct ktrace_rec_fork *f = (const void *)h;
		const struct ktrace_rec_sys_enter *e = (const void *)h;

		if (h->type == KTRACE_REC_FORK && h->tgid == a.pid) {
			grandchild_pid = f->child_tgid;
			forks++;
		}
		/* The grandchild's first enter must be its getppid(). */
		if (forks && h->type == KTRACE_REC_SYS_ENTER &&
		    h->tgid == grandchild_pid && !seen)
			seen = e->nr == __NR_getppid ? 1 : -1;
	}
	EXPECT_EQ(1, forks);
	EXPECT_EQ(1, seen);
}

TEST_F(session, no_follow_leaves_children_out)
{
	struct child a = spawn(do_fork_grandchild);
	const struct ktrace_rec_hdr *h;
	size_t len;
	int others = 0;

	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_ALL, 0));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	for (h = rec_first(); rec_ok(h, len); h = rec_next(h))
		if (h->type == KTRACE_REC_SYS_ENTER && h->tgid != a.pid)
			others++;
	EXPECT_EQ(0, others);
	EXPECT_LT(0, count_tgid(len, a.pid));
}

TEST_F(session, class_filter_matches_published_table)
{
	struct child a = spawn(do_files);
	struct ktrace_syscalls sc = { .abi = KTRACE_ABI_NATIVE };
	struct ktrace_class c;
	const struct ktrace_rec_hdr *h;
	size_t len;
	int outside = 0;

	ASSERT_LT(0, a.pid);
	ASSERT_LE(0, find_class(self->fd, KTRACE_ABI_NATIVE, "file", &c));
	memcpy(sc.bits, c.bits, sizeof(sc.bits));
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_SYSCALL, 0));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SET_SYSCALLS, &sc));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	EXPECT_EQ(1, count_exits(len, a.pid, __NR_openat));
	EXPECT_EQ(0, count_exits(len, a.pid, __NR_getppid));
	for (h = rec_first(); rec_ok(h, len); h = rec_next(h)) {
		const struct ktrace_rec_sys_exit *x = (const void *)h;

		if (h->type == KTRACE_REC_SYS_EXIT && !has(&c, x->nr))
			outside++;
	}
	EXPECT_EQ(0, outside);
}

TEST_F(session, failed_only_records_enter_and_exit_of_failures)
{
	struct child a = spawn(do_files);
	struct ktrace_status st = { .status = KTRACE_STATUS_FAILED };
	const struct ktrace_rec_hdr *h;
	size_t len;
	int enters = 0, ok_exits = 0;

	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_SYSCALL, 0));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SET_STATUS, &st));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	for (h = rec_first(); rec_ok(h, len); h = rec_next(h)) {
		const struct ktrace_rec_sys_enter *e = (const void *)h;
		const struct ktrace_rec_sys_exit *x = (const void *)h;

		if (h->type == KTRACE_REC_SYS_ENTER && e->nr == __NR_openat)
			enters++;
		if (h->type == KTRACE_REC_SYS_EXIT && x->ret >= 0)
			ok_exits++;
	}
	EXPECT_EQ(1, enters);
	EXPECT_EQ(1, count_exits(len, a.pid, __NR_openat));
	EXPECT_EQ(0, count_exits(len, a.pid, __NR_getppid));
	EXPECT_EQ(0, ok_exits);
}

TEST_F(session, min_duration_keeps_slow_calls)
{
	struct child a = spawn(do_sleeps);
	struct ktrace_status st = { .status = KTRACE_STATUS_ALL,
				    .min_duration = 30000000 };
	const struct ktrace_rec_hdr *h;
	size_t len;
	int n = 0;

	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_SYSCALL, 0));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SET_STATUS, &st));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	for (h = rec_first(); rec_ok(h, len); h = rec_next(h)) {
		const struct ktrace_rec_sys_exit *x = (const void *)h;

		if (h->type != KTRACE_REC_SYS_EXIT)
			continue;
		n++;
		EXPECT_LE(30000000, x->duration);
		EXPECT_EQ(__NR_nanosleep, x->nr);
	}
	EXPECT_EQ(1, n);
}

TEST_F(session, opener_left_out_unless_asked)
{
	struct child a = spawn(do_getppid);
	size_t len;
	int i;

	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_SYSCALL, 0));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	for (i = 0; i < 5; i++)
		syscall(__NR_getppid);
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	EXPECT_EQ(0, count_tgid(len, getpid()));
	EXPECT_EQ(10, count_exits(len, a.pid, __NR_getppid));

	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_SYSCALL,
				 KTRACE_CFG_TRACE_SELF));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	for (i = 0; i < 5; i++)
		syscall(__NR_getppid);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	EXPECT_LE(5, count_exits(len, getpid(), __NR_getppid));
}

TEST_F(session, two_sessions_each_see_their_own)
{
	struct child a = spawn(do_getppid), b = spawn(do_files);
	struct ktrace_status st = { .status = KTRACE_STATUS_FAILED };
	int fd2 = sess_open();
	size_t len;

	ASSERT_LE(0, fd2);
	ASSERT_LT(0, a.pid);
	ASSERT_LT(0, b.pid);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_SYSCALL, 0));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, sess_config(fd2, KTRACE_EV_SYSCALL, 0));
	ASSERT_EQ(0, pid_add(fd2, b.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(fd2, KTRACE_IOC_SET_STATUS, &st));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	ASSERT_EQ(0, ioctl(fd2, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	EXPECT_EQ(0, run(&b));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	ASSERT_EQ(0, ioctl(fd2, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	EXPECT_EQ(10, count_exits(len, a.pid, __NR_getppid));
	EXPECT_EQ(0, count_tgid(len, b.pid));
	len = drain(fd2);
	EXPECT_EQ(1, count_exits(len, b.pid, __NR_openat));
	EXPECT_EQ(0, count_exits(len, b.pid, __NR_getppid));
	EXPECT_EQ(0, count_tgid(len, a.pid));
	close(fd2);
}

TEST_F(session, counters_are_per_session)
{
	struct child a = spawn(do_getppid);
	struct ktrace_syscall_stats ss = { .nr = __NR_getppid };

	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_LIFECYCLE, 0));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	/* Counted although no syscall record was asked for. */
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SESSION_SYSCALL_STATS, &ss));
	EXPECT_EQ(10, ss.calls);
	EXPECT_EQ(0, ss.errors);
	EXPECT_EQ(0, count_exits(drain(self->fd), 0, __NR_getppid));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_RESET_STATS));
	memset(&ss, 0, sizeof(ss));
	ss.nr = __NR_getppid;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SESSION_SYSCALL_STATS, &ss));
	EXPECT_EQ(0, ss.calls);
}

/*
 * KTRACE_IOC_SESSION_COUNTS (ABI 1.17): every syscall's counters in one
 * call, the same as KTRACE_IOC_SESSION_SYSCALL_STATS gives one by one,
 * and a run that starts anywhere; each field checked.
 */
TEST_F(session, counts_of_every_syscall_at_once)
{
	static struct ktrace_count cnt[KTRACE_NR_MAX + 4];
	struct child a = spawn(do_getppid);
	struct ktrace_syscall_stats ss;
	struct ktrace_counts q;
	unsigned int nr;

	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_LIFECYCLE, 0));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));

	memset(cnt, 0xa5, sizeof(cnt));
	memset(&q, 0, sizeof(q));
	q.counts = (uintptr_t)cnt;
	q.nr = KTRACE_NR_MAX + 4;
	q.abi = KTRACE_ABI_NATIVE;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SESSION_COUNTS, &q));
	EXPECT_EQ(KTRACE_NR_MAX, q.nr);
	EXPECT_EQ(10, cnt[__NR_getppid].calls);
	EXPECT_EQ(0, cnt[__NR_getppid].errors);
	/* Past the entries written, the caller's memory is untouched. */
	EXPECT_EQ(0xa5a5a5a5a5a5a5a5ULL, cnt[KTRACE_NR_MAX].calls);
	for (nr = 0; nr < KTRACE_NR_MAX; nr++) {
		memset(&ss, 0, sizeof(ss));
		ss.nr = nr;
		ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SESSION_SYSCALL_STATS,
				   &ss));
		EXPECT_EQ(ss.calls, cnt[nr].calls);
		EXPECT_EQ(ss.errors, cnt[nr].errors);
		EXPECT_EQ(ss.total_ns, cnt[nr].total_ns);
	}

	/* One entry from the middle; the last syscall number alone. */
	memset(cnt, 0, sizeof(cnt));
	q.first = __NR_getppid;
	q.nr = 1;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SESSION_COUNTS, &q));
	EXPECT_EQ(1, q.nr);
	EXPECT_EQ(10, cnt[0].calls);
	EXPECT_EQ(0, cnt[1].calls);
	q.first = KTRACE_NR_MAX - 1;
	q.nr = 10;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SESSION_COUNTS, &q));
	EXPECT_EQ(1, q.nr);
	q.nr = 0;
	q.counts = 1;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SESSION_COUNTS, &q));
	EXPECT_EQ(0, q.nr);

	/* After a reset, zeros. */
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_RESET_STATS));
	q.counts = (uintptr_t)cnt;
	q.first = 0;
	q.nr = KTRACE_NR_MAX;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SESSION_COUNTS, &q));
	EXPECT_EQ(0, cnt[__NR_getppid].calls);

	/* Bad input: each field, then memory the module cannot reach. */
	q.abi = KTRACE_ABI_COUNT;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_SESSION_COUNTS, &q));
	EXPECT_EQ(EINVAL, errno);
	q.abi = KTRACE_ABI_COMPAT;
	q.first = KTRACE_NR_MAX;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_SESSION_COUNTS, &q));
	EXPECT_EQ(EINVAL, errno);
	q.first = 0;
	q.__reserved0 = 1;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_SESSION_COUNTS, &q));
	EXPECT_EQ(EINVAL, errno);
	q.__reserved0 = 0;
	q.__reserved = 1;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_SESSION_COUNTS, &q));
	EXPECT_EQ(EINVAL, errno);
	q.__reserved = 0;
	q.counts = 1;
	q.nr = 1;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_SESSION_COUNTS, &q));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_SESSION_COUNTS, NULL));
	EXPECT_EQ(EFAULT, errno);
	q.counts = (uintptr_t)cnt;
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_SESSION_COUNTS, &q));
}

static void do_many_getppid(void)
{
	int i;

	for (i = 0; i < 20000; i++)
		syscall(__NR_getppid);
}

TEST_F(session, losses_by_cpu_and_process)
{
	struct ktrace_config c = { .events = KTRACE_EV_SYSCALL,
				   .ring_size = 16 << 10 };
	struct child a = spawn(do_many_getppid);
	struct ktrace_proc_loss procs[8];
	struct ktrace_losses q;
	struct ktrace_stats st;
	__u64 cpus[256], sum = 0;
	unsigned int i;

	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	/* Nobody reads: the child overflows its ring. */
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	memset(&q, 0, sizeof(q));
	q.cpus = (unsigned long)cpus;
	q.nr_cpus = 256;
	q.procs = (unsigned long)procs;
	q.nr_procs = 8;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_LOSSES, &q));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &st));
	ASSERT_GE(256, q.nr_cpus);
	for (i = 0; i < q.nr_cpus; i++)
		sum += cpus[i];
	EXPECT_LT(0, sum);
	EXPECT_EQ(st.lost_full + st.lost_nest, sum);
	ASSERT_EQ(1, q.nr_procs);
	EXPECT_EQ(a.pid, procs[0].tgid);
	EXPECT_EQ(sum, procs[0].lost);
}

static void do_many_then_marker(void)
{
	do_many_getppid();
	open("/ktrace-last-call", O_RDONLY);
}

TEST_F(session, overwrite_keeps_the_newest)
{
	struct ktrace_config c = { .events = KTRACE_EV_SYSCALL,
				   .ring_size = 16 << 10,
				   .flags = KTRACE_CFG_OVERWRITE };
	struct child a = spawn(do_many_then_marker);
	long page = sysconf(_SC_PAGESIZE);
	const struct ktrace_rec_hdr *h;
	struct ktrace_stats st;
	int rw = open(DEV_PATH, O_RDWR | O_CLOEXEC);
	int nrec = 0, losses = 0, marker = 0;
	size_t len;

	ASSERT_LT(0, a.pid);
	ASSERT_LE(0, rw);
	ASSERT_EQ(0, ioctl(rw, KTRACE_IOC_CONFIGURE, &c));
	/* No mmap() protocol for a tail the writer moves. */
	EXPECT_EQ(MAP_FAILED, mmap(NULL, page, PROT_READ, MAP_SHARED, rw,
				   KTRACE_MMAP_OFFSET(0)));
	EXPECT_EQ(EINVAL, errno);
	close(rw);

	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &st));
	len = drain(self->fd);
	for (h = rec_first(); rec_ok(h, len); h = rec_next(h)) {
		const struct ktrace_rec_sys_exit *x = (const void *)h;

		if (h->type == KTRACE_REC_LOSS) {
			losses++;
			continue;
		}
		nrec++;
		if (h->type == KTRACE_REC_SYS_EXIT && x->nr == __NR_openat &&
		    x->ret == -ENOENT)
			marker = 1;
	}
	/* The oldest went, the newest stayed, and every one is counted. */
	EXPECT_LT(0, st.lost_full);
	EXPECT_LT(0, losses);
	EXPECT_EQ(1, marker);
	EXPECT_GE(st.written, nrec);
	EXPECT_LE(st.written, nrec + st.lost_full);
	EXPECT_EQ(st.lost_full + st.lost_nest,
		  st.lost_reported + st.lost_pending);
}

/*
 * A flight recorder's read() takes the oldest record into a bounce buffer
 * before it copies it out; one too long for the reader's buffer waits
 * there for the next read().  A CONFIGURE that replaces the rings drops
 * their records, and that one with them: once it was still handed out,
 * a record of the old rings read from the new.
 */
TEST_F(session, configure_drops_the_record_a_short_read_left)
{
	struct ktrace_config c = { .events = KTRACE_EV_SYSCALL,
				   .ring_size = 16 << 10,
				   .flags = KTRACE_CFG_OVERWRITE };
	struct child a = spawn(do_many_then_marker);
	struct ktrace_rec_hdr h;

	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	/* Too short for any record: the oldest waits in the bounce buffer. */
	EXPECT_EQ(-1, read(self->fd, &h, sizeof(h)));
	EXPECT_EQ(EINVAL, errno);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	EXPECT_EQ(-1, read(self->fd, &h, sizeof(h)));
	EXPECT_EQ(EINVAL, errno);

	/* New rings, of another size: nothing of the old ones is read. */
	c.ring_size = 32 << 10;
	c.flags = 0;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	EXPECT_EQ(0, drain(self->fd));
}

/* A child pinned to CPU 0, so that its records go to ring 0. */
static void do_many_on_cpu0(void)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		_exit(2);
	do_many_then_marker();
}

/* do_many_on_cpu0() in a child that session @fd traces: its pid. */
static void trace_many_on_cpu0(struct __test_metadata *_metadata, int fd,
			       pid_t *pid)
{
	struct child a = spawn(do_many_on_cpu0);

	*pid = a.pid;
	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, pid_add(fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_DISABLE));
}

/*
 * A program maps ring 0, leaves junk in its control page and unmaps it;
 * a CONFIGURE of the same size keeps the rings and makes them a flight
 * recorder, whose writer and read() move the tail themselves.  Each of
 * these once crashed or hung the kernel: a read() past the end of the
 * ring, a probe writing past it, a probe looping with preemption off, a
 * read() that SIGKILL could not end.  Now the junk goes, and the ring
 * records and reads as a flight recorder does.
 */
TEST_F(session, flight_recorder_over_junk_a_mapping_left)
{
	static const struct { __u64 head, tail; } junk[] = {
		{ 64, (16 << 10) - 1 },		/* unaligned, at the end */
		{ 0, 8 },			/* ahead of the head */
		{ 20000, (16 << 10) - 1 },	/* a head never written */
		{ 64, 4 },			/* unaligned */
	};
	struct ktrace_config c = { .events = KTRACE_EV_SYSCALL,
				   .ring_size = 16 << 10 };
	size_t map = sysconf(_SC_PAGESIZE) + (16 << 10), len;
	struct ktrace_ring_page *ctl;
	const struct ktrace_rec_hdr *h;
	struct ktrace_stats st;
	unsigned int i;
	int rw, marker;

	for (i = 0; i < ARRAY_SIZE(junk); i++) {
		struct child a = spawn(do_many_on_cpu0);

		ASSERT_LT(0, a.pid);
		rw = open(DEV_PATH, O_RDWR | O_NONBLOCK | O_CLOEXEC);
		ASSERT_LE(0, rw);
		c.flags = 0;
		ASSERT_EQ(0, ioctl(rw, KTRACE_IOC_CONFIGURE, &c));
		ctl = mmap(NULL, map, PROT_READ | PROT_WRITE, MAP_SHARED, rw,
			   KTRACE_MMAP_OFFSET(0));
		ASSERT_NE(MAP_FAILED, ctl);
		ctl->data_head = junk[i].head;
		ctl->data_tail = junk[i].tail;
		munmap(ctl, map);
		c.flags = KTRACE_CFG_OVERWRITE;
		ASSERT_EQ(0, ioctl(rw, KTRACE_IOC_CONFIGURE, &c));
		/* Nothing was ever written: nothing to read. */
		EXPECT_EQ(0, read(rw, buf, BUF_SIZE)) TH_LOG("junk %u", i);
		ASSERT_EQ(0, pid_add(rw, a.pid, KTRACE_PID_THREAD_GROUP));
		ASSERT_EQ(0, ioctl(rw, KTRACE_IOC_ENABLE));
		EXPECT_EQ(0, run(&a));
		ASSERT_EQ(0, ioctl(rw, KTRACE_IOC_DISABLE));
		ASSERT_EQ(0, ioctl(rw, KTRACE_IOC_STATS, &st));
		len = drain(rw);
		marker = 0;
		for (h = rec_first(); rec_ok(h, len); h = rec_next(h)) {
			const struct ktrace_rec_sys_exit *x = (const void *)h;

			if (h->type == KTRACE_REC_SYS_EXIT &&
			    x->nr == __NR_openat && x->ret == -ENOENT)
				marker = 1;
		}
		EXPECT_EQ(1, marker) TH_LOG("junk %u", i);
		EXPECT_EQ(st.lost_full + st.lost_nest,
			  st.lost_reported + st.lost_pending);
		close(rw);
	}
}

/*
 * The same with a ring that holds records, and a tail the program moved
 * into the middle of the first: aligned and within a ring of the head,
 * it was kept.  The flight recorder's read() then found no record there
 * (0: the end, for a session disabled), its writer none to evict (every
 * record dropped), and a blocking read() spun in the kernel.  Now what
 * the records do not lead to from the tail goes, as other junk does.
 */
TEST_F(session, flight_recorder_over_a_tail_inside_a_record)
{
	struct ktrace_config c = { .events = KTRACE_EV_SYSCALL,
				   .ring_size = 16 << 10,
				   .flags = KTRACE_CFG_LOSSY };
	size_t map = sysconf(_SC_PAGESIZE) + (16 << 10), len;
	struct ktrace_ring_page *ctl;
	const struct ktrace_rec_hdr *h;
	struct ktrace_stats st0, st;
	pid_t pid;
	int rw, marker = 0;

	rw = open(DEV_PATH, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, rw);
	ASSERT_EQ(0, ioctl(rw, KTRACE_IOC_CONFIGURE, &c));
	trace_many_on_cpu0(_metadata, rw, &pid);
	ctl = mmap(NULL, map, PROT_READ | PROT_WRITE, MAP_SHARED, rw,
		   KTRACE_MMAP_OFFSET(0));
	ASSERT_NE(MAP_FAILED, ctl);
	ASSERT_LT(ctl->data_tail + 8, ctl->data_head);
	ctl->data_tail += 8;
	munmap(ctl, map);
	c.flags = KTRACE_CFG_OVERWRITE;
	ASSERT_EQ(0, ioctl(rw, KTRACE_IOC_CONFIGURE, &c));
	ASSERT_EQ(0, ioctl(rw, KTRACE_IOC_STATS, &st0));
	trace_many_on_cpu0(_metadata, rw, &pid);
	ASSERT_EQ(0, ioctl(rw, KTRACE_IOC_STATS, &st));
	/* The writer evicted the oldest, every one it dropped. */
	EXPECT_LT(st0.overwritten, st.overwritten);
	EXPECT_EQ(st.lost_full - st0.lost_full,
		  st.overwritten - st0.overwritten);
	len = drain(rw);
	for (h = rec_first(); rec_ok(h, len); h = rec_next(h)) {
		const struct ktrace_rec_sys_exit *x = (const void *)h;

		if (h->type == KTRACE_REC_SYS_EXIT && h->pid == pid &&
		    x->nr == __NR_openat && x->ret == -ENOENT)
			marker = 1;
	}
	EXPECT_EQ(1, marker);
	close(rw);
}

/*
 * madvise(MADV_DONTNEED) on a mapped ring takes its pages out of the
 * mapping: the next access maps them again, the same pages, and a tail
 * stored then is the ring's.  Before, that access got SIGBUS.
 */
TEST_F(session, a_mapped_ring_survives_madv_dontneed)
{
	struct ktrace_config c = { .events = KTRACE_EV_SYSCALL,
				   .ring_size = 16 << 10,
				   .flags = KTRACE_CFG_LOSSY };
	size_t map = sysconf(_SC_PAGESIZE) + (16 << 10);
	volatile struct ktrace_ring_page *ctl, *ctl2;
	pid_t pid;
	char first[64];
	__u64 head;
	int rw;

	rw = open(DEV_PATH, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, rw);
	ASSERT_EQ(0, ioctl(rw, KTRACE_IOC_CONFIGURE, &c));
	trace_many_on_cpu0(_metadata, rw, &pid);
	ctl = mmap(NULL, map, PROT_READ | PROT_WRITE, MAP_SHARED, rw,
		   KTRACE_MMAP_OFFSET(0));
	ASSERT_NE(MAP_FAILED, ctl);
	head = ctl->data_head;
	ASSERT_LT(ctl->data_tail, head);
	memcpy(first, (char *)ctl + ctl->data_offset, sizeof(first));
	ASSERT_EQ(0, madvise((void *)ctl, map, MADV_DONTNEED));
	EXPECT_EQ(head, ctl->data_head);
	EXPECT_EQ(0, memcmp(first, (char *)ctl + ctl->data_offset,
			    sizeof(first)));
	/* A tail stored then is in the ring's page: a new mapping sees it. */
	ASSERT_EQ(0, madvise((void *)ctl, map, MADV_DONTNEED));
	ctl->data_tail = head;
	ctl2 = mmap(NULL, sysconf(_SC_PAGESIZE), PROT_READ, MAP_SHARED, rw,
		    KTRACE_MMAP_OFFSET(0));
	ASSERT_NE(MAP_FAILED, ctl2);
	EXPECT_EQ(head, ctl2->data_tail);
	munmap((void *)ctl2, sysconf(_SC_PAGESIZE));
	munmap((void *)ctl, map);
	close(rw);
}

static void on_alarm(int sig)
{
}

/*
 * read() of 0 bytes returns 0 at once, records or none: nothing fits
 * and nothing is taken.  Before, it blocked while the session was empty
 * and failed with EINVAL once it held a record.
 */
TEST_F(session, zero_byte_read_returns_at_once)
{
	struct sigaction sa = { .sa_handler = on_alarm }, old;
	struct child a;
	size_t len;
	int fd;

	fd = open(DEV_PATH, O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, sess_config(fd, KTRACE_EV_SYSCALL, 0));
	a = spawn(do_getppid);
	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, pid_add(fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_ENABLE));
	/* Enabled and empty: a blocking read() of 0 bytes does not wait. */
	ASSERT_EQ(0, sigaction(SIGALRM, &sa, &old));
	alarm(5);
	EXPECT_EQ(0, read(fd, buf, 0)) TH_LOG("%s", strerror(errno));
	alarm(0);
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_DISABLE));
	/* With records: 0, and the records are all still there. */
	EXPECT_EQ(0, read(fd, buf, 0)) TH_LOG("%s", strerror(errno));
	ASSERT_EQ(0, fcntl(fd, F_SETFL, O_NONBLOCK));
	len = drain(fd);
	EXPECT_EQ(10, count_exits(len, a.pid, __NR_getppid));
	sigaction(SIGALRM, &old, NULL);
	close(fd);
}

/* Ten getppid() exits of a child, traced in @fd, which is then disabled. */
static pid_t trace_ten(struct __test_metadata *_metadata, int fd)
{
	struct child a = spawn(do_getppid);

	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, sess_config(fd, KTRACE_EV_SYSCALL, 0));
	ASSERT_EQ(0, pid_add(fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_DISABLE));
	return a.pid;
}

/*
 * The device reads by read() alone, at no offset: pread, preadv,
 * lseek, splice, sendfile and copy_file_range fail and take nothing;
 * readv() runs read() per segment, so a first segment shorter than a
 * record fails whole, and the records a longer one takes are whole.
 */
TEST_F(session, other_read_paths_take_nothing_readv_takes_whole_records)
{
	struct iovec iov[2];
	loff_t off = 0;
	size_t len;
	pid_t pid;
	int p[2];

	pid = trace_ten(_metadata, self->fd);
	ASSERT_EQ(0, pipe(p));
	EXPECT_EQ(-1, pread(self->fd, buf, BUF_SIZE, 0));
	EXPECT_EQ(ESPIPE, errno);
	iov[0].iov_base = buf;
	iov[0].iov_len = BUF_SIZE;
	EXPECT_EQ(-1, preadv(self->fd, iov, 1, 0));
	EXPECT_EQ(ESPIPE, errno);
	EXPECT_EQ(-1, lseek(self->fd, 0, SEEK_CUR));
	EXPECT_EQ(ESPIPE, errno);
	EXPECT_EQ(-1, splice(self->fd, NULL, p[1], NULL, 65536,
			     SPLICE_F_NONBLOCK));
	EXPECT_EQ(-1, sendfile(p[1], self->fd, NULL, 65536));
	EXPECT_EQ(-1, sendfile(p[1], self->fd, &off, 65536));
	EXPECT_EQ(-1, copy_file_range(self->fd, NULL, p[1], NULL, 65536, 0));
	/* Eight bytes first: EINVAL, as read() of them. */
	iov[0].iov_len = 8;
	iov[1].iov_base = buf + 8;
	iov[1].iov_len = BUF_SIZE - 8;
	EXPECT_EQ(-1, readv(self->fd, iov, 2));
	EXPECT_EQ(EINVAL, errno);
	/* Everything in the first, then EOF in an odd-sized second. */
	iov[0].iov_len = BUF_SIZE - 7;
	iov[1].iov_base = buf + BUF_SIZE - 7;
	iov[1].iov_len = 7;
	len = readv(self->fd, iov, 2);
	ASSERT_LT(0, (ssize_t)len);
	EXPECT_EQ(0, len % 8);
	EXPECT_EQ(10, count_exits(len, pid, __NR_getppid));
	close(p[0]);
	close(p[1]);
}

/*
 * A descriptor opened read-only maps its rings read-only (MAP_SHARED,
 * PROT_READ): the kernel leaves VM_SHARED out of such a mapping, which
 * the module took for MAP_PRIVATE and refused with EINVAL.  It sees the
 * records, cannot be made writable, and keeps the rings as any mapping.
 */
TEST_F(session, read_only_descriptor_maps_its_rings_read_only)
{
	struct ktrace_config c = { .events = KTRACE_EV_SYSCALL,
				   .ring_size = 16 << 10,
				   .flags = KTRACE_CFG_LOSSY };
	long page = sysconf(_SC_PAGESIZE);
	size_t map = page + (16 << 10);
	struct ktrace_ring_page *ctl;
	struct child a;
	char *m;

	ASSERT_EQ(O_RDONLY, fcntl(self->fd, F_GETFL) & O_ACCMODE);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	EXPECT_EQ(MAP_FAILED, mmap(NULL, map, PROT_READ | PROT_WRITE,
				   MAP_SHARED, self->fd,
				   KTRACE_MMAP_OFFSET(0)));
	EXPECT_EQ(EACCES, errno);
	EXPECT_EQ(MAP_FAILED, mmap(NULL, map, PROT_READ, MAP_PRIVATE,
				   self->fd, KTRACE_MMAP_OFFSET(0)));
	EXPECT_EQ(EINVAL, errno);
	m = mmap(NULL, map, PROT_READ, MAP_SHARED, self->fd,
		 KTRACE_MMAP_OFFSET(0));
	ASSERT_NE(MAP_FAILED, m) TH_LOG("%s", strerror(errno));
	ctl = (void *)m;
	EXPECT_EQ(KTRACE_RING_VERSION, ctl->version);
	EXPECT_EQ(page, ctl->data_offset);
	EXPECT_EQ(16 << 10, ctl->data_size);
	EXPECT_EQ(-1, mprotect(m, map, PROT_READ | PROT_WRITE));
	EXPECT_EQ(EACCES, errno);
	c.ring_size = 32 << 10;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	EXPECT_EQ(EBUSY, errno);

	/* The records of a child on CPU 0, seen through the mapping. */
	a = spawn(do_many_on_cpu0);
	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	EXPECT_LT(0, __atomic_load_n(&ctl->data_head, __ATOMIC_ACQUIRE));
	ASSERT_EQ(0, madvise(m, map, MADV_DONTNEED));
	EXPECT_EQ(16 << 10, ctl->data_size);
	EXPECT_EQ(0, munmap(m, map));
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
}

/*
 * A mapping moved with mremap() still keeps the rings (its new vma counts,
 * the old one's close does not forget it); it cannot grow or be left
 * behind (MREMAP_DONTUNMAP), and pages spliced from it into a pipe
 * outlive the rings that CONFIGURE frees once it is gone.
 */
TEST_F(session, a_moved_mapping_keeps_the_rings_and_spliced_pages_outlive_them)
{
	struct ktrace_config c = { .events = KTRACE_EV_SYSCALL,
				   .ring_size = 16 << 10 };
	long page = sysconf(_SC_PAGESIZE);
	size_t map = page + (16 << 10);
	struct ktrace_ring_page *ctl;
	struct iovec v;
	char *m, *to;
	ssize_t n;
	int p[2];

	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	m = mmap(NULL, map, PROT_READ, MAP_SHARED, self->fd,
		 KTRACE_MMAP_OFFSET(0));
	ASSERT_NE(MAP_FAILED, m);
	to = mmap(NULL, 2 * map, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, to);
	EXPECT_EQ(MAP_FAILED, mremap(m, map, 2 * map, MREMAP_MAYMOVE));
	EXPECT_EQ(MAP_FAILED, mremap(m, map, map,
				     MREMAP_MAYMOVE | MREMAP_DONTUNMAP));
	m = mremap(m, map, map, MREMAP_MAYMOVE | MREMAP_FIXED, to);
	ASSERT_EQ(to, m);
	ctl = (void *)m;
	EXPECT_EQ(16 << 10, ctl->data_size);
	ASSERT_EQ(0, madvise(m, map, MADV_DONTNEED));
	EXPECT_EQ(16 << 10, ctl->data_size);
	c.ring_size = 32 << 10;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	EXPECT_EQ(EBUSY, errno);

	ASSERT_EQ(0, pipe(p));
	v.iov_base = m;
	v.iov_len = page * 2;
	EXPECT_EQ(page * 2, vmsplice(p[1], &v, 1, 0));
	ASSERT_EQ(0, munmap(m, map));
	/* The rings go; the pipe still holds two of their pages. */
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	n = read(p[0], buf, page * 2);
	EXPECT_EQ(page * 2, n);
	EXPECT_EQ(16 << 10, ((struct ktrace_ring_page *)buf)->data_size);
	close(p[0]);
	close(p[1]);
	munmap(to + map, map);
}

/*
 * A child that inherited the descriptor reads the session after its
 * parent closed its own: the file, and the session, are the child's.
 */
TEST_F(session, child_reads_what_its_parent_closed)
{
	pid_t pid, reader;
	int status;

	pid = trace_ten(_metadata, self->fd);
	reader = fork();
	ASSERT_LE(0, reader);
	if (!reader) {
		usleep(100000);
		_exit(count_exits(drain(self->fd), pid, __NR_getppid));
	}
	ASSERT_EQ(0, close(self->fd));
	self->fd = sess_open();
	ASSERT_EQ(reader, waitpid(reader, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	EXPECT_EQ(10, WEXITSTATUS(status));
}

struct ep_wait {
	int ep;
	int n;
};

static void *ep_waiter(void *arg)
{
	struct ep_wait *w = arg;
	struct epoll_event ev;

	w->n = epoll_wait(w->ep, &ev, 1, 300);
	return NULL;
}

/*
 * Edge-triggered epoll of a session whose descriptor is closed while a
 * thread waits on it: the file, and its wait queue, stay until the
 * epoll instance lets go of them; the session goes with the last close.
 */
TEST_F(session, edge_triggered_epoll_of_a_closed_descriptor)
{
	struct epoll_event ev = { .events = EPOLLIN | EPOLLET };
	struct ep_wait w;
	pthread_t th;
	int fd, i;

	w.ep = epoll_create1(EPOLL_CLOEXEC);
	ASSERT_LE(0, w.ep);
	for (i = 0; i < 20; i++) {
		fd = sess_open();
		ASSERT_LE(0, fd);
		ASSERT_EQ(0, sess_config(fd, KTRACE_EV_SYSCALL,
					 KTRACE_CFG_TRACE_SELF));
		ev.data.fd = fd;
		ASSERT_EQ(0, epoll_ctl(w.ep, EPOLL_CTL_ADD, fd, &ev));
		ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_ENABLE));
		ASSERT_EQ(0, pthread_create(&th, NULL, ep_waiter, &w));
		usleep(i * 1000);
		if (i % 2)
			ioctl(fd, KTRACE_IOC_DISABLE);
		ASSERT_EQ(0, close(fd));
		ASSERT_EQ(0, pthread_join(th, NULL));
		EXPECT_LE(0, w.n);
	}
	close(w.ep);
}

/* PID_DEL on a session without a PID filter leaves it tracing all. */
TEST_F(session, pid_del_leaves_an_unfiltered_session_whole)
{
	struct ktrace_pid p = { .pid = getpid(),
				.flags = KTRACE_PID_THREAD_GROUP };
	struct child a = spawn(do_getppid);
	size_t len;

	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_SYSCALL, 0));
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_PID_DEL, &p));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	EXPECT_EQ(10, count_exits(len, a.pid, __NR_getppid));
}

TEST_F(session, idle_module_attaches_no_probe)
{
	int key, attached;

	if (probe_state("sys_enter", &key, &attached))
		SKIP(return, "no %s", PROBES_PATH);
	/* Nothing else traces in the test VM: the keys are ours alone. */
	EXPECT_EQ(0, key);
	EXPECT_EQ(0, attached);
	ASSERT_EQ(0, probe_state("sched_process_fork", &key, &attached));
	EXPECT_EQ(0, key);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_ALL, 0));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	ASSERT_EQ(0, probe_state("sys_enter", &key, &attached));
	EXPECT_EQ(1, key);
	EXPECT_EQ(1, attached);
	ASSERT_EQ(0, probe_state("signal_deliver", &key, &attached));
	EXPECT_EQ(1, key);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	ASSERT_EQ(0, probe_state("sys_enter", &key, &attached));
	EXPECT_EQ(0, key);
	EXPECT_EQ(0, attached);
}

/* Random commands, sizes and pointers: errors, never an oops. */
TEST_F_TIMEOUT(session, random_ioctls_fail_cleanly, 120)
{
	static unsigned char junk[8192];
	unsigned int i, seed = 12345;
	void *ptrs[] = { NULL, (void *)8, junk, junk + sizeof(junk) - 16,
			 (void *)-1UL };

	for (i = 0; i < 20000; i++) {
		unsigned int dir = rand_r(&seed) % 4, nr = rand_r(&seed) % 0x20;
		unsigned int size = rand_r(&seed) % 600;
		unsigned long cmd = _IOC(dir, KTRACE_IOC_MAGIC, nr, size);
		unsigned int k;

		if (rand_r(&seed) % 8 == 0)
			cmd = rand_r(&seed);
		/* Never enable: a random PID filter could hide everything. */
		if (cmd == KTRACE_IOC_ENABLE)
			continue;
		for (k = 0; k < 64; k++)
			junk[rand_r(&seed) % sizeof(junk)] = rand_r(&seed);
		ioctl(self->fd, cmd, ptrs[rand_r(&seed) % 5]);
	}
	/* The session still works. */
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_ALL, 0));
}

static void do_getpid(void)
{
	int i;

	for (i = 0; i < 5; i++)
		syscall(__NR_getpid);
}

TEST_F(session, reused_pid_after_exit_while_disabled_is_untraced)
{
	struct child a, b;
	size_t len;

	small_pid_space();
	a = spawn(do_getppid);
	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_ALL, 0));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	/* The target exits and is reaped while nothing traces. */
	EXPECT_EQ(0, run(&a));
	if (spawn_at(&b, do_getpid, a.pid))
		SKIP(return, "cannot have pid %d again", a.pid);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&b));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	/*
	 * The first process's reap record may come now: the task is freed
	 * an RCU grace period after its reap, and it was traced.  Nothing
	 * else of that pid may.
	 */
	EXPECT_EQ(0, count_tgid(len, b.pid) - count_reaps(len, b.pid));
}

TEST_F(session, reused_pid_while_enabled_is_untraced)
{
	struct child a, b;
	size_t len;

	small_pid_space();
	a = spawn(do_getppid);
	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_SYSCALL, 0));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	/* Straight after the reap: within the grace period of its free. */
	if (spawn_at(&b, do_getpid, a.pid))
		SKIP(return, "cannot have pid %d again", a.pid);
	EXPECT_EQ(0, run(&b));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	EXPECT_EQ(10, count_exits(len, a.pid, __NR_getppid));
	EXPECT_EQ(0, count_exits(len, b.pid, __NR_getpid));
}

/*
 * Followed parent: a child that exits at once, then a second child with
 * the first one's pid, which waits out a grace period before its calls.
 */
static void do_sleep_then_getpid(void)
{
	struct timespec wait = { 0, 200000000 };

	nanosleep(&wait, NULL);
	do_getpid();
}

static void do_fork_reuse_sleeper(void)
{
	pid_t first = fork();
	struct child c;

	if (first == 0)
		_exit(0);
	waitpid(first, NULL, 0);
	if (spawn_at(&c, do_sleep_then_getpid, first))
		_exit(3);
	if (run(&c))
		_exit(1);
}

TEST_F(session, followed_child_keeps_reused_pid)
{
	const struct ktrace_rec_hdr *h;
	struct child a;
	pid_t first = 0, last = 0;
	size_t len;
	int status;

	small_pid_space();
	a = spawn(do_fork_reuse_sleeper);
	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_ALL, 0));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP |
			     KTRACE_PID_FOLLOW));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	status = run(&a);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	if (status == 3)
		SKIP(return, "cannot have a pid again");
	EXPECT_EQ(0, status);
	len = drain(self->fd);
	for (h = rec_first(); rec_ok(h, len); h = rec_next(h)) {
		const struct ktrace_rec_fork *f = (const void *)h;

		if (h->type == KTRACE_REC_FORK && h->tgid == a.pid) {
			if (!first)
				first = f->child_tgid;
			last = f->child_tgid;
		}
	}
	ASSERT_NE(0, first);
	ASSERT_EQ(first, last);
	/* Its first child's end must not take the second one out. */
	EXPECT_EQ(5, count_exits(len, last, __NR_getpid));
}

/*
 * Many threads parked in futex() at once, each well over min_duration,
 * with thread ids scattered over the pid space as on a busy system.
 */
#define PARKED		1000
#define PARK_NS		100000000

static int park_word, park_ready;

static void *park(void *arg)
{
	__atomic_add_fetch(&park_ready, 1, __ATOMIC_SEQ_CST);
	while (!__atomic_load_n(&park_word, __ATOMIC_SEQ_CST))
		syscall(__NR_futex, &park_word, FUTEX_WAIT_PRIVATE, 0, NULL,
			NULL, 0);
	return NULL;
}

/*
 * Once the @n threads of @th have counted themselves in park(), let them
 * reach futex() and stay there for long, then wake and join them all.
 */
static void park_release(pthread_t *th, int n)
{
	struct timespec poll = { 0, 10000000 }, wait = { 0, 3 * PARK_NS };
	int i;

	while (__atomic_load_n(&park_ready, __ATOMIC_SEQ_CST) < n)
		nanosleep(&poll, NULL);
	/* The last ones counted themselves: let them reach futex(). */
	nanosleep(&wait, NULL);
	__atomic_store_n(&park_word, 1, __ATOMIC_SEQ_CST);
	syscall(__NR_futex, &park_word, FUTEX_WAKE_PRIVATE, INT_MAX, NULL,
		NULL, 0);
	for (i = 0; i < n; i++)
		pthread_join(th[i], NULL);
}

/* The futex() exits of @tgid's other threads that lasted PARK_NS or more. */
static int count_parked(size_t len, pid_t tgid)
{
	const struct ktrace_rec_hdr *h;
	int parked = 0;

	for (h = rec_first(); rec_ok(h, len); h = rec_next(h)) {
		const struct ktrace_rec_sys_exit *x = (const void *)h;

		if (h->type == KTRACE_REC_SYS_EXIT && x->nr == __NR_futex &&
		    h->tgid == tgid && h->pid != tgid &&
		    x->duration >= PARK_NS)
			parked++;
	}
	return parked;
}

static void do_park_threads(void)
{
	int fd = open("/proc/sys/kernel/ns_last_pid", O_WRONLY | O_CLOEXEC);
	unsigned int seed = 1, max = read_pid_max();
	static pthread_t th[PARKED];
	pthread_attr_t attr;
	char num[16];
	int i, n;

	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 << 10);
	for (i = 0; i < PARKED; i++) {
		n = snprintf(num, sizeof(num), "%u",
			     300 + rand_r(&seed) % (max - 400));
		if (fd >= 0 && pwrite(fd, num, n, 0) != n)
			_exit(3);
		if (pthread_create(&th[i], &attr, park, NULL))
			_exit(2);
	}
	park_release(th, PARKED);
}

TEST_F_TIMEOUT(session, min_duration_keeps_every_parked_thread, 240)
{
	struct ktrace_config c = { .events = KTRACE_EV_SYSCALL,
				   .ring_size = 4 << 20 };
	struct ktrace_status st = { .status = KTRACE_STATUS_ALL,
				    .min_duration = PARK_NS };
	struct child a = spawn(do_park_threads);
	struct ktrace_stats stats;
	size_t len;
	int parked;

	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SET_STATUS, &st));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &stats));
	len = drain(self->fd);
	parked = count_parked(len, a.pid);
	/* Every parked call is in the trace, or counted as lost. */
	EXPECT_EQ(PARKED, parked + stats.lost_full + stats.lost_nest)
		TH_LOG("%d of %d parked calls, %llu lost", parked, PARKED,
		       (unsigned long long)(stats.lost_full + stats.lost_nest));
}

/*
 * More threads parked at once in one bucket of the enter table than it
 * has slots.  This mirrors module/probes.c: a part per possible CPU, of
 * at least 2048 slots in all and 128 buckets a CPU, 8 slots a bucket,
 * hash_32() of the thread id.  The threads run on CPU 0, with ids chosen
 * to share a bucket; should the table change, they no longer crowd one
 * and the calls are all timed, which the test also accepts.
 */
#define CROWD		12

static pid_t crowd_tids[CROWD];

static unsigned int enter_bits(void)
{
	FILE *f = fopen("/sys/devices/system/cpu/possible", "r");
	unsigned int first = 0, last = 0, per_cpu, bits = 0;

	if (f) {
		if (fscanf(f, "%u-%u", &first, &last) < 1)
			last = 0;
		fclose(f);
	}
	if (last < first)
		last = first;
	per_cpu = (2048 + last) / (last + 1);
	while ((1U << bits) < per_cpu)
		bits++;
	return bits < 7 ? 7 : bits;
}

static unsigned int enter_bucket(pid_t tid, unsigned int bits)
{
	return ((unsigned int)tid * 0x61C88647U) >> (32 - bits);
}

/* Free thread ids that share a bucket, none of them the caller's. */
static int crowd_pick(void)
{
	unsigned int bits = enter_bits(), max = read_pid_max(), b = 0;
	pid_t tid;
	int n = 0;

	for (tid = 2000; tid < (pid_t)max && n < CROWD; tid++) {
		if (!kill(tid, 0) || errno != ESRCH)
			continue;
		if (!n) {
			b = enter_bucket(tid, bits);
			if (b == enter_bucket(getpid(), bits))
				continue;
		} else if (enter_bucket(tid, bits) != b) {
			continue;
		}
		crowd_tids[n++] = tid;
	}
	return n == CROWD ? 0 : -1;
}

static void do_crowd_threads(void)
{
	int fd = open("/proc/sys/kernel/ns_last_pid", O_WRONLY | O_CLOEXEC);
	pthread_t th[CROWD];
	cpu_set_t cpus;
	char num[16];
	int i, n;

	CPU_ZERO(&cpus);
	CPU_SET(0, &cpus);
	if (fd < 0 || sched_setaffinity(0, sizeof(cpus), &cpus))
		_exit(3);
	for (i = 0; i < CROWD; i++) {
		n = snprintf(num, sizeof(num), "%d", crowd_tids[i] - 1);
		if (pwrite(fd, num, n, 0) != n)
			_exit(3);
		if (pthread_create(&th[i], NULL, park, NULL))
			_exit(2);
	}
	park_release(th, CROWD);
}

TEST_F_TIMEOUT(session, min_duration_counts_calls_it_cannot_time, 120)
{
	struct ktrace_syscalls sc = { .abi = KTRACE_ABI_NATIVE };
	struct ktrace_status st = { .status = KTRACE_STATUS_ALL,
				    .min_duration = PARK_NS };
	struct ktrace_stats stats;
	struct child a;
	__u64 lost;
	size_t len;
	int parked;

	if (!have_ns_last_pid())
		SKIP(return, "no /proc/sys/kernel/ns_last_pid");
	if (crowd_pick())
		SKIP(return, "no %d free thread ids in one bucket", CROWD);
	a = spawn(do_crowd_threads);
	ASSERT_LT(0, a.pid);
	sc.bits[__NR_futex / 64] = 1ULL << (__NR_futex % 64);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_SYSCALL, 0));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SET_SYSCALLS, &sc));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SET_STATUS, &st));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &stats));
	len = drain(self->fd);
	parked = count_parked(len, a.pid);
	lost = stats.lost_full + stats.lost_nest;
	TH_LOG("%d of %d parked calls timed, %llu lost", parked, CROWD,
	       (unsigned long long)lost);
	/* Those without a slot are lost, and said to be. */
	EXPECT_LE(CROWD, parked + lost);
}

#define X32_BIT		0x40000000U

static void do_odd_numbers(void)
{
	syscall(-1);
	syscall(X32_BIT | __NR_getppid);
}

TEST_F(session, exit_keeps_every_bit_of_the_number)
{
	struct child a = spawn(do_odd_numbers);
	const struct ktrace_rec_hdr *h;
	int enters = 0, exits = 0;
	size_t len;

	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_SYSCALL, 0));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	for (h = rec_first(); rec_ok(h, len); h = rec_next(h)) {
		const struct ktrace_rec_sys_enter *e = (const void *)h;
		const struct ktrace_rec_sys_exit *x = (const void *)h;

		if (h->tgid != a.pid)
			continue;
		if (h->type == KTRACE_REC_SYS_ENTER &&
		    (e->nr == ~0U || e->nr == (X32_BIT | __NR_getppid)))
			enters++;
		if (h->type == KTRACE_REC_SYS_EXIT &&
		    (x->nr == ~0U || x->nr == (X32_BIT | __NR_getppid)))
			exits++;
	}
	EXPECT_EQ(2, enters);
	EXPECT_EQ(2, exits);
}

static void on_usr1(int sig)
{
}

/* A plain call, a signal handler's return, an exec. */
static void do_replace_registers(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };

	syscall(__NR_getppid);
	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	execl("/bin/true", "true", "an-argument", (char *)NULL);
	_exit(1);
}

TEST_F(session, late_enter_marks_arguments_the_call_replaced)
{
	struct ktrace_status st = { .status = KTRACE_STATUS_SUCCESSFUL };
	struct child a;
	const struct ktrace_rec_hdr *h;
	int getppids = 0, sigreturns = 0, execs = 0;
	size_t len;

	if (access("/bin/true", X_OK))
		SKIP(return, "no /bin/true");
	a = spawn(do_replace_registers);
	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_SYSCALL, 0));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SET_STATUS, &st));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	for (h = rec_first(); rec_ok(h, len); h = rec_next(h)) {
		const struct ktrace_rec_sys_enter *e = (const void *)h;
		static const __u64 zero[6];

		if (h->tgid != a.pid || h->type != KTRACE_REC_SYS_ENTER)
			continue;
		if (e->nr == __NR_getppid && getppids++ == 0) {
			EXPECT_EQ(0, h->flags & KTRACE_RF_ARGS_LOST);
		} else if (e->nr == __NR_rt_sigreturn) {
			sigreturns++;
			EXPECT_EQ(KTRACE_RF_ARGS_LOST,
				  h->flags & KTRACE_RF_ARGS_LOST);
			EXPECT_EQ(0, memcmp(zero, e->args, sizeof(zero)));
			EXPECT_EQ(0, e->nblobs);
		} else if (e->nr == __NR_execve) {
			execs++;
			EXPECT_EQ(KTRACE_RF_ARGS_LOST,
				  h->flags & KTRACE_RF_ARGS_LOST);
			EXPECT_EQ(0, memcmp(zero, e->args, sizeof(zero)));
			EXPECT_EQ(0, e->nblobs);
		}
	}
	EXPECT_LE(1, getppids);
	EXPECT_EQ(1, sigreturns);
	EXPECT_EQ(1, execs);
}

/* A failed exec, a failed plain call, then do_replace_registers(). */
static void do_keep_args(void)
{
	execl("/nonexistent/true", "true", (char *)NULL);
	close(-1);
	do_replace_registers();
}

/*
 * KTRACE_STATUS_KEEP_ARGS: the calls that may replace their arguments
 * are recorded as without the filter, the enter when they enter, with
 * their arguments, and the exit whatever their status; the others as
 * the filter says.
 */
TEST_F(session, keep_args_records_replacing_calls_whole)
{
	struct ktrace_status st = {
		.status = KTRACE_STATUS_SUCCESSFUL,
		.flags = KTRACE_STATUS_KEEP_ARGS,
	};
	int sigreturns = 0, execs = 0, exec_exits = 0, closes = 0;
	const struct ktrace_rec_hdr *h;
	struct child a;
	size_t len;

	if (access("/bin/true", X_OK))
		SKIP(return, "no /bin/true");
	a = spawn(do_keep_args);
	ASSERT_LT(0, a.pid);
	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_SYSCALL, 0));
	ASSERT_EQ(0, pid_add(self->fd, a.pid, KTRACE_PID_THREAD_GROUP));
	st.flags = ~0U;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_SET_STATUS, &st));
	EXPECT_EQ(EINVAL, errno);
	st.flags = KTRACE_STATUS_KEEP_ARGS;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SET_STATUS, &st));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	EXPECT_EQ(0, run(&a));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	for (h = rec_first(); rec_ok(h, len); h = rec_next(h)) {
		const struct ktrace_rec_sys_enter *e = (const void *)h;
		const struct ktrace_rec_sys_exit *x = (const void *)h;

		if (h->tgid != a.pid)
			continue;
		if (h->type == KTRACE_REC_SYS_EXIT && x->nr == __NR_execve) {
			/* The failed one first, then the one that ran. */
			EXPECT_EQ(exec_exits ? 0 : -ENOENT, x->ret);
			exec_exits++;
		}
		if (h->type == KTRACE_REC_SYS_EXIT && x->nr == __NR_close)
			closes++;
		if (h->type != KTRACE_REC_SYS_ENTER)
			continue;
		if (e->nr == __NR_close && (int)e->args[0] == -1)
			closes++;
		if (e->nr == __NR_rt_sigreturn) {
			sigreturns++;
			EXPECT_EQ(0, h->flags & KTRACE_RF_ARGS_LOST);
		} else if (e->nr == __NR_execve) {
			execs++;
			EXPECT_EQ(0, h->flags & KTRACE_RF_ARGS_LOST);
			EXPECT_NE(0, e->args[0]);
			EXPECT_NE(0, e->args[1]);
			EXPECT_LE(2, e->nblobs);	/* path, argv */
		}
	}
	EXPECT_EQ(1, sigreturns);
	EXPECT_EQ(2, execs);
	EXPECT_EQ(2, exec_exits);
	EXPECT_EQ(0, closes);
}

/*
 * Threads that all leave at once, the main thread with them.  A process
 * sharing their memory (CLONE_VM, not a thread) keeps taking the mmap
 * lock for writing meanwhile, so that they linger in exit_mm(): between
 * the moment each leaves signal->live and its exit tracepoint.
 */
#define LEAVERS		16
#define CHURN_NS	300000000LL

static int leave_word, leave_ready;
static char churn_stack[64 << 10] __attribute__((aligned(16)));

static long long now_ns(void)
{
	struct timespec t;

	syscall(__NR_clock_gettime, CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int churn(void *arg)
{
	long long end = now_ns() + CHURN_NS;
	long p;

	/* Its own copy of the files: the session's must not outlive the test. */
	syscall(__NR_close_range, 3, ~0U, 0);
	while (now_ns() < end) {
		p = syscall(__NR_mmap, NULL, 4096, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p != -1)
			syscall(__NR_munmap, p, 4096);
	}
	syscall(__NR_exit, 0);
	return 0;
}

static void *leave(void *arg)
{
	__atomic_add_fetch(&leave_ready, 1, __ATOMIC_SEQ_CST);
	while (!__atomic_load_n(&leave_word, __ATOMIC_SEQ_CST))
		syscall(__NR_futex, &leave_word, FUTEX_WAIT_PRIVATE, 0, NULL,
			NULL, 0);
	syscall(__NR_exit, 0);
	return NULL;
}

static void do_leave_together(void)
{
	struct timespec wait = { 0, 1000000 };
	pthread_t th;
	int i;

	for (i = 0; i < LEAVERS; i++)
		if (pthread_create(&th, NULL, leave, NULL))
			_exit(2);
	while (__atomic_load_n(&leave_ready, __ATOMIC_SEQ_CST) < LEAVERS)
		nanosleep(&wait, NULL);
	nanosleep(&wait, NULL);
	if (clone(churn, churn_stack + sizeof(churn_stack), CLONE_VM | SIGCHLD,
		  NULL) < 0)
		_exit(3);
	__atomic_store_n(&leave_word, 1, __ATOMIC_SEQ_CST);
	syscall(__NR_futex, &leave_word, FUTEX_WAKE_PRIVATE, INT_MAX, NULL,
		NULL, 0);
	syscall(__NR_exit, 0);
}

TEST_F_TIMEOUT(session, one_group_dead_among_threads_leaving_together, 120)
{
	struct child kids[8];
	const struct ktrace_rec_hdr *h;
	unsigned int i;
	size_t len;

	ASSERT_EQ(0, sess_config(self->fd, KTRACE_EV_LIFECYCLE, 0));
	for (i = 0; i < 8; i++) {
		kids[i] = spawn(do_leave_together);
		ASSERT_LT(0, kids[i].pid);
		ASSERT_EQ(0, pid_add(self->fd, kids[i].pid,
				     KTRACE_PID_THREAD_GROUP));
	}
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	for (i = 0; i < 8; i++)
		EXPECT_EQ(0, run(&kids[i]));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	for (i = 0; i < 8; i++) {
		int exits = 0, dead = 0;

		for (h = rec_first(); rec_ok(h, len); h = rec_next(h)) {
			const struct ktrace_rec_exit *x = (const void *)h;

			if (h->type != KTRACE_REC_EXIT || h->tgid != kids[i].pid)
				continue;
			exits++;
			if (x->exit_flags & KTRACE_EXIT_GROUP_DEAD)
				dead++;
		}
		/* Every thread's exit, and one of them says the group died. */
		EXPECT_EQ(LEAVERS + 1, exits);
		EXPECT_EQ(1, dead) TH_LOG("process %d", kids[i].pid);
	}
}

/*
 * A thread traced by its tid alone that execs takes its leader's pid
 * (de_thread()): it stays traced under that pid, as the leader, never
 * traced, was not.  The session is the only one and has a PID filter, so
 * the syscall probes skip the walk of the sessions for every task whose
 * numbers no session holds: the new pid must be among them by its first
 * syscall.
 */
static int thread_tid_pipe[2], thread_go_pipe[2];

/* In a child's second thread: tell the test its tid, wait for its go. */
static void thread_wait_go(void)
{
	pid_t tid = syscall(__NR_gettid);
	char x;

	if (write(thread_tid_pipe[1], &tid, sizeof(tid)) != sizeof(tid) ||
	    read(thread_go_pipe[0], &x, 1) != 1)
		_exit(4);
}

/*
 * Fork a child whose second thread runs @fn (which begins with
 * thread_wait_go()) once the session traces that thread, by its tid in
 * *@tid with PID @flags, and is enabled; reap the child and disable the
 * session.  Returns the child's pid, or -1 (also when it did not exit 0).
 */
static pid_t trace_thread_child(int fd, void *(*fn)(void *), __u32 flags,
				pid_t *tid)
{
	int ok, status;
	pid_t child;

	if (pipe(thread_tid_pipe) || pipe(thread_go_pipe))
		return -1;
	child = fork();
	if (child == 0) {
		pthread_t th;

		if (pthread_create(&th, NULL, fn, NULL))
			_exit(2);
		for (;;)
			pause();	/* until the thread ends the process */
	}
	ok = child > 0 &&
	     read(thread_tid_pipe[0], tid, sizeof(*tid)) == sizeof(*tid) &&
	     !sess_config(fd, KTRACE_EV_ALL, 0) && !pid_add(fd, *tid, flags) &&
	     !ioctl(fd, KTRACE_IOC_ENABLE) &&
	     write(thread_go_pipe[1], "g", 1) == 1;
	if (child > 0 && !ok)
		kill(child, SIGKILL);
	if (child > 0 && (waitpid(child, &status, 0) != child ||
			  !WIFEXITED(status) || WEXITSTATUS(status)))
		ok = 0;
	if (ioctl(fd, KTRACE_IOC_DISABLE))
		ok = 0;
	close(thread_tid_pipe[0]);
	close(thread_tid_pipe[1]);
	close(thread_go_pipe[0]);
	close(thread_go_pipe[1]);
	return ok ? child : -1;
}

/*
 * A thread traced by its tid alone that execs takes its leader's pid
 * (de_thread()): it stays traced under that pid, as the leader, never
 * traced, was not.  The session is the only one and has a PID filter, so
 * the syscall probes skip the walk of the sessions for every task whose
 * numbers no session holds: the new pid must be among them by its first
 * syscall.
 */
static void *exec_by_thread(void *arg)
{
	char true_path[] = "/bin/true";
	char *argv[2];

	argv[0] = true_path;
	argv[1] = NULL;
	thread_wait_go();
	execv(argv[0], argv);
	_exit(5);
}

TEST_F(session, thread_exec_stays_traced_under_the_leader_pid)
{
	const struct ktrace_rec_hdr *h;
	pid_t tid = 0, child = trace_thread_child(self->fd, exec_by_thread, 0,
						  &tid);
	int reads = 0, exits = 0, leader = 0;
	size_t len;

	ASSERT_LT(0, child);
	ASSERT_NE(child, tid);
	len = drain(self->fd);
	for (h = rec_first(); rec_ok(h, len); h = rec_next(h)) {
		const struct ktrace_rec_sys_enter *e = (const void *)h;

		if (h->type == KTRACE_REC_SYS_EXIT && h->pid == tid &&
		    e->nr == __NR_read)
			reads++;
		if (h->type != KTRACE_REC_SYS_ENTER || h->pid != child)
			continue;
		leader++;
		if (e->nr == __NR_exit_group)
			exits++;
	}
	/* The read() that let the thread go, under its own tid. */
	EXPECT_EQ(1, reads);
	/* /bin/true's calls under the leader's pid, to its exit_group(). */
	EXPECT_LT(3, leader);
	EXPECT_EQ(1, exits);
}

/*
 * A thread traced by its tid and followed: a thread it creates joins by
 * its own tid, before its first syscall, with the probes skipping the
 * walk for every task no session holds (as above).
 */
static void *five_getppid(void *arg)
{
	int i;

	for (i = 0; i < 5; i++)
		syscall(__NR_getppid);
	return NULL;
}

static void *spawn_by_thread(void *arg)
{
	pthread_t th;

	thread_wait_go();
	if (pthread_create(&th, NULL, five_getppid, NULL) ||
	    pthread_join(th, NULL))
		_exit(5);
	_exit(0);
}

TEST_F(session, followed_thread_brings_its_new_thread)
{
	const struct ktrace_rec_hdr *h;
	pid_t tid = 0, child = trace_thread_child(self->fd, spawn_by_thread,
						  KTRACE_PID_FOLLOW, &tid);
	int mine = 0, new = 0, other = 0;
	size_t len;

	ASSERT_LT(0, child);
	len = drain(self->fd);
	for (h = rec_first(); rec_ok(h, len); h = rec_next(h)) {
		const struct ktrace_rec_sys_exit *x = (const void *)h;

		if (h->type != KTRACE_REC_SYS_EXIT)
			continue;
		if (h->pid == tid)
			mine++;
		else if (h->tgid == child && x->nr == __NR_getppid)
			new++;
		else if (h->tgid == child)
			other += h->pid == child;
	}
	EXPECT_LT(0, mine);
	EXPECT_EQ(5, new);
	/* The leader, neither added nor forked by the thread, stays out. */
	EXPECT_EQ(0, other);
}

/*
 * Children @a and @b, waiting; a second session tracing @a alone; the
 * session @fd tracing @b alone when @filter_b, else everything; both
 * enabled.  Returns the second session's fd, or -1.
 */
static int two_sessions(int fd, struct child *a, struct child *b,
			bool filter_b)
{
	int fd2;

	/* Before the open: a child holding fd2 would keep it from closing. */
	*a = spawn(do_getppid);
	*b = spawn(do_getppid);
	fd2 = sess_open();
	if (fd2 < 0 || a->pid <= 0 || b->pid <= 0 ||
	    sess_config(fd2, KTRACE_EV_ALL, 0) ||
	    pid_add(fd2, a->pid, KTRACE_PID_THREAD_GROUP) ||
	    ioctl(fd2, KTRACE_IOC_ENABLE) ||
	    sess_config(fd, KTRACE_EV_ALL, 0) ||
	    (filter_b && pid_add(fd, b->pid, KTRACE_PID_THREAD_GROUP)) ||
	    ioctl(fd, KTRACE_IOC_ENABLE)) {
		if (fd2 >= 0)
			close(fd2);
		return -1;
	}
	return fd2;
}

/*
 * Two sessions with PID filters: when one closes, the probes' superset of
 * traced pids (filter.c) still holds the other's, which traces on.
 */
TEST_F(session, other_filtered_session_traces_on_after_a_close)
{
	struct child a, b;
	int fd2 = two_sessions(self->fd, &a, &b, true);
	size_t len;

	ASSERT_LE(0, fd2);
	close(fd2);
	EXPECT_EQ(0, run(&a));
	EXPECT_EQ(0, run(&b));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	EXPECT_EQ(10, count_exits(len, b.pid, __NR_getppid));
	EXPECT_EQ(0, count_tgid(len, a.pid));
}

/*
 * A session with no PID filter next to one with: the first may trace any
 * task, and the probes must not skip one that only it traces.
 */
TEST_F(session, unfiltered_session_sees_what_a_filtered_one_leaves)
{
	struct child a, b;
	int fd2 = two_sessions(self->fd, &a, &b, false);
	size_t len;

	ASSERT_LE(0, fd2);
	EXPECT_EQ(0, run(&a));
	EXPECT_EQ(0, run(&b));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	ASSERT_EQ(0, ioctl(fd2, KTRACE_IOC_DISABLE));
	len = drain(self->fd);
	EXPECT_EQ(10, count_exits(len, a.pid, __NR_getppid));
	EXPECT_EQ(10, count_exits(len, b.pid, __NR_getppid));
	len = drain(fd2);
	EXPECT_EQ(10, count_exits(len, a.pid, __NR_getppid));
	EXPECT_EQ(0, count_tgid(len, b.pid));
	close(fd2);
}

TEST_HARNESS_MAIN
