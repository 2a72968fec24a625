#include "schema.h"

#include <cctype>
#include <sstream>

#include "database.h"
#include "run_types.h"

namespace dmacheck::store {
namespace {

// Conventions the doc parser relies on: the comment lines right above
// "CREATE TABLE" (or "CREATE VIEW" with a column list) document it; every column line ends with "-- doc";
// a comment-only line inside a table continues the previous column's doc.
// All timestamps are ns in the trace's own clock; all addresses and sizes
// are u64 stored as the int64 bit pattern (only values >= 2^63, e.g. the
// all-ones DMA_MAPPING_ERROR, read back negative in SQL).
constexpr std::string_view kSchema = R"SQL(
-- Key/value facts about the run: schema_version, compatible_version,
-- tool_version, created_utc, kernel_release, clock, cpus, trace_start_ns,
-- trace_end_ns, overwritten_events, plus whatever the readers reported.
CREATE TABLE meta (
  key TEXT PRIMARY KEY NOT NULL,  -- fact name, snake_case
  value TEXT NOT NULL  -- fact value, as text
);

-- One row per imported input file, in import order.
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,  -- source id, 1-based in import order
  path TEXT NOT NULL,  -- path as given on the command line
  format TEXT NOT NULL,  -- reader used: ftrace-text, trace-dat, ctf (the reader's formatName), or test
  bytes INTEGER,  -- input size in bytes, NULL when unknown
  input_units INTEGER NOT NULL,  -- lines (text) or records (binary) the reader saw
  events INTEGER NOT NULL,  -- TraceEvents the reader produced from this input
  first_ts INTEGER,  -- ns, first event of this input; NULL when it had none
  last_ts INTEGER  -- ns, last event of this input; NULL when it had none
);

-- Lookup: the code stored in events.type and its stable name.
CREATE TABLE event_types (
  id INTEGER PRIMARY KEY,  -- code stored in events.type
  name TEXT NOT NULL UNIQUE,  -- stable lower-case name, e.g. dma_map_page, iommu_map, console
  subsystem TEXT NOT NULL  -- kernel trace subsystem: dma, iommu, swiotlb, printk, ftrace
);

-- Lookup: the code stored in mappings.kind.
CREATE TABLE mapping_kinds (
  id INTEGER PRIMARY KEY,  -- code stored in mappings.kind
  name TEXT NOT NULL UNIQUE,  -- coherent (dma_alloc), page (dma_map_page/single), sg_segment (one dma segment of dma_map_sg), resource (dma_map_resource), pages (dma_alloc_pages), sgt (dma_alloc_sgt)
  released_by TEXT NOT NULL  -- the event type name that releases this kind
);

-- Lookup: the kernel's enum dma_data_direction as stored in every dir column.
CREATE TABLE directions (
  id INTEGER PRIMARY KEY,  -- 0 BIDIRECTIONAL, 1 TO_DEVICE, 2 FROM_DEVICE, 3 NONE (dir columns are NULL when the event has none)
  name TEXT NOT NULL UNIQUE  -- name as the kernel prints it
);

-- Tasks (pid + comm) seen in events, interned so events stay narrow.
CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,  -- task id referenced by events.task
  pid INTEGER NOT NULL,  -- kernel pid (thread id); 0 is the idle task
  comm TEXT NOT NULL,  -- command name; empty when the format has none
  UNIQUE (pid, comm)
);

-- Devices seen in the trace (add_device_to_group, attach_device_to_domain,
-- any dma: event, DMAR fault lines) with per-device summaries computed at
-- the end of the import for the viewer's first view and for `dmatrace stats`.
CREATE TABLE devices (
  id INTEGER PRIMARY KEY,  -- device id referenced by other tables
  name TEXT NOT NULL UNIQUE,  -- dev_name() as the kernel prints it, e.g. 0000:00:01.0
  bus TEXT,  -- pci when the name is a PCI address, else NULL (unknown)
  driver TEXT,  -- driver name from console lines ("nvme 0000:00:01.0: ...") or io_page_fault; NULL when unknown
  iommu_group INTEGER,  -- IOMMU group id from add_device_to_group; NULL when not seen
  added_ts INTEGER,  -- ns, add_device_to_group; NULL when not seen
  attached_ts INTEGER,  -- ns, last attach_device_to_domain; NULL when not seen
  removed_ts INTEGER,  -- ns, remove_device_from_group; NULL when not seen
  first_ts INTEGER,  -- ns, first event naming the device
  last_ts INTEGER,  -- ns, last event naming the device
  mappings INTEGER NOT NULL DEFAULT 0,  -- mappings rows of this device
  bytes_mapped INTEGER NOT NULL DEFAULT 0,  -- sum of mappings.size
  peak_live INTEGER NOT NULL DEFAULT 0,  -- most mappings live at once
  peak_live_ts INTEGER,  -- ns, first time peak_live was reached
  live_at_end INTEGER NOT NULL DEFAULT 0,  -- mappings still live when the trace ends
  failed_maps INTEGER NOT NULL DEFAULT 0,  -- map events that returned DMA_MAPPING_ERROR or dma_map_sg_err
  min_dma_addr INTEGER,  -- lowest mappings.dma_addr, NULL without mappings
  max_dma_end INTEGER,  -- highest mappings.dma_addr + size (exclusive)
  min_phys_addr INTEGER,  -- lowest known mappings.phys_addr, NULL when none is known (the physical pane's range)
  max_phys_end INTEGER,  -- highest known mappings.phys_addr + size (exclusive)
  lifetime_bound_ns INTEGER  -- mappings with long_lived = 0 live at most this long; bounds the viewport query
);

-- Deduplicated kernel stacks (options/stacktrace).
CREATE TABLE stacks (
  id INTEGER PRIMARY KEY,  -- stack id referenced by events/mappings
  call_site TEXT,  -- first frame that is not DMA-API, IOMMU or tracing glue: the driver's call site; NULL when all frames are glue
  depth INTEGER NOT NULL,  -- number of frames
  frames TEXT NOT NULL  -- frames innermost first, one per line
);

-- Every event in timestamp order (normalized; type-specific detail lives in
-- mappings, iommu_ops, syncs, bounces and faults), except those stored once
-- elsewhere under their event id (ids are shared; the view all_events has
-- them all): iommu:map and iommu:unmap are iommu_ops rows (view
-- iommu_events), and a dma_map_page/dma_map_resource that made a mapping and
-- the dma_unmap_page/dma_unmap_resource that released one are held by that
-- mappings row (mappings.holds; view mapping_events). Together they are over
-- four fifths of a strict-IOMMU trace; a second copy here cost a third of the
-- import time (docs/benchmarks.md). Ids follow time, so a time window is an
-- id range (RunReader finds it by binary search); there is no other index
-- (one on (device, ts_ns) cost 1.7 s of a 10 M-event import and served no
-- query of the checks or the viewer).
CREATE TABLE events (
  id INTEGER PRIMARY KEY,  -- event id; ascending id is the imported (timestamp) order
  ts_ns INTEGER NOT NULL,  -- ns, trace clock
  cpu INTEGER,  -- CPU that recorded the event; NULL when unknown
  task INTEGER,  -- tasks.id; NULL when the format gives no pid
  type INTEGER NOT NULL,  -- event_types.id
  device INTEGER,  -- devices.id; NULL for console lines and markers
  dma_addr INTEGER,  -- dma_addr / swiotlb dev_addr; NULL when the event has none
  phys_addr INTEGER,  -- phys_addr; NULL when the event has none
  size INTEGER,  -- size in bytes; for sg events the sum of the segment lengths
  dir INTEGER,  -- directions.id; NULL when the event has none
  attrs INTEGER,  -- DMA_ATTR_* bits; NULL when the event has none
  aux INTEGER,  -- type-specific: gfp flags (dma_alloc*), err (dma_map_sg_err), flags (iommu_io_page_fault), nents (sg events), group id (iommu_add/remove_device), 1 when forced (swiotlb_bounced); else NULL
  stack INTEGER,  -- stacks.id; NULL without a stack trace
  source INTEGER NOT NULL,  -- sources.id
  text TEXT,  -- console / marker message; NULL for other types
  sg TEXT  -- the array of an sg event (dma_map_sg, dma_unmap_sg, dma_sync_sg_*, dma_map_sg_err, dma_alloc_sgt, dma_free_sgt) as JSON, one [dma_addr, phys_addr, length] per entry, null where the event has none (read it with json_each); NULL for other types
);

-- One row per mapping lifetime: from the map/alloc event to the matching
-- unmap/free (paired per (device, dma address) with dma-debug's best fit;
-- sg segments by the list's physical addresses). unmap_ts is NULL while live.
CREATE TABLE mappings (
  id INTEGER PRIMARY KEY,  -- mapping id
  device INTEGER NOT NULL,  -- devices.id
  kind INTEGER NOT NULL,  -- mapping_kinds.id
  dma_addr INTEGER NOT NULL,  -- device (IOVA or bus) address of the first byte
  phys_addr INTEGER,  -- CPU physical address of the first byte; NULL when unknown (coherent allocations, merged sg segments)
  size INTEGER NOT NULL,  -- bytes mapped
  dir INTEGER,  -- directions.id at map time; NULL when the event had none
  attrs INTEGER,  -- DMA_ATTR_* bits at map time
  map_ts INTEGER NOT NULL,  -- ns, map/alloc event
  unmap_ts INTEGER,  -- ns, unmap/free event; NULL while live at the end of the trace
  map_event INTEGER NOT NULL,  -- events.id of the map/alloc
  unmap_event INTEGER,  -- events.id of the unmap/free; NULL while live
  unmap_size INTEGER,  -- size the release passed; NULL when live or the release carries none (dma_unmap_sg)
  unmap_dir INTEGER,  -- direction the release passed; NULL when live or it carries none
  map_stack INTEGER,  -- stacks.id of the map event
  unmap_stack INTEGER,  -- stacks.id of the unmap event
  sg_group INTEGER,  -- events.id of the dma_map_sg that made this segment; NULL for other kinds
  sg_index INTEGER,  -- segment index within the sg list; NULL for other kinds
  flags INTEGER NOT NULL DEFAULT 0,  -- bits: 1 close_inconclusive (events were lost after the map: a live mapping may have been closed unseen), 2 ambiguous_pair (several imperfect best-fit candidates), 4 bounced (swiotlb), 8 sg_truncated (arrays capped)
  long_lived INTEGER NOT NULL DEFAULT 0,  -- 1 when live at the end or longer than devices.lifetime_bound_ns; such rows are fetched separately by viewport queries
  map_type INTEGER,  -- event_types.id of the map/alloc event
  map_cpu INTEGER,  -- CPU of the map/alloc event; NULL when unknown
  map_task INTEGER,  -- tasks.id of the map/alloc event; NULL when the format gives no pid
  map_source INTEGER,  -- sources.id of the map/alloc event
  unmap_type INTEGER,  -- event_types.id of the release (which may not be this kind's released_by); NULL while live
  unmap_cpu INTEGER,  -- CPU of the release; NULL while live or unknown
  unmap_task INTEGER,  -- tasks.id of the release; NULL while live or without pid
  unmap_source INTEGER,  -- sources.id of the release; NULL while live
  unmap_attrs INTEGER,  -- DMA_ATTR_* bits the release passed; NULL while live
  holds INTEGER NOT NULL DEFAULT 0,  -- bits: 1 the map event, 2 the release event is stored only in this row (no events row; see the view mapping_events). A dma_unmap_sg is held by the first segment row it closed. 4 an iommu:map, 8 an iommu:unmap linked to this mapping is stored only in this row (no iommu_ops row; see the view iommu_events)
  unmap_nents INTEGER,  -- nents of the dma_unmap_sg that released this segment; NULL for other releases
  map_iommu_event INTEGER,  -- the iommu:map this row holds (holds & 4): its event id; it ran on map_cpu, map_task, map_source; NULL otherwise
  map_iommu_ts INTEGER,  -- ns, of that iommu:map
  map_iommu_iova INTEGER,  -- its IOVA (page aligned)
  map_iommu_paddr INTEGER,  -- its physical address
  map_iommu_size INTEGER,  -- its size
  map_iommu_stack INTEGER,  -- its stacks.id; NULL without a stack trace
  unmap_iommu_event INTEGER,  -- the iommu:unmap this row holds (holds & 8): its event id; it ran on unmap_cpu, unmap_task, unmap_source; NULL otherwise
  unmap_iommu_ts INTEGER,  -- ns, of that iommu:unmap
  unmap_iommu_iova INTEGER,  -- its IOVA
  unmap_iommu_size INTEGER,  -- its requested size
  unmap_iommu_unmapped INTEGER,  -- bytes it actually unmapped
  unmap_iommu_stack INTEGER  -- its stacks.id; NULL without a stack trace
);

-- View: the events that a mappings row holds (mappings.holds), as events
-- rows: dma_map_page/dma_map_resource that made the mapping, the
-- dma_unmap_page/dma_unmap_resource that released it, and a dma_unmap_sg
-- that released an sg list (its physical address array is the first
-- unmap_nents entries of its dma_map_sg's, rebuilt from that event's sg).
-- The columns mean what they mean in events; mapping is the mappings.id that
-- holds the event. There is no index behind it: a lookup by id scans
-- mappings (0.4 s for the 1.6 M of the 10 M-event benchmark).
CREATE VIEW mapping_events (
  id,  -- event id (mappings.map_event or unmap_event)
  ts_ns,  -- ns
  cpu,  -- CPU that recorded the event; NULL when unknown
  task,  -- tasks.id; NULL when the format gives no pid
  type,  -- event_types.id
  device,  -- devices.id
  dma_addr,  -- dma_addr
  phys_addr,  -- phys_addr (map events); NULL for releases
  size,  -- size in bytes
  dir,  -- directions.id; NULL when the event has none
  attrs,  -- DMA_ATTR_* bits
  aux,  -- nents (dma_unmap_sg); NULL for the others
  stack,  -- stacks.id; NULL without a stack trace
  source,  -- sources.id
  text,  -- always NULL
  sg,  -- the array of a dma_unmap_sg, as events.sg; NULL for the others
  mapping  -- mappings.id of the row that holds the event
) AS
  SELECT map_event, map_ts, map_cpu, map_task, map_type, device, dma_addr, phys_addr, size, dir, attrs, NULL,
         map_stack, map_source, NULL, NULL, id
    FROM mappings WHERE holds & 1
  UNION ALL
  SELECT unmap_event, unmap_ts, unmap_cpu, unmap_task, unmap_type, device, dma_addr, NULL, unmap_size, unmap_dir,
         unmap_attrs, NULL, unmap_stack, unmap_source, NULL, NULL, id
    FROM mappings WHERE holds & 2 AND unmap_nents IS NULL
  UNION ALL
  SELECT m.unmap_event, m.unmap_ts, m.unmap_cpu, m.unmap_task, m.unmap_type, m.device, NULL, NULL, 0, m.unmap_dir,
         m.unmap_attrs, m.unmap_nents, m.unmap_stack, m.unmap_source, NULL,
         (SELECT json_group_array(json_array(NULL, json_extract(j.value, '$[1]'), NULL))
            FROM events g, json_each(g.sg) j WHERE g.id = m.sg_group AND j.key < m.unmap_nents), m.id
    FROM mappings m WHERE m.holds & 2 AND m.unmap_nents IS NOT NULL;

-- iommu:map and iommu:unmap operations, linked to the dma: event of the same
-- CPU and task that they belong to where adjacency allows. The first single
-- iommu:map and iommu:unmap linked to a mapping on its map's (release's) CPU
-- and task are stored in that mappings row instead (mappings.holds 4 and 8:
-- most ops of a page mapping; ids of such ops are skipped here). The iommu:map
-- events of one DMA-API call that continue each other in IOVA (one per
-- physically contiguous piece of a dma_map_sg, most rows of a block-I/O
-- trace) are one row whose piece_list keeps every event; the view
-- iommu_events has one row per event. Ids follow time (the import order), so
-- a time window is an id range: there is no index on ts_ns (it cost 2.4 s of
-- a 10 M-event import; RunReader::iommuOps finds the range by binary search)
-- nor on mapping (1.0 s; no query of the checks or the viewer uses it, and a
-- scan of 3 M rows takes 0.1 s).
CREATE TABLE iommu_ops (
  id INTEGER PRIMARY KEY,  -- op id
  event INTEGER NOT NULL,  -- event id of the iommu:map/unmap (in the events id sequence; the event has no events row)
  ts_ns INTEGER NOT NULL,  -- ns
  cpu INTEGER,  -- CPU of the event
  task INTEGER,  -- tasks.id; NULL when the format gives no pid
  stack INTEGER,  -- stacks.id; NULL without a stack trace
  source INTEGER NOT NULL,  -- sources.id
  op INTEGER NOT NULL,  -- 0 map, 1 unmap
  iova INTEGER NOT NULL,  -- first IOVA of the range (page aligned)
  paddr INTEGER,  -- physical address (map only; of the first piece when pieces > 1)
  size INTEGER NOT NULL,  -- bytes requested (the sum of the pieces when pieces > 1)
  unmapped_size INTEGER,  -- bytes actually unmapped (unmap only)
  device INTEGER,  -- devices.id when linked, else NULL
  mapping INTEGER,  -- mappings.id when linked, else NULL
  pieces INTEGER NOT NULL DEFAULT 1,  -- iommu:map events merged into this row (same CPU, task, stack and mapping; each starts where the previous ends in IOVA)
  piece_list TEXT  -- when pieces > 1: the events as JSON, one [event - this row's event, ts_ns - this row's ts_ns, iova - this row's iova, paddr, size] each, in order (read it with the iommu_events view); NULL otherwise
);

-- View: one row per iommu:map/unmap event, i.e. iommu_ops with merged rows
-- expanded, and the ops mappings rows hold (the columns mean what they mean
-- in iommu_ops).
CREATE VIEW iommu_events (
  event,  -- event id of the iommu:map/unmap
  ts_ns,  -- ns
  cpu,  -- CPU of the event
  task,  -- tasks.id; NULL when the format gives no pid
  stack,  -- stacks.id; NULL without a stack trace
  source,  -- sources.id
  op,  -- 0 map, 1 unmap
  iova,  -- first IOVA of the range
  paddr,  -- physical address (map only)
  size,  -- bytes requested
  unmapped_size,  -- bytes actually unmapped (unmap only)
  device,  -- devices.id when linked, else NULL
  mapping,  -- mappings.id when linked, else NULL
  op_id  -- iommu_ops.id of the row that holds the event; NULL when a mappings row holds it
) AS
  SELECT event, ts_ns, cpu, task, stack, source, op, iova, paddr, size, unmapped_size, device, mapping, id
    FROM iommu_ops WHERE piece_list IS NULL
  UNION ALL
  SELECT o.event + json_extract(p.value, '$[0]'), o.ts_ns + json_extract(p.value, '$[1]'), o.cpu, o.task, o.stack,
         o.source, o.op, o.iova + json_extract(p.value, '$[2]'), json_extract(p.value, '$[3]'),
         json_extract(p.value, '$[4]'), NULL, o.device, o.mapping, o.id
    FROM iommu_ops o, json_each(o.piece_list) p WHERE o.piece_list IS NOT NULL
  UNION ALL
  SELECT map_iommu_event, map_iommu_ts, map_cpu, map_task, map_iommu_stack, map_source, 0, map_iommu_iova,
         map_iommu_paddr, map_iommu_size, NULL, device, id, NULL
    FROM mappings WHERE holds & 4
  UNION ALL
  SELECT unmap_iommu_event, unmap_iommu_ts, unmap_cpu, unmap_task, unmap_iommu_stack, unmap_source, 1,
         unmap_iommu_iova, NULL, unmap_iommu_size, unmap_iommu_unmapped, device, id, NULL
    FROM mappings WHERE holds & 8;

-- View: every event of the run with the columns of events: the events
-- table, the mapping_events view and the iommu_events view (type iommu_map or
-- iommu_unmap, dma_addr the IOVA, phys_addr the paddr, aux the unmapped
-- size). Unordered: add ORDER BY id for time order.
CREATE VIEW all_events (
  id,  -- event id
  ts_ns,  -- ns
  cpu,  -- CPU that recorded the event; NULL when unknown
  task,  -- tasks.id; NULL when the format gives no pid
  type,  -- event_types.id
  device,  -- devices.id; NULL when the event names none (or an unlinked iommu op)
  dma_addr,  -- dma_addr / IOVA / swiotlb dev_addr; NULL when the event has none
  phys_addr,  -- phys_addr; NULL when the event has none
  size,  -- size in bytes
  dir,  -- directions.id; NULL when the event has none
  attrs,  -- DMA_ATTR_* bits; NULL when the event has none
  aux,  -- as events.aux (the unmapped size for iommu_unmap)
  stack,  -- stacks.id; NULL without a stack trace
  source,  -- sources.id
  text,  -- console / marker message; NULL for other types
  sg  -- as events.sg
) AS
  SELECT id, ts_ns, cpu, task, type, device, dma_addr, phys_addr, size, dir, attrs, aux, stack, source, text, sg
    FROM events
  UNION ALL
  SELECT id, ts_ns, cpu, task, type, device, dma_addr, phys_addr, size, dir, attrs, aux, stack, source, text, sg
    FROM mapping_events
  UNION ALL
  SELECT event, ts_ns, cpu, task,
         (SELECT id FROM event_types WHERE name = CASE op WHEN 0 THEN 'iommu_map' ELSE 'iommu_unmap' END),
         device, iova, paddr, size, NULL, NULL, unmapped_size, stack, source, NULL, NULL
    FROM iommu_events;

-- dma_sync_single_* and dma_sync_sg_* (one row per sg entry).
CREATE TABLE syncs (
  id INTEGER PRIMARY KEY,  -- sync id
  event INTEGER NOT NULL,  -- events.id
  ts_ns INTEGER NOT NULL,  -- ns
  device INTEGER NOT NULL,  -- devices.id
  for_device INTEGER NOT NULL,  -- 1 for_device, 0 for_cpu
  dma_addr INTEGER NOT NULL,  -- first byte synced
  size INTEGER NOT NULL,  -- bytes synced
  dir INTEGER,  -- directions.id
  mapping INTEGER  -- live mappings.id containing the range; NULL when none (a sync of an unmapped or unknown range)
);

-- swiotlb_bounced events: a mapping that went through a bounce buffer.
CREATE TABLE bounces (
  id INTEGER PRIMARY KEY,  -- bounce id
  event INTEGER NOT NULL,  -- events.id
  ts_ns INTEGER NOT NULL,  -- ns
  device INTEGER NOT NULL,  -- devices.id
  orig_addr INTEGER NOT NULL,  -- dev_addr: the original physical address that was bounced
  size INTEGER NOT NULL,  -- bytes
  forced INTEGER NOT NULL,  -- 1 when swiotlb=force
  mapping INTEGER  -- mappings.id of the dma_map_page that followed; NULL when none did
);

-- Device faults: iommu:io_page_fault events and DMAR fault lines from the console.
CREATE TABLE faults (
  id INTEGER PRIMARY KEY,  -- fault id
  event INTEGER NOT NULL,  -- events.id (the io_page_fault or console event)
  ts_ns INTEGER NOT NULL,  -- ns
  device INTEGER,  -- devices.id; NULL when the line names no device
  source TEXT NOT NULL,  -- io_page_fault or dmar_console
  addr INTEGER NOT NULL,  -- faulting device address (IOVA)
  access TEXT,  -- read or write; NULL when unknown
  reason INTEGER,  -- DMAR fault reason code; NULL for io_page_fault
  reason_text TEXT,  -- DMAR reason text, or io_page_fault's flags as text
  mapping INTEGER  -- live mappings.id of the device containing addr at the fault; NULL when none
);

-- Windows where events were lost, per CPU.
CREATE TABLE lost_events (
  id INTEGER PRIMARY KEY,  -- window id
  cpu INTEGER,  -- CPU whose buffer lost events; NULL for the whole trace (overwritten ring buffer)
  ts_ns INTEGER NOT NULL,  -- ns, first event after the gap (0 for a trace whose start was overwritten)
  count INTEGER,  -- events lost; NULL when the format does not say
  source INTEGER NOT NULL  -- sources.id
);

-- Everything the readers and the importer skipped, could not understand or
-- found inconsistent: one row per reason. Nothing is dropped silently.
CREATE TABLE import_stats (
  reason TEXT PRIMARY KEY NOT NULL,  -- stable snake_case reason, e.g. unknown_event, unmap_without_map
  origin TEXT NOT NULL,  -- reader or importer
  severity TEXT NOT NULL,  -- info (deliberately ignored), data_loss (input lost events), error (input not understood or inconsistent)
  count INTEGER NOT NULL,  -- occurrences
  description TEXT NOT NULL,  -- one sentence: what this means
  sample TEXT  -- first occurrence, e.g. file:line: text; NULL when none recorded
);

-- Findings of `dmatrace check` (written by the checker; empty after import).
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,  -- finding id
  rule TEXT NOT NULL,  -- rule id from rules/catalogue.yaml, e.g. dma-unmap-size-mismatch
  severity TEXT NOT NULL,  -- error, warning or info
  ts_ns INTEGER,  -- ns, when it happened
  device INTEGER,  -- devices.id
  mapping INTEGER,  -- mappings.id concerned
  event INTEGER,  -- events.id concerned
  inconclusive INTEGER NOT NULL DEFAULT 0,  -- 1 when lost events make the finding uncertain
  message TEXT NOT NULL  -- the message, worded like dma-debug
);

INSERT INTO directions (id, name) VALUES
  (0, 'BIDIRECTIONAL'), (1, 'TO_DEVICE'), (2, 'FROM_DEVICE'), (3, 'NONE');
INSERT INTO mapping_kinds (id, name, released_by) VALUES
  (0, 'coherent', 'dma_free'), (1, 'page', 'dma_unmap_page'), (2, 'sg_segment', 'dma_unmap_sg'),
  (3, 'resource', 'dma_unmap_resource'), (4, 'pages', 'dma_free_pages'), (5, 'sgt', 'dma_free_sgt');
)SQL";

constexpr std::string_view kIndexes = R"SQL(
CREATE INDEX mappings_viewport ON mappings (device, long_lived, map_ts);
CREATE INDEX syncs_mapping ON syncs (mapping);
CREATE INDEX faults_device_ts ON faults (device, ts_ns);
CREATE INDEX findings_device_ts ON findings (device, ts_ns);
)SQL";

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

std::string_view schemaSql() { return kSchema; }
std::string_view indexSql() { return kIndexes; }

std::vector<TableDoc> schemaDocs() {
  std::vector<TableDoc> tables;
  std::istringstream in{std::string(kSchema)};
  std::string line, pendingDoc;
  TableDoc *table = nullptr;
  while (std::getline(in, line)) {
    std::string t = trim(line);
    if (!table) {
      if (startsWith(t, "-- ")) {
        pendingDoc += (pendingDoc.empty() ? "" : " ") + t.substr(3);
      } else if (startsWith(t, "CREATE TABLE ") || startsWith(t, "CREATE VIEW ")) {
        bool view = startsWith(t, "CREATE VIEW ");
        std::string rest = t.substr(view ? 12 : 13);
        tables.push_back({rest.substr(0, rest.find(' ')), pendingDoc, {}, view});
        table = &tables.back();
        pendingDoc.clear();
      } else {
        pendingDoc.clear();
      }
      continue;
    }
    if (startsWith(t, ")")) {
      table = nullptr;
      continue;
    }
    if (startsWith(t, "--")) {  // continuation of the previous column's doc
      if (!table->columns.empty()) table->columns.back().doc += " " + trim(t.substr(2));
      continue;
    }
    if (startsWith(t, "PRIMARY KEY") || startsWith(t, "UNIQUE")) continue;
    size_t comment = t.find("--");
    std::string decl = trim(t.substr(0, comment));
    ColumnDoc column;
    column.name = decl.substr(0, decl.find_first_of(" ,"));
    std::string afterName = decl.size() > column.name.size() ? decl.substr(column.name.size() + 1) : "";
    // A view's columns take their type from the expression: "any".
    column.type = table->view ? "any" : afterName.substr(0, afterName.find_first_of(" ,"));
    column.doc = comment == std::string::npos ? "" : trim(t.substr(comment + 2));
    table->columns.push_back(column);
  }
  return tables;
}

std::string schemaMarkdown() {
  std::ostringstream out;
  out << "<!-- generated from tracer/store/schema.cpp by `dmatrace schema --markdown`; do not edit -->\n\n";
  out << "Schema version " << kSchemaVersion << " (compatible version " << kCompatibleVersion << ").\n";
  for (const TableDoc &table : schemaDocs()) {
    out << "\n### `" << table.name << "`" << (table.view ? " (view)" : "") << "\n\n" << table.doc << "\n\n";
    out << "| column | type | meaning |\n|---|---|---|\n";
    for (const ColumnDoc &column : table.columns) {
      std::string doc = column.doc;
      for (size_t pos = 0; (pos = doc.find('|', pos)) != std::string::npos; pos += 2) doc.replace(pos, 1, "\\|");
      out << "| `" << column.name << "` | " << column.type << " | " << doc << " |\n";
    }
  }
  return out.str();
}

bool createSchema(Database &db, std::string &error) {
  if (!db.execute(kSchema, error)) {
    error = "cannot create schema: " + error;
    return false;
  }
  Statement type = db.prepare("INSERT INTO event_types (id, name, subsystem) VALUES (?, ?, ?)");
  for (int code = 0; code < kEventTypeCount; ++code) {
    type.bindInt(1, code);
    type.bindText(2, kEventTypes[code].name);
    type.bindText(3, kEventTypes[code].subsystem);
    if (!type.run()) {
      error = "cannot fill event_types: " + db.lastError();
      return false;
    }
  }
  Statement insert = db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
  insert.bindText(1, "schema_version");
  insert.bindText(2, std::to_string(kSchemaVersion));
  bool ok = insert.run();
  insert.reset();
  insert.bindText(1, "compatible_version");
  insert.bindText(2, std::to_string(kCompatibleVersion));
  ok = ok && insert.run();
  if (!ok) error = "cannot write schema version: " + db.lastError();
  return ok;
}

bool createIndexes(Database &db, std::string &error) {
  if (db.execute(kIndexes, error)) return true;
  error = "cannot create indexes: " + error;
  return false;
}

bool checkSchemaCompatible(Database &db, std::string &error) {
  Statement query = db.prepare("SELECT key, value FROM meta WHERE key IN ('schema_version', 'compatible_version')");
  if (!query.valid()) {
    error = "not a dmatrace run database (no meta table): " + db.lastError();
    return false;
  }
  int version = -1, compatible = -1;
  while (query.step()) {
    int value = std::atoi(query.columnText(1).c_str());
    (query.columnText(0) == "schema_version" ? version : compatible) = value;
  }
  if (version < 0 || compatible < 0) {
    error = "not a dmatrace run database (meta has no schema_version)";
    return false;
  }
  // A newer writer stays readable as long as it still promises our layout.
  if (compatible > kSchemaVersion) {
    error = "run database schema version " + std::to_string(version) + " needs a newer dmatrace (this one reads up to " +
            std::to_string(kSchemaVersion) + ")";
    return false;
  }
  if (version < kOldestReadableVersion) {
    error = "run database schema version " + std::to_string(version) + " is too old (need at least " +
            std::to_string(kOldestReadableVersion) + "); re-import the trace";
    return false;
  }
  return true;
}

}  // namespace dmacheck::store
