/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktrace(1): declarations shared by the command's files.  device.c is the
 * only file that talks to /dev/ktrace; everything else works on plain
 * structures.
 */
#ifndef KTRACE_CLI_H
#define KTRACE_CLI_H

#include <stdbool.h>
#include <linux/ktrace.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define __printf(a, b) __attribute__((format(printf, a, b)))

#define KTRACE_DEV_PATH "/dev/" KTRACE_DEVICE_NAME

extern const char *ktrace_prog;

/* device.c */
int ktrace_dev_open(void);
int ktrace_dev_version(int fd, struct ktrace_version *v);

/* ktrace.c */
__printf(1, 2) void ktrace_err(const char *fmt, ...);

#endif /* KTRACE_CLI_H */
