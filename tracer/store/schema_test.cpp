#include "schema.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "database.h"
#include "run_types.h"

namespace dmacheck::store {
namespace {

TEST(SchemaTest, EveryTableAndColumnIsDocumented) {
  auto tables = schemaDocs();
  ASSERT_GE(tables.size(), 17u);
  for (const TableDoc &table : tables) {
    EXPECT_FALSE(table.doc.empty()) << table.name;
    EXPECT_FALSE(table.columns.empty()) << table.name;
    for (const ColumnDoc &column : table.columns) {
      EXPECT_FALSE(column.doc.empty()) << table.name << "." << column.name;
      EXPECT_FALSE(column.type.empty()) << table.name << "." << column.name;
    }
  }
}

// The parsed docs must describe the tables SQLite actually creates.
TEST(SchemaTest, DocsMatchTheCreatedTables) {
  Database db;
  std::string error;
  ASSERT_TRUE(db.open(":memory:", Database::Mode::Create, error));
  ASSERT_TRUE(createSchema(db, error)) << error;
  ASSERT_TRUE(createIndexes(db, error)) << error;
  for (const TableDoc &table : schemaDocs()) {
    Statement info = db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    info.bindText(1, table.name);
    std::vector<std::string> actual;
    while (info.step()) actual.push_back(info.columnText(0));
    std::vector<std::string> documented;
    for (const ColumnDoc &column : table.columns) documented.push_back(column.name);
    EXPECT_EQ(actual, documented) << table.name;
  }
}

// docs/database.md is generated from the schema: it must be current.
TEST(SchemaTest, DatabaseMdIsUpToDate) {
  std::ifstream in(std::string(DMACHECK_SOURCE_ROOT) + "/docs/database.md");
  ASSERT_TRUE(in) << "docs/database.md missing";
  std::stringstream text;
  text << in.rdbuf();
  std::string doc = text.str();
  for (const TableDoc &table : schemaDocs()) {
    EXPECT_NE(doc.find("### `" + table.name + "`"), std::string::npos) << table.name;
    for (const ColumnDoc &column : table.columns)
      EXPECT_NE(doc.find("| `" + column.name + "` |"), std::string::npos) << table.name << "." << column.name;
  }
  EXPECT_NE(doc.find(schemaMarkdown()), std::string::npos)
      << "docs/database.md is stale: regenerate with `dmatrace schema --markdown`";
}

TEST(SchemaTest, LookupTablesAreFilled) {
  Database db;
  std::string error;
  ASSERT_TRUE(db.open(":memory:", Database::Mode::Create, error));
  ASSERT_TRUE(createSchema(db, error)) << error;
  Statement q = db.prepare("SELECT (SELECT count(*) FROM event_types), (SELECT count(*) FROM directions), "
                           "(SELECT count(*) FROM mapping_kinds), (SELECT name FROM event_types WHERE id = 18)");
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.columnInt(0), kEventTypeCount);
  EXPECT_EQ(q.columnInt(1), 4);
  EXPECT_EQ(q.columnInt(2), 6);
  EXPECT_EQ(q.columnText(3), "iommu_map");
}

TEST(SchemaTest, CompatibilityCheck) {
  Database db;
  std::string error;
  ASSERT_TRUE(db.open(":memory:", Database::Mode::Create, error));
  EXPECT_FALSE(checkSchemaCompatible(db, error));
  EXPECT_NE(error.find("not a dmatrace run database"), std::string::npos) << error;
  ASSERT_TRUE(createSchema(db, error));
  EXPECT_TRUE(checkSchemaCompatible(db, error)) << error;
  ASSERT_TRUE(db.execute("UPDATE meta SET value = '99' WHERE key IN ('schema_version', 'compatible_version')", error));
  EXPECT_FALSE(checkSchemaCompatible(db, error));
  EXPECT_NE(error.find("newer dmatrace"), std::string::npos) << error;
  // A newer writer that keeps our layout readable is fine.
  ASSERT_TRUE(db.execute("UPDATE meta SET value = '1' WHERE key = 'compatible_version'", error));
  EXPECT_TRUE(checkSchemaCompatible(db, error)) << error;
  // A file older than this reader understands asks for a re-import.
  ASSERT_TRUE(db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'", error));
  EXPECT_FALSE(checkSchemaCompatible(db, error));
  EXPECT_NE(error.find("re-import the trace"), std::string::npos) << error;
}

}  // namespace
}  // namespace dmacheck::store
