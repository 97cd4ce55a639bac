// SPDX-License-Identifier: GPL-2.0
/*
 * A child stopped by SIGTSTP and continued, for comparing ktrace with
 * strace.  The child leads a process group of its own, which its parent,
 * in another group of the same session, keeps from being orphaned: in
 * an orphaned group SIGTSTP does not stop.  The child sleeps in a call
 * that the stop interrupts; the parent waits for the stop, continues the
 * child and reaps it.  stop nocldstop: the parent asks for no SIGCHLD
 * when a child stops (SA_NOCLDSTOP).
 */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const struct timespec nap = { .tv_nsec = 600 * 1000 * 1000 };
	const struct timespec wait = { .tv_nsec = 200 * 1000 * 1000 };
	struct sigaction sa = { .sa_handler = SIG_DFL,
				.sa_flags = SA_NOCLDSTOP };
	int status;
	pid_t pid;

	if (argc > 1 && !strcmp(argv[1], "nocldstop"))
		sigaction(SIGCHLD, &sa, NULL);
	pid = fork();

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
