// The translation-unit-wide view of struct fields that hold DMA mappings: the
// common driver shape maps in one function (xmit, rx refill) and unmaps in
// another (completion, clean), through the same field (buffer_info->dma).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "dmacheck/rules/dma_api.h"

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class FieldDecl;
class FunctionDecl;
}  // namespace clang

namespace dmacheck::analyzer::flow {

struct FieldMapping {
  const clang::CallExpr *site = nullptr;
  const rules::ApiFunction *api = nullptr;
  const clang::FunctionDecl *function = nullptr;
  std::optional<int64_t> size;
  std::optional<int> dir;
};

struct FieldRelease {  // an unmap, free or sync whose handle (or cpu address) is a field
  const clang::CallExpr *call = nullptr;
  const rules::ApiFunction *api = nullptr;
  const clang::FunctionDecl *function = nullptr;
  const clang::FieldDecl *field = nullptr;
  std::optional<int64_t> size;
  std::optional<int> dir;
};

class FieldSummary {
 public:
  static FieldSummary collect(clang::ASTContext &ast, const rules::DmaApiTable &api);
  const std::vector<FieldMapping> *mappingsOf(const clang::FieldDecl *field) const;
  const std::vector<FieldRelease> &releases() const { return releases_; }
  // Releases in a function that maps nothing into that field: the flow engine
  // cannot see their mapping, the summary can.
  bool mappedInSameFunction(const FieldRelease &release) const;
  // True when the field is also assigned something that is not a map or
  // allocation call (a local holding a pool handle, another field): its
  // mappings are then not all known.
  bool hasOtherStores(const clang::FieldDecl *field) const { return otherStores_.count(field) != 0; }

 private:
  std::map<const clang::FieldDecl *, std::vector<FieldMapping>> mappings_;
  std::vector<FieldRelease> releases_;
  std::set<const clang::FieldDecl *> otherStores_;
};

}  // namespace dmacheck::analyzer::flow
