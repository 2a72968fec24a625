// The input layout of event_decode_fuzzer, shared with its seed extractor:
//
//   byte 0     format index (modulo the number of formats) in the sorted list
//              of "system/event" of the format directory
//   byte 1     bit 0: the file is of the other byte order (decode swapped)
//              bit 1: 4-byte longs (kernel_stack addresses)
//   byte 2..   the raw record, common_* header included
#pragma once

#include <dirent.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace dmacheck::tracer::fuzz {

inline constexpr uint8_t kFlagSwap = 1;
inline constexpr uint8_t kFlagLong4 = 2;
inline constexpr size_t kHeaderBytes = 2;

struct FormatFile {
  std::string system;
  std::string event;  // file name without ".format"
  std::string text;
};

// Every DIR/<system>/<event>.format, sorted by system then event.
inline std::vector<FormatFile> loadFormats(const std::string &dir) {
  std::vector<FormatFile> out;
  DIR *top = ::opendir(dir.c_str());
  if (top == nullptr) return out;
  while (dirent *sys = ::readdir(top)) {
    std::string system = sys->d_name;
    if (system.empty() || system[0] == '.') continue;
    DIR *sub = ::opendir((dir + "/" + system).c_str());
    if (sub == nullptr) continue;
    while (dirent *file = ::readdir(sub)) {
      std::string name = file->d_name;
      constexpr std::string_view kExt = ".format";
      if (name.size() <= kExt.size() || name.compare(name.size() - kExt.size(), kExt.size(), kExt) != 0) continue;
      std::ifstream in(dir + "/" + system + "/" + name, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      out.push_back({system, name.substr(0, name.size() - kExt.size()), text.str()});
    }
    ::closedir(sub);
  }
  ::closedir(top);
  std::sort(out.begin(), out.end(), [](const FormatFile &a, const FormatFile &b) {
    return a.system != b.system ? a.system < b.system : a.event < b.event;
  });
  return out;
}

}  // namespace dmacheck::tracer::fuzz
