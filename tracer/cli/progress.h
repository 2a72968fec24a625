// A one-line progress bar on stderr: bytes done, percent, events/s. Silent
// when stderr is not a terminal (CI logs, pipes) or when disabled.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace dmacheck::tracer::cli {

class ProgressBar {
 public:
  // enabled: the caller's wish (--quiet turns it off); the bar also needs a TTY.
  ProgressBar(bool enabled, uint64_t totalBytes);
  ~ProgressBar();

  // Redraws at most ~10 times a second.
  void update(uint64_t bytesDone, uint64_t events);
  // Shows a phase that has no byte progress ("building indexes").
  void phase(const std::string &text);
  // Clears the line.
  void finish();
  bool active() const { return active_; }

  // The text of one frame (for tests).
  static std::string render(uint64_t bytesDone, uint64_t totalBytes, uint64_t events, double seconds, int width);

 private:
  bool active_;
  uint64_t total_;
  std::chrono::steady_clock::time_point start_, lastDraw_;
  bool drawn_ = false;
};

}  // namespace dmacheck::tracer::cli
