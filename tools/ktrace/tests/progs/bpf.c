// SPDX-License-Identifier: GPL-2.0
/*
 * bpf(2), for comparing ktrace with strace: an array map created, an
 * element updated, looked up, its next key asked for, read in a batch and
 * the map frozen; a socket filter of two instructions loaded and run;
 * the map's and the program's info asked for with a longer info_len than
 * the kernel's (it writes back its own); then what the kernel refuses:
 * unknown map and program types and commands, bad descriptors, ids that
 * do not exist, attrs too short, too long (a byte past strace's layout
 * not zero), NULL and unreadable.  No id the kernel hands out is printed
 * (they differ from one run to the next): the next ids asked for are past
 * the last.  Nothing outlives the program.
 */
#include <linux/bpf.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static long sys_bpf(long cmd, void *attr, unsigned long size)
{
	return syscall(SYS_bpf, cmd, attr, size);
}

/* A command's attr: zeroed, as long as the union */
#define ATTR(a)	memset(&(a), 0, sizeof(a))

static void maps(union bpf_attr *a, int *map)
{
	uint32_t key = 0, next = 0, keys[4], out = 0;
	uint64_t val = 42, vals[4];
	uint8_t big[80] = { 0 };

	ATTR(*a);
	a->map_type = BPF_MAP_TYPE_ARRAY;
	a->key_size = 4;
	a->value_size = 8;
	a->max_entries = 4;
	strcpy(a->map_name, "ktrace_map");
	*map = sys_bpf(BPF_MAP_CREATE, a, sizeof(*a));

	/* Only the first four fields. */
	sys_bpf(BPF_MAP_CREATE, a, 16);
	/* A type the kernel does not know, NUMA node -1. */
	a->map_type = 100;
	a->map_flags = BPF_F_NUMA_NODE | BPF_F_RDONLY_PROG;
	a->numa_node = -1;
	sys_bpf(BPF_MAP_CREATE, a, sizeof(*a));
	/* A byte past strace's 72. */
	memcpy(big, a, 72);
	big[76] = 1;
	sys_bpf(BPF_MAP_CREATE, big, sizeof(big));

	ATTR(*a);
	a->map_fd = *map;
	a->key = (uintptr_t)&key;
	a->value = (uintptr_t)&val;
	a->flags = BPF_ANY;
	sys_bpf(BPF_MAP_UPDATE_ELEM, a, sizeof(*a));
	a->flags = BPF_NOEXIST;
	sys_bpf(BPF_MAP_UPDATE_ELEM, a, sizeof(*a));
	a->flags = 8;
	sys_bpf(BPF_MAP_UPDATE_ELEM, a, sizeof(*a));
	a->flags = 0;
	sys_bpf(BPF_MAP_LOOKUP_ELEM, a, sizeof(*a));
	/* Before the flags existed: 24 bytes. */
	sys_bpf(BPF_MAP_LOOKUP_ELEM, a, 24);
	a->flags = BPF_F_LOCK;
	sys_bpf(BPF_MAP_LOOKUP_ELEM, a, sizeof(*a));
	sys_bpf(BPF_MAP_DELETE_ELEM, a, sizeof(*a));

	ATTR(*a);
	a->map_fd = *map;
	a->key = 0;
	a->next_key = (uintptr_t)&next;
	sys_bpf(BPF_MAP_GET_NEXT_KEY, a, sizeof(*a));
	a->map_fd = -1;
	sys_bpf(BPF_MAP_GET_NEXT_KEY, a, sizeof(*a));

	/* Four asked for, four there: the count stays. */
	ATTR(*a);
	a->batch.out_batch = (uintptr_t)&out;
	a->batch.keys = (uintptr_t)keys;
	a->batch.values = (uintptr_t)vals;
	a->batch.count = 4;
	a->batch.map_fd = *map;
	sys_bpf(BPF_MAP_LOOKUP_BATCH, a, sizeof(*a));
	/* Eight asked for: the kernel says four. */
	a->batch.count = 8;
	sys_bpf(BPF_MAP_LOOKUP_BATCH, a, sizeof(*a));
	a->batch.count = 1;
	sys_bpf(BPF_MAP_UPDATE_BATCH, a, sizeof(*a));
	a->batch.map_fd = -1;
	sys_bpf(BPF_MAP_DELETE_BATCH, a, sizeof(*a));

	ATTR(*a);
	a->map_fd = *map;
	sys_bpf(BPF_MAP_FREEZE, a, sizeof(*a));
}

static void progs(union bpf_attr *a, int map)
{
	struct bpf_insn insns[2] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	uint8_t pkt[64] = { 0 }, info[256] = { 0 };
	int prog;

	ATTR(*a);
	a->prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	a->insn_cnt = 2;
	a->insns = (uintptr_t)insns;
	a->license = (uintptr_t)"GPL";
	strcpy(a->prog_name, "ktrace_prog");
	prog = sys_bpf(BPF_PROG_LOAD, a, sizeof(*a));

	/* No license, a log without a buffer, an unknown type and flag. */
	a->license = 0;
	a->log_level = 1;
	a->log_size = 64;
	a->kern_version = 0x060100;
	a->prog_flags = BPF_F_STRICT_ALIGNMENT | 0x100;
	a->prog_type = 0x55;
	sys_bpf(BPF_PROG_LOAD, a, sizeof(*a));
	/* As old programs pass it: up to the log. */
	a->insn_cnt = 0;
	a->insns = 0;
	sys_bpf(BPF_PROG_LOAD, a, 40);

	ATTR(*a);
	a->test.prog_fd = prog;
	a->test.data_in = (uintptr_t)pkt;
	a->test.data_size_in = sizeof(pkt);
	a->test.repeat = 1;
	sys_bpf(BPF_PROG_TEST_RUN, a, sizeof(*a));
	/* On a CPU that is not there; what the run wrote back cleared. */
	a->test.retval = 0;
	a->test.data_size_out = 0;
	a->test.duration = 0;
	a->test.flags = BPF_F_TEST_RUN_ON_CPU;
	a->test.cpu = 4096;
	sys_bpf(BPF_PROG_TEST_RUN, a, sizeof(*a));

	/* More room than the kernel's info: it writes back its own. */
	ATTR(*a);
	a->info.bpf_fd = map;
	a->info.info_len = sizeof(info);
	a->info.info = (uintptr_t)info;
	sys_bpf(BPF_OBJ_GET_INFO_BY_FD, a, sizeof(*a));
	a->info.bpf_fd = prog;
	a->info.info_len = 8;
	sys_bpf(BPF_OBJ_GET_INFO_BY_FD, a, sizeof(*a));
	a->info.bpf_fd = -1;
	sys_bpf(BPF_OBJ_GET_INFO_BY_FD, a, sizeof(*a));

	ATTR(*a);
	a->target_fd = -1;
	a->attach_bpf_fd = prog;
	a->attach_type = BPF_CGROUP_INET_EGRESS;
	a->attach_flags = BPF_F_ALLOW_MULTI;
	sys_bpf(BPF_PROG_ATTACH, a, sizeof(*a));
	sys_bpf(BPF_PROG_DETACH, a, sizeof(*a));

	ATTR(*a);
	a->query.target_fd = -1;
	a->query.attach_type = BPF_CGROUP_DEVICE;
	a->query.query_flags = BPF_F_QUERY_EFFECTIVE;
	a->query.prog_cnt = 4;
	sys_bpf(BPF_PROG_QUERY, a, sizeof(*a));

	ATTR(*a);
	a->raw_tracepoint.prog_fd = prog;
	sys_bpf(BPF_RAW_TRACEPOINT_OPEN, a, sizeof(*a));

	ATTR(*a);
	a->btf_size = 24;
	a->btf_log_level = 1;
	sys_bpf(BPF_BTF_LOAD, a, sizeof(*a));

	ATTR(*a);
	a->task_fd_query.pid = getpid();
	a->task_fd_query.fd = -1;
	a->task_fd_query.buf_len = 16;
	sys_bpf(BPF_TASK_FD_QUERY, a, sizeof(*a));

	ATTR(*a);
	a->link_create.prog_fd = prog;
	a->link_create.target_fd = -1;
	a->link_create.attach_type = BPF_CGROUP_INET_INGRESS;
	sys_bpf(BPF_LINK_CREATE, a, sizeof(*a));
	a->link_create.attach_type = BPF_PERF_EVENT;
	a->link_create.perf_event.bpf_cookie = 0x1234;
	sys_bpf(BPF_LINK_CREATE, a, sizeof(*a));
	a->link_create.attach_type = BPF_CGROUP_DEVICE;
	sys_bpf(BPF_LINK_CREATE, a, sizeof(*a));

	ATTR(*a);
	a->link_update.link_fd = -1;
	a->link_update.new_prog_fd = prog;
	a->link_update.flags = BPF_F_REPLACE;
	a->link_update.old_prog_fd = prog;
	sys_bpf(BPF_LINK_UPDATE, a, sizeof(*a));
	close(prog);
}

int main(void)
{
	union bpf_attr a;
	int map;

	maps(&a, &map);
	progs(&a, map);

	/* Past the last id: nothing next, no descriptor. */
	ATTR(a);
	a.start_id = -1;
	sys_bpf(BPF_PROG_GET_NEXT_ID, &a, sizeof(a));
	sys_bpf(BPF_MAP_GET_NEXT_ID, &a, sizeof(a));
	sys_bpf(BPF_BTF_GET_NEXT_ID, &a, sizeof(a));
	sys_bpf(BPF_LINK_GET_NEXT_ID, &a, sizeof(a));
	a.start_id = 0x7ffffff0;
	a.open_flags = BPF_F_RDONLY;
	sys_bpf(BPF_PROG_GET_FD_BY_ID, &a, sizeof(a));
	sys_bpf(BPF_MAP_GET_FD_BY_ID, &a, sizeof(a));
	sys_bpf(BPF_BTF_GET_FD_BY_ID, &a, sizeof(a));
	sys_bpf(BPF_LINK_GET_FD_BY_ID, &a, sizeof(a));

	/* Paths, unknown commands and sizes, NULL and unreadable attrs. */
	ATTR(a);
	a.bpf_fd = map;
	a.file_flags = BPF_F_WRONLY;
	sys_bpf(BPF_OBJ_PIN, &a, sizeof(a));
	sys_bpf(BPF_OBJ_GET, &a, sizeof(a));
	sys_bpf(BPF_ENABLE_STATS, &a, sizeof(a));
	sys_bpf(100, &a, sizeof(a));
	sys_bpf(BPF_MAP_CREATE, &a, 0);
	sys_bpf(BPF_MAP_CREATE, &a, 8192);
	sys_bpf(BPF_MAP_CREATE, NULL, sizeof(a));
	sys_bpf(BPF_MAP_CREATE, (void *)8, sizeof(a));
	close(map);
	return 0;
}
