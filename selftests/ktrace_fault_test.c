// SPDX-License-Identifier: GPL-2.0
/*
 * Faults around a session: each allocation of open(), KTRACE_IOC_CONFIGURE
 * (with and without the counters by process), KTRACE_IOC_ENABLE and
 * KTRACE_IOC_PID_ADD made to fail in turn; CPU 1 taken offline and back
 * while tracing; the module asked to unload while it is in use; a consumer
 * killed while it reads a mapped ring; the owner of a session killed while
 * a process it traces waits for it to read; the memory_max parameter
 * bounding what the sessions hold, on every kernel.
 *
 * Allocation failures come from the kernel's fault injection (debug kernel
 * only: CONFIG_FAULT_INJECTION, CONFIG_FAILSLAB, CONFIG_FAIL_PAGE_ALLOC,
 * CONFIG_FAULT_INJECTION_DEBUG_FS), driven through the calling thread's
 * /proc/thread-self/fail-nth, see
 * Documentation/fault-injection/fault-injection.rst.  For n = 1, 2, ...
 * the call is made with its nth allocation failing ("nth" variant), or its
 * nth and every later one ("nth_and_later": failslab and fail_page_alloc
 * at probability 100 for this task alone, so that a fallback fails too),
 * until it succeeds with no fault injected.  Each call must succeed or
 * fail with ENOMEM, and the session must work afterwards.
 *
 * A failed vmalloc() prints a warning with a stack trace, which is no
 * bug; while faults are injected the console only shows errors and worse,
 * and the tests read the kernel log themselves for reports.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/socket.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/ktrace.h>

#include "../kselftest_harness.h"

#define DEV_PATH	"/dev/ktrace"
#define DEBUGFS		"/sys/kernel/debug/"
#define RINGS_PATH	DEBUGFS "ktrace/rings"
#define PROBES_PATH	DEBUGFS "ktrace/probes"
#define PARAM_RING	"/sys/module/ktrace/parameters/ring_size"
#define PRINTK		"/proc/sys/kernel/printk"
#define CPU1_ONLINE	"/sys/devices/system/cpu/cpu1/online"
#define READ_BUF	(1 << 20)
#define SMALL_RING	(16 << 10)
#define BIG_RING	(64 << 10)
#define MAX_NTH		2000

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static int read_text(const char *path, char *buf, size_t len)
{
	ssize_t n, total = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf + total, len - 1 - total)) > 0)
		total += n;
	close(fd);
	buf[total] = '\0';
	return total;
}

static int write_text(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

static int configure(int fd, __u32 ring_size, __u32 flags)
{
	struct ktrace_config c = {
		.ring_size = ring_size,
		.events = KTRACE_EV_ALL,
		.flags = flags,
	};

	return ioctl(fd, KTRACE_IOC_CONFIGURE, &c);
}

static int pid_add(int fd, pid_t pid, __u32 flags)
{
	struct ktrace_pid p = { .pid = pid, .flags = flags };

	return ioctl(fd, KTRACE_IOC_PID_ADD, &p);
}

/* What a reader got: records, lost ones, and marks of our own. */
struct tally {
	uint64_t data, lost, nloss, bad;
	uint64_t getppid;	/* our getppid enters */
	uint64_t marks[2];	/* openat enters of marker_path[i] */
	uint64_t marks_cpu1[2];	/* ... of them in CPU 1's ring */
};

static char marker_path[2][64];

static void tally_records(struct tally *t, const char *buf, size_t len)
{
	const struct ktrace_rec_sys_enter *e;
	const struct ktrace_rec_hdr *h;
	const struct ktrace_blob *b;
	pid_t me = getpid();	/* once: we may be tracing ourselves */
	size_t off;
	int i, k;

	for (off = 0; off < len; off += h->size) {
		h = (const void *)(buf + off);
		if (len - off < sizeof(*h) || h->size < sizeof(*h) ||
		    h->size % 8 || h->size > len - off ||
		    h->type < KTRACE_REC_LOSS ||
		    h->type > KTRACE_REC_SIGNAL_DELIVER) {
			t->bad++;
			return;
		}
		if (h->type == KTRACE_REC_LOSS) {
			t->lost += ((const struct ktrace_rec_loss *)h)->lost;
			t->nloss++;
			continue;
		}
		t->data++;
		if (h->type != KTRACE_REC_SYS_ENTER || h->tgid != me)
			continue;
		e = (const void *)h;
		if (e->nr == SYS_getppid)
			t->getppid++;
		if (e->nr != SYS_openat)
			continue;
		for (k = 0; k < e->nblobs; k++) {
			b = &e->blobs[k];
			if (b->kind != KTRACE_BLOB_PATH ||
			    (size_t)b->offset + b->len > h->size)
				continue;
			for (i = 0; i < 2; i++) {
				if (!marker_path[i][0] ||
				    strncmp((const char *)h + b->offset,
					    marker_path[i], b->len))
					continue;
				t->marks[i]++;
				if (h->cpu == 1)
					t->marks_cpu1[i]++;
			}
		}
	}
}

/*
 * Read what the session holds: to its end once it is disabled.  While it
 * traces us, each read() finds the records of the one before, so stop
 * when that is about all it finds.
 */
static int read_some(int fd, struct tally *t, char *buf, int max)
{
	ssize_t n;
	int i;

	for (i = 0; i < max; i++) {
		n = read(fd, buf, READ_BUF);
		if (n > 0) {
			tally_records(t, buf, n);
			if (n < 2048)
				return 0;
			continue;
		}
		if (n == 0 || errno == EAGAIN)
			return 0;
		if (errno != EINTR)
			return -errno;
	}
	return 0;
}

static int read_all(int fd, struct tally *t, char *buf)
{
	return read_some(fd, t, buf, INT_MAX);
}

/* On a quiescent session: everything read, lost or pending, and no more. */
static void check_accounting(struct __test_metadata *_metadata, int fd,
			     const struct tally *t)
{
	struct ktrace_stats st;

	ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_STATS, &st));
	TH_LOG("read %llu records, %llu lost in %llu LOSS records",
	       (unsigned long long)t->data, (unsigned long long)t->lost,
	       (unsigned long long)t->nloss);
	TH_LOG("written %llu lost_full %llu lost_nest %llu reported %llu pending %llu",
	       (unsigned long long)st.written,
	       (unsigned long long)st.lost_full,
	       (unsigned long long)st.lost_nest,
	       (unsigned long long)st.lost_reported,
	       (unsigned long long)st.lost_pending);
	EXPECT_EQ(0, t->bad);
	EXPECT_EQ(st.written, t->data);
	EXPECT_EQ(st.lost_reported, t->lost);
	EXPECT_EQ(st.lost_full + st.lost_nest,
		  st.lost_reported + st.lost_pending);
}

/*
 * Fault injection.  The knobs of failslab and fail_page_alloc are set for
 * the test and put back after it.
 */
struct knob {
	const char *path;
	const char *value;
	char saved[32];
};

static struct knob knobs[] = {
	/* GFP_KERNEL allocations may fail too, and single pages. */
	{ DEBUGFS "failslab/ignore-gfp-wait", "N" },
	{ DEBUGFS "fail_page_alloc/ignore-gfp-wait", "N" },
	{ DEBUGFS "fail_page_alloc/ignore-gfp-highmem", "N" },
	{ DEBUGFS "fail_page_alloc/min-order", "0" },
	/* No message or stack trace for each fault. */
	{ DEBUGFS "failslab/verbose", "0" },
	{ DEBUGFS "fail_page_alloc/verbose", "0" },
	/*
	 * For "nth and later": every allocation of a task that has
	 * make-it-fail set fails, once its fail-nth has run out.
	 */
	{ DEBUGFS "failslab/task-filter", "Y" },
	{ DEBUGFS "failslab/probability", "100" },
	{ DEBUGFS "failslab/interval", "1" },
	{ DEBUGFS "failslab/times", "-1" },
	{ DEBUGFS "failslab/space", "0" },
	{ DEBUGFS "fail_page_alloc/task-filter", "Y" },
	{ DEBUGFS "fail_page_alloc/probability", "100" },
	{ DEBUGFS "fail_page_alloc/interval", "1" },
	{ DEBUGFS "fail_page_alloc/times", "-1" },
	{ DEBUGFS "fail_page_alloc/space", "0" },
};

#define NKNOBS	ARRAY_SIZE(knobs)

/* The calling thread's fault injection files. */
struct injector {
	int nth_fd;		/* /proc/thread-self/fail-nth */
	int fail_fd;		/* /proc/thread-self/make-it-fail */
};

/* An enabled session keeping the probes attached, see start_anchor(). */
struct anchor {
	pid_t sleeper;		/* what it follows */
	int fd;
};

FIXTURE(fault) {
	struct injector inj;
	struct anchor anchor;
	int kmsg_fd;
	int knobs_set;
	char printk[64];
	char ring_param[32];
	char *buf;
};

FIXTURE_VARIANT(fault) {
	int later;		/* the nth allocation and every later one */
};

FIXTURE_VARIANT_ADD(fault, nth) {
	.later = 0,
};

FIXTURE_VARIANT_ADD(fault, nth_and_later) {
	.later = 1,
};

FIXTURE_SETUP(fault)
{
	unsigned int i;
	char *p;

	self->inj.nth_fd = -1;
	self->inj.fail_fd = -1;
	self->anchor.fd = -1;
	self->kmsg_fd = -1;
	if (geteuid() != 0)
		SKIP(return, "needs root");
	if (access("/proc/thread-self/fail-nth", F_OK) ||
	    access(DEBUGFS "failslab", F_OK) ||
	    access(DEBUGFS "fail_page_alloc", F_OK))
		SKIP(return, "%s",
		     "no fault injection in this kernel (CONFIG_FAILSLAB, CONFIG_FAIL_PAGE_ALLOC, CONFIG_FAULT_INJECTION_DEBUG_FS)");
	self->buf = malloc(READ_BUF);
	ASSERT_NE(NULL, self->buf);
	self->inj.nth_fd = open("/proc/thread-self/fail-nth",
				O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->inj.nth_fd);
	self->inj.fail_fd = open("/proc/thread-self/make-it-fail",
				 O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->inj.fail_fd);
	for (i = 0; i < NKNOBS; i++) {
		const char *path = knobs[i].path;

		ASSERT_LT(0, read_text(path, knobs[i].saved,
				       sizeof(knobs[i].saved)))
			TH_LOG("%s: %s", path, strerror(errno));
	}
	self->knobs_set = 1;
	for (i = 0; i < NKNOBS; i++) {
		const char *path = knobs[i].path;

		ASSERT_EQ(0, write_text(path, knobs[i].value))
			TH_LOG("%s: %s", path, strerror(errno));
	}

	/* Small rings make the sessions cheap to open. */
	ASSERT_LT(0, read_text(PARAM_RING, self->ring_param,
			       sizeof(self->ring_param)));
	ASSERT_EQ(0, write_text(PARAM_RING, "16384"));

	/* Reports are ours to find from here on; warnings stay off the console. */
	self->kmsg_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, self->kmsg_fd);
	lseek(self->kmsg_fd, 0, SEEK_END);
	ASSERT_LT(0, read_text(PRINTK, self->printk, sizeof(self->printk)));
	p = strchr(self->printk, '\n');
	if (p)
		*p = '\0';
	ASSERT_EQ(0, write_text(PRINTK, "4"));
}

/*
 * What tools/vm/run calls a kernel report, less the stack trace of a
 * failed vmalloc() and kmemleak's note that it could not allocate for
 * itself, which we caused.
 */
static const char * const reports[] = {
	"WARNING:", "BUG:", "Oops", "Kernel panic", "KASAN", "UBSAN",
	"general protection", "possible circular locking",
	"possible recursive locking", "inconsistent lock state",
	"suspicious RCU usage", "unreferenced object", "detected stalls",
	"soft lockup", "hung_task",
};

static int kmsg_reports(int fd)
{
	char rec[8192];
	unsigned int i;
	ssize_t n;
	int found = 0;

	for (;;) {
		n = read(fd, rec, sizeof(rec) - 1);
		if (n < 0 && errno == EPIPE)
			continue;	/* overwritten before we read it */
		if (n <= 0)
			break;
		rec[n] = '\0';
		for (i = 0; i < ARRAY_SIZE(reports); i++) {
			if (!strstr(rec, reports[i]))
				continue;
			if (found++ < 20)
				fprintf(stderr, "# kernel: %s", rec);
			break;
		}
	}
	return found;
}

FIXTURE_TEARDOWN(fault)
{
	unsigned int i;

	if (self->inj.fail_fd >= 0)
		pwrite(self->inj.fail_fd, "0", 1, 0);
	if (self->inj.nth_fd >= 0)
		pwrite(self->inj.nth_fd, "0", 1, 0);
	if (self->anchor.fd >= 0)
		close(self->anchor.fd);
	if (self->anchor.sleeper > 0) {
		kill(self->anchor.sleeper, SIGKILL);
		waitpid(self->anchor.sleeper, NULL, 0);
	}
	for (i = 0; self->knobs_set && i < NKNOBS; i++)
		write_text(knobs[i].path, knobs[i].saved);
	if (self->ring_param[0])
		write_text(PARAM_RING, self->ring_param);
	if (self->printk[0])
		write_text(PRINTK, self->printk);
	if (self->kmsg_fd >= 0) {
		EXPECT_EQ(0, kmsg_reports(self->kmsg_fd));
		close(self->kmsg_fd);
	}
	free(self->buf);
}

/*
 * Arm the thread's fail-nth for its nth allocation; with @later, every
 * allocation after the nth fails too until disarm().  Nothing between
 * arm() and disarm() but the call under test may touch new memory: a
 * page fault that cannot allocate would retry forever.
 */
static int arm(struct injector *inj, int later, int n)
{
	char s[16];
	int len = snprintf(s, sizeof(s), "%d", n);

	if (pwrite(inj->nth_fd, s, len, 0) != len)
		return -1;
	if (later && pwrite(inj->fail_fd, "1", 1, 0) != 1)
		return -1;
	return 0;
}

/* Returns 1 when a fault was injected. */
static int disarm(struct injector *inj)
{
	char s[16] = "";

	pwrite(inj->fail_fd, "0", 1, 0);
	if (pread(inj->nth_fd, s, sizeof(s) - 1, 0) <= 0)
		return -1;
	pwrite(inj->nth_fd, "0", 1, 0);
	return atoi(s) == 0;
}

/*
 * An enabled session that traces a process that only sleeps: it keeps the
 * probes attached, so that enabling and disabling the sessions under test
 * does not patch the kernel's text each time.
 */
static void start_anchor(struct __test_metadata *_metadata,
			 struct anchor *a)
{
	a->sleeper = fork();
	ASSERT_LE(0, a->sleeper);
	if (!a->sleeper) {
		for (;;)
			pause();
	}
	a->fd = open(DEV_PATH, O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, a->fd);
	ASSERT_EQ(0, pid_add(a->fd, a->sleeper, 0));
	ASSERT_EQ(0, ioctl(a->fd, KTRACE_IOC_ENABLE));
}

/* The ring size of the newest session, from debugfs; -1 if unknown. */
static long newest_ring_size(void)
{
	static char text[1 << 16];
	unsigned int sess, cpu, last = 0;
	unsigned long size;
	long found = -1;
	char *line;

	if (read_text(RINGS_PATH, text, sizeof(text)) <= 0)
		return -1;
	for (line = strchr(text, '\n'); line && line[1];
	     line = strchr(line, '\n')) {
		line++;
		if (sscanf(line, "%u %u %lu", &sess, &cpu, &size) != 3)
			return -1;
		if (found >= 0 && sess == last && (unsigned long)found != size)
			return -2;	/* rings of one session differ */
		if (found < 0 || sess != last)
			found = size;
		last = sess;
	}
	return found;
}

/*
 * The session captures: configured (keeping @ring bytes per ring), enabled,
 * ten getppid calls of ours come back.
 */
static void check_usable(struct __test_metadata *_metadata, int fd,
			 __u32 ring, __u32 flags, char *buf)
{
	struct tally t = {};
	int i;

	ASSERT_EQ(0, configure(fd, ring, KTRACE_CFG_TRACE_SELF | flags))
		TH_LOG("CONFIGURE: %s", strerror(errno));
	ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_ENABLE))
		TH_LOG("ENABLE: %s", strerror(errno));
	for (i = 0; i < 10; i++)
		syscall(SYS_getppid);
	ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_DISABLE));
	ASSERT_EQ(0, read_all(fd, &t, buf));
	EXPECT_EQ(0, t.bad);
	EXPECT_EQ(10, t.getppid);
}

static int open_session(void)
{
	return open(DEV_PATH, O_RDWR | O_NONBLOCK | O_CLOEXEC);
}

/* The probes' state in debugfs: sessions enabled, tracepoints attached. */
static int probes_attached(int *enabled)
{
	char text[4096], name[64], *line;
	int key, attached, n = 0;

	*enabled = -1;
	if (read_text(PROBES_PATH, text, sizeof(text)) <= 0)
		return -1;
	for (line = text; line; line = strchr(line, '\n')) {
		if (*line == '\n')
			line++;
		if (sscanf(line, "sessions_enabled %d", enabled) == 1)
			continue;
		if (sscanf(line, "%63s %d %d", name, &key, &attached) == 3)
			n += attached;
	}
	return n;
}

#define PARAM_MEM_MAX	"/sys/module/ktrace/parameters/memory_max"
#define PARAM_MEM_USED	"/sys/module/ktrace/parameters/memory_used"

static long param_long(const char *path)
{
	char buf[32];

	return read_text(path, buf, sizeof(buf)) > 0 ? atol(buf) : -1;
}

/*
 * memory_max bounds what the sessions hold together: past it, open() and
 * a CONFIGURE that grows the rings fail with ENOMEM, and the sessions
 * open work on; a session closed gives its memory back.  Every session
 * once held memory the OOM killer could not free by killing its opener:
 * a loop of open() panicked a 1 GiB guest at about 350 sessions.
 */
TEST(memory_max_bounds_what_sessions_hold)
{
	char *buf = malloc(READ_BUF), max[32], lim[32];
	long base, one, used;
	int a, b, c;

	ASSERT_NE(NULL, buf);
	ASSERT_LT(0, read_text(PARAM_MEM_MAX, max, sizeof(max)));
	base = param_long(PARAM_MEM_USED);
	ASSERT_LE(0, base);
	a = open_session();
	ASSERT_LE(0, a);
	one = param_long(PARAM_MEM_USED) - base;
	ASSERT_LT(0, one);
	/* Room for one more session, not two. */
	snprintf(lim, sizeof(lim), "%ld", base + one + one + one / 2);
	ASSERT_EQ(0, write_text(PARAM_MEM_MAX, lim));
	b = open_session();
	EXPECT_LE(0, b);
	c = open_session();
	EXPECT_EQ(-1, c);
	EXPECT_EQ(ENOMEM, errno);
	/* Rings four times the size do not fit either; the old ones stay. */
	EXPECT_EQ(-1, configure(a, READ_BUF * 4, 0));
	EXPECT_EQ(ENOMEM, errno);
	check_usable(_metadata, a, 0, 0, buf);
	if (b >= 0)
		close(b);
	c = open_session();
	EXPECT_LE(0, c);
	used = param_long(PARAM_MEM_USED);
	EXPECT_EQ(base + one + one, used);
	if (c >= 0)
		check_usable(_metadata, c, 0, 0, buf);
	if (c >= 0)
		close(c);
	close(a);
	EXPECT_EQ(base, param_long(PARAM_MEM_USED));
	EXPECT_EQ(0, write_text(PARAM_MEM_MAX, max));
	free(buf);
}

/*
 * A PID filter's bitmaps (five of 512 KiB, at the first PID_ADD) and a
 * flight recorder's read buffer (512 KiB, at its CONFIGURE) are charged
 * too: past memory_max they fail with ENOMEM and leave the session as it
 * was.  Before, neither was charged, and a loop of open() and PID_ADD
 * held 2.5 MiB a session past the bound.
 */
TEST(memory_max_counts_pid_filters_and_flight_recorders)
{
	char *buf = malloc(READ_BUF), max[32], lim[32];
	long base, used;
	int a;

	ASSERT_NE(NULL, buf);
	ASSERT_LT(0, read_text(PARAM_MEM_MAX, max, sizeof(max)));
	base = param_long(PARAM_MEM_USED);
	ASSERT_LE(0, base);
	a = open_session();
	ASSERT_LE(0, a);
	used = param_long(PARAM_MEM_USED);
	snprintf(lim, sizeof(lim), "%ld", used + (1L << 20));
	ASSERT_EQ(0, write_text(PARAM_MEM_MAX, lim));
	EXPECT_EQ(-1, pid_add(a, getpid(), KTRACE_PID_THREAD_GROUP));
	EXPECT_EQ(ENOMEM, errno);
	EXPECT_EQ(used, param_long(PARAM_MEM_USED));
	check_usable(_metadata, a, 0, 0, buf);
	snprintf(lim, sizeof(lim), "%ld", used + (256L << 10));
	ASSERT_EQ(0, write_text(PARAM_MEM_MAX, lim));
	EXPECT_EQ(-1, configure(a, 0, KTRACE_CFG_OVERWRITE));
	EXPECT_EQ(ENOMEM, errno);
	EXPECT_EQ(used, param_long(PARAM_MEM_USED));
	check_usable(_metadata, a, 0, 0, buf);
	ASSERT_EQ(0, write_text(PARAM_MEM_MAX, max));
	EXPECT_EQ(0, pid_add(a, getpid(), KTRACE_PID_THREAD_GROUP));
	EXPECT_EQ(used + 5 * (512L << 10), param_long(PARAM_MEM_USED));
	used = param_long(PARAM_MEM_USED);
	check_usable(_metadata, a, 0, KTRACE_CFG_OVERWRITE, buf);
	EXPECT_EQ(used + KTRACE_REC_LONG_MAX_SIZE, param_long(PARAM_MEM_USED));
	close(a);
	EXPECT_EQ(base, param_long(PARAM_MEM_USED));
	free(buf);
}

TEST_F_TIMEOUT(fault, open_fails_with_enomem, 120)
{
	int n, injected, fd, err, failures = 0;

	if (_metadata->skip)
		return;
	start_anchor(_metadata, &self->anchor);
	for (n = 1, injected = 1; injected && n < MAX_NTH; n++) {
		ASSERT_EQ(0, arm(&self->inj, variant->later, n));
		fd = open_session();
		err = errno;
		injected = disarm(&self->inj);
		ASSERT_LE(0, injected);
		if (fd < 0) {
			failures++;
			ASSERT_EQ(ENOMEM, err)
				TH_LOG("n=%d: open: %s", n, strerror(err));
			ASSERT_TRUE(injected);
			fd = open_session();
			ASSERT_LE(0, fd);
		}
		check_usable(_metadata, fd, 0, 0, self->buf);
		close(fd);
	}
	TH_LOG("%d allocations failed in turn, %d failed the call", n - 2,
	       failures);
	EXPECT_FALSE(injected) TH_LOG("still failing after %d", MAX_NTH);
	EXPECT_LT(0, failures);
}

/* A failed CONFIGURE leaves the rings as they were. */
static void configure_faults(struct __test_metadata *_metadata,
			     struct injector *inj, char *buf, int later,
			     __u32 flags)
{
	int n, injected, fd, ret, err, failures = 0;
	long size;

	for (n = 1, injected = 1; injected && n < MAX_NTH; n++) {
		fd = open_session();
		ASSERT_LE(0, fd);
		ASSERT_EQ(SMALL_RING, newest_ring_size());
		ASSERT_EQ(0, arm(inj, later, n));
		ret = configure(fd, BIG_RING, flags);
		err = errno;
		injected = disarm(inj);
		ASSERT_LE(0, injected);
		size = newest_ring_size();
		if (ret) {
			failures++;
			ASSERT_EQ(ENOMEM, err)
				TH_LOG("n=%d: CONFIGURE: %s", n, strerror(err));
			EXPECT_EQ(SMALL_RING, size)
				TH_LOG("n=%d: ENOMEM, but the rings changed", n);
			check_usable(_metadata, fd, SMALL_RING, flags,
				     buf);
			/* And it can still grow. */
			check_usable(_metadata, fd, BIG_RING, flags,
				     buf);
		} else {
			EXPECT_EQ(BIG_RING, size) TH_LOG("n=%d", n);
			check_usable(_metadata, fd, BIG_RING, flags,
				     buf);
		}
		ASSERT_FALSE(!injected && ret);
		close(fd);
	}
	TH_LOG("%d allocations failed in turn, %d failed the call", n - 2,
	       failures);
	EXPECT_FALSE(injected) TH_LOG("still failing after %d", MAX_NTH);
	EXPECT_LT(0, failures);
}

TEST_F_TIMEOUT(fault, configure_resize_fails_keeping_old_rings, 120)
{
	if (_metadata->skip)
		return;
	start_anchor(_metadata, &self->anchor);
	configure_faults(_metadata, &self->inj, self->buf, variant->later, 0);
}

TEST_F_TIMEOUT(fault, configure_flight_recorder_fails_keeping_old_rings,
	       120)
{
	if (_metadata->skip)
		return;
	start_anchor(_metadata, &self->anchor);
	configure_faults(_metadata, &self->inj, self->buf, variant->later,
			 KTRACE_CFG_OVERWRITE);
}

/* The counters by process are allocated at CONFIGURE too. */
TEST_F_TIMEOUT(fault, configure_proc_stats_fails_keeping_old_rings, 120)
{
	if (_metadata->skip)
		return;
	start_anchor(_metadata, &self->anchor);
	configure_faults(_metadata, &self->inj, self->buf, variant->later,
			 KTRACE_CFG_PROC_STATS);
}

/* No other session is enabled: the first ENABLE attaches the probes. */
TEST_F_TIMEOUT(fault, enable_fails_leaving_probes_detached, 120)
{
	int n, injected, fd, ret, err, enabled, failures = 0;

	if (_metadata->skip)
		return;
	ASSERT_EQ(0, probes_attached(&enabled));
	ASSERT_EQ(0, enabled);
	for (n = 1, injected = 1; injected && n < MAX_NTH; n++) {
		fd = open_session();
		ASSERT_LE(0, fd);
		ASSERT_EQ(0, configure(fd, 0, KTRACE_CFG_TRACE_SELF));
		ASSERT_EQ(0, arm(&self->inj, variant->later, n));
		ret = ioctl(fd, KTRACE_IOC_ENABLE);
		err = errno;
		injected = disarm(&self->inj);
		ASSERT_LE(0, injected);
		if (ret) {
			failures++;
			ASSERT_EQ(ENOMEM, err)
				TH_LOG("n=%d: ENABLE: %s", n, strerror(err));
			EXPECT_EQ(0, probes_attached(&enabled))
				TH_LOG("n=%d: probes left attached", n);
			EXPECT_EQ(0, enabled);
		} else {
			EXPECT_LT(0, probes_attached(&enabled));
			EXPECT_EQ(1, enabled);
			ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_DISABLE));
		}
		ASSERT_FALSE(!injected && ret);
		check_usable(_metadata, fd, 0, 0, self->buf);
		close(fd);
		EXPECT_EQ(0, probes_attached(&enabled));
		EXPECT_EQ(0, enabled);
	}
	TH_LOG("%d allocations failed in turn, %d failed the call", n - 2,
	       failures);
	EXPECT_FALSE(injected) TH_LOG("still failing after %d", MAX_NTH);
	EXPECT_LT(0, failures);
}

TEST_F_TIMEOUT(fault, pid_add_fails_and_can_be_retried, 120)
{
	int n, injected, fd, ret, err, failures = 0;

	if (_metadata->skip)
		return;
	start_anchor(_metadata, &self->anchor);
	for (n = 1, injected = 1; injected && n < MAX_NTH; n++) {
		fd = open_session();
		ASSERT_LE(0, fd);
		ASSERT_EQ(0, arm(&self->inj, variant->later, n));
		ret = pid_add(fd, getpid(), KTRACE_PID_THREAD_GROUP);
		err = errno;
		injected = disarm(&self->inj);
		ASSERT_LE(0, injected);
		if (ret) {
			failures++;
			ASSERT_EQ(ENOMEM, err)
				TH_LOG("n=%d: PID_ADD: %s", n, strerror(err));
			ASSERT_EQ(0, pid_add(fd, getpid(),
					     KTRACE_PID_THREAD_GROUP));
		}
		ASSERT_FALSE(!injected && ret);
		check_usable(_metadata, fd, 0, 0, self->buf);
		close(fd);
	}
	TH_LOG("%d allocations failed in turn, %d failed the call", n - 2,
	       failures);
	EXPECT_FALSE(injected) TH_LOG("still failing after %d", MAX_NTH);
	EXPECT_LT(0, failures);
}

/* CPU hotplug: CPU 1 goes offline and comes back while a session runs. */
FIXTURE(hotplug) {
	int fd;
	char *buf;
};

FIXTURE_SETUP(hotplug)
{
	char state[8] = "";

	self->fd = -1;
	if (geteuid() != 0)
		SKIP(return, "needs root");
	if (read_text(CPU1_ONLINE, state, sizeof(state)) <= 0)
		SKIP(return, "no %s: cpu1 cannot be taken offline",
		     CPU1_ONLINE);
	if (state[0] != '1')
		ASSERT_EQ(0, write_text(CPU1_ONLINE, "1"));
	self->buf = malloc(READ_BUF);
	ASSERT_NE(NULL, self->buf);
	self->fd = open_session();
	ASSERT_LE(0, self->fd);
	/* 1 MiB rings: nothing needs to be lost. */
	ASSERT_EQ(0, configure(self->fd, 1 << 20, KTRACE_CFG_TRACE_SELF));
	snprintf(marker_path[0], sizeof(marker_path[0]),
		 "/ktrace-hotplug-before-%d", getpid());
	snprintf(marker_path[1], sizeof(marker_path[1]),
		 "/ktrace-hotplug-after-%d", getpid());
}

FIXTURE_TEARDOWN(hotplug)
{
	write_text(CPU1_ONLINE, "1");
	if (self->fd >= 0)
		close(self->fd);
	free(self->buf);
}

struct marker_arg {
	int which, cpu, count;
	int ok;			/* ran on the CPU it asked for */
};

static void *open_markers(void *arg)
{
	struct marker_arg *m = arg;
	char path[64];
	cpu_set_t set;
	int i;

	CPU_ZERO(&set);
	CPU_SET(m->cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		return NULL;
	memcpy(path, marker_path[m->which], sizeof(path));
	for (i = 0; i < m->count; i++)
		syscall(SYS_openat, AT_FDCWD, path, O_RDONLY);
	m->ok = sched_getcpu() == m->cpu;
	return NULL;
}

static int markers_on(int which, int cpu, int count)
{
	struct marker_arg m = { .which = which, .cpu = cpu, .count = count };
	pthread_t th;

	if (pthread_create(&th, NULL, open_markers, &m))
		return -1;
	pthread_join(th, NULL);
	return m.ok ? 0 : -1;
}

struct churn {
	int stop;
	long calls;
};

static void *getppid_loop(void *arg)
{
	struct churn *c = arg;

	while (!__atomic_load_n(&c->stop, __ATOMIC_RELAXED)) {
		syscall(SYS_getppid);
		__atomic_fetch_add(&c->calls, 1, __ATOMIC_RELAXED);
	}
	return NULL;
}

TEST_F_TIMEOUT(hotplug, cpu1_offline_keeps_its_records_and_accounting, 200)
{
	struct ktrace_stats st;
	struct churn c = {};
	struct tally t = {};
	pthread_t th[2];
	int i, cycles = 0;

	if (_metadata->skip)
		return;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	/* Records written on CPU 1 and not read yet... */
	ASSERT_EQ(0, markers_on(0, 1, 20));
	if (write_text(CPU1_ONLINE, "0"))
		SKIP(return, "cpu1 cannot go offline: %s", strerror(errno));
	/* ... can be read while it is offline. */
	syscall(SYS_getppid);
	ASSERT_EQ(0, read_all(self->fd, &t, self->buf));
	EXPECT_EQ(20, t.marks[0]);
	EXPECT_EQ(20, t.marks_cpu1[0]);
	ASSERT_EQ(0, write_text(CPU1_ONLINE, "1"));
	/* CPU 1's ring takes records again once it is back. */
	ASSERT_EQ(0, markers_on(1, 1, 20));

	/* Offline and back while threads trace on both CPUs and we read. */
	for (i = 0; i < 2; i++)
		ASSERT_EQ(0, pthread_create(&th[i], NULL, getppid_loop, &c));
	for (i = 0; i < 4; i++) {
		ASSERT_EQ(0, read_some(self->fd, &t, self->buf, 8));
		if (write_text(CPU1_ONLINE, "0"))
			break;
		usleep(100000);
		ASSERT_EQ(0, read_some(self->fd, &t, self->buf, 8));
		ASSERT_EQ(0, write_text(CPU1_ONLINE, "1"));
		usleep(100000);
		cycles++;
	}
	__atomic_store_n(&c.stop, 1, __ATOMIC_RELAXED);
	for (i = 0; i < 2; i++)
		pthread_join(th[i], NULL);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	ASSERT_EQ(0, read_all(self->fd, &t, self->buf));
	TH_LOG("%d offline cycles, %ld getppid calls, %llu read", cycles,
	       c.calls, (unsigned long long)t.getppid);
	EXPECT_EQ(4, cycles);
	EXPECT_EQ(20, t.marks[1]);
	EXPECT_EQ(20, t.marks_cpu1[1]);
	check_accounting(_metadata, self->fd, &t);
	/* Each of our getppid calls was read, or counted lost. */
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &st));
	EXPECT_LE(t.getppid, (uint64_t)c.calls + 1);
	EXPECT_LE((uint64_t)c.calls + 1, t.getppid + t.lost + st.lost_pending);
}

/*
 * Unloading: refused while anything holds a session (a file or a mapping
 * of it), clean once the holder is gone, even when it was killed while
 * using a mapped ring.  Each test loads the module again.
 */
static const char *module_path(void)
{
	static char path[PATH_MAX];
	struct utsname u;
	const char *env = getenv("KTRACE_MODULE");

	if (env)
		return env;
	uname(&u);
	snprintf(path, sizeof(path), "/lib/modules/%s/extra/ktrace.ko",
		 u.release);
	return path;
}

static int unload(int flags)
{
	return syscall(__NR_delete_module, "ktrace", flags);
}

static int load(void)
{
	int fd = open(module_path(), O_RDONLY | O_CLOEXEC);
	int ret;

	if (fd < 0)
		return -1;
	ret = syscall(__NR_finit_module, fd, "", 0);
	close(fd);
	return ret;
}

FIXTURE(unload) {
	pid_t child;
	int loaded;		/* we must load the module again */
};

FIXTURE_SETUP(unload)
{
	if (geteuid() != 0)
		SKIP(return, "needs root");
	if (access(module_path(), R_OK))
		SKIP(return, "no %s to load again (KTRACE_MODULE)",
		     module_path());
}

FIXTURE_TEARDOWN(unload)
{
	if (self->child > 0) {
		kill(self->child, SIGKILL);
		waitpid(self->child, NULL, 0);
	}
	if (access(DEV_PATH, F_OK))
		EXPECT_EQ(0, load()) TH_LOG("finit_module: %s",
					    strerror(errno));
}

/* A traced process that reads its own session, and tells us it does. */
static void traced_reader(int ready)
{
	char *buf = malloc(READ_BUF);
	int fd = open_session(), told = 0;

	if (!buf || fd < 0 || configure(fd, SMALL_RING, KTRACE_CFG_TRACE_SELF) ||
	    ioctl(fd, KTRACE_IOC_ENABLE))
		_exit(1);
	for (;;) {
		syscall(SYS_getppid);
		if (read(fd, buf, READ_BUF) > 0 && !told++)
			write(ready, "r", 1);
	}
}

/* A traced process that consumes its own ring through a mapping. */
static void mapped_consumer(int ready)
{
	long page = sysconf(_SC_PAGESIZE);
	struct ktrace_ring_page *ctl;
	int fd = open_session(), told = 0;
	uint64_t head, tail;
	cpu_set_t set;
	size_t len;

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	if (fd < 0 || sched_setaffinity(0, sizeof(set), &set) ||
	    configure(fd, SMALL_RING, KTRACE_CFG_TRACE_SELF) ||
	    ioctl(fd, KTRACE_IOC_ENABLE))
		_exit(1);
	len = page + SMALL_RING;
	ctl = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		   KTRACE_MMAP_OFFSET(0));
	if (ctl == MAP_FAILED)
		_exit(1);
	for (;;) {
		syscall(SYS_getppid);
		head = __atomic_load_n(&ctl->data_head, __ATOMIC_ACQUIRE);
		tail = ctl->data_tail;
		while (tail < head) {
			const struct ktrace_rec_hdr *h = (const void *)
				((char *)ctl + page + (tail & (SMALL_RING - 1)));

			if (h->size < 8 || h->size % 8)
				_exit(2);
			tail += h->size;
		}
		__atomic_store_n(&ctl->data_tail, tail, __ATOMIC_RELEASE);
		if (tail && !told++)
			write(ready, "m", 1);
	}
}

static pid_t start_child(void (*fn)(int))
{
	int p[2];
	pid_t pid;
	char c;

	if (pipe(p))
		return -1;
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		fn(p[1]);
	}
	close(p[1]);
	if (pid > 0 && read(p[0], &c, 1) != 1) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		pid = -1;
	}
	close(p[0]);
	return pid;
}

TEST_F_TIMEOUT(unload, refused_while_a_session_traces, 120)
{
	int status, i;

	if (_metadata->skip)
		return;
	self->child = start_child(traced_reader);
	ASSERT_LT(0, self->child);
	for (i = 0; i < 20; i++) {
		EXPECT_EQ(-1, unload(i % 2 ? O_NONBLOCK : 0));
		EXPECT_EQ(EWOULDBLOCK, errno);
		usleep(10000);
	}
	EXPECT_EQ(0, access(DEV_PATH, F_OK));
	ASSERT_EQ(0, kill(self->child, SIGKILL));
	ASSERT_EQ(self->child, waitpid(self->child, &status, 0));
	self->child = 0;
	EXPECT_TRUE(WIFSIGNALED(status));
	ASSERT_EQ(0, unload(O_NONBLOCK)) TH_LOG("delete_module: %s",
						strerror(errno));
	ASSERT_EQ(0, load()) TH_LOG("finit_module: %s", strerror(errno));
}

TEST_F_TIMEOUT(unload, mmap_consumer_killed_then_unload, 120)
{
	int status;

	if (_metadata->skip)
		return;
	self->child = start_child(mapped_consumer);
	ASSERT_LT(0, self->child);
	usleep(300000);
	ASSERT_EQ(0, kill(self->child, SIGKILL));
	ASSERT_EQ(self->child, waitpid(self->child, &status, 0));
	self->child = 0;
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(SIGKILL, WTERMSIG(status));
	ASSERT_EQ(0, unload(O_NONBLOCK)) TH_LOG("delete_module: %s",
						strerror(errno));
	ASSERT_EQ(0, load()) TH_LOG("finit_module: %s", strerror(errno));
}

TEST_F(unload, mapping_outlives_its_file_and_pins_module)
{
	long page = sysconf(_SC_PAGESIZE);
	struct ktrace_ring_page *ctl;
	int fd;

	if (_metadata->skip)
		return;
	fd = open_session();
	ASSERT_LE(0, fd);
	ctl = mmap(NULL, page, PROT_READ, MAP_SHARED, fd,
		   KTRACE_MMAP_OFFSET(0));
	ASSERT_NE(MAP_FAILED, ctl);
	close(fd);
	EXPECT_EQ(-1, unload(O_NONBLOCK));
	EXPECT_EQ(EWOULDBLOCK, errno);
	/* The mapping still reads the control page. */
	EXPECT_EQ(KTRACE_RING_VERSION, ctl->version);
	EXPECT_EQ(0, munmap(ctl, page));
	ASSERT_EQ(0, unload(O_NONBLOCK)) TH_LOG("delete_module: %s",
						strerror(errno));
	ASSERT_EQ(0, load()) TH_LOG("finit_module: %s", strerror(errno));
}

/* A process that counts its syscalls in shared memory, once told to go. */
/*
 * A process that counts its syscalls once told to go (*@go), on CPU @cpu
 * alone unless @cpu is negative.
 */
static pid_t start_counter(volatile long *count, int cpu, int *go)
{
	cpu_set_t set;
	int p[2];
	pid_t pid;
	char c;

	if (pipe(p))
		return -1;
	pid = fork();
	if (pid == 0) {
		close(p[1]);
		CPU_ZERO(&set);
		CPU_SET(cpu, &set);
		if ((cpu >= 0 && sched_setaffinity(0, sizeof(set), &set)) ||
		    read(p[0], &c, 1) != 1)
			_exit(1);
		for (;;) {
			syscall(SYS_getppid);
			__atomic_fetch_add(count, 1, __ATOMIC_RELAXED);
		}
	}
	close(p[0]);
	*go = p[1];
	return pid;
}

/* A session owner that traces @pid losslessly and never reads. */
static void owner_never_reads(int ready)
{
	struct ktrace_config c = {
		.ring_size = SMALL_RING,
		.events = KTRACE_EV_ALL,
		.throttle_ms = 60000,
	};
	int fd = open_session();
	char pid[16];

	if (read(ready, pid, sizeof(pid)) <= 0 || fd < 0 ||
	    ioctl(fd, KTRACE_IOC_CONFIGURE, &c) ||
	    pid_add(fd, atoi(pid), KTRACE_PID_THREAD_GROUP) ||
	    ioctl(fd, KTRACE_IOC_ENABLE) || write(ready, "e", 1) != 1)
		_exit(1);
	for (;;)
		pause();
}

/*
 * The owner (owner_never_reads()) of a session tracing @child, which is
 * then told to go (@go); *@sock: the owner's end of the socket.
 */
static pid_t start_owner(pid_t child, int go, int *sock)
{
	char pid[16], c;
	pid_t owner;
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		return -1;
	owner = fork();
	if (!owner) {
		close(sv[0]);
		owner_never_reads(sv[1]);
	}
	close(sv[1]);
	snprintf(pid, sizeof(pid), "%d", child);
	if (owner < 0 ||
	    write(sv[0], pid, strlen(pid)) != (ssize_t)strlen(pid) ||
	    read(sv[0], &c, 1) != 1 || write(go, "g", 1) != 1) {
		if (owner > 0) {
			kill(owner, SIGKILL);
			waitpid(owner, NULL, 0);
		}
		close(sv[0]);
		return -1;
	}
	*sock = sv[0];
	return owner;
}

static long count_after(volatile long *count, int ms)
{
	long before = __atomic_load_n(count, __ATOMIC_RELAXED);

	usleep(ms * 1000);
	return __atomic_load_n(count, __ATOMIC_RELAXED) - before;
}

/*
 * A traced process waits for a reader that never comes (throttle_ms 60 s);
 * the reader's process is killed: the wait ends with the file, and the
 * module unloads at once.
 */
TEST_F_TIMEOUT(unload, owner_killed_while_its_target_is_throttled, 120)
{
	volatile long *count;
	int go, sock, status;
	pid_t owner;
	double t0;

	if (_metadata->skip)
		return;
	count = mmap(NULL, sizeof(*count), PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, count);
	self->child = start_counter(count, -1, &go);
	ASSERT_LT(0, self->child);
	owner = start_owner(self->child, go, &sock);
	ASSERT_LT(0, owner);

	/* The ring fills and the traced process stops in its wait. */
	usleep(500000);
	EXPECT_EQ(0, count_after(count, 300))
		TH_LOG("the traced process was not throttled");

	ASSERT_EQ(0, kill(owner, SIGKILL));
	ASSERT_EQ(owner, waitpid(owner, &status, 0));
	EXPECT_LT(0, count_after(count, 300))
		TH_LOG("still waiting for a session that was closed");
	t0 = now();
	ASSERT_EQ(0, unload(O_NONBLOCK)) TH_LOG("delete_module: %s",
						strerror(errno));
	EXPECT_GT(5, now() - t0);
	EXPECT_LT(0, count_after(count, 100));
	ASSERT_EQ(0, load()) TH_LOG("finit_module: %s", strerror(errno));
	close(go);
	close(sock);
}

/*
 * A real-time busy loop on @cpu until *@stop, or 10 s at most: nothing
 * else runs there.
 */
static pid_t start_hog(volatile long *stop, int cpu)
{
	struct sched_param sp = { .sched_priority = 50 };
	double end = now() + 10;
	cpu_set_t set;
	pid_t pid = fork();

	if (pid == 0) {
		CPU_ZERO(&set);
		CPU_SET(cpu, &set);
		if (sched_setaffinity(0, sizeof(set), &set) ||
		    sched_setscheduler(0, SCHED_FIFO, &sp))
			_exit(1);
		while (!__atomic_load_n(stop, __ATOMIC_ACQUIRE) && now() < end)
			;
		_exit(0);
	}
	return pid;
}

#define RT_RUNTIME	"/proc/sys/kernel/sched_rt_runtime_us"

/*
 * As above, but the throttled process is slow to run again: when the
 * owner dies, the wait's reference is the session's last, and the module
 * is asked to unload before the waiter has run.  The unload must wait for
 * it (or be refused), and the session it frees must find the module whole:
 * its PID filter still counts in the probes and the pid superset.
 */
TEST_F_TIMEOUT(unload, owner_killed_while_its_throttled_target_is_starved, 120)
{
	volatile long *shared;
	int go, sock, status;
	pid_t owner, hog, rm;
	char rt[32];
	cpu_set_t set;

	if (_metadata->skip)
		return;
	if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
		SKIP(return, "needs two CPUs");
	/* We, the owner and the unload on CPU 0; the traced process on 1. */
	CPU_ZERO(&set);
	CPU_SET(0, &set);
	ASSERT_EQ(0, sched_setaffinity(0, sizeof(set), &set));
	ASSERT_LT(0, read_text(RT_RUNTIME, rt, sizeof(rt)));
	/* No real-time throttling: the hog keeps CPU 1 whole. */
	ASSERT_EQ(0, write_text(RT_RUNTIME, "-1"));
	shared = mmap(NULL, 2 * sizeof(*shared), PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, shared);
	self->child = start_counter(&shared[0], 1, &go);
	ASSERT_LT(0, self->child);
	owner = start_owner(self->child, go, &sock);
	ASSERT_LT(0, owner);
	usleep(500000);
	EXPECT_EQ(0, count_after(&shared[0], 300))
		TH_LOG("the traced process was not throttled");

	/* CPU 1 is the hog's: the waiter, woken, does not run. */
	hog = start_hog(&shared[1], 1);
	ASSERT_LT(0, hog);
	usleep(100000);
	ASSERT_EQ(0, kill(owner, SIGKILL));
	ASSERT_EQ(owner, waitpid(owner, &status, 0));
	rm = fork();
	ASSERT_LE(0, rm);
	if (!rm)
		_exit(unload(O_NONBLOCK) ? errno : 0);
	usleep(2000000);
	__atomic_store_n(&shared[1], 1, __ATOMIC_RELEASE);
	ASSERT_EQ(hog, waitpid(hog, &status, 0));
	EXPECT_EQ(0, write_text(RT_RUNTIME, rt));
	ASSERT_EQ(rm, waitpid(rm, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	if (WEXITSTATUS(status) == 0) {
		ASSERT_EQ(0, load()) TH_LOG("finit_module: %s",
					    strerror(errno));
	} else {
		/* Refused: then it unloads once the waiter has gone. */
		EXPECT_EQ(EWOULDBLOCK, WEXITSTATUS(status));
		usleep(300000);
		ASSERT_EQ(0, unload(O_NONBLOCK)) TH_LOG("delete_module: %s",
							strerror(errno));
		ASSERT_EQ(0, load()) TH_LOG("finit_module: %s",
					    strerror(errno));
	}
	EXPECT_LT(0, count_after(&shared[0], 100));
	close(go);
	close(sock);
}

TEST_HARNESS_MAIN
