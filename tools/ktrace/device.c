// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): the one file that talks to /dev/ktrace.  Each function turns
 * a device failure into a one-line message that says what to do about it.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "ktrace.h"

/*
 * The ABI major this command speaks: the header's.  Only the tests build
 * a variant with another, to meet a module that is too old or too new.
 */
#ifndef KTRACE_CLI_ABI_MAJOR
#define KTRACE_CLI_ABI_MAJOR KTRACE_ABI_MAJOR
#endif

/*
 * Open the device, checking that the module speaks our ABI.  Returns the
 * descriptor, or -1 after printing why not.
 */
int ktrace_dev_open(void)
{
	struct ktrace_version v;
	int fd;

	fd = open(KTRACE_DEV_PATH, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT || errno == ENODEV || errno == ENXIO)
			ktrace_err("%s: module not loaded (load it with 'modprobe ktrace' or 'insmod ktrace.ko')",
				   KTRACE_DEV_PATH);
		else if (errno == EACCES || errno == EPERM)
			ktrace_err("%s: permission denied (needs root, CAP_SYS_ADMIN or CAP_PERFMON)",
				   KTRACE_DEV_PATH);
		else
			ktrace_err("%s: %s", KTRACE_DEV_PATH, strerror(errno));
		return -1;
	}
	if (ktrace_dev_version(fd, &v) < 0) {
		close(fd);
		return -1;
	}
	if (v.abi_major != KTRACE_CLI_ABI_MAJOR) {
		ktrace_err("module ABI %u.%u is too %s for this ktrace (ABI %u.%u): install matching versions",
			   v.abi_major, v.abi_minor,
			   (int)v.abi_major - KTRACE_CLI_ABI_MAJOR < 0 ? "old" : "new",
			   KTRACE_CLI_ABI_MAJOR, KTRACE_ABI_MINOR);
		close(fd);
		return -1;
	}
	return fd;
}

int ktrace_dev_version(int fd, struct ktrace_version *v)
{
	memset(v, 0, sizeof(*v));
	if (ioctl(fd, KTRACE_IOC_VERSION, v) < 0) {
		ktrace_err("%s: cannot read the ABI version: %s",
			   KTRACE_DEV_PATH, strerror(errno));
		return -1;
	}
	v->release[sizeof(v->release) - 1] = '\0';
	return 0;
}

/* One ioctl, with a one-line message naming what failed. */
static int dev_ioctl(int fd, unsigned long cmd, void *arg, const char *what)
{
	if (ioctl(fd, cmd, arg) == 0)
		return 0;
	ktrace_err("%s: %s", what, strerror(errno));
	return -1;
}

int kt_dev_configure(int fd, const struct ktrace_config *c)
{
	return dev_ioctl(fd, KTRACE_IOC_CONFIGURE, (void *)c,
			 "configuring the session");
}

int kt_dev_pid(int fd, pid_t pid, unsigned int flags, bool add)
{
	struct ktrace_pid p = { .pid = pid, .flags = flags };

	if (ioctl(fd, add ? KTRACE_IOC_PID_ADD : KTRACE_IOC_PID_DEL, &p) == 0)
		return 0;
	if (errno == ESRCH)
		ktrace_err("-p %d: no such process", pid);
	else
		ktrace_err("tracing process %d: %s", pid, strerror(errno));
	return -1;
}

int kt_dev_set_syscalls(int fd, const struct ktrace_syscalls *s)
{
	return dev_ioctl(fd, KTRACE_IOC_SET_SYSCALLS, (void *)s,
			 "setting the syscall filter");
}

/* Returns 1 past the last class, 0 with *c filled, -1 on error. */
int kt_dev_get_class(int fd, struct ktrace_class *c)
{
	if (ioctl(fd, KTRACE_IOC_GET_CLASS, c) == 0)
		return 0;
	if (errno == ENOENT)
		return 1;
	ktrace_err("reading the syscall classes: %s", strerror(errno));
	return -1;
}

int kt_dev_set_status(int fd, const struct ktrace_status *s)
{
	return dev_ioctl(fd, KTRACE_IOC_SET_STATUS, (void *)s,
			 "setting the status filter");
}

int kt_dev_enable(int fd)
{
	return dev_ioctl(fd, KTRACE_IOC_ENABLE, NULL, "enabling the session");
}

int kt_dev_disable(int fd)
{
	return dev_ioctl(fd, KTRACE_IOC_DISABLE, NULL, "disabling the session");
}

int kt_dev_syscall_stats(int fd, struct ktrace_syscall_stats *st)
{
	return dev_ioctl(fd, KTRACE_IOC_SESSION_SYSCALL_STATS, st,
			 "reading the syscall counters");
}
