// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): decoders of the asynchronous I/O calls, as strace 6.1
 * prints them.  io_uring's: io_uring_setup's struct io_uring_params (what
 * the caller asks at the enter, what the kernel answers at the exit),
 * io_uring_enter's flags and signal mask, io_uring_register's opcode and
 * the descriptors it registers.  The AIO calls': io_setup's context,
 * io_getevents' events, io_cancel's iocb and event (not io_submit's
 * iocbs, which lie behind an array of pointers the capture does not
 * follow).
 */
#include <string.h>

#include "decoders.h"

#define KT_SETUP_ATTACH_WQ	(1U << 5)

/* The names strace 6.1 knows; the kernel's later flags print in hex. */
static const struct kt_xlat setup_flags[] = {
	{ 1U << 0, "IORING_SETUP_IOPOLL" }, { 1U << 1, "IORING_SETUP_SQPOLL" },
	{ 1U << 2, "IORING_SETUP_SQ_AFF" }, { 1U << 3, "IORING_SETUP_CQSIZE" },
	{ 1U << 4, "IORING_SETUP_CLAMP" }, { 1U << 5, "IORING_SETUP_ATTACH_WQ" },
	{ 1U << 6, "IORING_SETUP_R_DISABLED" },
	{ 1U << 7, "IORING_SETUP_SUBMIT_ALL" },
	{ 1U << 8, "IORING_SETUP_COOP_TASKRUN" },
	{ 1U << 9, "IORING_SETUP_TASKRUN_FLAG" },
	{ 1U << 10, "IORING_SETUP_SQE128" }, { 1U << 11, "IORING_SETUP_CQE32" },
	KT_XEND
};

static const struct kt_xlat setup_features[] = {
	{ 1U << 0, "IORING_FEAT_SINGLE_MMAP" }, { 1U << 1, "IORING_FEAT_NODROP" },
	{ 1U << 2, "IORING_FEAT_SUBMIT_STABLE" },
	{ 1U << 3, "IORING_FEAT_RW_CUR_POS" },
	{ 1U << 4, "IORING_FEAT_CUR_PERSONALITY" },
	{ 1U << 5, "IORING_FEAT_FAST_POLL" },
	{ 1U << 6, "IORING_FEAT_POLL_32BITS" },
	{ 1U << 7, "IORING_FEAT_SQPOLL_NONFIXED" },
	{ 1U << 8, "IORING_FEAT_EXT_ARG" },
	{ 1U << 9, "IORING_FEAT_NATIVE_WORKERS" },
	{ 1U << 10, "IORING_FEAT_RSRC_TAGS" },
	{ 1U << 11, "IORING_FEAT_CQE_SKIP" },
	{ 1U << 12, "IORING_FEAT_LINKED_FILE" },
	KT_XEND
};

static const struct kt_xlat enter_flags[] = {
	{ 1U << 0, "IORING_ENTER_GETEVENTS" }, { 1U << 1, "IORING_ENTER_SQ_WAKEUP" },
	{ 1U << 2, "IORING_ENTER_SQ_WAIT" }, { 1U << 3, "IORING_ENTER_EXT_ARG" },
	{ 1U << 4, "IORING_ENTER_REGISTERED_RING" },
	KT_XEND
};

enum {
	KT_REG_FILES = 2, KT_REG_EVENTFD = 4, KT_REG_EVENTFD_ASYNC = 7,
	KT_REG_PROBE = 8, KT_REG_IOWQ_MAX_WORKERS = 19,
};

static const struct kt_xlat register_opcodes[] = {
	{ 0, "IORING_REGISTER_BUFFERS" }, { 1, "IORING_UNREGISTER_BUFFERS" },
	{ 2, "IORING_REGISTER_FILES" }, { 3, "IORING_UNREGISTER_FILES" },
	{ 4, "IORING_REGISTER_EVENTFD" }, { 5, "IORING_UNREGISTER_EVENTFD" },
	{ 6, "IORING_REGISTER_FILES_UPDATE" },
	{ 7, "IORING_REGISTER_EVENTFD_ASYNC" }, { 8, "IORING_REGISTER_PROBE" },
	{ 9, "IORING_REGISTER_PERSONALITY" },
	{ 10, "IORING_UNREGISTER_PERSONALITY" },
	{ 11, "IORING_REGISTER_RESTRICTIONS" },
	{ 12, "IORING_REGISTER_ENABLE_RINGS" }, { 13, "IORING_REGISTER_FILES2" },
	{ 14, "IORING_REGISTER_FILES_UPDATE2" },
	{ 15, "IORING_REGISTER_BUFFERS2" },
	{ 16, "IORING_REGISTER_BUFFERS_UPDATE" },
	{ 17, "IORING_REGISTER_IOWQ_AFF" }, { 18, "IORING_UNREGISTER_IOWQ_AFF" },
	{ 19, "IORING_REGISTER_IOWQ_MAX_WORKERS" },
	{ 20, "IORING_REGISTER_RING_FDS" }, { 21, "IORING_UNREGISTER_RING_FDS" },
	{ 22, "IORING_REGISTER_PBUF_RING" },
	{ 23, "IORING_UNREGISTER_PBUF_RING" },
	KT_XEND
};

static uint32_t u32_at(const uint8_t *p, size_t off)
{
	return kt_field(p, off, 4);
}

/*
 * struct io_sqring_offsets and io_cqring_offsets (40 bytes each at @p):
 * seven fields by name, then the reserved ones when set.
 */
static void ring_offsets(struct kt_buf *b, const uint8_t *p,
			 const char *const *names)
{
	uint64_t resv2;
	unsigned int k;

	kt_buf_putc(b, '{');
	for (k = 0; k < 7; k++)
		kt_buf_printf(b, "%s%s=%u", k ? ", " : "", names[k],
			      u32_at(p, 4 * k));
	if (u32_at(p, 28)) {
		kt_buf_puts(b, ", resv1=");
		kt_buf_hex(b, u32_at(p, 28));
	}
	memcpy(&resv2, p + 32, 8);
	if (resv2) {
		kt_buf_puts(b, ", resv2=");
		kt_buf_hex(b, resv2);
	}
	kt_buf_putc(b, '}');
}

/*
 * io_uring_setup(4, {flags=0, sq_thread_cpu=0, sq_thread_idle=0,
 * sq_entries=4, cq_entries=8, features=..., sq_off={...}, cq_off={...}})
 * = 3: what the caller set at the enter, the kernel's answer at the exit
 * of a success (struct io_uring_params, 120 bytes)
 */
static void dec_io_uring_setup(struct kt_dec *d)
{
	static const char *const sq[] = {
		"head", "tail", "ring_mask", "ring_entries", "flags", "dropped",
		"array"
	};
	static const char *const cq[] = {
		"head", "tail", "ring_mask", "ring_entries", "overflow", "cqes",
		"flags"
	};
	const struct kt_blob *in = &d->sc->enter_blob[1];
	const struct kt_blob *out = kt_exit_blob(d->sc, 1);
	const uint8_t *p;
	uint32_t flags;
	unsigned int k;

	kt_a_uint(d, 0);
	kt_sep(d);
	if (!kt_arg(d, 1) || !in || !in->data || in->len < 120 ||
	    (in->flags & KT_BLOB_FAULT)) {
		kt_format_ptr(d->b, kt_arg(d, 1));
		return;
	}
	p = in->data;
	flags = u32_at(p, 8);
	kt_buf_puts(d->b, "{flags=");
	kt_format_flags(d->b, setup_flags, flags, "IORING_SETUP_???");
	kt_buf_puts(d->b, ", sq_thread_cpu=");
	kt_buf_hex(d->b, u32_at(p, 12));
	kt_buf_printf(d->b, ", sq_thread_idle=%u", u32_at(p, 16));
	if (flags & KT_SETUP_ATTACH_WQ) {
		kt_buf_puts(d->b, ", wq_fd=");
		kt_fd(d, (int32_t)u32_at(p, 24));
	}
	if (u32_at(p, 28) || u32_at(p, 32) || u32_at(p, 36)) {
		kt_buf_puts(d->b, ", resv=[");
		for (k = 0; k < 3; k++) {
			if (k)
				kt_buf_puts(d->b, ", ");
			kt_buf_hex(d->b, u32_at(p, 28 + 4 * k));
		}
		kt_buf_putc(d->b, ']');
	}
	if (kt_entry_only(d, false))
		return;
	if (kt_exiting_ok(d) && out && out->data &&
	    out->len >= 120 && !(out->flags & KT_BLOB_FAULT)) {
		p = out->data;
		kt_buf_printf(d->b, ", sq_entries=%u, cq_entries=%u, features=",
			      u32_at(p, 0), u32_at(p, 4));
		kt_format_flags(d->b, setup_features, u32_at(p, 20),
				"IORING_FEAT_???");
		kt_buf_puts(d->b, ", sq_off=");
		ring_offsets(d->b, p + 40, sq);
		kt_buf_puts(d->b, ", cq_off=");
		ring_offsets(d->b, p + 80, cq);
	}
	kt_buf_putc(d->b, '}');
}

/* io_uring_enter(3, 1, 0, IORING_ENTER_GETEVENTS, NULL, 8) = 1 */
static void dec_io_uring_enter(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_uint(d, 1);
	kt_a_uint(d, 2);
	kt_a_flags(d, 3, enter_flags, "IORING_ENTER_???");
	kt_a_sigset(d, 4, kt_arg(d, 5));
	kt_sep(d);
	kt_buf_udec(d->b, kt_arg(d, 5));
}

/*
 * io_uring_register(3, IORING_REGISTER_FILES, [4, 5], 2) = 0: the
 * descriptors of FILES, EVENTFD and EVENTFD_ASYNC, within -s; the other
 * opcodes' argument as its address (strace decodes more of them).
 */
static void dec_io_uring_register(struct kt_dec *d)
{
	uint32_t op = (uint32_t)kt_arg(d, 1), n = (uint32_t)kt_arg(d, 3), k;
	int32_t fd;

	kt_a_fd(d, 0);
	kt_a_xval(d, 1, register_opcodes, "IORING_REGISTER_???");
	/* strace prints these two opcodes' argument at the exit */
	if ((op == KT_REG_PROBE || op == KT_REG_IOWQ_MAX_WORKERS) &&
	    kt_entry_only(d, true))
		return;
	kt_sep(d);
	if ((op != KT_REG_FILES && op != KT_REG_EVENTFD &&
	     op != KT_REG_EVENTFD_ASYNC) || !n ||
	    !kt_blob_read(d, 2, 0, &fd, 4)) {
		kt_format_ptr(d->b, kt_arg(d, 2));
	} else {
		kt_buf_putc(d->b, '[');
		for (k = 0; k < n; k++) {
			if (k)
				kt_buf_puts(d->b, ", ");
			if (k >= d->o->strsize ||
			    !kt_blob_read(d, 2, 4 * (size_t)k, &fd, 4)) {
				kt_buf_puts(d->b, "...");
				break;
			}
			kt_fd(d, fd);
		}
		kt_buf_putc(d->b, ']');
	}
	kt_sep(d);
	kt_buf_udec(d->b, n);
}

static const struct kt_xlat aio_cmds[] = {
	{ 0, "IOCB_CMD_PREAD" }, { 1, "IOCB_CMD_PWRITE" },
	{ 2, "IOCB_CMD_FSYNC" }, { 3, "IOCB_CMD_FDSYNC" },
	{ 4, "IOCB_CMD_PREADX" }, { 5, "IOCB_CMD_POLL" },
	{ 6, "IOCB_CMD_NOOP" }, { 7, "IOCB_CMD_PREADV" },
	{ 8, "IOCB_CMD_PWRITEV" }, KT_XEND
};

static const struct kt_xlat rwf_flags[] = {
	{ 1, "RWF_HIPRI" }, { 2, "RWF_DSYNC" }, { 4, "RWF_SYNC" },
	{ 8, "RWF_NOWAIT" }, { 16, "RWF_APPEND" }, KT_XEND
};

/* io_setup(8, [0x7fa358c9d000]) = 0: the context at the exit */
static void dec_io_setup(struct kt_dec *d)
{
	uint64_t ctx;

	kt_a_uint(d, 0);
	if (kt_entry_only(d, true))
		return;
	kt_sep(d);
	if (!kt_exiting_ok(d) || !kt_blob_ulong(d, 1, 0, &ctx)) {
		kt_format_ptr(d->b, kt_arg(d, 1));
		return;
	}
	kt_buf_putc(d->b, '[');
	kt_format_ptr(d->b, ctx);
	kt_buf_putc(d->b, ']');
}

/*
 * io_submit(0x7f..., 1, 0x7ffd...): the array of iocb pointers as its
 * address, where strace prints each iocb (not captured)
 */
static void dec_io_submit(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
	kt_sep(d);
	kt_buf_dec(d->b, kt_arg_long(d, 1));
	kt_a_ptr(d, 2);
}

static void dec_io_destroy(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
}

/* struct io_event (32 bytes): {data=0x42, obj=0x7fff..., res=3, res2=0} */
static void io_event(struct kt_buf *b, const uint8_t *p)
{
	uint64_t v[2];
	int64_t r[2];

	memcpy(v, p, 16);
	memcpy(r, p + 16, 16);
	kt_buf_puts(b, "{data=");
	kt_buf_hex(b, v[0]);
	kt_buf_puts(b, ", obj=");
	kt_buf_hex(b, v[1]);
	kt_buf_printf(b, ", res=%lld, res2=%lld}", (long long)r[0],
		      (long long)r[1]);
}

/*
 * io_getevents(0x7fa358c9d000, 1, 2, [{data=0x42, ...}], {tv_sec=0,
 * tv_nsec=1000}) = 1: the events the call returned, within -s; the
 * timeout, and io_pgetevents' mask, as they were given
 */
static void dec_io_getevents(struct kt_dec *d)
{
	const struct kt_blob *blob = kt_blob_at(d, 3);
	int64_t n = d->sc->ret, k;

	kt_a_ptr(d, 0);
	kt_sep(d);
	kt_buf_dec(d->b, kt_arg_long(d, 1));
	kt_sep(d);
	kt_buf_dec(d->b, kt_arg_long(d, 2));
	if (kt_entry_only(d, true))
		return;
	kt_sep(d);
	if (!kt_exiting_ok(d) || (n && !kt_blob_usable(d, 3, 32))) {
		kt_format_ptr(d->b, kt_arg(d, 3));
	} else {
		kt_buf_putc(d->b, '[');
		for (k = 0; k < n; k++) {
			if (k)
				kt_buf_puts(d->b, ", ");
			if ((uint64_t)k >= d->o->strsize ||
			    blob->len < 32 * ((size_t)k + 1)) {
				kt_buf_puts(d->b, "...");
				break;
			}
			io_event(d->b, blob->data + 32 * k);
		}
		kt_buf_putc(d->b, ']');
	}
	kt_a_timespec(d, 4);
	if (!strncmp(d->name, "io_pgetevents", 13))
		kt_a_sigmask_struct(d, 5);
}

/*
 * io_cancel(0x7f..., {aio_data=0x42, aio_lio_opcode=IOCB_CMD_PREAD,
 * aio_fildes=3}, {data=0x42, ...}): the iocb's header at the enter, the
 * event at the exit of a success
 */
static void dec_io_cancel(struct kt_dec *d)
{
	const struct kt_blob *cb = kt_blob_at(d, 1);
	uint64_t data;
	uint32_t key, rw, op, fd;
	int16_t prio;

	kt_a_ptr(d, 0);
	kt_sep(d);
	if (!kt_blob_usable(d, 1, 64)) {
		kt_format_ptr(d->b, kt_arg(d, 1));
	} else {
		memcpy(&data, cb->data, 8);
		memcpy(&key, cb->data + 8, 4);
		memcpy(&rw, cb->data + 12, 4);
		memcpy(&op, cb->data + 16, 2);
		op &= 0xffff;
		memcpy(&prio, cb->data + 18, 2);
		memcpy(&fd, cb->data + 20, 4);
		kt_buf_puts(d->b, "{aio_data=");
		kt_buf_hex(d->b, data);
		if (key)
			kt_buf_printf(d->b, ", aio_key=%u", key);
		if (rw) {
			kt_buf_puts(d->b, ", aio_rw_flags=");
			kt_format_flags(d->b, rwf_flags, rw, "RWF_???");
		}
		kt_buf_puts(d->b, ", aio_lio_opcode=");
		kt_format_xval(d->b, aio_cmds, op, "IOCB_CMD_???");
		if (prio)
			kt_buf_printf(d->b, ", aio_reqprio=%d", prio);
		kt_buf_puts(d->b, ", aio_fildes=");
		kt_fd(d, (int32_t)fd);
		kt_buf_putc(d->b, '}');
	}
	if (kt_entry_only(d, true))
		return;
	kt_sep(d);
	if (!kt_exiting_ok(d) || !kt_blob_usable(d, 2, 32))
		kt_format_ptr(d->b, kt_arg(d, 2));
	else
		io_event(d->b, kt_blob_at(d, 2)->data);
}

static const struct kt_decoder decoders[] = {
	{ "io_setup", dec_io_setup, KT_RV_DEC, NULL },
	{ "io_destroy", dec_io_destroy, KT_RV_DEC, NULL },
	{ "io_submit", dec_io_submit, KT_RV_DEC, NULL },
	{ "io_getevents", dec_io_getevents, KT_RV_DEC, NULL },
	{ "io_pgetevents", dec_io_getevents, KT_RV_DEC, NULL },
	{ "io_pgetevents_time64", dec_io_getevents, KT_RV_DEC, NULL },
	{ "io_cancel", dec_io_cancel, KT_RV_DEC, NULL },
	{ "io_uring_setup", dec_io_uring_setup, KT_RV_FD, NULL },
	{ "io_uring_enter", dec_io_uring_enter, KT_RV_DEC, NULL },
	{ "io_uring_register", dec_io_uring_register, KT_RV_DEC, NULL },
};

const struct kt_decoder_table kt_uring_decoders = {
	decoders, ARRAY_SIZE(decoders)
};
