// Internal to the readers: holds parsed events back until the next record of
// their CPU is seen, so that a stack trace recorded right after an event
// (options/stacktrace, trace-cmd -T) can be attached to it.
//
// Output is merged across CPUs by time, so an event's stack record does not
// always come right after it: another CPU's event can sit between them.
// Events leave the queue in arrival order, as soon as everything before them
// is complete (the next record of their CPU arrived) or the queue is full.
//
//   push(cpu A event) ─┐ incomplete until the next record on CPU A
//   push(cpu B event)  │
//   stack(cpu A) ──────┘ attaches to A's event, which is then complete
#pragma once

#include <cstdint>
#include <vector>

#include "trace_event.h"

namespace dmacheck::tracer {

class HoldbackQueue {
 public:
  explicit HoldbackQueue(EventSink &sink);

  // Takes the event (swapped out of `event`, which gets a recycled object).
  void pushEvent(TraceEvent &event);
  // A lost-event marker, delivered in order with the events.
  void pushLost(const LostEvents &lost);
  // The newest event of `cpu` if it is still waiting for its stack.
  TraceEvent *stackTarget(int32_t cpu);
  // The next record of `cpu` was not a stack: its newest event is complete.
  void completeCpu(int32_t cpu);
  void flushAll();

 private:
  struct Entry {
    bool isLost = false;
    bool complete = false;
    TraceEvent event;
    LostEvents lost;
  };
  Entry &at(uint64_t seq) { return ring_[seq % kCapacity]; }
  int64_t &lastOf(int32_t cpu);
  void emitFront();
  void drain();

  // A ring of reused TraceEvents: no allocation per event once warm.
  static constexpr uint64_t kCapacity = 256;  // bounds memory and delay
  EventSink &sink_;
  std::vector<Entry> ring_;
  uint64_t head_ = 0;  // seq of the oldest held entry
  uint64_t tail_ = 0;  // seq the next entry gets
  std::vector<int64_t> lastSeqByCpu_;  // newest incomplete event per CPU, -1 none
  int64_t lastSeqNoCpu_ = -1;          // events without a CPU (cpu < 0)
};

}  // namespace dmacheck::tracer
