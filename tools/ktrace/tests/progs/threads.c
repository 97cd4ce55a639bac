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
 */
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

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

int main(void)
{
	pthread_t t[2];

	pthread_create(&t[0], NULL, worker, "one\n");
	pthread_join(t[0], NULL);
	pthread_create(&t[1], NULL, worker, "two\n");
	pthread_join(t[1], NULL);
	return 0;
}
