#include <ostream>

#include "commands.h"
#include "schema.h"

namespace dmacheck::tracer::cli {

int runSchema(bool markdown, std::ostream &out) {
  if (markdown) {
    out << store::schemaMarkdown();
  } else {
    out << store::schemaSql() << store::indexSql();
  }
  return kExitOk;
}

}  // namespace dmacheck::tracer::cli
