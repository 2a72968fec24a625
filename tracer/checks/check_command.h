// `dmatrace check RUN.db [--format text|json|sarif] [--enable RULES]
// [--disable RULES] [-o FILE]`: the CLI-facing entry point. The CLI parses
// options into a CheckCommand and calls runCheck.
//
// Exit status: 0 no finding that fails the run, 1 findings (a conclusive
// error or warning), 2 error (database unreadable, unknown rule, output file
// not writable). Findings are also written into the database's findings
// table (replacing earlier ones) unless storeFindings is false; failing to
// write them is a warning on err, not an error.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace dmacheck::tracer::checks {

struct CheckCommand {
  std::string database;
  std::string format = "text";  // text | json | sarif
  std::vector<std::string> enable;   // rule ids, groups or "all"; comma lists allowed
  std::vector<std::string> disable;
  std::string outputFile;  // "" or "-": out
  bool storeFindings = true;
};

int runCheck(const CheckCommand &command, std::ostream &out, std::ostream &err);

}  // namespace dmacheck::tracer::checks
