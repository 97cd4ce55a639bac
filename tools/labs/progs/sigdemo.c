// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 12: signal dispositions, masks and pending signals.  Catches
 * SIGUSR1 with a handler, ignores SIGINT, blocks SIGUSR2, prints its pid
 * and waits.  Each SIGUSR1 runs the handler; the second one also
 * unblocks SIGUSR2, whose default action (if one is pending) then ends
 * the process.  /proc/PID/status shows SigCgt, SigIgn, SigBlk and, once
 * SIGUSR2 was sent, ShdPnd.
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile sig_atomic_t caught;

static void on_usr1(int sig)
{
	(void)sig;
	caught++;
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigset_t usr2;

	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGINT, SIG_IGN);
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr2, NULL);
	printf("sigdemo %d: SIGUSR1 caught, SIGINT ignored, SIGUSR2 blocked\n",
	       (int)getpid());
	fflush(stdout);
	for (;;) {
		pause();
		printf("sigdemo: handled SIGUSR1 (%d so far)\n", (int)caught);
		fflush(stdout);
		if (caught == 2) {
			printf("sigdemo: unblocking SIGUSR2\n");
			fflush(stdout);
			sigprocmask(SIG_UNBLOCK, &usr2, NULL);
		}
	}
}
