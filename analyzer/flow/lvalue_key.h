// Canonical text keys for lvalues, so the engine can say "priv->rx_dma holds
// the handle mapped at line 120". Array subscripts with a non-constant index
// collapse to [*]: one key stands for all elements (a weak binding).
#pragma once

#include <string>

namespace clang {
class Expr;
class VarDecl;
}  // namespace clang

namespace dmacheck::analyzer::flow {

// "" when the expression is not a variable, member, element or dereference.
std::string lvalueKey(const clang::Expr *expr);
// True when the lvalue lives in the function's own frame (a local variable,
// a member of a local struct, an element of a local array): storing there
// does not hand anything out.
bool isFrameLocal(const clang::Expr *expr);
// The local variable at the root of an lvalue, when there is one and no
// pointer is dereferenced on the way.
const clang::VarDecl *frameRoot(const clang::Expr *expr);
bool isWeakKey(const std::string &key);
// True when `key` is `prefix` or derived from it (prefix->f, prefix.f, prefix[..], *prefix).
bool keyDerivesFrom(const std::string &key, const std::string &prefix);

}  // namespace dmacheck::analyzer::flow
