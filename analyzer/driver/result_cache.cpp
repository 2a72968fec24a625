#include "driver/result_cache.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Basic/Version.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/BLAKE3.h>

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "driver/analyze_file.h"
#include "driver/clang_tool.h"

namespace dmacheck::analyzer {

using namespace clang;
namespace fs = std::filesystem;

namespace {

// Bump when the key's composition or the entry format changes, so old entries
// become misses instead of being misread.
constexpr const char *kFormat = "dmacheck-result-cache 1";

// Feeds a length before each field, so ("ab","c") and ("a","bc") differ.
void field(llvm::BLAKE3 &hash, llvm::StringRef text) {
  uint64_t size = text.size();
  hash.update(llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(&size), sizeof size));
  hash.update(text);
}

std::string hexDigest(llvm::BLAKE3 &hash) {
  auto digest = hash.final();
  return llvm::toHex(digest, /*LowerCase=*/true);
}

// ---------------------------------------------------------------------------
// The file's part of the key: what the preprocessor read.

// Records every file the preprocessor enters, in order: its name (include
// resolution: a header found elsewhere is a different input) and its content
// (once per file; guarded headers are entered once anyway).
class EnteredFiles : public PPCallbacks {
 public:
  EnteredFiles(SourceManager &sm, llvm::BLAKE3 &hash, unsigned &entered) : sm_(sm), hash_(hash), entered_(entered) {}
  void FileChanged(SourceLocation loc, FileChangeReason reason, SrcMgr::CharacteristicKind, FileID) override {
    if (reason != EnterFile) return;
    FileID id = sm_.getFileID(loc);
    if (id.isInvalid()) return;
    auto buffer = sm_.getBufferOrNone(id);
    if (!buffer) return;
    ++entered_;
    OptionalFileEntryRef entry = sm_.getFileEntryRefForID(id);
    field(hash_, entry ? entry->getName() : buffer->getBufferIdentifier());
    if (!entry) {  // <built-in> predefines, command-line buffers
      field(hash_, buffer->getBuffer());
      return;
    }
    auto [known, fresh] = contents_.try_emplace(&entry->getFileEntry());
    if (fresh) {
      llvm::BLAKE3 content;
      content.update(buffer->getBuffer());
      known->second = hexDigest(content);
    }
    field(hash_, known->second);
  }

 private:
  SourceManager &sm_;
  llvm::BLAKE3 &hash_;
  unsigned &entered_;
  std::map<const FileEntry *, std::string> contents_;
};

class FingerprintAction : public PreprocessOnlyAction {
 public:
  FingerprintAction(llvm::BLAKE3 &hash, unsigned &entered) : hash_(hash), entered_(entered) {}
  bool BeginSourceFileAction(CompilerInstance &ci) override {
    ci.getPreprocessor().addPPCallbacks(std::make_unique<EnteredFiles>(ci.getSourceManager(), hash_, entered_));
    return PreprocessOnlyAction::BeginSourceFileAction(ci);
  }
  // PreprocessOnlyAction's loop, but macros are expanded only in directives:
  // which files are entered depends on #include/#if alone, and not expanding
  // the code's macros (the kernel's are deep) saves a good part of the run.
  void ExecuteAction() override {
    Preprocessor &pp = getCompilerInstance().getPreprocessor();
    pp.IgnorePragmas();
    pp.SetMacroExpansionOnlyInDirectives();
    pp.EnterMainSourceFile();
    Token token;
    do pp.Lex(token);
    while (token.isNot(tok::eof));
  }

 private:
  llvm::BLAKE3 &hash_;
  unsigned &entered_;
};

class FingerprintFactory : public tooling::FrontendActionFactory {
 public:
  FingerprintFactory(llvm::BLAKE3 &hash, unsigned &entered) : hash_(hash), entered_(entered) {}
  std::unique_ptr<FrontendAction> create() override { return std::make_unique<FingerprintAction>(hash_, entered_); }

 private:
  llvm::BLAKE3 &hash_;
  unsigned &entered_;
};

// ---------------------------------------------------------------------------
// The build id.

struct LoadedObject {
  std::string name;
  std::string buildId;
};

int collectBuildIds(dl_phdr_info *info, size_t, void *data) {
  auto &objects = *static_cast<std::vector<LoadedObject> *>(data);
  std::string name = info->dlpi_name ? info->dlpi_name : "";
  bool first = objects.empty();  // the executable comes first, with an empty name
  if (!first && name.find("clang") == std::string::npos && name.find("LLVM") == std::string::npos) return 0;
  LoadedObject object{first ? "/proc/self/exe" : name, {}};
  for (int i = 0; i < info->dlpi_phnum && object.buildId.empty(); ++i) {
    const ElfW(Phdr) &ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char *p = reinterpret_cast<const char *>(info->dlpi_addr + ph.p_vaddr);
    const char *end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      const auto *note = reinterpret_cast<const ElfW(Nhdr) *>(p);
      const char *noteName = p + sizeof(ElfW(Nhdr));
      const char *desc = noteName + ((note->n_namesz + 3) & ~3u);
      if (desc + note->n_descsz > end) break;
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && memcmp(noteName, "GNU", 4) == 0) {
        object.buildId = llvm::toHex(llvm::StringRef(desc, note->n_descsz), /*LowerCase=*/true);
        break;
      }
      p = desc + ((note->n_descsz + 3) & ~3u);
    }
  }
  objects.push_back(std::move(object));
  return 0;
}

std::string readFile(const std::string &path, bool &ok) {
  std::ifstream in(path, std::ios::binary);
  ok = bool(in);
  if (!ok) return {};
  std::stringstream text;
  text << in.rdbuf();
  ok = !in.bad();
  return text.str();
}

}  // namespace

std::string toolBuildId(const std::string &toolVersion) {
  std::vector<LoadedObject> objects;
  dl_iterate_phdr(collectBuildIds, &objects);
  std::string id = "dmacheck " + toolVersion + "; " + getClangFullVersion();
  for (const auto &object : objects) {
    id += "; " + object.name + "=";
    if (!object.buildId.empty()) {
      id += object.buildId;
      continue;
    }
    // Linked without --build-id: a rebuilt binary still has a new size or mtime.
    struct stat st {};
    if (stat(object.name.c_str(), &st) == 0)
      id += std::to_string(st.st_size) + "@" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
  }
  return id;
}

bool ResultCache::open(const std::string &dir, std::string &warning) {
  dir_ = dir;
  writable_ = false;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    warning = "cannot create the cache directory '" + dir + "' (" + ec.message() + "); results are not cached";
    return false;
  }
  std::string probe = (fs::path(dir) / ".probe.XXXXXX").string();
  int fd = mkstemp(probe.data());
  if (fd < 0) {
    warning = "cannot write to the cache directory '" + dir + "' (" + strerror(errno) + "); results are not stored";
    return false;
  }
  close(fd);
  unlink(probe.c_str());
  writable_ = true;
  // Backup tools skip directories tagged like this (ccache does the same).
  if (!fs::exists(fs::path(dir) / "CACHEDIR.TAG", ec)) {
    std::ofstream tag(fs::path(dir) / "CACHEDIR.TAG");
    tag << "Signature: 8a477f597d28d172789f06886806bc55\n"
           "# This file is a cache directory tag created by dmacheck (its result cache).\n";
  }
  return true;
}

void ResultCache::setRunKey(const Config &config, const AnalysisOptions &options, const std::string &toolVersion) {
  llvm::BLAKE3 hash;
  field(hash, kFormat);
  field(hash, toolBuildId(toolVersion));
  for (const auto &rule : options.enabledRules) field(hash, rule);  // std::set: sorted
  field(hash, "max-diagnostics=" + std::to_string(options.maxDiagnostics));
  // The raw config: wrapper rows, rule options (enable/disable are already in
  // the rule set, but hashing the text is simpler than hashing its meaning).
  field(hash, config.text);
  runKey_ = hexDigest(hash);
}

bool ResultCache::fileKey(const std::string &file, const CompileSetup &setup, std::string &key) const {
  llvm::BLAKE3 hash;
  field(hash, runKey_);
  field(hash, file);
  field(hash, setup.directory);
  field(hash, setup.flagsSource);
  for (const auto &arg : setup.arguments) field(hash, arg);
  for (const auto &header : setup.unresolvedHeaders) field(hash, header);
  unsigned entered = 0;
  auto tool = makeClangTool(setup, setup.arguments.back(), nullptr);
  IgnoringDiagConsumer quiet;
  tool->setDiagnosticConsumer(&quiet);
  FingerprintFactory factory(hash, entered);
  tool->run(&factory);  // errors (a missing header) are part of what the key describes
  if (entered == 0) return false;
  key = hexDigest(hash);
  return true;
}

std::string ResultCache::entryPath(const std::string &key) const {
  return (fs::path(dir_) / key.substr(0, 2) / key.substr(2)).string();
}

bool ResultCache::load(const std::string &key, FileResult &result) const {
  bool ok = false;
  std::string text = readFile(entryPath(key), ok);
  std::string header = std::string(kFormat) + " " + key + "\n";
  if (!ok || text.compare(0, header.size(), header) != 0) return false;
  FileResult stored;
  if (!deserializeResult(text.substr(header.size()), stored)) return false;
  result = std::move(stored);
  return true;
}

bool ResultCache::store(const std::string &key, const FileResult &result) const {
  std::string path = entryPath(key);
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) return false;
  // A unique temporary in the same directory, renamed over the entry: readers
  // see the old entry, no entry or the whole new one, never a partial write.
  std::string temp = path + ".tmp.XXXXXX";
  int fd = mkstemp(temp.data());
  if (fd < 0) return false;
  mode_t mask = umask(0);  // mkstemp makes 0600; a shared cache needs the umask's mode
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  std::string text = std::string(kFormat) + " " + key + "\n" + serializeResult(result);
  bool written = true;
  for (size_t off = 0; off < text.size();) {
    ssize_t n = write(fd, text.data() + off, text.size() - off);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      written = false;
      break;
    }
    off += size_t(n);
  }
  written = close(fd) == 0 && written;
  if (!written || rename(temp.c_str(), path.c_str()) != 0) {
    unlink(temp.c_str());
    return false;
  }
  return true;
}

}  // namespace dmacheck::analyzer
