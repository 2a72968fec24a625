// Where a file's compile flags come from: a compile_commands.json (-p) or the
// built-in kernel model. Bad databases and unknown files are reported, never
// fatal to the run.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}

namespace dmacheck::analyzer {

struct CompileSetup {
  std::string directory;               // working directory of the compile
  std::vector<std::string> arguments;  // full command line, compiler first, file last
  std::string flagsSource;             // "compile_commands.json" | "built-in kernel model"
  bool usesModel = false;
  // Built-in model only: headers the file includes that neither the model nor
  // the file's directory provides; they are served as empty files.
  std::vector<std::string> unresolvedHeaders;
};

class FlagsProvider {
 public:
  FlagsProvider();
  ~FlagsProvider();
  // Loads BUILD_DIR/compile_commands.json; false with clang's reason on error.
  bool loadCompileDatabase(const std::string &buildDir, std::string &error);
  bool hasCompileDatabase() const { return db_ != nullptr; }
  // Files the database lists (for `dmacheck -p build/` with no paths).
  std::vector<std::string> databaseFiles() const;
  CompileSetup forFile(const std::string &file) const;

 private:
  std::unique_ptr<clang::tooling::CompilationDatabase> db_;
};

// Flags the built-in kernel model needs for `file` (exposed for tests and docs).
// `code`: the file's text when it is not on disk.
CompileSetup modelSetup(const std::string &file, const std::string *code = nullptr);
// Drops GCC-only flags clang rejects and adds clang's kernel warnings flags.
std::vector<std::string> sanitizeGccArguments(const std::vector<std::string> &arguments);

}  // namespace dmacheck::analyzer
