#include "checks/unchecked_set_mask_check.h"

#include "core/ast_helpers.h"

namespace dmacheck::analyzer {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

bool readsCurrentMask(ASTContext &ast, const Expr *value) {
  return spellsIdentifier(ast, value, "dma_get_mask") || spellsIdentifier(ast, value, "dma_mask") ||
         spellsIdentifier(ast, value, "coherent_dma_mask");
}

}  // namespace

// Error unwinding that puts back the mask read before the change (netxen:
// `old_mask = *pdev->dev.dma_mask; ... err_out: dma_set_mask(dev, old_mask);`)
// cannot fail: the platform accepted that mask before.
bool UncheckedSetMaskCheck::restoresSavedMask(ASTContext &ast, const CallExpr &call) {
  if (call.getNumArgs() < 2) return false;
  const auto *ref = dyn_cast<DeclRefExpr>(call.getArg(1)->IgnoreParenImpCasts());
  const auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  if (!var || !var->hasLocalStorage()) return false;
  if (var->getInit() && readsCurrentMask(ast, var->getInit())) return true;
  const FunctionDecl *fn = enclosingFunction(ast, call);
  if (!fn || !fn->getBody()) return false;
  auto assigns = match(findAll(binaryOperator(hasOperatorName("="),
                                              hasLHS(ignoringParenImpCasts(declRefExpr(to(varDecl(equalsNode(var)))))))
                                   .bind("assign")),
                       *fn->getBody(), ast);
  for (const auto &bound : assigns)
    if (const auto *assign = bound.getNodeAs<BinaryOperator>("assign"); assign && readsCurrentMask(ast, assign->getRHS()))
      return true;
  return false;
}

void UncheckedSetMaskCheck::registerMatchers(MatchFinder &finder) {
  auto maskSetters = apiNames(ctx_.api(), [](const rules::ApiFunction &fn) { return fn.kind == rules::ApiKind::Mask; });
  // A call in statement position: its parent is a statement list or the body
  // of a control statement, never an expression.
  auto unusedValue = anyOf(hasParent(compoundStmt()), hasParent(ifStmt()), hasParent(labelStmt()),
                           hasParent(caseStmt()), hasParent(defaultStmt()), hasParent(forStmt()),
                           hasParent(whileStmt()), hasParent(doStmt()));
  finder.addMatcher(callExpr(callee(functionDecl(hasAnyName(maskSetters))), unusedValue).bind("call"), this);
}

void UncheckedSetMaskCheck::check(const MatchFinder::MatchResult &result) {
  const auto *call = result.Nodes.getNodeAs<CallExpr>("call");
  // ifStmt/while parents also match a call used as the condition: that is a check.
  for (const auto &parent : result.Context->getParents(*call)) {
    if (const auto *ifs = parent.get<IfStmt>(); ifs && ifs->getCond() == call) return;
    if (const auto *loop = parent.get<WhileStmt>(); loop && loop->getCond() == call) return;
    if (const auto *loop = parent.get<DoStmt>(); loop && loop->getCond() == call) return;
    if (const auto *loop = parent.get<ForStmt>(); loop && loop->getCond() == call) return;
  }
  if (restoresSavedMask(*result.Context, *call)) return;
  // Linux 6.12's dma-api-howto.rst: "dma_set_mask_and_coherent() will never
  // return failure when bigger than 32" — its recommended code ignores the
  // result for DMA_BIT_MASK(64) and (32). Only narrower or unknown masks can fail.
  unsigned minBits = 32;
  for (const auto &value : ctx_.config().option("dma-unchecked-set-mask", "min-bits", {}))
    minBits = unsigned(std::stoul(value));
  if (call->getNumArgs() >= 2) {
    if (auto mask = evaluateInt(call->getArg(1), *result.Context)) {
      uint64_t wide = minBits >= 64 ? ~0ull : (1ull << minBits) - 1;
      if (uint64_t(*mask) >= wide) return;
    }
  }
  std::string name(calleeName(*call));
  ctx_.report("dma-unchecked-set-mask", call,
              "result of dma_set_mask() ignored [function=" + name +
                  "]: the platform may not support this mask; fail the probe or fall back to a smaller one");
}

std::unique_ptr<Check> createUncheckedSetMaskCheck(CheckContext &ctx) {
  return std::make_unique<UncheckedSetMaskCheck>(ctx);
}

}  // namespace dmacheck::analyzer
