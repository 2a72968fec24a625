// dmatrace: real kernel DMA traces into a run database, and what is in it.
//   dmatrace import TRACE... -o RUN.db [--format auto|ftrace|tracedat|ctf] [--quiet]
//   dmatrace stats RUN.db [--format text|json]
//   dmatrace schema [--markdown]
// Exit status: 0 ok, 2 error.
#include <CLI/CLI.hpp>
#include <iostream>

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
  bool syncWriter = false;
  importCmd->add_flag("--sync-writer", syncWriter, "Insert rows on the reading thread (diagnostics)")->group("");

  cli::StatsCommand stats;
  CLI::App *statsCmd = app.add_subcommand("stats", "Summarize a run database: events, devices, mappings, losses");
  statsCmd->add_option("database", stats.database, "Run database")->required();
  statsCmd->add_option("--format", stats.format, "Output format: text or json")->check(CLI::IsMember({"text", "json"}));

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
  if (*importCmd) return cli::runImport(import, std::cout, std::cerr);
  if (*statsCmd) return cli::runStats(stats, std::cout, std::cerr);
  if (*schemaCmd) return cli::runSchema(markdown, std::cout);
  return cli::kExitError;
}
