# Lab 06: debugging a slow service.  Type these in the VM of "make run".
time slowsvc
# Trace every process, one file each, with the time spent in each call
# (the files of an earlier run removed first: -ff adds one per pid).
rm -f /tmp/service.trace.*
ktrace -T -ff -o /tmp/service.trace slowsvc
ls /tmp/service.trace.*
# Repeated work: which files are opened, how often.
grep -h openat /tmp/service.trace.* | awk -F'"' '{print $2}' | sort | uniq -c | sort -rn
grep -c openat /tmp/service.trace.*
# The slowest calls, with the file (the process) each is in.
grep -H '<' /tmp/service.trace.* | sed 's/.*<\([0-9.]*\)>$/\1 &/' | sort -rn | head -n 3
# The same without wait4: a parent waiting for a child is not the cause.
grep -H '<' /tmp/service.trace.* | grep -v wait4 | sed 's/.*<\([0-9.]*\)>$/\1 &/' | sort -rn | head -n 1
# Which process is it, and what did its parent start it as?
grep -h '^clone' /tmp/service.trace.*
