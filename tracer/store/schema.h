// The run database schema, in one place. The SQL text carries a doc comment
// per table and per column; docs/database.md is generated from it
// (`dmatrace schema --markdown`) and a test asserts the two agree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dmacheck::store {

class Database;

// Versions, as Chromium's sql::MetaTable has them:
// - kSchemaVersion: bumped on every change; written to meta.schema_version.
// - kCompatibleVersion: written to meta.compatible_version: the oldest reader
//   that can still read what this build writes. Adding tables or columns
//   keeps it; dropping a column or changing a meaning raises it.
// - kOldestReadableVersion: the oldest file this build's RunReader reads
//   (it selects every column it knows).
// History: 1 first layout; 2 devices.min_phys_addr/max_phys_end; 3 iommu
// map/unmap only in iommu_ops (with task, stack, source), sg arrays as
// events.sg JSON instead of the event_sg table; 4 contiguous iommu:map
// events of one DMA-API call merged into one iommu_ops row (pieces,
// piece_list; view iommu_events); 5 dma_map_page/dma_unmap_page (and
// _resource) and dma_unmap_sg events, and the single iommu:map/unmap linked
// to a mapping, held by their mappings rows (mappings.map_type ..
// unmap_iommu_stack; views mapping_events, all_events, iommu_events).
constexpr int kSchemaVersion = 5;
constexpr int kCompatibleVersion = 5;
constexpr int kOldestReadableVersion = 5;

// CREATE TABLE statements (with doc comments) and the lookup-table rows.
std::string_view schemaSql();
// CREATE INDEX statements; run after the bulk insert.
std::string_view indexSql();

struct ColumnDoc {
  std::string name;
  std::string type;  // declared SQL type
  std::string doc;
};
struct TableDoc {
  std::string name;
  std::string doc;
  std::vector<ColumnDoc> columns;
  bool view = false;
};
// Parsed from schemaSql(): every table with its documented columns.
std::vector<TableDoc> schemaDocs();
// The generated reference part of docs/database.md.
std::string schemaMarkdown();

// Creates the tables and fills meta's schema_version/compatible_version.
bool createSchema(Database &db, std::string &error);
bool createIndexes(Database &db, std::string &error);
// Reads meta and refuses a database this build cannot read.
bool checkSchemaCompatible(Database &db, std::string &error);

}  // namespace dmacheck::store
