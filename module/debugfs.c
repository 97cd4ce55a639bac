// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: /sys/kernel/debug/ktrace/, text views of the module's state for
 * people and tests.  Nothing here is a stable ABI; programs use the ioctls
 * of /dev/ktrace.
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>

#include "ktrace.h"

static struct dentry *ktrace_debugfs_dir;

static int version_show(struct seq_file *m, void *unused)
{
	seq_printf(m, "release %s\nabi %u.%u\n", KTRACE_VERSION,
		   KTRACE_ABI_MAJOR, KTRACE_ABI_MINOR);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(version);

void ktrace_debugfs_init(void)
{
	ktrace_debugfs_dir = debugfs_create_dir("ktrace", NULL);
	debugfs_create_file("version", 0400, ktrace_debugfs_dir, NULL,
			    &version_fops);
}

void ktrace_debugfs_exit(void)
{
	debugfs_remove_recursive(ktrace_debugfs_dir);
	ktrace_debugfs_dir = NULL;
}
