#include "holdback_queue.h"

#include <utility>

namespace dmacheck::tracer {

HoldbackQueue::HoldbackQueue(EventSink &sink) : sink_(sink), ring_(kCapacity) {}

int64_t &HoldbackQueue::lastOf(int32_t cpu) {
  if (cpu < 0 || cpu > 65535) return lastSeqNoCpu_;
  if (static_cast<size_t>(cpu) >= lastSeqByCpu_.size()) lastSeqByCpu_.resize(static_cast<size_t>(cpu) + 1, -1);
  return lastSeqByCpu_[static_cast<size_t>(cpu)];
}

void HoldbackQueue::pushEvent(TraceEvent &event) {
  completeCpu(event.cpu);
  if (tail_ - head_ == kCapacity) emitFront();
  Entry &entry = at(tail_);
  entry.isLost = false;
  entry.complete = false;
  std::swap(entry.event, event);
  lastOf(entry.event.cpu) = static_cast<int64_t>(tail_);
  ++tail_;
}

void HoldbackQueue::pushLost(const LostEvents &lost) {
  if (tail_ - head_ == kCapacity) emitFront();
  Entry &entry = at(tail_);
  entry.isLost = true;
  entry.complete = true;
  entry.lost = lost;
  ++tail_;
  drain();
}

TraceEvent *HoldbackQueue::stackTarget(int32_t cpu) {
  const int64_t seq = lastOf(cpu);
  if (seq < 0 || static_cast<uint64_t>(seq) < head_) return nullptr;
  Entry &entry = at(static_cast<uint64_t>(seq));
  if (entry.complete || !entry.event.stack.empty()) return nullptr;
  return &entry.event;
}

void HoldbackQueue::completeCpu(int32_t cpu) {
  int64_t &seq = lastOf(cpu);
  if (seq < 0) return;
  if (static_cast<uint64_t>(seq) >= head_) at(static_cast<uint64_t>(seq)).complete = true;
  seq = -1;
  drain();
}

void HoldbackQueue::emitFront() {
  Entry &front = at(head_);
  if (front.isLost) {
    sink_.onLostEvents(front.lost);
  } else {
    sink_.onEvent(front.event);
    int64_t &seq = lastOf(front.event.cpu);
    if (seq == static_cast<int64_t>(head_)) seq = -1;
  }
  ++head_;
}

void HoldbackQueue::drain() {
  while (head_ != tail_ && at(head_).complete) emitFront();
}

void HoldbackQueue::flushAll() {
  while (head_ != tail_) emitFront();
  for (int64_t &seq : lastSeqByCpu_) seq = -1;
  lastSeqNoCpu_ = -1;
}

}  // namespace dmacheck::tracer
