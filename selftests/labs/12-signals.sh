# Lab 12: signals.  Type these in the VM of "make run".
ktrace -o /tmp/sig.trace sigdemo &
sleep 2
pid=$(pidof sigdemo)
grep -E '^(SigQ|SigPnd|ShdPnd|SigBlk|SigIgn|SigCgt)' /proc/$pid/status
# SIGUSR2 is blocked: it stays pending.  SIGINT is ignored: it is dropped.
kill -USR2 $pid
kill -INT $pid
grep -E '^(SigQ|SigPnd|ShdPnd|SigBlk)' /proc/$pid/status
# SIGUSR1 runs the handler; the second one also unblocks SIGUSR2.
kill -USR1 $pid
sleep 1
kill -USR1 $pid
wait
grep -E 'SIG|rt_sig|pause|killed' /tmp/sig.trace
