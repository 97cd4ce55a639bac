// SPDX-License-Identifier: GPL-2.0
/*
 * The NUMA memory policy calls, for comparing ktrace with strace: the
 * process's policy set (node 0, with a mode flag, back to the default) and
 * asked (the policy and its nodes, a page's node, the nodes allowed); a
 * mapping bound to node 0, with a mode strace has no name for; a process's
 * pages migrated; pages of a mapping asked where they are and moved; and
 * calls refused (a node that does not exist, an unknown mode).
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MPOL_DEFAULT		0
#define MPOL_PREFERRED		1
#define MPOL_BIND		2
#define MPOL_INTERLEAVE		3
#define MPOL_F_STATIC_NODES	(1 << 15)
#define MPOL_F_NODE		1
#define MPOL_F_ADDR		2
#define MPOL_F_MEMS_ALLOWED	4
#define MPOL_MF_STRICT		1
#define MPOL_MF_MOVE		2

int main(void)
{
	unsigned long node0 = 1, bad = 0x4, mask[2] = { 0 };
	void *pages[2];
	int nodes[2] = { 0, 0 }, status[2] = { -1, -1 }, mode = -1;
	char *p;

	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	p[0] = 1;
	p[4096] = 1;
	pages[0] = p;
	pages[1] = p + 4096;

	syscall(SYS_set_mempolicy, MPOL_PREFERRED, &node0, 64);
	syscall(SYS_get_mempolicy, &mode, mask, 128, NULL, 0);
	syscall(SYS_set_mempolicy, MPOL_BIND | MPOL_F_STATIC_NODES, &node0, 65);
	syscall(SYS_set_mempolicy, MPOL_INTERLEAVE, &bad, 64);
	syscall(SYS_set_mempolicy, 99, &node0, 64);
	syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);
	syscall(SYS_get_mempolicy, &mode, NULL, 0, p, MPOL_F_NODE | MPOL_F_ADDR);
	syscall(SYS_get_mempolicy, NULL, mask, 64, NULL, MPOL_F_MEMS_ALLOWED);
	syscall(SYS_mbind, p, 8192, MPOL_BIND, &node0, 64, MPOL_MF_STRICT);
	syscall(SYS_mbind, p, 8192, MPOL_DEFAULT, NULL, 0, 0);
	syscall(SYS_mbind, p, 8192, 0x63 | MPOL_F_STATIC_NODES, &node0, 64, 0);
	syscall(SYS_migrate_pages, 0, 64, &node0, &node0);
	syscall(SYS_move_pages, 0, 2, pages, NULL, status, 0);
	syscall(SYS_move_pages, 0, 2, pages, nodes, status, MPOL_MF_MOVE);
	return 0;
}
