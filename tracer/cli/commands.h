// The dmatrace subcommands behind the thin main (dmatrace_main.cpp). Each
// returns the process exit status: 0 ok, 2 error (message on stderr).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace dmacheck::tracer::cli {

constexpr int kExitOk = 0;
constexpr int kExitError = 2;

struct ImportCommand {
  std::vector<std::string> inputs;
  std::string output;
  std::string format = "auto";  // auto | ftrace | tracedat | ctf (and the readers' own names)
  bool quiet = false;
  bool backgroundWriter = true;  // hidden --sync-writer turns it off (diagnostics, benchmarks)
};
int runImport(const ImportCommand &command, std::ostream &out, std::ostream &err);

struct StatsCommand {
  std::string database;
  std::string format = "text";  // text | json
};
int runStats(const StatsCommand &command, std::ostream &out, std::ostream &err);

// `dmatrace record -o OUT [--stacks] [--text] [--buffer-kb N] [-- COMMAND...]`:
// capture dma/iommu/swiotlb (and printk:console) on this machine, through
// trace-cmd (trace.dat) or tracefs directly (ftrace text).
struct RecordCommand {
  std::string output;
  std::vector<std::string> command;  // empty: record until Ctrl-C
  bool stacks = false;
  bool text = false;
  unsigned bufferKb = 0;  // per CPU; 0 keeps the current size
};
int runRecord(const RecordCommand &command, std::ostream &out, std::ostream &err);

// `dmatrace schema [--markdown]`: the schema SQL or the generated reference
// part of docs/database.md.
int runSchema(bool markdown, std::ostream &out);

}  // namespace dmacheck::tracer::cli
