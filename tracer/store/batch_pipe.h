// BatchPipe: hands batches from one producer thread to one consumer thread
// through a bounded queue, and hands the emptied batches back so that the
// producer refills allocated memory (fresh batches cost page faults). Used by
// RunWriter (rows -> SQLite thread) and PipelinedSink (events -> pairing).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

namespace dmacheck::store {

template <typename Batch>
class BatchPipe {
 public:
  explicit BatchPipe(size_t maxQueued) : maxQueued_(maxQueued) {}

  // Producer: queues a full batch, waiting while maxQueued are queued (the
  // producer waits rather than queueing the whole input); returns an emptied
  // batch to refill, or a default-constructed one when none is back yet.
  Batch handOff(Batch full) {
    std::unique_lock<std::mutex> lock(mutex_);
    spaceFreed_.wait(lock, [this] { return queue_.size() < maxQueued_; });
    queue_.push_back(std::move(full));
    batchReady_.notify_one();
    if (spare_.empty()) return Batch{};
    Batch spare = std::move(spare_.back());
    spare_.pop_back();
    return spare;
  }

  // Producer: no more batches; take() returns nullopt once the queue is empty.
  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    batchReady_.notify_one();
  }

  // Consumer: the next batch, nullopt when closed and drained.
  std::optional<Batch> take() {
    std::unique_lock<std::mutex> lock(mutex_);
    batchReady_.wait(lock, [this] { return !queue_.empty() || closed_; });
    if (queue_.empty()) return std::nullopt;
    Batch batch = std::move(queue_.front());
    queue_.pop_front();
    spaceFreed_.notify_one();
    return batch;
  }

  // Consumer: a batch it is done with, emptied by the caller, for reuse.
  void recycle(Batch done) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (spare_.size() < maxQueued_) spare_.push_back(std::move(done));
  }

 private:
  const size_t maxQueued_;
  std::mutex mutex_;
  std::condition_variable batchReady_, spaceFreed_;
  std::deque<Batch> queue_;
  std::vector<Batch> spare_;
  bool closed_ = false;
};

}  // namespace dmacheck::store
