// dmatrace record: capture the dma/iommu/swiotlb tracepoints on a live system.
//
// With trace-cmd on the PATH (and no --text) it runs `trace-cmd record` with
// the right events and writes trace.dat; otherwise it drives tracefs itself
// and saves the `trace` file as ftrace text. Either way the events it turned
// on are turned off again afterwards. Errors say what is missing: tracefs,
// permission, or a kernel without dma: tracepoints (older than 6.12).
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <ostream>
#include <sstream>

#include "cli/commands.h"

namespace dmacheck::tracer::cli {

namespace {

bool isDir(const std::string &path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool writeFile(const std::string &path, const std::string &value, std::string &error) {
  std::ofstream out(path);
  if (!out || !(out << value << "\n") || !out.flush()) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

std::string readFirstLine(const std::string &path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

std::string findTracefs() {
  if (const char *forced = std::getenv("DMATRACE_TRACEFS")) return forced;  // tests, unusual mounts
  for (const char *dir : {"/sys/kernel/tracing", "/sys/kernel/debug/tracing"})
    if (isDir(std::string(dir) + "/events")) return dir;
  return {};
}

std::string kernelRelease() { return readFirstLine("/proc/sys/kernel/osrelease"); }

bool onPath(const std::string &program) {
  const char *path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (access((dir + "/" + program).c_str(), X_OK) == 0) return true;
  return false;
}

// The event systems to record; swiotlb and printk may be missing on some kernels.
std::vector<std::string> eventSystems(const std::string &tracefs) {
  std::vector<std::string> systems = {"dma"};
  for (const char *system : {"iommu", "swiotlb"})
    if (isDir(tracefs + "/events/" + system)) systems.push_back(system);
  return systems;
}

volatile sig_atomic_t interrupted = 0;
void onInterrupt(int) { interrupted = 1; }

// Runs argv (or, when empty, waits for Ctrl-C); returns the command's status.
int runAndWait(const std::vector<std::string> &argv, std::ostream &err) {
  struct sigaction action {};
  action.sa_handler = onInterrupt;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  if (argv.empty()) {
    err << "dmatrace record: recording; press Ctrl-C to stop\n";
    while (!interrupted) pause();
    return 0;
  }
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char *> args;
    for (const auto &a : argv) args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    std::fprintf(stderr, "dmatrace record: cannot run %s: %s\n", args[0], std::strerror(errno));
    _exit(127);
  }
  if (pid < 0) {
    err << "dmatrace record: cannot fork: " << std::strerror(errno) << "\n";
    return 127;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// tracefs by hand: enable, run, disable, save `trace`.
int recordText(const RecordCommand &command, const std::string &tracefs, const std::vector<std::string> &systems,
               std::ostream &out, std::ostream &err) {
  std::string error;
  std::vector<std::string> enabled;
  auto restore = [&] {
    std::string ignored;
    writeFile(tracefs + "/tracing_on", "0", ignored);
    for (const auto &file : enabled) writeFile(file, "0", ignored);
    if (command.stacks) writeFile(tracefs + "/options/stacktrace", "0", ignored);
  };
  if (command.bufferKb > 0 && !writeFile(tracefs + "/buffer_size_kb", std::to_string(command.bufferKb), error)) {
    err << "dmatrace record: " << error << "\n";
    return kExitError;
  }
  if (!writeFile(tracefs + "/trace", "", error)) {  // clears the ring buffer
    err << "dmatrace record: " << error << "\n";
    return kExitError;
  }
  std::vector<std::string> files;
  for (const auto &system : systems) files.push_back(tracefs + "/events/" + system + "/enable");
  if (isDir(tracefs + "/events/printk/console")) files.push_back(tracefs + "/events/printk/console/enable");
  for (const auto &file : files) {
    if (!writeFile(file, "1", error)) {
      restore();
      err << "dmatrace record: " << error << "\n";
      return kExitError;
    }
    enabled.push_back(file);
  }
  if (command.stacks && !writeFile(tracefs + "/options/stacktrace", "1", error)) {
    restore();
    err << "dmatrace record: " << error << "\n";
    return kExitError;
  }
  writeFile(tracefs + "/tracing_on", "1", error);
  int status = runAndWait(command.command, err);
  writeFile(tracefs + "/tracing_on", "0", error);

  std::ifstream trace(tracefs + "/trace");
  std::ofstream output(command.output);
  if (!output) {
    restore();
    err << "dmatrace record: cannot write " << command.output << ": " << std::strerror(errno) << "\n";
    return kExitError;
  }
  output << trace.rdbuf();
  restore();
  out << "dmatrace record: wrote " << command.output << " (ftrace text) from " << tracefs << "\n";
  return status == 0 ? kExitOk : kExitError;
}

int recordTraceCmd(const RecordCommand &command, const std::vector<std::string> &systems, std::ostream &out,
                   std::ostream &err) {
  std::vector<std::string> argv = {"trace-cmd", "record", "-o", command.output};
  for (const auto &system : systems) argv.insert(argv.end(), {"-e", system});
  argv.insert(argv.end(), {"-e", "printk:console"});
  if (command.stacks) argv.push_back("-T");  // a stack trace after every event
  if (command.bufferKb > 0) argv.insert(argv.end(), {"-b", std::to_string(command.bufferKb)});
  argv.insert(argv.end(), command.command.begin(), command.command.end());
  int status = runAndWait(argv, err);
  if (status != 0) {
    err << "dmatrace record: trace-cmd record exited with status " << status
        << " (if trace-cmd cannot enable ftrace here, --text records through tracefs directly)\n";
    return kExitError;
  }
  out << "dmatrace record: wrote " << command.output << " (trace.dat)\n";
  return kExitOk;
}

}  // namespace

int runRecord(const RecordCommand &command, std::ostream &out, std::ostream &err) {
  std::string tracefs = findTracefs();
  if (tracefs.empty() || !isDir(tracefs + "/events")) {
    err << "dmatrace record: tracefs is not mounted (mount -t tracefs nodev /sys/kernel/tracing)\n";
    return kExitError;
  }
  if (!isDir(tracefs + "/events/dma")) {
    err << "dmatrace record: this kernel (" << kernelRelease()
        << ") has no dma: tracepoints; they appeared in Linux 6.12\n";
    return kExitError;
  }
  if (access((tracefs + "/events/dma/enable").c_str(), W_OK) != 0) {
    err << "dmatrace record: no permission to enable events in " << tracefs << " (run as root)\n";
    return kExitError;
  }
  std::vector<std::string> systems = eventSystems(tracefs);
  bool useTraceCmd = !command.text && std::getenv("DMATRACE_TRACEFS") == nullptr && onPath("trace-cmd");
  if (!command.text && !useTraceCmd)
    err << "dmatrace record: trace-cmd not found; writing an ftrace text capture instead\n";
  return useTraceCmd ? recordTraceCmd(command, systems, out, err) : recordText(command, tracefs, systems, out, err);
}

}  // namespace dmacheck::tracer::cli
