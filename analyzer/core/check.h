// The base of every check, clang-tidy's shape: a check names the rule ids it
// reports, registers AST matchers and/or observes the flow engine, and reports
// through its CheckContext. One check per file pair under checks/.
#pragma once

#include <clang/ASTMatchers/ASTMatchFinder.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cli/config.h"
#include "core/finding.h"

namespace clang {
class ASTContext;
class Decl;
class FunctionDecl;
class Stmt;
}  // namespace clang

namespace dmacheck::analyzer {

namespace flow {
class FlowObserver;
}

// Everything a check may use for one translation unit.
class CheckContext {
 public:
  CheckContext(const Config &config, std::set<std::string> enabledRules)
      : config_(config), enabled_(std::move(enabledRules)) {}

  const Config &config() const { return config_; }
  const rules::DmaApiTable &api() const { return config_.api; }
  bool isEnabled(std::string_view ruleId) const { return enabled_.count(std::string(ruleId)) != 0; }

  clang::ASTContext &ast() const { return *ast_; }
  void setAst(clang::ASTContext *ast) { ast_ = ast; }

  // Appends notes to the finding it was returned for.
  class FindingRef {
   public:
    FindingRef(CheckContext *ctx, int index) : ctx_(ctx), index_(index) {}
    FindingRef &note(clang::SourceLocation loc, std::string message);
    explicit operator bool() const { return index_ >= 0; }

   private:
    CheckContext *ctx_;
    int index_;
  };

  // Reports `ruleId` at `loc` (macro locations resolve to where the macro was
  // used). Only findings in the main file are kept; a disabled rule and a
  // duplicate (same rule, place and message) are dropped. `function` names the
  // enclosing function; when null it is looked up from `at`.
  FindingRef report(std::string_view ruleId, clang::SourceLocation loc, std::string message,
                    const clang::FunctionDecl *function = nullptr);
  FindingRef report(std::string_view ruleId, const clang::Stmt *at, std::string message,
                    const clang::FunctionDecl *function = nullptr);

  std::vector<Finding> takeFindings() { return std::move(findings_); }

 private:
  bool resolve(clang::SourceLocation loc, std::string &file, unsigned &line, unsigned &column,
               bool mainFileOnly) const;

  const Config &config_;
  std::set<std::string> enabled_;
  clang::ASTContext *ast_ = nullptr;
  std::vector<Finding> findings_;
};

// Names of the DMA API table's functions whose row satisfies `pred`, as a
// hasAnyName() matcher argument.
template <typename Pred>
std::vector<llvm::StringRef> apiNames(const rules::DmaApiTable &api, Pred pred) {
  std::vector<llvm::StringRef> names;
  for (const auto &fn : api.functions())
    if (pred(fn)) names.push_back(fn.name);
  if (names.empty()) names.push_back("__dmacheck_no_such_function__");
  return names;
}

class Check : public clang::ast_matchers::MatchFinder::MatchCallback {
 public:
  explicit Check(CheckContext &ctx) : ctx_(ctx) {}
  ~Check() override = default;

  // The rule ids this check reports; it runs when any of them is enabled.
  virtual std::vector<std::string_view> ruleIds() const = 0;

  // Syntactic checks: matchers, and check() for each match.
  virtual void registerMatchers(clang::ast_matchers::MatchFinder &finder) {}
  virtual void check(const clang::ast_matchers::MatchFinder::MatchResult &result) {}
  void run(const clang::ast_matchers::MatchFinder::MatchResult &result) final { check(result); }

  // Flow checks: an observer the engine calls while walking each function.
  virtual flow::FlowObserver *flowObserver() { return nullptr; }
  // Translation-unit-wide checks: called once after the flow engine ran.
  virtual void onEndOfTranslationUnit(clang::ASTContext &ast) {}

 protected:
  CheckContext &ctx_;
};

}  // namespace dmacheck::analyzer
