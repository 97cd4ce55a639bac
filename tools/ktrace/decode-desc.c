// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): decoders of the syscalls on file descriptors: read and write
 * and their vectored and positioned forms, lseek, dup, pipe, fcntl, ioctl,
 * flock, the fsyncs, poll, select, epoll, eventfd, memfd, splice, tee,
 * vmsplice and readahead.
 */
#include <string.h>

#include "decoders.h"

const struct kt_xlat kt_open_flags[] = {
	{ 00100, "O_CREAT" }, { 00200, "O_EXCL" }, { 00400, "O_NOCTTY" },
	{ 01000, "O_TRUNC" }, { 02000, "O_APPEND" }, { 04000, "O_NONBLOCK" },
	{ 04010000, "O_SYNC" }, { 04000000, "__O_SYNC" },
	{ 010000, "O_DSYNC" }, { 040000, "O_DIRECT" },
	{ 0100000, "O_LARGEFILE" }, { 0400000, "O_NOFOLLOW" },
	{ 01000000, "O_NOATIME" }, { 02000000, "O_CLOEXEC" },
	{ 010000000, "O_PATH" }, { 020200000, "O_TMPFILE" },
	{ 020000000, "__O_TMPFILE" }, { 0200000, "O_DIRECTORY" },
	{ 020000, "FASYNC" },
	KT_XEND
};

static const struct kt_xlat access_modes[] = {
	{ 0, "O_RDONLY" }, { 1, "O_WRONLY" }, { 2, "O_RDWR" },
	{ 3, "O_ACCMODE" }, KT_XEND
};

/* Open flags as strace prints them: the access mode, then the others. */
void kt_format_open_flags(struct kt_buf *b, uint64_t flags, const char *dflt)
{
	size_t mark = kt_const_begin(b);

	kt_format_xval(b, access_modes, flags & 3, NULL);
	if (flags & ~3ULL) {
		kt_buf_putc(b, '|');
		kt_format_flags(b, kt_open_flags, flags & ~3ULL, dflt);
	}
	kt_const_end(b, mark, flags, 'x');
}

static void read_common(struct kt_dec *d, int buf, int count)
{
	kt_a_fd(d, 0);
	if (kt_entry_only(d, true))
		return;
	kt_a_buf(d, buf, d->sc->ret);
	kt_a_ulong(d, count);
}

static void dec_read(struct kt_dec *d)
{
	read_common(d, 1, 2);
}

static void dec_pread(struct kt_dec *d)
{
	read_common(d, 1, 2);
	if (d->sc->has_exit)
		kt_a_long(d, 3);
}

static void dec_write(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_strn(d, 1, kt_arg(d, 2), false);
	kt_a_ulong(d, 2);
}

static void dec_pwrite(struct kt_dec *d)
{
	dec_write(d);
	kt_a_long(d, 3);
}

/* An iovec array with its buffers (KTRACE_BLOB_IOV), else the pointer. */
static void iovec(struct kt_dec *d, int i, uint64_t cnt)
{
	const struct kt_blob *blob = kt_blob_at(d, i);

	kt_sep(d);
	if (!kt_blob_usable(d, i, 0) || cnt > 1024) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_format_iov(d, blob->data, blob->len, cnt);
}

/* What was read, at the exit; after an error, where it would have gone. */
static void dec_readv(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	if (kt_entry_only(d, true))
		return;
	if (kt_failed(d))
		kt_a_iov_addrs(d, 1, kt_arg(d, 2));
	else
		iovec(d, 1, kt_arg(d, 2));
	kt_a_int(d, 2);
}

static void dec_writev(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	iovec(d, 1, kt_arg(d, 2));
	kt_a_int(d, 2);
}

static const struct kt_xlat rwf_flags[] = {
	{ 0x01, "RWF_HIPRI" }, { 0x02, "RWF_DSYNC" }, { 0x04, "RWF_SYNC" },
	{ 0x08, "RWF_NOWAIT" }, { 0x10, "RWF_APPEND" }, KT_XEND
};

/*
 * The offset of preadv, pwritev and their v2 forms, which pass it in two
 * registers, its low half first (both halves in ia32's 32-bit ones), and
 * the v2 forms' RWF_* flags after them.
 */
static void pos_flags(struct kt_dec *d)
{
	uint64_t off = kt_long_size(d) == 4 ? kt_arg_lohi(d, 3) : kt_arg(d, 3);

	kt_sep(d);
	kt_buf_printf(d->b, "%lld", (long long)off);
	if (strchr(d->name, '2'))
		kt_a_flags(d, 5, rwf_flags, "RWF_???");
}

static void dec_preadv(struct kt_dec *d)
{
	dec_readv(d);
	if (!d->stopped)
		pos_flags(d);
}

static void dec_pwritev(struct kt_dec *d)
{
	dec_writev(d);
	pos_flags(d);
}

static const struct kt_xlat whence[] = {
	{ 0, "SEEK_SET" }, { 1, "SEEK_CUR" }, { 2, "SEEK_END" },
	{ 3, "SEEK_DATA" }, { 4, "SEEK_HOLE" }, KT_XEND
};

static void dec_lseek(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_long(d, 1);
	kt_a_xval(d, 2, whence, "SEEK_???");
}

/* i386: _llseek(fd, offset_high, offset_low, &result, whence) */
static void dec_llseek(struct kt_dec *d)
{
	uint64_t res;

	kt_a_fd(d, 0);
	kt_sep(d);
	kt_buf_printf(d->b, "%lld",
		      (long long)(kt_arg(d, 1) << 32 | kt_arg(d, 2)));
	if (kt_entry_only(d, true))
		return;
	kt_sep(d);
	if (kt_exiting_ok(d) && kt_blob_read(d, 3, 0, &res, 8))
		kt_buf_printf(d->b, "[%lld]", (long long)res);
	else
		kt_format_ptr(d->b, kt_arg(d, 3));
	kt_a_xval(d, 4, whence, "SEEK_???");
}

static void dec_close(struct kt_dec *d)
{
	kt_a_fd(d, 0);
}

static void dec_dup2(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_fd_before(d, 1);
}

static void dec_dup3(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_fd_before(d, 1);
	kt_a_flags(d, 2, kt_open_flags, "O_???");
}

static void pipe_fds(struct kt_dec *d)
{
	int32_t fds[2];

	kt_sep(d);
	if (kt_exiting_ok(d) && kt_blob_read(d, 0, 0, fds, sizeof(fds))) {
		kt_buf_putc(d->b, '[');
		kt_fd(d, fds[0]);
		kt_buf_puts(d->b, ", ");
		kt_fd(d, fds[1]);
		kt_buf_putc(d->b, ']');
	} else {
		kt_format_ptr(d->b, kt_arg(d, 0));
	}
}

static void dec_pipe(struct kt_dec *d)
{
	if (kt_entry_only(d, false))
		return;
	pipe_fds(d);
}

static void dec_pipe2(struct kt_dec *d)
{
	if (kt_entry_only(d, false))
		return;
	pipe_fds(d);
	kt_a_flags(d, 1, kt_open_flags, "O_???");
}

static const struct kt_xlat fcntl_cmds[] = {
	{ 0, "F_DUPFD" }, { 1, "F_GETFD" }, { 2, "F_SETFD" },
	{ 3, "F_GETFL" }, { 4, "F_SETFL" }, { 5, "F_GETLK" },
	{ 6, "F_SETLK" }, { 7, "F_SETLKW" }, { 8, "F_SETOWN" },
	{ 9, "F_GETOWN" }, { 10, "F_SETSIG" }, { 11, "F_GETSIG" },
	{ 12, "F_GETLK64" }, { 13, "F_SETLK64" }, { 14, "F_SETLKW64" },
	{ 15, "F_SETOWN_EX" }, { 16, "F_GETOWN_EX" },
	{ 36, "F_OFD_GETLK" }, { 37, "F_OFD_SETLK" }, { 38, "F_OFD_SETLKW" },
	{ 1024, "F_SETLEASE" }, { 1025, "F_GETLEASE" }, { 1026, "F_NOTIFY" },
	{ 1030, "F_DUPFD_CLOEXEC" }, { 1031, "F_SETPIPE_SZ" },
	{ 1032, "F_GETPIPE_SZ" }, { 1033, "F_ADD_SEALS" },
	{ 1034, "F_GET_SEALS" },
	KT_XEND
};

static const struct kt_xlat fd_flags[] = { { 1, "FD_CLOEXEC" }, KT_XEND };

static const struct kt_xlat seals[] = {
	{ 1, "F_SEAL_SEAL" }, { 2, "F_SEAL_SHRINK" }, { 4, "F_SEAL_GROW" },
	{ 8, "F_SEAL_WRITE" }, { 16, "F_SEAL_FUTURE_WRITE" }, KT_XEND
};

static const struct kt_xlat lock_types[] = {
	{ 0, "F_RDLCK" }, { 1, "F_WRLCK" }, { 2, "F_UNLCK" }, { 4, "F_EXLCK" },
	{ 8, "F_SHLCK" }, KT_XEND
};

/*
 * A struct flock (@wide: flock64, which ia32 packs after its two
 * shorts): {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=0},
 * with l_pid for what F_GETLK returns, as strace prints it.
 */
static void flock_arg(struct kt_dec *d, int i, bool wide, bool getlk)
{
	const struct kt_blob *blob = kt_blob_at(d, i);
	bool compat = kt_long_size(d) == 4;
	size_t size = !compat ? 32 : wide ? 24 : 16;
	int64_t start, len;
	int16_t type, wh;
	int32_t pid, v32[2];

	kt_sep(d);
	if (!kt_blob_usable(d, i, size)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	memcpy(&type, blob->data, 2);
	memcpy(&wh, blob->data + 2, 2);
	if (!compat) {
		memcpy(&start, blob->data + 8, 8);
		memcpy(&len, blob->data + 16, 8);
		memcpy(&pid, blob->data + 24, 4);
	} else if (wide) {
		memcpy(&start, blob->data + 4, 8);
		memcpy(&len, blob->data + 12, 8);
		memcpy(&pid, blob->data + 20, 4);
	} else {
		memcpy(v32, blob->data + 4, 8);
		start = v32[0];
		len = v32[1];
		memcpy(&pid, blob->data + 12, 4);
	}
	kt_buf_puts(d->b, "{l_type=");
	kt_format_xval(d->b, lock_types, (uint16_t)type, "F_???");
	kt_buf_puts(d->b, ", l_whence=");
	kt_format_xval(d->b, whence, (uint16_t)wh, "SEEK_???");
	kt_buf_printf(d->b, ", l_start=%lld, l_len=%lld", (long long)start,
		      (long long)len);
	if (getlk) {
		kt_buf_puts(d->b, ", l_pid=");
		kt_pid(d, pid, false);
	}
	kt_buf_putc(d->b, '}');
}

static void dec_fcntl(struct kt_dec *d)
{
	unsigned int cmd = kt_arg(d, 1);

	kt_a_fd(d, 0);
	kt_a_xval(d, 1, fcntl_cmds, "F_???");
	switch (cmd) {
	case 6: case 7:				/* F_SETLK, F_SETLKW */
		flock_arg(d, 2, false, false);
		return;
	case 37: case 38:			/* F_OFD_SETLK, F_OFD_SETLKW */
		flock_arg(d, 2, true, false);
		return;
	case 5: case 36:			/* F_GETLK, F_OFD_GETLK */
		/* What the kernel wrote, at the exit, as strace. */
		if (kt_entry_only(d, false))
			return;
		if (kt_exiting_ok(d))
			flock_arg(d, 2, cmd == 36, true);
		else
			kt_a_ptr(d, 2);
		return;
	}
	switch (cmd) {
	case 1: case 3: case 9: case 11: case 1025: case 1032: case 1034:
		break;
	case 0: case 1030:
		kt_a_int(d, 2);
		break;
	case 2:
		kt_a_flags(d, 2, fd_flags, NULL);
		break;
	case 4:
		/* strace prints the access mode too: O_RDONLY|O_NONBLOCK. */
		kt_sep(d);
		kt_format_open_flags(d->b, (uint32_t)kt_arg(d, 2), "O_???");
		break;
	case 1033:
		kt_a_flags(d, 2, seals, NULL);
		break;
	case 8:				/* F_SETOWN: -Y names the owner */
		kt_a_pid(d, 2);
		break;
	case 10: case 1024: case 1026: case 1031:
		kt_a_long(d, 2);
		break;
	default:
		kt_a_ptr(d, 2);
	}
}

/* fcntl(fd, F_GETFL) = 0x8002 (flags O_RDWR|O_LARGEFILE) */

static void ret_fcntl(struct kt_dec *d)
{
	uint64_t r = (uint64_t)d->sc->ret;

	switch (kt_arg(d, 1)) {
	case 1: case 3: case 1034:
		kt_buf_printf(d->b, "%#llx", (unsigned long long)r);
		break;
	case 0: case 1030:
		kt_format_retval(d, KT_RV_FD);
		return;
	case 9:				/* F_GETOWN */
		kt_format_retval(d, KT_RV_TGID);
		return;
	default:
		kt_format_retval(d, KT_RV_DEC);
		return;
	}
	switch (kt_arg(d, 1)) {
	case 1:
		if (r)
			kt_buf_printf(d->b, " (flags %s)", r & 1 ?
				      "FD_CLOEXEC" : "");
		break;
	case 3:
		kt_buf_puts(d->b, " (flags ");
		kt_format_open_flags(d->b, r, NULL);
		kt_buf_putc(d->b, ')');
		break;
	case 1034:
		if (r) {
			kt_buf_puts(d->b, " (seals ");
			kt_format_flags(d->b, seals, r, NULL);
			kt_buf_putc(d->b, ')');
		}
		break;
	}
}

static const struct kt_xlat ioctls[] = {
	/* strace's names: sound's timer ioctls share the numbers */
	{ 0x5401, "TCGETS" }, { 0x5402, "SNDCTL_TMR_START or TCSETS" },
	{ 0x5403, "SNDCTL_TMR_STOP or TCSETSW" },
	{ 0x5404, "SNDCTL_TMR_CONTINUE or TCSETSF" }, { 0x5409, "TCSBRK" },
	{ 0x540b, "TCFLSH" }, { 0x540e, "TIOCSCTTY" },
	{ 0x540f, "TIOCGPGRP" }, { 0x5410, "TIOCSPGRP" }, { 0x5411, "TIOCOUTQ" },
	{ 0x5413, "TIOCGWINSZ" }, { 0x5414, "TIOCSWINSZ" },
	{ 0x541b, "FIONREAD" }, { 0x5421, "FIONBIO" }, { 0x5425, "TCSBRKP" },
	{ 0x5441, "TIOCGPTPEER" }, { 0x5451, "FIOCLEX" },
	{ 0x5450, "FIONCLEX" }, { 0x5452, "FIOASYNC" },
	{ 0x80045430, "TIOCGPTN" }, { 0x40045431, "TIOCSPTLCK" },
	/* <linux/rtc.h>; <linux/phantom.h> shares one */
	{ 0x7001, "RTC_AIE_ON" }, { 0x7002, "RTC_AIE_OFF" },
	{ 0x7003, "RTC_UIE_ON" }, { 0x7004, "PHN_NOT_OH or RTC_UIE_OFF" },
	{ 0x7005, "RTC_PIE_ON" }, { 0x7006, "RTC_PIE_OFF" },
	{ 0x700f, "RTC_WIE_ON" }, { 0x7010, "RTC_WIE_OFF" },
	{ 0x7014, "RTC_VL_CLR" },
	{ 0x40247007, "RTC_ALM_SET" }, { 0x80247008, "RTC_ALM_READ" },
	{ 0x80247009, "RTC_RD_TIME" }, { 0x4024700a, "RTC_SET_TIME" },
	{ 0x8008700b, "RTC_IRQP_READ" }, { 0x8004700b, "RTC_IRQP_READ" },
	{ 0x4008700c, "RTC_IRQP_SET" }, { 0x4004700c, "RTC_IRQP_SET" },
	{ 0x8008700d, "RTC_EPOCH_READ" }, { 0x8004700d, "RTC_EPOCH_READ" },
	{ 0x4008700e, "RTC_EPOCH_SET" }, { 0x4004700e, "RTC_EPOCH_SET" },
	{ 0x4028700f, "RTC_WKALM_SET" }, { 0x80287010, "RTC_WKALM_RD" },
	{ 0x80207011, "RTC_PLL_GET" }, { 0x801c7011, "RTC_PLL_GET" },
	{ 0x40207012, "RTC_PLL_SET" }, { 0x401c7012, "RTC_PLL_SET" },
	{ 0x80047013, "RTC_VL_READ" }, { 0x40187013, "RTC_PARAM_GET" },
	{ 0x40187014, "RTC_PARAM_SET" },
	{ 0x40049409, "BTRFS_IOC_CLONE or FICLONE" },
	{ 0x4020940d, "BTRFS_IOC_CLONE_RANGE or FICLONERANGE" },
	/* <linux/sockios.h>, <asm/sockios.h>: a socket's */
	{ 0x8901, "FIOSETOWN" }, { 0x8902, "SIOCSPGRP" },
	{ 0x8903, "FIOGETOWN" }, { 0x8904, "SIOCGPGRP" },
	{ 0x8905, "SIOCATMARK" }, { 0x890b, "SIOCADDRT" },
	{ 0x890c, "SIOCDELRT" }, { 0x890d, "SIOCRTMSG" },
	{ 0x8910, "SIOCGIFNAME" }, { 0x8911, "SIOCSIFLINK" },
	{ 0x8912, "SIOCGIFCONF" }, { 0x8913, "SIOCGIFFLAGS" },
	{ 0x8914, "SIOCSIFFLAGS" }, { 0x8915, "SIOCGIFADDR" },
	{ 0x8916, "SIOCSIFADDR" }, { 0x8917, "SIOCGIFDSTADDR" },
	{ 0x8918, "SIOCSIFDSTADDR" }, { 0x8919, "SIOCGIFBRDADDR" },
	{ 0x891a, "SIOCSIFBRDADDR" }, { 0x891b, "SIOCGIFNETMASK" },
	{ 0x891c, "SIOCSIFNETMASK" }, { 0x891d, "SIOCGIFMETRIC" },
	{ 0x891e, "SIOCSIFMETRIC" }, { 0x891f, "SIOCGIFMEM" },
	{ 0x8920, "SIOCSIFMEM" }, { 0x8921, "SIOCGIFMTU" },
	{ 0x8922, "SIOCSIFMTU" }, { 0x8923, "SIOCSIFNAME" },
	{ 0x8924, "SIOCSIFHWADDR" }, { 0x8925, "SIOCGIFENCAP" },
	{ 0x8926, "SIOCSIFENCAP" }, { 0x8927, "SIOCGIFHWADDR" },
	{ 0x8929, "SIOCGIFSLAVE" }, { 0x8930, "SIOCSIFSLAVE" },
	{ 0x8931, "SIOCADDMULTI" }, { 0x8932, "SIOCDELMULTI" },
	{ 0x8933, "SIOCGIFINDEX" }, { 0x8934, "SIOCSIFPFLAGS" },
	{ 0x8935, "SIOCGIFPFLAGS" }, { 0x8936, "SIOCDIFADDR" },
	{ 0x8937, "SIOCSIFHWBROADCAST" }, { 0x8938, "SIOCGIFCOUNT" },
	{ 0x8940, "SIOCGIFBR" }, { 0x8941, "SIOCSIFBR" },
	{ 0x8942, "SIOCGIFTXQLEN" }, { 0x8943, "SIOCSIFTXQLEN" },
	{ 0x8946, "SIOCETHTOOL" }, { 0x8947, "SIOCGMIIPHY" },
	{ 0x8948, "SIOCGMIIREG" }, { 0x8949, "SIOCSMIIREG" },
	{ 0x894a, "SIOCWANDEV" }, { 0x894b, "SIOCOUTQNSD" },
	{ 0x894c, "SIOCGSKNS" }, { 0x8953, "SIOCDARP" },
	{ 0x8954, "SIOCGARP" }, { 0x8955, "SIOCSARP" },
	{ 0x8960, "SIOCDRARP" }, { 0x8961, "SIOCGRARP" },
	{ 0x8962, "SIOCSRARP" }, { 0x8970, "SIOCGIFMAP" },
	{ 0x8971, "SIOCSIFMAP" }, { 0x8980, "SIOCADDDLCI" },
	{ 0x8981, "SIOCDELDLCI" }, { 0x8982, "SIOCGIFVLAN" },
	{ 0x8983, "SIOCSIFVLAN" }, { 0x8990, "SIOCBONDENSLAVE" },
	{ 0x8991, "SIOCBONDRELEASE" }, { 0x8992, "SIOCBONDSETHWADDR" },
	{ 0x8993, "SIOCBONDSLAVEINFOQUERY" }, { 0x8994, "SIOCBONDINFOQUERY" },
	{ 0x8995, "SIOCBONDCHANGEACTIVE" }, { 0x89a0, "SIOCBRADDBR" },
	{ 0x89a1, "SIOCBRDELBR" }, { 0x89a2, "SIOCBRADDIF" },
	{ 0x89a3, "SIOCBRDELIF" }, { 0x89b0, "SIOCSHWTSTAMP" },
	{ 0x89b1, "SIOCGHWTSTAMP" },
	/*
	 * What mkfs, blockdev, lsblk and their kin ask of a block device (of
	 * a file: ENOTTY), and lsattr, chattr and fstrim of a file system;
	 * the _IOR and _IOW ones have an i386 number of their own.
	 */
	{ 0x125d, "BLKROSET" }, { 0x125e, "BLKROGET" },
	{ 0x125f, "BLKRRPART" }, { 0x1260, "BLKGETSIZE" },
	{ 0x1261, "BLKFLSBUF" }, { 0x1262, "BLKRASET" },
	{ 0x1263, "BLKRAGET" }, { 0x1264, "BLKFRASET" },
	{ 0x1265, "BLKFRAGET" }, { 0x1266, "BLKSECTSET" },
	{ 0x1267, "BLKSECTGET" }, { 0x1268, "BLKSSZGET" },
	{ 0x1269, "BLKPG" }, { 0x1274, "BLKTRACESTART" },
	{ 0x1275, "BLKTRACESTOP" }, { 0x1276, "BLKTRACETEARDOWN" },
	{ 0x1277, "BLKDISCARD" }, { 0x1278, "BLKIOMIN" },
	{ 0x1279, "BLKIOOPT" }, { 0x127a, "BLKALIGNOFF" },
	{ 0x127b, "BLKPBSZGET" }, { 0x127c, "BLKDISCARDZEROES" },
	{ 0x127d, "BLKSECDISCARD" }, { 0x127e, "BLKROTATIONAL" },
	{ 0x127f, "BLKZEROOUT" },
	{ 0x80081270, "BLKBSZGET" }, { 0x80041270, "BLKBSZGET" },
	{ 0x40081271, "BLKBSZSET" }, { 0x40041271, "BLKBSZSET" },
	{ 0x80081272, "BLKGETSIZE64" }, { 0x80041272, "BLKGETSIZE64" },
	{ 0xc0481273, "BLKTRACESETUP" }, { 0xc0401273, "BLKTRACESETUP" },
	{ 0x80081280, "BLKGETDISKSEQ" }, { 0x80041284, "BLKGETZONESZ" },
	{ 0x80041285, "BLKGETNRZONES" }, { 0x80200204, "FDGETPRM" },
	{ 0x80086601, "FS_IOC_GETFLAGS" }, { 0x40086602, "FS_IOC_SETFLAGS" },
	{ 0x80046601, "FS_IOC32_GETFLAGS" },
	{ 0x40046602, "FS_IOC32_SETFLAGS" },
	{ 0x80087601, "FS_IOC_GETVERSION" },
	{ 0x40087602, "FS_IOC_SETVERSION" },
	{ 0x80047601, "FS_IOC32_GETVERSION" },
	{ 0x40047602, "FS_IOC32_SETVERSION" },
	{ 0x801c581f, "FS_IOC_FSGETXATTR" }, { 0x401c5820, "FS_IOC_FSSETXATTR" },
	{ 0xc0045877, "FIFREEZE" }, { 0xc0045878, "FITHAW" },
	{ 0xc0185879, "FITRIM" },
	/* <linux/nsfs.h>: a namespace's descriptor (lsns, nsenter) */
	{ 0xb701, "NS_GET_USERNS" }, { 0xb702, "NS_GET_PARENT" },
	{ 0xb703, "NS_GET_NSTYPE" }, { 0xb704, "NS_GET_OWNER_UID" },
	KT_XEND
};

/*
 * A command no name is known for, as strace prints it, by the fields of
 * its number: _IOC(_IOC_READ, 0x58, 0x9, 0x24).
 */
static void ioctl_code(struct kt_buf *b, uint32_t cmd)
{
	static const char *const dirs[] = {
		"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE",
	};
	size_t mark = kt_const_begin(b);

	kt_buf_printf(b, "_IOC(%s, %#x, %#x, %#x)", dirs[cmd >> 30],
		      (cmd >> 8) & 0xff, cmd & 0xff, (cmd >> 16) & 0x3fff);
	kt_const_end(b, mark, cmd, 'x');
}

/* struct termios's flags, in the order strace prints them */
static const struct kt_xlat term_iflags[] = {
	{ 01, "IGNBRK" }, { 02, "BRKINT" }, { 04, "IGNPAR" },
	{ 010, "PARMRK" }, { 020, "INPCK" }, { 040, "ISTRIP" },
	{ 0100, "INLCR" }, { 0200, "IGNCR" }, { 0400, "ICRNL" },
	{ 01000, "IUCLC" }, { 02000, "IXON" }, { 04000, "IXANY" },
	{ 010000, "IXOFF" }, { 020000, "IMAXBEL" }, { 040000, "IUTF8" },
	KT_XEND
};

static const struct kt_xlat term_oflags[] = {
	{ 01, "OPOST" }, { 02, "OLCUC" }, { 04, "ONLCR" }, { 010, "OCRNL" },
	{ 020, "ONOCR" }, { 040, "ONLRET" }, { 0100, "OFILL" },
	{ 0200, "OFDEL" }, KT_XEND
};

static const struct kt_xlat term_cflags[] = {
	{ 0100, "CSTOPB" }, { 0200, "CREAD" }, { 0400, "PARENB" },
	{ 01000, "PARODD" }, { 02000, "HUPCL" }, { 04000, "CLOCAL" },
	{ 010000000000, "CMSPAR" }, { 020000000000, "CRTSCTS" }, KT_XEND
};

static const struct kt_xlat term_lflags[] = {
	{ 01, "ISIG" }, { 02, "ICANON" }, { 04, "XCASE" }, { 010, "ECHO" },
	{ 020, "ECHOE" }, { 040, "ECHOK" }, { 0100, "ECHONL" },
	{ 0200, "NOFLSH" }, { 0100000, "IEXTEN" }, { 01000, "ECHOCTL" },
	{ 02000, "ECHOPRT" }, { 04000, "ECHOKE" }, { 010000, "FLUSHO" },
	{ 040000, "PENDIN" }, { 0400, "TOSTOP" }, { 0200000, "EXTPROC" },
	KT_XEND
};

static const struct kt_xlat bauds[] = {
	{ 0, "B0" }, { 1, "B50" }, { 2, "B75" }, { 3, "B110" },
	{ 4, "B134" }, { 5, "B150" }, { 6, "B200" }, { 7, "B300" },
	{ 010, "B600" }, { 011, "B1200" }, { 012, "B1800" },
	{ 013, "B2400" }, { 014, "B4800" }, { 015, "B9600" },
	{ 016, "B19200" }, { 017, "B38400" }, { 010000, "BOTHER" },
	{ 010001, "B57600" }, { 010002, "B115200" }, { 010003, "B230400" },
	{ 010004, "B460800" }, { 010005, "B500000" }, { 010006, "B576000" },
	{ 010007, "B921600" }, { 010010, "B1000000" },
	{ 010011, "B1152000" }, { 010012, "B1500000" },
	{ 010013, "B2000000" }, { 010014, "B2500000" },
	{ 010015, "B3000000" }, { 010016, "B3500000" },
	{ 010017, "B4000000" }, KT_XEND
};

/* Flags that may all be clear: strace prints nothing for none. */
static void term_flags(struct kt_buf *b, const struct kt_xlat *x, uint32_t v)
{
	if (v)
		kt_format_flags(b, x, v, NULL);
}

/* c_oflag's delay fields: NL0|CR0|TAB0|BS0|VT0|FF0 */
static const struct kt_xlat odelays[] = {
	{ 0400, "NL" }, { 03000, "CR" }, { 014000, "TAB" }, { 020000, "BS" },
	{ 040000, "VT" }, { 0100000, "FF" },
};

/* The kernel's c_cc indices on x86 (NCCS 19), as strace names them. */
static const struct kt_xlat termios_cc[] = {
	{ 0, "VINTR" }, { 1, "VQUIT" }, { 2, "VERASE" }, { 3, "VKILL" },
	{ 4, "VEOF" }, { 5, "VTIME" }, { 6, "VMIN" }, { 7, "VSWTC" },
	{ 8, "VSTART" }, { 9, "VSTOP" }, { 10, "VSUSP" }, { 11, "VEOL" },
	{ 12, "VREPRINT" }, { 13, "VDISCARD" }, { 14, "VWERASE" },
	{ 15, "VLNEXT" }, { 16, "VEOL2" }, KT_XEND
};

static const struct kt_xlat line_discs[] = {
	{ 0, "N_TTY" }, { 1, "N_SLIP" }, { 2, "N_MOUSE" }, { 3, "N_PPP" },
	{ 4, "N_STRIP" }, { 5, "N_AX25" }, { 6, "N_X25" }, { 7, "N_6PACK" },
	{ 8, "N_MASC" }, { 9, "N_R3964" }, { 10, "N_PROFIBUS_FDL" },
	{ 11, "N_IRDA" }, { 12, "N_SMSBLOCK" }, { 13, "N_HDLC" },
	{ 14, "N_SYNC_PPP" }, { 15, "N_HCI" }, { 16, "N_GIGASET_M101" },
	{ 17, "N_SLCAN" }, { 18, "N_PPS" }, { 19, "N_V253" },
	{ 20, "N_CAIF" }, { 21, "N_GSM0710" }, { 22, "N_TI_WL" },
	{ 23, "N_TRACESINK" }, { 24, "N_TRACEROUTER" }, { 25, "N_NCI" },
	{ 26, "N_SPEAKUP" }, { 27, "N_NULL" }, { 28, "N_MCTP" },
	{ 29, "N_DEVELOPMENT" }, { 30, "N_CAN327" }, KT_XEND
};

/*
 * struct termios (the kernel's: 36 bytes), abbreviated as strace prints
 * it without -v: {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|..., c_cflag=
 * B38400|CS8|CREAD, c_lflag=ISIG|..., ...}; whole, c_line and c_cc
 * ([VINTR]=0x3, ...) in place of the "...".
 */
static void termios(struct kt_buf *b, const uint8_t *p, bool abbrev)
{
	uint32_t f[4];
	uint32_t o, c;
	size_t mark;
	unsigned int i;
	const char *cc;

	memcpy(f, p, sizeof(f));
	kt_buf_puts(b, "{c_iflag=");
	term_flags(b, term_iflags, f[0]);
	o = f[1];
	kt_buf_puts(b, ", c_oflag=");
	/* Each delay field a value of its own, for -X as for strace. */
	for (i = 0; i < ARRAY_SIZE(odelays); i++) {
		mark = kt_const_begin(b);
		kt_buf_printf(b, "%s%s%u", i ? "|" : "", odelays[i].str,
			      (unsigned int)((o & odelays[i].val) >>
					     __builtin_ctzll(odelays[i].val)));
		kt_const_end(b, mark + !!i, o & odelays[i].val, 'x');
	}
	o &= ~0177400U;
	if (o) {
		kt_buf_putc(b, '|');
		kt_format_flags(b, term_oflags, o, NULL);
	}
	c = f[2];
	kt_buf_puts(b, ", c_cflag=");
	kt_format_xval(b, bauds, c & 010017, NULL);
	kt_buf_putc(b, '|');
	mark = kt_const_begin(b);
	kt_buf_printf(b, "CS%u", 5 + ((c >> 4) & 3));
	kt_const_end(b, mark, c & 060, 'x');
	c &= ~010077U;
	if (c) {
		kt_buf_putc(b, '|');
		kt_format_flags(b, term_cflags, c, NULL);
	}
	kt_buf_puts(b, ", c_lflag=");
	term_flags(b, term_lflags, f[3]);
	if (abbrev) {
		kt_buf_puts(b, ", ...}");
		return;
	}
	kt_buf_puts(b, ", c_line=");
	kt_format_xval(b, line_discs, p[16], "N_???");
	kt_buf_puts(b, ", c_cc=[");
	for (i = 0; i < 19; i++) {
		cc = kt_xlat_find(termios_cc, i);
		if (cc)
			kt_buf_printf(b, "%s[%s]=", i ? ", " : "", cc);
		else
			kt_buf_printf(b, "%s[%u]=", i ? ", " : "", i);
		kt_buf_printf(b, "%#x", p[17 + i]);
	}
	kt_buf_puts(b, "]}");
}

/* The termios and winsize the module captured (capture.def), or NULL. */
const uint8_t *kt_ioctl_arg(struct kt_dec *d, size_t len, bool out)
{
	const struct kt_blob *blob = kt_blob_at(d, 2);

	if (out && !kt_exiting_ok(d))
		return NULL;
	if (!kt_blob_usable(d, 2, len) || (blob->flags & KT_BLOB_TRUNCATED))
		return NULL;
	return blob->data;
}

/* <linux/fs.h>'s inode flags (lsattr, chattr), in strace's order */
static const struct kt_xlat fs_ioc_flags[] = {
	{ 0x1, "FS_SECRM_FL" }, { 0x2, "FS_UNRM_FL" }, { 0x4, "FS_COMPR_FL" },
	{ 0x8, "FS_SYNC_FL" }, { 0x10, "FS_IMMUTABLE_FL" },
	{ 0x20, "FS_APPEND_FL" }, { 0x40, "FS_NODUMP_FL" },
	{ 0x80, "FS_NOATIME_FL" }, { 0x100, "FS_DIRTY_FL" },
	{ 0x200, "FS_COMPRBLK_FL" }, { 0x400, "FS_NOCOMP_FL" },
	{ 0x800, "FS_ENCRYPT_FL" }, { 0x1000, "FS_INDEX_FL" },
	{ 0x2000, "FS_IMAGIC_FL" }, { 0x4000, "FS_JOURNAL_DATA_FL" },
	{ 0x8000, "FS_NOTAIL_FL" }, { 0x10000, "FS_DIRSYNC_FL" },
	{ 0x20000, "FS_TOPDIR_FL" }, { 0x40000, "FS_HUGE_FILE_FL" },
	{ 0x80000, "FS_EXTENT_FL" }, { 0x100000, "FS_VERITY_FL" },
	{ 0x200000, "FS_EA_INODE_FL" }, { 0x400000, "FS_EOFBLOCKS_FL" },
	{ 0x800000, "FS_NOCOW_FL" }, { 0x2000000, "FS_DAX_FL" },
	{ 0x10000000, "FS_INLINE_DATA_FL" },
	{ 0x20000000, "FS_PROJINHERIT_FL" }, { 0x40000000, "FS_CASEFOLD_FL" },
	{ 0x80000000, "FS_RESERVED_FL" }, KT_XEND
};

/* struct fsxattr's fsx_xflags */
static const struct kt_xlat fs_xflags[] = {
	{ 0x1, "FS_XFLAG_REALTIME" }, { 0x2, "FS_XFLAG_PREALLOC" },
	{ 0x8, "FS_XFLAG_IMMUTABLE" }, { 0x10, "FS_XFLAG_APPEND" },
	{ 0x20, "FS_XFLAG_SYNC" }, { 0x40, "FS_XFLAG_NOATIME" },
	{ 0x80, "FS_XFLAG_NODUMP" }, { 0x100, "FS_XFLAG_RTINHERIT" },
	{ 0x200, "FS_XFLAG_PROJINHERIT" }, { 0x400, "FS_XFLAG_NOSYMLINKS" },
	{ 0x800, "FS_XFLAG_EXTSIZE" }, { 0x1000, "FS_XFLAG_EXTSZINHERIT" },
	{ 0x2000, "FS_XFLAG_NODEFRAG" }, { 0x4000, "FS_XFLAG_FILESTREAM" },
	{ 0x8000, "FS_XFLAG_DAX" }, { 0x10000, "FS_XFLAG_COWEXTSIZE" },
	{ 0x80000000, "FS_XFLAG_HASATTR" }, KT_XEND
};

/*
 * What a block or file system command's argument is, for blkfs_ioctl():
 * a value it reads (at the enter) or writes (at the exit, as strace
 * prints it then), of these types.
 */
enum blkfs_arg {
	BA_NONE,	/* no argument: the line ends after the name */
	BA_VALUE,	/* the argument itself, unsigned (BLKRASET) */
	BA_INT, BA_UINT, BA_USHORT,
	BA_LONG, BA_ULONG,	/* 4 bytes on i386 */
	BA_U64,
	BA_RANGE,	/* two __u64: [start, length] */
	BA_FLAGS,	/* FS_*_FL */
	BA_FSXATTR,	/* struct fsxattr */
	BA_FSTRIM,	/* struct fstrim_range */
};

#define GET(cmd, arg)	{ cmd, arg, true }
#define PUT(cmd, arg)	{ cmd, arg, false }

static const struct blkfs_ioctl {
	uint32_t cmd;
	uint8_t arg;	/* enum blkfs_arg */
	bool out;	/* written by the call, printed at its exit */
} blkfs_ioctls[] = {
	PUT(0x125d, BA_INT), GET(0x125e, BA_INT), PUT(0x125f, BA_NONE),
	GET(0x1260, BA_ULONG), PUT(0x1261, BA_NONE), PUT(0x1262, BA_VALUE),
	GET(0x1263, BA_LONG), PUT(0x1264, BA_VALUE),
	GET(0x1265, BA_LONG), GET(0x1267, BA_USHORT),
	GET(0x1268, BA_INT), PUT(0x1274, BA_NONE), PUT(0x1275, BA_NONE),
	PUT(0x1276, BA_NONE), PUT(0x1277, BA_RANGE), GET(0x1278, BA_UINT),
	GET(0x1279, BA_UINT), GET(0x127a, BA_INT),
	GET(0x127b, BA_UINT), GET(0x127c, BA_UINT),
	PUT(0x127d, BA_RANGE), GET(0x127e, BA_USHORT), PUT(0x127f, BA_RANGE),
	GET(0x80081270, BA_INT), GET(0x80041270, BA_INT),
	PUT(0x40081271, BA_INT), PUT(0x40041271, BA_INT),
	GET(0x80081272, BA_U64), GET(0x80041272, BA_U64),
	GET(0x80081280, BA_U64), GET(0x80041284, BA_UINT),
	GET(0x80041285, BA_UINT),
	GET(0x80086601, BA_FLAGS), GET(0x80046601, BA_FLAGS),
	PUT(0x40086602, BA_FLAGS), PUT(0x40046602, BA_FLAGS),
	GET(0x801c581f, BA_FSXATTR), PUT(0x401c5820, BA_FSXATTR),
	PUT(0xc0045877, BA_NONE), PUT(0xc0045878, BA_NONE),
	PUT(0xc0185879, BA_FSTRIM),
};

#undef GET
#undef PUT

static const struct blkfs_ioctl *blkfs_find(uint32_t cmd)
{
	unsigned int i;

	if ((cmd & 0xff00) != 0x1200 && (cmd & 0xff00) != 0x6600 &&
	    (cmd & 0xff00) != 0x5800)
		return NULL;
	for (i = 0; i < ARRAY_SIZE(blkfs_ioctls); i++)
		if (blkfs_ioctls[i].cmd == cmd)
			return &blkfs_ioctls[i];
	return NULL;
}

/*
 * The argument of a block device's or a file system's command (strace's
 * block_ioctl(), fs_f_ioctl() and fs_x_ioctl()): [512], [FS_EXTENT_FL],
 * {fsx_xflags=0, ...}; its address where the call failed to write it or
 * the capture could not read it.
 */
static void blkfs_ioctl(struct kt_dec *d, const struct blkfs_ioctl *c)
{
	static const uint8_t sizes[] = {
		[BA_INT] = 4, [BA_UINT] = 4, [BA_USHORT] = 2, [BA_LONG] = 8,
		[BA_ULONG] = 8, [BA_U64] = 8, [BA_RANGE] = 16, [BA_FLAGS] = 4,
		[BA_FSXATTR] = 28, [BA_FSTRIM] = 24,
	};
	const struct kt_blob *in = &d->sc->enter_blob[2];
	size_t n = sizes[c->arg];
	const uint8_t *p;
	uint64_t v[3];
	uint32_t x[7];

	if (c->arg == BA_NONE)
		return;
	if (c->arg == BA_VALUE) {
		kt_a_ulong(d, 2);
		return;
	}
	if ((c->arg == BA_LONG || c->arg == BA_ULONG) &&
	    kt_long_size(d) == 4)
		n = 4;
	if (c->arg == BA_FSTRIM)	/* _IOWR: what the enter read */
		p = kt_arg(d, 2) && in->data && !(in->flags & KT_BLOB_FAULT) &&
		    in->len >= n ? in->data : NULL;
	else
		p = kt_ioctl_arg(d, n, c->out);
	if (!p) {
		kt_a_ptr(d, 2);
		return;
	}
	kt_sep(d);
	memset(v, 0, sizeof(v));
	memcpy(v, p, n < sizeof(v) ? n : sizeof(v));
	switch (c->arg) {
	case BA_INT:
		kt_buf_printf(d->b, "[%d]", (int32_t)v[0]);
		break;
	case BA_UINT:
		kt_buf_printf(d->b, "[%u]", (uint32_t)v[0]);
		break;
	case BA_USHORT:
		kt_buf_printf(d->b, "[%u]", (uint16_t)v[0]);
		break;
	case BA_LONG:
		kt_buf_printf(d->b, "[%lld]", n == 4 ? (long long)(int32_t)v[0] :
						      (long long)v[0]);
		break;
	case BA_ULONG:
	case BA_U64:
		kt_buf_printf(d->b, "[%llu]", (unsigned long long)v[0]);
		break;
	case BA_RANGE:
		kt_buf_printf(d->b, "[%llu, %llu]", (unsigned long long)v[0],
			      (unsigned long long)v[1]);
		break;
	case BA_FLAGS:
		kt_buf_putc(d->b, '[');
		kt_format_flags(d->b, fs_ioc_flags, (uint32_t)v[0],
				"FS_???_FL");
		kt_buf_putc(d->b, ']');
		break;
	case BA_FSXATTR:
		/* xflags, extsize, nextents, projid, cowextsize, pad */
		memcpy(x, p, sizeof(x));
		kt_buf_puts(d->b, "{fsx_xflags=");
		kt_format_flags(d->b, fs_xflags, x[0], "FS_XFLAG_???");
		kt_buf_printf(d->b, ", fsx_extsize=%u", x[1]);
		if (c->out)
			kt_buf_printf(d->b, ", fsx_nextents=%u", x[2]);
		kt_buf_printf(d->b, ", fsx_projid=%#x, fsx_cowextsize=%u}",
			      x[3], x[4]);
		break;
	case BA_FSTRIM:
		kt_buf_printf(d->b, "{start=%#llx, len=%llu, minlen=%llu}",
			      (unsigned long long)v[0],
			      (unsigned long long)v[1],
			      (unsigned long long)v[2]);
		break;
	}
}

static void dec_ioctl(struct kt_dec *d)
{
	uint32_t cmd = kt_arg(d, 1);	/* the kernel's is an unsigned int */
	/*
	 * TCGETS, TIOCGWINSZ, FIONREAD, TIOCGPTN, TIOCGPGRP,
	 * NS_GET_OWNER_UID
	 */
	bool out = cmd == 0x5401 || cmd == 0x5413 || cmd == 0x541b ||
		   cmd == 0x80045430 || cmd == 0x540f || cmd == 0xb704;
	const struct blkfs_ioctl *blkfs = blkfs_find(cmd);
	const uint8_t *p = NULL;
	uint16_t ws[4];
	uint32_t uid;

	kt_a_fd(d, 0);
	kt_sep(d);
	if (kt_xlat_find(ioctls, cmd))
		kt_format_xval(d->b, ioctls, cmd, NULL);
	else
		ioctl_code(d->b, cmd);
	if (((cmd >> 8) & 0xff) == 'p' && kt_rtc_ioctl(d, cmd))
		return;
	if (blkfs) {
		if (!blkfs->out || !kt_entry_only(d, false))
			blkfs_ioctl(d, blkfs);
		return;
	}
	/* What the call fills in shows at the exit, after its comma. */
	if (out && kt_entry_only(d, false))
		return;
	if ((cmd & 0xffffff00) == 0x8900) {
		kt_sock_ioctl(d, cmd);
		return;
	}
	switch (cmd) {
	/* FIOCLEX, FIONCLEX; NS_GET_USERNS, NS_GET_PARENT, NS_GET_NSTYPE */
	case 0x5451: case 0x5450:
	case 0xb701: case 0xb702: case 0xb703:
		break;
	case 0xb704:	/* NS_GET_OWNER_UID: [0], a uid_t, -1 as -1 */
		p = kt_ioctl_arg(d, 4, out);
		if (!p)
			goto ptr;
		kt_sep(d);
		memcpy(&uid, p, sizeof(uid));
		kt_buf_putc(d->b, '[');
		kt_format_id(d->b, uid);
		kt_buf_putc(d->b, ']');
		break;
	case 0x40049409:	/* FICLONE: the source fd */
		kt_a_fd(d, 2);
		break;
	case 0x5409: case 0x5425: case 0x540e:	/* TCSBRK, TCSBRKP, TIOCSCTTY */
		kt_a_int(d, 2);
		break;
	/*
	 * FIONREAD, TIOCGPTN, TIOCGPGRP; FIONBIO, TIOCSPTLCK, TIOCSPGRP: an
	 * int, [1]
	 */
	case 0x541b: case 0x80045430: case 0x540f:
	case 0x5421: case 0x40045431: case 0x5410:
		p = kt_ioctl_arg(d, 4, out);
		if (!p)
			goto ptr;
		kt_sep(d);
		kt_buf_printf(d->b, "[%d]", (int)(p[0] | p[1] << 8 |
						   p[2] << 16 |
						   (uint32_t)p[3] << 24));
		break;
	case 0x5401: case 0x5402: case 0x5403: case 0x5404:
		p = kt_ioctl_arg(d, 36, out);
		if (!p)
			goto ptr;
		kt_sep(d);
		termios(d->b, p, kt_abbrev(d->sc));
		break;
	case 0x5413: case 0x5414:
		p = kt_ioctl_arg(d, sizeof(ws), out);
		if (!p)
			goto ptr;
		memcpy(ws, p, sizeof(ws));
		kt_sep(d);
		kt_buf_printf(d->b,
			      "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}",
			      ws[0], ws[1], ws[2], ws[3]);
		break;
	default:
		/* strace's: the argument in hex, 0 for none */
		kt_a_hex(d, 2);
		break;
ptr:
		kt_a_ptr(d, 2);
	}
}

/*
 * ioctl(3, NS_GET_USERNS) = 4, a descriptor (with -y its namespace);
 * ioctl(4, NS_GET_NSTYPE) = 268435456 (CLONE_NEWUSER).
 */
static void ret_ioctl(struct kt_dec *d)
{
	uint32_t cmd = kt_arg(d, 1);
	const char *type;

	if (cmd == 0xb701 || cmd == 0xb702) {
		kt_format_retval(d, KT_RV_FD);
		return;
	}
	kt_format_retval(d, KT_RV_DEC);
	type = cmd == 0xb703 ?
	       kt_xlat_find(kt_setns_types, (uint64_t)d->sc->ret) : NULL;
	if (type)
		kt_buf_printf(d->b, " (%s)", type);
}

static const struct kt_xlat flock_ops[] = {
	{ 1, "LOCK_SH" }, { 2, "LOCK_EX" }, { 4, "LOCK_NB" }, { 8, "LOCK_UN" },
	{ 32, "LOCK_MAND" }, { 64, "LOCK_READ" }, { 128, "LOCK_WRITE" },
	KT_XEND
};

static const struct kt_xlat fadvice[] = {
	{ 0, "POSIX_FADV_NORMAL" }, { 1, "POSIX_FADV_RANDOM" },
	{ 2, "POSIX_FADV_SEQUENTIAL" }, { 3, "POSIX_FADV_WILLNEED" },
	{ 4, "POSIX_FADV_DONTNEED" }, { 5, "POSIX_FADV_NOREUSE" },
	KT_XEND
};

/* i386's fadvise64 and fadvise64_64: 64-bit values in two arguments */
static void a_long64(struct kt_dec *d, int i)
{
	kt_sep(d);
	kt_buf_dec(d->b, (int64_t)kt_arg_lohi(d, i));
}

static void dec_fadvise64(struct kt_dec *d)
{
	bool is64 = !strcmp(d->name, "fadvise64_64");

	if (d->sc->abi != KTRACE_CLI_ABI_X86_64) {
		kt_a_fd(d, 0);
		a_long64(d, 1);
		if (is64)
			a_long64(d, 3);
		else
			kt_a_ulong(d, 3);
		kt_a_xval(d, is64 ? 5 : 4, fadvice, "POSIX_FADV_???");
		return;
	}
	kt_a_fd(d, 0);
	kt_a_long(d, 1);
	kt_a_long(d, 2);
	kt_a_xval(d, 3, fadvice, "POSIX_FADV_???");
}

/* A loff_t * argument: NULL, [offset] when captured, or the pointer. */
static void loff_ptr(struct kt_dec *d, int i)
{
	int64_t off;

	kt_sep(d);
	if (!kt_arg(d, i))
		kt_buf_puts(d->b, "NULL");
	else if (kt_blob_read(d, i, 0, &off, 8))
		kt_buf_printf(d->b, "[%lld]", (long long)off);
	else
		kt_format_ptr(d->b, kt_arg(d, i));
}

static void dec_copy_file_range(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	loff_ptr(d, 1);
	kt_a_fd(d, 2);
	loff_ptr(d, 3);
	kt_a_ulong(d, 4);
	kt_a_uint(d, 5);
}

/* An offset of @size bytes in @blob, as strace prints it: [5]. */
static bool offset_in(struct kt_dec *d, const struct kt_blob *blob,
		      unsigned int size)
{
	int64_t off = 0;
	uint32_t off32;

	if (!blob->data || (blob->flags & KT_BLOB_FAULT) || blob->len < size)
		return false;
	if (size == 4) {
		memcpy(&off32, blob->data, 4);
		off = off32;
	} else {
		memcpy(&off, blob->data, 8);
	}
	kt_buf_printf(d->b, "[%llu]", (unsigned long long)off);
	return true;
}

/*
 * sendfile(4, 3, [0] => [5], 5): the offset given and, after a call that
 * moved bytes, where it left it (ia32's sendfile: a 32-bit offset).
 */
static void dec_sendfile(struct kt_dec *d)
{
	const struct kt_syscall *sc = d->sc;
	unsigned int size = kt_long_size(d) == 4 &&
			    !strcmp(d->name, "sendfile") ? 4 : 8;

	kt_a_fd(d, 0);
	kt_a_fd(d, 1);
	kt_sep(d);
	if (!offset_in(d, &sc->enter_blob[2], size)) {
		kt_format_ptr(d->b, kt_arg(d, 2));
		kt_a_ulong(d, 3);
		return;
	}
	if (kt_entry_only(d, false))
		return;
	if (kt_exiting_ok(d) && sc->ret) {
		kt_buf_puts(d->b, " => ");
		if (!offset_in(d, &sc->blob[2], size))
			kt_format_ptr(d->b, kt_arg(d, 2));
	}
	kt_a_ulong(d, 3);
}

static void dec_flock(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_flags(d, 1, flock_ops, "LOCK_???");
}

static void dec_fd_only(struct kt_dec *d)
{
	kt_a_fd(d, 0);
}

static void dec_none(struct kt_dec *d)
{
}

static const struct kt_xlat poll_events[] = {
	{ 0x1, "POLLIN" }, { 0x2, "POLLPRI" }, { 0x4, "POLLOUT" },
	{ 0x8, "POLLERR" }, { 0x10, "POLLHUP" }, { 0x20, "POLLNVAL" },
	{ 0x40, "POLLRDNORM" }, { 0x80, "POLLRDBAND" },
	{ 0x100, "POLLWRNORM" }, { 0x200, "POLLWRBAND" },
	{ 0x400, "POLLMSG" }, { 0x2000, "POLLRDHUP" },
	KT_XEND
};

/* Whether @blob holds @len bytes, whole. */
static bool blob_holds(const struct kt_blob *blob, size_t len)
{
	return blob->data && !(blob->flags & KT_BLOB_FAULT) && blob->len >= len;
}

/*
 * The timeout of select (struct timeval), pselect6 or ppoll (struct
 * timespec), argument @i, in @blob (x86_64: the module copies no other),
 * or the pointer.
 */
static void wait_time(struct kt_dec *d, int i, const struct kt_blob *blob)
{
	uint64_t ptr = kt_arg(d, i);
	int64_t t[2];

	if (!ptr || !blob || !blob_holds(blob, sizeof(t))) {
		kt_format_ptr(d->b, ptr);
		return;
	}
	memcpy(t, blob->data, sizeof(t));
	kt_buf_printf(d->b, "{tv_sec=%lld, %s=%lld}", (long long)t[0],
		      d->name[0] == 'p' ? "tv_nsec" : "tv_usec",
		      (long long)t[1]);
}

/* [{fd=3, events=POLLIN}], or the revents of those that have them */
static bool pollfds(struct kt_dec *d, bool revents)
{
	uint64_t k, n = kt_arg(d, 1);
	bool first = true;

	if (n > 1024 || !kt_blob_usable(d, 0, n * 8))
		return false;
	kt_buf_putc(d->b, '[');
	for (k = 0; k < n; k++) {
		int32_t fd;
		uint16_t ev[2];

		kt_blob_read(d, 0, k * 8, &fd, 4);
		kt_blob_read(d, 0, k * 8 + 4, ev, 4);
		if (revents && !ev[1])
			continue;
		kt_buf_printf(d->b, "%s{fd=", first ? "" : ", ");
		if (revents)	/* strace: a number, whatever -y */
			kt_buf_printf(d->b, "%d", fd);
		else
			kt_fd(d, fd);
		/* strace: no events for a descriptor poll() ignores */
		if (revents || fd >= 0) {
			kt_buf_printf(d->b, ", %s=",
				      revents ? "revents" : "events");
			kt_format_flags(d->b, poll_events, ev[revents], NULL);
		}
		kt_buf_putc(d->b, '}');
		first = false;
	}
	kt_buf_putc(d->b, ']');
	return true;
}

static void dec_poll(struct kt_dec *d)
{
	kt_sep(d);
	if (!pollfds(d, false))
		kt_format_ptr(d->b, kt_arg(d, 0));
	kt_a_uint(d, 1);
	if (!strcmp(d->name, "poll")) {
		kt_a_int(d, 2);
	} else {
		if (d->sc->abi == KTRACE_CLI_ABI_X86_64) {
			kt_sep(d);
			wait_time(d, 2, &d->sc->enter_blob[2]);
		} else {
			kt_a_timespec(d, 2);	/* not copied */
		}
		kt_a_sigset(d, 3, kt_arg(d, 4));
		kt_a_ulong(d, 4);
	}
	/* What came back prints with the return value: more at the exit. */
	kt_exit_adds(d);
}

/*
 * "= 1 ([{fd=3, revents=POLLIN}])", with ppoll's ", left {tv_sec=0,
 * tv_nsec=990000}" (x86_64), or "= 0 (Timeout)", as strace.
 */
static void ret_poll(struct kt_dec *d)
{
	const struct kt_syscall *sc = d->sc;
	bool left = !strncmp(d->name, "ppoll", 5) && kt_arg(d, 2) &&
		    sc->abi == KTRACE_CLI_ABI_X86_64;
	bool fds;
	size_t len;

	kt_format_retval(d, KT_RV_DEC);
	len = d->b->len;
	if (sc->ret < 0)
		return;
	if (!sc->ret) {
		kt_buf_puts(d->b, " (Timeout)");
		return;
	}
	kt_buf_puts(d->b, " (");
	fds = pollfds(d, true);
	if (!fds && !left) {
		d->b->len = len;
		d->b->s[len] = '\0';
		return;
	}
	if (left) {
		kt_buf_puts(d->b, fds ? ", left " : "left ");
		wait_time(d, 2, kt_exit_blob(sc, 2));
	}
	kt_buf_putc(d->b, ')');
}

/* select's fd_set of nfds bits as the call was given it: [3 4], or the pointer. */
static void fdset(struct kt_dec *d, int i, unsigned int nfds)
{
	const struct kt_blob *blob = &d->sc->enter_blob[i];
	unsigned int fd;
	bool first = true;

	kt_sep(d);
	if (!kt_arg(d, i) || nfds > 65536 || !blob_holds(blob, (nfds + 7) / 8)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_putc(d->b, '[');
	for (fd = 0; fd < nfds; fd++) {
		if (!(blob->data[fd / 8] & (1u << (fd % 8))))
			continue;
		kt_buf_puts(d->b, first ? "" : " ");
		kt_fd(d, fd);
		first = false;
	}
	kt_buf_putc(d->b, ']');
}

static void dec_select(struct kt_dec *d)
{
	unsigned int nfds = kt_arg(d, 0);

	kt_a_int(d, 0);
	fdset(d, 1, nfds);
	fdset(d, 2, nfds);
	fdset(d, 3, nfds);
	if (d->sc->abi != KTRACE_CLI_ABI_X86_64) {
		kt_a_timespec(d, 4);	/* what the module copied: none */
	} else {
		kt_sep(d);
		wait_time(d, 4, &d->sc->enter_blob[4]);
	}
	if (!strncmp(d->name, "pselect6", 8))
		kt_a_sigmask_struct(d, 5);
	/* The ready descriptors print with the return value. */
	kt_exit_adds(d);
}

/*
 * "= 2 (in [3], out [4], left {tv_sec=0, tv_usec=99000})", "= 0
 * (Timeout)": as strace prints them, the descriptors ready (as many as
 * the return value counts, in the sets the kernel wrote back, which the
 * module copies at the exit) and the time left, from the exit of
 * select or pselect6 (x86_64: the module copies ia32's sets in neither).
 */
static void ret_select(struct kt_dec *d)
{
	static const char *const sets[] = { "in", "out", "except" };
	const struct kt_syscall *sc = d->sc;
	unsigned int nfds = kt_arg(d, 0), fd;
	int64_t ready = sc->ret;
	const char *sep = "";
	size_t start;
	bool first;
	int i;

	kt_format_retval(d, KT_RV_DEC);
	if (ready < 0 || sc->abi != KTRACE_CLI_ABI_X86_64)
		return;
	if (!ready) {
		kt_buf_puts(d->b, " (Timeout)");
		return;
	}
	kt_buf_puts(d->b, " (");
	start = d->b->len;
	for (i = 1; i <= 3 && ready > 0; i++) {
		const struct kt_blob *blob = kt_exit_blob(sc, i);

		if (!kt_arg(d, i) || nfds > 65536 || !blob ||
		    !blob_holds(blob, (nfds + 7) / 8))
			continue;
		first = true;
		for (fd = 0; fd < nfds; fd++) {
			if (!(blob->data[fd / 8] & (1u << (fd % 8))))
				continue;
			if (first)
				kt_buf_printf(d->b, "%s%s [%u", sep, sets[i - 1],
					      fd);
			else
				kt_buf_printf(d->b, " %u", fd);
			first = false;
			sep = ", ";
			if (--ready == 0)
				break;
		}
		/* strace closes the list after each set it read, once any printed */
		if (d->b->len != start)
			kt_buf_putc(d->b, ']');
	}
	if (kt_arg(d, 4)) {
		kt_buf_printf(d->b, "%sleft ", sep);
		wait_time(d, 4, kt_exit_blob(sc, 4));
	}
	kt_buf_putc(d->b, ')');
}

static const struct kt_xlat epoll_ctl_ops[] = {
	{ 1, "EPOLL_CTL_ADD" }, { 2, "EPOLL_CTL_DEL" }, { 3, "EPOLL_CTL_MOD" },
	KT_XEND
};

static const struct kt_xlat epoll_events[] = {
	{ 0x1, "EPOLLIN" }, { 0x2, "EPOLLPRI" }, { 0x4, "EPOLLOUT" },
	{ 0x8, "EPOLLERR" }, { 0x10, "EPOLLHUP" }, { 0x20, "EPOLLNVAL" },
	{ 0x40, "EPOLLRDNORM" }, { 0x80, "EPOLLRDBAND" },
	{ 0x100, "EPOLLWRNORM" }, { 0x200, "EPOLLWRBAND" },
	{ 0x400, "EPOLLMSG" }, { 0x2000, "EPOLLRDHUP" },
	{ 1u << 28, "EPOLLEXCLUSIVE" }, { 1u << 29, "EPOLLWAKEUP" },
	{ 1u << 30, "EPOLLONESHOT" }, { 1u << 31, "EPOLLET" },
	KT_XEND
};

/* struct epoll_event is packed on x86: 4 + 8 bytes. */
static void epoll_event(struct kt_dec *d, int i, size_t off)
{
	uint32_t ev;
	uint64_t data;

	kt_blob_read(d, i, off, &ev, 4);
	kt_blob_read(d, i, off + 4, &data, 8);
	kt_buf_puts(d->b, "{events=");
	kt_format_flags(d->b, epoll_events, ev, NULL);
	kt_buf_printf(d->b, ", data={u32=%u, u64=%llu}}", (uint32_t)data,
		      (unsigned long long)data);
}

static void dec_epoll_ctl(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_xval(d, 1, epoll_ctl_ops, "EPOLL_CTL_???");
	kt_a_fd(d, 2);
	kt_sep(d);
	if (kt_blob_usable(d, 3, 12))
		epoll_event(d, 3, 0);
	else
		kt_format_ptr(d->b, kt_arg(d, 3));
}

static void dec_epoll_wait(struct kt_dec *d)
{
	int64_t k;

	kt_a_fd(d, 0);
	if (kt_entry_only(d, true))
		return;
	kt_sep(d);
	if (kt_exiting_ok(d) && d->sc->ret >= 0 && d->sc->ret <= 1024 &&
	    kt_blob_usable(d, 1, d->sc->ret * 12)) {
		kt_buf_putc(d->b, '[');
		for (k = 0; k < d->sc->ret; k++) {
			kt_buf_puts(d->b, k ? ", " : "");
			epoll_event(d, 1, k * 12);
		}
		kt_buf_putc(d->b, ']');
	} else {
		kt_format_ptr(d->b, kt_arg(d, 1));
	}
	kt_a_int(d, 2);
	if (!strcmp(d->name, "epoll_pwait2"))
		kt_a_timespec(d, 3);
	else
		kt_a_int(d, 3);
	if (strcmp(d->name, "epoll_wait")) {
		kt_a_sigset(d, 4, kt_arg(d, 5));
		kt_a_ulong(d, 5);
	}
}

static const struct kt_xlat epoll_flags[] = {
	{ 02000000, "EPOLL_CLOEXEC" }, KT_XEND
};

static void dec_epoll_create1(struct kt_dec *d)
{
	kt_a_flags(d, 0, epoll_flags, "EPOLL_???");
}

static void dec_int0(struct kt_dec *d)
{
	kt_a_int(d, 0);
}

static const struct kt_xlat efd_flags[] = {
	{ 1, "EFD_SEMAPHORE" }, { 02000000, "EFD_CLOEXEC" },
	{ 04000, "EFD_NONBLOCK" }, KT_XEND
};

static void dec_eventfd2(struct kt_dec *d)
{
	kt_a_uint(d, 0);
	kt_a_flags(d, 1, efd_flags, "EFD_???");
}

static const struct kt_xlat mfd_flags[] = {
	{ 1, "MFD_CLOEXEC" }, { 2, "MFD_ALLOW_SEALING" },
	{ 4, "MFD_HUGETLB" }, { 8, "MFD_NOEXEC_SEAL" }, { 16, "MFD_EXEC" },
	KT_XEND
};

static void dec_memfd_create(struct kt_dec *d)
{
	kt_a_str(d, 0);
	kt_a_flags(d, 1, mfd_flags, "MFD_???");
}

static const struct kt_xlat dirent_types[] = {
	{ 0, "DT_UNKNOWN" }, { 1, "DT_FIFO" }, { 2, "DT_CHR" },
	{ 4, "DT_DIR" }, { 6, "DT_BLK" }, { 8, "DT_REG" }, { 10, "DT_LNK" },
	{ 12, "DT_SOCK" }, { 14, "DT_WHT" },
	KT_XEND
};

/*
 * -v: the entries, as strace prints them unabbreviated, from the
 * KTRACE_BLOB_DIRENTS blob (KTRACE_CFG_VERBOSE): struct linux_dirent64
 * (d_type before the name) or, for getdents, the ABI's struct
 * linux_dirent (d_type in the record's last byte, printed last).  The
 * whole entries the record holds; "..." for those beyond its room.
 */
static void dirent_list(struct kt_dec *d, const struct kt_blob *v, bool is64,
			uint64_t ret)
{
	unsigned int ls = is64 ? 8 : kt_long_size(d);
	size_t name_off = is64 ? 19 : 2 * ls + 2, off = 0, nlen;
	uint64_t ino = 0, doff = 0, len = v->len < ret ? v->len : ret;
	const uint8_t *e;
	uint16_t reclen;
	uint8_t type;

	kt_sep(d);
	kt_buf_putc(d->b, '[');
	while (off + name_off <= len) {
		e = v->data + off;
		memcpy(&reclen, e + 2 * ls, 2);
		if (reclen < name_off + 1 || off + reclen > len)
			break;
		memcpy(&ino, e, ls);
		memcpy(&doff, e + ls, ls);
		type = is64 ? e[18] : e[reclen - 1];
		nlen = strnlen((const char *)e + name_off, reclen - name_off);
		kt_buf_printf(d->b, "%s{d_ino=%llu, d_off=%lld, d_reclen=%u",
			      off ? ", " : "", (unsigned long long)ino,
			      ls == 4 ? (long long)(int32_t)doff :
					(long long)doff, reclen);
		if (is64) {
			kt_buf_puts(d->b, ", d_type=");
			kt_format_xval(d->b, dirent_types, type, "DT_???");
		}
		kt_buf_puts(d->b, ", d_name=");
		kt_format_bytes(d->b, e + name_off, nlen, nlen, false);
		if (!is64) {
			kt_buf_puts(d->b, ", d_type=");
			kt_format_xval(d->b, dirent_types, type, "DT_???");
		}
		kt_buf_putc(d->b, '}');
		off += reclen;
	}
	if (off < ret)
		kt_buf_puts(d->b, off ? ", ..." : "...");
	kt_buf_putc(d->b, ']');
}

static void dec_getdents(struct kt_dec *d)
{
	const struct kt_blob *blob = kt_blob_at(d, 1);
	bool is64 = !strcmp(d->name, "getdents64");
	size_t reclen_off = is64 ? 16 : 2 * kt_long_size(d);

	kt_a_fd(d, 0);
	if (kt_entry_only(d, true))
		return;
	if (kt_exiting_ok(d) && !kt_abbrev(d->sc) && kt_verbose(d->sc) &&
	    kt_arg(d, 1) && (!d->sc->ret || d->sc->dirents.data)) {
		dirent_list(d, &d->sc->dirents, is64, d->sc->ret);
		kt_a_uint(d, 2);
		return;
	}
	kt_a_ptr(d, 1);
	if (kt_exiting_ok(d) && !d->sc->ret) {
		kt_buf_puts(d->b, " /* 0 entries */");
	} else if (kt_exiting_ok(d) && blob && blob->data &&
		   (blob->flags & KT_BLOB_COUNT) && blob->len >= 4) {
		/* The module counted the records (KTRACE_BLOB_COUNT). */
		uint32_t n;

		memcpy(&n, blob->data, 4);
		kt_buf_printf(d->b, " /* %u entries */", n);
	} else if (kt_exiting_ok(d) && blob && blob->data &&
		   !(blob->flags & KT_BLOB_COUNT) &&
		   blob->len >= (uint64_t)d->sc->ret) {
		unsigned int n = 0;
		uint64_t off = 0;
		uint16_t reclen;

		while (off + reclen_off + 2 <= (uint64_t)d->sc->ret) {
			memcpy(&reclen, blob->data + off + reclen_off, 2);
			if (!reclen)
				break;
			off += reclen;
			n++;
		}
		kt_buf_printf(d->b, " /* %u entries */", n);
	}
	kt_a_uint(d, 2);
}

static const struct kt_xlat sync_file_range_flags[] = {
	{ 1, "SYNC_FILE_RANGE_WAIT_BEFORE" }, { 2, "SYNC_FILE_RANGE_WRITE" },
	{ 4, "SYNC_FILE_RANGE_WAIT_AFTER" }, KT_XEND
};

static void dec_sync_file_range(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_long(d, 1);
	kt_a_long(d, 2);
	kt_a_flags(d, 3, sync_file_range_flags, "SYNC_FILE_RANGE_???");
}

static const struct kt_xlat close_range_flags[] = {
	{ 2, "CLOSE_RANGE_UNSHARE" }, { 4, "CLOSE_RANGE_CLOEXEC" }, KT_XEND
};

/* close_range(3, 4294967295, 0): strace prints both ends as numbers */
static void dec_close_range(struct kt_dec *d)
{
	kt_a_uint(d, 0);
	kt_a_uint(d, 1);
	kt_a_flags(d, 2, close_range_flags, "CLOSE_RANGE_???");
}

static const struct kt_xlat splice_flags[] = {
	{ 1, "SPLICE_F_MOVE" }, { 2, "SPLICE_F_NONBLOCK" },
	{ 4, "SPLICE_F_MORE" }, { 8, "SPLICE_F_GIFT" }, KT_XEND
};

/* A loff_t the call reads: "[5]", NULL, or the pointer. */
static void splice_offset(struct kt_dec *d, int i)
{
	int64_t off;

	kt_sep(d);
	if (!kt_blob_read(d, i, 0, &off, 8))
		kt_format_ptr(d->b, kt_arg(d, i));
	else
		kt_buf_printf(d->b, "[%lld]", (long long)off);
}

/* splice(4, [0], 8, NULL, 8, SPLICE_F_MOVE) = 8 */
static void dec_splice(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	splice_offset(d, 1);
	kt_a_fd(d, 2);
	splice_offset(d, 3);
	kt_a_ulong(d, 4);
	kt_a_flags(d, 5, splice_flags, "SPLICE_F_???");
}

static void dec_tee(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_fd(d, 1);
	kt_a_ulong(d, 2);
	kt_a_flags(d, 3, splice_flags, "SPLICE_F_???");
}

/* vmsplice(6, [{iov_base="abc", iov_len=3}], 1, 0): the vector at entry */
static void dec_vmsplice(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	iovec(d, 1, kt_arg(d, 2));
	kt_a_ulong(d, 2);
	kt_a_flags(d, 3, splice_flags, "SPLICE_F_???");
}

/* readahead(fd, offset, count); i386 passes the offset in two words. */
static void dec_readahead(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	if (d->sc->abi == KTRACE_CLI_ABI_I386) {
		a_long64(d, 1);
		kt_a_ulong(d, 3);
		return;
	}
	kt_a_long(d, 1);
	kt_a_ulong(d, 2);
}

static const struct kt_decoder decoders[] = {
	{ "read", dec_read, KT_RV_DEC, NULL },
	{ "pread64", dec_pread, KT_RV_DEC, NULL },
	{ "readv", dec_readv, KT_RV_DEC, NULL },
	{ "preadv", dec_preadv, KT_RV_DEC, NULL },
	{ "preadv2", dec_preadv, KT_RV_DEC, NULL },
	{ "write", dec_write, KT_RV_DEC, NULL },
	{ "pwrite64", dec_pwrite, KT_RV_DEC, NULL },
	{ "writev", dec_writev, KT_RV_DEC, NULL },
	{ "pwritev", dec_pwritev, KT_RV_DEC, NULL },
	{ "pwritev2", dec_pwritev, KT_RV_DEC, NULL },
	{ "splice", dec_splice, KT_RV_DEC, NULL },
	{ "tee", dec_tee, KT_RV_DEC, NULL },
	{ "vmsplice", dec_vmsplice, KT_RV_DEC, NULL },
	{ "readahead", dec_readahead, KT_RV_DEC, NULL },
	{ "lseek", dec_lseek, KT_RV_DEC, NULL },
	{ "_llseek", dec_llseek, KT_RV_DEC, NULL },
	{ "close", dec_close, KT_RV_DEC, NULL },
	{ "dup", dec_close, KT_RV_FD, NULL },
	{ "dup2", dec_dup2, KT_RV_FD, NULL },
	{ "dup3", dec_dup3, KT_RV_FD, NULL },
	{ "pipe", dec_pipe, KT_RV_DEC, NULL },
	{ "pipe2", dec_pipe2, KT_RV_DEC, NULL },
	{ "fcntl", dec_fcntl, KT_RV_DEC, ret_fcntl },
	{ "fcntl64", dec_fcntl, KT_RV_DEC, ret_fcntl },
	{ "ioctl", dec_ioctl, KT_RV_DEC, ret_ioctl },
	{ "flock", dec_flock, KT_RV_DEC, NULL },
	{ "fadvise64", dec_fadvise64, KT_RV_DEC, NULL },
	{ "fadvise64_64", dec_fadvise64, KT_RV_DEC, NULL },
	{ "copy_file_range", dec_copy_file_range, KT_RV_DEC, NULL },
	{ "sendfile", dec_sendfile, KT_RV_DEC, NULL },
	{ "sendfile64", dec_sendfile, KT_RV_DEC, NULL },
	{ "fsync", dec_fd_only, KT_RV_DEC, NULL },
	{ "fdatasync", dec_fd_only, KT_RV_DEC, NULL },
	{ "syncfs", dec_fd_only, KT_RV_DEC, NULL },
	{ "sync", dec_none, KT_RV_DEC, NULL },
	{ "sync_file_range", dec_sync_file_range, KT_RV_DEC, NULL },
	{ "close_range", dec_close_range, KT_RV_DEC, NULL },
	{ "poll", dec_poll, KT_RV_DEC, ret_poll },
	{ "ppoll", dec_poll, KT_RV_DEC, ret_poll },
	{ "ppoll_time64", dec_poll, KT_RV_DEC, ret_poll },
	{ "select", dec_select, KT_RV_DEC, ret_select },
	{ "_newselect", dec_select, KT_RV_DEC, NULL },
	{ "pselect6", dec_select, KT_RV_DEC, ret_select },
	{ "pselect6_time64", dec_select, KT_RV_DEC, NULL },
	{ "epoll_create", dec_int0, KT_RV_FD, NULL },
	{ "epoll_create1", dec_epoll_create1, KT_RV_FD, NULL },
	{ "epoll_ctl", dec_epoll_ctl, KT_RV_DEC, NULL },
	{ "epoll_wait", dec_epoll_wait, KT_RV_DEC, NULL },
	{ "epoll_pwait", dec_epoll_wait, KT_RV_DEC, NULL },
	{ "epoll_pwait2", dec_epoll_wait, KT_RV_DEC, NULL },
	{ "eventfd", dec_int0, KT_RV_FD, NULL },
	{ "eventfd2", dec_eventfd2, KT_RV_FD, NULL },
	{ "memfd_create", dec_memfd_create, KT_RV_FD, NULL },
	{ "getdents64", dec_getdents, KT_RV_DEC, NULL },
	{ "getdents", dec_getdents, KT_RV_DEC, NULL },
};

const struct kt_decoder_table kt_desc_decoders = {
	decoders, ARRAY_SIZE(decoders)
};
