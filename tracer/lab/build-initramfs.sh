#!/usr/bin/env bash
# Builds the busybox initramfs of the dmacheck QEMU lab.
#
#   tracer/lab/build-initramfs.sh [--perf] [--kernel RELEASE]
#
# Output (in $LAB_DIR, default /tmp/dmacheck-lab):
#   vmlinuz                 copy of /boot/vmlinuz-RELEASE
#   initramfs.cpio.gz       busybox + driver modules + trace-cmd + iproute2 ip
#                           + edu_dma.ko (testdata/modules/edu_dma, built in
#                           $LAB_DIR/edu_dma-build when linux-headers-RELEASE is installed)
#   initramfs-perf.cpio.gz  the same plus perf and its shared libraries (--perf)
#   kernel-release          the release the modules come from
#
# Inputs, all from Debian packages (scripts/install-deps.sh --lab):
#   linux-image-6.12.*-amd64-unsigned  kernel + /lib/modules/RELEASE
#   busybox-static                     /bin/busybox, the whole userland
#   trace-cmd, iproute2, linux-perf    dynamic binaries, copied with their libs
#
# The guest's /init is tracer/lab/init.sh. Idempotent: rebuilds from scratch
# every time into a fresh staging directory (takes a few seconds).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
LAB_DIR=${LAB_DIR:-/tmp/dmacheck-lab}
want_perf=0
krel=

while (($#)); do
  case "$1" in
    --perf) want_perf=1 ;;
    --kernel) krel=$2; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "build-initramfs: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done

die() { echo "build-initramfs: ERROR: $*" >&2; exit 1; }

# Newest installed 6.12 kernel that has both an image and its modules.
if [[ -z "$krel" ]]; then
  krel=$(ls -1 /boot/vmlinuz-6.12.*-amd64 2>/dev/null | sed 's,.*/vmlinuz-,,' | sort -V | tail -1 || true)
fi
[[ -n "$krel" ]] || die "no /boot/vmlinuz-6.12.*-amd64; run: scripts/install-deps.sh --lab"
[[ -r /boot/vmlinuz-$krel ]] || die "/boot/vmlinuz-$krel missing or unreadable"
moddir=/lib/modules/$krel
[[ -f $moddir/modules.dep ]] || die "$moddir/modules.dep missing (linux-image-$krel-unsigned?)"
[[ -x /bin/busybox ]] && file -L /bin/busybox | grep -q 'statically linked' \
  || die "/bin/busybox is not the static busybox (apt-get install busybox-static)"
for t in cpio gzip xz ldd; do command -v $t >/dev/null || die "'$t' not found"; done

mkdir -p "$LAB_DIR"
stage=$(mktemp -d "$LAB_DIR/stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT

# ---- skeleton + busybox ------------------------------------------------------
mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,lib/x86_64-linux-gnu,lib64,etc,proc,sys,dev,tmp,out,run,lab/bin,lab/mods,lab/extra}
cp /bin/busybox "$stage/bin/busybox"
ln -s busybox "$stage/bin/sh"
cp "$here/init.sh" "$stage/init"
chmod 755 "$stage/init"
echo "root:x:0:0:root:/:/bin/sh" > "$stage/etc/passwd"
echo "root:x:0:" > "$stage/etc/group"

# ---- kernel modules ----------------------------------------------------------
# One list per workload group, each in dependency order (deps first), taken
# from modules.dep. Modules are stored decompressed: busybox insmod cannot
# read .ko.xz.
declare -A groups=(
  [out]="virtio_blk"
  [nvme]="nvme"
  [ahci]="ahci sd_mod"
  [usb]="xhci-pci usb-storage sd_mod"
  [uas]="xhci-pci uas sd_mod"
  [net]="e1000e"
  [edu]=""
)
declare -A copied=()
dep_order() {   # dep_order RELPATH -> prints RELPATHs, dependencies first
  local rel=$1 line d
  line=$(grep -m1 "^$rel:" "$moddir/modules.dep") || die "module $rel not in modules.dep"
  # modules.dep lists the full transitive closure, deepest last: reverse it.
  for d in $(echo "${line#*:}" | tr ' ' '\n' | tac); do echo "$d"; done
  echo "$rel"
}
for g in "${!groups[@]}"; do
  : > "$stage/lab/mods/$g.order"
  for m in ${groups[$g]}; do
    rel=$(grep -m1 -E "(^|/)$m\.ko(\.xz|\.zst|\.gz)?:" "$moddir/modules.dep" | cut -d: -f1) \
      || die "module $m not found for $krel"
    for r in $(dep_order "$rel"); do
      name=$(basename "$r"); name=${name%%.ko*}
      grep -q "^$name " "$stage/lab/mods/$g.order" && continue
      if [[ -z "${copied[$name]:-}" ]]; then
        case "$r" in
          *.xz)  xz -dc "$moddir/$r" > "$stage/lab/mods/$name.ko" ;;
          *.zst) zstd -dcq "$moddir/$r" > "$stage/lab/mods/$name.ko" ;;
          *.gz)  gzip -dc "$moddir/$r" > "$stage/lab/mods/$name.ko" ;;
          *)     cp "$moddir/$r" "$stage/lab/mods/$name.ko" ;;
        esac
        copied[$name]=1
      fi
      echo "$name /lab/mods/$name.ko" >> "$stage/lab/mods/$g.order"
    done
  done
done

# ---- dynamic binaries with their shared libraries ---------------------------
copy_bin() {    # copy_bin SRC DESTDIR: binary + every lib ldd names, same paths
  local src=$1 dst=$2 lib
  [[ -x "$src" ]] || die "$src not found"
  cp -L "$src" "$stage$dst/"
  for lib in $(ldd "$src" | grep -o '/[^ ]*'); do
    mkdir -p "$stage$(dirname "$lib")"
    [[ -e "$stage$lib" ]] || cp -L "$lib" "$stage$lib"
  done
}
copy_bin "$(command -v trace-cmd)" /lab/bin
copy_bin /usr/sbin/ip /lab/bin          # iproute2: busybox ip cannot move a link into a netns

# ---- edu_dma module (testdata/modules/edu_dma) -------------------------------
# Built out of the source tree, in $LAB_DIR/edu_dma-build, against this
# kernel's headers, so kbuild's products (*.o, edu_dma.mod.c, ...) never land
# in testdata/modules (whose *.c files are static-analysis test inputs).
edu_src="$repo/testdata/modules/edu_dma"
edu_build="$LAB_DIR/edu_dma-build"
kdir=/usr/src/linux-headers-$krel
if [[ -f $edu_src/edu_dma.c ]]; then
  if [[ -d $kdir ]]; then
    mkdir -p "$edu_build"
    if [[ ! -f $edu_build/edu_dma.ko || $edu_src/edu_dma.c -nt $edu_build/edu_dma.ko ]]; then
      cp "$edu_src/edu_dma.c" "$edu_src/Makefile" "$edu_build/"
      make -s -C "$edu_build" KDIR="$kdir" >"$edu_build/build.log" 2>&1 \
        || die "edu_dma build failed, see $edu_build/build.log"
    fi
    cp "$edu_build/edu_dma.ko" "$stage/lab/extra/"
  else
    echo "build-initramfs: warning: $kdir missing; edu_dma.ko not built (edu runs will fail)" >&2
  fi
fi

pack() {        # pack OUTFILE
  (cd "$stage" && find . -print0 | sort -z | cpio --null -o -H newc --quiet -R 0:0) | gzip -6 > "$1.tmp"
  mv "$1.tmp" "$1"
  echo "build-initramfs: wrote $1 ($(du -h "$1" | cut -f1))"
}
pack "$LAB_DIR/initramfs.cpio.gz"
if ((want_perf)); then
  perfbin=$(command -v perf) || die "perf not found (apt-get install linux-perf)"
  copy_bin "$perfbin" /lab/bin
  pack "$LAB_DIR/initramfs-perf.cpio.gz"
fi
cp /boot/vmlinuz-"$krel" "$LAB_DIR/vmlinuz"
echo "$krel" > "$LAB_DIR/kernel-release"
echo "build-initramfs: kernel $krel"
