// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): decoders of the new mount API and of the quota calls, as
 * strace 6.1 prints them.  fsopen, fsconfig (its key and value by
 * command: a string, a path, bytes in hex, a descriptor), fsmount,
 * move_mount, open_tree, fspick and mount_setattr's struct mount_attr
 * (and the bytes past it that are not zero); quotactl's and
 * quotactl_fd's command as QCMD(cmd, type) and the structure each
 * command reads or writes: the format, struct if_dqinfo, if_dqblk,
 * if_nextdqblk, XFS's fs_disk_quota and quota flags.  Not XFS's
 * fs_quota_stat and fs_quota_statv (Q_XGETQSTAT, Q_XGETQSTATV): their
 * address.
 */
#include <string.h>

#include "decoders.h"

#define KT_AT_EMPTY_PATH	0x1000
#define KT_MOUNT_ATTR_IDMAP	0x100000
#define KT_MOUNT_ATTR_SIZE0	32	/* MOUNT_ATTR_SIZE_VER0 */
#define KT_PAGE_SIZE		4096

static const struct kt_xlat fsopen_flags[] = {
	{ 1, "FSOPEN_CLOEXEC" }, KT_XEND
};

static const struct kt_xlat fsmount_flags[] = {
	{ 1, "FSMOUNT_CLOEXEC" }, KT_XEND
};

static const struct kt_xlat fspick_flags[] = {
	{ 1, "FSPICK_CLOEXEC" }, { 2, "FSPICK_SYMLINK_NOFOLLOW" },
	{ 4, "FSPICK_NO_AUTOMOUNT" }, { 8, "FSPICK_EMPTY_PATH" }, KT_XEND
};

static const struct kt_xlat move_mount_flags[] = {
	{ 0x1, "MOVE_MOUNT_F_SYMLINKS" }, { 0x2, "MOVE_MOUNT_F_AUTOMOUNTS" },
	{ 0x4, "MOVE_MOUNT_F_EMPTY_PATH" }, { 0x10, "MOVE_MOUNT_T_SYMLINKS" },
	{ 0x20, "MOVE_MOUNT_T_AUTOMOUNTS" },
	{ 0x40, "MOVE_MOUNT_T_EMPTY_PATH" }, { 0x100, "MOVE_MOUNT_SET_GROUP" },
	KT_XEND
};

static const struct kt_xlat open_tree_flags[] = {
	{ 0x1, "OPEN_TREE_CLONE" }, { 0x80000, "OPEN_TREE_CLOEXEC" },
	{ 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x200, "AT_REMOVEDIR" },
	{ 0x400, "AT_SYMLINK_FOLLOW" }, { 0x800, "AT_NO_AUTOMOUNT" },
	{ KT_AT_EMPTY_PATH, "AT_EMPTY_PATH" }, { 0x8000, "AT_RECURSIVE" },
	KT_XEND
};

static const struct kt_xlat mount_setattr_flags[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x800, "AT_NO_AUTOMOUNT" },
	{ KT_AT_EMPTY_PATH, "AT_EMPTY_PATH" }, { 0x8000, "AT_RECURSIVE" },
	KT_XEND
};

/* fsmount's attributes: the first seven of mount_setattr's */
static const struct kt_xlat fsmount_attrs[] = {
	{ 0x1, "MOUNT_ATTR_RDONLY" }, { 0x2, "MOUNT_ATTR_NOSUID" },
	{ 0x4, "MOUNT_ATTR_NODEV" }, { 0x8, "MOUNT_ATTR_NOEXEC" },
	{ 0x10, "MOUNT_ATTR_NOATIME" }, { 0x20, "MOUNT_ATTR_STRICTATIME" },
	{ 0x80, "MOUNT_ATTR_NODIRATIME" }, KT_XEND
};

static const struct kt_xlat mount_attrs[] = {
	{ 0x1, "MOUNT_ATTR_RDONLY" }, { 0x2, "MOUNT_ATTR_NOSUID" },
	{ 0x4, "MOUNT_ATTR_NODEV" }, { 0x8, "MOUNT_ATTR_NOEXEC" },
	{ 0x10, "MOUNT_ATTR_NOATIME" }, { 0x20, "MOUNT_ATTR_STRICTATIME" },
	{ 0x80, "MOUNT_ATTR_NODIRATIME" },
	{ KT_MOUNT_ATTR_IDMAP, "MOUNT_ATTR_IDMAP" },
	{ 0x200000, "MOUNT_ATTR_NOSYMFOLLOW" },
	KT_XEND
};

static const struct kt_xlat propagations[] = {
	{ 1U << 17, "MS_UNBINDABLE" }, { 1U << 18, "MS_PRIVATE" },
	{ 1U << 19, "MS_SLAVE" }, { 1U << 20, "MS_SHARED" }, KT_XEND
};

enum {
	KT_FSCONFIG_SET_FLAG, KT_FSCONFIG_SET_STRING, KT_FSCONFIG_SET_BINARY,
	KT_FSCONFIG_SET_PATH, KT_FSCONFIG_SET_PATH_EMPTY, KT_FSCONFIG_SET_FD,
	KT_FSCONFIG_CMD_CREATE, KT_FSCONFIG_CMD_RECONFIGURE,
};

static const struct kt_xlat fsconfig_cmds[] = {
	{ 0, "FSCONFIG_SET_FLAG" }, { 1, "FSCONFIG_SET_STRING" },
	{ 2, "FSCONFIG_SET_BINARY" }, { 3, "FSCONFIG_SET_PATH" },
	{ 4, "FSCONFIG_SET_PATH_EMPTY" }, { 5, "FSCONFIG_SET_FD" },
	{ 6, "FSCONFIG_CMD_CREATE" }, { 7, "FSCONFIG_CMD_RECONFIGURE" },
	KT_XEND
};

/* fsopen("tmpfs", FSOPEN_CLOEXEC) = 3: the name is a string, cut at -s */
static void dec_fsopen(struct kt_dec *d)
{
	kt_a_str(d, 0);
	kt_a_flags(d, 1, fsopen_flags, "FSOPEN_???");
}

/*
 * fsconfig(3, FSCONFIG_SET_STRING, "size", "1M", 0) = 0: the key of the
 * SET commands; the value of SET_STRING as a string, of SET_PATH and
 * SET_PATH_EMPTY as a path, of SET_BINARY as its aux bytes in hex (up to
 * 1 MiB); aux a directory for the paths, a descriptor for SET_FD.
 */
static void dec_fsconfig(struct kt_dec *d)
{
	uint32_t cmd = (uint32_t)kt_arg(d, 1);
	int aux = (int)kt_arg(d, 4);

	kt_a_fd(d, 0);
	kt_a_xval(d, 1, fsconfig_cmds, "FSCONFIG_???");
	if (cmd <= KT_FSCONFIG_SET_FD)
		kt_a_str(d, 2);
	else
		kt_a_ptr(d, 2);
	switch (cmd) {
	case KT_FSCONFIG_SET_STRING:
		kt_a_str(d, 3);
		break;
	case KT_FSCONFIG_SET_PATH:
	case KT_FSCONFIG_SET_PATH_EMPTY:
		kt_a_path(d, 3);
		break;
	case KT_FSCONFIG_SET_BINARY:
		if (!aux && kt_arg(d, 3)) {
			kt_sep(d);
			kt_buf_puts(d->b, "\"\"");
			break;
		}
		if (aux > 0 && aux <= 1024 * 1024 && kt_blob_usable(d, 3, 0)) {
			const struct kt_blob *v = kt_blob_at(d, 3);
			size_t n = v->len < (size_t)aux ? v->len : (size_t)aux;

			kt_sep(d);
			kt_format_hex_bytes(d->b, v->data, n, d->o->strsize,
					    n < (size_t)aux ||
					    (v->flags & KT_BLOB_TRUNCATED));
			break;
		}
		kt_a_ptr(d, 3);
		break;
	default:
		kt_a_ptr(d, 3);
	}
	if (cmd == KT_FSCONFIG_SET_PATH || cmd == KT_FSCONFIG_SET_PATH_EMPTY)
		kt_a_dirfd(d, 4);
	else if (cmd == KT_FSCONFIG_SET_FD)
		kt_a_fd(d, 4);
	else
		kt_a_int(d, 4);
}

/* fsmount(3, FSMOUNT_CLOEXEC, MOUNT_ATTR_NOSUID|MOUNT_ATTR_NODEV) = 4 */
static void dec_fsmount(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_flags(d, 1, fsmount_flags, "FSMOUNT_???");
	kt_a_flags(d, 2, fsmount_attrs, "MOUNT_ATTR_???");
}

/* move_mount(-1, "", AT_FDCWD, "/mnt", MOVE_MOUNT_F_EMPTY_PATH) = 0 */
static void dec_move_mount(struct kt_dec *d)
{
	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	kt_a_dirfd(d, 2);
	kt_a_path(d, 3);
	kt_a_flags(d, 4, move_mount_flags, "MOVE_MOUNT_???");
}

/* open_tree(AT_FDCWD, "/tmp", OPEN_TREE_CLONE) = 3 */
static void dec_open_tree(struct kt_dec *d)
{
	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	kt_a_flags(d, 2, open_tree_flags, "OPEN_TREE_???");
}

/* fspick(AT_FDCWD, "/", FSPICK_CLOEXEC) = 3 */
static void dec_fspick(struct kt_dec *d)
{
	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	kt_a_flags(d, 2, fspick_flags, "FSPICK_???");
}

/*
 * struct mount_attr (four __u64) of @size bytes at argument 3:
 * {attr_set=..., attr_clr=..., propagation=..., userns_fd=...}, then the
 * bytes past its 32 (to a page) when one is not zero; its address when
 * @size is less.
 */
static void mount_attr(struct kt_dec *d, uint64_t size)
{
	const struct kt_blob *blob = kt_blob_at(d, 3);
	uint64_t total = size < KT_PAGE_SIZE ? size : KT_PAGE_SIZE;
	uint64_t a[4];
	size_t k, n;

	kt_sep(d);
	if (size < KT_MOUNT_ATTR_SIZE0 || !kt_blob_read(d, 3, 0, a, sizeof(a))) {
		kt_format_ptr(d->b, kt_arg(d, 3));
		return;
	}
	kt_buf_puts(d->b, "{attr_set=");
	kt_format_flags(d->b, mount_attrs, a[0], "MOUNT_ATTR_???");
	kt_buf_puts(d->b, ", attr_clr=");
	kt_format_flags(d->b, mount_attrs, a[1], "MOUNT_ATTR_???");
	kt_buf_puts(d->b, ", propagation=");
	kt_format_xval(d->b, propagations, a[2], "MS_???");
	kt_buf_puts(d->b, ", userns_fd=");
	if (a[3] > INT32_MAX || !((a[0] | a[1]) & KT_MOUNT_ATTR_IDMAP))
		kt_buf_udec(d->b, a[3]);	/* strace: not a descriptor */
	else
		kt_fd(d, (int)a[3]);
	/* What the module copied of the rest, within the snap length. */
	n = blob->len < total ? blob->len : total;
	for (k = KT_MOUNT_ATTR_SIZE0; k < n && !blob->data[k]; k++)
		;
	if (k < n) {
		kt_buf_printf(d->b, ", /* bytes %u..%u */ ",
			      KT_MOUNT_ATTR_SIZE0, (unsigned int)total - 1);
		kt_format_hex_bytes(d->b, blob->data + KT_MOUNT_ATTR_SIZE0,
				    n - KT_MOUNT_ATTR_SIZE0, d->o->strsize,
				    n < total);
	}
	kt_buf_putc(d->b, '}');
}

/*
 * mount_setattr(-1, "/mnt", AT_RECURSIVE, {attr_set=MOUNT_ATTR_RDONLY,
 * attr_clr=0, propagation=0 /+ MS_??? +/, userns_fd=0}, 32) = 0
 */
static void dec_mount_setattr(struct kt_dec *d)
{
	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	kt_a_flags(d, 2, mount_setattr_flags, "AT_???");
	mount_attr(d, kt_arg(d, 4));
	kt_a_ulong(d, 4);
}

/* The quota commands, QCMD_CMD(): the number above the type's byte. */
#define KT_Q_NEW(c)	(0x800000U | (c))
#define KT_Q_OLD(c)	((c) << 8)
#define KT_Q_X(c)	(('X' << 8) | (c))

enum {
	KT_Q_SYNC = KT_Q_NEW(1), KT_Q_QUOTAON = KT_Q_NEW(2),
	KT_Q_QUOTAOFF = KT_Q_NEW(3), KT_Q_GETFMT = KT_Q_NEW(4),
	KT_Q_GETINFO = KT_Q_NEW(5), KT_Q_SETINFO = KT_Q_NEW(6),
	KT_Q_GETQUOTA = KT_Q_NEW(7), KT_Q_SETQUOTA = KT_Q_NEW(8),
	KT_Q_GETNEXTQUOTA = KT_Q_NEW(9),
	KT_Q_XQUOTAON = KT_Q_X(1), KT_Q_XQUOTAOFF = KT_Q_X(2),
	KT_Q_XGETQUOTA = KT_Q_X(3), KT_Q_XSETQLIM = KT_Q_X(4),
	KT_Q_XGETQSTAT = KT_Q_X(5), KT_Q_XQUOTARM = KT_Q_X(6),
	KT_Q_XQUOTASYNC = KT_Q_X(7), KT_Q_XGETQSTATV = KT_Q_X(8),
	KT_Q_XGETNEXTQUOTA = KT_Q_X(9),
};

static const struct kt_xlat quota_cmds[] = {
	{ KT_Q_OLD(0x1), "Q_V1_QUOTAON" }, { KT_Q_OLD(0x2), "Q_V1_QUOTAOFF" },
	{ KT_Q_OLD(0x3), "Q_V1_GETQUOTA" }, { KT_Q_OLD(0x4), "Q_V1_SETQUOTA" },
	{ KT_Q_OLD(0x5), "Q_V1_SETUSE" }, { KT_Q_OLD(0x6), "Q_V1_SYNC" },
	{ KT_Q_OLD(0x7), "Q_SETQLIM" }, { KT_Q_OLD(0x8), "Q_V1_GETSTATS" },
	{ KT_Q_OLD(0x10), "Q_V1_RSQUASH" },
	{ KT_Q_OLD(0xd), "Q_V2_GETQUOTA" }, { KT_Q_OLD(0xe), "Q_V2_SETQUOTA" },
	{ KT_Q_OLD(0xf), "Q_V2_SETUSE" }, { KT_Q_OLD(0x9), "Q_V2_GETINFO" },
	{ KT_Q_OLD(0xa), "Q_V2_SETINFO" }, { KT_Q_OLD(0xb), "Q_V2_SETGRACE" },
	{ KT_Q_OLD(0xc), "Q_V2_SETFLAGS" }, { KT_Q_OLD(0x11), "Q_V2_GETSTATS" },
	{ KT_Q_SYNC, "Q_SYNC" }, { KT_Q_QUOTAON, "Q_QUOTAON" },
	{ KT_Q_QUOTAOFF, "Q_QUOTAOFF" }, { KT_Q_GETFMT, "Q_GETFMT" },
	{ KT_Q_GETINFO, "Q_GETINFO" }, { KT_Q_SETINFO, "Q_SETINFO" },
	{ KT_Q_GETQUOTA, "Q_GETQUOTA" }, { KT_Q_SETQUOTA, "Q_SETQUOTA" },
	{ KT_Q_GETNEXTQUOTA, "Q_GETNEXTQUOTA" },
	{ KT_Q_XQUOTAON, "Q_XQUOTAON" }, { KT_Q_XQUOTAOFF, "Q_XQUOTAOFF" },
	{ KT_Q_XGETQUOTA, "Q_XGETQUOTA" }, { KT_Q_XSETQLIM, "Q_XSETQLIM" },
	{ KT_Q_XGETQSTAT, "Q_XGETQSTAT" }, { KT_Q_XQUOTARM, "Q_XQUOTARM" },
	{ KT_Q_XQUOTASYNC, "Q_XQUOTASYNC" },
	{ KT_Q_XGETQSTATV, "Q_XGETQSTATV" },
	{ KT_Q_XGETNEXTQUOTA, "Q_XGETNEXTQUOTA" },
	KT_XEND
};

static const struct kt_xlat quota_types[] = {
	{ 0, "USRQUOTA" }, { 1, "GRPQUOTA" }, { 2, "PRJQUOTA" }, KT_XEND
};

static const struct kt_xlat quota_formats[] = {
	{ 1, "QFMT_VFS_OLD" }, { 2, "QFMT_VFS_V0" }, { 3, "QFMT_OCFS2" },
	{ 4, "QFMT_VFS_V1" }, KT_XEND
};

static const struct kt_xlat xfs_quota_flags[] = {
	{ 1, "FS_QUOTA_UDQ_ACCT" }, { 2, "FS_QUOTA_UDQ_ENFD" },
	{ 4, "FS_QUOTA_GDQ_ACCT" }, { 8, "FS_QUOTA_GDQ_ENFD" },
	{ 16, "FS_QUOTA_PDQ_ACCT" }, { 32, "FS_QUOTA_PDQ_ENFD" }, KT_XEND
};

static const struct kt_xlat xfs_dqblk_flags[] = {
	{ 1, "FS_USER_QUOTA" }, { 2, "FS_PROJ_QUOTA" }, { 4, "FS_GROUP_QUOTA" },
	KT_XEND
};

static const struct kt_xlat dqblk_valid[] = {
	{ 1, "QIF_BLIMITS" }, { 2, "QIF_SPACE" }, { 4, "QIF_ILIMITS" },
	{ 8, "QIF_INODES" }, { 16, "QIF_BTIME" }, { 32, "QIF_ITIME" }, KT_XEND
};

static const struct kt_xlat dqinfo_flags[] = {
	{ 1, "DQF_ROOT_SQUASH" }, { 1U << 16, "DQF_SYS_FILE" }, KT_XEND
};

static const struct kt_xlat dqinfo_valid[] = {
	{ 1, "IIF_BGRACE" }, { 2, "IIF_IGRACE" }, { 4, "IIF_FLAGS" }, KT_XEND
};

/* One of a table's names, else the number and a comment: no -X. */
static void quota_name(struct kt_buf *b, const struct kt_xlat *x,
		       uint32_t v, const char *unknown)
{
	const char *s = kt_xlat_find(x, v);

	if (s)
		kt_buf_puts(b, s);
	else
		kt_buf_printf(b, "%#x /* %s */", v, unknown);
}

/*
 * QCMD(Q_GETFMT, USRQUOTA); -X raw: its number; -X verbose: the number
 * and the rest in a comment.
 */
static void quota_cmd(struct kt_dec *d, int i)
{
	uint32_t qcmd = (uint32_t)kt_arg(d, i);

	kt_sep(d);
	if (kt_xlat_style != KT_XLAT_ABBREV)
		kt_buf_udec(d->b, qcmd);
	if (kt_xlat_style == KT_XLAT_RAW)
		return;
	if (kt_xlat_style == KT_XLAT_VERBOSE)
		kt_buf_puts(d->b, " /* ");
	kt_buf_puts(d->b, "QCMD(");
	quota_name(d->b, quota_cmds, qcmd >> 8, "Q_???");
	kt_buf_puts(d->b, ", ");
	quota_name(d->b, quota_types, qcmd & 0xff, "???QUOTA");
	kt_buf_putc(d->b, ')');
	if (kt_xlat_style == KT_XLAT_VERBOSE)
		kt_buf_puts(d->b, " */");
}

static uint64_t u64_at(const uint8_t *p, size_t off)
{
	return kt_field(p, off, 8);
}

static uint32_t u32_at(const uint8_t *p, size_t off)
{
	return kt_field(p, off, 4);
}

static void u64_fields(struct kt_buf *b, const uint8_t *p, size_t off,
		       const char *const *names, unsigned int n)
{
	unsigned int k;

	for (k = 0; k < n; k++)
		kt_buf_printf(b, "%s%s=%llu", k ? ", " : "", names[k],
			      (unsigned long long)u64_at(p, off + 8 * k));
}

/*
 * struct if_dqblk (68 bytes, as strace reads it) and if_nextdqblk (72):
 * the limits and usage, and without -v "..." for the times and valid.
 */
static void if_dqblk(struct kt_dec *d, const uint8_t *p, bool next)
{
	static const char *const names[] = {
		"dqb_bhardlimit", "dqb_bsoftlimit", "dqb_curspace",
		"dqb_ihardlimit", "dqb_isoftlimit", "dqb_curinodes",
		"dqb_btime", "dqb_itime"
	};
	bool abbrev = kt_abbrev(d->sc);

	kt_buf_putc(d->b, '{');
	u64_fields(d->b, p, 0, names, abbrev ? 6 : 8);
	if (!abbrev) {
		kt_buf_puts(d->b, ", dqb_valid=");
		kt_format_flags(d->b, dqblk_valid, u32_at(p, 64), "QIF_???");
	}
	if (next)
		kt_buf_printf(d->b, ", dqb_id=%u", u32_at(p, 68));
	if (abbrev)
		kt_buf_puts(d->b, ", ...");
	kt_buf_putc(d->b, '}');
}

/* struct if_dqinfo (24 bytes) */
static void if_dqinfo(struct kt_dec *d, const uint8_t *p)
{
	kt_buf_printf(d->b, "{dqi_bgrace=%llu, dqi_igrace=%llu, dqi_flags=",
		      (unsigned long long)u64_at(p, 0),
		      (unsigned long long)u64_at(p, 8));
	kt_format_flags(d->b, dqinfo_flags, u32_at(p, 16), "DQF_???");
	kt_buf_puts(d->b, ", dqi_valid=");
	kt_format_flags(d->b, dqinfo_valid, u32_at(p, 20), "IIF_???");
	kt_buf_putc(d->b, '}');
}

/* XFS's struct fs_disk_quota (112 bytes) */
static void fs_disk_quota(struct kt_dec *d, const uint8_t *p)
{
	static const char *const limits[] = {
		"d_blk_hardlimit", "d_blk_softlimit", "d_ino_hardlimit",
		"d_ino_softlimit", "d_bcount", "d_icount"
	};
	static const char *const rt[] = {
		"d_rtb_hardlimit", "d_rtb_softlimit", "d_rtbcount"
	};
	struct kt_buf *b = d->b;

	kt_buf_printf(b, "{d_version=%d, d_flags=", (int8_t)p[0]);
	kt_format_flags(b, xfs_dqblk_flags, p[1], "FS_???_QUOTA");
	kt_buf_puts(b, ", d_fieldmask=");
	kt_buf_hex(b, kt_field(p, 2, 2));
	kt_buf_printf(b, ", d_id=%u, ", u32_at(p, 4));
	u64_fields(b, p, 8, limits, 6);
	if (kt_abbrev(d->sc)) {
		kt_buf_puts(b, ", ...}");
		return;
	}
	kt_buf_printf(b, ", d_itimer=%d, d_btimer=%d, d_iwarns=%u, d_bwarns=%u, ",
		      (int32_t)u32_at(p, 56), (int32_t)u32_at(p, 60),
		      (unsigned int)kt_field(p, 64, 2),
		      (unsigned int)kt_field(p, 66, 2));
	u64_fields(b, p, 72, rt, 3);
	kt_buf_printf(b, ", d_rtbtimer=%d, d_rtbwarns=%u}",
		      (int32_t)u32_at(p, 96),
		      (unsigned int)kt_field(p, 100, 2));
}

/* A u32 of flags in brackets: [FS_QUOTA_UDQ_ACCT], the address unread. */
static void quota_flag(struct kt_dec *d, const uint8_t *p,
		       const struct kt_xlat *x, const char *unknown)
{
	kt_buf_putc(d->b, '[');
	kt_format_flags(d->b, x, u32_at(p, 0), unknown);
	kt_buf_putc(d->b, ']');
}

/*
 * Argument 3 as the command @cmd has it: what the caller gave, copied at
 * the enter, or what a successful call wrote, copied at its exit.  NULL
 * when fewer than @len bytes are there.
 */
static const uint8_t *quota_data(struct kt_dec *d, size_t len, bool out)
{
	const struct kt_blob *blob;

	if (!kt_arg(d, 3))
		return NULL;
	if (out) {
		if (!kt_exiting_ok(d))
			return NULL;
		blob = kt_exit_blob(d->sc, 3);
	} else {
		blob = &d->sc->enter_blob[3];
	}
	if (!blob || !blob->data || (blob->flags & KT_BLOB_FAULT) ||
	    blob->len < len)
		return NULL;
	return blob->data;
}

/* The commands with data: its size, whether the kernel writes it, an id. */
static const struct {
	uint32_t cmd;
	uint8_t len;		/* 0: not decoded */
	bool out, id;
} quota_data_cmds[] = {
	{ KT_Q_GETQUOTA, 68, true, true }, { KT_Q_SETQUOTA, 68, false, true },
	{ KT_Q_GETNEXTQUOTA, 72, true, true },
	{ KT_Q_XGETQUOTA, 112, true, true }, { KT_Q_XSETQLIM, 112, false, true },
	{ KT_Q_XGETNEXTQUOTA, 112, true, true },
	{ KT_Q_GETFMT, 4, true, false }, { KT_Q_GETINFO, 24, true, false },
	{ KT_Q_SETINFO, 24, false, false },
	{ KT_Q_XGETQSTAT, 0, true, false }, { KT_Q_XGETQSTATV, 0, true, false },
	{ KT_Q_XQUOTAON, 4, false, false }, { KT_Q_XQUOTAOFF, 4, false, false },
	{ KT_Q_XQUOTARM, 4, false, false },
};

/* Argument 3 as command @cmd's structure, at @p. */
static void quota_struct(struct kt_dec *d, uint32_t cmd, const uint8_t *p)
{
	switch (cmd) {
	case KT_Q_GETQUOTA:
	case KT_Q_SETQUOTA:
	case KT_Q_GETNEXTQUOTA:
		if_dqblk(d, p, cmd == KT_Q_GETNEXTQUOTA);
		break;
	case KT_Q_XGETQUOTA:
	case KT_Q_XGETNEXTQUOTA:
	case KT_Q_XSETQLIM:
		fs_disk_quota(d, p);
		break;
	case KT_Q_GETFMT:
		kt_buf_putc(d->b, '[');
		kt_format_xval(d->b, quota_formats, u32_at(p, 0),
			       "QFMT_VFS_???");
		kt_buf_putc(d->b, ']');
		break;
	case KT_Q_GETINFO:
	case KT_Q_SETINFO:
		if_dqinfo(d, p);
		break;
	case KT_Q_XQUOTARM:
		quota_flag(d, p, xfs_dqblk_flags, "FS_???_QUOTA");
		break;
	default:
		quota_flag(d, p, xfs_quota_flags, "FS_QUOTA_???");
	}
}

/*
 * The arguments after quotactl's special file (quotactl_fd's command) as
 * strace prints them for the command: none for the syncs and QUOTAOFF,
 * the format and quota file of QUOTAON, the id for the quota calls, then
 * the data: what the kernel reads at the enter, what it writes at the
 * exit; the id and address of commands strace does not know.
 */
static void quota_args(struct kt_dec *d, uint32_t cmd)
{
	uint32_t id = (uint32_t)kt_arg(d, 2);
	const uint8_t *p;
	size_t k;

	if (cmd == KT_Q_QUOTAOFF || cmd == KT_Q_SYNC || cmd == KT_Q_XQUOTASYNC)
		return;
	if (cmd == KT_Q_QUOTAON) {
		kt_sep(d);
		kt_format_xval(d->b, quota_formats, id, "QFMT_VFS_???");
		kt_a_path(d, 3);
		return;
	}
	for (k = 0; k < ARRAY_SIZE(quota_data_cmds); k++)
		if (quota_data_cmds[k].cmd == cmd)
			break;
	if (k == ARRAY_SIZE(quota_data_cmds) || quota_data_cmds[k].id) {
		kt_sep(d);
		kt_format_id(d->b, id);
	}
	if (k == ARRAY_SIZE(quota_data_cmds)) {
		kt_a_ptr(d, 3);
		return;
	}
	if (quota_data_cmds[k].out && kt_entry_only(d, true))
		return;
	kt_sep(d);
	p = NULL;
	if (quota_data_cmds[k].len)
		p = quota_data(d, quota_data_cmds[k].len,
			       quota_data_cmds[k].out);
	if (p)
		quota_struct(d, cmd, p);
	else
		kt_format_ptr(d->b, kt_arg(d, 3));
}

/* quotactl(QCMD(Q_GETQUOTA, USRQUOTA), "/dev/sda", 1000, {...}) = 0 */
static void dec_quotactl(struct kt_dec *d)
{
	quota_cmd(d, 0);
	kt_a_path(d, 1);
	quota_args(d, (uint32_t)kt_arg(d, 0) >> 8);
}

/* quotactl_fd(3, QCMD(Q_GETFMT, GRPQUOTA), [QFMT_VFS_V1]) = 0 */
static void dec_quotactl_fd(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	quota_cmd(d, 1);
	quota_args(d, (uint32_t)kt_arg(d, 1) >> 8);
}

static const struct kt_xlat listmount_flags[] = {
	{ 1, "LISTMOUNT_REVERSE" }, KT_XEND
};

/*
 * listmount({size=24, mnt_id=LSMT_ROOT, param=0}, [0x80000001,
 * 0x80000002], 8, 0) = 2: struct mnt_id_req, the mount ids returned
 * (strace 6.13).
 */
static void mnt_id(struct kt_buf *b, uint64_t id)
{
	kt_buf_hex(b, id);
}

static void dec_listmount(struct kt_dec *d)
{
	uint64_t req[4], n;
	uint32_t size;

	kt_sep(d);
	if (!kt_blob_read(d, 0, 0, req, sizeof(req))) {
		kt_format_ptr(d->b, kt_arg(d, 0));
	} else {
		size = req[0];
		kt_buf_printf(d->b, "{size=%u", size);
		if (size >= 24) {
			if (req[0] >> 32)
				kt_buf_printf(d->b, ", spare=%#x",
					      (uint32_t)(req[0] >> 32));
			kt_buf_puts(d->b, ", mnt_id=");
			if (req[1] == UINT64_MAX)
				kt_buf_puts(d->b, "LSMT_ROOT");
			else
				kt_buf_hex(d->b, req[1]);
			kt_buf_puts(d->b, ", param=");
			kt_buf_hex(d->b, req[2]);
			if (size >= 32) {
				kt_buf_puts(d->b, ", mnt_ns_id=");
				kt_buf_hex(d->b, req[3]);
			}
		}
		kt_buf_putc(d->b, '}');
	}
	if (kt_entry_only(d, true))
		return;
	kt_sep(d);
	n = d->sc->ret > 0 ? (uint64_t)d->sc->ret : 0;
	kt_format_u64_array(d, 1, n < kt_arg(d, 2) ? n : kt_arg(d, 2), mnt_id);
	kt_a_ulong(d, 2);
	kt_sep(d);
	kt_format_flags(d->b, listmount_flags, (uint32_t)kt_arg(d, 3),
			"LISTMOUNT_???");
}

static const struct kt_decoder decoders[] = {
	{ "listmount", dec_listmount, KT_RV_DEC, NULL },
	{ "fsopen", dec_fsopen, KT_RV_FD, NULL },
	{ "fsconfig", dec_fsconfig, KT_RV_DEC, NULL },
	{ "fsmount", dec_fsmount, KT_RV_FD, NULL },
	{ "move_mount", dec_move_mount, KT_RV_DEC, NULL },
	{ "open_tree", dec_open_tree, KT_RV_FD, NULL },
	{ "fspick", dec_fspick, KT_RV_FD, NULL },
	/* strace prints its 0 as a descriptor, with -y its path */
	{ "mount_setattr", dec_mount_setattr, KT_RV_FD, NULL },
	{ "quotactl", dec_quotactl, KT_RV_DEC, NULL },
	{ "quotactl_fd", dec_quotactl_fd, KT_RV_DEC, NULL },
};

const struct kt_decoder_table kt_mount_decoders = {
	decoders, ARRAY_SIZE(decoders)
};
