// SPDX-License-Identifier: GPL-2.0
/*
 * The RTC's ioctls, for comparing ktrace with strace (hwclock makes the
 * first): the time read; a time refused (month 12 does not exist), which
 * strace prints as given; the alarm and the wake alarm read; the periodic
 * rate read; the epoch and the voltage asked (drivers that keep neither
 * refuse); update interrupts on and off; the periodic and alarm
 * interrupts off.  Nothing is set.  Exits 77 when there is no RTC.
 */
#include <fcntl.h>
#include <linux/rtc.h>
#include <sys/ioctl.h>
#include <unistd.h>

int main(void)
{
	struct rtc_time bad = {
		.tm_sec = 5, .tm_min = 4, .tm_hour = 3, .tm_mday = 2,
		.tm_mon = 12, .tm_year = 126,
	};
	struct rtc_time tm;
	struct rtc_wkalrm wk;
	unsigned long ul;
	unsigned int vl;
	int fd = open("/dev/rtc0", O_RDONLY);

	if (fd < 0)
		return 77;
	ioctl(fd, RTC_RD_TIME, &tm);
	ioctl(fd, RTC_SET_TIME, &bad);
	ioctl(fd, RTC_ALM_READ, &tm);
	ioctl(fd, RTC_WKALM_RD, &wk);
	ioctl(fd, RTC_IRQP_READ, &ul);
	ioctl(fd, RTC_EPOCH_READ, &ul);
	ioctl(fd, RTC_VL_READ, &vl);
	ioctl(fd, RTC_UIE_ON, 0);
	ioctl(fd, RTC_UIE_OFF, 0);
	ioctl(fd, RTC_PIE_OFF, 0);
	ioctl(fd, RTC_AIE_OFF, 0);
	close(fd);
	return 0;
}
