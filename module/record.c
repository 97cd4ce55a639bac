// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: the variable part of the records, and the capture table.  A
 * syscall record carries blobs of user memory: what capture.def lists for
 * the syscall, copied at the enter (in) or at the exit of a successful
 * call (out), by the rules of struct ktrace_cap.  Every copy is
 * fault-safe (the probes cannot take a page fault), and cut at the
 * session's snap length and at the room ktrace_rec_max() leaves, with
 * KTRACE_BF_TRUNC set; a copy that faults leaves an empty blob with
 * KTRACE_BF_FAULT.
 */
#include <linux/compat.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/ioctl.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/uio.h>
#include <linux/uaccess.h>
#include <asm/unistd.h>
#include <asm/unistd_32_ia32.h>
#include <asm/word-at-a-time.h>

#include "ktrace.h"
#include "record.h"

#include "capture-table.h"

/* execve's environment is counted up to this many strings. */
#define KTRACE_ENVC_MAX		4096

const struct ktrace_sys_caps *ktrace_caps(unsigned int abi, long nr)
{
	const struct ktrace_sys_caps *c;

	if (nr < 0 || nr >= KTRACE_NR_MAX)
		return NULL;
	c = abi == KTRACE_ABI_COMPAT ? &ktrace_caps_ia32[nr] :
				       &ktrace_caps_x86_64[nr];
	return c->n ? c : NULL;
}

static void __user *kb_uptr(struct ktrace_build *b, unsigned long v)
{
	return (void __user *)(b->compat ? (unsigned long)(u32)v : v);
}

struct ktrace_blob *ktrace_build_add(struct ktrace_build *b, u8 kind, u8 arg)
{
	struct ktrace_blob *bl = &b->blobs[(*b->nblobs)++];

	bl->offset = b->lng ? b->pos / 8 : b->pos;
	bl->kind = kind;
	bl->arg = arg;
	return bl;
}

void ktrace_build_put(struct ktrace_build *b, struct ktrace_blob *bl, u32 len)
{
	u32 end = ALIGN(b->pos + len, 8);

	bl->len = len & U16_MAX;
	if (b->lng)
		bl->flags |= (len >> 16 << 8) & KTRACE_BF_LEN_HI;
	memset(b->rec + b->pos + len, 0, end - b->pos - len);
	b->pos = end;
}

/* Bytes the next blob may hold: the snap length, or what room is left. */
u32 ktrace_build_room(const struct ktrace_build *b)
{
	return min(b->snaplen, b->end > b->pos ? b->end - b->pos : 0);
}

/*
 * KTRACE_BLOB_IP (KTRACE_CFG_IP), the last blob of an enter record:
 * ktrace_build_want_ip(), right after ktrace_build_init(), adds a slot
 * for its descriptor, and ktrace_build_ip(), after the capture, fills it
 * and puts the 8 bytes last.  Neither takes room from the capture:
 * ktrace_rec_max() counts them apart.
 */
void ktrace_build_want_ip(struct ktrace_build *b)
{
	memset(b->rec + b->pos, 0, sizeof(struct ktrace_blob));
	b->pos += sizeof(struct ktrace_blob);
	b->end += sizeof(struct ktrace_blob);
}

void ktrace_build_ip(struct ktrace_build *b, u64 ip)
{
	struct ktrace_blob *bl = ktrace_build_add(b, KTRACE_BLOB_IP,
						  KTRACE_BLOB_ARG_NONE);

	memcpy(b->rec + b->pos, &ip, sizeof(ip));
	ktrace_build_put(b, bl, sizeof(ip));
}

static void kb_fault(struct ktrace_build *b, struct ktrace_blob *bl)
{
	bl->flags |= KTRACE_BF_FAULT;
	ktrace_stats_fault();
	ktrace_build_put(b, bl, 0);
}

/*
 * User memory is copied without a fault (the probes cannot take one), in
 * task context by 8-byte loads with page faults disabled, up to
 * KTRACE_COPY_WORDS bytes.  Longer copies, and those outside task
 * context (where copy_from_user_nofault() knows whether the current mm
 * may be read from an NMI), take copy_from_user_nofault().  Both fail
 * whole when a byte cannot be read.
 */
static long ktrace_copy_nofault(void *dst, const void __user *src,
				unsigned long len)
{
	const char __user *s = src;
	unsigned long i, w;
	long ret = 0;
	char *d = dst, c;

	if (len > KTRACE_COPY_WORDS || !in_task())
		return copy_from_user_nofault(dst, src, len);
	pagefault_disable();
	if (!user_access_begin(src, len)) {
		pagefault_enable();
		return -EFAULT;
	}
	for (i = 0; len - i >= sizeof(w); i += sizeof(w)) {
		unsafe_get_user(w, (const unsigned long __user *)(s + i),
				fault);
		memcpy(d + i, &w, sizeof(w));
	}
	for (; i < len; i++) {
		unsafe_get_user(c, s + i, fault);
		d[i] = c;
	}
out:
	user_access_end();
	pagefault_enable();
	return ret;
fault:
	ret = -EFAULT;
	goto out;
}

/*
 * strncpy_from_user_nofault() is not exported to modules.  Outside task
 * context, or for a string that user_access_begin() refuses whole (one
 * near the end of user space), copy it with copy_from_user_nofault(),
 * one page at a time so that a string ending just before an unmapped
 * page still reads.
 */
static long ktrace_strncpy_slow(char *dst, const char __user *src,
				long count)
{
	unsigned long addr = (unsigned long)src;
	long done = 0, chunk;
	char *nul;

	while (done < count) {
		chunk = min_t(long, count - done,
			      PAGE_SIZE - ((addr + done) & ~PAGE_MASK));
		if (copy_from_user_nofault(dst + done, src + done, chunk))
			return -EFAULT;
		nul = memchr(dst + done, '\0', chunk);
		if (nul)
			return nul - dst + 1;
		done += chunk;
	}
	return count;
}

/*
 * Copy a string of at most @count bytes, NUL included.  In task context
 * it is read as the kernel's strncpy_from_user() reads it: bytes up to an
 * aligned address, then aligned words, which never cross into a page
 * that may be unmapped, until the word holding the NUL.  A path of 20
 * bytes costs three words, not the snap length.  Returns the length
 * including the NUL, @count if there was no NUL within @count bytes, or
 * -EFAULT.  @dst may hold user bytes after the NUL, up to the end of the
 * word, within @count.
 */
static long ktrace_strncpy_nofault(char *dst, const char __user *src,
				   long count)
{
	const struct word_at_a_time k = WORD_AT_A_TIME_CONSTANTS;
	unsigned long addr = (unsigned long)src, w, bits;
	long done = 0, ret = count;
	char c;

	if (!in_task() || count <= 0)
		return ktrace_strncpy_slow(dst, src, count);
	pagefault_disable();
	if (!user_access_begin(src, count)) {
		pagefault_enable();
		return ktrace_strncpy_slow(dst, src, count);
	}
	while (done < count) {
		if (!((addr + done) & (sizeof(w) - 1)) &&
		    count - done >= sizeof(w)) {
			unsafe_get_user(w, (const unsigned long __user *)
					   (src + done), fault);
			memcpy(dst + done, &w, sizeof(w));
			if (has_zero(w, &bits, &k)) {
				bits = prep_zero_mask(w, bits, &k);
				bits = create_zero_mask(bits);
				ret = done + find_zero(bits) + 1;
				break;
			}
			done += sizeof(w);
		} else {
			unsafe_get_user(c, src + done, fault);
			dst[done] = c;
			if (!c) {
				ret = done + 1;
				break;
			}
			done++;
		}
	}
out:
	user_access_end();
	pagefault_enable();
	return ret;
fault:
	ret = -EFAULT;
	goto out;
}

static void kb_string(struct ktrace_build *b, u8 kind, u8 arg,
		      unsigned long uaddr)
{
	struct ktrace_blob *bl = ktrace_build_add(b, kind, arg);
	u32 room = ktrace_build_room(b);
	char *dst = b->rec + b->pos;
	long n;

	if (!room) {
		bl->flags |= KTRACE_BF_TRUNC;
		ktrace_build_put(b, bl, 0);
		return;
	}
	n = ktrace_strncpy_nofault(dst, kb_uptr(b, uaddr), room);
	if (n <= 0) {
		kb_fault(b, bl);
		return;
	}
	if (dst[n - 1]) {
		dst[n - 1] = '\0';
		bl->flags |= KTRACE_BF_TRUNC;
	}
	ktrace_build_put(b, bl, n);
}

/* @len bytes at @uaddr, or as many as @room holds. */
static void kb_bytes_in(struct ktrace_build *b, u8 kind, u8 arg,
			unsigned long uaddr, unsigned long len, u32 room)
{
	struct ktrace_blob *bl = ktrace_build_add(b, kind, arg);
	u32 n = min_t(unsigned long, len, room);

	if (n && ktrace_copy_nofault(b->rec + b->pos, kb_uptr(b, uaddr),
				     n)) {
		kb_fault(b, bl);
		return;
	}
	if (len > n)
		bl->flags |= KTRACE_BF_TRUNC;
	ktrace_build_put(b, bl, n);
}

static void kb_bytes(struct ktrace_build *b, u8 kind, u8 arg,
		     unsigned long uaddr, unsigned long len)
{
	kb_bytes_in(b, kind, arg, uaddr, len, ktrace_build_room(b));
}

/*
 * As kb_bytes(), but in all the room left whatever the snap length
 * (KTRACE_BLOB_DIRENTS: strace -v prints every entry, whatever -s).
 */
static void kb_bytes_room(struct ktrace_build *b, u8 kind, u8 arg,
			  unsigned long uaddr, unsigned long len)
{
	u32 room = b->end > b->pos ? b->end - b->pos : 0;

	if (!b->lng)
		room = min_t(u32, room, U16_MAX);
	kb_bytes_in(b, kind, arg, uaddr, len, room);
}

/* Read argv[i] of a native or compat argv array. */
static int kb_argv_ptr(struct ktrace_build *b, void __user *argv,
		       unsigned int i, unsigned long *p)
{
	u32 p32;

	if (!b->compat)
		return ktrace_copy_nofault(p, argv + i * sizeof(*p),
					   sizeof(*p));
	if (ktrace_copy_nofault(&p32, argv + i * sizeof(p32), sizeof(p32)))
		return -EFAULT;
	*p = p32;
	return 0;
}

/*
 * A NULL-terminated array of strings, argv or (KTRACE_CFG_VERBOSE) envp:
 * at most @max strings in @room bytes.
 */
static void kb_strv(struct ktrace_build *b, u8 kind, u8 arg,
		    unsigned long uaddr, u32 room, unsigned int max)
{
	struct ktrace_blob *bl = ktrace_build_add(b, kind, arg);
	void __user *argv = kb_uptr(b, uaddr);
	u32 used = 0, cap;
	char *dst = b->rec + b->pos;
	unsigned long p;
	unsigned int i;
	long n;

	for (i = 0; i < max; i++) {
		if (kb_argv_ptr(b, argv, i, &p))
			goto fault;
		if (!p)
			goto done;
		if (used == room)
			break;
		/*
		 * Each string gets the snap length, and one byte more: a
		 * string cut there is longer than the snap length says,
		 * as strace's "..." after -s characters needs to know.
		 */
		cap = min(room - used, b->snaplen + 1);
		n = ktrace_strncpy_nofault(dst + used, kb_uptr(b, p), cap);
		if (n <= 0)
			goto fault;
		used += n;
		if (dst[used - 1]) {
			dst[used - 1] = '\0';
			if (cap <= b->snaplen)
				break;	/* out of room */
		}
	}
	/* Out of room or out of slots. */
	bl->flags |= KTRACE_BF_TRUNC;
done:
	ktrace_build_put(b, bl, used);
	return;
fault:
	kb_fault(b, bl);
}

/* argv, in all the room left but for envp's count: argv is cut last. */
static void kb_argv(struct ktrace_build *b, u8 arg, unsigned long uaddr)
{
	kb_strv(b, KTRACE_BLOB_ARGV, arg, uaddr,
		b->end > b->pos + 8 ? b->end - b->pos - 8 : 0,
		KTRACE_ARGV_MAX);
}

/*
 * execve's environment (KTRACE_CFG_VERBOSE), up to KTRACE_ENVC_MAX
 * strings in at most half the room left, less the count's 8 bytes: argv,
 * copied next, keeps the other half.
 */
static void kb_envp(struct ktrace_build *b, u8 arg, unsigned long uaddr)
{
	kb_strv(b, KTRACE_BLOB_ENVP, arg, uaddr,
		b->end > b->pos + 16 ? (b->end - b->pos - 16) / 2 : 0,
		KTRACE_ENVC_MAX);
}

/* The address after the NUL of the string at @p, or 0 on a fault. */
static unsigned long kb_skip_string(struct ktrace_build *b, unsigned long p,
				    unsigned long end)
{
	char chunk[64];
	unsigned long n;
	char *nul;

	while (p < end) {
		n = min_t(unsigned long, sizeof(chunk), end - p);
		n = min_t(unsigned long, n, PAGE_SIZE - (p & ~PAGE_MASK));
		if (ktrace_copy_nofault(chunk, kb_uptr(b, p), n))
			return 0;
		nul = memchr(chunk, '\0', n);
		if (nul)
			return p + (nul - chunk) + 1;
		p += n;
	}
	return end;
}

/*
 * The strings the kernel copied to a new program's stack between @p and
 * @end, in a blob of @kind, each cut as kb_argv() cuts it, at most @max
 * of them in @room bytes.
 */
static void kb_stack_strv(struct ktrace_build *b, u8 kind, u8 arg,
			  unsigned long p, unsigned long end, u32 room,
			  unsigned int max)
{
	struct ktrace_blob *bl = ktrace_build_add(b, kind, arg);
	char *dst = b->rec + b->pos;
	unsigned long next;
	u32 used = 0, cap;
	unsigned int i;
	long n;

	for (i = 0; p < end; i++) {
		if (i == max || used == room)
			goto trunc;
		cap = min_t(unsigned long, min(room - used, b->snaplen + 1),
			    end - p);
		n = ktrace_strncpy_nofault(dst + used, kb_uptr(b, p), cap);
		if (n <= 0)
			goto fault;
		used += n;
		if (!dst[used - 1]) {
			p += n;
			continue;
		}
		dst[used - 1] = '\0';
		if (cap <= b->snaplen)
			goto trunc;	/* out of room */
		next = kb_skip_string(b, p + n, end);
		if (!next)
			goto fault;
		p = next;
	}
	ktrace_build_put(b, bl, used);
	return;
trunc:
	bl->flags |= KTRACE_BF_TRUNC;
	ktrace_build_put(b, bl, used);
	return;
fault:
	kb_fault(b, bl);
}

/*
 * At the exit of a successful execve: the arguments the enter could not
 * read (a child after fork() has no page tables yet for the file pages
 * that hold its string literals, and a probe cannot fault them in), from
 * the new program's stack, where the kernel copied them: argv's strings
 * between mm->arg_start and arg_end, each cut as kb_argv() cuts it, and
 * the file name (@path_arg, or KTRACE_BLOB_ARG_NONE) right after the
 * environment's, at mm->env_end; with @envp_arg (not
 * KTRACE_BLOB_ARG_NONE: KTRACE_CFG_VERBOSE) the environment's strings
 * too, between env_start and env_end, in half the room, as kb_envp().
 */
void ktrace_capture_exec(struct ktrace_build *b, u8 path_arg, u8 argv_arg,
			 u8 envp_arg)
{
	struct mm_struct *mm = current->mm;
	u32 room;

	if (!mm)
		return;
	if (path_arg != KTRACE_BLOB_ARG_NONE)
		kb_string(b, KTRACE_BLOB_PATH, path_arg, READ_ONCE(mm->env_end));
	if (envp_arg != KTRACE_BLOB_ARG_NONE) {
		room = b->end > b->pos + 16 ? (b->end - b->pos - 16) / 2 : 0;
		kb_stack_strv(b, KTRACE_BLOB_ENVP, envp_arg,
			      READ_ONCE(mm->env_start), READ_ONCE(mm->env_end),
			      room, KTRACE_ENVC_MAX);
	}
	room = b->end > b->pos ? b->end - b->pos : 0;
	kb_stack_strv(b, KTRACE_BLOB_ARGV, argv_arg, READ_ONCE(mm->arg_start),
		      READ_ONCE(mm->arg_end), room, KTRACE_ARGV_MAX);
}

/* The number of entries of a NULL-terminated array of pointers. */
static void kb_count(struct ktrace_build *b, u8 arg, unsigned long uaddr)
{
	struct ktrace_blob *bl = ktrace_build_add(b, KTRACE_BLOB_COUNT, arg);
	void __user *v = kb_uptr(b, uaddr);
	unsigned long p = 1;
	u32 n;

	if (ktrace_build_room(b) < sizeof(n)) {
		bl->flags |= KTRACE_BF_TRUNC;
		ktrace_build_put(b, bl, 0);
		return;
	}
	for (n = 0; n < KTRACE_ENVC_MAX; n++) {
		if (kb_argv_ptr(b, v, n, &p)) {
			kb_fault(b, bl);
			return;
		}
		if (!p)
			break;
	}
	if (p)
		bl->flags |= KTRACE_BF_TRUNC;
	memcpy(b->rec + b->pos, &n, sizeof(n));
	ktrace_build_put(b, bl, sizeof(n));
}

/* A length the kernel reads or fills, behind a user pointer. */
static void kb_lenptr(struct ktrace_build *b, u8 kind, u8 arg,
		      unsigned long uaddr, unsigned long ulen)
{
	int len;

	if (ktrace_copy_nofault(&len, kb_uptr(b, ulen), sizeof(len))) {
		kb_fault(b, ktrace_build_add(b, kind, arg));
		return;
	}
	if (kind == KTRACE_BLOB_SOCKADDR)
		len = min_t(int, len, sizeof(struct sockaddr_storage));
	kb_bytes(b, kind, arg, uaddr, max(len, 0));
}

/*
 * pselect6()'s sixth argument: the struct of a signal mask's address and
 * size (two longs), then the mask, when its size is one a sigset_t may
 * have (1 to 8 bytes) and it reads; the struct alone when it does not.
 */
static void kb_sigmask(struct ktrace_build *b, u8 kind, u8 arg,
		       unsigned long uaddr)
{
	struct ktrace_blob *bl = ktrace_build_add(b, kind, arg);
	u32 n = b->compat ? 2 * sizeof(u32) : 2 * sizeof(u64);
	char *dst = b->rec + b->pos;
	unsigned long mask, size;
	u32 w32[2];
	u64 w[2];

	if (ktrace_build_room(b) < n + sizeof(u64)) {
		bl->flags |= KTRACE_BF_TRUNC;
		ktrace_build_put(b, bl, 0);
		return;
	}
	if (ktrace_copy_nofault(dst, kb_uptr(b, uaddr), n)) {
		kb_fault(b, bl);
		return;
	}
	if (b->compat) {
		memcpy(w32, dst, sizeof(w32));
		mask = w32[0];
		size = w32[1];
	} else {
		memcpy(w, dst, sizeof(w));
		mask = w[0];
		size = w[1];
	}
	if (mask && size && size <= sizeof(u64) &&
	    !ktrace_copy_nofault(dst + n, kb_uptr(b, mask), size))
		n += size;
	ktrace_build_put(b, bl, n);
}

/* The records getdents64() returned in @len bytes at @uaddr. */
static void kb_dirents(struct ktrace_build *b, u8 arg, unsigned long uaddr,
		       long len)
{
	struct ktrace_blob *bl = ktrace_build_add(b, KTRACE_BLOB_COUNT, arg);
	void __user *p = kb_uptr(b, uaddr);
	u32 n = 0;
	long off = 0;
	u16 reclen;

	if (ktrace_build_room(b) < sizeof(n)) {
		bl->flags |= KTRACE_BF_TRUNC;
		ktrace_build_put(b, bl, 0);
		return;
	}
	while (off < len && n < KTRACE_ENVC_MAX) {
		/* struct linux_dirent64: d_reclen after two 64-bit fields */
		if (ktrace_copy_nofault(&reclen, p + off + 16,
					sizeof(reclen))) {
			kb_fault(b, bl);
			return;
		}
		if (!reclen)
			break;
		off += reclen;
		n++;
	}
	if (off < len)
		bl->flags |= KTRACE_BF_TRUNC;
	memcpy(b->rec + b->pos, &n, sizeof(n));
	ktrace_build_put(b, bl, sizeof(n));
}

/* Read iov[i] of a native or compat struct iovec array. */
static int kb_iovec(struct ktrace_build *b, unsigned long uiov,
		    unsigned long i, unsigned long *base, unsigned long *len)
{
	unsigned long v[2];
	u32 v32[2];

	if (!b->compat) {
		if (ktrace_copy_nofault(v, kb_uptr(b, uiov + i * sizeof(v)),
					sizeof(v)))
			return -EFAULT;
		*base = v[0];
		*len = v[1];
		return 0;
	}
	if (ktrace_copy_nofault(v32, kb_uptr(b, uiov + i * sizeof(v32)),
				sizeof(v32)))
		return -EFAULT;
	*base = v32[0];
	*len = v32[1];
	return 0;
}

/*
 * Append @cnt iovecs at @uiov to the blob being built, @used bytes into
 * it, within @room: for each, struct ktrace_iov_seg and its buffer, cut
 * at the snap length and at @limit bytes for the whole vector (what the
 * call read; ULONG_MAX at the enter).  Returns the blob's new length, or
 * -EFAULT; sets KTRACE_BF_TRUNC on @bl when the room ran out first.
 */
static long kb_iov_segs(struct ktrace_build *b, struct ktrace_blob *bl,
			u32 used, u32 room, unsigned long uiov,
			unsigned long cnt, unsigned long limit)
{
	struct ktrace_iov_seg seg;
	unsigned long i, base, len, valid;
	char *dst = b->rec + b->pos;

	for (i = 0; i < min_t(unsigned long, cnt, UIO_MAXIOV); i++) {
		if (room - used < sizeof(seg)) {
			bl->flags |= KTRACE_BF_TRUNC;
			return used;
		}
		if (kb_iovec(b, uiov, i, &base, &len))
			return -EFAULT;
		valid = min(len, limit);
		limit -= valid;
		seg.base = base;
		seg.len = len;
		seg.stored = min_t(unsigned long, valid,
				   min(b->snaplen, room - used - (u32)sizeof(seg)));
		seg.flags = seg.stored < valid ? KTRACE_BF_TRUNC : 0;
		if (seg.stored &&
		    ktrace_copy_nofault(dst + used + sizeof(seg),
					kb_uptr(b, base), seg.stored))
			return -EFAULT;
		memcpy(dst + used, &seg, sizeof(seg));
		used += sizeof(seg) + seg.stored;
	}
	if (cnt > UIO_MAXIOV)
		bl->flags |= KTRACE_BF_TRUNC;
	return used;
}

/*
 * All the room left, for a blob whose pieces share it (a vector's
 * buffers), no more than its descriptor can say.
 */
static u32 kb_room_left(const struct ktrace_build *b)
{
	u32 room = b->end > b->pos ? b->end - b->pos : 0;

	return b->lng ? room : min_t(u32, room, U16_MAX);
}

static void kb_iov(struct ktrace_build *b, u8 arg, unsigned long uiov,
		   unsigned long cnt, unsigned long limit)
{
	struct ktrace_blob *bl = ktrace_build_add(b, KTRACE_BLOB_IOV, arg);
	long n;

	if (b->compat)
		cnt = (u32)cnt;
	n = kb_iov_segs(b, bl, 0, kb_room_left(b), uiov, cnt, limit);
	if (n < 0)
		kb_fault(b, bl);
	else
		ktrace_build_put(b, bl, n);
}

/* struct user_msghdr and struct compat_msghdr, as user memory holds them */
struct kb_msghdr64 {
	u64 name;
	s32 namelen;
	u32 pad;
	u64 iov;
	u64 iovlen;
	u64 control;
	u64 controllen;
	u32 flags;
};

struct kb_msghdr32 {
	u32 name;
	s32 namelen;
	u32 iov;
	u32 iovlen;
	u32 control;
	u32 controllen;
	u32 flags;
};

/*
 * A struct msghdr @at bytes into the blob being built, within @room:
 * struct ktrace_msghdr, the address, the vector as kb_iov_segs() stores
 * it, then the control buffer (at the exit of recvmsg the msg_controllen
 * bytes the call wrote), as user memory holds it: struct cmsghdr or, for
 * ia32, struct compat_cmsghdr, within the snap length.  Returns the
 * blob's new length, or -EFAULT; @room must hold struct ktrace_msghdr.
 */
static long kb_msghdr_at(struct ktrace_build *b, struct ktrace_blob *bl,
			 u32 at, u32 room, unsigned long umsg,
			 unsigned long limit)
{
	char *dst = b->rec + b->pos + at;
	struct ktrace_msghdr m = { 0 };
	struct kb_msghdr64 m64;
	struct kb_msghdr32 m32;
	unsigned long iov;
	u32 ctl = 0;
	long n;

	if (b->compat) {
		if (ktrace_copy_nofault(&m32, kb_uptr(b, umsg), sizeof(m32)))
			return -EFAULT;
		m.name = m32.name;
		m.namelen = m32.namelen;
		iov = m32.iov;
		m.iovlen = m32.iovlen;
		m.control = m32.control;
		m.controllen = m32.controllen;
		m.flags = m32.flags;
	} else {
		if (ktrace_copy_nofault(&m64, kb_uptr(b, umsg), sizeof(m64)))
			return -EFAULT;
		m.name = m64.name;
		m.namelen = m64.namelen;
		iov = m64.iov;
		m.iovlen = m64.iovlen;
		m.control = m64.control;
		m.controllen = m64.controllen;
		m.flags = m64.flags;
	}
	n = at + sizeof(m);
	if (m.name && m.namelen > 0) {
		m.name_stored = min_t(u32, m.namelen,
				      sizeof(struct sockaddr_storage));
		m.name_stored = min_t(u32, m.name_stored, room - n);
	}
	if (m.name_stored &&
	    ktrace_copy_nofault(dst + sizeof(m), kb_uptr(b, m.name),
				m.name_stored))
		return -EFAULT;
	n += m.name_stored;
	/* The control buffer goes last, in room kept before the vector. */
	if (m.control && m.controllen)
		ctl = min_t(u64, m.controllen, min(b->snaplen, room - (u32)n));
	if (iov)
		n = kb_iov_segs(b, bl, n, room - ctl, iov, m.iovlen, limit);
	if (n < 0)
		return n;
	if (ctl && ktrace_copy_nofault(b->rec + b->pos + n,
				       kb_uptr(b, m.control), ctl)) {
		/* Without its bytes the decoder prints the pointer. */
		ktrace_stats_fault();
		ctl = 0;
	}
	m.control_stored = ctl;
	memcpy(dst, &m, sizeof(m));
	return n + ctl;
}

static void kb_msghdr(struct ktrace_build *b, u8 arg, unsigned long umsg,
		      unsigned long limit)
{
	struct ktrace_blob *bl = ktrace_build_add(b, KTRACE_BLOB_MSGHDR, arg);
	u32 room = kb_room_left(b);
	long n;

	if (room < sizeof(struct ktrace_msghdr)) {
		bl->flags |= KTRACE_BF_TRUNC;
		ktrace_build_put(b, bl, 0);
		return;
	}
	n = kb_msghdr_at(b, bl, 0, room, umsg, limit);
	if (n < 0)
		kb_fault(b, bl);
	else
		ktrace_build_put(b, bl, n);
}

/* struct mmsghdr and struct compat_mmsghdr: a msghdr, then msg_len */
#define KB_MMSGHDR64_SIZE	64
#define KB_MMSGHDR64_LEN	56
#define KB_MMSGHDR32_SIZE	32
#define KB_MMSGHDR32_LEN	28

/*
 * The vector of sendmmsg() or recvmmsg() at the exit, @cnt entries of it
 * (at most UIO_MAXIOV, the kernel's own limit): each one struct
 * ktrace_mmsghdr, then the msghdr as kb_msghdr_at() stores it; at the
 * exit of recvmmsg (@recv) each vector holds the msg_len bytes the call
 * received.  KTRACE_BF_TRUNC when the room ran out before the last entry.
 */
static void kb_mmsghdr(struct ktrace_build *b, u8 arg, unsigned long uvec,
		       unsigned long cnt, bool recv)
{
	struct ktrace_blob *bl = ktrace_build_add(b, KTRACE_BLOB_MMSGHDR, arg);
	u32 room = kb_room_left(b);
	u32 size = b->compat ? KB_MMSGHDR32_SIZE : KB_MMSGHDR64_SIZE;
	u32 lenoff = b->compat ? KB_MMSGHDR32_LEN : KB_MMSGHDR64_LEN;
	struct ktrace_mmsghdr e;
	unsigned long i, um;
	u32 used = 0;
	long n;

	for (i = 0; i < min_t(unsigned long, cnt, UIO_MAXIOV); i++) {
		if (room - used < sizeof(e) + sizeof(struct ktrace_msghdr)) {
			bl->flags |= KTRACE_BF_TRUNC;
			break;
		}
		um = uvec + i * size;
		if (ktrace_copy_nofault(&e.msg_len,
					kb_uptr(b, um + lenoff),
					sizeof(e.msg_len)))
			goto fault;
		n = kb_msghdr_at(b, bl, used + sizeof(e), room, um,
				 recv ? e.msg_len : ULONG_MAX);
		if (n < 0)
			goto fault;
		e.size = n - used - sizeof(e);
		memcpy(b->rec + b->pos + used, &e, sizeof(e));
		used = n;
	}
	if (cnt > UIO_MAXIOV)
		bl->flags |= KTRACE_BF_TRUNC;
	ktrace_build_put(b, bl, used);
	return;
fault:
	kb_fault(b, bl);
}

/*
 * At rt_sigreturn()'s enter the user stack pointer is at the frame's
 * struct ucontext (the handler's return popped pretcode): the mask to
 * restore is its uc_sigmask.
 */
#define KTRACE_UC_SIGMASK	296

/* struct ktrace_cap.len_arg of a KTRACE_CAP_RET line without retK's bound */
#define KB_RET_ANY		0xff

/* A signal interrupted the call, which is to be restarted (strace's). */
static bool kb_restart(long ret)
{
	return ret == -ERESTARTSYS || ret == -ERESTARTNOINTR ||
	       ret == -ERESTARTNOHAND || ret == -ERESTART_RESTARTBLOCK;
}

/*
 * KTRACE_BLOB_INODES: the inode of each descriptor the call made, the
 * return value @ret or the @c->len_arg ints at @uaddr (pipe's array), 0
 * for one another thread closed since.  The probe runs in the caller's
 * task at the syscall's exit: fget() takes no lock, and the reference it
 * holds is rarely the last (fput() then defers the release).
 */
static void kb_fdino(struct ktrace_build *b, const struct ktrace_cap *c,
		     unsigned long uaddr, long ret)
{
	struct ktrace_blob *bl = ktrace_build_add(b, KTRACE_BLOB_INODES,
						  KTRACE_BLOB_ARG_NONE);
	int fds[2] = { (int)ret, -1 };
	unsigned int i, n = 1;
	struct file *f;
	u64 ino[2];

	if (c->len_arg != KB_RET_ANY) {
		n = min_t(unsigned int, c->len_arg, ARRAY_SIZE(fds));
		if (ktrace_copy_nofault(fds, kb_uptr(b, uaddr),
					n * sizeof(fds[0]))) {
			kb_fault(b, bl);
			return;
		}
	}
	if (ktrace_build_room(b) < n * sizeof(ino[0])) {
		bl->flags |= KTRACE_BF_TRUNC;
		ktrace_build_put(b, bl, 0);
		return;
	}
	for (i = 0; i < n; i++) {
		f = fds[i] >= 0 ? fget(fds[i]) : NULL;
		ino[i] = f ? file_inode(f)->i_ino : 0;
		if (f)
			fput(f);
	}
	memcpy(b->rec + b->pos, ino, n * sizeof(ino[0]));
	ktrace_build_put(b, bl, n * sizeof(ino[0]));
}

/* struct ktrace_cap.len_arg of a KTRACE_CAP_DEREF line of a string */
#define KB_DEREF_STR		0xfe

/*
 * KTRACE_CAP_DEREF: what the __u64 pointer at byte @c->size of the
 * structure at @uaddr points to (bpf's license, struct xattr_args'
 * value), in a blob whose arg says which pointer it was.  Always one
 * blob, KTRACE_BF_FAULT when the pointer is NULL or unreadable: a reader
 * then prints the pointer it has from its copy of the structure.
 */
static void kb_deref(struct ktrace_build *b, const struct ktrace_cap *c,
		     unsigned long uaddr, const struct ktrace_capture_ctx *x)
{
	u8 arg = KTRACE_BLOB_DEREF(c->arg, c->size);
	void __user *s = kb_uptr(b, uaddr);
	u64 ptr;
	u32 len;

	/*
	 * The kernel takes the whole __u64 (u64_to_user_ptr()): an ia32
	 * task's pointer with upper bits set points nowhere it can reach,
	 * not to its lower half.
	 */
	if (ktrace_copy_nofault(&ptr, s + c->size, sizeof(ptr)) || !ptr ||
	    (b->compat && ptr > U32_MAX)) {
		kb_fault(b, ktrace_build_add(b, c->kind, arg));
		return;
	}
	if (c->len_arg == KB_DEREF_STR) {
		kb_string(b, c->kind, arg, ptr);
		return;
	}
	if (c->len_arg == KB_RET_ANY) {
		len = x->ret > 0 ? min_t(long, x->ret, U32_MAX) : 0;
	} else if (ktrace_copy_nofault(&len, s + c->len_arg, sizeof(len))) {
		kb_fault(b, ktrace_build_add(b, c->kind, arg));
		return;
	}
	kb_bytes(b, c->kind, arg, ptr, len);
}

/* The size an ioctl command encodes in its _IOC_SIZE bits (KTRACE_CAP_IOC). */
static unsigned int kb_ioc_size(const struct ktrace_cap *c,
				const struct ktrace_capture_ctx *x)
{
	return _IOC_SIZE((u32)x->args[c->len_arg]);
}

static bool kb_wanted(const struct ktrace_cap *c,
		      const struct ktrace_capture_ctx *x)
{
	const unsigned long *args = x->args;

	if (c->if_arg != KTRACE_CAP_ALWAYS &&
	    (args[c->if_arg] & c->if_mask) != c->if_val)
		return false;
	if ((c->dir & KTRACE_CAP_VERBOSE) && !x->verbose)
		return false;
	if (c->rule == KTRACE_CAP_SIGFRAME)
		return !x->exit && !x->refetch && x->sp;
	if (c->rule == KTRACE_CAP_FDINO)
		return x->exit && x->ret >= 0 &&
		       (c->len_arg == KB_RET_ANY || args[c->arg]);
	if (!x->exit)
		return (c->dir & KTRACE_CAP_IN) &&
		       (c->rule == KTRACE_CAP_STR || args[c->arg]) &&
		       (c->rule != KTRACE_CAP_IOC || kb_ioc_size(c, x));
	/* strace prints sendmmsg's vector at the exit, failed or not. */
	if (c->rule == KTRACE_CAP_MMSG_ARG)
		return args[c->arg];
	/*
	 * Again what faulted at the enter: the call faulted its pages in
	 * (a failed execve's arguments too: its memory is still the
	 * caller's; a successful one's come from ktrace_capture_exec()).
	 */
	if (x->refetch && (c->dir & KTRACE_CAP_IN) &&
	    c->rule != KTRACE_CAP_COUNT)
		return c->rule == KTRACE_CAP_STR || args[c->arg];
	/*
	 * What the kernel writes back when the call fails too:
	 * name_to_handle_at's handle size with EOVERFLOW.
	 */
	if (c->dir & KTRACE_CAP_EXIT)
		return args[c->arg];
	/* What the kernel wrote for a restart: nanosleep's time left. */
	if (c->dir & KTRACE_CAP_RESTART)
		return args[c->arg] && kb_restart(x->ret);
	return (c->dir & KTRACE_CAP_OUT) && x->ret >= 0 && args[c->arg] &&
	       (c->rule != KTRACE_CAP_RET || x->ret > 0) &&
	       (c->rule != KTRACE_CAP_IOC || kb_ioc_size(c, x)) &&
	       (c->rule != KTRACE_CAP_BITS || x->ret > 0) &&
	       (c->rule != KTRACE_CAP_DIRENTS || x->ret > 0) &&
	       (c->rule != KTRACE_CAP_LENPTR || args[c->len_arg]);
}

/* Argument @c->len_arg, a length, as the call's ABI takes it. */
static unsigned long kb_len_arg(const struct ktrace_build *b,
				const struct ktrace_cap *c,
				const unsigned long *args)
{
	return b->compat ? (u32)args[c->len_arg] : args[c->len_arg];
}

/* What a vector holds: at the exit of a read, the bytes it returned. */
static unsigned long kb_limit(const struct ktrace_cap *c,
			      const struct ktrace_capture_ctx *x)
{
	return x->exit && (c->dir & KTRACE_CAP_OUT) ? x->ret : ULONG_MAX;
}

unsigned int ktrace_capture_count(const struct ktrace_sys_caps *c,
				  const struct ktrace_capture_ctx *x)
{
	unsigned int i, n = 0;

	for (i = 0; c && i < c->n; i++)
		n += kb_wanted(&c->c[i], x);
	return n;
}

void ktrace_capture(struct ktrace_build *b, const struct ktrace_sys_caps *c,
		    const struct ktrace_capture_ctx *x)
{
	const unsigned long *args = x->args;
	const struct ktrace_cap *cap;
	unsigned long len;
	unsigned int i;

	for (i = 0; c && i < c->n; i++) {
		cap = &c->c[i];
		if (!kb_wanted(cap, x))
			continue;
		switch (cap->rule) {
		case KTRACE_CAP_STR:
			kb_string(b, cap->kind, cap->arg, args[cap->arg]);
			continue;
		case KTRACE_CAP_DEREF:
			kb_deref(b, cap, args[cap->arg], x);
			continue;
		case KTRACE_CAP_STRV:
			if (cap->kind == KTRACE_BLOB_ENVP)
				kb_envp(b, cap->arg, args[cap->arg]);
			else
				kb_argv(b, cap->arg, args[cap->arg]);
			continue;
		case KTRACE_CAP_COUNT:
			kb_count(b, cap->arg, args[cap->arg]);
			continue;
		case KTRACE_CAP_DIRENTS:
			kb_dirents(b, cap->arg, args[cap->arg], x->ret);
			continue;
		case KTRACE_CAP_SIGFRAME:
			/*
			 * A stack pointer so near the top that the mask's
			 * address wraps round to page 0 has no frame (the
			 * kernel refuses it): not read there.
			 */
			if (x->sp + KTRACE_UC_SIGMASK < x->sp) {
				kb_fault(b, ktrace_build_add(b, cap->kind,
							     cap->arg));
				continue;
			}
			kb_bytes(b, cap->kind, cap->arg,
				 x->sp + KTRACE_UC_SIGMASK, sizeof(u64));
			continue;
		case KTRACE_CAP_LENPTR:
			kb_lenptr(b, cap->kind, cap->arg, args[cap->arg],
				  args[cap->len_arg]);
			continue;
		case KTRACE_CAP_SIGMASK:
			kb_sigmask(b, cap->kind, cap->arg, args[cap->arg]);
			continue;
		case KTRACE_CAP_FDINO:
			kb_fdino(b, cap, args[cap->arg], x->ret);
			continue;
		case KTRACE_CAP_IOV:
			kb_iov(b, cap->arg, args[cap->arg], args[cap->len_arg],
			       kb_limit(cap, x));
			continue;
		case KTRACE_CAP_MSGHDR:
			kb_msghdr(b, cap->arg, args[cap->arg],
				  kb_limit(cap, x));
			continue;
		case KTRACE_CAP_MMSG_ARG:
			kb_mmsghdr(b, cap->arg, args[cap->arg],
				   (u32)args[cap->len_arg], false);
			continue;
		case KTRACE_CAP_MMSG_RET:
			kb_mmsghdr(b, cap->arg, args[cap->arg], x->ret, true);
			continue;
		case KTRACE_CAP_FIXED:
			len = cap->size;
			break;
		case KTRACE_CAP_IOC:
			len = kb_ioc_size(cap, x);
			break;
		case KTRACE_CAP_BITS:
			len = (u32)args[cap->len_arg];
			len = b->compat ? DIV_ROUND_UP(len, 32) * 4 :
					  BITS_TO_LONGS(len) * sizeof(long);
			break;
		case KTRACE_CAP_ARG:
			len = kb_len_arg(b, cap, args);
			len = len > ULONG_MAX / cap->size ? ULONG_MAX :
							    len * cap->size;
			break;
		case KTRACE_CAP_ARG_PLUS:
			len = kb_len_arg(b, cap, args);
			len = len > ULONG_MAX - cap->size ? ULONG_MAX :
							    len + cap->size;
			break;
		case KTRACE_CAP_PAGES:
			len = kb_len_arg(b, cap, args);
			len = len / PAGE_SIZE + !!(len % PAGE_SIZE);
			break;
		default:	/* KTRACE_CAP_RET */
			len = x->ret > LONG_MAX / cap->size ? LONG_MAX :
							     x->ret * cap->size;
			/* retK: no more than the buffer holds */
			if (cap->len_arg != KB_RET_ANY)
				len = min(len, x->args[cap->len_arg]);
			break;
		}
		if (cap->kind == KTRACE_BLOB_SOCKADDR)
			len = min_t(unsigned long, len,
				    sizeof(struct sockaddr_storage));
		if (cap->kind == KTRACE_BLOB_DIRENTS)
			kb_bytes_room(b, cap->kind, cap->arg, args[cap->arg],
				      len);
		else
			kb_bytes(b, cap->kind, cap->arg, args[cap->arg], len);
	}
}
