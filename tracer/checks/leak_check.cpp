#include "leak_check.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

#include "check_context.h"

namespace dmacheck::tracer::checks {

using store::Device;
using store::Mapping;

namespace {

std::string normalizeModule(std::string s) {
  std::replace(s.begin(), s.end(), '-', '_');
  return s;
}

// "0000:00:01.0" -> "00:01.0" (dmesg and lab scripts often drop the domain).
std::string shortBdf(const std::string &name) {
  return name.size() == 12 && name[4] == ':' ? name.substr(5) : name;
}

// Does this marker/console line say that the device's driver goes away?
bool releasesDevice(const std::string &text, const Device &d) {
  std::istringstream words(text);
  std::vector<std::string> w;
  for (std::string x; words >> x;) w.push_back(x);
  if (!d.driver.empty()) {
    const std::string driver = normalizeModule(d.driver);
    for (size_t i = 0; i + 1 < w.size(); ++i) {
      if (w[i] == "rmmod" && normalizeModule(w[i + 1]) == driver) return true;
      if (w[i] == "-r" && i > 0 && w[i - 1] == "modprobe" && normalizeModule(w[i + 1]) == driver) return true;
    }
  }
  if (text.find("unbind") != std::string::npos &&
      (text.find(d.name) != std::string::npos || text.find(shortBdf(d.name)) != std::string::npos))
    return true;
  return false;
}

struct Group {
  std::vector<const Mapping *> mappings;
  uint64_t bytes = 0;
  bool inconclusive = false;
};

}  // namespace

void LeakCheck::run(CheckContext &context, FindingList &out) {
  for (const Device &d : context.devices()) {
    std::optional<uint64_t> release = d.removedTs;
    std::string how = release ? "removed from its IOMMU group" : "";
    for (const auto &t : context.textEvents()) {
      if (release && t.tsNs >= *release) break;
      if (releasesDevice(t.text, d)) {
        release = t.tsNs;
        how = "driver unbound: \"" + t.text + "\"";
        break;
      }
    }
    if (!release) continue;
    context.count("released_devices");

    std::map<std::string, Group> groups;  // by call site
    for (size_t i : context.mappingsOfDevice(d.id)) {
      const Mapping &m = context.mappings()[i];
      if (m.mapTs >= *release) break;
      if (!m.live()) continue;
      Group &g = groups[context.callSite(m.mapStack)];
      g.mappings.push_back(&m);
      g.bytes += m.size;
      if ((m.flags & store::kCloseInconclusive) || context.lossBetween(m.mapTs, context.info().endNs))
        g.inconclusive = true;
    }
    for (const auto &[site, g] : groups) {
      const Mapping &first = *g.mappings.front();
      TraceFinding f;
      f.rule = "dma-leak";
      f.tsNs = release;
      f.device = d.id;
      f.deviceName = d.name;
      f.dmaAddr = first.dmaAddr;
      f.size = g.bytes;
      f.mapping = first.id;
      f.event = first.mapEvent;
      f.callSite = site;
      f.message = "device driver has pending DMA allocations while released from device [count=" +
                  std::to_string(g.mappings.size()) + "] [bytes=" + std::to_string(g.bytes) + "] [" + how +
                  " at " + formatTs(*release) + "] [one of them: device address=" + hexAddr(first.dmaAddr) +
                  " size=" + std::to_string(first.size) + " bytes " + std::string(dmaDirName(first.dir)) +
                  " mapped as " + std::string(dmaTypeName(first.kind)) + " at " + formatTs(first.mapTs) +
                  ", never unmapped]";
      if (g.inconclusive) {
        f.inconclusive = true;
        f.inconclusiveReason = "events were lost after the map: its unmap may be among them";
      }
      out.add(std::move(f));
    }
  }
}

}  // namespace dmacheck::tracer::checks
