#include "checks/atomic_context_check.h"

#include "core/ast_helpers.h"
#include "flow/flow_engine.h"

namespace dmacheck::analyzer {

using namespace clang;
using rules::ApiFamily;
using rules::ApiKind;

class AtomicContextCheck::Observer : public flow::FlowObserver {
 public:
  explicit Observer(CheckContext &ctx) : ctx_(ctx) {}

  void onApiCall(flow::FlowContext &flow, const CallExpr &call, const rules::ApiFunction &api, int) override {
    if (api.kind == ApiKind::Free && api.family != ApiFamily::Pool) checkFree(flow, call, api);
    if (api.kind == ApiKind::Alloc && api.args.gfp >= 0 && unsigned(api.args.gfp) < call.getNumArgs())
      checkAlloc(flow, call, api);
  }

 private:
  void checkFree(flow::FlowContext &flow, const CallExpr &call, const rules::ApiFunction &api) {
    std::string context;
    if (flow.isHardIrqHandler()) context = "hard-IRQ handler";
    else if (flow.irqsMustBeDisabled()) context = "interrupts disabled by spin_lock_irqsave/spin_lock_irq/local_irq_*";
    else return;
    ctx_.report("dma-free-irqs-disabled", &call,
                "dma_free_coherent() called with interrupts disabled [function=" + api.name + "] [context=" + context +
                    "]: it may sleep; free after the lock is dropped or defer to process context",
                &flow.function());
  }

  void checkAlloc(flow::FlowContext &flow, const CallExpr &call, const rules::ApiFunction &api) {
    std::string context;
    if (flow.isHardIrqHandler()) context = "hard-IRQ handler";
    else if (flow.irqsMustBeDisabled()) context = "interrupts disabled";
    else if (flow.mustBeAtomic()) context = "spinlock held or preemption disabled";
    else return;
    const Expr *gfp = call.getArg(api.args.gfp);
    static const char *const kSleeping[] = {"GFP_KERNEL", "GFP_NOIO", "GFP_NOFS", "GFP_USER",
                                            "GFP_HIGHUSER", "GFP_HIGHUSER_MOVABLE", "__GFP_DIRECT_RECLAIM"};
    for (const char *flag : kSleeping) {
      if (!spellsIdentifier(flow.ast(), gfp, flag)) continue;
      ctx_.report("dma-alloc-atomic-gfp", gfp,
                  "sleeping DMA allocation in atomic context [function=" + api.name + "] [flag=" + flag +
                      "] [context=" + context + "]: use GFP_ATOMIC or allocate before taking the lock",
                  &flow.function());
      return;
    }
  }

  CheckContext &ctx_;
};

AtomicContextCheck::AtomicContextCheck(CheckContext &ctx) : Check(ctx), observer_(std::make_unique<Observer>(ctx)) {}
AtomicContextCheck::~AtomicContextCheck() = default;
flow::FlowObserver *AtomicContextCheck::flowObserver() { return observer_.get(); }

std::unique_ptr<Check> createAtomicContextCheck(CheckContext &ctx) {
  return std::make_unique<AtomicContextCheck>(ctx);
}

}  // namespace dmacheck::analyzer
