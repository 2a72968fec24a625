#pragma once

#include "core/check.h"

namespace dmacheck::analyzer {

// dma-gfp-zone: GFP_DMA/GFP_DMA32/__GFP_HIGHMEM/__GFP_COMP given to dma_alloc_*.
// The allocator picks the zone from the coherent DMA mask (dma-api.rst), so
// zone flags are ignored and __GFP_COMP is rejected. Flags are read from the
// source as written, so the check does not depend on the kernel's bit values.
class GfpZoneCheck : public Check {
 public:
  using Check::Check;
  std::vector<std::string_view> ruleIds() const override { return {"dma-gfp-zone"}; }
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;
};

}  // namespace dmacheck::analyzer
