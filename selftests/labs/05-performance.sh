# Lab 05: performance analysis.  Type these in the VM of "make run".
# One summary line per system call: time, calls, errors.
ktrace -c smallwrites
# Only the writes, sorted by number of calls.
ktrace -c -S calls -e trace=write,writev smallwrites
# -C prints the trace and the summary; here only the last lines.
ktrace -C -e trace=writev smallwrites 2>&1 | tail -n 6
# The errors column: calls that failed.
ktrace -f -c -e trace=openat,access sh -c 'cat /nonexistent; test -r /etc/passwd' 2>&1 | grep -v '^cat:'
