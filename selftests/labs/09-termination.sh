# Lab 09: how processes end, and zombies.  Type these in the VM of "make run".
# An exit status, as the shell sees it.
sh -c 'exit 3'; echo "exit status: $?"
sh -c 'kill -TERM $$'; echo "exit status: $?"
# Three children: one exits with 3, one is killed by SIGTERM, one by SIGKILL.
ktrace -f -o /tmp/exits.trace -e trace=kill,wait4,exit_group zombie exits
cat /tmp/exits.trace
# A child that stays a zombie for 3 seconds before its parent reaps it.
zombie linger 3 >/tmp/linger.out &
until grep -q exited /tmp/linger.out; do sleep 0.1; done
cat /tmp/linger.out
z=$(awk '{print $2}' /tmp/linger.out)
grep -E '^(Name|State|PPid)' /proc/$z/status
ps -o pid,ppid,stat,comm | awk '$4 == "zombie"'
# ktrace's view of every zombie of the system, and what its parent does.
ktrace zombies
wait
cat /tmp/linger.out
ls /proc/$z
# The zombie's lifetime in the trace: its exit, then its parent's wait4.
ktrace -f -tt -e trace=wait4,exit_group zombie linger 1 >/dev/null
# The whole run as a tree: how each process ended, and how long it was a zombie.
ktrace tree -- zombie exits
ktrace tree -- zombie linger 1
