// .dmacheck.yaml: a project's wrappers (extra DMA API rows), rule selection and
// rule options, so users extend dmacheck without writing C++.
//
//   functions:                     # same schema as rules/dma_api.yaml
//     - {name: my_map, kind: map, family: single, returns: handle, args: {dev: 0, cpu: 1, size: 2, dir: 3}}
//   enable: [dma-addr-truncation]  # ids or groups; "all"
//   disable: [dma-addr-format]
//   options:
//     dma-unchecked-set-mask: {min-bits: 32}
#pragma once

#include <map>
#include <string>
#include <vector>

#include "dmacheck/rules/dma_api.h"

namespace dmacheck::analyzer {

struct Config {
  std::string path;  // where it was read from, empty for defaults
  std::string text;  // its raw content (part of the result cache key)
  rules::DmaApiTable api = rules::DmaApiTable::builtin();
  std::vector<std::string> enable, disable;
  std::map<std::string, std::map<std::string, std::vector<std::string>>> options;  // rule -> key -> values

  // Loads a config file; false with "file: message" on error.
  bool load(const std::string &file, std::string &error);
  // Looks for .dmacheck.yaml in `dir` and its parents; empty when none.
  static std::string discover(const std::string &dir);
  std::vector<std::string> option(const std::string &rule, const std::string &key,
                                  std::vector<std::string> fallback) const;
};

}  // namespace dmacheck::analyzer
