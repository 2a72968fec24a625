#include "checks/leak_on_error_path_check.h"

#include <clang/AST/Stmt.h>

#include "core/ast_helpers.h"

namespace dmacheck::analyzer {

using namespace clang;
using namespace flow;

void LeakOnErrorPathCheck::onReturn(FlowContext &ctx, const ReturnStmt &ret, bool constantError, bool returnsStatus) {
  if (!constantError && !returnsStatus) return;
  for (uint16_t id = 0; id < ctx.resources().size(); ++id) {
    const Resource &r = ctx.resources()[id];
    bool leaked = anyState(ctx.states(id), [&](const TypeState &s) {
      return s.life == Life::Live && !s.escaped && (constantError || s.status == Status::Negative);
    });
    if (!leaked) continue;
    std::string what = r.api->kind == rules::ApiKind::Map ? "mapping" : "allocation";
    std::string value = ret.getRetValue() ? sourceText(ctx.ast(), ret.getRetValue()->getSourceRange()) : "";
    ctx_.report("dma-leak-on-error-path", &ret,
                "DMA " + what + " is not released on this error path [function=" + r.api->name + "]" +
                    (value.empty() ? "" : " [returns " + value + "]"),
                &ctx.function())
        .note(r.site->getBeginLoc(), creationNote(r));
  }
}

std::unique_ptr<Check> createLeakOnErrorPathCheck(CheckContext &ctx) { return std::make_unique<LeakOnErrorPathCheck>(ctx); }

}  // namespace dmacheck::analyzer
