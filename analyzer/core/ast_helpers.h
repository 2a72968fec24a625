// Small AST questions many checks ask.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class FunctionDecl;
class QualType;
class SourceRange;
class Stmt;
}  // namespace clang

namespace dmacheck::rules {
class DmaApiTable;
struct ApiFunction;
}  // namespace dmacheck::rules

namespace dmacheck::analyzer {

const clang::FunctionDecl *enclosingFunction(clang::ASTContext &ast, const clang::Stmt &stmt);
// The name of the called function ("" for calls through pointers).
std::string_view calleeName(const clang::CallExpr &call);
// The DMA API table row of a call, named as the driver wrote it: with the real
// kernel headers `dma_unmap_single(d, a, s, r)` is a macro for
// dma_unmap_single_attrs(d, a, s, r, 0), and messages and baseline keys must
// say dma_unmap_single whatever the header version. So the outermost macro
// around the callee that has a row of its own, of the same kind and family and
// with its arguments where the called function has them, stands in for the
// function's row. Null when the callee has no row. `ast` may be null (no
// macro information: the callee's row).
const rules::ApiFunction *apiRowForCall(const rules::DmaApiTable &api, const clang::ASTContext *ast,
                                        const clang::CallExpr &call);
// Strips parentheses and all casts.
const clang::Expr *stripCasts(const clang::Expr *expr);
// True when the type, through its typedef sugar, is spelled `name` (e.g. dma_addr_t).
bool isTypedefNamed(clang::QualType type, std::string_view name);
// True when `expr` (under implicit casts) has a type spelled dma_addr_t.
bool hasDmaAddrType(const clang::Expr *expr);
std::optional<int64_t> evaluateInt(const clang::Expr *expr, clang::ASTContext &ast);
// The source text of a range as written in the main file (macro uses, not expansions).
std::string sourceText(clang::ASTContext &ast, clang::SourceRange range);
// Identifiers spelled in the source text of `expr` (macro names included).
bool spellsIdentifier(clang::ASTContext &ast, const clang::Expr *expr, std::string_view identifier);
// Name of the outermost macro `loc` is expanded from, "" when none.
std::string macroNameAt(clang::ASTContext &ast, clang::SourceLocation loc);

}  // namespace dmacheck::analyzer
