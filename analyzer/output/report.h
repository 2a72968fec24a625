// Turning results into what users read: suppressions, baselines and the three
// output formats. No clang headers.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/finding.h"

namespace dmacheck::analyzer {

// Drops findings silenced by a `dmacheck-ignore: <rule-id>[, <rule-id>...]`
// (or `dmacheck-ignore: all`) comment on the finding's line or the line above;
// counts them in result.suppressed.
void applySuppressions(FileResult &result);
// The same, given the file's text (for tests and in-memory sources).
void applySuppressions(FileResult &result, const std::string &sourceText);

// A baseline is the multiset of (rule, file, function, message) of known
// findings: line numbers are left out so edits elsewhere in a file do not
// resurrect old findings.
bool writeBaseline(const std::string &path, const std::vector<FileResult> &results, std::string &error);
// Removes baselined findings; returns how many were removed.
bool applyBaseline(const std::string &path, std::vector<FileResult> &results, unsigned &removed, std::string &error);

struct OutputOptions {
  std::string toolVersion;
  std::string docUrlBase;  // empty: the catalogue's doc_base_url
  bool color = false;
};

// The summary line of skipped files, on stderr (JSON, SARIF) or after the text report:
// "N skipped (not built with this .config, or not compilation units; --all-files to check them)".
std::string skippedSummary(const RunStats &stats);

void writeText(std::ostream &out, const std::vector<FileResult> &results, const RunStats &stats,
               const OutputOptions &options);
void writeJson(std::ostream &out, const std::vector<FileResult> &results, const RunStats &stats,
               const OutputOptions &options);
void writeSarif(std::ostream &out, const std::vector<FileResult> &results, const RunStats &stats,
                const OutputOptions &options);

}  // namespace dmacheck::analyzer
