// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): --decode-pids=pidns.  A process in another PID namespace than
 * ktrace's sees other ids: its getpid() may return 1.  strace then adds
 * the id in its own namespace in a comment ("in strace's PID NS"), and so
 * does this, in a live session: the kernel has no call that translates an
 * id between namespaces, so /proc does, as strace does it.  A task's
 * namespace is the inode of /proc/ID/ns/pid; the ids a namespace gives
 * are the last ones of the "NSpid:" lines of its tasks' status, found by
 * scanning /proc when an id is not known yet.  /proc is taken to be
 * ktrace's namespace's, as the record's ids are.  The fork records (ABI
 * 1.10) say both of each child, which then needs no /proc: a process the
 * trace did not see start, gone before its line is printed, has no
 * translation.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ktrace.h"

/* An id in a namespace, and the same task's id in ours. */
struct pidns_id {
	uint64_t ns;
	int id, ours;
};

struct kt_pidns {
	uint64_t self;			/* our namespace, 0 unknown */
	struct kt_pidmap ns;		/* our id -> its uint64_t namespace */
	struct pidns_id *ids;
	size_t n, cap;
};

static uint64_t ns_of(const char *dir)
{
	char path[640];
	struct stat st;

	snprintf(path, sizeof(path), "%s/ns/pid", dir);
	return stat(path, &st) ? 0 : (uint64_t)st.st_ino;
}

struct kt_pidns *kt_pidns_new(void)
{
	struct kt_pidns *c = calloc(1, sizeof(*c));

	if (c)
		c->self = ns_of("/proc/self");
	return c;
}

static void free_ns(void *ctx, void *val)
{
	free(val);
}

void kt_pidns_free(struct kt_pidns *c)
{
	if (!c)
		return;
	kt_pidmap_each(&c->ns, free_ns, NULL);
	kt_pidmap_free(&c->ns);
	free(c->ids);
	free(c);
}

/* The cache's slot for task @ours, made (0: unknown) if need be. */
static uint64_t *ns_slot(struct kt_pidns *c, pid_t ours)
{
	uint64_t *v = kt_pidmap_get(&c->ns, ours);

	if (v)
		return v;
	v = calloc(1, sizeof(*v));
	if (v && kt_pidmap_put(&c->ns, ours, v)) {
		free(v);
		v = NULL;
	}
	return v;
}

/* The namespace of task @ours, cached: a task never changes it. */
static uint64_t task_ns(struct kt_pidns *c, pid_t ours)
{
	uint64_t *v = ns_slot(c, ours);
	char dir[64];

	if (!v)
		return 0;
	if (!*v) {
		snprintf(dir, sizeof(dir), "/proc/%d", ours);
		*v = ns_of(dir);
	}
	return *v;
}

static int find(const struct kt_pidns *c, uint64_t ns, int id)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->ids[i].ns == ns && c->ids[i].id == id)
			return c->ids[i].ours;
	return 0;
}

static void add(struct kt_pidns *c, uint64_t ns, int id, int ours)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->ids[i].ns == ns && c->ids[i].id == id) {
			c->ids[i].ours = ours;	/* reused */
			return;
		}
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 64;
		struct pidns_id *p = realloc(c->ids, cap * sizeof(*p));

		if (!p)
			return;
		c->ids = p;
		c->cap = cap;
	}
	c->ids[c->n++] = (struct pidns_id){ .ns = ns, .id = id, .ours = ours };
}

/* The last id of the "NSpid:" line of @dir/status: its own namespace's. */
static int own_id(const char *dir)
{
	char path[640], line[256];
	int id = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/status", dir);
	f = fopen(path, "re");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		char *p = line + 6, *end;
		long v;

		if (strncmp(line, "NSpid:", 6))
			continue;
		for (;;) {
			v = strtol(p, &end, 10);
			if (end == p)
				break;
			id = (int)v;
			p = end;
		}
		break;
	}
	fclose(f);
	return id;
}

/* Learn the ids of the tasks of namespace @ns from /proc. */
static void scan(struct kt_pidns *c, uint64_t ns)
{
	char dir[300], tdir[600];
	struct dirent *d, *t;
	DIR *p, *tasks;
	int id;

	p = opendir("/proc");
	if (!p)
		return;
	while ((d = readdir(p))) {
		if (d->d_name[0] < '1' || d->d_name[0] > '9')
			continue;
		snprintf(dir, sizeof(dir), "/proc/%s", d->d_name);
		if (ns_of(dir) != ns)
			continue;
		snprintf(tdir, sizeof(tdir), "%s/task", dir);
		tasks = opendir(tdir);
		if (!tasks)
			continue;
		while ((t = readdir(tasks))) {
			if (t->d_name[0] < '1' || t->d_name[0] > '9')
				continue;
			snprintf(tdir, sizeof(tdir), "%s/task/%s", dir,
				 t->d_name);
			id = own_id(tdir);
			if (id > 0)
				add(c, ns, id, atoi(t->d_name));
		}
		closedir(tasks);
	}
	closedir(p);
}

void kt_pidns_fork(struct kt_pidns *c, pid_t ours, int id, uint64_t ns)
{
	uint64_t *v = ns_slot(c, ours);

	if (v)
		*v = ns;	/* a reused id: the new task's */
	add(c, ns, id, ours);
}

int kt_pidns_ours(struct kt_pidns *c, pid_t task, int id)
{
	uint64_t ns;
	int ours;

	if (!c || !c->self || id <= 0)
		return 0;
	ns = task_ns(c, task);
	if (!ns || ns == c->self)
		return 0;
	ours = find(c, ns, id);
	if (!ours) {
		scan(c, ns);
		ours = find(c, ns, id);
	}
	return ours != id ? ours : 0;
}
