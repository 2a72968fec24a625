#include "driver/clang_tool.h"

#include <clang/Frontend/PCHContainerOperations.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <llvm/Support/VirtualFileSystem.h>

#include "driver/kernel_model.h"

namespace dmacheck::analyzer {

using namespace clang;

namespace {

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> makeFileSystem(const CompileSetup &setup,
                                                               const std::string *mainFile,
                                                               const std::string *mainCode) {
  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(llvm::vfs::getRealFileSystem());
  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  if (setup.usesModel) {
    for (const ModelHeader *h = kModelHeaders; h->path; ++h)
      memory->addFile(std::string(kModelRoot) + "/" + h->path, 0, llvm::MemoryBuffer::getMemBuffer(h->content));
    for (const auto &name : setup.unresolvedHeaders)
      memory->addFile(std::string(kUnresolvedRoot) + "/" + name, 0, llvm::MemoryBuffer::getMemBuffer(""));
    // The directories must exist even when empty.
    memory->addFile(std::string(kUnresolvedRoot) + "/.keep", 0, llvm::MemoryBuffer::getMemBuffer(""));
    memory->addFile(std::string(kModelRoot) + "/.keep", 0, llvm::MemoryBuffer::getMemBuffer(""));
  }
  if (mainFile && mainCode) memory->addFile(*mainFile, 0, llvm::MemoryBuffer::getMemBufferCopy(*mainCode));
  overlay->pushOverlay(memory);
  return overlay;
}

// ClangTool keeps a reference to its compilation database; this one owns it.
class OwningClangTool : public tooling::ClangTool {
 public:
  OwningClangTool(std::unique_ptr<tooling::FixedCompilationDatabase> db, const std::string &file,
                  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> files)
      : tooling::ClangTool(*db, {file}, std::make_shared<PCHContainerOperations>(), std::move(files)),
        db_(std::move(db)) {}

 private:
  std::unique_ptr<tooling::FixedCompilationDatabase> db_;
};

}  // namespace

std::unique_ptr<tooling::ClangTool> makeClangTool(const CompileSetup &setup, const std::string &absFile,
                                                  const std::string *code) {
  auto db = std::make_unique<tooling::FixedCompilationDatabase>(
      setup.directory, std::vector<std::string>(setup.arguments.begin() + 1, setup.arguments.end() - 1));
  auto tool = std::make_unique<OwningClangTool>(std::move(db), absFile,
                                                makeFileSystem(setup, code ? &absFile : nullptr, code));
  tool->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      {"-resource-dir", DMACHECK_CLANG_RESOURCE_DIR, "-ferror-limit=0", "-fno-caret-diagnostics"},
      tooling::ArgumentInsertPosition::BEGIN));
  tool->setPrintErrorMessage(false);
  return tool;
}

}  // namespace dmacheck::analyzer
