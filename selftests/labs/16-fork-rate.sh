# Lab 16: a high fork rate.  Type these in the VM of "make run".
# The kernel counts every fork since boot in /proc/stat.
grep processes /proc/stat
forker 200
grep processes /proc/stat
# Each fork in the trace: a clone in the parent, an exit in the child.
ktrace -f -o /tmp/fork.trace -e trace=clone,clone3,fork,vfork forker 200
grep -c 'clone(' /tmp/fork.trace
grep -c 'exited with' /tmp/fork.trace
# The fork rate per second, from the times of the clone lines.
ktrace -f -ttt -o /tmp/forkt.trace -e trace=clone forker 200
awk '/clone\(/ {n[int($2)]++} END {for (s in n) print s, n[s]}' /tmp/forkt.trace | sort
# Which process forks, and how fast?  ktrace top counts in the kernel, for 2 s.
forker 1000000 >/dev/null &
f=$!
sleep 1
ktrace top --once --interval 2
kill $f
