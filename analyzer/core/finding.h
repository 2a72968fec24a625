// A finding and the per-file status of a run: plain data, no clang types, so
// output, suppression and baseline code build without clang headers.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace dmacheck::analyzer {

struct Note {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  std::string message;  // "mapped here", "unmapped here with a different size"
};

struct Finding {
  std::string ruleId;
  std::string severity;  // "error" | "warning" | "info" (from the catalogue)
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  std::string function;  // enclosing function, may be empty
  std::string message;
  std::vector<Note> notes;
};

// Ordering used by every output: file, line, column, rule.
bool operator<(const Finding &a, const Finding &b);
bool operator==(const Finding &a, const Finding &b);

// What happened to one input file.
enum class FileStatus {
  Analyzed,  // parsed without errors
  Partial,   // parsed with errors (unresolved headers/identifiers); analysed what parsed
  Failed,    // not analysed: missing, unreadable, not C, or the front end gave up
  Skipped,   // not analysed on purpose: kbuild does not compile it with this .config (--kernel-tree)
};
const char *fileStatusName(FileStatus status);  // "analyzed", "partial", "failed", "skipped"

// What the result cache did for a file (--cache-dir).
enum class CacheUse {
  Off,       // no cache this run
  Hit,       // the result came from the cache
  Miss,      // analysed, and the result was stored
  NotStored  // analysed, not stored: unwritable cache, write error, or a failed file
};

struct FileResult {
  std::string file;
  FileStatus status = FileStatus::Failed;
  std::vector<std::string> diagnostics;   // "file:line:col: error: ..." (first few) and status reasons; Skipped: the reason
  unsigned errorCount = 0;                // clang errors
  std::vector<std::string> unresolvedHeaders;  // replaced by empty headers (built-in model only)
  std::string flagsSource;                // "compile_commands.json" | "built-in kernel model"
  std::vector<Finding> findings;
  unsigned suppressed = 0;                // findings silenced by dmacheck-ignore comments
  double seconds = 0;                     // wall time of this file's analysis (of the lookup, on a cache hit)
  CacheUse cache = CacheUse::Off;         // not part of any output format: a hit reports what a miss does
};

struct RunStats {
  unsigned files = 0, analyzed = 0, partial = 0, failed = 0, skipped = 0;
  unsigned findings = 0, suppressed = 0, baselined = 0;
  std::map<std::string, unsigned> byRule;
  unsigned cacheHits = 0, cacheMisses = 0, cacheNotStored = 0;  // misses include the not stored
  double seconds = 0;
};

RunStats computeStats(const std::vector<FileResult> &results, unsigned baselined, double seconds);

}  // namespace dmacheck::analyzer

namespace dmacheck::analyzer {
// Wire form of a FileResult between a worker process and the parent.
std::string serializeResult(const FileResult &result);
bool deserializeResult(const std::string &text, FileResult &result);
}  // namespace dmacheck::analyzer
