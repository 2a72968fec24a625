#include "checks/virt_to_phys_check.h"

#include <clang/AST/Expr.h>
#include <clang/Lex/Lexer.h>

#include "checks/message_text.h"
#include "core/ast_helpers.h"
#include "flow/flow_engine.h"

namespace dmacheck::analyzer {

using namespace clang;
using flow::Origin;
using flow::Role;
using flow::ValueRef;
using flow::ValueSet;

namespace {

constexpr const char *kMessage = "CPU physical address given to the device instead of a DMA address";

bool hasPhysAddr(const ValueSet &values) {
  for (const ValueRef &v : values)
    if (v.kind == ValueRef::kOrigin && v.origin == Origin::PhysAddr) return true;
  return false;
}

// The argument of a virt_to_phys-like conversion at `stmt`, with the name as
// written; null when `stmt` is none. __pa(x) is a macro over integer
// arithmetic in the kernel (and the model): its `(unsigned long)(x)` cast,
// written in the macro body, carries the argument.
const Expr *physConversionArg(ASTContext &ast, const Stmt &stmt, std::string &name) {
  if (const auto *call = dyn_cast<CallExpr>(&stmt)) {
    std::string_view callee = calleeName(*call);
    if ((callee == "virt_to_phys" || callee == "virt_to_bus" || callee == "__phys_addr") && call->getNumArgs() == 1) {
      std::string macro = macroNameAt(ast, call->getBeginLoc());
      name = macro == "__pa" || macro == "__pa_symbol" ? macro : std::string(callee);
      return call->getArg(0);
    }
    return nullptr;
  }
  const auto *cast = dyn_cast<CStyleCastExpr>(&stmt);
  if (!cast || !cast->getType()->isIntegerType()) return nullptr;
  const SourceManager &sm = ast.getSourceManager();
  SourceLocation loc = cast->getBeginLoc();
  // The macro may itself sit in another macro's argument: cpu_to_le64(__pa(p)).
  while (loc.isMacroID() && sm.isMacroArgExpansion(loc)) loc = sm.getImmediateSpellingLoc(loc);
  if (!loc.isMacroID()) return nullptr;
  llvm::StringRef macro = Lexer::getImmediateMacroName(loc, sm, ast.getLangOpts());
  if (macro != "__pa" && macro != "__pa_symbol") return nullptr;
  // The only cast in __pa's body is the one of its parameter.
  name = macro.str();
  return cast->getSubExpr()->IgnoreParens();
}

}  // namespace

class VirtToPhysCheck::Observer : public flow::FlowObserver {
 public:
  explicit Observer(CheckContext &ctx) : ctx_(ctx) {}

  // (b) the physical address of DMA memory.
  void onStmt(flow::FlowContext &flow, const Stmt &stmt) override {
    std::string name;
    const Expr *arg = physConversionArg(flow.ast(), stmt, name);
    if (!arg) return;
    for (const ValueRef &v : flow.valuesOf(arg)) {
      if (v.kind != ValueRef::kResource || (v.role != Role::Cpu && v.role != Role::CpuBuf)) continue;
      if (v.id >= flow.resources().size()) continue;
      const flow::Resource &res = flow.resources()[v.id];
      ctx_.report("dma-virt-to-phys", &stmt,
                  std::string(kMessage) + " [function=" + name + "] [memory from=" + res.api->name +
                      "]: the device and user mappings need the DMA API's view of this memory (the dma_addr_t, "
                      "dma_mmap_coherent())",
                  &flow.function())
          .note(res.site->getBeginLoc(), v.role == Role::Cpu ? "allocated here" : "mapped here");
      return;
    }
  }

  // (a) a physical address handed to the device.
  void onUse(flow::FlowContext &flow, const Expr &site, flow::UseKind kind, const ValueSet &values) override {
    if (kind != flow::UseKind::HandToDevice || !hasPhysAddr(values)) return;
    ctx_.report("dma-virt-to-phys", &site,
                std::string(kMessage) + " [use=" + whereTo(flow, site) +
                    "]: map the buffer with dma_map_single() or allocate it with dma_alloc_coherent() and give "
                    "the device the dma_addr_t",
                &flow.function());
  }

  void onApiCall(flow::FlowContext &flow, const CallExpr &call, const rules::ApiFunction &api, int) override {
    bool sync = api.kind == rules::ApiKind::SyncForCpu || api.kind == rules::ApiKind::SyncForDevice;
    if (!sync || api.args.handle < 0 || unsigned(api.args.handle) >= call.getNumArgs()) return;
    const Expr *handle = call.getArg(api.args.handle);
    if (!hasPhysAddr(flow.valuesOf(handle))) return;
    ctx_.report("dma-virt-to-phys", handle,
                std::string(kMessage) + " [function=" + api.name +
                    "]: dma_sync_* takes the dma_addr_t the mapping returned",
                &flow.function());
  }

 private:
  static std::string whereTo(flow::FlowContext &flow, const Expr &site) {
    // The engine reports a register write at the value argument and a
    // descriptor store at the assignment.
    if (const auto *assign = dyn_cast<BinaryOperator>(&site); assign && assign->isAssignmentOp())
      return "descriptor field " + compactSource(flow.ast(), assign->getLHS());
    return "register write";
  }

  CheckContext &ctx_;
};

VirtToPhysCheck::VirtToPhysCheck(CheckContext &ctx) : Check(ctx), observer_(std::make_unique<Observer>(ctx)) {}
VirtToPhysCheck::~VirtToPhysCheck() = default;
flow::FlowObserver *VirtToPhysCheck::flowObserver() { return observer_.get(); }

std::unique_ptr<Check> createVirtToPhysCheck(CheckContext &ctx) { return std::make_unique<VirtToPhysCheck>(ctx); }

}  // namespace dmacheck::analyzer
