// SPDX-License-Identifier: GPL-2.0
/*
 * Syscalls newer than 6.1, made through syscall(2) by number (the C
 * library of the test guest knows none of them), on a file in the working
 * directory: cachestat, fchmodat2, map_shadow_stack, futex_wake,
 * futex_wait, futex_requeue, statmount, listmount, lsm_list_modules,
 * mseal, and the *xattrat calls.  A kernel without one fails it with
 * ENOSYS; ktrace must name it all the same (cli-test).
 */
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define FILE_NAME "newer-file"

struct mnt_id_req {
	uint32_t size, spare;
	uint64_t mnt_id, param;
};

struct xattr_args {
	uint64_t value;
	uint32_t size, flags;
};

struct waiter {
	uint64_t val, uaddr;
	uint32_t flags, reserved;
};

int main(void)
{
	uint64_t range[2] = { 0, 4096 }, cstat[5], ids[64], lsm[16];
	struct mnt_id_req req = { 24, 0, UINT64_MAX, 0 };
	struct xattr_args xa = { (uintptr_t)"v", 1, 0 };
	struct timespec ts = { 0, 1000 };
	uint32_t word = 0, word2 = 0, lsm_size = sizeof(lsm);
	struct waiter w[2] = {
		{ 0, (uintptr_t)&word, 2 | 128, 0 },
		{ 0, (uintptr_t)&word2, 2 | 128, 0 },
	};
	char buf[256];
	void *p;
	int fd;

	unlink(FILE_NAME);
	fd = open(FILE_NAME, O_RDWR | O_CREAT | O_EXCL, 0600);
	if (fd < 0 || write(fd, "newer\n", 6) != 6)
		return 1;
	syscall(451, fd, range, cstat, 0);			/* cachestat */
	syscall(452, AT_FDCWD, FILE_NAME, 0640, AT_SYMLINK_NOFOLLOW);
	syscall(453, 0, 4096, 1);				/* map_shadow_stack */
	syscall(454, &word, 0xffffffffUL, 1, 2 | 128);		/* futex_wake */
	syscall(455, &word, 1, 0xffffffffUL, 2 | 128, &ts,	/* futex_wait */
		CLOCK_MONOTONIC);
	syscall(456, w, 0, 1, 1);				/* futex_requeue */
	syscall(458, &req, ids, 64, 0);				/* listmount */
	syscall(457, &req, buf, sizeof(buf), 0);		/* statmount */
	syscall(461, lsm, &lsm_size, 0);			/* lsm_list_modules */
	p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return 1;
	syscall(462, p, 4096, 0);				/* mseal */
	syscall(463, AT_FDCWD, FILE_NAME, 0, "user.kt", &xa, sizeof(xa));
	xa.value = 0;
	xa.size = 0;
	syscall(464, AT_FDCWD, FILE_NAME, 0, "user.kt", &xa, sizeof(xa));
	xa.value = (uintptr_t)buf;
	xa.size = 64;
	syscall(464, AT_FDCWD, FILE_NAME, 0, "user.kt", &xa, sizeof(xa));
	syscall(465, AT_FDCWD, FILE_NAME, 0, buf, sizeof(buf));
	syscall(466, AT_FDCWD, FILE_NAME, 0, "user.kt");
	close(fd);
	unlink(FILE_NAME);
	return 0;
}
