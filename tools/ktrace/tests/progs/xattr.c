// SPDX-License-Identifier: GPL-2.0
/*
 * Extended attributes for comparing ktrace with strace, on a file in the
 * working directory (a tmpfs in the test guest, which keeps "trusted."
 * attributes for root): values with and without a trailing NUL, read
 * with a size of 0 (the call returns the length and writes nothing, so
 * strace prints the pointer), into a buffer, and into one too small
 * (ERANGE); the names listed with a size of 0 and into a buffer, each
 * through a path, a link's path and a descriptor; an attribute that is
 * not there (ENODATA).  A kernel without tmpfs xattrs fails them all, and
 * the lines still say so as strace does.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/xattr.h>
#include <unistd.h>

#define FILE_NAME "xattr-file"

int main(void)
{
	char buf[64];
	int fd;

	unlink(FILE_NAME);
	fd = open(FILE_NAME, O_RDWR | O_CREAT | O_EXCL, 0600);
	if (fd < 0)
		return 1;
	/* Without tmpfs xattrs (the debug kernel) every call fails. */
	setxattr(FILE_NAME, "trusted.kt", "hello", 5, XATTR_CREATE);
	fsetxattr(fd, "trusted.nul", "v1", 3, 0);

	/* Bytes the calls of size 0 must not be seen to write. */
	memset(buf, 'Z', sizeof(buf));
	getxattr(FILE_NAME, "trusted.kt", buf, 0);
	getxattr(FILE_NAME, "trusted.kt", NULL, 0);
	getxattr(FILE_NAME, "trusted.kt", buf, sizeof(buf));
	getxattr(FILE_NAME, "trusted.kt", buf, 2);
	lgetxattr(FILE_NAME, "trusted.nul", buf, 0);
	lgetxattr(FILE_NAME, "trusted.nul", buf, sizeof(buf));
	fgetxattr(fd, "trusted.nul", buf, sizeof(buf));
	fgetxattr(fd, "trusted.none", buf, sizeof(buf));

	memset(buf, 'Z', sizeof(buf));
	listxattr(FILE_NAME, buf, 0);
	listxattr(FILE_NAME, NULL, 0);
	listxattr(FILE_NAME, buf, sizeof(buf));
	llistxattr(FILE_NAME, buf, 4);
	flistxattr(fd, buf, sizeof(buf));

	removexattr(FILE_NAME, "trusted.kt");
	fremovexattr(fd, "trusted.nul");
	close(fd);
	unlink(FILE_NAME);
	return 0;
}
