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

/* The syscall ABIs the command has tables for. */
enum ktrace_cli_abi {
	KTRACE_CLI_ABI_X86_64,
	KTRACE_CLI_ABI_I386,
};

/* syscalls.c */
const char *ktrace_abi_name(enum ktrace_cli_abi abi);
int ktrace_abi_parse(const char *name);
const char *ktrace_syscall_name(enum ktrace_cli_abi abi, unsigned int nr);
int ktrace_syscall_number(enum ktrace_cli_abi abi, const char *name);
unsigned int ktrace_syscall_count(enum ktrace_cli_abi abi);
int ktrace_cmd_syscalls(int argc, char **argv);

/* device.c */
int ktrace_dev_open(void);
int ktrace_dev_version(int fd, struct ktrace_version *v);

/* ktrace.c */
__printf(1, 2) void ktrace_err(const char *fmt, ...);

#endif /* KTRACE_CLI_H */
