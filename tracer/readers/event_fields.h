// Internal to the readers: the one table that says which tracepoint field
// fills which TraceEvent member, shared by the trace.dat and CTF readers
// (fields by name from the trace's own format data) and the text reader
// (key=value pairs of the print format, plus its few printed aliases).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "trace_event.h"

namespace dmacheck::tracer::fields {

enum class Target : uint8_t {
  Ignore,
  Device,
  Driver,
  DmaAddr,
  PhysAddr,
  Size,
  UnmappedSize,
  Dir,
  Attrs,
  GfpFlags,
  FaultFlags,
  IommuGroup,
  Force,
  DmaMask,
  FullNents,
  FullEnts,
  Truncated,
  Error,
  DmaAddrs,   // array of u64
  PhysAddrs,  // array of u64
  Lengths,    // array of u32 (dma_map_sg, sync_sg)
  Text,       // console msg, print buf
};

// Field name as in the tracefs format file (or the CTF event payload).
Target targetForField(EventType type, std::string_view field);
// Key as the event's print format spells it in text ("sizes", "groupID",
// map_sg_err's "dma_addrs" that holds physical addresses, ...); falls back to
// targetForField.
Target targetForTextKey(EventType type, std::string_view key);

// Whether an integer printed without "0x" is hex in the print format (%llx).
bool printedAsHex(Target target);

// Bit values of the printed flag names (Linux 6.12 include/trace/events/dma.h
// and include/trace/events/mmflags.h). Values like "0x100" or residue after
// "|" are parsed as numbers. Returns false on an unknown name.
bool parseAttrs(std::string_view text, uint64_t &out);
bool parseGfpFlags(std::string_view text, uint64_t &out);

// Unsigned integer: "0x" prefix means hex, otherwise hex when defaultHex.
bool parseUnsigned(std::string_view text, bool defaultHex, uint64_t &out);
bool parseSigned(std::string_view text, int64_t &out);

// Stores a numeric scalar field (all targets but strings and sg arrays) into
// event; false for targets that are not numeric scalars. Shared by the
// binary readers, which decode numbers before knowing where they go.
bool setNumericValue(TraceEvent &event, Target target, uint64_t value);

// Most sg entries an event keeps. The kernel caps its arrays at 128; the
// binary readers count a longer array as a malformed event.
inline constexpr size_t kMaxSgEntries = 4096;

// Appends value to the sg array column of event (grows event.sg as needed;
// an index >= kMaxSgEntries is dropped).
void setSgValue(TraceEvent &event, Target target, size_t index, uint64_t value);

// The tracepoint glue frame that opens every stack captured by
// options/stacktrace: trace_event_raw_event_*, __traceiter_*, perf_trace_*,
// trace_event_buffer_commit, ftrace_trace_stack... (compared without offset).
bool isTracepointGlueFrame(std::string_view frame);

// Resets event to defaults but keeps the capacity of its strings/vectors.
void resetEvent(TraceEvent &event);

}  // namespace dmacheck::tracer::fields
