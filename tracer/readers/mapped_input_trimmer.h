// Keeps the resident size of a memory-mapped input bounded.
//
// libtracecmd maps each CPU's whole data section of a trace.dat (read-only,
// private) and never unmaps what it has read, so a 520 MB trace.dat left
// ~526 MB of file pages resident in the importer (docs/benchmarks.md) although
// every record is used once. trim() drops the pages of the input file's
// read-only mappings from this process (madvise MADV_DONTNEED): for an
// unmodifiable file-backed mapping that only zaps page-table entries; a page
// touched again is faulted back in from the page cache with the same bytes,
// so the reader never sees a difference. Linux only (/proc/self/maps).
#pragma once

#include <cstdint>
#include <string>

namespace dmacheck::tracer {

class MappedInputTrimmer {
 public:
  // A path that cannot be stat'ed makes trim() a no-op.
  explicit MappedInputTrimmer(const std::string &path);
  // Returns the bytes of mappings advised (0 when none was found).
  uint64_t trim() const;

 private:
  bool valid_ = false;
  uint64_t device_ = 0, inode_ = 0;
};

}  // namespace dmacheck::tracer
