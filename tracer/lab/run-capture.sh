#!/usr/bin/env bash
# shellcheck disable=SC2054  # commas inside QEMU option values are QEMU syntax
# Boots Debian's 6.12 kernel in QEMU with real DMA-capable devices, drives them,
# and extracts the kernel's dma:/iommu:/swiotlb: trace.
#
#   tracer/lab/run-capture.sh MODE OUTDIR
#
# MODE          IOMMU setup (guest kernel command line / QEMU device)
#   strict      intel_iommu=on iommu.strict=1; intel-iommu caching-mode=on
#   lazy        intel_iommu=on iommu.strict=0; intel-iommu caching-mode=off
#               (caching-mode=on would force strict invalidation)
#   pt          intel_iommu=on iommu=pt (identity domains: dma_addr == phys)
#   swiotlb     no IOMMU device at all, swiotlb=force (every map bounces;
#               the only mode where dma_sync_* events appear on x86)
#   stacks      strict + options/stacktrace, smaller workload
#   perf        strict + the workload under `perf record` in the guest; the
#               host converts perf.data to CTF (OUTDIR/ctf) and perf script text
#   edu         strict + QEMU's edu device driven by testdata/modules/edu_dma
#               (built by build-initramfs.sh; LAB_EDU_PARAMS passes parameters)
#
# OUTDIR receives: trace.txt, trace.dat, dmesg.txt, run-info.txt, qemu-cmd.txt,
# console.log, formats/, and per mode trace_pipe.txt, perf.data, perf-script.txt,
# ctf/. Environment overrides:
#   LAB_DIR=/tmp/dmacheck-lab   work area (kernel, initramfs, disk images)
#   LAB_WORK=nvme,ahci,usb,uas,net  workloads (also: edu)
#   LAB_SIZE_KB=1024            O_DIRECT bytes per disk
#   LAB_PING=20                 pings between the e1000e pair
#   LAB_BUF_KB=4096             ftrace ring size per CPU (trace_buf_size)
#   LAB_PIPE=1                  also capture trace_pipe.txt from a 64 KiB instance
#   LAB_TRACECMD=1              also write trace.dat with trace-cmd in the guest
#   LAB_KALLSYMS=0              keep /proc/kallsyms in trace.dat (+1.5 MB; 1 in stacks)
#   LAB_TIMEOUT=600             seconds before QEMU is killed
#   LAB_EDU_PARAMS=             e.g. misuse=double_unmap (edu mode)
#   LAB_EDU_DMA_BITS=28         edu DMA mask, QEMU and driver (32 in swiotlb mode)
#   LAB_SMP=2 LAB_MEM=1024      guest CPUs and MiB
#   LAB_KARGS=                  extra kernel command-line words
# Only one QEMU should run at a time on a 2-core machine. No network leaves the
# machine: the two NICs sit on a QEMU-internal hub (-netdev hubport).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
die() { echo "run-capture: ERROR: $*" >&2; exit 1; }
usage() { sed -n '3,42p' "$0"; exit 2; }

(($# == 2)) || usage
mode=$1
outdir=$2
LAB_DIR=${LAB_DIR:-/tmp/dmacheck-lab}

work=${LAB_WORK:-nvme,ahci,usb,uas,net}
size_kb=${LAB_SIZE_KB:-1024}
ping_n=${LAB_PING:-20}
buf_kb=${LAB_BUF_KB:-4096}
pipe=${LAB_PIPE:-1}
tracecmd=${LAB_TRACECMD:-1}
timeout_s=${LAB_TIMEOUT:-600}
smp=${LAB_SMP:-2}
mem=${LAB_MEM:-1024}
stack=0
kallsyms=${LAB_KALLSYMS:-0}
perf=0
edu_params=${LAB_EDU_PARAMS:-}
edu_bits=${LAB_EDU_DMA_BITS:-}

iommu_dev="intel-iommu,intremap=on,caching-mode=on"
case "$mode" in
  strict)  kargs="intel_iommu=on iommu.strict=1" ;;
  lazy)    kargs="intel_iommu=on iommu.strict=0"; iommu_dev="intel-iommu,intremap=on,caching-mode=off" ;;
  pt)      kargs="intel_iommu=on iommu=pt" ;;
  swiotlb) kargs="swiotlb=force"; iommu_dev=; edu_bits=${edu_bits:-32} ;;
  stacks)  kargs="intel_iommu=on iommu.strict=1"; stack=1; kallsyms=${LAB_KALLSYMS:-1}
           size_kb=${LAB_SIZE_KB:-256}; ping_n=${LAB_PING:-5}; buf_kb=${LAB_BUF_KB:-16384} ;;
  perf)    kargs="intel_iommu=on iommu.strict=1"; perf=1 ;;
  edu)     kargs="intel_iommu=on iommu.strict=1"; work=${LAB_WORK:-edu} ;;
  *) echo "run-capture: unknown mode '$mode'" >&2; usage ;;
esac

command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 missing (scripts/install-deps.sh --lab)"
initrd=$LAB_DIR/initramfs.cpio.gz
((perf)) && initrd=$LAB_DIR/initramfs-perf.cpio.gz
# (Re)build the initramfs when it is missing or older than its inputs.
if [[ ! -f $initrd || ! -f $LAB_DIR/vmlinuz || $here/init.sh -nt $initrd || $here/build-initramfs.sh -nt $initrd ]] \
   || [[ $here/../../testdata/modules/edu_dma/edu_dma.c -nt $initrd ]]; then
  if ((perf)); then "$here/build-initramfs.sh" --perf; else "$here/build-initramfs.sh"; fi
fi
[[ -f $initrd ]] || die "$initrd missing after build"

if pgrep -x qemu-system-x86 >/dev/null; then
  echo "run-capture: warning: another qemu-system-x86_64 is running; this run will be slow" >&2
fi

run_name=$(basename "$outdir")
rundir=$LAB_DIR/run-$run_name
rm -rf "$rundir"
mkdir -p "$rundir" "$outdir"
outdir=$(cd "$outdir" && pwd)
for d in nvme ahci usb uas; do truncate -s 64M "$rundir/$d.img"; done
truncate -s 512M "$rundir/out.img"        # raw tar written by the guest

accel="tcg,thread=multi"
cpu=max
# KVM only when it is usable; on the lab machines /dev/kvm cannot run a stock
# kernel, so LAB_KVM=1 has to be asked for explicitly.
if [[ ${LAB_KVM:-0} == 1 && -w /dev/kvm ]]; then accel=kvm; cpu=host; fi

cmdline="console=ttyS0 panic=1 trace_event=dma:*,iommu:*,swiotlb:*,printk:console trace_buf_size=${buf_kb}K $kargs"
cmdline+=" labrun=$run_name labwork=$work labstack=$stack labtracecmd=$tracecmd labpipe=$pipe labperf=$perf"
cmdline+=" labsize=$size_kb labping=$ping_n labkallsyms=$kallsyms"
[[ -n ${LAB_KARGS:-} ]] && cmdline+=" $LAB_KARGS"   # extra kernel words (run-oracle.sh)
# The edu device's DMA mask (QEMU property) and the driver's mask must agree.
edu_bits=${edu_bits:-28}
if [[ $work == *edu* ]]; then
  edu_params="dma_bits=$edu_bits${edu_params:+ $edu_params}"
  cmdline+=" labedu=${edu_params// /,}"
fi

qemu=(qemu-system-x86_64 -accel "$accel" -cpu "$cpu" -machine q35,kernel-irqchip=split
      -smp "$smp" -m "$mem" -nodefaults -display none -no-reboot
      -serial "file:$rundir/console.log")
[[ -n $iommu_dev ]] && qemu+=(-device "$iommu_dev")
[[ $work == *nvme* ]] && qemu+=(-drive "file=$rundir/nvme.img,if=none,id=nvm,format=raw"
                                -device nvme,serial=labnvme0,drive=nvm)
[[ $work == *ahci* ]] && qemu+=(-drive "file=$rundir/ahci.img,if=none,id=sata0,format=raw"
                                -device ide-hd,drive=sata0,bus=ide.0)
if [[ $work == *usb* || $work == *uas* ]]; then
  qemu+=(-device qemu-xhci,id=xhci)
  [[ $work == *usb* ]] && qemu+=(-drive "file=$rundir/usb.img,if=none,id=usbd,format=raw"
                                 -device usb-storage,bus=xhci.0,drive=usbd)
  [[ $work == *uas* ]] && qemu+=(-drive "file=$rundir/uas.img,if=none,id=uasd,format=raw"
                                 -device usb-uas,id=uas,bus=xhci.0
                                 -device scsi-hd,bus=uas.0,scsi-id=0,lun=0,drive=uasd)
fi
[[ $work == *net* ]] && qemu+=(-netdev hubport,id=hp0,hubid=0 -device e1000e,netdev=hp0,mac=52:54:00:00:77:01
                               -netdev hubport,id=hp1,hubid=0 -device e1000e,netdev=hp1,mac=52:54:00:00:77:02)
[[ $work == *edu* ]] && qemu+=(-device "edu,dma_mask=$(( (1 << edu_bits) - 1 ))")
qemu+=(-drive "file=$rundir/out.img,if=none,id=out,format=raw" -device virtio-blk-pci,drive=out
       -kernel "$LAB_DIR/vmlinuz" -initrd "$initrd" -append "$cmdline")

printf '%q ' "${qemu[@]}" > "$rundir/qemu-cmd.txt"; echo >> "$rundir/qemu-cmd.txt"
echo "run-capture: mode=$mode work=$work out=$outdir (timeout ${timeout_s}s)"
t0=$(date +%s.%N)
set +e
# QEMU's own stderr (e.g. "vtd_iommu_translate: detected translation failure"
# when a device hits an unmapped IOVA) is kept as qemu-stderr.txt.
timeout -k 10 "$timeout_s" "${qemu[@]}" 2> "$rundir/qemu-stderr.txt"
rc=$?
sed 's/^/qemu: /' "$rundir/qemu-stderr.txt" >&2
set -e
t1=$(date +%s.%N)
secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')
((rc == 124)) && die "QEMU timed out after ${timeout_s}s; see $rundir/console.log (tail: $(tail -3 "$rundir/console.log" | tr '\n' ' '))"
((rc == 0)) || die "QEMU exited with $rc; see $rundir/console.log"
grep -q "LAB-DONE" "$rundir/console.log" \
  || die "guest did not finish (no LAB-DONE); see $rundir/console.log (tail: $(tail -5 "$rundir/console.log" | tr '\n' ' '))"

# Clear what a previous capture into the same OUTDIR may have left.
rm -rf "$outdir"/{trace.txt,trace.dat,trace_pipe.txt,dmesg.txt,run-info.txt,qemu-cmd.txt,qemu-stderr.txt,console.log,formats,perf.data,perf-script.txt,ctf,status}
tar xf "$rundir/out.img" -C "$outdir" || die "cannot untar the output disk $rundir/out.img"
rm -f "$outdir/status.tmp"
cp "$rundir/qemu-cmd.txt" "$rundir/console.log" "$rundir/qemu-stderr.txt" "$outdir/"
status=$(cat "$outdir/status" 2>/dev/null || echo "missing")
rm -f "$outdir/status"

{
  echo "mode=$mode"
  echo "guest_status=$(echo $status)"
  echo "host_qemu=$(qemu-system-x86_64 --version | head -1)"
  echo "host_kernel_package=$(dpkg-query -W -f='${Package} ${Version}' "linux-image-$(cat "$LAB_DIR/kernel-release")-unsigned" 2>/dev/null)"
  echo "host_accel=$accel"
  echo "host_wall_seconds=$secs"
  echo "host_date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
} >> "$outdir/run-info.txt"

if ((perf)) && [[ -f $outdir/perf.data ]]; then
  # perf's CTF writer cannot express __data_loc arrays, which is why the sg
  # events were left out of the recording.
  perf script -i "$outdir/perf.data" > "$outdir/perf-script.txt" 2> "$rundir/perf-script.err" \
    || echo "run-capture: warning: perf script failed (see $rundir/perf-script.err)" >&2
  perf data convert --to-ctf "$outdir/ctf" -i "$outdir/perf.data" > "$rundir/perf-convert.log" 2>&1 \
    || echo "run-capture: warning: perf data convert --to-ctf failed: $(tail -2 "$rundir/perf-convert.log")" >&2
fi

n_events=$(grep -c '^ .*\[[0-9]\{3\}\]' "$outdir/trace.txt" || true)
echo "run-capture: done in ${secs}s, status: $status, $n_events trace lines -> $outdir"
[[ $status == ok ]] || echo "run-capture: warning: guest reported: $status" >&2
