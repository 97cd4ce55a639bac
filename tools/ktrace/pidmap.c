// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): a map from thread ids to the tracer's per-task state.  Open
 * addressing with linear probing, at most half full, grown by doubling;
 * deletion shifts the entries that follow back into the hole, so there
 * are no tombstones and a table that saw a million short-lived processes
 * is as fast as a new one.
 */
#include <stdlib.h>
#include <string.h>

#include "ktrace.h"

static unsigned int pm_hash(const struct kt_pidmap *m, pid_t pid)
{
	return ((unsigned int)pid * 2654435761u) & (m->cap - 1);
}

static int pm_grow(struct kt_pidmap *m)
{
	struct kt_pidmap n = { .cap = m->cap ? m->cap * 2 : 1024 };
	unsigned int i, j;

	n.slot = calloc(n.cap, sizeof(*n.slot));
	if (!n.slot)
		return -1;
	for (i = 0; i < m->cap; i++) {
		if (!m->slot[i].val)
			continue;
		for (j = pm_hash(&n, m->slot[i].pid); n.slot[j].val;
		     j = (j + 1) & (n.cap - 1))
			;
		n.slot[j] = m->slot[i];
	}
	n.n = m->n;
	free(m->slot);
	*m = n;
	return 0;
}

void *kt_pidmap_get(const struct kt_pidmap *m, pid_t pid)
{
	unsigned int i;

	if (!m->cap)
		return NULL;
	for (i = pm_hash(m, pid); m->slot[i].val; i = (i + 1) & (m->cap - 1))
		if (m->slot[i].pid == pid)
			return m->slot[i].val;
	return NULL;
}

/* Map pid to val, which is not NULL; pid must not be mapped yet. */
int kt_pidmap_put(struct kt_pidmap *m, pid_t pid, void *val)
{
	unsigned int i;

	if ((m->n + 1) * 2 > m->cap && pm_grow(m))
		return -1;
	for (i = pm_hash(m, pid); m->slot[i].val; i = (i + 1) & (m->cap - 1))
		;
	m->slot[i].pid = pid;
	m->slot[i].val = val;
	m->n++;
	return 0;
}

void kt_pidmap_del(struct kt_pidmap *m, pid_t pid)
{
	unsigned int i, j, h, mask = m->cap - 1;

	if (!m->cap)
		return;
	for (i = pm_hash(m, pid); m->slot[i].val; i = (i + 1) & mask)
		if (m->slot[i].pid == pid)
			break;
	if (!m->slot[i].val)
		return;
	/* Move back each entry the hole would cut off from its home. */
	for (j = (i + 1) & mask; m->slot[j].val; j = (j + 1) & mask) {
		h = pm_hash(m, m->slot[j].pid);
		if (((j - h) & mask) >= ((j - i) & mask)) {
			m->slot[i] = m->slot[j];
			i = j;
		}
	}
	m->slot[i].val = NULL;
	m->n--;
}

/* Call fn on every value; fn must not change the map. */
void kt_pidmap_each(const struct kt_pidmap *m, void (*fn)(void *ctx, void *val),
		    void *ctx)
{
	unsigned int i;

	for (i = 0; i < m->cap; i++)
		if (m->slot[i].val)
			fn(ctx, m->slot[i].val);
}

int kt_pid_cmp(const void *a, const void *b)
{
	pid_t x = *(const pid_t *)a, y = *(const pid_t *)b;

	return (x > y) - (x < y);
}

void kt_pidmap_free(struct kt_pidmap *m)
{
	free(m->slot);
	memset(m, 0, sizeof(*m));
}
