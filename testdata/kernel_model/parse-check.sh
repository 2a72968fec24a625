#!/usr/bin/env bash
# parse-check.sh: how well does the built-in kernel model parse lone driver
# files? Emulates what dmacheck does with no compile database and no kernel
# tree (design.md, "How dmacheck finds its compile flags", point 3):
#
#   - clang runs with -nostdinc, -isystem <model dir>, -include dmacheck_model.h;
#   - every header the file includes that the model does not provide gets an
#     EMPTY stand-in (here: a scratch directory searched after the model),
#     and is counted as "unresolved".
#
# Prints, per file: unresolved header count, clang error count, and the number
# of calls to undeclared functions (implicit declarations: the call still
# parses, but with no prototype the checker sees no argument types).
#
# Usage:
#   testdata/kernel_model/parse-check.sh [options] FILE...
#   testdata/kernel_model/parse-check.sh [options] -k KSRC     (default driver set)
# Options:
#   -k DIR   kernel source root; with no FILE, check the default driver set
#   -m DIR   model include dir (default: analyzer/kernel_model/include)
#   -n       no model: empty model dir, no -include (the baseline)
#   -v       print each error line
#   -u       print the unresolved header names
#   -i       print the undeclared function names
#   -d       print only the errors on lines that mention dma_ (with -v)
#   -s       strict: exit 1 unless every file has 0 unresolved, 0 errors and
#            0 implicit declarations (for the synthetic inputs in this folder)
# Exit status: 0; 1 when a file cannot be read, clang is missing, the model
# itself does not parse, or (-s) a file is not clean.
# clang runs one file at a time (shared machines).
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
clang=${CLANG:-clang-16}
model="$repo/analyzer/kernel_model/include"
ksrc=""
no_model=0
verbose=0
list_unresolved=0
list_implicit=0
dma_only=0
strict=0

while getopts "k:m:nvuids" opt; do
	case $opt in
	k) ksrc=$(cd "$OPTARG" && pwd) ;;
	m) model=$(cd "$OPTARG" && pwd) ;;
	n) no_model=1 ;;
	v) verbose=1 ;;
	u) list_unresolved=1 ;;
	i) list_implicit=1 ;;
	d) dma_only=1 ;;
	s) strict=1 ;;
	*) sed -n '2,31p' "$0"; exit 1 ;;
	esac
done
shift $((OPTIND - 1))

default_set=(
	drivers/nvme/host/pci.c
	drivers/net/ethernet/intel/e1000e/netdev.c
	drivers/net/ethernet/intel/igb/igb_main.c
	drivers/net/ethernet/realtek/r8169_main.c
	drivers/net/ethernet/realtek/8139cp.c
	drivers/net/ethernet/realtek/8139too.c
	drivers/dma/ioat/dma.c
	drivers/usb/host/xhci-mem.c
	drivers/net/ethernet/dec/tulip/tulip_core.c
	drivers/net/ethernet/intel/e100.c
	drivers/net/ethernet/sis/sis900.c
	drivers/net/ethernet/amd/pcnet32.c
	drivers/net/ethernet/via/via-rhine.c
	drivers/scsi/dc395x.c
	drivers/misc/pci_endpoint_test.c
)

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
	if [ -z "$ksrc" ]; then
		sed -n '2,31p' "$0"
		exit 1
	fi
	for f in "${default_set[@]}"; do files+=("$ksrc/$f"); done
fi

command -v "$clang" >/dev/null || { echo "parse-check: $clang not found" >&2; exit 1; }

scratch=$(mktemp -d /tmp/dmacheck-parse-check.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
if [ $no_model -eq 1 ]; then
	model="$scratch/empty-model"
	mkdir -p "$model"
fi

# The flags dmacheck passes in model mode (keep in sync with README.md).
flags=(-target x86_64-linux-gnu -std=gnu11 -nostdinc -isystem "$model")
[ $no_model -eq 0 ] && flags+=(-include dmacheck_model.h)
flags+=(-D__KERNEL__ -DMODULE '-DKBUILD_MODNAME="x"' -fno-builtin)

status=0
# The model alone (core and optional parts) must parse cleanly, with
# warnings on: an error or an implicit declaration inside the model would
# distort every count below.
if [ $no_model -eq 0 ]; then
	# Also pull in every optional part (see dmacheck_model.h).
	printf '#include <%s>\n' linux/dmaengine.h linux/of_dma.h linux/blk-mq.h \
		scsi/scsi_host.h linux/usb/hcd.h linux/phy.h net/pkt_cls.h linux/nvme.h \
		linux/ptp_clock_kernel.h linux/ptp_classify.h >"$scratch/all.c"
	self=$("$clang" -fsyntax-only "${flags[@]}" -Wall -Wno-unused-function "$scratch/all.c" 2>&1)
	if [ -n "$self" ]; then
		echo "parse-check: the model itself does not parse cleanly:" >&2
		printf '%s\n' "$self" | head -20 >&2
		status=1
	fi
fi
printf '%-52s %10s %7s %9s\n' "file" "unresolved" "errors" "implicit"
for f in "${files[@]}"; do
	if [ ! -r "$f" ]; then
		echo "parse-check: cannot read $f" >&2
		status=1
		continue
	fi
	fake="$scratch/fake.$(basename "$f")"
	rm -rf "$fake"
	mkdir -p "$fake"
	# -M -MG lists every header, missing ones by the name written; a missing
	# header contributes nothing, exactly like the empty stand-in dmacheck
	# creates, so the list is the same as the real run will see. Run from
	# the scratch dir so a relative name can only be a missing header.
	missing=$(cd "$scratch" && "$clang" -M -MG "${flags[@]}" -isystem "$fake" "$f" 2>/dev/null |
		sed -e 's/\\$//' | tr ' ' '\n' | sed -e '/^$/d' -e '1d' |
		while read -r dep; do
			case $dep in /*) ;; *) [ -e "$dep" ] || echo "$dep" ;; esac
		done | sort -u)
	n_missing=0
	for h in $missing; do
		mkdir -p "$fake/$(dirname "$h")"
		: >"$fake/$h"
		n_missing=$((n_missing + 1))
	done
	out=$("$clang" -fsyntax-only "${flags[@]}" -isystem "$fake" -ferror-limit=0 \
		-Wno-everything -Wimplicit-function-declaration "$f" 2>&1)
	n_err=$(printf '%s\n' "$out" | grep -c ': error: ')
	n_impl=$(printf '%s\n' "$out" | grep -c 'call to undeclared function')
	name=$f
	[ -n "$ksrc" ] && name=${f#"$ksrc"/}
	printf '%-52s %10d %7d %9d\n' "$name" "$n_missing" "$n_err" "$n_impl"
	if [ $strict -eq 1 ] && [ $((n_missing + n_err + n_impl)) -ne 0 ]; then
		status=1
	fi
	if [ $list_unresolved -eq 1 ] && [ -n "$missing" ]; then
		printf '    unresolved: %s\n' $missing
	fi
	if [ $verbose -eq 1 ]; then
		errs=$(printf '%s\n' "$out" | grep ': error: ')
		if [ $dma_only -eq 1 ]; then
			errs=$(printf '%s\n' "$errs" | while IFS= read -r e; do
				ln=$(printf '%s' "$e" | cut -d: -f2)
				fl=$(printf '%s' "$e" | cut -d: -f1)
				if [ "$fl" = "$f" ] && sed -n "${ln}p" "$f" | grep -q 'dma_'; then
					printf '%s\n' "$e"
				fi
			done)
		fi
		[ -n "$errs" ] && printf '    %s\n' "$errs" | sed -e "s|$ksrc/||" -e "s|$model/||"
	fi
	if [ $list_implicit -eq 1 ]; then
		printf '%s\n' "$out" | grep -o "call to undeclared function '[^']*'" |
			sed -e "s/.*'\(.*\)'/\1/" | sort | uniq -c | sort -rn | sed 's/^/    implicit: /'
	fi
done
exit $status
