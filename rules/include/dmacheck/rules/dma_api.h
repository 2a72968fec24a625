// The DMA API table (rules/dma_api.yaml): what each kernel function does, so the
// checks match on a table row instead of hard-coded names. Users add rows for
// their own wrappers from .dmacheck.yaml with the same schema.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dmacheck::rules {

enum class ApiKind { Map, Unmap, Alloc, Free, SyncForCpu, SyncForDevice, Check, Mask };
enum class ApiFamily { None, Single, Page, Resource, Sg, SgTable, Coherent, Wc, NonCoherent, Pages, NonContiguous, Pool };
enum class ApiReturns { None, Handle, Cpu, Count, Status };

std::string_view apiKindName(ApiKind kind);
std::string_view apiFamilyName(ApiFamily family);
// Families a release may come from: page mappings may be released by
// dma_unmap_page and single ones by dma_unmap_single only, etc.
bool familiesMatch(ApiFamily mapped, ApiFamily released);

// 0-based argument positions; -1 when the function has no such argument.
struct ApiArgs {
  int dev = -1, cpu = -1, page = -1, offset = -1, phys = -1, handle = -1, handleOut = -1;
  int size = -1, dir = -1, nents = -1, gfp = -1, attrs = -1, sg = -1;
};

struct ApiFunction {
  std::string name;
  ApiKind kind = ApiKind::Map;
  ApiFamily family = ApiFamily::None;
  ApiReturns returns = ApiReturns::None;
  ApiArgs args;
  bool managed = false;          // dmam_*: released by devres
  std::string deprecatedBy;      // replacement for removed APIs, empty otherwise
  bool userDefined = false;      // came from a user config
};

struct ApiTracepoint {
  std::string event;  // "dma:dma_map_page"
  ApiKind kind = ApiKind::Map;
  ApiFamily family = ApiFamily::None;
  std::map<std::string, std::string> fields;  // role -> field name
};

class DmaApiTable {
 public:
  static const DmaApiTable &builtin();
  // Adds the rows of a `functions:` (and `tracepoints:`) YAML document; rows
  // replace built-in rows of the same name. False with a message on error.
  bool addYaml(std::string_view yamlText, std::string &error, bool userDefined = false);

  const ApiFunction *find(std::string_view name) const;
  const std::vector<ApiFunction> &functions() const { return functions_; }
  const std::vector<ApiTracepoint> &tracepoints() const { return tracepoints_; }

 private:
  std::vector<ApiFunction> functions_;
  std::map<std::string, size_t, std::less<>> byName_;
  std::vector<ApiTracepoint> tracepoints_;
};

}  // namespace dmacheck::rules
