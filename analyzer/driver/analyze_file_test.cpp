#include "driver/analyze_file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "dmacheck/rules/catalogue.h"
#include "driver/run_files.h"

namespace fs = std::filesystem;
using namespace dmacheck::analyzer;

namespace {

AnalysisOptions allRules() {
  AnalysisOptions options;
  for (const auto *rule : dmacheck::rules::Catalogue::builtin().forEngine(dmacheck::rules::kEngineStatic))
    options.enabledRules.insert(rule->id);
  return options;
}

fs::path scratch(const std::string &name, const std::string &content) {
  fs::path dir = fs::temp_directory_path() / ("dmacheck-test-" + std::to_string(getpid()));
  fs::create_directories(dir);
  fs::path file = dir / name;
  std::ofstream(file, std::ios::binary) << content;
  return file;
}

TEST(AnalyzeFile, MissingFileFailsWithReason) {
  FlagsProvider flags;
  FileResult r = analyzeFile("/nonexistent/driver.c", flags, Config(), allRules());
  EXPECT_EQ(r.status, FileStatus::Failed);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics.front(), "no such file");
}

TEST(AnalyzeFile, NonCFilesAreRefused) {
  FlagsProvider flags;
  FileResult text = analyzeFile(scratch("notes.txt", "hello").string(), flags, Config(), allRules());
  EXPECT_EQ(text.status, FileStatus::Failed);
  EXPECT_NE(text.diagnostics.front().find("not a C source"), std::string::npos);
  FileResult binary = analyzeFile(scratch("blob.c", std::string("\x7f" "ELF\0\0\0", 7)).string(), flags, Config(), allRules());
  EXPECT_EQ(binary.status, FileStatus::Failed);
  EXPECT_NE(binary.diagnostics.front().find("binary"), std::string::npos);
}

TEST(AnalyzeFile, ParseErrorsMakeAPartialResultNotACrash) {
  FlagsProvider flags;
  FileResult r = analyzeFile(scratch("broken.c", "int f(void) { return undeclared_thing + ; }\nstruct {\n").string(),
                             flags, Config(), allRules());
  EXPECT_EQ(r.status, FileStatus::Partial);
  EXPECT_GE(r.errorCount, 1u);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_NE(r.diagnostics.front().find("broken.c:1:"), std::string::npos) << r.diagnostics.front();
}

TEST(AnalyzeFile, UnknownHeadersAreReplacedAndReported) {
  FlagsProvider flags;
  FileResult r = analyzeFile(
      scratch("uses_unknown.c", "#include <linux/dma-mapping.h>\n#include <linux/no_such_header_anywhere.h>\n"
                                "int probe(void) { return 0; }\n").string(),
      flags, Config(), allRules());
  EXPECT_EQ(r.status, FileStatus::Analyzed) << (r.diagnostics.empty() ? "" : r.diagnostics.front());
  EXPECT_EQ(r.unresolvedHeaders, std::vector<std::string>{"linux/no_such_header_anywhere.h"});
}

TEST(AnalyzeFile, InMemoryCodeIsAnalysedWithTheModel) {
  FileResult r = analyzeCode(
      "#include <linux/dma-mapping.h>\n"
      "void *f(struct device *dev, dma_addr_t *h) { return dma_alloc_coherent(dev, 64, h, GFP_KERNEL | GFP_DMA32); }\n",
      "/virtual/gfp.c", Config(), allRules());
  EXPECT_EQ(r.errorCount, 0u) << (r.diagnostics.empty() ? "" : r.diagnostics.front());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].ruleId, "dma-gfp-zone");
  EXPECT_EQ(r.findings[0].line, 2u);
  EXPECT_EQ(r.findings[0].function, "f");
}

TEST(RunFiles, IsolatedWorkersReturnTheSameResults) {
  fs::path file = scratch("gfp.c", "#include <linux/dma-mapping.h>\n"
                                   "void *f(struct device *dev, dma_addr_t *h) { return dma_alloc_coherent(dev, 64, h, GFP_DMA); }\n");
  FlagsProvider flags;
  RunOptions run;
  run.jobs = 2;
  auto results = runFiles({file.string(), "/nonexistent.c"}, flags, Config(), allRules(), run);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].findings.size(), 1u);
  EXPECT_EQ(results[1].status, FileStatus::Failed);
}

TEST(RunFiles, EmptyDirectoryIsReported) {
  fs::path dir = fs::temp_directory_path() / ("dmacheck-empty-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::vector<FileResult> bad;
  auto files = expandInputs({dir.string()}, bad);
  EXPECT_TRUE(files.empty());
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0].status, FileStatus::Failed);
}

TEST(CompileSetup, BrokenCompileDatabaseIsAClearError) {
  fs::path dir = fs::temp_directory_path() / ("dmacheck-db-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "compile_commands.json") << "[ { \"directory\": ";
  FlagsProvider flags;
  std::string error;
  EXPECT_FALSE(flags.loadCompileDatabase(dir.string(), error));
  EXPECT_NE(error.find("compile_commands.json"), std::string::npos) << error;
}

TEST(CompileSetup, GccOnlyFlagsAreStripped) {
  auto args = sanitizeGccArguments({"gcc", "-mpreferred-stack-boundary=3", "-mindirect-branch=thunk-extern",
                                    "-fconserve-stack", "-O2", "x.c"});
  EXPECT_EQ(args, (std::vector<std::string>{"gcc", "-O2", "-Wno-unknown-warning-option", "-Wno-gnu",
                                            "-Wno-duplicate-decl-specifier", "x.c"}));
}

}  // namespace
