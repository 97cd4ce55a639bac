// SPDX-License-Identifier: GPL-2.0
/*
 * work: the benchmark's workloads, each timed from inside with
 * CLOCK_MONOTONIC so that a tracer's start and stop are not counted.
 *
 *   work getppid N [THREADS]  N getppid() calls in each of THREADS threads
 *   work paced RATE [MS [THREADS]]
 *                             getppid() at RATE calls a second in all, over
 *                             THREADS threads (2), for MS milliseconds (1000)
 *   work dd N                 dd if=/dev/zero of=/dev/null bs=1 count=N
 *   work pipe N               N one-byte write/read pairs through a pipe
 *   work spawn N              N fork + exec of "work true" + exit + wait
 *   work stat N               N stat() calls over a tree of 500 files
 *   work true                 exit at once (what spawn executes)
 *
 * Each but paced runs a tenth of its work untimed first.  Prints one line,
 * "NS_PER_OP OPS ELAPSED_NS": the wall time per
 * operation, operations done (over all threads) and the elapsed time.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TREE		"/tmp/bench-tree"
#define TREE_DIRS	10
#define TREE_FILES	50

static long iterations;

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static void die(const char *what)
{
	fprintf(stderr, "work: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void *getppid_thread(void *arg)
{
	long i;

	for (i = 0; i < iterations; i++)
		syscall(SYS_getppid);
	return arg;
}

static long run_getppid(int threads)
{
	pthread_t tid[64];
	int i;

	if (threads < 1 || threads > 64)
		threads = 1;
	for (i = 1; i < threads; i++)
		if (pthread_create(&tid[i], NULL, getppid_thread, NULL))
			die("pthread_create");
	getppid_thread(NULL);
	for (i = 1; i < threads; i++)
		pthread_join(tid[i], NULL);
	return iterations * threads;
}

/*
 * paced: each thread owes paced_rate * t / 1e9 calls at time t after the
 * start; at every millisecond it makes what it owes and sleeps to the
 * next.  A thread that falls behind (the calls took longer than the
 * millisecond) does not sleep until it has caught up, as a real burst
 * would not.
 */
static double paced_rate;		/* calls a second, per thread */
static unsigned long long paced_start, paced_ns;

static void *paced_thread(void *arg)
{
	struct timespec next;
	unsigned long long t, owed, done = 0;

	(void)arg;
	clock_gettime(CLOCK_MONOTONIC, &next);
	for (;;) {
		t = now_ns() - paced_start;
		if (t >= paced_ns)
			break;
		owed = (unsigned long long)(paced_rate * t / 1e9);
		for (; done < owed; done++)
			syscall(SYS_getppid);
		next.tv_nsec += 1000000;
		if (next.tv_nsec >= 1000000000) {
			next.tv_nsec -= 1000000000;
			next.tv_sec++;
		}
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
	}
	return (void *)(long)done;
}

static long run_paced(int argc, char **argv)
{
	long ms = argc > 3 ? atol(argv[3]) : 1000, ops = 0;
	int threads = argc > 4 ? atoi(argv[4]) : 2, i;
	pthread_t tid[64];
	void *done;

	if (threads < 1 || threads > 64 || ms <= 0 || iterations <= 0) {
		fprintf(stderr, "work: paced RATE [MS [THREADS]]: bad arguments\n");
		exit(2);
	}
	paced_rate = (double)iterations / threads;
	paced_ns = ms * 1000000ULL;
	paced_start = now_ns();
	for (i = 1; i < threads; i++)
		if (pthread_create(&tid[i], NULL, paced_thread, NULL))
			die("pthread_create");
	ops = (long)paced_thread(NULL);
	for (i = 1; i < threads; i++) {
		pthread_join(tid[i], &done);
		ops += (long)done;
	}
	return ops;
}

static int spawn_wait(char *const argv[])
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		die("fork");
	if (pid == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0)
		die("waitpid");
	return status;
}

static long run_dd(void)
{
	char count[32];
	char *const argv[] = { "/bin/busybox", "dd", "if=/dev/zero", "of=/dev/null",
			 "bs=1", count, NULL };
	int fd;

	snprintf(count, sizeof(count), "count=%ld", iterations);
	/* dd's summary goes to stderr: keep it out of our output. */
	fd = dup(2);
	if (!freopen("/dev/null", "w", stderr))
		die("/dev/null");
	if (spawn_wait(argv))
		iterations = 0;
	dup2(fd, 2);
	return iterations;
}

static long run_pipe(void)
{
	char c = 'x';
	int p[2];
	long i;

	if (pipe(p))
		die("pipe");
	for (i = 0; i < iterations; i++)
		if (write(p[1], &c, 1) != 1 || read(p[0], &c, 1) != 1)
			die("pipe write/read");
	return iterations;
}

static long run_spawn(const char *self)
{
	char *const argv[] = { (char *)self, "true", NULL };
	long i;

	for (i = 0; i < iterations; i++)
		if (spawn_wait(argv))
			return 0;
	return iterations;
}

static void make_tree(void)
{
	char path[64];
	int d, f, fd;

	mkdir(TREE, 0755);
	for (d = 0; d < TREE_DIRS; d++) {
		snprintf(path, sizeof(path), TREE "/d%d", d);
		mkdir(path, 0755);
		for (f = 0; f < TREE_FILES; f++) {
			snprintf(path, sizeof(path), TREE "/d%d/f%d", d, f);
			fd = open(path, O_CREAT | O_WRONLY, 0644);
			if (fd < 0)
				die(path);
			close(fd);
		}
	}
}

static char paths[TREE_DIRS * TREE_FILES][32];

static void prepare_stat(void)
{
	int n = TREE_DIRS * TREE_FILES, i;
	struct stat st;

	for (i = 0; i < n; i++)
		snprintf(paths[i], sizeof(paths[i]), TREE "/d%d/f%d",
			 i / TREE_FILES, i % TREE_FILES);
	if (stat(paths[n - 1], &st))
		make_tree();
}

static long run_stat(void)
{
	int n = TREE_DIRS * TREE_FILES;
	struct stat st;
	long k;

	for (k = 0; k < iterations; k++)
		if (stat(paths[k % n], &st))
			die(paths[k % n]);
	return iterations;
}

static long run(const char *w, int argc, char **argv)
{
	if (!strcmp(w, "getppid"))
		return run_getppid(argc > 3 ? atoi(argv[3]) : 1);
	if (!strcmp(w, "paced"))
		return run_paced(argc, argv);
	if (!strcmp(w, "dd"))
		return run_dd();
	if (!strcmp(w, "pipe"))
		return run_pipe();
	if (!strcmp(w, "spawn"))
		return run_spawn(argv[0]);
	if (!strcmp(w, "stat"))
		return run_stat();
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long long start, elapsed;
	const char *w = argc > 1 ? argv[1] : "";
	long ops, n;

	if (!strcmp(w, "true"))
		return 0;
	if (argc < 3) {
		fprintf(stderr, "usage: work getppid|dd|pipe|spawn|stat N [THREADS]\n"
			"       work paced RATE [MS [THREADS]]\n");
		return 2;
	}
	iterations = atol(argv[2]);
	if (!strcmp(w, "stat"))
		prepare_stat();
	/*
	 * A tenth of the work first, untimed: under emulation the first
	 * run of freshly patched kernel text (a tracer just attached or
	 * left) pays for its translation.  Not for paced, whose work is
	 * its rate rather than its time.
	 */
	n = iterations;
	if (strcmp(w, "paced")) {
		iterations = n / 10 > 0 ? n / 10 : 1;
		run(w, argc, argv);
		iterations = n;
	}
	start = now_ns();
	ops = run(w, argc, argv);
	elapsed = now_ns() - start;
	if (ops <= 0)
		return 1;
	printf("%llu %ld %llu\n", elapsed / ops, ops, elapsed);
	return 0;
}
