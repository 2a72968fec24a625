#include "run_reader.h"

#include <algorithm>
#include <charconv>
#include <sstream>

#include "database.h"
#include "schema.h"

namespace dmacheck::store {
namespace {

constexpr int64_t kI64Max = std::numeric_limits<int64_t>::max();

// u64 bounds as query parameters: clamp into the positive int64 range so a
// "no limit" bound does not turn negative in SQL.
int64_t clampU64(uint64_t v) { return v > static_cast<uint64_t>(kI64Max) ? kI64Max : static_cast<int64_t>(v); }

}  // namespace

const char *const kMappingColumns =
    "id, device, kind, dma_addr, phys_addr, size, dir, attrs, map_ts, unmap_ts, map_event, unmap_event, "
    "unmap_size, unmap_dir, map_stack, unmap_stack, sg_group, sg_index, flags, long_lived, map_type, map_cpu, "
    "map_task, map_source, unmap_type, unmap_cpu, unmap_task, unmap_source, unmap_attrs, holds, unmap_nents";

Mapping readMapping(const Statement &s) {
  Mapping m;
  m.id = s.columnInt(0);
  m.device = s.columnInt(1);
  m.kind = static_cast<MappingKind>(s.columnInt(2));
  m.dmaAddr = s.columnU64(3);
  m.physAddr = s.columnOptionalU64(4);
  m.size = s.columnU64(5);
  m.dir = s.isNull(6) ? -1 : static_cast<int8_t>(s.columnInt(6));
  m.attrs = s.columnU64(7);
  m.mapTs = s.columnU64(8);
  m.unmapTs = s.columnOptionalU64(9);
  m.mapEvent = s.columnInt(10);
  m.unmapEvent = s.columnOptionalInt(11);
  m.unmapSize = s.columnOptionalU64(12);
  m.unmapDir = s.isNull(13) ? -1 : static_cast<int8_t>(s.columnInt(13));
  m.mapStack = s.columnOptionalInt(14);
  m.unmapStack = s.columnOptionalInt(15);
  m.sgGroup = s.columnOptionalInt(16);
  if (!s.isNull(17)) m.sgIndex = static_cast<int32_t>(s.columnInt(17));
  m.flags = static_cast<uint32_t>(s.columnInt(18));
  m.longLived = s.columnInt(19) != 0;
  auto intOr = [&s](int column, int64_t none) { return s.isNull(column) ? none : s.columnInt(column); };
  m.mapType = static_cast<int8_t>(intOr(20, -1));
  m.mapCpu = static_cast<int32_t>(intOr(21, -1));
  m.mapTask = intOr(22, 0);
  m.mapSource = static_cast<int32_t>(intOr(23, 0));
  m.unmapType = static_cast<int8_t>(intOr(24, -1));
  m.unmapCpu = static_cast<int32_t>(intOr(25, -1));
  m.unmapTask = intOr(26, 0);
  m.unmapSource = static_cast<int32_t>(intOr(27, 0));
  m.unmapAttrs = s.columnOptionalU64(28).value_or(0);
  m.holds = static_cast<uint8_t>(s.columnInt(29));
  m.unmapNents = static_cast<int32_t>(intOr(30, -1));
  return m;
}

namespace {

constexpr const char *kExtentColumns =
    "id, device, kind, dma_addr, size, dir, map_ts, unmap_ts, flags, long_lived, phys_addr";

Mapping readExtent(const Statement &s) {
  Mapping m;
  m.id = s.columnInt(0);
  m.device = s.columnInt(1);
  m.kind = static_cast<MappingKind>(s.columnInt(2));
  m.dmaAddr = s.columnU64(3);
  m.size = s.columnU64(4);
  m.dir = s.isNull(5) ? -1 : static_cast<int8_t>(s.columnInt(5));
  m.mapTs = s.columnU64(6);
  m.unmapTs = s.columnOptionalU64(7);
  m.flags = static_cast<uint32_t>(s.columnInt(8));
  m.longLived = s.columnInt(9) != 0;
  m.physAddr = s.columnOptionalU64(10);
  return m;
}

constexpr const char *kEventColumns =
    "e.id, e.ts_ns, e.cpu, t.pid, t.comm, e.type, e.device, e.dma_addr, e.phys_addr, e.size, e.dir, e.attrs, "
    "e.aux, e.stack, e.source, e.text, e.sg";

// Event types a mappings row may hold (mappings.holds, view mapping_events).
bool heldByMappings(int type) {
  for (std::string_view name :
       {"dma_map_page", "dma_unmap_page", "dma_map_resource", "dma_unmap_resource", "dma_unmap_sg"})
    if (type == eventTypeCode(name)) return true;
  return false;
}

// Rows of the iommu_events view `o` (iommu:map/unmap have no events row,
// schema.cpp) as events: the same columns as kEventColumns, type from op.
std::string iommuEventColumns() {
  return "o.event, o.ts_ns, o.cpu, t.pid, t.comm, CASE o.op WHEN 0 THEN " + std::to_string(eventTypeCode("iommu_map")) +
         " ELSE " + std::to_string(eventTypeCode("iommu_unmap")) +
         " END, o.device, o.iova, o.paddr, o.size, NULL, NULL, o.unmapped_size, o.stack, o.source, NULL, NULL";
}

Event readEvent(const Statement &s) {
  Event e;
  e.id = s.columnInt(0);
  e.tsNs = s.columnU64(1);
  if (!s.isNull(2)) e.cpu = static_cast<int32_t>(s.columnInt(2));
  if (!s.isNull(3)) e.pid = static_cast<int32_t>(s.columnInt(3));
  e.comm = s.columnText(4);
  e.type = static_cast<int>(s.columnInt(5));
  e.device = s.columnOptionalInt(6);
  e.dmaAddr = s.columnOptionalU64(7);
  e.physAddr = s.columnOptionalU64(8);
  e.size = s.columnOptionalU64(9);
  e.dir = s.isNull(10) ? -1 : static_cast<int8_t>(s.columnInt(10));
  e.attrs = s.columnOptionalU64(11);
  e.aux = s.columnOptionalU64(12);
  e.stack = s.columnOptionalInt(13);
  e.source = s.columnInt(14);
  e.text = s.columnText(15);
  e.sg = s.columnText(16);
  return e;
}

constexpr const char *kDeviceColumns =
    "id, name, bus, driver, iommu_group, added_ts, attached_ts, removed_ts, first_ts, last_ts, mappings, "
    "bytes_mapped, peak_live, peak_live_ts, live_at_end, failed_maps, min_dma_addr, max_dma_end, lifetime_bound_ns, "
    "min_phys_addr, max_phys_end";

Device readDevice(const Statement &s) {
  Device d;
  d.id = s.columnInt(0);
  d.name = s.columnText(1);
  d.bus = s.columnText(2);
  d.driver = s.columnText(3);
  if (!s.isNull(4)) d.iommuGroup = static_cast<int32_t>(s.columnInt(4));
  d.addedTs = s.columnOptionalU64(5);
  d.attachedTs = s.columnOptionalU64(6);
  d.removedTs = s.columnOptionalU64(7);
  d.firstTs = s.columnOptionalU64(8);
  d.lastTs = s.columnOptionalU64(9);
  d.mappings = s.columnU64(10);
  d.bytesMapped = s.columnU64(11);
  d.peakLive = s.columnU64(12);
  d.peakLiveTs = s.columnOptionalU64(13);
  d.liveAtEnd = s.columnU64(14);
  d.failedMaps = s.columnU64(15);
  d.minDmaAddr = s.columnOptionalU64(16);
  d.maxDmaEnd = s.columnOptionalU64(17);
  d.lifetimeBoundNs = s.columnOptionalU64(18);
  d.minPhysAddr = s.columnOptionalU64(19);
  d.maxPhysEnd = s.columnOptionalU64(20);
  return d;
}

constexpr const char *kIommuColumns =
    "id, event, ts_ns, cpu, op, iova, paddr, size, unmapped_size, device, mapping, task, stack, source, piece_list";

// The iommu ops mappings rows hold (mappings.holds 4/8) as kIommuColumns
// rows (id 0: they have no iommu_ops row); `where` filters each half, with
// {ts} standing for the op's time column.
std::string heldIommuOps(const std::string &where) {
  auto filter = [&where](const char *ts) {
    std::string out = where;
    for (size_t at; (at = out.find("{ts}")) != std::string::npos;) out.replace(at, 4, ts);
    return out;
  };
  return "SELECT 0, map_iommu_event, map_iommu_ts, map_cpu, 0, map_iommu_iova, map_iommu_paddr, map_iommu_size, NULL, "
         "device, id, map_task, map_iommu_stack, map_source, NULL FROM mappings WHERE holds & 4 AND " +
         filter("map_iommu_ts") +
         " UNION ALL SELECT 0, unmap_iommu_event, unmap_iommu_ts, unmap_cpu, 1, unmap_iommu_iova, NULL, "
         "unmap_iommu_size, unmap_iommu_unmapped, device, id, unmap_task, unmap_iommu_stack, unmap_source, NULL "
         "FROM mappings WHERE holds & 8 AND " +
         filter("unmap_iommu_ts");
}

IommuOp readIommuOp(const Statement &s) {
  IommuOp op;
  op.id = s.columnInt(0);
  op.event = s.columnInt(1);
  op.tsNs = s.columnU64(2);
  if (!s.isNull(3)) op.cpu = static_cast<int32_t>(s.columnInt(3));
  op.unmap = s.columnInt(4) != 0;
  op.iova = s.columnU64(5);
  op.paddr = s.columnOptionalU64(6);
  op.size = s.columnU64(7);
  op.unmappedSize = s.columnOptionalU64(8);
  op.device = s.columnOptionalInt(9);
  op.mapping = s.columnOptionalInt(10);
  op.task = s.columnOptionalInt(11);
  op.stack = s.columnOptionalInt(12);
  op.source = s.columnInt(13);
  if (!s.isNull(14)) parseIommuPieces(s.columnText(14), IommuPiece{op.event, op.tsNs, op.iova, 0, 0}, op.pieces);
  return op;
}

std::string limitClause(size_t limit) { return limit ? " LIMIT " + std::to_string(limit) : ""; }

}  // namespace

bool parseIommuPieces(std::string_view json, const IommuPiece &first, std::vector<IommuPiece> &pieces) {
  pieces.clear();
  const char *p = json.data(), *end = p + json.size();
  auto expect = [&](char c) {
    if (p == end || *p != c) return false;
    ++p;
    return true;
  };
  auto number = [&](uint64_t &out) {
    int64_t v = 0;
    auto [next, ec] = std::from_chars(p, end, v);
    if (ec != std::errc()) return false;
    p = next;
    out = static_cast<uint64_t>(v);
    return true;
  };
  if (!expect('[')) return false;
  if (expect(']')) return p == end;
  do {
    IommuPiece piece;
    uint64_t event = 0;
    if (!expect('[') || !number(event) || !expect(',') || !number(piece.tsNs) || !expect(',') ||
        !number(piece.iova) || !expect(',') || !number(piece.paddr) || !expect(',') || !number(piece.size) ||
        !expect(']')) {
      pieces.clear();
      return false;
    }
    piece.event = first.event + static_cast<int64_t>(event);
    piece.tsNs += first.tsNs;
    piece.iova += first.iova;
    pieces.push_back(piece);
  } while (expect(','));
  if (expect(']') && p == end) return true;
  pieces.clear();
  return false;
}

RunReader::RunReader() : db_(std::make_unique<Database>()) {}
RunReader::~RunReader() = default;

std::unique_ptr<RunReader> RunReader::open(const std::string &path, std::string &error) {
  std::unique_ptr<RunReader> reader(new RunReader());
  if (!reader->db_->open(path, Database::Mode::ReadOnly, error)) return nullptr;
  if (!checkSchemaCompatible(*reader->db_, error)) {
    error = path + ": " + error;
    return nullptr;
  }
  if (!reader->loadInfo(error)) return nullptr;
  return reader;
}

void RunReader::fail(const std::string &what) { error_ = what + ": " + db_->lastError(); }

bool RunReader::loadInfo(std::string &error) {
  Statement s = db_->prepare("SELECT key, value FROM meta ORDER BY key");
  while (s.step()) {
    std::string key = s.columnText(0), value = s.columnText(1);
    if (key == "schema_version") info_.schemaVersion = std::atoi(value.c_str());
    if (key == "compatible_version") info_.compatibleVersion = std::atoi(value.c_str());
    if (key == "tool_version") info_.toolVersion = value;
    if (key == "kernel_release") info_.kernelRelease = value;
    if (key == "clock") info_.clock = value;
    if (key == "trace_start_ns") info_.startNs = std::strtoull(value.c_str(), nullptr, 10);
    if (key == "trace_end_ns") info_.endNs = std::strtoull(value.c_str(), nullptr, 10);
    info_.meta.emplace_back(std::move(key), std::move(value));
  }
  if (!s.succeeded()) {
    error = "cannot read meta: " + db_->lastError();
    return false;
  }
  return true;
}

std::vector<Source> RunReader::sources() {
  error_.clear();
  std::vector<Source> out;
  Statement s = db_->prepare(
      "SELECT id, path, format, bytes, input_units, events, first_ts, last_ts FROM sources ORDER BY id");
  while (s.step()) {
    Source src;
    src.id = s.columnInt(0);
    src.path = s.columnText(1);
    src.format = s.columnText(2);
    src.bytes = s.columnOptionalU64(3);
    src.inputUnits = s.columnU64(4);
    src.events = s.columnU64(5);
    src.firstTs = s.columnOptionalU64(6);
    src.lastTs = s.columnOptionalU64(7);
    out.push_back(std::move(src));
  }
  if (!s.succeeded()) fail("cannot read sources");
  return out;
}

std::vector<Device> RunReader::devices() {
  error_.clear();
  std::vector<Device> out;
  Statement s = db_->prepare(std::string("SELECT ") + kDeviceColumns + " FROM devices ORDER BY id");
  while (s.step()) out.push_back(readDevice(s));
  if (!s.succeeded()) fail("cannot read devices");
  return out;
}

std::optional<Device> RunReader::device(int64_t id) {
  error_.clear();
  Statement s = db_->prepare(std::string("SELECT ") + kDeviceColumns + " FROM devices WHERE id = ?");
  s.bindInt(1, id);
  if (s.step()) return readDevice(s);
  if (!s.succeeded()) fail("cannot read device");
  return std::nullopt;
}

std::optional<Device> RunReader::deviceByName(const std::string &name) {
  error_.clear();
  Statement s = db_->prepare(std::string("SELECT ") + kDeviceColumns + " FROM devices WHERE name = ?");
  s.bindText(1, name);
  if (s.step()) return readDevice(s);
  if (!s.succeeded()) fail("cannot read device");
  return std::nullopt;
}

bool RunReader::forEachMappingInWindow(const MappingWindow &w, const std::function<bool(const Mapping &)> &fn) {
  error_.clear();
  // Lifetimes are half-open [map_ts, unmap_ts): overlap with [t0, t1] means
  // map_ts <= t1 AND (unmap_ts IS NULL OR unmap_ts > t0).
  uint64_t bound = 0;
  {
    Statement b = db_->prepare("SELECT lifetime_bound_ns FROM devices WHERE id = ?");
    b.bindInt(1, w.device);
    if (b.step()) bound = b.columnU64(0);
  }
  bool addressFilter = w.addrLo > 0 || w.addrHi < std::numeric_limits<uint64_t>::max();
  std::string addr = addressFilter ? " AND dma_addr < ?5 AND dma_addr + size > ?4" : "";
  // INDEXED BY: ANALYZE's statistics see long_lived as a near-constant and
  // would scan the table for the small long-lived half.
  const char *columns = w.extentOnly ? kExtentColumns : kMappingColumns;
  const char *order = w.extentOnly ? " ORDER BY 7, 1" : " ORDER BY 9, 1";  // map_ts, id
  std::string sql = std::string("SELECT ") + columns +
                    " FROM mappings INDEXED BY mappings_viewport WHERE device = ?1 AND long_lived = 0"
                    " AND map_ts >= ?6 AND map_ts <= ?3 AND unmap_ts > ?2" + addr +
                    " UNION ALL SELECT " + columns +
                    " FROM mappings INDEXED BY mappings_viewport WHERE device = ?1 AND long_lived = 1 AND map_ts <= ?3"
                    " AND (unmap_ts IS NULL OR unmap_ts > ?2)" + addr +
                    (w.ordered ? order : "") + limitClause(w.limit);
  Statement s = db_->prepare(sql);
  if (!s.valid()) {
    fail("cannot query mappings");
    return false;
  }
  s.bindInt(1, w.device);
  s.bindInt(2, clampU64(w.t0));
  s.bindInt(3, clampU64(w.t1));
  if (addressFilter) {
    s.bindInt(4, clampU64(w.addrLo));
    s.bindInt(5, clampU64(w.addrHi));
  }
  s.bindInt(6, clampU64(w.t0 > bound ? w.t0 - bound : 0));
  while (s.step()) {
    if (!fn(w.extentOnly ? readExtent(s) : readMapping(s))) return true;
  }
  if (!s.succeeded()) {
    fail("cannot query mappings");
    return false;
  }
  return true;
}

std::vector<Mapping> RunReader::mappingsInWindow(const MappingWindow &window) {
  std::vector<Mapping> out;
  forEachMappingInWindow(window, [&](const Mapping &m) {
    out.push_back(m);
    return true;
  });
  return out;
}

std::vector<Mapping> RunReader::liveAt(int64_t device, uint64_t t) {
  MappingWindow w;
  w.device = device;
  w.t0 = w.t1 = t;
  return mappingsInWindow(w);
}

std::vector<Mapping> RunReader::mappingsWhere(const std::string &where, const std::vector<int64_t> &args) {
  error_.clear();
  std::vector<Mapping> out;
  Statement s = db_->prepare(std::string("SELECT ") + kMappingColumns + " FROM mappings WHERE " + where);
  for (size_t i = 0; i < args.size(); ++i) s.bindInt(static_cast<int>(i + 1), args[i]);
  while (s.step()) out.push_back(readMapping(s));
  if (!s.succeeded()) fail("cannot query mappings");
  return out;
}

std::optional<Mapping> RunReader::mapping(int64_t id) {
  auto rows = mappingsWhere("id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<Mapping> RunReader::mappingsAtAddress(int64_t device, uint64_t dmaAddr) {
  // A table scan (+device keeps the planner off the viewport index, whose
  // row lookups are slower than the scan): 0.06 s for 1.6 M mappings, where a
  // (device, dma_addr) index took 0.7-0.9 s for a high IOVA (it bounds only
  // dma_addr <= addr) and cost 1.8 s at import (docs/benchmarks.md).
  return mappingsWhere("+device = ?1 AND dma_addr <= ?2 AND dma_addr + size > ?2 ORDER BY map_ts, id",
                       {device, static_cast<int64_t>(dmaAddr)});
}

std::vector<Mapping> RunReader::sgGroup(int64_t group) {
  return mappingsWhere("sg_group = ? ORDER BY sg_index", {group});
}

std::vector<Mapping> RunReader::mappingsInPhysWindow(uint64_t physLo, uint64_t physHi, uint64_t t0, uint64_t t1,
                                                     size_t limit) {
  error_.clear();
  std::vector<Mapping> out;
  Statement s = db_->prepare(std::string("SELECT ") + kMappingColumns +
                             " FROM mappings WHERE phys_addr >= ?1 AND phys_addr < ?2 AND map_ts <= ?4"
                             " AND (unmap_ts IS NULL OR unmap_ts > ?3) ORDER BY map_ts, id" +
                             limitClause(limit));
  s.bindInt(1, clampU64(physLo));
  s.bindInt(2, clampU64(physHi));
  s.bindInt(3, clampU64(t0));
  s.bindInt(4, clampU64(t1));
  while (s.step()) out.push_back(readMapping(s));
  if (!s.succeeded()) fail("cannot query mappings");
  return out;
}

std::optional<Event> RunReader::event(int64_t id) {
  error_.clear();
  if (!eventById_)
    eventById_ = std::make_unique<Statement>(db_->prepare(
        std::string("SELECT ") + kEventColumns + " FROM events e LEFT JOIN tasks t ON t.id = e.task WHERE e.id = ?"));
  Statement &s = *eventById_;
  s.reset();
  s.bindInt(1, id);
  std::optional<Event> out;
  if (s.step())
    out = readEvent(s);
  else if (!s.succeeded())
    fail("cannot read event");
  s.reset();  // releases the statement's read of the table
  if (out || !error_.empty()) return out;
  // Events stored elsewhere (rarely asked for: mappings.map_event/unmap_event
  // and iommu_ops.event have no index). A map/unmap a mappings row holds:
  Statement m = db_->prepare(std::string("SELECT ") + kEventColumns +
                             " FROM mapping_events e LEFT JOIN tasks t ON t.id = e.task WHERE e.id = ?");
  m.bindInt(1, id);
  if (m.step()) return readEvent(m);
  if (!m.succeeded()) {
    fail("cannot read event");
    return std::nullopt;
  }
  // An iommu:map/unmap:
  Statement o = db_->prepare("SELECT " + iommuEventColumns() +
                             " FROM iommu_events o LEFT JOIN tasks t ON t.id = o.task WHERE o.event = ?");
  o.bindInt(1, id);
  if (o.step()) return readEvent(o);
  if (!o.succeeded()) fail("cannot read event");
  return std::nullopt;
}

std::vector<Event> RunReader::events(const EventQuery &q) {
  error_.clear();
  auto range = idRangeOfWindow("events", q.t0, q.t1);
  if (!range) return {};
  std::string where = " WHERE e.id >= ?5 AND e.id < ?6 AND e.ts_ns >= ?1 AND e.ts_ns <= ?2";
  if (q.device) where += " AND e.device = ?3";
  if (q.type) where += " AND e.type = ?4";
  std::string iommuWhere = " WHERE o.ts_ns >= ?1 AND o.ts_ns <= ?2";
  if (q.device) iommuWhere += " AND o.device = ?3";
  std::string sql = std::string("SELECT ") + kEventColumns + " FROM events e LEFT JOIN tasks t ON t.id = e.task" + where;
  if (!q.type || heldByMappings(*q.type)) {
    // The window bounds ts_ns only: this arm scans mappings.
    std::string heldWhere = " WHERE e.ts_ns >= ?1 AND e.ts_ns <= ?2";
    if (q.device) heldWhere += " AND e.device = ?3";
    if (q.type) heldWhere += " AND e.type = ?4";
    sql += std::string(" UNION ALL SELECT ") + kEventColumns +
           " FROM mapping_events e LEFT JOIN tasks t ON t.id = e.task" + heldWhere;
  }
  const int iommuMap = eventTypeCode("iommu_map"), iommuUnmap = eventTypeCode("iommu_unmap");
  if (!q.type || *q.type == iommuMap || *q.type == iommuUnmap) {
    if (q.type) iommuWhere += std::string(" AND o.op = ") + (*q.type == iommuMap ? "0" : "1");
    sql += " UNION ALL SELECT " + iommuEventColumns() + " FROM iommu_events o LEFT JOIN tasks t ON t.id = o.task" +
           iommuWhere;
  }
  sql += " ORDER BY 1" + limitClause(q.limit);
  Statement s = db_->prepare(sql);
  s.bindInt(1, clampU64(q.t0));
  s.bindInt(2, clampU64(q.t1));
  if (q.device) s.bindInt(3, *q.device);
  if (q.type) s.bindInt(4, *q.type);
  s.bindInt(5, range->first);
  s.bindInt(6, range->second);
  std::vector<Event> out;
  while (s.step()) out.push_back(readEvent(s));
  if (!s.succeeded()) fail("cannot read events");
  return out;
}

std::optional<Stack> RunReader::stack(int64_t id) {
  error_.clear();
  Statement s = db_->prepare("SELECT id, call_site, frames FROM stacks WHERE id = ?");
  s.bindInt(1, id);
  if (!s.step()) {
    if (!s.succeeded()) fail("cannot read stack");
    return std::nullopt;
  }
  Stack st;
  st.id = s.columnInt(0);
  st.callSite = s.columnText(1);
  std::istringstream frames(s.columnText(2));
  for (std::string frame; std::getline(frames, frame);) st.frames.push_back(frame);
  return st;
}

std::vector<IommuOp> RunReader::iommuOpsOfMapping(int64_t mapping) {
  error_.clear();
  std::vector<IommuOp> out;
  Statement s = db_->prepare(std::string("SELECT ") + kIommuColumns + " FROM iommu_ops WHERE mapping = ?1 UNION ALL " +
                             heldIommuOps("id = ?1") + " ORDER BY 2");
  s.bindInt(1, mapping);
  while (s.step()) out.push_back(readIommuOp(s));
  if (!s.succeeded()) fail("cannot read iommu_ops");
  return out;
}

std::optional<std::pair<int64_t, int64_t>> RunReader::idRangeOfWindow(const char *table, uint64_t t0, uint64_t t1) {
  // Rows imported out of order (import_stats.event_out_of_order) may fall
  // outside the range; callers filter on ts_ns as well, so every row they
  // return is inside the window.
  Statement bounds = db_->prepare(std::string("SELECT MIN(id), MAX(id) FROM ") + table);
  if (!bounds.step()) {
    fail(std::string("cannot read ") + table);
    return std::nullopt;
  }
  if (bounds.isNull(0)) return std::make_pair(int64_t{0}, int64_t{0});
  const int64_t minId = bounds.columnInt(0), maxId = bounds.columnInt(1);
  Statement probe = db_->prepare(std::string("SELECT ts_ns FROM ") + table + " WHERE id >= ? ORDER BY id LIMIT 1");
  auto firstIdFrom = [&](int64_t t) {  // first id whose row is at or after t (maxId + 1: none)
    int64_t lo = minId, hi = maxId + 1;
    while (lo < hi) {
      int64_t mid = lo + (hi - lo) / 2;
      probe.reset();
      probe.bindInt(1, mid);
      if (probe.step() && probe.columnInt(0) < t)
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo;
  };
  const int64_t from = firstIdFrom(clampU64(t0));
  const int64_t to = clampU64(t1) == kI64Max ? maxId + 1 : firstIdFrom(clampU64(t1) + 1);
  return std::make_pair(from, to);
}

std::vector<IommuOp> RunReader::iommuOps(uint64_t t0, uint64_t t1, size_t limit) {
  error_.clear();
  std::vector<IommuOp> out;
  auto range = idRangeOfWindow("iommu_ops", t0, t1);
  if (!range) return out;
  Statement s = db_->prepare(std::string("SELECT ") + kIommuColumns +
                             " FROM iommu_ops WHERE id >= ?3 AND id < ?4 AND ts_ns >= ?1 AND ts_ns <= ?2 UNION ALL " +
                             heldIommuOps("{ts} >= ?1 AND {ts} <= ?2") + " ORDER BY 2" + limitClause(limit));
  s.bindInt(1, clampU64(t0));
  s.bindInt(2, clampU64(t1));
  s.bindInt(3, range->first);
  s.bindInt(4, range->second);
  while (s.step()) out.push_back(readIommuOp(s));
  if (!s.succeeded()) fail("cannot read iommu_ops");
  return out;
}

std::vector<Fault> RunReader::faults(std::optional<int64_t> device) {
  error_.clear();
  std::vector<Fault> out;
  Statement s = db_->prepare(
      std::string("SELECT id, event, ts_ns, device, source, addr, access, reason, reason_text, mapping FROM faults") +
      (device ? " WHERE device = ?" : "") + " ORDER BY ts_ns, id");
  if (device) s.bindInt(1, *device);
  while (s.step()) {
    Fault f;
    f.id = s.columnInt(0);
    f.event = s.columnInt(1);
    f.tsNs = s.columnU64(2);
    f.device = s.columnOptionalInt(3);
    f.source = s.columnText(4);
    f.addr = s.columnU64(5);
    f.access = s.columnText(6);
    if (!s.isNull(7)) f.reason = static_cast<int32_t>(s.columnInt(7));
    f.reasonText = s.columnText(8);
    f.mapping = s.columnOptionalInt(9);
    out.push_back(std::move(f));
  }
  if (!s.succeeded()) fail("cannot read faults");
  return out;
}

std::vector<LostWindow> RunReader::lostEvents() {
  error_.clear();
  std::vector<LostWindow> out;
  Statement s = db_->prepare("SELECT id, cpu, ts_ns, count, source FROM lost_events ORDER BY ts_ns, id");
  while (s.step()) {
    LostWindow l;
    l.id = s.columnInt(0);
    if (!s.isNull(1)) l.cpu = static_cast<int32_t>(s.columnInt(1));
    l.tsNs = s.columnU64(2);
    l.count = s.columnOptionalU64(3);
    l.source = s.columnInt(4);
    out.push_back(l);
  }
  if (!s.succeeded()) fail("cannot read lost_events");
  return out;
}

std::vector<ImportStat> RunReader::importStats() {
  error_.clear();
  std::vector<ImportStat> out;
  Statement s = db_->prepare(
      "SELECT reason, origin, severity, count, description, sample FROM import_stats ORDER BY origin DESC, reason");
  while (s.step()) {
    ImportStat st;
    st.reason = s.columnText(0);
    st.origin = s.columnText(1);
    st.severity = s.columnText(2);
    st.count = s.columnU64(3);
    st.description = s.columnText(4);
    st.sample = s.columnText(5);
    out.push_back(std::move(st));
  }
  if (!s.succeeded()) fail("cannot read import_stats");
  return out;
}

std::vector<Finding> RunReader::findings(std::optional<int64_t> device) {
  error_.clear();
  std::vector<Finding> out;
  Statement s = db_->prepare(
      std::string("SELECT id, rule, severity, ts_ns, device, mapping, event, inconclusive, message FROM findings") +
      (device ? " WHERE device = ?" : "") + " ORDER BY ts_ns, id");
  if (device) s.bindInt(1, *device);
  while (s.step()) {
    Finding f;
    f.id = s.columnInt(0);
    f.rule = s.columnText(1);
    f.severity = s.columnText(2);
    f.tsNs = s.columnOptionalU64(3);
    f.device = s.columnOptionalInt(4);
    f.mapping = s.columnOptionalInt(5);
    f.event = s.columnOptionalInt(6);
    f.inconclusive = s.columnInt(7) != 0;
    f.message = s.columnText(8);
    out.push_back(std::move(f));
  }
  if (!s.succeeded()) fail("cannot read findings");
  return out;
}

// ------------------------------------------------------------ run_types.h

int eventTypeCode(std::string_view name) {
  for (int i = 0; i < kEventTypeCount; ++i)
    if (kEventTypes[i].name == name) return i;
  return -1;
}

std::string_view eventTypeNameOf(int code) {
  return code >= 0 && code < kEventTypeCount ? kEventTypes[code].name : std::string_view();
}

std::string_view mappingKindName(MappingKind kind) {
  switch (kind) {
    case MappingKind::Coherent: return "coherent";
    case MappingKind::Page: return "page";
    case MappingKind::SgSegment: return "sg_segment";
    case MappingKind::Resource: return "resource";
    case MappingKind::Pages: return "pages";
    case MappingKind::Sgt: return "sgt";
  }
  return "";
}

std::string_view directionLabel(int dir) {
  switch (dir) {
    case 0: return "BIDIRECTIONAL";
    case 1: return "TO_DEVICE";
    case 2: return "FROM_DEVICE";
    case 3: return "NONE";
  }
  return "";
}

}  // namespace dmacheck::store
