// Seeds for event_decode_fuzzer: real records cut out of trace.dat files,
// plus one minimal record per format (zeroes, every __data_loc empty).
//   dat_record_seeds FORMATS_DIR OUT_DIR [TRACE.dat...]
// Each seed is the fuzzer's input (decode_fuzz_input.h): format index, flags
// byte 0, then the record as libtracecmd hands it to the reader. At most
// kPerEvent records per event and file, of distinct sizes where there is a choice.
#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "decode_fuzz_input.h"
#include "tep_format_c.h"
#include "tracedat_c.h"

namespace {

namespace fuzz = dmacheck::tracer::fuzz;
constexpr int kPerEvent = 4;  // per event and file

struct Extractor {
  std::map<std::string, int> indexOf;  // "system/event" → format index
  std::string outDir;
  std::map<int, std::set<int>> sizesSeen;
  std::map<int, int> written;
  dmacheck_dat *dat = nullptr;
  std::string label;

  void write(const std::string &name, int index, const uint8_t *data, size_t size) {
    std::ofstream out(outDir + "/" + name, std::ios::binary);
    const char header[fuzz::kHeaderBytes] = {static_cast<char>(index), 0};
    out.write(header, sizeof header);
    out.write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(size));
  }

  int onRecord(const dmacheck_dat_record &rec) {
    if (rec.data == nullptr || rec.size < 8) return 0;
    tep_event *event = dmacheck_dat_find_event(dat, rec.event_id);
    if (event == nullptr) return 0;
    const char *system = nullptr;
    const char *name = nullptr;
    dmacheck_tep_event_name(event, &system, &name);
    auto it = indexOf.find(std::string(system ? system : "") + "/" + (name ? name : ""));
    if (it == indexOf.end()) return 0;
    const int index = it->second;
    int &count = written[index];
    if (count >= kPerEvent) return 0;
    // The first records of an event, then only new sizes.
    if (count >= 2 && !sizesSeen[index].insert(rec.size).second) return 0;
    sizesSeen[index].insert(rec.size);
    write(label + "-" + system + "-" + name + "-" + std::to_string(count), index, rec.data, static_cast<size_t>(rec.size));
    ++count;
    return 0;
  }
};

int trampoline(void *ctx, const dmacheck_dat_record *rec) { return static_cast<Extractor *>(ctx)->onRecord(*rec); }

}  // namespace

int main(int argc, char **argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s FORMATS_DIR OUT_DIR [TRACE.dat...]\n", argv[0]);
    return 2;
  }
  std::vector<fuzz::FormatFile> formats = fuzz::loadFormats(argv[1]);
  if (formats.empty()) {
    std::fprintf(stderr, "dat_record_seeds: no formats under %s\n", argv[1]);
    return 1;
  }
  Extractor ex;
  ex.outDir = argv[2];
  ::mkdir(argv[2], 0755);

  // One minimal record per format.
  tep_handle *tep = dmacheck_tep_new(8, 0);
  for (size_t i = 0; i < formats.size(); ++i) {
    const fuzz::FormatFile &f = formats[i];
    ex.indexOf[f.system + "/" + f.event] = static_cast<int>(i);
    tep_event *event = dmacheck_tep_parse_event(tep, f.text.data(), f.text.size(), f.system.c_str());
    if (event == nullptr) continue;
    std::vector<dmacheck_dat_field> raw(64);
    int n = dmacheck_tep_event_fields(event, raw.data(), static_cast<int>(raw.size()));
    if (n > static_cast<int>(raw.size())) n = static_cast<int>(raw.size());
    size_t end = 8;
    for (int k = 0; k < n; ++k) end = std::max(end, static_cast<size_t>(raw[k].offset + raw[k].size));
    std::vector<uint8_t> record(end, 0);
    for (int k = 0; k < n; ++k) {
      if (!raw[k].is_dynamic) continue;
      const uint32_t loc = static_cast<uint32_t>(end);  // len 0 at the record's end
      std::memcpy(record.data() + raw[k].offset, &loc, 4);
    }
    ex.write("synth-" + f.system + "-" + f.event, static_cast<int>(i), record.data(), record.size());
  }
  dmacheck_tep_free(tep);

  int files = 0;
  int total = 0;
  for (int a = 3; a < argc; ++a) {
    char err[512] = {0};
    ex.dat = dmacheck_dat_open(argv[a], err, sizeof err);
    if (ex.dat == nullptr) {
      std::fprintf(stderr, "dat_record_seeds: %s\n", err);
      continue;
    }
    ex.label = "dat" + std::to_string(a - 2);
    ex.written.clear();
    ex.sizesSeen.clear();
    dmacheck_dat_iterate(ex.dat, trampoline, &ex);
    dmacheck_dat_close(ex.dat);
    ++files;
    for (const auto &kv : ex.written) total += kv.second;
  }
  std::fprintf(stderr, "dat_record_seeds: %zu minimal records, %d real records from %d trace.dat files\n",
               formats.size(), total, files);
  return 0;
}
