#pragma once

#include <memory>
#include <vector>

#include "core/check.h"

namespace dmacheck::analyzer {

// Every check with at least one enabled rule, in registry order.
std::vector<std::unique_ptr<Check>> createEnabledChecks(CheckContext &ctx);

}  // namespace dmacheck::analyzer
