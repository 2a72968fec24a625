#include "checks/coherent_virt_to_page_check.h"

#include <clang/AST/Expr.h>

#include "core/ast_helpers.h"
#include "flow/flow_engine.h"

namespace dmacheck::analyzer {

using namespace clang;
using flow::Role;
using flow::ValueRef;
using rules::ApiFamily;

class CoherentVirtToPageCheck::Observer : public flow::FlowObserver {
 public:
  explicit Observer(CheckContext &ctx) : ctx_(ctx) {}

  void onStmt(flow::FlowContext &flow, const Stmt &stmt) override {
    const auto *call = dyn_cast<CallExpr>(&stmt);
    if (!call || call->getNumArgs() != 1) return;
    std::string_view name = calleeName(*call);
    if (name != "virt_to_page" && name != "vmalloc_to_page") return;
    for (const ValueRef &v : flow.valuesOf(call->getArg(0))) {
      if (v.kind != ValueRef::kResource || v.role != Role::Cpu || v.id >= flow.resources().size()) continue;
      const flow::Resource &res = flow.resources()[v.id];
      if (!res.api || (res.api->family != ApiFamily::Coherent && res.api->family != ApiFamily::Wc)) continue;
      ctx_.report("dma-coherent-virt-to-page", call,
                  "virt_to_page() on memory from dma_alloc_coherent() [function=" + std::string(name) +
                      "] [allocated by=" + res.api->name +
                      "]: the CPU address may be vmapped; use dma_mmap_coherent() to map it to user space",
                  &flow.function())
          .note(res.site->getBeginLoc(), "allocated here");
      return;
    }
  }

 private:
  CheckContext &ctx_;
};

CoherentVirtToPageCheck::CoherentVirtToPageCheck(CheckContext &ctx)
    : Check(ctx), observer_(std::make_unique<Observer>(ctx)) {}
CoherentVirtToPageCheck::~CoherentVirtToPageCheck() = default;
flow::FlowObserver *CoherentVirtToPageCheck::flowObserver() { return observer_.get(); }

std::unique_ptr<Check> createCoherentVirtToPageCheck(CheckContext &ctx) {
  return std::make_unique<CoherentVirtToPageCheck>(ctx);
}

}  // namespace dmacheck::analyzer
