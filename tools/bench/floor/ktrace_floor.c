// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace_floor: the cost of being attached.  Registers probes that return
 * at once on raw_syscalls sys_enter and sys_exit, found by name with
 * for_each_kernel_tracepoint() as module/probes.c does, for as long as it
 * is loaded.  What a syscall costs with this module in is the floor that
 * no tracer built on these tracepoints can go below; tools/bench/bench
 * compares every tracer with it.  Built only for the benchmark.
 */
#include <linux/module.h>
#include <linux/ptrace.h>
#include <linux/string.h>
#include <linux/tracepoint.h>

static struct tracepoint *ktrace_floor_enter_tp;
static struct tracepoint *ktrace_floor_exit_tp;

static void ktrace_floor_enter(void *data, struct pt_regs *regs, long id)
{
}

static void ktrace_floor_exit(void *data, struct pt_regs *regs, long ret)
{
}

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
	ret = tracepoint_probe_register(ktrace_floor_enter_tp,
					ktrace_floor_enter, NULL);
	if (ret)
		goto err_enter;
	ret = tracepoint_probe_register(ktrace_floor_exit_tp,
					ktrace_floor_exit, NULL);
	if (ret)
		goto err_exit;
	return 0;

err_exit:
	tracepoint_probe_unregister(ktrace_floor_enter_tp, ktrace_floor_enter,
				    NULL);
	tracepoint_synchronize_unregister();
err_enter:
	return ret;
}

static void __exit ktrace_floor_exit_module(void)
{
	tracepoint_probe_unregister(ktrace_floor_exit_tp, ktrace_floor_exit,
				    NULL);
	tracepoint_probe_unregister(ktrace_floor_enter_tp, ktrace_floor_enter,
				    NULL);
	tracepoint_synchronize_unregister();
}

module_init(ktrace_floor_init);
module_exit(ktrace_floor_exit_module);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ktrace benchmark floor: empty raw_syscalls probes");
