# Lab 04: advanced tracing.  Type these in the VM of "make run".
# The time of day of each call: to the second (-t), to the microsecond (-tt).
ktrace -t -e trace=write sh -c 'echo one; sleep 1; echo two'
ktrace -tt -e trace=write sh -c 'echo one; sleep 1; echo two'
# The time since the previous line (-r), and the time spent in each call (-T).
ktrace -r -e trace=write sh -c 'echo one; sleep 1; echo two'
ktrace -f -T -e trace=clock_nanosleep,nanosleep,wait4 sh -c 'sleep 1; true'
# Without -f only the shell is traced; with -f its children too.
ktrace -e trace=%process sh -c 'ls / >/dev/null; true'
ktrace -f -e trace=%process sh -c 'ls / >/dev/null; true'
# Classes of calls: the file system, the network.
ktrace -e trace=%file cat /etc/passwd >/dev/null
ktrace -o /tmp/net.trace -e trace=%network nc 127.0.0.1 9 </dev/null 2>/dev/null
cat /tmp/net.trace
# Only the calls that failed (-Z), or succeeded (-z).
ktrace -Z ls /nonexistent /etc >/dev/null 2>/tmp/z.trace
grep -v "^ls:" /tmp/z.trace
