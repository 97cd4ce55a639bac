// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): the one file that talks to /dev/ktrace.  Each function turns
 * a device failure into a one-line message that says what to do about it.
 * The records come out of the rings through their mappings, merged by
 * time as read() merges them, without a copy; through read() when the
 * rings cannot be mapped.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ktrace.h"
#include "decode.h"

/*
 * The ABI major this command speaks: the header's.  Only the tests build
 * a variant with another, to meet a module that is too old or too new.
 */
#ifndef KTRACE_CLI_ABI_MAJOR
#define KTRACE_CLI_ABI_MAJOR KTRACE_ABI_MAJOR
#endif

/* -d, --debug: say what the command asks of the module, on stderr. */
bool kt_debug;

/* What an ENOMEM of open(), CONFIGURE and PID_ADD most likely means. */
static const char memory_max_hint[] =
	" (the sessions open hold the module's memory_max: see /sys/module/ktrace/parameters/)";

unsigned int kt_dev_param(const char *name)
{
	unsigned int v = 0;
	char path[64];
	FILE *f;

	snprintf(path, sizeof(path), "/sys/module/ktrace/parameters/%s", name);
	f = fopen(path, "re");
	if (f) {
		if (fscanf(f, "%u", &v) != 1)
			v = 0;
		fclose(f);
	}
	return v;
}

/*
 * Open the device, checking that the module speaks our ABI.  Returns the
 * descriptor, or -1 after printing why not.
 */
int ktrace_dev_open(void)
{
	struct ktrace_version v;
	int fd;

	/* Read-write to hand ring space back through the mappings. */
	fd = open(KTRACE_DEV_PATH, O_RDWR | O_CLOEXEC);
	if (fd < 0 && (errno == EACCES || errno == EROFS))
		fd = open(KTRACE_DEV_PATH, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT || errno == ENODEV || errno == ENXIO)
			ktrace_err("%s: module not loaded (load it with 'modprobe ktrace' or 'insmod ktrace.ko')",
				   KTRACE_DEV_PATH);
		else if (errno == EACCES || errno == EPERM)
			ktrace_err("%s: permission denied (needs root, CAP_SYS_ADMIN or CAP_PERFMON)",
				   KTRACE_DEV_PATH);
		else if (errno == ENOMEM)
			ktrace_err("%s: %s%s", KTRACE_DEV_PATH,
				   strerror(errno), memory_max_hint);
		else
			ktrace_err("%s: %s", KTRACE_DEV_PATH, strerror(errno));
		return -1;
	}
	if (ktrace_dev_version(fd, &v) < 0) {
		close(fd);
		return -1;
	}
	if (kt_debug)
		fprintf(stderr, "%s: debug: %s: module ABI %u.%u, features 0x%llx, release %s\n",
			ktrace_prog, KTRACE_DEV_PATH, v.abi_major, v.abi_minor,
			(unsigned long long)v.features, v.release);
	if (v.abi_major != KTRACE_CLI_ABI_MAJOR) {
		ktrace_err("module ABI %u.%u is too %s for this ktrace (ABI %u.%u): install matching versions",
			   v.abi_major, v.abi_minor,
			   (int)v.abi_major - KTRACE_CLI_ABI_MAJOR < 0 ? "old" : "new",
			   KTRACE_CLI_ABI_MAJOR, KTRACE_ABI_MINOR);
		close(fd);
		return -1;
	}
	return fd;
}

int ktrace_dev_version(int fd, struct ktrace_version *v)
{
	memset(v, 0, sizeof(*v));
	if (ioctl(fd, KTRACE_IOC_VERSION, v) < 0) {
		ktrace_err("%s: cannot read the ABI version: %s",
			   KTRACE_DEV_PATH, strerror(errno));
		return -1;
	}
	v->release[sizeof(v->release) - 1] = '\0';
	return 0;
}

/* One ioctl, with a one-line message naming what failed. */
static int dev_ioctl(int fd, unsigned long cmd, void *arg, const char *what)
{
	int ret = ioctl(fd, cmd, arg);

	if (kt_debug)
		fprintf(stderr, "%s: debug: %s: %s\n", ktrace_prog, what,
			ret ? strerror(errno) : "done");
	if (ret == 0)
		return 0;
	ktrace_err("%s: %s%s", what, strerror(errno),
		   errno == ENOMEM && cmd == KTRACE_IOC_CONFIGURE ?
		   memory_max_hint : "");
	return -1;
}

/*
 * -d: a session's setting @v (in @unit), or for 0 the module's parameter
 * @param that it stands for, as the module reads it at CONFIGURE.
 */
static const char *debug_setting(char *buf, size_t n, unsigned int v,
				 const char *unit, const char *param)
{
	bool dflt = !v;

	if (dflt)
		v = kt_dev_param(param);
	if (!v)
		snprintf(buf, n, "the module's %s", param);
	else if (dflt)
		snprintf(buf, n, "%u%s (the module's %s)", v, unit, param);
	else
		snprintf(buf, n, "%u%s", v, unit);
	return buf;
}

int kt_dev_configure(int fd, const struct ktrace_config *c)
{
	char ring[64], snap[64];
	struct ktrace_config cfg = *c;
	struct ktrace_version v = { 0 };

	/*
	 * Every reader here takes records over 64 KiB (kt_blob_off()): say
	 * so, or a session that does not would cut the strings of another
	 * tracing the same task at 4096 bytes.
	 */
	if (!ioctl(fd, KTRACE_IOC_VERSION, &v) &&
	    (v.features & KTRACE_FEAT_LONG))
		cfg.flags |= KTRACE_CFG_LONG;
	/*
	 * -v, -e abbrev=: what strace prints only unabbreviated, execve's
	 * environment and getdents' entries, when the module has it (1.11).
	 */
	if (kt_abbrev_partly() && (v.features & KTRACE_FEAT_VERBOSE))
		cfg.flags |= KTRACE_CFG_VERBOSE;
	if (kt_debug)
		fprintf(stderr, "%s: debug: session: rings of %s, snaplen %s, flags 0x%x\n",
			ktrace_prog,
			debug_setting(ring, sizeof(ring), cfg.ring_size,
				      " bytes", "ring_size"),
			debug_setting(snap, sizeof(snap), cfg.snaplen, "",
				      "snaplen"),
			cfg.flags);
	return dev_ioctl(fd, KTRACE_IOC_CONFIGURE, &cfg,
			 "configuring the session");
}

int kt_dev_pid(int fd, pid_t pid, unsigned int flags, bool add)
{
	struct ktrace_pid p = { .pid = pid, .flags = flags };
	int ret = ioctl(fd, add ? KTRACE_IOC_PID_ADD : KTRACE_IOC_PID_DEL, &p);
	int e = errno, ppid, left;

	if (kt_debug)
		fprintf(stderr, "%s: debug: %s process %d (flags 0x%x): %s\n",
			ktrace_prog, add ? "adding" : "removing", pid, flags,
			ret ? strerror(e) : "done");
	if (ret == 0)
		return 0;
	left = e == ESRCH && add ? kt_proc_leader_exited(pid) : 0;
	if (e == ESRCH && add && kt_proc_zombie(pid, &ppid))
		ktrace_err("-p %d: the process has exited: a zombie, not reaped yet by its parent %d",
			   pid, ppid);
	else if (left)
		ktrace_err("-p %d: this thread has exited, the process runs on in %d other%s: -f traces %s",
			   pid, left, left > 1 ? "s" : "",
			   left > 1 ? "them" : "it");
	else if (e == ESRCH)
		ktrace_err("-p %d: no such process", pid);
	else
		ktrace_err("tracing process %d: %s%s", pid, strerror(e),
			   e == ENOMEM ? memory_max_hint : "");
	return -1;
}

/*
 * -b execve: the session stops recording process tgid, whether it joined
 * as a thread or as a thread group; quietly, since it may be gone.
 */
void kt_dev_pid_drop(int fd, pid_t tgid)
{
	struct ktrace_pid p = { .pid = tgid, .flags = KTRACE_PID_THREAD_GROUP };

	ioctl(fd, KTRACE_IOC_PID_DEL, &p);
	p.flags = 0;
	ioctl(fd, KTRACE_IOC_PID_DEL, &p);
}

/*
 * A process found in /proc (a view's -p descendant from before it) joins
 * the session as a followed thread group; quietly, since it may be gone
 * or a zombie (ESRCH).  0, or -1 with errno set.
 */
int kt_dev_pid_follow(int fd, pid_t tgid)
{
	struct ktrace_pid p = {
		.pid = tgid,
		.flags = KTRACE_PID_THREAD_GROUP | KTRACE_PID_FOLLOW,
	};

	return ioctl(fd, KTRACE_IOC_PID_ADD, &p) ? -1 : 0;
}

int kt_dev_set_syscalls(int fd, const struct ktrace_syscalls *s)
{
	return dev_ioctl(fd, KTRACE_IOC_SET_SYSCALLS, (void *)s,
			 "setting the syscall filter");
}

/* Returns 1 past the last class, 0 with *c filled, -1 on error. */
int kt_dev_get_class(int fd, struct ktrace_class *c)
{
	if (ioctl(fd, KTRACE_IOC_GET_CLASS, c) == 0)
		return 0;
	if (errno == ENOENT)
		return 1;
	ktrace_err("reading the syscall classes: %s", strerror(errno));
	return -1;
}

int kt_dev_set_status(int fd, const struct ktrace_status *s)
{
	return dev_ioctl(fd, KTRACE_IOC_SET_STATUS, (void *)s,
			 "setting the status filter");
}

int kt_dev_enable(int fd)
{
	return dev_ioctl(fd, KTRACE_IOC_ENABLE, NULL, "enabling the session");
}

int kt_dev_disable(int fd)
{
	return dev_ioctl(fd, KTRACE_IOC_DISABLE, NULL, "disabling the session");
}

int kt_dev_syscall_stats(int fd, struct ktrace_syscall_stats *st)
{
	return dev_ioctl(fd, KTRACE_IOC_SESSION_SYSCALL_STATS, st,
			 "reading the syscall counters");
}

int kt_dev_stats(int fd, struct ktrace_stats *st)
{
	memset(st, 0, sizeof(*st));
	return dev_ioctl(fd, KTRACE_IOC_STATS, st, "reading the session's counters");
}

/* An ABI's counters one syscall at a time, from a module older than 1.17. */
static int counts_one_by_one(int fd, unsigned int abi, struct kt_counts *c)
{
	struct ktrace_syscall_stats st;
	unsigned int nr;

	for (nr = 0; nr < KTRACE_NR_MAX; nr++) {
		memset(&st, 0, sizeof(st));
		st.abi = abi;
		st.nr = nr;
		if (kt_dev_syscall_stats(fd, &st))
			return -1;
		c->c[abi][nr].calls = st.calls;
		c->c[abi][nr].errors = st.errors;
		c->c[abi][nr].ns = st.total_ns;
	}
	return 0;
}

/*
 * The session's per-syscall counters, all of them: one ioctl per ABI
 * (KTRACE_IOC_SESSION_COUNTS), where the first modules took one per
 * syscall, 1,024 in all.
 */
int kt_dev_counts(int fd, struct kt_counts *c)
{
	struct ktrace_count buf[KTRACE_NR_MAX];
	struct ktrace_counts q;
	unsigned int abi, nr;

	memset(c, 0, sizeof(*c));
	for (abi = 0; abi < KTRACE_ABI_COUNT; abi++) {
		memset(&q, 0, sizeof(q));
		q.counts = (uintptr_t)buf;
		q.nr = KTRACE_NR_MAX;
		q.abi = abi;
		if (ioctl(fd, KTRACE_IOC_SESSION_COUNTS, &q)) {
			if (errno != ENOTTY) {
				ktrace_err("reading the syscall counters: %s",
					   strerror(errno));
				return -1;
			}
			if (counts_one_by_one(fd, abi, c))
				return -1;
			continue;
		}
		for (nr = 0; nr < q.nr; nr++) {
			c->c[abi][nr].calls = buf[nr].calls;
			c->c[abi][nr].errors = buf[nr].errors;
			c->c[abi][nr].ns = buf[nr].total_ns;
		}
	}
	c->valid = true;
	return 0;
}

/*
 * A snapshot of the tasks @select names (KTRACE_IOC_TASKS): a malloc()ed
 * array in *out, its length in *n, its CLOCK_MONOTONIC time in *now.
 * Returns 0, -1 after one line saying why not, or 1 without a word
 * when there is no process @tgid.
 */
int kt_dev_tasks(int fd, unsigned int select, pid_t tgid, uint64_t min_ns,
		 struct ktrace_task **out, size_t *n, uint64_t *now)
{
	struct ktrace_tasks q;
	struct ktrace_task *t = NULL, *nt;
	uint32_t room = 256;

	for (;;) {
		nt = realloc(t, room * sizeof(*t));
		if (!nt) {
			free(t);
			ktrace_err("out of memory");
			return -1;
		}
		t = nt;
		memset(&q, 0, sizeof(q));
		q.tasks = (uintptr_t)t;
		q.nr_tasks = room;
		q.select = select;
		q.tgid = tgid;
		q.min_off_cpu_ns = min_ns;
		if (ioctl(fd, KTRACE_IOC_TASKS, &q)) {
			if (errno == ESRCH) {
				free(t);
				return 1;
			}
			if (errno == ENOTTY)
				ktrace_err("%s: the module is too old for task snapshots (ABI 1.4 needed): load a newer ktrace.ko",
					   KTRACE_DEV_PATH);
			else
				ktrace_err("reading the task snapshot: %s",
					   strerror(errno));
			free(t);
			return -1;
		}
		if (q.nr_tasks <= room)
			break;
		if (room == KTRACE_TASKS_MAX)
			break;	/* the first KTRACE_TASKS_MAX */
		room = q.nr_tasks + 64 > KTRACE_TASKS_MAX ? KTRACE_TASKS_MAX :
							    q.nr_tasks + 64;
	}
	*out = t;
	*n = q.nr_tasks < room ? q.nr_tasks : room;
	*now = q.now;
	return 0;
}

/*
 * The session's counters by process (KTRACE_IOC_PROC_STATS, ABI 1.6):
 * with @next, the interval is closed and the next begun.  The closed
 * interval's processes in a malloc()ed *out (may be NULL when none),
 * their number in *n, the rest in *q.  Returns 0, or -1 after one line.
 */
int kt_dev_procs(int fd, bool next, struct ktrace_proc_count **out,
		 size_t *n, struct ktrace_proc_stats *q)
{
	struct ktrace_proc_count *c = NULL, *nc;
	uint32_t room = 0;

	for (;;) {
		memset(q, 0, sizeof(*q));
		q->procs = (uintptr_t)c;
		q->nr_procs = room;
		q->flags = next ? KTRACE_PROC_NEXT : 0;
		if (dev_ioctl(fd, KTRACE_IOC_PROC_STATS, q,
			      "reading the counters by process")) {
			free(c);
			return -1;
		}
		next = false;	/* the same interval again, with more room */
		if (q->nr_procs <= room)
			break;
		room = q->nr_procs + 64;
		nc = realloc(c, room * sizeof(*c));
		if (!nc) {
			free(c);
			ktrace_err("out of memory");
			return -1;
		}
		c = nc;
	}
	*out = c;
	*n = q->nr_procs;
	return 0;
}

/* The number of CPU rings a session has. */
int kt_dev_nr_cpus(int fd)
{
	struct ktrace_losses l = { 0 };

	if (dev_ioctl(fd, KTRACE_IOC_LOSSES, &l, "counting the rings"))
		return -1;
	return l.nr_cpus;
}

/*
 * Reading.  A mapped ring is consumed in place: a batch takes the records
 * below the head each ring had when the batch began, oldest first across
 * the rings (ties to the lower CPU, as read() does), and the space goes
 * back to the writers only when the caller is done with the batch.
 */
#define BATCH_RECORDS	4096
#define READ_BUF_SIZE	(1 << 20)

struct kt_ring {
	struct ktrace_ring_page *page;
	const char *data;
	size_t map_len;
	uint64_t size, head, tail, start;
	const struct ktrace_rec_hdr *next;	/* at tail, below head */
	uint64_t held_ts;	/* the oldest record left to the next batch */
};

struct kt_dev_reader {
	int fd;
	unsigned int nr;
	struct kt_ring *ring;		/* NULL: read() */
	char *buf;			/* read()'s */
	size_t len, off;		/* bytes in buf, and taken */
	const struct ktrace_rec_hdr **recs;
	size_t ring_min;		/* the smallest mapped ring's size */
	bool full;			/* the last batch left records behind */
};

static int map_rings(struct kt_dev_reader *r)
{
	long page = sysconf(_SC_PAGESIZE);
	struct ktrace_ring_page *p;
	struct kt_ring *ring;
	int n = kt_dev_nr_cpus(r->fd);
	unsigned int cpu;

	if (n <= 0)
		return -1;
	r->ring = calloc(n, sizeof(*r->ring));
	if (!r->ring)
		return -1;
	for (cpu = 0; cpu < (unsigned int)n; cpu++) {
		ring = &r->ring[r->nr];
		p = mmap(NULL, page, PROT_READ, MAP_SHARED, r->fd,
			 KTRACE_MMAP_OFFSET(cpu));
		if (p == MAP_FAILED) {
			/* A CPU that is not possible has no ring. */
			if (cpu && errno == EINVAL)
				continue;
			return -1;
		}
		ring->size = p->data_size;
		ring->map_len = p->data_offset + p->data_size;
		munmap(p, page);
		p = mmap(NULL, ring->map_len, PROT_READ | PROT_WRITE,
			 MAP_SHARED, r->fd, KTRACE_MMAP_OFFSET(cpu));
		if (p == MAP_FAILED)
			return -1;
		ring->page = p;
		ring->data = (const char *)p + p->data_offset;
		ring->tail = __atomic_load_n(&p->data_tail, __ATOMIC_RELAXED);
		if (!r->ring_min || ring->size < r->ring_min)
			r->ring_min = ring->size;
		r->nr++;
	}
	return 0;
}

static void unmap_rings(struct kt_dev_reader *r)
{
	unsigned int i;

	for (i = 0; i < r->nr; i++)
		munmap(r->ring[i].page, r->ring[i].map_len);
	free(r->ring);
	r->ring = NULL;
	r->nr = 0;
	r->ring_min = 0;
}

/* Map the rings if they can be, else read() them; NULL when out of memory. */
struct kt_dev_reader *kt_dev_reader_new(int fd)
{
	struct kt_dev_reader *r = calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	r->fd = fd;
	r->recs = calloc(BATCH_RECORDS, sizeof(*r->recs));
	if (!r->recs)
		goto fail;
	if (getenv("KTRACE_NO_MMAP") || map_rings(r)) {
		unmap_rings(r);
		r->buf = malloc(READ_BUF_SIZE);
		if (!r->buf)
			goto fail;
	}
	return r;
fail:
	free(r->recs);
	free(r);
	return NULL;
}

void kt_dev_reader_free(struct kt_dev_reader *r)
{
	if (!r)
		return;
	unmap_rings(r);
	free(r->buf);
	free(r->recs);
	free(r);
}

bool kt_dev_reader_mapped(const struct kt_dev_reader *r)
{
	return r->ring;
}

/* The record at ring's tail, PAD records skipped; -1 if malformed. */
static int ring_next(struct kt_ring *ring, unsigned int cpu)
{
	const struct ktrace_rec_hdr *h;
	uint64_t off;
	uint32_t size;

	ring->next = NULL;
	ring->held_ts = UINT64_MAX;
	/* A quarter of a ring per batch at most: the writers keep the rest. */
	while (ring->tail < ring->head) {
		off = ring->tail & (ring->size - 1);
		h = (const void *)(ring->data + off);
		size = h->size;
		if (size < 8 || size % 8 || size > ring->head - ring->tail ||
		    size > ring->size - off || (h->type != KTRACE_REC_PAD &&
		    (size < sizeof(*h) || size > KTRACE_REC_LONG_MAX_SIZE))) {
			ktrace_err("the ring of CPU %u holds a malformed record (size %u)",
				   cpu, size);
			return -1;
		}
		if (h->type != KTRACE_REC_PAD &&
		    ring->tail - ring->start >= ring->size / 4) {
			ring->held_ts = h->ts;
			return 0;
		}
		if (h->type != KTRACE_REC_PAD) {
			ring->next = h;
			return 0;
		}
		ring->tail += size;
	}
	return 0;
}

static uint64_t min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

static int batch_mapped(struct kt_dev_reader *r, size_t *n)
{
	struct kt_ring *ring, *best;
	unsigned int i;

	for (i = 0; i < r->nr; i++) {
		ring = &r->ring[i];
		/*
		 * Pairs with smp_store_release(&data_head) in the kernel's
		 * ktrace_ring_commit(): the records below head are whole.
		 */
		ring->head = __atomic_load_n(&ring->page->data_head,
					     __ATOMIC_ACQUIRE);
		ring->start = ring->tail;
		if (ring_next(ring, i))
			return -1;
	}
	*n = 0;
	while (*n < BATCH_RECORDS) {
		uint64_t held = UINT64_MAX, below = UINT64_MAX;
		uint64_t upto = UINT64_MAX;

		best = NULL;
		for (i = 0; i < r->nr; i++) {
			ring = &r->ring[i];
			if (ring->held_ts < held)
				held = ring->held_ts;
			if (!ring->next)
				continue;
			if (!best || ring->next->ts < best->next->ts) {
				if (best)
					below = min_u64(below, best->next->ts);
				best = ring;
				upto = UINT64_MAX;
			} else if (ring->next->ts < upto) {
				upto = ring->next->ts;
			}
		}
		/*
		 * Not past a record that a ring's quarter left behind: the
		 * next batch starts with it, and what this one took of the
		 * other rings must not be newer.  A late enter (-e status=)
		 * is stamped with its call's start, and its exit follows it:
		 * an exit held back while the task's next calls, on another
		 * CPU, went out printed as "<... resumed>".
		 */
		if (!best || best->next->ts > held)
			break;
		/*
		 * Then the best ring's records as long as they stay first:
		 * older than the next of a ring before it (@below), not
		 * newer than that of a ring after it (@upto; ties go to the
		 * lower CPU), nor than what a quarter held back.
		 */
		upto = min_u64(min_u64(upto, held), below - 1);
		do {
			r->recs[(*n)++] = best->next;
			best->tail += best->next->size;
			if (ring_next(best, best - r->ring))
				return -1;
		} while (*n < BATCH_RECORDS && best->next &&
			 best->next->ts <= upto);
	}
	/* Stopped at a quarter of a ring, or at BATCH_RECORDS. */
	for (i = 0; i < r->nr; i++)
		if (r->ring[i].tail < r->ring[i].head)
			r->full = true;
	return 0;
}

/*
 * The records of one read(), as many as a batch takes; *eof when the
 * session is disabled and drained.
 */
static int batch_read(struct kt_dev_reader *r, size_t *n, bool *eof)
{
	const struct ktrace_rec_hdr *h;
	ssize_t len;

	if (r->off == r->len) {
		r->off = 0;
		r->len = 0;
		len = read(r->fd, r->buf, READ_BUF_SIZE);
		if (len < 0 && (errno == EAGAIN || errno == EINTR))
			return 0;
		if (len < 0) {
			ktrace_err("reading %s: %s", KTRACE_DEV_PATH,
				   strerror(errno));
			return -1;
		}
		if (len == 0) {
			*eof = true;
			return 0;
		}
		r->len = len;
		/* A read() that fills the buffer may have left more behind. */
		r->full = len > READ_BUF_SIZE / 2;
	}
	while (r->off < r->len && *n < BATCH_RECORDS) {
		h = (const void *)(r->buf + r->off);
		if (r->len - r->off < sizeof(*h) || h->size < sizeof(*h) ||
		    h->size % 8 || h->size > r->len - r->off) {
			ktrace_err("reading %s: malformed record (size %u)",
				   KTRACE_DEV_PATH, h->size);
			return -1;
		}
		r->recs[(*n)++] = h;
		r->off += h->size;
	}
	return 0;
}

/*
 * The next batch of records, oldest first, in *recs: valid until
 * kt_dev_reader_done().  *n is 0 when there is nothing now; *eof is set
 * when read() says the session is disabled and drained.  Returns -1 on
 * an error, already reported.
 */
int kt_dev_reader_batch(struct kt_dev_reader *r,
			const struct ktrace_rec_hdr *const **recs, size_t *n,
			bool *eof)
{
	*n = 0;
	*eof = false;
	*recs = r->recs;
	r->full = false;
	if (r->ring)
		return batch_mapped(r, n);
	return batch_read(r, n, eof);
}

/* Did the last batch stop at its limit, with records left behind? */
bool kt_dev_reader_full(const struct kt_dev_reader *r)
{
	return r->full || r->off < r->len;
}

/* The size of the smallest ring, in bytes; 0 when read() reads them. */
size_t kt_dev_reader_ring_size(const struct kt_dev_reader *r)
{
	return r->ring_min;
}

/* Give the space of the last batch back to the writers. */
void kt_dev_reader_done(struct kt_dev_reader *r)
{
	struct kt_ring *ring;
	unsigned int i;

	for (i = 0; i < r->nr; i++) {
		ring = &r->ring[i];
		if (ring->tail == ring->start)
			continue;
		/*
		 * Pairs with smp_load_acquire(&data_tail) in the kernel's
		 * ktrace_ring_reserve(): we are done reading the records
		 * before a writer may reuse their space.
		 */
		__atomic_store_n(&ring->page->data_tail, ring->tail,
				 __ATOMIC_RELEASE);
		ring->start = ring->tail;
	}
}
