#include "checks/addr_truncation_check.h"

#include <clang/Lex/Lexer.h>

#include "checks/message_text.h"
#include "core/ast_helpers.h"

namespace dmacheck::analyzer {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

// A macro that takes the low or high word: the kernel's, or a driver's own
// (myri10ge's MYRI10GE_LOWPART_TO_U32, ADDR_LO(), DMA_HI32()...).
bool isSplitMacroName(llvm::StringRef name) {
  std::string lower = name.lower();
  llvm::StringRef n(lower);
  return n == "lower_32_bits" || n == "upper_32_bits" || n.contains("low") || n.contains("high") ||
         n.ends_with("_lo") || n.ends_with("_hi") || n.contains("_lo_") || n.contains("_hi_") ||
         n.contains("lo32") || n.contains("hi32");
}

// True when `loc` lies in an expansion of a splitting macro, at any nesting depth.
bool inSplitMacro(ASTContext &ast, SourceLocation loc) {
  const SourceManager &sm = ast.getSourceManager();
  while (loc.isMacroID()) {
    if (isSplitMacroName(Lexer::getImmediateMacroName(loc, sm, ast.getLangOpts()))) return true;
    loc = sm.getImmediateMacroCallerLoc(loc);
  }
  return false;
}

// A whole dma_addr_t value (variable, field, element, call result), as
// opposed to arithmetic selecting some of its bits.
const Expr *wholeDmaAddr(const Expr *sub) {
  const Expr *e = sub->IgnoreParenImpCasts();
  if (!hasDmaAddrType(e)) return nullptr;
  if (isa<DeclRefExpr, MemberExpr, ArraySubscriptExpr, CallExpr>(e)) return e;
  // c ? dma_a : dma_b is an address; c ? 8 - (dma & 7) : 0 (an alignment pad) is not.
  if (const auto *cond = dyn_cast<ConditionalOperator>(e))
    return wholeDmaAddr(cond->getTrueExpr()) && wholeDmaAddr(cond->getFalseExpr()) ? e : nullptr;
  if (const auto *unary = dyn_cast<UnaryOperator>(e); unary && unary->getOpcode() == UO_Deref) return e;
  // dma + offset is still an address; &, >>, % select bits on purpose.
  if (const auto *binary = dyn_cast<BinaryOperator>(e); binary && binary->isAdditiveOp()) return e;
  return nullptr;
}

}  // namespace

// The driver runs the flow consumer (and onEndOfTranslationUnit) before the
// shared MatchFinder, so the verdict, which needs the whole file's masks, uses
// a MatchFinder of its own.
void AddrTruncationCheck::registerMatchers(MatchFinder &) {}

void AddrTruncationCheck::addMatchers(MatchFinder &finder) {
  auto maskSetters = apiNames(ctx_.api(), [](const rules::ApiFunction &fn) { return fn.kind == rules::ApiKind::Mask; });
  finder.addMatcher(callExpr(callee(functionDecl(hasAnyName(maskSetters))), argumentCountIs(2)).bind("mask"), this);
  finder.addMatcher(implicitCastExpr(hasCastKind(CK_IntegralCast), isExpansionInMainFile()).bind("cast"), this);
  finder.addMatcher(cStyleCastExpr(hasCastKind(CK_IntegralCast), isExpansionInMainFile()).bind("cast"), this);
}

void AddrTruncationCheck::check(const MatchFinder::MatchResult &result) {
  ASTContext &ast = *result.Context;
  if (const auto *mask = result.Nodes.getNodeAs<CallExpr>("mask")) {
    sawMask_ = true;
    // DMA_BIT_MASK(64) is ~0ULL, which reads back as -1; unknown masks count as wide.
    std::optional<int64_t> bits = evaluateInt(mask->getArg(1), ast);
    if (!bits || *bits < 0 || uint64_t(*bits) > 0xffffffffull) onlyNarrow_ = false;
    return;
  }
  const auto *cast = result.Nodes.getNodeAs<CastExpr>("cast");
  QualType target = cast->getType();
  if (!target->isIntegerType() || target->isBooleanType() || ast.getIntWidth(target) > 32) return;
  const Expr *value = wholeDmaAddr(cast->getSubExpr());
  if (!value || ast.getIntWidth(value->getType()) <= ast.getIntWidth(target)) return;
  if (inSplitMacro(ast, cast->getBeginLoc()) || inSplitMacro(ast, value->getBeginLoc())) return;
  std::string how = isa<ImplicitCastExpr>(cast) ? "implicit conversion" : "explicit cast";
  pending_.push_back({value, "dma_addr_t truncated to 32 bits [value=" + compactSource(ast, value) + "] [to=" +
                                 target.getAsString() + "] [" + how +
                                 "]: the high half is lost on 64-bit DMA; use lower_32_bits()/upper_32_bits()"});
}

void AddrTruncationCheck::onEndOfTranslationUnit(ASTContext &ast) {
  MatchFinder finder;
  addMatchers(finder);
  finder.matchAST(ast);
  if (!(sawMask_ && onlyNarrow_))
    for (const Pending &p : pending_) ctx_.report("dma-addr-truncation", p.at, p.message);
  pending_.clear();
  sawMask_ = false;
  onlyNarrow_ = true;
}

std::unique_ptr<Check> createAddrTruncationCheck(CheckContext &ctx) {
  return std::make_unique<AddrTruncationCheck>(ctx);
}

}  // namespace dmacheck::analyzer
