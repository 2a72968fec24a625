#include "mapped_input_trimmer.h"

#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <cinttypes>
#include <cstdio>

namespace dmacheck::tracer {

MappedInputTrimmer::MappedInputTrimmer(const std::string &path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return;
  valid_ = true;
  device_ = st.st_dev;
  inode_ = st.st_ino;
}

uint64_t MappedInputTrimmer::trim() const {
  if (!valid_) return 0;
  FILE *maps = std::fopen("/proc/self/maps", "r");
  if (!maps) return 0;
  uint64_t advised = 0;
  char line[512];
  while (std::fgets(line, sizeof line, maps)) {
    // "start-end perms offset major:minor inode path"
    uint64_t start = 0, end = 0, offset = 0, inode = 0;
    unsigned major = 0, minor = 0;
    char perms[8] = {0};
    if (std::sscanf(line, "%" SCNx64 "-%" SCNx64 " %7s %" SCNx64 " %x:%x %" SCNu64, &start, &end, perms, &offset,
                    &major, &minor, &inode) != 7)
      continue;
    if (inode != inode_ || makedev(major, minor) != device_) continue;
    // Only mappings nobody can have written to: dropping a written private
    // page would lose the write.
    if (perms[0] != 'r' || perms[1] != '-') continue;
    if (::madvise(reinterpret_cast<void *>(start), end - start, MADV_DONTNEED) == 0) advised += end - start;
  }
  std::fclose(maps);
  return advised;
}

}  // namespace dmacheck::tracer
