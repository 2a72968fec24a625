// dmacheck-read-trace: runs one reader over a trace and prints what the
// importer would get. For debugging readers and measuring their speed.
//   dmacheck-read-trace [--format auto|text|dat|ctf] [--dump] [--progress] TRACE
// (--progress: every progress report on stderr, with the time since the start)
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "test_sink.h"
#include "trace_reader.h"

using namespace dmacheck::tracer;

namespace {

class CountingSink : public EventSink {
 public:
  explicit CountingSink(bool dump) : dump_(dump) {}
  void onEvent(const TraceEvent &event) override {
    ++events;
    if (dump_) std::printf("%s\n", testing::renderEvent(event).c_str());
  }
  void onLostEvents(const LostEvents &lost) override {
    ++lostMarkers;
    if (dump_) {
      std::printf("LOST cpu=%d ts=%llu count=%llu\n", lost.cpu, static_cast<unsigned long long>(lost.tsNs),
                  static_cast<unsigned long long>(lost.count));
    }
  }
  void onMeta(const std::string &key, const std::string &value) override {
    std::fprintf(stderr, "meta %s=%s\n", key.c_str(), value.c_str());
  }
  uint64_t events = 0;
  uint64_t lostMarkers = 0;

 private:
  bool dump_;
};

}  // namespace

int main(int argc, char **argv) {
  TraceFormat format = TraceFormat::Auto;
  bool dump = false;
  bool progress = false;
  const char *path = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--dump") == 0) {
      dump = true;
    } else if (std::strcmp(argv[i], "--progress") == 0) {
      progress = true;
    } else if (std::strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
      if (!traceFormatFromName(argv[++i], format)) {
        std::fprintf(stderr, "unknown format %s\n", argv[i]);
        return 2;
      }
    } else {
      path = argv[i];
    }
  }
  if (path == nullptr) {
    std::fprintf(stderr, "usage: %s [--format auto|text|dat|ctf] [--dump] [--progress] TRACE\n", argv[0]);
    return 2;
  }
  std::string error;
  auto reader = makeReader(format, path, error);
  if (!reader) {
    std::fprintf(stderr, "error: %s\n", error.c_str());
    return 1;
  }
  CountingSink sink(dump);
  ReaderStats stats;
  auto start = std::chrono::steady_clock::now();
  if (progress) {
    reader->setProgressCallback([start](uint64_t done, uint64_t total) {
      double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr, "progress %.3fs %llu/%llu (%.1f%%)\n", t, static_cast<unsigned long long>(done),
                   static_cast<unsigned long long>(total), total ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 0.0);
    });
  }
  bool ok = reader->read(sink, stats, error);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "format=%s ok=%d units=%llu parsed=%llu events=%llu lost_markers=%llu overwritten=%llu\n",
               std::string(reader->formatName()).c_str(), ok, static_cast<unsigned long long>(stats.inputUnits),
               static_cast<unsigned long long>(stats.parsed), static_cast<unsigned long long>(sink.events),
               static_cast<unsigned long long>(sink.lostMarkers),
               static_cast<unsigned long long>(stats.overwrittenEvents));
  for (const auto &kv : stats.skipped) std::fprintf(stderr, "skipped %s=%llu\n", kv.first.c_str(), static_cast<unsigned long long>(kv.second));
  for (const auto &kv : stats.errored) std::fprintf(stderr, "errored %s=%llu\n", kv.first.c_str(), static_cast<unsigned long long>(kv.second));
  for (const auto &s : stats.samples) std::fprintf(stderr, "sample %s\n", s.c_str());
  std::fprintf(stderr, "time=%.3fs rate=%.0f units/s %.0f events/s\n", seconds,
               seconds > 0 ? stats.inputUnits / seconds : 0.0, seconds > 0 ? sink.events / seconds : 0.0);
  if (!ok) {
    std::fprintf(stderr, "error: %s\n", error.c_str());
    return 1;
  }
  return 0;
}
