/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktrace(1): declarations shared by the command's files.  device.c is the
 * only file that talks to /dev/ktrace; everything else works on plain
 * structures.
 */
#ifndef KTRACE_CLI_H
#define KTRACE_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>
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

/* How -c's table is sorted (-S). */
enum kt_sort {
	KT_SORT_TIME,
	KT_SORT_CALLS,
	KT_SORT_ERRORS,
	KT_SORT_NAME,
	KT_SORT_NOTHING,
};

#define KT_STATUS_SUCCESSFUL	0x1
#define KT_STATUS_FAILED	0x2

/* The command line, as options.c parsed it. */
struct kt_opts {
	bool help, version, json;
	unsigned int follow;		/* -f: 1, -ff: 2 */
	const char *outfile;		/* -o */
	bool summary_only;		/* -c */
	bool summary;			/* -C */
	enum kt_sort sort;		/* -S */
	bool syscall_times;		/* -T */
	unsigned int timestamps;	/* -t: 1, -tt: 2, -ttt: 3 */
	bool relative;			/* -r */
	unsigned int strsize;		/* -s */
	bool decode_fds;		/* -y */
	unsigned int quiet;		/* -q, -qq */
	unsigned int status;		/* KT_STATUS_*: -z, -Z, -e status= */
	const char *trace[16];		/* -e trace= expressions, in order */
	unsigned int ntrace;
	int pids[64];			/* -p */
	unsigned int npids;
	const char *user;		/* -u */
	char **argv;			/* the command to run, or none */
	int argc;
};

/* options.c */
int kt_parse_args(struct kt_opts *o, int argc, char **argv);

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
int kt_dev_configure(int fd, const struct ktrace_config *c);
int kt_dev_pid(int fd, pid_t pid, unsigned int flags, bool add);
int kt_dev_set_syscalls(int fd, const struct ktrace_syscalls *s);
int kt_dev_get_class(int fd, struct ktrace_class *c);
int kt_dev_set_status(int fd, const struct ktrace_status *s);
int kt_dev_enable(int fd);
int kt_dev_disable(int fd);
int kt_dev_syscall_stats(int fd, struct ktrace_syscall_stats *st);

/* filters.c: -e trace=, -e status= and the events, set in the kernel */
int kt_filters_apply(int fd, const struct kt_opts *o);

/* summary.c: -c and -C, from the session's counters */
void kt_summary(int fd, const struct kt_opts *o, FILE *out);

/* trace.c */
#define KTRACE_JSON_VERSION 1
int kt_trace(const struct kt_opts *o);

/* ktrace.c */
__printf(1, 2) void ktrace_err(const char *fmt, ...);

#endif /* KTRACE_CLI_H */
