// SPDX-License-Identifier: GPL-2.0
/*
 * The scenarios the lifecycle views are tested on, each built on purpose
 * and each printing what the view should find:
 *
 *   views zombie CODE      a child exits with CODE, never reaped; prints
 *                          the child's pid once it is a zombie, then
 *                          sleeps until killed
 *   views reap MS CODE     the same, but the parent reaps it after MS ms,
 *                          then sleeps until killed
 *   views lazy MS CODE     a child exits with CODE, the parent reaps it
 *                          MS ms later and exits 0
 *   views orphan           a child forks a grandchild and exits; the
 *                          grandchild (reparented) exits 5 a moment later
 *   views pipe             blocks reading an empty pipe
 *   views blocked DIR      five threads block, each in a call whose
 *                          arguments point to memory: an open of the FIFO
 *                          DIR/fifo, a write to a full pipe of a buffer
 *                          of "x", a poll of an empty pipe, an F_SETLKW of
 *                          DIR/lock that a child holds, a connect to the
 *                          full listener DIR/sock; prints "ready" once
 *                          all are on their way in, then waits
 *   views sleep MS         one nanosleep of MS ms
 *   views trickle          the main thread receives 200 bytes at a time
 *                          with MSG_WAITALL from a stream socket another
 *                          thread writes a byte a millisecond to: a call
 *                          that wakes often, and lasts, until killed
 *   views forks RATE MS [FILE]
 *                          forks RATE children a second for MS ms, each
 *                          exiting at once and reaped; with FILE, writes
 *                          there how many it forked so far after each one
 *                          (the truth when a slow kernel cannot keep up)
 *   views calls RATE MS FILE
 *                          RATE times a second for MS ms: four getppid()
 *                          and one close(-1), which fails; writes to FILE
 *                          after each round "CALLS ERRORS", every syscall
 *                          it made so far (the sleeps and writes too) and
 *                          those that failed: the truth for ktrace top
 *                          (RATE * MS / 1000 rounds: longer on a slow
 *                          kernel)
 *   views sigblock MS      blocks SIGUSR1, sends it to itself, unblocks it
 *                          MS ms later (a handler runs)
 *   views sigign           ignores SIGUSR2 and sends it to itself
 *   views sigfatal         sends itself SIGTERM, default action
 *   views chain N          a chain of N forks: each process forks the
 *                          next, waits for it and exits 0
 *   views threads N [hold] N threads block reading a pipe; prints "ready"
 *                          once all are made; at SIGUSR1 the main thread
 *                          closes the pipe, each thread exits, and once
 *                          it has joined them all the main thread exits 0
 *                          (with hold, prints "joined" and waits until
 *                          killed)
 *   views nested           the main thread makes a thread, which makes
 *                          another and joins it; the main thread joins
 *                          the first and exits 0
 *   views leaderless       the main thread exits (pthread_exit()) while a
 *                          second runs on; that one prints the process's
 *                          id once /proc shows the main thread a zombie,
 *                          then waits in pause() until killed
 */
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts))
		;
}

static void on_usr1(int sig)
{
	(void)sig;
}

static long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

/*
 * views calls: every syscall counted, errors apart.  The pace is kept
 * from round to round, never caught up: a slow kernel gives a lower rate,
 * not bursts, and runs longer than MS.
 */
static int calls(long rate, long ms, const char *file)
{
	long calls = 0, errors = 0, round, rounds = rate * ms / 1000;
	struct timespec ts = { 0, 1000000000L / rate };
	char num[48];
	int fd, i, len;

	fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return 1;
	calls++;	/* the open() */
	/* Rounds, not a clock: clock_gettime() may be a syscall here. */
	for (round = 0; round < rounds; round++) {
		for (i = 0; i < 4; i++)
			syscall(SYS_getppid);
		syscall(SYS_close, -1);
		calls += 5;
		errors++;
		calls++;
		if (nanosleep(&ts, NULL))
			errors++;
		calls++;	/* the write below */
		len = snprintf(num, sizeof(num), "%ld %ld\n", calls, errors);
		if (pwrite(fd, num, len, 0) != len)
			return 1;
	}
	return 0;
}

/* views blocked: what each thread blocks in (the main thread waits). */
static const char *blocked_dir;

static void *blocked_open(void *arg)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/fifo", blocked_dir);
	return (void *)(long)open(path, O_RDONLY);
}

static void *blocked_write(void *arg)
{
	static char buf[4096];
	int fds[2];

	if (pipe(fds) || fcntl(fds[1], F_SETFL, O_NONBLOCK))
		return NULL;
	memset(buf, 'x', sizeof(buf));
	while (write(fds[1], buf, sizeof(buf)) > 0)
		;
	if (fcntl(fds[1], F_SETFL, 0))
		return NULL;
	return (void *)(long)write(fds[1], buf, sizeof(buf));
}

static void *blocked_poll(void *arg)
{
	struct pollfd p;
	int fds[2];

	if (pipe(fds))
		return NULL;
	p.fd = fds[0];
	p.events = POLLIN;
	return (void *)(long)poll(&p, 1, -1);
}

static void *blocked_lock(void *arg)
{
	struct flock l = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	char path[4096];
	int fd, ready[2];
	char c;

	snprintf(path, sizeof(path), "%s/lock", blocked_dir);
	fd = open(path, O_RDWR | O_CREAT, 0600);
	if (fd < 0 || pipe(ready))
		return NULL;
	if (fork() == 0) {
		/* Dies with the thread that made it: when the test kills views. */
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) ||
		    fcntl(fd, F_SETLK, &l) || write(ready[1], "", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	if (read(ready[0], &c, 1) != 1)
		return NULL;
	l.l_start = 0;
	l.l_len = 0;
	return (void *)(long)fcntl(fd, F_SETLKW, &l);
}

/* A second connect to a listener of backlog 0 waits for room. */
static void *blocked_connect(void *arg)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	socklen_t len;
	int l, c1, c2;

	snprintf(a.sun_path, sizeof(a.sun_path), "%s/sock", blocked_dir);
	len = offsetof(struct sockaddr_un, sun_path) + strlen(a.sun_path) + 1;
	l = socket(AF_UNIX, SOCK_STREAM, 0);
	c1 = socket(AF_UNIX, SOCK_STREAM, 0);
	c2 = socket(AF_UNIX, SOCK_STREAM, 0);
	if (l < 0 || c1 < 0 || c2 < 0 || bind(l, (void *)&a, len) ||
	    listen(l, 0) || connect(c1, (void *)&a, len))
		return NULL;
	return (void *)(long)connect(c2, (void *)&a, len);
}

static int blocked(const char *dir)
{
	void *(*fn[])(void *) = {
		blocked_open, blocked_write, blocked_poll, blocked_lock,
		blocked_connect, NULL,
	};
	char path[4096];
	pthread_t t;
	size_t i;

	blocked_dir = dir;
	snprintf(path, sizeof(path), "%s/fifo", dir);
	if (mkfifo(path, 0600))
		return 1;
	for (i = 0; fn[i]; i++)
		if (pthread_create(&t, NULL, fn[i], NULL))
			return 1;
	printf("ready\n");
	for (;;)
		pause();
}

static void *trickle_write(void *arg)
{
	int fd = (int)(long)arg;

	for (;;) {
		if (send(fd, "x", 1, 0) != 1)
			return NULL;
		sleep_ms(1);
	}
}

static int trickle(void)
{
	char buf[200];
	pthread_t t;
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) ||
	    pthread_create(&t, NULL, trickle_write, (void *)(long)sv[1]))
		return 1;
	printf("ready\n");
	while (recv(sv[0], buf, sizeof(buf), MSG_WAITALL) > 0)
		;
	return 1;
}

/* views threads: each thread until the pipe is closed. */
static int threads_pipe[2];

static void *threads_read(void *arg)
{
	char c;

	while (read(threads_pipe[0], &c, 1) > 0)
		;
	return arg;
}

static int threads(long n, int hold)
{
	pthread_t t[64];
	sigset_t set;
	long i;
	int sig;

	if (n < 1 || n > 64 || pipe(threads_pipe))
		return 1;
	/* Blocked in every thread, for sigwait() in the main one. */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, threads_read, NULL))
			return 1;
	printf("ready\n");
	if (sigwait(&set, &sig))
		return 1;
	close(threads_pipe[1]);
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	if (hold) {
		printf("joined\n");
		for (;;)
			pause();
	}
	return 0;
}

/* views nested: a thread that makes a thread. */
static void *nested_inner(void *arg)
{
	return arg;
}

static void *nested_outer(void *arg)
{
	pthread_t t;

	if (pthread_create(&t, NULL, nested_inner, NULL))
		return NULL;
	pthread_join(t, NULL);
	return arg;
}

static int nested(void)
{
	static int done;
	pthread_t t;
	void *ret;

	if (pthread_create(&t, NULL, nested_outer, &done) ||
	    pthread_join(t, &ret))
		return 1;
	return ret != &done;
}

/* views leaderless: the thread left once the main thread has exited. */
static void *leaderless(void *arg)
{
	pid_t pid = getpid();
	char path[64], buf[512], *p;
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	for (;;) {
		fd = open(path, O_RDONLY);
		if (fd < 0)
			return arg;
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		buf[n > 0 ? n : 0] = 0;
		p = strrchr(buf, ')');
		if (p && p[1] == ' ' && p[2] == 'Z')
			break;
		sleep_ms(10);
	}
	printf("%d\n", pid);
	for (;;)
		pause();
	return arg;
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigset_t set;
	int fds[2], status;
	long i, n, rate, ms, start;
	char c;
	pid_t pid;

	setvbuf(stdout, NULL, _IONBF, 0);
	if (!strcmp(what, "zombie") && argc == 3) {
		siginfo_t info;

		pid = fork();
		if (pid == 0)
			_exit(atoi(argv[2]));
		/* Printed once the child is a zombie: the test times from it. */
		if (waitid(P_PID, pid, &info, WEXITED | WNOWAIT))
			return 1;
		printf("%d\n", pid);
		for (;;)
			pause();
	}
	if (!strcmp(what, "reap") && argc == 4) {
		pid = fork();
		if (pid == 0)
			_exit(atoi(argv[3]));
		printf("%d\n", pid);
		sleep_ms(atol(argv[2]));
		waitpid(pid, &status, 0);
		printf("reaped\n");
		for (;;)
			pause();
	}
	if (!strcmp(what, "chain") && argc == 3) {
		for (n = atol(argv[2]); n > 0; n--) {
			pid = fork();
			if (pid < 0)
				return 1;
			if (pid > 0) {
				if (waitpid(pid, &status, 0) != pid ||
				    !WIFEXITED(status))
					return 1;
				return WEXITSTATUS(status);
			}
		}
		return 0;
	}
	if (!strcmp(what, "lazy") && argc == 4) {
		pid = fork();
		if (pid == 0)
			_exit(atoi(argv[3]));
		sleep_ms(atol(argv[2]));
		waitpid(pid, &status, 0);
		return 0;
	}
	if (!strcmp(what, "orphan")) {
		pid = fork();
		if (pid == 0) {
			if (fork() == 0) {
				sleep_ms(300);
				_exit(5);
			}
			_exit(0);
		}
		waitpid(pid, &status, 0);
		sleep_ms(600);
		return 0;
	}
	if (!strcmp(what, "pipe")) {
		if (pipe(fds))
			return 1;
		return read(fds[0], &c, 1) < 0;
	}
	if (!strcmp(what, "sleep") && argc == 3) {
		sleep_ms(atol(argv[2]));
		return 0;
	}
	if (!strcmp(what, "blocked") && argc == 3)
		return blocked(argv[2]);
	if (!strcmp(what, "trickle"))
		return trickle();
	if (!strcmp(what, "threads") && argc == 3)
		return threads(atol(argv[2]), 0);
	if (!strcmp(what, "threads") && argc == 4 && !strcmp(argv[3], "hold"))
		return threads(atol(argv[2]), 1);
	if (!strcmp(what, "nested"))
		return nested();
	if (!strcmp(what, "leaderless")) {
		pthread_t t;

		if (pthread_create(&t, NULL, leaderless, NULL))
			return 1;
		pthread_exit(NULL);
	}
	if (!strcmp(what, "forks") && (argc == 4 || argc == 5)) {
		int fd = argc == 5 ? open(argv[4], O_WRONLY | O_CREAT | O_TRUNC,
					  0644) : -1;
		char num[24];

		if (argc == 5 && fd < 0)
			return 1;
		rate = atol(argv[2]);
		ms = atol(argv[3]);
		n = rate * ms / 1000;
		start = now_ns();
		for (i = 0; i < n; i++) {
			long due = start + i * (1000000000L / rate);

			while (now_ns() < due)
				sleep_ms(1);
			pid = fork();
			if (pid == 0)
				_exit(0);
			waitpid(pid, &status, 0);
			if (fd >= 0) {
				int len = snprintf(num, sizeof(num), "%ld\n",
						   i + 1);

				if (pwrite(fd, num, len, 0) != len)
					return 1;
			}
		}
		return 0;
	}
	if (!strcmp(what, "calls") && argc == 5 && atol(argv[2]) > 0)
		return calls(atol(argv[2]), atol(argv[3]), argv[4]);
	if (!strcmp(what, "sigblock") && argc == 3) {
		sigaction(SIGUSR1, &sa, NULL);
		sigemptyset(&set);
		sigaddset(&set, SIGUSR1);
		sigprocmask(SIG_BLOCK, &set, NULL);
		kill(getpid(), SIGUSR1);
		sleep_ms(atol(argv[2]));
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		return 0;
	}
	if (!strcmp(what, "sigign")) {
		signal(SIGUSR2, SIG_IGN);
		kill(getpid(), SIGUSR2);
		return 0;
	}
	if (!strcmp(what, "sigfatal")) {
		kill(getpid(), SIGTERM);
		sleep_ms(1000);
		return 0;
	}
	fprintf(stderr, "usage: views SCENARIO [ARGS] (see views.c)\n");
	return 2;
}
