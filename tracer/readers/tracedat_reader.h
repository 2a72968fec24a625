// Reads trace-cmd's binary trace.dat through libtracecmd/libtraceevent.
//
// All library calls live in tracedat_c.c (libtracecmd's trace-cmd.h pulls
// tracefs.h, which does not compile as C++); this class only turns the C
// records into TraceEvents. Fields are found by name in the file's own format
// data, once per event id, and decoded by tracedat_decode.h (__data_loc
// arrays included: libtraceevent 1.7.1 cannot print the sg events). A
// `kernel_stack` record that follows an event on the same CPU becomes that
// event's stack. Progress: every progressInterval records, from the record's
// position in its CPU's data section.
#pragma once

#include <string>
#include <string_view>

#include "trace_reader.h"

namespace dmacheck::tracer {

class TraceDatReader : public TraceReader {
 public:
  explicit TraceDatReader(std::string path);
  std::string_view formatName() const override { return "trace-dat"; }
  bool read(EventSink &sink, ReaderStats &stats, std::string &error) override;

 private:
  std::string path_;
};

}  // namespace dmacheck::tracer
