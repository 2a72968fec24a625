// libFuzzer target for the ftrace text reader: any input must parse without
// crashing, and every line must land in exactly one stats bucket.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ftrace_text_reader.h"

namespace {

class NullSink : public dmacheck::tracer::EventSink {
 public:
  void onEvent(const dmacheck::tracer::TraceEvent &event) override {
    // Touch the strings so the sanitizers see their bytes.
    sum_ += event.comm.size() + event.device.size() + event.text.size() + event.sg.size() + event.stack.size();
  }
  void onLostEvents(const dmacheck::tracer::LostEvents &lost) override { sum_ += lost.count; }
  void onMeta(const std::string &key, const std::string &value) override { sum_ += key.size() + value.size(); }
  uint64_t sum_ = 0;
};

uint64_t total(const std::map<std::string, uint64_t> &counts) {
  uint64_t n = 0;
  for (const auto &kv : counts) n += kv.second;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  auto reader = dmacheck::tracer::FtraceTextReader::fromMemory(
      "fuzz", std::string(reinterpret_cast<const char *>(data), size));
  NullSink sink;
  dmacheck::tracer::ReaderStats stats;
  std::string error;
  if (!reader->read(sink, stats, error)) std::abort();  // in-memory text never fails as a whole
  if (stats.parsed + total(stats.skipped) + total(stats.errored) != stats.inputUnits) std::abort();
  if (stats.samples.size() > dmacheck::tracer::kMaxErrorSamples) std::abort();
  return 0;
}
