#include "driver/compile_setup.h"

#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/JSONCompilationDatabase.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "driver/kernel_model.h"

namespace dmacheck::analyzer {

namespace fs = std::filesystem;

FlagsProvider::FlagsProvider() = default;
FlagsProvider::~FlagsProvider() = default;

bool FlagsProvider::loadCompileDatabase(const std::string &buildDir, std::string &error) {
  fs::path path = fs::path(buildDir);
  if (fs::is_directory(path)) path /= "compile_commands.json";
  if (!fs::exists(path)) {
    error = path.string() + ": no compile_commands.json here";
    return false;
  }
  std::string message;
  db_ = clang::tooling::JSONCompilationDatabase::loadFromFile(
      path.string(), message, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!db_) {
    error = path.string() + ": " + (message.empty() ? "not a compilation database" : message);
    return false;
  }
  return true;
}

std::vector<std::string> FlagsProvider::databaseFiles() const {
  return db_ ? db_->getAllFiles() : std::vector<std::string>{};
}

std::vector<std::string> sanitizeGccArguments(const std::vector<std::string> &arguments) {
  static const std::vector<std::string> kDropExact = {
      "-mindirect-branch-register", "-fno-allow-store-data-races", "-fconserve-stack",
      "-mrecord-mcount", "-fno-var-tracking-assignments", "-mskip-rax-setup", "-fmin-function-alignment=16",
      "-Werror"};
  static const std::vector<std::string> kDropPrefix = {
      "-mpreferred-stack-boundary=", "-mindirect-branch=", "-falign-jumps=", "-mfunction-return=",
      "-fzero-call-used-regs=", "-fpatchable-function-entry=", "-mharden-sls=", "-fsanitize-coverage=",
      "-Werror="};
  std::vector<std::string> out;
  for (size_t i = 0; i < arguments.size(); ++i) {
    const std::string &arg = arguments[i];
    bool drop = false;
    for (const auto &d : kDropExact) drop |= arg == d;
    for (const auto &p : kDropPrefix) drop |= arg.rfind(p, 0) == 0;
    if (drop) continue;
    out.push_back(arg);
  }
  // Insert before the file name (the last argument) so they apply to it.
  auto at = out.empty() ? out.end() : out.end() - 1;
  out.insert(at, {"-Wno-unknown-warning-option", "-Wno-gnu", "-Wno-duplicate-decl-specifier"});
  return out;
}

CompileSetup FlagsProvider::forFile(const std::string &file) const {
  if (db_) {
    std::string abs = fs::absolute(file).lexically_normal().string();
    auto commands = db_->getCompileCommands(abs);
    if (!commands.empty()) {
      CompileSetup setup;
      setup.directory = commands.front().Directory;
      setup.arguments = sanitizeGccArguments(commands.front().CommandLine);
      setup.flagsSource = "compile_commands.json";
      return setup;
    }
  }
  CompileSetup setup = modelSetup(file);
  if (db_) setup.flagsSource = "built-in kernel model (not in compile_commands.json)";
  return setup;
}

namespace {

// `#include <x>` / `#include "x"` directives of a file, in order. Comments are
// not stripped: a commented-out include only adds a harmless empty header.
std::vector<std::pair<std::string, bool>> scanIncludes(std::istream &in) {
  static const std::regex kInclude(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
  std::vector<std::pair<std::string, bool>> includes;  // name, quoted
  for (std::string line; std::getline(in, line);) {
    if (line.find("include") == std::string::npos) continue;
    std::smatch m;
    if (std::regex_search(line, m, kInclude)) includes.emplace_back(m[2].str(), m[1].str() == "\"");
  }
  return includes;
}

}  // namespace

CompileSetup modelSetup(const std::string &file, const std::string *code) {
  CompileSetup setup;
  fs::path path = fs::absolute(file).lexically_normal();
  fs::path dir = path.parent_path();
  setup.directory = dir.string();
  setup.flagsSource = "built-in kernel model";
  setup.usesModel = true;

  std::string modname = path.stem().string();
  for (char &c : modname)
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  setup.arguments = {"clang", "-x", "c", "-std=gnu11", "-fsyntax-only", "-target", "x86_64-linux-gnu",
                     "-nostdinc", "-isystem", kModelRoot, "-idirafter", kUnresolvedRoot,
                     "-D__KERNEL__", "-DMODULE", "-DKBUILD_MODNAME=\"" + modname + "\"",
                     "-DKBUILD_BASENAME=\"" + modname + "\"", "-fno-builtin", "-ferror-limit=0",
                     "-Wno-everything", "-I" + dir.string()};
  if (modelProvides(kModelPrelude)) {
    setup.arguments.push_back("-include");
    setup.arguments.push_back(kModelPrelude);
  }
  setup.arguments.push_back(path.string());

  // Follow quoted includes found next to the file so their includes resolve too.
  std::set<std::string> seen;
  std::vector<fs::path> queue = {path};
  std::set<fs::path> visited;
  while (!queue.empty()) {
    fs::path current = queue.back();
    queue.pop_back();
    if (!visited.insert(current).second) continue;
    std::ifstream fileStream;
    std::istringstream codeStream;
    if (code && current == path) codeStream.str(*code);
    else fileStream.open(current);
    std::istream &in = code && current == path ? static_cast<std::istream &>(codeStream) : fileStream;
    for (const auto &[name, quoted] : scanIncludes(in)) {
      if (quoted) {
        fs::path local = current.parent_path() / name;
        if (fs::exists(local)) {
          queue.push_back(local.lexically_normal());
          continue;
        }
        if (fs::exists(dir / name)) {
          queue.push_back((dir / name).lexically_normal());
          continue;
        }
      }
      if (modelProvides(name)) continue;
      if (seen.insert(name).second) setup.unresolvedHeaders.push_back(name);
    }
  }
  return setup;
}

}  // namespace dmacheck::analyzer
