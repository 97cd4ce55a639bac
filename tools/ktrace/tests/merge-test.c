// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of the reader's merge of the mapped rings (device.c), in TAP.
 * Rings built in memory the way the module writes them (records of
 * random sizes and times, PAD records before a wrap, ties in time across
 * CPUs, a tail anywhere in the ring) are taken batch after batch, and
 * each batch must hold the records that the plain merge takes: the oldest
 * first, ties to the lower CPU, at most a quarter of a ring and
 * BATCH_RECORDS per batch, and none newer than a record a quarter held
 * back.  The plain merge is the specification; the reader's takes runs.
 */
#include <stdio.h>

#include "../device.c"

const char *ktrace_prog = "merge-test";

void ktrace_err(const char *fmt, ...)
{
}

/* What device.c's other functions call, which this test does not. */
bool kt_abbrev_partly(void)
{
	return false;
}

bool kt_proc_zombie(pid_t pid, int *ppid)
{
	return false;
}

int kt_proc_leader_exited(pid_t pid)
{
	return 0;
}

static int n_tests, failed;

static void ok(int cond, const char *what)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++n_tests, what);
	failed |= !cond;
}

static uint64_t seed = 88172645463325252ULL;

static uint64_t rnd(uint64_t n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return seed % n;
}

#define MAX_RINGS	4

/* One ring: the page, then the data, as the module maps it. */
static struct ktrace_ring_page *ring_new(uint64_t size, uint64_t start,
					 unsigned int ties, uint64_t *ts)
{
	struct ktrace_ring_page *p = calloc(1, 4096 + size);
	struct ktrace_rec_hdr *h;
	uint64_t pos = start, off, len;
	char *data = (char *)p + 4096;

	p->data_offset = 4096;
	p->data_size = size;
	p->data_tail = start;
	for (;;) {
		/* Mostly short records, as syscalls make; some long. */
		len = 48 + 8 * (rnd(16) ? rnd(12) : rnd(min_u64(size / 32, 512)));
		off = pos & (size - 1);
		if (size - off < len) {
			if (pos + (size - off) + len - start > size)
				break;
			h = (void *)(data + off);
			h->type = KTRACE_REC_PAD;
			h->size = size - off;
			pos += size - off;
			off = 0;
		}
		if (pos + len - start > size)
			break;
		h = (void *)(data + off);
		memset(h, 0, sizeof(*h));
		h->type = KTRACE_REC_SYS_ENTER;
		h->size = len;
		/* Small steps from a clock shared by the rings: ties. */
		*ts += rnd(ties);
		h->ts = *ts;
		pos += len;
	}
	p->data_head = pos;
	return p;
}

/* The plain merge, one record at a time: what batch_mapped() must take. */
static int plain_batch(struct kt_dev_reader *r, size_t *n)
{
	struct kt_ring *ring, *best;
	unsigned int i;

	for (i = 0; i < r->nr; i++) {
		ring = &r->ring[i];
		ring->head = ring->page->data_head;
		ring->start = ring->tail;
		if (ring_next(ring, i))
			return -1;
	}
	for (*n = 0; *n < BATCH_RECORDS; (*n)++) {
		uint64_t held = UINT64_MAX;

		best = NULL;
		for (i = 0; i < r->nr; i++) {
			ring = &r->ring[i];
			if (ring->next && (!best || ring->next->ts < best->next->ts))
				best = ring;
			if (ring->held_ts < held)
				held = ring->held_ts;
		}
		if (!best || best->next->ts > held)
			break;
		r->recs[*n] = best->next;
		best->tail += best->next->size;
		if (ring_next(best, best - r->ring))
			return -1;
	}
	return 0;
}

static void reader_init(struct kt_dev_reader *r, struct kt_ring *rings,
			struct ktrace_ring_page **pages, unsigned int nr)
{
	unsigned int i;

	memset(r, 0, sizeof(*r));
	memset(rings, 0, nr * sizeof(*rings));
	r->nr = nr;
	r->ring = rings;
	r->recs = calloc(BATCH_RECORDS, sizeof(*r->recs));
	for (i = 0; i < nr; i++) {
		rings[i].page = pages[i];
		rings[i].size = pages[i]->data_size;
		rings[i].data = (const char *)pages[i] + pages[i]->data_offset;
		rings[i].tail = pages[i]->data_tail;
	}
}

/* Both merges over the same rings, batch by batch; false at a difference. */
static bool same_batches(unsigned int nr, uint64_t size, unsigned int ties,
			 unsigned long *records, unsigned long *batches)
{
	struct ktrace_ring_page *pages[MAX_RINGS];
	struct kt_ring ra[MAX_RINGS], rb[MAX_RINGS];
	struct kt_dev_reader a, b;
	uint64_t ts = 1;
	size_t na, nb, i;
	bool same = true;

	for (i = 0; i < nr; i++) {
		/* Each ring from its own start in time, some overlapping. */
		ts = rnd(4) ? ts : 1;
		pages[i] = ring_new(size, rnd(4) ? rnd(1 << 20) * 8 : 0, ties,
				    &ts);
	}
	reader_init(&a, ra, pages, nr);
	reader_init(&b, rb, pages, nr);
	for (;;) {
		if (batch_mapped(&a, &na) || plain_batch(&b, &nb)) {
			same = false;
			break;
		}
		if (na != nb) {
			same = false;
			break;
		}
		for (i = 0; i < na; i++)
			if (a.recs[i] != b.recs[i])
				same = false;
		if (!same || !na)
			break;
		*records += na;
		(*batches)++;
		/* Each reader keeps its own tails: done, without the page. */
		for (i = 0; i < nr; i++) {
			ra[i].start = ra[i].tail;
			rb[i].start = rb[i].tail;
		}
	}
	/* Everything taken, by both. */
	for (i = 0; same && i < nr; i++)
		if (ra[i].tail != pages[i]->data_head ||
		    rb[i].tail != pages[i]->data_head)
			same = false;
	for (i = 0; i < nr; i++)
		free(pages[i]);
	free(a.recs);
	free(b.recs);
	return same;
}

int main(void)
{
	static const uint64_t sizes[] = { 4096, 16384, 65536, 1 << 20, 4 << 20 };
	static const unsigned int ties[] = { 1, 2, 3, 50 };
	unsigned long records, batches;
	unsigned int nr, s, t, round;
	char what[160];
	bool same;

	for (nr = 1; nr <= MAX_RINGS; nr++) {
		for (s = 0; s < ARRAY_SIZE(sizes); s++) {
			records = 0;
			batches = 0;
			same = true;
			/* Fewer of the large rings: as many records. */
			for (round = 0; round < (s < 3 ? 40 : 2) && same;
			     round++)
				for (t = 0; t < ARRAY_SIZE(ties) && same; t++)
					same = same_batches(nr, sizes[s],
							    ties[t], &records,
							    &batches);
			snprintf(what, sizeof(what),
				 "%u rings of %llu bytes: the batches of the plain merge (%lu records in %lu batches)",
				 nr, (unsigned long long)sizes[s], records,
				 batches);
			ok(same, what);
		}
	}
	printf("1..%d\n", n_tests);
	return failed;
}
