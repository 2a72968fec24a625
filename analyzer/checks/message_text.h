// Source text for finding messages: one line, bounded length. Header-only,
// for checks (clang headers are fine inside analyzer/).
#pragma once

#include <clang/AST/Expr.h>

#include <cctype>
#include <string>

#include "core/ast_helpers.h"

namespace dmacheck::analyzer {

// `expr` as written, whitespace runs collapsed to one space (arguments span
// lines in real drivers) and cut to `maxLength` characters with "...".
inline std::string compactSource(clang::ASTContext &ast, const clang::Expr *expr, size_t maxLength = 60) {
  std::string text = sourceText(ast, expr->getSourceRange());
  std::string out;
  for (char c : text) {
    if (isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() > maxLength) out = out.substr(0, maxLength) + "...";
  return out;
}

}  // namespace dmacheck::analyzer
