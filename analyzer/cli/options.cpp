#include "cli/options.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli/config.h"
#include "dmacheck/rules/catalogue.h"
#include "driver/result_cache.h"
#include "driver/run_files.h"
#include "output/report.h"

namespace dmacheck::analyzer {

namespace {

std::vector<std::string> splitList(const std::vector<std::string> &values) {
  std::vector<std::string> out;
  for (const auto &v : values) {
    std::stringstream ss(v);
    for (std::string item; std::getline(ss, item, ',');)
      if (!item.empty()) out.push_back(item);
  }
  return out;
}

// One --enable/--disable occurrence, in command-line order.
struct RuleSwitch {
  bool enable;
  std::string names;
};

// Default: every rule dmacheck implements; then the config's enable/disable,
// then the command line's --enable/--disable left to right, each naming
// rules, groups or "all".
bool selectRules(const Config &config, const std::vector<RuleSwitch> &switches, std::set<std::string> &selected,
                 std::string &error) {
  const auto &catalogue = rules::Catalogue::builtin();
  for (const auto *rule : catalogue.forEngine(rules::kEngineStatic))
    if (rule->enabledByDefault) selected.insert(rule->id);
  auto apply = [&](const std::vector<std::string> &names, bool on) {
    for (const auto &name : names) {
      auto ids = catalogue.expand(name);
      if (ids.empty()) {
        error = "unknown rule or group '" + name + "' (see --list-rules)";
        return false;
      }
      for (const auto &id : ids) {
        const rules::Rule *rule = catalogue.find(id);
        if (on && !(rule->engines & rules::kEngineStatic)) {
          if (name == id) {
            error = "rule '" + id + "' is not checked by dmacheck (it is a dmatrace rule)";
            return false;
          }
          continue;
        }
        if (on) selected.insert(id);
        else selected.erase(id);
      }
    }
    return true;
  };
  if (!apply(config.enable, true) || !apply(config.disable, false)) return false;
  for (const auto &sw : switches)
    if (!apply(splitList({sw.names}), sw.enable)) return false;
  return true;
}

void listRules(std::ostream &out) {
  for (const auto &rule : rules::Catalogue::builtin().rules()) {
    if (!(rule.engines & rules::kEngineStatic)) continue;
    out << fmt::format("{:<30} {:<8} {:<7} {}\n", rule.id, rules::severityName(rule.severity),
                       rule.enabledByDefault ? "on" : "opt-in", rule.message);
  }
}

}  // namespace

int runDmacheck(int argc, char **argv) {
  CLI::App app{"dmacheck: finds Linux DMA-API misuse in driver sources", "dmacheck"};
  std::vector<std::string> inputs, enable, disable;
  std::string buildDir, kernelTree, shard, format = "text", outputFile, configFile, baseline, writeBaselineFile, docUrlBase;
  std::string cacheDir;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  unsigned timeout = 600;
  bool list = false, quiet = false, version = false, noIsolate = false, showFlags = false, noCache = false;
  bool allFiles = false, builtOnly = false;
  app.add_option("paths", inputs, "Files or directories (recursing into *.c)");
  app.add_option("-p,--build-path", buildDir, "Directory with compile_commands.json");
  app.add_option("--kernel-tree", kernelTree,
                 "Prepared kernel tree (make defconfig && make prepare) or linux-headers dir: kbuild's flags for "
                 "files not in the compile database");
  auto *allFilesFlag = app.add_flag(
      "--all-files", allFiles,
      "With --kernel-tree: also analyse the .c files of the given directories that are not compilation units "
      "(no kbuild rule compiles them; another file #includes them)");
  app.add_flag("--built-only", builtOnly,
               "With --kernel-tree: skip the .c files of the given directories that kbuild does not compile with "
               "the tree's .config, as `make C=2` would")
      ->excludes(allFilesFlag);
  app.add_option("--shard", shard, "Analyse only shard I of N of the sorted file list (I/N, 1-based)");
  app.add_option("--format", format, "Output format")->check(CLI::IsMember({"text", "json", "sarif"}));
  app.add_option("-o,--output", outputFile, "Write the report to FILE instead of stdout");
  app.add_option("-j,--jobs", jobs, "Files analysed in parallel (default: all cores)")->check(CLI::Range(1u, 1024u));
  // One value per occurrence: a list is comma-separated, so paths after the
  // option are never taken for rule names.
  auto *enableOption =
      app.add_option("--enable", enable, "Rules or groups to enable (comma-separated; 'all')")->allow_extra_args(false);
  auto *disableOption =
      app.add_option("--disable", disable, "Rules or groups to disable (comma-separated)")->allow_extra_args(false);
  app.add_flag("--list-rules", list, "List the rules and exit");
  app.add_option("--config", configFile, "Config file (default: .dmacheck.yaml in the current or a parent directory)");
  app.add_option("--baseline", baseline, "Report only findings not in this baseline file");
  app.add_option("--write-baseline", writeBaselineFile, "Write all findings to this baseline file");
  app.add_option("--doc-url-base", docUrlBase, "Base URL of the rule docs in SARIF output");
  app.add_option("--timeout", timeout, "Seconds one file may take (default 600)");
  app.add_option("--cache-dir", cacheDir,
                 "Keep results in DIR and reuse them for files whose preprocessor inputs, flags and rules did not "
                 "change (default: $DMACHECK_CACHE_DIR; off when unset)");
  app.add_flag("--no-cache", noCache, "Do not use the result cache, even if DMACHECK_CACHE_DIR is set");
  app.add_flag("-q,--quiet", quiet, "No progress or summary on stderr");
  app.add_flag("--no-isolate", noIsolate, "Analyse in one process (debugging)");
  app.add_flag("--version", version, "Print the version");
  app.add_flag("--show-flags", showFlags,
               "Print each file's compile setup as JSON lines (directory, arguments, unresolved headers) and exit");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (version) {
    std::cout << "dmacheck " << DMACHECK_VERSION << "\n";
    return 0;
  }
  if (list) {
    listRules(std::cout);
    return 0;
  }

  Config config;
  if (configFile.empty()) configFile = Config::discover(".");
  std::string error;
  if (!configFile.empty() && !config.load(configFile, error)) {
    std::cerr << "dmacheck: error: " << error << "\n";
    return 2;
  }
  std::vector<RuleSwitch> switches;
  size_t nextEnable = 0, nextDisable = 0;
  for (const CLI::Option *option : app.parse_order()) {
    if (option == enableOption && nextEnable < enable.size()) switches.push_back({true, enable[nextEnable++]});
    if (option == disableOption && nextDisable < disable.size()) switches.push_back({false, disable[nextDisable++]});
  }
  std::set<std::string> selected;
  if (!selectRules(config, switches, selected, error)) {
    std::cerr << "dmacheck: error: " << error << "\n";
    return 2;
  }

  FlagsProvider flags;
  if (!buildDir.empty() && !flags.loadCompileDatabase(buildDir, error)) {
    std::cerr << "dmacheck: error: " << error << "\n";
    return 2;
  }
  if (!kernelTree.empty() && !flags.loadKernelTree(kernelTree, error)) {
    std::cerr << "dmacheck: error: " << error << "\n";
    return 2;
  }
  unsigned shardIndex = 1, shardCount = 1;
  if (!shard.empty() && !parseShard(shard, shardIndex, shardCount, error)) {
    std::cerr << "dmacheck: error: " << error << "\n";
    return 2;
  }
  if (inputs.empty()) {
    if (!flags.hasCompileDatabase()) {
      std::cerr << "dmacheck: error: no input files (give files or directories, or -p BUILD_DIR)\n"
                << app.help();
      return 2;
    }
    inputs = flags.databaseFiles();
  }

  std::vector<FileResult> bad;
  std::set<std::string> foundInDirectories;
  std::vector<std::string> files = expandInputs(inputs, bad, &foundInDirectories);
  if (shardCount > 1) {
    files = selectShard(files, shardIndex, shardCount);
    // Inputs that expanded to nothing are reported once, by the first shard.
    if (shardIndex != 1) bad.clear();
  }
  if (showFlags) {
    for (const auto &file : files) {
      CompileSetup setup = flags.forFile(file);
      std::cout << nlohmann::json{{"file", file}, {"directory", setup.directory}, {"arguments", setup.arguments},
                                  {"flags", setup.flagsSource}, {"unresolved_headers", setup.unresolvedHeaders}}
                       .dump()
                << "\n";
    }
    return 0;
  }

  // .c files no kbuild rule compiles are never analysed on their own (unless
  // --all-files); files the .config leaves out are analysed with a note, or
  // skipped as `make C=2` would with --built-only.
  std::map<std::string, std::string> notBuilt;
  const SkipPolicy policy = allFiles ? SkipPolicy::None : builtOnly ? SkipPolicy::NotBuilt : SkipPolicy::NonUnits;
  std::vector<FileResult> skipped = skipFilesNotBuilt(files, foundInDirectories, flags, policy, notBuilt);

  AnalysisOptions analysis;
  analysis.enabledRules = selected;
  if (cacheDir.empty())
    if (const char *env = getenv("DMACHECK_CACHE_DIR")) cacheDir = env;
  ResultCache cache;
  if (!noCache && !cacheDir.empty()) {
    std::string warning;
    // An unusable cache costs speed, not correctness: warn and go on.
    if (!cache.open(cacheDir, warning)) std::cerr << "dmacheck: warning: " << warning << "\n";
    cache.setRunKey(config, analysis, DMACHECK_VERSION);
    analysis.cache = &cache;
  }
  RunOptions run;
  run.jobs = jobs;
  run.timeoutSeconds = timeout;
  run.isolate = !noIsolate;
  bool showProgress = !quiet && isatty(STDERR_FILENO) && files.size() > 1;
  if (showProgress) {
    run.progress = [](size_t done, size_t total, const FileResult &r) {
      std::cerr << fmt::format("\r\033[K[{}/{}] {}", done, total, r.file) << std::flush;
      if (done == total) std::cerr << "\r\033[K";
    };
  }
  auto start = std::chrono::steady_clock::now();
  std::vector<FileResult> results = runFiles(files, flags, config, analysis, run);
  for (FileResult &r : results)
    if (auto it = notBuilt.find(r.file); it != notBuilt.end())
      r.diagnostics.insert(r.diagnostics.begin(), "note: " + it->second + "; parse errors may come from that");
  results.insert(results.end(), skipped.begin(), skipped.end());
  results.insert(results.end(), bad.begin(), bad.end());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  if (!writeBaselineFile.empty() && !writeBaseline(writeBaselineFile, results, error)) {
    std::cerr << "dmacheck: error: " << error << "\n";
    return 2;
  }
  unsigned baselined = 0;
  if (!baseline.empty() && !applyBaseline(baseline, results, baselined, error)) {
    std::cerr << "dmacheck: error: " << error << "\n";
    return 2;
  }

  RunStats stats = computeStats(results, baselined, seconds);
  OutputOptions output;
  output.toolVersion = DMACHECK_VERSION;
  output.docUrlBase = docUrlBase;
  std::ofstream file;
  std::ostream *out = &std::cout;
  if (!outputFile.empty()) {
    file.open(outputFile);
    if (!file) {
      std::cerr << "dmacheck: error: cannot write '" << outputFile << "'\n";
      return 2;
    }
    out = &file;
  }
  output.color = outputFile.empty() && format == "text" && isatty(STDOUT_FILENO);
  if (format == "json") writeJson(*out, results, stats, output);
  else if (format == "sarif") writeSarif(*out, results, stats, output);
  else writeText(*out, results, stats, output);
  if (format != "text" && !quiet)
    std::cerr << fmt::format("dmacheck: {} files ({} analysed, {} partial, {} failed{}), {} findings\n", stats.files,
                             stats.analyzed, stats.partial, stats.failed,
                             stats.skipped ? fmt::format(", {} skipped", stats.skipped) : "", stats.findings);
  if (format != "text" && !quiet && stats.skipped) std::cerr << "dmacheck: " << skippedSummary(stats) << "\n";
  // On stderr in every format: a hit must not change the report.
  if (analysis.cache && !quiet) {
    std::cerr << fmt::format("dmacheck: cache: {} hits, {} misses", stats.cacheHits, stats.cacheMisses);
    if (stats.cacheNotStored) std::cerr << fmt::format(" ({} not stored)", stats.cacheNotStored);
    std::cerr << fmt::format(" [{}]\n", cache.dir());
  }

  if (stats.failed > 0) return 2;
  return stats.findings > 0 ? 1 : 0;
}

}  // namespace dmacheck::analyzer
