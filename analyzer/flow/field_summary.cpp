#include "flow/field_summary.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/AST/RecursiveASTVisitor.h>

#include "core/ast_helpers.h"
#include "flow/flow_check_support.h"

namespace dmacheck::analyzer::flow {

using namespace clang;

namespace {

const FieldDecl *fieldOf(const Expr *e) {
  if (!e) return nullptr;
  e = stripCasts(e);
  if (const auto *addr = dyn_cast<UnaryOperator>(e); addr && addr->getOpcode() == UO_AddrOf) e = stripCasts(addr->getSubExpr());
  if (const auto *member = dyn_cast<MemberExpr>(e)) return dyn_cast<FieldDecl>(member->getMemberDecl());
  return nullptr;
}

class Collector : public RecursiveASTVisitor<Collector> {
 public:
  Collector(ASTContext &ast, const rules::DmaApiTable &api,
            std::map<const FieldDecl *, std::vector<FieldMapping>> &mappings, std::vector<FieldRelease> &releases,
            std::set<const FieldDecl *> &otherStores)
      : ast_(ast), api_(api), mappings_(mappings), releases_(releases), otherStores_(otherStores) {}

  bool TraverseFunctionDecl(FunctionDecl *fn) {
    const SourceManager &sm = ast_.getSourceManager();
    if (!fn->doesThisDeclarationHaveABody() || !sm.isWrittenInMainFile(sm.getFileLoc(fn->getLocation()))) return true;
    function_ = fn;
    return RecursiveASTVisitor::TraverseFunctionDecl(fn);
  }

  bool VisitBinaryOperator(BinaryOperator *op) {
    if (!function_ || op->getOpcode() != BO_Assign) return true;
    const FieldDecl *field = fieldOf(op->getLHS());
    if (!field) return true;
    const auto *call = dyn_cast<CallExpr>(op->getRHS()->IgnoreParenCasts());
    const rules::ApiFunction *fn = call ? apiRowForCall(api_, &ast_, *call) : nullptr;
    if (fn && (fn->kind == rules::ApiKind::Map || fn->kind == rules::ApiKind::Alloc)) {
      record(field, call, fn);
      return true;
    }
    // Resetting a field to 0 says nothing about what it holds.
    if (evaluateInt(op->getRHS(), ast_) == std::optional<int64_t>(0)) return true;
    if (op->getRHS()->IgnoreParenCasts()->isNullPointerConstant(ast_, Expr::NPC_ValueDependentIsNotNull)) return true;
    otherStores_.insert(field);
    return true;
  }

  bool VisitCallExpr(CallExpr *call) {
    if (!function_) return true;
    const rules::ApiFunction *fn = apiRowForCall(api_, &ast_, *call);
    if (!fn) return true;
    auto arg = [&](int i) -> const Expr * { return i >= 0 && unsigned(i) < call->getNumArgs() ? call->getArg(i) : nullptr; };
    if (fn->kind == rules::ApiKind::Alloc) {
      if (const FieldDecl *field = fieldOf(arg(fn->args.handleOut))) record(field, call, fn);
      return true;
    }
    if (fn->kind == rules::ApiKind::Unmap || fn->kind == rules::ApiKind::Free || fn->kind == rules::ApiKind::SyncForCpu ||
        fn->kind == rules::ApiKind::SyncForDevice) {
      const FieldDecl *field = fieldOf(arg(fn->args.handle));
      if (!field && fn->kind == rules::ApiKind::Free) field = fieldOf(arg(fn->args.cpu));
      if (!field) return true;
      FieldRelease release{call, fn, function_, field, evaluateInt(arg(fn->args.size), ast_),
                           constantDirection(ast_, arg(fn->args.dir))};
      releases_.push_back(release);
    }
    return true;
  }

 private:
  void record(const FieldDecl *field, const CallExpr *call, const rules::ApiFunction *fn) {
    auto arg = [&](int i) -> const Expr * { return i >= 0 && unsigned(i) < call->getNumArgs() ? call->getArg(i) : nullptr; };
    mappings_[field].push_back({call, fn, function_, evaluateInt(arg(fn->args.size), ast_),
                                constantDirection(ast_, arg(fn->args.dir))});
  }

  ASTContext &ast_;
  const rules::DmaApiTable &api_;
  std::map<const FieldDecl *, std::vector<FieldMapping>> &mappings_;
  std::vector<FieldRelease> &releases_;
  std::set<const FieldDecl *> &otherStores_;
  const FunctionDecl *function_ = nullptr;
};

}  // namespace

FieldSummary FieldSummary::collect(ASTContext &ast, const rules::DmaApiTable &api) {
  FieldSummary summary;
  Collector collector(ast, api, summary.mappings_, summary.releases_, summary.otherStores_);
  collector.TraverseDecl(ast.getTranslationUnitDecl());
  return summary;
}

const std::vector<FieldMapping> *FieldSummary::mappingsOf(const FieldDecl *field) const {
  auto it = mappings_.find(field);
  return it == mappings_.end() ? nullptr : &it->second;
}

bool FieldSummary::mappedInSameFunction(const FieldRelease &release) const {
  const auto *maps = mappingsOf(release.field);
  if (!maps) return false;
  for (const auto &m : *maps)
    if (m.function == release.function) return true;
  return false;
}

}  // namespace dmacheck::analyzer::flow
