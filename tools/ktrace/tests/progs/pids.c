// SPDX-License-Identifier: GPL-2.0
/*
 * Calls that take a process id, for -Y (--decode-pids=comm) compared with
 * strace: each names the caller by its pid (never 0, which has no name),
 * so that both tracers print "PID<pids>" after it.  The structures they
 * pass are compared too: the scheduler's parameters, attributes and CPU
 * masks, a queued siginfo (SI_QUEUE, a value, the sender's pid) and
 * process_vm_readv's and process_vm_writev's iovecs, of a read that
 * fails (EFAULT) too.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/uio.h>

int main(void)
{
	pid_t pid = getpid();
	struct sched_param sp = { 0 };
	struct timespec ts;
	cpu_set_t set;
	struct iovec l, r;
	char a[4] = "abc", b[4];
	siginfo_t si = { .si_code = SI_QUEUE };
	unsigned int attr[14] = { 0 };	/* struct sched_attr of 5.3 */
	int fd;

	sched_getscheduler(pid);
	sched_getparam(pid, &sp);
	sched_setscheduler(pid, SCHED_OTHER, &sp);
	sched_setparam(pid, &sp);
	sched_rr_get_interval(pid, &ts);
	CPU_ZERO(&set);
	sched_getaffinity(pid, sizeof(set), &set);
	sched_setaffinity(pid, sizeof(set), &set);
	if (syscall(SYS_sched_getattr, pid, attr, sizeof(attr), 0) == 0)
		syscall(SYS_sched_setattr, pid, attr, 0);
	/* A process group of its own: its id is the caller's. */
	setpgid(0, 0);
	setpgid(pid, pid);
	getpriority(PRIO_PGRP, pid);
	syscall(SYS_ioprio_get, 2, pid);
	getpriority(PRIO_PROCESS, pid);
	setpriority(PRIO_PROCESS, pid, getpriority(PRIO_PROCESS, pid));
	syscall(SYS_ioprio_set, 1, pid, syscall(SYS_ioprio_get, 1, pid));
	fd = syscall(SYS_pidfd_open, pid, 0);
	if (fd >= 0)
		close(fd);
	syscall(SYS_kcmp, pid, pid, 1, 0, 0);
	l.iov_base = b;
	l.iov_len = sizeof(b);
	r.iov_base = a;
	r.iov_len = sizeof(a);
	process_vm_readv(pid, &l, 1, &r, 1, 0);
	r.iov_base = b;
	l.iov_base = "xyz";
	process_vm_writev(pid, &l, 1, &r, 1, 0);
	l.iov_base = b;
	r.iov_base = NULL;
	process_vm_readv(pid, &l, 1, &r, 1, 0);
	fd = open("/dev/null", O_RDONLY);
	fcntl(fd, F_SETOWN, pid);
	syscall(SYS_fcntl, fd, F_GETOWN);	/* glibc would ask F_GETOWN_EX */
	close(fd);
	syscall(SYS_getpgid, pid);
	syscall(SYS_getsid, pid);
	syscall(SYS_tgkill, pid, pid, 0);
	syscall(SYS_tkill, pid, 0);
	kill(pid, 0);
	syscall(SYS_rt_tgsigqueueinfo, pid, pid, 0, &si);
	si.si_signo = SIGUSR1;
	si.si_pid = pid;
	si.si_uid = getuid();
	si.si_value.sival_int = 42;
	syscall(SYS_rt_sigqueueinfo, pid, 0, &si);
	return 0;
}
