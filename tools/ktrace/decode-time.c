// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): decoders of the time syscalls: nanosleep, clock_nanosleep,
 * clock_gettime and clock_getres, gettimeofday, time, alarm, setitimer
 * and getitimer, the POSIX timers (timer_create, timer_settime, ...); and
 * the timespec and timeval helpers the other decoders use.
 */
#include <string.h>
#include <time.h>

#include "decoders.h"

/* i386 plain calls take 32-bit times; its *time64 calls, 64-bit. */
static unsigned int time_size(const struct kt_dec *d)
{
	size_t n = strlen(d->name);

	if (n > 6 && !strcmp(d->name + n - 6, "time64"))
		return 8;
	return kt_long_size(d);
}

bool kt_read_time_pair(struct kt_dec *d, int i, size_t off, int64_t v[2])
{
	unsigned int ts = time_size(d);
	int32_t v32[2];

	if (ts == 8)
		return kt_blob_read(d, i, off, v, 16);
	if (!kt_blob_read(d, i, off, v32, 8))
		return false;
	v[0] = v32[0];
	v[1] = v32[1];
	return true;
}

/* Two pairs one after the other: utimes', utimensat's, an itimerval's. */
bool kt_read_time_pairs(struct kt_dec *d, int i, int64_t v[2][2])
{
	return kt_read_time_pair(d, i, 0, v[0]) &&
	       kt_read_time_pair(d, i, 2 * time_size(d), v[1]);
}

void kt_format_timespec_at(struct kt_dec *d, int i, size_t off)
{
	int64_t v[2];

	if (!kt_read_time_pair(d, i, off, v)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_printf(d->b, "{tv_sec=%lld, tv_nsec=%lld}", (long long)v[0],
		      (long long)v[1]);
}

/* {tv_sec=1, tv_nsec=0}, NULL, or the pointer */
void kt_a_timespec(struct kt_dec *d, int i)
{
	kt_sep(d);
	kt_format_timespec_at(d, i, 0);
}

void kt_a_timeval(struct kt_dec *d, int i)
{
	int64_t v[2];

	kt_sep(d);
	if (!kt_read_time_pair(d, i, 0, v)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_printf(d->b, "{tv_sec=%lld, tv_usec=%lld}", (long long)v[0],
		      (long long)v[1]);
}

static const struct kt_xlat clocks[] = {
	{ 0, "CLOCK_REALTIME" }, { 1, "CLOCK_MONOTONIC" },
	{ 2, "CLOCK_PROCESS_CPUTIME_ID" }, { 3, "CLOCK_THREAD_CPUTIME_ID" },
	{ 4, "CLOCK_MONOTONIC_RAW" }, { 5, "CLOCK_REALTIME_COARSE" },
	{ 6, "CLOCK_MONOTONIC_COARSE" }, { 7, "CLOCK_BOOTTIME" },
	{ 8, "CLOCK_REALTIME_ALARM" }, { 9, "CLOCK_BOOTTIME_ALARM" },
	{ 11, "CLOCK_TAI" },
	KT_XEND
};

/*
 * A clock by name, 0x63 /+ CLOCK_??? +/ for one unknown: strace 6.1 as
 * Debian builds it (without CLOCKID_TO_FD) prints a CPU clock's negative
 * id that way too, 0xfffffffa /+ CLOCK_??? +/.
 */
void kt_a_clock(struct kt_dec *d, int i)
{
	kt_sep(d);
	kt_format_xval(d->b, clocks, (uint32_t)kt_arg(d, i), "CLOCK_???");
}

/*
 * The time left, which the kernel writes when a signal interrupts the
 * sleep: strace prints it when the call is to be restarted (ERESTART*,
 * which a tracer sees before the signal's handler makes it EINTR), the
 * address otherwise.  The module copies it then (ABI 1.14).
 */
static void remaining(struct kt_dec *d, int i)
{
	int64_t r = d->sc->ret;

	if ((r == -512 || r == -513 || r == -514 || r == -516) &&
	    kt_blob_usable(d, i, 8))
		kt_a_timespec(d, i);
	else
		kt_a_ptr(d, i);
}

static void dec_nanosleep(struct kt_dec *d)
{
	kt_a_timespec(d, 0);
	if (kt_entry_only(d, true))
		return;
	remaining(d, 1);
}

static const struct kt_xlat timer_flags[] = {
	{ 1, "TIMER_ABSTIME" }, KT_XEND
};

static void dec_clock_nanosleep(struct kt_dec *d)
{
	kt_a_clock(d, 0);
	kt_a_flags(d, 1, timer_flags, "TIMER_???");
	kt_a_timespec(d, 2);
	if (kt_entry_only(d, true))
		return;
	remaining(d, 3);
}

static void dec_clock_gettime(struct kt_dec *d)
{
	kt_a_clock(d, 0);
	if (kt_entry_only(d, true))
		return;
	if (kt_exiting_ok(d))
		kt_a_timespec(d, 1);
	else
		kt_a_ptr(d, 1);
}

static void dec_clock_settime(struct kt_dec *d)
{
	kt_a_clock(d, 0);
	kt_a_timespec(d, 1);
}

static void dec_gettimeofday(struct kt_dec *d)
{
	if (kt_entry_only(d, false))
		return;
	if (kt_exiting_ok(d))
		kt_a_timeval(d, 0);
	else
		kt_a_ptr(d, 0);
	kt_a_ptr(d, 1);
}

/* settimeofday({tv_sec=0, tv_usec=0}, {tz_minuteswest=0, tz_dsttime=0}) */
static void dec_settimeofday(struct kt_dec *d)
{
	int32_t tz[2];

	kt_a_timeval(d, 0);
	kt_sep(d);
	if (kt_blob_read(d, 1, 0, tz, sizeof(tz)))
		kt_buf_printf(d->b, "{tz_minuteswest=%d, tz_dsttime=%d}",
			      tz[0], tz[1]);
	else
		kt_format_ptr(d->b, kt_arg(d, 1));
}

static void dec_time(struct kt_dec *d)
{
	int64_t t;

	if (kt_entry_only(d, false))
		return;
	kt_sep(d);
	if (kt_exiting_ok(d) && kt_blob_read(d, 0, 0, &t, kt_long_size(d)))
		kt_buf_printf(d->b, "[%lld]", kt_long_size(d) == 8 ?
			      (long long)t : (long long)(int32_t)t);
	else
		kt_format_ptr(d->b, kt_arg(d, 0));
}

static const struct kt_xlat itimers[] = {
	{ 0, "ITIMER_REAL" }, { 1, "ITIMER_VIRTUAL" }, { 2, "ITIMER_PROF" },
	KT_XEND
};

/*
 * A struct itimerval (@unit "usec") or itimerspec ("nsec"):
 * {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=1, tv_usec=0}},
 * NULL, or the pointer (not captured: an old value the call did not
 * write, since it failed).
 */
static void a_itimer(struct kt_dec *d, int i, const char *unit)
{
	int64_t v[2][2];

	kt_sep(d);
	if (!kt_read_time_pairs(d, i, v)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_printf(d->b,
		      "{it_interval={tv_sec=%lld, tv_%s=%lld}, it_value={tv_sec=%lld, tv_%s=%lld}}",
		      (long long)v[0][0], unit, (long long)v[0][1],
		      (long long)v[1][0], unit, (long long)v[1][1]);
}

/* setitimer(ITIMER_REAL, {...}, NULL) = 0: the old value at the exit */
static void dec_setitimer(struct kt_dec *d)
{
	kt_a_xval(d, 0, itimers, "ITIMER_???");
	a_itimer(d, 1, "usec");
	if (kt_entry_only(d, true))
		return;
	a_itimer(d, 2, "usec");
}

static void dec_getitimer(struct kt_dec *d)
{
	kt_a_xval(d, 0, itimers, "ITIMER_???");
	if (kt_entry_only(d, true))
		return;
	if (kt_failed(d))
		kt_a_ptr(d, 1);
	else
		a_itimer(d, 1, "usec");
}

static void dec_alarm(struct kt_dec *d)
{
	kt_a_uint(d, 0);
}

static const struct kt_xlat sigev_notify[] = {
	{ 0, "SIGEV_SIGNAL" }, { 1, "SIGEV_NONE" }, { 2, "SIGEV_THREAD" },
	{ 4, "SIGEV_THREAD_ID" }, KT_XEND
};

/*
 * A struct sigevent as strace prints it: its value only when the pointer
 * is set, the signal, how to notify and what that needs.
 */
void kt_a_sigevent(struct kt_dec *d, int i)
{
	const struct kt_blob *blob = kt_blob_at(d, i);
	unsigned int ls = kt_long_size(d);
	const uint8_t *p;
	uint64_t value = 0, fn = 0, attr = 0;
	int32_t signo, notify, tid;

	kt_sep(d);
	if (!kt_blob_usable(d, i, 64)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	p = blob->data;
	memcpy(&value, p, ls);
	memcpy(&signo, p + ls, 4);
	memcpy(&notify, p + ls + 4, 4);
	memcpy(&tid, p + ls + 8, 4);
	memcpy(&fn, p + ls + 8, ls);
	memcpy(&attr, p + 2 * ls + 8, ls);
	kt_buf_putc(d->b, '{');
	if (value) {
		kt_buf_printf(d->b, "sigev_value={sival_int=%d, sival_ptr=",
			      (int32_t)value);
		kt_format_ptr(d->b, value);
		kt_buf_puts(d->b, "}, ");
	}
	kt_buf_puts(d->b, "sigev_signo=");
	if (notify == 0 || notify == 2 || notify == 4)
		kt_format_signal(d->b, signo);
	else
		kt_buf_printf(d->b, "%u", (uint32_t)signo);
	kt_buf_puts(d->b, ", sigev_notify=");
	kt_format_xval(d->b, sigev_notify, (uint32_t)notify, "SIGEV_???");
	if (notify == 4) {
		kt_buf_printf(d->b, ", sigev_notify_thread_id=%d", tid);
	} else if (notify == 2) {
		kt_buf_puts(d->b, ", sigev_notify_function=");
		kt_format_ptr(d->b, fn);
		kt_buf_puts(d->b, ", sigev_notify_attributes=");
		kt_format_ptr(d->b, attr);
	}
	kt_buf_putc(d->b, '}');
}

/* timer_create(CLOCK_REALTIME, {...}, [0]): the timer's id at the exit */
static void dec_timer_create(struct kt_dec *d)
{
	kt_a_clock(d, 0);
	kt_a_sigevent(d, 1);
	if (kt_entry_only(d, true))
		return;
	kt_a_int_ptr(d, 2);
}

/* timer_settime(0, 0, {...}, NULL): the old value at the exit */
static void dec_timer_settime(struct kt_dec *d)
{
	kt_a_int(d, 0);
	kt_a_flags(d, 1, timer_flags, "TIMER_???");
	a_itimer(d, 2, "nsec");
	if (kt_entry_only(d, true))
		return;
	a_itimer(d, 3, "nsec");
}

static void dec_timer_gettime(struct kt_dec *d)
{
	kt_a_int(d, 0);
	if (kt_entry_only(d, true))
		return;
	a_itimer(d, 1, "nsec");
}

static void dec_timer_id(struct kt_dec *d)
{
	kt_a_int(d, 0);
}

/* strace's one table for timerfd_create's and timerfd_settime's flags */
static const struct kt_xlat tfd_flags[] = {
	{ 1, "TFD_TIMER_ABSTIME" }, { 2, "TFD_TIMER_CANCEL_ON_SET" },
	{ 02000000, "TFD_CLOEXEC" }, { 04000, "TFD_NONBLOCK" }, KT_XEND
};

static void dec_timerfd_create(struct kt_dec *d)
{
	kt_a_clock(d, 0);
	kt_a_flags(d, 1, tfd_flags, "TFD_???");
}

/* timerfd_settime(3, 0, {...}, NULL): the old value at the exit */
static void dec_timerfd_settime(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_flags(d, 1, tfd_flags, "TFD_???");
	a_itimer(d, 2, "nsec");
	if (kt_entry_only(d, true))
		return;
	a_itimer(d, 3, "nsec");
}

static void dec_timerfd_gettime(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	if (kt_entry_only(d, true))
		return;
	a_itimer(d, 1, "nsec");
}

/* The RTC's ioctls (<linux/rtc.h>), as strace prints them. */
static void rtc_time(struct kt_buf *b, const uint8_t *p, bool abbrev)
{
	int32_t tm[9];

	memcpy(tm, p, sizeof(tm));
	kt_buf_printf(b, "{tm_sec=%d, tm_min=%d, tm_hour=%d, tm_mday=%d, tm_mon=%d, tm_year=%d",
		      tm[0], tm[1], tm[2], tm[3], tm[4], tm[5]);
	if (abbrev)
		kt_buf_puts(b, ", ...}");
	else
		kt_buf_printf(b, ", tm_wday=%d, tm_yday=%d, tm_isdst=%d}",
			      tm[6], tm[7], tm[8]);
}

static const struct kt_xlat rtc_vl_flags[] = {
	{ 0x1, "RTC_VL_DATA_INVALID" }, { 0x2, "RTC_VL_BACKUP_LOW" },
	{ 0x4, "RTC_VL_BACKUP_EMPTY" }, { 0x8, "RTC_VL_ACCURACY_LOW" },
	{ 0x10, "RTC_VL_BACKUP_SWITCH" }, KT_XEND
};

/* struct rtc_pll_info: six ints and a long */
static void rtc_pll(struct kt_dec *d, const uint8_t *p)
{
	static const char *const names[] = {
		"pll_ctrl", "pll_value", "pll_max", "pll_min", "pll_posmult",
		"pll_negmult",
	};
	int64_t clock;
	int32_t v;
	size_t i;

	kt_buf_putc(d->b, '{');
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		memcpy(&v, p + 4 * i, 4);
		kt_buf_printf(d->b, "%s=%d, ", names[i], v);
	}
	if (d->sc->abi == KTRACE_CLI_ABI_X86_64) {
		memcpy(&clock, p + 24, 8);
	} else {
		memcpy(&v, p + 24, 4);
		clock = v;
	}
	kt_buf_printf(d->b, "pll_clock=%lld}", (long long)clock);
}

bool kt_rtc_ioctl(struct kt_dec *d, uint32_t cmd)
{
	bool l64 = d->sc->abi == KTRACE_CLI_ABI_X86_64;
	bool out = cmd >> 30 == 2;	/* _IOC_READ alone: at the exit */
	const uint8_t *p = NULL;
	uint64_t ul;
	uint32_t u;
	size_t size = (cmd >> 16) & 0x3fff;

	switch (cmd & 0xc000ffff) {
	case 0x7001: case 0x7002: case 0x7003: case 0x7004: case 0x7005:
	case 0x7006: case 0x700f: case 0x7010: case 0x7014:
		/* RTC_{AIE,UIE,PIE,WIE}_{ON,OFF}, RTC_VL_CLR: no argument */
		return size == 0 && cmd >> 30 == 0;
	case 0x4000700c: case 0x4000700e:	/* RTC_IRQP_SET, RTC_EPOCH_SET */
		if (size != (l64 ? 8 : 4))
			return false;
		kt_sep(d);
		kt_buf_printf(d->b, "%llu", (unsigned long long)kt_arg(d, 2));
		return true;
	case 0x8000700b: case 0x8000700d:	/* RTC_IRQP_READ, RTC_EPOCH_READ */
	case 0x80007013:			/* RTC_VL_READ */
		if (size != ((cmd & 0xff) == 0x13 ? 4 : l64 ? 8 : 4))
			return false;
		break;
	case 0x40007007: case 0x80007008: case 0x80007009: case 0x4000700a:
		if (size != 36)		/* struct rtc_time */
			return false;
		break;
	case 0x4000700f: case 0x80007010:	/* struct rtc_wkalrm */
		if (size != 40)
			return false;
		break;
	case 0x80007011: case 0x40007012:	/* struct rtc_pll_info */
		if (size != (l64 ? 32 : 28))
			return false;
		break;
	default:
		return false;
	}
	if (out && kt_entry_only(d, false))
		return true;
	if (kt_arg(d, 2))
		p = kt_ioctl_arg(d, size, out);
	if (!p) {
		kt_a_ptr(d, 2);
		return true;
	}
	kt_sep(d);
	switch (cmd & 0xff) {
	case 0x0b: case 0x0d:
		if (l64) {
			memcpy(&ul, p, 8);
		} else {
			memcpy(&u, p, 4);
			ul = u;
		}
		kt_buf_printf(d->b, "[%llu]", (unsigned long long)ul);
		break;
	case 0x13:
		memcpy(&u, p, 4);
		kt_buf_putc(d->b, '[');
		kt_format_flags(d->b, rtc_vl_flags, u, "RTC_VL_???");
		kt_buf_putc(d->b, ']');
		break;
	case 0x0f: case 0x10:
		kt_buf_printf(d->b, "{enabled=%u, pending=%u, time=", p[0], p[1]);
		rtc_time(d->b, p + 4, kt_abbrev(d->sc));
		kt_buf_putc(d->b, '}');
		break;
	case 0x11: case 0x12:
		rtc_pll(d, p);
		break;
	default:
		rtc_time(d->b, p, kt_abbrev(d->sc));
	}
	return true;
}

static const struct kt_xlat adjtimex_modes[] = {
	{ 0xa001, "ADJ_OFFSET_SS_READ" }, { 0x8001, "ADJ_OFFSET_SINGLESHOT" },
	{ 0x0001, "ADJ_OFFSET" }, { 0x0002, "ADJ_FREQUENCY" },
	{ 0x0004, "ADJ_MAXERROR" }, { 0x0008, "ADJ_ESTERROR" },
	{ 0x0010, "ADJ_STATUS" }, { 0x0020, "ADJ_TIMECONST" },
	{ 0x0080, "ADJ_TAI" }, { 0x0100, "ADJ_SETOFFSET" },
	{ 0x1000, "ADJ_MICRO" }, { 0x2000, "ADJ_NANO" },
	{ 0x4000, "ADJ_TICK" }, KT_XEND
};

static const struct kt_xlat adjtimex_status[] = {
	{ 0x0001, "STA_PLL" }, { 0x0002, "STA_PPSFREQ" },
	{ 0x0004, "STA_PPSTIME" }, { 0x0008, "STA_FLL" },
	{ 0x0010, "STA_INS" }, { 0x0020, "STA_DEL" },
	{ 0x0040, "STA_UNSYNC" }, { 0x0080, "STA_FREQHOLD" },
	{ 0x0100, "STA_PPSSIGNAL" }, { 0x0200, "STA_PPSJITTER" },
	{ 0x0400, "STA_PPSWANDER" }, { 0x0800, "STA_PPSERROR" },
	{ 0x1000, "STA_CLOCKERR" }, { 0x2000, "STA_NANO" },
	{ 0x4000, "STA_MODE" }, { 0x8000, "STA_CLK" }, KT_XEND
};

static const struct kt_xlat adjtimex_states[] = {
	{ 0, "TIME_OK" }, { 1, "TIME_INS" }, { 2, "TIME_DEL" },
	{ 3, "TIME_OOP" }, { 4, "TIME_WAIT" }, { 5, "TIME_ERROR" }, KT_XEND
};

/*
 * struct timex's fields in order, each a long but for the ints (modes,
 * status, shift, tai: padded to a long) and time, a struct timeval
 */
enum timex_kind { TX_LONG, TX_INT, TX_MODES, TX_STATUS, TX_TIME };

static const struct {
	const char *name;
	enum timex_kind kind;
} timex_fields[] = {
	{ "modes", TX_MODES }, { "offset", TX_LONG }, { "freq", TX_LONG },
	{ "maxerror", TX_LONG }, { "esterror", TX_LONG },
	{ "status", TX_STATUS }, { "constant", TX_LONG },
	{ "precision", TX_LONG }, { "tolerance", TX_LONG },
	{ "time", TX_TIME }, { "tick", TX_LONG }, { "ppsfreq", TX_LONG },
	{ "jitter", TX_LONG }, { "shift", TX_INT }, { "stabil", TX_LONG },
	{ "jitcnt", TX_LONG }, { "calcnt", TX_LONG }, { "errcnt", TX_LONG },
	{ "stbcnt", TX_LONG }, { "tai", TX_INT },
};

/* A signed long of @ls bytes at @off */
static int64_t timex_long(const uint8_t *p, size_t off, unsigned int ls)
{
	return ls == 4 ? (int32_t)kt_field(p, off, 4) :
			 (int64_t)kt_field(p, off, 8);
}

/*
 * The struct timex that adjtimex() and clock_adjtime() return, as strace
 * prints it at their exit: x86_64's and clock_adjtime64's of longs of 8
 * bytes, ia32's of 4 (208 and 128 bytes); its address after an error.
 */
static void a_timex(struct kt_dec *d, int i)
{
	unsigned int ls = strcmp(d->name, "clock_adjtime64") ?
			  kt_long_size(d) : 8;
	const uint8_t *p;
	unsigned int k;
	size_t off = 0;

	kt_sep(d);
	if (!kt_exiting_ok(d) || !kt_blob_usable(d, i, 21 * ls)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	p = kt_blob_at(d, i)->data;
	for (k = 0; k < ARRAY_SIZE(timex_fields); k++, off += ls) {
		kt_buf_printf(d->b, "%s%s=", k ? ", " : "{",
			      timex_fields[k].name);
		switch (timex_fields[k].kind) {
		case TX_LONG:
			kt_buf_dec(d->b, timex_long(p, off, ls));
			break;
		case TX_INT:
			kt_buf_dec(d->b, (int32_t)kt_field(p, off, 4));
			break;
		case TX_MODES:
			kt_format_flags(d->b, adjtimex_modes,
					kt_field(p, off, 4), "ADJ_???");
			break;
		case TX_STATUS:
			kt_format_flags(d->b, adjtimex_status,
					kt_field(p, off, 4), "STA_???");
			break;
		case TX_TIME:
			kt_buf_puts(d->b, "{tv_sec=");
			kt_buf_dec(d->b, timex_long(p, off, ls));
			off += ls;
			kt_buf_puts(d->b, ", tv_usec=");
			kt_buf_udec(d->b, kt_field(p, off, ls));
			kt_buf_putc(d->b, '}');
			break;
		}
	}
	kt_buf_putc(d->b, '}');
}

/* adjtimex({modes=0, ...}) = 5 (TIME_ERROR), all of it at the exit */
static void dec_adjtimex(struct kt_dec *d)
{
	if (kt_entry_only(d, false))
		return;
	a_timex(d, 0);
}

static void dec_clock_adjtime(struct kt_dec *d)
{
	kt_a_clock(d, 0);
	if (kt_entry_only(d, true))
		return;
	a_timex(d, 1);
}

/* The clock's state by name: 0 (TIME_OK) */
static void ret_adjtimex(struct kt_dec *d)
{
	const char *name = kt_xlat_find(adjtimex_states,
					(uint64_t)d->sc->ret);

	kt_format_retval(d, KT_RV_DEC);
	if (name)
		kt_buf_printf(d->b, " (%s)", name);
}

static const struct kt_decoder decoders[] = {
	{ "nanosleep", dec_nanosleep, KT_RV_DEC, NULL },
	{ "adjtimex", dec_adjtimex, KT_RV_DEC, ret_adjtimex },
	{ "clock_adjtime", dec_clock_adjtime, KT_RV_DEC, ret_adjtimex },
	{ "clock_adjtime64", dec_clock_adjtime, KT_RV_DEC, ret_adjtimex },
	{ "clock_nanosleep", dec_clock_nanosleep, KT_RV_DEC, NULL },
	{ "clock_nanosleep_time64", dec_clock_nanosleep, KT_RV_DEC, NULL },
	{ "clock_gettime", dec_clock_gettime, KT_RV_DEC, NULL },
	{ "clock_gettime64", dec_clock_gettime, KT_RV_DEC, NULL },
	{ "clock_getres", dec_clock_gettime, KT_RV_DEC, NULL },
	{ "clock_getres_time64", dec_clock_gettime, KT_RV_DEC, NULL },
	{ "clock_settime", dec_clock_settime, KT_RV_DEC, NULL },
	{ "clock_settime64", dec_clock_settime, KT_RV_DEC, NULL },
	{ "gettimeofday", dec_gettimeofday, KT_RV_DEC, NULL },
	{ "settimeofday", dec_settimeofday, KT_RV_DEC, NULL },
	{ "time", dec_time, KT_RV_DEC, NULL },
	{ "alarm", dec_alarm, KT_RV_DEC, NULL },
	{ "setitimer", dec_setitimer, KT_RV_DEC, NULL },
	{ "getitimer", dec_getitimer, KT_RV_DEC, NULL },
	{ "timer_create", dec_timer_create, KT_RV_DEC, NULL },
	{ "timer_settime", dec_timer_settime, KT_RV_DEC, NULL },
	{ "timer_settime64", dec_timer_settime, KT_RV_DEC, NULL },
	{ "timer_gettime", dec_timer_gettime, KT_RV_DEC, NULL },
	{ "timer_gettime64", dec_timer_gettime, KT_RV_DEC, NULL },
	{ "timer_getoverrun", dec_timer_id, KT_RV_DEC, NULL },
	{ "timer_delete", dec_timer_id, KT_RV_DEC, NULL },
	{ "timerfd_create", dec_timerfd_create, KT_RV_FD, NULL },
	{ "timerfd_settime", dec_timerfd_settime, KT_RV_DEC, NULL },
	{ "timerfd_settime64", dec_timerfd_settime, KT_RV_DEC, NULL },
	{ "timerfd_gettime", dec_timerfd_gettime, KT_RV_DEC, NULL },
	{ "timerfd_gettime64", dec_timerfd_gettime, KT_RV_DEC, NULL },
};

const struct kt_decoder_table kt_time_decoders = {
	decoders, ARRAY_SIZE(decoders)
};

/*
 * " /+ 2026-11-30T10:51:20.123456789+0000 +/": a time as strace comments
 * it, in the local time zone; nothing for the epoch.
 */
/*
 * " /+ 1970-01-01T00:00:01.000002+0000 +/": @sec and its fraction @part of
 * @digits digits (none when 0), as strace's sprinttime_ex() prints them;
 * nothing for the epoch itself or a fraction out of range.
 */
static void time_comment(struct kt_buf *b, int64_t sec, uint64_t part,
			 int digits, uint64_t max)
{
	time_t t = sec;
	struct tm tm;
	char s[64], z[16];

	if ((!sec && !part) || part > max || !localtime_r(&t, &tm) ||
	    !strftime(s, sizeof(s), "%FT%T", &tm) ||
	    !strftime(z, sizeof(z), "%z", &tm))
		return;
	if (part)
		kt_buf_printf(b, " /* %s.%0*llu%s */", s, digits,
			      (unsigned long long)part, z);
	else
		kt_buf_printf(b, " /* %s%s */", s, z);
}

void kt_time_comment(struct kt_buf *b, int64_t sec, uint64_t nsec)
{
	time_comment(b, sec, nsec, 9, 999999999);
}

void kt_time_comment_usec(struct kt_buf *b, int64_t sec, uint64_t usec)
{
	time_comment(b, sec, usec, 6, 999999);
}
