// ImportSink: the EventSink the readers push into. It orders events (a small
// reorder window), numbers them, writes them, feeds the MappingTracker and
// keeps the per-device and per-reason bookkeeping; finish() writes devices,
// stats and meta. One sink per database; several sources in sequence.
//
//   reader ─► onEvent ─► reorder heap ─► process(): events row, device
//                                         bookkeeping, console facts,
//                                         MappingTracker ─► mappings,
//                                         iommu_ops, syncs, bounces, faults
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "mapping_tracker.h"
#include "run_types.h"
#include "run_writer.h"
#include "trace_event.h"

namespace dmacheck::tracer {

struct ImportOptions {
  // Events held back to absorb small timestamp inversions between per-CPU
  // buffers; the readers' formats are merged already, so this stays small.
  size_t reorderWindow = 4096;
  // Inputs must follow each other in time: a later input may start at most
  // this much before the previous one ended (ns); such a small overlap (per-CPU
  // buffers of consecutive trace_pipe reads) is merged by the reorder window.
  uint64_t sourceOverlapToleranceNs = 10'000'000;
  // Insert rows on a second thread so that parsing and pairing overlap with
  // SQLite (see RunWriter).
  bool backgroundWriter = true;
  // Feed the sink through a PipelinedSink: the sink (pairing, the writer's
  // producer side) runs on a thread of its own, so that decoding the input
  // overlaps with it.
  bool readerThread = true;
  // Unlink the temporary database on SIGINT/SIGTERM (the CLI sets this).
  bool removeTempOnSignal = false;
  // Told when the import enters its last phase (indexes), for progress UIs.
  std::function<void(const std::string &phase)> onPhase;
};

class ImportSink : public EventSink, private TrackerOutput {
 public:
  ImportSink(store::RunWriter &writer, ImportOptions options = {});
  ~ImportSink() override;

  void beginSource(int64_t sourceId, const std::string &path);
  // Flushes the reorder window, folds the reader's stats in, fills the
  // source's counters. False when the sources cannot share one database.
  bool endSource(const ReaderStats &stats, store::Source &source, std::string &error);
  // Emits live mappings, devices, stats and meta. Call once, at the end.
  bool finish(std::string &error);

  // A fatal inconsistency (inputs overlapping in time, different kernels).
  bool failed() const { return !fatal_.empty(); }
  const std::string &fatalError() const { return fatal_; }

  uint64_t eventsImported() const { return nextEvent_ - 1; }
  size_t liveMappings() const { return tracker_.liveMappings(); }
  size_t bufferedEvents() const { return inOrder_.size() + heap_.size(); }

  // EventSink
  void onEvent(const TraceEvent &event) override;
  void onLostEvents(const LostEvents &lost) override;
  void onMeta(const std::string &key, const std::string &value) override;

 private:
  struct Pending {  // heap entry; the event itself stays in its slot
    uint64_t ts;
    uint64_t seq;
    size_t slot;
    int64_t source;  // the window spans input boundaries
  };
  struct Stat {
    std::string origin;
    std::string severity;
    uint64_t count = 0;
    std::string sample;
  };

  // TrackerOutput
  void onMapping(const store::Mapping &mapping, const std::optional<store::IommuOp> &mapOp,
                 const std::optional<store::IommuOp> &unmapOp) override;
  void onIommuOp(const store::IommuOp &op) override;
  void onSync(const store::SyncRow &sync) override;
  void onBounce(const store::BounceRow &bounce) override;
  void onFault(const store::Fault &fault) override;
  void count(std::string_view reason, const std::string &sample) override;

  void release(size_t keep);
  void process(const TraceEvent &event, int64_t source);
  void writeEvent(int64_t id, int64_t device, std::optional<int64_t> stack, const TraceEvent &event, int64_t source);
  void console(int64_t id, const TraceEvent &event);
  int64_t deviceId(const std::string &name, uint64_t tsNs);
  void addStat(std::string_view reason, std::string_view origin, std::string_view severity, uint64_t n,
               const std::string &sample);
  void noteOverwritten(uint64_t count);

  store::RunWriter &writer_;
  ImportOptions options_;
  MappingTracker tracker_;
  // The reorder window: a FIFO while events arrive in time order (tracefs
  // text and trace.dat do; 8 % of the import's main thread went to heap
  // operations), a min-heap on (ts, seq) from the first one that does not
  // until the window drains.
  std::deque<Pending> inOrder_;
  std::vector<Pending> heap_;
  std::vector<TraceEvent> slots_;  // reused: assignment keeps string/vector capacity
  std::vector<size_t> freeSlots_;
  uint64_t seq_ = 0;
  int64_t nextEvent_ = 1;
  int64_t nextLost_ = 1;
  std::optional<uint64_t> lastReleasedTs_;
  std::optional<uint64_t> runFirstTs_, runLastTs_;

  int64_t source_ = 0;
  std::string sourcePath_;
  uint64_t sourceEvents_ = 0;
  std::optional<uint64_t> sourceFirstTs_, sourceLastTs_;
  std::optional<uint64_t> previousSourceLastTs_;
  std::string previousSourcePath_;

  std::unordered_map<std::string, int64_t> deviceIds_;
  std::vector<store::Device> devices_;              // index id - 1
  std::map<std::string, std::string> consoleDrivers_;  // device name -> driver, from console prefixes
  std::map<std::string, Stat> stats_;
  std::map<std::string, std::string> meta_;
  std::map<std::string, std::string> sourceMeta_;  // this source's facts
  int32_t maxCpu_ = -1;
  std::string fatal_;
};

}  // namespace dmacheck::tracer
