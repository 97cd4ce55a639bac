// SPDX-License-Identifier: GPL-2.0
/*
 * The device from an i386 process: this program is built with -m32
 * (selftests/Makefile), so that every ioctl goes through the device's
 * .compat_ioctl (compat_ptr_ioctl) and every record and ring page is read
 * with i386's alignment rules.  The uapi is fixed-width, so each command
 * must answer as it does for a 64-bit caller: every command with valid
 * and invalid arguments, pointer fields whose upper 32 bits are set
 * refused with EFAULT and the memory their lower half names untouched,
 * a ring mapped at its 64-bit offset (mmap2), and our own calls traced,
 * tagged KTRACE_ABI_COMPAT and read back with read() and from the
 * mapped rings.  Where no i386 C library was there to build with, the
 * same tests are built 64-bit and each skips, saying so.
 */
#define _FILE_OFFSET_BITS 64
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/ktrace.h>

#include "../kselftest_harness.h"
#include "ktrace_proc.h"

#define DEV_PATH	"/dev/ktrace"
#define SENTINEL	0xa5
#define RING		(64 << 10)
/* i386's numbers: the records of our calls carry these. */
#define NR32_WRITE	4
#define NR32_GETPPID	64

/* Upper halves a pointer field may carry; none names our memory. */
static const uint64_t high_bits[] = {
	1ULL << 32, 0x80000000ULL << 32, 0xffffffffULL << 32,
};

static int untouched(const void *p, size_t len)
{
	const unsigned char *c = p;

	for (; len; len--, c++)
		if (*c != SENTINEL)
			return 0;
	return 1;
}

static uint64_t ptr(const void *p)
{
	return (uintptr_t)p;
}

FIXTURE(compat) {
	int fd;
	long page;
	char *edge;		/* a page, then one that cannot be touched */
};

FIXTURE_SETUP(compat)
{
	self->fd = -1;
	self->edge = NULL;
#ifdef KTRACE_NO_M32
	SKIP(return, "built 64-bit: %s", KTRACE_NO_M32);
#endif
	ASSERT_EQ(4, sizeof(long)) TH_LOG("not an i386 build");
	if (geteuid() != 0)
		SKIP(return, "needs root");
	self->fd = open(DEV_PATH, O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd) TH_LOG("%s: %s", DEV_PATH, strerror(errno));
	self->page = sysconf(_SC_PAGESIZE);
	self->edge = mmap(NULL, 2 * self->page, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(self->edge != MAP_FAILED);
	ASSERT_EQ(0, mprotect(self->edge + self->page, self->page,
			      PROT_NONE));
	self->edge += self->page;
}

FIXTURE_TEARDOWN(compat)
{
	if (self->edge)
		munmap(self->edge - self->page, 2 * self->page);
	if (self->fd >= 0)
		close(self->fd);
}

static int configure(int fd, __u32 events, __u32 flags)
{
	struct ktrace_config c = {
		.ring_size = RING, .events = events, .flags = flags,
	};

	return ioctl(fd, KTRACE_IOC_CONFIGURE, &c);
}

/* The command numbers are the 64-bit ones: the layouts are the same. */
TEST_F(compat, version_and_command_numbers)
{
	struct ktrace_version v;

	/* The harness runs the test when its setup skipped. */
	if (_metadata->skip)
		return;

	ASSERT_EQ(0x8030b800, KTRACE_IOC_VERSION);
	ASSERT_EQ(0x4030b810, KTRACE_IOC_CONFIGURE);
	ASSERT_EQ(0xc018b817, KTRACE_IOC_LOSSES);
	ASSERT_EQ(0xc018b81a, KTRACE_IOC_SESSION_COUNTS);
	ASSERT_EQ(0xc078b819, KTRACE_IOC_PROC_STATS);
	ASSERT_EQ(0xc038b820, KTRACE_IOC_TASKS);
	ASSERT_EQ(0xc120b804, KTRACE_IOC_SYSCALL_STATS);
	memset(&v, SENTINEL, sizeof(v));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_VERSION, &v));
	EXPECT_EQ(KTRACE_ABI_MAJOR, v.abi_major);
	EXPECT_LE(KTRACE_ABI_MINOR, v.abi_minor);
	EXPECT_EQ(KTRACE_FEAT_CAPTURE, v.features & KTRACE_FEAT_CAPTURE);
	EXPECT_TRUE(!!memchr(v.release, 0, sizeof(v.release)));
	/* An unknown command, and a known one with another size. */
	EXPECT_EQ(-1, ioctl(self->fd, _IO(KTRACE_IOC_MAGIC, 0x7f)));
	EXPECT_EQ(ENOTTY, errno);
	EXPECT_EQ(-1, ioctl(self->fd, _IOR(KTRACE_IOC_MAGIC, 0x00,
					   struct ktrace_stats), &v));
	EXPECT_EQ(ENOTTY, errno);
}

/* Every command that takes a structure: unmapped, or half of it. */
TEST_F(compat, every_structure_unreadable_is_efault)
{
	static const unsigned long cmds[] = {
		KTRACE_IOC_VERSION, KTRACE_IOC_STATS,
		KTRACE_IOC_SYSCALL_STATS, KTRACE_IOC_CONFIGURE,
		KTRACE_IOC_PID_ADD, KTRACE_IOC_PID_DEL,
		KTRACE_IOC_SET_SYSCALLS, KTRACE_IOC_GET_CLASS,
		KTRACE_IOC_SET_STATUS, KTRACE_IOC_LOSSES,
		KTRACE_IOC_SESSION_SYSCALL_STATS, KTRACE_IOC_SESSION_COUNTS,
		KTRACE_IOC_PROC_STATS, KTRACE_IOC_TASKS,
	};
	unsigned int i;

	/* The harness runs the test when its setup skipped. */
	if (_metadata->skip)
		return;

	for (i = 0; i < ARRAY_SIZE(cmds); i++) {
		errno = 0;
		EXPECT_EQ(-1, ioctl(self->fd, cmds[i], (void *)8));
		EXPECT_EQ(EFAULT, errno) TH_LOG("command %#lx at 8", cmds[i]);
		errno = 0;
		EXPECT_EQ(-1, ioctl(self->fd, cmds[i],
				    self->edge - _IOC_SIZE(cmds[i]) / 2));
		EXPECT_EQ(EFAULT, errno)
			TH_LOG("command %#lx, half a structure", cmds[i]);
	}
}

#define EXPECT_FAILS(err, call) do {				\
	errno = 0;						\
	EXPECT_EQ(-1, (call));					\
	EXPECT_EQ(err, errno);					\
} while (0)

TEST_F(compat, session_commands_answer_as_documented)
{
	struct ktrace_config c = { .events = KTRACE_EV_ALL };
	struct ktrace_pid p = { .pid = getpid(),
				.flags = KTRACE_PID_THREAD_GROUP };
	struct ktrace_syscalls sc = { .abi = KTRACE_ABI_COMPAT };
	struct ktrace_status st = { .status = KTRACE_STATUS_ALL };
	struct ktrace_syscall_stats ss = { .nr = NR32_GETPPID,
					   .abi = KTRACE_ABI_COMPAT };
	struct ktrace_class cl = { .abi = KTRACE_ABI_COMPAT };
	struct ktrace_stats stats;

	/* The harness runs the test when its setup skipped. */
	if (_metadata->skip)
		return;

	/* CONFIGURE */
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	c.ring_size = 12345;
	EXPECT_FAILS(EINVAL, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	c.ring_size = 128 << 20;
	EXPECT_FAILS(E2BIG, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	c.ring_size = 0;
	c.__reserved[2] = 1ULL << 63;
	EXPECT_FAILS(EINVAL, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	c.__reserved[2] = 0;
	c.flags = KTRACE_CFG_FLAGS + 1;
	EXPECT_FAILS(EINVAL, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	c.flags = 0;
	c.events = 0;
	EXPECT_FAILS(EINVAL, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));

	/* PID_ADD, PID_DEL */
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_PID_ADD, &p));
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_PID_DEL, &p));
	p.__reserved = 1ULL << 40;
	EXPECT_FAILS(EINVAL, ioctl(self->fd, KTRACE_IOC_PID_ADD, &p));
	p.__reserved = 0;
	p.pid = -1;
	EXPECT_FAILS(EINVAL, ioctl(self->fd, KTRACE_IOC_PID_ADD, &p));
	p.pid = 0x7fffffff;
	EXPECT_FAILS(ESRCH, ioctl(self->fd, KTRACE_IOC_PID_ADD, &p));

	/* SET_SYSCALLS, SET_STATUS */
	memset(sc.bits, 0xff, sizeof(sc.bits));
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_SET_SYSCALLS, &sc));
	sc.abi = KTRACE_ABI_COUNT;
	EXPECT_FAILS(EINVAL, ioctl(self->fd, KTRACE_IOC_SET_SYSCALLS, &sc));
	sc.abi = KTRACE_ABI_COMPAT;
	sc.__reserved = 1;
	EXPECT_FAILS(EINVAL, ioctl(self->fd, KTRACE_IOC_SET_SYSCALLS, &sc));
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_SET_STATUS, &st));
	st.status = 0;
	EXPECT_FAILS(EINVAL, ioctl(self->fd, KTRACE_IOC_SET_STATUS, &st));
	st.status = KTRACE_STATUS_FAILED;
	st.flags = 2;
	EXPECT_FAILS(EINVAL, ioctl(self->fd, KTRACE_IOC_SET_STATUS, &st));

	/* GET_CLASS: i386's classes, up to ENOENT */
	for (cl.index = 0; !ioctl(self->fd, KTRACE_IOC_GET_CLASS, &cl);
	     cl.index++) {
		EXPECT_NE(0, cl.name[0]);
		EXPECT_TRUE(!!memchr(cl.name, 0, sizeof(cl.name)));
	}
	EXPECT_EQ(ENOENT, errno);
	EXPECT_LT(0, cl.index);
	cl.abi = KTRACE_ABI_COUNT;
	cl.index = 0;
	EXPECT_FAILS(EINVAL, ioctl(self->fd, KTRACE_IOC_GET_CLASS, &cl));

	/* the counters */
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_RESET_STATS));
	memset(&stats, SENTINEL, sizeof(stats));
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &stats));
	EXPECT_EQ(0, stats.written);
	EXPECT_EQ(0, stats.__reserved[3]);
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_SYSCALL_STATS, &ss));
	EXPECT_EQ(NR32_GETPPID, ss.nr);
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_SESSION_SYSCALL_STATS, &ss));
	EXPECT_EQ(0, ss.calls);
	ss.nr = KTRACE_NR_MAX;
	EXPECT_FAILS(EINVAL, ioctl(self->fd, KTRACE_IOC_SYSCALL_STATS, &ss));
	ss.nr = 0;
	ss.abi = KTRACE_ABI_COUNT;
	EXPECT_FAILS(EINVAL,
		     ioctl(self->fd, KTRACE_IOC_SESSION_SYSCALL_STATS, &ss));

	/* ENABLE, DISABLE; CONFIGURE refused while enabled */
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	c = (struct ktrace_config){ .events = KTRACE_EV_ALL };
	EXPECT_FAILS(EBUSY, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
}

/*
 * The pointer fields are __u64: from an i386 caller, one whose upper
 * half is set names no memory of the caller's.  Where the command has
 * something to write there, EFAULT; in any case the memory the lower
 * half names is not written.
 */
TEST_F(compat, pointer_fields_with_upper_bits_fault)
{
	static char room[64 * sizeof(struct ktrace_task)];
	struct ktrace_losses q;
	struct ktrace_counts cq;
	struct ktrace_proc_stats pq;
	struct ktrace_tasks tq;
	unsigned int i;
	pid_t child;

	/* The harness runs the test when its setup skipped. */
	if (_metadata->skip)
		return;

	ASSERT_EQ(0, configure(self->fd, KTRACE_EV_SYSCALL,
			       KTRACE_CFG_TRACE_SELF | KTRACE_CFG_PROC_STATS));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	syscall(SYS_getppid);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	/* A task surely inside a syscall, for TASKS to find. */
	child = fork();
	ASSERT_LE(0, child);
	if (!child) {
		pause();
		_exit(0);
	}
	/* Asleep in it, off its CPU, which the snapshot needs. */
	ASSERT_EQ(0, asleep_in(child, SYS_pause));

	for (i = 0; i < ARRAY_SIZE(high_bits); i++) {
		memset(room, SENTINEL, sizeof(room));

		q = (struct ktrace_losses){
			.cpus = high_bits[i] | ptr(room), .nr_cpus = 8,
		};
		EXPECT_FAILS(EFAULT, ioctl(self->fd, KTRACE_IOC_LOSSES, &q));

		cq = (struct ktrace_counts){
			.counts = high_bits[i] | ptr(room), .nr = 16,
			.abi = KTRACE_ABI_COMPAT,
		};
		EXPECT_FAILS(EFAULT,
			     ioctl(self->fd, KTRACE_IOC_SESSION_COUNTS, &cq));

		/* The interval closed here is returned again below. */
		pq = (struct ktrace_proc_stats){
			.procs = high_bits[i] | ptr(room), .nr_procs = 4,
			.flags = i ? 0 : KTRACE_PROC_NEXT,
		};
		EXPECT_FAILS(EFAULT,
			     ioctl(self->fd, KTRACE_IOC_PROC_STATS, &pq));

		tq = (struct ktrace_tasks){
			.tasks = high_bits[i] | ptr(room), .nr_tasks = 64,
			.select = KTRACE_TASKS_SYSCALL,
		};
		EXPECT_FAILS(EFAULT, ioctl(self->fd, KTRACE_IOC_TASKS, &tq));

		EXPECT_TRUE(untouched(room, sizeof(room)))
			TH_LOG("upper half %#llx: the lower half's memory was written",
			       (unsigned long long)high_bits[i]);
	}

	/* The same with the lower half alone: answers, written in place. */
	q = (struct ktrace_losses){ .cpus = ptr(room), .nr_cpus = 8 };
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_LOSSES, &q));
	EXPECT_LE(1, q.nr_cpus);
	EXPECT_EQ(0, ((__u64 *)room)[0]);
	cq = (struct ktrace_counts){ .counts = ptr(room), .nr = 16,
				     .abi = KTRACE_ABI_COMPAT,
				     .first = NR32_GETPPID };
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_SESSION_COUNTS, &cq));
	EXPECT_EQ(16, cq.nr);
	EXPECT_EQ(1, ((struct ktrace_count *)room)[0].calls);
	pq = (struct ktrace_proc_stats){ .procs = ptr(room), .nr_procs = 4 };
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_PROC_STATS, &pq));
	EXPECT_LE(1, pq.nr_procs);
	EXPECT_EQ(getpid(), ((struct ktrace_proc_count *)room)[0].tgid);
	tq = (struct ktrace_tasks){ .tasks = ptr(room), .nr_tasks = 64,
				    .select = KTRACE_TASKS_SYSCALL,
				    .tgid = child };
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_TASKS, &tq));
	EXPECT_EQ(1, tq.nr_tasks);
	EXPECT_EQ(child, ((struct ktrace_task *)room)[0].pid);
	EXPECT_EQ(KTRACE_ABI_COMPAT, ((struct ktrace_task *)room)[0].abi);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
}

/* Our calls: N getppid and a write of "compat!", recorded. */
#define NCALLS	16
static const char msg[] = "compat!";

static void traced_calls(int fd, long *ppid)
{
	char buf[sizeof(msg)];
	int i, dn = open("/dev/null", O_WRONLY | O_CLOEXEC);

	/* On the stack: the probes cannot fault in a page never touched. */
	memcpy(buf, msg, sizeof(buf));
	if (ioctl(fd, KTRACE_IOC_ENABLE))
		return;
	for (i = 0; i < NCALLS; i++)
		*ppid = syscall(SYS_getppid);
	if (write(dn, buf, sizeof(buf)) < 0)
		*ppid = -1;
	ioctl(fd, KTRACE_IOC_DISABLE);
	close(dn);
}

/* Only i386's getppid and write, of our process. */
static int trace_ours(int fd)
{
	struct ktrace_pid p = { .pid = getpid(),
				.flags = KTRACE_PID_THREAD_GROUP };
	struct ktrace_syscalls sc = { .abi = KTRACE_ABI_NATIVE };

	if (configure(fd, KTRACE_EV_SYSCALL, KTRACE_CFG_TRACE_SELF) ||
	    ioctl(fd, KTRACE_IOC_PID_ADD, &p) ||
	    ioctl(fd, KTRACE_IOC_SET_SYSCALLS, &sc))
		return -1;
	sc.abi = KTRACE_ABI_COMPAT;
	sc.bits[NR32_GETPPID / 64] |= 1ULL << (NR32_GETPPID % 64);
	sc.bits[NR32_WRITE / 64] |= 1ULL << (NR32_WRITE % 64);
	return ioctl(fd, KTRACE_IOC_SET_SYSCALLS, &sc);
}

struct seen {
	int enters, exits, writes, bad;
	long ppid;
};

/* One record, as struct ktrace_rec_* lays it out for us too. */
static void look(struct __test_metadata *_metadata, struct seen *s,
		 const struct ktrace_rec_hdr *h)
{
	const struct ktrace_rec_sys_enter *e = (const void *)h;
	const struct ktrace_rec_sys_exit *x = (const void *)h;
	const struct ktrace_blob *b;

	if (h->size % 8 || h->pid != getpid() || h->tgid != getpid() ||
	    h->type < KTRACE_REC_SYS_ENTER || h->type > KTRACE_REC_SYS_EXIT) {
		s->bad++;
		TH_LOG("record type %u size %u pid %d", h->type, h->size,
		       h->pid);
		return;
	}
	if (e->abi != KTRACE_ABI_COMPAT ||
	    (e->nr != NR32_GETPPID && e->nr != NR32_WRITE)) {
		s->bad++;
		TH_LOG("syscall %u of ABI %u", e->nr, e->abi);
		return;
	}
	if (h->type == KTRACE_REC_SYS_EXIT) {
		if (x->duration == KTRACE_DURATION_UNKNOWN ||
		    (x->nr == NR32_GETPPID && x->ret != s->ppid) ||
		    (x->nr == NR32_WRITE && x->ret != sizeof(msg)))
			s->bad++;
		s->exits++;
		return;
	}
	s->enters++;
	if (e->nr != NR32_WRITE)
		return;
	/* write(fd, buf, 8): its buffer, argument 1. */
	b = e->blobs;
	if (e->nblobs < 1 || b->kind != KTRACE_BLOB_BUF || b->arg != 1 ||
	    b->len != sizeof(msg) || e->args[2] != sizeof(msg) ||
	    b->offset + b->len > h->size ||
	    memcmp((const char *)h + b->offset, msg, sizeof(msg)))
		s->bad++;
	else
		s->writes++;
}

TEST_F(compat, own_calls_read_back_as_compat)
{
	static char buf[KTRACE_REC_MAX_SIZE];
	struct seen s = {};
	ssize_t n, off;

	/* The harness runs the test when its setup skipped. */
	if (_metadata->skip)
		return;

	ASSERT_EQ(0, trace_ours(self->fd));
	traced_calls(self->fd, &s.ppid);
	ASSERT_EQ(getppid(), s.ppid);
	/* Too small for a record: nothing taken. */
	errno = 0;
	EXPECT_EQ(-1, read(self->fd, buf, sizeof(struct ktrace_rec_hdr) - 8));
	EXPECT_EQ(EINVAL, errno);
	/* Into a page that cannot be written: nothing taken either. */
	errno = 0;
	EXPECT_EQ(-1, read(self->fd, self->edge, 4096));
	EXPECT_EQ(EFAULT, errno);
	while ((n = read(self->fd, buf, sizeof(buf))) > 0)
		for (off = 0; off < n; off += ((struct ktrace_rec_hdr *)
					       (buf + off))->size)
			look(_metadata, &s, (void *)(buf + off));
	EXPECT_EQ(0, n);
	EXPECT_EQ(0, s.bad);
	EXPECT_EQ(NCALLS + 1, s.enters);
	EXPECT_EQ(NCALLS + 1, s.exits);
	EXPECT_EQ(1, s.writes);
}

/* Each possible CPU's ring at its 64-bit offset, consumed in place. */
TEST_F(compat, own_calls_in_the_mapped_rings)
{
	size_t len = self->page + RING;
	struct ktrace_ring_page *ctl;
	struct seen s = {};
	char buf[64];
	int cpu, mapped = 0;
	void *map;

	/* The harness runs the test when its setup skipped. */
	if (_metadata->skip)
		return;

	ASSERT_EQ(0, trace_ours(self->fd));
	traced_calls(self->fd, &s.ppid);
	ASSERT_EQ(getppid(), s.ppid);
	for (cpu = 0; cpu < 64; cpu++) {
		uint64_t head, tail;
		const char *data;

		map = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
			   self->fd, KTRACE_MMAP_OFFSET(cpu));
		if (map == MAP_FAILED) {
			/* Past the possible CPUs (or one not possible). */
			EXPECT_EQ(EINVAL, errno);
			continue;
		}
		mapped++;
		ctl = map;
		EXPECT_EQ(KTRACE_RING_VERSION, ctl->version);
		EXPECT_EQ(cpu, ctl->cpu);
		EXPECT_EQ(RING, ctl->data_size);
		EXPECT_EQ(self->page, ctl->data_offset);
		data = (const char *)map + ctl->data_offset;
		head = __atomic_load_n(&ctl->data_head, __ATOMIC_ACQUIRE);
		tail = ctl->data_tail;
		while (tail < head) {
			const struct ktrace_rec_hdr *h =
				(const void *)(data + (tail & (RING - 1)));

			if (h->size < 8) {
				s.bad++;
				break;
			}
			if (h->type != KTRACE_REC_PAD)
				look(_metadata, &s, h);
			tail += h->size;
		}
		__atomic_store_n(&ctl->data_tail, tail, __ATOMIC_RELEASE);
		munmap(map, len);
	}
	EXPECT_LE(1, mapped);
	EXPECT_EQ(0, s.bad);
	EXPECT_EQ(NCALLS + 1, s.enters);
	EXPECT_EQ(NCALLS + 1, s.exits);
	EXPECT_EQ(1, s.writes);
	/* All consumed: read() finds nothing, the session is disabled. */
	EXPECT_EQ(0, read(self->fd, buf, sizeof(buf)));
	/* A CPU past any possible one, and a private mapping: refused. */
	map = mmap(NULL, len, PROT_READ, MAP_SHARED, self->fd,
		   KTRACE_MMAP_OFFSET(1 << 20));
	EXPECT_TRUE(map == MAP_FAILED);
	EXPECT_EQ(EINVAL, errno);
	map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, self->fd,
		   KTRACE_MMAP_OFFSET(0));
	EXPECT_TRUE(map == MAP_FAILED);
	EXPECT_EQ(EINVAL, errno);
}

TEST_HARNESS_MAIN
