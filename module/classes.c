// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: strace's syscall classes (file, desc, network, ...), published
 * per ABI so that userspace keeps no second copy.  The tables come from
 * syscall-classes.def through gen-classes at build time, with the numbers
 * of the kernel the module is built for.
 */
#include <linux/bitmap.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/unistd.h>
#include <asm/unistd_32_ia32.h>

#include "ktrace.h"

struct ktrace_syscall_class {
	unsigned short nr;
	unsigned int classes;
};

#include "syscall-classes.h"

static const struct {
	const struct ktrace_syscall_class *table;
	unsigned int len;
} class_tables[KTRACE_ABI_COUNT] = {
	[KTRACE_ABI_NATIVE] = { ktrace_classes_x86_64,
				ARRAY_SIZE(ktrace_classes_x86_64) },
	[KTRACE_ABI_COMPAT] = { ktrace_classes_ia32,
				ARRAY_SIZE(ktrace_classes_ia32) },
};

/*
 * Fill name and the bitmap of syscalls (KTRACE_NR_MAX bits) of class
 * index for abi.  Returns -ENOENT past the last class.
 */
int ktrace_class_get(unsigned int abi, unsigned int index, char *name,
		     size_t name_len, unsigned long *bits)
{
	const struct ktrace_syscall_class *t = class_tables[abi].table;
	unsigned int i;

	if (index >= KTRACE_NR_CLASSES)
		return -ENOENT;
	strscpy(name, ktrace_class_names[index], name_len);
	bitmap_zero(bits, KTRACE_NR_MAX);
	for (i = 0; i < class_tables[abi].len; i++)
		if ((t[i].classes & BIT(index)) && t[i].nr < KTRACE_NR_MAX)
			__set_bit(t[i].nr, bits);
	return 0;
}
