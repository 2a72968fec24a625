#pragma once

#include <vector>

#include "core/check.h"

namespace clang {
class Expr;
}

namespace dmacheck::analyzer {

// dma-addr-truncation: a dma_addr_t value (by type spelling, so it does not
// depend on the model's dma_addr_t width) converted to an integer of 32 bits
// or fewer, implicitly (assignment, initialisation, argument, return) or with
// an explicit cast. Not flagged: conversions inside lower_32_bits() /
// upper_32_bits() (the documented split), bit selection on the handle
// (`(u32)(dma >> 32)`, `dma & 0xfff`) — `dma + offset` is still an address —
// and files whose every DMA mask setter asks for 32 bits or fewer: such a
// device never gets an address above 4 GiB (pcnet32, tulip, bttv), so the
// whole file is matched at the end of the translation unit.
class AddrTruncationCheck : public Check {
 public:
  using Check::Check;
  std::vector<std::string_view> ruleIds() const override { return {"dma-addr-truncation"}; }
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;
  void onEndOfTranslationUnit(clang::ASTContext &ast) override;

 private:
  void addMatchers(clang::ast_matchers::MatchFinder &finder);
  struct Pending {
    const clang::Expr *at;
    std::string message;
  };
  std::vector<Pending> pending_;
  bool sawMask_ = false;      // a dma_set_mask() & co. call in this file
  bool onlyNarrow_ = true;    // every one of them asks for <= 32 bits
};

}  // namespace dmacheck::analyzer
