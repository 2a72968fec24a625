// The result cache: an unchanged file is not analysed again (ccache's shape).
//
// Key = BLAKE3 of
//   - the run's part (runKey): the dmacheck build (version, the ELF build ids
//     of dmacheck and libclang-cpp, which embed the rule catalogue and the DMA
//     API table), the enabled rules, the raw .dmacheck.yaml (wrapper rows and
//     rule options) and the options that change a file's result;
//   - the file's part (fileKey): the name the user gave it (findings carry it),
//     its compile setup (directory, arguments, flags source), and what clang's
//     preprocessor read for it, in order: the name and content of every file it
//     entered (the main file, every header, the predefines buffer).
//
// Why the preprocessor's inputs and not its output text: the output keeps
// neither columns (findings and notes carry them), nor macro names (messages
// name `dma_unmap_single`, which the output spells dma_unmap_single_attrs),
// nor comments (`dmacheck-ignore` suppressions). The files the preprocessor
// entered determine all of these, and running only the preprocessor (macros
// expanded in directives only) still finds them with the real include
// resolution (-I order, #include_next, __has_include, CONFIG_ guards) at a
// fraction of the cost of a parse: 0.10 s against 0.44 s for nvme/host/pci.c.
//
// Value = the FileResult after suppressions (baselines are applied later, to
// the whole run), in the worker wire form behind a header line naming the key.
// Entries are written to a temporary file and renamed, so parallel workers and
// CI jobs sharing the directory only ever see whole entries. A missing,
// unreadable, truncated or foreign entry is a miss, never an error.
#pragma once

#include <string>

#include "cli/config.h"
#include "core/finding.h"
#include "driver/compile_setup.h"

namespace dmacheck::analyzer {

struct AnalysisOptions;

class ResultCache {
 public:
  // Uses DIR (created when missing). False with a warning when entries cannot
  // be stored there; lookups still work if DIR is readable (a read-only cache
  // shared by CI jobs).
  bool open(const std::string &dir, std::string &warning);
  const std::string &dir() const { return dir_; }
  bool writable() const { return writable_; }

  // The part of the key every file of the run shares; call once before runFiles.
  void setRunKey(const Config &config, const AnalysisOptions &options, const std::string &toolVersion);

  // Runs the preprocessor over `file` with `setup` and returns the entry key
  // (hex); false when clang could not be run at all.
  bool fileKey(const std::string &file, const CompileSetup &setup, std::string &key) const;

  // False on a miss or an entry that is unreadable, corrupt or for another key.
  bool load(const std::string &key, FileResult &result) const;
  // Writes the entry atomically; false when it could not be written.
  bool store(const std::string &key, const FileResult &result) const;

  // Where the entry of `key` lives (DIR/ab/cdef...).
  std::string entryPath(const std::string &key) const;

 private:
  std::string dir_;
  bool writable_ = false;
  std::string runKey_;
};

// The build of this process: version and the ELF build ids of the executable
// and the clang/LLVM libraries it loaded (falls back to their size and mtime).
std::string toolBuildId(const std::string &toolVersion);

}  // namespace dmacheck::analyzer
