#include "flow/flow_check_support.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>

#include "core/ast_helpers.h"

namespace dmacheck::analyzer::flow {

std::optional<int> constantDirection(clang::ASTContext &ast, const clang::Expr *dir) {
  if (!dir) return std::nullopt;
  auto value = evaluateInt(dir, ast);
  if (!value || *value < 0 || *value > 3) return std::nullopt;
  return int(*value);
}

std::string directionName(int dir) {
  switch (dir) {
    case 0: return "DMA_BIDIRECTIONAL";
    case 1: return "DMA_TO_DEVICE";
    case 2: return "DMA_FROM_DEVICE";
    case 3: return "DMA_NONE";
  }
  return "unknown";
}

std::string mappingTypeName(rules::ApiFamily family) {
  switch (family) {
    case rules::ApiFamily::Single: return "single";
    case rules::ApiFamily::Page: return "page";
    case rules::ApiFamily::Sg: return "scather-gather";  // sic, as kernel/dma/debug.c spells it
    case rules::ApiFamily::SgTable: return "sg table";
    case rules::ApiFamily::Coherent: return "coherent";
    case rules::ApiFamily::Wc: return "write-combined";
    case rules::ApiFamily::Resource: return "resource";
    case rules::ApiFamily::NonCoherent: return "noncoherent";
    case rules::ApiFamily::Pages: return "pages";
    case rules::ApiFamily::NonContiguous: return "noncontiguous";
    case rules::ApiFamily::Pool: return "pool";
    case rules::ApiFamily::None: return "unknown";
  }
  return "unknown";
}

std::string creationNote(const Resource &resource) {
  return (resource.api->kind == rules::ApiKind::Map ? "mapped here with " : "allocated here with ") +
         resource.api->name + "()";
}

}  // namespace dmacheck::analyzer::flow
