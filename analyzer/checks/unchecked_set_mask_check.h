#pragma once

#include "core/check.h"

namespace dmacheck::analyzer {

// dma-unchecked-set-mask: the status of dma_set_mask() & co. (table kind
// `mask`) thrown away. The call is flagged only when it is a statement of its
// own (its value unused); `(void)dma_set_mask(...)` is a deliberate discard and
// any other use (if, assignment, WARN_ON, return) counts as checked. Putting
// back a mask saved from dma_get_mask()/dev->dma_mask on an unwind path is
// not flagged: the platform accepted that mask before.
class UncheckedSetMaskCheck : public Check {
 public:
  using Check::Check;
  std::vector<std::string_view> ruleIds() const override { return {"dma-unchecked-set-mask"}; }
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;

 private:
  static bool restoresSavedMask(clang::ASTContext &ast, const clang::CallExpr &call);
};

}  // namespace dmacheck::analyzer
