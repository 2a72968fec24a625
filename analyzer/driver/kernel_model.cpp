#include "driver/kernel_model.h"

namespace dmacheck::analyzer {

bool modelProvides(std::string_view header) {
  for (const ModelHeader *h = kModelHeaders; h->path; ++h)
    if (header == h->path) return true;
  return false;
}

}  // namespace dmacheck::analyzer
