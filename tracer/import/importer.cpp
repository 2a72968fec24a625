#include "importer.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>

#include "database.h"
#include "pipelined_sink.h"
#include "run_writer.h"

namespace dmacheck::tracer {
namespace {

std::string gToolVersion = "unknown";

// The temporary path for the signal handler: a fixed buffer, as only
// async-signal-safe calls (unlink, signal, raise) may touch it there.
char gTempPath[4096];

void removeTempAndReraise(int signo) {
  if (gTempPath[0]) unlink(gTempPath);
  signal(signo, SIG_DFL);
  raise(signo);
}

class SignalGuard {
 public:
  SignalGuard(bool enabled, const std::string &path) : enabled_(enabled) {
    if (!enabled_) return;
    std::snprintf(gTempPath, sizeof gTempPath, "%s", path.c_str());
    struct sigaction sa {};
    sa.sa_handler = removeTempAndReraise;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &oldInt_);
    sigaction(SIGTERM, &sa, &oldTerm_);
    sigaction(SIGHUP, &sa, &oldHup_);
  }
  ~SignalGuard() {
    if (!enabled_) return;
    sigaction(SIGINT, &oldInt_, nullptr);
    sigaction(SIGTERM, &oldTerm_, nullptr);
    sigaction(SIGHUP, &oldHup_, nullptr);
    gTempPath[0] = '\0';
  }

 private:
  bool enabled_;
  struct sigaction oldInt_ {}, oldTerm_ {}, oldHup_ {};
};

std::string directoryOf(const std::string &path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

bool checkDestination(const std::string &path, std::string &error) {
  if (path.empty()) {
    error = "no database path given";
    return false;
  }
  std::string dir = directoryOf(path);
  struct stat st {};
  if (stat(dir.c_str(), &st) != 0) {
    error = "cannot write '" + path + "': directory '" + dir + "' does not exist";
    return false;
  }
  if (!S_ISDIR(st.st_mode)) {
    error = "cannot write '" + path + "': '" + dir + "' is not a directory";
    return false;
  }
  if (access(dir.c_str(), W_OK) != 0) {
    error = "cannot write '" + path + "': directory '" + dir + "' is not writable";
    return false;
  }
  if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    error = "cannot write '" + path + "': it is a directory";
    return false;
  }
  return true;
}

bool build(const std::vector<ImportInput> &inputs, const std::string &tmp, const ImportOptions &options,
           ImportResult &result, std::string &error) {
  store::Database db;
  if (!db.open(tmp, store::Database::Mode::Create, error)) return false;
  store::RunWriter writer;
  if (!writer.begin(db, error, options.backgroundWriter)) return false;
  writer.setMeta("tool_version", gToolVersion);
  ImportSink sink(writer, options);
  std::string formats, paths;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const ImportInput &input = inputs[i];
    store::Source source;
    source.id = static_cast<int64_t>(i + 1);
    source.path = input.path;
    source.format = input.format;
    source.bytes = input.bytes;
    sink.beginSource(source.id, input.path);
    ReaderStats stats;
    std::string readError;
    bool read = false;
    if (options.readerThread) {
      PipelinedSink pipe(sink);
      read = input.read(pipe, stats, readError);
      pipe.drain();  // before the sink is used on this thread again
    } else {
      read = input.read(sink, stats, readError);
    }
    if (!read) {
      error = input.path + ": " + readError;
      return false;
    }
    if (!sink.endSource(stats, source, error)) return false;
    writer.addSource(source);
    result.sources.push_back(source);
    formats += (formats.empty() ? "" : ",") + input.format;
    paths += (paths.empty() ? "" : ",") + input.path;
  }
  writer.setMeta("source_files", paths);
  writer.setMeta("source_formats", formats);
  if (!sink.finish(error)) return false;
  result.events = sink.eventsImported();
  auto finishStart = std::chrono::steady_clock::now();
  if (options.onPhase) options.onPhase("building indexes");
  if (!writer.finish(error)) return false;
  result.finishSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - finishStart).count();
  db.close();
  return true;
}

}  // namespace

void setImportToolVersion(const std::string &version) { gToolVersion = version; }

std::string temporaryPathFor(const std::string &databasePath) {
  return databasePath + ".tmp-" + std::to_string(getpid());
}

bool importRun(const std::vector<ImportInput> &inputs, const std::string &databasePath, const ImportOptions &options,
               ImportResult &result, std::string &error) {
  auto start = std::chrono::steady_clock::now();
  if (inputs.empty()) {
    error = "no input traces given";
    return false;
  }
  if (!checkDestination(databasePath, error)) return false;
  std::string tmp = temporaryPathFor(databasePath);
  std::remove(tmp.c_str());  // a leftover of an earlier process with our pid
  SignalGuard guard(options.removeTempOnSignal, tmp);
  bool ok = build(inputs, tmp, options, result, error);
  if (ok && std::rename(tmp.c_str(), databasePath.c_str()) != 0) {
    error = "cannot rename '" + tmp + "' to '" + databasePath + "': " + std::strerror(errno);
    ok = false;
  }
  if (!ok) std::remove(tmp.c_str());
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return ok;
}

}  // namespace dmacheck::tracer
