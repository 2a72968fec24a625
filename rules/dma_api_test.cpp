#include "dmacheck/rules/dma_api.h"

#include <gtest/gtest.h>

using namespace dmacheck::rules;

TEST(DmaApiTable, BuiltinRowsCarryArgumentRoles) {
  const auto &table = DmaApiTable::builtin();
  const ApiFunction *map = table.find("dma_map_single");
  ASSERT_NE(map, nullptr);
  EXPECT_EQ(map->kind, ApiKind::Map);
  EXPECT_EQ(map->family, ApiFamily::Single);
  EXPECT_EQ(map->returns, ApiReturns::Handle);
  EXPECT_EQ(map->args.dev, 0);
  EXPECT_EQ(map->args.size, 2);
  EXPECT_EQ(map->args.dir, 3);

  const ApiFunction *alloc = table.find("dmam_alloc_coherent");
  ASSERT_NE(alloc, nullptr);
  EXPECT_TRUE(alloc->managed);
  EXPECT_EQ(alloc->args.handleOut, 2);

  EXPECT_EQ(table.find("pci_map_single")->deprecatedBy, "dma_map_single");
  EXPECT_EQ(table.find("kmalloc"), nullptr);
  EXPECT_GE(table.tracepoints().size(), 18u);
}

TEST(DmaApiTable, UserRowsAddWrappersAndOverrideBuiltins) {
  DmaApiTable table = DmaApiTable::builtin();
  std::string error;
  ASSERT_TRUE(table.addYaml(R"(functions:
  - {name: my_map, kind: map, family: single, returns: handle, args: {dev: 0, cpu: 1, size: 2, dir: 3}}
  - {name: dma_map_single, kind: map, family: single, returns: handle, args: {dev: 0, cpu: 1, size: 2, dir: 3}}
)", error, true)) << error;
  ASSERT_NE(table.find("my_map"), nullptr);
  EXPECT_TRUE(table.find("my_map")->userDefined);
  EXPECT_TRUE(table.find("dma_map_single")->userDefined);
}

TEST(DmaApiTable, RejectsBadRowsWithTheirName) {
  DmaApiTable table;
  std::string error;
  EXPECT_FALSE(table.addYaml("functions:\n  - {name: f, kind: mapp}\n", error));
  EXPECT_NE(error.find("'f'"), std::string::npos);
  EXPECT_FALSE(table.addYaml("functions:\n  - {name: g, kind: map, args: {devv: 0}}\n", error));
  EXPECT_NE(error.find("devv"), std::string::npos);
  EXPECT_FALSE(table.addYaml("functions:\n  - {name: h, kind: map, args: {dev: 99}}\n", error));
}

TEST(DmaApiTable, FamiliesMatchTreatsWcAsCoherent) {
  EXPECT_TRUE(familiesMatch(ApiFamily::Wc, ApiFamily::Coherent));
  EXPECT_FALSE(familiesMatch(ApiFamily::Single, ApiFamily::Page));
  EXPECT_FALSE(familiesMatch(ApiFamily::Coherent, ApiFamily::Pool));
}
