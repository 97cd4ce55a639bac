// SPDX-License-Identifier: GPL-2.0
/*
 * ptrace(2) as a debugger calls it, for comparing ktrace with strace
 * (which must trace this process alone, without -f: a child it traced
 * could not be traced here).  A child attached, its options set, a word
 * of its data, text and struct user peeked and poked, its registers and
 * signal information read, its siginfo set back, its event message and
 * signal mask read, then resumed to its next syscall, stepped, continued
 * and detached; a second child seized with options, interrupted, listened
 * to and killed; a request refused for a process that does not exist,
 * and one that ptrace does not know.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile unsigned long word = 0xfeed;

static long pt(long req, pid_t pid, unsigned long addr, unsigned long data)
{
	return syscall(SYS_ptrace, req, pid, addr, data);
}

static void on_usr1(int sig)
{
	(void)sig;
}

static pid_t child(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		signal(SIGUSR1, on_usr1);
		for (;;)
			pause();
	}
	return pid;
}

int main(void)
{
	struct user_regs_struct regs;
	unsigned long w = 0, msg = 0;
	uint64_t mask = 0;
	siginfo_t si;
	pid_t pid;
	int st;

	pid = child();
	usleep(100000);
	pt(PTRACE_ATTACH, pid, 0, 0);
	waitpid(pid, &st, 0);
	pt(PTRACE_SETOPTIONS, pid, 0,
	   PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXIT | PTRACE_O_TRACEFORK);
	pt(PTRACE_PEEKDATA, pid, (unsigned long)&word, (unsigned long)&w);
	pt(PTRACE_PEEKTEXT, pid, (unsigned long)&word, (unsigned long)&w);
	pt(PTRACE_PEEKUSER, pid, offsetof(struct user, regs.orig_rax),
	   (unsigned long)&w);
	pt(PTRACE_PEEKUSER, pid, offsetof(struct user, u_debugreg) + 7 * 8,
	   (unsigned long)&w);
	pt(PTRACE_POKEDATA, pid, (unsigned long)&word, 0x42);
	pt(PTRACE_PEEKDATA, pid, (unsigned long)&word, (unsigned long)&w);
	pt(PTRACE_POKEDATA, pid, (unsigned long)&word, 0);
	pt(PTRACE_PEEKDATA, pid, (unsigned long)&word, (unsigned long)&w);
	pt(PTRACE_POKEUSER, pid, offsetof(struct user, u_debugreg) + 7 * 8, 0);
	pt(PTRACE_GETREGS, pid, 0, (unsigned long)&regs);
	pt(PTRACE_SETREGS, pid, 0, (unsigned long)&regs);
	pt(PTRACE_GETSIGINFO, pid, 0, (unsigned long)&si);
	pt(PTRACE_SETSIGINFO, pid, 0, (unsigned long)&si);
	pt(PTRACE_GETEVENTMSG, pid, 0, (unsigned long)&msg);
	pt(PTRACE_GETSIGMASK, pid, sizeof(mask), (unsigned long)&mask);
	mask = 1UL << (SIGUSR2 - 1);
	pt(PTRACE_SETSIGMASK, pid, sizeof(mask), (unsigned long)&mask);
	pt(PTRACE_SYSCALL, pid, 0, 0);
	waitpid(pid, &st, 0);
	pt(PTRACE_SINGLESTEP, pid, 0, 0);
	kill(pid, SIGUSR1);
	waitpid(pid, &st, 0);
	pt(PTRACE_CONT, pid, 0, SIGUSR1);
	kill(pid, SIGSTOP);
	waitpid(pid, &st, 0);
	pt(PTRACE_DETACH, pid, 0, 0);
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);

	pid = child();
	pt(PTRACE_SEIZE, pid, 0, PTRACE_O_TRACECLONE | PTRACE_O_EXITKILL);
	pt(PTRACE_INTERRUPT, pid, 0, 0);
	waitpid(pid, &st, 0);
	pt(PTRACE_LISTEN, pid, 0, 0);
	pt(PTRACE_KILL, pid, 0, 0);
	waitpid(pid, &st, 0);

	pt(PTRACE_CONT, 99999999, 0, 0);
	pt(0x4242, 99999999, 1, 2);
	return 0;
}
