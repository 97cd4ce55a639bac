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
	if (v.abi_major != KTRACE_ABI_MAJOR) {
		ktrace_err("module ABI %u.%u is too %s for this ktrace (ABI %u.%u)",
			   v.abi_major, v.abi_minor,
			   v.abi_major < KTRACE_ABI_MAJOR ? "old" : "new",
			   KTRACE_ABI_MAJOR, KTRACE_ABI_MINOR);
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
