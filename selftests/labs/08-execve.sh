# Lab 08: execve() and the ELF loader.  Type these in the VM of "make run".
# The same program, linked static (hello) and dynamic (hello-dyn).
hello
hello-dyn
# The ELF header: the magic, 64-bit (02), and the type at byte 16 (02 EXEC, 03 DYN).
hexdump -C -n 32 /opt/ktrace/labs/hello
hexdump -C -n 32 /opt/ktrace/labs/hello-dyn
# The loader a dynamic program asks the kernel for (its PT_INTERP).
strings /opt/ktrace/labs/hello-dyn | grep ld-linux
# A static program: after execve, straight to its own start-up code.
ktrace -e trace=execve,openat,mmap,read,close hello >/dev/null
# A dynamic one: the loader finds, reads and maps the C library first.
ktrace -e trace=execve,openat,mmap,read,close hello-dyn >/dev/null
# How many calls each makes in all.
ktrace -c hello 2>&1 >/dev/null | tail -n 1
ktrace -c hello-dyn 2>&1 >/dev/null | tail -n 1
# The loader and the library in the running program's memory map.
hello-dyn wait >/dev/null &
sleep 1
grep -E 'ld-linux|libc' /proc/$!/maps | awk '{print $2, $6}'
kill $!
