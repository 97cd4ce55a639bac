// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): bpf(cmd, attr, size) as strace 6.1 prints it.  The command's
 * name, then its part of union bpf_attr: as many of the fields as the
 * call's size holds, by the layout strace knows (its sizes below), with
 * ", ..." (-v: the bytes in hex) when a byte past that layout is not
 * zero.  What the kernel writes back (the next id, info_len, prog_cnt,
 * the batch count, buf_len) prints at the exit from the copy
 * module/capture.def takes then, failed or not, as strace reads it.
 * Memory that attr points to prints where the module copied it
 * (KTRACE_BLOB_DEREF: the license, the log buffer, the path, a
 * tracepoint's name, the BTF); the rest (the program's instructions,
 * -v's info structures, the query buffers) as its address (ktrace.1,
 * BUGS).
 */
#include <string.h>

#include "decoders.h"

#define KT_BPF_PAGE	4096	/* strace decodes no attr larger */
#define KT_BPF_ATTR_MAX	128	/* the largest layout: BPF_PROG_LOAD's */

enum {
	KT_BPF_MAP_CREATE, KT_BPF_MAP_LOOKUP_ELEM, KT_BPF_MAP_UPDATE_ELEM,
	KT_BPF_MAP_DELETE_ELEM, KT_BPF_MAP_GET_NEXT_KEY, KT_BPF_PROG_LOAD,
	KT_BPF_OBJ_PIN, KT_BPF_OBJ_GET, KT_BPF_PROG_ATTACH,
	KT_BPF_PROG_DETACH, KT_BPF_PROG_TEST_RUN, KT_BPF_PROG_GET_NEXT_ID,
	KT_BPF_MAP_GET_NEXT_ID, KT_BPF_PROG_GET_FD_BY_ID,
	KT_BPF_MAP_GET_FD_BY_ID, KT_BPF_OBJ_GET_INFO_BY_FD,
	KT_BPF_PROG_QUERY, KT_BPF_RAW_TRACEPOINT_OPEN, KT_BPF_BTF_LOAD,
	KT_BPF_BTF_GET_FD_BY_ID, KT_BPF_TASK_FD_QUERY,
	KT_BPF_MAP_LOOKUP_AND_DELETE_ELEM, KT_BPF_MAP_FREEZE,
	KT_BPF_BTF_GET_NEXT_ID, KT_BPF_MAP_LOOKUP_BATCH,
	KT_BPF_MAP_LOOKUP_AND_DELETE_BATCH, KT_BPF_MAP_UPDATE_BATCH,
	KT_BPF_MAP_DELETE_BATCH, KT_BPF_LINK_CREATE, KT_BPF_LINK_UPDATE,
	KT_BPF_LINK_GET_FD_BY_ID, KT_BPF_LINK_GET_NEXT_ID,
};

static const struct kt_xlat bpf_commands[] = {
	{ 0, "BPF_MAP_CREATE" }, { 1, "BPF_MAP_LOOKUP_ELEM" },
	{ 2, "BPF_MAP_UPDATE_ELEM" }, { 3, "BPF_MAP_DELETE_ELEM" },
	{ 4, "BPF_MAP_GET_NEXT_KEY" }, { 5, "BPF_PROG_LOAD" },
	{ 6, "BPF_OBJ_PIN" }, { 7, "BPF_OBJ_GET" },
	{ 8, "BPF_PROG_ATTACH" }, { 9, "BPF_PROG_DETACH" },
	{ 10, "BPF_PROG_TEST_RUN" }, { 11, "BPF_PROG_GET_NEXT_ID" },
	{ 12, "BPF_MAP_GET_NEXT_ID" }, { 13, "BPF_PROG_GET_FD_BY_ID" },
	{ 14, "BPF_MAP_GET_FD_BY_ID" }, { 15, "BPF_OBJ_GET_INFO_BY_FD" },
	{ 16, "BPF_PROG_QUERY" }, { 17, "BPF_RAW_TRACEPOINT_OPEN" },
	{ 18, "BPF_BTF_LOAD" }, { 19, "BPF_BTF_GET_FD_BY_ID" },
	{ 20, "BPF_TASK_FD_QUERY" }, { 21, "BPF_MAP_LOOKUP_AND_DELETE_ELEM" },
	{ 22, "BPF_MAP_FREEZE" }, { 23, "BPF_BTF_GET_NEXT_ID" },
	{ 24, "BPF_MAP_LOOKUP_BATCH" },
	{ 25, "BPF_MAP_LOOKUP_AND_DELETE_BATCH" },
	{ 26, "BPF_MAP_UPDATE_BATCH" }, { 27, "BPF_MAP_DELETE_BATCH" },
	{ 28, "BPF_LINK_CREATE" }, { 29, "BPF_LINK_UPDATE" },
	{ 30, "BPF_LINK_GET_FD_BY_ID" }, { 31, "BPF_LINK_GET_NEXT_ID" },
	{ 32, "BPF_ENABLE_STATS" }, { 33, "BPF_ITER_CREATE" },
	{ 34, "BPF_LINK_DETACH" }, { 35, "BPF_PROG_BIND_MAP" },
	KT_XEND
};

static const struct kt_xlat map_types[] = {
	{ 0, "BPF_MAP_TYPE_UNSPEC" }, { 1, "BPF_MAP_TYPE_HASH" },
	{ 2, "BPF_MAP_TYPE_ARRAY" }, { 3, "BPF_MAP_TYPE_PROG_ARRAY" },
	{ 4, "BPF_MAP_TYPE_PERF_EVENT_ARRAY" },
	{ 5, "BPF_MAP_TYPE_PERCPU_HASH" }, { 6, "BPF_MAP_TYPE_PERCPU_ARRAY" },
	{ 7, "BPF_MAP_TYPE_STACK_TRACE" }, { 8, "BPF_MAP_TYPE_CGROUP_ARRAY" },
	{ 9, "BPF_MAP_TYPE_LRU_HASH" }, { 10, "BPF_MAP_TYPE_LRU_PERCPU_HASH" },
	{ 11, "BPF_MAP_TYPE_LPM_TRIE" }, { 12, "BPF_MAP_TYPE_ARRAY_OF_MAPS" },
	{ 13, "BPF_MAP_TYPE_HASH_OF_MAPS" }, { 14, "BPF_MAP_TYPE_DEVMAP" },
	{ 15, "BPF_MAP_TYPE_SOCKMAP" }, { 16, "BPF_MAP_TYPE_CPUMAP" },
	{ 17, "BPF_MAP_TYPE_XSKMAP" }, { 18, "BPF_MAP_TYPE_SOCKHASH" },
	{ 19, "BPF_MAP_TYPE_CGROUP_STORAGE" },
	{ 20, "BPF_MAP_TYPE_REUSEPORT_SOCKARRAY" },
	{ 21, "BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE" },
	{ 22, "BPF_MAP_TYPE_QUEUE" }, { 23, "BPF_MAP_TYPE_STACK" },
	{ 24, "BPF_MAP_TYPE_SK_STORAGE" }, { 25, "BPF_MAP_TYPE_DEVMAP_HASH" },
	{ 26, "BPF_MAP_TYPE_STRUCT_OPS" }, { 27, "BPF_MAP_TYPE_RINGBUF" },
	{ 28, "BPF_MAP_TYPE_INODE_STORAGE" },
	{ 29, "BPF_MAP_TYPE_TASK_STORAGE" },
	{ 30, "BPF_MAP_TYPE_BLOOM_FILTER" },
	{ 31, "BPF_MAP_TYPE_USER_RINGBUF" }, KT_XEND
};

#define KT_BPF_F_NUMA_NODE	(1U << 2)
#define KT_BPF_F_REPLACE	(1U << 2)

static const struct kt_xlat map_flags[] = {
	{ 1U << 0, "BPF_F_NO_PREALLOC" }, { 1U << 1, "BPF_F_NO_COMMON_LRU" },
	{ KT_BPF_F_NUMA_NODE, "BPF_F_NUMA_NODE" },
	{ 1U << 3, "BPF_F_RDONLY" }, { 1U << 4, "BPF_F_WRONLY" },
	{ 1U << 5, "BPF_F_STACK_BUILD_ID" }, { 1U << 6, "BPF_F_ZERO_SEED" },
	{ 1U << 7, "BPF_F_RDONLY_PROG" }, { 1U << 8, "BPF_F_WRONLY_PROG" },
	{ 1U << 9, "BPF_F_CLONE" }, { 1U << 10, "BPF_F_MMAPABLE" },
	{ 1U << 11, "BPF_F_PRESERVE_ELEMS" }, { 1U << 12, "BPF_F_INNER_MAP" },
	KT_XEND
};

static const struct kt_xlat file_mode_flags[] = {
	{ 1U << 3, "BPF_F_RDONLY" }, { 1U << 4, "BPF_F_WRONLY" }, KT_XEND
};

static const struct kt_xlat prog_types[] = {
	{ 0, "BPF_PROG_TYPE_UNSPEC" }, { 1, "BPF_PROG_TYPE_SOCKET_FILTER" },
	{ 2, "BPF_PROG_TYPE_KPROBE" }, { 3, "BPF_PROG_TYPE_SCHED_CLS" },
	{ 4, "BPF_PROG_TYPE_SCHED_ACT" }, { 5, "BPF_PROG_TYPE_TRACEPOINT" },
	{ 6, "BPF_PROG_TYPE_XDP" }, { 7, "BPF_PROG_TYPE_PERF_EVENT" },
	{ 8, "BPF_PROG_TYPE_CGROUP_SKB" }, { 9, "BPF_PROG_TYPE_CGROUP_SOCK" },
	{ 10, "BPF_PROG_TYPE_LWT_IN" }, { 11, "BPF_PROG_TYPE_LWT_OUT" },
	{ 12, "BPF_PROG_TYPE_LWT_XMIT" }, { 13, "BPF_PROG_TYPE_SOCK_OPS" },
	{ 14, "BPF_PROG_TYPE_SK_SKB" }, { 15, "BPF_PROG_TYPE_CGROUP_DEVICE" },
	{ 16, "BPF_PROG_TYPE_SK_MSG" }, { 17, "BPF_PROG_TYPE_RAW_TRACEPOINT" },
	{ 18, "BPF_PROG_TYPE_CGROUP_SOCK_ADDR" },
	{ 19, "BPF_PROG_TYPE_LWT_SEG6LOCAL" },
	{ 20, "BPF_PROG_TYPE_LIRC_MODE2" }, { 21, "BPF_PROG_TYPE_SK_REUSEPORT" },
	{ 22, "BPF_PROG_TYPE_FLOW_DISSECTOR" },
	{ 23, "BPF_PROG_TYPE_CGROUP_SYSCTL" },
	{ 24, "BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE" },
	{ 25, "BPF_PROG_TYPE_CGROUP_SOCKOPT" }, { 26, "BPF_PROG_TYPE_TRACING" },
	{ 27, "BPF_PROG_TYPE_STRUCT_OPS" }, { 28, "BPF_PROG_TYPE_EXT" },
	{ 29, "BPF_PROG_TYPE_LSM" }, { 30, "BPF_PROG_TYPE_SK_LOOKUP" },
	{ 31, "BPF_PROG_TYPE_SYSCALL" }, KT_XEND
};

static const struct kt_xlat prog_flags[] = {
	{ 1U << 0, "BPF_F_STRICT_ALIGNMENT" }, { 1U << 1, "BPF_F_ANY_ALIGNMENT" },
	{ 1U << 2, "BPF_F_TEST_RND_HI32" }, { 1U << 3, "BPF_F_TEST_STATE_FREQ" },
	{ 1U << 4, "BPF_F_SLEEPABLE" }, KT_XEND
};

static const struct kt_xlat lookup_flags[] = {
	{ 0, "BPF_ANY" }, { 4, "BPF_F_LOCK" }, KT_XEND
};

static const struct kt_xlat update_flags[] = {
	{ 0, "BPF_ANY" }, { 1, "BPF_NOEXIST" }, { 2, "BPF_EXIST" },
	{ 4, "BPF_F_LOCK" }, KT_XEND
};

#define KT_BPF_TRACE_ITER		28
#define KT_BPF_PERF_EVENT		41
#define KT_BPF_TRACE_KPROBE_MULTI	42

static const struct kt_xlat attach_types[] = {
	{ 0, "BPF_CGROUP_INET_INGRESS" }, { 1, "BPF_CGROUP_INET_EGRESS" },
	{ 2, "BPF_CGROUP_INET_SOCK_CREATE" }, { 3, "BPF_CGROUP_SOCK_OPS" },
	{ 4, "BPF_SK_SKB_STREAM_PARSER" }, { 5, "BPF_SK_SKB_STREAM_VERDICT" },
	{ 6, "BPF_CGROUP_DEVICE" }, { 7, "BPF_SK_MSG_VERDICT" },
	{ 8, "BPF_CGROUP_INET4_BIND" }, { 9, "BPF_CGROUP_INET6_BIND" },
	{ 10, "BPF_CGROUP_INET4_CONNECT" }, { 11, "BPF_CGROUP_INET6_CONNECT" },
	{ 12, "BPF_CGROUP_INET4_POST_BIND" },
	{ 13, "BPF_CGROUP_INET6_POST_BIND" },
	{ 14, "BPF_CGROUP_UDP4_SENDMSG" }, { 15, "BPF_CGROUP_UDP6_SENDMSG" },
	{ 16, "BPF_LIRC_MODE2" }, { 17, "BPF_FLOW_DISSECTOR" },
	{ 18, "BPF_CGROUP_SYSCTL" }, { 19, "BPF_CGROUP_UDP4_RECVMSG" },
	{ 20, "BPF_CGROUP_UDP6_RECVMSG" }, { 21, "BPF_CGROUP_GETSOCKOPT" },
	{ 22, "BPF_CGROUP_SETSOCKOPT" }, { 23, "BPF_TRACE_RAW_TP" },
	{ 24, "BPF_TRACE_FENTRY" }, { 25, "BPF_TRACE_FEXIT" },
	{ 26, "BPF_MODIFY_RETURN" }, { 27, "BPF_LSM_MAC" },
	{ KT_BPF_TRACE_ITER, "BPF_TRACE_ITER" },
	{ 29, "BPF_CGROUP_INET4_GETPEERNAME" },
	{ 30, "BPF_CGROUP_INET6_GETPEERNAME" },
	{ 31, "BPF_CGROUP_INET4_GETSOCKNAME" },
	{ 32, "BPF_CGROUP_INET6_GETSOCKNAME" }, { 33, "BPF_XDP_DEVMAP" },
	{ 34, "BPF_CGROUP_INET_SOCK_RELEASE" }, { 35, "BPF_XDP_CPUMAP" },
	{ 36, "BPF_SK_LOOKUP" }, { 37, "BPF_XDP" },
	{ 38, "BPF_SK_SKB_VERDICT" }, { 39, "BPF_SK_REUSEPORT_SELECT" },
	{ 40, "BPF_SK_REUSEPORT_SELECT_OR_MIGRATE" },
	{ KT_BPF_PERF_EVENT, "BPF_PERF_EVENT" },
	{ KT_BPF_TRACE_KPROBE_MULTI, "BPF_TRACE_KPROBE_MULTI" },
	{ 43, "BPF_LSM_CGROUP" }, KT_XEND
};

static const struct kt_xlat attach_flags[] = {
	{ 1U << 0, "BPF_F_ALLOW_OVERRIDE" }, { 1U << 1, "BPF_F_ALLOW_MULTI" },
	{ KT_BPF_F_REPLACE, "BPF_F_REPLACE" }, KT_XEND
};

static const struct kt_xlat query_flags[] = {
	{ 1U << 0, "BPF_F_QUERY_EFFECTIVE" }, KT_XEND
};

static const struct kt_xlat task_fd_types[] = {
	{ 0, "BPF_FD_TYPE_RAW_TRACEPOINT" }, { 1, "BPF_FD_TYPE_TRACEPOINT" },
	{ 2, "BPF_FD_TYPE_KPROBE" }, { 3, "BPF_FD_TYPE_KRETPROBE" },
	{ 4, "BPF_FD_TYPE_UPROBE" }, { 5, "BPF_FD_TYPE_URETPROBE" }, KT_XEND
};

static const struct kt_xlat test_run_flags[] = {
	{ 1U << 0, "BPF_F_TEST_RUN_ON_CPU" },
	{ 1U << 1, "BPF_F_TEST_XDP_LIVE_FRAMES" }, KT_XEND
};

static const struct kt_xlat kprobe_multi_flags[] = {
	{ 1U << 0, "BPF_F_KPROBE_MULTI_RETURN" }, KT_XEND
};

/*
 * One command's attr: a copy as long as strace's layout of it, zero past
 * the bytes the call passed (len), and the bytes as captured (raw), for
 * those past the layout.
 */
struct kt_bpf {
	struct kt_dec *d;
	uint8_t p[KT_BPF_ATTR_MAX];
	unsigned int len;
	unsigned int size;	/* strace's size of the command's layout */
	const uint8_t *raw;
	size_t raw_len;		/* of the call's size, what was captured */
	unsigned int fields;	/* printed in the innermost structure */
};

/* Load @blob (the call's @size bytes) into @a, for a layout of @lsize. */
static bool bpf_load(struct kt_bpf *a, const struct kt_blob *blob,
		     uint32_t size, unsigned int lsize)
{
	unsigned int len = size < lsize ? size : lsize;

	if (!blob || !blob->data || (blob->flags & KT_BLOB_FAULT) ||
	    blob->len < len)
		return false;
	memset(a->p, 0, sizeof(a->p));
	memcpy(a->p, blob->data, len);
	a->len = len;
	a->size = lsize;
	a->raw = blob->data;
	a->raw_len = blob->len < size ? blob->len : size;
	return true;
}

static uint32_t u32_at(const struct kt_bpf *a, unsigned int off)
{
	return (uint32_t)kt_field(a->p, off, 4);
}

static uint64_t u64_at(const struct kt_bpf *a, unsigned int off)
{
	return kt_field(a->p, off, 8);
}

/* Does the call's attr reach the field at @off? */
static bool has(const struct kt_bpf *a, unsigned int off)
{
	return a->len > off;
}

/* "name={": a structure inside the attr (strace's test={...}) */
static void open_struct(struct kt_bpf *a, const char *name)
{
	if (a->fields++)
		kt_buf_puts(a->d->b, ", ");
	kt_buf_puts(a->d->b, name);
	kt_buf_puts(a->d->b, "={");
	a->fields = 0;
}

static void close_struct(struct kt_bpf *a)
{
	kt_buf_putc(a->d->b, '}');
	a->fields = 1;
}

static void field(struct kt_bpf *a, const char *name)
{
	if (a->fields++)
		kt_buf_puts(a->d->b, ", ");
	kt_buf_puts(a->d->b, name);
	kt_buf_putc(a->d->b, '=');
}

static void f_u(struct kt_bpf *a, const char *name, unsigned int off)
{
	field(a, name);
	kt_buf_udec(a->d->b, u32_at(a, off));
}

/* PRINT_FIELD_U64: UINT64_MAX by name */
static void f_u64(struct kt_bpf *a, const char *name, unsigned int off)
{
	uint64_t v = u64_at(a, off);
	size_t mark;

	field(a, name);
	if (v != UINT64_MAX) {
		kt_buf_udec(a->d->b, v);
		return;
	}
	mark = kt_const_begin(a->d->b);
	kt_buf_puts(a->d->b, "UINT64_MAX");
	kt_const_end(a->d->b, mark, v, 'u');
}

static void f_x(struct kt_bpf *a, const char *name, unsigned int off,
		unsigned int n)
{
	field(a, name);
	kt_buf_hex(a->d->b, kt_field(a->p, off, n));
}

static void f_addr(struct kt_bpf *a, const char *name, unsigned int off)
{
	field(a, name);
	kt_format_ptr(a->d->b, u64_at(a, off));
}

/*
 * A pointer of attr and what it points to, when the module copied it
 * (KTRACE_BLOB_DEREF, capture.def); else the pointer.
 */
static void f_deref(struct kt_bpf *a, const char *name, unsigned int off,
		    enum kt_deref how, uint64_t len)
{
	field(a, name);
	kt_format_deref(a->d, 1, off, u64_at(a, off), how, len);
}

static void f_fd(struct kt_bpf *a, const char *name, unsigned int off)
{
	field(a, name);
	kt_fd(a->d, (int)u32_at(a, off));
}

static void f_xval(struct kt_bpf *a, const char *name, unsigned int off,
		   const struct kt_xlat *x, const char *dflt)
{
	field(a, name);
	kt_format_xval(a->d->b, x, u32_at(a, off), dflt);
}

static void f_flags(struct kt_bpf *a, const char *name, unsigned int off,
		    unsigned int n, const struct kt_xlat *x, const char *dflt)
{
	field(a, name);
	kt_format_flags(a->d->b, x, kt_field(a->p, off, n), dflt);
}

/*
 * A char array of @size bytes (fewer when the call's attr ends in it), as
 * strace quotes one: up to a NUL in its first @size - 1 bytes, "..."
 * after it when there is none and the last byte is not one either.
 */
static void f_cstr(struct kt_bpf *a, const char *name, unsigned int off,
		   unsigned int size)
{
	const uint8_t *s = a->p + off;
	const uint8_t *nul;
	size_t n;

	if (size > a->len - off)
		size = a->len - off;
	n = size - 1;
	nul = memchr(s, '\0', n);
	field(a, name);
	if (nul)
		n = nul - s;
	kt_format_bytes(a->d->b, s, n, KT_BPF_PAGE, !nul && s[n]);
}

static void f_ifindex(struct kt_bpf *a, const char *name, unsigned int off)
{
	field(a, name);
	kt_format_ifindex(a->d->b, u32_at(a, off));
}

/*
 * The bytes the call passed past the layout: nothing when all are zero,
 * else ", ..." (strace's abbreviation) or with -v "extra_data=" in hex
 * and their range.  Those past the snap length count as zero.
 */
static void past_layout(struct kt_bpf *a)
{
	uint32_t size = (uint32_t)kt_arg(a->d, 2);
	struct kt_buf *b = a->d->b;
	size_t i, n;

	if (size <= a->size || a->raw_len <= a->size)
		return;
	n = a->raw_len - a->size;
	for (i = 0; i < n && !a->raw[a->size + i]; i++)
		;
	if (i == n)
		return;
	if (kt_abbrev(a->d->sc)) {
		kt_buf_puts(b, ", ...");
		return;
	}
	kt_buf_puts(b, ", extra_data=");
	kt_format_hex_bytes(b, a->raw + a->size, n, n, a->raw_len < size);
	kt_buf_printf(b, " /* bytes %u..%u */", a->size, size - 1);
}

static void map_create(struct kt_bpf *a)
{
	uint32_t flags = u32_at(a, 16);

	f_xval(a, "map_type", 0, map_types, "BPF_MAP_TYPE_???");
	f_u(a, "key_size", 4);
	f_u(a, "value_size", 8);
	f_u(a, "max_entries", 12);
	if (!has(a, 16))
		return;
	f_flags(a, "map_flags", 16, 4, map_flags, "BPF_F_???");
	if (!has(a, 20))
		return;
	f_fd(a, "inner_map_fd", 20);
	if (!has(a, 24))
		return;
	if (flags & KT_BPF_F_NUMA_NODE) {
		/* strace: the number, NUMA_NO_NODE in a comment */
		field(a, "numa_node");
		kt_buf_udec(a->d->b, u32_at(a, 24));
		if (u32_at(a, 24) == UINT32_MAX && kt_xlat_style != KT_XLAT_RAW)
			kt_buf_puts(a->d->b, " /* NUMA_NO_NODE */");
	}
	if (!has(a, 28))
		return;
	f_cstr(a, "map_name", 28, 16);
	if (!has(a, 44))
		return;
	f_ifindex(a, "map_ifindex", 44);
	if (!has(a, 48))
		return;
	f_fd(a, "btf_fd", 48);
	f_u(a, "btf_key_type_id", 52);
	f_u(a, "btf_value_type_id", 56);
	if (!has(a, 60))
		return;
	f_u(a, "btf_vmlinux_value_type_id", 60);
	if (!has(a, 64))
		return;
	f_u64(a, "map_extra", 64);
	past_layout(a);
}

/* LOOKUP_ELEM and LOOKUP_AND_DELETE_ELEM */
static void map_lookup_elem(struct kt_bpf *a)
{
	f_fd(a, "map_fd", 0);
	f_addr(a, "key", 8);
	f_addr(a, "value", 16);
	if (!has(a, 24))
		return;
	f_flags(a, "flags", 24, 8, lookup_flags, "BPF_???");
	past_layout(a);
}

static void map_update_elem(struct kt_bpf *a)
{
	f_fd(a, "map_fd", 0);
	f_addr(a, "key", 8);
	f_addr(a, "value", 16);
	field(a, "flags");
	kt_format_xval(a->d->b, update_flags, u64_at(a, 24), "BPF_???");
	past_layout(a);
}

static void map_delete_elem(struct kt_bpf *a)
{
	f_fd(a, "map_fd", 0);
	f_addr(a, "key", 8);
	past_layout(a);
}

static void map_get_next_key(struct kt_bpf *a)
{
	f_fd(a, "map_fd", 0);
	f_addr(a, "key", 8);
	f_addr(a, "next_key", 16);
	past_layout(a);
}

static void map_freeze(struct kt_bpf *a)
{
	f_fd(a, "map_fd", 0);
	past_layout(a);
}

/* KERNEL_VERSION(4, 14, 0); -X raw its number, -X verbose both */
static void f_kernel_version(struct kt_bpf *a, const char *name,
			     unsigned int off)
{
	uint32_t v = u32_at(a, off);
	struct kt_buf *b = a->d->b;

	field(a, name);
	if (kt_xlat_style != KT_XLAT_ABBREV)
		kt_buf_hex(b, v);
	if (kt_xlat_style == KT_XLAT_RAW)
		return;
	kt_buf_printf(b, kt_xlat_style == KT_XLAT_VERBOSE ?
		      " /* KERNEL_VERSION(%u, %u, %u) */" :
		      "KERNEL_VERSION(%u, %u, %u)",
		      v >> 16, (v >> 8) & 0xff, v & 0xff);
}

static void prog_load(struct kt_bpf *a)
{
	uint64_t insns = u64_at(a, 8);

	f_xval(a, "prog_type", 0, prog_types, "BPF_PROG_TYPE_???");
	f_u(a, "insn_cnt", 4);
	field(a, "insns");
	/* -v: strace's array of instructions, but for an empty one */
	if (insns && !u32_at(a, 4) && !kt_abbrev(a->d->sc))
		kt_buf_puts(a->d->b, "[]");
	else
		kt_format_ptr(a->d->b, insns);
	f_deref(a, "license", 16, KT_DEREF_STR, 0);
	if (!has(a, 24))
		return;
	f_u(a, "log_level", 24);
	f_u(a, "log_size", 28);
	f_deref(a, "log_buf", 32, KT_DEREF_STRZ, u32_at(a, 28));
	if (!has(a, 40))
		return;
	f_kernel_version(a, "kern_version", 40);
	if (!has(a, 44))
		return;
	f_flags(a, "prog_flags", 44, 4, prog_flags, "BPF_F_???");
	if (!has(a, 48))
		return;
	f_cstr(a, "prog_name", 48, 16);
	if (!has(a, 64))
		return;
	f_ifindex(a, "prog_ifindex", 64);
	if (!has(a, 68))
		return;
	f_xval(a, "expected_attach_type", 68, attach_types, "BPF_???");
	if (!has(a, 72))
		return;
	f_fd(a, "prog_btf_fd", 72);
	f_u(a, "func_info_rec_size", 76);
	f_addr(a, "func_info", 80);
	f_u(a, "func_info_cnt", 88);
	f_u(a, "line_info_rec_size", 92);
	f_addr(a, "line_info", 96);
	f_u(a, "line_info_cnt", 104);
	if (!has(a, 108))
		return;
	f_u(a, "attach_btf_id", 108);
	if (!has(a, 112))
		return;
	f_fd(a, "attach_prog_fd", 112);
	if (!has(a, 120))
		return;
	f_addr(a, "fd_array", 120);
	past_layout(a);
}

/* OBJ_PIN and OBJ_GET */
static void obj_pin(struct kt_bpf *a)
{
	f_deref(a, "pathname", 0, KT_DEREF_PATH, 0);
	f_fd(a, "bpf_fd", 8);
	if (!has(a, 12))
		return;
	f_flags(a, "file_flags", 12, 4, file_mode_flags, "BPF_F_???");
	past_layout(a);
}

static void prog_attach(struct kt_bpf *a)
{
	f_fd(a, "target_fd", 0);
	f_fd(a, "attach_bpf_fd", 4);
	f_xval(a, "attach_type", 8, attach_types, "BPF_???");
	f_flags(a, "attach_flags", 12, 4, attach_flags, "BPF_F_???");
	if (!has(a, 16))
		return;
	f_fd(a, "replace_bpf_fd", 16);
	past_layout(a);
}

static void prog_detach(struct kt_bpf *a)
{
	f_fd(a, "target_fd", 0);
	f_xval(a, "attach_type", 8, attach_types, "BPF_???");
	past_layout(a);
}

static void prog_test_run(struct kt_bpf *a)
{
	open_struct(a, "test");
	f_fd(a, "prog_fd", 0);
	f_u(a, "retval", 4);
	f_u(a, "data_size_in", 8);
	f_u(a, "data_size_out", 12);
	f_addr(a, "data_in", 16);
	f_addr(a, "data_out", 24);
	f_u(a, "repeat", 32);
	f_u(a, "duration", 36);
	if (has(a, 40)) {
		f_u(a, "ctx_size_in", 40);
		f_u(a, "ctx_size_out", 44);
		f_addr(a, "ctx_in", 48);
		f_addr(a, "ctx_out", 56);
	}
	if (has(a, 64)) {
		f_flags(a, "flags", 64, 4, test_run_flags, "BPF_F_???");
		f_u(a, "cpu", 68);
	}
	if (has(a, 72))
		f_u(a, "batch_size", 72);
	close_struct(a);
	past_layout(a);
}

/* PROG_, MAP_, BTF_ and LINK_GET_FD_BY_ID: @name the id's */
static void get_fd_by_id(struct kt_bpf *a, const char *name)
{
	f_u(a, name, 0);
	f_u(a, "next_id", 4);
	if (!has(a, 8))
		return;
	f_flags(a, "open_flags", 8, 4, file_mode_flags, "BPF_F_???");
	past_layout(a);
}

static void prog_get_fd_by_id(struct kt_bpf *a)
{
	get_fd_by_id(a, "prog_id");
}

static void map_get_fd_by_id(struct kt_bpf *a)
{
	get_fd_by_id(a, "map_id");
}

static void btf_get_fd_by_id(struct kt_bpf *a)
{
	f_u(a, "btf_id", 0);
	past_layout(a);
}

static void link_get_fd_by_id(struct kt_bpf *a)
{
	f_u(a, "link_id", 0);
	past_layout(a);
}

static void raw_tracepoint_open(struct kt_bpf *a)
{
	open_struct(a, "raw_tracepoint");
	f_deref(a, "name", 0, KT_DEREF_STRZ, 128);	/* TP_NAME_SIZE */
	f_fd(a, "prog_fd", 8);
	close_struct(a);
	past_layout(a);
}

static void btf_load(struct kt_bpf *a)
{
	f_deref(a, "btf", 0, KT_DEREF_BYTES, u32_at(a, 16));
	f_addr(a, "btf_log_buf", 8);
	f_u(a, "btf_size", 16);
	f_u(a, "btf_log_size", 20);
	f_u(a, "btf_log_level", 24);
	past_layout(a);
}

static void link_create(struct kt_bpf *a)
{
	uint32_t type = u32_at(a, 8);

	open_struct(a, "link_create");
	f_fd(a, "prog_fd", 0);
	f_fd(a, "target_fd", 4);
	f_xval(a, "attach_type", 8, attach_types, "BPF_???");
	f_x(a, "flags", 12, 4);
	if (!has(a, 16)) {
		close_struct(a);
		past_layout(a);
		return;
	}
	/* strace guesses the union's member from the attach type */
	switch (type) {
	case 0:
		if (u32_at(a, 16))
			f_u(a, "target_btf_id", 16);
		a->size = 20;
		break;
	case KT_BPF_TRACE_ITER:
		field(a, "iter_info");	/* strace: the array */
		if (u64_at(a, 16) && !u32_at(a, 24))
			kt_buf_puts(a->d->b, "[]");
		else
			kt_format_ptr(a->d->b, u64_at(a, 16));
		f_u(a, "iter_info_len", 24);
		a->size = 28;
		break;
	case KT_BPF_PERF_EVENT:
		open_struct(a, "perf_event");
		f_x(a, "bpf_cookie", 16, 8);
		close_struct(a);
		a->size = 24;
		break;
	case KT_BPF_TRACE_KPROBE_MULTI: {
		static const char *const arrays[] = { "syms", "addrs",
						      "cookies" };
		unsigned int k;

		open_struct(a, "kprobe_multi");
		f_flags(a, "flags", 16, 4, kprobe_multi_flags, "BPF_F_???");
		f_u(a, "cnt", 20);
		for (k = 0; k < ARRAY_SIZE(arrays); k++) {
			field(a, arrays[k]);	/* strace: the arrays */
			if (u64_at(a, 24 + 8 * k) && !u32_at(a, 20))
				kt_buf_puts(a->d->b, "[]");
			else
				kt_format_ptr(a->d->b, u64_at(a, 24 + 8 * k));
		}
		close_struct(a);
		a->size = 48;
		break;
	}
	default:
		/* the union's bytes are checked as if past the layout */
		a->size = 16;
	}
	close_struct(a);
	past_layout(a);
}

static void link_update(struct kt_bpf *a)
{
	open_struct(a, "link_update");
	f_fd(a, "link_fd", 0);
	f_fd(a, "new_prog_fd", 4);
	f_flags(a, "flags", 8, 4, attach_flags, "BPF_F_???");
	if (u32_at(a, 8) & KT_BPF_F_REPLACE)
		f_fd(a, "old_prog_fd", 12);
	close_struct(a);
	past_layout(a);
}

/*
 * The commands whose attr the kernel writes: what strace prints at the
 * entry, and with @x the copy at the exit, what it prints then.
 */
static void get_next_id(struct kt_bpf *a, struct kt_bpf *x)
{
	if (!x) {
		f_u(a, "start_id", 0);
		f_u(a, "next_id", 4);
		return;
	}
	if (u32_at(x, 4) != u32_at(a, 4))
		kt_buf_printf(a->d->b, " => %u", u32_at(x, 4));
	if (!has(x, 8))
		return;
	f_flags(x, "open_flags", 8, 4, file_mode_flags, "BPF_F_???");
	past_layout(x);
}

static void obj_get_info_by_fd(struct kt_bpf *a, struct kt_bpf *x)
{
	if (!x) {
		open_struct(a, "info");
		f_fd(a, "bpf_fd", 0);
		f_u(a, "info_len", 4);
		return;
	}
	if (u32_at(x, 4) != u32_at(a, 4))
		kt_buf_printf(a->d->b, " => %u", u32_at(x, 4));
	f_addr(x, "info", 8);	/* strace -v: the structure */
	close_struct(x);
	past_layout(x);
}

/* An array of ids strace reads: NULL, [] or (not captured) its address */
static void id_array(struct kt_bpf *a, uint64_t addr, uint32_t n)
{
	if (addr && !n)
		kt_buf_puts(a->d->b, "[]");
	else
		kt_format_ptr(a->d->b, addr);
}

static void prog_query(struct kt_bpf *a, struct kt_bpf *x)
{
	uint32_t cnt;

	if (!x) {
		open_struct(a, "query");
		f_fd(a, "target_fd", 0);
		f_xval(a, "attach_type", 4, attach_types, "BPF_???");
		f_flags(a, "query_flags", 8, 4, query_flags,
			"BPF_F_QUERY_???");
		f_flags(a, "attach_flags", 12, 4, attach_flags, "BPF_F_???");
		field(a, "prog_ids");
		return;
	}
	cnt = u32_at(x, 24);
	id_array(x, u64_at(x, 16), cnt);
	kt_buf_puts(a->d->b, ", prog_cnt=");
	if (u32_at(a, 24) != cnt)
		kt_buf_printf(a->d->b, "%u => ", u32_at(a, 24));
	kt_buf_udec(a->d->b, cnt);
	close_struct(x);
	past_layout(x);
}

static void task_fd_query(struct kt_bpf *a, struct kt_bpf *x)
{
	if (!x) {
		open_struct(a, "task_fd_query");
		field(a, "pid");
		kt_pid(a->d, (int)u32_at(a, 0), false);
		f_fd(a, "fd", 4);
		f_u(a, "flags", 8);
		f_u(a, "buf_len", 12);
		return;
	}
	if (u32_at(x, 12) != u32_at(a, 12))
		kt_buf_printf(a->d->b, " => %u", u32_at(x, 12));
	f_addr(x, "buf", 16);	/* strace: the string */
	f_u(x, "prog_id", 24);
	f_xval(x, "fd_type", 28, task_fd_types, "BPF_FD_TYPE_???");
	f_x(x, "probe_offset", 32, 8);
	f_x(x, "probe_addr", 40, 8);
	close_struct(x);
	past_layout(x);
}

/* The batch commands print all at the entry, the count again if it moved */
static void map_batch(struct kt_bpf *a, struct kt_bpf *x)
{
	uint32_t cmd = (uint32_t)kt_arg(a->d, 0);

	if (x) {
		if (u32_at(x, 32) != u32_at(a, 32))
			kt_buf_printf(a->d->b, " => {batch={count=%u}}",
				      u32_at(x, 32));
		return;
	}
	open_struct(a, "batch");
	if (cmd == KT_BPF_MAP_LOOKUP_BATCH ||
	    cmd == KT_BPF_MAP_LOOKUP_AND_DELETE_BATCH) {
		f_addr(a, "in_batch", 0);
		f_addr(a, "out_batch", 8);
	}
	f_addr(a, "keys", 16);
	if (cmd != KT_BPF_MAP_DELETE_BATCH)
		f_addr(a, "values", 24);
	f_u(a, "count", 32);
	f_fd(a, "map_fd", 36);
	f_flags(a, "elem_flags", 40, 8, lookup_flags, "BPF_???");
	f_x(a, "flags", 48, 8);
	close_struct(a);
	past_layout(a);
	kt_buf_putc(a->d->b, '}');
}

struct bpf_cmd {
	unsigned int size;		/* strace's layout */
	void (*in)(struct kt_bpf *a);	/* all at the entry */
	/* the entry's part, then (x not NULL) the exit's */
	void (*inout)(struct kt_bpf *a, struct kt_bpf *x);
	bool fd;			/* returns a descriptor */
};

static const struct bpf_cmd bpf_cmds[] = {
	[KT_BPF_MAP_CREATE] = { 72, map_create, NULL, true },
	[KT_BPF_MAP_LOOKUP_ELEM] = { 32, map_lookup_elem, NULL, false },
	[KT_BPF_MAP_UPDATE_ELEM] = { 32, map_update_elem, NULL, false },
	[KT_BPF_MAP_DELETE_ELEM] = { 16, map_delete_elem, NULL, false },
	[KT_BPF_MAP_GET_NEXT_KEY] = { 24, map_get_next_key, NULL, false },
	[KT_BPF_PROG_LOAD] = { 128, prog_load, NULL, true },
	[KT_BPF_OBJ_PIN] = { 16, obj_pin, NULL, true },
	[KT_BPF_OBJ_GET] = { 16, obj_pin, NULL, true },
	[KT_BPF_PROG_ATTACH] = { 20, prog_attach, NULL, false },
	[KT_BPF_PROG_DETACH] = { 12, prog_detach, NULL, false },
	[KT_BPF_PROG_TEST_RUN] = { 76, prog_test_run, NULL, false },
	[KT_BPF_PROG_GET_NEXT_ID] = { 12, NULL, get_next_id, false },
	[KT_BPF_MAP_GET_NEXT_ID] = { 12, NULL, get_next_id, false },
	[KT_BPF_PROG_GET_FD_BY_ID] = { 12, prog_get_fd_by_id, NULL, true },
	[KT_BPF_MAP_GET_FD_BY_ID] = { 12, map_get_fd_by_id, NULL, true },
	[KT_BPF_OBJ_GET_INFO_BY_FD] = { 16, NULL, obj_get_info_by_fd, false },
	[KT_BPF_PROG_QUERY] = { 28, NULL, prog_query, false },
	[KT_BPF_RAW_TRACEPOINT_OPEN] = { 12, raw_tracepoint_open, NULL,
					 false },
	[KT_BPF_BTF_LOAD] = { 28, btf_load, NULL, true },
	[KT_BPF_BTF_GET_FD_BY_ID] = { 4, btf_get_fd_by_id, NULL, true },
	[KT_BPF_TASK_FD_QUERY] = { 48, NULL, task_fd_query, false },
	[KT_BPF_MAP_LOOKUP_AND_DELETE_ELEM] = { 32, map_lookup_elem, NULL,
						false },
	[KT_BPF_MAP_FREEZE] = { 4, map_freeze, NULL, false },
	[KT_BPF_BTF_GET_NEXT_ID] = { 12, NULL, get_next_id, false },
	[KT_BPF_MAP_LOOKUP_BATCH] = { 56, NULL, map_batch, false },
	[KT_BPF_MAP_LOOKUP_AND_DELETE_BATCH] = { 56, NULL, map_batch, false },
	[KT_BPF_MAP_UPDATE_BATCH] = { 56, NULL, map_batch, false },
	[KT_BPF_MAP_DELETE_BATCH] = { 56, NULL, map_batch, false },
	[KT_BPF_LINK_CREATE] = { 48, link_create, NULL, true },
	[KT_BPF_LINK_UPDATE] = { 16, link_update, NULL, false },
	[KT_BPF_LINK_GET_FD_BY_ID] = { 4, link_get_fd_by_id, NULL, true },
	[KT_BPF_LINK_GET_NEXT_ID] = { 12, NULL, get_next_id, false },
};

/* The command's decoder, if strace has one for this call's attr. */
static const struct bpf_cmd *bpf_cmd_of(const struct kt_dec *d)
{
	uint32_t cmd = (uint32_t)kt_arg(d, 0);
	uint32_t size = (uint32_t)kt_arg(d, 2);
	const struct bpf_cmd *c;

	if (cmd >= ARRAY_SIZE(bpf_cmds) || !size || size > KT_BPF_PAGE)
		return NULL;
	c = &bpf_cmds[cmd];
	return c->in || c->inout ? c : NULL;
}

/* bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, ...}, 72) = 3 */
static void dec_bpf(struct kt_dec *d)
{
	const struct bpf_cmd *c = bpf_cmd_of(d);
	uint32_t size = (uint32_t)kt_arg(d, 2);
	struct kt_bpf a = { .d = d }, x = { .d = d };

	kt_a_xval(d, 0, bpf_commands, "BPF_???");
	kt_sep(d);
	if (!c || !bpf_load(&a, &d->sc->enter_blob[1], size, c->size)) {
		kt_format_ptr(d->b, kt_arg(d, 1));
		kt_a_uint(d, 2);
		return;
	}
	if (c->in) {
		kt_buf_putc(d->b, '{');
		c->in(&a);
		kt_buf_putc(d->b, '}');
		kt_a_uint(d, 2);
		return;
	}
	kt_buf_putc(d->b, '{');
	c->inout(&a, NULL);
	if (kt_entry_only(d, false))
		return;
	/*
	 * strace reads the attr again at the exit, failed or not; without
	 * that copy (a record of an older module), as the call passed it.
	 */
	if (!bpf_load(&x, kt_exit_blob(d->sc, 1), size, c->size))
		x = a;
	x.fields = a.fields;
	c->inout(&a, &x);
	if (c->inout != map_batch)
		kt_buf_putc(d->b, '}');
	kt_a_uint(d, 2);
}

/* A descriptor for the commands that make one, as strace's RVAL_FD */
static void ret_bpf(struct kt_dec *d)
{
	const struct bpf_cmd *c = bpf_cmd_of(d);
	struct kt_bpf a = { .d = d };

	kt_format_retval(d, c && c->fd &&
			 bpf_load(&a, &d->sc->enter_blob[1],
				  (uint32_t)kt_arg(d, 2), c->size) ?
			 KT_RV_FD : KT_RV_DEC);
}

static const struct kt_decoder decoders[] = {
	{ "bpf", dec_bpf, KT_RV_DEC, ret_bpf },
};

const struct kt_decoder_table kt_bpf_decoders = {
	decoders, ARRAY_SIZE(decoders)
};
