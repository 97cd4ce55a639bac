// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): the "syscalls" subcommand, which maps syscall names and
 * numbers both ways as ausyscall(8) does, and lists strace's classes as
 * the module publishes them.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ktrace.h"

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

/* --class: the module publishes the classes; print the class's syscalls. */
static int list_class(enum ktrace_cli_abi abi, const char *cls)
{
	struct ktrace_class c;
	unsigned int nr;
	int fd, r;

	fd = ktrace_dev_open();
	if (fd < 0)
		return 1;
	if (*cls == '%')
		cls++;
	for (c.index = 0;; c.index++) {
		c.abi = abi == KTRACE_CLI_ABI_I386 ? KTRACE_ABI_COMPAT :
						     KTRACE_ABI_NATIVE;
		r = kt_dev_get_class(fd, &c);
		if (r < 0) {
			close(fd);
			return 1;
		}
		if (r > 0) {
			ktrace_err("syscalls: unknown class '%s'", cls);
			close(fd);
			return 1;
		}
		if (!strcmp(c.name, cls))
			break;
	}
	close(fd);
	for (nr = 0; nr < KTRACE_NR_MAX; nr++) {
		const char *name = ktrace_syscall_name(abi, nr);

		if (c.bits[nr / 64] & (1ULL << (nr % 64)))
			printf("%u\t%s\n", nr, name ? name : "?");
	}
	return kt_view_flush();
}

int ktrace_cmd_syscalls(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "abi", required_argument, NULL, 'a' },
		{ "class", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum ktrace_cli_abi abi = KTRACE_CLI_ABI_X86_64;
	const char *name, *cls = NULL;
	unsigned int nr;
	long n;
	int c, a, word;

	opterr = 0;
	optind = 1;
	while ((word = optind,
		c = getopt_long(argc, argv, "+:a:c:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			cls = optarg;
			break;
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
			       "       %s syscalls [--abi x86_64|i386] --class CLASS\n"
			       "Print the number of syscall NAME or the name of syscall NUMBER;\n"
			       "with neither, list every syscall of the ABI; with --class, the\n"
			       "syscalls of one of strace's classes, as the module publishes it.\n",
			       ktrace_prog, ktrace_prog);
			return 0;
		default:
			kt_opt_refuse("syscalls", argv[word], c == ':');
			return 1;
		}
	}
	if (argc - optind > 1 || (cls && argc > optind)) {
		ktrace_err("syscalls: takes one NAME or NUMBER, or --class alone");
		return 1;
	}
	if (cls)
		return list_class(abi, cls);
	if (optind == argc) {
		for (nr = 0; nr < ktrace_syscall_count(abi); nr++) {
			name = ktrace_syscall_name(abi, nr);
			if (name)
				printf("%u\t%s\n", nr, name);
		}
		return kt_view_flush();
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
		return kt_view_flush();
	}
	n = ktrace_syscall_number(abi, argv[optind]);
	if (n < 0) {
		ktrace_err("syscalls: unknown %s syscall '%s'",
			   ktrace_abi_name(abi), argv[optind]);
		return 1;
	}
	printf("%ld\n", n);
	return kt_view_flush();
}
