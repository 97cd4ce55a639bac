/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktrace: declarations shared by the module's files.  Each file owns one
 * concern and exposes a ktrace_<concern>_init()/_exit() pair, called in
 * order by main.c.
 */
#ifndef _KTRACE_H
#define _KTRACE_H

#include <linux/ktrace.h>

/* device.c: /dev/ktrace, the misc device userspace talks to */
int ktrace_device_init(void);
void ktrace_device_exit(void);

/* debugfs.c: /sys/kernel/debug/ktrace/, for people and tests */
void ktrace_debugfs_init(void);
void ktrace_debugfs_exit(void);

#endif /* _KTRACE_H */
