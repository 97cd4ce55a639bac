// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): decoders of the System V IPC calls (shared memory,
 * semaphores, message queues: shmget, shmat, shmdt, shmctl, semget, semop,
 * semtimedop, semctl, msgget, msgsnd, msgrcv, msgctl) and of the POSIX
 * message queues (mq_open, mq_unlink, mq_timedsend, mq_timedreceive,
 * mq_notify, mq_getsetattr), with i386's *_time64 forms.  The structures
 * of the *ctl commands are not captured: they print as addresses.
 */
#include <string.h>

#include "decoders.h"

#define KT_IPC_64	0x100

static const struct kt_xlat ipc_private[] = {
	{ 0, "IPC_PRIVATE" }, KT_XEND
};

static const struct kt_xlat shm_resource_flags[] = {
	{ 01000, "IPC_CREAT" }, { 02000, "IPC_EXCL" },
	{ 04000, "SHM_HUGETLB" }, { 010000, "SHM_NORESERVE" }, KT_XEND
};

static const struct kt_xlat resource_flags[] = {
	{ 01000, "IPC_CREAT" }, { 02000, "IPC_EXCL" },
	{ 04000, "IPC_NOWAIT" }, KT_XEND
};

static const struct kt_xlat shm_flags[] = {
	{ 010000, "SHM_RDONLY" }, { 020000, "SHM_RND" },
	{ 040000, "SHM_REMAP" }, { 0100000, "SHM_EXEC" }, KT_XEND
};

static const struct kt_xlat semop_flags[] = {
	{ 0x1000, "SEM_UNDO" }, { 04000, "IPC_NOWAIT" }, KT_XEND
};

static const struct kt_xlat msg_flags[] = {
	{ 010000, "MSG_NOERROR" }, { 020000, "MSG_EXCEPT" },
	{ 040000, "MSG_COPY" }, { 04000, "IPC_NOWAIT" }, KT_XEND
};

static const struct kt_xlat shmctl_cmds[] = {
	{ 0, "IPC_RMID" }, { 1, "IPC_SET" }, { 2, "IPC_STAT" },
	{ 3, "IPC_INFO" }, { 11, "SHM_LOCK" }, { 12, "SHM_UNLOCK" },
	{ 13, "SHM_STAT" }, { 14, "SHM_INFO" }, { 15, "SHM_STAT_ANY" },
	KT_XEND
};

static const struct kt_xlat semctl_cmds[] = {
	{ 0, "IPC_RMID" }, { 1, "IPC_SET" }, { 2, "IPC_STAT" },
	{ 3, "IPC_INFO" }, { 11, "GETPID" }, { 12, "GETVAL" },
	{ 13, "GETALL" }, { 14, "GETNCNT" }, { 15, "GETZCNT" },
	{ 16, "SETVAL" }, { 17, "SETALL" }, { 18, "SEM_STAT" },
	{ 19, "SEM_INFO" }, { 20, "SEM_STAT_ANY" },
	KT_XEND
};

static const struct kt_xlat msgctl_cmds[] = {
	{ 0, "IPC_RMID" }, { 1, "IPC_SET" }, { 2, "IPC_STAT" },
	{ 3, "IPC_INFO" }, { 11, "MSG_STAT" }, { 12, "MSG_INFO" },
	{ 13, "MSG_STAT_ANY" },
	KT_XEND
};

/* IPC_PRIVATE or the key in hex */
static void a_key(struct kt_dec *d, int i)
{
	kt_sep(d);
	kt_format_xval(d->b, ipc_private, (uint32_t)kt_arg(d, i), NULL);
}

/* IPC_CREAT|0600: the flags that are set, then the mode */
static void a_ipc_flags(struct kt_dec *d, int i, const struct kt_xlat *x)
{
	uint32_t v = (uint32_t)kt_arg(d, i);

	kt_sep(d);
	if (v & ~0777U) {
		kt_format_flags(d->b, x, v & ~0777U, NULL);
		kt_buf_putc(d->b, '|');
	}
	kt_format_mode(d->b, v & 0777);
}

/* A *ctl command: IPC_STAT, IPC_64|IPC_STAT */
static void a_ctl_cmd(struct kt_dec *d, int i, const struct kt_xlat *x,
		      const char *unknown)
{
	uint32_t cmd = (uint32_t)kt_arg(d, i);

	kt_sep(d);
	if (cmd & KT_IPC_64)
		kt_buf_puts(d->b, "IPC_64|");
	kt_format_xval(d->b, x, cmd & ~KT_IPC_64, unknown);
}

/*
 * shmget(IPC_PRIVATE, 4096, IPC_CREAT|0600), a huge page size as
 * 21<<SHM_HUGE_SHIFT
 */
static void dec_shmget(struct kt_dec *d)
{
	uint32_t v = (uint32_t)kt_arg(d, 2);
	uint32_t huge = v & (0x3fU << 26), flags = v & ~0777U & ~huge;

	a_key(d, 0);
	kt_a_ulong(d, 1);
	kt_sep(d);
	if (flags)
		kt_format_flags(d->b, shm_resource_flags, flags, NULL);
	if (huge)
		kt_buf_printf(d->b, "%s%u<<SHM_HUGE_SHIFT", flags ? "|" : "",
			      huge >> 26);
	if (flags || huge)
		kt_buf_putc(d->b, '|');
	kt_format_mode(d->b, v & 0777);
}

static void dec_shmat(struct kt_dec *d)
{
	kt_a_int(d, 0);
	kt_a_ptr(d, 1);
	kt_a_flags(d, 2, shm_flags, "SHM_???");
}

static void dec_shmdt(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
}

/*
 * What a *ctl command does with its buffer.  The structures are read as
 * x86_64 lays them out (struct shmid64_ds and its kin): only that ABI's
 * records carry them.
 */
enum ipc_buf {
	IPC_BUF_ADDR,	/* nothing: its address */
	IPC_BUF_SET,	/* IPC_SET: read at the enter */
	IPC_BUF_DS,	/* IPC_STAT and its kin: written */
	IPC_BUF_INFO,	/* IPC_INFO and its kin: written */
	IPC_BUF_INFO2,	/* SHM_INFO: struct shm_info */
};

/*
 * {uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, only the first three
 * for IPC_SET, the fields it changes
 */
static void ipc_perm(struct kt_buf *b, const uint8_t *p, enum ipc_buf how)
{
	kt_buf_puts(b, "{uid=");
	kt_format_id(b, kt_field(p, 4, 4));
	kt_buf_puts(b, ", gid=");
	kt_format_id(b, kt_field(p, 8, 4));
	kt_buf_puts(b, ", mode=");
	kt_format_mode(b, kt_field(p, 20, 4));
	if (how != IPC_BUF_SET) {
		kt_buf_puts(b, ", key=");
		kt_buf_udec(b, kt_field(p, 0, 4));
		kt_buf_puts(b, ", cuid=");
		kt_format_id(b, kt_field(p, 12, 4));
		kt_buf_puts(b, ", cgid=");
		kt_format_id(b, kt_field(p, 16, 4));
	}
	kt_buf_putc(b, '}');
}

/*
 * "name=value, ..." for each of @names, fields of @size bytes one after
 * the other from @off, signed ints or unsigned
 */
static void ipc_fields(struct kt_buf *b, const uint8_t *p,
		       const char *const *names, size_t off, size_t size,
		       bool sign)
{
	const char *const *n;

	for (n = names; *n; n++, off += size) {
		if (n != names)
			kt_buf_puts(b, ", ");
		kt_buf_puts(b, *n);
		kt_buf_putc(b, '=');
		if (sign)
			kt_buf_dec(b, (int32_t)kt_field(p, off, size));
		else
			kt_buf_udec(b, kt_field(p, off, size));
	}
}

/*
 * The buffer of a *ctl call, @size bytes, or its address: at the exit of
 * a success for what the call wrote, at the enter for IPC_SET.  True
 * when the caller prints it from *p.
 */
static bool ipc_buf(struct kt_dec *d, int i, enum ipc_buf how, size_t size,
		    const uint8_t **p)
{
	if (how == IPC_BUF_ADDR || (how != IPC_BUF_SET && !kt_exiting_ok(d)) ||
	    kt_long_size(d) != 8 || !kt_blob_usable(d, i, size)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return false;
	}
	*p = kt_blob_at(d, i)->data;
	return true;
}

/* What each command of shmctl(), semctl() and msgctl() does with the buffer */
static enum ipc_buf shm_buf(uint32_t cmd)
{
	switch (cmd) {
	case 1:			/* IPC_SET */
		return IPC_BUF_SET;
	case 2: case 13: case 15:	/* IPC_STAT, SHM_STAT, SHM_STAT_ANY */
		return IPC_BUF_DS;
	case 3:			/* IPC_INFO */
		return IPC_BUF_INFO;
	case 14:		/* SHM_INFO */
		return IPC_BUF_INFO2;
	}
	return IPC_BUF_ADDR;
}

static enum ipc_buf sem_buf(uint32_t cmd)
{
	switch (cmd) {
	case 1:
		return IPC_BUF_SET;
	case 2: case 18: case 20:	/* IPC_STAT, SEM_STAT, SEM_STAT_ANY */
		return IPC_BUF_DS;
	case 3: case 19:	/* IPC_INFO, SEM_INFO */
		return IPC_BUF_INFO;
	}
	return IPC_BUF_ADDR;
}

static enum ipc_buf msg_buf(uint32_t cmd)
{
	switch (cmd) {
	case 1:
		return IPC_BUF_SET;
	case 2: case 11: case 13:	/* IPC_STAT, MSG_STAT, MSG_STAT_ANY */
		return IPC_BUF_DS;
	case 3: case 12:	/* IPC_INFO, MSG_INFO */
		return IPC_BUF_INFO;
	}
	return IPC_BUF_ADDR;
}

static const char *const shm_info_names[] = {
	"shm_tot", "shm_rss", "shm_swp", "swap_attempts", "swap_successes",
	NULL
};

static const char *const shminfo_names[] = {
	"shmmax", "shmmin", "shmmni", "shmseg", "shmall", NULL
};

/*
 * shmctl(3, IPC_STAT, {shm_perm={uid=0, ...}, shm_segsz=4096, ...}) = 0,
 * what the call wrote at its exit; IPC_SET's fields at the enter
 */
static void dec_shmctl(struct kt_dec *d)
{
	const uint8_t *p;
	enum ipc_buf how;

	kt_a_int(d, 0);
	a_ctl_cmd(d, 1, shmctl_cmds, "SHM_???");
	how = shm_buf((uint32_t)kt_arg(d, 1) & ~KT_IPC_64);
	if (how > IPC_BUF_SET && kt_entry_only(d, true))
		return;
	kt_sep(d);
	if (!ipc_buf(d, 2, how, how == IPC_BUF_INFO ? 72 :
			       how == IPC_BUF_INFO2 ? 48 : 112, &p))
		return;
	if (how == IPC_BUF_INFO) {
		kt_buf_putc(d->b, '{');
		ipc_fields(d->b, p, shminfo_names, 0, 8, false);
		kt_buf_putc(d->b, '}');
		return;
	}
	if (how == IPC_BUF_INFO2) {
		kt_buf_printf(d->b, "{used_ids=%d, ", (int32_t)kt_field(p, 0, 4));
		ipc_fields(d->b, p, shm_info_names, 8, 8, false);
		kt_buf_putc(d->b, '}');
		return;
	}
	kt_buf_puts(d->b, "{shm_perm=");
	ipc_perm(d->b, p, how);
	if (how == IPC_BUF_DS) {
		kt_buf_puts(d->b, ", shm_segsz=");
		kt_buf_udec(d->b, kt_field(p, 48, 8));
		kt_buf_puts(d->b, ", shm_cpid=");
		kt_pid(d, (int32_t)kt_field(p, 80, 4), false);
		kt_buf_puts(d->b, ", shm_lpid=");
		kt_pid(d, (int32_t)kt_field(p, 84, 4), false);
		kt_buf_puts(d->b, ", shm_nattch=");
		kt_buf_udec(d->b, kt_field(p, 88, 8));
		kt_buf_puts(d->b, ", shm_atime=");
		kt_buf_udec(d->b, kt_field(p, 56, 8));
		kt_buf_puts(d->b, ", shm_dtime=");
		kt_buf_udec(d->b, kt_field(p, 64, 8));
		kt_buf_puts(d->b, ", shm_ctime=");
		kt_buf_udec(d->b, kt_field(p, 72, 8));
	}
	kt_buf_putc(d->b, '}');
}

static void dec_semget(struct kt_dec *d)
{
	a_key(d, 0);
	kt_a_int(d, 1);
	a_ipc_flags(d, 2, resource_flags);
}

/*
 * [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}], at most -s entries, then
 * the count; the pointer when not captured.
 */
static void sembufs(struct kt_dec *d)
{
	uint64_t n = kt_arg(d, 2), k;
	uint16_t num, flg;
	int16_t op;
	size_t off;

	kt_sep(d);
	if (!n || !kt_blob_usable(d, 1, 6)) {
		kt_format_ptr(d->b, kt_arg(d, 1));
	} else {
		kt_buf_putc(d->b, '[');
		for (k = 0; k < n; k++) {
			if (k)
				kt_buf_puts(d->b, ", ");
			off = k * 6;
			if (k >= d->o->strsize ||
			    !kt_blob_read(d, 1, off, &num, 2)) {
				kt_buf_puts(d->b, "...");
				break;
			}
			kt_blob_read(d, 1, off + 2, &op, 2);
			kt_blob_read(d, 1, off + 4, &flg, 2);
			kt_buf_printf(d->b, "{sem_num=%u, sem_op=%d, sem_flg=",
				      num, op);
			kt_format_flags(d->b, semop_flags, flg, "SEM_???");
			kt_buf_putc(d->b, '}');
		}
		kt_buf_putc(d->b, ']');
	}
	kt_sep(d);
	kt_buf_udec(d->b, (uint32_t)n);
}

static void dec_semop(struct kt_dec *d)
{
	kt_a_int(d, 0);
	sembufs(d);
	if (!strncmp(d->name, "semtimedop", 10))
		kt_a_timespec(d, 3);
}

static const char *const seminfo_names[] = {
	"semmap", "semmni", "semmns", "semmnu", "semmsl", "semopm", "semume",
	"semusz", "semvmx", "semaem", NULL
};

/*
 * semctl(0, 0, SETVAL, 0x5): the union's value as an address, but for the
 * structures IPC_STAT, IPC_SET, IPC_INFO and their kin point to
 */
static void dec_semctl(struct kt_dec *d)
{
	const uint8_t *p;
	enum ipc_buf how;

	kt_a_int(d, 0);
	kt_a_int(d, 1);
	a_ctl_cmd(d, 2, semctl_cmds, "SEM_???");
	how = sem_buf((uint32_t)kt_arg(d, 2) & ~KT_IPC_64);
	if (how > IPC_BUF_SET && kt_entry_only(d, true))
		return;
	kt_sep(d);
	/* i386's ipc(SEMCTL) passes a pointer to the union semun: [NULL] */
	if (kt_via_ipc(d)) {
		uint32_t semun;

		if (kt_blob_read(d, 3, 0, &semun, 4)) {
			kt_buf_putc(d->b, '[');
			kt_format_ptr(d->b, semun);
			kt_buf_putc(d->b, ']');
		} else {
			kt_format_ptr(d->b, kt_arg(d, 3));
		}
		return;
	}
	if (!ipc_buf(d, 3, how, how == IPC_BUF_INFO ? 40 : 104, &p))
		return;
	if (how == IPC_BUF_INFO) {
		kt_buf_putc(d->b, '{');
		ipc_fields(d->b, p, seminfo_names, 0, 4, true);
		kt_buf_putc(d->b, '}');
		return;
	}
	kt_buf_puts(d->b, "{sem_perm=");
	ipc_perm(d->b, p, how);
	if (how == IPC_BUF_DS) {
		kt_buf_puts(d->b, ", sem_otime=");
		kt_buf_udec(d->b, kt_field(p, 48, 8));
		kt_buf_puts(d->b, ", sem_ctime=");
		kt_buf_udec(d->b, kt_field(p, 64, 8));
		kt_buf_puts(d->b, ", sem_nsems=");
		kt_buf_udec(d->b, kt_field(p, 80, 8));
	}
	kt_buf_putc(d->b, '}');
}

static void dec_msgget(struct kt_dec *d)
{
	a_key(d, 0);
	a_ipc_flags(d, 1, resource_flags);
}

/* {mtype=1, mtext="abc"}: a long, then argument 2's bytes */
static void msgbuf(struct kt_dec *d, bool out)
{
	const struct kt_blob *blob = kt_blob_at(d, 1);
	unsigned int ls = kt_long_size(d);
	uint64_t len = kt_arg(d, 2);
	uint64_t type;
	int32_t t32;
	size_t n;

	kt_sep(d);
	if ((out && !kt_exiting_ok(d)) || !kt_blob_usable(d, 1, ls + 1)) {
		kt_format_ptr(d->b, kt_arg(d, 1));
		return;
	}
	if (ls == 8) {
		kt_blob_read(d, 1, 0, &type, 8);
	} else {
		kt_blob_read(d, 1, 0, &t32, 4);
		type = (uint64_t)(int64_t)t32;
	}
	n = blob->len - ls;
	if (len < n)
		n = len;
	kt_buf_printf(d->b, "{mtype=%lld, mtext=", (long long)type);
	kt_format_bytes(d->b, blob->data + ls, n, d->o->strsize,
			n < len || (blob->flags & KT_BLOB_TRUNCATED));
	kt_buf_putc(d->b, '}');
}

static void dec_msgsnd(struct kt_dec *d)
{
	kt_a_int(d, 0);
	msgbuf(d, false);
	kt_a_ulong(d, 2);
	kt_a_flags(d, 3, msg_flags, "MSG_???");
}

/* msgrcv(0, {mtype=1, mtext="abc\0"}, 4, 0, IPC_NOWAIT) = 4, at the exit */
static void dec_msgrcv(struct kt_dec *d)
{
	kt_a_int(d, 0);
	if (kt_entry_only(d, true))
		return;
	msgbuf(d, true);
	kt_a_ulong(d, 2);
	kt_a_long(d, 3);
	kt_a_flags(d, 4, msg_flags, "MSG_???");
}

static const char *const msginfo_names[] = {
	"msgpool", "msgmap", "msgmax", "msgmnb", "msgmni", "msgssz", "msgtql",
	NULL
};

/* msgctl(1, IPC_STAT, {msg_perm={uid=0, ...}, msg_stime=0, ...}) = 0 */
static void dec_msgctl(struct kt_dec *d)
{
	const uint8_t *p;
	enum ipc_buf how;

	kt_a_int(d, 0);
	a_ctl_cmd(d, 1, msgctl_cmds, "MSG_???");
	how = msg_buf((uint32_t)kt_arg(d, 1) & ~KT_IPC_64);
	if (how > IPC_BUF_SET && kt_entry_only(d, true))
		return;
	kt_sep(d);
	if (!ipc_buf(d, 2, how, how == IPC_BUF_INFO ? 32 : 120, &p))
		return;
	if (how == IPC_BUF_INFO) {
		kt_buf_putc(d->b, '{');
		ipc_fields(d->b, p, msginfo_names, 0, 4, true);
		kt_buf_puts(d->b, ", msgseg=");
		kt_buf_udec(d->b, kt_field(p, 28, 2));
		kt_buf_putc(d->b, '}');
		return;
	}
	kt_buf_puts(d->b, "{msg_perm=");
	ipc_perm(d->b, p, how);
	if (how == IPC_BUF_DS) {
		kt_buf_puts(d->b, ", msg_stime=");
		kt_buf_udec(d->b, kt_field(p, 48, 8));
		kt_buf_puts(d->b, ", msg_rtime=");
		kt_buf_udec(d->b, kt_field(p, 56, 8));
		kt_buf_puts(d->b, ", msg_ctime=");
		kt_buf_udec(d->b, kt_field(p, 64, 8));
		kt_buf_puts(d->b, ", msg_qnum=");
		kt_buf_udec(d->b, kt_field(p, 80, 8));
	}
	kt_buf_puts(d->b, ", msg_qbytes=");
	kt_buf_udec(d->b, kt_field(p, 88, 8));
	if (how == IPC_BUF_DS)
		kt_buf_printf(d->b, ", msg_lspid=%d, msg_lrpid=%d",
			      (int32_t)kt_field(p, 96, 4),
			      (int32_t)kt_field(p, 100, 4));
	kt_buf_putc(d->b, '}');
}

static const struct kt_xlat mq_attr_flags[] = {
	{ 04000, "O_NONBLOCK" }, KT_XEND
};

/*
 * struct mq_attr: {mq_flags=O_NONBLOCK, mq_maxmsg=2, mq_msgsize=16,
 * mq_curmsgs=0}, mq_open's flags in hex (strace does not name them there).
 */
static void mq_attr(struct kt_dec *d, int i, bool flags, bool out)
{
	const struct kt_blob *blob = kt_blob_at(d, i);
	unsigned int ls = kt_long_size(d), k;
	uint64_t v[4];
	int32_t v32;

	kt_sep(d);
	if (!kt_blob_usable(d, i, 4 * ls) || (out && !kt_exiting_ok(d))) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	for (k = 0; k < 4; k++) {
		if (ls == 8) {
			memcpy(&v[k], blob->data + k * 8, 8);
		} else {
			memcpy(&v32, blob->data + k * 4, 4);
			v[k] = (uint64_t)(int64_t)v32;
		}
	}
	kt_buf_puts(d->b, "{mq_flags=");
	if (flags)
		kt_format_flags(d->b, mq_attr_flags, v[0], "O_???");
	else
		kt_buf_hex(d->b, v[0]);
	kt_buf_printf(d->b, ", mq_maxmsg=%lld, mq_msgsize=%lld, mq_curmsgs=%lld}",
		      (long long)v[1], (long long)v[2], (long long)v[3]);
}

/* mq_open("q", O_RDWR|O_CREAT, 0600, {mq_flags=0, ...}) = 3 */
static void dec_mq_open(struct kt_dec *d)
{
	uint32_t flags = (uint32_t)kt_arg(d, 1);

	kt_a_path(d, 0);
	kt_sep(d);
	kt_format_open_flags(d->b, flags, NULL);
	if (flags & 0100) {	/* O_CREAT */
		kt_a_mode(d, 2);
		mq_attr(d, 3, false, false);
	}
}

static void dec_mq_unlink(struct kt_dec *d)
{
	kt_a_path(d, 0);
}

/* mq_timedsend(3, "hello", 5, 1, NULL) */
static void dec_mq_timedsend(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_strn(d, 1, kt_arg(d, 2), false);
	kt_a_ulong(d, 2);
	kt_a_uint(d, 3);
	kt_a_timespec(d, 4);
}

/* mq_timedreceive(3, "hello", 16, [1], NULL) = 5, at the exit */
static void dec_mq_timedreceive(struct kt_dec *d)
{
	uint32_t prio;

	kt_a_fd(d, 0);
	if (kt_entry_only(d, true))
		return;
	kt_a_buf(d, 1, d->sc->ret);
	kt_a_ulong(d, 2);
	kt_sep(d);
	if (!kt_exiting_ok(d) || !kt_blob_read(d, 3, 0, &prio, 4))
		kt_format_ptr(d->b, kt_arg(d, 3));
	else
		kt_buf_printf(d->b, "[%u]", prio);
	kt_a_timespec(d, 4);
}

/* mq_notify(3, {sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}), or NULL */
static void dec_mq_notify(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_sigevent(d, 1);
}

/* mq_getsetattr(3, NULL, {mq_flags=0, ...}): the old attributes at the exit */
static void dec_mq_getsetattr(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	mq_attr(d, 1, true, false);
	if (kt_entry_only(d, true))
		return;
	mq_attr(d, 2, true, true);
}

static const struct kt_decoder decoders[] = {
	{ "shmget", dec_shmget, KT_RV_DEC, NULL },
	{ "shmat", dec_shmat, KT_RV_HEX, NULL },
	{ "shmdt", dec_shmdt, KT_RV_DEC, NULL },
	{ "shmctl", dec_shmctl, KT_RV_DEC, NULL },
	{ "semget", dec_semget, KT_RV_DEC, NULL },
	{ "semop", dec_semop, KT_RV_DEC, NULL },
	{ "semtimedop", dec_semop, KT_RV_DEC, NULL },
	{ "semtimedop_time64", dec_semop, KT_RV_DEC, NULL },
	{ "semctl", dec_semctl, KT_RV_DEC, NULL },
	{ "msgget", dec_msgget, KT_RV_DEC, NULL },
	{ "msgsnd", dec_msgsnd, KT_RV_DEC, NULL },
	{ "msgrcv", dec_msgrcv, KT_RV_DEC, NULL },
	{ "msgctl", dec_msgctl, KT_RV_DEC, NULL },
	{ "mq_open", dec_mq_open, KT_RV_FD, NULL },
	{ "mq_unlink", dec_mq_unlink, KT_RV_DEC, NULL },
	{ "mq_timedsend", dec_mq_timedsend, KT_RV_DEC, NULL },
	{ "mq_timedsend_time64", dec_mq_timedsend, KT_RV_DEC, NULL },
	{ "mq_timedreceive", dec_mq_timedreceive, KT_RV_DEC, NULL },
	{ "mq_timedreceive_time64", dec_mq_timedreceive, KT_RV_DEC, NULL },
	{ "mq_notify", dec_mq_notify, KT_RV_DEC, NULL },
	{ "mq_getsetattr", dec_mq_getsetattr, KT_RV_DEC, NULL },
};

const struct kt_decoder_table kt_ipc_decoders = {
	decoders, ARRAY_SIZE(decoders)
};
