// SPDX-License-Identifier: GPL-2.0
/*
 * The ioctls of block devices and of inodes, for comparing ktrace with
 * strace: what blockdev, mkfs, lsblk ask of a device (its size, sector
 * sizes, read-ahead, read-only flag; BLKZEROOUT and BLKDISCARD of its
 * first page), and what lsattr, chattr and fstrim ask of a file system
 * (FS_IOC_GETFLAGS, FS_IOC_SETFLAGS, FS_IOC_FSGETXATTR, FITRIM), each
 * also where it fails.
 *
 * Usage: blkfs [BLOCK-DEVICE]   (a scratch device: its first page is
 * zeroed; without one, only the file system's calls)
 */
#include <fcntl.h>
#include <linux/fs.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <unistd.h>

#ifndef BLKGETDISKSEQ
#define BLKGETDISKSEQ _IOR(0x12, 128, __u64)
#endif

static void block_device(const char *path)
{
	unsigned long ul;
	uint64_t u64, range[2] = { 0, 4096 };
	unsigned short us;
	unsigned int u;
	long l;
	int fd, i;

	fd = open(path, O_RDWR);
	if (fd < 0)
		return;
	ioctl(fd, BLKGETSIZE64, &u64);
	ioctl(fd, BLKGETSIZE, &ul);
	ioctl(fd, BLKSSZGET, &i);
	ioctl(fd, BLKPBSZGET, &u);
	ioctl(fd, BLKBSZGET, &i);
	ioctl(fd, BLKIOMIN, &u);
	ioctl(fd, BLKIOOPT, &u);
	ioctl(fd, BLKALIGNOFF, &i);
	ioctl(fd, BLKDISCARDZEROES, &u);
	ioctl(fd, BLKROTATIONAL, &us);
	ioctl(fd, BLKSECTGET, &us);
	ioctl(fd, BLKGETDISKSEQ, &u64);
	ioctl(fd, BLKROGET, &i);
	ioctl(fd, BLKRAGET, &l);
	ioctl(fd, BLKRASET, 256UL);
	ioctl(fd, BLKRAGET, &l);
	ioctl(fd, BLKFRAGET, &l);
	i = 0;
	ioctl(fd, BLKROSET, &i);
	ioctl(fd, BLKBSZSET, &i);	/* EINVAL: no block size 0 */
	ioctl(fd, BLKFLSBUF, 0);
	ioctl(fd, BLKZEROOUT, range);
	ioctl(fd, BLKDISCARD, range);
	range[1] = 1;			/* EINVAL: not a sector's multiple */
	ioctl(fd, BLKZEROOUT, range);
	ioctl(fd, BLKRRPART, 0);
	ioctl(fd, BLKGETSIZE64, (void *)8);	/* EFAULT: the address */
	close(fd);
}

static void file_system(void)
{
	struct fsxattr fsx;
	struct fstrim_range trim = { 0, UINT64_MAX, UINT64_MAX };
	int fd, flags, p[2];

	fd = open("blkfs.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return;
	flags = 0;
	if (!ioctl(fd, FS_IOC_GETFLAGS, &flags)) {
		flags |= FS_NOATIME_FL | FS_NODUMP_FL;
		ioctl(fd, FS_IOC_SETFLAGS, &flags);
		ioctl(fd, FS_IOC_GETFLAGS, &flags);
		flags &= ~(FS_NOATIME_FL | FS_NODUMP_FL);
		ioctl(fd, FS_IOC_SETFLAGS, &flags);
	}
	flags = 0x1000000;		/* no such flag */
	ioctl(fd, FS_IOC_SETFLAGS, &flags);
	ioctl(fd, FS_IOC_FSGETXATTR, &fsx);
	ioctl(fd, FS_IOC_GETFLAGS, (void *)8);
	ioctl(fd, FITRIM, &trim);	/* EINVAL, ENOTTY: trims nothing */
	close(fd);
	unlink("blkfs.tmp");
	if (!pipe(p)) {
		ioctl(p[0], FS_IOC_GETFLAGS, &flags);	/* ENOTTY */
		close(p[0]);
		close(p[1]);
	}
}

int main(int argc, char **argv)
{
	file_system();
	if (argc > 1)
		block_device(argv[1]);
	return 0;
}
