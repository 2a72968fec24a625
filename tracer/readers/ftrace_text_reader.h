// Reads ftrace text: tracefs `trace` / `trace_pipe`, `trace-cmd report`
// (default, -t, -l, -R, --ts-diff) and `perf script` output.
//
// Line shapes it understands (see docs/readers.md for the full list):
//   <comm>-<pid> [(<tgid>)] [<cpu>] [<irq flags>] <sec>.<usec|nsec>: <event>: <body>
//   <comm>-<pid> <cpu><flags> <ts>: <event>: <body>         (trace-cmd report -l)
//   <comm> <pid> [<cpu>] <ts>: <sys>:<event>: <body>         (perf script)
//   CPU:N [LOST M EVENTS] | CPU:N [M EVENTS DROPPED]          (lost-event markers)
//   <...>: <stack trace>  followed by " => frame" lines     (options/stacktrace)
//   # comments, "# entries-in-buffer/entries-written: A/B #P:N", "cpus=N"
// Every line lands in exactly one of parsed / skipped[reason] / errored[reason].
// An event is held back until the next event line so that a following stack
// trace can be attached to it.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "trace_reader.h"

namespace dmacheck::tracer {

class FtraceTextReader : public TraceReader {
 public:
  // path "-" reads standard input.
  explicit FtraceTextReader(std::string path);
  // Parses data instead of a file; name is used in error samples.
  static std::unique_ptr<FtraceTextReader> fromMemory(std::string name, std::string data);

  std::string_view formatName() const override { return "ftrace-text"; }
  bool read(EventSink &sink, ReaderStats &stats, std::string &error) override;

 private:
  std::string path_;
  bool inMemory_ = false;
  std::string data_;
};

}  // namespace dmacheck::tracer
