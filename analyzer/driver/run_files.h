// Runs analyzeFile over many files, N at a time, each in its own process so a
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

}  // namespace dmacheck::analyzer
