#!/bin/sh
# /init of the dmacheck QEMU lab initramfs (copied there by build-initramfs.sh).
#
# Runs as PID 1 under busybox sh. Everything it does is steered by "lab*="
# words on the kernel command line (set by run-capture.sh):
#   labrun=NAME        run name, written into run-info.txt
#   labwork=a,b,c      workloads: nvme ahci usb uas net edu (run in the order given)
#   labstack=0|1       enable options/stacktrace before the workload
#   labtracecmd=0|1    also write trace.dat with the in-guest trace-cmd
#   labpipe=0|1        also read a small second ftrace instance via trace_pipe
#   labperf=0|1        run the workload under `perf record` (perf initramfs only)
#   labedu=PARAMS      module parameters for edu_dma.ko (e.g. "misuse=double_unmap")
#   labsize=KiB        bytes per O_DIRECT transfer per disk, in KiB (default 1024)
#   labping=N          number of pings between the two e1000e NICs (default 20)
#   labkallsyms=0|1    keep /proc/kallsyms in trace.dat (7.8 MB raw, ~1.5 MB
#                      compressed; only needed to symbolize stack traces there)
# The tracepoints themselves are enabled from the command line
# (trace_event=dma:*,iommu:*,swiotlb:*,printk:console), so the trace also holds
# the IOMMU group setup of early boot.
#
# Output: everything lands in /out, which is written as a plain tar archive
# straight onto the raw virtio disk /dev/vda; the host untars the image.
# Tracing is switched off before that, so the output disk's own DMA is not in
# the trace.

PATH=/bin:/sbin:/usr/bin:/usr/sbin:/lab/bin
export PATH
/bin/busybox mkdir -p /proc /sys /dev /tmp /out /run
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t tracefs tracefs /sys/kernel/tracing
mount -t debugfs debugfs /sys/kernel/debug
# Kernels with CONFIG_DMA_API_DEBUG (run-oracle.sh): report every dma-debug
# error, not only the first one.
[ -w /sys/kernel/debug/dma-api/all_errors ] && echo 1 > /sys/kernel/debug/dma-api/all_errors
T=/sys/kernel/tracing

# ---- parameters --------------------------------------------------------------
labrun=unnamed labwork=nvme,ahci,usb,uas,net labstack=0 labtracecmd=1 labpipe=0
labperf=0 labedu='' labsize=1024 labping=20 labkallsyms=0
# shellcheck disable=SC2034  # v is read by the eval below
for w in $(cat /proc/cmdline); do
  case "$w" in
    lab*=*) k=${w%%=*}; v=${w#*=}
            case "$k" in *[!a-z]*) continue ;; esac   # only plain names
            eval "$k=\"\$v\"" ;;
  esac
done
work=$(echo "$labwork" | tr ',' ' ')

log() { echo "lab-init: $*" > /dev/console; }
mark() {                       # phase marker: into the trace and onto the console
  echo "LAB: $*" > $T/trace_marker
  log "$*"
}
fail() { log "ERROR: $*"; echo "ERROR: $*" >> /out/status; }

# Second, small ftrace instance read through trace_pipe at the end: that
# interface prints "CPU:N [LOST M EVENTS]" when the ring overwrote events,
# which the plain trace file never does.
if [ "$labpipe" = 1 ]; then
  mkdir $T/instances/pipe
  echo 64 > $T/instances/pipe/buffer_size_kb
  for e in dma iommu swiotlb; do echo 1 > $T/instances/pipe/events/$e/enable; done
fi

[ "$labstack" = 1 ] && echo 1 > $T/options/stacktrace
mark "init: run=$labrun work=[$work] stack=$labstack tracecmd=$labtracecmd perf=$labperf"

# ---- modules -----------------------------------------------------------------
# build-initramfs.sh decompressed the .ko.xz files and wrote one list per
# workload group in dependency order (/lab/mods/GROUP.order). Modules already
# loaded by an earlier group (scsi_mod, usbcore, ...) are skipped.
loadgroup() {
  [ -f /lab/mods/$1.order ] || { fail "no module list for $1"; return; }
  while read -r name path; do
    grep -q "^$(echo $name | tr - _) " /proc/modules && continue
    mark "insmod $name"
    insmod "$path" || fail "insmod $name"
  done < /lab/mods/$1.order
}
loadgroup out                                   # virtio_blk for the output disk
for g in $work; do
  case "$g" in
    edu) ;;                                     # loaded in the workload itself
    *) loadgroup "$g" ;;
  esac
done
mdev -s 2>/dev/null
sleep 1                                         # let SCSI/USB scans settle
mark "modules loaded"

# ---- workloads ---------------------------------------------------------------
head -c $((labsize * 1024)) /dev/urandom > /tmp/pattern
count=$((labsize / 64)); [ $count -lt 1 ] && count=1

# Find a disk by what drives it: nvme0n1, or sdX whose SCSI host sits below a
# device bound to ahci / usb-storage / uas (walk up sysfs from the disk to the
# first ancestor with a driver link, skipping the disk's own sd driver).
find_sd() {
  for b in /sys/block/sd*; do
    [ -e "$b" ] || continue
    p=$(readlink -f $b/device)
    p=${p%/host[0-9]*}
    while [ -n "$p" ] && [ "$p" != /sys/devices ]; do
      if [ -e "$p/driver" ]; then
        drvlink=$(readlink "$p/driver")
        [ "${drvlink##*/}" = "$1" ] && { echo "/dev/${b##*/}"; return; }
        break
      fi
      p=${p%/*}
    done
  done
}
wait_dev() {      # wait_dev DRIVER: up to 10 s for the disk to appear
  i=0
  while [ $i -lt 50 ]; do
    case "$1" in nvme) [ -b /dev/nvme0n1 ] && { echo /dev/nvme0n1; return; } ;;
                 *) d=$(find_sd $1); [ -n "$d" ] && { echo $d; return; } ;; esac
    sleep 0.2; i=$((i + 1))
  done
}

blk_work() {      # blk_work LABEL DRIVER
  dev=$(wait_dev $2)
  [ -b "$dev" ] || { fail "$1: no disk driven by $2"; return; }
  mark "$1: $dev O_DIRECT write ${labsize}KiB bs=64k"
  dd if=/tmp/pattern of=$dev bs=64k count=$count oflag=direct conv=fsync 2>/dev/null || fail "$1 write"
  mark "$1: $dev O_DIRECT read ${labsize}KiB bs=64k"
  dd if=$dev of=/tmp/readback bs=64k count=$count iflag=direct 2>/dev/null || fail "$1 read"
  if cmp -s /tmp/pattern /tmp/readback; then mark "$1: readback OK"; else fail "$1 readback differs"; fi
  mark "$1: $dev buffered write 256KiB + fsync"
  dd if=/tmp/pattern of=$dev bs=4k count=64 seek=1024 conv=fsync 2>/dev/null || fail "$1 buffered write"
  mark "$1: done"
}

# Two e1000e NICs on one QEMU hub. The second goes into its own network
# namespace (busybox unshare + iproute2's ip), otherwise the kernel would route
# 10.77.0.1 -> 10.77.0.2 over loopback and no packet would touch a NIC.
net_work() {
  A='' B=''
  for n in /sys/class/net/*; do
    case "$(cat $n/address)" in
      52:54:00:00:77:01) A=${n##*/} ;; 52:54:00:00:77:02) B=${n##*/} ;;
    esac
  done
  [ -n "$A" ] && [ -n "$B" ] || { fail "net: e1000e pair not found"; return; }
  mark "net: e1000e pair over QEMU hub ($A 10.77.0.1, $B 10.77.0.2 in netns)"
  unshare -n sleep 3600 &
  nspid=$!
  sleep 0.3
  /lab/bin/ip link set dev $B netns $nspid || { fail "net: ip link set netns"; kill $nspid; return; }
  ip addr add 10.77.0.1/24 dev $A; ip link set $A up
  nsenter -t $nspid -n sh -c "ip link set lo up; ip addr add 10.77.0.2/24 dev $B; ip link set $B up"
  i=0
  while [ $i -lt 100 ] && [ "$(cat /sys/class/net/$A/carrier 2>/dev/null)" != 1 ]; do sleep 0.1; i=$((i + 1)); done
  sleep 0.5
  mark "net: ping $labping x 1400 bytes"
  ping -c "$labping" -i 0.05 -W 2 -s 1400 10.77.0.2 > /tmp/ping.txt 2>&1 || fail "net: ping"
  tail -2 /tmp/ping.txt > /dev/console
  mark "net: link down"
  ip link set $A down
  nsenter -t $nspid -n ip link set $B down
  kill $nspid
  mark "net: done"
}

# QEMU's edu device driven by testdata/modules/edu_dma (built into the
# initramfs when present). Module parameters come from labedu= (',' -> ' ').
edu_work() {
  [ -f /lab/extra/edu_dma.ko ] || { fail "edu: edu_dma.ko not in initramfs"; return; }
  p=$(echo "$labedu" | tr ',' ' ')
  mark "edu: insmod edu_dma $p"
  insmod /lab/extra/edu_dma.ko $p || fail "edu: insmod"
  sleep 0.5
  mark "edu: rmmod edu_dma"
  rmmod edu_dma || fail "edu: rmmod"
  mark "edu: done"
}

workload() {
  for g in $work; do
    case "$g" in
      nvme) blk_work nvme nvme ;;
      ahci) blk_work ahci ahci ;;
      usb)  blk_work usb usb-storage ;;
      uas)  blk_work uas uas ;;
      net)  net_work ;;
      edu)  edu_work ;;
    esac
  done
}

if [ "$labperf" = 1 ] && [ -x /lab/bin/perf ]; then
  # perf reads the same tracepoints through perf_event_open; ftrace keeps
  # recording in parallel. The sg events stay out: perf's CTF converter
  # cannot express their __data_loc arrays.
  mark "perf: record start"
  /lab/bin/perf record -a -o /out/perf.data \
    -e dma:dma_map_page -e dma:dma_unmap_page -e dma:dma_alloc -e dma:dma_free \
    -e 'iommu:*' -e 'swiotlb:*' -- sleep 3600 > /tmp/perf.log 2>&1 &
  perfpid=$!
  sleep 2
  workload
  kill -INT $perfpid; wait $perfpid
  cat /tmp/perf.log > /dev/console
  mark "perf: record stopped"
else
  workload
fi
mark "workload finished"

# ---- write out ---------------------------------------------------------------
echo 0 > $T/tracing_on
echo 0 > $T/options/stacktrace
log "writing trace"
cat $T/trace > /out/trace.txt
if [ "$labpipe" = 1 ]; then
  echo 0 > $T/instances/pipe/tracing_on
  # trace_pipe blocks when empty: read it with a time limit.
  timeout 5 cat $T/instances/pipe/trace_pipe > /out/trace_pipe.txt
fi
dmesg > /out/dmesg.txt
mkdir -p /out/formats
for e in $T/events/dma/* $T/events/iommu/* $T/events/swiotlb/*; do
  [ -f $e/format ] || continue
  s=${e%/*}; s=${s##*/}
  mkdir -p /out/formats/$s; cp $e/format /out/formats/$s/${e##*/}
done
cp $T/events/header_page $T/events/header_event /out/formats/ 2>/dev/null
{
  echo "run=$labrun"
  echo "work=$work"
  echo "stack=$labstack"
  echo "cmdline=$(cat /proc/cmdline)"
  echo "uname=$(uname -a)"
  echo "trace_clock=$(cat $T/trace_clock)"
  echo "buffer_size_kb=$(cat $T/buffer_size_kb)"
  for f in error_count num_errors all_errors disabled num_free_entries; do
    [ -r /sys/kernel/debug/dma-api/$f ] && echo "dma_api_$f=$(cat /sys/kernel/debug/dma-api/$f)"
  done
  for d in /sys/bus/pci/devices/*; do
    drv=; grp=; typ=
    [ -e "$d/driver" ] && { drv=$(readlink "$d/driver"); drv=${drv##*/}; }
    [ -e "$d/iommu_group" ] && { grp=$(readlink "$d/iommu_group"); grp=${grp##*/}
                                 typ=$(cat "$d/iommu_group/type" 2>/dev/null); }
    echo "pci ${d##*/} vendor=$(cat $d/vendor) device=$(cat $d/device) class=$(cat $d/class) driver=$drv iommu_group=$grp group_type=$typ"
  done
  for c in "$T"/per_cpu/cpu*; do
    echo "stats ${c##*/} $(tr '\n' ' ' < "$c/stats")"
  done
} > /out/run-info.txt
if [ "$labtracecmd" = 1 ] && [ -x /lab/bin/trace-cmd ]; then
  log "trace-cmd extract"
  if [ "$labkallsyms" != 1 ]; then
    # trace-cmd copies /proc/kallsyms into trace.dat; hide it behind an empty
    # file (a bind mount over the proc entry) to keep trace.dat small.
    : > /tmp/no-kallsyms
    mount --bind /tmp/no-kallsyms /proc/kallsyms || log "cannot hide kallsyms"
  fi
  # extract consumes the ring buffer, so it runs after the text copy above.
  /lab/bin/trace-cmd extract -o /out/trace.dat > /tmp/tc.log 2>&1 || fail "trace-cmd extract"
  tail -3 /tmp/tc.log > /dev/console
fi
[ -f /out/status ] || echo ok > /out/status
log "status: $(cat /out/status | tr '\n' ' ')"
tar cf /dev/vda -C /out . || log "ERROR: writing output tar"
sync
log "LAB-DONE"
poweroff -f
