// SPDX-License-Identifier: GPL-2.0
/* A pipe round trip for comparing ktrace with strace. */
#include <string.h>
#include <unistd.h>

int main(void)
{
	char buf[16];
	int p[2];

	if (pipe(p))
		return 1;
	if (write(p[1], "ping\n", 5) != 5)
		return 1;
	if (read(p[0], buf, sizeof(buf)) != 5)
		return 1;
	close(p[0]);
	close(p[1]);
	return memcmp(buf, "ping\n", 5) != 0;
}
