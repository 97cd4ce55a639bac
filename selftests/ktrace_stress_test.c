// SPDX-License-Identifier: GPL-2.0
/*
 * Stress: sessions used from many threads and processes at once never take
 * the kernel down and still account for every record.  Two reproducers
 * (rings resized while poll(), KTRACE_IOC_STATS and debugfs look at them;
 * a 16 KiB flight recorder read every millisecond while it wraps), then
 * random valid and invalid operations from several threads on a shared
 * session and on sessions that are closed and opened again, while
 * followed processes fork, exec and exit: every command of the device
 * and every file operation, each result checked as the ABI documents it.
 * Two of the threads read and poll with blocking calls, their files'
 * O_NONBLOCK turned on and off, while the others reconfigure, disable,
 * map and close: a signal without SA_RESTART, sent at random and until
 * every thread has ended, wakes whoever waits.
 *
 * Each test runs for KTRACE_STRESS_SECONDS seconds (1 to 80).  The default
 * is 40 on a debug kernel, recognised by /sys/kernel/debug/kmemleak or
 * /sys/kernel/debug/kcsan (its checkers make every operation slow, and it
 * is where a race gets reported), and 10 elsewhere.
 *
 * The accounting checked at the end holds in both ring modes: data records
 * read == written, the LOSS records add up to lost_reported, and lost_full
 * + lost_nest == lost_reported + lost_pending.  In a flight recorder the
 * records the writer evicts (overwritten) are counted in lost_full and
 * are not in written.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/ktrace.h>

#include "../kselftest_harness.h"

#define DEV_PATH	"/dev/ktrace"
#define RINGS_PATH	"/sys/kernel/debug/ktrace/rings"
#define READ_BUF	(1 << 20)
#define CHILD_ENV	"KTRACE_STRESS_CHILD"

/* A child the forkers exec: a few syscalls, maybe a fork, then exit. */
__attribute__((constructor)) static void exec_child(void)
{
	const char *depth = getenv(CHILD_ENV);
	int i;

	if (!depth)
		return;
	for (i = 0; i < 10; i++)
		syscall(SYS_getppid);
	if (atoi(depth) > 0 && fork() == 0)
		_exit(0);
	wait(NULL);
	_exit(0);
}

static pid_t gettid_(void)
{
	return syscall(SYS_gettid);
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static int stress_seconds(void)
{
	const char *env = getenv("KTRACE_STRESS_SECONDS");
	int s;

	if (env) {
		s = atoi(env);
		return s < 1 ? 1 : s > 80 ? 80 : s;
	}
	if (!access("/sys/kernel/debug/kmemleak", F_OK) ||
	    !access("/sys/kernel/debug/kcsan", F_OK))
		return 40;
	return 10;
}

/* Possible CPUs: the rings a session has, and the CPUs records name. */
static int nr_possible(void)
{
	static int n;
	char line[256] = "", *p;
	FILE *f;

	if (n)
		return n;
	f = fopen("/sys/devices/system/cpu/possible", "r");
	if (f) {
		if (!fgets(line, sizeof(line), f))
			line[0] = '\0';
		fclose(f);
	}
	/* "0", "0-3", "0-3,6-7": the last number is the highest CPU. */
	for (p = line + strlen(line); p > line && (p[-1] < '0' ||
						   p[-1] > '9'); p--)
		;
	while (p > line && p[-1] >= '0' && p[-1] <= '9')
		p--;
	if (p[0] >= '0' && p[0] <= '9')
		n = atoi(p) + 1;
	return n ? n : (int)sysconf(_SC_NPROCESSORS_CONF);
}

/*
 * Read once at the start, before any test's threads: a worker closing a
 * descriptor number at random could close the one fopen() just got, and
 * the count read then as 1 made every record of CPU 1 look malformed
 * and CPU 1's ring "not possible" (seen once on 7.3).
 */
__attribute__((constructor)) static void nr_possible_first(void)
{
	nr_possible();
}

static int stopped(int *stop)
{
	return __atomic_load_n(stop, __ATOMIC_RELAXED);
}

/* What a reader got from a session. */
#define NWATCH	2
struct tally {
	uint64_t data;		/* records other than LOSS */
	uint64_t lost;		/* sum of the LOSS records' lost */
	uint64_t nloss;		/* LOSS records */
	uint64_t bad;		/* malformed records */
	pid_t watch[NWATCH];	/* threads whose getppid enters to count */
	uint64_t enters[NWATCH];
};

static void tally_records(struct tally *t, const char *buf, size_t len)
{
	const struct ktrace_rec_hdr *h;
	size_t off;
	int i;

	for (off = 0; off < len; off += h->size) {
		h = (const void *)(buf + off);
		if (len - off < sizeof(*h) || h->size < sizeof(*h) ||
		    h->size % 8 || h->size > len - off ||
		    h->type < KTRACE_REC_LOSS ||
		    h->type > KTRACE_REC_SIGNAL_DELIVER ||
		    h->cpu >= (unsigned int)nr_possible()) {
			t->bad++;
			return;
		}
		if (h->type == KTRACE_REC_LOSS) {
			t->lost += ((const struct ktrace_rec_loss *)h)->lost;
			t->nloss++;
			continue;
		}
		t->data++;
		if (h->type != KTRACE_REC_SYS_ENTER ||
		    ((const struct ktrace_rec_sys_enter *)h)->nr != SYS_getppid)
			continue;
		for (i = 0; i < NWATCH; i++)
			if (t->watch[i] && h->pid == t->watch[i])
				t->enters[i]++;
	}
}

static void tally_add(struct tally *to, const struct tally *from)
{
	to->data += from->data;
	to->lost += from->lost;
	to->nloss += from->nloss;
	to->bad += from->bad;
}

/* Read a disabled session to its end. */
static int drain(int fd, struct tally *t, char *buf)
{
	ssize_t n;

	for (;;) {
		n = read(fd, buf, READ_BUF);
		if (n > 0) {
			tally_records(t, buf, n);
			continue;
		}
		if (n == 0)
			return 0;
		if (errno != EINTR)
			return -errno;
	}
}

/* On a quiescent session: everything read, lost or pending, and no more. */
static void check_accounting(struct __test_metadata *_metadata, int fd,
			     const struct tally *t, int overwrite)
{
	struct ktrace_stats st;

	ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_STATS, &st));
	TH_LOG("read %llu records, %llu lost in %llu LOSS records",
	       (unsigned long long)t->data, (unsigned long long)t->lost,
	       (unsigned long long)t->nloss);
	TH_LOG("written %llu full %llu nest %llu reported %llu pending %llu overwritten %llu",
	       (unsigned long long)st.written,
	       (unsigned long long)st.lost_full,
	       (unsigned long long)st.lost_nest,
	       (unsigned long long)st.lost_reported,
	       (unsigned long long)st.lost_pending,
	       (unsigned long long)st.overwritten);
	EXPECT_EQ(0, t->bad);
	EXPECT_EQ(st.written, t->data);
	EXPECT_EQ(st.lost_reported, t->lost);
	EXPECT_EQ(st.lost_full + st.lost_nest,
		  st.lost_reported + st.lost_pending);
	EXPECT_LE(st.overwritten, st.lost_full);
	if (!overwrite)
		EXPECT_EQ(0, st.overwritten);
}

static int configure(int fd, __u32 ring_size, __u32 events, __u32 flags)
{
	struct ktrace_config c = {
		.ring_size = ring_size,
		.events = events,
		.flags = flags,
	};

	return ioctl(fd, KTRACE_IOC_CONFIGURE, &c);
}

/* A failure seen in a helper thread, reported by the test's own thread. */
struct failures {
	long n;
	pthread_mutex_t lock;
};

static void failed(struct failures *f, const char *what, long ret, int err)
{
	pthread_mutex_lock(&f->lock);
	if (f->n++ < 10)
		fprintf(stderr, "# %s returned %ld (%s)\n", what, ret,
			ret < 0 ? strerror(err) : "");
	pthread_mutex_unlock(&f->lock);
}

FIXTURE(stress) {
	int fd;
	char *buf;
	int secs;
	pid_t forkers[2];
};

FIXTURE_SETUP(stress)
{
	self->fd = -1;
	if (geteuid() != 0)
		SKIP(return, "needs root");
	self->secs = stress_seconds();
	self->buf = malloc(READ_BUF);
	ASSERT_NE(NULL, self->buf);
	self->fd = open(DEV_PATH, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("%s: %s", DEV_PATH, strerror(errno));
	TH_LOG("running %d s", self->secs);
}

FIXTURE_TEARDOWN(stress)
{
	int i;

	for (i = 0; i < 2; i++)
		if (self->forkers[i] > 0)
			kill(self->forkers[i], SIGKILL);
	while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
		;
	if (self->fd >= 0)
		close(self->fd);
	free(self->buf);
}

/* Rings replaced under readers: four threads on one disabled session. */
struct resize {
	int fd;
	int stop;
	long configures, polls, stats, views;
	struct failures f;
};

static void *resize_configure(void *arg)
{
	struct resize *r = arg;
	long ret;

	while (!stopped(&r->stop)) {
		ret = configure(r->fd, r->configures & 1 ? 64 << 10 : 16 << 10,
				KTRACE_EV_ALL, 0);
		if (ret)
			failed(&r->f, "CONFIGURE", ret, errno);
		r->configures++;
	}
	return NULL;
}

static void *resize_poll(void *arg)
{
	struct resize *r = arg;
	struct pollfd p = { .fd = r->fd, .events = POLLIN };
	long ret;

	while (!stopped(&r->stop)) {
		ret = poll(&p, 1, 0);
		if (ret < 0 || (ret && (p.revents & (POLLERR | POLLNVAL))))
			failed(&r->f, "poll", ret, errno);
		r->polls++;
	}
	return NULL;
}

/* A session never enabled has nothing to count, whatever its rings. */
static void *resize_stats(void *arg)
{
	struct resize *r = arg;
	struct ktrace_stats st;
	long ret;

	while (!stopped(&r->stop)) {
		ret = ioctl(r->fd, KTRACE_IOC_STATS, &st);
		if (ret)
			failed(&r->f, "STATS", ret, errno);
		else if (st.written || st.lost_full || st.lost_nest ||
			 st.lost_reported || st.lost_pending)
			failed(&r->f, "STATS of an idle session", 1, 0);
		r->stats++;
	}
	return NULL;
}

/* debugfs: every ring of the (only) session is 16 or 64 KiB. */
static void *resize_debugfs(void *arg)
{
	static char text[1 << 16];
	struct resize *r = arg;
	unsigned int sess, cpu;
	unsigned long size;
	ssize_t n, len;
	char *line;
	int fd;

	while (!stopped(&r->stop)) {
		fd = open(RINGS_PATH, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			failed(&r->f, "open " RINGS_PATH, fd, errno);
			break;
		}
		for (len = 0; (n = read(fd, text + len,
					sizeof(text) - 1 - len)) > 0;)
			len += n;
		close(fd);
		text[len] = '\0';
		line = strchr(text, '\n');
		while (line && line[1]) {
			line++;
			if (sscanf(line, "%u %u %lu", &sess, &cpu, &size) != 3 ||
			    (size != 16 << 10 && size != 64 << 10)) {
				failed(&r->f, "a line of " RINGS_PATH, 1, 0);
				fprintf(stderr, "# %.*s\n",
					(int)strcspn(line, "\n"), line);
			}
			line = strchr(line, '\n');
		}
		r->views++;
	}
	return NULL;
}

TEST_F_TIMEOUT(stress, resize_under_poll_stats_and_debugfs, 200)
{
	void *(*fn[])(void *) = { resize_configure, resize_poll,
				  resize_stats, resize_debugfs };
	struct resize r = { .fd = self->fd };
	struct tally t = {};
	pthread_t th[4];
	int i;

	pthread_mutex_init(&r.f.lock, NULL);
	/* From the module's default ring size to the first of the two. */
	ASSERT_EQ(0, configure(self->fd, 16 << 10, KTRACE_EV_ALL, 0));
	for (i = 0; i < 4; i++)
		ASSERT_EQ(0, pthread_create(&th[i], NULL, fn[i], &r));
	sleep(self->secs);
	__atomic_store_n(&r.stop, 1, __ATOMIC_RELAXED);
	for (i = 0; i < 4; i++)
		pthread_join(th[i], NULL);
	TH_LOG("%ld configures, %ld polls, %ld stats, %ld debugfs reads",
	       r.configures, r.polls, r.stats, r.views);
	EXPECT_EQ(0, r.f.n);
	EXPECT_LT(0, r.configures);
	EXPECT_LT(0, r.polls);
	EXPECT_LT(0, r.stats);
	EXPECT_LT(0, r.views);

	/* The session still captures. */
	ASSERT_EQ(0, configure(self->fd, 16 << 10, KTRACE_EV_ALL,
			       KTRACE_CFG_TRACE_SELF));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	for (i = 0; i < 10; i++)
		syscall(SYS_getppid);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	ASSERT_EQ(0, drain(self->fd, &t, self->buf));
	EXPECT_LE(20, t.data);
	check_accounting(_metadata, self->fd, &t, 0);
}

/* The flight recorder: producers that wrap a 16 KiB ring. */
struct producer {
	int *stop;
	pid_t tid;
	long calls;
};

static void *produce_with_paths(void *arg)
{
	struct producer *p = arg;
	char path[600];

	memset(path, 'k', sizeof(path) - 1);
	path[0] = '/';
	path[sizeof(path) - 1] = '\0';
	__atomic_store_n(&p->tid, gettid_(), __ATOMIC_RELEASE);
	while (!stopped(p->stop)) {
		syscall(SYS_getppid);
		if (++p->calls % 64 == 0)
			syscall(SYS_openat, AT_FDCWD, path, O_RDONLY);
	}
	return NULL;
}

TEST_F_TIMEOUT(stress, flight_recorder_read_every_ms_while_wrapping, 200)
{
	struct producer prod[2];
	struct tally t = {};
	pthread_t th[2];
	int stop = 0, i;
	double end;
	ssize_t n;

	ASSERT_EQ(0, configure(self->fd, 16 << 10, KTRACE_EV_ALL,
			       KTRACE_CFG_OVERWRITE | KTRACE_CFG_TRACE_SELF));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	for (i = 0; i < 2; i++) {
		prod[i] = (struct producer){ .stop = &stop };
		ASSERT_EQ(0, pthread_create(&th[i], NULL, produce_with_paths,
					    &prod[i]));
	}
	for (i = 0; i < 2; i++) {
		while (!__atomic_load_n(&prod[i].tid, __ATOMIC_ACQUIRE))
			usleep(1000);
		t.watch[i] = prod[i].tid;
	}
	for (end = now() + self->secs; now() < end; usleep(1000)) {
		n = read(self->fd, self->buf, READ_BUF);
		if (n > 0)
			tally_records(&t, self->buf, n);
		else
			ASSERT_EQ(EAGAIN, errno);
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	for (i = 0; i < 2; i++)
		pthread_join(th[i], NULL);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	ASSERT_EQ(0, drain(self->fd, &t, self->buf));
	check_accounting(_metadata, self->fd, &t, 1);

	/* Each producer's getppid calls were read or lost, none twice. */
	for (i = 0; i < 2; i++) {
		struct ktrace_stats st;

		ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &st));
		TH_LOG("producer %d: %ld calls, %llu enters read", i,
		       prod[i].calls, (unsigned long long)t.enters[i]);
		EXPECT_LE(t.enters[i], (uint64_t)prod[i].calls);
		EXPECT_LE((uint64_t)prod[i].calls,
			  t.enters[i] + t.lost + st.lost_pending);
	}
}

/*
 * Random operations.  One session is accounted for: its rings keep their
 * size, its mappings only look, every record read from it is counted, and
 * its filters stay wide so that it is busy.  The other is the churn
 * session: anything goes, including close and open again, junk ioctls,
 * narrow filters and a scribbled data_tail.
 */
enum {
	OP_READ, OP_POLL, OP_STATS, OP_LOSSES, OP_SYSCALL_STATS, OP_CLASS,
	OP_SET_SYSCALLS, OP_SET_STATUS, OP_RESET, OP_PID, OP_CONFIGURE,
	OP_ENABLE, OP_DISABLE, OP_MMAP, OP_INVALID, OP_JUNK, OP_REOPEN,
	OP_COUNTS, OP_PROC_STATS, OP_TASKS, OP_VERSION,
	OP_BLOCK_READ, OP_LONG_POLL, OP_NONBLOCK,
	NR_OPS
};

static const char * const op_names[NR_OPS] = {
	"read", "poll", "STATS", "LOSSES", "SYSCALL_STATS", "GET_CLASS",
	"SET_SYSCALLS", "SET_STATUS", "RESET_STATS", "PID_ADD/DEL",
	"CONFIGURE", "ENABLE", "DISABLE", "mmap", "invalid", "junk", "reopen",
	"SESSION_COUNTS", "PROC_STATS", "TASKS", "VERSION",
	"blocking read", "long poll", "O_NONBLOCK",
};

/*
 * The accounted session always counts by process (KTRACE_CFG_PROC_STATS):
 * its KTRACE_IOC_PROC_STATS never fails with ENODATA.
 */
#define ACCOUNTED_RING	(64 << 10)
#define ACCOUNTED_FLAGS	(KTRACE_CFG_TRACE_SELF | KTRACE_CFG_PROC_STATS)
#define PARAM_SLOTS	"/sys/module/ktrace/parameters/proc_slots"

struct stress {
	int stop;
	int fd;				/* the accounted session */
	int churn_fd;
	pthread_rwlock_t churn_lock;	/* write-held to close churn_fd */
	pid_t forkers[2];
	char *edge;			/* the end of a page before a hole */
	struct ktrace_task *tasks;	/* room for KTRACE_TASKS_MAX */
	long ops[NR_OPS];
	double op_time[NR_OPS];		/* seconds spent in each */
	struct failures f;
};

struct worker {
	struct stress *s;
	int churn;
	int blocker;		/* reads and polls that wait */
	int nonblock;		/* the accounted file's O_NONBLOCK, as set */
	int done;		/* the thread has ended */
	unsigned int seed;
	char *buf;
	char *edge;		/* a blocker's own page before a hole */
	struct tally t;
	/* What the blocking reads returned. */
	long got, eof, intr, again, inval, fault, waited;
};

static void wfailed(struct worker *w, const char *what, long ret, int err)
{
	char msg[128];

	snprintf(msg, sizeof(msg), "%s (%s session)", what,
		 w->churn ? "churn" : "accounted");
	failed(&w->s->f, msg, ret, err);
}

static int errno_in(int err, const int *list)
{
	for (; *list; list++)
		if (err == *list)
			return 1;
	return 0;
}

/* Check a result: success, or one of the errnos given, 0-terminated. */
#define OK_IF(w, op, ret, ...) do {					\
	const int __ok[] = { __VA_ARGS__, 0 };				\
	long __ret = (ret);						\
	int __err = errno;						\
	if (__ret < 0 && !errno_in(__err, __ok))			\
		wfailed((w), op_names[op], __ret, __err);		\
} while (0)

static unsigned int pick(struct worker *w, unsigned int n)
{
	return rand_r(&w->seed) % n;
}

/* Not mapped; volatile, so that the compiler does not judge the call. */
static void *volatile bad_address = (void *)8;

static uint64_t now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000ULL + t.tv_nsec;
}

static void set_slots(struct worker *w, const char *v)
{
	int fd = open(PARAM_SLOTS, O_WRONLY | O_CLOEXEC);
	ssize_t n = -1;

	if (fd >= 0) {
		n = write(fd, v, strlen(v));
		close(fd);
	}
	if (n != (ssize_t)strlen(v))
		wfailed(w, "write " PARAM_SLOTS, n, errno);
}

/* Bytes the kernel was not to write are still this. */
#define SENTINEL	0xa5

static int untouched(const void *p, size_t len)
{
	const unsigned char *c = p;

	for (; len; len--, c++)
		if (*c != SENTINEL)
			return 0;
	return 1;
}

/*
 * Where an op wants an array of @size-byte entries written: mostly @buf
 * with room for @n, else an unmapped address, or the end of a page before
 * one that cannot be touched, with room for 0 to 2 entries.  *@cap is the
 * room.
 */
static void *room_at(struct worker *w, void *buf, size_t size,
		     unsigned int n, unsigned int *cap)
{
	switch (pick(w, 8)) {
	case 0:
		*cap = 0;
		return bad_address;
	case 1:
		*cap = pick(w, 3);
		return w->s->edge - *cap * size;
	default:
		*cap = n;
		return buf;
	}
}

/* A failure where the call had to fail with @want, or a wrong errno. */
static void want_errno(struct worker *w, int op, long ret, int want,
		       const char *why)
{
	int err = errno;

	if (ret >= 0 || err != want) {
		char msg[96];

		snprintf(msg, sizeof(msg), "%s, %s: not %s", op_names[op], why,
			 strerror(want));
		wfailed(w, msg, ret, err);
	}
}

/* Walk the records between tail and head of a mapped ring, bounded. */
static unsigned long peek_ring(void *map, int consume, int scribble)
{
	struct ktrace_ring_page *ctl = map;
	const char *data = (const char *)map + ctl->data_offset;
	uint64_t head, tail, size = ctl->data_size;
	const struct ktrace_rec_hdr *h;
	unsigned long n = 0;

	head = __atomic_load_n(&ctl->data_head, __ATOMIC_ACQUIRE);
	tail = __atomic_load_n(&ctl->data_tail, __ATOMIC_RELAXED);
	while (tail < head && head - tail <= size && n < 100000) {
		h = (const void *)(data + (tail & (size - 1)));
		if (h->size < 8 || h->size % 8 ||
		    h->size > size - (tail & (size - 1)))
			break;
		tail += h->size;
		n++;
	}
	if (scribble)
		tail = head + (uint64_t)rand() * 8;
	if (consume || scribble)
		__atomic_store_n(&ctl->data_tail, tail, __ATOMIC_RELEASE);
	return n;
}

/*
 * The data pages unmapped, the control page kept: the vma is split, and
 * the piece left (vm_open()) still keeps the rings from being replaced.
 */
static void mmap_split(struct worker *w, int fd, char *map, size_t page,
		       size_t len)
{
	const struct ktrace_ring_page *ctl = (const void *)map;
	struct ktrace_config c = { .events = KTRACE_EV_ALL };
	__u64 size = ctl->data_size;
	long ret;

	munmap(map + page, len - page);
	if (w->churn) {
		c.ring_size = size == 16 << 10 ? 32 << 10 : 16 << 10;
		ret = ioctl(fd, KTRACE_IOC_CONFIGURE, &c);
		want_errno(w, OP_MMAP, ret, EBUSY,
			   "CONFIGURE of a new size under a split mapping");
	}
	if (ctl->data_size != size)
		wfailed(w, "the control page of a split mapping", size, 0);
	munmap(map, page);
}

/* A child inherits the mapping (vm_open()), looks at it and exits. */
static void mmap_fork(struct worker *w, const struct ktrace_ring_page *ctl)
{
	__u64 size = ctl->data_size;
	int status = 0;
	pid_t pid;

	pid = fork();
	if (pid == 0)
		_exit(ctl->data_size == size ? 0 : 1);
	if (pid < 0) {
		wfailed(w, "fork", pid, errno);
		return;
	}
	/* The pokes interrupt the wait (no SA_RESTART). */
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		wfailed(w, "a child's look at the mapping it inherited",
			status, 0);
}

static void op_mmap(struct worker *w, int fd)
{
	long page = sysconf(_SC_PAGESIZE);
	int cpu = pick(w, nr_possible() + 1), prot = PROT_READ;
	struct ktrace_ring_page *ctl;
	size_t len;
	void *map;

	if (w->churn)
		prot |= PROT_WRITE;
	ctl = mmap(NULL, page, prot, MAP_SHARED, fd, KTRACE_MMAP_OFFSET(cpu));
	if (ctl == MAP_FAILED) {
		OK_IF(w, OP_MMAP, -1, EINVAL);
		return;
	}
	if (cpu >= nr_possible())
		wfailed(w, "mmap of a CPU that is not possible", 0, 0);
	len = page + ctl->data_size;
	munmap(ctl, page);
	map = mmap(NULL, len, prot, MAP_SHARED, fd, KTRACE_MMAP_OFFSET(cpu));
	if (map == MAP_FAILED) {
		OK_IF(w, OP_MMAP, -1, EINVAL);
		return;
	}
	peek_ring(map, w->churn && pick(w, 2), w->churn && !pick(w, 16));
	switch (pick(w, 8)) {
	case 0:
		mmap_split(w, fd, map, page, len);
		return;
	case 1:
		mmap_fork(w, map);
		break;
	}
	munmap(map, len);
}

/* Every command, and those that take a structure. */
static const unsigned long all_cmds[] = {
	KTRACE_IOC_ENABLE, KTRACE_IOC_DISABLE, KTRACE_IOC_RESET_STATS,
	KTRACE_IOC_VERSION, KTRACE_IOC_STATS, KTRACE_IOC_SYSCALL_STATS,
	KTRACE_IOC_CONFIGURE, KTRACE_IOC_PID_ADD, KTRACE_IOC_PID_DEL,
	KTRACE_IOC_SET_SYSCALLS, KTRACE_IOC_GET_CLASS, KTRACE_IOC_SET_STATUS,
	KTRACE_IOC_LOSSES, KTRACE_IOC_SESSION_SYSCALL_STATS,
	KTRACE_IOC_SESSION_COUNTS, KTRACE_IOC_PROC_STATS, KTRACE_IOC_TASKS,
};

#define FIRST_WITH_STRUCT	3

/*
 * mmap() refused: a private mapping, an offset inside a ring's range, or
 * longer than the largest ring.
 */
static void op_invalid_mmap(struct worker *w, int fd)
{
	long page = sysconf(_SC_PAGESIZE);
	size_t len = page;
	int flags = MAP_SHARED;
	off_t off = KTRACE_MMAP_OFFSET(0);
	void *map;

	switch (pick(w, 3)) {
	case 0:
		flags = MAP_PRIVATE;
		break;
	case 1:
		off += page * (1 + pick(w, 16));
		break;
	default:
		len += 128 << 20;
		break;
	}
	map = mmap(NULL, len, PROT_READ, flags, fd, off);
	if (map != MAP_FAILED) {
		wfailed(w, "an invalid mmap()", 0, 0);
		munmap(map, len);
		return;
	}
	OK_IF(w, OP_INVALID, -1, EINVAL);
}

static void op_invalid(struct worker *w, int fd)
{
	struct ktrace_config c = { .events = KTRACE_EV_ALL };
	struct ktrace_pid p = { .pid = 1 };
	struct ktrace_syscalls sc = { .abi = 0 };
	struct ktrace_status st = { .status = KTRACE_STATUS_ALL };
	unsigned long cmd;
	unsigned int i;
	long ret;

	switch (pick(w, 12)) {
	case 0:
		ret = ioctl(fd, _IO(KTRACE_IOC_MAGIC, 0x7f));
		OK_IF(w, OP_INVALID, ret, ENOTTY);
		break;
	case 1:
		/* The structure unmapped, or its second half. */
		cmd = all_cmds[FIRST_WITH_STRUCT +
			       pick(w, ARRAY_SIZE(all_cmds) -
				       FIRST_WITH_STRUCT)];
		ret = ioctl(fd, cmd, pick(w, 2) ? bad_address :
			    w->s->edge - _IOC_SIZE(cmd) / 2);
		OK_IF(w, OP_INVALID, ret, EFAULT);
		break;
	case 2:
		i = pick(w, ARRAY_SIZE(c.__reserved) + 2);
		if (i < ARRAY_SIZE(c.__reserved))
			c.__reserved[i] = 1;
		else if (i == ARRAY_SIZE(c.__reserved))
			c.__reserved0 = 1;
		else
			c.throttle_ms = 60001;
		ret = ioctl(fd, KTRACE_IOC_CONFIGURE, &c);
		OK_IF(w, OP_INVALID, ret, EINVAL);
		break;
	case 3:
		c.ring_size = pick(w, 2) ? 12345 : 4096;
		ret = ioctl(fd, KTRACE_IOC_CONFIGURE, &c);
		OK_IF(w, OP_INVALID, ret, EINVAL);
		break;
	case 4:
		c.ring_size = 128 << 20;
		ret = ioctl(fd, KTRACE_IOC_CONFIGURE, &c);
		OK_IF(w, OP_INVALID, ret, E2BIG);
		break;
	case 5:
		p.pid = pick(w, 2) ? 0 : -5;
		p.flags = pick(w, 2) ? 0x80 : 0;
		ret = ioctl(fd, KTRACE_IOC_PID_ADD, &p);
		OK_IF(w, OP_INVALID, ret, EINVAL);
		break;
	case 6:
		sc.abi = 5;
		ret = ioctl(fd, KTRACE_IOC_SET_SYSCALLS, &sc);
		OK_IF(w, OP_INVALID, ret, EINVAL);
		break;
	case 7:
		st.status = 0;
		ret = ioctl(fd, KTRACE_IOC_SET_STATUS, &st);
		OK_IF(w, OP_INVALID, ret, EINVAL);
		break;
	case 8:
		/* No write(), no seek. */
		ret = write(fd, &c, 8);
		OK_IF(w, OP_INVALID, ret, EINVAL);
		break;
	case 9:
		ret = lseek(fd, 0, SEEK_SET);
		OK_IF(w, OP_INVALID, ret, ESPIPE);
		break;
	case 10:
		op_invalid_mmap(w, fd);
		return;
	default:
		/*
		 * Nothing is taken from the ring when the copy faults.  A
		 * blocker may have cleared O_NONBLOCK: a poke ends the wait.
		 */
		ret = read(fd, bad_address, READ_BUF);
		OK_IF(w, OP_INVALID, ret, EFAULT, EAGAIN, EINTR,
		      w->churn ? EIO : EAGAIN);
		if (ret > 0)
			wfailed(w, "read into address 8", ret, 0);
		return;
	}
	if (ret >= 0)
		wfailed(w, "an invalid call", ret, 0);
}

/*
 * Junk commands, sizes and arguments, as random_ioctls_fail_cleanly, and
 * half the time a real command with junk for its structure, which may run
 * into a hole: whatever happens, an error is one the module documents.
 */
static void op_junk(struct worker *w, int fd)
{
	static unsigned char junk[8192];
	void *ptrs[] = { NULL, bad_address, junk, junk + sizeof(junk) - 16,
			 w->s->edge - 16, (void *)-1UL };
	unsigned long cmd = _IOC(pick(w, 4), KTRACE_IOC_MAGIC, pick(w, 0x22),
				 pick(w, 600));
	long ret;
	int k;

	if (pick(w, 2))
		cmd = all_cmds[pick(w, ARRAY_SIZE(all_cmds))];
	for (k = 0; k < 16; k++)
		junk[pick(w, sizeof(junk))] = rand_r(&w->seed);
	ret = ioctl(fd, cmd, ptrs[pick(w, ARRAY_SIZE(ptrs))]);
	OK_IF(w, OP_JUNK, ret, ENOTTY, EINVAL, EFAULT, EBUSY, ESRCH, ENOENT,
	      ENODATA, E2BIG, ENOMEM);
}

static void op_reopen(struct worker *w)
{
	struct stress *s = w->s;
	long page = sysconf(_SC_PAGESIZE);
	void *keep = MAP_FAILED;
	int fd;

	pthread_rwlock_wrlock(&s->churn_lock);
	/* Sometimes a mapping outlives the file descriptor. */
	if (pick(w, 2))
		keep = mmap(NULL, page, PROT_READ, MAP_SHARED, s->churn_fd,
			    KTRACE_MMAP_OFFSET(0));
	close(s->churn_fd);
	fd = open(DEV_PATH, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		failed(&s->f, "open", fd, errno);
	/* The churn session's blocker reads the number without the lock. */
	__atomic_store_n(&s->churn_fd, fd, __ATOMIC_RELAXED);
	/*
	 * The blocker may read the old number, now this file's, find it
	 * disabled and enable it: CONFIGURE is then refused.
	 */
	if (fd >= 0 && pick(w, 2)) {
		if ((configure(fd, 16 << 10, KTRACE_EV_ALL, 0) &&
		     errno != EBUSY) || ioctl(fd, KTRACE_IOC_ENABLE))
			failed(&s->f, "CONFIGURE+ENABLE of a new session", -1,
			       errno);
	}
	pthread_rwlock_unlock(&s->churn_lock);
	if (keep != MAP_FAILED)
		munmap(keep, page);
}

/*
 * KTRACE_IOC_SESSION_COUNTS: a run of syscalls starting anywhere, near
 * the end or past it, with any room.  Exactly min(room, KTRACE_NR_MAX -
 * first) entries are written, nothing after them, and a room too small
 * for them is EFAULT.  The counts are since RESET_STATS, which the other
 * threads call: none may come out below zero.
 */
static void op_counts(struct worker *w, int fd)
{
	static const __u32 firsts[] = {
		0, KTRACE_NR_MAX - 17, KTRACE_NR_MAX - 16, KTRACE_NR_MAX - 1,
		KTRACE_NR_MAX, KTRACE_NR_MAX + 1, 1U << 31, ~0U,
	};
	static const __u32 rooms[] = {
		0, 1, 15, 16, 17, KTRACE_NR_MAX, KTRACE_NR_MAX + 1, ~0U,
	};
	struct ktrace_count *c = (void *)w->buf;
	struct ktrace_counts q = {}, in;
	unsigned int cap, n, i, bad = 0;
	void *at;
	long ret;

	q.abi = pick(w, 8) ? pick(w, KTRACE_ABI_COUNT) :
			     KTRACE_ABI_COUNT + pick(w, 0xfff0);
	q.first = pick(w, 2) ? pick(w, KTRACE_NR_MAX) : firsts[pick(w, 8)];
	q.nr = pick(w, 2) ? pick(w, KTRACE_NR_MAX + 2) : rooms[pick(w, 8)];
	switch (pick(w, 16)) {
	case 0:
		q.__reserved0 = 1 << pick(w, 16);
		bad = 1;
		break;
	case 1:
		q.__reserved = 1U << pick(w, 32);
		bad = 1;
		break;
	}
	memset(c, SENTINEL, (KTRACE_NR_MAX + 1) * sizeof(*c));
	if (!pick(w, 16)) {
		at = NULL;
		cap = 0;
	} else {
		at = room_at(w, c, sizeof(*c), KTRACE_NR_MAX + 1, &cap);
	}
	q.counts = (uintptr_t)at;
	in = q;
	ret = ioctl(fd, KTRACE_IOC_SESSION_COUNTS, &q);
	if (bad || in.abi >= KTRACE_ABI_COUNT || in.first >= KTRACE_NR_MAX) {
		want_errno(w, OP_COUNTS, ret, EINVAL, "invalid fields");
		return;
	}
	n = in.nr < KTRACE_NR_MAX - in.first ? in.nr :
					       KTRACE_NR_MAX - in.first;
	if (n > cap) {
		want_errno(w, OP_COUNTS, ret, EFAULT, "room too small");
		return;
	}
	OK_IF(w, OP_COUNTS, ret, 0);
	if (ret < 0)
		return;
	if (q.nr != n)
		wfailed(w, "SESSION_COUNTS nr, not min(room, NR_MAX - first)",
			q.nr, 0);
	if (q.counts != in.counts || q.abi != in.abi || q.first != in.first ||
	    q.__reserved0 || q.__reserved)
		wfailed(w, "SESSION_COUNTS changed an input field", 1, 0);
	if (at != c)
		return;
	for (i = 0; i < n; i++)
		if ((int64_t)c[i].calls < 0 || (int64_t)c[i].errors < 0 ||
		    (int64_t)c[i].total_ns < 0)
			wfailed(w, "SESSION_COUNTS below zero, syscall",
				in.first + i, 0);
	if (!untouched(c + n, sizeof(*c)))
		wfailed(w, "SESSION_COUNTS wrote past nr", n, 0);
}

/*
 * KTRACE_IOC_PROC_STATS, closing intervals or not, with any room, while
 * other threads reconfigure the session (replacing or dropping its
 * tables) and change proc_slots.  The answer is the last closed interval,
 * whole: processes in ascending order, each with calls, the first
 * min(room, nr_procs) of them written and nothing after.
 */
static void op_proc_stats(struct worker *w, int fd)
{
	static const __u32 rooms[] = { 0, 1, 2, 16, 64 };
	struct ktrace_proc_count *pc = (void *)w->buf;
	struct ktrace_proc_stats q = {}, in;
	unsigned int cap, n, i, bad = 0;
	uint64_t t0, t1;
	void *at;
	long ret;
	int err;

	q.flags = pick(w, 2) ? KTRACE_PROC_NEXT : 0;
	q.nr_procs = rooms[pick(w, 5)];
	switch (pick(w, 16)) {
	case 0:
		q.flags |= 2U << pick(w, 31);
		bad = 1;
		break;
	case 1:
		q.__reserved0 = 1U << pick(w, 32);
		bad = 1;
		break;
	case 2:
		q.__reserved[pick(w, 4)] = 1ULL << pick(w, 64);
		bad = 1;
		break;
	case 3:
		/* The output fields are not read. */
		memset(&q.start_ns, 0x5a, sizeof(q.start_ns) +
		       sizeof(q.end_ns) + sizeof(q.slots));
		memset(&q.overflow, 0x5a, sizeof(q.overflow));
		break;
	}
	memset(pc, SENTINEL, 65 * sizeof(*pc));
	if (!pick(w, 8)) {
		at = NULL;		/* only how many */
		cap = ~0U;
	} else {
		at = room_at(w, pc, sizeof(*pc), 64, &cap);
	}
	q.procs = (uintptr_t)at;
	in = q;
	t0 = now_ns();
	ret = ioctl(fd, KTRACE_IOC_PROC_STATS, &q);
	err = errno;
	t1 = now_ns();
	if (bad) {
		want_errno(w, OP_PROC_STATS, ret, EINVAL, "invalid fields");
		return;
	}
	if (ret < 0) {
		/* The churn session is not always counting by process. */
		if ((err == ENODATA && w->churn) ||
		    (err == EFAULT && in.nr_procs > cap))
			return;
		wfailed(w, op_names[OP_PROC_STATS], ret, err);
		return;
	}
	/* Written: as many as there were, up to the room; none at NULL. */
	n = !at ? 0 : in.nr_procs < q.nr_procs ? in.nr_procs : q.nr_procs;
	if (n > cap)
		wfailed(w, "PROC_STATS, no EFAULT for a room too small", n, 0);
	if (q.procs != in.procs || q.flags != in.flags || q.__reserved0 ||
	    q.__reserved[0] || q.__reserved[1] || q.__reserved[2] ||
	    q.__reserved[3])
		wfailed(w, "PROC_STATS changed an input field", 1, 0);
	if (q.slots < 16 || q.slots > 16384 || (q.slots & (q.slots - 1)))
		wfailed(w, "PROC_STATS slots", q.slots, 0);
	if (q.overflow.tgid != -1 || q.overflow.comm[0] ||
	    q.overflow.__reserved || q.overflow.errors > q.overflow.calls)
		wfailed(w, "PROC_STATS overflow", q.overflow.tgid, 0);
	/* Closed by this call, or earlier; never one not yet closed. */
	if (in.flags & KTRACE_PROC_NEXT ?
	    q.end_ns < t0 || q.end_ns > t1 || q.start_ns > q.end_ns :
	    q.end_ns ? q.start_ns > q.end_ns || q.end_ns > t1 :
		       q.start_ns || q.nr_procs || q.overflow.calls)
		wfailed(w, "PROC_STATS interval", q.end_ns, 0);
	if (at != pc)
		return;
	for (i = 0; i < n; i++)
		if (pc[i].tgid <= (i ? pc[i - 1].tgid : 0) ||
		    pc[i].__reserved || !pc[i].calls ||
		    pc[i].errors > pc[i].calls ||
		    !memchr(pc[i].comm, 0, sizeof(pc[i].comm)))
			wfailed(w, "PROC_STATS process", pc[i].tgid, 0);
	if (!untouched(pc + n, sizeof(*pc)))
		wfailed(w, "PROC_STATS wrote past its room", n, 0);
}

/* One task of a snapshot, as struct ktrace_task documents it. */
static int task_ok(const struct ktrace_task *t,
		   const struct ktrace_tasks *q, uint64_t t1)
{
	const __u32 known = KTRACE_TASK_ZOMBIE | KTRACE_TASK_IN_SYSCALL |
			    KTRACE_TASK_PARENT_IN_SYSCALL;

	if (t->pid <= 0 || t->tgid <= 0 || t->ppid < 0 ||
	    (t->flags & ~known) || t->__reserved ||
	    !t->state || !strchr("RSDTtXZPI", t->state) ||
	    t->off_cpu_ns < q->min_off_cpu_ns || t->start_ns > t1 ||
	    !memchr(t->comm, 0, sizeof(t->comm)) ||
	    !memchr(t->parent_comm, 0, sizeof(t->parent_comm)))
		return 0;
	if (t->flags & KTRACE_TASK_IN_SYSCALL ?
	    (t->flags & KTRACE_TASK_ZOMBIE) || t->nr < 0 ||
	    t->abi >= KTRACE_ABI_COUNT : t->nr != -1)
		return 0;
	if (t->flags & KTRACE_TASK_PARENT_IN_SYSCALL ?
	    t->parent_nr < 0 || t->parent_abi >= KTRACE_ABI_COUNT :
	    t->parent_nr != -1)
		return 0;
	if (!(t->flags & KTRACE_TASK_ZOMBIE) && t->exit_code)
		return 0;
	/* A zombie found may be reaped by the time it is filled in. */
	if (!(q->select & KTRACE_TASKS_SYSCALL) &&
	    (t->flags & KTRACE_TASK_IN_SYSCALL))
		return 0;
	/* The process's threads, and the zombies it is the parent of. */
	return !q->tgid || t->tgid == q->tgid || t->ppid == q->tgid;
}

/*
 * KTRACE_IOC_TASKS, the task list walked while the forkers' children
 * fork, exec, exit and are reaped: every process or one (a forker, with
 * its zombies; ours; one that does not exist), any room up to
 * KTRACE_TASKS_MAX, and the invalid fields.  Exactly min(room, matched)
 * entries are written, each a task the query asked for.
 */
static void op_tasks(struct worker *w, int fd)
{
	static const __u32 rooms[] = { 0, 1, 4, 64 };
	struct ktrace_task *t = (void *)w->buf;
	struct ktrace_tasks q = {}, in;
	unsigned int cap, n, i, bad = 0, nobody = 0, maybe = 0;
	uint64_t t0, t1;
	void *at;
	long ret;
	int err;

	q.select = 1 + pick(w, KTRACE_TASKS_SELECT);
	switch (pick(w, 6)) {
	case 0:
	case 1:
		q.tgid = w->s->forkers[pick(w, 2)];
		break;
	case 2:
		q.tgid = getpid();
		break;
	case 3:
		q.tgid = 1 + pick(w, 1 << 22);
		maybe = 1;
		break;
	case 4:
		/* Above PID_MAX_LIMIT: nobody. */
		q.tgid = 0x7fffffff;
		nobody = 1;
		break;
	}
	i = pick(w, 8);
	q.min_off_cpu_ns = i == 0 ? ~0ULL : i == 1 ? 1000000 : 0;
	q.nr_tasks = rooms[pick(w, 4)];
	memset(t, SENTINEL, 65 * sizeof(*t));
	switch (pick(w, 16)) {
	case 0:
		at = NULL;
		cap = 0;
		break;
	case 1:
		q.nr_tasks = KTRACE_TASKS_MAX;
		at = w->s->tasks;
		cap = KTRACE_TASKS_MAX;
		break;
	default:
		at = room_at(w, t, sizeof(*t), 64, &cap);
		break;
	}
	q.tasks = (uintptr_t)at;
	switch (pick(w, 16)) {
	case 0:
		q.select = pick(w, 2) ? 0 : 4U << pick(w, 30);
		bad = 1;
		break;
	case 1:
		q.nr_tasks = KTRACE_TASKS_MAX + 1 + pick(w, 2) * (1U << 31);
		bad = 1;
		break;
	case 2:
		q.tgid = -1 - (int)pick(w, 1 << 22);
		bad = 1;
		break;
	case 3:
		q.__reserved0 = 1U << pick(w, 32);
		bad = 1;
		break;
	case 4:
		q.__reserved[pick(w, 2)] = 1ULL << pick(w, 64);
		bad = 1;
		break;
	}
	in = q;
	t0 = now_ns();
	ret = ioctl(fd, KTRACE_IOC_TASKS, &q);
	err = errno;
	t1 = now_ns();
	if (bad || (in.nr_tasks && !in.tasks)) {
		want_errno(w, OP_TASKS, ret, EINVAL, "invalid fields");
		return;
	}
	if (nobody) {
		want_errno(w, OP_TASKS, ret, ESRCH, "tgid 0x7fffffff");
		return;
	}
	if (ret < 0) {
		if ((err == ESRCH && maybe) ||
		    (err == EFAULT && in.nr_tasks > cap) ||
		    (err == ENOMEM && in.nr_tasks > 64))
			return;
		wfailed(w, op_names[OP_TASKS], ret, err);
		return;
	}
	n = in.nr_tasks < q.nr_tasks ? in.nr_tasks : q.nr_tasks;
	if (n > cap)
		wfailed(w, "TASKS, no EFAULT for a room too small", n, 0);
	if (q.now < t0 || q.now > t1)
		wfailed(w, "TASKS now", q.now, 0);
	if (in.min_off_cpu_ns == ~0ULL && q.nr_tasks)
		wfailed(w, "TASKS off CPU for 584 years", q.nr_tasks, 0);
	if (q.tasks != in.tasks || q.select != in.select ||
	    q.tgid != in.tgid || q.min_off_cpu_ns != in.min_off_cpu_ns ||
	    q.__reserved0 || q.__reserved[0] || q.__reserved[1])
		wfailed(w, "TASKS changed an input field", 1, 0);
	if (at != t)
		return;
	for (i = 0; i < n; i++)
		if (!task_ok(&t[i], &q, t1)) {
			wfailed(w, "TASKS entry", t[i].pid, 0);
			fprintf(stderr, "# select %u tgid %d min_off_cpu %llu:",
				q.select, q.tgid,
				(unsigned long long)q.min_off_cpu_ns);
			fprintf(stderr, " pid %d tgid %d ppid %d flags %#x",
				t[i].pid, t[i].tgid, t[i].ppid, t[i].flags);
			fprintf(stderr, " state %c nr %d parent_nr %d",
				t[i].state ?: '?', t[i].nr, t[i].parent_nr);
			fprintf(stderr, " exit_code %d off_cpu %llu comm %.16s\n",
				t[i].exit_code,
				(unsigned long long)t[i].off_cpu_ns, t[i].comm);
		}
	if (!untouched(t + n, sizeof(*t)))
		wfailed(w, "TASKS wrote past its room", n, 0);
}

static void op_version(struct worker *w, int fd)
{
	const __u64 need = KTRACE_FEAT_CAPTURE | KTRACE_FEAT_SESSIONS |
			   KTRACE_FEAT_TASKS | KTRACE_FEAT_PROC_STATS;
	struct ktrace_version v;
	long ret;

	memset(&v, SENTINEL, sizeof(v));
	ret = ioctl(fd, KTRACE_IOC_VERSION, &v);
	OK_IF(w, OP_VERSION, ret, 0);
	if (!ret && (v.abi_major != KTRACE_ABI_MAJOR ||
		     v.abi_minor < KTRACE_ABI_MINOR ||
		     (v.features & need) != need ||
		     !memchr(v.release, 0, sizeof(v.release))))
		wfailed(w, "VERSION's answer", v.abi_minor, 0);
}

/*
 * read() that may wait, into the buffers the contract speaks of: none,
 * shorter than any record's header, shorter than most records, large,
 * and one that runs into a page that cannot be touched after 0 to 4096
 * writable bytes (the blocker's own: what the others write to theirs
 * would overwrite the records).  Only whole records come back, never more than the
 * room, and a record that did not fit or faulted stays for the next
 * read(): the accounting at the end finds any record lost.  A session
 * found disabled and drained (EOF) is often enabled again.  Only the
 * accounted session's blocker sets its file's O_NONBLOCK, so it knows when
 * EAGAIN is wrong.  The churn session's blocker reads its file by number
 * without the lock, so that reopen closes the file while it waits: the
 * number may then name no file (EBADF) or the next session.
 */
static void op_block_read(struct worker *w, int fd)
{
	static const unsigned int sizes[] = { 0, 1, 8, 47, 64, 200, 4096,
					      KTRACE_REC_MAX_SIZE, READ_BUF };
	const unsigned int n = ARRAY_SIZE(sizes);
	long page = sysconf(_SC_PAGESIZE);
	unsigned int i = pick(w, n + 2);
	size_t len, room;
	char *buf = w->buf;
	double t0 = now();
	ssize_t ret;
	int err;

	if (i < n) {
		len = sizes[i];
		room = len;
	} else {
		room = i == n ? pick(w, 4) * 8 : pick(w, page / 8 + 1) * 8;
		buf = w->edge - room;
		len = READ_BUF;
	}
	ret = read(fd, buf, len);
	err = errno;
	if (now() - t0 > 0.01)
		w->waited++;
	if (ret > 0) {
		w->got++;
		if ((size_t)ret > room || room < sizeof(struct ktrace_rec_hdr))
			wfailed(w, "a blocking read past its room", ret, 0);
		else if (!w->churn)
			tally_records(&w->t, buf, ret);
		return;
	}
	if (!ret) {
		/* Disabled and drained: enabled again, to have a wait. */
		w->eof++;
		if (pick(w, 2)) {
			ret = ioctl(fd, KTRACE_IOC_ENABLE);
			if (w->churn)
				OK_IF(w, OP_ENABLE, ret, EBADF, ENOTTY);
			else
				OK_IF(w, OP_ENABLE, ret, 0);
		}
		return;
	}
	switch (err) {
	case EINTR:
		w->intr++;
		return;
	case EAGAIN:
		w->again++;
		if (!w->churn && !w->nonblock)
			wfailed(w, "EAGAIN from a blocking read", ret, err);
		return;
	case EINVAL:
		w->inval++;
		if (!w->churn && len >= KTRACE_REC_MAX_SIZE)
			wfailed(w, "EINVAL for a read of a whole record", ret,
				err);
		return;
	case EFAULT:
		w->fault++;
		if (buf == w->buf)
			wfailed(w, "EFAULT for a read into good memory", ret,
				err);
		return;
	case EIO:
	case EBADF:
		if (w->churn)
			return;
	}
	wfailed(w, op_names[OP_BLOCK_READ], ret, err);
}

/*
 * poll() for up to 2.2 s: woken by records, a disable or a signal.  A
 * disabled, drained session is readable and hung up at once.
 */
static void op_long_poll(struct worker *w, int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int ret;

	ret = poll(&p, 1, 200 + pick(w, 2000));
	if (ret < 0) {
		OK_IF(w, OP_LONG_POLL, ret, EINTR);
		w->intr++;
		return;
	}
	/* The churn session's file, closed under the blocker. */
	if (!ret || (w->churn && p.revents == POLLNVAL))
		return;
	if ((p.revents & (POLLERR | POLLNVAL)) ||
	    ((p.revents & POLLHUP) && !(p.revents & POLLIN)))
		wfailed(w, "revents of a long poll", p.revents, 0);
}

/* O_NONBLOCK on or off, for the file and every thread reading it. */
static void op_nonblock(struct worker *w, int fd)
{
	int fl = fcntl(fd, F_GETFL), ret = fl;

	if (fl >= 0) {
		fl ^= O_NONBLOCK;
		ret = fcntl(fd, F_SETFL, fl);
	}
	if (w->churn)
		OK_IF(w, OP_NONBLOCK, ret, EBADF);
	else
		OK_IF(w, OP_NONBLOCK, ret, 0);
	if (!ret && !w->churn)
		w->nonblock = !!(fl & O_NONBLOCK);
}

static void random_op(struct worker *w, int fd, int op)
{
	static const unsigned int sizes[] = { 0, 16 << 10, 32 << 10,
					      64 << 10, 256 << 10 };
	static const unsigned int bufs[] = { 8, 64, 4096, 65536, READ_BUF };
	static const unsigned int throttles[] = { 0, 1, 10, 100 };
	struct ktrace_config cfg = {};
	struct stress *s = w->s;
	struct ktrace_syscall_stats ss = {};
	struct ktrace_proc_loss procs[16];
	struct ktrace_syscalls sc = {};
	struct ktrace_status st = {};
	struct ktrace_losses q = {};
	struct ktrace_class cl = {};
	struct ktrace_stats stats;
	struct ktrace_pid p = {};
	struct pollfd pfd;
	__u64 cpus[64];
	unsigned int i, k;
	long ret;

	switch (op) {
	case OP_READ:
		i = bufs[pick(w, 5)];
		ret = read(fd, w->buf, i);
		if (ret > 0 && !w->churn)
			tally_records(&w->t, w->buf, ret);
		/* The blockers clear O_NONBLOCK; a poke ends the wait. */
		if (i >= KTRACE_REC_MAX_SIZE)
			OK_IF(w, op, ret, EAGAIN, EINTR,
			      w->churn ? EIO : EAGAIN);
		else
			OK_IF(w, op, ret, EAGAIN, EINVAL, EINTR,
			      w->churn ? EIO : EAGAIN);
		break;
	case OP_POLL:
		pfd = (struct pollfd){ .fd = fd, .events = POLLIN };
		ret = poll(&pfd, 1, pick(w, 3));
		OK_IF(w, op, ret, EINTR);
		if (ret > 0 && (pfd.revents & (POLLERR | POLLNVAL)))
			wfailed(w, "poll revents", pfd.revents, 0);
		break;
	case OP_STATS:
		ret = ioctl(fd, KTRACE_IOC_STATS, &stats);
		OK_IF(w, op, ret, 0);
		break;
	case OP_LOSSES:
		q.cpus = (uintptr_t)cpus;
		q.nr_cpus = 64;
		q.procs = (uintptr_t)procs;
		q.nr_procs = pick(w, 17);
		ret = ioctl(fd, KTRACE_IOC_LOSSES, &q);
		OK_IF(w, op, ret, 0);
		break;
	case OP_SYSCALL_STATS:
		ss.nr = pick(w, 600);
		ss.abi = pick(w, 3);
		ret = ioctl(fd, pick(w, 2) ? KTRACE_IOC_SYSCALL_STATS :
			    KTRACE_IOC_SESSION_SYSCALL_STATS, &ss);
		if (ss.nr >= KTRACE_NR_MAX || ss.abi >= KTRACE_ABI_COUNT)
			OK_IF(w, op, ret, EINVAL);
		else
			OK_IF(w, op, ret, 0);
		break;
	case OP_CLASS:
		cl.abi = pick(w, 3);
		cl.index = pick(w, 24);
		ret = ioctl(fd, KTRACE_IOC_GET_CLASS, &cl);
		OK_IF(w, op, ret, ENOENT, EINVAL);
		break;
	case OP_SET_SYSCALLS:
		/* Only the churn session narrows its filters. */
		sc.abi = pick(w, 2);
		k = w->churn && !pick(w, 4);
		for (i = 0; i < KTRACE_SYSCALL_WORDS; i++)
			sc.bits[i] = !k ? ~0ULL :
				     (__u64)rand_r(&w->seed) << 32 |
				     rand_r(&w->seed);
		ret = ioctl(fd, KTRACE_IOC_SET_SYSCALLS, &sc);
		OK_IF(w, op, ret, 0);
		break;
	case OP_SET_STATUS:
		st.status = 1 + pick(w, 3);
		st.min_duration = pick(w, 2) ? 0 : 1000 * pick(w, 1000);
		st.flags = pick(w, 2) ? KTRACE_STATUS_KEEP_ARGS : 0;
		if (!w->churn || pick(w, 4))
			st = (struct ktrace_status){
				.status = KTRACE_STATUS_ALL };
		ret = ioctl(fd, KTRACE_IOC_SET_STATUS, &st);
		OK_IF(w, op, ret, 0);
		break;
	case OP_RESET:
		ret = ioctl(fd, KTRACE_IOC_RESET_STATS);
		OK_IF(w, op, ret, 0);
		break;
	case OP_PID:
		i = pick(w, 4);
		p.pid = i < 2 ? s->forkers[i] : i == 2 ? getpid() :
			1 + pick(w, 1 << 22);
		p.flags = pick(w, 2) ? KTRACE_PID_THREAD_GROUP |
				       KTRACE_PID_FOLLOW : pick(w, 4);
		/* The accounted session keeps following the forkers. */
		k = !pick(w, 4) && (w->churn || i >= 2);
		ret = ioctl(fd, k ? KTRACE_IOC_PID_DEL : KTRACE_IOC_PID_ADD,
			    &p);
		OK_IF(w, op, ret, ESRCH);
		break;
	case OP_CONFIGURE:
		/*
		 * Either ring mode, lossy or throttling the followed
		 * processes; the churn session also other sizes and events.
		 */
		i = w->churn ? pick(w, 16) : 0;
		cfg.ring_size = w->churn ? sizes[pick(w, 5)] : ACCOUNTED_RING;
		cfg.events = i < 8 && i ? i : KTRACE_EV_ALL;
		cfg.flags = !w->churn ? ACCOUNTED_FLAGS :
			    pick(w, 4) ? KTRACE_CFG_TRACE_SELF : 0;
		cfg.flags |= pick(w, 2) ? KTRACE_CFG_OVERWRITE : 0;
		cfg.flags |= pick(w, 2) ? KTRACE_CFG_LOSSY : 0;
		/*
		 * Counters by process, for PROC_STATS to race with: tables
		 * kept, allocated, dropped, or of the other size when the
		 * churn session has just changed proc_slots.
		 */
		if (w->churn && pick(w, 2))
			cfg.flags |= KTRACE_CFG_PROC_STATS;
		if (w->churn && !pick(w, 4))
			set_slots(w, pick(w, 2) ? "16" : "1024");
		cfg.throttle_ms = throttles[pick(w, 4)];
		ret = ioctl(fd, KTRACE_IOC_CONFIGURE, &cfg);
		OK_IF(w, op, ret, EBUSY);
		break;
	case OP_ENABLE:
		ret = ioctl(fd, KTRACE_IOC_ENABLE);
		OK_IF(w, op, ret, 0);
		break;
	case OP_DISABLE:
		ret = ioctl(fd, KTRACE_IOC_DISABLE);
		OK_IF(w, op, ret, 0);
		break;
	case OP_MMAP:
		op_mmap(w, fd);
		break;
	case OP_INVALID:
		op_invalid(w, fd);
		break;
	case OP_JUNK:
		op_junk(w, fd);
		break;
	case OP_COUNTS:
		op_counts(w, fd);
		break;
	case OP_PROC_STATS:
		op_proc_stats(w, fd);
		break;
	case OP_TASKS:
		op_tasks(w, fd);
		break;
	case OP_VERSION:
		op_version(w, fd);
		break;
	case OP_BLOCK_READ:
		op_block_read(w, fd);
		break;
	case OP_LONG_POLL:
		op_long_poll(w, fd);
		break;
	case OP_NONBLOCK:
		op_nonblock(w, fd);
		break;
	}
}

static void *work(void *arg)
{
	/* Weights: reads and polls most, then the rest. */
	static const unsigned char ops[] = {
		OP_READ, OP_READ, OP_READ, OP_READ, OP_POLL, OP_POLL,
		OP_STATS, OP_LOSSES, OP_SYSCALL_STATS, OP_CLASS,
		OP_SET_SYSCALLS, OP_SET_STATUS, OP_RESET, OP_PID, OP_PID,
		OP_CONFIGURE, OP_ENABLE, OP_ENABLE, OP_DISABLE, OP_MMAP,
		OP_INVALID, OP_JUNK, OP_REOPEN, OP_COUNTS, OP_PROC_STATS,
		OP_PROC_STATS, OP_TASKS, OP_VERSION,
	};
	static const unsigned char block_ops[] = {
		OP_BLOCK_READ, OP_BLOCK_READ, OP_BLOCK_READ, OP_BLOCK_READ,
		OP_LONG_POLL, OP_NONBLOCK, OP_NONBLOCK,
	};
	struct worker *w = arg;
	struct stress *s = w->s;
	double start;
	int op;

	while (!stopped(&s->stop)) {
		start = now();
		op = ops[pick(w, sizeof(ops))];
		if (w->blocker) {
			op = block_ops[pick(w, sizeof(block_ops))];
			random_op(w, w->churn ?
				  __atomic_load_n(&s->churn_fd,
						  __ATOMIC_RELAXED) :
				  s->fd, op);
		} else if (!w->churn) {
			if (op == OP_JUNK || op == OP_REOPEN)
				continue;
			random_op(w, s->fd, op);
		} else if (op == OP_REOPEN) {
			op_reopen(w);
		} else {
			pthread_rwlock_rdlock(&s->churn_lock);
			if (s->churn_fd >= 0)
				random_op(w, s->churn_fd, op);
			pthread_rwlock_unlock(&s->churn_lock);
		}
		pthread_mutex_lock(&s->f.lock);
		s->ops[op]++;
		s->op_time[op] += now() - start;
		pthread_mutex_unlock(&s->f.lock);
	}
	__atomic_store_n(&w->done, 1, __ATOMIC_RELEASE);
	return NULL;
}

/* A signal that only ends a wait: EINTR, nothing restarted. */
static void poked(int sig)
{
	(void)sig;
}

/* A forker's child: one of several ways to live and die. */
static void child_life(unsigned int kind)
{
	char arg0[] = "ktrace-stress-child", env0[] = CHILD_ENV "=1";
	char *argv[2], *envp[2];
	pid_t pid;
	int i;

	switch (kind) {
	case 0:
		_exit(0);
	case 1:
		/* A burst that overflows the accounted session's rings. */
		for (i = 0; i < 500; i++)
			syscall(SYS_getppid);
		open("/nonexistent/ktrace-stress", O_RDONLY);
		_exit(3);
	case 2:
		argv[0] = arg0;
		argv[1] = NULL;
		envp[0] = env0;
		envp[1] = NULL;
		execve("/proc/self/exe", argv, envp);
		_exit(127);
	case 3:
		pid = fork();
		if (pid == 0) {
			syscall(SYS_getppid);
			_exit(0);
		}
		waitpid(pid, NULL, 0);
		_exit(0);
	default:
		syscall(SYS_getppid);
		kill(getpid(), SIGKILL);
		_exit(1);
	}
}

static void forker(long *forks)
{
	unsigned int seed = getpid();
	int running = 0;
	pid_t pid;

	for (;;) {
		pid = fork();
		if (pid == 0)
			child_life(rand_r(&seed) % 5);
		if (pid > 0) {
			running++;
			__atomic_fetch_add(forks, 1, __ATOMIC_RELAXED);
		}
		while (running && waitpid(-1, NULL, running >= 4 ? 0 :
					  WNOHANG) > 0)
			running--;
	}
}

TEST_F_TIMEOUT(stress, random_ops_with_followed_forks_account_exactly, 200)
{
	struct stress s = { .fd = self->fd };
	long page = sysconf(_SC_PAGESIZE);
	size_t tasks_len = KTRACE_TASKS_MAX * sizeof(struct ktrace_task);
	struct sigaction sa = { .sa_handler = poked };
	struct worker w[7];
	struct tally total = {};
	pthread_t th[7];
	unsigned int seed = time(NULL), pseed = seed;
	int i, nw = 7, slots_fd, left = 7;
	long pokes = 0;
	double end;
	char slots[16] = "";
	long *forks;
	char *edge;

	TH_LOG("seed %u", seed);
	forks = mmap(NULL, sizeof(*forks), PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, forks);
	/*
	 * A page, then one that cannot be touched: user memory that ends
	 * part way.  Not a hole, which the next mmap() could fill.
	 */
	edge = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, edge);
	ASSERT_EQ(0, mprotect(edge + page, page, PROT_NONE));
	s.edge = edge + page;
	s.tasks = mmap(NULL, tasks_len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	ASSERT_NE(MAP_FAILED, s.tasks);
	/* proc_slots as it was, for the end: the churn session changes it. */
	slots_fd = open(PARAM_SLOTS, O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, slots_fd);
	ASSERT_LT(0, read(slots_fd, slots, sizeof(slots) - 1));
	close(slots_fd);
	pthread_mutex_init(&s.f.lock, NULL);
	pthread_rwlock_init(&s.churn_lock, NULL);
	/* Orphaned grandchildren come back to us, to be reaped. */
	ASSERT_EQ(0, prctl(PR_SET_CHILD_SUBREAPER, 1));
	for (i = 0; i < 2; i++) {
		s.forkers[i] = fork();
		self->forkers[i] = s.forkers[i];
		ASSERT_LE(0, s.forkers[i]);
		if (!s.forkers[i])
			forker(forks);
	}
	s.churn_fd = open(DEV_PATH, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, s.churn_fd);
	ASSERT_EQ(0, configure(self->fd, ACCOUNTED_RING, KTRACE_EV_ALL,
			       ACCOUNTED_FLAGS));
	for (i = 0; i < 2; i++) {
		struct ktrace_pid p = {
			.pid = s.forkers[i],
			.flags = KTRACE_PID_THREAD_GROUP | KTRACE_PID_FOLLOW,
		};

		ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_PID_ADD, &p));
	}
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));

	/*
	 * Three threads on the accounted session, two on the churn one,
	 * then a blocker on each.  No SA_RESTART: a poke ends a wait.
	 */
	ASSERT_EQ(0, sigaction(SIGUSR1, &sa, NULL));
	for (i = 0; i < nw; i++) {
		w[i] = (struct worker){ .s = &s, .churn = i == 3 || i == 4 ||
					i == 6, .blocker = i >= 5,
					.nonblock = 1, .seed = seed + i };
		w[i].buf = malloc(READ_BUF);
		ASSERT_NE(NULL, w[i].buf);
		w[i].edge = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		ASSERT_NE(MAP_FAILED, w[i].edge);
		ASSERT_EQ(0, mprotect(w[i].edge + page, page, PROT_NONE));
		w[i].edge += page;
		ASSERT_EQ(0, pthread_create(&th[i], NULL, work, &w[i]));
	}
	/* A thread poked every 11 ms on average: some waits end by it. */
	for (end = now() + self->secs; now() < end; pokes++) {
		usleep(1000 + rand_r(&pseed) % 20000);
		pthread_kill(th[rand_r(&pseed) % nw], SIGUSR1);
	}
	__atomic_store_n(&s.stop, 1, __ATOMIC_RELAXED);
	/* Whoever still waits is woken, as often as it takes. */
	for (end = now() + 60; now() < end; usleep(5000)) {
		for (i = 0, left = 0; i < nw; i++) {
			if (__atomic_load_n(&w[i].done, __ATOMIC_ACQUIRE))
				continue;
			pthread_kill(th[i], SIGUSR1);
			left++;
		}
		if (!left)
			break;
	}
	ASSERT_EQ(0, left) TH_LOG("threads still waiting after 60 s of signals");
	for (i = 0; i < nw; i++) {
		pthread_join(th[i], NULL);
		tally_add(&total, &w[i].t);
		free(w[i].buf);
		munmap(w[i].edge - page, 2 * page);
	}
	slots_fd = open(PARAM_SLOTS, O_WRONLY | O_CLOEXEC);
	EXPECT_LT(0, write(slots_fd, slots, strlen(slots)));
	close(slots_fd);
	munmap(s.tasks, tasks_len);
	munmap(edge, 2 * page);
	for (i = 0; i < 2; i++) {
		kill(s.forkers[i], SIGKILL);
		self->forkers[i] = 0;
	}
	while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
		;
	for (i = 0; i < NR_OPS; i++)
		TH_LOG("%-14s %6ld calls, %8.3f ms each", op_names[i], s.ops[i],
		       s.ops[i] ? s.op_time[i] * 1000 / s.ops[i] : 0);
	TH_LOG("%ld children forked, %ld pokes", *forks, pokes);
	for (i = 5; i < nw; i++)
		TH_LOG("%s: %ld+ %ld EOF %ld EINTR %ld EAGAIN %ld EINVAL %ld EFAULT %ld slept",
		       w[i].churn ? "churn blocker" : "blocker", w[i].got, w[i].eof,
		       w[i].intr, w[i].again, w[i].inval, w[i].fault,
		       w[i].waited);
	EXPECT_EQ(0, s.f.n);
	EXPECT_LT(0, *forks);
	EXPECT_LT(0, s.ops[OP_BLOCK_READ]);

	/* Quiescent: everything read, lost or pending. */
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	ASSERT_EQ(0, drain(self->fd, &total, self->buf));
	check_accounting(_metadata, self->fd, &total, 1);
	EXPECT_LT(0, total.data);

	/* Both sessions still work. */
	if (s.churn_fd >= 0)
		close(s.churn_fd);
	s.churn_fd = open(DEV_PATH, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, s.churn_fd);
	ASSERT_EQ(0, configure(s.churn_fd, 16 << 10, KTRACE_EV_ALL,
			       KTRACE_CFG_TRACE_SELF));
	ASSERT_EQ(0, ioctl(s.churn_fd, KTRACE_IOC_ENABLE));
	syscall(SYS_getppid);
	ASSERT_EQ(0, ioctl(s.churn_fd, KTRACE_IOC_DISABLE));
	memset(&total, 0, sizeof(total));
	ASSERT_EQ(0, drain(s.churn_fd, &total, self->buf));
	EXPECT_LE(2, total.data);
	check_accounting(_metadata, s.churn_fd, &total, 0);
	close(s.churn_fd);
}

/*
 * A program that maps its ring may write anything in the control page and
 * the data: here the data area full of 8-byte PAD records and, from a
 * second thread, data_head kept a ring ahead of data_tail.  read() must
 * not skip PADs for as long as the program supplies them (it did: a soft
 * lockup on 6.1, RCU stalls on the debug kernel); it returns, with EIO,
 * while the pusher still runs.
 */
struct pad_push {
	volatile struct ktrace_ring_page *ctl;
	uint64_t size;
	int stop;
};

static void *pad_pusher(void *arg)
{
	struct pad_push *p = arg;

	while (!stopped(&p->stop)) {
		uint64_t t = __atomic_load_n(&p->ctl->data_tail,
					     __ATOMIC_RELAXED);

		__atomic_store_n(&p->ctl->data_head, (t & ~7ULL) + p->size,
				 __ATOMIC_RELEASE);
	}
	return NULL;
}

TEST(pads_a_program_writes_do_not_keep_read_in_the_kernel)
{
	struct ktrace_config c = { .events = KTRACE_EV_SYSCALL,
				   .ring_size = 1 << 20 };
	struct pad_push p = { .size = 1 << 20 };
	static char buf[KTRACE_REC_MAX_SIZE];
	int fd, pusher_ran_on;
	pthread_t th;
	uint64_t off;
	char *map;
	ssize_t n;

	fd = open(DEV_PATH, O_RDWR);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_CONFIGURE, &c));
	/* Disabled: no writer of the kernel's touches the ring. */
	map = mmap(NULL, 4096 + p.size, PROT_READ | PROT_WRITE, MAP_SHARED,
		   fd, KTRACE_MMAP_OFFSET(0));
	ASSERT_NE(MAP_FAILED, map);
	for (off = 0; off < p.size; off += 8) {
		struct ktrace_rec_hdr *h = (void *)(map + 4096 + off);

		h->size = 8;
		h->type = KTRACE_REC_PAD;
	}
	p.ctl = (void *)map;
	p.ctl->data_tail = 0;
	p.ctl->data_head = p.size;
	ASSERT_EQ(0, pthread_create(&th, NULL, pad_pusher, &p));
	usleep(10000);
	n = read(fd, buf, sizeof(buf));
	/* The pusher still runs: read() did not wait for it to stop. */
	pusher_ran_on = !stopped(&p.stop);
	__atomic_store_n(&p.stop, 1, __ATOMIC_RELAXED);
	pthread_join(th, NULL);
	EXPECT_EQ(-1, n);
	EXPECT_EQ(EIO, errno);
	EXPECT_TRUE(pusher_ran_on);
	munmap(map, 4096 + p.size);
	close(fd);
}

/*
 * A record is sized for the sessions that match when the probe looks.  A
 * session without KTRACE_CFG_LONG whose syscall filter flips while two
 * KTRACE_CFG_LONG sessions (snap length 131072) trace a task writing 128
 * KiB buffers must still never get a long record, nor one its 64 KiB
 * read() cannot take: such a record counts as lost in it.
 */
struct drain_arg {
	int fd;
	int *stop;
};

static void *drain_long(void *arg)
{
	struct drain_arg *a = arg;
	char *buf = malloc(2 * KTRACE_REC_LONG_MAX_SIZE);

	while (buf && !stopped(a->stop))
		if (read(a->fd, buf, 2 * KTRACE_REC_LONG_MAX_SIZE) <= 0)
			usleep(1000);
	free(buf);
	return NULL;
}

static void *flip_syscalls(void *arg)
{
	struct drain_arg *a = arg;
	struct ktrace_syscalls sc = { .abi = 0 };
	unsigned int seed = 1;

	while (!stopped(a->stop)) {
		memset(sc.bits, rand_r(&seed) & 1 ? 0xff : 0, sizeof(sc.bits));
		ioctl(a->fd, KTRACE_IOC_SET_SYSCALLS, &sc);
		usleep(rand_r(&seed) % 300);
	}
	return NULL;
}

static int long_session(bool lng)
{
	struct ktrace_config c = { .events = KTRACE_EV_SYSCALL,
				   .flags = KTRACE_CFG_LOSSY,
				   .ring_size = lng ? 4 << 20 : 1 << 20,
				   .snaplen = lng ? 131072 : 0 };
	int fd = open(DEV_PATH, O_RDWR | O_NONBLOCK);

	if (lng)
		c.flags |= KTRACE_CFG_LONG;
	if (fd >= 0 && ioctl(fd, KTRACE_IOC_CONFIGURE, &c)) {
		close(fd);
		return -1;
	}
	return fd;
}

TEST(no_long_record_in_a_session_that_did_not_ask)
{
	struct ktrace_pid pid = { .flags = KTRACE_PID_THREAD_GROUP };
	struct drain_arg da[2], fa;
	char *buf = malloc(2 * KTRACE_REC_LONG_MAX_SIZE);
	uint64_t records = 0, longs = 0, einval = 0;
	int fd[3], stop = 0, i;
	pthread_t th[3];
	double end;
	pid_t child;

	ASSERT_NE(NULL, buf);
	for (i = 0; i < 3; i++) {
		fd[i] = long_session(i < 2);
		ASSERT_LE(0, fd[i]);
	}
	child = fork();
	ASSERT_LE(0, child);
	if (!child) {
		static char w[131072];
		int dn = open("/dev/null", O_WRONLY);

		memset(w, 'x', sizeof(w));
		alarm(60);
		for (;;)
			if (write(dn, w, sizeof(w)) < 0)
				_exit(1);
	}
	pid.pid = child;
	for (i = 0; i < 3; i++) {
		ASSERT_EQ(0, ioctl(fd[i], KTRACE_IOC_PID_ADD, &pid));
		ASSERT_EQ(0, ioctl(fd[i], KTRACE_IOC_ENABLE));
	}
	for (i = 0; i < 2; i++) {
		da[i].fd = fd[i];
		da[i].stop = &stop;
		ASSERT_EQ(0, pthread_create(&th[i], NULL, drain_long, &da[i]));
	}
	fa.fd = fd[2];
	fa.stop = &stop;
	ASSERT_EQ(0, pthread_create(&th[2], NULL, flip_syscalls, &fa));
	end = now() + stress_seconds() / 2 + 2;
	while (now() < end) {
		ssize_t n = read(fd[2], buf, KTRACE_REC_MAX_SIZE), off = 0;

		if (n < 0 && errno == EINVAL) {
			einval++;
			/* Take what waits, to go on. */
			n = read(fd[2], buf, 2 * KTRACE_REC_LONG_MAX_SIZE);
		}
		if (n <= 0) {
			usleep(500);
			continue;
		}
		while (off + (ssize_t)sizeof(struct ktrace_rec_hdr) <= n) {
			struct ktrace_rec_hdr *h = (void *)(buf + off);

			records++;
			if (h->size > KTRACE_REC_MAX_SIZE ||
			    (h->flags & KTRACE_RF_LONG))
				longs++;
			if (h->size < 8)
				break;
			off += h->size;
		}
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	for (i = 0; i < 3; i++)
		pthread_join(th[i], NULL);
	TH_LOG("%llu records in the plain session", (unsigned long long)records);
	EXPECT_LT(0, records);
	EXPECT_EQ(0, longs);
	EXPECT_EQ(0, einval);
	for (i = 0; i < 3; i++)
		close(fd[i]);
	free(buf);
}

/*
 * A zombie reaped while KTRACE_IOC_TASKS walks the task list, after the
 * walk chose it (ktrace_task_wanted()) and before it fills its entry
 * (ktrace_task_fill()): the entry must still name the task, with its ids,
 * its parent and its state as the walk found it (a zombie).  A reaped
 * task's pids are detached, and an entry read from it then says pid 0,
 * tgid 0, no flag, state X.
 */
TEST(tasks_reaped_during_the_walk_keep_their_ids)
{
	struct ktrace_task t[64];
	struct ktrace_tasks q = { .tasks = (uintptr_t)t,
				  .select = KTRACE_TASKS_ZOMBIES };
	long walks = 0, found = 0, bad = 0;
	pid_t reaper;
	double end;
	int fd, i;

	fd = open(DEV_PATH, O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, fd);
	reaper = fork();
	ASSERT_LE(0, reaper);
	if (!reaper) {
		/* Zombies, 16 at a time, reaped while the walks find them. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		for (;;) {
			for (i = 0; i < 16; i++)
				if (!fork())
					_exit(0);
			while (wait(NULL) > 0)
				;
		}
	}
	q.tgid = reaper;
	for (end = now() + stress_seconds() / 4 + 5; now() < end; walks++) {
		q.nr_tasks = 64;
		ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_TASKS, &q));
		for (i = 0; i < (int)q.nr_tasks && i < 64; i++) {
			found++;
			if (t[i].pid > 0 && t[i].tgid > 0 &&
			    t[i].ppid == reaper &&
			    (t[i].flags & KTRACE_TASK_ZOMBIE) &&
			    t[i].state == 'Z')
				continue;
			if (bad++ < 5)
				TH_LOG("pid %d tgid %d ppid %d flags %#x state %c",
				       t[i].pid, t[i].tgid, t[i].ppid,
				       t[i].flags, t[i].state);
		}
	}
	kill(reaper, SIGKILL);
	waitpid(reaper, NULL, 0);
	TH_LOG("%ld walks, %ld zombies found, %ld without ids", walks, found,
	       bad);
	EXPECT_EQ(0, bad);
	close(fd);
}

TEST_HARNESS_MAIN
