// SPDX-License-Identifier: GPL-2.0
/*
 * A graded exercise as a kselftest: a template for instructors, extended
 * by students (Documentation/labs/grading.rst).  Each test runs the
 * student's program under "ktrace --expect PATTERN" and passes when the
 * program's trace matches the pattern file, in order.
 *
 * Build it next to ktrace's selftests (kselftest_harness.h) and run it in
 * the VM where ktrace.ko is loaded:
 *
 *   gcc -static -I.../tools/testing/selftests -o grade grading-template.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "kselftest_harness.h"

/* Run "ktrace --expect PATTERN OPTIONS -- PROGRAM"; its exit status. */
static int expect(const char *pattern, const char *options,
		  const char *program)
{
	char cmd[1024];

	snprintf(cmd, sizeof(cmd), "ktrace --expect %s %s -- %s",
		 pattern, options, program);
	return system(cmd);
}

/* Exercise 1: fork a child that exits with 3, and reap it. */
TEST(forks_and_reaps_a_child)
{
	ASSERT_EQ(0, expect("exercise1.expect", "-f -e trace=%process",
			    "./exercise1"));
}

/* Exercise 2: open a file that does not exist and report ENOENT. */
TEST(reports_enoent)
{
	ASSERT_EQ(0, expect("exercise2.expect", "-e trace=openat,write",
			    "./exercise2"));
}

TEST_HARNESS_MAIN
