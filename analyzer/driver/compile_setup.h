// Where a file's compile flags come from: a compile_commands.json (-p) or the
// built-in kernel model. Bad databases and unknown files are reported, never
// fatal to the run.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}

namespace dmacheck::analyzer {

struct CompileSetup {
  std::string directory;               // working directory of the compile
  std::vector<std::string> arguments;  // full command line, compiler first, file last
  std::string flagsSource;             // "compile_commands.json" | "built-in kernel model" | "kernel tree DIR"
  bool usesModel = false;
  // Built-in model only: headers the file includes that neither the model nor
  // the file's directory provides; they are served as empty files.
  std::vector<std::string> unresolvedHeaders;
};

// A configured kernel tree (after `make defconfig && make prepare`, or a
// distribution's linux-headers package), from which dmacheck synthesizes the
// flags kbuild would give any file, so no compile_commands.json is needed.
// Sources and generated files may live apart: in-tree builds have srcTree ==
// objTree; Debian splits them into linux-headers-V-common (sources) and
// linux-headers-V-ARCH (generated files, whose Makefile includes the common one).
class KernelTree {
 public:
  // Checks DIR looks like a prepared kernel tree; false with a reason that
  // says what is missing (e.g. "run make defconfig && make prepare").
  bool open(const std::string &dir, std::string &error);
  const std::string &srcTree() const { return srcTree_; }
  const std::string &objTree() const { return objTree_; }
  // kbuild's flags for `file`: in-tree sources and out-of-tree module files alike.
  CompileSetup setupFor(const std::string &file) const;

 private:
  std::string srcTree_, objTree_;
  std::string arch_ = "x86";
  std::vector<std::string> configFlags_;  // flags kbuild adds for the tree's configuration
  std::set<std::string> config_;          // CONFIG_X (=y) and CONFIG_X_MODULE (=m) of autoconf.h
};

class FlagsProvider {
 public:
  FlagsProvider();
  ~FlagsProvider();
  // Flags for files not in the compile database come from this tree instead
  // of the built-in kernel model.
  bool loadKernelTree(const std::string &dir, std::string &error);
  bool hasKernelTree() const { return kernelTree_ != nullptr; }
  const KernelTree *kernelTree() const { return kernelTree_.get(); }
  // Loads BUILD_DIR/compile_commands.json; false with clang's reason on error.
  bool loadCompileDatabase(const std::string &buildDir, std::string &error);
  bool hasCompileDatabase() const { return db_ != nullptr; }
  // Files the database lists (for `dmacheck -p build/` with no paths).
  std::vector<std::string> databaseFiles() const;
  // Whether the compile database has a command for `file` (it was built).
  bool inCompileDatabase(const std::string &file) const;
  CompileSetup forFile(const std::string &file) const;

 private:
  std::unique_ptr<clang::tooling::CompilationDatabase> db_;
  std::unique_ptr<KernelTree> kernelTree_;
};

// Flags the built-in kernel model needs for `file` (exposed for tests and docs).
// `code`: the file's text when it is not on disk.
CompileSetup modelSetup(const std::string &file, const std::string *code = nullptr);
// The resource directory of the clang dmacheck is built with (its stddef.h,
// stdarg.h: kbuild's `-isystem $(shell $(CC) -print-file-name=include)`).
const char *clangResourceDir();
// kbuild's module name for a file: its stem with non-identifier characters
// replaced (kbuild's own is the module the object links into; only pr_fmt
// strings see the difference).
std::string kbuildName(const std::string &file);
// Drops GCC-only flags clang rejects and adds clang's kernel warnings flags.
std::vector<std::string> sanitizeGccArguments(const std::vector<std::string> &arguments);

}  // namespace dmacheck::analyzer
