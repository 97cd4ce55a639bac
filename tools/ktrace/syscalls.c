// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): syscall names and numbers for x86_64 and i386, from tables
 * generated at build time (gen-syscalls), and the "syscalls" subcommand,
 * which maps between them as ausyscall(8) does.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
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

/* A whole, non-negative decimal number, or -1. */
static long parse_number(const char *s)
{
	char *end;
	long v;

	if (!*s || *s == '-' || *s == '+')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	return errno || *end ? -1 : v;
}

int ktrace_cmd_syscalls(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "abi", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum ktrace_cli_abi abi = KTRACE_CLI_ABI_X86_64;
	const char *name;
	unsigned int nr;
	long n;
	int c, a;

	optind = 1;
	while ((c = getopt_long(argc, argv, "+a:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			a = ktrace_abi_parse(optarg);
			if (a < 0) {
				ktrace_err("syscalls: unknown ABI '%s' (x86_64 or i386)",
					   optarg);
				return 1;
			}
			abi = a;
			break;
		case 'h':
			printf("Usage: %s syscalls [--abi x86_64|i386] [NAME|NUMBER]\n"
			       "Print the number of syscall NAME or the name of syscall NUMBER;\n"
			       "with neither, list every syscall of the ABI.\n",
			       ktrace_prog);
			return 0;
		default:
			ktrace_err("syscalls: unknown option '%s' (see '%s syscalls --help')",
				   argv[optind - 1], ktrace_prog);
			return 1;
		}
	}
	if (argc - optind > 1) {
		ktrace_err("syscalls: takes one NAME or NUMBER");
		return 1;
	}
	if (optind == argc) {
		for (nr = 0; nr < ktrace_syscall_count(abi); nr++) {
			name = ktrace_syscall_name(abi, nr);
			if (name)
				printf("%u\t%s\n", nr, name);
		}
		return 0;
	}
	n = parse_number(argv[optind]);
	if (n >= 0) {
		name = ktrace_syscall_name(abi, n);
		if (!name) {
			ktrace_err("syscalls: no %s syscall number %ld",
				   ktrace_abi_name(abi), n);
			return 1;
		}
		printf("%s\n", name);
		return 0;
	}
	n = ktrace_syscall_number(abi, argv[optind]);
	if (n < 0) {
		ktrace_err("syscalls: unknown %s syscall '%s'",
			   ktrace_abi_name(abi), argv[optind]);
		return 1;
	}
	printf("%ld\n", n);
	return 0;
}
