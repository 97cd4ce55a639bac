# Lab 15: production scenario, a process hanging on I/O.  Type these in the VM.
mkfifo /tmp/fifo
# A writer that never writes, and a reader traced with -T.
sleep 600 >/tmp/fifo &
ktrace -T -o /tmp/hang.trace cat /tmp/fifo >/tmp/hang.out &
sleep 2
pid=$(pidof cat)
# Which state is it in, where in the kernel does it wait, in which call?
ps -o pid,stat,comm | awk 'NR == 1 || $3 == "cat"'
cat /proc/$pid/wchan; echo
cat /proc/$pid/syscall
ls -l /proc/$pid/fd/3
# Or ask ktrace: every thread blocked in one syscall for over a second.
ktrace hung --min 1000
# Give it data: the read returns, and it waits again.
echo hello >/tmp/fifo
sleep 1
cat /tmp/hang.out
# The read returned and cat blocks again: its time starts again from there.
ktrace hung --min 500 -p $pid
# End the writer: the read returns 0, end of file, and cat exits.
kill $(pidof sleep)
wait
grep -E '^(openat|read)' /tmp/hang.trace
