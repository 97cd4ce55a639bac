#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The benchmark inside the test VM; tools/bench/bench copies it with the
# workloads to /opt/bench and runs it.  Runs every workload under every
# configuration, interleaved round by round after a warm-up round, and
# prints one line per measurement for the host to summarise:
#
#   M ROUND CONFIG WORKLOAD NS_PER_OP EVENTS LOST ELAPSED_NS
#   NA CONFIG REASON...
#   SAT EVENTS LOST ELAPSED_NS READER_CPU_NS
#   LOSSFREE EVENTS ELAPSED_NS READER_CPU_NS LOSSLESS_RATE LOSSY_RATE TRIES
#
# EVENTS and LOST are "-" where the tracer does not tell.
#
# Usage: guest.sh ROUNDS SCALE CONFIG...   (SCALE divides the iterations)

B=/opt/bench
rounds=$1 scale=$2
shift 2
configs=$*
module=/lib/modules/$(uname -r)/extra/ktrace.ko
tr=/sys/kernel/tracing
dbg=/sys/kernel/debug/ktrace/stats
# Each tracer gets this long per workload run before it counts as hung.
limit=120

# Workloads: name, then arguments to work; iterations are divided by
# SCALE, and by STRACE_DIV more under strace and perf trace (they cost
# a millisecond or more per syscall under emulation).
workloads="getppid1 getppid2 dd pipe spawn stat"
STRACE_DIV=40
work_args()
{
	local div=$scale

	case $2 in strace|perf) div=$((scale * STRACE_DIV)) ;; esac
	case $1 in
	getppid1)	echo "getppid $((50000 / div))" ;;
	getppid2)	echo "getppid $((25000 / div)) 2" ;;
	dd)		echo "dd $((25000 / div))" ;;
	pipe)		echo "pipe $((25000 / div))" ;;
	spawn)		echo "spawn $(((100 + div - 1) / div))" ;;
	stat)		echo "stat $((25000 / div))" ;;
	esac
}

na()
{
	echo "NA $*"
}

stat_field()
{
	[ -r $dbg ] && sed -n "s/^$1 //p" $dbg || echo 0
}

# The records a ktrace run lost, from its "N records were lost" message
# in FILE; 0 without one.
lost_in()
{
	local n

	n=$(sed -n 's/.*ktrace: \([0-9]*\) records were lost.*/\1/p' "$1")
	echo "${n:-0}"
}

# Sum a field of ftrace's per-CPU statistics ("overrun", "read events").
ftrace_stat()
{
	cat $tr/per_cpu/cpu*/stats 2>/dev/null |
		sed -n "s/^$1: *//p" | awk '{ s += $1 } END { print s + 0 }'
}

load_ktrace()
{
	grep -q '^ktrace ' /proc/modules || insmod $module
}

# NAME.base: NAME with the module of BENCH_BASE loaded instead of ours.
swap_module()
{
	rmmod ktrace 2>/dev/null
	insmod "$1"
}

# Start the background part of a configuration; fails with a reason.
start()
{
	case $1 in
	*.base)	[ -f $B/ktrace-base.ko ] || { echo "no BENCH_BASE module"; return 1; }
		swap_module $B/ktrace-base.ko && start "${1%.base}" ;;
	none)	rmmod ktrace 2>/dev/null; ! grep -q '^ktrace ' /proc/modules ;;
	floor)	insmod $B/ktrace_floor.ko ;;
	filter)
		sleep 100000 &
		idle=$!
		$B/filter-session $idle >/tmp/filter.out 2>&1 &
		bgpid=$!
		for i in 1 2 3 4 5 6 7 8 9 10; do
			grep -q ready /tmp/filter.out && return 0
			sleep 0.2
		done
		cat /tmp/filter.out
		return 1 ;;
	ftrace)
		echo 0 >$tr/tracing_on && echo >$tr/trace &&
		echo 1 >$tr/events/raw_syscalls/enable &&
		echo 1 >$tr/tracing_on || return 1
		cat $tr/trace_pipe >/dev/null &
		bgpid=$! ;;
	sysdig)
		[ -f $B/scap.ko ] || { echo "no scap.ko was built"; return 1; }
		insmod $B/scap.ko || return 1
		sysdig -w /dev/null >/tmp/sysdig.out 2>&1 &
		bgpid=$!
		sleep 3
		kill -0 $bgpid 2>/dev/null || { cat /tmp/sysdig.out; rmmod scap; return 1; }
		;;
	bpftrace)
		bpftrace -e 'tracepoint:raw_syscalls:sys_enter { @[tid] = count(); }' \
			>/tmp/bpftrace.out 2>&1 &
		bgpid=$!
		for i in $(seq 1 150); do
			grep -q Attaching /tmp/bpftrace.out && sleep 1 && return 0
			kill -0 $bgpid 2>/dev/null || break
			sleep 0.2
		done
		kill -INT $bgpid 2>/dev/null
		wait $bgpid 2>/dev/null
		head -n 3 /tmp/bpftrace.out
		return 1 ;;
	esac
}

stop()
{
	case $1 in
	*.base)	stop "${1%.base}"; swap_module $module ;;
	none)	load_ktrace ;;
	floor)	rmmod ktrace_floor ;;
	filter)	kill $bgpid $idle; wait $bgpid $idle 2>/dev/null ;;
	ftrace)	echo 0 >$tr/events/raw_syscalls/enable
		kill $bgpid; wait $bgpid 2>/dev/null ;;
	sysdig)	quit $bgpid; rmmod scap ;;
	bpftrace) quit $bgpid ;;
	esac
	return 0
}

# Stop a background tracer with SIGINT, then SIGKILL after 20 s; say so
# if it still has not gone, rather than hang the whole benchmark.
quit()
{
	local i

	kill -INT $1 2>/dev/null
	for i in $(seq 1 100); do
		kill -0 $1 2>/dev/null || { wait $1 2>/dev/null; return 0; }
		sleep 0.2
	done
	echo "INFO pid $1 ignored SIGINT for 20 s; killing it"
	kill -KILL $1 2>/dev/null
	sleep 1
	kill -0 $1 2>/dev/null && echo "INFO pid $1 survived SIGKILL"
	return 0
}

# Run one workload under a configuration; prints its M line.
measure()
{
	local round=$1 c=$2 w=$3 args out rec0 sys0 over0 read0 ev=- lost=-

	args=$(work_args "$w" "$c")
	rec0=$(stat_field records) sys0=$(stat_field syscalls)
	over0=$(ftrace_stat overrun) read0=$(ftrace_stat "read events")
	case ${c%.base} in
	count)	set -- ktrace -f -c -o /dev/null -- ;;
	text)	set -- ktrace -f -o /dev/null -- ;;
	record)	set -- ktrace record -f -o /dev/null -- ;;
	strace)	set -- strace -f -o /dev/null -- ;;
	perf)	set -- perf trace -o /dev/null -- ;;
	*)	set -- ;;
	esac
	out=$(timeout $limit "$@" $B/work $args 2>/tmp/err | tail -n 1)
	case $out in
	*[0-9]\ [0-9]*\ [0-9]*) ;;
	*)	echo "NA $c $w: $(head -c 200 /tmp/err | tr '\n' ' ')"; return ;;
	esac
	case ${c%.base} in
	count)	ev=$(($(stat_field syscalls) - sys0)); lost=0 ;;
	text|record)
		lost=$(lost_in /tmp/err)
		ev=$(($(stat_field records) - rec0 - lost)) ;;
	ftrace)	sleep 0.5
		lost=$(($(ftrace_stat overrun) - over0))
		ev=$(($(ftrace_stat "read events") - read0)) ;;
	strace)	lost=0 ;;
	esac
	set -- $out
	echo "M $round $c $w $1 $ev $lost $3"
}

# The CPU time of process $1 so far, in ns: its threads' time on a CPU
# from schedstat, else utime + stime from stat, in clock ticks (USER_HZ,
# 100 on x86).
cpu_ns()
{
	if [ -r /proc/$1/schedstat ]; then
		cat /proc/$1/task/*/schedstat 2>/dev/null |
			awk '{ ns += $1 } END { printf "%d\n", ns }'
	else
		awk '{ printf "%d\n", ($14 + $15) * 10000000 }' /proc/$1/stat
	fi
}

# A system-wide session, 16 KiB rings, read by ktrace writing text to
# /dev/null ("ktrace record" wants a command or -p), while "work ARGS..."
# runs.  Sets run_ev (the records delivered while it ran), run_lost (all
# the session lost), run_ns (its elapsed time) and run_cpu (the reader's
# CPU time meanwhile, not its start-up).
system_run()
{
	local pid rec0 cpu0 out

	ktrace --ring-size=16K -o /dev/null 2>/tmp/sys.err &
	pid=$!
	sleep 2
	rec0=$(stat_field records) cpu0=$(cpu_ns $pid)
	out=$($B/work "$@")
	run_cpu=$(($(cpu_ns $pid) - cpu0))
	run_ev=$(($(stat_field records) - rec0))
	kill -INT $pid
	wait $pid
	run_lost=$(lost_in /tmp/sys.err)
	run_ev=$((run_ev - run_lost))
	set -- $out
	run_ns=${3:-0}
}

# The saturation case: two threads calling getppid() as fast as they can
# under system_run(); how many events the reader delivers, how many are
# lost, and its CPU time.
saturation()
{
	load_ktrace
	system_run getppid $((100000 / scale)) 2
	sat_ev=$run_ev sat_ns=$run_ns
	echo "SAT $run_ev $run_lost $run_ns $run_cpu"
}

# The loss-free rate: the fastest the saturation session delivers with
# nothing lost.  The threads pace their calls (a millisecond's worth at
# a time); the rate is bisected between none and twice the calls a
# second saturation() delivered, seven tries; a rate that lost nothing
# raises the floor of the search, one that lost lowers its ceiling.
# Prints the events a second delivered by the fastest run that lost
# nothing, with its elapsed time and reader CPU time, and the search's
# last bounds in calls a second.
lossfree()
{
	local lo=0 hi mid ms try best_ev=0 best_ns=1 best_cpu=0

	[ "${sat_ns:-0}" -gt 0 ] || return 0
	hi=$((sat_ev * 1000000000 / sat_ns))	# 2 events a call
	ms=$((1000 / scale))
	[ $ms -ge 200 ] || ms=200
	for try in 1 2 3 4 5 6 7; do
		mid=$(((lo + hi) / 2))
		[ $mid -gt 0 ] || break
		system_run paced $mid $ms 2
		[ "$run_ns" -gt 0 ] || break
		echo "INFO lossfree try $try: $mid calls/s, $run_ev events in $run_ns ns, $run_lost lost"
		if [ "$run_lost" -eq 0 ]; then
			lo=$mid
			if [ $((run_ev * best_ns)) -gt $((best_ev * run_ns)) ]; then
				best_ev=$run_ev best_ns=$run_ns best_cpu=$run_cpu
			fi
		else
			hi=$mid
		fi
	done
	echo "LOSSFREE $best_ev $best_ns $best_cpu $lo $hi $try"
}

load_ktrace
echo 0 >$tr/tracing_on 2>/dev/null
echo "INFO kernel $(uname -r) cpus $(grep -c ^processor /proc/cpuinfo)"
live=
for c in $configs; do
	# Not in $(...): the tracers left running would hold its pipe open.
	if start $c >/tmp/start.out 2>&1; then
		stop $c >/dev/null 2>&1
		live="$live $c"
	else
		na "$c" "$(head -c 200 /tmp/start.out | tr '\n' ' ')"
		stop $c >/dev/null 2>&1
	fi
done

for round in $(seq 0 "$rounds"); do
	for c in $live; do
		echo "INFO round $round $c"
		start $c >/dev/null 2>&1 || { na "$c" "did not start in round $round"; continue; }
		for w in $workloads; do
			measure $round $c $w
		done
		stop $c 2>/dev/null
	done
	echo "INFO round $round done at $(cut -d' ' -f1 /proc/uptime)s"
done
saturation
lossfree
