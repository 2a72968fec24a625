#include "progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace dmacheck::tracer::cli {
namespace {

std::string humanBytes(uint64_t bytes) {
  char buf[32];
  if (bytes >= (1ull << 30)) std::snprintf(buf, sizeof buf, "%.1f GiB", bytes / double(1ull << 30));
  else if (bytes >= (1ull << 20)) std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / double(1ull << 20));
  else if (bytes >= 1024) std::snprintf(buf, sizeof buf, "%.1f KiB", bytes / 1024.0);
  else std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
  return buf;
}

}  // namespace

ProgressBar::ProgressBar(bool enabled, uint64_t totalBytes)
    : active_(enabled && isatty(STDERR_FILENO)), total_(totalBytes), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { finish(); }

std::string ProgressBar::render(uint64_t done, uint64_t total, uint64_t events, double seconds, int width) {
  double fraction = total ? std::min(1.0, double(done) / double(total)) : 0.0;
  int bar = std::max(10, width - 60);
  int filled = static_cast<int>(fraction * bar);
  std::string line = "[" + std::string(filled, '#') + std::string(bar - filled, '.') + "] ";
  char buf[160];
  double rate = seconds > 0 ? events / seconds : 0;
  std::snprintf(buf, sizeof buf, "%3.0f%% %s/%s %llu events %.0fk ev/s", fraction * 100, humanBytes(done).c_str(),
                humanBytes(total).c_str(), static_cast<unsigned long long>(events), rate / 1000);
  return line + buf;
}

void ProgressBar::update(uint64_t done, uint64_t events) {
  if (!active_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - lastDraw_ < std::chrono::milliseconds(100)) return;
  lastDraw_ = now;
  drawn_ = true;
  double seconds = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r%s\x1b[K", render(done, total_, events, seconds, 100).c_str());
  std::fflush(stderr);
}

void ProgressBar::phase(const std::string &text) {
  if (!active_) return;
  drawn_ = true;
  std::fprintf(stderr, "\r%s...\x1b[K", text.c_str());
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (active_ && drawn_) {
    std::fprintf(stderr, "\r\x1b[K");
    std::fflush(stderr);
  }
  drawn_ = false;
}

}  // namespace dmacheck::tracer::cli
