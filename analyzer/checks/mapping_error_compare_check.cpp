#include "checks/mapping_error_compare_check.h"

#include <clang/AST/Expr.h>
#include <clang/AST/Stmt.h>

#include "checks/message_text.h"
#include "core/ast_helpers.h"
#include "flow/flow_engine.h"

namespace dmacheck::analyzer {

using namespace clang;
using flow::Role;
using flow::ValueRef;

namespace {

constexpr const char *kMessage = "DMA mapping failure tested with a comparison instead of dma_mapping_error()";

bool isDirectValue(const Expr *e) {
  e = e->IgnoreParenImpCasts();
  if (const auto *unary = dyn_cast<UnaryOperator>(e)) return unary->getOpcode() == UO_Deref;
  return isa<DeclRefExpr, MemberExpr, ArraySubscriptExpr, CallExpr>(e);
}

bool isZero(ASTContext &ast, const Expr *e) {
  return e->isNullPointerConstant(ast, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull ||
         evaluateInt(e, ast) == std::optional<int64_t>(0);
}

}  // namespace

class MappingErrorCompareCheck::Observer : public flow::FlowObserver {
 public:
  explicit Observer(CheckContext &ctx) : ctx_(ctx) {}

  void onStmt(flow::FlowContext &flow, const Stmt &stmt) override {
    if (const auto *binary = dyn_cast<BinaryOperator>(&stmt)) {
      if (binary->isLogicalOp()) return truthTest(flow, binary->getLHS());
      return comparison(flow, *binary);
    }
    if (const auto *unary = dyn_cast<UnaryOperator>(&stmt)) {
      if (unary->getOpcode() == UO_LNot) handleTest(flow, unary->getSubExpr(), *unary);
      return;
    }
    // Terminators: the condition itself used as a truth value.
    const Expr *cond = nullptr;
    if (const auto *s = dyn_cast<IfStmt>(&stmt)) cond = s->getCond();
    else if (const auto *s = dyn_cast<WhileStmt>(&stmt)) cond = s->getCond();
    else if (const auto *s = dyn_cast<DoStmt>(&stmt)) cond = s->getCond();
    else if (const auto *s = dyn_cast<ForStmt>(&stmt)) cond = s->getCond();
    else if (const auto *s = dyn_cast<ConditionalOperator>(&stmt)) cond = s->getCond();
    if (cond) truthTest(flow, cond);
  }

 private:
  // `cond` used as a truth value; && and || operands are truth values too.
  void truthTest(flow::FlowContext &flow, const Expr *cond) {
    const Expr *e = cond->IgnoreParenImpCasts();
    if (const auto *logical = dyn_cast<BinaryOperator>(e); logical && logical->isLogicalOp()) {
      truthTest(flow, logical->getLHS());
      truthTest(flow, logical->getRHS());
      return;
    }
    handleTest(flow, e, *e);
  }

  // `subject` tested against zero (by `!`, a truth test or == / != 0).
  void handleTest(flow::FlowContext &flow, const Expr *subject, const Expr &at) {
    if (!isDirectValue(subject)) return;
    for (const ValueRef &v : flow.valuesOf(subject)) {
      if (v.kind != ValueRef::kResource || v.role != Role::Handle || v.id >= flow.resources().size()) continue;
      const flow::Resource &res = flow.resources()[v.id];
      if (!res.api || res.api->kind != rules::ApiKind::Map) continue;
      // After dma_mapping_error() on every path, `if (priv->dma)` in the
      // unwind code asks "was anything mapped?", not "did the map fail?".
      if (!flow::anyState(flow.states(v.id), [](const flow::TypeState &s) { return !s.checked; })) continue;
      ctx_.report("dma-mapping-error-compare", &at,
                  std::string(kMessage) + " [function=" + res.api->name + "] [test=" +
                      compactSource(flow.ast(), &at) +
                      "]: 0 is a valid DMA address; test the handle with dma_mapping_error()",
                  &flow.function())
          .note(res.site->getBeginLoc(), "mapped here");
      return;
    }
  }

  void comparison(flow::FlowContext &flow, const BinaryOperator &binary) {
    ASTContext &ast = flow.ast();
    const Expr *lhs = binary.getLHS()->IgnoreParenImpCasts();
    const Expr *rhs = binary.getRHS()->IgnoreParenImpCasts();
    BinaryOperatorKind op = binary.getOpcode();
    if (op == BO_EQ || op == BO_NE) {
      const Expr *other = isZero(ast, rhs) ? lhs : isZero(ast, lhs) ? rhs : nullptr;
      if (other) handleTest(flow, other, binary);
      return;
    }
    // n < 0 or 0 > n on a dma_map_sg() count.
    const Expr *count = op == BO_LT && isZero(ast, rhs) ? lhs : op == BO_GT && isZero(ast, lhs) ? rhs : nullptr;
    if (!count || !isDirectValue(count)) return;
    for (const ValueRef &v : flow.valuesOf(count)) {
      if (v.kind != ValueRef::kResource || v.role != Role::SgCount || v.id >= flow.resources().size()) continue;
      const flow::Resource &res = flow.resources()[v.id];
      ctx_.report("dma-mapping-error-compare", &binary,
                  std::string(kMessage) + " [function=" + res.api->name + "] [test=" +
                      compactSource(ast, &binary) + "]: " + res.api->name +
                      "() returns 0 on failure, never a negative value; test for 0",
                  &flow.function())
          .note(res.site->getBeginLoc(), "mapped here");
      return;
    }
  }

  CheckContext &ctx_;
};

MappingErrorCompareCheck::MappingErrorCompareCheck(CheckContext &ctx)
    : Check(ctx), observer_(std::make_unique<Observer>(ctx)) {}
MappingErrorCompareCheck::~MappingErrorCompareCheck() = default;
flow::FlowObserver *MappingErrorCompareCheck::flowObserver() { return observer_.get(); }

std::unique_ptr<Check> createMappingErrorCompareCheck(CheckContext &ctx) {
  return std::make_unique<MappingErrorCompareCheck>(ctx);
}

}  // namespace dmacheck::analyzer
