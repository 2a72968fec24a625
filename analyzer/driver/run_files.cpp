#include "driver/run_files.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>

#include "driver/kbuild_status.h"

namespace dmacheck::analyzer {

namespace fs = std::filesystem;

std::vector<std::string> expandInputs(const std::vector<std::string> &inputs, std::vector<FileResult> &bad,
                                      std::set<std::string> *foundInDirectories) {
  std::vector<std::string> files;
  std::set<std::string> named;
  for (const auto &input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".c") found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        FileResult r;
        r.file = input;
        r.status = FileStatus::Failed;
        r.diagnostics.push_back("directory has no .c files");
        bad.push_back(r);
      }
      files.insert(files.end(), found.begin(), found.end());
      if (foundInDirectories) foundInDirectories->insert(found.begin(), found.end());
    } else {
      files.push_back(input);  // analyzeFile reports missing/non-C files
      named.insert(fs::absolute(input).lexically_normal().string());
    }
  }
  if (foundInDirectories) {
    for (auto it = foundInDirectories->begin(); it != foundInDirectories->end();)
      it = named.count(fs::absolute(*it).lexically_normal().string()) ? foundInDirectories->erase(it) : std::next(it);
  }
  return files;
}

std::vector<FileResult> skipFilesNotBuilt(std::vector<std::string> &files, const std::set<std::string> &candidates,
                                          const FlagsProvider &flags, SkipPolicy policy,
                                          std::map<std::string, std::string> &notBuilt) {
  std::vector<FileResult> skipped;
  const KernelTree *tree = flags.kernelTree();
  if (!tree || policy == SkipPolicy::None) return skipped;
  KbuildStatus kbuild;
  kbuild.open(tree->srcTree(), tree->objTree());
  std::vector<std::string> kept;
  for (auto &file : files) {
    if (candidates.count(file) && !flags.inCompileDatabase(file)) {
      KbuildVerdict verdict = kbuild.statusOf(file);
      const bool skip = verdict.kind == KbuildVerdict::NotAnObject ||
                        (verdict.kind == KbuildVerdict::NotInConfig && policy == SkipPolicy::NotBuilt);
      if (verdict.kind == KbuildVerdict::NotInConfig && !skip) notBuilt[file] = verdict.reason;
      if (skip) {
        FileResult r;
        r.file = file;
        r.status = FileStatus::Skipped;
        r.diagnostics.push_back(verdict.reason);
        skipped.push_back(std::move(r));
        continue;
      }
    }
    kept.push_back(std::move(file));
  }
  files = std::move(kept);
  return skipped;
}

bool parseShard(const std::string &text, unsigned &index, unsigned &count, std::string &error) {
  unsigned long i = 0, n = 0;
  char *end = nullptr;
  auto slash = text.find('/');
  if (slash != std::string::npos) {
    i = std::strtoul(text.c_str(), &end, 10);
    bool indexOk = end == text.c_str() + slash && slash > 0;
    n = std::strtoul(text.c_str() + slash + 1, &end, 10);
    bool countOk = *end == '\0' && slash + 1 < text.size();
    if (indexOk && countOk && n >= 1 && n <= 100000 && i >= 1 && i <= n) {
      index = unsigned(i);
      count = unsigned(n);
      return true;
    }
  }
  error = "--shard '" + text + "': expected I/N with 1 <= I <= N (e.g. --shard 2/4)";
  return false;
}

std::vector<std::string> selectShard(std::vector<std::string> files, unsigned index, unsigned count) {
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  if (count <= 1 || index < 1 || index > count) return files;
  std::vector<std::string> mine;
  for (size_t i = index - 1; i < files.size(); i += count) mine.push_back(files[i]);
  return mine;
}

namespace {

struct Worker {
  pid_t pid;
  int fd;
  size_t index;
  std::string output;
  std::chrono::steady_clock::time_point started;
  bool timedOut = false;
};

FileResult crashedResult(const std::string &file, const std::string &why) {
  FileResult r;
  r.file = file;
  r.status = FileStatus::Failed;
  r.diagnostics.push_back(why);
  return r;
}

}  // namespace

std::vector<FileResult> runFiles(const std::vector<std::string> &files, const FlagsProvider &flags,
                                 const Config &config, const AnalysisOptions &analysis, const RunOptions &run) {
  std::vector<FileResult> results(files.size());
  size_t done = 0;
  auto finish = [&](size_t index, FileResult r) {
    results[index] = std::move(r);
    ++done;
    if (run.progress) run.progress(done, files.size(), results[index]);
  };
  if (!run.isolate) {
    for (size_t i = 0; i < files.size(); ++i) finish(i, analyzeFile(files[i], flags, config, analysis));
    return results;
  }

  signal(SIGPIPE, SIG_IGN);
  std::vector<Worker> workers;
  size_t next = 0;
  unsigned jobs = std::max(1u, run.jobs);
  while (next < files.size() || !workers.empty()) {
    while (workers.size() < jobs && next < files.size()) {
      int fds[2];
      if (pipe(fds) != 0) {
        finish(next, crashedResult(files[next], std::string("cannot create a pipe: ") + strerror(errno)));
        ++next;
        continue;
      }
      fflush(nullptr);
      pid_t pid = fork();
      if (pid == 0) {
        close(fds[0]);
        std::string text = serializeResult(analyzeFile(files[next], flags, config, analysis));
        for (size_t off = 0; off < text.size();) {
          ssize_t n = write(fds[1], text.data() + off, text.size() - off);
          if (n <= 0) break;
          off += size_t(n);
        }
        _exit(0);
      }
      close(fds[1]);
      if (pid < 0) {
        close(fds[0]);
        finish(next, crashedResult(files[next], std::string("cannot fork: ") + strerror(errno)));
        ++next;
        continue;
      }
      workers.push_back({pid, fds[0], next, {}, std::chrono::steady_clock::now()});
      ++next;
    }
    std::vector<pollfd> polls;
    for (auto &w : workers) polls.push_back({w.fd, POLLIN, 0});
    poll(polls.data(), polls.size(), 1000);
    auto now = std::chrono::steady_clock::now();
    for (size_t i = 0; i < workers.size();) {
      Worker &w = workers[i];
      bool closed = false;
      if (polls[i].revents & (POLLIN | POLLHUP | POLLERR)) {
        char buffer[65536];
        ssize_t n = read(w.fd, buffer, sizeof buffer);
        if (n > 0) w.output.append(buffer, size_t(n));
        else closed = true;
      }
      if (!closed && now - w.started > std::chrono::seconds(run.timeoutSeconds)) {
        kill(w.pid, SIGKILL);
        w.timedOut = true;
        closed = true;
      }
      if (!closed) {
        ++i;
        continue;
      }
      close(w.fd);
      int status = 0;
      waitpid(w.pid, &status, 0);
      FileResult r;
      if (w.timedOut) {
        r = crashedResult(files[w.index], "analysis took longer than " + std::to_string(run.timeoutSeconds) +
                                              " s and was stopped (--timeout)");
      } else if (WIFSIGNALED(status)) {
        r = crashedResult(files[w.index], std::string("dmacheck crashed on this file (") + strsignal(WTERMSIG(status)) +
                                              "); please report it with the file");
      } else if (!deserializeResult(w.output, r)) {
        r = crashedResult(files[w.index], "the worker process returned no result");
      }
      finish(w.index, std::move(r));
      workers.erase(workers.begin() + long(i));
      polls.erase(polls.begin() + long(i));
    }
  }
  return results;
}

}  // namespace dmacheck::analyzer
