# Lab 07: fork() and copy-on-write.  Type these in the VM of "make run".
# Run cow under ktrace, following its child; cow's own output goes to a file.
ktrace -f -o /tmp/cow.trace -e trace=clone,clone3,fork,vfork,wait4,exit_group cow >/tmp/cow.out &
sleep 2
cat /tmp/cow.out
# The child's pid, its parent's, and the buffer's address as smaps writes it.
child=$(awk '/^child/ {print $2 + 0}' /tmp/cow.out)
parent=$(awk '/^PPid:/ {print $2}' /proc/$child/status)
buf=$(awk '/^child/ {sub("0x", "", $5); print $5}' /tmp/cow.out)
# The buffer in the child's smaps, before the child writes to it.
grep -A 12 "^$buf-" /proc/$child/smaps | grep -E '^(Rss|Pss|Shared_|Private_)'
# Tell the child to write to every page, then look again.
kill -USR1 $child
sleep 1
grep -A 12 "^$buf-" /proc/$child/smaps | grep -E '^(Rss|Pss|Shared_|Private_)'
# And in the parent, which has not written since the fork.
grep -A 12 "^$buf-" /proc/$parent/smaps | grep -E '^(Rss|Pss|Shared_|Private_)'
kill -USR2 $child
wait
cat /tmp/cow.out
cat /tmp/cow.trace
