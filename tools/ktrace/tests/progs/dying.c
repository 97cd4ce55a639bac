// SPDX-License-Identifier: GPL-2.0
/*
 * Signals to a process that is exiting: a child waiting in pause() is
 * sent SIGTERM, which ends it, then SIGCONT and SIGWINCH, which the
 * kernel drops since its process is exiting (strace, whose tracee dies
 * of the SIGTERM first, shows neither).  Exits 0 when the child died of
 * the SIGTERM.
 */
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct timespec ts = { 0, 200 * 1000 * 1000 };
	int p[2], st;
	pid_t pid;
	char c;

	if (pipe(p))
		return 1;
	pid = fork();
	if (pid < 0)
		return 1;
	if (!pid) {
		if (write(p[1], "r", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	if (read(p[0], &c, 1) != 1)
		return 1;
	/* Time enough for the child to be in pause(), even under strace. */
	nanosleep(&ts, NULL);
	kill(pid, SIGTERM);
	kill(pid, SIGCONT);
	kill(pid, SIGWINCH);
	if (waitpid(pid, &st, 0) != pid)
		return 1;
	return !(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
}
