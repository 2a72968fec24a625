#include "checks/map_origin_check.h"

#include "checks/message_text.h"
#include "core/ast_helpers.h"
#include "flow/flow_engine.h"

namespace dmacheck::analyzer {

using namespace clang;
using flow::Origin;
using flow::ValueRef;

class MapOriginCheck::Observer : public flow::FlowObserver {
 public:
  explicit Observer(CheckContext &ctx) : ctx_(ctx) {}

  void onApiCall(flow::FlowContext &flow, const CallExpr &call, const rules::ApiFunction &api, int) override {
    if (api.kind != rules::ApiKind::Map) return;
    const Expr *buffer = nullptr;
    std::string via;
    if (api.args.cpu >= 0 && unsigned(api.args.cpu) < call.getNumArgs()) {
      buffer = call.getArg(api.args.cpu);
    } else if (api.args.page >= 0 && unsigned(api.args.page) < call.getNumArgs()) {
      // dma_map_page(dev, virt_to_page(buf), offset_in_page(buf), ...).
      // vmalloc_to_page() is the right way to map vmalloc memory page by page.
      const auto *page = dyn_cast<CallExpr>(stripCasts(call.getArg(api.args.page)));
      std::string_view name = page ? calleeName(*page) : std::string_view();
      if (name == "virt_to_page" && page->getNumArgs() == 1) {
        buffer = page->getArg(0);
        via = " [via=" + std::string(name) + "]";
      }
    }
    if (!buffer) return;
    bool stack = false, vmalloc = false, iomem = false;
    for (const ValueRef &v : flow.valuesOf(buffer)) {
      if (v.kind != ValueRef::kOrigin) continue;
      stack |= v.origin == Origin::Stack;
      vmalloc |= v.origin == Origin::Vmalloc;
      iomem |= v.origin == Origin::Ioremap;
    }
    std::string details = " [function=" + api.name + "] [addr=" + compactSource(flow.ast(), buffer) +
                          "]" + via;
    if (stack)
      ctx_.report("dma-map-stack", buffer,
                  "device driver maps memory from stack" + details +
                      ": stacks may be vmapped and share cache lines; use kmalloc'ed memory",
                  &flow.function());
    if (vmalloc)
      ctx_.report("dma-map-vmalloc", buffer,
                  "device driver maps memory from vmalloc area" + details +
                      ": vmalloc memory is not physically contiguous; use kmalloc or map it page by page (sg)",
                  &flow.function());
    if (iomem)
      ctx_.report("dma-map-iomem", buffer,
                  "ioremap'd MMIO address passed to dma_map_single()" + details +
                      ": map the resource's physical address with dma_map_resource()",
                  &flow.function());
  }

 private:
  CheckContext &ctx_;
};

MapOriginCheck::MapOriginCheck(CheckContext &ctx) : Check(ctx), observer_(std::make_unique<Observer>(ctx)) {}
MapOriginCheck::~MapOriginCheck() = default;
flow::FlowObserver *MapOriginCheck::flowObserver() { return observer_.get(); }

std::unique_ptr<Check> createMapOriginCheck(CheckContext &ctx) { return std::make_unique<MapOriginCheck>(ctx); }

}  // namespace dmacheck::analyzer
