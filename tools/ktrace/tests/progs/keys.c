// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's key management calls, for comparing ktrace with strace: a
 * session keyring joined and its id asked; a user key added, described,
 * read, updated, given permissions, searched for, given a timeout, linked
 * and unlinked, given owners of -1, revoked and read again (refused); a
 * key requested that does not exist; an unknown key invalidated; an
 * unknown command.  The keys' serial numbers are random: the comparison
 * masks them.
 */
#define _GNU_SOURCE
#include <linux/keyctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	char buf[256];
	long k;

	syscall(SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, "ktring");
	syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0);
	k = syscall(SYS_add_key, "user", "ktkey", "payload", 7,
		    KEY_SPEC_SESSION_KEYRING);
	syscall(SYS_keyctl, KEYCTL_DESCRIBE, k, buf, sizeof(buf));
	syscall(SYS_keyctl, KEYCTL_READ, k, buf, sizeof(buf));
	syscall(SYS_keyctl, KEYCTL_UPDATE, k, "newload", 7);
	syscall(SYS_keyctl, KEYCTL_SETPERM, k, 0x3f010000);
	syscall(SYS_keyctl, KEYCTL_SEARCH, KEY_SPEC_SESSION_KEYRING, "user",
		"ktkey", 0);
	syscall(SYS_keyctl, KEYCTL_SET_TIMEOUT, k, 100);
	syscall(SYS_keyctl, KEYCTL_LINK, k, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_keyctl, KEYCTL_UNLINK, k, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_keyctl, KEYCTL_CHOWN, k, -1, -1);
	syscall(SYS_request_key, "user", "nokey", NULL, 0);
	syscall(SYS_keyctl, KEYCTL_REVOKE, k);
	syscall(SYS_keyctl, KEYCTL_READ, k, buf, sizeof(buf));
	syscall(SYS_keyctl, KEYCTL_INVALIDATE, 12345);
	syscall(SYS_keyctl, 99, 1, 2, 3, 4);
	return 0;
}
