#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A change to the module against what it replaces, closer than the
# rounds of guest.sh can: in the test VM, with ktrace.ko of the tree
# ("new"; $B/ktrace-new.ko if there is one) and the module built from
# BENCH_BASE ($B/ktrace-base.ko, "base", run with the command built from
# BENCH_BASE too, $B/ktrace-base, whose ABI is the module's) loaded in turn,
# runs one getppid() loop untraced and under each ktrace configuration,
# pair after pair, the two modules in alternating order.  A pair takes
# seconds, so the host's load moves both sides alike.  tools/bench/bench
# copies it to /opt/bench; run it there with
#
#   BENCH_BASE=REV tools/bench/bench none     # builds the guest files
#   tools/vm/run --kernel 6.1 --cpus 2 --mem 2G \
#	--add build/bench/guest:/opt/bench -- sh /opt/bench/pairs.sh 9
#
# Prints "P PAIR MODULE CONFIG NS_PER_OP" lines, then per module and
# configuration "R MODULE CONFIG MEDIAN MIN MAX" of the ratios to the
# untraced loop of the same pair and "T MODULE CONFIG MIN_NS Q1_NS" of the
# times: on a loaded host the smallest times are the least disturbed.
#
# Usage: [PAIRS_CONFIGS="none count ..."] pairs.sh PAIRS [CALLS]

B=/opt/bench
pairs=${1:-9} calls=${2:-20000}
new=/lib/modules/$(uname -r)/extra/ktrace.ko
[ -f $B/ktrace-new.ko ] && new=$B/ktrace-new.ko
configs=${PAIRS_CONFIGS:-none filter count record text}
# The command of BENCH_BASE too, where the module's ABI moved since.
basecli=ktrace
[ -x $B/ktrace-base ] && basecli=$B/ktrace-base

use()
{
	rmmod ktrace 2>/dev/null
	insmod "$1"
}

one()
{
	local c=$1 out

	case $c in
	none|filter) set -- ;;
	count)	set -- $kt -f -c -o /dev/null -- ;;
	record)	set -- $kt record -f -o /dev/null -- ;;
	text)	set -- $kt -f -o /dev/null -- ;;
	esac
	if [ $c = filter ]; then
		sleep 100000 &
		idle=$!
		$B/filter-session $idle >/tmp/filter.out 2>&1 &
		bg=$!
		while ! grep -q ready /tmp/filter.out; do sleep 0.1; done
	fi
	out=$("$@" $B/work getppid "$calls" 2>/dev/null | tail -n 1)
	[ $c = filter ] && { kill $bg $idle; wait $bg $idle 2>/dev/null; }
	echo "${out%% *}"
}

for p in $(seq 1 "$pairs"); do
	if [ $((p % 2)) = 1 ]; then order="new base"; else order="base new"; fi
	for m in $order; do
		if [ $m = new ]; then
			use $new
			kt=ktrace
		else
			use $B/ktrace-base.ko
			kt=$basecli
		fi
		for c in $configs; do
			echo "P $p $m $c $(one $c)"
		done
	done
done | tee /tmp/pairs.txt
awk '$1 == "P" { t[$2, $3, $4] = $5; m[$3] = 1; c[$4] = 1; n = $2 }
END {
	nc = split(cfgs, cs, " ")
	for (mm in m)
		for (k = 1; k <= nc; k++) {
			s = ""
			for (p = 1; p <= n; p++)
				if (t[p, mm, "none"] > 0)
					s = s " " t[p, mm, cs[k]] / t[p, mm, "none"]
			printf "%s %-6s %s\n", mm, cs[k], s
		}
}' cfgs="$configs" /tmp/pairs.txt | while read m c list; do
	echo "R $m $c $(echo $list | tr ' ' '\n' | sort -n |
		awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)], a[1], a[NR] }')"
done
for m in new base; do
	for c in $configs; do
		echo "T $m $c $(awk -v m=$m -v c=$c '$1 == "P" && $3 == m && $4 == c { print $5 }' /tmp/pairs.txt |
			sort -n | awk '{ a[NR] = $1 } END { print a[1], a[int((NR + 3) / 4)] }')"
	done
done
