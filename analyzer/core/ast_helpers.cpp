#include "core/ast_helpers.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/Lex/Lexer.h>

#include "dmacheck/rules/dma_api.h"

namespace dmacheck::analyzer {

using namespace clang;

const FunctionDecl *enclosingFunction(ASTContext &ast, const Stmt &stmt) {
  DynTypedNodeList parents = ast.getParents(stmt);
  // Breadth-first is overkill: C statements have one parent.
  while (!parents.empty()) {
    const DynTypedNode &node = parents[0];
    if (const auto *fn = node.get<FunctionDecl>()) return fn;
    parents = ast.getParents(node);
  }
  return nullptr;
}

std::string_view calleeName(const CallExpr &call) {
  if (const FunctionDecl *fn = call.getDirectCallee()) {
    if (const IdentifierInfo *id = fn->getIdentifier()) return id->getName();
  }
  return {};
}

namespace {

// True when the macro's row may replace the function's: same behaviour, and
// every argument the analysis reads sits at the same position in both (the
// _attrs functions add `attrs`, which the macros pass as 0).
bool sameCall(const rules::ApiFunction &macro, const rules::ApiFunction &function) {
  if (macro.kind != function.kind || macro.family != function.family || macro.returns != function.returns ||
      macro.managed != function.managed)
    return false;
  const rules::ApiArgs &m = macro.args, &f = function.args;
  return m.dev == f.dev && m.cpu == f.cpu && m.page == f.page && m.offset == f.offset && m.phys == f.phys &&
         m.handle == f.handle && m.handleOut == f.handleOut && m.size == f.size && m.dir == f.dir &&
         m.nents == f.nents && m.gfp == f.gfp && m.sg == f.sg && (m.attrs == f.attrs || m.attrs == -1);
}

}  // namespace

const rules::ApiFunction *apiRowForCall(const rules::DmaApiTable &api, const ASTContext *ast, const CallExpr &call) {
  const rules::ApiFunction *row = api.find(calleeName(call));
  if (!row || !ast || !call.getCallee()) return row;
  const SourceManager &sm = ast->getSourceManager();
  const rules::ApiFunction *written = row;
  // From the callee's token outwards: each macro body it was expanded from,
  // skipping argument expansions (they only say where the text was written).
  for (SourceLocation loc = call.getCallee()->IgnoreParenImpCasts()->getBeginLoc(); loc.isMacroID();
       loc = sm.getImmediateMacroCallerLoc(loc)) {
    if (sm.isMacroArgExpansion(loc)) continue;
    StringRef macro = Lexer::getImmediateMacroName(loc, sm, ast->getLangOpts());
    if (const rules::ApiFunction *named = api.find(macro); named && sameCall(*named, *row)) written = named;
  }
  return written;
}

const Expr *stripCasts(const Expr *expr) {
  while (expr) {
    const Expr *next = expr->IgnoreParens();
    if (const auto *cast = dyn_cast<CastExpr>(next)) next = cast->getSubExpr();
    if (next == expr) break;
    expr = next;
  }
  return expr;
}

bool isTypedefNamed(QualType type, std::string_view name) {
  while (!type.isNull()) {
    if (const auto *td = type->getAs<TypedefType>()) {
      if (td->getDecl()->getName() == llvm::StringRef(name.data(), name.size())) return true;
      type = td->getDecl()->getUnderlyingType();
      continue;
    }
    break;
  }
  return false;
}

bool hasDmaAddrType(const Expr *expr) {
  if (!expr) return false;
  expr = expr->IgnoreParenImpCasts();
  return isTypedefNamed(expr->getType(), "dma_addr_t");
}

std::optional<int64_t> evaluateInt(const Expr *expr, ASTContext &ast) {
  if (!expr || expr->isValueDependent() || expr->containsErrors()) return std::nullopt;
  Expr::EvalResult result;
  if (!expr->EvaluateAsInt(result, ast)) return std::nullopt;
  return result.Val.getInt().getExtValue();
}

std::string sourceText(ASTContext &ast, SourceRange range) {
  const SourceManager &sm = ast.getSourceManager();
  CharSourceRange chars = Lexer::makeFileCharRange(CharSourceRange::getTokenRange(range), sm, ast.getLangOpts());
  if (chars.isInvalid()) {
    // A range inside one macro's arguments: fall back to where it was spelled.
    SourceRange spelled(sm.getSpellingLoc(range.getBegin()), sm.getSpellingLoc(range.getEnd()));
    chars = Lexer::makeFileCharRange(CharSourceRange::getTokenRange(spelled), sm, ast.getLangOpts());
    if (chars.isInvalid()) return {};
  }
  return Lexer::getSourceText(chars, sm, ast.getLangOpts()).str();
}

bool spellsIdentifier(ASTContext &ast, const Expr *expr, std::string_view identifier) {
  std::string text = sourceText(ast, expr->getSourceRange());
  size_t at = 0;
  auto isIdent = [](char c) { return isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  while ((at = text.find(identifier, at)) != std::string::npos) {
    bool startOk = at == 0 || !isIdent(text[at - 1]);
    size_t end = at + identifier.size();
    bool endOk = end >= text.size() || !isIdent(text[end]);
    if (startOk && endOk) return true;
    at = end;
  }
  return false;
}

std::string macroNameAt(ASTContext &ast, SourceLocation loc) {
  const SourceManager &sm = ast.getSourceManager();
  if (!loc.isMacroID()) return {};
  // Walk out to the outermost expansion: the name the driver wrote.
  SourceLocation outer = loc;
  while (outer.isMacroID()) {
    SourceLocation up = sm.getImmediateMacroCallerLoc(outer);
    if (!up.isMacroID()) break;
    outer = up;
  }
  return Lexer::getImmediateMacroName(outer, sm, ast.getLangOpts()).str();
}

}  // namespace dmacheck::analyzer
