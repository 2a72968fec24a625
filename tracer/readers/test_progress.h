// Test helper: records a reader's progress reports and checks their shape.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace dmacheck::tracer::testing {

// Records every progress report of a reader.
struct ProgressLog {
  std::vector<std::pair<uint64_t, uint64_t>> calls;  // (done, total)
  std::function<void(uint64_t, uint64_t)> callback() {
    return [this](uint64_t done, uint64_t total) { calls.emplace_back(done, total); };
  }
  // Reports strictly between the first (0) and the last (total).
  size_t intermediate() const { return calls.size() < 2 ? 0 : calls.size() - 2; }
};

// 0/total first, total/total last, the same total throughout, never
// decreasing, intermediate reports strictly inside (0, total) except a
// possible run of 0 at the start.
inline ::testing::AssertionResult monotonicToTotal(const ProgressLog &log, uint64_t total) {
  if (log.calls.size() < 2) return ::testing::AssertionFailure() << "only " << log.calls.size() << " reports";
  if (log.calls.front() != std::make_pair(uint64_t{0}, total)) {
    return ::testing::AssertionFailure() << "first report " << log.calls.front().first << "/" << log.calls.front().second;
  }
  if (log.calls.back() != std::make_pair(total, total)) {
    return ::testing::AssertionFailure() << "last report " << log.calls.back().first << "/" << log.calls.back().second;
  }
  for (size_t i = 1; i < log.calls.size(); ++i) {
    if (log.calls[i].second != total) return ::testing::AssertionFailure() << "report " << i << ": other total";
    if (log.calls[i].first < log.calls[i - 1].first) {
      return ::testing::AssertionFailure() << "report " << i << " went back: " << log.calls[i - 1].first << " -> "
                                           << log.calls[i].first;
    }
    if (i + 1 < log.calls.size() && log.calls[i].first >= total) {
      return ::testing::AssertionFailure() << "report " << i << " reached the total before the end";
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace dmacheck::tracer::testing
