#pragma once

#include "core/check.h"
#include "flow/flow_check_support.h"

namespace dmacheck::analyzer {

// dma-leak-on-error-path: a mapping or coherent/pool allocation made in this
// function still live, not handed on (struct, list, return value) and not
// managed (dmam_*) when the function returns an error: a negative constant,
// ERR_PTR/NULL from a pointer function, or its status variable (ret/err) on
// the paths where it is negative. The engine follows goto unwind ladders; the
// status variable rides with each mapping's state, so "ret = -ENOMEM; goto
// err" and "if (ret) goto err_unmap" keep their meaning across joins.
class LeakOnErrorPathCheck : public Check, public flow::FlowObserver {
 public:
  using Check::Check;
  std::vector<std::string_view> ruleIds() const override { return {"dma-leak-on-error-path"}; }
  flow::FlowObserver *flowObserver() override { return this; }
  void onReturn(flow::FlowContext &ctx, const clang::ReturnStmt &ret, bool constantError, bool returnsStatus) override;
};

}  // namespace dmacheck::analyzer
