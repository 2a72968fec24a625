// Analyses one file: sets up flags (compile database or built-in model), runs
// clang with the enabled checks, and returns its findings and status.
#pragma once

#include <set>
#include <string>

#include "cli/config.h"
#include "core/finding.h"
#include "driver/compile_setup.h"

namespace dmacheck::analyzer {

class ResultCache;

struct AnalysisOptions {
  std::set<std::string> enabledRules;
  unsigned maxDiagnostics = 10;  // parse errors kept per file
  const ResultCache *cache = nullptr;  // --cache-dir; null: every file is analysed
};

FileResult analyzeFile(const std::string &file, const FlagsProvider &flags, const Config &config,
                       const AnalysisOptions &options);

// For tests: analyse in-memory code as if it were the file `fileName`, with the built-in model.
FileResult analyzeCode(const std::string &code, const std::string &fileName, const Config &config,
                       const AnalysisOptions &options);

}  // namespace dmacheck::analyzer
