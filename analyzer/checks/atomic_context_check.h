#pragma once

#include <memory>

#include "core/check.h"

namespace dmacheck::analyzer {

// dma-free-irqs-disabled: dma_free_coherent() & co. (table kind free, every
// family but pool) where interrupts are disabled on every path: inside
// spin_lock_irqsave/spin_lock_irq/local_irq_disable regions, or in a function
// registered as a hard-IRQ handler in the same file. The free may vunmap and
// sleep (kernel/dma/mapping.c warns "WARN_ON(irqs_disabled())").
// dma_pool_free() is allowed in atomic context and not flagged.
//
// dma-alloc-atomic-gfp: dma_alloc_* / dma_pool_alloc with a sleeping GFP
// spelled in its gfp argument (GFP_KERNEL, GFP_NOIO, ...) where the flow
// engine says the function is atomic on every path (spinlock, IRQs off,
// preempt/bh off) or is a hard-IRQ handler. A gfp variable is not judged.
class AtomicContextCheck : public Check {
 public:
  explicit AtomicContextCheck(CheckContext &ctx);
  ~AtomicContextCheck() override;
  std::vector<std::string_view> ruleIds() const override {
    return {"dma-free-irqs-disabled", "dma-alloc-atomic-gfp"};
  }
  flow::FlowObserver *flowObserver() override;

 private:
  class Observer;
  std::unique_ptr<Observer> observer_;
};

}  // namespace dmacheck::analyzer
