# SPDX-License-Identifier: GPL-2.0
#
# ktrace: developer verbs.
#
#   make                build ktrace.ko against KDIR and the ktrace command
#   make check          W=1 and sparse over the module; fails on any warning
#   make style          checkpatch over our C sources and headers
#   make install        install the module (+ depmod), the command, its man page
#   make test           the whole test suite on every test kernel, in QEMU
#   make run            a shell in the test VM (KERNEL=, CMD= to run a command,
#                       LAB=NN to start lab NN of Documentation/labs/)
#   make fresh-test     the README's two commands in a fresh Debian root
#   make bench          ktrace's cost against its peers, in QEMU (BENCH_OUT=FILE)
#   make clean
#
# KDIR is the kernel build tree to build against; the default is the
# running kernel's.  Test kernels are fetched and built by tools/vm/kernel.
# Every verb first installs what tools/host-packages says it needs and the
# host lacks.  A recipe that fails leaves no target behind: outputs are
# written under a temporary name and renamed, or deleted on error.

KDIR ?= /lib/modules/$(shell uname -r)/build
KERNEL ?= 6.1
KERNELS ?= 6.1 6.12 newest debug
TOP := $(CURDIR)
BUILD := $(TOP)/build
VERSION := $(shell cat $(TOP)/VERSION)

MODULE_SRCS := Kbuild VERSION $(wildcard module/*.c module/*.h module/*.def module/gen-*) \
	uapi/linux/ktrace.h
CLI_SRCS := $(wildcard tools/ktrace/*.c) tools/ktrace/ktrace.h \
	tools/ktrace/decode.h tools/ktrace/decoders.h \
	tools/ktrace/Makefile tools/ktrace/syscalls-x86_64.h tools/ktrace/syscalls-i386.h \
	tools/ktrace/events.h tools/ktrace/sink.h tools/ktrace/gen-sysclass \
	module/syscall-classes.def module/capture.def module/gen-capture
TEST_SRCS := $(wildcard selftests/* selftests/labs/*)
SETUP := $(TOP)/tools/host-setup

.DELETE_ON_ERROR:

all: module cli

# What each verb needs from Debian (tools/host-packages), installed when
# missing.  make run and make test install theirs in tools/vm/run and
# tools/test.
host-build:
	@$(SETUP) --kdir $(KDIR) build
host-check: host-build
	@$(SETUP) check
host-style:
	@$(SETUP) style

kdir-check: host-build
	@test -f $(KDIR)/Makefile || { \
	  echo "make: no kernel build tree at $(KDIR): install the headers of your kernel (e.g. linux-headers-$$(uname -r)) or set KDIR=" >&2; \
	  exit 1; }

module: kdir-check
	$(MAKE) -C $(KDIR) M=$(TOP) modules

cli: host-build
	$(MAKE) -C tools/ktrace

# W=1 and sparse on every file of ours; any warning fails.  The uapi
# header's layout is the same for i386 callers (tools/abi-check).
check: host-check kdir-check
	tools/abi-check $(CC)
	$(MAKE) -C $(KDIR) M=$(TOP) clean >/dev/null
	@mkdir -p $(BUILD)
	$(MAKE) -C $(KDIR) M=$(TOP) W=1 C=2 modules 2>&1 | tee $(BUILD)/check.log
	@! grep -E 'warning:|error:|WARNING:|ERROR:' $(BUILD)/check.log || { echo "make check: warnings above" >&2; exit 1; }
	$(MAKE) -C tools/ktrace clean >/dev/null
	$(MAKE) -C tools/ktrace EXTRA_CFLAGS=-Werror

CHECKPATCH = $(shell tools/vm/kernel fetch source)/scripts/checkpatch.pl \
	--no-tree --strict --terse --show-types \
	--ignore FILE_PATH_CHANGES
KERNEL_STYLE_FILES := $(wildcard module/*.c module/*.h uapi/linux/*.h tools/bench/floor/*.c)
# Userspace has no <linux/compiler.h> nor BIT(): it defines its own
# __printf, uses libc's types, and a signal flag is volatile sig_atomic_t.
USER_STYLE_FILES := $(wildcard tools/ktrace/*.c selftests/*.c selftests/*.h tools/ktrace/tests/*.c \
	tools/ktrace/tests/progs/*.c tools/ktrace/tests/progs-ia32/*.c \
	tools/labs/progs/*.c tools/bench/*.c) \
	tools/ktrace/ktrace.h tools/ktrace/decode.h tools/ktrace/decoders.h \
	tools/ktrace/tests/progs/nlask.h

# The generated capture table is checked too, present in the tree or not.
style: host-style
	@mkdir -p $(BUILD)
	sh module/gen-capture module/capture.def > $(BUILD)/capture-table.h
	$(CHECKPATCH) -f $(filter-out module/capture-table.h,$(KERNEL_STYLE_FILES)) \
		$(BUILD)/capture-table.h
	$(CHECKPATCH) --ignore PREFER_DEFINED_ATTRIBUTE_MACRO,PREFER_KERNEL_TYPES,VOLATILE,BIT_MACRO \
		-f $(USER_STYLE_FILES)

# Distribution headers ask for every module to be signed with a key they
# do not ship: install unsigned (as insmod of our build is); dkms signs
# with its own key where the system has one.
install: module cli
	$(MAKE) -C $(KDIR) M=$(TOP) CONFIG_MODULE_SIG_ALL= modules_install
	depmod $(if $(INSTALL_MOD_PATH),-b $(INSTALL_MOD_PATH)) -a \
		$$(modinfo -F vermagic $(TOP)/ktrace.ko | cut -d' ' -f1)
	$(MAKE) -C tools/ktrace install DESTDIR=$(DESTDIR)

# What a test VM boots with: the module for $(KERNEL), and the static
# command and selftests, which are the same for every kernel.
$(BUILD)/$(KERNEL)/ktrace.ko: $(MODULE_SRCS)
	W=1 tools/vm/kernel module $(KERNEL) $(BUILD)/$(KERNEL)

$(BUILD)/guest/ktrace: $(CLI_SRCS) VERSION uapi/linux/ktrace.h
	mkdir -p $(BUILD)/guest/cli
	cp $(CLI_SRCS) $(BUILD)/guest/cli/
	$(MAKE) -s -C $(BUILD)/guest/cli TOP=$(TOP) LDFLAGS=-static
	cp $(BUILD)/guest/cli/ktrace $@.tmp && mv $@.tmp $@

# The installed kselftests, and what they must run: each program of
# selftests/Makefile with its number of test cases.  The record is
# written last, outside the install, so that a damaged install is found
# by tools/test rather than taken for the tree.
$(BUILD)/guest/selftests.expected: $(TEST_SRCS) uapi/linux/ktrace.h
	tools/selftests-build $(BUILD)/guest

# Small static programs the command's tests trace in the VM.
PROGS := $(patsubst tools/ktrace/tests/progs/%.c,$(BUILD)/guest/progs/%,\
	   $(wildcard tools/ktrace/tests/progs/*.c))

$(BUILD)/guest/progs/%: tools/ktrace/tests/progs/%.c
	mkdir -p $(dir $@)
	$(CC) -O2 -Wall -static -o $@ $<

# The route netlink request both netlink programs make.
$(BUILD)/guest/progs/netlink $(BUILD)/guest/progs/nlroute: \
	tools/ktrace/tests/progs/nlask.h

# An ia32 static binary, without a C library (the compat ABI's test).
$(BUILD)/guest/progs/ia32: tools/ktrace/tests/progs-ia32/ia32.c
	mkdir -p $(dir $@)
	$(CC) -m32 -O2 -Wall -static -nostdlib -fno-pie -no-pie -o $@ $<
# The coursework's programs (Documentation/labs/), /opt/ktrace/labs in
# the VM, on its PATH.
LAB_PROGS := $(patsubst tools/labs/progs/%.c,$(BUILD)/guest/labs/%,\
	       $(wildcard tools/labs/progs/*.c))

$(BUILD)/guest/labs/%: tools/labs/progs/%.c
	mkdir -p $(dir $@)
	$(CC) -O2 -Wall -static -o $@ $< -lpthread

# Lab 08's dynamic program, with its loader and C library from the host
# in /opt/ktrace/labs/lib: the VM has no other.
LAB_LIB := /opt/ktrace/labs/lib
$(BUILD)/guest/labs/hello-dyn: tools/labs/progs/hello.c
	mkdir -p $(BUILD)/guest/labs/lib
	$(CC) -O2 -Wall -o $@.tmp $< \
		-Wl,--dynamic-linker=$(LAB_LIB)/ld-linux-x86-64.so.2 -Wl,-rpath,$(LAB_LIB)
	for l in $$(ldd $@.tmp | sed -n 's/.*=> \(\/[^ ]*\).*/\1/p') \
		 $$($(CC) -print-file-name=ld-linux-x86-64.so.2); do \
		cp -L $$l $(BUILD)/guest/labs/lib/ || exit 1; done
	mv $@.tmp $@

# The command built to expect another ABI major: the module is then too
# new for one and too old for the other, and the tests see it say so.
$(BUILD)/guest/progs/ktrace-abi%: $(CLI_SRCS) VERSION uapi/linux/ktrace.h
	mkdir -p $(BUILD)/guest/cli-abi$* $(dir $@)
	cp $(CLI_SRCS) $(BUILD)/guest/cli-abi$*/
	$(MAKE) -s -C $(BUILD)/guest/cli-abi$* TOP=$(TOP) LDFLAGS=-static \
		EXTRA_CFLAGS=-DKTRACE_CLI_ABI_MAJOR=$*
	cp $(BUILD)/guest/cli-abi$*/ktrace $@.tmp && mv $@.tmp $@

vm-prep: $(BUILD)/$(KERNEL)/ktrace.ko $(BUILD)/guest/ktrace \
	 $(BUILD)/guest/selftests.expected $(PROGS) $(BUILD)/guest/progs/ia32 \
	 $(LAB_PROGS) \
	 $(BUILD)/guest/labs/hello-dyn \
	 $(BUILD)/guest/progs/ktrace-abi0 $(BUILD)/guest/progs/ktrace-abi2

# LAB=NN: the lab's first step is shown when the shell opens.
run:
	$(if $(LAB),mkdir -p $(BUILD) && tools/labs/motd $(LAB) >$(BUILD)/lab.motd)
	tools/vm/run --kernel $(KERNEL) \
		$(if $(LAB),--add $(BUILD)/lab.motd:/etc/ktrace-vm/motd) \
		$(if $(CMD),-- sh -c '$(CMD)')

test:
	tools/test $(KERNELS)

# KERNELS reaches the fresh root's make test only when it was given.
GIVEN_KERNELS = $(if $(filter command line environment,$(origin KERNELS)),$(KERNELS))
fresh-test:
	tools/fresh-test $(GIVEN_KERNELS)

bench:
	tools/bench/bench
.PHONY: bench

clean:
	-$(MAKE) -C $(KDIR) M=$(TOP) clean 2>/dev/null
	$(MAKE) -C tools/ktrace clean
	rm -rf $(BUILD)

.PHONY: all host-build host-check host-style kdir-check module cli check \
	style install vm-prep run test fresh-test clean
