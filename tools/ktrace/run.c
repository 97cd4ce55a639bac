// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): a live session.  Starts the command or attaches to the -p
 * processes, has the kernel filter for them, then takes the records in
 * batches, to the tracer (strace's lines) or, for ktrace record, to a
 * file as they are, until the targets are gone.
 *
 * The session always ends: the command's fate comes from waitpid() (its
 * pidfd wakes the loop), the -p processes' from their pidfds, and with
 * -f the children still awaited are checked against the system once the
 * targets are gone, so that a lost exit record never keeps ktrace
 * waiting.  Between two batches, the outputs are written and signals,
 * the child's exit and write errors are acted upon.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktrace.h"

/* How long the loop sleeps at most, and how often it checks the tasks. */
#define POLL_MS		100
#define SWEEP_NS	100000000LL
/* How long a command killed by ktrace's signal is traced while it dies. */
#define KILL_WAIT_NS	1000000000LL

struct run {
	const struct kt_opts *o;
	bool record;
	int fd;
	struct kt_dev_reader *rd;
	struct kt_timeline *tl;		/* records -> events -> the sink */
	struct kt_out *out;
	pid_t child;
	int child_pidfd;
	bool child_reaped;
	bool child_released;		/* SIGCONT: the command runs */
	int child_status;
	int64_t child_killed;		/* when ktrace's signal was passed on */
	pid_t daemon;			/* -D: the command, not our child */
	int daemon_pidfd;
	bool daemon_gone;
	struct daemon *dmn;
	int pidfd[ARRAY_SIZE(((struct kt_opts *)0)->pids)];
	bool gone[ARRAY_SIZE(((struct kt_opts *)0)->pids)];
	/* Each -p target's id traced: with -f, its process's (trace_id()) */
	pid_t id[ARRAY_SIZE(((struct kt_opts *)0)->pids)];
	/* The -p targets attached, those that could not be left out. */
	int attached[ARRAY_SIZE(((struct kt_opts *)0)->pids)];
	int traced[ARRAY_SIZE(((struct kt_opts *)0)->pids)];	/* their ids */
	unsigned int nthreads[ARRAY_SIZE(((struct kt_opts *)0)->pids)];
	unsigned int nattached;
	/* -f: the tasks forked and not seen exiting, by thread id -> tgid */
	struct kt_pidmap live;
	/* -b execve: the processes detached, by process id */
	struct kt_pidmap detached;
	bool child_exec_seen;		/* the command's own execve */
	int64_t last_sweep;
	bool limit_hit;			/* --syscall-limit reached */
};

static volatile sig_atomic_t interrupted, interrupts;

/* The signal ktrace is to die of as it ends (kt_exit()), or 0. */
static int exit_signal;

/* The first signal ends the trace, a second one its last drain too. */
static void on_signal(int sig)
{
	interrupted = sig;
	interrupts++;
}

static int64_t clock_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int pidfd_open(pid_t pid)
{
	return syscall(SYS_pidfd_open, pid, 0);
}

/*
 * Find the program as execvp() would, so that the traced child makes one
 * execve(), as under strace.  Returns a malloc()ed path, or NULL.
 */
static char *find_program(const char *name)
{
	const char *path = getenv("PATH");
	char *dirs, *dir, *save = NULL, *full = NULL;

	if (strchr(name, '/'))
		return strdup(name);
	dirs = strdup(path && *path ? path : "/usr/local/bin:/usr/bin:/bin");
	if (!dirs)
		return NULL;
	for (dir = strtok_r(dirs, ":", &save); dir;
	     dir = strtok_r(NULL, ":", &save)) {
		if (asprintf(&full, "%s/%s", *dir ? dir : ".", name) < 0) {
			full = NULL;
			break;
		}
		if (!access(full, X_OK))
			break;
		free(full);
		full = NULL;
	}
	free(dirs);
	return full;
}

/* Report errno e on the error pipe and leave. */
static void __attribute__((noreturn)) child_fail(int fd, int e, int code)
{
	if (write(fd, &e, sizeof(e)) < 0)
		_exit(code);
	_exit(code);
}

/* In the command's process, before it executes: -u and -E. */
static int command_setup(const struct kt_opts *o, const struct passwd *pw)
{
	unsigned int i;

	if (!o)
		return 0;
	if (pw && (initgroups(pw->pw_name, pw->pw_gid) ||
		   setgid(pw->pw_gid) || setuid(pw->pw_uid)))
		return -1;
	for (i = 0; i < o->nenv; i++)
		if (strchr(o->env[i], '=') ?
		    putenv((char *)o->env[i]) : unsetenv(o->env[i]))
			return -1;
	return 0;
}

/*
 * Fork the command and have it stop itself before it executes, so that
 * the session can be set up for it.  The stop happens on the way back to
 * user mode, after the kill() syscall has returned: once the child is
 * added and continued, its first syscall is its execve(), and nothing of
 * ktrace's own setup shows in its trace or its counts.  An exec failure
 * comes back on err[0].  @o gives -u and -E, unless NULL (the views).
 */
pid_t kt_start_stopped(char **argv, const struct kt_opts *o, int err[2])
{
	struct passwd *pw = NULL;
	char *prog;
	pid_t pid;
	int status;

	prog = find_program(argv[0]);
	if (!prog) {
		ktrace_err("cannot run '%s': command not found", argv[0]);
		return -1;
	}
	if (pipe2(err, O_CLOEXEC)) {
		ktrace_err("pipe: %s", strerror(errno));
		return -1;
	}
	if (o && o->user)
		pw = getpwnam(o->user);
	pid = fork();
	if (pid < 0) {
		ktrace_err("fork: %s", strerror(errno));
		free(prog);
		return -1;
	}
	if (pid == 0) {
		close(err[0]);
		if (command_setup(o, pw))
			child_fail(err[1], errno, 126);
		kill(getpid(), SIGSTOP);
		execv(prog, argv);
		child_fail(err[1], errno, 127);
	}
	free(prog);
	close(err[1]);
	/* Stopped, or already gone when it could not switch users. */
	waitpid(pid, &status, WUNTRACED);
	return pid;
}

/*
 * -D: the command runs in ktrace's own process, which stays its caller's
 * child, and the tracer in a grandchild that the caller never sees.
 * The two meet in a shared page.  The command's process waits for the
 * tracer's session in read(), before the session traces it, then spins
 * in user mode, making no syscall, while the tracer adds it and enables
 * the session: its first traced call is its execve().  (A stop, as
 * kt_start_stopped() uses, would show to the caller, a shell, as a stopped
 * job.)
 */
enum {
	DAEMON_READY,		/* the tracer is to add the command */
	DAEMON_WAITING,		/* the command spins, out of any syscall */
	DAEMON_GO,		/* traced: execute */
	DAEMON_FAIL,		/* the tracer failed, and said why */
};

/* How long the command spins for a tracer that may have died. */
#define DAEMON_SPINS	(1ULL << 34)

struct daemon {
	int state;		/* DAEMON_* */
};

static void __attribute__((noreturn))
daemon_command(const struct kt_opts *o, char *prog, int rfd,
	       struct daemon *d)
{
	unsigned long long spins;
	struct passwd *pw = o->user ? getpwnam(o->user) : NULL;
	int state;
	char c;

	if (command_setup(o, pw)) {
		ktrace_err("cannot run '%s' as %s: %s", o->argv[0],
			   o->user ? o->user : "asked", strerror(errno));
		_exit(126);
	}
	/* The tracer's session is set up, or the tracer said why not. */
	if (read(rfd, &c, 1) != 1)
		_exit(1);
	__atomic_store_n(&d->state, DAEMON_WAITING, __ATOMIC_RELEASE);
	for (spins = 0; spins < DAEMON_SPINS; spins++) {
		state = __atomic_load_n(&d->state, __ATOMIC_ACQUIRE);
		if (state != DAEMON_WAITING)
			break;
	}
	if (state != DAEMON_GO)
		_exit(1);
	execv(prog, o->argv);
	ktrace_err("cannot run '%s': %s", o->argv[0], strerror(errno));
	_exit(127);
}

/*
 * -D: fork the tracer as a grandchild, in a process group or session of
 * its own for -DD or -DDD.  Returns, in the tracer only, the command's
 * pid, with *wfd the pipe to tell it the session is ready and *d the
 * shared page; -1 after an error.
 */
static pid_t daemonize(const struct kt_opts *o, int *wfd, struct daemon **d)
{
	pid_t command = getpid(), pid;
	int p[2], status;
	char *prog;

	prog = find_program(o->argv[0]);
	if (!prog) {
		ktrace_err("cannot run '%s': command not found", o->argv[0]);
		return -1;
	}
	/* The command's exec is traced: its failures are said before. */
	if (access(prog, X_OK)) {
		ktrace_err("cannot run '%s': %s", o->argv[0], strerror(errno));
		return -1;
	}
	*d = mmap(NULL, sizeof(**d), PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (*d == MAP_FAILED || pipe2(p, O_CLOEXEC)) {
		ktrace_err("-D: %s", strerror(errno));
		return -1;
	}
	(*d)->state = DAEMON_READY;
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		ktrace_err("fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		close(p[0]);
		pid = fork();
		if (pid)
			_exit(pid < 0);
		if ((o->daemonize == KT_DAEMON_PGROUP && setpgid(0, 0)) ||
		    (o->daemonize == KT_DAEMON_SESSION && setsid() < 0)) {
			ktrace_err("-D: %s", strerror(errno));
			_exit(1);
		}
		free(prog);
		*wfd = p[1];
		return command;
	}
	close(p[1]);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status)) {
		ktrace_err("-D: the tracer could not start");
		exit(1);
	}
	daemon_command(o, prog, p[0], *d);
}

/*
 * -D, in the tracer: once the command spins, trace it.  Returns 0, or -1
 * after an error said, the command released to exit.
 */
static int daemon_add(struct run *r, int wfd)
{
	struct pollfd pfd;

	r->daemon_pidfd = pidfd_open(r->daemon);
	if (r->daemon_pidfd < 0 || write(wfd, "", 1) != 1) {
		ktrace_err("-D: the command is gone");
		return -1;
	}
	close(wfd);
	pfd = (struct pollfd){ .fd = r->daemon_pidfd, .events = POLLIN };
	while (__atomic_load_n(&r->dmn->state, __ATOMIC_ACQUIRE) !=
	       DAEMON_WAITING) {
		if (poll(&pfd, 1, 1) > 0) {
			ktrace_err("-D: the command is gone");
			return -1;
		}
	}
	if (kt_dev_pid(r->fd, r->daemon,
		       r->o->follow ? KTRACE_PID_FOLLOW : 0, true)) {
		__atomic_store_n(&r->dmn->state, DAEMON_FAIL, __ATOMIC_RELEASE);
		return -1;
	}
	/* Not with -o FILE (strace's -q), nor among --json's objects. */
	if (!r->o->quiet_attach && !r->o->outfile && !r->o->json)
		fprintf(stderr, "%s: Process %d attached\n", ktrace_prog,
			r->daemon);
	return 0;
}

/* The pid of the command, started by ktrace or by itself (-D), or 0. */
static pid_t command_pid(const struct run *r)
{
	return r->child ? r->child : r->daemon;
}

/*
 * -b execve: a process that executed a program is no longer traced
 * (strace detaches from it), nor what it forks from then on; the
 * session stops recording it, and the trace does not wait for it.
 */
static void detach(struct run *r, pid_t tgid)
{
	unsigned int i;

	if (!kt_pidmap_get(&r->detached, tgid) &&
	    kt_pidmap_put(&r->detached, tgid, (void *)1)) {
		ktrace_err("out of memory");
		exit(1);
	}
	kt_pidmap_del(&r->live, tgid);
	kt_dev_pid_drop(r->fd, tgid);
	for (i = 0; i < r->o->npids; i++)
		if (r->id[i] == tgid)
			r->gone[i] = true;
}

/* -f: follow the forks and exits, to know which tasks are still alive. */
static void track(struct run *r, const struct ktrace_rec_hdr *h)
{
	const struct ktrace_rec_fork *f = (const void *)h;

	if (h->type == KTRACE_REC_FORK && h->size >= sizeof(*f)) {
		if (kt_pidmap_get(&r->detached, h->tgid)) {
			if (f->child_tgid != h->tgid)
				detach(r, f->child_tgid);
			return;
		}
		/* A new process: not the one detached that had its id. */
		kt_pidmap_del(&r->detached, f->child_tgid);
		if (!r->o->follow)
			return;
		if (!kt_pidmap_get(&r->live, f->child_pid) &&
		    kt_pidmap_put(&r->live, f->child_pid,
				  (void *)(intptr_t)f->child_tgid)) {
			ktrace_err("out of memory");
			exit(1);
		}
	} else if (h->type == KTRACE_REC_EXEC && r->o->detach_execve) {
		if (h->tgid == command_pid(r) && !r->child_exec_seen)
			r->child_exec_seen = true;
		else
			detach(r, h->tgid);
	} else if (h->type == KTRACE_REC_EXIT) {
		kt_pidmap_del(&r->live, h->pid);
		if (h->pid == h->tgid)
			kt_pidmap_del(&r->detached, h->pid);
	}
}

/* Forget the tasks that are gone although their exit record never came. */
static void sweep(struct run *r)
{
	struct kt_pidmap_slot *s;
	unsigned int i;

	for (i = 0; i < r->live.cap; i++) {
		s = &r->live.slot[i];
		while (s->val && syscall(SYS_tgkill, (pid_t)(intptr_t)s->val,
					 s->pid, 0) && errno == ESRCH)
			kt_pidmap_del(&r->live, s->pid);
	}
}

/* One batch: to the tracer, or to the recording as it is. */
static int batch(struct run *r, size_t *got, size_t *bytes, bool *eof)
{
	const struct ktrace_rec_hdr *const *recs;
	const void *run = NULL;
	size_t i, n, run_len = 0;

	*bytes = 0;
	if (kt_dev_reader_batch(r->rd, &recs, &n, eof))
		return -1;
	for (i = 0; i < n; i++) {
		*bytes += recs[i]->size;
		if (r->o->follow || r->o->detach_execve)
			track(r, recs[i]);
		if (r->record) {
			/* Records side by side in a ring go out in one write. */
			if (run_len &&
			    (const char *)run + run_len != (const char *)recs[i]) {
				kt_out_write(r->out, run, run_len);
				run_len = 0;
			}
			if (!run_len)
				run = recs[i];
			run_len += recs[i]->size;
		} else if (kt_timeline_feed(r->tl, recs[i])) {
			ktrace_err("reading %s: malformed record (type %u, size %u)",
				   KTRACE_DEV_PATH, recs[i]->type, recs[i]->size);
			return -1;
		}
		/* --syscall-limit: nothing after the last call counted. */
		if (r->tl && r->o->syscall_limit &&
		    kt_timeline_ncalls(r->tl) >= r->o->syscall_limit) {
			r->limit_hit = true;
			break;
		}
	}
	if (run_len)
		kt_out_write(r->out, run, run_len);
	if (r->tl)
		kt_timeline_idle(r->tl);
	kt_dev_reader_done(r->rd);
	*got = n;
	return 0;
}

static void reap(struct run *r)
{
	if (r->child && !r->child_reaped &&
	    waitpid(r->child, &r->child_status, WNOHANG) == r->child)
		r->child_reaped = true;
}

/*
 * -ff: the command's own file made before it runs, as strace makes it:
 * where none can be, the command must not run untraced.  The sink opens
 * it again (empty) at the command's first line.
 */
static int ff_ready(const struct kt_opts *o, pid_t pid)
{
	char path[4096];
	int fd;

	if (o->follow < 2 || !o->outfile)
		return 0;
	snprintf(path, sizeof(path), "%s.%d", o->outfile, pid);
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC |
		  (o->append ? O_APPEND : O_TRUNC), 0666);
	if (fd < 0) {
		ktrace_err("%s: %s", path, strerror(errno));
		return -1;
	}
	close(fd);
	return 0;
}

/* Are the targets gone, all of them, with -f their children too? */
static bool targets_gone(struct run *r)
{
	const struct kt_opts *o = r->o;
	int64_t now;
	unsigned int i;

	if (!r->child && !r->daemon && !o->npids)
		return false;	/* the whole system */
	if (r->child && !r->child_reaped)
		return false;
	if (r->daemon && !r->daemon_gone)
		return false;
	/* With a COMMAND too: as strace, the end of every one. */
	for (i = 0; i < o->npids; i++) {
		if (!r->gone[i] && r->pidfd[i] < 0 &&
		    kill(r->id[i], 0) && errno == ESRCH)
			r->gone[i] = true;
		if (!r->gone[i])
			return false;
	}
	if (!o->follow || !r->live.n)
		return true;
	now = clock_ns(CLOCK_MONOTONIC);
	if (now - r->last_sweep >= SWEEP_NS) {
		r->last_sweep = now;
		sweep(r);
	}
	return !r->live.n;
}

/*
 * The task -p @pid makes ktrace trace: as strace, the thread alone, or
 * with -f the process's every thread and their children, when @pid is
 * any one of its threads.
 */
static pid_t trace_id(const struct kt_opts *o, pid_t pid)
{
	pid_t tgid = o->follow ? kt_proc_tgid(pid) : 0;

	return tgid ? tgid : pid;
}

/* Sleep until records, the child's or a target's exit, or a signal. */
static bool wait_events(struct run *r, int timeout)
{
	struct pollfd pfd[2 + ARRAY_SIZE(r->pidfd)];
	unsigned int n = 0, i, map[2 + ARRAY_SIZE(r->pidfd)];
	bool hup = false;

	pfd[n++] = (struct pollfd){ .fd = r->fd, .events = POLLIN };
	if (r->child_pidfd >= 0 && !r->child_reaped)
		pfd[n++] = (struct pollfd){ .fd = r->child_pidfd, .events = POLLIN };
	if (r->daemon_pidfd >= 0 && !r->daemon_gone)
		pfd[n++] = (struct pollfd){ .fd = r->daemon_pidfd, .events = POLLIN };
	for (i = 0; i < r->o->npids; i++) {
		if (r->pidfd[i] < 0 || r->gone[i])
			continue;
		map[n - 1] = i;
		pfd[n++] = (struct pollfd){ .fd = r->pidfd[i], .events = POLLIN };
	}
	if (poll(pfd, n, timeout) <= 0)
		return false;
	if (pfd[0].revents & POLLHUP)
		hup = true;
	for (i = 1; i < n; i++) {
		if (!pfd[i].revents)
			continue;
		if (pfd[i].fd == r->child_pidfd)
			reap(r);
		else if (pfd[i].fd == r->daemon_pidfd)
			r->daemon_gone = true;
		else
			r->gone[map[i - 1]] = true;
	}
	return hup;
}

/*
 * ktrace's exit status, in trace mode and in the views alike: that of
 * @child, the command it started (or 0), with wait status @status once
 * @reaped; when a signal killed the command, or ktrace (@sig, or 0),
 * ktrace dies of that signal as it ends (kt_exit()), as strace does.
 * ktrace's own signal wins: as strace's terminate(), even over a command
 * that ended on its own meanwhile (between the SIGCONT that lets a
 * stopped one run and the signal passed on, say).
 */
int kt_exit_status(pid_t child, bool reaped, int status, int sig)
{
	if (sig) {
		exit_signal = sig;
	} else if (child && reaped) {
		if (WIFEXITED(status))
			return WEXITSTATUS(status);
		if (WIFSIGNALED(status))
			exit_signal = WTERMSIG(status);
	} else if (child) {
		exit_signal = SIGINT;
	}
	return exit_signal ? 128 + exit_signal : 0;
}

/*
 * ktrace's exit, with @status: by the signal that killed the command or
 * ktrace, if one did, without a core dump; 128 plus it if that signal
 * does not kill.
 */
int kt_exit(int status)
{
	struct rlimit none = { 0, 0 };
	sigset_t set;

	if (!exit_signal)
		return status;
	fflush(NULL);
	setrlimit(RLIMIT_CORE, &none);
	signal(exit_signal, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, exit_signal);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(exit_signal);
	return 128 + exit_signal;
}

/*
 * ktrace's fatal signals, SIGHUP, SIGINT, SIGQUIT and SIGTERM (-I), to
 * @handler, in trace mode and in the views alike; with @block, blocked.
 */
void kt_catch_fatal(void (*handler)(int), bool block)
{
	static const int fatal[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM };
	struct sigaction sa;
	unsigned int i;
	sigset_t set;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&set);
	for (i = 0; i < ARRAY_SIZE(fatal); i++) {
		sigaction(fatal[i], &sa, NULL);
		sigaddset(&set, fatal[i]);
	}
	if (block)
		sigprocmask(SIG_BLOCK, &set, NULL);
}

/*
 * -I never (the default for -o FILE with a command, as strace's): the
 * signals that would end ktrace are blocked, and it ends with the
 * command.  Otherwise ktrace's first such signal ends the trace, and
 * kills the command it started with the same signal, as strace does.
 */
static void signals_setup(struct run *r)
{
	const struct kt_opts *o = r->o;
	unsigned int intr = o->interruptible;
	sigset_t set;

	if (!intr)
		intr = o->outfile && o->argc && !o->daemonize ?
		       KT_INTR_NEVER : KT_INTR_WAITING;
	kt_catch_fatal(on_signal, intr >= KT_INTR_NEVER);
	if (intr != KT_INTR_NEVER_TSTP)
		return;
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_BLOCK, &set, NULL);
}

/*
 * After ktrace's signal: the command it started gets the same, and the
 * trace goes on while it dies, for a second at most.  Does the trace end?
 */
static bool interrupt(struct run *r)
{
	if (interrupts >= 2 || !r->child || r->child_reaped)
		return true;
	if (!r->child_killed) {
		/* Not a SIGCONT line in every trace: only to a stopped one. */
		if (kt_proc_stopped(r->child))
			kill(r->child, SIGCONT);
		kill(r->child, interrupted);
		r->child_killed = clock_ns(CLOCK_MONOTONIC);
		return false;
	}
	return clock_ns(CLOCK_MONOTONIC) - r->child_killed >= KILL_WAIT_NS;
}

/*
 * The trace could not be written: leave, quietly if the reader left.  The
 * session closed, the command started runs on untraced, and ktrace waits
 * for its end, as a trace does: a shell gets its prompt back once the
 * command is done, not while it runs.  ktrace's signal goes to it, as
 * in a trace.
 */
static int write_failed(struct run *r)
{
	pid_t w;

	if (r->fd >= 0)
		close(r->fd);
	r->fd = -1;
	/* Still stopped before its exec: it never ran, and will not. */
	if (r->child > 0 && !r->child_reaped && !r->child_released) {
		kill(r->child, SIGKILL);
		waitpid(r->child, NULL, 0);
		r->child_reaped = true;
	}
	while (r->child > 0 && !r->child_reaped) {
		w = waitpid(r->child, &r->child_status, 0);
		if (w == r->child)
			r->child_reaped = true;
		else if (w < 0 && errno != EINTR)
			break;
		else if (interrupted)
			interrupt(r);	/* passed on once; the wait goes on */
	}
	if (kt_out_error() == EPIPE) {
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
	}
	return 1;
}

/*
 * The -p targets alive as the trace ends, which strace says it detaches
 * (not a process that ended; with -f, each of its threads): their ids in
 * *@tids to free(), and how many.
 */
static unsigned int targets_left(struct run *r, pid_t **tids)
{
	const struct kt_opts *o = r->o;
	unsigned int i, j, n = 0, nthr;
	pid_t *v = NULL, *thr, *nv;

	*tids = NULL;
	for (i = 0; i < o->npids; i++) {
		if (r->gone[i])
			continue;
		nthr = kt_proc_threads(r->id[i], &thr);
		/* A zombie (its exit traced) is not detached; its threads are. */
		if (kt_proc_dead(r->id[i]) && (!o->follow || nthr <= 1)) {
			free(thr);
			continue;
		}
		if (!o->follow)
			nthr = 0;
		nv = realloc(v, (n + (nthr ? nthr : 1)) * sizeof(*v));
		if (!nv) {
			free(thr);
			break;
		}
		v = nv;
		/* As strace: the thread given first, then the others. */
		for (j = 0; j < nthr; j++)
			if (thr[j] == o->pids[i] && !kt_proc_dead(thr[j]))
				v[n++] = thr[j];
		for (j = 0; j < nthr; j++)
			if (thr[j] != o->pids[i] && !kt_proc_dead(thr[j]))
				v[n++] = thr[j];
		if (!nthr)
			v[n++] = o->pids[i];
		free(thr);
	}
	*tids = v;
	return n;
}

/*
 * The trace is written: out to the files, the session closed; in record
 * mode, the -p targets' threads left (@left, @nleft) said detached (the
 * sink says so when tracing).  Returns 0, or 1 after a write error.
 */
static int close_trace(struct run *r, const pid_t *left, unsigned int nleft)
{
	unsigned int i;

	if (kt_out_flush_all())
		return write_failed(r);
	for (i = 0; r->record && !r->o->quiet_attach && i < nleft; i++)
		fprintf(stderr, "%s: Process %d detached\n", ktrace_prog,
			left[i]);
	kt_timeline_free(r->tl);
	kt_dev_reader_free(r->rd);
	close(r->fd);
	return 0;
}

/*
 * The end of a trace that leaves traced tasks running: the sink detaches
 * them, and says so (as strace: -p targets first, in @e->detached).
 */
static void finish_detached(struct run *r, struct kt_end *e)
{
	pid_t *tids;

	e->detach = true;
	e->ndetached = targets_left(r, &tids);
	e->detached = tids;
	kt_timeline_finish(r->tl, e);
	free(tids);
}

/*
 * --syscall-limit: as strace, leave the targets running untraced (the
 * command too, neither waited for nor killed), say so unless -q, and
 * succeed.
 */
static int syscall_limit_reached(struct run *r)
{
	struct kt_end end = { 0 };

	if (!r->o->quiet_attach)
		ktrace_err("System call limit has been reached, detaching tracees");
	end.have_stats = !kt_dev_stats(r->fd, &end.stats);
	finish_detached(r, &end);
	if (close_trace(r, NULL, 0))
		return 1;
	if (r->child_pidfd >= 0)
		close(r->child_pidfd);
	kt_tips_due(true);
	return 0;
}

/*
 * Trace or record (record: write the records to out as they are) what
 * the options select, until the targets are gone or a signal comes.
 * @fd: /dev/ktrace as ktrace_dev_open() gave it, which kt_run() then
 * owns, or -1 to open it here (after -D's fork, whose tracer must own
 * the session so that the command, not the tracer, is traced).
 */
int kt_run(const struct kt_opts *o, struct kt_out *out, bool record, int fd)
{
	static struct run run;
	struct run *r = &run;
	struct kt_target tg = { 0 };
	struct kt_end end = { 0 };
	struct kt_counts *counts = NULL;
	int err[2] = { -1, -1 }, ready = -1;
	struct timespec nap = { 0 };
	struct kt_pace pace;
	int64_t began;
	uint64_t t0;
	bool eof = false, done, cut_short;
	size_t n = 0, bytes;
	unsigned int i, nthr;
	pid_t *tids = NULL, *left = NULL;
	int e, ret;

	r->o = o;
	r->record = record;
	r->out = out;
	r->child_pidfd = -1;
	r->daemon_pidfd = -1;
	for (i = 0; i < ARRAY_SIZE(r->pidfd); i++)
		r->pidfd[i] = -1;
	if (o->daemonize) {
		if (fd >= 0)
			close(fd);
		fd = -1;
		/* From here on, in the tracer. */
		r->daemon = daemonize(o, &ready, &r->dmn);
		if (r->daemon < 0)
			return 1;
	}

	r->fd = fd >= 0 ? fd : ktrace_dev_open();
	if (r->fd < 0)
		return 1;
	fcntl(r->fd, F_SETFL, fcntl(r->fd, F_GETFL) | O_NONBLOCK);
	if (kt_filters_apply(r->fd, o, record))
		return 1;
	/* After CONFIGURE: a mapped ring stays as it is. */
	r->rd = kt_dev_reader_new(r->fd);
	if (!r->rd) {
		ktrace_err("out of memory");
		return 1;
	}

	if (o->argc && !o->daemonize) {
		r->child = kt_start_stopped(o->argv, o, err);
		if (r->child < 0)
			return 1;
	}
	/* After the fork: the command starts with ktrace's signal mask. */
	signals_setup(r);
	if (r->child) {
		if (kt_dev_pid(r->fd, r->child,
			       o->follow ? KTRACE_PID_FOLLOW : 0, true))
			goto kill_child;
		r->child_pidfd = pidfd_open(r->child);
		if (ff_ready(o, r->child))
			goto kill_child;
	}
	for (i = 0; i < o->npids; i++) {
		/*
		 * As strace: a target that cannot be attached, ktrace itself
		 * included, is said in one line and left out; the others are
		 * traced.
		 */
		r->id[i] = trace_id(o, o->pids[i]);
		if (r->id[i] == getpid()) {
			ktrace_err("-p %d: that is ktrace itself", o->pids[i]);
			r->gone[i] = true;
			continue;
		}
		/* strace cannot attach it either; the trace would never end. */
		if (kt_proc_kthread(r->id[i])) {
			ktrace_err("-p %d: a kernel thread, which makes no syscalls",
				   o->pids[i]);
			r->gone[i] = true;
			continue;
		}
		if (kt_dev_pid(r->fd, r->id[i], o->follow ?
			       KTRACE_PID_THREAD_GROUP | KTRACE_PID_FOLLOW : 0,
			       true)) {
			r->gone[i] = true;
			continue;
		}
		r->pidfd[i] = pidfd_open(r->id[i]);
		nthr = o->follow ? kt_proc_threads(r->id[i], &tids) : 1;
		free(tids);
		tids = NULL;
		r->nthreads[r->nattached] = nthr;
		r->traced[r->nattached] = r->id[i];
		r->attached[r->nattached++] = o->pids[i];
	}
	/* Nothing left to trace: the lines said why. */
	if (o->npids && !r->nattached && !o->argc)
		return 1;
	/* A reader that went away is a write error, not a signal. */
	signal(SIGPIPE, SIG_IGN);

	tg.live = true;
	tg.child = command_pid(r);
	tg.pids = r->attached;
	tg.ids = r->traced;
	tg.nthreads = r->nthreads;
	tg.npids = r->nattached;
	tg.mono_to_real = clock_ns(CLOCK_REALTIME) - clock_ns(CLOCK_MONOTONIC);
	if (record) {
		if (kt_record_begin(out, r->fd, o, &tg))
			goto kill_child;
	} else {
		r->tl = kt_timeline_new(o, &tg, out);
		if (!r->tl)
			goto kill_child;
		for (i = 0; i < r->nattached; i++)
			kt_timeline_attach(r->tl, r->traced[i]);
	}

	if (r->daemon && daemon_add(r, ready))
		return 1;
	/*
	 * The calls the targets are in before the session begins: a call
	 * that returns before the snapshot after it is taken prints whole
	 * from this one, instead of as resumed.
	 */
	for (i = 0; i < r->nattached; i++) {
		if (record && kt_record_seed(out, r->fd, o, r->traced[i], 0))
			goto kill_child;
		if (!record)
			kt_timeline_seed(r->tl, r->fd, r->traced[i], 0);
	}
	t0 = clock_ns(CLOCK_MONOTONIC);
	if (kt_dev_enable(r->fd))
		goto kill_child;
	/*
	 * Said once the session records them, as strace says it.  Not with
	 * -o FILE and a COMMAND, where -q is strace's default, nor on the
	 * standard error that --json writes its objects to.
	 */
	for (i = 0; i < r->nattached && !o->quiet_attach &&
	     !(o->outfile && o->argc && !record) &&
	     !(o->json && !o->outfile); i++) {
		if (r->nthreads[i] > 1)
			fprintf(stderr, "%s: Process %d attached with %u threads\n",
				ktrace_prog, r->attached[i], r->nthreads[i]);
		else
			fprintf(stderr, "%s: Process %d attached\n", ktrace_prog,
				r->attached[i]);
	}
	/* The calls the targets are in, a blocked one shown at once. */
	for (i = 0; i < r->nattached; i++) {
		if (record && kt_record_seed(out, r->fd, o, r->traced[i], t0))
			goto kill_child;
		if (!record)
			kt_timeline_seed(r->tl, r->fd, r->traced[i], t0);
	}
	if (r->nattached && !record) {
		kt_timeline_idle(r->tl);
		if (kt_out_flush_all())
			return write_failed(r);
	}
	if (r->daemon)
		__atomic_store_n(&r->dmn->state, DAEMON_GO, __ATOMIC_RELEASE);
	if (r->child) {
		kill(r->child, SIGCONT);
		r->child_released = true;
		if (read(err[0], &e, sizeof(e)) == sizeof(e)) {
			ktrace_err("cannot run '%s': %s", o->argv[0], strerror(e));
			waitpid(r->child, NULL, 0);
			return 1;
		}
		close(err[0]);
	}

	kt_pace_start(&pace, clock_ns(CLOCK_MONOTONIC));
	for (;;) {
		if (wait_events(r, n ? 0 : POLL_MS))
			eof = true;
		/*
		 * The nap comes after poll(), which wakes the tasks that wait
		 * for the room the last batch made (throttling): they run
		 * while we nap, instead of waiting for it to end.
		 */
		if (nap.tv_nsec && !eof)
			nanosleep(&nap, NULL);
		began = clock_ns(CLOCK_MONOTONIC);
		if (batch(r, &n, &bytes, &eof))
			return 1;
		if (kt_out_flush_all())
			return write_failed(r);
		if (r->child_pidfd < 0)
			reap(r);
		if (r->limit_hit)
			break;
		if (eof)
			done = true;
		else if (interrupted)
			done = interrupt(r);
		else
			done = targets_gone(r);
		if (done)
			break;
		/*
		 * After a batch that took all there was, a nap (pace.c), for
		 * as long as the rings can take at the rate records came in.
		 */
		nap.tv_nsec = kt_pace_batch(&pace, bytes,
					    kt_dev_reader_full(r->rd), began,
					    kt_dev_reader_ring_size(r->rd));
	}

	/*
	 * A signal, or the device's end of data, ended the trace before its
	 * targets: what still runs is detached.
	 */
	cut_short = interrupted || eof;

	/*
	 * The targets are gone, but may have filled a ring since the last
	 * batch (while we were stopped, say): take what they left before
	 * disabling, which writes the LOSS record of the drops that no
	 * record followed, if the ring has room for it.
	 */
	for (i = 0; !interrupted && !eof && !r->limit_hit && i < 8; i++) {
		if (batch(r, &n, &bytes, &eof))
			return 1;
		if (kt_out_flush_all())
			return write_failed(r);
		if (!n || !kt_dev_reader_full(r->rd))
			break;
	}

	/* Disabled, the rings only drain. */
	kt_dev_disable(r->fd);
	if (r->limit_hit)
		return syscall_limit_reached(r);
	do {
		if (batch(r, &n, &bytes, &eof))
			return 1;
		if (kt_out_flush_all())
			return write_failed(r);
	} while (n && !eof && interrupts < 2);
	reap(r);

	end.child_reaped = r->child_reaped;
	end.child_status = r->child_status;
	end.have_stats = !kt_dev_stats(r->fd, &end.stats);
	if (record || o->summary_only || o->summary) {
		counts = malloc(sizeof(*counts));
		if (counts && !kt_dev_counts(r->fd, counts)) {
			/* Not the calls recorded for the descriptor tables. */
			kt_filters_counts(counts);
			end.counts = counts;
		}
	}
	if (record) {
		end.detach = cut_short;
		/* The end record lists them, for report to say as live. */
		end.ndetached = targets_left(r, &left);
		end.detached = left;
		kt_record_end(out, &end, clock_ns(CLOCK_MONOTONIC));
		if (end.have_stats && end.stats.lost_full + end.stats.lost_nest)
			ktrace_err("%llu records were lost: the traced programs outran the rings (a larger ring helps)",
				   (unsigned long long)(end.stats.lost_full +
							end.stats.lost_nest));
	} else if (cut_short) {
		end.end_ts = clock_ns(CLOCK_MONOTONIC);
		finish_detached(r, &end);
	} else {
		end.end_ts = clock_ns(CLOCK_MONOTONIC);
		kt_timeline_finish(r->tl, &end);
	}
	free(counts);
	ret = close_trace(r, left, end.ndetached);
	free(left);
	if (ret)
		return 1;
	kt_tips_due(true);
	return kt_exit_status(r->child, r->child_reaped, r->child_status,
			      interrupted);

kill_child:
	if (r->daemon)
		__atomic_store_n(&r->dmn->state, DAEMON_FAIL, __ATOMIC_RELEASE);
	if (r->child > 0) {
		kill(r->child, SIGKILL);
		waitpid(r->child, NULL, 0);
	}
	return 1;
}

/* ktrace [OPTIONS] [COMMAND]: trace, to stderr or -o FILE. */
int kt_trace(const struct kt_opts *o)
{
	struct kt_out out;
	int fd, ret;

	if (kt_filters_check(o))
		return 1;
	/* Without a module to trace with, FILE keeps what it holds. */
	fd = ktrace_dev_open();
	if (fd < 0)
		return 1;
	if (o->outfile && o->follow < 2) {
		if (kt_out_open(&out, o->outfile)) {
			close(fd);
			return 1;
		}
	} else {
		kt_out_fd(&out, STDERR_FILENO, "standard error");
	}
	ret = kt_run(o, &out, false, fd);
	if (kt_out_close(&out)) {
		kt_tips_due(false);
		if (!ret)
			ret = 1;
	}
	return ret;
}
