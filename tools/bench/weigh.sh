#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# What one primitive costs in a syscall probe, against the empty probes:
# in the test VM, loads ktrace_floor.ko with weigh=0 (empty probes) and
# weigh=N in turn (see tools/bench/floor/ktrace_floor.c for the list),
# round after round, and times a getppid() loop under each.  Both probes
# run the primitive, so a getppid() pays for it twice.  tools/bench/bench
# copies it to /opt/bench; run it there with
#
#   tools/bench/bench none            # builds build/bench/guest
#   tools/vm/run --kernel 6.1 --no-load \
#	--add build/bench/guest:/opt/bench -- sh /opt/bench/weigh.sh 15
#
# Prints per primitive the smallest and first-quartile ns per getppid()
# and the extra ns per probe call against weigh=0 (from the smallest
# times: on a loaded host they are the least disturbed).
#
# Usage: weigh.sh [ROUNDS] [CALLS]

B=/opt/bench
rounds=${1:-15} calls=${2:-20000}
names="empty rdtsc_ordered ktime_get_mono_fast_ns local_clock memcpy-96 store-loop-96 memset-96"

r=0
while [ $r -lt "$rounds" ]; do
	w=0
	for n in $names; do
		insmod $B/ktrace_floor.ko weigh=$w || exit 1
		out=$($B/work getppid "$calls" | tail -n 1)
		rmmod ktrace_floor
		echo "W $w $n ${out%% *}"
		w=$((w + 1))
	done
	r=$((r + 1))
done | sort -k2,2n -k4,4n | awk '
{ v[$2, ++n[$2]] = $4; name[$2] = $3 }
END {
	printf "%-24s %8s %8s %14s\n", "primitive", "min ns", "q1 ns", "ns per call"
	for (w = 0; w in n; w++) {
		min = v[w, 1]; q1 = v[w, int(n[w] / 4) + 1]
		if (w == 0)
			base = min
		printf "%-24s %8d %8d %14.1f\n", name[w], min, q1, (min - base) / 2
	}
}'
