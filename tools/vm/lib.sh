# SPDX-License-Identifier: GPL-2.0
#
# Shared helpers for the VM harness scripts: where the cache lives, the
# test kernels' names, installing what tools/host-packages says the host
# needs, how to talk to Debian's archives without touching the host's apt
# configuration, and one-line error reporting.  Sourced, never run.

KTRACE_TOP=${KTRACE_TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
KTRACE_CACHE=${KTRACE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ktrace}
KTRACE_BUILD=${KTRACE_BUILD:-$KTRACE_TOP/build}
KTRACE_MIRROR=${KTRACE_MIRROR:-http://deb.debian.org/debian}
KTRACE_KERNELS="6.1 6.12 newest debug"
KTRACE_EXTRA_KERNELS="kcsan kcsan-strict"

# Die unless $1 is a test kernel's name, of the default lanes or the
# extra ones.
check_kernel()
{
	case " $KTRACE_KERNELS $KTRACE_EXTRA_KERNELS " in
	*" $1 "*)	return 0 ;;
	esac
	die "unknown kernel '$1' (one of: $KTRACE_KERNELS $KTRACE_EXTRA_KERNELS)"
}

die()
{
	echo "${0##*/}: $*" >&2
	exit 1
}

note()
{
	echo "${0##*/}: $*" >&2
}

# Run a command while holding an exclusive lock on $1, so that two runs
# (a developer's and CI's, say) never fill the same cache entry at once.
with_lock()
{
	local lock=$1
	shift
	mkdir -p "$(dirname "$lock")"
	(
		flock 9
		"$@"
	) 9>"$lock"
}

# Install Debian packages the host lacks.  Only runs apt when something
# is missing, so a warm machine pays nothing.  The cache directory is made
# first: apt's log goes there.
need_packages()
{
	local missing=() p log=$KTRACE_CACHE/apt-install.log

	[ $# -gt 0 ] || return 0
	declare -A have=()
	while read -r p; do
		have[$p]=1
	done < <(dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null |
		 sed -n 's/ install ok installed$//p')
	for p in "$@"; do
		[ -n "${have[$p]}" ] || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	[ "$(id -u)" -eq 0 ] ||
		die "missing packages (run as root or install them): ${missing[*]}"
	mkdir -p "$KTRACE_CACHE" || die "cannot create the cache $KTRACE_CACHE"
	note "installing ${missing[*]}"
	# Another apt (a second worktree, unattended-upgrades) may hold the
	# dpkg lock: wait for it rather than fail.
	local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -y -q
		   -o DPkg::Lock::Timeout=600 --no-install-recommends)
	if ! "${apt[@]}" install "${missing[@]}" </dev/null >"$log" 2>&1; then
		"${apt[@]}" update </dev/null >>"$log" 2>&1 || true
		"${apt[@]}" install "${missing[@]}" </dev/null >>"$log" 2>&1 ||
			die "apt-get install ${missing[*]} failed, see $log"
	fi
}

# Install what tools/host-packages lists for any of the given uses (make
# verbs, kernel names).  Usage: need_host USE...
# Does KVM work here, not only exist?  /dev/kvm can be there in a VM whose
# hypervisor refuses what QEMU sets up for the vCPUs (seen: "failed to
# set MSR 0x10a", then an assertion and an abort before the guest ran):
# QEMU is started paused once and must still be running after a few
# seconds.  The answer is kept in KTRACE_KVM (1 or 0) for the processes a
# run starts.
kvm_usable()
{
	local rc

	if [ -z "$KTRACE_KVM" ]; then
		KTRACE_KVM=0
		if [ -w /dev/kvm ]; then
			# (in a subshell, whose shell's "Aborted" goes too)
			rc=$( (timeout 3 qemu-system-x86_64 -accel kvm \
				-cpu host -S -display none -monitor none \
				-serial none -nodefaults -m 64 >/dev/null
				echo $?) \
				2>/dev/null)
			if [ $rc -eq 124 ]; then
				KTRACE_KVM=1
			else
				note "/dev/kvm is there but QEMU cannot use it (exit $rc): emulating (TCG)"
			fi
		fi
		export KTRACE_KVM
	fi
	[ "$KTRACE_KVM" = 1 ]
}

need_host()
{
	local pkgs

	pkgs=$(awk -v uses=" $* " '
		/^[ \t]*(#|$)/ { next }
		{ for (i = 2; i <= NF; i++)
			if (index(uses, " " $i " ")) { print $1; next } }' \
		"$KTRACE_TOP/tools/host-packages") ||
		die "cannot read $KTRACE_TOP/tools/host-packages"
	# shellcheck disable=SC2086
	need_packages $pkgs
}

# A private apt configuration for one suite, kept in the cache, so that
# fetching a backports kernel never edits the host's sources.list.
# Usage: papt SUITE apt-get|apt-cache ARGS...
papt()
{
	local suite=$1 tool=$2 dir=$KTRACE_CACHE/apt/$1
	shift 2

	if [ ! -f "$dir/sources.list" ]; then
		mkdir -p "$dir/lists/partial" "$dir/archives/partial" "$dir/etc"
		echo "deb $KTRACE_MIRROR $suite main" >"$dir/sources.list"
	fi
	"$tool" -q -o Dir::Etc::SourceList="$dir/sources.list" \
		-o Dir::Etc::SourceParts=/nonexistent \
		-o Dir::State::Lists="$dir/lists" \
		-o Dir::State::Status=/var/lib/dpkg/status \
		-o Dir::Cache="$dir" \
		-o Dir::Cache::archives="$dir/archives" \
		-o APT::Get::List-Cleanup=false \
		-o APT::Sandbox::User=root \
		-o Acquire::Languages=none \
		"$@"
}

# Refresh a private suite's package lists at most once every 12 hours.
papt_update()
{
	local suite=$1 stamp=$KTRACE_CACHE/apt/$1/updated

	if [ -z "$(find "$stamp" -mmin -720 2>/dev/null)" ]; then
		papt "$suite" apt-get update >/dev/null ||
			die "cannot update package lists for $suite"
		mkdir -p "$(dirname "$stamp")" && touch "$stamp"
	fi
}

# Print the version that a metapackage's first linux-image dependency
# names, e.g. "6.12.43+deb12-amd64".
papt_kernel_version()
{
	local suite=$1 meta=$2

	papt "$suite" apt-cache depends "$meta" 2>/dev/null |
		sed -n 's/^ *Depends: linux-\(image\|headers\)-\([0-9].*\)$/\2/p' |
		sed 's/-unsigned$//' | head -n 1
}
