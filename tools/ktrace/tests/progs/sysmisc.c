// SPDX-License-Identifier: GPL-2.0
/*
 * Calls that ktrace once printed in hex, for comparing it with strace:
 * capget and capset, membarrier's query and a registration,
 * pidfd_send_signal with no signal and with a siginfo it refuses, mlock2,
 * readahead, vmsplice, tee and splice (an offset given, a NULL one, one on
 * a pipe), sethostname and setdomainname in a new UTS namespace, acct,
 * delete_module of no module, userfaultfd, fanotify_init and
 * fanotify_mark, seccomp's queries, a filter that allows every call,
 * installed by seccomp and by prctl and attached to a socket, and
 * perf_event_open of a software clock and of attributes too long.  Calls
 * the kernel lacks fail the same under both tracers.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/perf_event.h>
#include <linux/membarrier.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/fanotify.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct cd[2];
	unsigned int act = SECCOMP_RET_LOG;
	unsigned short szs[3];
	struct sock_filter allow = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	struct sock_fprog prog = { 1, &allow };
	struct perf_event_attr pe;
	struct iovec iov = { "vmsplice", 8 };
	siginfo_t si;
	int p[2], q[2], w[2], fd, pfd;
	loff_t off = 0;
	char *m, c;
	pid_t pid;

	syscall(SYS_capget, &h, cd);
	syscall(SYS_capset, &h, cd);
	syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
	syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0,
		0);

	if (pipe(w))
		return 1;
	pid = fork();
	if (!pid) {
		close(w[1]);
		while (read(w[0], &c, 1) > 0)
			;
		_exit(0);
	}
	close(w[0]);
	pfd = syscall(SYS_pidfd_open, pid, 0);
	syscall(SYS_pidfd_send_signal, pfd, 0, NULL, 0);
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR2;
	si.si_code = SI_QUEUE;
	syscall(SYS_pidfd_send_signal, pfd, SIGUSR1, &si, 0);
	close(w[1]);
	waitpid(pid, NULL, 0);

	m = mmap(NULL, 12288, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	m[0] = 1;
	m[8192] = 1;
	syscall(SYS_mlock2, m, 4096, MLOCK_ONFAULT);

	fd = open("f", O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (write(fd, "0123456789abcdef", 16) != 16)
		return 1;
	syscall(SYS_readahead, fd, 0, 4096);
	if (pipe(p) || pipe(q))
		return 1;
	syscall(SYS_vmsplice, p[1], &iov, 1, 0);
	syscall(SYS_tee, p[0], q[1], 8, SPLICE_F_NONBLOCK);
	syscall(SYS_splice, p[0], NULL, q[1], &off, 8, SPLICE_F_MOVE);
	syscall(SYS_splice, fd, &off, q[1], NULL, 8,
		SPLICE_F_MOVE | SPLICE_F_MORE);

	if (!unshare(CLONE_NEWUTS)) {
		syscall(SYS_sethostname, "kt", 2);
		syscall(SYS_setdomainname, "ktdom", 5);
	}
	syscall(SYS_acct, NULL);
	syscall(SYS_delete_module, "nosuchmod", O_NONBLOCK);
	syscall(SYS_userfaultfd, O_NONBLOCK | O_CLOEXEC);
	fd = syscall(SYS_fanotify_init, FAN_CLASS_NOTIF | FAN_CLOEXEC,
		     O_RDONLY);
	syscall(SYS_fanotify_mark, fd, FAN_MARK_ADD, FAN_CLOSE_WRITE | FAN_OPEN,
		AT_FDCWD, ".");
	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &act);
	syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, szs);
	memset(&pe, 0, sizeof(pe));
	pe.type = PERF_TYPE_SOFTWARE;
	pe.size = PERF_ATTR_SIZE_VER5;
	pe.config = PERF_COUNT_SW_TASK_CLOCK;
	pe.disabled = 1;
	pe.exclude_kernel = 1;
	close(syscall(SYS_perf_event_open, &pe, 0, -1, -1,
		      PERF_FLAG_FD_CLOEXEC));
	pe.size = 4000;
	syscall(SYS_perf_event_open, &pe, 0, -1, -1, 0UL);
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof(prog));
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
	prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
	return 0;
}
