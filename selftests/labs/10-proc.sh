# Lab 10: the /proc file system.  Type these in the VM of "make run".
env LAB_NAME=proc ktrace -o /tmp/pv.trace procview --verbose >/tmp/pv.out &
sleep 2
cat /tmp/pv.out
pid=$(pidof procview)
# What it runs as, and with what environment.
tr '\0' ' ' </proc/$pid/cmdline; echo
tr '\0' '\n' </proc/$pid/environ | grep LAB_NAME
# Its open files, and the calls that opened them.
ls -l /proc/$pid/fd
grep openat /tmp/pv.trace
# Its I/O counters, and the calls they count.
cat /proc/$pid/io
grep -E '^(read|write)\(' /tmp/pv.trace
# Its state and memory.
grep -E '^(Name|State|PPid|Threads|VmRSS)' /proc/$pid/status
grep -E 'procview|heap|stack' /proc/$pid/maps
kill $pid
wait
