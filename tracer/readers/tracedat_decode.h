// Per-record decoding of trace.dat events: a raw tracepoint record (the
// bytes the kernel wrote, common_* header included) plus the event's own
// `format` description → TraceEvent fields.
//
// Split out of tracedat_reader.cpp so that the decoding can be exercised
// without a trace.dat file (tracer/readers/fuzz/event_decode_fuzzer.cpp, the
// reader tests): build an EventPlan once per event from its parsed format
// (libtraceevent's tep_event, from the file or from tep_format_c.h), then
// decode any number of records with a RecordDecoder.
//
// Bounds: every read is checked against the record size; a __data_loc
// (u32 `len << 16 | offset`) outside the record, a field past its end or an
// sg array longer than fields::kMaxSgEntries makes decodeFields() return
// false (the reader counts it as errored `malformed_event`). Counts the
// record carries (full_nents, full_ents, kernel_stack's size) are stored or
// used as an upper bound only: nothing is read or allocated from them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "event_fields.h"
#include "trace_event.h"

struct tep_event;  // libtraceevent, opaque here

namespace dmacheck::tracer::dat {

// How to pull one TraceEvent member out of the raw record.
struct FieldPlan {
  fields::Target target = fields::Target::Ignore;
  int offset = 0;
  int size = 0;
  int elemSize = 0;
  bool isSigned = false;
  bool dynamic = false;  // __data_loc: u32 (len << 16 | offset)
  bool array = false;
};

// Built once per event id from the file's own format data.
struct EventPlan {
  enum class Kind : uint8_t { Unseen, Other, Known, KernelStack, Broken };
  Kind kind = Kind::Unseen;
  EventType type = EventType::Console;
  std::vector<FieldPlan> fields;
  // kernel_stack: "size" (entries) and "caller" (unsigned long[])
  FieldPlan stackSize;
  FieldPlan stackCaller;
};

// Known (a dma/iommu/swiotlb/console/marker event, fields by name),
// KernelStack, Other (another event), or Broken when event is null.
void buildEventPlan(const tep_event *event, EventPlan &plan);

class RecordDecoder {
 public:
  // swap: the file's byte order differs from ours; longSize: 4 or 8.
  RecordDecoder(bool swap, int longSize) : swap_(swap), longSize_(longSize == 4 ? 4 : 8) {}

  // The fields of a Known event into event (its type, time, cpu and pid are
  // the caller's). False when a field lies outside [data, data + size).
  bool decodeFields(const EventPlan &plan, const uint8_t *data, size_t size, TraceEvent &event) const;

  // The return addresses of a kernel_stack record, up to its end marker and
  // at most its "size" entries. False when the caller array lies outside.
  bool stackAddresses(const EventPlan &plan, const uint8_t *data, size_t size, std::vector<uint64_t> &out) const;

 private:
  bool readNumber(const uint8_t *data, size_t size, const FieldPlan &f, uint64_t &out) const;
  bool readDynamic(const uint8_t *data, size_t size, const FieldPlan &f, const uint8_t *&ptr, size_t &len) const;

  bool swap_;
  int longSize_;
};

}  // namespace dmacheck::tracer::dat
