#include "tracedat_reader.h"

#include <sys/stat.h>

#include <cstring>
#include <functional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "event_fields.h"
#include "holdback_queue.h"
#include "mapped_input_trimmer.h"
#include "tracedat_c.h"
#include "tracedat_decode.h"

namespace dmacheck::tracer {

namespace {

using dat::EventPlan;

// Progress from where the records sit: libtracecmd hands records over merged
// by time, and each CPU's records advance through that CPU's data section
// (uncompressed size from the file's headers), so the share of CPU data
// passed is the share of the file done. What lies before a CPU's first
// record and after its last one (the unused tail of its last page) is never
// counted, so the estimate runs up to about a page per CPU short: nothing on
// a big file, half of a two-page one.
class DatProgress {
 public:
  DatProgress(uint64_t fileBytes, uint64_t cpuDataBytes, std::function<void(uint64_t)> report)
      : fileBytes_(fileBytes), cpuDataBytes_(cpuDataBytes), report_(std::move(report)) {}

  void onRecord(int cpu, uint64_t offset) {
    if (cpu >= 0 && cpu < 4096) {
      if (static_cast<size_t>(cpu) >= last_.size()) last_.resize(static_cast<size_t>(cpu) + 1, kNone);
      uint64_t &last = last_[static_cast<size_t>(cpu)];
      if (last != kNone && offset > last) passed_ += offset - last;
      if (last == kNone || offset > last) last = offset;
    }
  }

  // Called every progressInterval records: never decreasing, below the total
  // (the end is reported once the reading is over).
  void report() {
    if (!report_ || cpuDataBytes_ == 0 || fileBytes_ == 0) return;
    const double share = static_cast<double>(passed_) / static_cast<double>(cpuDataBytes_);
    uint64_t done = static_cast<uint64_t>(share * static_cast<double>(fileBytes_));
    if (done >= fileBytes_) done = fileBytes_ - 1;
    if (done < reported_) done = reported_;
    reported_ = done;
    report_(done);
  }

 private:
  static constexpr uint64_t kNone = ~0ULL;
  uint64_t fileBytes_;
  uint64_t cpuDataBytes_;
  std::function<void(uint64_t)> report_;
  std::vector<uint64_t> last_;  // per CPU: offset of its newest record
  uint64_t passed_ = 0;         // bytes of CPU data behind us
  uint64_t reported_ = 0;
};

class DatDecoder {
 public:
  DatDecoder(dmacheck_dat *dat, std::string path, EventSink &sink, ReaderStats &stats, DatProgress &progress,
             uint64_t progressInterval)
      : dat_(dat),
        path_(std::move(path)),
        sink_(sink),
        stats_(stats),
        decoder_((dmacheck_dat_file_bigendian(dat) != 0) != (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__),
                 dmacheck_dat_long_size(dat)),
        queue_(sink),
        progress_(progress),
        progressInterval_(progressInterval == 0 ? 1 : progressInterval),
        untilProgress_(progressInterval_),
        trimmer_(path_) {
    fields::resetEvent(scratch_);
  }

  int onRecord(const dmacheck_dat_record &rec);
  void finish() { queue_.flushAll(); }

  // Records between two trims of libtracecmd's mappings of the input
  // (~3 MB of a typical trace.dat): resident memory stays flat.
  static constexpr uint64_t kTrimInterval = 65536;

 private:
  EventPlan &planFor(int id);
  void attachStack(const dmacheck_dat_record &rec, const EventPlan &plan);
  void fail(const char *reason, const dmacheck_dat_record &rec, const char *what);
  void markSkipped(int cpu) {
    skippedCpu_[cpu] = true;
    queue_.completeCpu(cpu);
  }
  const std::string &commFor(int pid);

  dmacheck_dat *dat_;
  std::string path_;
  EventSink &sink_;
  ReaderStats &stats_;
  dat::RecordDecoder decoder_;
  std::vector<EventPlan> plans_;
  std::unordered_map<int, std::string> comms_;
  HoldbackQueue queue_;  // events wait there for a kernel_stack record
  TraceEvent scratch_;
  std::vector<uint64_t> stackScratch_;
  std::unordered_map<int, bool> skippedCpu_;  // the CPU's newest record was not turned into an event
  DatProgress &progress_;
  uint64_t progressInterval_;
  uint64_t untilProgress_;
  MappedInputTrimmer trimmer_;
  uint64_t untilTrim_ = kTrimInterval;
  uint64_t recordNo_ = 0;
};

const std::string &DatDecoder::commFor(int pid) {
  auto it = comms_.find(pid);
  if (it != comms_.end()) return it->second;
  const char *comm = dmacheck_dat_comm(dat_, pid);
  return comms_.emplace(pid, comm ? comm : "").first->second;
}

EventPlan &DatDecoder::planFor(int id) {
  static EventPlan broken = [] {
    EventPlan p;
    p.kind = EventPlan::Kind::Broken;
    return p;
  }();
  if (id < 0 || id > 0xffff) return broken;
  if (static_cast<size_t>(id) >= plans_.size()) plans_.resize(static_cast<size_t>(id) + 1);
  EventPlan &plan = plans_[static_cast<size_t>(id)];
  if (plan.kind == EventPlan::Kind::Unseen) dat::buildEventPlan(dmacheck_dat_find_event(dat_, id), plan);
  return plan;
}

void DatDecoder::fail(const char *reason, const dmacheck_dat_record &rec, const char *what) {
  ++stats_.errored[reason];
  if (stats_.samples.size() < kMaxErrorSamples) {
    char buf[160];
    std::snprintf(buf, sizeof buf, ":record %llu: %s: cpu=%d ts=%llu event_id=%d size=%d %s",
                  static_cast<unsigned long long>(recordNo_), reason, rec.cpu,
                  static_cast<unsigned long long>(rec.ts), rec.event_id, rec.size, what);
    stats_.samples.push_back(path_ + buf);
  }
}

void DatDecoder::attachStack(const dmacheck_dat_record &rec, const EventPlan &plan) {
  TraceEvent *target = queue_.stackTarget(rec.cpu);
  if (target == nullptr) {
    auto skipped = skippedCpu_.find(rec.cpu);
    ++stats_.skipped[skipped != skippedCpu_.end() && skipped->second ? "stack_trace_of_skipped_event"
                                                                     : "stack_trace_orphan"];
    return;
  }
  if (!decoder_.stackAddresses(plan, rec.data, static_cast<size_t>(rec.size), stackScratch_)) {
    fail("malformed_stack", rec, "caller array outside the record");
    queue_.completeCpu(rec.cpu);
    return;
  }
  char sym[256];
  bool first = true;
  for (uint64_t addr : stackScratch_) {
    std::string frame;
    if (dmacheck_dat_symbol(dat_, addr, sym, sizeof sym)) {
      frame = sym;
    } else {
      std::snprintf(sym, sizeof sym, "0x%llx", static_cast<unsigned long long>(addr));
      frame = sym;
    }
    if (first && fields::isTracepointGlueFrame(frame)) {
      first = false;
      continue;
    }
    first = false;
    target->stack.push_back(std::move(frame));
  }
  queue_.completeCpu(rec.cpu);
  ++stats_.skipped["stack_trace_attached"];
}

int DatDecoder::onRecord(const dmacheck_dat_record &rec) {
  ++recordNo_;
  ++stats_.inputUnits;
  progress_.onRecord(rec.cpu, rec.offset);
  if (--untilProgress_ == 0) {
    untilProgress_ = progressInterval_;
    progress_.report();
  }
  if (--untilTrim_ == 0) {
    untilTrim_ = kTrimInterval;
    trimmer_.trim();
  }
  if (rec.missed != 0) {
    LostEvents lost;
    lost.cpu = rec.cpu;
    lost.tsNs = rec.ts;
    lost.count = rec.missed > 0 ? static_cast<uint64_t>(rec.missed) : 0;
    queue_.pushLost(lost);
  }
  if (rec.data == nullptr || rec.size < 8) {
    fail("malformed_record", rec, "shorter than the common header");
    markSkipped(rec.cpu);
    return 0;
  }
  EventPlan &plan = planFor(rec.event_id);
  switch (plan.kind) {
    case EventPlan::Kind::Broken:
      fail("unknown_event_id", rec, "no format for this event id");
      markSkipped(rec.cpu);
      return 0;
    case EventPlan::Kind::Other:
    case EventPlan::Kind::Unseen:
      ++stats_.skipped[reason::kUnknownEvent];
      markSkipped(rec.cpu);
      return 0;
    case EventPlan::Kind::KernelStack:
      attachStack(rec, plan);
      return 0;
    case EventPlan::Kind::Known:
      break;
  }
  TraceEvent &event = scratch_;
  fields::resetEvent(event);
  event.type = plan.type;
  event.tsNs = rec.ts;
  event.cpu = rec.cpu;
  event.pid = rec.pid;
  event.comm = commFor(rec.pid);
  if (!decoder_.decodeFields(plan, rec.data, static_cast<size_t>(rec.size), event)) {
    fail(reason::kMalformedEvent, rec, "a field lies outside the record");
    markSkipped(rec.cpu);
    return 0;
  }
  skippedCpu_[rec.cpu] = false;
  queue_.pushEvent(scratch_);
  ++stats_.parsed;
  return 0;
}

int recordTrampoline(void *ctx, const dmacheck_dat_record *rec) {
  return static_cast<DatDecoder *>(ctx)->onRecord(*rec);
}

// "Linux (none) 6.12.107+deb12-amd64 #1 SMP ..." → "6.12.107+deb12-amd64"
std::string releaseFromUname(std::string_view uname) {
  size_t a = uname.find(' ');
  if (a == std::string_view::npos) return std::string(uname);
  size_t b = uname.find(' ', a + 1);
  if (b == std::string_view::npos) return std::string(uname.substr(a + 1));
  size_t c = uname.find(' ', b + 1);
  return std::string(uname.substr(b + 1, c == std::string_view::npos ? std::string_view::npos : c - b - 1));
}

// "[local] global counter ..." → "local"
std::string selectedClock(std::string_view clocks) {
  size_t open = clocks.find('[');
  size_t close = clocks.find(']', open);
  if (open == std::string_view::npos || close == std::string_view::npos) {
    while (!clocks.empty() && (clocks.back() == '\n' || clocks.back() == ' ')) clocks.remove_suffix(1);
    return std::string(clocks);
  }
  return std::string(clocks.substr(open + 1, close - open - 1));
}

// Sum of "overrun: N" of every CPU in the stats trace-cmd stored at the end
// of recording: events the ring buffer overwrote.
uint64_t overrunsFromCpustats(std::string_view text) {
  uint64_t total = 0;
  constexpr std::string_view kKey = "overrun: ";
  size_t pos = 0;
  while ((pos = text.find(kKey, pos)) != std::string_view::npos) {
    if (pos > 0 && text[pos - 1] != '\n') {  // skip "commit overrun: "
      pos += kKey.size();
      continue;
    }
    pos += kKey.size();
    uint64_t value = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') value = value * 10 + static_cast<uint64_t>(text[pos++] - '0');
    total += value;
  }
  return total;
}

}  // namespace

TraceDatReader::TraceDatReader(std::string path) : path_(std::move(path)) {}

bool TraceDatReader::read(EventSink &sink, ReaderStats &stats, std::string &error) {
  char err[512] = {0};
  struct stat st {};
  const uint64_t total = ::stat(path_.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
  reportProgress(0, total);
  dmacheck_dat *dat = dmacheck_dat_open(path_.c_str(), err, sizeof err);
  if (dat == nullptr) {
    error = err;
    return false;
  }
  sink.onMeta("source_format", "trace-dat");
  if (const char *uname = dmacheck_dat_uname(dat)) {
    sink.onMeta("uname", uname);
    sink.onMeta("kernel_release", releaseFromUname(uname));
  }
  if (const char *clock = dmacheck_dat_clock(dat)) sink.onMeta("clock", selectedClock(clock));
  if (const char *version = dmacheck_dat_version(dat)) sink.onMeta("trace_cmd_version", version);
  int cpus = dmacheck_dat_cpus(dat);
  if (cpus > 0) sink.onMeta("cpus", std::to_string(cpus));
  if (const char *cpustats = dmacheck_dat_cpustats(dat)) stats.overwrittenEvents += overrunsFromCpustats(cpustats);
  sink.onMeta("timestamp_unit", "ns");

  uint64_t cpuDataBytes = 0;
  for (int cpu = 0; cpu < cpus; ++cpu) cpuDataBytes += dmacheck_dat_cpu_data_size(dat, cpu);
  DatProgress progress(total, cpuDataBytes, [this, total](uint64_t done) { reportProgress(done, total); });
  DatDecoder decoder(dat, path_, sink, stats, progress, progressInterval());
  int ret = dmacheck_dat_iterate(dat, recordTrampoline, &decoder);
  decoder.finish();
  dmacheck_dat_close(dat);
  reportProgress(total, total);
  if (ret != 0) {
    error = path_ + ": libtracecmd stopped reading the event data (corrupted data section?)";
    return false;
  }
  return true;
}

}  // namespace dmacheck::tracer
