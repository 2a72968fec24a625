// What the panes ask of a run beyond the viewport rectangles, without Qt:
// the device list with counts, the translation table at t, address search,
// lost-event spans and the CSV export. Built on RunReader; what it lacks
// (search by physical address over all devices, the event before a loss)
// goes through RunReader::database() with plain SQL on the documented schema.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "run_types.h"
#include "view_transform.h"

namespace dmacheck::store {
class RunReader;
}

namespace dmacheck::gui {

struct DeviceRow {
  store::Device device;
  uint64_t findings = 0;
};
// Every device, by id, with its finding count.
std::vector<DeviceRow> deviceRows(store::RunReader &reader);
// The device most worth showing first: the most mappings (ties: lowest id).
std::optional<int64_t> busiestDevice(const std::vector<DeviceRow> &rows);

// One live IOVA -> phys translation of "the map at t".
struct Translation {
  int64_t mapping = 0;
  uint64_t iova = 0;
  uint64_t size = 0;
  std::optional<uint64_t> phys;
  int8_t dir = -1;
  store::MappingKind kind = store::MappingKind::Page;
  uint64_t mapTs = 0;
  bool overlaps = false;  // shares device addresses with another live one
};
// The live mappings sorted by IOVA; `overlaps` marks IOVA ranges mapped
// twice at once (a stale translation or a pairing the importer got wrong).
std::vector<Translation> translationTable(std::vector<store::Mapping> live);

struct AddressHit {
  store::Mapping mapping;
  bool byPhys = false;  // matched the physical address (else the IOVA)
};
// Every lifetime of any device whose IOVA or physical range covered addr,
// by map time; at most `limit`.
std::vector<AddressHit> searchAddress(store::RunReader &reader, uint64_t addr, size_t limit = 5000);

// The mappings overlapping the viewport (every row, not the bins) as CSV
// with a header line. False on a query error (error says why).
bool writeMappingsCsv(store::RunReader &reader, int64_t device, const Viewport &viewport, std::ostream &out,
                      std::string &error);

// Time and address bounds for fitting the device: the run's span and the
// device's address range (IOVA or physical).
struct DeviceExtent {
  uint64_t t0 = 0, t1 = 1;
  uint64_t addrLo = 0, addrHi = 0x1000;
  bool empty = true;  // the device has no mappings (on this axis)
};
DeviceExtent deviceExtent(store::RunReader &reader, const store::Device &device, bool physical);

// Lost-event windows as time spans [from, to]: a lost_events row only says
// where the gap ended (the first event after it), so the span starts at the
// previous event of the same CPU (of any CPU for a whole-trace loss; the
// run's start when the trace's beginning was overwritten).
struct LostSpan {
  uint64_t from = 0, to = 0;
  std::optional<int32_t> cpu;
  std::optional<uint64_t> count;
};
std::vector<LostSpan> lostSpans(store::RunReader &reader, size_t limit = 500);

}  // namespace dmacheck::gui
