#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Where a configuration's time goes, or what several changes each buy:
# in the test VM, loads each module given in turn (a build of the tree
# with one piece removed or changed, say) and runs one workload under
# one ktrace configuration, then untraced, round after round in one
# boot.  The configuration "filter" runs it while a session traces
# another, idle, process (filter-session).  tools/bench/bench copies it to /opt/bench; build the modules
# into a directory and run, for instance,
#
#   tools/vm/run --kernel 6.1 --add build/bench/guest:/opt/bench \
#	--add /tmp/mods:/opt/mods -- \
#	sh /opt/bench/variants.sh 7 count /opt/mods/a.ko /opt/mods/b.ko
#
# Prints per module the smallest, first-quartile and median ns per call
# of the traced workload, and the mean untraced time of its rounds.
# WORK="stat 5000" runs another workload of work.c (default: getppid
# CALLS, CALLS=40000); KT=PATH another ktrace command.
#
# Usage: [WORK=...] [CALLS=N] [KT=PATH] variants.sh ROUNDS CONFIG MODULE...
#        CONFIG: count, text, record or filter

B=/opt/bench
rounds=$1 cfg=$2
shift 2
work=${WORK:-getppid ${CALLS:-40000}}
kt=${KT:-ktrace}
case $cfg in
count)	tracer="$kt -f -c -o /dev/null --" ;;
record)	tracer="$kt record -f -o /dev/null --" ;;
text)	tracer="$kt -f -o /dev/null --" ;;
filter)	tracer= ;;
*)	echo "variants.sh: CONFIG is count, record, text or filter, not '$cfg'" >&2
	exit 1 ;;
esac

# filter: a session on an idle process, ready before the workload runs.
filter_start()
{
	sleep 100000 &
	idle=$!
	$B/filter-session $idle >/tmp/filter.out 2>&1 &
	bgpid=$!
	for i in $(seq 1 50); do
		grep -q ready /tmp/filter.out && return 0
		sleep 0.2
	done
	echo "variants.sh: filter-session did not start:" >&2
	cat /tmp/filter.out >&2
	exit 1
}
for r in $(seq 1 "$rounds"); do
	for m in "$@"; do
		rmmod ktrace 2>/dev/null
		insmod "$m" || { echo "variants.sh: insmod $m failed" >&2; exit 1; }
		[ "$cfg" = filter ] && filter_start
		t=$($tracer $B/work $work 2>/dev/null | tail -n 1)
		if [ "$cfg" = filter ]; then
			kill $bgpid $idle
			wait $bgpid $idle 2>/dev/null
		fi
		u=$($B/work $work | tail -n 1)
		echo "V $r $(basename "$m" .ko) ${t%% *} ${u%% *}"
	done
done >/tmp/variants.txt
sort -k3,3 -k4n /tmp/variants.txt | awk '
{ n[$3]++; v[$3, n[$3]] = $4; u[$3] += $5 }
END {
	for (m in n)
		printf "%-16s min %d q1 %d median %d untraced %d\n", m, v[m, 1],
		       v[m, int((n[m] + 3) / 4)], v[m, int((n[m] + 1) / 2)],
		       u[m] / n[m]
}' | sort
