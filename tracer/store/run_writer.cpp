#include "run_writer.h"

#include <charconv>
#include <variant>

#include "database.h"
#include "schema.h"

namespace dmacheck::store {
namespace {

std::unique_ptr<Statement> prepare(Database &db, const char *sql, std::string &error) {
  auto s = std::make_unique<Statement>(db.prepare(sql));
  if (!s->valid() && error.empty()) error = std::string("cannot prepare '") + sql + "': " + db.lastError();
  return s;
}

void bindDir(Statement &s, int index, int8_t dir) { dir < 0 ? s.bindNull(index) : s.bindInt(index, dir); }

void appendJsonValue(std::string &out, const std::optional<uint64_t> &value) {
  if (!value) {
    out += "null";
    return;
  }
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<int64_t>(*value));
  out.append(buf, end);
}

}  // namespace

std::string sgEntriesJson(const std::vector<SgEntryRow> &entries) {
  std::string out;
  out.reserve(2 + entries.size() * 40);
  out += '[';
  for (size_t i = 0; i < entries.size(); ++i) {
    out += i ? ",[" : "[";
    appendJsonValue(out, entries[i].dmaAddr);
    out += ',';
    appendJsonValue(out, entries[i].physAddr);
    out += ',';
    appendJsonValue(out, entries[i].length);
    out += ']';
  }
  out += ']';
  return out;
}

std::string iommuPiecesJson(const std::vector<IommuPiece> &pieces) {
  std::string out;
  iommuPiecesJson(pieces, out);
  return out;
}

void iommuPiecesJson(const std::vector<IommuPiece> &pieces, std::string &out) {
  out.clear();
  if (pieces.empty()) {
    out = "[]";
    return;
  }
  out.reserve(2 + pieces.size() * 40);
  out += '[';
  // Event, time and IOVA relative to the first piece (the row's own): 116
  // instead of 201 MB of JSON at 10 M events (docs/benchmarks.md).
  const IommuPiece &first = pieces.front();
  for (size_t i = 0; i < pieces.size(); ++i) {
    const IommuPiece &p = pieces[i];
    out += i ? ",[" : "[";
    appendJsonValue(out, static_cast<uint64_t>(p.event - first.event));
    for (uint64_t value : {p.tsNs - first.tsNs, p.iova - first.iova, p.paddr, p.size}) {
      out += ',';
      appendJsonValue(out, value);
    }
    out += ']';
  }
  out += ']';
}

RunWriter::RunWriter() = default;
RunWriter::~RunWriter() { stopWorker(); }

bool RunWriter::begin(Database &db, std::string &error, bool background) {
  db_ = &db;
  // The import writes a temporary file that is renamed at the end: a crash
  // loses the whole file anyway, so journaling and fsync buy nothing. 64 KiB
  // pages: 8% faster bulk inserts than 16 KiB at 2 M events, and no slower
  // checks (docs/benchmarks.md).
  if (!db.execute("PRAGMA page_size = 65536; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                  "PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -65536;",
                  error))
    return false;
  if (!createSchema(db, error)) return false;
  if (!db.execute("BEGIN", error)) return false;
  meta_ = prepare(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", error_);
  source_ = prepare(db,
                    "INSERT INTO sources (id, path, format, bytes, input_units, events, first_ts, last_ts) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    error_);
  task_ = prepare(db, "INSERT INTO tasks (id, pid, comm) VALUES (?, ?, ?)", error_);
  stack_ = prepare(db, "INSERT INTO stacks (id, call_site, depth, frames) VALUES (?, ?, ?, ?)", error_);
  event_ = prepare(db,
                   "INSERT INTO events (id, ts_ns, cpu, task, type, device, dma_addr, phys_addr, size, dir, attrs, "
                   "aux, stack, source, text, sg) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   error_);
  mapping_ = prepare(db,
                     "INSERT INTO mappings (id, device, kind, dma_addr, phys_addr, size, dir, attrs, map_ts, unmap_ts, "
                     "map_event, unmap_event, unmap_size, unmap_dir, map_stack, unmap_stack, sg_group, sg_index, "
                     "flags, long_lived, map_type, map_cpu, map_task, map_source, unmap_type, unmap_cpu, "
                     "unmap_task, unmap_source, unmap_attrs, holds, unmap_nents, map_iommu_event, map_iommu_ts, "
                     "map_iommu_iova, map_iommu_paddr, map_iommu_size, map_iommu_stack, unmap_iommu_event, "
                     "unmap_iommu_ts, unmap_iommu_iova, unmap_iommu_size, unmap_iommu_unmapped, unmap_iommu_stack) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                     "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     error_);
  iommu_ = prepare(db,
                   "INSERT INTO iommu_ops (id, event, ts_ns, cpu, op, iova, paddr, size, unmapped_size, device, "
                   "mapping, task, stack, source, pieces, piece_list) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   error_);
  sync_ = prepare(db,
                  "INSERT INTO syncs (id, event, ts_ns, device, for_device, dma_addr, size, dir, mapping) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  error_);
  bounce_ = prepare(db,
                    "INSERT INTO bounces (id, event, ts_ns, device, orig_addr, size, forced, mapping) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    error_);
  fault_ = prepare(db,
                   "INSERT INTO faults (id, event, ts_ns, device, source, addr, access, reason, reason_text, mapping) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   error_);
  lost_ = prepare(db, "INSERT INTO lost_events (id, cpu, ts_ns, count, source) VALUES (?, ?, ?, ?, ?)", error_);
  device_ = prepare(db,
                    "INSERT INTO devices (id, name, bus, driver, iommu_group, added_ts, attached_ts, removed_ts, "
                    "first_ts, last_ts, mappings, bytes_mapped, peak_live, peak_live_ts, live_at_end, failed_maps, "
                    "min_dma_addr, max_dma_end, lifetime_bound_ns, min_phys_addr, max_phys_end) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    error_);
  stat_ = prepare(db,
                  "INSERT OR REPLACE INTO import_stats (reason, origin, severity, count, description, sample) "
                  "VALUES (?, ?, ?, ?, ?, ?)",
                  error_);
  if (!error_.empty()) {
    error = error_;
    failed_.store(true);
    return false;
  }
  background_ = background;
  if (background_) {
    filling_.reserve(kBatchRows);
    worker_ = std::thread([this] { workerLoop(); });
  }
  return true;
}

void RunWriter::check(Statement &statement, const char *table) {
  // run() resets the statement; every caller binds every parameter, so the
  // bindings need no clearing.
  // Only the inserting thread writes error_; others read it after join.
  if (!statement.run() && !failed_.load()) {
    error_ = std::string("cannot insert into ") + table + ": " + db_->lastError();
    failed_.store(true);
  }
}

void RunWriter::insert(const MetaRow &row) {
  meta_->bindText(1, row.key);
  meta_->bindText(2, row.value);
  check(*meta_, "meta");
}

void RunWriter::insert(const Source &s) {
  source_->bindInt(1, s.id);
  source_->bindText(2, s.path);
  source_->bindText(3, s.format);
  source_->bindOptionalU64(4, s.bytes);
  source_->bindU64(5, s.inputUnits);
  source_->bindU64(6, s.events);
  source_->bindOptionalU64(7, s.firstTs);
  source_->bindOptionalU64(8, s.lastTs);
  check(*source_, "sources");
}

int64_t RunWriter::internTask(int32_t pid, const std::string &comm) {
  // Consecutive events mostly come from the same task: skip the map then.
  if (lastTaskId_ && pid == lastTaskPid_ && comm == lastTaskComm_) return lastTaskId_;
  std::string key = std::to_string(pid);
  key.push_back('\0');
  key += comm;
  auto [it, inserted] = tasks_.emplace(std::move(key), static_cast<int64_t>(tasks_.size() + 1));
  if (inserted) submit(TaskRow{it->second, pid, comm});
  lastTaskId_ = it->second;
  lastTaskPid_ = pid;
  lastTaskComm_ = comm;
  return it->second;
}

void RunWriter::insert(const TaskRow &row) {
  task_->bindInt(1, row.id);
  task_->bindInt(2, row.pid);
  task_->bindText(3, row.comm);
  check(*task_, "tasks");
}

int64_t RunWriter::internStack(const std::vector<std::string> &frames, const std::string &callSite) {
  std::string joined;
  for (const std::string &frame : frames) {
    if (!joined.empty()) joined.push_back('\n');
    joined += frame;
  }
  auto [it, inserted] = stacks_.emplace(joined, static_cast<int64_t>(stacks_.size() + 1));
  if (inserted) submit(StackRow{it->second, callSite, static_cast<int64_t>(frames.size()), joined});
  return it->second;
}

void RunWriter::insert(const StackRow &row) {
  stack_->bindInt(1, row.id);
  row.callSite.empty() ? stack_->bindNull(2) : stack_->bindText(2, row.callSite);
  stack_->bindInt(3, row.depth);
  stack_->bindText(4, row.frames);
  check(*stack_, "stacks");
}

void RunWriter::insert(const EventRow &row) {
  const Event &e = row.event;
  Statement &s = *event_;
  s.bindInt(1, e.id);
  s.bindU64(2, e.tsNs);
  e.cpu ? s.bindInt(3, *e.cpu) : s.bindNull(3);
  s.bindOptionalInt(4, row.task);
  s.bindInt(5, e.type);
  s.bindOptionalInt(6, e.device);
  s.bindOptionalU64(7, e.dmaAddr);
  s.bindOptionalU64(8, e.physAddr);
  s.bindOptionalU64(9, e.size);
  bindDir(s, 10, e.dir);
  s.bindOptionalU64(11, e.attrs);
  s.bindOptionalU64(12, e.aux);
  s.bindOptionalInt(13, e.stack);
  s.bindInt(14, e.source);
  e.text.empty() ? s.bindNull(15) : s.bindTextUntilStep(15, e.text);
  e.sg.empty() ? s.bindNull(16) : s.bindTextUntilStep(16, e.sg);
  check(s, "events");
}

void RunWriter::insert(const MappingRow &row) {
  const Mapping &m = row.mapping;
  Statement &s = *mapping_;
  s.bindInt(1, m.id);
  s.bindInt(2, m.device);
  s.bindInt(3, static_cast<int64_t>(m.kind));
  s.bindU64(4, m.dmaAddr);
  s.bindOptionalU64(5, m.physAddr);
  s.bindU64(6, m.size);
  bindDir(s, 7, m.dir);
  s.bindU64(8, m.attrs);
  s.bindU64(9, m.mapTs);
  s.bindOptionalU64(10, m.unmapTs);
  s.bindInt(11, m.mapEvent);
  s.bindOptionalInt(12, m.unmapEvent);
  s.bindOptionalU64(13, m.unmapSize);
  bindDir(s, 14, m.unmapDir);
  s.bindOptionalInt(15, m.mapStack);
  s.bindOptionalInt(16, m.unmapStack);
  s.bindOptionalInt(17, m.sgGroup);
  m.sgIndex ? s.bindInt(18, *m.sgIndex) : s.bindNull(18);
  s.bindInt(19, m.flags);
  s.bindInt(20, m.longLived ? 1 : 0);
  auto bindUnlessNegative = [&s](int index, int64_t v) { v < 0 ? s.bindNull(index) : s.bindInt(index, v); };
  auto bindUnlessZero = [&s](int index, int64_t v) { v == 0 ? s.bindNull(index) : s.bindInt(index, v); };
  bindUnlessNegative(21, m.mapType);
  bindUnlessNegative(22, m.mapCpu);
  bindUnlessZero(23, m.mapTask);
  bindUnlessZero(24, m.mapSource);
  bindUnlessNegative(25, m.unmapType);
  bindUnlessNegative(26, m.unmapCpu);
  bindUnlessZero(27, m.unmapTask);
  bindUnlessZero(28, m.unmapSource);
  m.unmapTs ? s.bindU64(29, m.unmapAttrs) : s.bindNull(29);
  s.bindInt(30, m.holds);
  bindUnlessNegative(31, m.unmapNents);
  auto bindHeld = [&s](int first, const std::optional<HeldOp> &op, bool isMap) {
    if (!op) {
      for (int i = 0; i < 6; ++i) s.bindNull(first + i);
      return;
    }
    s.bindInt(first, op->event);
    s.bindU64(first + 1, op->tsNs);
    s.bindU64(first + 2, op->iova);
    if (isMap) {
      s.bindOptionalU64(first + 3, op->paddr);
      s.bindU64(first + 4, op->size);
    } else {
      s.bindU64(first + 3, op->size);
      s.bindOptionalU64(first + 4, op->unmappedSize);
    }
    s.bindOptionalInt(first + 5, op->stack);
  };
  bindHeld(32, row.mapOp, true);
  bindHeld(38, row.unmapOp, false);
  check(s, "mappings");
}

void RunWriter::insert(const IommuOp &op) {
  Statement &s = *iommu_;
  s.bindInt(1, op.id);
  s.bindInt(2, op.event);
  s.bindU64(3, op.tsNs);
  op.cpu ? s.bindInt(4, *op.cpu) : s.bindNull(4);
  s.bindInt(5, op.unmap ? 1 : 0);
  s.bindU64(6, op.iova);
  s.bindOptionalU64(7, op.paddr);
  s.bindU64(8, op.size);
  s.bindOptionalU64(9, op.unmappedSize);
  s.bindOptionalInt(10, op.device);
  s.bindOptionalInt(11, op.mapping);
  s.bindOptionalInt(12, op.task);
  s.bindOptionalInt(13, op.stack);
  s.bindInt(14, op.source);
  if (op.pieces.empty()) {
    s.bindInt(15, 1);
    s.bindNull(16);
  } else {
    s.bindInt(15, static_cast<int64_t>(op.pieces.size()));
    iommuPiecesJson(op.pieces, pieceList_);  // reused buffer, bound without a copy
    s.bindTextUntilStep(16, pieceList_);
  }
  check(s, "iommu_ops");
}

void RunWriter::insert(const SyncRow &r) {
  Statement &s = *sync_;
  s.bindInt(1, r.id);
  s.bindInt(2, r.event);
  s.bindU64(3, r.tsNs);
  s.bindInt(4, r.device);
  s.bindInt(5, r.forDevice ? 1 : 0);
  s.bindU64(6, r.dmaAddr);
  s.bindU64(7, r.size);
  bindDir(s, 8, r.dir);
  s.bindOptionalInt(9, r.mapping);
  check(s, "syncs");
}

void RunWriter::insert(const BounceRow &r) {
  Statement &s = *bounce_;
  s.bindInt(1, r.id);
  s.bindInt(2, r.event);
  s.bindU64(3, r.tsNs);
  s.bindInt(4, r.device);
  s.bindU64(5, r.origAddr);
  s.bindU64(6, r.size);
  s.bindInt(7, r.forced ? 1 : 0);
  s.bindOptionalInt(8, r.mapping);
  check(s, "bounces");
}

void RunWriter::insert(const Fault &f) {
  Statement &s = *fault_;
  s.bindInt(1, f.id);
  s.bindInt(2, f.event);
  s.bindU64(3, f.tsNs);
  s.bindOptionalInt(4, f.device);
  s.bindText(5, f.source);
  s.bindU64(6, f.addr);
  f.access.empty() ? s.bindNull(7) : s.bindText(7, f.access);
  f.reason ? s.bindInt(8, *f.reason) : s.bindNull(8);
  f.reasonText.empty() ? s.bindNull(9) : s.bindText(9, f.reasonText);
  s.bindOptionalInt(10, f.mapping);
  check(s, "faults");
}

void RunWriter::insert(const LostWindow &l) {
  Statement &s = *lost_;
  s.bindInt(1, l.id);
  l.cpu ? s.bindInt(2, *l.cpu) : s.bindNull(2);
  s.bindU64(3, l.tsNs);
  s.bindOptionalU64(4, l.count);
  s.bindInt(5, l.source);
  check(s, "lost_events");
}

void RunWriter::insert(const Device &d) {
  Statement &s = *device_;
  s.bindInt(1, d.id);
  s.bindText(2, d.name);
  d.bus.empty() ? s.bindNull(3) : s.bindText(3, d.bus);
  d.driver.empty() ? s.bindNull(4) : s.bindText(4, d.driver);
  d.iommuGroup ? s.bindInt(5, *d.iommuGroup) : s.bindNull(5);
  s.bindOptionalU64(6, d.addedTs);
  s.bindOptionalU64(7, d.attachedTs);
  s.bindOptionalU64(8, d.removedTs);
  s.bindOptionalU64(9, d.firstTs);
  s.bindOptionalU64(10, d.lastTs);
  s.bindU64(11, d.mappings);
  s.bindU64(12, d.bytesMapped);
  s.bindU64(13, d.peakLive);
  s.bindOptionalU64(14, d.peakLiveTs);
  s.bindU64(15, d.liveAtEnd);
  s.bindU64(16, d.failedMaps);
  s.bindOptionalU64(17, d.minDmaAddr);
  s.bindOptionalU64(18, d.maxDmaEnd);
  s.bindOptionalU64(19, d.lifetimeBoundNs);
  s.bindOptionalU64(20, d.minPhysAddr);
  s.bindOptionalU64(21, d.maxPhysEnd);
  check(s, "devices");
}

void RunWriter::insert(const ImportStat &st) {
  Statement &s = *stat_;
  s.bindText(1, st.reason);
  s.bindText(2, st.origin);
  s.bindText(3, st.severity);
  s.bindU64(4, st.count);
  s.bindText(5, st.description);
  st.sample.empty() ? s.bindNull(6) : s.bindText(6, st.sample);
  check(s, "import_stats");
}

// ---------------------------------------------------------------- public API

void RunWriter::setMeta(const std::string &key, const std::string &value) { submit(MetaRow{key, value}); }
void RunWriter::addSource(const Source &source) { submit(source); }
void RunWriter::addEvent(const Event &event) {
  EventRow row{event, std::nullopt};
  if (event.pid) row.task = internTask(*event.pid, event.comm);
  row.event.comm.clear();
  submit(std::move(row));
}
void RunWriter::addMapping(const Mapping &mapping, const std::optional<IommuOp> &mapOp,
                           const std::optional<IommuOp> &unmapOp) {
  auto held = [](const std::optional<IommuOp> &op) -> std::optional<HeldOp> {
    if (!op) return std::nullopt;
    return HeldOp{op->event, op->tsNs, op->iova, op->size, op->paddr, op->unmappedSize, op->stack};
  };
  submit(MappingRow{mapping, held(mapOp), held(unmapOp)});
}
void RunWriter::addIommuOp(const IommuOp &op) { submit(op); }
void RunWriter::addSync(const SyncRow &sync) { submit(sync); }
void RunWriter::addBounce(const BounceRow &bounce) { submit(bounce); }
void RunWriter::addFault(const Fault &fault) { submit(fault); }
void RunWriter::addLostWindow(const LostWindow &lost) { submit(lost); }
void RunWriter::addDevice(const Device &device) { submit(device); }
void RunWriter::setImportStat(const ImportStat &stat) { submit(stat); }

// ------------------------------------------------------ background inserts

void RunWriter::submit(Row row) {
  if (failed_.load(std::memory_order_relaxed)) return;
  if (!background_) {
    std::visit([this](const auto &r) { insert(r); }, row);
    return;
  }
  filling_.push_back(std::move(row));
  if (filling_.size() >= kBatchRows) handOff();
}

void RunWriter::handOff() {
  if (filling_.empty()) return;
  filling_ = pipe_.handOff(std::move(filling_));
  filling_.reserve(kBatchRows);  // a no-op for a recycled batch
}

void RunWriter::workerLoop() {
  while (std::optional<std::vector<Row>> batch = pipe_.take()) {
    if (!failed_.load(std::memory_order_relaxed)) {  // else drain without inserting
      for (const Row &row : *batch) std::visit([this](const auto &r) { insert(r); }, row);
    }
    batch->clear();
    pipe_.recycle(std::move(*batch));
  }
}

void RunWriter::stopWorker() {
  if (!worker_.joinable()) return;
  handOff();
  pipe_.close();
  worker_.join();
}

bool RunWriter::finish(std::string &error) {
  stopWorker();
  if (!ok()) {
    error = error_;
    return false;
  }
  // Statements hold read locks on nothing, but finalize them before COMMIT
  // and the DDL that follows to keep sqlite's schema changes simple.
  meta_.reset(), source_.reset(), task_.reset(), stack_.reset(), event_.reset(), mapping_.reset();
  iommu_.reset(), sync_.reset(), bounce_.reset(), fault_.reset(), lost_.reset(), device_.reset(), stat_.reset();
  // Rows longer than their device's bound (or live at the end) are fetched
  // by the viewport query's second, unbounded-lifetime half.
  if (!db_->execute("UPDATE mappings SET long_lived = 1 WHERE unmap_ts IS NULL OR unmap_ts - map_ts > "
                    "COALESCE((SELECT lifetime_bound_ns FROM devices WHERE devices.id = mappings.device), 0)",
                    error))
    return false;
  if (!db_->execute("COMMIT", error)) return false;
  if (!createIndexes(*db_, error)) return false;
  // Sampled statistics for the big event tables (a full ANALYZE reads every
  // index: 2.5 s at 10 M events), exact ones for mappings: with sampled
  // ones the planner took the (device, dma_addr) index for "all mappings of
  // a device" and the viewer's load went from 0.3 s to 4 s.
  if (!db_->execute("PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA analysis_limit = 0; ANALYZE mappings", error))
    return false;
  return true;
}

}  // namespace dmacheck::store
