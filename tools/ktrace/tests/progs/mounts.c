// SPDX-License-Identifier: GPL-2.0
/*
 * The new mount API and the quota calls, for comparing ktrace with
 * strace.  In a mount namespace of its own, with private propagation: a
 * tmpfs made by fsopen, fsconfig and fsmount and moved onto a directory
 * by move_mount, a clone of it by open_tree, its superblock picked by
 * fspick and reconfigured, made read-only by mount_setattr; then what
 * the kernel refuses: unknown flags and commands, fsconfig's binary,
 * path and descriptor values, struct mount_attr too short and too long.
 * The quota calls on /dev/null, not a block device, and on the tmpfs,
 * without quotas: every command refused, the structures the kernel
 * would read printed all the same.  Nothing changes the machine's
 * mounts or quotas; the directory the tmpfs was on is removed at the end.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/dqblk_xfs.h>
#include <linux/mount.h>
#include <linux/quota.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define DIR "/tmp/ktrace-mounts"
#define QC(c, t) ((long)(unsigned int)QCMD(c, t))

static void quotas(const char *special, int fd)
{
	struct if_dqblk dq = { 100, 90, 4096, 10, 9, 3, 1700000000, 0, 0x3f };
	struct if_dqinfo di = { 604800, 86400, 0, 7 };
	fs_disk_quota_t xq = { 0 };
	uint32_t fmt = 0, flag;
	long d = 0;

	syscall(SYS_quotactl, QC(Q_GETFMT, USRQUOTA), special, 0L, &fmt);
	syscall(SYS_quotactl, QC(Q_GETINFO, GRPQUOTA), special, 0L, &di);
	syscall(SYS_quotactl, QC(Q_SETINFO, PRJQUOTA), special, 0L, &di);
	syscall(SYS_quotactl, QC(Q_GETQUOTA, USRQUOTA), special, 1000L, &dq);
	syscall(SYS_quotactl, QC(Q_SETQUOTA, USRQUOTA), special, -1L, &dq);
	syscall(SYS_quotactl, QC(Q_GETNEXTQUOTA, USRQUOTA), special, 0L, &dq);
	syscall(SYS_quotactl, QC(Q_QUOTAON, USRQUOTA), special,
		(long)QFMT_VFS_V0, "/aquota.user");
	syscall(SYS_quotactl, QC(Q_QUOTAOFF, GRPQUOTA), special, 0L, NULL);
	flag = FS_QUOTA_UDQ_ACCT | FS_QUOTA_UDQ_ENFD;
	syscall(SYS_quotactl, QC(Q_XQUOTAON, USRQUOTA), special, 0L, &flag);
	flag = 0x40;
	syscall(SYS_quotactl, QC(Q_XQUOTAOFF, USRQUOTA), special, 0L, &flag);
	flag = FS_USER_QUOTA | FS_GROUP_QUOTA;
	syscall(SYS_quotactl, QC(Q_XQUOTARM, USRQUOTA), special, 0L, &flag);
	xq.d_version = FS_DQUOT_VERSION;
	xq.d_flags = FS_USER_QUOTA;
	xq.d_fieldmask = FS_DQ_BSOFT | FS_DQ_BHARD;
	xq.d_id = 1000;
	xq.d_blk_hardlimit = 2048;
	xq.d_blk_softlimit = 1024;
	syscall(SYS_quotactl, QC(Q_XGETQUOTA, USRQUOTA), special, 1000L, &xq);
	syscall(SYS_quotactl, QC(Q_XSETQLIM, GRPQUOTA), special, 1000L, &xq);
	syscall(SYS_quotactl, QC(Q_XGETNEXTQUOTA, PRJQUOTA), special, 0L, &xq);
	syscall(SYS_quotactl, QC(Q_XGETQSTAT, USRQUOTA), special, 0L, &xq);
	syscall(SYS_quotactl, QC(Q_XQUOTASYNC, USRQUOTA), special, 0L, NULL);
	syscall(SYS_quotactl, (long)(0x800011U << 8), special, 5L, &d);
	syscall(SYS_quotactl, (long)((0x800004U << 8) | 3), special, 0L, &d);
	syscall(SYS_quotactl, (long)(0x100U << 8), special, -1L, &d);
	syscall(SYS_quotactl_fd, -1L, QC(Q_GETFMT, GRPQUOTA), 0L, NULL);
	syscall(SYS_quotactl_fd, (long)fd, QC(Q_GETFMT, USRQUOTA), 0L, &fmt);
	syscall(SYS_quotactl_fd, (long)fd, QC(Q_GETQUOTA, USRQUOTA), 0L, &dq);
	syscall(SYS_quotactl_fd, (long)fd, QC(Q_SETINFO, USRQUOTA), 0L, &di);
	syscall(SYS_quotactl_fd, (long)fd, QC(Q_SYNC, USRQUOTA), 0L, NULL);
}

int main(void)
{
	static const char bin[] = "\x01\x02\x61\x62\x63";
	struct mount_attr a = { 0 };
	uint8_t a40[40] = { 0 };
	int fs, mnt, tree, path, pick;

	if (unshare(CLONE_NEWNS) ||
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL))
		return 1;
	mkdir(DIR, 0700);

	fs = syscall(SYS_fsopen, "tmpfs", (long)FSOPEN_CLOEXEC);
	syscall(SYS_fsopen, "nofs", 0L);
	syscall(SYS_fsopen, "tmpfs", 0x100L);
	syscall(SYS_fsconfig, (long)fs, (long)FSCONFIG_SET_STRING, "size", "1M",
		0L);
	syscall(SYS_fsconfig, (long)fs, (long)FSCONFIG_SET_FLAG, "noswap", NULL,
		0L);
	syscall(SYS_fsconfig, (long)fs, (long)FSCONFIG_SET_BINARY, "mode", bin,
		5L);
	syscall(SYS_fsconfig, (long)fs, (long)FSCONFIG_SET_PATH, "source",
		"/dev/null", (long)AT_FDCWD);
	syscall(SYS_fsconfig, (long)fs, (long)FSCONFIG_SET_PATH_EMPTY, "source",
		"", (long)fs);
	syscall(SYS_fsconfig, (long)fs, (long)FSCONFIG_SET_FD, "fd", NULL, 0L);
	syscall(SYS_fsconfig, (long)fs, 99L, NULL, NULL, 0L);
	syscall(SYS_fsconfig, (long)fs, (long)FSCONFIG_CMD_CREATE, NULL, NULL,
		0L);
	mnt = syscall(SYS_fsmount, (long)fs, (long)FSMOUNT_CLOEXEC,
		      (long)(MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV));
	syscall(SYS_fsmount, (long)fs, 2L, 0x40L);
	syscall(SYS_move_mount, (long)mnt, "", (long)AT_FDCWD, DIR,
		(long)MOVE_MOUNT_F_EMPTY_PATH);
	syscall(SYS_move_mount, -1L, "", (long)AT_FDCWD, "/nonexistent",
		(long)MOVE_MOUNT_F_EMPTY_PATH);
	syscall(SYS_move_mount, (long)AT_FDCWD, DIR, (long)AT_FDCWD, DIR,
		0x200L);

	tree = syscall(SYS_open_tree, (long)AT_FDCWD, DIR,
		       (long)(OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC));
	path = syscall(SYS_open_tree, (long)AT_FDCWD, DIR,
		       (long)OPEN_TREE_CLOEXEC);
	/* 4: unknown to every kernel (2 is a later one's OPEN_TREE_NAMESPACE) */
	syscall(SYS_open_tree, (long)AT_FDCWD, DIR, 4L);
	pick = syscall(SYS_fspick, (long)AT_FDCWD, DIR, (long)FSPICK_CLOEXEC);
	syscall(SYS_fsconfig, (long)pick, (long)FSCONFIG_SET_STRING, "size",
		"2M", 0L);
	syscall(SYS_fsconfig, (long)pick, (long)FSCONFIG_CMD_RECONFIGURE, NULL,
		NULL, 0L);
	syscall(SYS_fspick, (long)path, "", 0x10L);

	a.attr_set = MOUNT_ATTR_RDONLY;
	syscall(SYS_mount_setattr, (long)AT_FDCWD, DIR, (long)AT_RECURSIVE, &a,
		(long)sizeof(a));
	syscall(SYS_mount_setattr, -1L, "/nonexistent", (long)AT_RECURSIVE, &a,
		(long)sizeof(a));
	syscall(SYS_mount_setattr, (long)tree, "", (long)AT_EMPTY_PATH, &a,
		24L);
	syscall(SYS_mount_setattr, (long)tree, "", 1L, &a, (long)sizeof(a));
	a.attr_set = 0;
	a.attr_clr = MOUNT_ATTR__ATIME | MOUNT_ATTR_NOSYMFOLLOW;
	a.propagation = MS_PRIVATE;
	syscall(SYS_mount_setattr, (long)tree, "", (long)AT_EMPTY_PATH, &a,
		(long)sizeof(a));
	a.attr_set = MOUNT_ATTR_IDMAP;
	a.attr_clr = 0;
	a.userns_fd = fs;
	syscall(SYS_mount_setattr, (long)tree, "", (long)AT_EMPTY_PATH, &a,
		(long)sizeof(a));
	a.attr_set = 0;
	a.propagation = MS_UNBINDABLE;
	memcpy(a40, &a, sizeof(a));
	syscall(SYS_mount_setattr, (long)tree, "", (long)AT_EMPTY_PATH, a40,
		40L);
	a40[33] = 1;
	syscall(SYS_mount_setattr, (long)tree, "", (long)AT_EMPTY_PATH, a40,
		40L);

	quotas("/dev/null", path);
	syscall(SYS_quotactl, QC(Q_SYNC, USRQUOTA), NULL, 0L, NULL);
	close(pick);
	close(path);
	close(tree);
	close(mnt);
	close(fs);
	/* The directory gone again, for the next run's mkdir */
	umount2(DIR, 0);
	rmdir(DIR);
	return 0;
}
