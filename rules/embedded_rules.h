#pragma once
namespace dmacheck::rules {
extern const char *const kEmbeddedCatalogueYaml;
extern const char *const kEmbeddedDmaApiYaml;
}  // namespace dmacheck::rules
