#include "checks/handle_as_cpu_address_check.h"

#include <clang/Lex/Lexer.h>

#include "checks/message_text.h"
#include "core/ast_helpers.h"

namespace dmacheck::analyzer {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

constexpr const char *kMessage = "DMA address used as a CPU address";

// Innermost-out: the first macro named in `names` that `loc` is expanded from.
std::string enclosingMacro(ASTContext &ast, SourceLocation loc, std::initializer_list<llvm::StringRef> names) {
  const SourceManager &sm = ast.getSourceManager();
  while (loc.isMacroID()) {
    llvm::StringRef name = Lexer::getImmediateMacroName(loc, sm, ast.getLangOpts());
    for (llvm::StringRef n : names)
      if (n == name) return name.str();
    loc = sm.getImmediateMacroCallerLoc(loc);
  }
  return {};
}

// `handle >> PAGE_SHIFT`: the dma_addr_t shifted, or null.
const Expr *shiftedHandle(ASTContext &ast, const Expr *e) {
  const auto *shift = dyn_cast<BinaryOperator>(e->IgnoreParenImpCasts());
  if (!shift || shift->getOpcode() != BO_Shr) return nullptr;
  const Expr *lhs = shift->getLHS()->IgnoreParenImpCasts();
  if (!hasDmaAddrType(lhs)) return nullptr;
  if (spellsIdentifier(ast, shift->getRHS(), "PAGE_SHIFT") || evaluateInt(shift->getRHS(), ast) == 12) return lhs;
  return nullptr;
}

}  // namespace

void HandleAsCpuAddressCheck::registerMatchers(MatchFinder &finder) {
  finder.addMatcher(callExpr(callee(functionDecl(hasAnyName("phys_to_virt", "bus_to_virt", "pfn_to_page",
                                                            "virt_to_page", "remap_pfn_range", "vmf_insert_pfn",
                                                            "io_remap_pfn_range", "vmf_insert_mixed"))
                                        .bind("fn")))
                        .bind("call"),
                    this);
  finder.addMatcher(cStyleCastExpr(isExpansionInMainFile()).bind("cast"), this);
}

void HandleAsCpuAddressCheck::check(const MatchFinder::MatchResult &result) {
  ASTContext &ast = *result.Context;
  if (const auto *cast = result.Nodes.getNodeAs<CStyleCastExpr>("cast")) {
    const Expr *sub = cast->getSubExpr()->IgnoreParenImpCasts();
    // Only a direct cast: `(void *)(unsigned long)dma` is how drivers hand
    // the number to pointer-typed helpers (e1000's 64 KiB boundary check, %p).
    if (!hasDmaAddrType(sub)) return;
    std::string text = compactSource(ast, sub);
    if (cast->getType()->isPointerType()) {
      std::string va = enclosingMacro(ast, cast->getBeginLoc(), {"__va"});
      ctx_.report("dma-handle-as-cpu-address", cast,
                  std::string(kMessage) + " [value=" + text + "] [" +
                      (va.empty() ? "cast to " + cast->getType().getAsString() : "function=__va") +
                      "]: the CPU address is the one returned with the mapping or allocation");
      return;
    }
    // __va(x) is ((void *)((unsigned long)(x) + PAGE_OFFSET)): the handle
    // meets the integer cast first.
    if (!enclosingMacro(ast, cast->getBeginLoc(), {"__va"}).empty())
      ctx_.report("dma-handle-as-cpu-address", cast,
                  std::string(kMessage) + " [value=" + text +
                      "] [function=__va]: the CPU address is the one returned with the mapping or allocation");
    return;
  }
  const auto *call = result.Nodes.getNodeAs<CallExpr>("call");
  std::string name(calleeName(*call));
  bool takesPfn = name == "remap_pfn_range" || name == "io_remap_pfn_range" || name == "vmf_insert_pfn" ||
                  name == "vmf_insert_mixed" || name == "pfn_to_page";
  unsigned pfnArg = name == "pfn_to_page" ? 0 : 2;
  if (takesPfn && pfnArg < call->getNumArgs()) {
    if (const Expr *handle = shiftedHandle(ast, call->getArg(pfnArg))) {
      ctx_.report("dma-handle-as-cpu-address", call->getArg(pfnArg),
                  std::string(kMessage) + " [value=" + compactSource(ast, handle) +
                      "] [function=" + name +
                      "]: a DMA address shifted by PAGE_SHIFT is not a page frame number; use dma_mmap_coherent()");
      return;
    }
  }
  if (name == "remap_pfn_range" || name == "io_remap_pfn_range" || name == "vmf_insert_pfn" ||
      name == "vmf_insert_mixed" || call->getNumArgs() == 0)
    return;
  // Explicit pointer casts are reported by the cast matcher.
  const Expr *arg = call->getArg(0)->IgnoreParenImpCasts();
  if (!hasDmaAddrType(arg)) return;
  ctx_.report("dma-handle-as-cpu-address", call->getArg(0),
              std::string(kMessage) + " [value=" + compactSource(ast, arg) + "] [function=" + name +
                  "]: the CPU address is the one returned with the mapping or allocation");
}

std::unique_ptr<Check> createHandleAsCpuAddressCheck(CheckContext &ctx) {
  return std::make_unique<HandleAsCpuAddressCheck>(ctx);
}

}  // namespace dmacheck::analyzer
