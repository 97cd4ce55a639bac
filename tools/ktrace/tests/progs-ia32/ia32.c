// SPDX-License-Identifier: GPL-2.0
/*
 * An ia32 static binary for comparing ktrace with strace on the compat
 * ABI: a write, a failing open, getpid, a descriptor passed over an
 * AF_UNIX socket pair (struct compat_msghdr and compat_cmsghdr), two
 * messages sent and received at once (struct compat_mmsghdr, recvmmsg
 * and recvmmsg_time64), getsockname, sched_getparam, the CPU mask calls,
 * rt_sigqueueinfo, getrusage, getdents64 and getdents, the 16-bit id
 * calls beside their 32-bit forms, pselect6's signal mask, and exit through
 * int $0x80, with no C library
 * (the build machine has no 32-bit one).  The line written
 * is built on the stack: a write from a page of constants never touched
 * before, to /dev/null (which never reads it), is beyond what the probes
 * can read (see ktrace(1), BUGS).
 */
static long sys3(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile ("int $0x80" : "=a"(ret)
			  : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return ret;
}

static long sys4(long nr, long a, long b, long c, long d)
{
	long ret;

	__asm__ volatile ("int $0x80" : "=a"(ret)
			  : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d)
			  : "memory");
	return ret;
}

static long sys5(long nr, long a, long b, long c, long d, long e)
{
	long ret;

	__asm__ volatile ("int $0x80" : "=a"(ret)
			  : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			  : "memory");
	return ret;
}

/* The sixth argument goes in %ebp, which the compiler may hold. */
static long sys6(long nr, long a, long b, long c, long d, long e, long f)
{
	volatile long nr_f[2] = { nr, f };
	long ret;

	__asm__ volatile ("push %%ebp\n\t"
			  "mov 4(%%eax), %%ebp\n\t"
			  "mov (%%eax), %%eax\n\t"
			  "int $0x80\n\t"
			  "pop %%ebp"
			  : "=a"(ret)
			  : "a"(nr_f), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			  : "memory");
	return ret;
}

/* struct compat_msghdr, and a compat_cmsghdr holding one descriptor */
struct msg32 {
	unsigned int name, namelen, iov, iovlen, control, controllen, flags;
};

struct rights32 {
	unsigned int len;
	int level, type, fd;
};

/* struct compat_mmsghdr */
struct mmsg32 {
	struct msg32 hdr;
	unsigned int len;
};

/*
 * sendmmsg of two messages on @s, recvmmsg of them on @r (MSG_DONTWAIT),
 * recvmmsg_time64 without a timeout, and with a zero timeout finding
 * nothing (EAGAIN).
 */
static void mmsg(int s, int r, unsigned int buf)
{
	volatile unsigned int iov[4] = { buf, 1, buf, 2 };
	volatile long long ts[2] = { 0, 0 };
	volatile struct mmsg32 m[2] = {
		{ { 0, 0, (unsigned int)&iov[0], 1, 0, 0, 0 }, 0 },
		{ { 0, 0, (unsigned int)&iov[2], 1, 0, 0, 0 }, 0 },
	};

	sys4(345, s, (long)m, 2, 0);			/* sendmmsg */
	iov[1] = 4;
	iov[3] = 4;
	sys5(337, r, (long)m, 2, 0x40, 0);		/* recvmmsg */
	/*
	 * A kernel without the 32-bit time calls (the debug lane's) says
	 * ENOSYS above: then this one receives, without a timeout, whose
	 * "(left ...)" ktrace does not print.  Then nothing is left.
	 */
	sys5(417, r, (long)m, 2, 0x40, 0);		/* recvmmsg_time64 */
	sys5(417, r, (long)m, 2, 0x40, (long)ts);	/* recvmmsg_time64 */
}

/*
 * socketpair (SOCK_DGRAM), sendmsg of SCM_RIGHTS [1], recvmsg of it;
 * getsockname of the unnamed socket, [128 => 2]
 */
static void pass_fd(void)
{
	volatile int sv[2] = { -1, -1 };
	volatile char x[4] = { 'x' };
	volatile unsigned int iov[2] = { (unsigned int)x, 1 };
	volatile struct rights32 r = { 16, 1, 1, 1 };
	volatile unsigned int len = 128;
	volatile char addr[128];
	volatile struct msg32 m = {
		0, 0, (unsigned int)iov, 1, (unsigned int)&r, sizeof(r), 0
	};

	/* Datagrams: a stream may cut the messages anywhere, run to run. */
	sys4(360, 1, 2, 0, (long)sv);			/* socketpair */
	sys3(370, sv[0], (long)&m, 0);			/* sendmsg */
	iov[1] = sizeof(x);
	r.fd = -1;
	sys3(372, sv[1], (long)&m, 0);			/* recvmsg */
	mmsg(sv[0], sv[1], (unsigned int)x);
	sys3(367, sv[0], (long)addr, (long)&len);	/* getsockname */
}

/*
 * The scheduler's parameter and CPU mask, and a queued siginfo (its union
 * at byte 12).
 */
static void structs(int pid)
{
	volatile int prio = -1;
	volatile unsigned int mask[2] = { 0, 0 };
	volatile int si[32];
	int i;

	for (i = 0; i < 32; i++)
		si[i] = 0;
	sys3(155, 0, (long)&prio, 0);			/* sched_getparam */
	if (sys3(242, 0, sizeof(mask), (long)mask) > 0)	/* getaffinity */
		sys3(241, 0, sizeof(mask), (long)mask);	/* setaffinity */
	si[0] = 10;					/* SIGUSR1 */
	si[2] = -1;					/* SI_QUEUE */
	si[3] = pid;
	si[5] = 42;
	sys3(178, pid, 0, (long)si);			/* rt_sigqueueinfo */
}

/*
 * getrusage's struct compat_rusage, and the entries of / by getdents64
 * and by getdents (struct linux_dirent of 4-byte longs), 200 bytes at a
 * time.
 */
static void rusage_dirents(void)
{
	volatile int ru[18];
	volatile char buf[200];
	long fd;

	sys3(77, 0, (long)ru, 0);			/* getrusage */
	fd = sys3(5, (long)"/", 0x10000, 0);		/* open O_DIRECTORY */
	if (fd < 0)
		return;
	while (sys3(220, fd, (long)buf, sizeof(buf)) > 0)	/* getdents64 */
		;
	sys3(19, fd, 0, 0);				/* lseek */
	while (sys3(141, fd, (long)buf, sizeof(buf)) > 0)	/* getdents */
		;
	sys3(6, fd, 0, 0);				/* close */
}

/*
 * The 16-bit id calls, where 0xffff is the id -1 ("unchanged"), and the
 * 32-bit ones, where it is 65535: setuid(-1) fails (EINVAL), setreuid
 * changes nothing, chown and fchown of a file that is not there fail, the
 * group list is set with 16-bit ids and read back 2 and 4 bytes an id.
 */
static void ids(void)
{
	volatile unsigned short set16[2] = { 0, 4 };
	volatile unsigned short g16[4] = { 0, 0, 0, 0 };
	volatile unsigned int g32[4] = { 0, 0, 0, 0 };
	volatile char path[] = { '/', 'n', 'o', 'n', 'e', '\0' };

	sys3(23, 0xffff, 0, 0);				/* setuid */
	sys3(70, 0xffff, 0xffff, 0);			/* setreuid */
	sys3(182, (long)path, 0xffff, 0xffff);		/* chown */
	sys3(95, -1, 0, 0xffff);			/* fchown */
	sys5(298, -100, (long)path, 0xffff, -1, 0);	/* fchownat */
	sys3(81, 2, (long)set16, 0);			/* setgroups */
	sys3(80, 4, (long)g16, 0);			/* getgroups */
	sys3(205, 4, (long)g32, 0);			/* getgroups32 */
}

/*
 * pselect6 refusing a count of -1, given its struct of a mask's address
 * and size in 32-bit words: {sigmask=[USR1], sigsetsize=8}.
 */
static void sigmask(void)
{
	volatile unsigned int set[2] = { 1u << 9, 0 };
	volatile unsigned int sas[2] = { (unsigned int)set, 8 };

	sys6(308, -1, 0, 0, 0, 0, (long)sas);		/* pselect6 */
}

/*
 * The TLS segment every ia32 C library sets up first: set_thread_area()
 * given entry -1 returns the entry it chose, which get_thread_area()
 * reads back.
 */
static unsigned int tls[4];

static void thread_area(void)
{
	volatile unsigned int ud[4] = {
		-1, (unsigned int)tls, 0xfffff, 0x51	/* 32-bit, pages, usable */
	};

	if (sys3(243, (long)ud, 0, 0) == 0) {		/* set_thread_area */
		ud[1] = 0;
		ud[2] = 0;
		ud[3] = 0;
	}
	sys3(244, (long)ud, 0, 0);			/* get_thread_area */
}

/*
 * The old signal calls, with masks of one 32-bit word: sigaction
 * (struct old_sigaction: handler, mask, flags, restorer), sigprocmask,
 * signal, sigpending, sgetmask and ssetmask; each undone after.
 */
static void old_signals(void)
{
	volatile unsigned int act[4] = { 1, 1u << 11, 0x10000000, 0 };
	volatile unsigned int old[4] = { 0, 0, 0, 0 };
	volatile unsigned int set = 1u << 11, was = 0;

	sys3(67, 10, (long)act, (long)old);		/* sigaction(USR1) */
	sys3(67, 10, 0, (long)old);
	sys3(67, 10, 16, 0);				/* a fault: EFAULT */
	act[0] = 0;
	act[1] = 0;
	act[2] = 0;
	sys3(67, 10, (long)act, 0);
	sys3(67, 9, (long)act, 0);			/* SIGKILL: EINVAL */
	sys3(126, 0, (long)&set, (long)&was);		/* sigprocmask */
	sys3(126, 2, (long)&was, 0);
	sys3(126, 7, (long)&set, 0);			/* EINVAL */
	sys3(48, 12, 1, 0);				/* signal(USR2, SIG_IGN) */
	sys3(48, 12, 0, 0);
	sys3(73, (long)&was, 0, 0);			/* sigpending */
	sys3(68, 0, 0, 0);				/* sgetmask */
	sys3(69, 1u << 9, 0, 0);			/* ssetmask([USR1]) */
	sys3(69, 0, 0, 0);
}

/*
 * The file calls of 64-bit sizes and offsets, split over two
 * arguments, and of 64-bit times: statfs64 and fstatfs64 of / (and a
 * size the kernel refuses), truncate64, ftruncate64, fadvise64 and
 * fadvise64_64 of what is not there, utimensat and its time64 form,
 * clock_settime and its time64 form of a clock that cannot be set.
 */
static void large_files(void)
{
	volatile unsigned int st[21];
	volatile int ts32[4] = { 1, 0, 0, (1 << 30) - 2 };
	volatile long long ts64[4] = { 1, 0, 0, (1 << 30) - 2 };
	volatile char none[] = { '/', 'n', 'o', 'n', 'e', '\0' };
	long fd;

	sys3(268, (long)"/", sizeof(st), (long)st);	/* statfs64 */
	sys3(268, (long)"/", 80, (long)st);		/* EINVAL */
	fd = sys3(5, (long)"/", 0x10000, 0);		/* open O_DIRECTORY */
	sys3(269, fd, sizeof(st), (long)st);		/* fstatfs64 */
	sys3(193, (long)none, 0, 2);			/* truncate64 */
	sys3(194, -1, 5, 0);				/* ftruncate64 */
	sys6(272, -1, 1, 0, 0, 1, 3);			/* fadvise64_64 */
	sys5(250, -1, 1, 0, 100, 4);			/* fadvise64 */
	sys4(320, -100, (long)none, (long)ts32, 0);	/* utimensat */
	sys4(412, -100, (long)none, (long)ts64, 0);	/* utimensat_time64 */
	sys3(264, 1, (long)ts32, 0);			/* clock_settime */
	sys3(404, 1, (long)ts64, 0);			/* clock_settime64 */
	sys3(6, fd, 0, 0);				/* close */
}

/*
 * The old calls of i386's first years: nice, readdir (one entry of /),
 * the struct __old_kernel_stat calls, olduname and oldolduname, stime
 * of a time the kernel refuses.
 */
static void old_calls(void)
{
	volatile char buf[400];
	volatile int t = -1;
	long fd;

	sys3(34, 0, 0, 0);				/* nice */
	fd = sys3(5, (long)"/", 0x10000, 0);		/* open O_DIRECTORY */
	sys3(89, fd, (long)buf, 1);			/* readdir */
	sys3(89, -1, (long)buf, 1);			/* EBADF */
	sys3(18, (long)"/", (long)buf, 0);		/* oldstat */
	sys3(28, fd, (long)buf, 0);			/* oldfstat */
	sys3(84, (long)"/", (long)buf, 0);		/* oldlstat */
	sys3(6, fd, 0, 0);				/* close */
	sys3(109, (long)buf, 0, 0);			/* olduname */
	sys3(59, (long)buf, 0, 0);			/* oldolduname */
	sys3(25, (long)&t, 0, 0);			/* stime: EINVAL */
}

/*
 * System V IPC through i386's ipc() multiplexer, in an IPC namespace of
 * its own (each run gets the same ids; a kernel without IPC namespaces
 * refuses the unshare): a semaphore set, a message queue and a shared
 * memory segment made, used and removed.
 * msgrcv by the call's version 1, which passes the buffer and type in
 * arguments (version 0's struct of them is not followed).
 */
static void sysv_ipc(void)
{
	volatile short sops[3] = { 0, 1, 0x800 };	/* IPC_NOWAIT */
	volatile int msg[2] = { 1, 'h' | 'i' << 8 };
	volatile unsigned int semun = 0, raddr = 0;
	long id;

	sys3(310, 0x08000000, 0, 0);			/* unshare(CLONE_NEWIPC) */
	id = sys4(117, 2, 0, 1, 0600);			/* semget */
	sys5(117, 1, id, 1, 0, (long)sops);		/* semop */
	sys5(117, 3, id, 0, 0x100, (long)&semun);	/* semctl IPC_RMID */
	id = sys4(117, 13, 0, 0600, 0);			/* msgget */
	sys5(117, 11, id, 2, 04000, (long)msg);		/* msgsnd */
	msg[1] = 0;
	sys6(117, 12 | 1 << 16, id, 2, 04000, (long)msg, 0);	/* msgrcv */
	sys5(117, 14, id, 0x100, 0, 0);			/* msgctl IPC_RMID */
	id = sys4(117, 23, 0, 4096, 0600);		/* shmget */
	if (sys5(117, 21, id, 0, (long)&raddr, 0) == 0)	/* shmat */
		sys5(117, 22, 0, 0, 0, raddr);		/* shmdt */
	sys5(117, 24, id, 0x100, 0, 0);			/* shmctl IPC_RMID */
	sys6(117, 99, 1, 2, 3, 4, 5);			/* no such call */
}

/*
 * Calls i386 numbers but Linux never implemented, or no longer: each
 * ENOSYS, given small numbers to print.
 */
static void never_implemented(void)
{
	static const short nrs[] = {
		17, 31, 32, 35, 44, 53, 56, 58, 98, 112, 113, 134, 166, 0
	};
	const short *nr;

	for (nr = nrs; *nr; nr++)
		sys6(*nr, 1, 2, 3, 4, 5, 6);
}

void _start(void);

void _start(void)
{
	volatile char msg[] = { 'i', 'a', '3', '2', '\n' };
	int pid;

	sys3(4, 1, (long)msg, sizeof(msg));		/* write */
	sys3(5, (long)"/nonexistent", 0, 0);		/* open */
	pid = sys3(20, 0, 0, 0);			/* getpid */
	pass_fd();
	structs(pid);
	rusage_dirents();
	ids();
	sigmask();
	thread_area();
	old_signals();
	large_files();
	old_calls();
	sysv_ipc();
	never_implemented();
	sys3(1, 3, 0, 0);				/* exit(3) */
	for (;;)
		;
}
