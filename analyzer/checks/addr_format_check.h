#pragma once

#include "core/check.h"

namespace dmacheck::analyzer {

// dma-addr-format: a dma_addr_t given to a printf-like function (FormatAttr:
// printk, _dev_err, seq_printf...) for an integer conversion (%x, %llx, %u...)
// or for %pa/%pap, or given by value to %pad. printk-formats.rst: dma_addr_t
// is printed with %pad and a pointer to it. The format literal is parsed here
// (flags, width, precision, length, kernel %p extensions) so every conversion
// is paired with its argument.
class AddrFormatCheck : public Check {
 public:
  using Check::Check;
  std::vector<std::string_view> ruleIds() const override { return {"dma-addr-format"}; }
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;
};

}  // namespace dmacheck::analyzer
