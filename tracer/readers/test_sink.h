// Test helper: an EventSink that keeps everything it is given.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "trace_event.h"

namespace dmacheck::tracer::testing {

class CollectingSink : public EventSink {
 public:
  void onEvent(const TraceEvent &event) override {
    events.push_back(event);
    order.push_back('e');
  }
  void onLostEvents(const LostEvents &l) override {
    lost.push_back(l);
    order.push_back('l');
  }
  void onMeta(const std::string &key, const std::string &value) override { meta.emplace_back(key, value); }

  std::string metaValue(const std::string &key) const {
    for (const auto &kv : meta) {
      if (kv.first == key) return kv.second;
    }
    return {};
  }

  std::vector<TraceEvent> events;
  std::vector<LostEvents> lost;
  std::vector<std::pair<std::string, std::string>> meta;
  std::string order;  // 'e' event, 'l' lost marker, in delivery order
};

inline uint64_t sum(const std::map<std::string, uint64_t> &counts) {
  uint64_t total = 0;
  for (const auto &kv : counts) total += kv.second;
  return total;
}

// parsed + skipped + errored == input units: every line is accounted for.
inline bool accountsForEveryUnit(const ReaderStats &stats) {
  return stats.parsed + sum(stats.skipped) + sum(stats.errored) == stats.inputUnits;
}

}  // namespace dmacheck::tracer::testing

#include <cstdio>
#include <fstream>
#include <sstream>

namespace dmacheck::tracer::testing {

// One line per event, only the fields that differ from the defaults: the
// form of the golden `.expected` files.
inline std::string renderEvent(const TraceEvent &e) {
  char buf[160];
  std::string out;
  std::snprintf(buf, sizeof buf, "%llu.%09llu cpu=%d pid=%d", static_cast<unsigned long long>(e.tsNs / 1000000000ULL),
                static_cast<unsigned long long>(e.tsNs % 1000000000ULL), e.cpu, e.pid);
  out += buf;
  out += " comm=\"" + e.comm + "\" " + std::string(eventTypeName(e.type));
  auto hex = [&](const char *key, uint64_t v) {
    std::snprintf(buf, sizeof buf, " %s=0x%llx", key, static_cast<unsigned long long>(v));
    out += buf;
  };
  auto dec = [&](const char *key, long long v) {
    std::snprintf(buf, sizeof buf, " %s=%lld", key, v);
    out += buf;
  };
  if (!e.device.empty()) out += " device=" + e.device;
  if (e.dmaAddr) hex("dma", e.dmaAddr);
  if (e.physAddr) hex("phys", e.physAddr);
  if (e.size) dec("size", static_cast<long long>(e.size));
  if (e.unmappedSize) dec("unmapped", static_cast<long long>(e.unmappedSize));
  if (e.dir != DmaDirection::Unknown) out += " dir=" + std::string(directionName(e.dir));
  if (e.attrs) hex("attrs", e.attrs);
  if (e.gfpFlags) hex("gfp", e.gfpFlags);
  if (e.iommuGroup != -1) dec("group", e.iommuGroup);
  if (e.faultFlags) hex("fault_flags", static_cast<uint64_t>(e.faultFlags));
  if (!e.driver.empty()) out += " driver=" + e.driver;
  if (e.swiotlbForce) out += " force";
  if (e.dmaMask) hex("mask", e.dmaMask);
  if (e.nents != -1) dec("nents", e.nents);
  if (e.mappedEnts != -1) dec("ents", e.mappedEnts);
  if (e.sgTruncated) out += " truncated";
  if (e.error) dec("err", e.error);
  if (!e.sg.empty()) {
    out += " sg=[";
    for (size_t i = 0; i < e.sg.size(); ++i) {
      std::snprintf(buf, sizeof buf, "%s%llx/%llx/%llx", i ? "," : "", static_cast<unsigned long long>(e.sg[i].dmaAddr),
                    static_cast<unsigned long long>(e.sg[i].physAddr), static_cast<unsigned long long>(e.sg[i].length));
      out += buf;
    }
    out += "]";
  }
  if (!e.text.empty()) out += " text=\"" + e.text + "\"";
  if (!e.stack.empty()) {
    out += " stack=[";
    for (size_t i = 0; i < e.stack.size(); ++i) out += (i ? " | " : "") + e.stack[i];
    out += "]";
  }
  return out;
}

// Events, lost markers and stats of one read, as the golden files hold them.
inline std::string renderRun(const CollectingSink &sink, const ReaderStats &stats) {
  std::string out;
  size_t ei = 0, li = 0;
  for (char c : sink.order) {
    if (c == 'e') {
      out += renderEvent(sink.events[ei++]) + "\n";
    } else {
      const LostEvents &l = sink.lost[li++];
      out += "LOST cpu=" + std::to_string(l.cpu) + " ts=" + std::to_string(l.tsNs) + " count=" + std::to_string(l.count) + "\n";
    }
  }
  out += "# input_units=" + std::to_string(stats.inputUnits) + " parsed=" + std::to_string(stats.parsed) +
         " overwritten=" + std::to_string(stats.overwrittenEvents) + "\n";
  for (const auto &kv : stats.skipped) out += "# skipped " + kv.first + "=" + std::to_string(kv.second) + "\n";
  for (const auto &kv : stats.errored) out += "# errored " + kv.first + "=" + std::to_string(kv.second) + "\n";
  for (const auto &s : stats.samples) {
    // Samples carry the input path: keep only its file name.
    size_t slash = s.rfind('/', s.find(':'));
    out += "# sample " + (slash == std::string::npos ? s : s.substr(slash + 1)) + "\n";
  }
  return out;
}

inline std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void writeFile(const std::string &path, const std::string &data) {
  std::ofstream out(path, std::ios::binary);
  out << data;
}

}  // namespace dmacheck::tracer::testing
