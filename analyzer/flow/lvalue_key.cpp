#include "flow/lvalue_key.h"

#include <clang/AST/Expr.h>

namespace dmacheck::analyzer::flow {

using namespace clang;

namespace {

const Expr *strip(const Expr *e) {
  while (true) {
    e = e->IgnoreParens();
    if (const auto *cast = dyn_cast<CastExpr>(e)) {
      e = cast->getSubExpr();
      continue;
    }
    return e;
  }
}

}  // namespace

std::string lvalueKey(const Expr *expr) {
  if (!expr) return {};
  const Expr *e = strip(expr);
  if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
    if (isa<VarDecl>(ref->getDecl()) || isa<ParmVarDecl>(ref->getDecl())) return ref->getDecl()->getNameAsString();
    return {};
  }
  if (const auto *member = dyn_cast<MemberExpr>(e)) {
    std::string base = lvalueKey(member->getBase());
    if (base.empty()) return {};
    return base + (member->isArrow() ? "->" : ".") + member->getMemberDecl()->getNameAsString();
  }
  if (const auto *sub = dyn_cast<ArraySubscriptExpr>(e)) {
    std::string base = lvalueKey(sub->getBase());
    if (base.empty()) return {};
    Expr::EvalResult index;
    const Expr *idx = sub->getIdx();
    if (!idx->isValueDependent() && !idx->containsErrors() && idx->getType()->isIntegerType()) {
      // Only literal indexes keep their value; anything computed is "some element".
      if (isa<IntegerLiteral>(idx->IgnoreParenImpCasts()))
        return base + "[" + std::to_string(cast<IntegerLiteral>(idx->IgnoreParenImpCasts())->getValue().getZExtValue()) + "]";
    }
    return base + "[*]";
  }
  if (const auto *unary = dyn_cast<UnaryOperator>(e)) {
    if (unary->getOpcode() == UO_Deref) {
      std::string base = lvalueKey(unary->getSubExpr());
      return base.empty() ? std::string() : "*" + base;
    }
    // &iod->sgt: the sg table given to dma_map_sgtable and dma_unmap_sgtable.
    if (unary->getOpcode() == UO_AddrOf) {
      std::string base = lvalueKey(unary->getSubExpr());
      return base.empty() ? std::string() : "&" + base;
    }
  }
  return {};
}

const VarDecl *frameRoot(const Expr *expr) {
  const Expr *e = strip(expr);
  if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
    const auto *var = dyn_cast<VarDecl>(ref->getDecl());
    if (var && var->hasLocalStorage()) return var;
    return nullptr;
  }
  if (const auto *member = dyn_cast<MemberExpr>(e)) return member->isArrow() ? nullptr : frameRoot(member->getBase());
  if (const auto *sub = dyn_cast<ArraySubscriptExpr>(e)) {
    // a[i] is local only when a is a local array, not a pointer.
    const Expr *base = sub->getBase()->IgnoreParenImpCasts();
    if (!base->getType()->isArrayType()) return nullptr;
    return frameRoot(base);
  }
  return nullptr;
}

bool isFrameLocal(const Expr *expr) {
  const VarDecl *root = frameRoot(expr);
  // Parameters are locals too: storing into a parameter variable itself hands nothing out.
  return root != nullptr;
}

bool isWeakKey(const std::string &key) { return key.find("[*]") != std::string::npos; }

bool keyDerivesFrom(const std::string &key, const std::string &prefix) {
  if (key == prefix) return true;
  if (key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0) {
    char next = key[prefix.size()];
    return next == '-' || next == '.' || next == '[';
  }
  return key.size() > prefix.size() && (key[0] == '*' || key[0] == '&') && keyDerivesFrom(key.substr(1), prefix);
}

}  // namespace dmacheck::analyzer::flow
