# Lab 17: zombie accumulation.  Type these in the VM of "make run".
# A parent starts 5 children that exit, and never reaps them.
ktrace -f -o /tmp/leak.trace -e trace=clone,wait4,waitid,exit_group zombie leak 5 >/tmp/leak.out &
sleep 2
cat /tmp/leak.out
parent=$(awk '{print $2 + 0}' /tmp/leak.out)
# Find the zombies, and their parent.
ps -o pid,ppid,stat,comm | awk '$3 ~ /^Z/'
ps -o pid,ppid,stat,comm | awk '$3 ~ /^Z/ {print $2}' | sort | uniq -c
z=$(ps -o pid,stat | awk '$2 ~ /^Z/ {print $1; exit}')
grep -E '^(Name|State|PPid)' /proc/$z/status
# ktrace lists them with their age, and what their parent does instead of wait().
ktrace zombies -p $parent
# SIGCHLD does not help a parent that never calls wait.
kill -CHLD $parent
sleep 1
ps -o pid,ppid,stat,comm | awk '$3 ~ /^Z/' | wc -l
# Killing the parent makes init the children's parent, and init reaps them.
kill $parent
wait
sleep 1
ps -o pid,ppid,stat,comm | awk '$3 ~ /^Z/' | wc -l
grep -E 'exited|killed|wait' /tmp/leak.trace
# The whole story as a tree: three zombies, reaped by init when their parent is killed.
ktrace tree -- sh -c 'zombie leak 3 >/dev/null & sleep 2; kill $!; wait'
