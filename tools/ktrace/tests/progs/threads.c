// SPDX-License-Identifier: GPL-2.0
/*
 * A multithreaded program for comparing ktrace with strace: two threads
 * each write a line, sleep and exit; the main thread joins them in order.
 *
 * The sleep makes the trace the same under any tracer: without it, whether
 * pthread_join() waits in futex() and whether clone3's parent_tid still
 * holds the thread's id when the tracer reads it (glibc shares it with
 * the CLONE_CHILD_CLEARTID word, zeroed at the thread's exit) depend on
 * how fast the thread runs, and strace slows it more than ktrace does.
 *
 * threads exit: then a third thread waits in pause() and a fourth in
 * poll() while the main thread's exit_group() ends the process, which
 * kills them in their calls.
 * threads segv: then, while the third thread waits in pause() and the
 * main thread in pthread_join(), a fourth dereferences NULL and takes
 * SIGSEGV.  threads hold: the main thread waits for a semaphore that no
 * thread posts, the third in pause(), until a signal from another
 * process kills them, which the main thread takes.  The process dies of
 * the signal; the threads that do not take it are killed in their calls.
 * threads exec: then, while a third thread waits in pause() and the main
 * thread in pthread_join(), a fourth runs execve() of /bin/true: the
 * kernel ends the other threads, and the one that executed takes over
 * the main thread's id.
 */
#define _GNU_SOURCE	/* environ */
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static sem_t never;	/* zero, never posted */

static void *worker(void *arg)
{
	const struct timespec nap = { .tv_nsec = 200 * 1000 * 1000 };
	const char *msg = arg;

	pthread_mutex_lock(&lock);
	write(1, msg, strlen(msg));
	pthread_mutex_unlock(&lock);
	nanosleep(&nap, NULL);
	return NULL;
}

static void *waiter(void *arg)
{
	pause();
	return arg;
}

static void *poller(void *arg)
{
	poll(NULL, 0, -1);
	return arg;
}

static void *execer(void *arg)
{
	const struct timespec nap = { .tv_nsec = 200 * 1000 * 1000 };
	char *const args[] = { "true", NULL };

	nanosleep(&nap, NULL);
	execve("/bin/true", args, (char *const *)arg);
	return NULL;
}

static void *faulter(void *arg)
{
	const struct timespec nap = { .tv_nsec = 200 * 1000 * 1000 };

	nanosleep(&nap, NULL);
	*(volatile int *)arg = 1;
	return NULL;
}

int main(int argc, char **argv)
{
	const struct timespec nap = { .tv_nsec = 200 * 1000 * 1000 };
	pthread_t t[4];

	pthread_create(&t[0], NULL, worker, "one\n");
	pthread_join(t[0], NULL);
	pthread_create(&t[1], NULL, worker, "two\n");
	pthread_join(t[1], NULL);
	if (argc > 1 && !strcmp(argv[1], "exit")) {
		pthread_create(&t[2], NULL, waiter, NULL);
		pthread_create(&t[3], NULL, poller, NULL);
		nanosleep(&nap, NULL);
		exit(0);
	}
	if (argc > 1 && !strcmp(argv[1], "segv")) {
		pthread_create(&t[2], NULL, waiter, NULL);
		pthread_create(&t[3], NULL, faulter, NULL);
		pthread_join(t[3], NULL);
	}
	if (argc > 1 && !strcmp(argv[1], "exec")) {
		pthread_create(&t[2], NULL, waiter, NULL);
		pthread_create(&t[3], NULL, execer, environ);
		pthread_join(t[3], NULL);
	}
	if (argc > 1 && !strcmp(argv[1], "hold")) {
		pthread_create(&t[2], NULL, waiter, NULL);
		sem_wait(&never);
	}
	return 0;
}
