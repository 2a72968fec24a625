#include "pipelined_sink.h"

#include <utility>

namespace dmacheck::tracer {

PipelinedSink::PipelinedSink(EventSink &target) : target_(target), consumer_([this] { consume(); }) {}

PipelinedSink::~PipelinedSink() { drain(); }

PipelinedSink::Item &PipelinedSink::next() {
  if (filling_.used == kBatchItems) handOff();
  if (filling_.items.size() <= filling_.used) filling_.items.resize(filling_.used + 1);
  return filling_.items[filling_.used++];
}

void PipelinedSink::onEvent(const TraceEvent &event) {
  Item &item = next();
  item.kind = Kind::Event;
  item.event = event;
}

void PipelinedSink::onLostEvents(const LostEvents &lost) {
  Item &item = next();
  item.kind = Kind::Lost;
  item.lost = lost;
}

void PipelinedSink::onMeta(const std::string &key, const std::string &value) {
  Item &item = next();
  item.kind = Kind::Meta;
  item.key = key;
  item.value = value;
}

void PipelinedSink::handOff() {
  if (filling_.used == 0) return;
  std::unique_lock<std::mutex> lock(mutex_);
  // Bounded: the reader waits rather than queueing the whole trace.
  space_.wait(lock, [this] { return queue_.size() < kMaxQueuedBatches; });
  queue_.push_back(std::move(filling_));
  filling_ = Batch{};
  if (!spare_.empty()) {
    filling_ = std::move(spare_.back());
    spare_.pop_back();
  }
  filling_.used = 0;
  ready_.notify_one();
}

void PipelinedSink::consume() {
  for (;;) {
    Batch batch;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [this] { return !queue_.empty() || stopping_; });
      if (queue_.empty()) return;  // stopping and drained
      batch = std::move(queue_.front());
      queue_.pop_front();
      space_.notify_one();
    }
    for (size_t i = 0; i < batch.used; ++i) {
      const Item &item = batch.items[i];
      switch (item.kind) {
        case Kind::Event: target_.onEvent(item.event); break;
        case Kind::Lost: target_.onLostEvents(item.lost); break;
        case Kind::Meta: target_.onMeta(item.key, item.value); break;
      }
    }
    std::lock_guard<std::mutex> lock(mutex_);
    if (spare_.size() < kMaxQueuedBatches) spare_.push_back(std::move(batch));
  }
}

void PipelinedSink::drain() {
  if (!consumer_.joinable()) return;
  handOff();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_one();
  consumer_.join();
}

}  // namespace dmacheck::tracer
