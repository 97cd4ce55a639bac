# Lab 14: cgroup v2 limits on memory and CPU.  Type these in the VM of "make run".
# cgroup v2 is mounted on /sys/fs/cgroup; the controllers the kernel offers:
cat /sys/fs/cgroup/cgroup.controllers
# Hand memory and cpu to the groups below the root, and make one.
echo '+memory +cpu' >/sys/fs/cgroup/cgroup.subtree_control
mkdir -p /sys/fs/cgroup/lab14
echo 32M >/sys/fs/cgroup/lab14/memory.max
cat /sys/fs/cgroup/lab14/memory.max
# A shell joins the group and becomes hog, which touches 64 MB: more than the limit.
ktrace -o /tmp/oom.trace -e trace=write,execve sh -c 'echo $$ >/sys/fs/cgroup/lab14/cgroup.procs && exec hog mem 64'
tail -n 4 /tmp/oom.trace
grep oom_kill /sys/fs/cgroup/lab14/memory.events
dmesg | grep -E 'invoked oom-killer|Memory cgroup out of memory'
# CPU: 0.3 s of work, unlimited, then with at most 20 ms every 100 ms.
hog cpu 300
echo '20000 100000' >/sys/fs/cgroup/lab14/cpu.max
ktrace -r -o /tmp/cpu.trace -e trace=clock_gettime sh -c 'echo $$ >/sys/fs/cgroup/lab14/cgroup.procs && exec hog cpu 300'
grep -E '^(nr_periods|nr_throttled|throttled_usec)' /sys/fs/cgroup/lab14/cpu.stat
# The longest gaps between two calls in the trace, in seconds.
awk '{print $1}' /tmp/cpu.trace | sort -n | tail -n 3
# The group is empty again: remove it.
rmdir /sys/fs/cgroup/lab14
