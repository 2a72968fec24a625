#!/usr/bin/env bash
# Installs every Debian bookworm package dmacheck needs to build, test and run.
# Idempotent: does nothing when all are present. Run as root.
#   scripts/install-deps.sh          build + test dependencies
#   scripts/install-deps.sh --lab    also the QEMU lab (kernel image, qemu, busybox)
set -euo pipefail

packages=(
  cmake ninja-build pkg-config g++ make git python3
  llvm-16-dev libclang-16-dev libclang-cpp16-dev clang-16
  libbabeltrace2-dev babeltrace2
  libtracecmd-dev libtraceevent-dev libtracefs-dev trace-cmd
  qt6-base-dev qt6-svg-dev libgl-dev
  libsqlite3-dev sqlite3
  python3-jsonschema  # the SARIF schema test (testdata/sarif)
  libgtest-dev libgmock-dev libclang-rt-16-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev libyaml-cpp-dev
)
if [[ "${1:-}" == "--lab" ]]; then
  packages+=(qemu-system-x86 busybox-static cpio gzip e2fsprogs
             linux-image-6.12-amd64 linux-headers-6.12-amd64 linux-perf)
  packages+=(iproute2 xz-utils)  # tracer/lab: ip moves a NIC into a netns; xz unpacks .ko.xz
fi

missing=()
for p in "${packages[@]}"; do
  [[ "$p" == *"*"* ]] && { missing+=("$p"); continue; }  # globs: let apt resolve them
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: missing packages (${missing[*]}); run this script as root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "install-deps: installed ${#missing[@]} packages"
