#pragma once

#include <memory>

#include "core/check.h"

namespace dmacheck::analyzer {

// dma-mapping-error-compare: the failure of a streaming mapping tested the
// wrong way.
//  * A dma_addr_t from dma_map_single/page(_attrs)/skb_frag_dma_map/
//    dma_map_resource (the flow engine's Role::Handle of a Map resource)
//    compared with 0/NULL, negated (`!dma`) or used as a truth value
//    (`if (dma)`): zero is a valid DMA address and failure is
//    DMA_MAPPING_ERROR, which only dma_mapping_error() tests.
//  * A dma_map_sg() count (Role::SgCount) tested with `< 0` (or `0 > n`): it
//    returns 0 on failure, never a negative value. `<= 0`, `== 0`, `!n` are
//    correct.
// Handles of coherent/pool allocations and CPU pointers are not flagged: for
// them the NULL CPU pointer is the failure indication. Only direct values are
// judged; `dma & 3` (alignment) or `dma + len == end` are arithmetic.
class MappingErrorCompareCheck : public Check {
 public:
  explicit MappingErrorCompareCheck(CheckContext &ctx);
  ~MappingErrorCompareCheck() override;
  std::vector<std::string_view> ruleIds() const override { return {"dma-mapping-error-compare"}; }
  flow::FlowObserver *flowObserver() override;

 private:
  class Observer;
  std::unique_ptr<Observer> observer_;
};

}  // namespace dmacheck::analyzer
