#pragma once

#include "core/check.h"

namespace dmacheck::analyzer {

// dma-deprecated-api: calls to DMA API table rows that carry `deprecated:`
// (pci_map_single & co., dma_zalloc_coherent), a few removed helpers the
// table does not model (dma_cache_sync, virt_to_bus, bus_to_virt), and the
// removed DMA_ATTR_NON_CONSISTENT attribute, found by its spelling in the
// source since its value is just a bit.
class DeprecatedApiCheck : public Check {
 public:
  using Check::Check;
  std::vector<std::string_view> ruleIds() const override { return {"dma-deprecated-api"}; }
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;
};

}  // namespace dmacheck::analyzer
