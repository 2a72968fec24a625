// The clang::tooling::ClangTool setup shared by the analysis and the result
// cache's preprocessor run: both must see exactly the same arguments and the
// same files (the built-in model is served from memory), or the cache key
// would describe a different compile than the one analysed. Internal to
// driver/ (clang headers).
#pragma once

#include <clang/Tooling/Tooling.h>

#include <memory>
#include <string>

#include "driver/compile_setup.h"

namespace dmacheck::analyzer {

// A tool that compiles `absFile` (the last argument of `setup`) once, with the
// model's in-memory headers when `setup.usesModel`, and `code` as the file's
// text when it is not on disk.
std::unique_ptr<clang::tooling::ClangTool> makeClangTool(const CompileSetup &setup, const std::string &absFile,
                                                         const std::string *code);

}  // namespace dmacheck::analyzer
