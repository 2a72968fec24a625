#include "trace_reader.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "ctf_reader.h"
#include "ftrace_text_reader.h"
#include "tracedat_reader.h"

namespace dmacheck::tracer {

std::string_view traceFormatName(TraceFormat format) {
  switch (format) {
    case TraceFormat::Auto: return "auto";
    case TraceFormat::FtraceText: return "ftrace-text";
    case TraceFormat::TraceDat: return "trace-dat";
    case TraceFormat::Ctf: return "ctf";
    case TraceFormat::Unknown: break;
  }
  return "unknown";
}

bool traceFormatFromName(std::string_view name, TraceFormat &out) {
  if (name == "auto") out = TraceFormat::Auto;
  else if (name == "ftrace-text" || name == "text" || name == "ftrace") out = TraceFormat::FtraceText;
  else if (name == "trace-dat" || name == "dat" || name == "tracedat") out = TraceFormat::TraceDat;
  else if (name == "ctf") out = TraceFormat::Ctf;
  else return false;
  return true;
}

namespace {

// Reads up to n bytes from the start of a file; -1 on error.
ssize_t readPrefix(const std::string &path, char *buf, size_t n, std::string &error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = "cannot open " + path + ": " + std::strerror(errno);
    return -1;
  }
  size_t got = 0;
  while (got < n) {
    ssize_t r = ::read(fd, buf + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += static_cast<size_t>(r);
  }
  ::close(fd);
  return static_cast<ssize_t>(got);
}

bool isCtfMetadata(const std::string &path) {
  char buf[8];
  std::string ignored;
  ssize_t n = readPrefix(path, buf, sizeof buf, ignored);
  if (n < 4) return false;
  // Packetized metadata: magic 0x75d11d57 in either byte order.
  static const unsigned char kLe[4] = {0x57, 0x1d, 0xd1, 0x75};
  static const unsigned char kBe[4] = {0x75, 0xd1, 0x1d, 0x57};
  if (std::memcmp(buf, kLe, 4) == 0 || std::memcmp(buf, kBe, 4) == 0) return true;
  return n >= 6 && std::memcmp(buf, "/* CTF", 6) == 0;
}

// A CTF trace may be nested (LTTng: kernel/, ust/uid/...): look two levels down.
bool dirHasCtf(const std::string &dir, int depth) {
  struct stat st {};
  if (::stat((dir + "/metadata").c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
    return isCtfMetadata(dir + "/metadata");
  }
  if (depth <= 0) return false;
  DIR *d = ::opendir(dir.c_str());
  if (d == nullptr) return false;
  bool found = false;
  while (dirent *entry = ::readdir(d)) {
    std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    std::string sub = dir + "/" + name;
    if (::stat(sub.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && dirHasCtf(sub, depth - 1)) {
      found = true;
      break;
    }
  }
  ::closedir(d);
  return found;
}

}  // namespace

TraceFormat detectFormat(const std::string &path, std::string &error) {
  struct stat st {};
  if (path == "-") return TraceFormat::FtraceText;
  if (::stat(path.c_str(), &st) != 0) {
    error = "cannot open " + path + ": " + std::strerror(errno);
    return TraceFormat::Unknown;
  }
  if (S_ISDIR(st.st_mode)) {
    if (dirHasCtf(path, 2)) return TraceFormat::Ctf;
    error = path + " is a directory without a CTF metadata file";
    return TraceFormat::Unknown;
  }
  char buf[16];
  ssize_t n = readPrefix(path, buf, sizeof buf, error);
  if (n < 0) return TraceFormat::Unknown;
  static const char kDatMagic[] = "\x17\x08\x44tracing";
  if (n >= 10 && std::memcmp(buf, kDatMagic, 10) == 0) return TraceFormat::TraceDat;
  if (isCtfMetadata(path)) return TraceFormat::Ctf;  // the metadata file itself
  return TraceFormat::FtraceText;
}

std::unique_ptr<TraceReader> makeReader(TraceFormat format, const std::string &path, std::string &error) {
  if (format == TraceFormat::Auto) format = detectFormat(path, error);
  switch (format) {
    case TraceFormat::FtraceText: return std::make_unique<FtraceTextReader>(path);
    case TraceFormat::TraceDat: return std::make_unique<TraceDatReader>(path);
    case TraceFormat::Ctf: return std::make_unique<CtfReader>(path);
    case TraceFormat::Auto:
    case TraceFormat::Unknown: break;
  }
  if (error.empty()) error = "unknown trace format for " + path;
  return nullptr;
}

std::unique_ptr<TraceReader> makeReader(TraceFormat format, const std::string &path) {
  std::string ignored;
  return makeReader(format, path, ignored);
}

}  // namespace dmacheck::tracer
