// One small synthetic trace per behaviour of each check, in the ftrace text
// form the lab captures have, imported with the real reader and importer.
// The real captures are in captures_test.cpp.
#include <gtest/gtest.h>

#include "finding_output.h"
#include "test_support.h"

namespace dmacheck::tracer::checks {
namespace {

using testing::checkText;
using testing::findingKeys;
using testing::line;
using testing::traceHeader;
using Keys = std::vector<std::string>;

const std::string kDev = "0000:00:01.0";

std::string mapPage(double ts, const std::string &dir, const std::string &addr, int size,
                    const std::string &phys = "2547800", const std::string &dev = kDev) {
  return line(ts, "dma_map_page",
              dev + " dir=" + dir + " dma_addr=" + addr + " size=" + std::to_string(size) + " phys_addr=" + phys +
                  " attrs=");
}
std::string unmapPage(double ts, const std::string &dir, const std::string &addr, int size,
                      const std::string &dev = kDev) {
  return line(ts, "dma_unmap_page",
              dev + " dir=" + dir + " dma_addr=" + addr + " size=" + std::to_string(size) + " attrs=");
}
std::string sync(double ts, bool forDevice, const std::string &dir, const std::string &addr, int size) {
  return line(ts, forDevice ? "dma_sync_single_for_device" : "dma_sync_single_for_cpu",
              kDev + " dir=" + dir + " dma_addr=" + addr + " size=" + std::to_string(size));
}
std::string iommuMap(double ts, const std::string &iova, const std::string &iovaEnd) {
  return line(ts, "map", "IOMMU: iova=0x" + iova + " - 0x" + iovaEnd + " paddr=0x0000000002547000 size=4096");
}
std::string console(double ts, const std::string &text) { return line(ts, "console", text); }
std::string marker(double ts, const std::string &text) { return line(ts, "tracing_mark_write", text); }

std::string messages(const CheckResult &r) {
  std::string s;
  for (const auto &f : r.findings) s += formatFindingLine(f) + "\n";
  return s;
}

// ---- unmap-mismatch

TEST(UnmapMismatchCheck, MatchingReleaseIsClean) {
  auto r = checkText(traceHeader() + mapPage(1, "TO_DEVICE", "ffff800", 2048) + unmapPage(2, "TO_DEVICE", "ffff800", 2048));
  EXPECT_TRUE(r.findings.empty()) << messages(r);
}

TEST(UnmapMismatchCheck, SizeDirectionAndType) {
  auto r = checkText(traceHeader() + mapPage(1, "TO_DEVICE", "ffff800", 2048) +
                     unmapPage(2, "FROM_DEVICE", "ffff800", 1024) +
                     line(3, "dma_alloc",
                          kDev + " dir=BIDIRECTIONAL dma_addr=fffe000 size=4096 virt_addr=000000008a20fae8 "
                                 "flags=GFP_KERNEL attrs=") +
                     unmapPage(4, "BIDIRECTIONAL", "fffe000", 4096));
  EXPECT_EQ(findingKeys(r.findings), (Keys{"dma-unmap-direction-mismatch 0000:00:01.0 0xffff800",
                                           "dma-unmap-size-mismatch 0000:00:01.0 0xffff800",
                                           "dma-unmap-type-mismatch 0000:00:01.0 0xfffe000"}))
      << messages(r);
  EXPECT_NE(messages(r).find("[mapped as coherent] [unmapped as single]"), std::string::npos) << messages(r);
  EXPECT_NE(messages(r).find("[mapped with DMA_TO_DEVICE] [unmapped with DMA_FROM_DEVICE]"), std::string::npos);
}

TEST(UnmapMismatchCheck, CallSiteFromTheStack) {
  auto r = checkText(traceHeader() + mapPage(1, "TO_DEVICE", "ffff800", 2048) + unmapPage(2, "TO_DEVICE", "ffff800", 1024) +
                     testing::stackTrace(2.000001, {"trace_event_raw_event_dma_unmap", "dma_unmap_page_attrs",
                                                    "foo_clean_tx", "handle_softirqs"}));
  ASSERT_EQ(r.findings.size(), 1u) << messages(r);
  EXPECT_EQ(r.findings[0].callSite, "foo_clean_tx");
  EXPECT_NE(messages(r).find("[unmap size=1024 bytes] [call site=foo_clean_tx] [dma-unmap-size-mismatch]"),
            std::string::npos)
      << messages(r);
}

// ---- unmatched-release

TEST(UnmatchedReleaseCheck, UnknownDoubleAndHistory) {
  auto r = checkText(traceHeader() + mapPage(1, "FROM_DEVICE", "ffff800", 2048) +
                     unmapPage(2, "FROM_DEVICE", "ffff800", 2048) + unmapPage(2.01, "FROM_DEVICE", "ffff800", 2048) +
                     unmapPage(3, "TO_DEVICE", "abc000", 512));
  EXPECT_EQ(findingKeys(r.findings),
            (Keys{"dma-double-unmap 0000:00:01.0 0xffff800", "dma-unmap-unknown 0000:00:01.0 0xabc000"}))
      << messages(r);
  EXPECT_NE(messages(r).find("[first freed at 2.000000, 10.000 ms earlier]"), std::string::npos) << messages(r);
}

TEST(UnmatchedReleaseCheck, UnknownAfterLostEventsIsInconclusiveAndGrouped) {
  auto r = checkText(traceHeader() + mapPage(1, "TO_DEVICE", "ffff800", 2048) + "CPU:0 [LOST 12 EVENTS]\n" +
                     unmapPage(2, "TO_DEVICE", "aaa000", 512) + unmapPage(3, "TO_DEVICE", "bbb000", 512));
  EXPECT_EQ(findingKeys(r.findings), (Keys{"dma-unmap-unknown 0000:00:01.0 0xaaa000 inconclusive"})) << messages(r);
  EXPECT_NE(messages(r).find("[count=2]"), std::string::npos) << messages(r);
}

TEST(UnmatchedReleaseCheck, OverwrittenRingMakesUnknownsInconclusive) {
  auto r = checkText(traceHeader(3, 50) + unmapPage(2, "TO_DEVICE", "aaa000", 512));
  EXPECT_EQ(findingKeys(r.findings), (Keys{"dma-unmap-unknown 0000:00:01.0 0xaaa000 inconclusive"})) << messages(r);
  EXPECT_NE(messages(r).find("overwritten"), std::string::npos) << messages(r);
}

// ---- sync

TEST(SyncCheck, RxRecycleAndMatchingSyncsAreClean) {
  auto r = checkText(traceHeader() + mapPage(1, "FROM_DEVICE", "3a601000", 2048) +
                     sync(2, false, "FROM_DEVICE", "3a601000", 2048) + sync(3, true, "FROM_DEVICE", "3a601000", 2048) +
                     unmapPage(4, "FROM_DEVICE", "3a601000", 2048) + mapPage(5, "BIDIRECTIONAL", "3a602000", 2048) +
                     sync(6, false, "TO_DEVICE", "3a602000", 2048) + unmapPage(7, "BIDIRECTIONAL", "3a602000", 2048));
  EXPECT_TRUE(r.findings.empty()) << messages(r);
}

TEST(SyncCheck, DirectionVariantsAsDmaDebug) {
  auto r = checkText(traceHeader() + mapPage(1, "FROM_DEVICE", "3a601000", 2048) +
                     sync(2, false, "TO_DEVICE", "3a601000", 2048) +     // different direction
                     sync(3, true, "TO_DEVICE", "3a601000", 2048) +      // write-only to device
                     unmapPage(4, "FROM_DEVICE", "3a601000", 2048) + mapPage(5, "TO_DEVICE", "3a602000", 2048) +
                     sync(6, false, "FROM_DEVICE", "3a602000", 2048) +   // read-only for cpu
                     unmapPage(7, "TO_DEVICE", "3a602000", 2048));
  ASSERT_EQ(r.findings.size(), 3u) << messages(r);
  std::string m = messages(r);
  EXPECT_NE(m.find("@2.000000: device driver syncs DMA memory with different direction"), std::string::npos) << m;
  EXPECT_NE(m.find("@3.000000: device driver syncs device write-only DMA memory to device"), std::string::npos) << m;
  EXPECT_NE(m.find("@6.000000: device driver syncs device read-only DMA memory for cpu"), std::string::npos) << m;
}

TEST(SyncCheck, UnknownAndOutOfRange) {
  auto r = checkText(traceHeader() + mapPage(1, "FROM_DEVICE", "3a601000", 2048) +
                     sync(2, false, "FROM_DEVICE", "3a601400", 2048) +  // runs 1024 bytes past the end
                     sync(3, false, "FROM_DEVICE", "3b000000", 64) +    // nothing there
                     unmapPage(4, "FROM_DEVICE", "3a601000", 2048) +
                     sync(5, false, "FROM_DEVICE", "3a601000", 2048));  // after the unmap
  EXPECT_EQ(findingKeys(r.findings), (Keys{"dma-sync-out-of-range 0000:00:01.0 0x3a601400",
                                           "dma-sync-unknown 0000:00:01.0 0x3a601000",
                                           "dma-sync-unknown 0000:00:01.0 0x3b000000"}))
      << messages(r);
  EXPECT_NE(messages(r).find("[allocation size=2048 bytes] [sync offset+size=3072]"), std::string::npos) << messages(r);
}

// ---- leak

const std::string kBound = console(0.5, "edu_dma 0000:00:01.0: edu id 010000ed");

TEST(LeakCheck, LiveAfterRmmodIsALeakGroupedByCallSite) {
  auto r = checkText(traceHeader() + kBound + mapPage(1, "TO_DEVICE", "ffff800", 2048) +
                     mapPage(1.5, "TO_DEVICE", "ffff000", 1024, "2548000") + marker(2, "LAB: edu: rmmod edu_dma") +
                     marker(3, "LAB: done"));
  EXPECT_EQ(findingKeys(r.findings), (Keys{"dma-leak 0000:00:01.0 0xffff800"})) << messages(r);
  EXPECT_NE(messages(r).find("[count=2] [bytes=3072]"), std::string::npos) << messages(r);
}

TEST(LeakCheck, ReleasedAtRemoveOrStillBoundIsClean) {
  // Unmapped by remove() after the rmmod marker: no leak. Live at the end of
  // a device that stays bound (rings, rx buffers): no leak either.
  auto r = checkText(traceHeader() + kBound + mapPage(1, "TO_DEVICE", "ffff800", 2048) +
                     marker(2, "LAB: edu: rmmod edu_dma") + unmapPage(2.1, "TO_DEVICE", "ffff800", 2048) +
                     mapPage(3, "FROM_DEVICE", "abc000", 2048, "2548000", "0000:00:03.0"));
  EXPECT_TRUE(r.findings.empty()) << messages(r);
}

TEST(LeakCheck, UnbindAndGroupRemovalRelease) {
  auto r = checkText(traceHeader() + mapPage(1, "TO_DEVICE", "ffff800", 2048) +
                     marker(2, "echo 0000:00:01.0 > /sys/bus/pci/drivers/foo/unbind") +
                     mapPage(1.5, "TO_DEVICE", "eee000", 2048, "2549000", "0000:00:04.0") +
                     line(3, "remove_device_from_group", "IOMMU: groupID=4 device=0000:00:04.0"));
  EXPECT_EQ(findingKeys(r.findings), (Keys{"dma-leak 0000:00:01.0 0xffff800", "dma-leak 0000:00:04.0 0xeee000"}))
      << messages(r);
}

TEST(LeakCheck, LostEventsMakeItInconclusive) {
  auto r = checkText(traceHeader() + kBound + mapPage(1, "TO_DEVICE", "ffff800", 2048) + "CPU:0 [LOST 3 EVENTS]\n" +
                     marker(2, "LAB: edu: rmmod edu_dma"));
  EXPECT_EQ(findingKeys(r.findings), (Keys{"dma-leak 0000:00:01.0 0xffff800 inconclusive"})) << messages(r);
}

// ---- map-failed

TEST(MapFailedCheck, FailedMapUsedLater) {
  auto r = checkText(traceHeader() + mapPage(1, "TO_DEVICE", "ffffffffffffffff", 2048) +
                     unmapPage(2, "TO_DEVICE", "ffffffffffffffff", 2048));
  EXPECT_EQ(findingKeys(r.findings), (Keys{"dma-map-failed 0000:00:01.0 0xffffffffffffffff"})) << messages(r);
  EXPECT_NE(messages(r).find("[later unmapped at 2.000000 by dma_unmap_page"), std::string::npos) << messages(r);
}

// ---- stale-iova-fault

std::string dmar(double ts, const std::string &access, const std::string &addr) {
  return console(ts, "DMAR: [DMA " + access + " NO_PASID] Request device [00:01.0] fault addr 0x" + addr +
                         " [fault reason 0x05] PTE Write access is not set");
}

TEST(StaleIovaFaultCheck, FaultAfterUnmapNamesTheMapping) {
  auto r = checkText(traceHeader() + mapPage(1, "FROM_DEVICE", "ffff800", 2048) +
                     unmapPage(2, "FROM_DEVICE", "ffff800", 2048) + dmar(2.1, "Write", "ffff000"));
  EXPECT_EQ(findingKeys(r.findings), (Keys{"dma-stale-iova-fault 0000:00:01.0 0xffff000"})) << messages(r);
  EXPECT_NE(messages(r).find("[unmapped at 2.000000, 100.000 ms before the fault]"), std::string::npos) << messages(r);
}

TEST(StaleIovaFaultCheck, FaultInLiveMappingOrNeverMapped) {
  // A read fault in a live DMA_TO_DEVICE mapping is an access its direction
  // allows: counted, not reported. Never mapped: dma-fault-unknown-iova.
  auto r = checkText(traceHeader() + mapPage(1, "TO_DEVICE", "ffff800", 2048) + dmar(1.5, "Read", "ffff000") +
                     dmar(1.6, "Read", "125000") + unmapPage(2, "TO_DEVICE", "ffff800", 2048));
  EXPECT_EQ(findingKeys(r.findings), (Keys{"dma-fault-unknown-iova 0000:00:01.0 0x125000"})) << messages(r);
}

// dma-iommu maps DMA_TO_DEVICE read-only and DMA_FROM_DEVICE write-only for
// the device: the opposite access faults inside the live mapping.
TEST(StaleIovaFaultCheck, FaultAgainstTheLiveMappingsDirection) {
  auto r = checkText(traceHeader() + mapPage(1, "TO_DEVICE", "ffff800", 2048) + dmar(1.5, "Write", "ffff000") +
                     unmapPage(2, "TO_DEVICE", "ffff800", 2048) + mapPage(3, "FROM_DEVICE", "ffff800", 2048) +
                     dmar(3.5, "Read", "ffff000") + dmar(3.6, "Write", "ffff000") +
                     unmapPage(4, "FROM_DEVICE", "ffff800", 2048));
  EXPECT_EQ(findingKeys(r.findings), (Keys{"dma-fault-wrong-direction 0000:00:01.0 0xffff000",
                                           "dma-fault-wrong-direction 0000:00:01.0 0xffff000"}))
      << messages(r);
  EXPECT_NE(messages(r).find("device wrote into a DMA_TO_DEVICE mapping"), std::string::npos) << messages(r);
  EXPECT_NE(messages(r).find("device read a DMA_FROM_DEVICE mapping"), std::string::npos) << messages(r);
}

// ---- iova-overlap

TEST(IovaOverlapCheck, OverlapOnlyWhereTheIommuTranslates) {
  auto r = checkText(traceHeader() + iommuMap(1, "00000000ffff0000", "00000000ffff1000") +
                     mapPage(1.0001, "TO_DEVICE", "ffff0000", 4096) +
                     iommuMap(2, "00000000ffff0000", "00000000ffff1000") +
                     mapPage(2.0001, "TO_DEVICE", "ffff0800", 2048, "2548000") +
                     // untranslated device: the same physical page mapped twice is legal
                     mapPage(3, "TO_DEVICE", "5000", 4096, "5000", "0000:00:04.0") +
                     mapPage(3.1, "FROM_DEVICE", "5000", 4096, "5000", "0000:00:04.0"));
  EXPECT_EQ(findingKeys(r.findings), (Keys{"dma-iova-overlap 0000:00:01.0 0xffff0800"})) << messages(r);
}

// ---- sg-nents-mismatch

TEST(SgNentsMismatchCheck, UnmapWithTheReturnedCount) {
  auto r = checkText(
      traceHeader() +
      line(1, "dma_map_sg",
           kDev + " dir=FROM_DEVICE nents=2/2 ents=1/1 dma_addrs={0xfff3f000} sizes={0x2000} "
                  "phys_addrs={0x4062000,0x4063000} attrs=") +
      line(2, "dma_unmap_sg", kDev + " dir=FROM_DEVICE phys_addrs={0x4062000} attrs="));
  EXPECT_EQ(findingKeys(r.findings), (Keys{"dma-sg-nents-mismatch 0000:00:01.0 0xfff3f000"})) << messages(r);
  EXPECT_NE(messages(r).find("[map count=2] [unmap count=1]"), std::string::npos) << messages(r);
}

// ---- swiotlb-bounce

TEST(SwiotlbBounceCheck, CountsAndBytesPerDevice) {
  std::string text = traceHeader();
  for (int i = 0; i < 3; ++i) {
    double t = 1 + i;
    text += line(t, "swiotlb_bounced", "dev_name: " + kDev + " dma_mask=ffffffff dev_addr=2308000 size=2048 FORCE");
    text += mapPage(t + 0.0001, "TO_DEVICE", "3a601000", 2048, "2308000");
    text += unmapPage(t + 0.5, "TO_DEVICE", "3a601000", 2048);
  }
  auto r = checkText(text);
  EXPECT_EQ(findingKeys(r.findings), (Keys{"dma-swiotlb-bounce 0000:00:01.0 -"})) << messages(r);
  EXPECT_NE(messages(r).find("[count=3] [bytes=6144] [forced: swiotlb=force]"), std::string::npos) << messages(r);
  EXPECT_EQ(exitStatusFor(r.findings), 0);  // info does not fail a run
}

}  // namespace
}  // namespace dmacheck::tracer::checks
