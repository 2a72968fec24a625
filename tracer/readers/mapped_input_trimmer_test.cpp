#include "mapped_input_trimmer.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <fstream>
#include <string>

namespace dmacheck::tracer {
namespace {

constexpr size_t kBytes = 1 << 20;

// The Rss of this process's mapping that starts at `at` (kB), from smaps.
long residentKb(const void *at) {
  std::ifstream smaps("/proc/self/smaps");
  char start[32];
  std::snprintf(start, sizeof start, "%lx-", reinterpret_cast<unsigned long>(at));
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    if (line.find('-') != std::string::npos && line.find(' ') > line.find('-') && !line.empty() &&
        std::isxdigit(static_cast<unsigned char>(line[0])))
      inside = line.rfind(start, 0) == 0;
    if (inside && line.rfind("Rss:", 0) == 0) return std::stol(line.substr(4));
  }
  return -1;
}

unsigned long checksum(const unsigned char *p) {
  unsigned long sum = 0;
  for (size_t i = 0; i < kBytes; ++i) sum = sum * 31 + p[i];
  return sum;
}

TEST(MappedInputTrimmer, DropsReadOnlyPagesAndKeepsTheirContent) {
  std::string path = testing::TempDir() + "trimmer-" + std::to_string(getpid());
  {
    std::ofstream out(path, std::ios::binary);
    for (size_t i = 0; i < kBytes; ++i) out.put(static_cast<char>(i * 7 + i / 4096));
  }
  int fd = ::open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  auto *readOnly = static_cast<unsigned char *>(::mmap(nullptr, kBytes, PROT_READ, MAP_PRIVATE, fd, 0));
  ASSERT_NE(readOnly, MAP_FAILED);
  auto *written = static_cast<unsigned char *>(::mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0));
  ASSERT_NE(written, MAP_FAILED);
  written[100] = 0x42;  // a private change the trimmer must not drop
  const unsigned long before = checksum(readOnly);
  EXPECT_GE(residentKb(readOnly), 1000);

  MappedInputTrimmer trimmer(path);
  EXPECT_EQ(trimmer.trim(), kBytes);  // the read-only mapping only
  EXPECT_LT(residentKb(readOnly), 16);
  EXPECT_EQ(checksum(readOnly), before);  // faulted back in, same bytes
  EXPECT_EQ(written[100], 0x42);

  EXPECT_EQ(MappedInputTrimmer(path + ".missing").trim(), 0u);
  ::munmap(readOnly, kBytes);
  ::munmap(written, kBytes);
  ::close(fd);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace dmacheck::tracer
