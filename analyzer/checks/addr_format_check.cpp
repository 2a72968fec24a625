#include "checks/addr_format_check.h"

#include <clang/AST/Attr.h>

#include "checks/message_text.h"
#include "core/ast_helpers.h"

namespace dmacheck::analyzer {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

// One conversion of a format string and the argument slots it consumes.
struct Conversion {
  std::string spec;      // as written: "%08llx", "%pad"
  char conversion = 0;   // 'x', 'p', ...
  std::string extension; // kernel %p extension: "ad", "a", "S"
  unsigned starArgs = 0; // '*' width/precision arguments before the value
};

// Parses a printf format as vsprintf.c does; %% consumes nothing.
std::vector<Conversion> parseFormat(llvm::StringRef format) {
  std::vector<Conversion> out;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    size_t start = i++;
    if (i < format.size() && format[i] == '%') continue;
    Conversion c;
    while (i < format.size() && llvm::StringRef("-+ #0").contains(format[i])) ++i;
    if (i < format.size() && format[i] == '*') ++c.starArgs, ++i;
    while (i < format.size() && isdigit(static_cast<unsigned char>(format[i]))) ++i;
    if (i < format.size() && format[i] == '.') {
      ++i;
      if (i < format.size() && format[i] == '*') ++c.starArgs, ++i;
      while (i < format.size() && isdigit(static_cast<unsigned char>(format[i]))) ++i;
    }
    while (i < format.size() && llvm::StringRef("hlLqjzt").contains(format[i])) ++i;
    if (i >= format.size()) break;
    c.conversion = format[i];
    if (c.conversion == 'p') {
      size_t ext = i + 1;
      while (ext < format.size() && isalnum(static_cast<unsigned char>(format[ext]))) ++ext;
      c.extension = format.substr(i + 1, ext - i - 1).str();
      i = ext - 1;
    }
    c.spec = format.substr(start, i + 1 - start).str();
    out.push_back(c);
  }
  return out;
}

bool isIntegerConversion(char c) { return llvm::StringRef("diouxXc").contains(c); }

// The dma_addr_t an argument points to (&handle, &priv->dma), or null.
bool pointsToDmaAddr(const Expr *arg) {
  QualType type = arg->IgnoreParenImpCasts()->getType();
  return type->isPointerType() && isTypedefNamed(type->getPointeeType(), "dma_addr_t");
}

}  // namespace

void AddrFormatCheck::registerMatchers(MatchFinder &finder) {
  finder.addMatcher(callExpr(callee(functionDecl(hasAttr(attr::Format)).bind("fn"))).bind("call"), this);
}

void AddrFormatCheck::check(const MatchFinder::MatchResult &result) {
  const auto *call = result.Nodes.getNodeAs<CallExpr>("call");
  const auto *fn = result.Nodes.getNodeAs<FunctionDecl>("fn");
  const auto *attr = fn->getAttr<FormatAttr>();
  if (!attr || attr->getFirstArg() == 0) return;  // vprintk-style: no arguments to check
  unsigned formatIndex = unsigned(attr->getFormatIdx()) - 1;
  unsigned nextArg = unsigned(attr->getFirstArg()) - 1;
  if (formatIndex >= call->getNumArgs()) return;
  const auto *literal = dyn_cast<StringLiteral>(stripCasts(call->getArg(formatIndex)));
  if (!literal || literal->getCharByteWidth() != 1) return;

  for (const Conversion &c : parseFormat(literal->getString())) {
    nextArg += c.starArgs;
    if (nextArg >= call->getNumArgs()) return;
    const Expr *arg = call->getArg(nextArg++);
    std::string argText = compactSource(*result.Context, arg);
    std::string details = " [format=" + c.spec + "] [argument=" + argText + "] [function=" +
                          fn->getNameAsString() + "]";
    if (isIntegerConversion(c.conversion) && hasDmaAddrType(arg)) {
      ctx_.report("dma-addr-format", arg,
                  "dma_addr_t printed with an integer format instead of %pad" + details +
                      ": dma_addr_t may be 32 or 64 bits; print it with %pad and &" + argText);
    } else if (c.conversion == 'p' && hasDmaAddrType(arg)) {
      ctx_.report("dma-addr-format", arg,
                  "dma_addr_t printed with an integer format instead of %pad" + details + ": " + c.spec +
                      " takes a pointer to the value; pass &" + argText + " to %pad");
    } else if (c.conversion == 'p' && (c.extension == "a" || c.extension == "ap") && pointsToDmaAddr(arg)) {
      ctx_.report("dma-addr-format", arg,
                  "dma_addr_t printed with an integer format instead of %pad" + details +
                      ": %pa prints a phys_addr_t, which may differ in size from dma_addr_t; use %pad");
    }
  }
}

std::unique_ptr<Check> createAddrFormatCheck(CheckContext &ctx) { return std::make_unique<AddrFormatCheck>(ctx); }

}  // namespace dmacheck::analyzer
