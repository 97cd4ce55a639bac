// SPDX-License-Identifier: GPL-2.0
/*
 * Calls that ktrace printed without a decoder of their own, for comparing
 * it with strace: preadv2 and pwritev2, the old time setters (utime,
 * utimes, futimesat), getcpu, setns, pivot_root, the module loaders,
 * reboot, swapon and swapoff, settimeofday, sysfs, the protection keys,
 * process_madvise, process_mrelease, pidfd_getfd, memfd_secret, Landlock,
 * futex_waitv, iopl and ioperm, remap_file_pages and kexec; and a failed
 * readv, whose vector strace prints.  Every call that could change the
 * machine is given an argument the kernel refuses; calls the kernel lacks
 * fail the same under both tracers.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <linux/kexec.h>
#include <linux/landlock.h>
#include <linux/reboot.h>
#include <sched.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_getfd
#define SYS_pidfd_getfd 438
#endif
#ifndef SYS_process_madvise
#define SYS_process_madvise 440
#endif
#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset 444
#define SYS_landlock_add_rule 445
#define SYS_landlock_restrict_self 446
#endif
#ifndef SYS_memfd_secret
#define SYS_memfd_secret 447
#endif
#ifndef SYS_process_mrelease
#define SYS_process_mrelease 448
#endif
#ifndef SYS_futex_waitv
#define SYS_futex_waitv 449
#endif
#ifndef SYS_set_mempolicy_home_node
#define SYS_set_mempolicy_home_node 450
#endif

int main(void)
{
	static char b[8];
	char a[] = "abcdef";
	struct iovec wv = { a, 6 }, rv = { b, sizeof(b) };
	struct timeval tv[2] = { { 1, 2 }, { 3, 4 } }, bad = { 0, 2000000 };
	struct utimbuf ub = { 5, 6 };
	unsigned long seg[8] = { 0x1000, 16, 0x1000000, 4096,
				 0, 0, 0x2000000, 8192 };
	struct landlock_ruleset_attr_big {
		__u64 handled_access_fs, more;
	} rs2 = { LANDLOCK_ACCESS_FS_EXECUTE, 0 };
	struct landlock_ruleset_attr rs = {
		.handled_access_fs = LANDLOCK_ACCESS_FS_READ_FILE |
				     LANDLOCK_ACCESS_FS_WRITE_FILE,
	};
	struct landlock_path_beneath_attr pb = {
		.allowed_access = LANDLOCK_ACCESS_FS_READ_FILE,
		.parent_fd = -1,
	};
	static unsigned int fword;
	struct futex_waitv fw = { .val = 1, .flags = FUTEX_32 };
	unsigned int cpu, node;
	char name[64];
	int fd, pfd, p[2];
	cpu_set_t one;
	char c;
	pid_t pid;

	fw.uaddr = (unsigned long)&fword;
	fd = open("oddcalls.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return 1;
	syscall(SYS_pwritev2, fd, &wv, 1L, 0L, 0L, (long)RWF_DSYNC);
	syscall(SYS_preadv2, fd, &rv, 1L, 0L, 0L, 0L);
	syscall(SYS_preadv2, fd, &rv, 1L, -1L, 0L, (long)(RWF_NOWAIT |
							    RWF_HIPRI));
	syscall(SYS_pwritev2, fd, &wv, 1L, 2L, 0L, 0x100L);
	readv(-1, &rv, 1);
	syscall(SYS_utime, "oddcalls.tmp", &ub);
	syscall(SYS_utime, "oddcalls.tmp", NULL);
	syscall(SYS_utimes, "oddcalls.tmp", tv);
	syscall(SYS_utimes, "/nonexistent", NULL);
	syscall(SYS_futimesat, AT_FDCWD, "oddcalls.tmp", tv);
	syscall(SYS_futimesat, fd, NULL, NULL);
	CPU_ZERO(&one);
	CPU_SET(0, &one);
	sched_setaffinity(0, sizeof(one), &one);
	syscall(SYS_getcpu, &cpu, &node, NULL);
	syscall(SYS_getcpu, NULL, NULL, NULL);

	syscall(SYS_setns, -1L, (long)CLONE_NEWNET);
	syscall(SYS_setns, -1L, 0L);
	syscall(SYS_pivot_root, "/nonexistent", "/nonexistent/old");
	syscall(SYS_init_module, NULL, 0L, "");
	syscall(SYS_finit_module, -1L, "x=1", 0L);
	syscall(SYS_finit_module, -1L, "", 3L);
	syscall(SYS_reboot, 0L, 0L, (long)LINUX_REBOOT_CMD_CAD_OFF, NULL);
	syscall(SYS_reboot, (long)LINUX_REBOOT_MAGIC1, 1L, 0x1234L, NULL);
	syscall(SYS_swapon, "/nonexistent", 0x8000L | 0x10000L | 5L);
	syscall(SYS_swapon, "/nonexistent", 0L);
	syscall(SYS_swapon, "/nonexistent", 0x80000L | 0x20000L);
	syscall(SYS_swapoff, "/nonexistent");
	syscall(SYS_settimeofday, &bad, NULL);
	syscall(SYS_sysfs, 1L, "proc");
	syscall(SYS_sysfs, 2L, 0L, name);
	syscall(SYS_sysfs, 3L);
	syscall(SYS_pkey_alloc, 0L, 3L);
	syscall(SYS_pkey_free, -1L);

	if (pipe(p))
		return 1;
	pid = fork();
	if (pid < 0)
		return 1;
	if (!pid) {
		close(p[1]);
		read(p[0], &c, 1);
		_exit(0);
	}
	close(p[0]);
	pfd = syscall(SYS_pidfd_open, pid, 0L);
	syscall(SYS_process_madvise, pfd, &rv, 1L, (long)MADV_COLD, 0L);
	syscall(SYS_pidfd_getfd, pfd, 0L, 0L);
	syscall(SYS_process_mrelease, pfd, 0L);
	close(p[1]);
	waitpid(pid, NULL, 0);
	syscall(SYS_process_mrelease, -1L, 0L);
	syscall(SYS_memfd_secret, (long)FD_CLOEXEC);

	syscall(SYS_landlock_create_ruleset, NULL, 0L,
		(long)LANDLOCK_CREATE_RULESET_VERSION);
	syscall(SYS_landlock_create_ruleset, &rs, (long)sizeof(rs), 0L);
	syscall(SYS_landlock_create_ruleset, &rs2, (long)sizeof(rs2), 0L);
	syscall(SYS_landlock_add_rule, -1L, (long)LANDLOCK_RULE_PATH_BENEATH,
		&pb, 0L);
	syscall(SYS_landlock_restrict_self, -1L, 0L);
	syscall(SYS_futex_waitv, &fw, 1L, 0L, NULL, (long)CLOCK_MONOTONIC);
	syscall(SYS_futex_waitv, NULL, 0L, 0L, NULL, 0L);

	syscall(SYS_iopl, 0L);
	syscall(SYS_ioperm, 0L, 0L, 0L);
	syscall(SYS_remap_file_pages, 0L, 4096L, 0L, 0L, 0L);
	syscall(SYS_set_mempolicy_home_node, 0L, 4096L, 0L, 0L);
	syscall(SYS_kexec_file_load, -1L, -1L, 0L, "", 0L);
	syscall(SYS_kexec_load, 0x1000L, 2L, seg, (long)(KEXEC_ARCH_386 |
							  KEXEC_ON_CRASH));
	syscall(SYS_kexec_file_load, -1L, -1L, 5L, "quiet",
		(long)(KEXEC_FILE_UNLOAD | KEXEC_FILE_NO_INITRAMFS));
	unlink("oddcalls.tmp");
	return 0;
}
