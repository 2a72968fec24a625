#include "tracedat_reader.h"

#include <sys/stat.h>

#include <cstring>
#include <unordered_map>
#include <utility>
#include <vector>

#include "event_fields.h"
#include "holdback_queue.h"
#include "tracedat_c.h"

namespace dmacheck::tracer {

namespace {

using fields::Target;

// How to pull one TraceEvent member out of the raw record.
struct FieldPlan {
  Target target = Target::Ignore;
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

uint64_t byteSwap(uint64_t v, int size) {
  switch (size) {
    case 2: return __builtin_bswap16(static_cast<uint16_t>(v));
    case 4: return __builtin_bswap32(static_cast<uint32_t>(v));
    case 8: return __builtin_bswap64(v);
    default: return v;
  }
}

class DatDecoder {
 public:
  DatDecoder(dmacheck_dat *dat, std::string path, EventSink &sink, ReaderStats &stats)
      : dat_(dat), path_(std::move(path)), sink_(sink), stats_(stats), queue_(sink) {
    swap_ = (dmacheck_dat_file_bigendian(dat) != 0) != (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__);
    longSize_ = dmacheck_dat_long_size(dat);
    if (longSize_ != 4 && longSize_ != 8) longSize_ = 8;
    fields::resetEvent(scratch_);
  }

  int onRecord(const dmacheck_dat_record &rec);
  void finish() { queue_.flushAll(); }

 private:
  EventPlan &planFor(int id);
  void buildPlan(int id, EventPlan &plan);
  bool readNumber(const dmacheck_dat_record &rec, const FieldPlan &f, uint64_t &out) const;
  bool readDynamic(const dmacheck_dat_record &rec, const FieldPlan &f, const uint8_t *&ptr, size_t &len) const;
  bool decode(const dmacheck_dat_record &rec, const EventPlan &plan, TraceEvent &event);
  void attachStack(const dmacheck_dat_record &rec, const EventPlan &plan);
  void fail(const char *reason, const dmacheck_dat_record &rec, const char *what);
  void markSkipped(int cpu) {
    skippedCpu_[cpu] = true;
    queue_.completeCpu(cpu);
  }
  const std::string &commFor(int pid);

  dmacheck_dat *dat_;
  std::string path_;
  EventSink &sink_;
  ReaderStats &stats_;
  bool swap_ = false;
  int longSize_ = 8;
  std::vector<EventPlan> plans_;
  std::unordered_map<int, std::string> comms_;
  HoldbackQueue queue_;  // events wait there for a kernel_stack record
  TraceEvent scratch_;
  std::unordered_map<int, bool> skippedCpu_;  // the CPU's newest record was not turned into an event
  uint64_t recordNo_ = 0;
};

const std::string &DatDecoder::commFor(int pid) {
  auto it = comms_.find(pid);
  if (it != comms_.end()) return it->second;
  const char *comm = dmacheck_dat_comm(dat_, pid);
  return comms_.emplace(pid, comm ? comm : "").first->second;
}

EventPlan &DatDecoder::planFor(int id) {
  static EventPlan broken = [] {
    EventPlan p;
    p.kind = EventPlan::Kind::Broken;
    return p;
  }();
  if (id < 0 || id > 0xffff) return broken;
  if (static_cast<size_t>(id) >= plans_.size()) plans_.resize(static_cast<size_t>(id) + 1);
  EventPlan &plan = plans_[static_cast<size_t>(id)];
  if (plan.kind == EventPlan::Kind::Unseen) buildPlan(id, plan);
  return plan;
}

void DatDecoder::buildPlan(int id, EventPlan &plan) {
  const char *system = nullptr;
  const char *name = nullptr;
  if (!dmacheck_dat_event_name(dat_, id, &system, &name)) {
    plan.kind = EventPlan::Kind::Broken;
    return;
  }
  std::vector<dmacheck_dat_field> raw(64);
  int n = dmacheck_dat_event_fields(dat_, id, raw.data(), static_cast<int>(raw.size()));
  if (n > static_cast<int>(raw.size())) {
    raw.resize(static_cast<size_t>(n));
    n = dmacheck_dat_event_fields(dat_, id, raw.data(), n);
  }
  auto toPlan = [](const dmacheck_dat_field &f, Target target) {
    FieldPlan p;
    p.target = target;
    p.offset = f.offset;
    p.size = f.size;
    p.elemSize = f.elem_size;
    p.isSigned = f.is_signed != 0;
    p.dynamic = f.is_dynamic != 0;
    p.array = f.is_array != 0;
    return p;
  };
  const std::string_view sys = system ? system : "";
  const std::string_view ev = name ? name : "";
  if (sys == "ftrace" && ev == "kernel_stack") {
    plan.kind = EventPlan::Kind::KernelStack;
    for (int i = 0; i < n; ++i) {
      std::string_view fieldName = raw[i].name ? raw[i].name : "";
      if (fieldName == "size") plan.stackSize = toPlan(raw[i], Target::Ignore);
      if (fieldName == "caller") plan.stackCaller = toPlan(raw[i], Target::Ignore);
    }
    if (plan.stackCaller.size == 0 && !plan.stackCaller.dynamic) plan.kind = EventPlan::Kind::Other;
    return;
  }
  EventType type;
  if (!eventTypeFromTracepoint(sys, ev, type)) {
    plan.kind = EventPlan::Kind::Other;
    return;
  }
  plan.kind = EventPlan::Kind::Known;
  plan.type = type;
  for (int i = 0; i < n; ++i) {
    if (raw[i].name == nullptr) continue;
    Target target = fields::targetForField(type, raw[i].name);
    if (target == Target::Ignore) continue;
    plan.fields.push_back(toPlan(raw[i], target));
  }
}

bool DatDecoder::readNumber(const dmacheck_dat_record &rec, const FieldPlan &f, uint64_t &out) const {
  if (f.offset < 0 || f.size <= 0 || f.size > 8 || f.offset + f.size > rec.size) return false;
  uint64_t v = 0;
  switch (f.size) {
    case 1: v = rec.data[f.offset]; break;
    case 2: { uint16_t x; std::memcpy(&x, rec.data + f.offset, 2); v = x; break; }
    case 4: { uint32_t x; std::memcpy(&x, rec.data + f.offset, 4); v = x; break; }
    case 8: { std::memcpy(&v, rec.data + f.offset, 8); break; }
    default: return false;
  }
  if (swap_) v = byteSwap(v, f.size);
  if (f.isSigned && f.size < 8) {
    const uint64_t signBit = 1ULL << (f.size * 8 - 1);
    if (v & signBit) v |= ~((signBit << 1) - 1);
  }
  out = v;
  return true;
}

bool DatDecoder::readDynamic(const dmacheck_dat_record &rec, const FieldPlan &f, const uint8_t *&ptr,
                             size_t &len) const {
  if (f.dynamic) {
    FieldPlan loc = f;
    loc.size = 4;
    loc.isSigned = false;
    uint64_t value = 0;
    if (!readNumber(rec, loc, value)) return false;
    size_t offset = value & 0xffff;
    len = (value >> 16) & 0xffff;
    if (offset + len > static_cast<size_t>(rec.size)) return false;
    ptr = rec.data + offset;
    return true;
  }
  // A fixed array ("char buf[]" of ftrace:print runs to the record's end).
  if (f.offset < 0 || f.offset > rec.size) return false;
  ptr = rec.data + f.offset;
  len = f.size > 0 ? static_cast<size_t>(f.size) : static_cast<size_t>(rec.size - f.offset);
  if (f.offset + len > static_cast<size_t>(rec.size)) len = static_cast<size_t>(rec.size - f.offset);
  return true;
}

bool DatDecoder::decode(const dmacheck_dat_record &rec, const EventPlan &plan, TraceEvent &event) {
  for (const FieldPlan &f : plan.fields) {
    uint64_t v = 0;
    switch (f.target) {
      case Target::Device:
      case Target::Driver:
      case Target::Text: {
        const uint8_t *ptr = nullptr;
        size_t len = 0;
        if (!readDynamic(rec, f, ptr, len)) return false;
        size_t n = strnlen(reinterpret_cast<const char *>(ptr), len);
        std::string &dst = f.target == Target::Device ? event.device
                           : f.target == Target::Driver ? event.driver
                                                        : event.text;
        dst.assign(reinterpret_cast<const char *>(ptr), n);
        if (f.target == Target::Text) {
          while (!dst.empty() && (dst.back() == '\n' || dst.back() == ' ')) dst.pop_back();
        }
        break;
      }
      case Target::DmaAddrs:
      case Target::PhysAddrs:
      case Target::Lengths: {
        const uint8_t *ptr = nullptr;
        size_t len = 0;
        if (!readDynamic(rec, f, ptr, len)) return false;
        size_t elem = f.elemSize == 4 || f.elemSize == 8 ? static_cast<size_t>(f.elemSize)
                      : f.target == Target::Lengths      ? 4
                                                         : 8;
        for (size_t i = 0; i + elem <= len; i += elem) {
          uint64_t value = 0;
          if (elem == 4) {
            uint32_t x;
            std::memcpy(&x, ptr + i, 4);
            value = swap_ ? __builtin_bswap32(x) : x;
          } else {
            std::memcpy(&value, ptr + i, 8);
            if (swap_) value = __builtin_bswap64(value);
          }
          fields::setSgValue(event, f.target, i / elem, value);
        }
        break;
      }
      default:
        if (!readNumber(rec, f, v)) return false;
        fields::setNumericValue(event, f.target, v);
    }
  }
  return true;
}

void DatDecoder::fail(const char *reason, const dmacheck_dat_record &rec, const char *what) {
  ++stats_.errored[reason];
  if (stats_.samples.size() < kMaxErrorSamples) {
    char buf[160];
    std::snprintf(buf, sizeof buf, ":record %llu: %s: cpu=%d ts=%llu event_id=%d size=%d %s",
                  static_cast<unsigned long long>(recordNo_), reason, rec.cpu,
                  static_cast<unsigned long long>(rec.ts), rec.event_id, rec.size, what);
    stats_.samples.push_back(path_ + buf);
  }
}

void DatDecoder::attachStack(const dmacheck_dat_record &rec, const EventPlan &plan) {
  TraceEvent *target = queue_.stackTarget(rec.cpu);
  if (target == nullptr) {
    auto skipped = skippedCpu_.find(rec.cpu);
    ++stats_.skipped[skipped != skippedCpu_.end() && skipped->second ? "stack_trace_of_skipped_event"
                                                                     : "stack_trace_orphan"];
    return;
  }
  uint64_t entries = 0;
  FieldPlan sizeField = plan.stackSize;
  if (sizeField.size == 0 || !readNumber(rec, sizeField, entries)) entries = ~0ULL;
  const uint8_t *ptr = nullptr;
  size_t len = 0;
  FieldPlan caller = plan.stackCaller;
  caller.size = 0;  // the array runs to the end of the record, "size" entries long
  if (!readDynamic(rec, caller, ptr, len)) {
    fail("malformed_stack", rec, "caller array outside the record");
    queue_.completeCpu(rec.cpu);
    return;
  }
  const size_t width = static_cast<size_t>(longSize_);
  size_t count = len / width;
  if (entries < count) count = static_cast<size_t>(entries);
  char sym[256];
  bool first = true;
  for (size_t i = 0; i < count; ++i) {
    uint64_t addr = 0;
    if (width == 8) {
      std::memcpy(&addr, ptr + i * 8, 8);
      if (swap_) addr = __builtin_bswap64(addr);
    } else {
      uint32_t x;
      std::memcpy(&x, ptr + i * 4, 4);
      addr = swap_ ? __builtin_bswap32(x) : x;
    }
    if (addr == 0 || addr == ~0ULL || (width == 4 && addr == 0xffffffffULL)) break;  // end marker
    std::string frame;
    if (dmacheck_dat_symbol(dat_, addr, sym, sizeof sym)) {
      frame = sym;
    } else {
      std::snprintf(sym, sizeof sym, "0x%llx", static_cast<unsigned long long>(addr));
      frame = sym;
    }
    if (first && fields::isTracepointGlueFrame(frame)) {
      first = false;
      continue;
    }
    first = false;
    target->stack.push_back(std::move(frame));
  }
  queue_.completeCpu(rec.cpu);
  ++stats_.skipped["stack_trace_attached"];
}

int DatDecoder::onRecord(const dmacheck_dat_record &rec) {
  ++recordNo_;
  ++stats_.inputUnits;
  if (rec.missed != 0) {
    LostEvents lost;
    lost.cpu = rec.cpu;
    lost.tsNs = rec.ts;
    lost.count = rec.missed > 0 ? static_cast<uint64_t>(rec.missed) : 0;
    queue_.pushLost(lost);
  }
  if (rec.data == nullptr || rec.size < 8) {
    fail("malformed_record", rec, "shorter than the common header");
    markSkipped(rec.cpu);
    return 0;
  }
  EventPlan &plan = planFor(rec.event_id);
  switch (plan.kind) {
    case EventPlan::Kind::Broken:
      fail("unknown_event_id", rec, "no format for this event id");
      markSkipped(rec.cpu);
      return 0;
    case EventPlan::Kind::Other:
    case EventPlan::Kind::Unseen:
      ++stats_.skipped[reason::kUnknownEvent];
      markSkipped(rec.cpu);
      return 0;
    case EventPlan::Kind::KernelStack:
      attachStack(rec, plan);
      return 0;
    case EventPlan::Kind::Known:
      break;
  }
  TraceEvent &event = scratch_;
  fields::resetEvent(event);
  event.type = plan.type;
  event.tsNs = rec.ts;
  event.cpu = rec.cpu;
  event.pid = rec.pid;
  event.comm = commFor(rec.pid);
  if (!decode(rec, plan, event)) {
    fail(reason::kMalformedEvent, rec, "a field lies outside the record");
    markSkipped(rec.cpu);
    return 0;
  }
  skippedCpu_[rec.cpu] = false;
  queue_.pushEvent(scratch_);
  ++stats_.parsed;
  return 0;
}

int recordTrampoline(void *ctx, const dmacheck_dat_record *rec) {
  return static_cast<DatDecoder *>(ctx)->onRecord(*rec);
}

// "Linux (none) 6.12.107+deb12-amd64 #1 SMP ..." → "6.12.107+deb12-amd64"
std::string releaseFromUname(std::string_view uname) {
  size_t a = uname.find(' ');
  if (a == std::string_view::npos) return std::string(uname);
  size_t b = uname.find(' ', a + 1);
  if (b == std::string_view::npos) return std::string(uname.substr(a + 1));
  size_t c = uname.find(' ', b + 1);
  return std::string(uname.substr(b + 1, c == std::string_view::npos ? std::string_view::npos : c - b - 1));
}

// "[local] global counter ..." → "local"
std::string selectedClock(std::string_view clocks) {
  size_t open = clocks.find('[');
  size_t close = clocks.find(']', open);
  if (open == std::string_view::npos || close == std::string_view::npos) {
    while (!clocks.empty() && (clocks.back() == '\n' || clocks.back() == ' ')) clocks.remove_suffix(1);
    return std::string(clocks);
  }
  return std::string(clocks.substr(open + 1, close - open - 1));
}

// Sum of "overrun: N" of every CPU in the stats trace-cmd stored at the end
// of recording: events the ring buffer overwrote.
uint64_t overrunsFromCpustats(std::string_view text) {
  uint64_t total = 0;
  constexpr std::string_view kKey = "overrun: ";
  size_t pos = 0;
  while ((pos = text.find(kKey, pos)) != std::string_view::npos) {
    if (pos > 0 && text[pos - 1] != '\n') {  // skip "commit overrun: "
      pos += kKey.size();
      continue;
    }
    pos += kKey.size();
    uint64_t value = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') value = value * 10 + static_cast<uint64_t>(text[pos++] - '0');
    total += value;
  }
  return total;
}

}  // namespace

TraceDatReader::TraceDatReader(std::string path) : path_(std::move(path)) {}

bool TraceDatReader::read(EventSink &sink, ReaderStats &stats, std::string &error) {
  char err[512] = {0};
  struct stat st {};
  const uint64_t total = ::stat(path_.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
  reportProgress(0, total);
  dmacheck_dat *dat = dmacheck_dat_open(path_.c_str(), err, sizeof err);
  if (dat == nullptr) {
    error = err;
    return false;
  }
  sink.onMeta("source_format", "trace-dat");
  if (const char *uname = dmacheck_dat_uname(dat)) {
    sink.onMeta("uname", uname);
    sink.onMeta("kernel_release", releaseFromUname(uname));
  }
  if (const char *clock = dmacheck_dat_clock(dat)) sink.onMeta("clock", selectedClock(clock));
  if (const char *version = dmacheck_dat_version(dat)) sink.onMeta("trace_cmd_version", version);
  int cpus = dmacheck_dat_cpus(dat);
  if (cpus > 0) sink.onMeta("cpus", std::to_string(cpus));
  if (const char *cpustats = dmacheck_dat_cpustats(dat)) stats.overwrittenEvents += overrunsFromCpustats(cpustats);
  sink.onMeta("timestamp_unit", "ns");

  DatDecoder decoder(dat, path_, sink, stats);
  int ret = dmacheck_dat_iterate(dat, recordTrampoline, &decoder);
  decoder.finish();
  dmacheck_dat_close(dat);
  reportProgress(total, total);
  if (ret != 0) {
    error = path_ + ": libtracecmd stopped reading the event data (corrupted data section?)";
    return false;
  }
  return true;
}

}  // namespace dmacheck::tracer
