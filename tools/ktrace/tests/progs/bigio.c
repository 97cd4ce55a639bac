// SPDX-License-Identifier: GPL-2.0
/*
 * Large buffers for comparing ktrace with strace at a large -s: a
 * 100,000-byte write to a file, a read of it back into a larger buffer,
 * a 70,000-byte write to /dev/null and a pwrite of 131,072 bytes.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#define BIG	100000

int main(void)
{
	static char buf[BIG], back[2 * BIG], huge[131072];
	int fd, null;
	size_t i;

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = "ktrace\n\t\x01\xff"[i % 10];
	for (i = 0; i < sizeof(huge); i++)
		huge[i] = 'a' + i % 26;
	fd = open("bigio.out", O_RDWR | O_CREAT | O_TRUNC, 0600);
	null = open("/dev/null", O_WRONLY);
	if (fd < 0 || null < 0)
		return 1;
	if (write(fd, buf, sizeof(buf)) != sizeof(buf) ||
	    lseek(fd, 0, SEEK_SET) != 0 ||
	    read(fd, back, sizeof(back)) != sizeof(buf) ||
	    write(null, buf, 70000) != 70000 ||
	    pwrite(null, huge, sizeof(huge), 0) != sizeof(huge))
		return 1;
	close(null);
	close(fd);
	unlink("bigio.out");
	return 0;
}
