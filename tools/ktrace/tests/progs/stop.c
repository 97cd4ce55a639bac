// SPDX-License-Identifier: GPL-2.0
/*
 * A child stopped by SIGTSTP and continued, for comparing ktrace with
 * strace.  The child leads a process group of its own, which its parent,
 * in another group of the same session, keeps from being orphaned: in
 * an orphaned group SIGTSTP does not stop.  The child sleeps in a call
 * that the stop interrupts; the parent waits for the stop, continues the
 * child and reaps it.
 */
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	const struct timespec nap = { .tv_nsec = 600 * 1000 * 1000 };
	const struct timespec wait = { .tv_nsec = 200 * 1000 * 1000 };
	int status;
	pid_t pid = fork();

	if (!pid) {
		setpgid(0, 0);
		nanosleep(&nap, NULL);
		_exit(0);
	}
	setpgid(pid, pid);
	nanosleep(&wait, NULL);
	kill(pid, SIGTSTP);
	waitpid(pid, &status, WUNTRACED);
	kill(pid, SIGCONT);
	waitpid(pid, &status, 0);
	return 0;
}
