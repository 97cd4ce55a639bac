# Lab 03: strace basics with ktrace.  Type these in the VM of "make run".
mkdir -p /tmp/lab3 && touch /tmp/lab3/a /tmp/lab3/b
# Trace a command: the trace goes to standard error.
ktrace ls /tmp/lab3
# Save it to a file, then search it.
ktrace -o /tmp/ls.trace ls /tmp/lab3
grep open /tmp/ls.trace
grep -c open /tmp/ls.trace
grep ' = -1 ' /tmp/ls.trace
# Attach to a running process, and detach when it ends.
sleep 3 &
ktrace -p $! -o /tmp/attach.trace
cat /tmp/attach.trace
