// The built-in kernel model (analyzer/kernel_model/include), embedded in the
// binary and served from an in-memory file system.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dmacheck::analyzer {

struct ModelHeader {
  const char *path;     // relative to the model root: "linux/dma-mapping.h"
  const char *content;
};
extern const ModelHeader kModelHeaders[];  // terminated by {nullptr, nullptr}

// Virtual directories; they never exist on disk.
inline constexpr const char *kModelRoot = "/__dmacheck__/model";
inline constexpr const char *kUnresolvedRoot = "/__dmacheck__/unresolved";
inline constexpr const char *kModelPrelude = "dmacheck_model.h";

bool modelProvides(std::string_view header);

}  // namespace dmacheck::analyzer
