/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * ktrace: the interface between ktrace.ko and userspace.
 *
 * Everything a program needs to talk to /dev/ktrace: the ABI version,
 * the ioctl commands and the structures they carry.  Only fixed-width
 * types are used, pointers travel as __u64, and every structure is padded
 * explicitly so that its layout is the same for 32-bit and 64-bit callers.
 * Reserved and padding fields must be zero on input and are zero on
 * output.  Documentation/userspace-api.rst describes each command in full.
 */
#ifndef _UAPI_LINUX_KTRACE_H
#define _UAPI_LINUX_KTRACE_H

#include <linux/types.h>
#include <linux/ioctl.h>

/*
 * The ABI version.  The major number changes when an existing command or
 * structure changes incompatibly (which we avoid: new behaviour gets a new
 * command); the minor number grows when commands or feature bits are
 * added.  A program checks the major number and the feature bits it uses.
 */
#define KTRACE_ABI_MAJOR	1
#define KTRACE_ABI_MINOR	0

/* The character device, relative to /dev. */
#define KTRACE_DEVICE_NAME	"ktrace"

/**
 * struct ktrace_version - what KTRACE_IOC_VERSION returns
 * @abi_major:	KTRACE_ABI_MAJOR of the module
 * @abi_minor:	KTRACE_ABI_MINOR of the module
 * @features:	KTRACE_FEAT_* bits the module supports
 * @release:	the module's release string, NUL-terminated
 */
struct ktrace_version {
	__u32 abi_major;
	__u32 abi_minor;
	__u64 features;
	char release[32];
};

#define KTRACE_IOC_MAGIC	0xB8

#define KTRACE_IOC_VERSION	_IOR(KTRACE_IOC_MAGIC, 0x00, struct ktrace_version)

#endif /* _UAPI_LINUX_KTRACE_H */
