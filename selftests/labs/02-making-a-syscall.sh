# Lab 02: how a system call is made.  Type these in the VM of "make run".
sysabi
# Three writes: through libc, by the syscall instruction, by int $0x80.
ktrace -e trace=write sysabi >/dev/null
# The records say which entry and which table each call came through.
ktrace --json -o /tmp/abi.json -e trace=write sysabi >/dev/null
grep -o '"nr":[0-9]*,"abi":"[a-z0-9_]*"' /tmp/abi.json
# When each call entered (ns since the trace began) and how long it took.
grep -o '"enter_ts":[0-9]*,"duration_ns":[0-9]*' /tmp/abi.json
# -T shows the same duration, -tt the time of day of each call.
ktrace -tt -T -e trace=write sysabi >/dev/null
