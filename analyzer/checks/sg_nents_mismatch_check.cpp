#include "checks/sg_nents_mismatch_check.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/AST/Stmt.h>

#include "core/ast_helpers.h"

namespace dmacheck::analyzer {

using namespace clang;
using namespace flow;

void SgNentsMismatchCheck::onApiCall(FlowContext &ctx, const CallExpr &call, const rules::ApiFunction &api, int) {
  if (api.family != rules::ApiFamily::Sg || api.kind == rules::ApiKind::Map || api.args.nents < 0 ||
      unsigned(api.args.nents) >= call.getNumArgs())
    return;
  const Expr *nents = call.getArg(api.args.nents);
  for (const ValueRef &v : ctx.valuesOf(nents)) {
    if (v.kind != ValueRef::kResource || v.role != Role::SgCount) continue;
    const Resource &r = ctx.resources()[v.id];
    bool sync = api.kind != rules::ApiKind::Unmap;
    std::string mapped = r.nentsArg ? sourceText(ctx.ast(), r.nentsArg->getSourceRange()) : "nents";
    ctx_.report("dma-sg-nents-mismatch", nents,
                std::string("device driver ") + (sync ? "syncs" : "frees") +
                    " DMA sg list with different entry count [map count=" + mapped + "] [" +
                    (sync ? "sync" : "unmap") + " count=" + sourceText(ctx.ast(), nents->getSourceRange()) +
                    ", the value dma_map_sg() returned] [function=" + api.name + "]",
                &ctx.function())
        .note(r.site->getBeginLoc(), creationNote(r));
  }
}

namespace {

// True when the loop body reads the DMA side of a scatterlist entry.
bool readsDmaSide(ASTContext &ast, const Stmt *body) {
  struct Visitor : RecursiveASTVisitor<Visitor> {
    ASTContext &ast;
    bool found = false;
    explicit Visitor(ASTContext &a) : ast(a) {}
    bool VisitMemberExpr(MemberExpr *member) {
      auto name = member->getMemberDecl()->getName();
      std::string macro = macroNameAt(ast, member->getBeginLoc());
      if (name == "dma_address" || name == "dma_length" || macro == "sg_dma_address" || macro == "sg_dma_len")
        found = true;
      return !found;
    }
  } visitor(ast);
  visitor.TraverseStmt(const_cast<Stmt *>(body));
  return visitor.found;
}

}  // namespace

void SgNentsMismatchCheck::onStmt(FlowContext &ctx, const Stmt &stmt) {
  const auto *loop = dyn_cast<ForStmt>(&stmt);
  if (!loop || !loop->getCond() || macroNameAt(ctx.ast(), loop->getBeginLoc()) != "for_each_sg") return;
  const auto *cond = dyn_cast<BinaryOperator>(loop->getCond()->IgnoreParenImpCasts());
  if (!cond || (cond->getOpcode() != BO_LT && cond->getOpcode() != BO_LE)) return;
  std::string bound = ctx.keyOf(cond->getRHS());
  if (bound.empty() || !readsDmaSide(ctx.ast(), loop->getBody())) return;
  for (uint16_t id = 0; id < ctx.resources().size(); ++id) {
    const Resource &r = ctx.resources()[id];
    if (r.api->family != rules::ApiFamily::Sg || r.api->kind != rules::ApiKind::Map || r.nentsKey != bound) continue;
    if (!anyState(ctx.states(id), [](const TypeState &s) { return s.life == Life::Live; })) continue;
    ctx_.report("dma-sg-nents-mismatch", &stmt,
                "device programmed from " + bound + " scatterlist entries, the nents passed to " + r.api->name +
                    "(); walk the count it returned instead (an IOMMU may merge entries)",
                &ctx.function())
        .note(r.site->getBeginLoc(), creationNote(r));
  }
}

std::unique_ptr<Check> createSgNentsMismatchCheck(CheckContext &ctx) { return std::make_unique<SgNentsMismatchCheck>(ctx); }

}  // namespace dmacheck::analyzer
