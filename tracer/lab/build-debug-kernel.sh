#!/usr/bin/env bash
# Builds, once, the "oracle" kernel of the dmacheck lab: Debian's 6.12 source
# (linux-source-6.12) with CONFIG_DMA_API_DEBUG=y, in a small config whose
# drivers are all built in, so the lab initramfs needs no module but edu_dma.
#
#   tracer/lab/build-debug-kernel.sh [--force] [--config-only]
#
# Environment (defaults):
#   KORACLE_DIR=/var/tmp/koracle     private kernel tree (never /tmp/ktree)
#   KORACLE_SRC=/usr/src/linux-source-6.12.tar.xz
#   KORACLE_JOBS=2                   make -j
#   KORACLE_NICE=5                   nice level of the build
#
# Steps (each timed into $KORACLE_DIR/oracle-build-times.txt):
#   1. extract the Debian source tarball (skipped when the tree exists)
#   2. config: `make tinyconfig`, then merge kernel/configs/kvm_guest.config and
#      the fragment below (written to $KORACLE_DIR/oracle.config), `olddefconfig`,
#      and check that every option the lab needs really ended up =y
#   3. `make bzImage modules`: no module is configured, so `modules` only runs
#      modpost over vmlinux and writes Module.symvers, which
#      `make -C $KORACLE_DIR M=...` needs to build edu_dma.ko against this tree
# Output: $KORACLE_DIR/arch/x86/boot/bzImage, used by tracer/lab/run-oracle.sh.
# Idempotent: exits at once when bzImage is newer than .config (--force rebuilds).
# --config-only stops after step 2.
set -euo pipefail

KORACLE_DIR=${KORACLE_DIR:-/var/tmp/koracle}
KORACLE_SRC=${KORACLE_SRC:-/usr/src/linux-source-6.12.tar.xz}
jobs=${KORACLE_JOBS:-2}
nicelvl=${KORACLE_NICE:-5}
force=0 config_only=0
while (($#)); do
  case "$1" in
    --force) force=1 ;;
    --config-only) config_only=1 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "build-debug-kernel: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
die() { echo "build-debug-kernel: ERROR: $*" >&2; exit 1; }
case "$KORACLE_DIR" in /tmp/ktree|/tmp/ktree/*) die "refusing to use /tmp/ktree (someone else's tree)";; esac

times=$KORACLE_DIR/oracle-build-times.txt
stage() {       # stage NAME CMD... : runs and records the wall time
  local name=$1; shift
  local t0 t1
  t0=$(date +%s)
  echo "build-debug-kernel: [$name] $(date -u +%H:%M:%S) start"
  "$@"
  t1=$(date +%s)
  echo "$name $((t1 - t0)) s (ended $(date -u +%Y-%m-%dT%H:%M:%SZ), load $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$times"
}

for t in gcc make flex bison bc xz; do command -v $t >/dev/null || die "'$t' not found"; done
[[ -f /usr/include/libelf.h ]] || die "libelf-dev missing (objtool)"

# ---- 1. source ----------------------------------------------------------------
if [[ ! -f $KORACLE_DIR/Makefile ]]; then
  if [[ ! -f $KORACLE_SRC ]]; then
    echo "build-debug-kernel: $KORACLE_SRC missing, installing linux-source-6.12" >&2
    apt-get install -y linux-source-6.12 >/dev/null || die "apt-get install linux-source-6.12 failed"
  fi
  mkdir -p "$KORACLE_DIR"
  stage extract nice -n "$nicelvl" tar xf "$KORACLE_SRC" -C "$KORACLE_DIR" --strip-components=1
fi
cd "$KORACLE_DIR"
bz=arch/x86/boot/bzImage
if ((!force && !config_only)) && [[ -f $bz && -f Module.symvers && -f .config && $bz -nt .config ]]; then
  echo "build-debug-kernel: $KORACLE_DIR/$bz is up to date ($(make -s kernelrelease))"
  exit 0
fi

# ---- 2. config ------------------------------------------------------------------
# tinyconfig + kvm_guest.config + this. EXPERT/EMBEDDED are turned back off so
# the many EXPERT-only syscalls (futex, epoll, ...) that glibc's trace-cmd
# needs come back with their defaults. Networking is not needed by the edu
# workload (the output is a raw tar on virtio-blk) and is switched off again
# after kvm_guest.config turned it on: it is the biggest part of the build.
cat > oracle.config <<'EOF'
CONFIG_64BIT=y
CONFIG_EXPERT=n
CONFIG_EMBEDDED=n
CONFIG_LOCALVERSION="-dmaoracle"
CONFIG_LOCALVERSION_AUTO=n
CONFIG_KERNEL_GZIP=y
CONFIG_SMP=y
CONFIG_NR_CPUS=8
CONFIG_PRINTK=y
CONFIG_BUG=y
CONFIG_KALLSYMS=y
CONFIG_MULTIUSER=y
CONFIG_SYSVIPC=y
CONFIG_POSIX_TIMERS=y
CONFIG_FUTEX=y
CONFIG_EPOLL=y
CONFIG_SIGNALFD=y
CONFIG_TIMERFD=y
CONFIG_EVENTFD=y
CONFIG_SHMEM=y
CONFIG_AIO=y
CONFIG_FILE_LOCKING=y
CONFIG_BLK_DEV_INITRD=y
CONFIG_RD_GZIP=y
CONFIG_BINFMT_ELF=y
CONFIG_BINFMT_SCRIPT=y
CONFIG_PROC_FS=y
CONFIG_SYSFS=y
CONFIG_TMPFS=y
CONFIG_DEVTMPFS=y
CONFIG_DEVTMPFS_MOUNT=y
CONFIG_TTY=y
CONFIG_SERIAL_8250=y
CONFIG_SERIAL_8250_CONSOLE=y
CONFIG_EARLY_PRINTK=y
CONFIG_ACPI=y
CONFIG_PCI=y
CONFIG_PCI_MSI=y
CONFIG_BLOCK=y
CONFIG_BLK_DEV=y
CONFIG_VIRTIO=y
CONFIG_VIRTIO_MENU=y
CONFIG_VIRTIO_PCI=y
CONFIG_VIRTIO_BLK=y
CONFIG_NET=n
CONFIG_VIRTIO_NET=n
CONFIG_9P_FS=n
CONFIG_DRM=n
CONFIG_SOUND=n
CONFIG_WLAN=n
CONFIG_WIRELESS=n
CONFIG_INPUT=n
CONFIG_VT=n
CONFIG_USB_SUPPORT=n
CONFIG_SCSI=n
CONFIG_X86_X2APIC=y
CONFIG_IOMMU_SUPPORT=y
CONFIG_INTEL_IOMMU=y
CONFIG_IRQ_REMAP=y
CONFIG_MODULES=y
CONFIG_MODULE_UNLOAD=y
CONFIG_MODULE_FORCE_UNLOAD=y
CONFIG_MODVERSIONS=n
CONFIG_MODULE_SIG=n
CONFIG_DEBUG_KERNEL=y
CONFIG_DEBUG_FS=y
CONFIG_DEBUG_FS_ALLOW_ALL=y
CONFIG_DMA_API_DEBUG=y
CONFIG_DMA_API_DEBUG_SG=y
CONFIG_FTRACE=y
CONFIG_ENABLE_DEFAULT_TRACERS=y
CONFIG_TRACING=y
CONFIG_EVENT_TRACING=y
CONFIG_STACKTRACE=y
CONFIG_DEBUG_INFO_NONE=y
EOF
do_config() {
  make -s ARCH=x86_64 tinyconfig
  scripts/kconfig/merge_config.sh -m .config kernel/configs/kvm_guest.config oracle.config >/dev/null
  make -s ARCH=x86_64 olddefconfig
}
stage config do_config
# Everything the lab relies on must be built in.
missing=
for o in 64BIT SMP PRINTK KALLSYMS FUTEX EPOLL BLK_DEV_INITRD RD_GZIP BINFMT_ELF BINFMT_SCRIPT \
         PROC_FS SYSFS DEVTMPFS SERIAL_8250_CONSOLE ACPI PCI PCI_MSI VIRTIO_PCI VIRTIO_BLK \
         INTEL_IOMMU IRQ_REMAP IOMMU_DMA MODULES MODULE_UNLOAD DEBUG_FS DMA_API_DEBUG \
         FTRACE TRACING EVENT_TRACING TRACEPOINTS SWIOTLB; do
  grep -qx "CONFIG_$o=y" .config || missing+=" $o"
done
[[ -z $missing ]] || die "config lacks (=y):$missing"
echo "build-debug-kernel: config ok: $(grep -c '=y' .config) options =y"
((config_only)) && exit 0

# ---- 3. build -------------------------------------------------------------------
stage build nice -n "$nicelvl" make -s ARCH=x86_64 -j"$jobs" bzImage modules
echo "build-debug-kernel: built $KORACLE_DIR/$bz ($(make -s kernelrelease), $(du -h $bz | cut -f1))"
cat "$times"
