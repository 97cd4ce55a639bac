// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: the /dev/ktrace misc device.
 *
 * Each open() of the device is a session (session.c), kept in
 * file->private_data.  Opening needs CAP_SYS_ADMIN, or CAP_PERFMON where
 * the kernel has it, on top of the node's 0600 mode.  read(), poll() and
 * mmap() consume the session's rings.  The ioctl entry point is a flat
 * switch with one handler per command; each handler copies in, validates,
 * acts and copies out.
 */
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/poll.h>
#include <linux/bitmap.h>
#include <linux/log2.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "ktrace.h"

static int ktrace_open(struct inode *inode, struct file *file)
{
	struct ktrace_session *s;
	int ret;

	if (!perfmon_capable())
		return -EPERM;
	ret = nonseekable_open(inode, file);
	if (ret)
		return ret;
	s = ktrace_session_create(task_tgid_nr(current));
	if (IS_ERR(s))
		return PTR_ERR(s);
	file->private_data = s;
	return 0;
}

static int ktrace_release(struct inode *inode, struct file *file)
{
	ktrace_session_destroy(file->private_data);
	return 0;
}

static ssize_t ktrace_read(struct file *file, char __user *buf, size_t count,
			   loff_t *ppos)
{
	return ktrace_session_read(file->private_data, buf, count,
				   file->f_flags & O_NONBLOCK);
}

static __poll_t ktrace_poll(struct file *file, poll_table *wait)
{
	struct ktrace_session *s = file->private_data;

	poll_wait(file, &s->wq, wait);
	if (ktrace_session_readable(s))
		return EPOLLIN | EPOLLRDNORM;
	/* Disabled and drained: read() returns 0 at once. */
	if (!READ_ONCE(s->enabled))
		return EPOLLIN | EPOLLRDNORM | EPOLLHUP;
	return 0;
}

static int ktrace_mmap(struct file *file, struct vm_area_struct *vma)
{
	return ktrace_session_mmap(file->private_data, vma);
}

static long ktrace_ioc_version(void __user *argp)
{
	struct ktrace_version v;

	memset(&v, 0, sizeof(v));
	v.abi_major = KTRACE_ABI_MAJOR;
	v.abi_minor = KTRACE_ABI_MINOR;
	v.features = KTRACE_FEAT_CAPTURE | KTRACE_FEAT_SESSIONS |
		     KTRACE_FEAT_THROTTLE | KTRACE_FEAT_TASKS |
		     KTRACE_FEAT_PROC_STATS | KTRACE_FEAT_IP |
		     KTRACE_FEAT_SIGNAL_IP | KTRACE_FEAT_LONG |
		     KTRACE_FEAT_VERBOSE;
	strscpy(v.release, KTRACE_VERSION, sizeof(v.release));
	if (copy_to_user(argp, &v, sizeof(v)))
		return -EFAULT;
	return 0;
}

static long ktrace_ioc_stats(struct ktrace_session *s, void __user *argp)
{
	struct ktrace_stats st;

	ktrace_session_stats(s, &st);
	if (copy_to_user(argp, &st, sizeof(st)))
		return -EFAULT;
	return 0;
}

/* Every reserved field is zero: a future field is never read as garbage. */
static bool ktrace_zero(const void *p, size_t len)
{
	return !memchr_inv(p, 0, len);
}

static long ktrace_ioc_configure(struct ktrace_session *s,
				 void __user *argp)
{
	struct ktrace_config c;

	if (copy_from_user(&c, argp, sizeof(c)))
		return -EFAULT;
	if (!ktrace_zero(c.__reserved, sizeof(c.__reserved)) ||
	    c.__reserved0 || c.throttle_ms > KTRACE_THROTTLE_MS_MAX ||
	    (c.flags & ~KTRACE_CFG_FLAGS) ||
	    !c.events || (c.events & ~KTRACE_EV_ALL) ||
	    c.snaplen > (c.flags & KTRACE_CFG_LONG ? KTRACE_SNAPLEN_LONG_MAX :
						     KTRACE_SNAPLEN_MAX) ||
	    (c.snaplen && c.snaplen < 8))
		return -EINVAL;
	if (c.ring_size && (!is_power_of_2(c.ring_size) ||
			    c.ring_size < KTRACE_RING_MIN))
		return -EINVAL;
	if (c.ring_size > KTRACE_RING_MAX)
		return -E2BIG;
	return ktrace_session_configure(s, &c);
}

static long ktrace_ioc_pid(struct ktrace_session *s, void __user *argp,
			   bool add)
{
	struct ktrace_pid p;
	long ret;

	if (copy_from_user(&p, argp, sizeof(p)))
		return -EFAULT;
	if (p.__reserved || (p.flags & ~KTRACE_PID_FLAGS) || p.pid <= 0)
		return -EINVAL;
	mutex_lock(&s->lock);
	ret = ktrace_filter_pid(&s->filter, p.pid, p.flags, add);
	mutex_unlock(&s->lock);
	return ret;
}

static long ktrace_ioc_set_syscalls(struct ktrace_session *s,
				    void __user *argp)
{
	struct ktrace_syscalls *sc;
	unsigned int nr;
	long ret = 0;

	sc = memdup_user(argp, sizeof(*sc));
	if (IS_ERR(sc))
		return PTR_ERR(sc);
	if (sc->abi >= KTRACE_ABI_COUNT || sc->__reserved) {
		ret = -EINVAL;
		goto out;
	}
	mutex_lock(&s->lock);
	/* Bit by bit: a running probe sees each syscall's old or new bit. */
	for (nr = 0; nr < KTRACE_NR_MAX; nr++) {
		if (sc->bits[nr / 64] & BIT_ULL(nr % 64))
			set_bit(nr, s->filter.syscalls[sc->abi]);
		else
			clear_bit(nr, s->filter.syscalls[sc->abi]);
	}
	mutex_unlock(&s->lock);
out:
	kfree(sc);
	return ret;
}

static long ktrace_ioc_get_class(void __user *argp)
{
	DECLARE_BITMAP(bits, KTRACE_NR_MAX);
	struct ktrace_class *c;
	long ret;

	c = memdup_user(argp, sizeof(*c));
	if (IS_ERR(c))
		return PTR_ERR(c);
	ret = -EINVAL;
	if (c->abi >= KTRACE_ABI_COUNT)
		goto out;
	memset(c->name, 0, sizeof(c->name));
	ret = ktrace_class_get(c->abi, c->index, c->name, sizeof(c->name),
			       bits);
	if (ret)
		goto out;
	bitmap_to_arr64(c->bits, bits, KTRACE_NR_MAX);
	ret = copy_to_user(argp, c, sizeof(*c)) ? -EFAULT : 0;
out:
	kfree(c);
	return ret;
}

static long ktrace_ioc_set_status(struct ktrace_session *s,
				  void __user *argp)
{
	struct ktrace_status st;

	if (copy_from_user(&st, argp, sizeof(st)))
		return -EFAULT;
	if ((st.flags & ~KTRACE_STATUS_KEEP_ARGS) || !st.status ||
	    (st.status & ~KTRACE_STATUS_ALL))
		return -EINVAL;
	mutex_lock(&s->lock);
	WRITE_ONCE(s->filter.status_flags, st.flags);
	WRITE_ONCE(s->filter.status,
		   st.status == KTRACE_STATUS_ALL ? 0 : st.status);
	WRITE_ONCE(s->filter.min_duration_ns, st.min_duration);
	mutex_unlock(&s->lock);
	return 0;
}

static long ktrace_ioc_losses(struct ktrace_session *s, void __user *argp)
{
	struct ktrace_losses q;
	long ret;

	if (copy_from_user(&q, argp, sizeof(q)))
		return -EFAULT;
	ret = ktrace_session_losses(s, &q);
	if (!ret && copy_to_user(argp, &q, sizeof(q)))
		ret = -EFAULT;
	return ret;
}

/*
 * KTRACE_IOC_SESSION_SYSCALL_STATS (the session's counts) and, with @s
 * NULL, KTRACE_IOC_SYSCALL_STATS (module-wide, with the histogram).
 */
static long ktrace_ioc_syscall_stats(struct ktrace_session *s,
				     void __user *argp)
{
	struct ktrace_syscall_stats in, ss;

	if (copy_from_user(&in, argp, sizeof(in)))
		return -EFAULT;
	if (in.nr >= KTRACE_NR_MAX || in.abi >= KTRACE_ABI_COUNT ||
	    in.__reserved)
		return -EINVAL;
	memset(&ss, 0, sizeof(ss));
	ss.nr = in.nr;
	ss.abi = in.abi;
	if (s)
		ktrace_session_sum_syscall(s, &ss);
	else
		ktrace_stats_sum_syscall(&ss);
	if (copy_to_user(argp, &ss, sizeof(ss)))
		return -EFAULT;
	return 0;
}

/*
 * KTRACE_IOC_SESSION_COUNTS: the counters of a run of syscalls, copied out
 * a few at a time from the stack, so that no allocation can fail.
 */
static long ktrace_ioc_counts(struct ktrace_session *s, void __user *argp)
{
	struct ktrace_count chunk[16];
	struct ktrace_count __user *out;
	struct ktrace_counts q;
	u32 n, i, k, j;

	if (copy_from_user(&q, argp, sizeof(q)))
		return -EFAULT;
	if (q.abi >= KTRACE_ABI_COUNT || q.first >= KTRACE_NR_MAX ||
	    q.__reserved0 || q.__reserved)
		return -EINVAL;
	n = min_t(u32, q.nr, KTRACE_NR_MAX - q.first);
	out = u64_to_user_ptr(q.counts);
	for (i = 0; i < n; i += k) {
		k = min_t(u32, n - i, ARRAY_SIZE(chunk));
		for (j = 0; j < k; j++)
			ktrace_session_count_of(s, q.abi, q.first + i + j,
						&chunk[j]);
		if (copy_to_user(out + i, chunk, k * sizeof(chunk[0])))
			return -EFAULT;
	}
	q.nr = n;
	if (copy_to_user(argp, &q, sizeof(q)))
		return -EFAULT;
	return 0;
}

static long ktrace_ioc_proc_stats(struct ktrace_session *s,
				  void __user *argp)
{
	struct ktrace_proc_stats q;
	long ret;

	if (copy_from_user(&q, argp, sizeof(q)))
		return -EFAULT;
	if ((q.flags & ~KTRACE_PROC_FLAGS) || q.__reserved0 ||
	    !ktrace_zero(q.__reserved, sizeof(q.__reserved)))
		return -EINVAL;
	ret = ktrace_session_proc_stats(s, &q);
	if (!ret && copy_to_user(argp, &q, sizeof(q)))
		ret = -EFAULT;
	return ret;
}

static long ktrace_ioctl(struct file *file, unsigned int cmd,
			 unsigned long arg)
{
	struct ktrace_session *s = file->private_data;
	void __user *argp = (void __user *)arg;

	switch (cmd) {
	case KTRACE_IOC_VERSION:
		return ktrace_ioc_version(argp);
	case KTRACE_IOC_ENABLE:
		return ktrace_session_set_enabled(s, true);
	case KTRACE_IOC_DISABLE:
		return ktrace_session_set_enabled(s, false);
	case KTRACE_IOC_STATS:
		return ktrace_ioc_stats(s, argp);
	case KTRACE_IOC_SYSCALL_STATS:
		return ktrace_ioc_syscall_stats(NULL, argp);
	case KTRACE_IOC_CONFIGURE:
		return ktrace_ioc_configure(s, argp);
	case KTRACE_IOC_PID_ADD:
		return ktrace_ioc_pid(s, argp, true);
	case KTRACE_IOC_PID_DEL:
		return ktrace_ioc_pid(s, argp, false);
	case KTRACE_IOC_SET_SYSCALLS:
		return ktrace_ioc_set_syscalls(s, argp);
	case KTRACE_IOC_GET_CLASS:
		return ktrace_ioc_get_class(argp);
	case KTRACE_IOC_SET_STATUS:
		return ktrace_ioc_set_status(s, argp);
	case KTRACE_IOC_RESET_STATS:
		ktrace_session_reset_stats(s);
		return 0;
	case KTRACE_IOC_LOSSES:
		return ktrace_ioc_losses(s, argp);
	case KTRACE_IOC_SESSION_SYSCALL_STATS:
		return ktrace_ioc_syscall_stats(s, argp);
	case KTRACE_IOC_SESSION_COUNTS:
		return ktrace_ioc_counts(s, argp);
	case KTRACE_IOC_PROC_STATS:
		return ktrace_ioc_proc_stats(s, argp);
	case KTRACE_IOC_TASKS:
		return ktrace_ioc_tasks(argp);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations ktrace_fops = {
	.owner		= THIS_MODULE,
	.open		= ktrace_open,
	.release	= ktrace_release,
	.read		= ktrace_read,
	.poll		= ktrace_poll,
	.mmap		= ktrace_mmap,
	.unlocked_ioctl	= ktrace_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};

static int ktrace_fd_is(const void *s, struct file *file, unsigned int fd)
{
	return file->f_op == &ktrace_fops && file->private_data == s;
}

/*
 * Does current hold a descriptor of session @s?  Then it may be the
 * session's reader, in whatever process: a child that inherited the
 * descriptor, one that was sent it.
 */
bool ktrace_holds_session(struct ktrace_session *s)
{
	return current->files && iterate_fd(current->files, 0, ktrace_fd_is, s);
}

static struct miscdevice ktrace_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= KTRACE_DEVICE_NAME,
	.fops	= &ktrace_fops,
	.mode	= 0600,
};

int ktrace_device_init(void)
{
	return misc_register(&ktrace_misc);
}

void ktrace_device_exit(void)
{
	misc_deregister(&ktrace_misc);
}
