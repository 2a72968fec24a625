#include "core/check_registry.h"

namespace dmacheck::analyzer {

// Each check's .cpp defines its factory; checks/all_checks.def lists them.
#define DMACHECK_CHECK(Name) std::unique_ptr<Check> create##Name(CheckContext &ctx);
#include "checks/all_checks.def"
#undef DMACHECK_CHECK

std::vector<std::unique_ptr<Check>> createEnabledChecks(CheckContext &ctx) {
  std::vector<std::unique_ptr<Check>> checks;
  auto add = [&](std::unique_ptr<Check> check) {
    for (auto id : check->ruleIds()) {
      if (ctx.isEnabled(id)) {
        checks.push_back(std::move(check));
        return;
      }
    }
  };
#define DMACHECK_CHECK(Name) add(create##Name(ctx));
#include "checks/all_checks.def"
#undef DMACHECK_CHECK
  return checks;
}

}  // namespace dmacheck::analyzer
