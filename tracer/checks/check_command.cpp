#include "check_command.h"

#include <fstream>

#include "checker.h"
#include "finding_output.h"
#include "run_reader.h"

namespace dmacheck::tracer::checks {

int runCheck(const CheckCommand &command, std::ostream &out, std::ostream &err) {
  OutputFormat format;
  if (!outputFormatFromName(command.format, format)) {
    err << "dmatrace check: unknown format '" << command.format << "' (text, json or sarif)\n";
    return 2;
  }
  std::string error;
  std::unique_ptr<store::RunReader> reader = store::RunReader::open(command.database, error);
  if (!reader) {
    err << "dmatrace check: cannot open " << command.database << ": " << error << '\n';
    return 2;
  }
  CheckOptions options;
  options.enable = command.enable;
  options.disable = command.disable;
  CheckResult result;
  if (!runChecks(*reader, options, result, error)) {
    err << "dmatrace check: " << error << '\n';
    return 2;
  }
  reader.reset();  // release the read-only handle before writing

  std::ofstream file;
  std::ostream *sink = &out;
  if (!command.outputFile.empty() && command.outputFile != "-") {
    file.open(command.outputFile);
    if (!file) {
      err << "dmatrace check: cannot write " << command.outputFile << '\n';
      return 2;
    }
    sink = &file;
  }
  switch (format) {
    case OutputFormat::Text: writeText(*sink, result); break;
    case OutputFormat::Json: writeJson(*sink, result); break;
    case OutputFormat::Sarif: writeSarif(*sink, result, command.database); break;
  }
  sink->flush();
  if (!*sink) {
    err << "dmatrace check: write error on " << (command.outputFile.empty() ? "stdout" : command.outputFile) << '\n';
    return 2;
  }

  for (const auto &p : result.stats.problems) err << "dmatrace check: note: " << p << '\n';
  if (command.storeFindings && !storeFindings(command.database, result.findings, error))
    err << "dmatrace check: warning: findings not stored in the database: " << error << '\n';
  err << "dmatrace check: " << formatSummary(result.stats) << '\n';
  return exitStatusFor(result.findings);
}

}  // namespace dmacheck::tracer::checks
