// libFuzzer target for the trace.dat event decoding: a raw tracepoint record
// decoded against one of the real Linux 6.12 `format` files, through the
// same code the trace.dat reader runs per record (tracedat_decode.h).
//
// Input layout: decode_fuzz_input.h. The formats are parsed once with
// libtraceevent (tep_parse_format, as tracecmd_open does) and turned into
// EventPlans once; each input is one record. Besides the sanitizers, the
// target aborts when a decoded value could only come from outside the record
// (a string or an array longer than the record, more sg entries than the cap).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "decode_fuzz_input.h"
#include "tep_format_c.h"
#include "tracedat_decode.h"

#ifndef DMACHECK_FUZZ_FORMATS_DIR
#define DMACHECK_FUZZ_FORMATS_DIR "formats-6.12"
#endif

namespace {

using dmacheck::tracer::TraceEvent;
using dmacheck::tracer::dat::EventPlan;
using dmacheck::tracer::dat::RecordDecoder;
namespace fuzz = dmacheck::tracer::fuzz;
namespace fields = dmacheck::tracer::fields;

std::vector<EventPlan> *gPlans = nullptr;
tep_handle *gTep = nullptr;  // kept for the whole run (reachable: no leak report)

}  // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  const char *dir = std::getenv("DMACHECK_FUZZ_FORMATS");
  std::vector<fuzz::FormatFile> formats = fuzz::loadFormats(dir ? dir : DMACHECK_FUZZ_FORMATS_DIR);
  gTep = dmacheck_tep_new(8, 0);
  gPlans = new std::vector<EventPlan>();
  for (const fuzz::FormatFile &f : formats) {
    tep_event *event = dmacheck_tep_parse_event(gTep, f.text.data(), f.text.size(), f.system.c_str());
    EventPlan plan;
    dmacheck::tracer::dat::buildEventPlan(event, plan);
    if (plan.kind != EventPlan::Kind::Known && plan.kind != EventPlan::Kind::KernelStack) {
      std::fprintf(stderr, "event_decode_fuzzer: %s/%s gave no decoding plan\n", f.system.c_str(), f.event.c_str());
      std::abort();
    }
    gPlans->push_back(std::move(plan));
  }
  if (gPlans->empty()) {
    std::fprintf(stderr, "event_decode_fuzzer: no *.format files under %s (set DMACHECK_FUZZ_FORMATS)\n",
                 dir ? dir : DMACHECK_FUZZ_FORMATS_DIR);
    std::abort();
  }
  std::fprintf(stderr, "event_decode_fuzzer: %zu formats\n", gPlans->size());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < fuzz::kHeaderBytes) return 0;
  const EventPlan &plan = (*gPlans)[data[0] % gPlans->size()];
  const bool swap = (data[1] & fuzz::kFlagSwap) != 0;
  const int longSize = (data[1] & fuzz::kFlagLong4) != 0 ? 4 : 8;
  // An exact-size copy, so that ASan sees any read past the record's end.
  const size_t recordSize = size - fuzz::kHeaderBytes;
  // (new[0] is a valid, non-null, zero-byte allocation, as a 0-byte record is.)
  std::unique_ptr<uint8_t[]> record(new uint8_t[recordSize]);
  if (recordSize) std::memcpy(record.get(), data + fuzz::kHeaderBytes, recordSize);
  const uint8_t *rec = record.get();
  RecordDecoder decoder(swap, longSize);

  if (plan.kind == EventPlan::Kind::KernelStack) {
    std::vector<uint64_t> addrs;
    if (decoder.stackAddresses(plan, rec, recordSize, addrs) && addrs.size() > recordSize / longSize) std::abort();
    return 0;
  }
  static TraceEvent event;
  fields::resetEvent(event);
  event.type = plan.type;
  if (!decoder.decodeFields(plan, rec, recordSize, event)) return 0;  // the reader: errored malformed_event
  if (event.device.size() > recordSize || event.driver.size() > recordSize || event.text.size() > recordSize) {
    std::abort();
  }
  if (event.sg.size() > fields::kMaxSgEntries || event.sg.size() * 4 > recordSize) std::abort();
  return 0;
}
