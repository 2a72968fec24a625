#include "driver/analyze_file.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/Basic/Diagnostic.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/MultiplexConsumer.h>
#include <clang/Tooling/Tooling.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "core/check_registry.h"
#include "driver/clang_tool.h"
#include "driver/result_cache.h"
#include "flow/flow_engine.h"
#include "output/report.h"

namespace dmacheck::analyzer {

using namespace clang;
namespace fs = std::filesystem;

namespace {

// Counts errors and keeps the first few, formatted like clang prints them.
class CollectingDiagnostics : public DiagnosticConsumer {
 public:
  explicit CollectingDiagnostics(FileResult &result, unsigned max) : result_(result), max_(max) {}
  void HandleDiagnostic(DiagnosticsEngine::Level level, const Diagnostic &info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < DiagnosticsEngine::Error) return;
    ++result_.errorCount;
    if (level == DiagnosticsEngine::Fatal) fatal_ = true;
    if (result_.diagnostics.size() >= max_) return;
    llvm::SmallString<256> text;
    info.FormatDiagnostic(text);
    std::string where;
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      PresumedLoc p = info.getSourceManager().getPresumedLoc(info.getSourceManager().getFileLoc(info.getLocation()));
      if (p.isValid()) where = std::string(p.getFilename()) + ":" + std::to_string(p.getLine()) + ":" +
                               std::to_string(p.getColumn()) + ": ";
    }
    result_.diagnostics.push_back(where + (level == DiagnosticsEngine::Fatal ? "fatal error: " : "error: ") +
                                  std::string(text));
  }
  bool sawFatal() const { return fatal_; }

 private:
  FileResult &result_;
  unsigned max_;
  bool fatal_ = false;
};

// Runs the flow engine over every function defined in the main file, then the
// translation-unit-wide checks.
class FlowConsumer : public ASTConsumer {
 public:
  FlowConsumer(CheckContext &ctx, std::vector<std::unique_ptr<Check>> &checks, bool &ran)
      : ctx_(ctx), checks_(checks), ran_(ran) {}
  void Initialize(ASTContext &ast) override { ctx_.setAst(&ast); }
  void HandleTranslationUnit(ASTContext &ast) override {
    ran_ = true;
    std::vector<flow::FlowObserver *> observers;
    for (auto &check : checks_)
      if (auto *observer = check->flowObserver()) observers.push_back(observer);
    if (!observers.empty()) {
      flow::UnitFacts facts = flow::collectUnitFacts(ast);
      const SourceManager &sm = ast.getSourceManager();
      for (Decl *decl : ast.getTranslationUnitDecl()->decls()) {
        auto *fn = dyn_cast<FunctionDecl>(decl);
        if (!fn || !fn->doesThisDeclarationHaveABody() || fn->isInvalidDecl()) continue;
        if (!sm.isWrittenInMainFile(sm.getFileLoc(fn->getLocation()))) continue;
        flow::analyzeFunction(ast, *fn, ctx_.api(), facts, observers);
      }
    }
    for (auto &check : checks_) check->onEndOfTranslationUnit(ast);
  }

 private:
  CheckContext &ctx_;
  std::vector<std::unique_ptr<Check>> &checks_;
  bool &ran_;
};

class DmacheckAction : public ASTFrontendAction {
 public:
  DmacheckAction(CheckContext &ctx, bool &ran) : ctx_(ctx), ran_(ran) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &ci, StringRef file) override {
    checks_ = createEnabledChecks(ctx_);
    for (auto &check : checks_) check->registerMatchers(finder_);
    std::vector<std::unique_ptr<ASTConsumer>> consumers;
    // Matchers first, so onEndOfTranslationUnit sees their results; the
    // FlowConsumer's Initialize (which sets the AST) runs before any of it.
    consumers.push_back(finder_.newASTConsumer());
    consumers.push_back(std::make_unique<FlowConsumer>(ctx_, checks_, ran_));
    return std::make_unique<MultiplexConsumer>(std::move(consumers));
  }

 private:
  CheckContext &ctx_;
  bool &ran_;
  ast_matchers::MatchFinder finder_;
  std::vector<std::unique_ptr<Check>> checks_;
};

class ActionFactory : public tooling::FrontendActionFactory {
 public:
  ActionFactory(CheckContext &ctx, bool &ran) : ctx_(ctx), ran_(ran) {}
  std::unique_ptr<FrontendAction> create() override { return std::make_unique<DmacheckAction>(ctx_, ran_); }

 private:
  CheckContext &ctx_;
  bool &ran_;
};

FileResult run(const std::string &file, const CompileSetup &setup, const Config &config,
               const AnalysisOptions &options, const std::string *code) {
  auto start = std::chrono::steady_clock::now();
  FileResult result;
  result.file = file;
  result.flagsSource = setup.flagsSource;
  result.unresolvedHeaders = setup.unresolvedHeaders;

  std::string absFile = setup.arguments.back();
  auto tool = makeClangTool(setup, absFile, code);
  CollectingDiagnostics diagnostics(result, options.maxDiagnostics);
  tool->setDiagnosticConsumer(&diagnostics);

  CheckContext ctx(config, options.enabledRules);
  bool ran = false;
  ActionFactory factory(ctx, ran);
  tool->run(&factory);

  result.findings = ctx.takeFindings();
  // Report the file as the user named it, not as the absolute path clang saw.
  auto userPath = [&](std::string &path) {
    if (path == absFile) path = file;
  };
  for (auto &f : result.findings) {
    userPath(f.file);
    for (auto &n : f.notes) userPath(n.file);
  }
  for (auto &d : result.diagnostics)
    if (d.rfind(absFile + ":", 0) == 0) d = file + d.substr(absFile.size());
  std::sort(result.findings.begin(), result.findings.end());
  if (!ran) {
    result.status = FileStatus::Failed;
    if (result.diagnostics.empty()) result.diagnostics.push_back("the front end did not produce an AST");
  } else {
    result.status = result.errorCount == 0 ? FileStatus::Analyzed : FileStatus::Partial;
  }
  if (!result.unresolvedHeaders.empty()) {
    std::string list;
    for (const auto &h : result.unresolvedHeaders) list += (list.empty() ? "" : ", ") + h;
    result.diagnostics.push_back("headers not in the built-in kernel model, replaced by empty ones: " + list);
  }
  if (code) applySuppressions(result, *code);
  else applySuppressions(result);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

// The cache in front of run(): the key costs a preprocessor run, a hit saves
// the parse and the analysis.
FileResult runCached(const std::string &file, const CompileSetup &setup, const Config &config,
                     const AnalysisOptions &options, const ResultCache &cache) {
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  std::string key;
  bool keyed = cache.fileKey(file, setup, key);
  FileResult result;
  if (keyed && cache.load(key, result)) {
    result.cache = CacheUse::Hit;
    result.seconds = elapsed();
    return result;
  }
  result = run(file, setup, config, options, nullptr);
  // A failed file is not stored: why it failed may lie outside the key.
  bool stored = keyed && cache.writable() && result.status != FileStatus::Failed && cache.store(key, result);
  result.cache = stored ? CacheUse::Miss : CacheUse::NotStored;
  result.seconds = elapsed();
  return result;
}

bool looksLikeText(const std::string &file, std::string &why) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    why = "cannot read the file";
    return false;
  }
  char buffer[4096];
  in.read(buffer, sizeof buffer);
  for (std::streamsize i = 0; i < in.gcount(); ++i) {
    if (buffer[i] == '\0') {
      why = "not a C source file (binary content)";
      return false;
    }
  }
  return true;
}

}  // namespace

FileResult analyzeFile(const std::string &file, const FlagsProvider &flags, const Config &config,
                       const AnalysisOptions &options) {
  FileResult failed;
  failed.file = file;
  failed.status = FileStatus::Failed;
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    failed.diagnostics.push_back("no such file");
    return failed;
  }
  if (!fs::is_regular_file(file, ec)) {
    failed.diagnostics.push_back("not a regular file");
    return failed;
  }
  std::string ext = fs::path(file).extension().string();
  if (ext != ".c" && ext != ".h") {
    failed.diagnostics.push_back("not a C source file (expected .c or .h)");
    return failed;
  }
  std::string why;
  if (!looksLikeText(file, why)) {
    failed.diagnostics.push_back(why);
    return failed;
  }
  CompileSetup setup = flags.forFile(file);
  if (options.cache) return runCached(file, setup, config, options, *options.cache);
  return run(file, setup, config, options, nullptr);
}

FileResult analyzeCode(const std::string &code, const std::string &fileName, const Config &config,
                       const AnalysisOptions &options) {
  CompileSetup setup = modelSetup(fileName, &code);
  // The file exists only in memory; clang must still be able to chdir.
  setup.directory = fs::temp_directory_path().string();
  return run(fileName, setup, config, options, &code);
}

}  // namespace dmacheck::analyzer
