// Reads a CTF trace directory through the babeltrace2 C API:
// src.ctf.fs → filter.utils.muxer (global time order) → our sink component.
//
// Event names: perf's "dma:dma_map_page" (perf data convert --to-ctf, with
// extra perf_* and common_* fields) and LTTng-style "dma_map_page"; field
// look-ups are done once per event class. Every message is released.
#pragma once

#include <string>
#include <string_view>

#include "trace_reader.h"

namespace dmacheck::tracer {

class CtfReader : public TraceReader {
 public:
  explicit CtfReader(std::string path);  // the trace directory (or one holding it)
  std::string_view formatName() const override { return "ctf"; }
  bool read(EventSink &sink, ReaderStats &stats, std::string &error) override;

 private:
  std::string path_;
};

}  // namespace dmacheck::tracer
