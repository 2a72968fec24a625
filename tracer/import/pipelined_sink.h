// PipelinedSink: a reader and the sink it feeds on two threads. The reader's
// calls (events, lost-event markers, meta facts) are copied into batches and
// replayed, in order, on a consumer thread that owns the target sink, so that
// decoding the input overlaps with pairing (and RunWriter's own thread with
// SQLite). The target is touched only by the consumer thread until drain()
// returns. Batches and their TraceEvents are recycled: copying into them
// reuses the strings' and vectors' capacity.
#pragma once

#include <cstddef>
#include <string>
#include <thread>
#include <vector>

#include "batch_pipe.h"
#include "trace_event.h"

namespace dmacheck::tracer {

class PipelinedSink : public EventSink {
 public:
  explicit PipelinedSink(EventSink &target);
  ~PipelinedSink() override;  // drains
  PipelinedSink(const PipelinedSink &) = delete;
  PipelinedSink &operator=(const PipelinedSink &) = delete;

  void onEvent(const TraceEvent &event) override;
  void onLostEvents(const LostEvents &lost) override;
  void onMeta(const std::string &key, const std::string &value) override;

  // Hands over what is buffered and waits until the consumer has replayed
  // everything and stopped; afterwards the caller may use the target again.
  void drain();

 private:
  enum class Kind { Event, Lost, Meta };
  struct Item {
    Kind kind = Kind::Event;
    TraceEvent event;
    LostEvents lost;
    std::string key, value;
  };
  struct Batch {
    std::vector<Item> items;  // the first `used` are filled
    size_t used = 0;
  };
  static constexpr size_t kBatchItems = 512;
  static constexpr size_t kMaxQueuedBatches = 8;

  Item &next();  // the next free item of the filling batch
  void handOff();
  void consume();

  EventSink &target_;
  Batch filling_;
  store::BatchPipe<Batch> pipe_{kMaxQueuedBatches};
  std::thread consumer_;
};

}  // namespace dmacheck::tracer
