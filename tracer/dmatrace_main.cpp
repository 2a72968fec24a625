// dmatrace: real kernel DMA traces into a run database, and what is in it.
//   dmatrace import TRACE... -o RUN.db [--format auto|ftrace|tracedat|ctf] [--quiet]
//   dmatrace stats RUN.db [--format text|json]
//   dmatrace check RUN.db [--format text|json|sarif] [--enable/--disable RULES] [-o FILE]
//   dmatrace record -o OUT [--stacks] [--text] [--buffer-kb N] [-- COMMAND...]
//   dmatrace schema [--markdown]
// Exit status: 0 ok (no findings), 1 findings (check), 2 error.
#include <CLI/CLI.hpp>
#include <iostream>

#include "check_command.h"
#include "cli/commands.h"
#include "importer.h"

int main(int argc, char **argv) {
  using namespace dmacheck::tracer;
  CLI::App app{"dmatrace: Linux DMA-API traces into a run database"};
  app.set_version_flag("--version", std::string("dmatrace ") + DMACHECK_VERSION);
  app.require_subcommand(1);

  cli::ImportCommand import;
  CLI::App *importCmd = app.add_subcommand("import", "Import ftrace text, trace.dat or CTF traces into a run database");
  importCmd->add_option("traces", import.inputs, "Trace files (or CTF directories); several must follow each other in time")
      ->required();
  importCmd->add_option("-o,--output", import.output, "Run database to write (replaced atomically)")->required();
  importCmd->add_option("--format", import.format, "Input format: auto, ftrace, tracedat or ctf")
      ->check(CLI::IsMember({"auto", "ftrace", "tracedat", "ctf", "ftrace-text", "trace-dat", "text", "dat"}));
  importCmd->add_flag("-q,--quiet", import.quiet, "No progress bar and no summary");
  bool checkAfterImport = false;
  importCmd->add_flag("--check", checkAfterImport, "Run dmatrace check on the new database (exit status of check)");
  bool syncWriter = false;
  importCmd->add_flag("--sync-writer", syncWriter, "Insert rows on the reading thread (diagnostics)")->group("");

  cli::StatsCommand stats;
  CLI::App *statsCmd = app.add_subcommand("stats", "Summarize a run database: events, devices, mappings, losses");
  statsCmd->add_option("database", stats.database, "Run database")->required();
  statsCmd->add_option("--format", stats.format, "Output format: text or json")->check(CLI::IsMember({"text", "json"}));

  checks::CheckCommand check;
  CLI::App *checkCmd = app.add_subcommand("check", "Check a run database for DMA-API misuse (dma-debug's checks, offline)");
  checkCmd->add_option("database", check.database, "Run database")->required();
  checkCmd->add_option("--format", check.format, "Output format")->check(CLI::IsMember({"text", "json", "sarif"}));
  checkCmd->add_option("--enable", check.enable, "Rules or groups to enable (comma-separated; 'all')")->delimiter(',')
      ->allow_extra_args(false);
  checkCmd->add_option("--disable", check.disable, "Rules or groups to disable (comma-separated)")->delimiter(',')
      ->allow_extra_args(false);
  checkCmd->add_option("-o,--output", check.outputFile, "Write the report to FILE");
  checkCmd->add_flag("!--no-store", check.storeFindings, "Do not write the findings into the database");

  cli::RecordCommand record;
  CLI::App *recordCmd = app.add_subcommand("record", "Record the dma/iommu/swiotlb tracepoints on this machine (root)");
  recordCmd->add_option("-o,--output", record.output, "trace.dat (or ftrace text with --text) to write")->required();
  recordCmd->add_flag("--stacks", record.stacks, "A kernel stack trace after every event (call sites)");
  recordCmd->add_flag("--text", record.text, "Write ftrace text through tracefs instead of running trace-cmd");
  recordCmd->add_option("--buffer-kb", record.bufferKb, "Ring buffer size per CPU in KiB");
  recordCmd->add_option("command", record.command, "Command to run while recording (after --); default: until Ctrl-C");

  bool markdown = false;
  CLI::App *schemaCmd = app.add_subcommand("schema", "Print the run database schema");
  schemaCmd->add_flag("--markdown", markdown, "Print the documented reference (docs/database.md) instead of SQL");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    int code = app.exit(e);
    return code == 0 ? cli::kExitOk : cli::kExitError;
  }
  setImportToolVersion(DMACHECK_VERSION);
  import.backgroundWriter = !syncWriter;
  if (*importCmd) {
    int status = cli::runImport(import, std::cout, std::cerr);
    if (status != cli::kExitOk || !checkAfterImport) return status;
    checks::CheckCommand afterImport;
    afterImport.database = import.output;
    return checks::runCheck(afterImport, std::cout, std::cerr);
  }
  if (*checkCmd) return checks::runCheck(check, std::cout, std::cerr);
  if (*recordCmd) return cli::runRecord(record, std::cout, std::cerr);
  if (*statsCmd) return cli::runStats(stats, std::cout, std::cerr);
  if (*schemaCmd) return cli::runSchema(markdown, std::cout);
  return cli::kExitError;
}
