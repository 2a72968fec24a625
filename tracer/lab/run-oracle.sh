#!/usr/bin/env bash
# The "oracle" runs: the edu_dma misuses under a kernel with CONFIG_DMA_API_DEBUG,
# so the kernel's own checker (kernel/dma/debug.c) reports next to the trace.
#
#   tracer/lab/run-oracle.sh OUTROOT [MISUSE...]
#
# Boots the kernel built by tracer/lab/build-debug-kernel.sh
# ($KORACLE_DIR/arch/x86/boot/bzImage, default /var/tmp/koracle) once per
# misuse (default: none leak double_unmap size_mismatch dir_mismatch sync_dir
# stale_iova virt_to_phys; none is the clean control run) through `run-capture.sh edu`, i.e. strict IOMMU
# mode with the usual dma:/iommu:/swiotlb:/printk:console trace, and writes
# OUTROOT/oracle-<misuse>/ (dashes for underscores): trace.txt, trace.dat,
# dmesg.txt (with the "DMA-API: ... device driver ..." WARNINGs), run-info.txt
# (plus dma_api_error_count etc.), console.log, formats/, qemu-*.txt.
#
# Initramfs: the lab's usual one (build-initramfs.sh, Debian kernel modules
# and all) with a second cpio archive appended — the kernel unpacks both, the
# later one wins — that holds edu_dma.ko built against $KORACLE_DIR and empty
# module lists: every driver the edu workload needs (virtio-blk for the output
# disk) is built into the oracle kernel. /init (init.sh) turns on
# /sys/kernel/debug/dma-api/all_errors when it exists, so every dma-debug
# error is printed, not only the first.
#
# Environment: KORACLE_DIR, LAB_ORACLE_DIR (work area, default
# /tmp/dmacheck-lab/oracle), ORACLE_PRUNE=1 (drop console.log and formats/,
# as for testdata/traces), and run-capture.sh's knobs (LAB_TIMEOUT, ...).
# The committed fixtures: ORACLE_PRUNE=1 tracer/lab/run-oracle.sh testdata/traces
# (then review each oracle-*/expected-findings.txt, see testdata/traces/README.md).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
die() { echo "run-oracle: ERROR: $*" >&2; exit 1; }
(($# >= 1)) || { sed -n '2,28p' "$0"; exit 2; }
outroot=$1; shift
misuses=("$@")
((${#misuses[@]})) || misuses=(none leak double_unmap size_mismatch dir_mismatch sync_dir stale_iova virt_to_phys sg_nents sync_sg_nents wrong_dir)
export LAB_PIPE=${LAB_PIPE:-0}     # no trace_pipe.txt (as make-testdata.sh's edu runs)

KORACLE_DIR=${KORACLE_DIR:-/var/tmp/koracle}
odir=${LAB_ORACLE_DIR:-/tmp/dmacheck-lab/oracle}
bz=$KORACLE_DIR/arch/x86/boot/bzImage
[[ -f $bz ]] || die "$bz missing: run tracer/lab/build-debug-kernel.sh first"
grep -qx 'CONFIG_DMA_API_DEBUG=y' "$KORACLE_DIR/.config" || die "$KORACLE_DIR/.config lacks CONFIG_DMA_API_DEBUG=y"
krel=$(make -s -C "$KORACLE_DIR" kernelrelease)
mkdir -p "$odir" "$outroot"

# ---- initramfs: the lab's + an overlay ----------------------------------------
LAB_DIR=$odir "$here/build-initramfs.sh" >/dev/null
mv "$odir/initramfs.cpio.gz" "$odir/base.cpio.gz"

edu_build=$odir/edu_dma-oracle-build   # (edu_dma-build: the Debian-headers copy)
rm -rf "$edu_build"; mkdir -p "$edu_build"
cp "$repo/testdata/modules/edu_dma/edu_dma.c" "$repo/testdata/modules/edu_dma/Makefile" "$edu_build/"
make -s -C "$edu_build" KDIR="$KORACLE_DIR" >"$edu_build/build.log" 2>&1 \
  || die "edu_dma build against $KORACLE_DIR failed, see $edu_build/build.log"

ov=$odir/overlay
rm -rf "$ov"; mkdir -p "$ov/lab/extra" "$ov/lab/mods"
cp "$edu_build/edu_dma.ko" "$ov/lab/extra/"
for g in out nvme ahci usb uas net edu; do : > "$ov/lab/mods/$g.order"; done
(cd "$ov" && find . -print0 | sort -z | cpio --null -o -H newc --quiet -R 0:0) | gzip -6 > "$odir/overlay.cpio.gz"
cat "$odir/base.cpio.gz" "$odir/overlay.cpio.gz" > "$odir/initramfs.cpio.gz"
cp "$bz" "$odir/vmlinuz"
echo "$krel" > "$odir/kernel-release"
echo "run-oracle: kernel $krel, initramfs $(du -h "$odir/initramfs.cpio.gz" | cut -f1)"

# ---- one boot per misuse --------------------------------------------------------
rc=0
for m in "${misuses[@]}"; do
  out=$outroot/oracle-${m//_/-}
  # printk.time: the small config has no CONFIG_PRINTK_TIME.
  if LAB_DIR=$odir LAB_EDU_PARAMS="misuse=$m" LAB_KARGS="printk.time=1${LAB_KARGS:+ $LAB_KARGS}" \
       "$here/run-capture.sh" edu "$out"; then
    {
      echo "oracle_kernel=$krel"
      echo "oracle_config=CONFIG_DMA_API_DEBUG=y ($KORACLE_DIR, tracer/lab/build-debug-kernel.sh)"
      echo "oracle_bzimage_sha256=$(sha256sum "$bz" | cut -d' ' -f1)"
    } >> "$out/run-info.txt"
    # ORACLE_PRUNE=1: keep only what testdata/traces/ commits (as make-testdata.sh).
    [[ ${ORACLE_PRUNE:-0} == 1 ]] && rm -rf "$out/console.log" "$out/formats"
    n=$(grep -c 'DMA-API: .* device driver' "$out/dmesg.txt" || true)
    echo "run-oracle: $m: $n dma-debug error line(s)"
  else
    echo "run-oracle: $m: run failed" >&2; rc=1
  fi
done
exit $rc
