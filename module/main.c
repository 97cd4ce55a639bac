// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: a syscall and process-lifecycle tracer.
 *
 * This file brings the module up and down.  Init runs each step in order
 * and, when one fails, unwinds the steps before it in reverse; exit is the
 * mirror image of a successful init.
 */
#include <linux/module.h>
#include <linux/init.h>

#include "ktrace.h"

static int __init ktrace_init(void)
{
	int ret;

	/* debugfs is for people and tests: its failure is not fatal. */
	ktrace_debugfs_init();

	ret = ktrace_device_init();
	if (ret)
		goto err_device;

	return 0;

err_device:
	ktrace_debugfs_exit();
	return ret;
}

static void __exit ktrace_exit(void)
{
	ktrace_device_exit();
	ktrace_debugfs_exit();
}

module_init(ktrace_init);
module_exit(ktrace_exit);

MODULE_DESCRIPTION("ktrace: syscall and process-lifecycle tracer");
MODULE_AUTHOR("The ktrace authors");
MODULE_LICENSE("GPL");
MODULE_VERSION(KTRACE_VERSION);
