// Bulk writer of a run database: creates the schema, keeps one prepared
// INSERT per table inside one transaction, and at finish() fills the
// derived columns and builds the indexes (after the bulk insert: far cheaper
// than maintaining them row by row).
//
// Ids are assigned by the caller (the importer knows an event's id before it
// writes rows that refer to it). The first failing insert is remembered;
// later calls are no-ops and finish() reports it.
//
// Background mode (begin(..., true)): rows are queued in batches and inserted
// by one worker thread, so parsing and pairing overlap with SQLite. The queue
// is bounded (kMaxQueuedBatches x kBatchRows); the connection is used by the
// worker only until finish() joins it.
#pragma once

#include <atomic>
#include <cstdint>
#include <thread>
#include <variant>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "batch_pipe.h"
#include "run_types.h"

namespace dmacheck::store {

class Database;
class Statement;

struct SyncRow {
  int64_t id = 0;
  int64_t event = 0;
  uint64_t tsNs = 0;
  int64_t device = 0;
  bool forDevice = false;
  uint64_t dmaAddr = 0;
  uint64_t size = 0;
  int8_t dir = -1;
  std::optional<int64_t> mapping;
};

struct BounceRow {
  int64_t id = 0;
  int64_t event = 0;
  uint64_t tsNs = 0;
  int64_t device = 0;
  uint64_t origAddr = 0;
  uint64_t size = 0;
  bool forced = false;
  std::optional<int64_t> mapping;
};

// One entry of an sg event's array (events.sg).
struct SgEntryRow {
  std::optional<uint64_t> dmaAddr, physAddr, length;
};
// The JSON of events.sg: [[dma_addr, phys_addr, length], ...], null for a
// missing value, 64-bit values as signed integers (as in every column).
std::string sgEntriesJson(const std::vector<SgEntryRow> &entries);
// iommu_ops.piece_list: [[event, ts_ns, iova, paddr, size], ...], the first
// three relative to the first piece's.
std::string iommuPiecesJson(const std::vector<IommuPiece> &pieces);
void iommuPiecesJson(const std::vector<IommuPiece> &pieces, std::string &out);  // into out, replacing it

class RunWriter {
 public:
  RunWriter();
  ~RunWriter();

  // db must be open on an empty database. Creates the schema and begins the
  // bulk transaction.
  bool begin(Database &db, std::string &error, bool background = false);

  void setMeta(const std::string &key, const std::string &value);
  void addSource(const Source &source);
  // Interned: the same (pid, comm) gives the same id.
  int64_t internTask(int32_t pid, const std::string &comm);
  // Interned by frames; callSite is stored with the first occurrence.
  int64_t internStack(const std::vector<std::string> &frames, const std::string &callSite);
  // event.id must be set; pid/comm are interned into tasks.
  void addEvent(const Event &event);
  // iommu ops the row holds (mappings.holds 4/8): op.cpu, task and source
  // must be the mapping's map_* (unmap_*) ones; the caller sets the bits.
  void addMapping(const Mapping &mapping, const std::optional<IommuOp> &mapOp = std::nullopt,
                  const std::optional<IommuOp> &unmapOp = std::nullopt);
  void addIommuOp(const IommuOp &op);
  void addSync(const SyncRow &sync);
  void addBounce(const BounceRow &bounce);
  void addFault(const Fault &fault);
  void addLostWindow(const LostWindow &lost);
  void addDevice(const Device &device);  // once per device, at the end (summaries known)
  void setImportStat(const ImportStat &stat);

  // Drains the queue, commits, marks long-lived mappings, builds indexes,
  // runs ANALYZE.
  bool finish(std::string &error);
  // False once an insert failed (in background mode: noticed a little later).
  bool ok() const { return !failed_.load(); }
  // The first failure; read it after finish().
  const std::string &error() const { return error_; }

 private:
  struct MetaRow {
    std::string key, value;
  };
  struct TaskRow {
    int64_t id;
    int32_t pid;
    std::string comm;
  };
  struct StackRow {
    int64_t id;
    std::string callSite;
    int64_t depth;
    std::string frames;
  };
  struct EventRow {
    Event event;  // pid/comm unused: interned into task
    std::optional<int64_t> task;
  };
  // The part of an iommu op a mappings row keeps (map_iommu_*, unmap_iommu_*).
  struct HeldOp {
    int64_t event = 0;
    uint64_t tsNs = 0, iova = 0, size = 0;
    std::optional<uint64_t> paddr, unmappedSize;
    std::optional<int64_t> stack;
  };
  struct MappingRow {
    Mapping mapping;
    std::optional<HeldOp> mapOp, unmapOp;
  };
  using Row = std::variant<MetaRow, Source, TaskRow, StackRow, EventRow, MappingRow, IommuOp, SyncRow, BounceRow,
                           Fault, LostWindow, Device, ImportStat>;
  static constexpr size_t kBatchRows = 4096;
  static constexpr size_t kMaxQueuedBatches = 8;

  void submit(Row row);
  void handOff();
  void workerLoop();
  void stopWorker();
  void insert(const MetaRow &row);
  void insert(const Source &row);
  void insert(const TaskRow &row);
  void insert(const StackRow &row);
  void insert(const EventRow &row);
  void insert(const MappingRow &row);
  void insert(const IommuOp &row);
  void insert(const SyncRow &row);
  void insert(const BounceRow &row);
  void insert(const Fault &row);
  void insert(const LostWindow &row);
  void insert(const Device &row);
  void insert(const ImportStat &row);
  void check(Statement &statement, const char *table);

  Database *db_ = nullptr;
  std::string error_;
  std::atomic<bool> failed_{false};
  bool background_ = false;
  std::vector<Row> filling_;  // producer side
  // Emptied batches go back to the producer: a fresh 1 MB batch per 4096
  // rows cost page faults (3 % of the import's main thread).
  BatchPipe<std::vector<Row>> pipe_{kMaxQueuedBatches};
  std::thread worker_;
  std::unique_ptr<Statement> meta_, source_, task_, stack_, event_, mapping_, iommu_, sync_, bounce_, fault_,
      lost_, device_, stat_;
  std::unordered_map<std::string, int64_t> tasks_;   // "pid\0comm" -> id
  std::unordered_map<std::string, int64_t> stacks_;  // joined frames -> id
  int64_t lastTaskId_ = 0;
  int32_t lastTaskPid_ = 0;
  std::string lastTaskComm_;
  std::string pieceList_;  // the inserting thread's piece_list buffer
};

}  // namespace dmacheck::store
