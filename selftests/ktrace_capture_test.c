// SPDX-License-Identifier: GPL-2.0
/*
 * Capture: what the probes record and how the rings hand it over.  A
 * known sequence of syscalls, a fork, a signal and an exec is found with
 * its exact numbers, arguments, strings and return values; an int $0x80
 * syscall is tagged ia32; small rings under load lose records but account
 * for every one of them; bad and non-resident user pointers are marked
 * unavailable; mmap() consumers see the same records; a reader killed in
 * read() does not keep the module from unloading; the instruction
 * pointer comes to the sessions that ask for it (KTRACE_CFG_IP) only, on
 * syscalls and on signal deliveries.
 *
 * Sessions have no filters yet, so the tests pick their own records by
 * thread and process id.  Strings handed to syscalls live on the stack:
 * the probes read user memory without faulting, so a string on a page the
 * process never touched would read as unavailable (which the
 * non-resident test checks on purpose).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include <linux/ktrace.h>

#include "../kselftest_harness.h"

#define DEV_PATH	"/dev/ktrace"
#define PARAM_DIR	"/sys/module/ktrace/parameters/"
#define READ_BUF	(1024 * 1024)

/* The exec test runs this binary again; this turns it into a child. */
__attribute__((constructor)) static void exec_child(void)
{
	const char *code = getenv("KTRACE_EXEC_CHILD");

	if (code)
		_exit(atoi(code));
}

static pid_t gettid_(void)
{
	return syscall(SYS_gettid);
}

/* Everything read from a session, and an index of its records. */
struct trace {
	char *data;
	size_t len, cap;
	struct ktrace_rec_hdr **recs;
	size_t nrecs;
	uint64_t lost;		/* sum of the LOSS records */
	uint64_t nloss;		/* LOSS records */
	int bad;		/* malformed records seen */
};

static void trace_free(struct trace *t)
{
	free(t->data);
	free(t->recs);
	memset(t, 0, sizeof(*t));
}

static int known_type(unsigned int type)
{
	return type >= KTRACE_REC_LOSS && type <= KTRACE_REC_SIGNAL_DELIVER;
}

/*
 * Read what the session holds: one read() while it captures (every read
 * adds records of its own, so "until empty" would never end), or until
 * end of file once it is disabled.  Returns 0 or -errno.
 */
static int trace_read(int fd, struct trace *t, int until_eof)
{
	ssize_t n;

	for (;;) {
		if (t->cap - t->len < READ_BUF) {
			t->cap = t->cap * 2 + READ_BUF;
			t->data = realloc(t->data, t->cap);
			if (!t->data)
				return -ENOMEM;
		}
		n = read(fd, t->data + t->len, READ_BUF);
		if (n > 0) {
			t->len += n;
			if (!until_eof)
				return 0;
			continue;
		}
		if (n == 0)
			return 0;
		if (errno == EAGAIN && !until_eof)
			return 0;
		if (errno == EAGAIN) {
			usleep(1000);
			continue;
		}
		return -errno;
	}
}

/* Build the index and check every record's shape. */
static void trace_index(struct trace *t)
{
	struct ktrace_rec_hdr *h;
	size_t off;

	free(t->recs);
	t->recs = NULL;
	t->nrecs = 0;
	t->lost = 0;
	t->nloss = 0;
	t->bad = 0;
	for (off = 0; off + sizeof(*h) <= t->len; off += h->size) {
		h = (struct ktrace_rec_hdr *)(t->data + off);
		if (h->size < sizeof(*h) || h->size % 8 ||
		    h->size > t->len - off || !known_type(h->type) ||
		    ((uintptr_t)h % 8)) {
			t->bad++;
			return;
		}
		if (t->nrecs % 4096 == 0)
			t->recs = realloc(t->recs, (t->nrecs + 4096) *
					  sizeof(*t->recs));
		t->recs[t->nrecs++] = h;
		if (h->type == KTRACE_REC_LOSS) {
			t->lost += ((struct ktrace_rec_loss *)h)->lost;
			t->nloss++;
		}
	}
	if (off != t->len)
		t->bad++;
}

static int cmp_ts(const void *a, const void *b)
{
	const struct ktrace_rec_hdr *x = *(struct ktrace_rec_hdr **)a;
	const struct ktrace_rec_hdr *y = *(struct ktrace_rec_hdr **)b;

	if (x->ts != y->ts)
		return x->ts < y->ts ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* The records about thread @pid, oldest first. */
static size_t trace_thread(struct trace *t, pid_t pid,
			   struct ktrace_rec_hdr ***out)
{
	struct ktrace_rec_hdr **v = calloc(t->nrecs + 1, sizeof(*v));
	size_t i, n = 0;

	for (i = 0; i < t->nrecs; i++)
		if (t->recs[i]->pid == pid && t->recs[i]->type !=
		    KTRACE_REC_LOSS)
			v[n++] = t->recs[i];
	qsort(v, n, sizeof(*v), cmp_ts);
	*out = v;
	return n;
}

/* A blob's place and length, in short or long form (KTRACE_RF_LONG). */
static size_t blob_off(const struct ktrace_rec_hdr *h,
		       const struct ktrace_blob *b)
{
	return h->flags & KTRACE_RF_LONG ? (size_t)b->offset * 8 : b->offset;
}

static size_t blob_len(const struct ktrace_rec_hdr *h,
		       const struct ktrace_blob *b)
{
	return h->flags & KTRACE_RF_LONG ?
	       b->len | (size_t)(b->flags & KTRACE_BF_LEN_HI) << 8 : b->len;
}

static const struct ktrace_blob *blob(const struct ktrace_rec_hdr *h,
				      const struct ktrace_blob *blobs,
				      unsigned int nblobs, unsigned int kind,
				      unsigned int nth)
{
	unsigned int i;

	for (i = 0; i < nblobs; i++) {
		if (blobs[i].kind != kind)
			continue;
		if (blob_off(h, &blobs[i]) + blob_len(h, &blobs[i]) > h->size)
			return NULL;
		if (!nth--)
			return &blobs[i];
	}
	return NULL;
}

static const char *blob_data(const struct ktrace_rec_hdr *h,
			     const struct ktrace_blob *b)
{
	return (const char *)h + blob_off(h, b);
}

/* The inode of our PID namespace. */
static uint32_t self_pidns(void)
{
	struct stat sb;

	return stat("/proc/self/ns/pid", &sb) ? 0 : sb.st_ino;
}

static int find_reap(struct trace *t, pid_t pid)
{
	size_t i;

	for (i = 0; i < t->nrecs; i++)
		if (t->recs[i]->type == KTRACE_REC_REAP &&
		    t->recs[i]->pid == pid)
			return 1;
	return 0;
}

/*
 * Sessions start disabled and leave their opener out: these tests trace
 * themselves, so they say so, then enable capture.
 */
static int start_session(int fd)
{
	struct ktrace_config cfg = {
		.events = KTRACE_EV_ALL,
		.flags = KTRACE_CFG_TRACE_SELF,
	};

	if (fd < 0)
		return fd;
	if (ioctl(fd, KTRACE_IOC_CONFIGURE, &cfg) ||
	    ioctl(fd, KTRACE_IOC_ENABLE)) {
		close(fd);
		return -1;
	}
	return fd;
}

static int open_session(void)
{
	return start_session(open(DEV_PATH, O_RDONLY | O_NONBLOCK |
				  O_CLOEXEC));
}

static int set_param(const char *name, const char *value)
{
	char path[128];
	int fd, ret;

	snprintf(path, sizeof(path), PARAM_DIR "%s", name);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -1;
	ret = write(fd, value, strlen(value)) == (ssize_t)strlen(value) ?
	      0 : -1;
	close(fd);
	return ret;
}

static void pin_cpu(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	sched_setaffinity(0, sizeof(set), &set);
}

/*
 * A pair of syscall records of one thread: the enter (or NULL when it was
 * not captured) and the exit.
 */
struct call {
	const struct ktrace_rec_sys_enter *enter;
	const struct ktrace_rec_sys_exit *exit;
};

/* Pair the syscall records of a thread; -1 if they do not alternate. */
static int pair_calls(struct ktrace_rec_hdr **v, size_t n, struct call *calls,
		      size_t *ncalls)
{
	const struct ktrace_rec_sys_enter *open = NULL;
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (v[i]->type == KTRACE_REC_SYS_ENTER) {
			if (open)
				return -1;
			open = (void *)v[i];
		} else if (v[i]->type == KTRACE_REC_SYS_EXIT) {
			const struct ktrace_rec_sys_exit *x = (void *)v[i];

			/* Only the first exit may lack its enter. */
			if (!open && k)
				return -1;
			if (open && (open->nr != x->nr || open->abi != x->abi))
				return -1;
			calls[k].enter = open;
			calls[k].exit = x;
			k++;
			open = NULL;
		}
	}
	*ncalls = k;
	return 0;
}

static int usr1_seen;

static void on_usr1(int sig)
{
	__atomic_fetch_add(&usr1_seen, 1, __ATOMIC_RELAXED);
}

FIXTURE(capture) {
	int fd;
	struct trace t;
};

FIXTURE_SETUP(capture)
{
	if (geteuid() != 0)
		SKIP(return, "needs root");
	memset(&self->t, 0, sizeof(self->t));
	self->fd = open_session();
	ASSERT_LE(0, self->fd) TH_LOG("%s: %s", DEV_PATH, strerror(errno));
}

FIXTURE_TEARDOWN(capture)
{
	if (self->fd >= 0)
		close(self->fd);
	trace_free(&self->t);
}

/* Disable the session and read everything it captured. */
static int stop_and_drain(int fd, struct trace *t)
{
	if (ioctl(fd, KTRACE_IOC_DISABLE))
		return -errno;
	if (trace_read(fd, t, 1))
		return -1;
	trace_index(t);
	return 0;
}

TEST_F_TIMEOUT(capture, known_sequence_exact, 120)
{
	char missing[] = "/nonexistent/ktrace-selftest";
	char exe[] = "/proc/self/exe";
	char arg0[] = "ktrace-exec-child", arg1[] = "arg-one";
	char env0[] = "KTRACE_EXEC_CHILD=7";
	char *argv[3], *envp[2];
	char msg[] = "hello-ktrace", buf[64];
	pid_t me = gettid_(), tgid = getpid(), ppid = getppid(), child, execer;
	struct ktrace_rec_hdr **v, **cv;
	const struct ktrace_rec_sys_exit *first;
	struct call *calls;
	struct sigaction sa;
	size_t n, nc, ncalls, i, k;
	int p[2], status, got_ok;
	int found_fork = 0, found_gen = 0, found_del = 0, found_exit = 0;
	int found_exec = 0, found_exec_exit = 0, found_reap = 0;
	uint64_t gen_ts = 0, pipe_ino;
	struct stat pst;

	argv[0] = arg0;
	argv[1] = arg1;
	argv[2] = NULL;
	envp[0] = env0;
	envp[1] = NULL;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	ASSERT_EQ(0, sigaction(SIGUSR1, &sa, NULL));

	/* The sequence. */
	for (i = 0; i < 5; i++)
		ASSERT_EQ(ppid, syscall(SYS_getppid));
	ASSERT_EQ(-1, syscall(SYS_openat, AT_FDCWD, missing, O_RDONLY));
	ASSERT_EQ(ENOENT, errno);
	ASSERT_EQ(0, syscall(SYS_pipe2, p, 0));
	ASSERT_EQ(12, syscall(SYS_write, p[1], msg, 12));
	ASSERT_EQ(12, syscall(SYS_read, p[0], buf, sizeof(buf)));
	child = syscall(SYS_clone, SIGCHLD, 0, NULL, NULL, 0);
	if (child == 0)
		syscall(SYS_exit_group, 42);
	ASSERT_LT(0, child);
	ASSERT_EQ(child, syscall(SYS_wait4, child, &status, 0, NULL));
	ASSERT_EQ(42, WEXITSTATUS(status));
	ASSERT_EQ(0, syscall(SYS_kill, tgid, SIGUSR1));
	ASSERT_EQ(1, __atomic_load_n(&usr1_seen, __ATOMIC_RELAXED));
	execer = syscall(SYS_clone, SIGCHLD, 0, NULL, NULL, 0);
	if (execer == 0) {
		syscall(SYS_execve, exe, argv, envp);
		syscall(SYS_exit_group, 99);
	}
	ASSERT_LT(0, execer);
	ASSERT_EQ(execer, waitpid(execer, &status, 0));
	ASSERT_EQ(7, WEXITSTATUS(status));
	ASSERT_EQ(0, fstat(p[0], &pst));
	pipe_ino = pst.st_ino;
	close(p[0]);
	close(p[1]);

	/* The child is reaped by an RCU callback after wait4(): wait. */
	for (i = 0; i < 500 && !find_reap(&self->t, child); i++) {
		ASSERT_EQ(0, trace_read(self->fd, &self->t, 0));
		trace_index(&self->t);
		usleep(10000);
	}
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	ASSERT_EQ(0, self->t.bad);
	ASSERT_EQ(0, self->t.nloss) TH_LOG("records were lost");

	/* Our thread: enters and exits alternate, durations are exact. */
	n = trace_thread(&self->t, me, &v);
	calls = calloc(n + 1, sizeof(*calls));
	if (pair_calls(v, n, calls, &ncalls)) {
		for (i = 0; i < n; i++)
			TH_LOG("type %u nr %u abi %u ts %llu", v[i]->type,
			       ((struct ktrace_rec_sys_enter *)v[i])->nr,
			       ((struct ktrace_rec_sys_enter *)v[i])->abi,
			       (unsigned long long)v[i]->ts);
		ASSERT_TRUE(0) TH_LOG("syscall records do not pair up");
	}
	for (i = 0; i < ncalls; i++) {
		if (!calls[i].enter)
			continue;
		EXPECT_EQ(calls[i].exit->hdr.ts - calls[i].enter->hdr.ts,
			  calls[i].exit->duration);
		EXPECT_EQ(me, calls[i].exit->hdr.pid);
		EXPECT_EQ(getpid(), calls[i].exit->hdr.tgid);
	}

	/* Find the sequence among our calls. */
	for (k = 0; k + 5 <= ncalls; k++) {
		for (i = 0; i < 5; i++)
			if (calls[k + i].exit->nr != SYS_getppid)
				break;
		if (i == 5)
			break;
	}
	ASSERT_GE(ncalls, k + 5 + 7) TH_LOG("five getppid calls not found");
	for (i = 0; i < 5; i++) {
		EXPECT_EQ(ppid, calls[k + i].exit->ret);
		EXPECT_EQ(KTRACE_ABI_NATIVE, calls[k + i].exit->abi);
		EXPECT_NE(KTRACE_DURATION_UNKNOWN, calls[k + i].exit->duration);
		EXPECT_NE(NULL, calls[k + i].enter);
	}
	k += 5;

	/* openat: the path string, -ENOENT. */
	{
		const struct ktrace_rec_sys_enter *e = calls[k].enter;
		const struct ktrace_blob *b;

		ASSERT_EQ(SYS_openat, calls[k].exit->nr);
		EXPECT_EQ(-ENOENT, calls[k].exit->ret);
		EXPECT_EQ((uint64_t)(unsigned int)AT_FDCWD,
			  (uint64_t)(unsigned int)e->args[0]);
		EXPECT_EQ((uintptr_t)missing, e->args[1]);
		b = blob(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_PATH, 0);
		ASSERT_NE(NULL, b);
		EXPECT_EQ(1, b->arg);
		EXPECT_EQ(0, b->flags);
		EXPECT_EQ(sizeof(missing), b->len);
		EXPECT_STREQ(missing, blob_data(&e->hdr, b));
		k++;
	}
	/*
	 * pipe2, with the inodes of its two descriptors (ABI 1.18), then
	 * write and read with their buffers.
	 */
	{
		const struct ktrace_rec_sys_exit *x = calls[k].exit;
		const struct ktrace_blob *b;
		uint64_t ino[2];

		ASSERT_EQ(SYS_pipe2, x->nr);
		EXPECT_EQ(0, x->ret);
		b = blob(&x->hdr, x->blobs, x->nblobs, KTRACE_BLOB_INODES, 0);
		ASSERT_NE(NULL, b);
		EXPECT_EQ(KTRACE_BLOB_ARG_NONE, b->arg);
		EXPECT_EQ(0, b->flags);
		ASSERT_EQ(sizeof(ino), b->len);
		memcpy(ino, blob_data(&x->hdr, b), sizeof(ino));
		/* The pipe's two ends are one inode (pipe_ino, below). */
		EXPECT_NE(0, ino[0]);
		EXPECT_EQ(ino[0], ino[1]);
		EXPECT_EQ(pipe_ino, ino[0]);
	}
	k++;
	{
		const struct ktrace_rec_sys_enter *e = calls[k].enter;
		const struct ktrace_rec_sys_exit *x;
		const struct ktrace_blob *b;

		ASSERT_EQ(SYS_write, calls[k].exit->nr);
		EXPECT_EQ(12, calls[k].exit->ret);
		EXPECT_EQ((uint64_t)p[1], e->args[0]);
		EXPECT_EQ(12, e->args[2]);
		b = blob(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_BUF, 0);
		ASSERT_NE(NULL, b);
		EXPECT_EQ(12, b->len);
		EXPECT_EQ(0, memcmp(blob_data(&e->hdr, b), msg, 12));
		k++;
		x = calls[k].exit;
		ASSERT_EQ(SYS_read, x->nr);
		EXPECT_EQ(12, x->ret);
		b = blob(&x->hdr, x->blobs, x->nblobs, KTRACE_BLOB_BUF, 0);
		ASSERT_NE(NULL, b);
		EXPECT_EQ(12, b->len);
		EXPECT_EQ(0, memcmp(blob_data(&x->hdr, b), msg, 12));
		k++;
	}
	/* clone returns the child, wait4 reaps it, kill signals us. */
	ASSERT_EQ(SYS_clone, calls[k].exit->nr);
	EXPECT_EQ(child, calls[k].exit->ret);
	EXPECT_EQ(SIGCHLD, calls[k].enter->args[0]);
	k++;
	ASSERT_EQ(SYS_wait4, calls[k].exit->nr);
	EXPECT_EQ(child, calls[k].exit->ret);
	k++;
	ASSERT_EQ(SYS_kill, calls[k].exit->nr);
	EXPECT_EQ(0, calls[k].exit->ret);
	EXPECT_EQ(getpid(), calls[k].enter->args[0]);
	EXPECT_EQ(SIGUSR1, calls[k].enter->args[1]);

	/* Fork, signal generate then deliver, in our thread's records. */
	for (i = 0; i < n; i++) {
		if (v[i]->type == KTRACE_REC_FORK) {
			const struct ktrace_rec_fork *f = (void *)v[i];

			if (f->child_pid != child)
				continue;
			found_fork++;
			EXPECT_EQ(me, f->parent_pid);
			EXPECT_EQ(getpid(), f->parent_tgid);
			EXPECT_EQ(child, f->child_tgid);
			EXPECT_EQ(0, f->fork_flags & KTRACE_FORK_THREAD);
			EXPECT_TRUE(f->fork_flags & KTRACE_FORK_FLAGS_VALID);
			EXPECT_EQ(SIGCHLD, f->clone_flags);
			/*
			 * ABI 1.10: our namespace, the same id in it
			 * (without CONFIG_PID_NS, /proc names none).
			 */
			ASSERT_EQ(sizeof(*f), f->hdr.size);
			EXPECT_EQ(child, f->child_vpid);
			if (self_pidns())
				EXPECT_EQ(self_pidns(), f->child_pidns);
			EXPECT_NE(0, f->child_pidns);
		} else if (v[i]->type == KTRACE_REC_SIGNAL_GENERATE) {
			const struct ktrace_rec_signal_generate *g = (void *)v[i];

			if (g->sig != SIGUSR1)
				continue;
			found_gen++;
			gen_ts = g->hdr.ts;
			EXPECT_EQ(me, g->target_pid);
			EXPECT_EQ(getpid(), g->target_tgid);
			EXPECT_EQ(KTRACE_SIG_DELIVERED, g->result);
			EXPECT_EQ(SI_USER, g->code);
			/*
			 * The sender's ids, also where kill() passes no
			 * siginfo (7.x): the module fills them in.
			 */
			ASSERT_EQ(sizeof(*g), g->hdr.size);
			EXPECT_EQ(KTRACE_SI_VALID, g->si.flags);
			EXPECT_EQ(getpid(), g->si.pid);
			EXPECT_EQ(getuid(), g->si.uid);
		} else if (v[i]->type == KTRACE_REC_SIGNAL_DELIVER) {
			const struct ktrace_rec_signal_deliver *d = (void *)v[i];

			if (d->sig != SIGUSR1)
				continue;
			found_del++;
			/* Equal under TCG, whose clock can be coarse. */
			EXPECT_LE(gen_ts, d->hdr.ts);
			EXPECT_NE(0, gen_ts);
			EXPECT_EQ(KTRACE_SIGACT_HANDLER, d->action);
			EXPECT_EQ((uintptr_t)on_usr1, d->handler);
		}
	}
	EXPECT_EQ(1, found_fork);
	EXPECT_EQ(1, found_gen);
	EXPECT_EQ(1, found_del);

	/* The child: clone returns 0 to it, exit_group(42), exit record. */
	nc = trace_thread(&self->t, child, &cv);
	ASSERT_LT(0, nc);
	ASSERT_EQ(KTRACE_REC_SYS_EXIT, cv[0]->type);
	first = (void *)cv[0];
	EXPECT_EQ(SYS_clone, first->nr);
	EXPECT_EQ(0, first->ret);
	EXPECT_NE(KTRACE_DURATION_UNKNOWN, first->duration);
	for (i = 0; i < nc; i++) {
		if (cv[i]->type == KTRACE_REC_SYS_ENTER &&
		    ((struct ktrace_rec_sys_enter *)cv[i])->nr ==
		    SYS_exit_group)
			EXPECT_EQ(42, ((struct ktrace_rec_sys_enter *)
				       cv[i])->args[0]);
		if (cv[i]->type == KTRACE_REC_EXIT) {
			const struct ktrace_rec_exit *x = (void *)cv[i];

			found_exit++;
			EXPECT_EQ(42 << 8, x->exit_code);
			EXPECT_EQ(42, x->status);
			EXPECT_EQ(0, x->signal);
			EXPECT_TRUE(x->exit_flags & KTRACE_EXIT_GROUP_DEAD);
			EXPECT_EQ(0, x->exit_flags & KTRACE_EXIT_CORE);
		}
		if (cv[i]->type == KTRACE_REC_REAP) {
			found_reap++;
			EXPECT_EQ(1, found_exit);
			EXPECT_EQ(42 << 8,
				  ((struct ktrace_rec_reap *)cv[i])->exit_code);
			EXPECT_EQ(child, cv[i]->tgid);
		}
	}
	EXPECT_EQ(1, found_exit);
	EXPECT_EQ(1, found_reap);
	free(cv);

	/* The exec: path and argv at enter, the exec record, exit 7. */
	nc = trace_thread(&self->t, execer, &cv);
	got_ok = 0;
	for (i = 0; i < nc; i++) {
		if (cv[i]->type == KTRACE_REC_SYS_ENTER &&
		    ((struct ktrace_rec_sys_enter *)cv[i])->nr == SYS_execve) {
			const struct ktrace_rec_sys_enter *e = (void *)cv[i];
			const struct ktrace_blob *b;
			static const char want[] = "ktrace-exec-child\0arg-one";

			b = blob(&e->hdr, e->blobs, e->nblobs,
				 KTRACE_BLOB_PATH, 0);
			ASSERT_NE(NULL, b);
			EXPECT_STREQ(exe, blob_data(&e->hdr, b));
			b = blob(&e->hdr, e->blobs, e->nblobs,
				 KTRACE_BLOB_ARGV, 0);
			ASSERT_NE(NULL, b);
			EXPECT_EQ(0, b->flags);
			EXPECT_EQ(sizeof(want), b->len);
			EXPECT_EQ(0, memcmp(want, blob_data(&e->hdr, b),
					    sizeof(want)));
			got_ok++;
		} else if (cv[i]->type == KTRACE_REC_EXEC) {
			const struct ktrace_rec_exec *x = (void *)cv[i];
			const struct ktrace_blob *b;

			found_exec++;
			EXPECT_EQ(execer, x->old_pid);
			b = blob(&x->hdr, x->blobs, x->nblobs,
				 KTRACE_BLOB_FILENAME, 0);
			ASSERT_NE(NULL, b);
			EXPECT_STREQ(exe, blob_data(&x->hdr, b));
		} else if (cv[i]->type == KTRACE_REC_SYS_EXIT &&
			   ((struct ktrace_rec_sys_exit *)cv[i])->nr ==
			   SYS_execve) {
			EXPECT_EQ(0, ((struct ktrace_rec_sys_exit *)
				      cv[i])->ret);
			EXPECT_EQ(1, found_exec);
		} else if (cv[i]->type == KTRACE_REC_EXIT) {
			found_exec_exit++;
			EXPECT_EQ(7, ((struct ktrace_rec_exit *)cv[i])->status);
		}
	}
	EXPECT_EQ(1, got_ok);
	EXPECT_EQ(1, found_exec);
	EXPECT_EQ(1, found_exec_exit);
	free(cv);
	free(calls);
	free(v);
}

TEST_F(capture, ia32_int80_tagged_compat)
{
	pid_t me = getpid();
	struct ktrace_rec_hdr **v;
	long ret = 20;		/* __NR_getpid on i386 */
	size_t n, i;
	int enters = 0, exits = 0;

	asm volatile ("int $0x80" : "+a" (ret) : : "memory");
	if (ret < 0)
		SKIP(return, "int $0x80 failed (%ld): no ia32 emulation", ret);
	ASSERT_EQ(me, ret);
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	ASSERT_EQ(0, self->t.bad);
	n = trace_thread(&self->t, gettid_(), &v);
	for (i = 0; i < n; i++) {
		if (v[i]->type == KTRACE_REC_SYS_ENTER) {
			const struct ktrace_rec_sys_enter *e = (void *)v[i];

			if (e->abi != KTRACE_ABI_COMPAT)
				continue;
			enters++;
			EXPECT_EQ(20, e->nr);
		} else if (v[i]->type == KTRACE_REC_SYS_EXIT) {
			const struct ktrace_rec_sys_exit *x = (void *)v[i];

			if (x->abi != KTRACE_ABI_COMPAT)
				continue;
			exits++;
			EXPECT_EQ(20, x->nr);
			EXPECT_EQ(me, x->ret);
			EXPECT_NE(KTRACE_DURATION_UNKNOWN, x->duration);
		}
	}
	EXPECT_EQ(1, enters);
	EXPECT_EQ(1, exits);
	free(v);
}

/* An ia32 call by int $0x80, the upper halves of its registers set */
static long int80_upper(long nr, unsigned long a, unsigned long b,
			unsigned long c, unsigned long d)
{
	const unsigned long upper = 0x5a5a5a5aUL << 32;

	a |= upper;
	b |= upper;
	c |= upper;
	d |= upper;
	asm volatile ("int $0x80" : "+a" (nr), "+b" (a), "+c" (b), "+d" (c),
		      "+S" (d) : : "memory");
	return nr;
}

/*
 * The last enter record of @tid for syscall @nr of @abi, with argument
 * @argi equal to @val when @argi is not negative.
 */
static const struct ktrace_rec_sys_enter *
find_enter(struct trace *t, pid_t tid, unsigned int abi, long nr, int argi,
	   unsigned long val)
{
	const struct ktrace_rec_sys_enter *found = NULL;
	struct ktrace_rec_hdr **v;
	size_t n, i;

	n = trace_thread(t, tid, &v);
	for (i = 0; i < n; i++) {
		const struct ktrace_rec_sys_enter *e = (void *)v[i];

		if (v[i]->type == KTRACE_REC_SYS_ENTER && e->abi == abi &&
		    e->nr == nr && (argi < 0 || e->args[argi] == val))
			found = e;
	}
	free(v);
	return found;
}

/* The last native exit record of @tid for syscall @nr that returned @ret. */
static const struct ktrace_rec_sys_exit *find_exit(struct trace *t, pid_t tid,
						   long nr, long ret)
{
	const struct ktrace_rec_sys_exit *found = NULL;
	struct ktrace_rec_hdr **v;
	size_t n, i;

	n = trace_thread(t, tid, &v);
	for (i = 0; i < n; i++) {
		const struct ktrace_rec_sys_exit *x = (void *)v[i];

		if (v[i]->type == KTRACE_REC_SYS_EXIT &&
		    x->abi == KTRACE_ABI_NATIVE && x->nr == nr &&
		    x->ret == ret)
			found = x;
	}
	free(v);
	return found;
}

/*
 * The ia32 wrappers take the low 32 bits of the registers, and so does
 * the capture: prctl(PR_SET_NAME)'s option with an upper half set still
 * has its name recorded, and rt_sigprocmask's set, NULL in its low half,
 * is NULL to the capture too (no blob), as to the kernel.
 */
TEST_F(capture, ia32_int80_upper_halves_ignored)
{
	const struct ktrace_rec_sys_enter *e;
	const struct ktrace_blob *b;
	char old[16] = "", *low;
	long ret;

	low = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	ASSERT_NE(MAP_FAILED, low);
	strcpy(low, "kt-upper");
	ASSERT_EQ(0, prctl(PR_GET_NAME, old));
	/* __NR_ia32_prctl, PR_SET_NAME */
	ret = int80_upper(172, 15, (unsigned long)low, 0, 0);
	if (ret < 0)
		SKIP(munmap(low, 4096); return,
		     "int $0x80 failed (%ld): no ia32 emulation", ret);
	/* __NR_ia32_rt_sigprocmask(SIG_BLOCK, NULL, NULL, 8): a no-op */
	EXPECT_EQ(0, int80_upper(175, SIG_BLOCK, 0, 0, 8));
	prctl(PR_SET_NAME, old);
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	ASSERT_EQ(0, self->t.bad);

	e = find_enter(&self->t, gettid_(), KTRACE_ABI_COMPAT, 172, -1, 0);
	ASSERT_NE(NULL, e);
	EXPECT_EQ(15, e->args[0]);
	b = blob(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_PATH, 0);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(0, b->flags);
	EXPECT_STREQ("kt-upper", blob_data(&e->hdr, b));

	e = find_enter(&self->t, gettid_(), KTRACE_ABI_COMPAT, 175, -1, 0);
	ASSERT_NE(NULL, e);
	EXPECT_EQ(0, e->args[1]);
	EXPECT_EQ(NULL, blob(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_DATA,
			     0));
	munmap(low, 4096);
}

/*
 * rt_sigreturn()'s record carries the mask of the frame at the user stack
 * pointer, 296 bytes up.  A stack pointer within 296 bytes of the top of
 * the address space has no frame there: the kernel refuses it (SIGSEGV),
 * and the record says the mask is unavailable, rather than reading what
 * the sum, wrapped round, points to in page 0.  The child maps page 0
 * with a marker (root may, below mmap_min_addr) to tell the two apart.
 */
TEST_F(capture, sigreturn_sp_wrapping_unavailable)
{
	const struct ktrace_rec_sys_enter *found = NULL;
	const unsigned long sp = 0xffffffffffffff00UL;
	const struct ktrace_blob *b;
	int status;
	pid_t child;

	child = fork();
	ASSERT_LE(0, child);
	if (child == 0) {
		char *volatile zero = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
					   MAP_PRIVATE | MAP_ANONYMOUS |
					   MAP_FIXED, -1, 0);

		if (zero)
			_exit(3);
		memset(zero, 0x6b, 4096);
		asm volatile ("mov %0, %%rsp\n"
			      "mov %1, %%eax\n"
			      "syscall\n"
			      "ud2\n"
			      : : "r" (sp), "i" (SYS_rt_sigreturn) : "memory");
		_exit(4);
	}
	ASSERT_EQ(child, waitpid(child, &status, 0));
	if (WIFEXITED(status) && WEXITSTATUS(status) == 3)
		SKIP(return, "page 0 cannot be mapped");
	ASSERT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(SIGSEGV, WTERMSIG(status));
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	ASSERT_EQ(0, self->t.bad);

	found = find_enter(&self->t, child, KTRACE_ABI_NATIVE, SYS_rt_sigreturn,
			   -1, 0);
	ASSERT_NE(NULL, found);
	b = blob(&found->hdr, found->blobs, found->nblobs, KTRACE_BLOB_DATA,
		 0);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(KTRACE_BF_FAULT, b->flags & KTRACE_BF_FAULT);
	EXPECT_EQ(0, b->len);
}

TEST_F(capture, bad_pointer_marked_unavailable)
{
	struct ktrace_stats before, after;
	const struct ktrace_rec_sys_enter *e;
	const struct ktrace_rec_sys_exit *x;
	const struct ktrace_blob *b;
	char *untouched;

	/* Anonymous memory never touched has no page behind it yet. */
	untouched = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, untouched);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &before));
	EXPECT_EQ(-1, syscall(SYS_openat, AT_FDCWD, (char *)8, O_RDONLY));
	EXPECT_EQ(EFAULT, errno);
	/* The kernel faults the page in; the probe, before it, cannot. */
	EXPECT_EQ(-1, syscall(SYS_openat, AT_FDCWD, untouched, O_RDONLY));
	EXPECT_EQ(ENOENT, errno);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &after));
	EXPECT_LE(before.faults + 2, after.faults);

	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	ASSERT_EQ(0, self->t.bad);
	e = find_enter(&self->t, gettid_(), KTRACE_ABI_NATIVE, SYS_openat, 1, 8);
	ASSERT_NE(NULL, e);
	b = blob(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_PATH, 0);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(KTRACE_BF_FAULT, b->flags);
	EXPECT_EQ(0, b->len);
	e = find_enter(&self->t, gettid_(), KTRACE_ABI_NATIVE, SYS_openat,
		       1, (unsigned long)untouched);
	ASSERT_NE(NULL, e);
	b = blob(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_PATH, 0);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(KTRACE_BF_FAULT, b->flags);

	/* The exits read the paths again: one now reads, one never does. */
	x = find_exit(&self->t, gettid_(), SYS_openat, -ENOENT);
	ASSERT_NE(NULL, x);
	b = blob(&x->hdr, x->blobs, x->nblobs, KTRACE_BLOB_PATH, 0);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(0, b->flags);
	EXPECT_EQ(1, b->len);		/* "", the page's zeroes */
	x = find_exit(&self->t, gettid_(), SYS_openat, -EFAULT);
	ASSERT_NE(NULL, x);
	b = blob(&x->hdr, x->blobs, x->nblobs, KTRACE_BLOB_PATH, 0);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(KTRACE_BF_FAULT, b->flags);
	munmap(untouched, 4096);
}

/*
 * A call the session began during (ktrace -p attaching to a task blocked
 * in it, a system-wide trace started): its exit, with no enter to pair,
 * carries what the enter would have, read at the exit, as strace prints
 * the call whole.  Here an open of a FIFO blocked before the session.
 */
TEST_F(capture, exit_without_its_enter_reads_the_arguments)
{
	char dir[] = "/tmp/ktrace-attach-XXXXXX", fifo[64], sys[64], buf[64];
	const struct ktrace_rec_sys_exit *x = NULL;
	const struct ktrace_blob *b;
	struct ktrace_rec_hdr **v;
	int status, wfd, i, fd;
	size_t n, k;
	pid_t child;

	close(self->fd);	/* nothing traces the child's enter */
	self->fd = -1;
	ASSERT_NE(NULL, mkdtemp(dir));
	snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
	ASSERT_EQ(0, mkfifo(fifo, 0600));
	child = fork();
	ASSERT_LE(0, child);
	if (child == 0)
		_exit(syscall(SYS_openat, AT_FDCWD, fifo, O_RDONLY) < 0);
	/* Until the child is inside its openat (/proc/PID/syscall). */
	snprintf(sys, sizeof(sys), "/proc/%d/syscall", child);
	for (i = 0; i < 1000; i++) {
		fd = open(sys, O_RDONLY);
		memset(buf, 0, sizeof(buf));
		if (fd >= 0 && read(fd, buf, sizeof(buf) - 1) > 0 &&
		    atoi(buf) == SYS_openat) {
			close(fd);
			break;
		}
		if (fd >= 0)
			close(fd);
		usleep(10000);
	}
	ASSERT_GT(1000, i);
	usleep(100000);		/* asleep in the FIFO's open */
	self->fd = open_session();
	ASSERT_LE(0, self->fd);
	wfd = open(fifo, O_WRONLY);
	ASSERT_LE(0, wfd);
	ASSERT_EQ(child, waitpid(child, &status, 0));
	EXPECT_EQ(0, status);
	close(wfd);
	unlink(fifo);
	rmdir(dir);

	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	n = trace_thread(&self->t, child, &v);
	for (k = 0; k < n; k++) {
		const struct ktrace_rec_sys_exit *e = (void *)v[k];

		if (v[k]->type == KTRACE_REC_SYS_EXIT &&
		    e->abi == KTRACE_ABI_NATIVE && e->nr == SYS_openat) {
			x = e;
			break;
		}
		/* The first record of the child's is the open's exit. */
		EXPECT_NE(KTRACE_REC_SYS_ENTER, v[k]->type);
	}
	free(v);
	ASSERT_NE(NULL, x);
	EXPECT_LE(0, x->ret);
	EXPECT_EQ(KTRACE_DURATION_UNKNOWN, x->duration);
	b = blob(&x->hdr, x->blobs, x->nblobs, KTRACE_BLOB_PATH, 0);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(1, b->arg);
	EXPECT_EQ(0, b->flags);
	EXPECT_STREQ(fifo, blob_data(&x->hdr, b));
}

TEST_F(capture, long_path_truncated_at_snaplen)
{
	char path[600];
	const struct ktrace_rec_sys_enter *e;
	const struct ktrace_blob *b;

	memset(path, 'x', sizeof(path) - 1);
	path[0] = '/';
	path[sizeof(path) - 1] = '\0';
	EXPECT_EQ(-1, syscall(SYS_openat, AT_FDCWD, path, O_RDONLY));
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	e = find_enter(&self->t, gettid_(), KTRACE_ABI_NATIVE, SYS_openat,
		       1, (unsigned long)path);
	ASSERT_NE(NULL, e);
	b = blob(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_PATH, 0);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(KTRACE_BF_TRUNC, b->flags);
	EXPECT_EQ(256, b->len);
	EXPECT_EQ(0, memcmp(path, blob_data(&e->hdr, b), 255));
	EXPECT_EQ('\0', blob_data(&e->hdr, b)[255]);
}

static int reconfigure(int fd, __u32 ring_size, __u32 snaplen, __u32 flags)
{
	struct ktrace_config c = {
		.ring_size = ring_size,
		.snaplen = snaplen,
		.events = KTRACE_EV_ALL,
		.flags = flags,
	};

	if (ioctl(fd, KTRACE_IOC_DISABLE) ||
	    ioctl(fd, KTRACE_IOC_CONFIGURE, &c))
		return -errno;
	return ioctl(fd, KTRACE_IOC_ENABLE) ? -errno : 0;
}

/*
 * ABI 1.10: a fork record says the child's id in its own PID namespace
 * and which; a child forked after unshare(CLONE_NEWPID) is 1 in a new one.
 */
/* The fork record of @parent's thread that made @child, or NULL. */
static const struct ktrace_rec_fork *find_fork(struct trace *t, pid_t parent,
					       pid_t child)
{
	const struct ktrace_rec_fork *f = NULL;
	struct ktrace_rec_hdr **v;
	size_t n, i;

	n = trace_thread(t, parent, &v);
	for (i = 0; i < n; i++)
		if (v[i]->type == KTRACE_REC_FORK &&
		    ((struct ktrace_rec_fork *)v[i])->child_pid == child)
			f = (void *)v[i];
	free(v);
	return f;
}

TEST_F(capture, fork_record_names_the_childs_pid_namespace)
{
	const struct ktrace_rec_fork *f;
	int p[2], q[2], st;
	pid_t helper, child = 0;
	uint32_t ns = 0;
	struct stat sb;
	char path[64];

	if (!self_pidns())
		SKIP(return, "no PID namespaces here (CONFIG_PID_NS)");
	/* p: the helper tells us; q: its child waits for its EOF. */
	ASSERT_EQ(0, pipe(p));
	ASSERT_EQ(0, pipe(q));
	/* A helper unshares, so that we stay in our namespace. */
	helper = fork();
	ASSERT_LE(0, helper);
	if (!helper) {
		pid_t c;

		close(p[0]);
		if (unshare(CLONE_NEWPID))
			_exit(2);
		c = fork();
		if (c < 0)
			_exit(3);
		if (!c) {
			char b;

			/* Alive until the helper has looked at /proc. */
			close(p[1]);
			close(q[1]);
			read(q[0], &b, 1);
			_exit(getpid() == 1 ? 0 : 4);
		}
		close(q[0]);
		snprintf(path, sizeof(path), "/proc/%d/ns/pid", c);
		if (stat(path, &sb))
			_exit(5);
		ns = sb.st_ino;
		if (write(p[1], &ns, sizeof(ns)) != sizeof(ns) ||
		    write(p[1], &c, sizeof(c)) != sizeof(c))
			_exit(6);
		close(p[1]);
		close(q[1]);
		if (waitpid(c, &st, 0) != c || !WIFEXITED(st))
			_exit(7);
		_exit(WEXITSTATUS(st));
	}
	close(p[1]);
	close(q[0]);
	close(q[1]);
	ASSERT_EQ(sizeof(ns), read(p[0], &ns, sizeof(ns)));
	ASSERT_EQ(sizeof(child), read(p[0], &child, sizeof(child)));
	close(p[0]);
	ASSERT_EQ(helper, waitpid(helper, &st, 0));
	ASSERT_TRUE(WIFEXITED(st));
	ASSERT_EQ(0, WEXITSTATUS(st));
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	f = find_fork(&self->t, helper, child);
	ASSERT_NE(NULL, f);
	ASSERT_EQ(sizeof(*f), f->hdr.size);
	EXPECT_EQ(1, f->child_vpid);
	EXPECT_EQ(ns, f->child_pidns);
	EXPECT_NE(self_pidns(), f->child_pidns);
}

/*
 * The flags of a fork record are those the kernel made the child with,
 * for what the child shares: clone3() reads its struct at the start, and
 * the probe reads it again at the fork, after the call may have changed
 * it.  Here the call does so itself: CLONE_PIDFD's descriptor is stored
 * over the low half of the struct's flags (as another thread could).
 */
TEST_F(capture, clone3_fork_record_has_the_flags_the_kernel_used)
{
	struct {
		uint64_t flags, pidfd, child_tid, parent_tid, exit_signal;
		uint64_t stack, stack_size, tls;
	} args;
	const uint64_t used = CLONE_PIDFD | CLONE_FILES;
	const struct ktrace_rec_fork *f;
	long child;
	int st;

	memset(&args, 0, sizeof(args));
	args.flags = used;
	args.pidfd = (uintptr_t)&args.flags;
	args.exit_signal = SIGCHLD;
	child = syscall(SYS_clone3, &args, sizeof(args));
	ASSERT_LE(0, child) TH_LOG("clone3: %s", strerror(errno));
	if (!child)
		_exit(0);
	ASSERT_EQ(child, waitpid(child, &st, 0));
	ASSERT_TRUE(WIFEXITED(st));
	/* The call wrote its pidfd over the flags. */
	ASSERT_NE(used, args.flags);
	ASSERT_EQ(0, (args.flags & CLONE_FILES));
	close((int)args.flags);
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	f = find_fork(&self->t, gettid_(), child);
	ASSERT_NE(NULL, f);
	ASSERT_TRUE(f->fork_flags & KTRACE_FORK_FLAGS_VALID);
	EXPECT_EQ(CLONE_FILES, f->clone_flags & CLONE_FILES)
		TH_LOG("clone_flags 0x%llx", (unsigned long long)f->clone_flags);
	EXPECT_EQ(0, f->clone_flags &
		  (CLONE_VM | CLONE_FS | CLONE_SIGHAND | CLONE_THREAD));
	EXPECT_EQ(0, f->fork_flags & KTRACE_FORK_THREAD);
}

/*
 * A child's execl() of string literals: whether or not the enter could
 * read them (fork copies no page table entries of file pages), the enter
 * or the exit of the successful call (ABI 1.10) carries the path and argv.
 */
TEST_F(capture, exec_of_literals_after_fork_keeps_its_arguments)
{
	static const char want[] = "true\0literal";
	const struct ktrace_rec_hdr *h;
	const struct ktrace_blob *blobs, *path, *argv;
	const struct ktrace_rec_sys_enter *e;
	const struct ktrace_rec_sys_exit *x;
	struct ktrace_rec_hdr **v;
	int st, got_path = 0, got_argv = 0;
	unsigned int nblobs;
	size_t n, i;
	pid_t pid;

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		execl("/bin/true", "true", "literal", (char *)NULL);
		_exit(127);
	}
	ASSERT_EQ(pid, waitpid(pid, &st, 0));
	ASSERT_TRUE(WIFEXITED(st));
	ASSERT_EQ(0, WEXITSTATUS(st));
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	n = trace_thread(&self->t, pid, &v);
	for (i = 0; i < n; i++) {
		h = v[i];
		e = (const void *)h;
		x = (const void *)h;
		if (h->type == KTRACE_REC_SYS_ENTER && e->nr == SYS_execve) {
			blobs = e->blobs;
			nblobs = e->nblobs;
		} else if (h->type == KTRACE_REC_SYS_EXIT &&
			   x->nr == SYS_execve && x->ret == 0) {
			blobs = x->blobs;
			nblobs = x->nblobs;
		} else {
			continue;
		}
		path = blob(h, blobs, nblobs, KTRACE_BLOB_PATH, 0);
		argv = blob(h, blobs, nblobs, KTRACE_BLOB_ARGV, 0);
		if (path && !(path->flags & KTRACE_BF_FAULT) &&
		    blob_len(h, path) == sizeof("/bin/true") &&
		    !memcmp(blob_data(h, path), "/bin/true",
			    sizeof("/bin/true")))
			got_path++;
		if (argv && !(argv->flags & KTRACE_BF_FAULT) &&
		    blob_len(h, argv) == sizeof(want) &&
		    !memcmp(blob_data(h, argv), want, sizeof(want)))
			got_argv++;
	}
	free(v);
	EXPECT_LE(1, got_path);
	EXPECT_LE(1, got_argv);
}

/* The @kind blob of our last enter of @nr whose second argument is @arg1. */
static const struct ktrace_blob *
enter_blob(struct trace *t, long nr, const void *arg1, unsigned int kind,
	   const struct ktrace_rec_sys_enter **e)
{
	*e = find_enter(t, gettid_(), KTRACE_ABI_NATIVE, nr, 1,
			(unsigned long)arg1);
	if (!*e)
		return NULL;
	return blob(&(*e)->hdr, (*e)->blobs, (*e)->nblobs, kind, 0);
}

/*
 * The probes read strings and buffers a word at a time: every length at
 * every alignment reads exactly, bytes past the NUL stay out, a string
 * whose NUL is the last byte before an unreadable page reads whole, and
 * a string or a buffer that runs into that page is marked unavailable.
 */
TEST_F(capture, user_memory_read_at_every_length_alignment_and_page_edge)
{
	long page = sysconf(_SC_PAGESIZE);
	const struct ktrace_rec_sys_enter *e;
	const struct ktrace_blob *b;
	unsigned int len, al, i;
	char *area, *m, *s;
	int devnull;

	devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, devnull);
	area = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, area);
	m = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, m);
	ASSERT_EQ(0, mprotect(m + page, page, PROT_NONE));

	memset(area, 'z', 2 * page);
	for (al = 0; al < 8; al++) {
		for (len = 0; len <= 20; len++) {
			s = area + 32 * (al * 21 + len) + al;
			for (i = 0; i < len; i++)
				s[i] = 'a' + (i + al) % 26;
			s[len] = '\0';
			EXPECT_EQ(-1, syscall(SYS_openat, AT_FDCWD, s,
					      O_RDONLY));
			EXPECT_EQ((long)len + 1,
				  syscall(SYS_write, devnull, s, len + 1));
		}
	}
	memset(m, 'x', page);
	m[page - 1] = '\0';
	/* 12 bytes and the NUL, which ends the page. */
	EXPECT_EQ(-1, syscall(SYS_openat, AT_FDCWD, m + page - 13, O_RDONLY));
	EXPECT_EQ(ENOENT, errno);
	m[page - 1] = 'x';
	/* No NUL before the unreadable page. */
	EXPECT_EQ(-1, syscall(SYS_openat, AT_FDCWD, m + page - 5, O_RDONLY));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(11, syscall(SYS_write, devnull, m + page - 11, 11));
	/* /dev/null reads no byte: the write succeeds, the probe cannot. */
	EXPECT_EQ(6, syscall(SYS_write, devnull, m + page - 3, 6));

	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	ASSERT_EQ(0, self->t.bad);
	for (al = 0; al < 8; al++) {
		for (len = 0; len <= 20; len++) {
			s = area + 32 * (al * 21 + len) + al;
			b = enter_blob(&self->t, SYS_openat, s,
				       KTRACE_BLOB_PATH, &e);
			ASSERT_NE(NULL, b) TH_LOG("openat, %u bytes at +%u",
						  len, al);
			EXPECT_EQ(0, b->flags);
			EXPECT_EQ(len + 1, b->len) TH_LOG("path, %u bytes at +%u",
							  len, al);
			EXPECT_EQ(0, memcmp(s, blob_data(&e->hdr, b),
					    len + 1));
			b = enter_blob(&self->t, SYS_write, s, KTRACE_BLOB_BUF,
				       &e);
			ASSERT_NE(NULL, b);
			EXPECT_EQ(0, b->flags);
			EXPECT_EQ(len + 1, b->len);
			EXPECT_EQ(0, memcmp(s, blob_data(&e->hdr, b),
					    len + 1)) TH_LOG("buf, %u bytes at +%u",
							     len, al);
		}
	}
	b = enter_blob(&self->t, SYS_openat, m + page - 13, KTRACE_BLOB_PATH,
		       &e);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(0, b->flags);
	EXPECT_EQ(13, b->len);
	EXPECT_EQ(0, memcmp(m + page - 13, blob_data(&e->hdr, b), 12));
	b = enter_blob(&self->t, SYS_openat, m + page - 5, KTRACE_BLOB_PATH,
		       &e);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(KTRACE_BF_FAULT, b->flags);
	b = enter_blob(&self->t, SYS_write, m + page - 11, KTRACE_BLOB_BUF, &e);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(0, b->flags);
	EXPECT_EQ(11, b->len);
	EXPECT_EQ(0, memcmp(m + page - 11, blob_data(&e->hdr, b), 11));
	b = enter_blob(&self->t, SYS_write, m + page - 3, KTRACE_BLOB_BUF, &e);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(KTRACE_BF_FAULT, b->flags);
	munmap(area, 2 * page);
	munmap(m, 2 * page);
	close(devnull);
}

static char big_buf[100000];

/*
 * KTRACE_CFG_LONG (ABI 1.10): a 100,000-byte write() is recorded whole in
 * a record over 64 KiB, its blob in long form; without the flag, or
 * above the limit, or for a ring too small, the snap length is refused.
 */
TEST_F(capture, long_record_holds_a_100000_byte_write)
{
	const struct ktrace_rec_sys_enter *e;
	const struct ktrace_blob *b;
	size_t i;
	int null;

	for (i = 0; i < sizeof(big_buf); i++)
		big_buf[i] = 'a' + i % 26;
	null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, null);
	EXPECT_EQ(-EINVAL, reconfigure(self->fd, 1 << 20, 8192,
				       KTRACE_CFG_TRACE_SELF));
	EXPECT_EQ(-EINVAL, reconfigure(self->fd, 1 << 20,
				       KTRACE_SNAPLEN_LONG_MAX + 1,
				       KTRACE_CFG_TRACE_SELF |
				       KTRACE_CFG_LONG));
	EXPECT_EQ(-EINVAL, reconfigure(self->fd, 256 << 10,
				       KTRACE_SNAPLEN_LONG_MAX,
				       KTRACE_CFG_TRACE_SELF |
				       KTRACE_CFG_LONG));
	ASSERT_EQ(0, reconfigure(self->fd, 1 << 20, KTRACE_SNAPLEN_LONG_MAX,
				 KTRACE_CFG_TRACE_SELF | KTRACE_CFG_LONG));
	ASSERT_EQ(sizeof(big_buf), write(null, big_buf, sizeof(big_buf)));
	/* A short one keeps the short form. */
	ASSERT_EQ(5, write(null, "short", 5));
	close(null);
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	EXPECT_EQ(0, self->t.bad);
	e = find_enter(&self->t, gettid_(), KTRACE_ABI_NATIVE, SYS_write, 1,
		       (unsigned long)big_buf);
	ASSERT_NE(NULL, e);
	EXPECT_TRUE(e->hdr.flags & KTRACE_RF_LONG);
	EXPECT_LT(65536, e->hdr.size);
	EXPECT_GE(KTRACE_REC_LONG_MAX_SIZE, e->hdr.size);
	b = blob(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_BUF, 0);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(sizeof(big_buf), blob_len(&e->hdr, b));
	EXPECT_EQ(0, b->flags & (KTRACE_BF_TRUNC | KTRACE_BF_FAULT));
	EXPECT_EQ(0, memcmp(big_buf, blob_data(&e->hdr, b), sizeof(big_buf)));
	e = find_enter(&self->t, gettid_(), KTRACE_ABI_NATIVE, SYS_write, 1,
		       (unsigned long)"short");
	ASSERT_NE(NULL, e);
	b = blob(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_BUF, 0);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(5, blob_len(&e->hdr, b));
	EXPECT_EQ(0, memcmp("short", blob_data(&e->hdr, b), 5));
}

/*
 * A session without KTRACE_CFG_LONG never meets a long record: one with a
 * long snap length tracing the same task gets the record cut at 4096.
 */
TEST_F(capture, session_without_long_flag_caps_the_others)
{
	const struct ktrace_rec_sys_enter *e;
	const struct ktrace_blob *b;
	struct trace t2 = { 0 };
	int fd2, null;

	memset(big_buf, 'z', sizeof(big_buf));
	null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, null);
	ASSERT_EQ(0, reconfigure(self->fd, 1 << 20, KTRACE_SNAPLEN_LONG_MAX,
				 KTRACE_CFG_TRACE_SELF | KTRACE_CFG_LONG));
	fd2 = open(DEV_PATH, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, fd2);
	ASSERT_EQ(0, reconfigure(fd2, 1 << 20, 4096, KTRACE_CFG_TRACE_SELF));
	ASSERT_EQ(sizeof(big_buf), write(null, big_buf, sizeof(big_buf)));
	close(null);
	ASSERT_EQ(0, stop_and_drain(fd2, &t2));
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	close(fd2);
	e = find_enter(&t2, gettid_(), KTRACE_ABI_NATIVE, SYS_write, 1,
		       (unsigned long)big_buf);
	ASSERT_NE(NULL, e);
	EXPECT_FALSE(e->hdr.flags & KTRACE_RF_LONG);
	b = blob(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_BUF, 0);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(4096, blob_len(&e->hdr, b));
	EXPECT_TRUE(b->flags & KTRACE_BF_TRUNC);
	e = find_enter(&self->t, gettid_(), KTRACE_ABI_NATIVE, SYS_write, 1,
		       (unsigned long)big_buf);
	ASSERT_NE(NULL, e);
	b = blob(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_BUF, 0);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(4096, blob_len(&e->hdr, b));
	trace_free(&t2);
}

/*
 * Each argv string is cut at the snap length on its own: a 5000-byte
 * first argument leaves room for the second (ABI 1.10).
 */
TEST_F(capture, argv_strings_cut_one_by_one)
{
	const struct ktrace_rec_sys_enter *e = NULL;
	const struct ktrace_blob *b;
	static char arg[5001];
	struct ktrace_rec_hdr **v;
	const char *p;
	size_t n, i;
	pid_t pid;
	int st;

	memset(arg, 'q', sizeof(arg) - 1);
	ASSERT_EQ(0, reconfigure(self->fd, 1 << 20, 4096,
				 KTRACE_CFG_TRACE_SELF | KTRACE_CFG_LONG));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		char *argv[4];

		/*
		 * On the heap: fork does not copy the page tables of a
		 * file mapping (the literals), and the probe cannot fault.
		 */
		argv[0] = strdup("/bin/true");
		argv[1] = arg;
		argv[2] = strdup("second");
		argv[3] = NULL;
		execv(argv[0], argv);
		_exit(127);
	}
	ASSERT_EQ(pid, waitpid(pid, &st, 0));
	ASSERT_TRUE(WIFEXITED(st));
	ASSERT_EQ(0, WEXITSTATUS(st));
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	n = trace_thread(&self->t, pid, &v);
	for (i = 0; i < n && !e; i++)
		if (v[i]->type == KTRACE_REC_SYS_ENTER &&
		    ((struct ktrace_rec_sys_enter *)v[i])->nr == SYS_execve)
			e = (void *)v[i];
	free(v);
	ASSERT_NE(NULL, e);
	b = blob(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_ARGV, 0);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(0, b->flags & KTRACE_BF_TRUNC);
	p = blob_data(&e->hdr, b);
	ASSERT_EQ(sizeof("/bin/true") + 4096 + 1 + sizeof("second"),
		  blob_len(&e->hdr, b));
	EXPECT_EQ(0, memcmp("/bin/true", p, sizeof("/bin/true")));
	p += sizeof("/bin/true");
	EXPECT_EQ(0, memcmp(arg, p, 4096));
	EXPECT_EQ('\0', p[4096]);
	EXPECT_EQ(0, memcmp("second", p + 4097, sizeof("second")));
}

/* Fork, exec /bin/true with the environment { @env, NULL }, reap it. */
static pid_t exec_with_env(struct __test_metadata *_metadata, const char *env,
			   struct rusage *ru)
{
	pid_t pid;
	int st;

	pid = fork();
	if (pid < 0)
		return pid;
	if (!pid) {
		char *argv[2], *envp[2];

		/* On the heap: see argv_strings_cut_one_by_one. */
		argv[0] = strdup("/bin/true");
		argv[1] = NULL;
		envp[0] = strdup(env);
		envp[1] = NULL;
		execve(argv[0], argv, envp);
		_exit(127);
	}
	EXPECT_EQ(pid, wait4(pid, &st, 0, ru));
	EXPECT_TRUE(WIFEXITED(st) && !WEXITSTATUS(st));
	return pid;
}

static const struct ktrace_rec_sys_enter *exec_enter(struct trace *t,
						     pid_t pid)
{
	const struct ktrace_rec_sys_enter *e = NULL;
	struct ktrace_rec_hdr **v;
	size_t n, i;

	n = trace_thread(t, pid, &v);
	for (i = 0; i < n && !e; i++)
		if (v[i]->type == KTRACE_REC_SYS_ENTER &&
		    ((struct ktrace_rec_sys_enter *)v[i])->nr == SYS_execve)
			e = (void *)v[i];
	free(v);
	return e;
}

#define VERBOSE_ENV	"KTRACE_VERBOSE_TEST=environment"

/*
 * KTRACE_CFG_VERBOSE (ABI 1.11): execve's environment strings, and the
 * bytes getdents64 returned, in the records of a session that asked,
 * besides their counts; not in those of one that did not, which still
 * counts them.  wait4's struct rusage is in both.
 */
TEST_F(capture, verbose_session_gets_environment_and_dirents)
{
	const struct ktrace_rec_sys_enter *e;
	const struct ktrace_rec_sys_exit *x;
	const struct ktrace_blob *b;
	struct ktrace_version ver;
	char dents[4096];
	struct rusage ru;
	int round, dfd;
	long got;
	pid_t pid;

	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_VERSION, &ver));
	if (!(ver.features & KTRACE_FEAT_VERBOSE))
		SKIP(return, "module without KTRACE_FEAT_VERBOSE");
	for (round = 0; round < 2; round++) {
		int verbose = !round;

		ASSERT_EQ(0, reconfigure(self->fd, 1 << 20, 4096,
					 KTRACE_CFG_TRACE_SELF |
					 (verbose ? KTRACE_CFG_VERBOSE : 0)));
		pid = exec_with_env(_metadata, VERBOSE_ENV, &ru);
		ASSERT_LT(0, pid);
		dfd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		ASSERT_LE(0, dfd);
		got = syscall(SYS_getdents64, dfd, dents, sizeof(dents));
		ASSERT_LT(0, got);
		close(dfd);
		ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
		EXPECT_EQ(0, self->t.bad);

		e = exec_enter(&self->t, pid);
		ASSERT_NE(NULL, e);
		b = blob(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_COUNT, 0);
		ASSERT_NE(NULL, b);
		ASSERT_EQ(4, blob_len(&e->hdr, b));
		EXPECT_EQ(1, *(const __u32 *)blob_data(&e->hdr, b));
		b = blob(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_ENVP, 0);
		if (verbose) {
			ASSERT_NE(NULL, b);
			EXPECT_EQ(2, b->arg);
			EXPECT_EQ(0, b->flags);
			ASSERT_EQ(sizeof(VERBOSE_ENV), blob_len(&e->hdr, b));
			EXPECT_EQ(0, memcmp(VERBOSE_ENV, blob_data(&e->hdr, b),
					    sizeof(VERBOSE_ENV)));
		} else {
			EXPECT_EQ(NULL, b);
		}
		/* argv is whole beside it. */
		b = blob(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_ARGV, 0);
		ASSERT_NE(NULL, b);
		EXPECT_EQ(sizeof("/bin/true"), blob_len(&e->hdr, b));

		x = find_exit(&self->t, gettid_(), SYS_getdents64, got);
		ASSERT_NE(NULL, x);
		b = blob(&x->hdr, x->blobs, x->nblobs, KTRACE_BLOB_COUNT, 0);
		EXPECT_NE(NULL, b);
		b = blob(&x->hdr, x->blobs, x->nblobs, KTRACE_BLOB_DIRENTS, 0);
		if (verbose) {
			ASSERT_NE(NULL, b);
			EXPECT_EQ(1, b->arg);
			ASSERT_EQ(got, blob_len(&x->hdr, b));
			EXPECT_EQ(0, memcmp(dents, blob_data(&x->hdr, b), got));
		} else {
			EXPECT_EQ(NULL, b);
		}

		x = find_exit(&self->t, gettid_(), SYS_wait4, pid);
		ASSERT_NE(NULL, x);
		b = blob(&x->hdr, x->blobs, x->nblobs, KTRACE_BLOB_DATA, 1);
		ASSERT_NE(NULL, b);
		EXPECT_EQ(3, b->arg);
		ASSERT_EQ(sizeof(ru), blob_len(&x->hdr, b));
		EXPECT_EQ(0, memcmp(&ru, blob_data(&x->hdr, b), sizeof(ru)));
		trace_free(&self->t);
		memset(&self->t, 0, sizeof(self->t));
	}
}

/*
 * A record is built once for all the sessions that record the call: one
 * session's KTRACE_CFG_VERBOSE puts the environment in the records the
 * other, without it, gets (uapi/linux/ktrace.h, struct ktrace_config).
 */
TEST_F(capture, verbose_blobs_shared_by_sessions_of_one_call)
{
	const struct ktrace_rec_sys_enter *e;
	const struct ktrace_blob *b;
	struct ktrace_version ver;
	struct trace t2 = { 0 };
	struct rusage ru;
	pid_t pid;
	int fd2;

	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_VERSION, &ver));
	if (!(ver.features & KTRACE_FEAT_VERBOSE))
		SKIP(return, "module without KTRACE_FEAT_VERBOSE");
	/* An unknown flag is still refused. */
	EXPECT_EQ(-EINVAL, reconfigure(self->fd, 1 << 20, 4096,
				       KTRACE_CFG_FLAGS + 1));
	ASSERT_EQ(0, reconfigure(self->fd, 1 << 20, 4096,
				 KTRACE_CFG_TRACE_SELF));
	fd2 = open(DEV_PATH, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	ASSERT_LE(0, fd2);
	ASSERT_EQ(0, reconfigure(fd2, 1 << 20, 4096, KTRACE_CFG_TRACE_SELF |
				 KTRACE_CFG_VERBOSE));
	pid = exec_with_env(_metadata, VERBOSE_ENV, &ru);
	ASSERT_LT(0, pid);
	ASSERT_EQ(0, stop_and_drain(fd2, &t2));
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	close(fd2);
	e = exec_enter(&t2, pid);
	ASSERT_NE(NULL, e);
	EXPECT_NE(NULL, blob(&e->hdr, e->blobs, e->nblobs,
			     KTRACE_BLOB_ENVP, 0));
	e = exec_enter(&self->t, pid);
	ASSERT_NE(NULL, e);
	b = blob(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_ENVP, 0);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(0, memcmp(VERBOSE_ENV, blob_data(&e->hdr, b),
			    sizeof(VERBOSE_ENV)));
	trace_free(&t2);
}

/* The one KTRACE_BLOB_INODES of exit @x, its @n inodes into @ino. */
static int exit_inodes(const struct ktrace_rec_sys_exit *x, uint64_t *ino,
		       unsigned int n)
{
	const struct ktrace_blob *b;

	if (!x)
		return -1;
	b = blob(&x->hdr, x->blobs, x->nblobs, KTRACE_BLOB_INODES, 0);
	if (!b || b->arg != KTRACE_BLOB_ARG_NONE || b->flags ||
	    b->len != n * sizeof(*ino) ||
	    blob(&x->hdr, x->blobs, x->nblobs, KTRACE_BLOB_INODES, 1))
		return -1;
	memcpy(ino, blob_data(&x->hdr, b), b->len);
	return 0;
}

static uint64_t fd_ino(int fd)
{
	struct stat st;

	return fstat(fd, &st) ? 0 : st.st_ino;
}

/*
 * socket, socketpair and accept4 carry the inodes of the descriptors
 * they made (ABI 1.18), which "socket:[INODE]" needs once the process is
 * gone; a failed call carries none.
 */
TEST_F(capture, descriptors_made_carry_their_inodes)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	socklen_t len;
	uint64_t ino[2], want[3];
	int s, sv[2], l, c, a, err;

	s = socket(AF_INET, SOCK_DGRAM, 0);
	ASSERT_LE(0, s);
	ASSERT_EQ(0, socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	/* An abstract name, "\0ki" and the pid: nothing on disk. */
	snprintf(sa.sun_path + 1, sizeof(sa.sun_path) - 1, "ki%04d",
		 getpid() % 10000);
	len = offsetof(struct sockaddr_un, sun_path) + 1 +
	      strlen(sa.sun_path + 1);
	l = socket(AF_UNIX, SOCK_STREAM, 0);
	ASSERT_LE(0, l);
	ASSERT_EQ(0, bind(l, (struct sockaddr *)&sa, len));
	ASSERT_EQ(0, listen(l, 1));
	c = socket(AF_UNIX, SOCK_STREAM, 0);
	ASSERT_LE(0, c);
	ASSERT_EQ(0, connect(c, (struct sockaddr *)&sa, len));
	a = accept4(l, NULL, NULL, SOCK_CLOEXEC);
	ASSERT_LE(0, a);
	ASSERT_EQ(-1, socket(AF_INET, SOCK_STREAM, 9999));
	err = errno;
	want[0] = fd_ino(s);
	want[1] = fd_ino(sv[0]);
	want[2] = fd_ino(sv[1]);
	ASSERT_NE(0, want[0]);
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	ASSERT_EQ(0, self->t.bad);

	ASSERT_EQ(0, exit_inodes(find_exit(&self->t, gettid_(), SYS_socket, s),
				 ino, 1));
	EXPECT_EQ(want[0], ino[0]);
	ASSERT_EQ(0, exit_inodes(find_exit(&self->t, gettid_(), SYS_socketpair,
					   0), ino, 2));
	EXPECT_EQ(want[1], ino[0]);
	EXPECT_EQ(want[2], ino[1]);
	ASSERT_EQ(0, exit_inodes(find_exit(&self->t, gettid_(), SYS_accept4, a),
				 ino, 1));
	EXPECT_EQ(fd_ino(a), ino[0]);
	EXPECT_NE(0, exit_inodes(find_exit(&self->t, gettid_(), SYS_socket,
					   -err), ino, 1));
	close(a);
	close(c);
	close(l);
	close(sv[0]);
	close(sv[1]);
	close(s);
}

/*
 * recvfrom() with MSG_TRUNC returns a datagram's whole length, more than
 * the buffer holds: the record carries the buffer's bytes, no more (as
 * strace prints them), even from a buffer that ends a page before an
 * unmapped one.
 */
TEST_F(capture, recvfrom_msg_trunc_stays_in_the_buffer)
{
	const struct ktrace_rec_sys_exit *x;
	const struct ktrace_blob *b;
	char *pages, *rbuf;
	int sv[2];

	pages = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, pages);
	ASSERT_EQ(0, munmap(pages + 4096, 4096));
	rbuf = pages + 4095;
	*rbuf = 'x';
	ASSERT_EQ(0, socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	ASSERT_EQ(2, send(sv[1], "AB", 2, 0));
	ASSERT_EQ(2, recvfrom(sv[0], rbuf, 1, MSG_TRUNC, NULL, NULL));
	EXPECT_EQ('A', *rbuf);
	close(sv[0]);
	close(sv[1]);
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	ASSERT_EQ(0, self->t.bad);

	x = find_exit(&self->t, gettid_(), SYS_recvfrom, 2);
	ASSERT_NE(NULL, x);
	b = blob(&x->hdr, x->blobs, x->nblobs, KTRACE_BLOB_BUF, 0);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(1, b->arg);
	EXPECT_EQ(0, b->flags);
	ASSERT_EQ(1, blob_len(&x->hdr, b));
	EXPECT_EQ('A', *blob_data(&x->hdr, b));
	munmap(pages, 4096);
}

/*
 * getxattr() with a size of 0 returns the value's length and writes
 * nothing: the record carries no bytes of the buffer, which holds
 * whatever it held before.  With a size, the value's bytes.
 */
TEST_F(capture, getxattr_size_zero_copies_nothing)
{
	const struct ktrace_rec_sys_exit *x;
	const struct ktrace_blob *b;
	char path[] = "/tmp/ktrace-xattr-XXXXXX";
	char buf[64];
	int fd;

	fd = mkstemp(path);
	ASSERT_LE(0, fd);
	if (fsetxattr(fd, "trusted.kt", "hello", 5, 0)) {
		close(fd);
		unlink(path);
		SKIP(return, "no trusted.* attributes here: %s",
		     strerror(errno));
	}
	memset(buf, 'Z', sizeof(buf));
	EXPECT_EQ(5, getxattr(path, "trusted.kt", buf, 0));
	EXPECT_EQ('Z', buf[0]);
	EXPECT_EQ(5, fgetxattr(fd, "trusted.kt", buf, sizeof(buf)));
	close(fd);
	unlink(path);
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	ASSERT_EQ(0, self->t.bad);

	x = find_exit(&self->t, gettid_(), SYS_getxattr, 5);
	ASSERT_NE(NULL, x);
	b = blob(&x->hdr, x->blobs, x->nblobs, KTRACE_BLOB_BUF, 0);
	if (b)
		EXPECT_EQ(0, blob_len(&x->hdr, b));
	x = find_exit(&self->t, gettid_(), SYS_fgetxattr, 5);
	ASSERT_NE(NULL, x);
	b = blob(&x->hdr, x->blobs, x->nblobs, KTRACE_BLOB_BUF, 0);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(2, b->arg);
	ASSERT_EQ(5, blob_len(&x->hdr, b));
	EXPECT_EQ(0, memcmp("hello", blob_data(&x->hdr, b), 5));
}

/* The blob of @rec whose arg is @arg, or NULL. */
static const struct ktrace_blob *blob_by_arg(const struct ktrace_rec_hdr *h,
					     const struct ktrace_blob *blobs,
					     unsigned int nblobs,
					     unsigned int arg)
{
	unsigned int i;

	for (i = 0; i < nblobs; i++)
		if (blobs[i].arg == arg &&
		    blob_off(h, &blobs[i]) + blob_len(h, &blobs[i]) <= h->size)
			return &blobs[i];
	return NULL;
}

/*
 * KTRACE_BLOB_DEREF (ABI 1.20): what the pointers inside bpf's attr
 * point to, as capture.def asks: BPF_PROG_LOAD's license (a string) and
 * its log buffer (log_size bytes), BPF_OBJ_PIN's path; a NULL pointer
 * and one that points nowhere give a blob flagged KTRACE_BF_FAULT.
 */
TEST_F(capture, pointers_inside_a_structure_are_followed)
{
	const struct ktrace_rec_sys_enter *e;
	const struct ktrace_blob *b;
	uint64_t attr[16];
	char log[16] = "hello";

	memset(attr, 0, sizeof(attr));
	attr[0] = 1;				/* a socket filter, no insns */
	attr[2] = (uintptr_t)"GPL";		/* license */
	attr[3] = (uint64_t)sizeof(log) << 32;	/* log_size */
	attr[4] = (uintptr_t)log;		/* log_buf */
	syscall(SYS_bpf, 5, attr, sizeof(attr));
	memset(attr, 0, sizeof(attr));
	attr[1] = (uint64_t)-1;			/* bpf_fd */
	syscall(SYS_bpf, 6, attr, 16);		/* BPF_OBJ_PIN, no path */
	attr[0] = 8;				/* a path nowhere */
	syscall(SYS_bpf, 7, attr, 16);		/* BPF_OBJ_GET */
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	ASSERT_EQ(0, self->t.bad);

	e = find_enter(&self->t, gettid_(), KTRACE_ABI_NATIVE, SYS_bpf, 0, 5);
	ASSERT_NE(NULL, e);
	b = blob_by_arg(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_DEREF(1, 16));
	ASSERT_NE(NULL, b);
	EXPECT_EQ(KTRACE_BLOB_PATH, b->kind);
	EXPECT_EQ(0, b->flags & KTRACE_BF_FAULT);
	ASSERT_EQ(4, blob_len(&e->hdr, b));
	EXPECT_EQ(0, memcmp("GPL", blob_data(&e->hdr, b), 4));
	b = blob_by_arg(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_DEREF(1, 32));
	ASSERT_NE(NULL, b);
	EXPECT_EQ(KTRACE_BLOB_BUF, b->kind);
	ASSERT_EQ(sizeof(log), blob_len(&e->hdr, b));
	EXPECT_EQ(0, memcmp(log, blob_data(&e->hdr, b), sizeof(log)));
	/* the attr itself, as before */
	b = blob_by_arg(&e->hdr, e->blobs, e->nblobs, 1);
	ASSERT_NE(NULL, b);
	EXPECT_EQ(KTRACE_BLOB_DATA, b->kind);

	e = find_enter(&self->t, gettid_(), KTRACE_ABI_NATIVE, SYS_bpf, 0, 6);
	ASSERT_NE(NULL, e);
	b = blob_by_arg(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_DEREF(1, 0));
	ASSERT_NE(NULL, b);
	EXPECT_EQ(KTRACE_BF_FAULT, b->flags & KTRACE_BF_FAULT);
	EXPECT_EQ(0, blob_len(&e->hdr, b));
	e = find_enter(&self->t, gettid_(), KTRACE_ABI_NATIVE, SYS_bpf, 0, 7);
	ASSERT_NE(NULL, e);
	b = blob_by_arg(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_DEREF(1, 0));
	ASSERT_NE(NULL, b);
	EXPECT_EQ(KTRACE_BF_FAULT, b->flags & KTRACE_BF_FAULT);
}

/*
 * The same from an ia32 task (int $0x80): the attr and the license below
 * 4 GiB; a license pointer with upper bits set, which the kernel takes
 * whole, points nowhere: faulted, not read at its lower half.
 */
TEST_F(capture, ia32_pointers_inside_a_structure_are_followed)
{
	const struct ktrace_rec_sys_enter *e;
	const struct ktrace_blob *b;
	uint64_t *attr;
	char *lic;
	long ret;

	attr = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	ASSERT_NE(MAP_FAILED, attr);
	memset(attr, 0, 4096);
	lic = (char *)attr + 2048;
	strcpy(lic, "GPL");
	attr[0] = 1;				/* a socket filter */
	attr[2] = (uintptr_t)lic;		/* license */
	ret = int80_upper(357, 5, (uintptr_t)attr, 48, 0);	/* bpf */
	attr[2] = (uintptr_t)lic | 1ULL << 32;
	int80_upper(357, 5, (uintptr_t)attr, 40, 0);
	munmap(attr, 4096);
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	ASSERT_EQ(0, self->t.bad);

	e = find_enter(&self->t, gettid_(), KTRACE_ABI_COMPAT, 357, 2, 48);
	if (!e)
		SKIP(return, "no ia32 bpf call recorded (ret %ld)", ret);
	b = blob_by_arg(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_DEREF(1, 16));
	ASSERT_NE(NULL, b);
	EXPECT_EQ(0, b->flags & KTRACE_BF_FAULT);
	ASSERT_EQ(4, blob_len(&e->hdr, b));
	EXPECT_EQ(0, memcmp("GPL", blob_data(&e->hdr, b), 4));
	e = find_enter(&self->t, gettid_(), KTRACE_ABI_COMPAT, 357, 2, 40);
	ASSERT_NE(NULL, e);
	b = blob_by_arg(&e->hdr, e->blobs, e->nblobs, KTRACE_BLOB_DEREF(1, 16));
	ASSERT_NE(NULL, b);
	EXPECT_EQ(KTRACE_BF_FAULT, b->flags & KTRACE_BF_FAULT);
}

TEST_F(capture, read_smaller_than_record_einval)
{
	char small[8];
	struct pollfd pfd = { .fd = self->fd, .events = POLLIN };

	syscall(SYS_getppid);
	ASSERT_EQ(1, poll(&pfd, 1, 5000));
	EXPECT_TRUE(pfd.revents & POLLIN);
	EXPECT_EQ(-1, read(self->fd, small, sizeof(small)));
	EXPECT_EQ(EINVAL, errno);
}

TEST_F(capture, disabled_session_reads_eof)
{
	char *buf = malloc(READ_BUF);

	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	while (read(self->fd, buf, READ_BUF) > 0)
		;
	EXPECT_EQ(0, read(self->fd, buf, READ_BUF));
	syscall(SYS_getppid);
	EXPECT_EQ(0, read(self->fd, buf, READ_BUF));
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_ENABLE));
	syscall(SYS_getppid);
	EXPECT_LT(0, read(self->fd, buf, READ_BUF));
	free(buf);
}

/*
 * Records are stamped with CLOCK_MONOTONIC, from the TSC where the kernel
 * trusts it (ktrace_mono(): an anchor renewed every 2^22 cycles): each
 * getppid()'s enter and exit lie between the clock read before and after
 * it, in order, over enough calls and sleeps to cross many renewals.  The
 * conversion's error is nanoseconds; a wrong rate or anchor is not.
 */
#define MONO_CALLS	400
#define MONO_SLACK_NS	1000

static uint64_t mono_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000ULL + t.tv_nsec;
}

TEST_F(capture, timestamps_are_clock_monotonic)
{
	static uint64_t before[MONO_CALLS], after[MONO_CALLS];
	struct timespec nap = { 0, 200000 };
	struct ktrace_rec_hdr **v;
	struct call *calls;
	size_t n, ncalls, i, k = 0;

	for (i = 0; i < MONO_CALLS; i++) {
		before[i] = mono_ns();
		syscall(SYS_getppid);
		after[i] = mono_ns();
		if (i % 40 == 39) {
			nanosleep(&nap, NULL);
			ASSERT_EQ(0, trace_read(self->fd, &self->t, 0));
		}
	}
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	ASSERT_EQ(0, self->t.nloss) TH_LOG("records were lost");
	n = trace_thread(&self->t, gettid_(), &v);
	calls = calloc(n + 1, sizeof(*calls));
	ASSERT_NE(NULL, calls);
	ASSERT_EQ(0, pair_calls(v, n, calls, &ncalls));
	for (i = 0; i < ncalls && k < MONO_CALLS; i++) {
		if (!calls[i].enter || calls[i].exit->nr != SYS_getppid)
			continue;
		EXPECT_LE(before[k], calls[i].enter->hdr.ts + MONO_SLACK_NS);
		EXPECT_LE(calls[i].enter->hdr.ts, calls[i].exit->hdr.ts);
		EXPECT_LE(calls[i].exit->hdr.ts, after[k] + MONO_SLACK_NS)
			TH_LOG("call %zu: %llu, read after it %llu", k,
			       (unsigned long long)calls[i].exit->hdr.ts,
			       (unsigned long long)after[k]);
		k++;
	}
	EXPECT_EQ(MONO_CALLS, k);
	free(calls);
	free(v);
}

TEST_F(capture, syscall_stats_count_calls)
{
	struct ktrace_syscall_stats before, after;
	uint64_t sum = 0;
	int i;

	memset(&before, 0, sizeof(before));
	before.nr = SYS_getppid;
	before.abi = KTRACE_ABI_NATIVE;
	after = before;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SYSCALL_STATS, &before));
	for (i = 0; i < 100; i++)
		syscall(SYS_getppid);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_SYSCALL_STATS, &after));
	EXPECT_LE(before.calls + 100, after.calls);
	EXPECT_EQ(0, after.errors);
	for (i = 0; i < KTRACE_HIST_BUCKETS; i++)
		sum += after.hist[i];
	EXPECT_LE(sum, after.calls);
	EXPECT_LE(before.calls + 100, sum + (after.calls - sum));
	after.nr = KTRACE_NR_MAX;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_SYSCALL_STATS, &after));
	EXPECT_EQ(EINVAL, errno);
}

static int read_file(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY);
	ssize_t n, total = 0;

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf + total, len - 1 - total)) > 0)
		total += n;
	close(fd);
	buf[total] = '\0';
	return total;
}

/* Wait until thread @tid of process @pid sleeps (state S), then 20 ms. */
static int wait_asleep(pid_t pid, pid_t tid)
{
	char path[64], stat[512], *state;
	int i;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", pid, tid);
	for (i = 0; i < 500; i++) {
		if (read_file(path, stat, sizeof(stat)) <= 0)
			return -1;
		state = strrchr(stat, ')');
		if (state && state[1] == ' ' && state[2] == 'S') {
			usleep(20000);
			return 0;
		}
		usleep(10000);
	}
	return -1;
}

/*
 * A call the task dies in returns all the same (ERESTARTNOHAND for a
 * pause() that a SIGKILL ends), but with the fatal signal pending: its
 * exit says so (ABI 1.12), and the exits before it do not.
 */
TEST_F(capture, exit_of_a_call_killed_by_sigkill_is_flagged)
{
	const struct ktrace_rec_sys_exit *x;
	int p[2], st;
	char c;
	pid_t child;

	ASSERT_EQ(0, pipe(p));
	child = fork();
	ASSERT_LE(0, child);
	if (!child) {
		if (write(p[1], "x", 1) != 1)
			_exit(1);
		pause();
		_exit(2);
	}
	close(p[1]);
	ASSERT_EQ(1, read(p[0], &c, 1));
	close(p[0]);
	ASSERT_EQ(0, wait_asleep(child, child));
	ASSERT_EQ(0, kill(child, SIGKILL));
	ASSERT_EQ(child, waitpid(child, &st, 0));
	ASSERT_TRUE(WIFSIGNALED(st));
	ASSERT_EQ(SIGKILL, WTERMSIG(st));
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	x = find_exit(&self->t, child, SYS_pause, -514 /* ERESTARTNOHAND */);
	ASSERT_NE(NULL, x);
	EXPECT_EQ(KTRACE_RF_KILLED, x->hdr.flags & KTRACE_RF_KILLED);
	x = find_exit(&self->t, child, SYS_write, 1);
	ASSERT_NE(NULL, x);
	EXPECT_EQ(0, x->hdr.flags & KTRACE_RF_KILLED);
}

static void *pause_thread(void *arg)
{
	pid_t tid = syscall(SYS_gettid);

	if (write(*(int *)arg, &tid, sizeof(tid)) != sizeof(tid))
		_exit(1);
	pause();
	return NULL;
}

/*
 * A child whose main thread waits in pause() while a second one runs
 * @fn, given the write end of a pipe on which it sends its thread id:
 * the child's pid, that id in @tid; -1 on failure.
 */
static pid_t fork_paused(void *(*fn)(void *), pid_t *tid)
{
	pthread_t thr;
	pid_t child;
	int p[2];

	if (pipe(p))
		return -1;
	child = fork();
	if (!child) {
		close(p[0]);
		if (pthread_create(&thr, NULL, fn, &p[1]))
			_exit(1);
		pause();
		_exit(2);
	}
	close(p[1]);
	if (child > 0 && read(p[0], tid, sizeof(*tid)) != sizeof(*tid)) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		child = -1;
	}
	close(p[0]);
	return child;
}

/*
 * A process of two threads, both in pause(), dies of a SIGTERM from
 * another process.  Untraced, the kernel sends every thread a SIGKILL at
 * once; traced, the main thread takes the SIGTERM, its pause() returns,
 * and the group exit kills the other thread in its call.  Only the other
 * thread's exit is flagged (ABI 1.13; 1.12 flagged neither).
 */
TEST_F(capture, exit_of_the_thread_a_fatal_signal_kills_is_flagged)
{
	const struct ktrace_rec_sys_exit *x;
	pid_t child, tid;
	int st;

	child = fork_paused(pause_thread, &tid);
	ASSERT_LT(0, child);
	ASSERT_EQ(0, wait_asleep(child, tid));
	ASSERT_EQ(0, wait_asleep(child, child));
	ASSERT_EQ(0, kill(child, SIGTERM));
	ASSERT_EQ(child, waitpid(child, &st, 0));
	ASSERT_TRUE(WIFSIGNALED(st));
	ASSERT_EQ(SIGTERM, WTERMSIG(st));
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	x = find_exit(&self->t, child, SYS_pause, -514 /* ERESTARTNOHAND */);
	ASSERT_NE(NULL, x);
	EXPECT_EQ(0, x->hdr.flags & KTRACE_RF_KILLED);
	x = find_exit(&self->t, tid, SYS_pause, -514);
	ASSERT_NE(NULL, x);
	EXPECT_EQ(KTRACE_RF_KILLED, x->hdr.flags & KTRACE_RF_KILLED);
}

static void *exec_thread(void *arg)
{
	char *const argv[] = { "true", NULL };
	pid_t tid = syscall(SYS_gettid);

	if (write(*(int *)arg, &tid, sizeof(tid)) != sizeof(tid))
		_exit(1);
	execve("/bin/true", argv, environ);
	_exit(3);
}

/*
 * A thread that does not lead its process executes: the kernel ends the
 * main thread, and the thread takes its id.  That exit, and only that
 * one, is flagged KTRACE_EXIT_EXEC (ABI 1.14); the program the thread
 * ran exits under the same id, unflagged.
 */
TEST_F(capture, exit_an_exec_by_another_thread_ends_is_flagged)
{
	const struct ktrace_rec_exit *x, *first = NULL, *last = NULL;
	pid_t child, tid;
	size_t i;
	int st;

	if (access("/bin/true", X_OK))
		SKIP(return, "no /bin/true");
	child = fork_paused(exec_thread, &tid);
	ASSERT_LT(0, child);
	ASSERT_EQ(child, waitpid(child, &st, 0));
	ASSERT_TRUE(WIFEXITED(st));
	ASSERT_EQ(0, WEXITSTATUS(st));
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	for (i = 0; i < self->t.nrecs; i++) {
		if (self->t.recs[i]->type != KTRACE_REC_EXIT)
			continue;
		x = (const void *)self->t.recs[i];
		EXPECT_NE(tid, x->hdr.pid);
		if (x->hdr.pid != child)
			continue;
		if (!first)
			first = x;
		last = x;
	}
	ASSERT_NE(NULL, first);
	ASSERT_NE(first, last);
	EXPECT_EQ(KTRACE_EXIT_EXEC, first->exit_flags & KTRACE_EXIT_EXEC);
	EXPECT_EQ(0, first->exit_flags & KTRACE_EXIT_GROUP_DEAD);
	EXPECT_EQ(0, last->exit_flags & KTRACE_EXIT_EXEC);
	EXPECT_EQ(KTRACE_EXIT_GROUP_DEAD,
		  last->exit_flags & KTRACE_EXIT_GROUP_DEAD);
}

/*
 * ABI 1.15: a SIGCONT that continues a stopped process is flagged
 * KTRACE_SIGGEN_CONTINUED, which a tracer needs when the parent asked for
 * no SIGCHLD saying that it stopped; one to a running process is not.
 */
TEST_F(capture, sigcont_to_a_stopped_process_is_flagged)
{
	const struct ktrace_rec_signal_generate *g;
	unsigned int flags[3];
	size_t i, n = 0;
	pid_t child;
	int st;

	child = fork();
	ASSERT_LE(0, child);
	if (!child) {
		for (;;)
			pause();
	}
	ASSERT_EQ(0, kill(child, SIGCONT));
	ASSERT_EQ(0, kill(child, SIGSTOP));
	ASSERT_EQ(child, waitpid(child, &st, WUNTRACED));
	ASSERT_TRUE(WIFSTOPPED(st));
	ASSERT_EQ(0, kill(child, SIGCONT));
	ASSERT_EQ(child, waitpid(child, &st, WCONTINUED));
	ASSERT_TRUE(WIFCONTINUED(st));
	ASSERT_EQ(0, kill(child, SIGKILL));
	ASSERT_EQ(child, waitpid(child, &st, 0));
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	for (i = 0; i < self->t.nrecs; i++) {
		g = (const void *)self->t.recs[i];
		if (g->hdr.type != KTRACE_REC_SIGNAL_GENERATE ||
		    g->sig != SIGCONT || g->target_pid != child)
			continue;
		ASSERT_EQ(sizeof(*g), g->hdr.size);
		if (n < 3)
			flags[n] = g->flags;
		n++;
	}
	ASSERT_EQ(2, n);
	EXPECT_EQ(0, flags[0]);
	EXPECT_EQ(KTRACE_SIGGEN_CONTINUED, flags[1]);
}

/*
 * ABI 1.19: a signal sent to a process whose group is exiting is dropped
 * and flagged KTRACE_SIGGEN_GROUP_EXIT, and so is the fatal signal that
 * began the exit (the kernel takes the group down as it queues one to a
 * process not ptraced); a signal the target ignores while it lives is
 * dropped too (the same result), and not flagged.
 */
TEST_F(capture, signals_to_an_exiting_process_are_flagged)
{
	static const int sigs[] = { SIGCONT, SIGTERM, SIGCONT, SIGUSR1 };
	static const int results[] = {
		KTRACE_SIG_IGNORED, KTRACE_SIG_DELIVERED,
		KTRACE_SIG_IGNORED, KTRACE_SIG_IGNORED,
	};
	static const unsigned int flags[] = {
		0, KTRACE_SIGGEN_GROUP_EXIT,
		KTRACE_SIGGEN_GROUP_EXIT, KTRACE_SIGGEN_GROUP_EXIT,
	};
	const struct ktrace_rec_signal_generate *g;
	size_t i, n = 0;
	int p[2], st;
	pid_t child;
	char c;

	ASSERT_EQ(0, pipe(p));
	child = fork();
	ASSERT_LE(0, child);
	if (!child) {
		sigset_t none;

		sigemptyset(&none);
		signal(SIGTERM, SIG_DFL);
		signal(SIGCONT, SIG_DFL);
		signal(SIGUSR1, SIG_DFL);
		sigprocmask(SIG_SETMASK, &none, NULL);
		if (write(p[1], "r", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(p[1]);
	ASSERT_EQ(1, read(p[0], &c, 1));
	close(p[0]);
	for (i = 0; i < ARRAY_SIZE(sigs); i++)
		kill(child, sigs[i]);	/* a zombie's group takes them too */
	ASSERT_EQ(child, waitpid(child, &st, 0));
	ASSERT_TRUE(WIFSIGNALED(st));
	EXPECT_EQ(SIGTERM, WTERMSIG(st));
	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	for (i = 0; i < self->t.nrecs; i++) {
		g = (const void *)self->t.recs[i];
		if (g->hdr.type != KTRACE_REC_SIGNAL_GENERATE ||
		    g->target_pid != child)
			continue;
		ASSERT_EQ(sizeof(*g), g->hdr.size);
		ASSERT_GT(ARRAY_SIZE(sigs), n);
		EXPECT_EQ(sigs[n], g->sig);
		EXPECT_EQ(results[n], g->result);
		EXPECT_EQ(flags[n], g->flags);
		n++;
	}
	EXPECT_EQ(ARRAY_SIZE(sigs), n);
}

TEST_F(capture, debugfs_views_show_counters)
{
	static char buf[1 << 16];
	char line[64];
	long cpus = sysconf(_SC_NPROCESSORS_CONF);
	int i, rows = 0;
	char *p;

	for (i = 0; i < 10; i++)
		syscall(SYS_getppid);
	ASSERT_LT(0, read_file("/sys/kernel/debug/ktrace/stats", buf,
			       sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "syscalls "));
	EXPECT_NE(NULL, strstr(buf, "lost_full "));
	EXPECT_EQ(NULL, strstr(buf, "sessions 0\n"));
	ASSERT_LT(0, read_file("/sys/kernel/debug/ktrace/syscalls", buf,
			       sizeof(buf)));
	snprintf(line, sizeof(line), "\nx86_64 %d ", SYS_getppid);
	EXPECT_NE(NULL, strstr(buf, line));
	ASSERT_LT(0, read_file("/sys/kernel/debug/ktrace/rings", buf,
			       sizeof(buf)));
	for (p = strchr(buf, '\n'); p && p[1]; p = strchr(p + 1, '\n'))
		rows++;
	EXPECT_LE(cpus, rows);
}

/* The stress tests: producers on every CPU against a small ring. */
struct producer {
	int cpu;
	long calls;
	pid_t tid;
	int *stop;
};

static void *produce(void *arg)
{
	struct producer *p = arg;

	pin_cpu(p->cpu);
	p->tid = gettid_();
	while (!__atomic_load_n(p->stop, __ATOMIC_RELAXED) &&
	       p->calls < 200000) {
		syscall(SYS_getppid);
		p->calls++;
	}
	return NULL;
}

/*
 * Every record accounted for: read + reported lost == written + dropped,
 * the LOSS records add up to what the kernel reported, and the records of
 * each producer are whole getppid calls.
 */
static void check_accounting(struct __test_metadata *_metadata, int fd,
			     struct trace *t, struct producer *prod, int nprod)
{
	struct ktrace_stats st;
	size_t i, data = 0, n;
	struct ktrace_rec_hdr **v;
	int j;

	ASSERT_EQ(0, stop_and_drain(fd, t));
	ASSERT_EQ(0, t->bad);
	ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_STATS, &st));
	for (i = 0; i < t->nrecs; i++)
		if (t->recs[i]->type != KTRACE_REC_LOSS)
			data++;
	EXPECT_EQ(st.written, data);
	EXPECT_EQ(st.lost_reported, t->lost);
	EXPECT_EQ(st.lost_full + st.lost_nest,
		  st.lost_reported + st.lost_pending);
	EXPECT_EQ(data + t->lost + st.lost_pending,
		  st.written + st.lost_full + st.lost_nest);
	TH_LOG("read %zu records, %llu lost in %llu LOSS records, %llu pending",
	       data, (unsigned long long)t->lost,
	       (unsigned long long)t->nloss,
	       (unsigned long long)st.lost_pending);

	for (j = 0; j < nprod; j++) {
		long enters = 0;

		n = trace_thread(t, prod[j].tid, &v);
		for (i = 0; i < n; i++) {
			if (v[i]->type == KTRACE_REC_SYS_ENTER) {
				struct ktrace_rec_sys_enter *e = (void *)v[i];

				if (e->nr == SYS_getppid)
					enters++;
				EXPECT_EQ(prod[j].tid, e->hdr.pid);
			} else if (v[i]->type == KTRACE_REC_SYS_EXIT) {
				struct ktrace_rec_sys_exit *x = (void *)v[i];

				if (x->nr == SYS_getppid)
					EXPECT_EQ(getppid(), x->ret);
			}
		}
		EXPECT_LE(enters, prod[j].calls);
		EXPECT_LE(prod[j].calls, enters + (long)t->lost +
			  (long)st.lost_pending);
		free(v);
	}
}

FIXTURE(small_ring) {
	int fd;
	struct trace t;
	char saved[32];
};

FIXTURE_SETUP(small_ring)
{
	int pfd;
	ssize_t n;

	if (geteuid() != 0)
		SKIP(return, "needs root");
	memset(&self->t, 0, sizeof(self->t));
	pfd = open(PARAM_DIR "ring_size", O_RDONLY);
	ASSERT_LE(0, pfd);
	n = read(pfd, self->saved, sizeof(self->saved) - 1);
	close(pfd);
	ASSERT_LT(0, n);
	self->saved[n] = '\0';
	ASSERT_EQ(0, set_param("ring_size", "16384"));
	EXPECT_EQ(-1, set_param("ring_size", "20000"));
	self->fd = open_session();
	ASSERT_LE(0, self->fd);
}

FIXTURE_TEARDOWN(small_ring)
{
	set_param("ring_size", self->saved);
	if (self->fd >= 0)
		close(self->fd);
	trace_free(&self->t);
}

TEST_F_TIMEOUT(small_ring, threads_on_all_cpus_exact_accounting, 120)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	struct producer prod[8];
	pthread_t th[8];
	int stop = 0;
	struct timespec start, now;
	int j, nprod = ncpu < 8 ? ncpu : 8;

	for (j = 0; j < nprod; j++) {
		prod[j] = (struct producer){ .cpu = j, .stop = &stop };
		ASSERT_EQ(0, pthread_create(&th[j], NULL, produce, &prod[j]));
	}
	/* Read while they run, so that some records make it and some not. */
	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		ASSERT_EQ(0, trace_read(self->fd, &self->t, 0));
		usleep(2000);
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (now.tv_sec - start.tv_sec < 2);
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	for (j = 0; j < nprod; j++)
		pthread_join(th[j], NULL);
	check_accounting(_metadata, self->fd, &self->t, prod, nprod);
	EXPECT_LT(0, self->t.nloss) TH_LOG("a 16 KiB ring should overflow");
}

static long alarms;

static void on_alarm(int sig)
{
	__atomic_fetch_add(&alarms, 1, __ATOMIC_RELAXED);
}

TEST_F_TIMEOUT(small_ring, timer_signals_during_syscall_storm, 120)
{
	struct itimerval it = { .it_interval = { 0, 200 },
				.it_value = { 0, 200 } };
	struct producer prod = { .cpu = 0 };
	int stop = 0;
	struct sigaction sa;
	struct timespec start, now;
	size_t i, gen = 0, del = 0, irq = 0;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sa.sa_flags = SA_RESTART;
	ASSERT_EQ(0, sigaction(SIGALRM, &sa, NULL));
	prod.stop = &stop;
	pin_cpu(0);
	prod.tid = gettid_();
	ASSERT_EQ(0, setitimer(ITIMER_REAL, &it, NULL));
	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		for (i = 0; i < 100; i++) {
			syscall(SYS_getppid);
			prod.calls++;
		}
		ASSERT_EQ(0, trace_read(self->fd, &self->t, 0));
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (now.tv_sec - start.tv_sec < 2);
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &it, NULL);
	EXPECT_LT(0, __atomic_load_n(&alarms, __ATOMIC_RELAXED));
	check_accounting(_metadata, self->fd, &self->t, &prod, 1);
	for (i = 0; i < self->t.nrecs; i++) {
		struct ktrace_rec_signal_generate *g = (void *)self->t.recs[i];

		if (g->hdr.type == KTRACE_REC_SIGNAL_GENERATE &&
		    g->sig == SIGALRM && g->target_tgid == getpid()) {
			gen++;
			/* ITIMER_REAL fires from an hrtimer interrupt. */
			if (g->hdr.flags & KTRACE_RF_IRQ)
				irq++;
		}
		if (g->hdr.type == KTRACE_REC_SIGNAL_DELIVER &&
		    ((struct ktrace_rec_signal_deliver *)g)->sig == SIGALRM &&
		    g->hdr.pid == prod.tid)
			del++;
	}
	EXPECT_LT(0, gen);
	EXPECT_LT(0, irq);
	EXPECT_LE(del, (size_t)__atomic_load_n(&alarms, __ATOMIC_RELAXED));
}

TEST_F(capture, mmap_ring_matches_protocol)
{
	int rw = start_session(open(DEV_PATH, O_RDWR | O_CLOEXEC));
	long page = sysconf(_SC_PAGESIZE);
	struct ktrace_ring_page *ctl;
	uint64_t head, tail, size;
	const char *data;
	void *map;
	int i, found = 0;

	/* A writable shared mapping needs a file open for writing. */
	ASSERT_LE(0, rw);
	EXPECT_EQ(MAP_FAILED, mmap(NULL, page, PROT_READ | PROT_WRITE,
				   MAP_SHARED, self->fd,
				   KTRACE_MMAP_OFFSET(0)));
	close(self->fd);
	self->fd = rw;
	pin_cpu(0);
	ctl = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, self->fd,
		   KTRACE_MMAP_OFFSET(0));
	ASSERT_NE(MAP_FAILED, ctl);
	EXPECT_EQ(KTRACE_RING_VERSION, ctl->version);
	EXPECT_EQ(0, ctl->cpu);
	EXPECT_EQ(page, ctl->data_offset);
	size = ctl->data_size;
	munmap(ctl, page);
	EXPECT_EQ(MAP_FAILED, mmap(NULL, page, PROT_READ, MAP_PRIVATE,
				   self->fd, KTRACE_MMAP_OFFSET(0)));
	EXPECT_EQ(MAP_FAILED, mmap(NULL, page * 2 + size, PROT_READ,
				   MAP_SHARED, self->fd,
				   KTRACE_MMAP_OFFSET(0)));
	EXPECT_EQ(MAP_FAILED, mmap(NULL, page, PROT_READ, MAP_SHARED,
				   self->fd, KTRACE_MMAP_OFFSET(4096)));

	map = mmap(NULL, page + size, PROT_READ | PROT_WRITE, MAP_SHARED,
		   self->fd, KTRACE_MMAP_OFFSET(0));
	ASSERT_NE(MAP_FAILED, map);
	ctl = map;
	data = (const char *)map + ctl->data_offset;
	for (i = 0; i < 10; i++)
		syscall(SYS_getppid);

	head = __atomic_load_n(&ctl->data_head, __ATOMIC_ACQUIRE);
	tail = ctl->data_tail;
	while (tail < head) {
		const struct ktrace_rec_hdr *h =
			(const void *)(data + (tail & (size - 1)));

		ASSERT_EQ(0, h->size % 8);
		ASSERT_LE(8, h->size);
		if (h->type != KTRACE_REC_PAD) {
			ASSERT_TRUE(known_type(h->type));
			EXPECT_EQ(0, h->cpu);
			if (h->type == KTRACE_REC_SYS_ENTER &&
			    h->pid == gettid_() &&
			    ((const struct ktrace_rec_sys_enter *)h)->nr ==
			    SYS_getppid)
				found++;
		}
		tail += h->size;
	}
	EXPECT_EQ(head, tail);
	__atomic_store_n(&ctl->data_tail, tail, __ATOMIC_RELEASE);
	EXPECT_EQ(10, found);
	munmap(map, page + size);
}

/* A session of @fd reconfigured (disabled, then enabled again). */

/* getppid, and every 64 calls an open of a 600-byte path that is not. */
static void *produce_mixed(void *arg)
{
	struct producer *p = arg;
	char path[601];

	memset(path, 'k', sizeof(path) - 1);
	path[0] = '/';
	path[sizeof(path) - 1] = '\0';
	pin_cpu(p->cpu);
	p->tid = gettid_();
	while (!__atomic_load_n(p->stop, __ATOMIC_RELAXED) &&
	       p->calls < 200000) {
		syscall(SYS_getppid);
		if (++p->calls % 64 == 0)
			open(path, O_RDONLY);
	}
	return NULL;
}

/*
 * A flight recorder keeps the newest records and accounts for every one
 * it overwrote, LOSS records included: records read + records lost ==
 * records offered, as in a ring that drops the newest.  Records of
 * several sizes make PAD records at the end of the ring, which the reader
 * must never look past.
 */
TEST_F_TIMEOUT(small_ring, flight_recorder_exact_accounting, 120)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	struct producer prod[8];
	struct ktrace_stats st;
	pthread_t th[8];
	int stop = 0;
	struct timespec start, now;
	int j, nprod = ncpu < 8 ? ncpu : 8;

	ASSERT_EQ(0, reconfigure(self->fd, 16 << 10, 0,
				 KTRACE_CFG_TRACE_SELF |
				 KTRACE_CFG_OVERWRITE));
	for (j = 0; j < nprod; j++) {
		prod[j] = (struct producer){ .cpu = j, .stop = &stop };
		ASSERT_EQ(0, pthread_create(&th[j], NULL, produce_mixed,
					    &prod[j]));
	}
	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		ASSERT_EQ(0, trace_read(self->fd, &self->t, 0));
		usleep(1000);
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (now.tv_sec - start.tv_sec < 3);
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	for (j = 0; j < nprod; j++)
		pthread_join(th[j], NULL);
	check_accounting(_metadata, self->fd, &self->t, prod, nprod);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &st));
	EXPECT_LT(0, st.overwritten) TH_LOG("a 16 KiB ring should wrap");
	EXPECT_LE(st.overwritten, st.lost_full);
	EXPECT_LT(0, self->t.nloss);
}

/*
 * Processes that lose records on one CPU share 64 slots; those that do
 * not get one are reported together as process -1, and the sum over the
 * processes is the sum over the CPUs.
 */
TEST_F_TIMEOUT(small_ring, losses_of_many_processes_add_up, 120)
{
	struct ktrace_proc_loss procs[256];
	struct ktrace_losses q = {};
	uint64_t cpus[64], by_cpu = 0, by_proc = 0;
	int i, others = 0, zero = 0, status;
	pid_t pid;

	/* Nobody reads: after the first few calls, every record is lost. */
	pin_cpu(0);
	for (i = 0; i < 100; i++) {
		pid = fork();
		ASSERT_LE(0, pid);
		if (pid == 0) {
			int k;

			for (k = 0; k < 300; k++)
				syscall(SYS_getppid);
			_exit(0);
		}
		ASSERT_EQ(pid, waitpid(pid, &status, 0));
	}
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	q.cpus = (uintptr_t)cpus;
	q.nr_cpus = 64;
	q.procs = (uintptr_t)procs;
	q.nr_procs = 256;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_LOSSES, &q));
	ASSERT_GE(64, q.nr_cpus);
	ASSERT_GE(256, q.nr_procs);
	for (i = 0; i < (int)q.nr_cpus; i++)
		by_cpu += cpus[i];
	for (i = 0; i < (int)q.nr_procs; i++) {
		by_proc += procs[i].lost;
		if (procs[i].tgid == -1)
			others++;
		if (procs[i].tgid == 0)
			zero++;
	}
	EXPECT_EQ(by_cpu, by_proc);
	EXPECT_EQ(1, others) TH_LOG("101 processes in 64 slots");
	EXPECT_EQ(0, zero);
}

/* What a thread that consumes rings through mmap() saw. */
struct mmap_consumer {
	int fd, ncpu;
	long page;
	void *map[8];
	uint64_t size[8];
	pid_t tid;		/* the producer */
	long found;		/* its getppid enters */
	int wakeups, timeouts, hup, bad;
};

static void consume_maps(struct mmap_consumer *c)
{
	struct ktrace_ring_page *ctl;
	uint64_t head, tail;
	const char *data;
	int i;

	for (i = 0; i < c->ncpu; i++) {
		ctl = c->map[i];
		data = (const char *)ctl + ctl->data_offset;
		head = __atomic_load_n(&ctl->data_head, __ATOMIC_ACQUIRE);
		for (tail = ctl->data_tail; tail < head; ) {
			const struct ktrace_rec_hdr *h = (const void *)
				(data + (tail & (c->size[i] - 1)));

			if (h->size < 8 || h->size % 8) {
				c->bad++;
				return;
			}
			if (h->type == KTRACE_REC_SYS_ENTER &&
			    h->pid == c->tid &&
			    ((const struct ktrace_rec_sys_enter *)h)->nr ==
			    SYS_getppid)
				c->found++;
			tail += h->size;
		}
		__atomic_store_n(&ctl->data_tail, tail, __ATOMIC_RELEASE);
	}
}

/* Sleep in poll() between batches; drain what each wakeup brings. */
static void *mmap_consume(void *arg)
{
	struct mmap_consumer *c = arg;
	struct pollfd p = { .fd = c->fd, .events = POLLIN };

	for (;;) {
		consume_maps(c);
		if (c->bad)
			return NULL;
		p.revents = 0;
		if (poll(&p, 1, 10000) == 0) {
			c->timeouts++;
			return NULL;
		}
		c->wakeups++;
		if (p.revents & POLLHUP) {
			consume_maps(c);
			c->hup = 1;
			return NULL;
		}
	}
}

/*
 * An mmap() consumer that sleeps in poll() is woken for every batch that
 * passes the watermark, not only the first, and once more when the
 * session is disabled (EPOLLHUP): it gets every record and ends.
 */
TEST_F_TIMEOUT(capture, mmap_consumer_sleeps_in_poll_gets_every_record, 120)
{
	struct mmap_consumer c = { .page = sysconf(_SC_PAGESIZE) };
	struct ktrace_pid pid = { 0 };
	struct ktrace_stats st;
	pthread_t th;
	int i, k;

	c.ncpu = sysconf(_SC_NPROCESSORS_CONF);
	if (c.ncpu > 8)
		c.ncpu = 8;
	close(self->fd);
	self->fd = open(DEV_PATH, O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	c.fd = self->fd;
	/* Only this thread, the producer: the consumer's polls are not. */
	pid.pid = gettid_();
	c.tid = pid.pid;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_PID_ADD, &pid));
	ASSERT_EQ(0, reconfigure(self->fd, 1 << 20, 0,
				 KTRACE_CFG_TRACE_SELF));
	for (i = 0; i < c.ncpu; i++) {
		c.map[i] = mmap(NULL, c.page, PROT_READ, MAP_SHARED,
				self->fd, KTRACE_MMAP_OFFSET(i));
		ASSERT_NE(MAP_FAILED, c.map[i]);
		c.size[i] = ((struct ktrace_ring_page *)c.map[i])->data_size;
		munmap(c.map[i], c.page);
		c.map[i] = mmap(NULL, c.page + c.size[i],
				PROT_READ | PROT_WRITE, MAP_SHARED, self->fd,
				KTRACE_MMAP_OFFSET(i));
		ASSERT_NE(MAP_FAILED, c.map[i]);
	}
	ASSERT_EQ(0, pthread_create(&th, NULL, mmap_consume, &c));
	/* Batches of ~170 KiB of records, past the 64 KiB watermark. */
	for (k = 0; k < 5; k++) {
		for (i = 0; i < 1000; i++)
			syscall(SYS_getppid);
		usleep(200000);
	}
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	pthread_join(th, NULL);
	EXPECT_EQ(0, c.bad);
	EXPECT_EQ(0, c.timeouts) TH_LOG("a wakeup was missed");
	EXPECT_EQ(1, c.hup);
	EXPECT_EQ(5000, c.found);
	EXPECT_LE(5, c.wakeups);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_STATS, &st));
	EXPECT_EQ(0, st.lost_full + st.lost_nest);
	for (i = 0; i < c.ncpu; i++)
		munmap(c.map[i], c.page + c.size[i]);
}

/*
 * A program that scribbles on a mapped ring's tail breaks that ring
 * only: read() still returns what the other rings hold, then -EIO.
 */
TEST_F(capture, scribbled_ring_leaves_others_readable)
{
	long page = sysconf(_SC_PAGESIZE);
	struct ktrace_ring_page *ctl;
	struct trace *t = &self->t;
	ssize_t n;
	size_t i;
	int found = 0;

	if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
		SKIP(return, "needs two CPUs");
	close(self->fd);
	self->fd = start_session(open(DEV_PATH, O_RDWR | O_CLOEXEC));
	ASSERT_LE(0, self->fd);
	ctl = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, self->fd,
		   KTRACE_MMAP_OFFSET(1));
	ASSERT_NE(MAP_FAILED, ctl);
	pin_cpu(1);
	syscall(SYS_getppid);
	/* A tail ahead of the head, and not a record boundary. */
	__atomic_store_n(&ctl->data_tail,
			 __atomic_load_n(&ctl->data_head, __ATOMIC_ACQUIRE) +
			 12, __ATOMIC_RELEASE);
	pin_cpu(0);
	for (i = 0; i < 10; i++)
		syscall(SYS_getppid);
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	t->cap = READ_BUF * 4;
	t->data = malloc(t->cap);
	ASSERT_NE(NULL, t->data);
	while ((n = read(self->fd, t->data + t->len, READ_BUF)) > 0)
		t->len += n;
	EXPECT_EQ(-1, n);
	EXPECT_EQ(EIO, errno);
	trace_index(t);
	EXPECT_EQ(0, t->bad);
	for (i = 0; i < t->nrecs; i++)
		if (t->recs[i]->type == KTRACE_REC_SYS_ENTER &&
		    t->recs[i]->pid == gettid_() &&
		    ((struct ktrace_rec_sys_enter *)t->recs[i])->nr ==
		    SYS_getppid)
			found++;
	EXPECT_EQ(10, found);
	munmap(ctl, page);
}

/*
 * A mapped ring keeps its size; once the last mapping is gone, the
 * session can be given rings of another size.
 */
TEST_F(capture, munmap_lets_configure_resize)
{
	struct ktrace_config c = { .ring_size = 64 << 10,
				   .events = KTRACE_EV_ALL };
	long page = sysconf(_SC_PAGESIZE);
	struct ktrace_ring_page *ctl;

	close(self->fd);
	self->fd = open(DEV_PATH, O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->fd);
	ctl = mmap(NULL, page, PROT_READ, MAP_SHARED, self->fd,
		   KTRACE_MMAP_OFFSET(0));
	ASSERT_NE(MAP_FAILED, ctl);
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	EXPECT_EQ(EBUSY, errno);
	c.flags = KTRACE_CFG_OVERWRITE;
	c.ring_size = 0;
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	EXPECT_EQ(EBUSY, errno);
	munmap(ctl, page);
	c.flags = 0;
	c.ring_size = 64 << 10;
	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	ctl = mmap(NULL, page, PROT_READ, MAP_SHARED, self->fd,
		   KTRACE_MMAP_OFFSET(0));
	ASSERT_NE(MAP_FAILED, ctl);
	EXPECT_EQ(64 << 10, ctl->data_size);
	munmap(ctl, page);
}

/*
 * Every record a session can be sent must fit half its ring, so that it
 * fits once the reader has caught up: two full-length paths do not fit a
 * 16 KiB ring.
 */
TEST_F(capture, configure_rejects_records_that_cannot_fit)
{
	struct ktrace_config c = { .ring_size = 16 << 10, .snaplen = 4096,
				   .events = KTRACE_EV_ALL };

	ASSERT_EQ(0, ioctl(self->fd, KTRACE_IOC_DISABLE));
	EXPECT_EQ(-1, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	EXPECT_EQ(EINVAL, errno);
	c.snaplen = 2048;
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
	c.ring_size = 32 << 10;
	c.snaplen = 4096;
	EXPECT_EQ(0, ioctl(self->fd, KTRACE_IOC_CONFIGURE, &c));
}

/* A disabled session polls readable and hung up: read() returns 0. */
TEST_F(capture, poll_of_disabled_session_reports_hangup)
{
	struct pollfd p = { .fd = self->fd, .events = POLLIN };
	char buf[256];

	ASSERT_EQ(0, stop_and_drain(self->fd, &self->t));
	ASSERT_EQ(1, poll(&p, 1, 1000));
	EXPECT_TRUE(p.revents & POLLHUP);
	EXPECT_TRUE(p.revents & POLLIN);
	EXPECT_EQ(0, read(self->fd, buf, sizeof(buf)));
}

/* A child blocked in read() of its own session. */
static void read_forever(void)
{
	char *buf = malloc(READ_BUF);
	int fd = start_session(open(DEV_PATH, O_RDONLY));

	if (fd < 0)
		_exit(1);
	for (;;)
		read(fd, buf, READ_BUF);
}

/*
 * KTRACE_CFG_IP: getpgid(-12345), a call no library makes, through a raw
 * syscall instruction with a label right after it: the IP the module
 * records is that label's address, strace's -i.
 */
#define IP_MAGIC_PID	(-12345)

static long getpgid_at(uint64_t *after)
{
	long ret = SYS_getpgid;

	asm volatile ("syscall\n"
		      "1:\n\t"
		      "leaq 1b(%%rip), %1"
		      : "+a" (ret), "=r" (*after)
		      : "D" ((long)IP_MAGIC_PID)
		      : "rcx", "r11", "memory");
	return ret;
}

/* The same through int $0x80 (i386's getpgid is 132). */
static long getpgid_int80_at(uint64_t *after)
{
	long ret = 132;

	asm volatile ("int $0x80\n"
		      "1:\n\t"
		      "leaq 1b(%%rip), %1"
		      : "+a" (ret), "=r" (*after)
		      : "b" ((long)IP_MAGIC_PID)
		      : "memory");
	return ret;
}

/* @tid's enter of getpgid(IP_MAGIC_PID) of @abi, or NULL. */
static const struct ktrace_rec_sys_enter *
find_getpgid(struct trace *t, pid_t tid, unsigned int abi)
{
	const struct ktrace_rec_sys_enter *found = NULL;
	struct ktrace_rec_hdr **v;
	unsigned int nr = abi == KTRACE_ABI_COMPAT ? 132 : SYS_getpgid;
	uint64_t arg = abi == KTRACE_ABI_COMPAT ? (uint32_t)IP_MAGIC_PID :
			(uint64_t)(long)IP_MAGIC_PID;
	size_t n, i;

	n = trace_thread(t, tid, &v);
	for (i = 0; i < n; i++) {
		const struct ktrace_rec_sys_enter *e = (void *)v[i];

		if (v[i]->type == KTRACE_REC_SYS_ENTER && e->abi == abi &&
		    e->nr == nr && e->args[0] == arg)
			found = e;
	}
	free(v);
	return found;
}

static int ip_session(unsigned int flags, unsigned int status)
{
	struct ktrace_config cfg = {
		.events = KTRACE_EV_SYSCALL,
		.flags = KTRACE_CFG_TRACE_SELF | flags,
	};
	struct ktrace_status st = { .status = status };
	int fd = open(DEV_PATH, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (ioctl(fd, KTRACE_IOC_CONFIGURE, &cfg) ||
	    (status && ioctl(fd, KTRACE_IOC_SET_STATUS, &st)) ||
	    ioctl(fd, KTRACE_IOC_ENABLE)) {
		close(fd);
		return -1;
	}
	return fd;
}

/* @tid's exit of getpgid(IP_MAGIC_PID), native, or NULL. */
static const struct ktrace_rec_sys_exit *
find_getpgid_exit(struct trace *t, pid_t tid)
{
	return find_exit(t, tid, SYS_getpgid, -ESRCH);
}

/*
 * The value of a record's KTRACE_BLOB_IP, which must be its last blob
 * and last 8 bytes; 0 if it has none or a bad one.
 */
static uint64_t ip_in(const struct ktrace_rec_hdr *h,
		      const struct ktrace_blob *blobs, unsigned int nblobs,
		      int *count)
{
	const struct ktrace_blob *b;
	uint64_t ip = 0;
	unsigned int i;

	*count = 0;
	for (i = 0; i < nblobs; i++) {
		b = &blobs[i];
		if (b->kind != KTRACE_BLOB_IP)
			continue;
		(*count)++;
		if (i == nblobs - 1u && b->len == sizeof(ip) &&
		    b->arg == KTRACE_BLOB_ARG_NONE && !b->flags &&
		    b->offset + sizeof(ip) == h->size)
			memcpy(&ip, (const char *)h + b->offset, sizeof(ip));
	}
	return ip;
}

static uint64_t ip_of(const struct ktrace_rec_sys_enter *e, int *count)
{
	return ip_in(&e->hdr, e->blobs, e->nblobs, count);
}

static uint64_t exit_ip_of(const struct ktrace_rec_sys_exit *x, int *count)
{
	return ip_in(&x->hdr, x->blobs, x->nblobs, count);
}

/*
 * Three sessions at once: one asks for the IP, one does not, one asks
 * with a status filter (its enter is written at the exit).  Only the
 * askers get the blob, on the enter and the exit, and it is the address
 * after the syscall instruction; the same for int $0x80, when the kernel
 * has ia32.
 */
TEST(ip_blob_only_when_asked)
{
	struct trace t[3] = { 0 };
	const struct ktrace_rec_sys_enter *e;
	uint64_t after = 0, after32 = 0;
	struct ktrace_version v;
	long ret, ret32;
	int fd[3], i, count;

	if (geteuid() != 0)
		SKIP(return, "needs root");
	fd[0] = open(DEV_PATH, O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, fd[0]);
	ASSERT_EQ(0, ioctl(fd[0], KTRACE_IOC_VERSION, &v));
	close(fd[0]);
	EXPECT_LE(7, v.abi_minor);
	ASSERT_TRUE(v.features & KTRACE_FEAT_IP);

	fd[0] = ip_session(KTRACE_CFG_IP, 0);
	fd[1] = ip_session(0, 0);
	fd[2] = ip_session(KTRACE_CFG_IP, KTRACE_STATUS_FAILED);
	for (i = 0; i < 3; i++)
		ASSERT_LE(0, fd[i]);
	ret = getpgid_at(&after);
	ret32 = getpgid_int80_at(&after32);
	for (i = 0; i < 3; i++) {
		ASSERT_EQ(0, stop_and_drain(fd[i], &t[i]));
		ASSERT_EQ(0, t[i].bad);
		close(fd[i]);
	}
	ASSERT_EQ(-ESRCH, ret);
	ASSERT_NE(0, after);

	e = find_getpgid(&t[0], gettid_(), KTRACE_ABI_NATIVE);
	ASSERT_NE(NULL, e);
	EXPECT_EQ(after, ip_of(e, &count));
	EXPECT_EQ(1, count);
	e = find_getpgid(&t[1], gettid_(), KTRACE_ABI_NATIVE);
	ASSERT_NE(NULL, e);
	EXPECT_EQ(0, ip_of(e, &count));
	EXPECT_EQ(0, count);
	EXPECT_EQ(0, e->nblobs);
	e = find_getpgid(&t[2], gettid_(), KTRACE_ABI_NATIVE);
	ASSERT_NE(NULL, e);
	EXPECT_EQ(after, ip_of(e, &count));
	EXPECT_EQ(1, count);
	/* The exits: where the call returns to, the same address. */
	for (i = 0; i < 3; i++) {
		const struct ktrace_rec_sys_exit *x;

		x = find_getpgid_exit(&t[i], gettid_());
		ASSERT_NE(NULL, x);
		EXPECT_EQ(i == 1 ? 0 : after, exit_ip_of(x, &count));
		EXPECT_EQ(i == 1 ? 0 : 1, count);
	}

	if (ret32 != -ESRCH) {
		TH_LOG("int $0x80: %ld, no ia32 emulation: native only", ret32);
	} else {
		for (i = 0; i < 3; i++) {
			e = find_getpgid(&t[i], gettid_(), KTRACE_ABI_COMPAT);
			ASSERT_NE(NULL, e);
			EXPECT_EQ(i == 1 ? 0 : after32, ip_of(e, &count));
			EXPECT_EQ(i == 1 ? 0 : 1, count);
		}
	}
	for (i = 0; i < 3; i++)
		trace_free(&t[i]);
}

/* tgkill(2) to this thread; *@after: the address after its syscall. */
static long tgkill_at(int sig, uint64_t *after)
{
	long ret = SYS_tgkill;

	asm volatile ("syscall\n"
		      "1:\n\t"
		      "leaq 1b(%%rip), %1"
		      : "+a" (ret), "=r" (*after)
		      : "D" ((long)getpid()), "S" ((long)gettid_()),
			"d" ((long)sig)
		      : "rcx", "r11", "memory");
	return ret;
}

/* Where on_segv() resumes: right after the load that faulted. */
static uint64_t segv_resume;

static void on_segv(int sig, siginfo_t *si, void *p)
{
	ucontext_t *uc = p;

	uc->uc_mcontext.gregs[REG_RIP] = segv_resume;
}

static void on_usr2(int sig)
{
}

/* A load from address 0; returns the load's address. */
static uint64_t fault_at(void)
{
	uint64_t at, resume;

	asm volatile ("leaq 1f(%%rip), %0\n\t"
		      "leaq 2f(%%rip), %1\n\t"
		      "movq %1, %2\n"
		      "1:\n\t"
		      "movq 0, %1\n"
		      "2:"
		      : "=&r" (at), "=&r" (resume), "=m" (segv_resume)
		      : : "memory");
	return at;
}

/* @tid's delivery of @sig, or NULL. */
static const struct ktrace_rec_signal_deliver *
find_deliver(struct trace *t, pid_t tid, int sig)
{
	const struct ktrace_rec_signal_deliver *found = NULL;
	struct ktrace_rec_hdr **v;
	size_t n, i;

	n = trace_thread(t, tid, &v);
	for (i = 0; i < n; i++) {
		const struct ktrace_rec_signal_deliver *d = (void *)v[i];

		if (v[i]->type == KTRACE_REC_SIGNAL_DELIVER && d->sig == sig)
			found = d;
	}
	free(v);
	return found;
}

/*
 * ABI 1.8: a signal's delivery carries the IP where the task was
 * interrupted, for the sessions that asked: after the syscall that sent
 * it to itself, at the load that faulted.  Others get the 1.7 record.
 */
TEST(signal_ip_only_when_asked)
{
	struct sigaction sa = { .sa_sigaction = on_segv,
				.sa_flags = SA_SIGINFO };
	struct sigaction su = { .sa_handler = on_usr2 };
	const size_t short_size = offsetof(struct ktrace_rec_signal_deliver,
					   ip);
	const struct ktrace_rec_signal_deliver *d;
	struct ktrace_config cfg = {
		.events = KTRACE_EV_SIGNAL,
		.flags = KTRACE_CFG_TRACE_SELF,
	};
	uint64_t after = 0, fault = 0;
	struct trace t[2] = { 0 };
	struct ktrace_version v;
	int fd[2], i;

	if (geteuid() != 0)
		SKIP(return, "needs root");
	for (i = 0; i < 2; i++) {
		fd[i] = open(DEV_PATH, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		ASSERT_LE(0, fd[i]);
		cfg.flags = KTRACE_CFG_TRACE_SELF | (i ? 0 : KTRACE_CFG_IP);
		ASSERT_EQ(0, ioctl(fd[i], KTRACE_IOC_CONFIGURE, &cfg));
	}
	ASSERT_EQ(0, ioctl(fd[0], KTRACE_IOC_VERSION, &v));
	EXPECT_LE(8, v.abi_minor);
	ASSERT_TRUE(v.features & KTRACE_FEAT_SIGNAL_IP);
	ASSERT_EQ(0, sigaction(SIGSEGV, &sa, NULL));
	ASSERT_EQ(0, sigaction(SIGUSR2, &su, NULL));
	for (i = 0; i < 2; i++)
		ASSERT_EQ(0, ioctl(fd[i], KTRACE_IOC_ENABLE));
	ASSERT_EQ(0, tgkill_at(SIGUSR2, &after));
	fault = fault_at();
	for (i = 0; i < 2; i++) {
		ASSERT_EQ(0, stop_and_drain(fd[i], &t[i]));
		ASSERT_EQ(0, t[i].bad);
		close(fd[i]);
	}
	ASSERT_NE(0, after);
	ASSERT_NE(0, fault);

	d = find_deliver(&t[0], gettid_(), SIGUSR2);
	ASSERT_NE(NULL, d);
	EXPECT_EQ(sizeof(*d), d->hdr.size);
	EXPECT_EQ(after, d->ip);
	d = find_deliver(&t[0], gettid_(), SIGSEGV);
	ASSERT_NE(NULL, d);
	EXPECT_EQ(sizeof(*d), d->hdr.size);
	EXPECT_EQ(fault, d->ip);
	EXPECT_EQ(SEGV_MAPERR, d->code);
	EXPECT_EQ(0, d->si.addr);
	for (i = SIGUSR2; i; i = i == SIGUSR2 ? SIGSEGV : 0) {
		d = find_deliver(&t[1], gettid_(), i);
		ASSERT_NE(NULL, d);
		EXPECT_EQ(short_size, d->hdr.size);
	}
	for (i = 0; i < 2; i++)
		trace_free(&t[i]);
}

TEST(reader_killed_mid_read_then_unload)
{
	struct utsname u;
	char path[256];
	int status, fd;
	pid_t pid;

	if (geteuid() != 0)
		SKIP(return, "needs root");
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0)
		read_forever();
	usleep(300000);
	ASSERT_EQ(0, kill(pid, SIGKILL));
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status));

	ASSERT_EQ(0, syscall(__NR_delete_module, "ktrace", O_NONBLOCK))
		TH_LOG("delete_module: %s", strerror(errno));
	uname(&u);
	snprintf(path, sizeof(path), "%s", getenv("KTRACE_MODULE") ?:
		 "/lib/modules/");
	if (!getenv("KTRACE_MODULE"))
		snprintf(path, sizeof(path),
			 "/lib/modules/%s/extra/ktrace.ko", u.release);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, syscall(__NR_finit_module, fd, "", 0));
	close(fd);
}

TEST_HARNESS_MAIN
