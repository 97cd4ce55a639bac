// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): syscall names and numbers for x86_64 and i386, from tables
 * generated at build time (gen-syscalls).
 */
#include <stdio.h>
#include <string.h>

#include "ktrace.h"
#include "syscalls-x86_64.h"
#include "syscalls-i386.h"

static const struct {
	const char *name;
	const char *const *table;
	unsigned int size;
} abis[] = {
	[KTRACE_CLI_ABI_X86_64] = { "x86_64", syscalls_x86_64, ARRAY_SIZE(syscalls_x86_64) },
	[KTRACE_CLI_ABI_I386] = { "i386", syscalls_i386, ARRAY_SIZE(syscalls_i386) },
};

const char *ktrace_abi_name(enum ktrace_cli_abi abi)
{
	return abi < ARRAY_SIZE(abis) ? abis[abi].name : "unknown";
}

int ktrace_abi_parse(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(abis); i++)
		if (!strcmp(name, abis[i].name))
			return i;
	if (!strcmp(name, "x86-64") || !strcmp(name, "64"))
		return KTRACE_CLI_ABI_X86_64;
	if (!strcmp(name, "ia32") || !strcmp(name, "32"))
		return KTRACE_CLI_ABI_I386;
	return -1;
}

const char *ktrace_syscall_name(enum ktrace_cli_abi abi, unsigned int nr)
{
	if (abi >= ARRAY_SIZE(abis) || nr >= abis[abi].size)
		return NULL;
	return abis[abi].table[nr];
}

int ktrace_syscall_number(enum ktrace_cli_abi abi, const char *name)
{
	unsigned int nr;

	if (abi >= ARRAY_SIZE(abis))
		return -1;
	for (nr = 0; nr < abis[abi].size; nr++)
		if (abis[abi].table[nr] && !strcmp(abis[abi].table[nr], name))
			return nr;
	return -1;
}

unsigned int ktrace_syscall_count(enum ktrace_cli_abi abi)
{
	return abi < ARRAY_SIZE(abis) ? abis[abi].size : 0;
}
