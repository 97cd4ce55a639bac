// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace_floor: the cost of being attached.  Registers probes that return
 * at once on raw_syscalls sys_enter and sys_exit, found by name with
 * for_each_kernel_tracepoint() as module/probes.c does, for as long as it
 * is loaded.  What a syscall costs with this module in is the floor that
 * no tracer built on these tracepoints can go below; tools/bench/bench
 * compares every tracer with it.  Built only for the benchmark.
 *
 * Loaded with weigh=N, it registers probes that run one primitive
 * instead, so that its cost can be read against the empty probes in one
 * boot (rmmod and insmod between the runs):
 *
 *	1  rdtsc_ordered()		2  ktime_get_mono_fast_ns()
 *	3  local_clock()		4  memcpy() of 96 bytes
 *	5  a loop of 12 u64 stores	6  memset() of 96 bytes
 */
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/ptrace.h>
#include <linux/sched/clock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/tracepoint.h>
#include <asm/msr.h>

static int weigh;
module_param(weigh, int, 0444);
MODULE_PARM_DESC(weigh, "primitive the probes run (0: none)");

#define KTRACE_FLOOR_WORDS	12
#define KTRACE_FLOOR_WEIGH_MAX	6

struct ktrace_floor_cpu {
	u64 src[KTRACE_FLOOR_WORDS];
	u64 dst[KTRACE_FLOOR_WORDS];
	u64 sink;
};

static DEFINE_PER_CPU(struct ktrace_floor_cpu, ktrace_floor_cpu);

static void ktrace_floor_weigh(void)
{
	struct ktrace_floor_cpu *c;
	u64 v = 0;
	int i;

	preempt_disable();
	c = this_cpu_ptr(&ktrace_floor_cpu);
	switch (weigh) {
	case 1:
		v = rdtsc_ordered();
		break;
	case 2:
		v = ktime_get_mono_fast_ns();
		break;
	case 3:
		v = local_clock();
		break;
	case 4:
		memcpy(c->dst, c->src, sizeof(c->dst));
		break;
	case 5:
		for (i = 0; i < KTRACE_FLOOR_WORDS; i++)
			WRITE_ONCE(c->dst[i], c->src[i]);
		break;
	case 6:
		memset(c->dst, 0, sizeof(c->dst));
		break;
	}
	WRITE_ONCE(c->sink, v);
	preempt_enable();
}

static struct tracepoint *ktrace_floor_enter_tp;
static struct tracepoint *ktrace_floor_exit_tp;

static void ktrace_floor_enter(void *data, struct pt_regs *regs, long id)
{
}

static void ktrace_floor_exit(void *data, struct pt_regs *regs, long ret)
{
}

static void ktrace_floor_weigh_enter(void *data, struct pt_regs *regs,
				     long id)
{
	ktrace_floor_weigh();
}

static void ktrace_floor_weigh_exit(void *data, struct pt_regs *regs,
				    long ret)
{
	ktrace_floor_weigh();
}

static void *ktrace_floor_enter_fn = ktrace_floor_enter;
static void *ktrace_floor_exit_fn = ktrace_floor_exit;

static void ktrace_floor_find(struct tracepoint *tp, void *priv)
{
	if (!strcmp(tp->name, "sys_enter"))
		ktrace_floor_enter_tp = tp;
	else if (!strcmp(tp->name, "sys_exit"))
		ktrace_floor_exit_tp = tp;
}

static int __init ktrace_floor_init(void)
{
	int ret;

	for_each_kernel_tracepoint(ktrace_floor_find, NULL);
	if (!ktrace_floor_enter_tp || !ktrace_floor_exit_tp) {
		pr_err("raw_syscalls tracepoints not found\n");
		return -ENOENT;
	}
	if (weigh < 0 || weigh > KTRACE_FLOOR_WEIGH_MAX) {
		pr_err("weigh=%d: no such primitive (0 to %d)\n", weigh,
		       KTRACE_FLOOR_WEIGH_MAX);
		return -EINVAL;
	}
	if (weigh) {
		ktrace_floor_enter_fn = ktrace_floor_weigh_enter;
		ktrace_floor_exit_fn = ktrace_floor_weigh_exit;
	}
	ret = tracepoint_probe_register(ktrace_floor_enter_tp,
					ktrace_floor_enter_fn, NULL);
	if (ret)
		goto err_enter;
	ret = tracepoint_probe_register(ktrace_floor_exit_tp,
					ktrace_floor_exit_fn, NULL);
	if (ret)
		goto err_exit;
	return 0;

err_exit:
	tracepoint_probe_unregister(ktrace_floor_enter_tp,
				    ktrace_floor_enter_fn, NULL);
	tracepoint_synchronize_unregister();
err_enter:
	return ret;
}

static void __exit ktrace_floor_exit_module(void)
{
	tracepoint_probe_unregister(ktrace_floor_exit_tp, ktrace_floor_exit_fn,
				    NULL);
	tracepoint_probe_unregister(ktrace_floor_enter_tp,
				    ktrace_floor_enter_fn, NULL);
	tracepoint_synchronize_unregister();
}

module_init(ktrace_floor_init);
module_exit(ktrace_floor_exit_module);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ktrace benchmark floor: empty raw_syscalls probes");
