// Test helpers: TraceEvents built in one line, shaped like the real 6.12
// capture (testdata/import and ../shared/kernel-6.12/sample).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "trace_event.h"

namespace dmacheck::tracer::testing {

// A fixed LCG for the property tests: the same streams on every platform,
// so a failing round can be replayed.
class TestRandom {
 public:
  explicit TestRandom(uint64_t seed) : state_(seed) {}
  uint64_t next(uint64_t mod) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state_ >> 33) % mod;
  }

 private:
  uint64_t state_;
};

inline TraceEvent ev(EventType type, uint64_t tsUs, std::string device = "0000:00:01.0", int32_t cpu = 0,
                     int32_t pid = 100) {
  TraceEvent e;
  e.type = type;
  e.tsNs = tsUs * 1000;
  e.cpu = cpu;
  e.pid = pid;
  e.comm = "kworker/u8:0";
  e.device = std::move(device);
  return e;
}

inline TraceEvent mapPage(uint64_t tsUs, uint64_t dma, uint64_t size, uint64_t phys,
                          DmaDirection dir = DmaDirection::FromDevice, std::string device = "0000:00:01.0") {
  TraceEvent e = ev(EventType::DmaMapPage, tsUs, std::move(device));
  e.dmaAddr = dma;
  e.size = size;
  e.physAddr = phys;
  e.dir = dir;
  return e;
}

inline TraceEvent unmapPage(uint64_t tsUs, uint64_t dma, uint64_t size, DmaDirection dir = DmaDirection::FromDevice,
                            std::string device = "0000:00:01.0") {
  TraceEvent e = ev(EventType::DmaUnmapPage, tsUs, std::move(device));
  e.dmaAddr = dma;
  e.size = size;
  e.dir = dir;
  return e;
}

inline TraceEvent alloc(uint64_t tsUs, uint64_t dma, uint64_t size, std::string device = "0000:00:01.0") {
  TraceEvent e = ev(EventType::DmaAlloc, tsUs, std::move(device));
  e.dmaAddr = dma;
  e.size = size;
  e.dir = DmaDirection::Bidirectional;
  return e;
}

inline TraceEvent freeCoherent(uint64_t tsUs, uint64_t dma, uint64_t size, std::string device = "0000:00:01.0") {
  TraceEvent e = ev(EventType::DmaFree, tsUs, std::move(device));
  e.dmaAddr = dma;
  e.size = size;
  e.dir = DmaDirection::Bidirectional;
  return e;
}

inline TraceEvent iommuMap(uint64_t tsUs, uint64_t iova, uint64_t size, uint64_t paddr, int32_t cpu = 0,
                           int32_t pid = 100) {
  TraceEvent e = ev(EventType::IommuMap, tsUs, "", cpu, pid);
  e.dmaAddr = iova;
  e.size = size;
  e.physAddr = paddr;
  return e;
}

inline TraceEvent iommuUnmap(uint64_t tsUs, uint64_t iova, uint64_t size, int32_t cpu = 0, int32_t pid = 100) {
  TraceEvent e = ev(EventType::IommuUnmap, tsUs, "", cpu, pid);
  e.dmaAddr = iova;
  e.size = size;
  e.unmappedSize = size;
  return e;
}

// dma_map_sg: segments (dma, len) and the list's physical addresses.
inline TraceEvent mapSg(uint64_t tsUs, std::vector<std::pair<uint64_t, uint64_t>> segments,
                        std::vector<uint64_t> phys, DmaDirection dir = DmaDirection::ToDevice,
                        std::string device = "0000:00:01.0") {
  TraceEvent e = ev(EventType::DmaMapSg, tsUs, std::move(device));
  e.dir = dir;
  e.nents = static_cast<int32_t>(phys.size());
  e.mappedEnts = static_cast<int32_t>(segments.size());
  e.sg.resize(std::max(phys.size(), segments.size()));
  for (size_t i = 0; i < segments.size(); ++i) {
    e.sg[i].dmaAddr = segments[i].first;
    e.sg[i].length = segments[i].second;
  }
  for (size_t i = 0; i < phys.size(); ++i) e.sg[i].physAddr = phys[i];
  return e;
}

inline TraceEvent unmapSg(uint64_t tsUs, std::vector<uint64_t> phys, DmaDirection dir = DmaDirection::ToDevice,
                          std::string device = "0000:00:01.0", int32_t cpu = 0, int32_t pid = 100) {
  TraceEvent e = ev(EventType::DmaUnmapSg, tsUs, std::move(device), cpu, pid);
  e.dir = dir;
  e.nents = static_cast<int32_t>(phys.size());
  for (uint64_t p : phys) e.sg.push_back({0, p, 0});
  return e;
}

inline TraceEvent console(uint64_t tsUs, std::string text) {
  TraceEvent e = ev(EventType::Console, tsUs, "");
  e.text = std::move(text);
  return e;
}

}  // namespace dmacheck::tracer::testing
