// The import driver: inputs -> ImportSink -> a run database written
// atomically. The database is built as RUN.db.tmp-PID beside RUN.db and
// renamed over it only when everything succeeded, so an interrupted or
// failed import never leaves a half database under the final name (and an
// existing RUN.db stays intact until the new one is complete).
//
// The driver knows no trace format: each input brings its own read function
// (the CLI wraps the readers of tracer/readers), so this library links no
// reader and tests can feed TraceEvents directly.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "import_sink.h"
#include "run_types.h"
#include "trace_event.h"

namespace dmacheck::tracer {

struct ImportInput {
  std::string path;    // as given; stored in sources.path
  std::string format;  // the reader's format name; stored in sources.format
  std::optional<uint64_t> bytes;
  // Pushes the whole input into sink; false (error set) only when the input
  // as a whole cannot be read.
  std::function<bool(EventSink &sink, ReaderStats &stats, std::string &error)> read;
};

struct ImportResult {
  std::vector<store::Source> sources;
  uint64_t events = 0;
  double seconds = 0;        // wall time of the whole import
  double finishSeconds = 0;  // of which: indexes, ANALYZE, rename
};

// Tool version recorded in meta.tool_version.
void setImportToolVersion(const std::string &version);

bool importRun(const std::vector<ImportInput> &inputs, const std::string &databasePath, const ImportOptions &options,
               ImportResult &result, std::string &error);

// Where importRun writes before the rename (exposed for tests).
std::string temporaryPathFor(const std::string &databasePath);

}  // namespace dmacheck::tracer
