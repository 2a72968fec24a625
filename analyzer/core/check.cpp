#include "core/check.h"

#include "core/ast_helpers.h"
#include "dmacheck/rules/catalogue.h"

namespace dmacheck::analyzer {

using namespace clang;

bool CheckContext::resolve(SourceLocation loc, std::string &file, unsigned &line, unsigned &column,
                           bool mainFileOnly) const {
  if (loc.isInvalid()) return false;
  const SourceManager &sm = ast_->getSourceManager();
  SourceLocation fileLoc = sm.getFileLoc(loc);
  if (mainFileOnly && !sm.isWrittenInMainFile(fileLoc)) return false;
  PresumedLoc presumed = sm.getPresumedLoc(fileLoc, /*UseLineDirectives=*/false);
  if (presumed.isInvalid()) return false;
  file = presumed.getFilename();
  line = presumed.getLine();
  column = presumed.getColumn();
  return true;
}

CheckContext::FindingRef CheckContext::report(std::string_view ruleId, SourceLocation loc, std::string message,
                                              const FunctionDecl *function) {
  if (!isEnabled(ruleId)) return {this, -1};
  Finding f;
  if (!resolve(loc, f.file, f.line, f.column, /*mainFileOnly=*/true)) return {this, -1};
  const rules::Rule *rule = rules::Catalogue::builtin().find(ruleId);
  f.ruleId = std::string(ruleId);
  f.severity = rule ? std::string(rules::severityName(rule->severity)) : "warning";
  f.message = std::move(message);
  if (function) f.function = function->getNameAsString();
  for (const auto &existing : findings_)
    if (existing == f) return {this, -1};
  findings_.push_back(std::move(f));
  return {this, int(findings_.size()) - 1};
}

CheckContext::FindingRef CheckContext::report(std::string_view ruleId, const Stmt *at, std::string message,
                                              const FunctionDecl *function) {
  if (!function) function = enclosingFunction(*ast_, *at);
  return report(ruleId, at->getBeginLoc(), std::move(message), function);
}

CheckContext::FindingRef &CheckContext::FindingRef::note(SourceLocation loc, std::string message) {
  if (index_ < 0) return *this;
  Note n;
  if (ctx_->resolve(loc, n.file, n.line, n.column, /*mainFileOnly=*/false)) {
    n.message = std::move(message);
    ctx_->findings_[index_].notes.push_back(std::move(n));
  }
  return *this;
}

}  // namespace dmacheck::analyzer
