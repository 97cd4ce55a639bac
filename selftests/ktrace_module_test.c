// SPDX-License-Identifier: GPL-2.0
/*
 * The module's life: /dev/ktrace and /sys/kernel/debug/ktrace/ appear with
 * the module and leave with it, only privileged callers may open the
 * device, an open device pins the module, and load/unload cycles leak
 * nothing (checked with kmemleak where the kernel has it).
 *
 * The tests expect ktrace.ko to be loaded when they start and leave it
 * loaded.  KTRACE_MODULE names the .ko file to reload; the default is
 * /lib/modules/$(uname -r)/extra/ktrace.ko.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/capability.h>
#include <linux/ktrace.h>

#include "../kselftest_harness.h"

#define DEV_PATH	"/dev/ktrace"
#define DEBUGFS_DIR	"/sys/kernel/debug/ktrace"
#define KMEMLEAK	"/sys/kernel/debug/kmemleak"

static const char *module_path(void)
{
	static char path[PATH_MAX];
	struct utsname u;
	const char *env = getenv("KTRACE_MODULE");

	if (env)
		return env;
	uname(&u);
	snprintf(path, sizeof(path), "/lib/modules/%s/extra/ktrace.ko",
		 u.release);
	return path;
}

static int module_loaded(void)
{
	char line[256];
	FILE *f = fopen("/proc/modules", "r");
	int found = 0;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "ktrace ", 7))
			found = 1;
	fclose(f);
	return found;
}

static int unload(void)
{
	return syscall(__NR_delete_module, "ktrace", O_NONBLOCK);
}

static int load(void)
{
	int fd = open(module_path(), O_RDONLY | O_CLOEXEC);
	int ret;

	if (fd < 0)
		return -1;
	ret = syscall(__NR_finit_module, fd, "", 0);
	close(fd);
	return ret;
}

/* Run fn in a child with the given credentials; return its exit code. */
static int run_as_child(int (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn());
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* Exit codes of the children: 0 is the expected errno, 1 anything else. */
static int open_without_caps(void)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct data[2];
	int fd;

	memset(data, 0, sizeof(data));
	if (syscall(SYS_capset, &hdr, data))
		return 2;
	fd = open(DEV_PATH, O_RDONLY);
	return fd < 0 && errno == EPERM ? 0 : 1;
}

static int open_as_nobody(void)
{
	int fd;

	if (setgid(65534) || setuid(65534))
		return 2;
	fd = open(DEV_PATH, O_RDONLY);
	return fd < 0 && errno == EACCES ? 0 : 1;
}

FIXTURE(module) {
	int unused;
};

FIXTURE_SETUP(module)
{
	if (geteuid() != 0)
		SKIP(return, "needs root");
	if (module_loaded() != 1)
		ASSERT_EQ(0, load()) TH_LOG("cannot load %s: %s",
					    module_path(), strerror(errno));
}

FIXTURE_TEARDOWN(module)
{
	if (module_loaded() != 1)
		load();
}

TEST_F(module, device_node_is_root_only_char_device)
{
	struct stat st;

	ASSERT_EQ(0, stat(DEV_PATH, &st)) TH_LOG("%s: %s", DEV_PATH,
						 strerror(errno));
	EXPECT_TRUE(S_ISCHR(st.st_mode));
	EXPECT_EQ(0600, st.st_mode & 07777);
	EXPECT_EQ(0, st.st_uid);
	EXPECT_EQ(0, st.st_gid);
}

TEST_F(module, debugfs_dir_present)
{
	struct stat st;
	char buf[128] = "";
	int fd;

	ASSERT_EQ(0, stat(DEBUGFS_DIR, &st));
	EXPECT_TRUE(S_ISDIR(st.st_mode));
	fd = open(DEBUGFS_DIR "/version", O_RDONLY);
	ASSERT_LE(0, fd);
	EXPECT_LT(0, read(fd, buf, sizeof(buf) - 1));
	EXPECT_NE(NULL, strstr(buf, "abi 1."));
	close(fd);
}

TEST_F(module, version_ioctl)
{
	struct ktrace_version v;
	int fd = open(DEV_PATH, O_RDONLY);

	ASSERT_LE(0, fd);
	memset(&v, 0xff, sizeof(v));
	ASSERT_EQ(0, ioctl(fd, KTRACE_IOC_VERSION, &v));
	EXPECT_EQ(KTRACE_ABI_MAJOR, v.abi_major);
	EXPECT_EQ(KTRACE_ABI_MINOR, v.abi_minor);
	EXPECT_NE(NULL, memchr(v.release, '\0', sizeof(v.release)));
	EXPECT_EQ(-1, ioctl(fd, _IO(KTRACE_IOC_MAGIC, 0xff)));
	EXPECT_EQ(ENOTTY, errno);
	EXPECT_EQ(-1, ioctl(fd, KTRACE_IOC_VERSION, (void *)8));
	EXPECT_EQ(EFAULT, errno);
	close(fd);
}

TEST_F(module, open_without_caps_eperm)
{
	EXPECT_EQ(0, run_as_child(open_without_caps));
}

TEST_F(module, open_as_nobody_eacces)
{
	EXPECT_EQ(0, run_as_child(open_as_nobody));
}

TEST_F(module, open_device_pins_module)
{
	int fd = open(DEV_PATH, O_RDONLY);

	ASSERT_LE(0, fd);
	EXPECT_EQ(-1, unload());
	EXPECT_EQ(EWOULDBLOCK, errno);
	EXPECT_EQ(1, module_loaded());
	close(fd);
}

TEST_F(module, unload_removes_device_and_debugfs)
{
	struct stat st;

	ASSERT_EQ(0, unload()) TH_LOG("delete_module: %s", strerror(errno));
	EXPECT_EQ(0, module_loaded());
	EXPECT_EQ(-1, stat(DEV_PATH, &st));
	EXPECT_EQ(-1, stat(DEBUGFS_DIR, &st));
	ASSERT_EQ(0, load()) TH_LOG("finit_module: %s", strerror(errno));
	EXPECT_EQ(0, stat(DEV_PATH, &st));
	EXPECT_EQ(0, stat(DEBUGFS_DIR, &st));
}

static int kmemleak_report(char *buf, size_t len)
{
	ssize_t n;
	int fd = open(KMEMLEAK, O_RDWR);

	if (fd < 0)
		return -1;
	if (write(fd, "scan", 4) != 4) {
		close(fd);
		return -1;
	}
	lseek(fd, 0, SEEK_SET);
	n = read(fd, buf, len - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return n > 0 ? n : 0;
}

/*
 * Leave out the reports that are not ours: the caches ACPI makes in early
 * boot, which kmemleak suspects only well after boot, so that no "clear"
 * at the start of a run hides them.
 */
static void drop_boot_reports(char *report)
{
	char *p = report, *next, *out = report;
	size_t len;

	while (*p) {
		next = strstr(p + 1, "unreferenced object");
		len = next ? (size_t)(next - p) : strlen(p);
		if (!memmem(p, len, "acpi_early_init", 15)) {
			memmove(out, p, len);
			out += len;
		}
		p += len;
	}
	*out = '\0';
}

TEST_F_TIMEOUT(module, reload_cycles_leak_nothing, 120)
{
	static char report[65536];
	int i, fd;

	fd = open(KMEMLEAK, O_WRONLY);
	if (fd < 0)
		SKIP(return, "kmemleak is not available on this kernel");
	ASSERT_EQ(5, write(fd, "clear", 5));
	close(fd);

	for (i = 0; i < 5; i++) {
		ASSERT_EQ(0, unload());
		ASSERT_EQ(0, load());
		fd = open(DEV_PATH, O_RDONLY);
		ASSERT_LE(0, fd);
		close(fd);
	}
	/* kmemleak does not report objects younger than five seconds. */
	sleep(6);
	kmemleak_report(report, sizeof(report));
	ASSERT_LE(0, kmemleak_report(report, sizeof(report)));
	drop_boot_reports(report);
	EXPECT_EQ('\0', report[0]) TH_LOG("kmemleak:\n%s", report);
}

TEST_HARNESS_MAIN
