// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: /sys/kernel/debug/ktrace/, text views of the module's state for
 * people and tests.  Nothing here is a stable ABI; programs use the ioctls
 * of /dev/ktrace.
 *
 *   version	release and ABI
 *   stats	module-wide counters, summed over the CPUs
 *   syscalls	one line per syscall seen: calls, errors, time, histogram
 *   rings	one line per CPU ring of every open session
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

static int stats_show(struct seq_file *m, void *unused)
{
	struct ktrace_stats st = {};

	ktrace_stats_global(&st);
	seq_printf(m, "records %llu\n", st.records);
	seq_printf(m, "syscalls %llu\n", st.syscalls);
	seq_printf(m, "faults %llu\n", st.faults);
	ktrace_session_show_totals(m);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(stats);

static int syscalls_show(struct seq_file *m, void *unused)
{
	static const char * const abi_names[] = { "x86_64", "ia32" };
	struct ktrace_syscall_stats ss;
	unsigned int abi, nr, i;

	seq_puts(m, "abi nr calls errors total_ns hist(log2 ns buckets)\n");
	for (abi = 0; abi < KTRACE_ABI_COUNT; abi++) {
		for (nr = 0; nr < KTRACE_NR_MAX; nr++) {
			memset(&ss, 0, sizeof(ss));
			ss.abi = abi;
			ss.nr = nr;
			ktrace_stats_sum_syscall(&ss);
			if (!ss.calls)
				continue;
			seq_printf(m, "%s %u %llu %llu %llu", abi_names[abi],
				   nr, ss.calls, ss.errors, ss.total_ns);
			for (i = 0; i < KTRACE_HIST_BUCKETS; i++)
				seq_printf(m, " %llu", ss.hist[i]);
			seq_putc(m, '\n');
		}
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(syscalls);

static int rings_show(struct seq_file *m, void *unused)
{
	ktrace_session_show_rings(m);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(rings);

static int probes_show(struct seq_file *m, void *unused)
{
	ktrace_probes_show(m);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(probes);

void ktrace_debugfs_init(void)
{
	ktrace_debugfs_dir = debugfs_create_dir("ktrace", NULL);
	debugfs_create_file("version", 0400, ktrace_debugfs_dir, NULL,
			    &version_fops);
	debugfs_create_file("stats", 0400, ktrace_debugfs_dir, NULL,
			    &stats_fops);
	debugfs_create_file("syscalls", 0400, ktrace_debugfs_dir, NULL,
			    &syscalls_fops);
	debugfs_create_file("probes", 0400, ktrace_debugfs_dir, NULL,
			    &probes_fops);
	debugfs_create_file("rings", 0400, ktrace_debugfs_dir, NULL,
			    &rings_fops);
}

void ktrace_debugfs_exit(void)
{
	debugfs_remove_recursive(ktrace_debugfs_dir);
	ktrace_debugfs_dir = NULL;
}
