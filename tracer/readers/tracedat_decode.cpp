#include "tracedat_decode.h"

#include <cstring>
#include <string_view>

#include "tep_format_c.h"

namespace dmacheck::tracer::dat {

namespace {

using fields::Target;

uint64_t byteSwap(uint64_t v, int size) {
  switch (size) {
    case 2: return __builtin_bswap16(static_cast<uint16_t>(v));
    case 4: return __builtin_bswap32(static_cast<uint32_t>(v));
    case 8: return __builtin_bswap64(v);
    default: return v;
  }
}

FieldPlan toPlan(const dmacheck_dat_field &f, Target target) {
  FieldPlan p;
  p.target = target;
  p.offset = f.offset;
  p.size = f.size;
  p.elemSize = f.elem_size;
  p.isSigned = f.is_signed != 0;
  p.dynamic = f.is_dynamic != 0;
  p.array = f.is_array != 0;
  return p;
}

}  // namespace

void buildEventPlan(const tep_event *event, EventPlan &plan) {
  plan = EventPlan();
  if (event == nullptr) {
    plan.kind = EventPlan::Kind::Broken;
    return;
  }
  const char *system = nullptr;
  const char *name = nullptr;
  dmacheck_tep_event_name(event, &system, &name);
  std::vector<dmacheck_dat_field> raw(64);
  int n = dmacheck_tep_event_fields(event, raw.data(), static_cast<int>(raw.size()));
  if (n > static_cast<int>(raw.size())) {
    raw.resize(static_cast<size_t>(n));
    n = dmacheck_tep_event_fields(event, raw.data(), n);
  }
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

bool RecordDecoder::readNumber(const uint8_t *data, size_t size, const FieldPlan &f, uint64_t &out) const {
  if (f.offset < 0 || f.size <= 0 || f.size > 8 || static_cast<size_t>(f.offset) + static_cast<size_t>(f.size) > size) {
    return false;
  }
  uint64_t v = 0;
  switch (f.size) {
    case 1: v = data[f.offset]; break;
    case 2: { uint16_t x; std::memcpy(&x, data + f.offset, 2); v = x; break; }
    case 4: { uint32_t x; std::memcpy(&x, data + f.offset, 4); v = x; break; }
    case 8: { std::memcpy(&v, data + f.offset, 8); break; }
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

bool RecordDecoder::readDynamic(const uint8_t *data, size_t size, const FieldPlan &f, const uint8_t *&ptr,
                                size_t &len) const {
  if (f.dynamic) {
    FieldPlan loc = f;
    loc.size = 4;
    loc.isSigned = false;
    uint64_t value = 0;
    if (!readNumber(data, size, loc, value)) return false;
    size_t offset = value & 0xffff;
    len = (value >> 16) & 0xffff;
    if (offset + len > size) return false;
    ptr = data + offset;
    return true;
  }
  // A fixed array ("char buf[]" of ftrace:print runs to the record's end).
  if (f.offset < 0 || static_cast<size_t>(f.offset) > size) return false;
  const size_t rest = size - static_cast<size_t>(f.offset);
  ptr = data + f.offset;
  len = f.size > 0 ? static_cast<size_t>(f.size) : rest;
  if (len > rest) len = rest;
  return true;
}

bool RecordDecoder::decodeFields(const EventPlan &plan, const uint8_t *data, size_t size, TraceEvent &event) const {
  for (const FieldPlan &f : plan.fields) {
    uint64_t v = 0;
    switch (f.target) {
      case Target::Device:
      case Target::Driver:
      case Target::Text: {
        const uint8_t *ptr = nullptr;
        size_t len = 0;
        if (!readDynamic(data, size, f, ptr, len)) return false;
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
        if (!readDynamic(data, size, f, ptr, len)) return false;
        size_t elem = f.elemSize == 4 || f.elemSize == 8 ? static_cast<size_t>(f.elemSize)
                      : f.target == Target::Lengths      ? 4
                                                         : 8;
        // The kernel caps these arrays at 128 entries; more than the reader
        // keeps is a corrupt record, not a long list to cut silently.
        if (len / elem > fields::kMaxSgEntries) return false;
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
        if (!readNumber(data, size, f, v)) return false;
        fields::setNumericValue(event, f.target, v);
    }
  }
  return true;
}

bool RecordDecoder::stackAddresses(const EventPlan &plan, const uint8_t *data, size_t size,
                                   std::vector<uint64_t> &out) const {
  out.clear();
  uint64_t entries = 0;
  const FieldPlan &sizeField = plan.stackSize;
  if (sizeField.size == 0 || !readNumber(data, size, sizeField, entries)) entries = ~0ULL;
  const uint8_t *ptr = nullptr;
  size_t len = 0;
  FieldPlan caller = plan.stackCaller;
  caller.size = 0;  // the array runs to the end of the record, "size" entries long
  if (!readDynamic(data, size, caller, ptr, len)) return false;
  const size_t width = static_cast<size_t>(longSize_);
  size_t count = len / width;
  if (entries < count) count = static_cast<size_t>(entries);
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
    out.push_back(addr);
  }
  return true;
}

}  // namespace dmacheck::tracer::dat
