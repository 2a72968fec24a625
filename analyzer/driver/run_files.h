// Which files a run analyses (inputs expanded, this job's --shard) and how:
// analyzeFile over them, N at a time, each in its own process so a
// crash or hang in one file is that file's status, not the end of the run.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "driver/analyze_file.h"

namespace dmacheck::analyzer {

struct RunOptions {
  unsigned jobs = 1;
  unsigned timeoutSeconds = 600;  // per file
  bool isolate = true;            // false: analyse in this process (tests, -j1 debugging)
  std::function<void(size_t done, size_t total, const FileResult &)> progress;
};

std::vector<FileResult> runFiles(const std::vector<std::string> &files, const FlagsProvider &flags,
                                 const Config &config, const AnalysisOptions &analysis, const RunOptions &run);

// Expands directories into their *.c files (sorted), keeps files as given.
std::vector<std::string> expandInputs(const std::vector<std::string> &inputs, std::vector<FileResult> &bad);

// "--shard I/N" (1 <= I <= N); false with a usage message otherwise.
bool parseShard(const std::string &text, unsigned &index, unsigned &count, std::string &error);
// Shard `index` of `count` (1-based): every count-th file of the sorted,
// de-duplicated list, starting at the index-th, so N machines given the same
// inputs split them without overlap and evenly, whatever order they came in.
std::vector<std::string> selectShard(std::vector<std::string> files, unsigned index, unsigned count);

}  // namespace dmacheck::analyzer
