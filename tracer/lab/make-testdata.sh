#!/usr/bin/env bash
# Re-creates the committed real captures under testdata/traces/ with the lab.
#
#   tracer/lab/make-testdata.sh [RUN...]     (default: all runs below)
#
# Runs the captures one after the other (never two QEMUs at once), then keeps
# only what the tests read: trace.txt, trace.dat, dmesg.txt, run-info.txt,
# qemu-cmd.txt, qemu-stderr.txt, plus trace_pipe.txt / formats/ / perf files /
# ctf/ where noted. The serial console log is dropped (dmesg.txt has the same
# kernel lines). Takes ~15 s per run with TCG on 2 cores (twice that while other builds run):
# 3-7 minutes in all.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
dest=${DEST:-$repo/testdata/traces}
LAB_DIR=${LAB_DIR:-/tmp/dmacheck-lab}
export LAB_DIR

# name | mode | environment for run-capture.sh
runs=(
  "strict-basic|strict|LAB_PIPE=1"
  "lazy-basic|lazy|LAB_PIPE=0"
  "pt-basic|pt|LAB_PIPE=0"
  "swiotlb-basic|swiotlb|LAB_PIPE=0 LAB_WORK=nvme,ahci,usb,uas,net,edu"
  "strict-stacks|stacks|LAB_PIPE=0 LAB_WORK=nvme,ahci,net LAB_SIZE_KB=128 LAB_PING=5"
  "strict-overwrite|strict|LAB_PIPE=0 LAB_WORK=nvme,net LAB_SIZE_KB=256 LAB_PING=10 LAB_BUF_KB=32"
  "ctf-perf|perf|LAB_PIPE=0 LAB_WORK=nvme,net LAB_SIZE_KB=256 LAB_PING=10"
  "edu-correct|edu|LAB_PIPE=0 LAB_EDU_PARAMS=misuse=none"
  "edu-leak|edu|LAB_PIPE=0 LAB_EDU_PARAMS=misuse=leak"
  "edu-double-unmap|edu|LAB_PIPE=0 LAB_EDU_PARAMS=misuse=double_unmap"
  "edu-size-mismatch|edu|LAB_PIPE=0 LAB_EDU_PARAMS=misuse=size_mismatch"
  "edu-dir-mismatch|edu|LAB_PIPE=0 LAB_EDU_PARAMS=misuse=dir_mismatch"
  "edu-stale-iova|edu|LAB_PIPE=0 LAB_EDU_PARAMS=misuse=stale_iova"
  "edu-virt-to-phys|edu|LAB_PIPE=0 LAB_EDU_PARAMS=misuse=virt_to_phys"
  "edu-sync-dir-swiotlb|swiotlb|LAB_PIPE=0 LAB_WORK=edu LAB_EDU_PARAMS=misuse=sync_dir"
  "edu-stale-iova-lazy|lazy|LAB_PIPE=0 LAB_WORK=edu LAB_EDU_PARAMS=misuse=stale_iova"
  "edu-swiotlb-map-error|swiotlb|LAB_PIPE=0 LAB_WORK=edu LAB_EDU_DMA_BITS=28"
  "edu-sg-nents|edu|LAB_PIPE=0 LAB_EDU_PARAMS=misuse=sg_nents"
  "edu-sync-sg-nents-swiotlb|swiotlb|LAB_PIPE=0 LAB_WORK=edu LAB_EDU_PARAMS=misuse=sync_sg_nents"
  "edu-wrong-dir|edu|LAB_PIPE=0 LAB_EDU_PARAMS=misuse=wrong_dir"
)

want=("$@")
selected() {
  ((${#want[@]} == 0)) && return 0
  local w; for w in "${want[@]}"; do [[ $w == "$1" ]] && return 0; done; return 1
}

mkdir -p "$dest"
for r in "${runs[@]}"; do
  IFS='|' read -r name mode envs <<< "$r"
  selected "$name" || continue
  tmp=$LAB_DIR/out/$name          # basename = run name (labrun=)
  rm -rf "$tmp"
  echo "== $name ($mode; $envs)"
  env $envs "$here/run-capture.sh" "$mode" "$tmp"
  rm -rf "${dest:?}/$name"
  mkdir -p "$dest/$name"
  for f in trace.txt trace.dat dmesg.txt run-info.txt qemu-cmd.txt qemu-stderr.txt \
           trace_pipe.txt perf.data perf-script.txt; do
    [[ -f $tmp/$f ]] && cp "$tmp/$f" "$dest/$name/"
  done
  [[ -d $tmp/ctf ]] && cp -r "$tmp/ctf" "$dest/$name/"
  [[ $name == strict-basic ]] && cp -r "$tmp/formats" "$dest/$name/"
  chmod -R a+rX "$dest/$name"
done
du -sh "$dest"
