#include "dmacheck/rules/dma_api.h"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>

#include "embedded_rules.h"

namespace dmacheck::rules {

namespace {

struct KindName { ApiKind kind; const char *name; };
constexpr KindName kKinds[] = {
    {ApiKind::Map, "map"}, {ApiKind::Unmap, "unmap"}, {ApiKind::Alloc, "alloc"}, {ApiKind::Free, "free"},
    {ApiKind::SyncForCpu, "sync_for_cpu"}, {ApiKind::SyncForDevice, "sync_for_device"},
    {ApiKind::Check, "check"}, {ApiKind::Mask, "mask"},
};
struct FamilyName { ApiFamily family; const char *name; };
constexpr FamilyName kFamilies[] = {
    {ApiFamily::None, "none"}, {ApiFamily::Single, "single"}, {ApiFamily::Page, "page"},
    {ApiFamily::Resource, "resource"}, {ApiFamily::Sg, "sg"}, {ApiFamily::SgTable, "sgtable"},
    {ApiFamily::Coherent, "coherent"}, {ApiFamily::Wc, "wc"}, {ApiFamily::NonCoherent, "noncoherent"},
    {ApiFamily::Pages, "pages"}, {ApiFamily::NonContiguous, "noncontiguous"}, {ApiFamily::Pool, "pool"},
};
struct ReturnsName { ApiReturns returns; const char *name; };
constexpr ReturnsName kReturns[] = {
    {ApiReturns::None, "none"}, {ApiReturns::Handle, "handle"}, {ApiReturns::Cpu, "cpu"},
    {ApiReturns::Count, "count"}, {ApiReturns::Status, "status"},
};

template <typename Table, typename Value>
bool lookup(const Table &table, const std::string &name, Value &out) {
  for (const auto &row : table) {
    if (name == row.name) {
      if constexpr (std::is_same_v<Value, ApiKind>) out = row.kind;
      else if constexpr (std::is_same_v<Value, ApiFamily>) out = row.family;
      else out = row.returns;
      return true;
    }
  }
  return false;
}

bool parseArgs(const YAML::Node &node, ApiArgs &args, std::string &error) {
  if (!node) return true;
  for (const auto &kv : node) {
    auto role = kv.first.as<std::string>();
    int pos = kv.second.as<int>();
    int *slot = role == "dev" ? &args.dev : role == "cpu" ? &args.cpu : role == "page" ? &args.page
              : role == "offset" ? &args.offset : role == "phys" ? &args.phys : role == "handle" ? &args.handle
              : role == "handle_out" ? &args.handleOut : role == "size" ? &args.size : role == "dir" ? &args.dir
              : role == "nents" ? &args.nents : role == "gfp" ? &args.gfp : role == "attrs" ? &args.attrs
              : role == "sg" ? &args.sg : nullptr;
    if (!slot) {
      error = "unknown argument role '" + role + "'";
      return false;
    }
    if (pos < 0 || pos > 15) {
      error = "argument '" + role + "' has position " + std::to_string(pos) + " (0..15)";
      return false;
    }
    *slot = pos;
  }
  return true;
}

}  // namespace

std::string_view apiKindName(ApiKind kind) {
  for (const auto &row : kKinds)
    if (row.kind == kind) return row.name;
  return "?";
}

std::string_view apiFamilyName(ApiFamily family) {
  for (const auto &row : kFamilies)
    if (row.family == family) return row.name;
  return "?";
}

bool familiesMatch(ApiFamily mapped, ApiFamily released) {
  if (mapped == released) return true;
  // dma_alloc_attrs/dma_free_attrs are the coherent family; wc memory may be
  // freed through dma_free_attrs with the same attrs — treat wc as coherent.
  auto norm = [](ApiFamily f) { return f == ApiFamily::Wc ? ApiFamily::Coherent : f; };
  return norm(mapped) == norm(released);
}

const DmaApiTable &DmaApiTable::builtin() {
  static const DmaApiTable table = [] {
    DmaApiTable t;
    std::string error;
    if (!t.addYaml(kEmbeddedDmaApiYaml, error)) {
      fprintf(stderr, "dmacheck: internal error in the embedded DMA API table: %s\n", error.c_str());
      abort();
    }
    return t;
  }();
  return table;
}

bool DmaApiTable::addYaml(std::string_view yamlText, std::string &error, bool userDefined) {
  try {
    YAML::Node root = YAML::Load(std::string(yamlText));
    for (const auto &node : root["functions"]) {
      ApiFunction fn;
      fn.name = node["name"].as<std::string>("");
      std::string where = "function '" + fn.name + "'";
      if (fn.name.empty()) {
        error = "a function row has no name";
        return false;
      }
      if (!lookup(kKinds, node["kind"].as<std::string>(""), fn.kind)) {
        error = where + ": unknown kind '" + node["kind"].as<std::string>("") + "'";
        return false;
      }
      if (node["family"] && !lookup(kFamilies, node["family"].as<std::string>(), fn.family)) {
        error = where + ": unknown family '" + node["family"].as<std::string>() + "'";
        return false;
      }
      if (node["returns"] && !lookup(kReturns, node["returns"].as<std::string>(), fn.returns)) {
        error = where + ": unknown returns '" + node["returns"].as<std::string>() + "'";
        return false;
      }
      std::string argError;
      if (!parseArgs(node["args"], fn.args, argError)) {
        error = where + ": " + argError;
        return false;
      }
      fn.managed = node["managed"].as<bool>(false);
      fn.deprecatedBy = node["deprecated"].as<std::string>("");
      fn.userDefined = userDefined;
      auto it = byName_.find(fn.name);
      if (it != byName_.end()) {
        functions_[it->second] = std::move(fn);
      } else {
        byName_.emplace(fn.name, functions_.size());
        functions_.push_back(std::move(fn));
      }
    }
    for (const auto &node : root["tracepoints"]) {
      ApiTracepoint tp;
      tp.event = node["event"].as<std::string>("");
      if (!lookup(kKinds, node["kind"].as<std::string>(""), tp.kind) ||
          !lookup(kFamilies, node["family"].as<std::string>("none"), tp.family)) {
        error = "tracepoint '" + tp.event + "': unknown kind or family";
        return false;
      }
      for (const auto &kv : node["fields"]) tp.fields[kv.first.as<std::string>()] = kv.second.as<std::string>();
      tracepoints_.push_back(std::move(tp));
    }
  } catch (const YAML::Exception &e) {
    error = e.what();
    return false;
  }
  return true;
}

const ApiFunction *DmaApiTable::find(std::string_view name) const {
  auto it = byName_.find(name);
  return it == byName_.end() ? nullptr : &functions_[it->second];
}

}  // namespace dmacheck::rules
