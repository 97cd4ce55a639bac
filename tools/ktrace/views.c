// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): what the process lifecycle views (tree, zombies, hung, top,
 * signals) share: durations and wait statuses in words, a PID argument
 * checked, and a blocked task's syscall decoded as strace would print its
 * entry, from the registers of a KTRACE_IOC_TASKS snapshot and the
 * task's memory read with process_vm_readv().
 */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktrace.h"
#include "decode.h"
#include "events.h"

/* "12.345s", "1.2ms", "850us": three significant digits or so. */
const char *kt_view_dur(char *buf, size_t len, uint64_t ns)
{
	if (ns >= 100000000000ULL)
		snprintf(buf, len, "%llus", (unsigned long long)(ns / 1000000000));
	else if (ns >= 1000000000)
		snprintf(buf, len, "%.3fs", ns / 1e9);
	else if (ns >= 1000000)
		snprintf(buf, len, "%.1fms", ns / 1e6);
	else
		snprintf(buf, len, "%lluus", (unsigned long long)(ns / 1000));
	return buf;
}

/* A wait status in words: "exit 3", "SIGKILL", "SIGSEGV (core dumped)". */
const char *kt_view_status(char *buf, size_t len, int status)
{
	const char *sig;

	if (WIFEXITED(status)) {
		snprintf(buf, len, "exit %d", WEXITSTATUS(status));
	} else if (WIFSIGNALED(status)) {
		sig = kt_signal_name(WTERMSIG(status));
		if (sig)
			snprintf(buf, len, "%s%s", sig,
				 WCOREDUMP(status) ? " (core dumped)" : "");
		else
			snprintf(buf, len, "signal %d%s", WTERMSIG(status),
				 WCOREDUMP(status) ? " (core dumped)" : "");
	} else {
		snprintf(buf, len, "status 0x%x", status);
	}
	return buf;
}

/*
 * A PID argument: a whole positive number, else one line and -1.  The
 * views watch processes: the id of a thread that does not lead its
 * process names that process.
 */
pid_t kt_view_pid(const char *view, const char *s)
{
	char *end;
	pid_t tgid;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || end == s || v <= 0 || v > INT_MAX) {
		ktrace_err("%s: invalid PID '%s'", view, s);
		return -1;
	}
	tgid = kt_proc_tgid(v);
	return tgid > 0 ? tgid : v;
}

/*
 * A view that follows process @pid sees nothing of ktrace itself: the
 * module leaves its session's owner out; nor of a kernel thread, which
 * makes no syscall and never ends.  True after one line if it is either.
 */
bool kt_view_self(pid_t pid)
{
	if (pid && kt_proc_kthread(pid)) {
		ktrace_err("-p %d: a kernel thread, which makes no syscalls",
			   pid);
		return true;
	}
	if (pid != getpid())
		return false;
	ktrace_err("-p %d: that is ktrace itself", pid);
	return true;
}

/*
 * The options every view shares: -p PID, --json (unless o->no_json) and
 * --help, and for a view
 * of a command, the COMMAND after them (or -p, one of the two).  The
 * view's own options go to o->opt; it returns 0, or -1 having said what
 * is wrong.  Returns 0 to go on, 1 after --help (exit 0), -1 after an
 * error said in one line (exit 1).
 */
int kt_view_options(struct kt_view_opts *o, int argc, char **argv)
{
	static const struct option common[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
	};
	struct option longopts[KT_VIEW_MAX_OPTS + ARRAY_SIZE(common) + 1];
	char shortopts[32];
	size_t n = 0;
	int c, word;

	for (; o->longopts && o->longopts[n].name; n++) {
		if (n == KT_VIEW_MAX_OPTS)
			abort();	/* a view with too many options */
		longopts[n] = o->longopts[n];
	}
	/* --help always, --json for the views that write it */
	if (o->no_json) {
		longopts[n++] = common[1];
	} else {
		memcpy(longopts + n, common, sizeof(common));
		n += ARRAY_SIZE(common);
	}
	memset(longopts + n, 0, sizeof(*longopts));
	snprintf(shortopts, sizeof(shortopts), "+:p:h%s",
		 o->shortopts ? o->shortopts : "");

	opterr = 0;
	optind = 1;
	/* word: the argument read, as kt_parse_args() names a refused one */
	while ((word = optind,
		c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			if (o->pid) {
				ktrace_err("%s: one -p PID, not several",
					   o->view);
				return -1;
			}
			o->pid = kt_view_pid(o->view, optarg);
			if (o->pid < 0)
				return -1;
			break;
		case 'j':
			o->json = true;
			break;
		case 'h':
			o->usage(stdout);
			return 1;
		case ':':
		case '?':
			kt_opt_refuse(o->view, argv[word], c == ':');
			return -1;
		default:
			if (o->opt(o->ctx, c, optarg))
				return -1;
		}
	}
	o->argv = argv + optind;
	o->argc = argc - optind;
	if (o->command && !o->argc == !o->pid) {
		ktrace_err("%s: give a COMMAND after '--' or -p PID, one of them",
			   o->view);
		return -1;
	}
	if (!o->command && o->argc) {
		ktrace_err("%s: unexpected argument '%s'", o->view, o->argv[0]);
		return -1;
	}
	return 0;
}

/* --interval: seconds, from @min to an hour; -1 (said) if not that. */
double kt_view_interval(const char *view, const char *s, double min)
{
	double v = kt_view_number(s);

	if (v < min || v > 3600) {
		ktrace_err("%s: invalid interval '%s' (seconds, %g to 3600)",
			   view, s, min);
		return -1;
	}
	return v;
}

/* --count: a whole number of rounds, at least 1; -1 (said) if not. */
double kt_view_count(const char *view, const char *s)
{
	double v = kt_view_number(s);

	if (v < 1 || v != (unsigned long)v) {
		ktrace_err("%s: invalid count '%s'", view, s);
		return -1;
	}
	return v;
}

/*
 * A view's output written out: 0, or 1 after a write error said in one
 * line (a full disk, /dev/full).  A reader that left (EPIPE, where the
 * view ignores SIGPIPE while its command runs) ends ktrace quietly by
 * SIGPIPE, as it ends other filters.
 */
int kt_view_flush(void)
{
	int e;

	errno = 0;
	if (!fflush(stdout) && !ferror(stdout))
		return 0;
	e = errno ? errno : EIO;
	if (e == EPIPE) {
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
	}
	ktrace_err("writing standard output: %s", strerror(e));
	return 1;
}

/* A number of milliseconds or seconds; -1 if not one. */
double kt_view_number(const char *s)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || *end || end == s || !(v >= 0) || v > 1e9)
		return -1;
	return v;
}

/*
 * The state letter of @pid and its parent's id, from /proc/PID/stat, and
 * in *@field (if not NULL) its field number @n (from 4 on: 9 the flags,
 * 20 the threads of its process); false if it is gone or the file is not
 * as expected.
 */
static bool proc_stat_field(pid_t pid, char *state, int *ppid, int n,
			    unsigned long *field)
{
	char buf[512], *p;
	int i;

	if (kt_proc_read(pid, "stat", buf, sizeof(buf)) <= 0)
		return false;
	/* After the command's name, which may hold anything: ')', '\n'. */
	p = strrchr(buf, ')');
	if (!p || sscanf(p + 1, " %c %d", state, ppid) != 2)
		return false;
	if (!field)
		return true;
	/* p + 1 is the space before the 3rd field, the state. */
	for (i = 3; i <= n && p; i++)
		p = strchr(p + 1, ' ');
	return p && sscanf(p, " %lu", field) == 1;
}

static bool proc_stat_threads(pid_t pid, char *state, int *ppid,
			      int *threads)
{
	unsigned long v;

	if (!proc_stat_field(pid, state, ppid, 20, &v))
		return false;
	*threads = v;
	return true;
}

/* Is @pid a kernel thread, which makes no syscall and never exits? */
bool kt_proc_kthread(pid_t pid)
{
	unsigned long flags;
	char state;
	int ppid;

	/* PF_KTHREAD, include/linux/sched.h */
	return proc_stat_field(pid, &state, &ppid, 9, &flags) &&
	       (flags & 0x00200000);
}

static bool proc_stat(pid_t pid, char *state, int *ppid)
{
	return proc_stat_field(pid, state, ppid, 0, NULL);
}

/* The parent of @pid now, from /proc (0: gone or unknown). */
pid_t kt_view_ppid(pid_t pid)
{
	char state;
	int ppid;

	return proc_stat(pid, &state, &ppid) ? ppid : 0;
}

/*
 * Has process @pid exited, its parent not having reaped it yet?  The
 * module refuses such a zombie as it refuses a pid that names no task
 * (ESRCH); /proc still shows it, in state Z.  Its parent's id in *@ppid.
 * Not a process whose first thread exited while others run on: /proc
 * shows that thread in state Z too, the process with its live threads.
 */
bool kt_proc_zombie(pid_t pid, int *ppid)
{
	char state;
	int threads;

	return proc_stat_threads(pid, &state, ppid, &threads) &&
	       state == 'Z' && threads <= 1;
}

/*
 * Is @pid the first thread of a process, exited while others run on?
 * How many run on, then.  The module refuses to trace such a thread alone
 * (ESRCH), as any exited one; its process (-f) it traces.
 */
int kt_proc_leader_exited(pid_t pid)
{
	char state;
	int ppid, threads;

	if (!proc_stat_threads(pid, &state, &ppid, &threads) ||
	    state != 'Z' || threads <= 1)
		return 0;
	return threads - 1;
}

/*
 * Is process @pid stopped, by a signal or a tracer?  True when /proc
 * cannot tell, for a caller that then continues it anyway.
 */
bool kt_proc_stopped(pid_t pid)
{
	char state;
	int ppid;

	return !proc_stat(pid, &state, &ppid) || state == 'T' || state == 't';
}

/* Is task @pid gone, or a zombie (its exit seen, not yet reaped)? */
bool kt_proc_dead(pid_t pid)
{
	char state;
	int ppid;

	return !proc_stat(pid, &state, &ppid) || state == 'Z' || state == 'X';
}

unsigned int kt_proc_threads(pid_t pid, pid_t **tids)
{
	unsigned int n = 0, cap = 0;
	char path[64];
	struct dirent *d;
	pid_t *v = NULL;
	DIR *dir;

	*tids = NULL;
	snprintf(path, sizeof(path), "/proc/%d/task", pid);
	dir = opendir(path);
	if (!dir)
		return 0;
	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.')
			continue;
		if (n == cap) {
			pid_t *nv = realloc(v, (cap ? 2 * cap : 16) * sizeof(*v));

			if (!nv) {
				n = 0;
				break;
			}
			v = nv;
			cap = cap ? 2 * cap : 16;
		}
		v[n++] = atoi(d->d_name);
	}
	closedir(dir);
	if (!n) {
		free(v);
		return 0;
	}
	qsort(v, n, sizeof(*v), kt_pid_cmp);
	*tids = v;
	return n;
}

/* qsort(): the longest off CPU (blocked, or a zombie) first, then by pid. */
int kt_view_by_off_cpu(const void *a, const void *b)
{
	const struct ktrace_task *x = a, *y = b;

	return x->off_cpu_ns < y->off_cpu_ns ? 1 :
	       x->off_cpu_ns > y->off_cpu_ns ? -1 : x->pid - y->pid;
}

uint64_t kt_view_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

struct fd_ctx {
	pid_t pid;
	char path[PATH_MAX];
};

/* -y for a snapshot: the fd's target in /proc, as strace shows it. */
static const char *fd_path(void *ctx, int fd)
{
	struct fd_ctx *c = ctx;
	char link[64];
	ssize_t n;

	if (fd == -100)
		snprintf(link, sizeof(link), "/proc/%d/cwd", c->pid);
	else
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", c->pid, fd);
	n = readlink(link, c->path, sizeof(c->path) - 1);
	if (n < 0)
		return NULL;
	c->path[n] = '\0';
	return c->path;
}

/*
 * Up to @len bytes of @pid's memory at @addr, fewer where a page is
 * missing: by process_vm_readv(), else (a kernel without it) through
 * /proc/PID/mem.  The bytes read, 0 if none.
 */
static size_t read_mem(pid_t pid, uint64_t addr, void *buf, size_t len)
{
	struct iovec local = { buf, len };
	struct iovec remote = { (void *)(uintptr_t)addr, len };
	char path[64];
	ssize_t n;
	int fd;

	n = process_vm_readv(pid, &local, 1, &remote, 1, 0);
	if (n > 0)
		return n;
	snprintf(path, sizeof(path), "/proc/%d/mem", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = pread(fd, buf, len, (off_t)addr);
	close(fd);
	return n > 0 ? n : 0;
}

/*
 * What the module copies at a call's enter (module/capture.def: its in
 * lines of a path, buffer, structure or address whose size the
 * arguments give), for reading it from a blocked task's memory: the
 * rules named as the module names them, a rule's size (FIXED: bytes;
 * ARG: bytes per unit of argument len_arg; ARG_PLUS: bytes past it), its
 * condition on argument if_arg (255: none).
 */
enum { KT_CAPIN_PATH, KT_CAPIN_BUF, KT_CAPIN_DATA, KT_CAPIN_SOCKADDR };
enum { KT_CAPIN_STR, KT_CAPIN_FIXED, KT_CAPIN_ARG, KT_CAPIN_ARG_PLUS };

struct kt_capin {
	const char *name;
	uint8_t ia32, arg, kind, rule, len_arg;
	uint32_t size;
	uint8_t if_arg;
	uint32_t if_val, if_mask;
};

#include "capin.h"

/* As the module copies them by default: its snap length. */
#define KT_VIEW_SNAPLEN		256
/* struct sockaddr_storage, the most of an address the module copies */
#define KT_SOCKADDR_MAX		128

static const uint8_t blob_kinds[] = {
	[KT_CAPIN_PATH] = KTRACE_BLOB_PATH,
	[KT_CAPIN_BUF] = KTRACE_BLOB_BUF,
	[KT_CAPIN_DATA] = KTRACE_BLOB_DATA,
	[KT_CAPIN_SOCKADDR] = KTRACE_BLOB_SOCKADDR,
};

/* The next blob of @en, its data at *@pos (8-byte aligned). */
static struct ktrace_blob *blob_add(struct ktrace_rec_sys_enter *en,
				    uint32_t *pos, unsigned int kind,
				    unsigned int arg)
{
	struct ktrace_blob *b = &en->blobs[en->nblobs++];

	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->arg = arg;
	b->offset = *pos;
	return b;
}

/*
 * The in blobs of @en's call, read from thread @pid's memory as the
 * module copies them at an enter, into the room after the descriptors
 * (@en is KT_TASK_ENTER_MAX bytes); the record's size.  A structure not
 * all readable is a fault, as the module's copy fails whole; a string
 * ends where its page does.
 */
static uint32_t task_blobs(struct ktrace_rec_sys_enter *en, const char *name,
			   pid_t pid)
{
	bool ia32 = en->abi == KTRACE_ABI_COMPAT;
	uint8_t *rec = (uint8_t *)en, *data;
	const struct kt_capin *c;
	struct ktrace_blob *b;
	uint64_t len, want, got;
	uint32_t pos;
	size_t i;

	en->nblobs = 0;
	/* Descriptors first: at most KT_TASK_BLOBS of them. */
	pos = sizeof(*en) + KT_TASK_BLOBS * sizeof(en->blobs[0]);
	for (i = 0; i < ARRAY_SIZE(kt_capin); i++) {
		c = &kt_capin[i];
		if (c->ia32 != ia32 || strcmp(c->name, name))
			continue;
		if (c->if_arg != 255 &&
		    ((uint32_t)en->args[c->if_arg] & c->if_mask) != c->if_val)
			continue;
		if (!en->args[c->arg] && c->rule != KT_CAPIN_STR)
			continue;
		if (en->nblobs == KT_TASK_BLOBS)
			break;
		switch (c->rule) {
		case KT_CAPIN_STR:
			len = KT_VIEW_SNAPLEN;
			break;
		case KT_CAPIN_FIXED:
			len = c->size;
			break;
		default:
			len = ia32 ? (uint32_t)en->args[c->len_arg] :
				     en->args[c->len_arg];
			if (c->rule == KT_CAPIN_ARG_PLUS)
				len = len > UINT64_MAX - c->size ?
				      UINT64_MAX : len + c->size;
			else
				len = len > UINT64_MAX / c->size ?
				      UINT64_MAX : len * c->size;
			break;
		}
		/* The module's sockaddr_storage: no more, and not cut. */
		if (c->kind == KT_CAPIN_SOCKADDR && len > KT_SOCKADDR_MAX)
			len = KT_SOCKADDR_MAX;
		b = blob_add(en, &pos, blob_kinds[c->kind], c->arg);
		want = len < KT_VIEW_SNAPLEN ? len : KT_VIEW_SNAPLEN;
		data = rec + pos;
		got = read_mem(pid, en->args[c->arg], data, want);
		if (c->kind == KT_CAPIN_PATH) {
			const uint8_t *z = memchr(data, 0, got);

			if (!got) {
				b->flags = KTRACE_BF_FAULT;
			} else if (z) {
				b->len = z - data + 1;
			} else {
				/* As the module: cut, its last byte a NUL. */
				data[got - 1] = '\0';
				b->len = got;
				b->flags = KTRACE_BF_TRUNC;
			}
		} else if (got < want) {
			b->flags = KTRACE_BF_FAULT;
		} else {
			b->len = got;
			if (len > want)
				b->flags = KTRACE_BF_TRUNC;
		}
		pos += (b->len + 7) & ~7U;
	}
	return pos;
}

static_assert(sizeof(struct ktrace_rec_sys_enter) + KT_TASK_BLOBS *
	      (sizeof(struct ktrace_blob) + KT_VIEW_SNAPLEN) <=
	      KT_TASK_ENTER_MAX, "a blocked call's enter record fits");

void kt_task_hdr(const struct ktrace_task *k, uint64_t ts,
		 struct ktrace_rec_hdr *h)
{
	memset(h, 0, sizeof(*h));
	h->ts = ts;
	h->pid = k->pid;
	h->tgid = k->tgid;
	memcpy(h->comm, k->comm, sizeof(h->comm));
}

struct ktrace_rec_sys_enter *kt_task_enter(const struct ktrace_task *k,
					   uint64_t ts, void *buf)
{
	enum ktrace_cli_abi abi = kt_cli_abi(k->abi);
	struct ktrace_rec_sys_enter *en = buf;
	const char *name = ktrace_syscall_name(abi, k->nr);

	memset(en, 0, sizeof(*en));
	kt_task_hdr(k, ts, &en->hdr);
	en->hdr.type = KTRACE_REC_SYS_ENTER;
	en->nr = k->nr;
	en->abi = k->abi;
	memcpy(en->args, k->args, sizeof(en->args));
	en->hdr.size = name ? task_blobs(en, name, k->pid) : sizeof(*en);
	return en;
}

/*
 * The scheduler's clock, which says how long a task has been off its CPU,
 * and CLOCK_MONOTONIC, of @t0, are two clocks: a thread must have left its
 * CPU this much before @t0 to count as blocked since before it.
 */
#define KT_ATTACH_MARGIN_NS	10000000ULL

/*
 * A thread on a CPU when the snapshot is taken is not in it: its saved
 * registers do not say whether it is in a call.  One woken in its call
 * (a byte came, not yet all it waits for) is back asleep in it a moment
 * later, so the threads a snapshot missed are looked for again, this
 * many times, KT_ATTACH_NAP_NS apart: a thread in user mode costs the
 * attach 20 ms.
 */
#define KT_ATTACH_TRIES		10
#define KT_ATTACH_NAP_NS	2000000L

/* The threads to look for, sorted, and which a snapshot found. */
struct attach_want {
	pid_t *tids;
	bool *seen;
	unsigned int n, left;
};

/* Was @tid wanted and not seen yet?  It is seen from now on. */
static bool attach_take(struct attach_want *w, pid_t tid)
{
	pid_t *p = bsearch(&tid, w->tids, w->n, sizeof(*p), kt_pid_cmp);

	if (!p || w->seen[p - w->tids])
		return false;
	w->seen[p - w->tids] = true;
	w->left--;
	return true;
}

static int attach_pass(int fd, pid_t tgid, uint64_t t0, kt_call_fn fn,
		       void *ctx, struct attach_want *w)
{
	struct ktrace_task *t;
	uint64_t now;
	size_t i, n;
	int ret = 0;

	if (kt_dev_tasks(fd, KTRACE_TASKS_SYSCALL, tgid, 0, &t, &n, &now))
		return -1;
	for (i = 0; i < n && !ret; i++) {
		const struct ktrace_task *k = &t[i];
		unsigned int how = 0;

		if (!attach_take(w, k->pid))
			continue;
		/* Not a call -e trace= leaves out: strace does not show it. */
		if ((k->flags & KTRACE_TASK_IN_SYSCALL) && k->nr >= 0 &&
		    kt_filters_traced(k->abi, k->nr))
			how |= KT_ATTACH_CALL;
		/* Before the session (@t0 0): the call alone, for its exit. */
		if (!t0) {
			if (how)
				ret = fn(ctx, k, how, now);
			continue;
		}
		if ((k->flags & KTRACE_TASK_STOPPED) && k->exit_code > 0 &&
		    k->exit_code < 65)
			how |= KT_ATTACH_STOPPED;
		/*
		 * Not a stopped thread: it may be past its call already, on
		 * its way out to a signal stop, and be restarted in another.
		 */
		if ((how & KT_ATTACH_CALL) && now > t0 && k->state != 'T' &&
		    k->state != 't' &&
		    k->off_cpu_ns > now - t0 + KT_ATTACH_MARGIN_NS)
			how |= KT_ATTACH_BLOCKED;
		if (how)
			ret = fn(ctx, k, how, now);
	}
	free(t);
	return ret;
}

int kt_attach_calls(int fd, pid_t pid, bool group, uint64_t t0, kt_call_fn fn,
		    void *ctx)
{
	const struct timespec nap = { 0, KT_ATTACH_NAP_NS };
	struct attach_want w = { 0 };
	struct ktrace_version v;
	pid_t tgid = kt_proc_tgid(pid);
	unsigned int i;
	int ret = 0;

	if (ktrace_dev_version(fd, &v) || v.abi_minor < 4)
		return -1;
	if (!tgid)
		tgid = pid;
	/* With -f, a process's every thread; else the thread PID alone. */
	if (group)
		w.n = kt_proc_threads(tgid, &w.tids);
	if (!w.n) {
		w.tids = malloc(sizeof(*w.tids));
		if (!w.tids)
			return -1;
		w.tids[0] = pid;
		w.n = 1;
	}
	w.seen = calloc(w.n, sizeof(*w.seen));
	if (!w.seen) {
		free(w.tids);
		return -1;
	}
	w.left = w.n;
	for (i = 0; i < (t0 ? KT_ATTACH_TRIES : 1) && w.left && !ret; i++) {
		if (i)
			nanosleep(&nap, NULL);
		ret = attach_pass(fd, tgid, t0, fn, ctx, &w);
	}
	free(w.tids);
	free(w.seen);
	return ret;
}

/*
 * "name(args, ...)": the syscall @t is blocked in, as strace prints its
 * entry, with what its pointer arguments point to read from the task's
 * memory (kt_task_enter()).
 */
void kt_view_syscall(struct kt_buf *b, const struct ktrace_task *t)
{
	static uint64_t rec[KT_TASK_ENTER_MAX / 8];
	struct ktrace_rec_sys_enter *en = kt_task_enter(t, 0, rec);
	struct kt_syscall sc = { .abi = kt_cli_abi(t->abi), .nr = t->nr };
	static struct fd_ctx ctx;
	struct kt_fmt_opts o = {
		.strsize = 32, .fd_paths = true, .fd_path = fd_path, .ctx = &ctx,
	};

	memcpy(sc.args, t->args, sizeof(sc.args));
	kt_sc_take_blobs(&sc, NULL, en, en->blobs, en->nblobs, en->hdr.size);
	ctx.pid = t->pid;
	kt_format_call(b, &sc, &o);
	/* The arguments only the return would show: strace's "...". */
	if (b->len >= 2 && !strcmp(b->s + b->len - 2, ", "))
		kt_buf_printf(b, "...)");
	else
		kt_buf_printf(b, ")");
}

/* A JSON string, escaped as --json escapes strings (Documentation/json.rst). */
void kt_json_string(FILE *f, const char *s)
{
	struct kt_buf b = { 0 };

	kt_buf_json_str(&b, s, (size_t)-1);
	fwrite(b.s, 1, b.len, f);
	free(b.s);
}
