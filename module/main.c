// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: a syscall and process-lifecycle tracer.
 *
 * This file brings the module up and down and owns its parameters.  Init
 * runs each step in order and, when one fails, unwinds the steps before it
 * in reverse; exit is the mirror image of a successful init.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/sysfs.h>

#include "ktrace.h"

unsigned int ktrace_ring_size = 1U << 20;
unsigned int ktrace_snaplen = 256;
unsigned int ktrace_wakeup_bytes = 64U << 10;
unsigned int ktrace_throttle_ms = 1000;
unsigned int ktrace_proc_slots = 1024;
static unsigned long ktrace_memory_max;
static atomic_long_t ktrace_memory_used = ATOMIC_LONG_INIT(0);

static unsigned long ktrace_memory_limit(void)
{
	unsigned long max = READ_ONCE(ktrace_memory_max);

	return max ? max : (totalram_pages() << PAGE_SHIFT) / 4;
}

bool ktrace_memory_charge(size_t bytes)
{
	if (atomic_long_add_return(bytes, &ktrace_memory_used) >
	    ktrace_memory_limit()) {
		atomic_long_sub(bytes, &ktrace_memory_used);
		return false;
	}
	return true;
}

void ktrace_memory_uncharge(size_t bytes)
{
	atomic_long_sub(bytes, &ktrace_memory_used);
}

static int ktrace_param_set(const char *val, const struct kernel_param *kp,
			    unsigned int min, unsigned int max, bool pow2)
{
	unsigned int v;
	int ret;

	ret = kstrtouint(val, 0, &v);
	if (ret)
		return ret;
	if (v < min || v > max || (pow2 && !is_power_of_2(v)))
		return -EINVAL;
	WRITE_ONCE(*(unsigned int *)kp->arg, v);
	return 0;
}

static int ktrace_ring_size_set(const char *val, const struct kernel_param *kp)
{
	return ktrace_param_set(val, kp, KTRACE_RING_MIN, KTRACE_RING_MAX,
				true);
}

static int ktrace_snaplen_set(const char *val, const struct kernel_param *kp)
{
	return ktrace_param_set(val, kp, 8, KTRACE_SNAPLEN_MAX, false);
}

static int ktrace_wakeup_set(const char *val, const struct kernel_param *kp)
{
	return ktrace_param_set(val, kp, 1, KTRACE_RING_MAX, false);
}

static int ktrace_throttle_set(const char *val, const struct kernel_param *kp)
{
	return ktrace_param_set(val, kp, 1, KTRACE_THROTTLE_MS_MAX, false);
}

static int ktrace_proc_slots_set(const char *val,
				 const struct kernel_param *kp)
{
	return ktrace_param_set(val, kp, KTRACE_PROC_SLOTS_MIN,
				KTRACE_PROC_SLOTS_MAX, true);
}

static const struct kernel_param_ops ktrace_proc_slots_ops = {
	.set = ktrace_proc_slots_set,
	.get = param_get_uint,
};

static const struct kernel_param_ops ktrace_throttle_ops = {
	.set = ktrace_throttle_set,
	.get = param_get_uint,
};

static const struct kernel_param_ops ktrace_ring_size_ops = {
	.set = ktrace_ring_size_set,
	.get = param_get_uint,
};

static const struct kernel_param_ops ktrace_snaplen_ops = {
	.set = ktrace_snaplen_set,
	.get = param_get_uint,
};

static const struct kernel_param_ops ktrace_wakeup_ops = {
	.set = ktrace_wakeup_set,
	.get = param_get_uint,
};

module_param_cb(ring_size, &ktrace_ring_size_ops, &ktrace_ring_size, 0644);
MODULE_PARM_DESC(ring_size,
		 "bytes per CPU ring of a new session, a power of two from 16 KiB to 64 MiB (default 1 MiB)");
module_param_cb(snaplen, &ktrace_snaplen_ops, &ktrace_snaplen, 0644);
MODULE_PARM_DESC(snaplen,
		 "bytes of user data kept per path, buffer or argv, 8 to 4096 (default 256)");
module_param_cb(wakeup_bytes, &ktrace_wakeup_ops, &ktrace_wakeup_bytes, 0644);
MODULE_PARM_DESC(wakeup_bytes,
		 "unread bytes in a ring that wake its reader, at most half the ring (default 64 KiB)");
module_param_cb(throttle_ms, &ktrace_throttle_ops, &ktrace_throttle_ms, 0644);
MODULE_PARM_DESC(throttle_ms,
		 "longest a traced task of a targeted session waits for the reader at a time, 1 to 60000 ms (default 1000)");
module_param_cb(proc_slots, &ktrace_proc_slots_ops, &ktrace_proc_slots, 0644);
MODULE_PARM_DESC(proc_slots,
		 "processes a KTRACE_CFG_PROC_STATS session counts per CPU per interval before its overflow bucket, a power of two from 16 to 16384 (default 1024)");

static int ktrace_memory_used_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%ld\n", atomic_long_read(&ktrace_memory_used));
}

static const struct kernel_param_ops ktrace_memory_used_ops = {
	.get = ktrace_memory_used_get,
};

module_param_named(memory_max, ktrace_memory_max, ulong, 0644);
MODULE_PARM_DESC(memory_max,
		 "bytes all sessions together may hold in rings and counters; opening or configuring past it fails with ENOMEM (default 0: a quarter of RAM)");
module_param_cb(memory_used, &ktrace_memory_used_ops, NULL, 0444);
MODULE_PARM_DESC(memory_used,
		 "bytes all sessions hold now against memory_max");

static int __init ktrace_init(void)
{
	int ret;

	ret = ktrace_stats_init();
	if (ret)
		goto err_stats;

	ret = ktrace_throttle_init();
	if (ret)
		goto err_throttle;

	ret = ktrace_probes_init();
	if (ret)
		goto err_probes;

	ret = ktrace_device_init();
	if (ret)
		goto err_device;

	/* debugfs is for people and tests: its failure is not fatal. */
	ktrace_debugfs_init();
	return 0;

err_device:
	ktrace_probes_exit();
err_probes:
	ktrace_throttle_exit();
err_throttle:
	ktrace_stats_exit();
err_stats:
	return ret;
}

static void __exit ktrace_exit(void)
{
	ktrace_debugfs_exit();
	ktrace_device_exit();
	/*
	 * Every file is closed, but a throttled task may still hold the
	 * last reference to a session: its release puts the session's PID
	 * filter (the probes' count, the pid superset).  Wait for those
	 * before the probes and the superset go.
	 */
	ktrace_throttle_exit();
	ktrace_probes_exit();
	ktrace_filter_cleanup();
	ktrace_stats_exit();
}

module_init(ktrace_init);
module_exit(ktrace_exit);

MODULE_DESCRIPTION("ktrace: syscall and process-lifecycle tracer");
MODULE_AUTHOR("The ktrace authors");
MODULE_LICENSE("GPL");
MODULE_VERSION(KTRACE_VERSION);
