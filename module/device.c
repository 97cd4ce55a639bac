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
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/poll.h>
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
	s = ktrace_session_create();
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
	return ktrace_session_readable(s) ? EPOLLIN | EPOLLRDNORM : 0;
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

static long ktrace_ioc_syscall_stats(void __user *argp)
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
	ktrace_stats_sum_syscall(&ss);
	if (copy_to_user(argp, &ss, sizeof(ss)))
		return -EFAULT;
	return 0;
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
		return ktrace_ioc_syscall_stats(argp);
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
