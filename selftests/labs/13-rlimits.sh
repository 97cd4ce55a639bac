# Lab 13: resource limits.  Type these in the VM of "make run".
ulimit -n
grep -E 'Limit|open files|processes' /proc/self/limits
# A shell with a limit of 16 open files runs fdhog, traced.
ktrace -o /tmp/fd.trace -e trace=prlimit64,setrlimit,openat sh -c 'ulimit -n 16; exec fdhog'
grep -E 'prlimit64|setrlimit' /tmp/fd.trace
tail -n 4 /tmp/fd.trace
grep -c 'openat(AT_FDCWD, "/dev/null"' /tmp/fd.trace
# The limit is inherited by children, and lowering it is for good.
sh -c 'ulimit -n 16; sh -c "grep \"open files\" /proc/self/limits"'
sh -c 'ulimit -n 16; ulimit -n 64'; echo "exit status: $?"
# As nobody, the raise fails: see the call that failed, and why.
ktrace -u nobody -o /tmp/nobody.trace -e trace=prlimit64 sh -c 'ulimit -n 16; ulimit -n 64'; echo "exit status: $?"
grep RLIMIT_NOFILE /tmp/nobody.trace
