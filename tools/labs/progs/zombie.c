// SPDX-License-Identifier: GPL-2.0
/*
 * Labs 09 and 17: how processes end and who reaps them.
 *
 *   zombie exits         three children: one exits with 3, one is killed
 *                        by SIGTERM, one by SIGKILL; each is reaped and
 *                        its wait status printed
 *   zombie linger SECS   one child exits at once; the parent reaps it
 *                        only after SECS seconds, so it is a zombie
 *                        meanwhile
 *   zombie leak N        N children exit and are never reaped; the
 *                        parent waits for a signal forever
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void report(pid_t pid, int status)
{
	if (WIFEXITED(status))
		printf("reaped %d: exited with %d\n", (int)pid,
		       WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		printf("reaped %d: killed by signal %d (%s)\n", (int)pid,
		       WTERMSIG(status), strsignal(WTERMSIG(status)));
	fflush(stdout);
}

static int exits(void)
{
	static const int sigs[3] = { 0, SIGTERM, SIGKILL };
	int status;
	pid_t pid;
	int i;

	for (i = 0; i < 3; i++) {
		pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0) {
			if (sigs[i])
				pause();
			_exit(3);
		}
		if (sigs[i])
			kill(pid, sigs[i]);
		if (waitpid(pid, &status, 0) != pid)
			return 1;
		report(pid, status);
	}
	return 0;
}

static int linger(int secs)
{
	siginfo_t info;
	int status;
	pid_t pid;

	pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0)
		_exit(0);
	/* Say so once it is a zombie: a slow kernel may not have run it yet. */
	if (waitid(P_PID, pid, &info, WEXITED | WNOWAIT))
		return 1;
	printf("child %d exited; reaping it in %d s\n", (int)pid, secs);
	fflush(stdout);
	sleep(secs);
	if (waitpid(pid, &status, 0) != pid)
		return 1;
	report(pid, status);
	return 0;
}

static int leak(int n)
{
	pid_t pid;
	int i;

	for (i = 0; i < n; i++) {
		pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0)
			_exit(0);
	}
	printf("parent %d: %d children exited, none reaped\n",
	       (int)getpid(), n);
	fflush(stdout);
	for (;;)
		pause();
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "exits"))
		return exits();
	if (argc == 3 && !strcmp(argv[1], "linger"))
		return linger(atoi(argv[2]));
	if (argc == 3 && !strcmp(argv[1], "leak"))
		return leak(atoi(argv[2]));
	fprintf(stderr, "usage: zombie exits | linger SECS | leak N\n");
	return 2;
}
