// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: module-wide counters.  Every CPU counts into its own copy and
 * readers add the copies up, so the hot path has no shared atomics.  The
 * per-syscall table is only written by the syscall exit probe, in task
 * context with preemption disabled, so a CPU's counters have one writer
 * and need no atomic: it adds with ktrace_count_add(), a WRITE_ONCE() that
 * pairs with the READ_ONCE() of the readers here.  The record counters
 * are local_t because interrupts bump them too.  A sum read while CPUs
 * count is a snapshot of each CPU, not of the machine.
 */
#include <linux/cpumask.h>
#include <linux/log2.h>
#include <linux/percpu.h>
#include <linux/topology.h>
#include <linux/vmalloc.h>

#include "ktrace.h"

DEFINE_PER_CPU(struct ktrace_cpu_stats, ktrace_cpu_stats);

#define KTRACE_SYS_ENTRIES	(KTRACE_ABI_COUNT * KTRACE_NR_MAX)

int ktrace_stats_init(void)
{
	struct ktrace_cpu_stats *cs;
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		cs = per_cpu_ptr(&ktrace_cpu_stats, cpu);
		cs->sys = vzalloc_node(KTRACE_SYS_ENTRIES * sizeof(*cs->sys),
				       cpu_to_node(cpu));
		if (!cs->sys) {
			ktrace_stats_exit();
			return -ENOMEM;
		}
	}
	return 0;
}

void ktrace_stats_exit(void)
{
	struct ktrace_cpu_stats *cs;
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		cs = per_cpu_ptr(&ktrace_cpu_stats, cpu);
		vfree(cs->sys);
		memset(cs, 0, sizeof(*cs));
	}
}

/* KTRACE_IOC_SYSCALL_STATS: @out->abi and @out->nr are valid. */
void ktrace_stats_sum_syscall(struct ktrace_syscall_stats *out)
{
	struct ktrace_sys_stats *ss;
	unsigned int cpu, i;

	for_each_possible_cpu(cpu) {
		ss = &per_cpu_ptr(&ktrace_cpu_stats, cpu)->sys[out->abi *
							     KTRACE_NR_MAX +
							     out->nr];
		out->calls += READ_ONCE(ss->calls);
		out->errors += READ_ONCE(ss->errors);
		out->total_ns += READ_ONCE(ss->total_ns);
		for (i = 0; i < KTRACE_HIST_BUCKETS; i++)
			out->hist[i] += READ_ONCE(ss->hist[i]);
	}
}

void ktrace_stats_global(struct ktrace_stats *st)
{
	struct ktrace_cpu_stats *cs;
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		cs = per_cpu_ptr(&ktrace_cpu_stats, cpu);
		st->faults += READ_ONCE(cs->faults);
		st->syscalls += READ_ONCE(cs->syscalls);
		st->records += local_read(&cs->records);
	}
}
