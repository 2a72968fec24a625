// Small helpers the flow checks share: naming resources and directions in
// messages the way dma-debug does.
#pragma once

#include <optional>
#include <string>

#include "flow/flow_engine.h"

namespace dmacheck::analyzer::flow {

// DMA_TO_DEVICE... for a constant direction argument; nullopt when unknown.
std::optional<int> constantDirection(clang::ASTContext &ast, const clang::Expr *dir);
std::string directionName(int dir);  // "DMA_TO_DEVICE"
// dma-debug's names of mapping types: "single", "page", "scather-gather", "coherent", ...
std::string mappingTypeName(rules::ApiFamily family);
// "mapped here" / "allocated here" for a resource's note.
std::string creationNote(const Resource &resource);

// Tracks which (function, key) pairs a check already reported, so a check
// reports each resource once per function.
class ReportedOnce {
 public:
  bool first(const clang::FunctionDecl *fn, const void *what) {
    if (fn != fn_) {
      fn_ = fn;
      seen_.clear();
    }
    return seen_.insert(what).second;
  }

 private:
  const clang::FunctionDecl *fn_ = nullptr;
  std::set<const void *> seen_;
};

}  // namespace dmacheck::analyzer::flow
