// Test helpers: import a trace (a file, or ftrace text given inline) into a
// temporary run database with the real reader and importer, run the checks.
#pragma once

#include <string>
#include <vector>

#include "check_context.h"
#include "checker.h"

namespace dmacheck::tracer::checks::testing {

// Imports the ftrace text file into a fresh database under the test temp
// directory; returns its path ("" and error set on failure).
// The format is detected from the content (ftrace text, trace.dat, CTF).
std::string importTraceFile(const std::string &tracePath, std::string &error);
// Same for inline ftrace text (lines as tracefs prints them).
std::string importTraceText(const std::string &text, std::string &error);

// Runs the checks on a database; fails the test on error.
CheckResult checkDatabase(const std::string &databasePath, const CheckOptions &options = {});
// Import + check of inline text.
CheckResult checkText(const std::string &text, const CheckOptions &options = {});

// Findings as "rule device dma_addr[ inconclusive]" keys (the
// expected-findings.txt form), sorted.
std::vector<std::string> findingKeys(const std::vector<TraceFinding> &findings);
std::string findingKey(const TraceFinding &finding);

// An ftrace text line: ts in seconds, e.g. line(1.5, "dma_map_page", "0000:00:01.0 dir=...").
std::string line(double ts, const std::string &event, const std::string &body, int cpu = 0,
                 const std::string &task = "insmod-161");
// The `<stack trace>` block tracefs prints after an event (options/stacktrace).
std::string stackTrace(double ts, const std::vector<std::string> &frames, int cpu = 0,
                       const std::string &task = "insmod-161");
std::string traceHeader(int entries = 0, int written = 0);

}  // namespace dmacheck::tracer::checks::testing
