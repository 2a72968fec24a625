#include "driver/compile_setup.h"

#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/JSONCompilationDatabase.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "driver/kbuild_status.h"
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

bool FlagsProvider::loadKernelTree(const std::string &dir, std::string &error) {
  auto tree = std::make_unique<KernelTree>();
  if (!tree->open(dir, error)) return false;
  kernelTree_ = std::move(tree);
  return true;
}

bool FlagsProvider::inCompileDatabase(const std::string &file) const {
  return db_ && !db_->getCompileCommands(fs::absolute(file).lexically_normal().string()).empty();
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
  if (kernelTree_) {
    CompileSetup setup = kernelTree_->setupFor(file);
    if (db_) setup.flagsSource += " (not in compile_commands.json)";
    return setup;
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

bool isFile(const fs::path &path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

bool isDirectory(const fs::path &path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

// Debian's linux-headers-V-ARCH/Makefile is one line, "include
// /usr/src/linux-headers-V-common/Makefile": the sources are there.
std::string includedMakefileDir(const fs::path &makefile) {
  static const std::regex kInclude(R"(^\s*include\s+(\S+)/Makefile\s*$)");
  std::ifstream in(makefile);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_match(line, m, kInclude)) return m[1].str();
  }
  return "";
}

// -I and -D flags a directory's Makefile/Kbuild gives its files
// (ccflags-y, subdir-ccflags-y from parents, CFLAGS_<file>.o), with the kbuild
// variables dmacheck can resolve; anything conditional on a make variable is
// skipped. Without these, drivers that `#include "foo.h"` from a sibling
// directory do not parse.
void addMakefileFlags(const fs::path &srcTree, const fs::path &objTree, const fs::path &fileDir,
                      const std::string &objectName, const std::set<std::string> &config,
                      std::vector<std::string> &out) {
  static const std::regex kConfigSuffix(R"(-\$\((CONFIG_\w+)\)$)");
  static const std::regex kAssign(
      R"(^\s*(ccflags-[^\s:+?=]*|subdir-ccflags-[^\s:+?=]*|CFLAGS_([^\s:+?=]+))\s*[:+?]?=\s*(.*)$)");
  std::vector<fs::path> dirs;
  for (fs::path d = fileDir;; d = d.parent_path()) {
    dirs.push_back(d);
    if (d == srcTree || !d.has_parent_path() || d.parent_path() == d) break;
    auto rel = d.lexically_relative(srcTree);
    if (rel.empty() || *rel.begin() == "..") break;  // out-of-tree module: only its own dir
  }
  for (size_t i = dirs.size(); i-- > 0;) {
    const fs::path &d = dirs[i];
    bool own = d == fileDir;
    for (const char *name : {"Kbuild", "Makefile"}) {
      for (const std::string &line : kbuildLogicalLines((d / name).string())) {
        if (line.find("ccflags-") == std::string::npos && line.find("CFLAGS_") == std::string::npos) continue;
        std::smatch m;
        if (!std::regex_match(line, m, kAssign)) continue;
        std::string var = m[1].str();
        bool subdir = var.rfind("subdir-ccflags-", 0) == 0;
        if (!own && !subdir) continue;
        if (m[2].matched && m[2].str() != objectName + ".o") continue;
        // ccflags-$(CONFIG_FOO) (mostly debug switches: -DDEBUG) count when the
        // option is y or m in the tree's configuration.
        if (!m[2].matched && var.back() != 'y') {
          std::smatch c;
          if (!std::regex_search(var, c, kConfigSuffix)) continue;
          if (!config.count(c[1].str()) && !config.count(c[1].str() + "_MODULE")) continue;
        }
        if (var.find("remove") != std::string::npos) continue;  // ccflags-remove-y takes flags away
        std::string value = m[3].str();
        auto hash = value.find('#');
        if (hash != std::string::npos) value.resize(hash);
        auto replaceAll = [&](const std::string &from, const std::string &to) {
          for (size_t at = value.find(from); at != std::string::npos; at = value.find(from, at + to.size()))
            value.replace(at, from.size(), to);
        };
        replaceAll("$(srctree)", srcTree.string());
        replaceAll("$(objtree)", objTree.string());
        replaceAll("$(src)", d.string());
        replaceAll("$(obj)", d.string());
        std::istringstream tokens(value);
        std::vector<std::string> words;
        for (std::string w; tokens >> w;) words.push_back(w);
        for (size_t k = 0; k < words.size(); ++k) {
          std::string w = words[k];
          if ((w == "-I" || w == "-D") && k + 1 < words.size()) w += words[++k];
          if (w.find('$') != std::string::npos) continue;
          if (w.rfind("-I", 0) == 0) {
            fs::path inc = w.substr(2);
            if (inc.is_relative()) inc = objTree / inc;  // kbuild runs the compiler in the object tree
            out.push_back("-I" + inc.lexically_normal().string());
          } else if (w.rfind("-D", 0) == 0 && w.size() > 2) {
            out.push_back(w);
          }
        }
      }
    }
  }
}

enum class Linkage { Unknown, BuiltIn, Module };

// What kbuild links `stem`.o into, from its directory's Kbuild/Makefile:
// `obj-y|m|$(CONFIG_X) += stem.o`, or a composite `name-y|objs|$(CONFIG_X) +=
// stem.o` with `obj-... += name.o`. Built-in objects are compiled without
// -DMODULE (module_init then becomes an initcall: a built-in file parsed with
// -DMODULE can define two module_init()s), and a composite's files take the
// module's name. Anything not found, or switched off in this configuration,
// is Unknown: parsed as a module named after the file.
Linkage kbuildLinkage(const fs::path &dir, const std::string &stem, const std::set<std::string> &config,
                      std::string &module) {
  static const std::regex kList(R"(^\s*([A-Za-z0-9_.-]+?)-(y|m|objs|\$\((CONFIG_[A-Za-z0-9_]+)\))\s*[:+]?=\s*(.*)$)");
  struct Entry {
    std::string prefix;
    char state;  // 'y', 'm', 'n'
    std::vector<std::string> objects;
  };
  std::vector<Entry> entries;
  for (const char *name : {"Kbuild", "Makefile"}) {
    for (const auto &line : kbuildLogicalLines((dir / name).string())) {
      std::smatch m;
      if (line.find("-") == std::string::npos || !std::regex_match(line, m, kList)) continue;
      Entry e{m[1].str(), 'n', {}};
      std::string suffix = m[2].str();
      if (suffix == "y" || suffix == "objs") e.state = 'y';
      else if (suffix == "m") e.state = 'm';
      else if (config.count(m[3].str())) e.state = 'y';
      else if (config.count(m[3].str() + "_MODULE")) e.state = 'm';
      std::istringstream words(m[4].str());
      for (std::string w; words >> w;) e.objects.push_back(w);
      entries.push_back(std::move(e));
    }
    if (!entries.empty()) break;  // kbuild reads Kbuild in preference to Makefile
  }
  auto linkageOf = [&](const std::string &object, const std::string &prefix) {
    for (const auto &e : entries)
      if (e.prefix == prefix && e.state != 'n' && std::count(e.objects.begin(), e.objects.end(), object))
        return e.state == 'y' ? Linkage::BuiltIn : Linkage::Module;
    return Linkage::Unknown;
  };
  module = stem;
  Linkage direct = linkageOf(stem + ".o", "obj");
  if (direct != Linkage::Unknown) return direct;
  for (const auto &e : entries) {
    if (e.prefix == "obj" || e.state == 'n' || !std::count(e.objects.begin(), e.objects.end(), stem + ".o")) continue;
    Linkage composite = linkageOf(e.prefix + ".o", "obj");
    if (composite == Linkage::Unknown) continue;
    module = e.prefix;
    return composite;
  }
  return Linkage::Unknown;
}

}  // namespace

const char *clangResourceDir() { return DMACHECK_CLANG_RESOURCE_DIR; }

std::string kbuildName(const std::string &file) {
  std::string name = fs::path(file).stem().string();
  for (char &c : name)
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

bool KernelTree::open(const std::string &dir, std::string &error) {
  std::error_code ec;
  fs::path root = fs::weakly_canonical(fs::absolute(dir), ec);
  if (ec || !isDirectory(root)) {
    error = "--kernel-tree " + dir + ": not a directory";
    return false;
  }
  fs::path src = root, obj = root;
  if (!isFile(root / "include/linux/kconfig.h")) {
    // A split tree: generated files here, sources where its Makefile points.
    std::string included = includedMakefileDir(root / "Makefile");
    if (included.empty() || !isFile(fs::path(included) / "include/linux/kconfig.h")) {
      error = "--kernel-tree " + dir +
              ": not a kernel source tree (no include/linux/kconfig.h, and its Makefile names no tree that has one)";
      return false;
    }
    src = fs::weakly_canonical(fs::path(included), ec);
  }
  if (!isFile(obj / "include/generated/autoconf.h")) {
    error = "--kernel-tree " + dir +
            ": the tree is not configured (no include/generated/autoconf.h); run `make defconfig && make prepare` in it";
    return false;
  }
  if (!isDirectory(obj / "arch" / arch_ / "include/generated/asm") ||
      !isDirectory(obj / "include/generated/uapi")) {
    error = "--kernel-tree " + dir +
            ": generated headers are missing (no arch/x86/include/generated/asm); run `make prepare` in it";
    return false;
  }
  std::set<std::string> config;
  {
    static const std::regex kDefine(R"(^#define (CONFIG_[A-Za-z0-9_]+) 1$)");
    std::ifstream in(obj / "include/generated/autoconf.h");
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (std::regex_match(line, m, kDefine)) config.insert(m[1].str());
    }
  }
  config_ = config;
  if (!config.count("CONFIG_X86_64")) {
    error = "--kernel-tree " + dir + ": only x86_64 configurations are supported (CONFIG_X86_64 is not set)";
    return false;
  }
  configFlags_.clear();
  // The top Makefile's CC_FLAGS_USING: asm/ftrace.h refuses to parse with
  // CONFIG_FUNCTION_TRACER unless the compiler was told -mfentry (allmodconfig, distro configs).
  if (config.count("CONFIG_FUNCTION_TRACER") && config.count("CONFIG_HAVE_FENTRY"))
    configFlags_.push_back("-DCC_USING_FENTRY");
  srcTree_ = src.string();
  objTree_ = obj.string();
  return true;
}

CompileSetup KernelTree::setupFor(const std::string &file) const {
  CompileSetup setup;
  fs::path path = fs::absolute(file).lexically_normal();
  fs::path dir = path.parent_path();
  fs::path src(srcTree_), obj(objTree_);
  fs::path archInclude = src / "arch" / arch_ / "include";
  fs::path archGenerated = obj / "arch" / arch_ / "include/generated";
  // kbuild runs the compiler in the object tree.
  setup.directory = objTree_;
  setup.flagsSource = "kernel tree " + srcTree_;
  std::string module;
  Linkage linkage = kbuildLinkage(dir, path.stem().string(), config_, module);
  std::string name = kbuildName(module + ".c"), base = kbuildName(file);
  setup.arguments = {"clang", "-x", "c", "-std=gnu11", "-fsyntax-only", "-target", "x86_64-linux-gnu",
                     // LINUXINCLUDE and USERINCLUDE of the top Makefile, in its order.
                     "-nostdinc", "-isystem", std::string(clangResourceDir()) + "/include",
                     "-I" + archInclude.string(), "-I" + archGenerated.string(), "-I" + (src / "include").string()};
  if (obj != src) setup.arguments.push_back("-I" + (obj / "include").string());
  for (const std::string &inc : {(archInclude / "uapi").string(), (archGenerated / "uapi").string(),
                                 (src / "include/uapi").string(), (obj / "include/generated/uapi").string()})
    setup.arguments.push_back("-I" + inc);
  for (const char *header : {"include/linux/compiler-version.h", "include/linux/kconfig.h",
                             "include/linux/compiler_types.h"}) {
    setup.arguments.push_back("-include");
    setup.arguments.push_back((src / header).string());
  }
  // The x86_64 KBUILD_CFLAGS that change what parses (types, builtins,
  // target features checked by headers); code-generation-only flags are left out.
  setup.arguments.push_back("-D__KERNEL__");
  if (linkage != Linkage::BuiltIn) setup.arguments.push_back("-DMODULE");
  for (const char *flag : {"-fno-strict-aliasing", "-fno-common", "-fshort-wchar",
                           "-funsigned-char", "-fno-PIE", "-m64", "-mno-sse", "-mno-mmx", "-mno-sse2", "-mno-3dnow",
                           "-mno-avx", "-mno-80387", "-mstack-alignment=8", "-mno-red-zone", "-mcmodel=kernel",
                           "-ferror-limit=0", "-Wno-everything"})
    setup.arguments.push_back(flag);
  setup.arguments.insert(setup.arguments.end(), configFlags_.begin(), configFlags_.end());
  setup.arguments.push_back("-DKBUILD_MODNAME=\"" + name + "\"");
  setup.arguments.push_back("-DKBUILD_BASENAME=\"" + base + "\"");
  setup.arguments.push_back("-D__KBUILD_MODNAME=kmod_" + name);
  // Built-in objects' MODULE_FILE: the module's path relative to the tree, as kbuild gives it.
  fs::path rel = path.lexically_relative(src);
  if (!rel.empty() && *rel.begin() != "..")
    setup.arguments.push_back("-DKBUILD_MODFILE=\"" + (rel.parent_path() / module).generic_string() + "\"");
  setup.arguments.push_back("-I" + dir.string());
  addMakefileFlags(src, obj, dir, path.stem().string(), config_, setup.arguments);
  setup.arguments.push_back(path.string());
  return setup;
}

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
