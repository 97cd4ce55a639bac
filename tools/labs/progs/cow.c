// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 07: copy-on-write after fork().  The parent fills 1 MiB of
 * anonymous memory and forks.  The child prints its pid and the
 * address of the buffer and waits; on SIGUSR1 it writes to every page
 * and waits again; on SIGUSR2 (or SIGTERM) it exits.  Between the steps
 * the student reads /proc/CHILD/smaps: the buffer's pages are
 * Shared_Dirty before the child's write and Private_Dirty after it.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define BUF_SIZE (1024 * 1024)

static volatile sig_atomic_t step;

static void on_signal(int sig)
{
	step = sig;
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_signal };
	sigset_t block, old;
	char *map, *buf;
	int status;
	pid_t pid;

	/*
	 * A guard page on each side keeps the buffer a mapping of its own
	 * in smaps, never merged with a neighbour.
	 */
	map = mmap(NULL, BUF_SIZE + 2 * 4096, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED) {
		perror("cow: mmap");
		return 1;
	}
	mprotect(map, 4096, PROT_NONE);
	mprotect(map + 4096 + BUF_SIZE, 4096, PROT_NONE);
	buf = map + 4096;
	memset(buf, 'p', BUF_SIZE);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGUSR2);
	sigprocmask(SIG_BLOCK, &block, &old);

	pid = fork();
	if (pid < 0) {
		perror("cow: fork");
		return 1;
	}
	if (pid == 0) {
		printf("child %d: buffer at %p (256 pages), not written yet\n",
		       (int)getpid(), (void *)buf);
		fflush(stdout);
		while (step != SIGUSR1 && step != SIGUSR2)
			sigsuspend(&old);
		if (step == SIGUSR1) {
			memset(buf, 'c', BUF_SIZE);
			printf("child %d: wrote every page of the buffer\n",
			       (int)getpid());
			fflush(stdout);
			while (step != SIGUSR2)
				sigsuspend(&old);
		}
		_exit(0);
	}
	waitpid(pid, &status, 0);
	printf("parent %d: child %d is gone, buffer still holds '%c'\n",
	       (int)getpid(), (int)pid, buf[0]);
	return 0;
}
