#include "flow/flow_engine.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/AST/Stmt.h>
#include <clang/Analysis/CFG.h>
#include <clang/Lex/Lexer.h>

#include <deque>
#include <map>
#include <string_view>
#include <unordered_map>

#include "core/ast_helpers.h"
#include "flow/lvalue_key.h"

namespace dmacheck::analyzer::flow {

using namespace clang;
using rules::ApiFamily;
using rules::ApiFunction;
using rules::ApiKind;
using rules::ApiReturns;

// ===========================================================================
// TypeState packing
// ===========================================================================
unsigned TypeState::index() const {
  return unsigned(life) + 3 * (unsigned(checked) + 2 * (unsigned(owner) + 2 * (unsigned(escaped) +
                                                        2 * (unsigned(cpuWrote) + 2 * unsigned(status)))));
}

TypeState TypeState::fromIndex(unsigned i) {
  TypeState s;
  s.life = Life(i % 3), i /= 3;
  s.checked = i % 2, i /= 2;
  s.owner = Owner(i % 2), i /= 2;
  s.escaped = i % 2, i /= 2;
  s.cpuWrote = i % 2, i /= 2;
  s.status = Status(i % 3);
  return s;
}

namespace {

template <typename Fn>
StateSet mapStates(const StateSet &set, Fn fn) {  // fn(TypeState&) -> bool keep
  StateSet out;
  for (unsigned i = 0; i < TypeState::kCount; ++i) {
    if (!set.test(i)) continue;
    TypeState s = TypeState::fromIndex(i);
    if (fn(s)) out.set(s.index());
  }
  return out;
}

// ===========================================================================
// Name tables: calls the engine understands beyond the DMA API table
// ===========================================================================
bool nameIn(std::string_view name, std::initializer_list<std::string_view> names) {
  for (auto n : names)
    if (n == name) return true;
  return false;
}

// Kernel lock primitives are macros over _raw_*/__raw_* functions; compare on
// the bare name.
std::string_view bareLockName(std::string_view name) {
  while (!name.empty() && name.front() == '_') name.remove_prefix(1);
  if (name.rfind("raw_", 0) == 0) name.remove_prefix(4);
  return name;
}

enum class LockEffect { None, IrqOff, IrqOn, AtomicOn, AtomicOff };

LockEffect lockEffect(std::string_view rawName) {
  std::string_view name = bareLockName(rawName);
  if (nameIn(name, {"spin_lock_irqsave", "spin_lock_irq", "local_irq_disable", "local_irq_save",
                    "read_lock_irqsave", "write_lock_irqsave", "read_lock_irq", "write_lock_irq",
                    "spin_lock_irqsave_nested", "arch_local_irq_disable", "arch_local_irq_save"}))
    return LockEffect::IrqOff;
  if (nameIn(name, {"spin_unlock_irqrestore", "spin_unlock_irq", "local_irq_enable", "local_irq_restore",
                    "read_unlock_irqrestore", "write_unlock_irqrestore", "read_unlock_irq", "write_unlock_irq",
                    "arch_local_irq_enable", "arch_local_irq_restore"}))
    return LockEffect::IrqOn;
  if (nameIn(name, {"spin_lock", "spin_lock_bh", "read_lock", "write_lock", "preempt_disable",
                    "local_bh_disable", "spin_lock_nested"}))
    return LockEffect::AtomicOn;
  if (nameIn(name, {"spin_unlock", "spin_unlock_bh", "read_unlock", "write_unlock", "preempt_enable",
                    "local_bh_enable"}))
    return LockEffect::AtomicOff;
  return LockEffect::None;
}

// Calls that pass a value through unchanged (for origin tracking).
bool isPassThrough(std::string_view name) {
  return nameIn(name, {"cpu_to_le16", "cpu_to_le32", "cpu_to_le64", "cpu_to_be16", "cpu_to_be32", "cpu_to_be64",
                       "le16_to_cpu", "le32_to_cpu", "le64_to_cpu", "be32_to_cpu", "be64_to_cpu",
                       "__cpu_to_le16", "__cpu_to_le32", "__cpu_to_le64", "__cpu_to_be32", "__cpu_to_be64",
                       "lower_32_bits", "upper_32_bits", "__builtin_expect", "__le64_to_cpu", "__le32_to_cpu",
                       "__swab64", "__swab32", "__builtin_bswap64", "__builtin_bswap32"});
}

bool originOf(std::string_view name, Origin &origin) {
  if (nameIn(name, {"vmalloc", "vzalloc", "vmalloc_user", "vmalloc_32", "vmalloc_node", "vzalloc_node",
                    "__vmalloc", "kvmalloc", "kvzalloc", "kvcalloc", "kvmalloc_array", "kvmalloc_node",
                    "kvzalloc_node"})) {
    origin = Origin::Vmalloc;
    return true;
  }
  if (nameIn(name, {"ioremap", "ioremap_wc", "ioremap_nocache", "ioremap_cache", "ioremap_uc", "devm_ioremap",
                    "devm_ioremap_wc", "devm_ioremap_resource", "devm_platform_ioremap_resource", "pci_iomap",
                    "pcim_iomap", "pci_ioremap_bar", "pci_ioremap_wc_bar", "of_iomap", "devm_ioremap_uc",
                    "pci_iomap_range", "devm_platform_get_and_ioremap_resource"})) {
    origin = Origin::Ioremap;
    return true;
  }
  if (nameIn(name, {"virt_to_phys", "__pa", "__phys_addr", "virt_to_bus", "page_to_phys", "sg_phys",
                    "__pa_symbol", "__phys_addr_symbol"})) {
    origin = Origin::PhysAddr;
    return true;
  }
  return false;
}

// Origins of macros that are not calls: the kernel's __pa(x) is integer
// arithmetic, ((unsigned long)(x) - PAGE_OFFSET). An expression whose first
// token is written in such a macro's body (not in its argument) is the
// macro's result or part of it.
bool macroBodyOrigin(ASTContext &ast, const Expr *expr, Origin &origin) {
  SourceLocation loc = expr->getBeginLoc();
  const SourceManager &sm = ast.getSourceManager();
  // cpu_to_le64(__pa(p)): __pa's tokens reach here as an argument of the outer macro.
  while (loc.isMacroID() && sm.isMacroArgExpansion(loc)) loc = sm.getImmediateSpellingLoc(loc);
  if (!loc.isMacroID()) return false;
  llvm::StringRef name = Lexer::getImmediateMacroName(loc, sm, ast.getLangOpts());
  if (name != "__pa" && name != "__pa_symbol") return false;
  origin = Origin::PhysAddr;
  return true;
}

// Register writes: the value argument goes to the device.
int registerWriteValueArg(std::string_view name) {
  if (nameIn(name, {"writel", "writeq", "writew", "writeb", "writel_relaxed", "writeq_relaxed", "writew_relaxed",
                    "writeb_relaxed", "iowrite8", "iowrite16", "iowrite32", "iowrite64", "iowrite32be",
                    "iowrite64be", "lo_hi_writeq", "hi_lo_writeq", "__raw_writel", "__raw_writeq",
                    "__raw_writew", "__raw_writeb", "iowrite64_lo_hi", "iowrite64_hi_lo", "lo_hi_writeq_relaxed",
                    "hi_lo_writeq_relaxed", "outl", "outw", "outb", "pci_write_config_dword"}))
    return name == "pci_write_config_dword" ? 2 : 0;
  return -1;
}

// Calls that look at a pointer or value without keeping it: passing a
// resource to them is not an escape.
bool isNonRetaining(std::string_view name) {
  return nameIn(name, {"memset", "memcpy", "memmove", "memcmp", "strcpy", "strncpy", "strscpy", "strlen",
                       "strcmp", "strncmp", "memcpy_toio", "memcpy_fromio", "memset_io", "kfree", "vfree",
                       "kvfree", "kfree_sensitive", "virt_to_page", "vmalloc_to_page", "page_address",
                       "IS_ERR", "PTR_ERR", "IS_ERR_OR_NULL", "prefetch", "prefetchw", "__builtin_expect",
                       "lower_32_bits", "upper_32_bits", "WARN_ON", "WARN_ON_ONCE", "BUG_ON",
                       "print_hex_dump", "print_hex_dump_bytes", "wmb", "rmb", "mb", "dma_wmb", "dma_rmb",
                       "sg_set_buf", "sg_init_one", "sg_set_page", "remap_pfn_range", "virt_to_phys",
                       "__pa", "virt_to_bus", "phys_to_virt", "bus_to_virt", "__va", "dma_mmap_coherent"}) ||
         isPassThrough(name) || registerWriteValueArg(name) >= 0;
}

bool isPrintfLike(const FunctionDecl *fn) { return fn && fn->hasAttr<FormatAttr>(); }

// Endian-annotated fields are device-visible memory (descriptors).
bool isDeviceVisibleField(const MemberExpr *member) {
  QualType type = member->getType();
  for (auto name : {"__le16", "__le32", "__le64", "__be16", "__be32", "__be64"})
    if (isTypedefNamed(type, name)) return true;
  return false;
}

// ===========================================================================
// Per-function engine
// ===========================================================================
struct BlockState {
  bool reachable = false;
  std::map<std::string, ValueSet> bindings;
  std::vector<StateSet> res;
  uint8_t statusMask = 1u << unsigned(Status::Unknown);
  uint8_t irqDepths = 1;     // bit d: IRQs disabled d levels deep may hold (3 = 3+)
  uint8_t atomicDepths = 1;  // same for atomic (spinlock, preempt off) sections

  bool join(const BlockState &other) {
    if (!other.reachable) return false;
    if (!reachable) {
      *this = other;
      return true;
    }
    bool changed = false;
    for (const auto &[key, values] : other.bindings) {
      auto &mine = bindings[key];
      size_t before = mine.size();
      mine.insert(values.begin(), values.end());
      changed |= mine.size() != before;
    }
    for (size_t i = 0; i < res.size(); ++i) {
      StateSet merged = res[i] | other.res[i];
      changed |= merged != res[i];
      res[i] = merged;
    }
    auto mergeBits = [&](uint8_t &mine, uint8_t theirs) {
      uint8_t merged = mine | theirs;
      changed |= merged != mine;
      mine = merged;
    };
    mergeBits(statusMask, other.statusMask);
    mergeBits(irqDepths, other.irqDepths);
    mergeBits(atomicDepths, other.atomicDepths);
    return changed;
  }
};

uint8_t deeper(uint8_t depths) { return uint8_t(((depths << 1) | (depths & 8)) & 0xE); }
uint8_t shallower(uint8_t depths) { return uint8_t((depths >> 1) | (depths & 1) | (depths & 8)); }

class Engine : public FlowContext {
 public:
  Engine(ASTContext &ast, const FunctionDecl &fn, const rules::DmaApiTable &api, const UnitFacts &facts,
         const std::vector<FlowObserver *> &observers)
      : ast_(ast), fn_(fn), api_(api), facts_(facts), observers_(observers) {}

  void run();

  // FlowContext
  ASTContext &ast() const override { return ast_; }
  const FunctionDecl &function() const override { return fn_; }
  const std::vector<Resource> &resources() const override { return resources_; }
  StateSet states(uint16_t r) const override { return current_ && r < current_->res.size() ? current_->res[r] : StateSet(); }
  ValueSet valuesOf(const Expr *expr) const override { return current_ ? values(expr, *current_) : ValueSet(); }
  std::string keyOf(const Expr *expr) const override { return lvalueKey(expr); }
  bool irqsMustBeDisabled() const override { return current_ && (current_->irqDepths & 1) == 0; }
  bool mustBeAtomic() const override {
    return current_ && ((current_->atomicDepths & 1) == 0 || (current_->irqDepths & 1) == 0);
  }
  bool isHardIrqHandler() const override { return facts_.hardIrqHandlers.count(fn_.getCanonicalDecl()) != 0; }
  const rules::DmaApiTable &api() const override { return api_; }
  std::vector<uint16_t> targetsOf(const CallExpr &call, const ApiFunction &fn) const override {
    return current_ ? targets(&call, fn, *current_) : std::vector<uint16_t>();
  }

 private:
  void collectResources(const Stmt *body);
  void collectLockEffects(const Stmt *body);
  const VarDecl *findStatusVariable(const Stmt *body) const;
  void transferBlock(const CFGBlock &block, BlockState &state, bool report);
  void transfer(const Stmt *stmt, BlockState &state, bool report);
  void transferCall(const CallExpr *call, BlockState &state, bool report);
  void transferAssign(const Expr *lhs, const Expr *rhs, const Stmt *site, BlockState &state, bool report, bool compound);
  void transferReturn(const ReturnStmt *ret, BlockState &state, bool report);
  void refine(const Expr *cond, bool taken, BlockState &state) const;
  void refineResources(const Expr *subject, bool nonZero, std::optional<bool> failure, BlockState &state) const;
  void use(const Expr &site, UseKind kind, const ValueSet &vals, BlockState &state, bool report);
  void cpuAccess(const Expr *pointer, const Expr &site, bool write, BlockState &state, bool report);
  void setStatus(BlockState &state, Status status) const;
  Status statusClass(const Expr *rhs) const;
  bool returnIsConstantError(const ReturnStmt *ret) const;
  ValueSet values(const Expr *expr, const BlockState &state) const;
  std::vector<uint16_t> targets(const CallExpr *call, const ApiFunction &api, const BlockState &state) const;
  bool isStatusVar(const Expr *e) const;
  void forEachTarget(const std::vector<uint16_t> &ids, BlockState &state, const std::function<bool(TypeState &)> &fn);

  ASTContext &ast_;
  const FunctionDecl &fn_;
  const rules::DmaApiTable &api_;
  const UnitFacts &facts_;
  const std::vector<FlowObserver *> &observers_;
  std::vector<Resource> resources_;
  std::unordered_map<const CallExpr *, uint16_t> resourceOf_;
  const VarDecl *statusVar_ = nullptr;
  const BlockState *current_ = nullptr;
  const CFGBlock *exit_ = nullptr;
  std::unordered_map<const CallExpr *, LockEffect> lockEffects_;
};

// --- set-up ----------------------------------------------------------------
class CallCollector : public RecursiveASTVisitor<CallCollector> {
 public:
  explicit CallCollector(const rules::DmaApiTable &api, ASTContext *ast = nullptr) : api_(api), ast_(ast) {}
  bool VisitCStyleCastExpr(CStyleCastExpr *cast) {
    Origin origin;
    if (ast_ && !interesting && macroBodyOrigin(*ast_, cast, origin)) interesting = true;
    return true;
  }
  bool VisitCallExpr(CallExpr *call) {
    std::string_view name = calleeName(*call);
    if (const ApiFunction *fn = apiRowForCall(api_, ast_, *call)) {
      interesting = true;
      if (fn->kind == ApiKind::Map || fn->kind == ApiKind::Alloc) creators.push_back({call, fn});
    }
    Origin origin;
    if (originOf(name, origin) && origin == Origin::PhysAddr) interesting = true;
    return true;
  }
  const rules::DmaApiTable &api_;
  ASTContext *ast_;
  bool interesting = false;
  std::vector<std::pair<const CallExpr *, const ApiFunction *>> creators;
};

void Engine::collectResources(const Stmt *body) {
  CallCollector collector(api_, &ast_);
  collector.TraverseStmt(const_cast<Stmt *>(body));
  for (auto [call, fn] : collector.creators) {
    if (resources_.size() >= 60000) break;
    Resource r;
    r.site = call;
    r.api = fn;
    auto arg = [&](int i) -> const Expr * { return i >= 0 && unsigned(i) < call->getNumArgs() ? call->getArg(i) : nullptr; };
    r.sizeArg = arg(fn->args.size);
    r.dirArg = arg(fn->args.dir);
    r.nentsArg = arg(fn->args.nents);
    if (r.nentsArg) r.nentsKey = lvalueKey(r.nentsArg);
    resourceOf_[call] = uint16_t(resources_.size());
    resources_.push_back(r);
  }
}

// Which calls take or drop a lock. A call counts by its own name
// (_raw_spin_lock_irqsave -> spin_lock_irqsave); the name of the macro it was
// written through counts only when no call of that expansion has a lock name
// of its own, and then for one call only. The kernel's spin_lock_irqsave(l, f)
// expands to _raw_spin_lock_irqsave(spinlock_check(l)): counting both would
// nest the region twice, and spin_unlock_irqrestore (an inline function)
// closes it once.
void Engine::collectLockEffects(const Stmt *body) {
  struct Visitor : RecursiveASTVisitor<Visitor> {
    std::vector<const CallExpr *> calls;
    bool VisitCallExpr(CallExpr *call) {
      calls.push_back(call);
      return true;
    }
  } visitor;
  visitor.TraverseStmt(const_cast<Stmt *>(body));
  const SourceManager &sm = ast_.getSourceManager();
  std::map<unsigned, bool> expansionHasNamedLock;
  std::map<unsigned, const CallExpr *> firstCallOfExpansion;
  auto expansionKey = [&](const CallExpr *call) { return sm.getExpansionLoc(call->getBeginLoc()).getRawEncoding(); };
  for (const CallExpr *call : visitor.calls) {
    LockEffect own = lockEffect(calleeName(*call));
    if (own != LockEffect::None) lockEffects_[call] = own;
    if (!call->getBeginLoc().isMacroID()) continue;
    unsigned key = expansionKey(call);
    if (own != LockEffect::None) expansionHasNamedLock[key] = true;
    auto first = firstCallOfExpansion.find(key);
    if (first == firstCallOfExpansion.end() ||
        sm.isBeforeInTranslationUnit(call->getBeginLoc(), first->second->getBeginLoc()))
      firstCallOfExpansion[key] = call;
  }
  for (const auto &[key, call] : firstCallOfExpansion) {
    if (expansionHasNamedLock[key]) continue;
    std::string macro = macroNameAt(ast_, call->getBeginLoc());
    LockEffect effect = macro.empty() ? LockEffect::None : lockEffect(macro);
    if (effect != LockEffect::None) lockEffects_[call] = effect;
  }
}

// The local variable most return statements return: ret, err, rc, status...
const VarDecl *Engine::findStatusVariable(const Stmt *body) const {
  struct Visitor : RecursiveASTVisitor<Visitor> {
    std::map<const VarDecl *, int> counts;
    bool VisitReturnStmt(ReturnStmt *ret) {
      if (!ret->getRetValue()) return true;
      if (const auto *ref = dyn_cast<DeclRefExpr>(ret->getRetValue()->IgnoreParenImpCasts()))
        if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()))
          if (var->hasLocalStorage() && var->getType()->isIntegerType()) ++counts[var];
      return true;
    }
  } visitor;
  visitor.TraverseStmt(const_cast<Stmt *>(body));
  const VarDecl *best = nullptr;
  int bestCount = 0;
  for (auto [var, count] : visitor.counts)
    if (count > bestCount) best = var, bestCount = count;
  return best;
}

// --- values ----------------------------------------------------------------
ValueSet Engine::values(const Expr *expr, const BlockState &state) const {
  ValueSet out;
  if (!expr) return out;
  const Expr *e = expr->IgnoreParens();
  if (Origin origin; macroBodyOrigin(ast_, expr, origin) || macroBodyOrigin(ast_, e, origin)) {
    ValueRef v;
    v.kind = ValueRef::kOrigin;
    v.origin = origin;
    out.insert(v);
    return out;
  }
  if (const auto *cast = dyn_cast<CastExpr>(e)) return values(cast->getSubExpr(), state);
  if (const auto *call = dyn_cast<CallExpr>(e)) {
    auto it = resourceOf_.find(call);
    if (it != resourceOf_.end()) {
      const ApiFunction *fn = resources_[it->second].api;
      ValueRef v;
      v.id = it->second;
      if (fn->returns == ApiReturns::Handle) v.role = Role::Handle;
      else if (fn->returns == ApiReturns::Cpu) v.role = Role::Cpu;
      else if (fn->returns == ApiReturns::Count) v.role = Role::SgCount;
      else if (fn->returns == ApiReturns::Status) v.role = Role::MapStatus;
      else return out;
      out.insert(v);
      return out;
    }
    std::string_view name = calleeName(*call);
    // `ret = dma_mapping_error(dev, h); if (ret)`: the result speaks for h.
    if (const ApiFunction *fn = apiRowForCall(api_, &ast_, *call); fn && fn->kind == ApiKind::Check) {
      for (uint16_t id : targets(call, *fn, state)) {
        ValueRef v;
        v.id = id;
        v.role = Role::CheckResult;
        out.insert(v);
      }
      return out;
    }
    std::string macro = macroNameAt(ast_, call->getBeginLoc());
    Origin origin;
    if (originOf(name, origin) || (!macro.empty() && originOf(macro, origin))) {
      ValueRef v;
      v.kind = ValueRef::kOrigin;
      v.origin = origin;
      out.insert(v);
      return out;
    }
    if (isPassThrough(name) && call->getNumArgs() > 0) return values(call->getArg(0), state);
    return out;
  }
  if (const auto *unary = dyn_cast<UnaryOperator>(e)) {
    if (unary->getOpcode() == UO_AddrOf) {
      const Expr *sub = unary->getSubExpr()->IgnoreParens();
      if (const VarDecl *root = frameRoot(sub); root && !root->isStaticLocal() && !isa<ParmVarDecl>(root)) {
        ValueRef v;
        v.kind = ValueRef::kOrigin;
        v.origin = Origin::Stack;
        out.insert(v);
      } else if (const auto *element = dyn_cast<ArraySubscriptExpr>(sub)) {
        out = values(element->getBase(), state);
      }
      auto it = state.bindings.find(lvalueKey(e));
      if (it != state.bindings.end()) out.insert(it->second.begin(), it->second.end());
      return out;
    }
    if (unary->getOpcode() == UO_Deref) {
      std::string key = lvalueKey(e);
      auto it = state.bindings.find(key);
      if (it != state.bindings.end()) return it->second;
      return out;
    }
    if (unary->getOpcode() == UO_Plus || unary->getOpcode() == UO_Extension) return values(unary->getSubExpr(), state);
    return out;
  }
  if (const auto *binary = dyn_cast<BinaryOperator>(e)) {
    switch (binary->getOpcode()) {
      case BO_Add: case BO_Sub: case BO_Or: case BO_And: case BO_Xor: case BO_Shl: case BO_Shr: {
        out = values(binary->getLHS(), state);
        ValueSet rhs = values(binary->getRHS(), state);
        out.insert(rhs.begin(), rhs.end());
        return out;
      }
      case BO_Assign: return values(binary->getRHS(), state);
      case BO_Comma: return values(binary->getRHS(), state);
      default: return out;
    }
  }
  if (const auto *cond = dyn_cast<ConditionalOperator>(e)) {
    out = values(cond->getTrueExpr(), state);
    ValueSet other = values(cond->getFalseExpr(), state);
    out.insert(other.begin(), other.end());
    return out;
  }
  if (const auto *stmtExpr = dyn_cast<StmtExpr>(e)) {
    const CompoundStmt *body = stmtExpr->getSubStmt();
    if (!body->body_empty())
      if (const auto *last = dyn_cast<Expr>(body->body_back())) return values(last, state);
    return out;
  }
  if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
    const auto *var = dyn_cast<VarDecl>(ref->getDecl());
    // A local array decays to a stack address.
    if (var && var->hasLocalStorage() && !isa<ParmVarDecl>(var) && var->getType()->isArrayType()) {
      ValueRef v;
      v.kind = ValueRef::kOrigin;
      v.origin = Origin::Stack;
      out.insert(v);
    }
  }
  std::string key = lvalueKey(e);
  if (!key.empty()) {
    auto it = state.bindings.find(key);
    if (it != state.bindings.end()) out.insert(it->second.begin(), it->second.end());
  }
  return out;
}

std::vector<uint16_t> Engine::targets(const CallExpr *call, const ApiFunction &fn, const BlockState &state) const {
  std::set<uint16_t> ids;
  auto collect = [&](int index, std::initializer_list<Role> roles) {
    if (index < 0 || unsigned(index) >= call->getNumArgs()) return;
    for (const ValueRef &v : values(call->getArg(index), state)) {
      if (v.kind != ValueRef::kResource) continue;
      for (Role r : roles)
        if (v.role == r) ids.insert(v.id);
    }
  };
  collect(fn.args.handle, {Role::Handle});
  collect(fn.args.sg, {Role::SgList});
  if (fn.kind == ApiKind::Free) collect(fn.args.cpu, {Role::Cpu});
  return {ids.begin(), ids.end()};
}

bool Engine::isStatusVar(const Expr *e) const {
  if (!statusVar_ || !e) return false;
  if (const auto *ref = dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts())) return ref->getDecl() == statusVar_;
  return false;
}

void Engine::forEachTarget(const std::vector<uint16_t> &ids, BlockState &state,
                           const std::function<bool(TypeState &)> &fn) {
  // One candidate: a strong update. Several (the handle may be either): keep
  // the old states too, since only one of them is really affected.
  for (uint16_t id : ids) {
    StateSet updated = mapStates(state.res[id], fn);
    state.res[id] = ids.size() == 1 ? updated : (state.res[id] | updated);
  }
}

// --- status variable -----------------------------------------------------
Status Engine::statusClass(const Expr *rhs) const {
  if (auto value = evaluateInt(rhs, ast_)) return *value == 0 ? Status::Zero : *value < 0 ? Status::Negative : Status::Unknown;
  if (const auto *call = dyn_cast<CallExpr>(rhs->IgnoreParenImpCasts()))
    if (calleeName(*call) == "PTR_ERR") return Status::Negative;
  return Status::Unknown;
}

void Engine::setStatus(BlockState &state, Status status) const {
  state.statusMask = uint8_t(1u << unsigned(status));
  for (auto &set : state.res) set = mapStates(set, [&](TypeState &s) { s.status = status; return true; });
}

bool Engine::returnIsConstantError(const ReturnStmt *ret) const {
  const Expr *value = ret->getRetValue();
  if (!value) return false;
  if (fn_.getReturnType()->isPointerType()) {
    const Expr *stripped = value->IgnoreParenCasts();
    if (const auto *call = dyn_cast<CallExpr>(stripped)) return calleeName(*call) == "ERR_PTR" || calleeName(*call) == "ERR_CAST";
    return value->isNullPointerConstant(ast_, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
  }
  if (fn_.getReturnType()->isIntegerType() && !fn_.getReturnType()->isBooleanType()) {
    if (auto v = evaluateInt(value, ast_)) return *v < 0;
    if (const auto *call = dyn_cast<CallExpr>(value->IgnoreParenImpCasts())) return calleeName(*call) == "PTR_ERR";
  }
  return false;
}

// --- branch refinement ---------------------------------------------------
void Engine::refine(const Expr *cond, bool taken, BlockState &state) const {
  if (!cond) return;
  const Expr *e = cond->IgnoreParenImpCasts();
  if (const auto *unary = dyn_cast<UnaryOperator>(e)) {
    if (unary->getOpcode() == UO_LNot) return refine(unary->getSubExpr(), !taken, state);
  }
  if (const auto *call = dyn_cast<CallExpr>(e)) {
    std::string_view name = calleeName(*call);
    if (name == "__builtin_expect" && call->getNumArgs() > 0) return refine(call->getArg(0), taken, state);
    const ApiFunction *fn = apiRowForCall(api_, &ast_, *call);
    if (fn && fn->kind == ApiKind::Check) {
      for (uint16_t id : targets(call, *fn, state))
        state.res[id] = mapStates(state.res[id], [&](TypeState &s) {
          s.checked = true;
          if (taken && s.life == Life::Live) s.life = Life::Failed;
          return true;
        });
      return;
    }
    return;
  }
  // x, x == 0, x != 0, x < 0, x <= 0, x == NULL
  const Expr *subject = e;
  bool truthMeansNonZero = true;  // taken branch => subject != 0
  bool negativeTest = false;      // x < 0 / x <= 0
  if (const auto *binary = dyn_cast<BinaryOperator>(e)) {
    const Expr *lhs = binary->getLHS()->IgnoreParenImpCasts();
    const Expr *rhs = binary->getRHS()->IgnoreParenImpCasts();
    auto isZero = [&](const Expr *x) {
      return x->isNullPointerConstant(ast_, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull ||
             evaluateInt(x, ast_) == std::optional<int64_t>(0);
    };
    const Expr *other = isZero(rhs) ? lhs : isZero(lhs) ? rhs : nullptr;
    if (!other) return;
    subject = other;
    switch (binary->getOpcode()) {
      case BO_EQ: truthMeansNonZero = false; break;
      case BO_NE: truthMeansNonZero = true; break;
      case BO_LT: case BO_LE:
        if (other != lhs) return;
        negativeTest = true;
        break;
      case BO_GT: case BO_GE: return;
      default: return;
    }
  }
  bool nonZero = taken == truthMeansNonZero;  // what this branch knows
  if (negativeTest) nonZero = !taken;  // x<0 taken: failure-ish; treat like "zero/failed" for resources below

  if (isStatusVar(subject)) {
    // Error when non-zero (or negative); success otherwise.
    bool error = negativeTest ? taken : nonZero;
    refineResources(subject, nonZero, negativeTest ? std::optional<bool>(taken) : std::nullopt, state);
    Status want = error ? Status::Negative : Status::Zero;
    uint8_t mask = 0;
    auto keep = [&](TypeState &s) {
      if (s.status == Status::Unknown) s.status = want;
      return s.status == want;
    };
    for (auto &set : state.res) set = mapStates(set, keep);
    if (state.statusMask & (1u << unsigned(Status::Unknown))) mask |= 1u << unsigned(want);
    if (state.statusMask & (1u << unsigned(want))) mask |= 1u << unsigned(want);
    state.statusMask = mask;
    return;
  }

  refineResources(subject, nonZero, negativeTest ? std::optional<bool>(taken) : std::nullopt, state);
}

// `subject` tested non-zero (nonZero) or zero on this branch: a NULL CPU
// pointer, zero handle (the mapping-error-compare misuse, still a check) or
// zero sg count is a failed mapping; a non-zero map status or
// dma_mapping_error() result is one too. `failure`: a `x < 0`/`x <= 0` test,
// which means failure when taken whatever x is.
void Engine::refineResources(const Expr *subject, bool nonZero, std::optional<bool> failure, BlockState &state) const {
  for (const ValueRef &v : values(subject, state)) {
    if (v.kind != ValueRef::kResource) continue;
    bool failed;
    switch (v.role) {
      case Role::Cpu: case Role::Handle: case Role::SgCount: failed = failure.value_or(!nonZero); break;
      case Role::MapStatus: case Role::CheckResult: failed = failure.value_or(nonZero); break;
      default: continue;
    }
    state.res[v.id] = mapStates(state.res[v.id], [&](TypeState &s) {
      if (v.role == Role::Handle || v.role == Role::CheckResult) s.checked = true;
      if (s.life == Life::Live && failed) s.life = Life::Failed;
      return true;
    });
  }
}

// --- transfer ------------------------------------------------------------
void Engine::use(const Expr &site, UseKind kind, const ValueSet &vals, BlockState &state, bool report) {
  if (vals.empty()) return;
  if (report)
    for (auto *o : observers_) o->onUse(*this, site, kind, vals);
  for (const ValueRef &v : vals) {
    if (v.kind != ValueRef::kResource) continue;
    StateSet &set = state.res[v.id];
    switch (kind) {
      case UseKind::StoreNonLocal:
      case UseKind::PassedToCall:
      case UseKind::Returned:
        if (carriesMapping(v.role))
          set = mapStates(set, [](TypeState &s) { s.escaped = true; return true; });
        break;
      case UseKind::HandToDevice:
        if (v.role == Role::Handle)
          set = mapStates(set, [](TypeState &s) { s.owner = Owner::Device; s.cpuWrote = false; return true; });
        break;
      case UseKind::CpuWrite:
        if (v.role == Role::CpuBuf || v.role == Role::Cpu)
          set = mapStates(set, [](TypeState &s) { s.cpuWrote = true; return true; });
        break;
      case UseKind::CpuRead: break;
    }
  }
}

void Engine::cpuAccess(const Expr *pointer, const Expr &site, bool write, BlockState &state, bool report) {
  ValueSet vals;
  for (const ValueRef &v : values(pointer, state))
    if (v.kind == ValueRef::kResource && (v.role == Role::CpuBuf || v.role == Role::Cpu)) vals.insert(v);
  use(site, write ? UseKind::CpuWrite : UseKind::CpuRead, vals, state, report);
}

// The pointer dereferenced by an access expression (p[i], *p, p->f), or null.
const Expr *accessedPointer(const Expr *e) {
  e = e->IgnoreParens();
  if (const auto *sub = dyn_cast<ArraySubscriptExpr>(e)) return sub->getBase();
  if (const auto *unary = dyn_cast<UnaryOperator>(e))
    if (unary->getOpcode() == UO_Deref) return unary->getSubExpr();
  if (const auto *member = dyn_cast<MemberExpr>(e)) {
    if (member->isArrow()) return member->getBase();
    return accessedPointer(member->getBase());
  }
  return nullptr;
}

void Engine::transferAssign(const Expr *lhs, const Expr *rhs, const Stmt *site, BlockState &state, bool report,
                            bool compound) {
  const Expr &siteExpr = *cast<Expr>(site);
  if (const Expr *ptr = accessedPointer(lhs)) cpuAccess(ptr, siteExpr, /*write=*/true, state, report);
  if (isStatusVar(lhs)) setStatus(state, compound ? Status::Unknown : statusClass(rhs));

  ValueSet vals = compound ? ValueSet() : values(rhs, state);
  std::string key = lvalueKey(lhs);
  if (!key.empty()) {
    // Whatever derived from the old value of `key` is stale now.
    for (auto it = state.bindings.begin(); it != state.bindings.end();) {
      if (it->first != key && keyDerivesFrom(it->first, key)) it = state.bindings.erase(it);
      else ++it;
    }
    if (isWeakKey(key)) state.bindings[key].insert(vals.begin(), vals.end());
    else if (vals.empty()) state.bindings.erase(key);
    else state.bindings[key] = vals;
  }
  if (vals.empty()) return;
  const Expr *target = lhs->IgnoreParenImpCasts();
  if (const auto *member = dyn_cast<MemberExpr>(target); member && isDeviceVisibleField(member) && !isFrameLocal(lhs))
    use(siteExpr, UseKind::HandToDevice, vals, state, report);
  if (!isFrameLocal(lhs)) {
    // Storing the direct result of a map call is binding it, not using it:
    // `priv->dma = dma_map_single(...); if (dma_mapping_error(dev, priv->dma))`.
    bool directResult = false;
    if (const auto *call = dyn_cast<CallExpr>(rhs->IgnoreParenCasts())) directResult = resourceOf_.count(call) != 0;
    ValueSet stored;
    for (const ValueRef &v : vals)
      if (v.kind == ValueRef::kResource && carriesMapping(v.role)) stored.insert(v);
    if (!stored.empty()) {
      if (directResult) {
        for (const ValueRef &v : stored)
          state.res[v.id] = mapStates(state.res[v.id], [](TypeState &s) { s.escaped = true; return true; });
      } else {
        use(siteExpr, UseKind::StoreNonLocal, stored, state, report);
      }
    }
  }
}

void Engine::transferCall(const CallExpr *call, BlockState &state, bool report) {
  std::string_view name = calleeName(*call);
  if (name.empty()) {
    // Calls through pointers (ops tables): arguments escape.
    for (const Expr *arg : call->arguments()) use(*arg, UseKind::PassedToCall, values(arg, state), state, report);
    return;
  }
  if (const ApiFunction *fn = apiRowForCall(api_, &ast_, *call)) {
    auto created = resourceOf_.find(call);
    if (report)
      for (auto *o : observers_) o->onApiCall(*this, *call, *fn, created == resourceOf_.end() ? -1 : created->second);
    auto arg = [&](int i) -> const Expr * { return i >= 0 && unsigned(i) < call->getNumArgs() ? call->getArg(i) : nullptr; };
    switch (fn->kind) {
      case ApiKind::Map:
      case ApiKind::Alloc: {
        if (created == resourceOf_.end()) break;
        uint16_t id = created->second;
        StateSet fresh;
        for (unsigned st = 0; st < 3; ++st) {
          if (!(state.statusMask & (1u << st))) continue;
          TypeState s;
          s.life = Life::Live;
          s.checked = false;
          // A streaming mapping belongs to the device; allocated memory starts with the CPU.
          s.owner = fn->kind == ApiKind::Map ? Owner::Device : Owner::Cpu;
          s.escaped = fn->managed;
          s.status = Status(st);
          fresh.set(s.index());
        }
        // Earlier iterations' mappings of a loop stay as they were.
        state.res[id] |= fresh;
        ValueRef v;
        v.id = id;
        if (const Expr *cpu = arg(fn->args.cpu); cpu && fn->kind == ApiKind::Map) {
          std::string key = lvalueKey(cpu);
          if (!key.empty()) {
            v.role = Role::CpuBuf;
            state.bindings[key].insert(v);
          }
        }
        if (const Expr *sg = arg(fn->args.sg)) {
          std::string key = lvalueKey(sg);
          if (!key.empty()) {
            v.role = Role::SgList;
            auto &bound = state.bindings[key];
            // A new mapping of the same list replaces the old binding.
            for (auto it = bound.begin(); it != bound.end();) it = it->role == Role::SgList ? bound.erase(it) : std::next(it);
            bound.insert(v);
          }
        }
        if (const Expr *out = arg(fn->args.handleOut)) {
          const Expr *stripped = out->IgnoreParenImpCasts();
          std::string key;
          if (const auto *addr = dyn_cast<UnaryOperator>(stripped); addr && addr->getOpcode() == UO_AddrOf)
            key = lvalueKey(addr->getSubExpr());
          else
            key = lvalueKey(stripped).empty() ? "" : "*" + lvalueKey(stripped);
          if (!key.empty()) {
            v.role = Role::Handle;
            state.bindings[key] = {v};
          }
        }
        break;
      }
      case ApiKind::Unmap:
      case ApiKind::Free:
        forEachTarget(targets(call, *fn, state), state, [](TypeState &s) { s.life = Life::Released; return true; });
        break;
      case ApiKind::SyncForCpu:
        forEachTarget(targets(call, *fn, state), state, [](TypeState &s) { s.owner = Owner::Cpu; s.cpuWrote = false; return true; });
        break;
      case ApiKind::SyncForDevice:
        forEachTarget(targets(call, *fn, state), state, [](TypeState &s) { s.owner = Owner::Device; s.cpuWrote = false; return true; });
        break;
      case ApiKind::Check:
        forEachTarget(targets(call, *fn, state), state, [](TypeState &s) { s.checked = true; return true; });
        break;
      case ApiKind::Mask: break;
    }
    return;
  }
  auto lockIt = lockEffects_.find(call);
  LockEffect lock = lockIt == lockEffects_.end() ? LockEffect::None : lockIt->second;
  switch (lock) {
    case LockEffect::IrqOff: state.irqDepths = deeper(state.irqDepths); return;
    case LockEffect::IrqOn: state.irqDepths = shallower(state.irqDepths); return;
    case LockEffect::AtomicOn: state.atomicDepths = deeper(state.atomicDepths); return;
    case LockEffect::AtomicOff: state.atomicDepths = shallower(state.atomicDepths); return;
    case LockEffect::None: break;
  }
  int valueArg = registerWriteValueArg(name);
  if (valueArg >= 0 && unsigned(valueArg) < call->getNumArgs()) {
    use(*call->getArg(valueArg), UseKind::HandToDevice, values(call->getArg(valueArg), state), state, report);
    return;
  }
  if (nameIn(name, {"memcpy", "memmove", "memset", "strcpy", "strncpy", "strscpy", "memcpy_fromio"}) &&
      call->getNumArgs() >= 1) {
    cpuAccess(call->getArg(0), *call, /*write=*/true, state, report);
    if (name != "memset" && call->getNumArgs() >= 2) cpuAccess(call->getArg(1), *call, /*write=*/false, state, report);
    return;
  }
  if (nameIn(name, {"memcmp", "strlen", "strcmp", "strncmp", "print_hex_dump", "print_hex_dump_bytes", "crc32_le",
                    "memcpy_toio"})) {
    for (const Expr *a : call->arguments()) cpuAccess(a, *call, /*write=*/false, state, report);
    return;
  }
  if (isNonRetaining(name) || isPrintfLike(call->getDirectCallee()) || name.rfind("__builtin", 0) == 0) return;
  for (const Expr *a : call->arguments()) use(*a, UseKind::PassedToCall, values(a, state), state, report);
}

void Engine::transferReturn(const ReturnStmt *ret, BlockState &state, bool report) {
  if (const Expr *value = ret->getRetValue()) use(*value, UseKind::Returned, values(value, state), state, report);
  if (report) {
    bool constantError = returnIsConstantError(ret);
    bool returnsStatus = ret->getRetValue() && isStatusVar(ret->getRetValue());
    for (auto *o : observers_) o->onReturn(*this, *ret, constantError, returnsStatus);
  }
}

void Engine::transfer(const Stmt *stmt, BlockState &state, bool report) {
  if (report)
    for (auto *o : observers_) o->onStmt(*this, *stmt);
  if (const auto *call = dyn_cast<CallExpr>(stmt)) return transferCall(call, state, report);
  if (const auto *binary = dyn_cast<BinaryOperator>(stmt)) {
    if (binary->getOpcode() == BO_Assign)
      return transferAssign(binary->getLHS(), binary->getRHS(), stmt, state, report, false);
    if (binary->isCompoundAssignmentOp())
      return transferAssign(binary->getLHS(), binary->getRHS(), stmt, state, report, true);
    return;
  }
  if (const auto *unary = dyn_cast<UnaryOperator>(stmt)) {
    if (unary->isIncrementDecrementOp()) {
      if (const Expr *ptr = accessedPointer(unary->getSubExpr())) cpuAccess(ptr, *unary, true, state, report);
      if (isStatusVar(unary->getSubExpr())) setStatus(state, Status::Unknown);
    }
    return;
  }
  if (const auto *cast = dyn_cast<ImplicitCastExpr>(stmt)) {
    if (cast->getCastKind() == CK_LValueToRValue)
      if (const Expr *ptr = accessedPointer(cast->getSubExpr())) cpuAccess(ptr, *cast, false, state, report);
    return;
  }
  if (const auto *decl = dyn_cast<DeclStmt>(stmt)) {
    for (const Decl *d : decl->decls()) {
      const auto *var = dyn_cast<VarDecl>(d);
      if (!var) continue;
      std::string key = var->getNameAsString();
      for (auto it = state.bindings.begin(); it != state.bindings.end();)
        it = keyDerivesFrom(it->first, key) ? state.bindings.erase(it) : std::next(it);
      if (const Expr *init = var->getInit()) {
        ValueSet vals = values(init, state);
        if (!vals.empty()) state.bindings[key] = vals;
        if (var == statusVar_) setStatus(state, statusClass(init));
      }
    }
    return;
  }
  if (const auto *ret = dyn_cast<ReturnStmt>(stmt)) return transferReturn(ret, state, report);
}

void Engine::transferBlock(const CFGBlock &block, BlockState &state, bool report) {
  for (const CFGElement &element : block) {
    if (auto stmt = element.getAs<CFGStmt>()) {
      current_ = &state;
      transfer(stmt->getStmt(), state, report);
    }
  }
  if (report && block.getTerminatorStmt()) {
    current_ = &state;
    for (auto *o : observers_) o->onStmt(*this, *block.getTerminatorStmt());
  }
  if (report && block.succ_empty() && &block == exit_) {
    current_ = &state;
    for (auto *o : observers_) o->onExit(*this);
  }
}

void Engine::run() {
  const Stmt *body = fn_.getBody();
  if (!body) return;
  CallCollector probe(api_, &ast_);
  probe.TraverseStmt(const_cast<Stmt *>(body));
  if (!probe.interesting && !isHardIrqHandler()) return;  // nothing DMA-related: skip the CFG
  collectResources(body);
  collectLockEffects(body);
  statusVar_ = findStatusVariable(body);

  CFG::BuildOptions options;
  options.setAllAlwaysAdd();
  options.PruneTriviallyFalseEdges = true;
  options.AddImplicitDtors = false;
  options.AddInitializers = false;
  std::unique_ptr<CFG> cfg = CFG::buildCFG(&fn_, const_cast<Stmt *>(body), &ast_, options);
  if (!cfg) return;
  exit_ = &cfg->getExit();

  std::vector<BlockState> in(cfg->getNumBlockIDs());
  for (auto &s : in) s.res.resize(resources_.size());
  BlockState &entry = in[cfg->getEntry().getBlockID()];
  entry.reachable = true;
  if (isHardIrqHandler()) entry.irqDepths = entry.atomicDepths = 2;

  auto propagate = [&](const CFGBlock &block, const BlockState &out, std::deque<const CFGBlock *> *work) {
    const Stmt *cond = block.getTerminatorCondition(/*StripParens=*/false);
    bool branch = cond && block.succ_size() == 2;
    unsigned index = 0;
    for (auto it = block.succ_begin(); it != block.succ_end(); ++it, ++index) {
      const CFGBlock *succ = it->getReachableBlock();
      if (!succ) continue;
      BlockState edge = out;
      if (branch) refine(dyn_cast<Expr>(cond), index == 0, edge);
      if (edge.statusMask == 0) continue;  // infeasible: the status variable cannot be both
      if (in[succ->getBlockID()].join(edge) && work) work->push_back(succ);
    }
  };

  // Fixpoint, silently.
  std::deque<const CFGBlock *> work = {&cfg->getEntry()};
  size_t budget = 64 * cfg->getNumBlockIDs() + 1000;
  while (!work.empty() && budget-- > 0) {
    const CFGBlock *block = work.front();
    work.pop_front();
    BlockState state = in[block->getBlockID()];
    if (!state.reachable) continue;
    transferBlock(*block, state, /*report=*/false);
    propagate(*block, state, &work);
  }
  // Report, once per block, from the fixpoint's in-states. The CFG is built
  // backwards, so descending block ids are close to source order, and the
  // exit block (id 0) comes last.
  std::vector<const CFGBlock *> order(cfg->begin(), cfg->end());
  std::sort(order.begin(), order.end(),
            [](const CFGBlock *a, const CFGBlock *b) { return a->getBlockID() > b->getBlockID(); });
  for (const CFGBlock *block : order) {
    BlockState state = in[block->getBlockID()];
    if (!state.reachable) continue;
    transferBlock(*block, state, /*report=*/true);
  }
  current_ = nullptr;
}

}  // namespace

// ===========================================================================
// Public entry points
// ===========================================================================
UnitFacts collectUnitFacts(ASTContext &ast) {
  struct Visitor : RecursiveASTVisitor<Visitor> {
    UnitFacts facts;
    bool VisitCallExpr(CallExpr *call) {
      std::string_view name = calleeName(*call);
      int handlerArg = nameIn(name, {"request_irq", "request_threaded_irq", "request_any_context_irq"}) ? 1
                       : nameIn(name, {"devm_request_irq", "devm_request_threaded_irq"})              ? 2
                                                                                                      : -1;
      if (handlerArg < 0 || unsigned(handlerArg) >= call->getNumArgs()) return true;
      if (const auto *ref = dyn_cast<DeclRefExpr>(call->getArg(handlerArg)->IgnoreParenCasts()))
        if (const auto *fn = dyn_cast<FunctionDecl>(ref->getDecl())) facts.hardIrqHandlers.insert(fn->getCanonicalDecl());
      return true;
    }
  } visitor;
  visitor.TraverseDecl(ast.getTranslationUnitDecl());
  return visitor.facts;
}

void analyzeFunction(ASTContext &ast, const FunctionDecl &function, const rules::DmaApiTable &api,
                     const UnitFacts &facts, const std::vector<FlowObserver *> &observers) {
  Engine engine(ast, function, api, facts, observers);
  engine.run();
}

}  // namespace dmacheck::analyzer::flow
