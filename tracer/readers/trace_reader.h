// The reader API: one TraceReader per trace format, all producing the neutral
// TraceEvent (tracer/events/trace_event.h) into an EventSink.
//
//   std::string error;
//   TraceFormat format = detectFormat(path, error);      // from content
//   auto reader = makeReader(format, path);
//   reader->setProgressCallback([](uint64_t done, uint64_t total) { ... });
//   ReaderStats stats;
//   if (!reader->read(sink, stats, error)) { /* fatal: cannot open, corrupt */ }
//
// read() returns false only when the input as a whole cannot be read (missing
// file, bad magic, corrupted trace.dat header, CTF metadata error). Bad lines
// or records never abort: they are counted in ReaderStats and reading goes on.
// Library headers stay light: no libtracecmd, babeltrace2 or sqlite headers.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "trace_event.h"

namespace dmacheck::tracer {

enum class TraceFormat {
  Auto,       // detect from content (makeReader runs detectFormat)
  FtraceText, // tracefs trace / trace_pipe, trace-cmd report, perf script
  TraceDat,   // trace-cmd's binary trace.dat (file versions 6 and 7)
  Ctf,        // a CTF directory (perf data convert --to-ctf, babeltrace2 sink.ctf.fs)
  Unknown,    // detectFormat failed (error says why)
};

std::string_view traceFormatName(TraceFormat format);  // "ftrace-text", "trace-dat", "ctf"
// Parses the names traceFormatName prints plus "auto", "text", "dat".
bool traceFormatFromName(std::string_view name, TraceFormat &out);

// Looks at the content, never the name: trace.dat magic "\x17\x08\x44tracing";
// a directory with a `metadata` file (packetized magic 0x75d11d57 or text
// "/* CTF") or a `metadata` file itself is CTF; anything else readable is
// text. Returns Unknown and sets error when the path cannot be read.
TraceFormat detectFormat(const std::string &path, std::string &error);

// Progress in input bytes: 0/total first, total/total last, never
// decreasing in between. The text reader reports after every 8 MiB chunk;
// the trace.dat reader every progressInterval records (bytes estimated from
// the record's position in its CPU's data section), the CTF reader every
// progressInterval events (bytes estimated from the event's time within the
// trace's time range).
inline constexpr uint64_t kDefaultProgressInterval = 65536;
using ProgressCallback = std::function<void(uint64_t bytesDone, uint64_t bytesTotal)>;

class TraceReader {
 public:
  virtual ~TraceReader() = default;
  virtual std::string_view formatName() const = 0;
  // Pushes every event into sink, accounts for every input unit in stats.
  virtual bool read(EventSink &sink, ReaderStats &stats, std::string &error) = 0;

  void setProgressCallback(ProgressCallback callback) { progress_ = std::move(callback); }
  // Records/events between two reports of the binary readers (default
  // kDefaultProgressInterval: a callback every 64 k records costs nothing
  // measurable). Tests set it low.
  void setProgressInterval(uint64_t units) { progressInterval_ = units == 0 ? 1 : units; }

 protected:
  uint64_t progressInterval() const { return progressInterval_; }
  void reportProgress(uint64_t done, uint64_t total) const {
    if (progress_) progress_(done, total);
  }

 private:
  ProgressCallback progress_;
  uint64_t progressInterval_ = kDefaultProgressInterval;
};

// Never returns null for FtraceText/TraceDat/Ctf; Auto detects first and
// returns null (error set) when detection fails.
std::unique_ptr<TraceReader> makeReader(TraceFormat format, const std::string &path);
std::unique_ptr<TraceReader> makeReader(TraceFormat format, const std::string &path,
                                        std::string &error);

// Keys of ReaderStats::skipped / errored used by more than one reader.
namespace reason {
inline constexpr const char kUnknownEvent[] = "unknown_event";       // skipped: not dma/iommu/swiotlb/console/marker
inline constexpr const char kMalformedEvent[] = "malformed_event";   // errored: known event, fields unusable
}  // namespace reason

// How many errored samples a reader keeps.
inline constexpr size_t kMaxErrorSamples = 10;

}  // namespace dmacheck::tracer
