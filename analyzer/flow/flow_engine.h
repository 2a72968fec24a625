// The intra-procedural DMA flow engine.
//
// One forward dataflow over clang::CFG per function. The abstract state holds
//  * bindings: lvalue key ("dma", "priv->rx_dma", "bufs[*]") -> the values it
//    may hold (DMA resources in a role, or pointer origins);
//  * per resource (one per mapping/allocation call site) the SET of concrete
//    typestates it may be in. Keeping a set of whole tuples, not one set per
//    dimension, keeps "the map failed" correlated with "ret is negative", which
//    is what makes goto unwind ladders precise;
//  * the IRQ-off / atomic nesting depths that may hold.
//
// Typestate of one mapping (a tuple; the engine keeps a set of them):
//
//          map/alloc                 dma_mapping_error(h) true / !ptr
//   ───────────────► Live,unchecked ───────────────────────────────► Failed
//                      │  dma_mapping_error(h) false
//                      ▼
//                    Live,checked   owner: device ⇄ cpu (sync_for_cpu / sync_for_device)
//                      │            cpuWrote: CPU stored into the buffer since it owned it
//                      │  unmap/free                  escaped: stored where the function
//                      ▼                              no longer owns it (struct, list, return)
//                    Released
//
// The function's status variable (the local most returns return: ret/err/rc)
// rides in the same tuple as Zero/Negative/Unknown, so "return ret" is an
// error return exactly on the paths where ret is negative.
//
// The engine first iterates to a fixpoint silently, then walks every
// reachable block once more and tells the FlowObservers (the flow checks) what
// happens, with the state just before each event.
#pragma once

#include <bitset>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "dmacheck/rules/dma_api.h"

namespace clang {
class ASTContext;
class CallExpr;
class CFG;
class Expr;
class FunctionDecl;
class ReturnStmt;
class Stmt;
}  // namespace clang

namespace dmacheck::analyzer {
class CheckContext;
}

namespace dmacheck::analyzer::flow {

// ---------------------------------------------------------------------------
// Typestate tuples
// ---------------------------------------------------------------------------
enum class Life : uint8_t { Live = 0, Released = 1, Failed = 2 };
enum class Owner : uint8_t { Device = 0, Cpu = 1 };
enum class Status : uint8_t { Zero = 0, Negative = 1, Unknown = 2 };

struct TypeState {
  Life life = Life::Live;
  bool checked = false;
  Owner owner = Owner::Device;
  bool escaped = false;
  bool cpuWrote = false;
  Status status = Status::Unknown;

  static constexpr unsigned kCount = 3 * 2 * 2 * 2 * 2 * 3;
  unsigned index() const;
  static TypeState fromIndex(unsigned index);
};
using StateSet = std::bitset<TypeState::kCount>;

// True when some / every state in `set` satisfies `pred`.
template <typename Pred>
bool anyState(const StateSet &set, Pred pred) {
  for (unsigned i = 0; i < TypeState::kCount; ++i)
    if (set.test(i) && pred(TypeState::fromIndex(i))) return true;
  return false;
}
template <typename Pred>
bool allStates(const StateSet &set, Pred pred) {
  return set.any() && !anyState(set, [&](const TypeState &s) { return !pred(s); });
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------
// One DMA mapping or allocation call site of the function.
struct Resource {
  const clang::CallExpr *site = nullptr;
  const rules::ApiFunction *api = nullptr;
  const clang::Expr *sizeArg = nullptr;
  const clang::Expr *dirArg = nullptr;
  const clang::Expr *nentsArg = nullptr;
  std::string nentsKey;  // dma_map_sg: key of the nents argument
};

// What a key's value is, relative to a resource.
enum class Role : uint8_t {
  Handle,   // the dma_addr_t
  Cpu,      // the CPU address of coherent/noncoherent/pool memory
  CpuBuf,   // the CPU buffer a streaming mapping covers (dma_map_single's ptr)
  SgList,   // the scatterlist given to dma_map_sg
  SgCount,  // what dma_map_sg returned
  MapStatus,    // what a status-returning map returned (dma_map_sgtable: 0 or -errno)
  CheckResult,  // what dma_mapping_error(handle) returned
};
// Roles whose value carries the mapping itself: storing or passing them hands it on.
inline bool carriesMapping(Role role) {
  return role == Role::Handle || role == Role::Cpu || role == Role::SgList || role == Role::SgCount;
}

// Where a pointer/integer came from, for values that are not DMA resources.
enum class Origin : uint8_t { Stack, Vmalloc, Ioremap, PhysAddr };

struct ValueRef {
  enum Kind : uint8_t { kResource, kOrigin } kind = kResource;
  uint16_t id = 0;  // resource index, or the origin's call/expression index
  Role role = Role::Handle;
  Origin origin = Origin::Stack;
  bool operator<(const ValueRef &o) const {
    return std::tie(kind, id, role, origin) < std::tie(o.kind, o.id, o.role, o.origin);
  }
  bool operator==(const ValueRef &o) const {
    return kind == o.kind && id == o.id && role == o.role && origin == o.origin;
  }
};
using ValueSet = std::set<ValueRef>;

// ---------------------------------------------------------------------------
// What observers see
// ---------------------------------------------------------------------------
enum class UseKind : uint8_t {
  StoreNonLocal,  // stored into a structure/array/global the function does not own
  HandToDevice,   // written to a register (writel/iowrite*) or a device descriptor (__le field)
  PassedToCall,   // argument of a non-DMA-API call
  Returned,
  CpuRead,        // the CPU reads through the pointer
  CpuWrite,       // the CPU writes through the pointer
};

class FunctionAnalysis;  // the engine's per-function state, opaque to checks

// The questions a check may ask at an event.
class FlowContext {
 public:
  virtual ~FlowContext() = default;
  virtual clang::ASTContext &ast() const = 0;
  virtual const clang::FunctionDecl &function() const = 0;
  virtual const std::vector<Resource> &resources() const = 0;
  // Current typestates of a resource (empty if not created on any path yet).
  virtual StateSet states(uint16_t resource) const = 0;
  // The values `expr` may denote at this point.
  virtual ValueSet valuesOf(const clang::Expr *expr) const = 0;
  // The canonical lvalue key of `expr` ("" when it has none).
  virtual std::string keyOf(const clang::Expr *expr) const = 0;
  // True when the function holds at least one IRQ-off region open on every path.
  virtual bool irqsMustBeDisabled() const = 0;
  virtual bool mustBeAtomic() const = 0;
  virtual bool isHardIrqHandler() const = 0;
  virtual const rules::DmaApiTable &api() const = 0;
  // The resources a DMA API call releases, syncs or checks (through its
  // handle, sg or cpu argument).
  virtual std::vector<uint16_t> targetsOf(const clang::CallExpr &call, const rules::ApiFunction &api) const = 0;
};

class FlowObserver {
 public:
  virtual ~FlowObserver() = default;
  // Every CFG element (statement or expression, children first) and every
  // block terminator, before the engine applies it.
  virtual void onStmt(FlowContext &ctx, const clang::Stmt &stmt) {}
  // A call the DMA API table knows, before its effect. `created` is the
  // resource a map/alloc call creates (-1 otherwise).
  virtual void onApiCall(FlowContext &ctx, const clang::CallExpr &call, const rules::ApiFunction &api,
                         int created) {}
  // A value flowing somewhere that matters.
  virtual void onUse(FlowContext &ctx, const clang::Expr &site, UseKind kind, const ValueSet &values) {}
  // A return statement. `constantError`: it returns a negative constant,
  // ERR_PTR() or NULL from a pointer function. Otherwise the engine tells per
  // state whether it is an error return through TypeState::status (returning
  // the status variable) — see FlowContext::states.
  virtual void onReturn(FlowContext &ctx, const clang::ReturnStmt &ret, bool constantError,
                        bool returnsStatusVariable) {}
  // The function's exit, with the state joined over every way out.
  virtual void onExit(FlowContext &ctx) {}
};

// Translation-unit facts the engine uses for every function.
struct UnitFacts {
  std::set<const clang::FunctionDecl *> hardIrqHandlers;
};
UnitFacts collectUnitFacts(clang::ASTContext &ast);

// Runs the engine on one function body, calling `observers` in the final pass.
void analyzeFunction(clang::ASTContext &ast, const clang::FunctionDecl &function, const rules::DmaApiTable &api,
                     const UnitFacts &facts, const std::vector<FlowObserver *> &observers);

}  // namespace dmacheck::analyzer::flow
