# Lab 11: ps and the process tree.  Type these in the VM of "make run".
ktrace -f --json -o /tmp/threads.json threads 3 >/tmp/threads.out &
sleep 2
cat /tmp/threads.out
pid=$(pidof threads)
# ps shows one process; /proc shows its threads.
ps -o pid,ppid,stat,comm | awk 'NR == 1 || $4 == "threads" || $4 == "ktrace"'
ls /proc/$pid/task
grep Threads /proc/$pid/status
ps -T -o pid,stat,comm | awk 'NR == 1 || $3 == "threads"'
# The tree: each process's parent.
for p in $pid $(awk '/^PPid/ {print $2}' /proc/$pid/status); do grep -E '^(Pid|PPid|Name)' /proc/$p/status | tr '\n' ' '; echo; done
kill $pid
wait
# How each thread was made: the fork records of the trace.
grep '"type":"fork"' /tmp/threads.json | grep -o '"child_pid":[0-9]*,"child_tgid":[0-9]*,"thread":[a-z]*'
