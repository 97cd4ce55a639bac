// SPDX-License-Identifier: GPL-2.0
/*
 * Stress: sessions used from many threads and processes at once never take
 * the kernel down and still account for every record.  Two reproducers
 * (rings resized while poll(), KTRACE_IOC_STATS and debugfs look at them;
 * a 16 KiB flight recorder read every millisecond while it wraps), then
 * random valid and invalid operations from several threads on a shared
 * session and on sessions that are closed and opened again, while
 * followed processes fork, exec and exit.
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
	n = atoi(p) + 1;
	return n;
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
	NR_OPS
};

static const char * const op_names[NR_OPS] = {
	"read", "poll", "STATS", "LOSSES", "SYSCALL_STATS", "GET_CLASS",
	"SET_SYSCALLS", "SET_STATUS", "RESET_STATS", "PID_ADD/DEL",
	"CONFIGURE", "ENABLE", "DISABLE", "mmap", "invalid", "junk", "reopen",
};

#define ACCOUNTED_RING	(64 << 10)

struct stress {
	int stop;
	int fd;				/* the accounted session */
	int churn_fd;
	pthread_rwlock_t churn_lock;	/* write-held to close churn_fd */
	pid_t forkers[2];
	long ops[NR_OPS];
	double op_time[NR_OPS];		/* seconds spent in each */
	struct failures f;
};

struct worker {
	struct stress *s;
	int churn;
	unsigned int seed;
	char *buf;
	struct tally t;
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
	munmap(map, len);
}

/* Not mapped; volatile, so that the compiler does not judge the call. */
static void *volatile bad_address = (void *)8;

static void op_invalid(struct worker *w, int fd)
{
	struct ktrace_config c = { .events = KTRACE_EV_ALL };
	struct ktrace_pid p = { .pid = 1 };
	struct ktrace_syscalls sc = { .abi = 0 };
	struct ktrace_status st = { .status = KTRACE_STATUS_ALL };
	unsigned int i;
	long ret;

	switch (pick(w, 9)) {
	case 0:
		ret = ioctl(fd, _IO(KTRACE_IOC_MAGIC, 0x7f));
		OK_IF(w, OP_INVALID, ret, ENOTTY);
		break;
	case 1:
		ret = ioctl(fd, KTRACE_IOC_STATS, (void *)8);
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
	default:
		/* Nothing is taken from the ring when the copy faults. */
		ret = read(fd, bad_address, READ_BUF);
		OK_IF(w, OP_INVALID, ret, EFAULT, EAGAIN,
		      w->churn ? EIO : EAGAIN);
		if (ret > 0)
			wfailed(w, "read into address 8", ret, 0);
		return;
	}
	if (ret >= 0)
		wfailed(w, "an invalid call", ret, 0);
}

/* Junk commands, sizes and arguments, as random_ioctls_fail_cleanly. */
static void op_junk(struct worker *w, int fd)
{
	static unsigned char junk[8192];
	void *ptrs[] = { NULL, (void *)8, junk, junk + sizeof(junk) - 16 };
	unsigned long cmd = _IOC(pick(w, 4), KTRACE_IOC_MAGIC, pick(w, 0x20),
				 pick(w, 600));
	int k;

	for (k = 0; k < 16; k++)
		junk[pick(w, sizeof(junk))] = rand_r(&w->seed);
	ioctl(fd, cmd, ptrs[pick(w, 4)]);
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
	s->churn_fd = fd;
	if (fd >= 0 && pick(w, 2)) {
		if (configure(fd, 16 << 10, KTRACE_EV_ALL, 0) ||
		    ioctl(fd, KTRACE_IOC_ENABLE))
			failed(&s->f, "CONFIGURE+ENABLE of a new session", -1,
			       errno);
	}
	pthread_rwlock_unlock(&s->churn_lock);
	if (keep != MAP_FAILED)
		munmap(keep, page);
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
		if (i >= KTRACE_REC_MAX_SIZE)
			OK_IF(w, op, ret, EAGAIN, w->churn ? EIO : EAGAIN);
		else
			OK_IF(w, op, ret, EAGAIN, EINVAL,
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
		cfg.flags = !w->churn || pick(w, 4) ? KTRACE_CFG_TRACE_SELF : 0;
		cfg.flags |= pick(w, 2) ? KTRACE_CFG_OVERWRITE : 0;
		cfg.flags |= pick(w, 2) ? KTRACE_CFG_LOSSY : 0;
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
		OP_INVALID, OP_JUNK, OP_REOPEN,
	};
	struct worker *w = arg;
	struct stress *s = w->s;
	double start;
	int op;

	while (!stopped(&s->stop)) {
		start = now();
		op = ops[pick(w, sizeof(ops))];
		if (!w->churn) {
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
	return NULL;
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
	struct worker w[5];
	struct tally total = {};
	pthread_t th[5];
	unsigned int seed = time(NULL);
	int i, nw = 5;
	long *forks;

	TH_LOG("seed %u", seed);
	forks = mmap(NULL, sizeof(*forks), PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, forks);
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
			       KTRACE_CFG_TRACE_SELF));
	for (i = 0; i < 2; i++) {
		struct ktrace_pid p = {
			.pid = s.forkers[i],
			.flags = KTRACE_PID_THREAD_GROUP | KTRACE_PID_FOLLOW,
		};

		ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_PID_ADD, &p));
	}
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));

	/* Three threads on the accounted session, two on the churn one. */
	for (i = 0; i < nw; i++) {
		w[i] = (struct worker){ .s = &s, .churn = i >= 3,
					.seed = seed + i };
		w[i].buf = malloc(READ_BUF);
		ASSERT_NE(NULL, w[i].buf);
		ASSERT_EQ(0, pthread_create(&th[i], NULL, work, &w[i]));
	}
	sleep(self->secs);
	__atomic_store_n(&s.stop, 1, __ATOMIC_RELAXED);
	for (i = 0; i < nw; i++) {
		pthread_join(th[i], NULL);
		tally_add(&total, &w[i].t);
		free(w[i].buf);
	}
	for (i = 0; i < 2; i++) {
		kill(s.forkers[i], SIGKILL);
		self->forkers[i] = 0;
	}
	while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
		;
	for (i = 0; i < NR_OPS; i++)
		TH_LOG("%-14s %6ld calls, %8.3f ms each", op_names[i], s.ops[i],
		       s.ops[i] ? s.op_time[i] * 1000 / s.ops[i] : 0);
	TH_LOG("%ld children forked", *forks);
	EXPECT_EQ(0, s.f.n);
	EXPECT_LT(0, *forks);

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
 * (ktrace_task_fill()): the entry must still name the task, with its ids
 * and its parent.  A reaped task's pids are detached, and an entry read
 * from it then says pid 0, tgid 0, no flag, state X.
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
	for (end = now() + stress_seconds() / 2 + 2; now() < end; walks++) {
		q.nr_tasks = 64;
		ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_TASKS, &q));
		for (i = 0; i < (int)q.nr_tasks && i < 64; i++) {
			found++;
			if (t[i].pid > 0 && t[i].tgid > 0 &&
			    t[i].ppid == reaper)
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
