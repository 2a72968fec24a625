// Which files a run analyses (inputs expanded, this job's --shard) and how:
// analyzeFile over them, N at a time, each in its own process so a
// crash or hang in one file is that file's status, not the end of the run.
#pragma once

#include <functional>
#include <map>
#include <set>
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
// `foundInDirectories` (optional): the files that came from expanding a
// directory and were not also named on their own.
std::vector<std::string> expandInputs(const std::vector<std::string> &inputs, std::vector<FileResult> &bad,
                                      std::set<std::string> *foundInDirectories = nullptr);

// Which files of a directory argument `--kernel-tree` leaves out:
//   NonUnits (default)  .c files no kbuild rule compiles (another file
//                       #includes them: ehci-q.c): never valid on their own;
//   NotBuilt            also those the tree's .config leaves out, as `make
//                       C=2` sees a tree (`--built-only`);
//   None                nothing (`--all-files`).
enum class SkipPolicy { None, NonUnits, NotBuilt };

// The files of `candidates` (found by expanding a directory; a file named on
// the command line is always analysed) that the policy leaves out leave
// `files` and come back as Skipped results with the reason. Files the
// compile database lists were built, and stay; Unknown verdicts stay. Files
// the .config leaves out that are still analysed get the reason in
// `notBuilt` (file -> reason): their parse errors come from the stubs their
// headers offer when the option is off, and the report says so.
std::vector<FileResult> skipFilesNotBuilt(std::vector<std::string> &files, const std::set<std::string> &candidates,
                                          const FlagsProvider &flags, SkipPolicy policy,
                                          std::map<std::string, std::string> &notBuilt);

// "--shard I/N" (1 <= I <= N); false with a usage message otherwise.
bool parseShard(const std::string &text, unsigned &index, unsigned &count, std::string &error);
// Shard `index` of `count` (1-based): every count-th file of the sorted,
// de-duplicated list, starting at the index-th, so N machines given the same
// inputs split them without overlap and evenly, whatever order they came in.
std::vector<std::string> selectShard(std::vector<std::string> files, unsigned index, unsigned count);

}  // namespace dmacheck::analyzer
