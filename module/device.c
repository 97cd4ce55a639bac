// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: the /dev/ktrace misc device.
 *
 * Each open() of the device is a session.  Opening needs CAP_SYS_ADMIN,
 * or CAP_PERFMON where the kernel has it, on top of the node's 0600 mode.
 * The ioctl entry point is a flat switch with one handler per command;
 * each handler copies in, validates, acts and copies out.
 */
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "ktrace.h"

static int ktrace_open(struct inode *inode, struct file *file)
{
	if (!perfmon_capable())
		return -EPERM;
	return nonseekable_open(inode, file);
}

static int ktrace_release(struct inode *inode, struct file *file)
{
	return 0;
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

static long ktrace_ioctl(struct file *file, unsigned int cmd,
			 unsigned long arg)
{
	void __user *argp = (void __user *)arg;

	switch (cmd) {
	case KTRACE_IOC_VERSION:
		return ktrace_ioc_version(argp);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations ktrace_fops = {
	.owner		= THIS_MODULE,
	.open		= ktrace_open,
	.release	= ktrace_release,
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
