// SPDX-License-Identifier: GPL-2.0
/*
 * A multithreaded program for comparing ktrace with strace: two threads
 * each write a line and exit; the main thread joins them in order.
 */
#include <pthread.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	const char *msg = arg;

	pthread_mutex_lock(&lock);
	write(1, msg, strlen(msg));
	pthread_mutex_unlock(&lock);
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
