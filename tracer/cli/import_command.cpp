#include <dirent.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <atomic>
#include <ostream>

#include "commands.h"
#include "importer.h"
#include "progress.h"
#include "run_reader.h"
#include "trace_reader.h"

namespace dmacheck::tracer::cli {
namespace {

bool parseFormat(const std::string &name, TraceFormat &out) {
  if (name == "ftrace") {
    out = TraceFormat::FtraceText;
    return true;
  }
  if (name == "tracedat") {
    out = TraceFormat::TraceDat;
    return true;
  }
  return traceFormatFromName(name, out);
}

// Input size for the progress bar: a file's size, or the sum of the files of
// a CTF directory.
uint64_t inputBytes(const std::string &path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return 0;
  if (!S_ISDIR(st.st_mode)) return static_cast<uint64_t>(st.st_size);
  uint64_t total = 0;
  if (DIR *dir = opendir(path.c_str())) {
    while (dirent *entry = readdir(dir)) {
      struct stat f {};
      if (stat((path + "/" + entry->d_name).c_str(), &f) == 0 && S_ISREG(f.st_mode)) total += f.st_size;
    }
    closedir(dir);
  }
  return total;
}

// Counts events on their way to the importer (for the progress bar).
class CountingSink : public EventSink {
 public:
  CountingSink(EventSink &next, std::atomic<uint64_t> &events) : next_(next), events_(events) {}
  ~CountingSink() override { events_.fetch_add(unpublished_, std::memory_order_relaxed); }
  void onEvent(const TraceEvent &event) override {
    // Published every 4096 events: an atomic add per event cost 2.6 % of
    // the import's main thread (the progress thread reads the line).
    if (++unpublished_ == 4096) {
      events_.fetch_add(unpublished_, std::memory_order_relaxed);
      unpublished_ = 0;
    }
    next_.onEvent(event);
  }
  void onLostEvents(const LostEvents &lost) override { next_.onLostEvents(lost); }
  void onMeta(const std::string &key, const std::string &value) override { next_.onMeta(key, value); }

 private:
  EventSink &next_;
  std::atomic<uint64_t> &events_;
  uint64_t unpublished_ = 0;
};

}  // namespace

int runImport(const ImportCommand &command, std::ostream &out, std::ostream &err) {
  TraceFormat requested;
  if (!parseFormat(command.format, requested)) {
    err << "dmatrace: unknown format '" << command.format << "' (use auto, ftrace, tracedat or ctf)\n";
    return kExitError;
  }
  std::vector<ImportInput> inputs;
  uint64_t totalBytes = 0;
  std::vector<uint64_t> sizes;
  for (const std::string &path : command.inputs) {
    std::string error;
    TraceFormat format = requested;
    if (format == TraceFormat::Auto) {
      format = detectFormat(path, error);
      if (format == TraceFormat::Unknown) {
        err << "dmatrace: " << path << ": " << error << "\n";
        return kExitError;
      }
    }
    uint64_t bytes = inputBytes(path);
    sizes.push_back(bytes);
    totalBytes += bytes;
    ImportInput input;
    input.path = path;
    input.format = std::string(traceFormatName(format));
    input.bytes = bytes;
    inputs.push_back(std::move(input));
  }

  ProgressBar bar(!command.quiet, totalBytes);
  std::atomic<uint64_t> events{0};
  uint64_t doneBefore = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::string path = inputs[i].path;
    std::string formatName = inputs[i].format;
    uint64_t size = sizes[i];
    inputs[i].read = [&, path, formatName, size](EventSink &sink, ReaderStats &stats, std::string &error) {
      TraceFormat format = TraceFormat::Unknown;
      traceFormatFromName(formatName, format);
      std::unique_ptr<TraceReader> reader = makeReader(format, path, error);
      if (!reader) return false;
      reader->setProgressCallback(
          [&](uint64_t done, uint64_t) { bar.update(doneBefore + done, events.load(std::memory_order_relaxed)); });
      CountingSink counting(sink, events);
      bool ok = reader->read(counting, stats, error);
      doneBefore += size;
      return ok;
    };
  }

  ImportOptions options;
  options.removeTempOnSignal = true;
  options.backgroundWriter = command.backgroundWriter;
  options.onPhase = [&bar](const std::string &phase) { bar.phase(phase); };
  ImportResult result;
  std::string error;
  bool ok = importRun(inputs, command.output, options, result, error);
  bar.finish();
  if (!ok) {
    err << "dmatrace: import failed: " << error << "\n";
    return kExitError;
  }
  if (command.quiet) return kExitOk;

  auto reader = store::RunReader::open(command.output, error);
  if (!reader) {
    err << "dmatrace: " << error << "\n";
    return kExitError;
  }
  uint64_t mappings = 0, live = 0;
  auto devices = reader->devices();
  for (const auto &d : devices) {
    mappings += d.mappings;
    live += d.liveAtEnd;
  }
  uint64_t problems = 0, lost = 0;
  for (const auto &s : reader->importStats()) {
    if (s.severity == "error") problems += s.count;
    if (s.severity == "data_loss") lost += s.count;
  }
  double rate = result.seconds > 0 ? result.events / result.seconds : 0;
  out << fmt::format("imported {} events from {} input{} into {} in {:.2f} s ({:.0f} events/s; indexes {:.2f} s)\n",
                     result.events, inputs.size(), inputs.size() == 1 ? "" : "s", command.output, result.seconds, rate,
                     result.finishSeconds);
  out << fmt::format("  {} devices, {} mappings ({} live at the end), {} faults\n", devices.size(), mappings, live,
                     reader->faults().size());
  if (problems || lost)
    out << fmt::format("  {} input problems, {} data-loss events: see `dmatrace stats {}`\n", problems, lost,
                       command.output);
  return kExitOk;
}

}  // namespace dmacheck::tracer::cli
