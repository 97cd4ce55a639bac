# Lab 01: system call numbers.  Type these in the VM of "make run".
# Name to number and back, as ausyscall does, on the x86_64 table.
ktrace syscalls write
ktrace syscalls 1
ktrace syscalls 2
ktrace syscalls 3
ktrace syscalls openat
# The same call has another number in the 32-bit (i386) table.
ktrace syscalls --abi i386 write
ktrace syscalls --abi i386 4
# How many system calls each table has.
ktrace syscalls | wc -l
ktrace syscalls --abi i386 | wc -l
# The numbers a running program really used: JSON records carry them.
ktrace --json -o /tmp/nr.json -e trace=write,exit_group echo hello
grep -o '"syscall":"[a-z_]*","nr":[0-9]*,"abi":"[a-z0-9_]*"' /tmp/nr.json
