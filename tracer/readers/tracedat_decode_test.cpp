// The per-record decoding of the trace.dat reader (tracedat_decode.h) on
// hand-made records against the real 6.12 formats: what a corrupt record
// does (a __data_loc outside the record, a cut record, absurd counts and
// array lengths) — the cases event_decode_fuzzer explores.
#include "tracedat_decode.h"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "tep_format_c.h"
#include "test_sink.h"

namespace dmacheck::tracer::dat {
namespace {

const std::string kFormats = DMACHECK_FUZZ_FORMATS;

// A libtraceevent handle holding the formats a test parses.
class Formats {
 public:
  Formats() : tep_(dmacheck_tep_new(8, 0)) {}
  ~Formats() { dmacheck_tep_free(tep_); }
  Formats(const Formats &) = delete;
  Formats &operator=(const Formats &) = delete;

  EventPlan plan(const std::string &system, const std::string &event) {
    std::string text = testing::readFile(kFormats + "/" + system + "/" + event + ".format");
    EXPECT_FALSE(text.empty()) << system << "/" << event;
    EventPlan p;
    buildEventPlan(dmacheck_tep_parse_event(tep_, text.data(), text.size(), system.c_str()), p);
    return p;
  }

 private:
  tep_handle *tep_;
};

// Little-endian record builder.
struct Record {
  std::vector<uint8_t> bytes;
  explicit Record(size_t fixed) : bytes(fixed, 0) {}
  template <typename T>
  void put(size_t offset, T value) {
    std::memcpy(bytes.data() + offset, &value, sizeof value);
  }
  // Appends data and points the __data_loc at offset to it.
  void dynamic(size_t locOffset, const void *data, size_t len) {
    put<uint32_t>(locOffset, static_cast<uint32_t>(len << 16 | bytes.size()));
    const auto *p = static_cast<const uint8_t *>(data);
    bytes.insert(bytes.end(), p, p + len);
  }
};

// dma_map_sg of 6.12: device@8 full_nents@12 full_ents@16 truncated@20
// phys_addrs@24 dma_addrs@28 lengths@32 dir@36 attrs@40, 48 fixed bytes.
Record mapSgRecord() {
  Record r(48);
  r.put<uint16_t>(0, 370);
  r.put<int32_t>(4, 77);
  r.put<int32_t>(12, 2);
  r.put<int32_t>(16, 1);
  r.put<uint32_t>(36, 2);
  r.put<uint64_t>(40, 0x100);
  const char device[] = "0000:00:04.0";
  r.dynamic(8, device, sizeof device);
  const uint64_t phys[] = {0x7d8c000, 0x7d8d000};
  r.dynamic(24, phys, sizeof phys);
  const uint64_t dma[] = {0xfffa0000};
  r.dynamic(28, dma, sizeof dma);
  const uint32_t lengths[] = {0x2000};
  r.dynamic(32, lengths, sizeof lengths);
  return r;
}

bool decode(const EventPlan &plan, const Record &r, TraceEvent &event, bool swap = false) {
  fields::resetEvent(event);
  return RecordDecoder(swap, 8).decodeFields(plan, r.bytes.data(), r.bytes.size(), event);
}

TEST(TraceDatDecode, EveryRealFormatGivesAPlan) {
  Formats formats;
  for (const char *event : {"dma_map_page", "dma_unmap_page", "dma_map_sg", "dma_unmap_sg", "dma_alloc", "dma_free",
                            "dma_sync_single_for_cpu", "dma_sync_sg_for_device", "dma_map_sg_err"}) {
    EXPECT_EQ(formats.plan("dma", event).kind, EventPlan::Kind::Known) << event;
  }
  EXPECT_EQ(formats.plan("iommu", "io_page_fault").kind, EventPlan::Kind::Known);
  EXPECT_EQ(formats.plan("swiotlb", "swiotlb_bounced").kind, EventPlan::Kind::Known);
  EXPECT_EQ(formats.plan("printk", "console").kind, EventPlan::Kind::Known);
  EXPECT_EQ(formats.plan("ftrace", "kernel_stack").kind, EventPlan::Kind::KernelStack);
  EventPlan broken;
  buildEventPlan(nullptr, broken);
  EXPECT_EQ(broken.kind, EventPlan::Kind::Broken);
}

TEST(TraceDatDecode, MapSgRecordDecodesItsDataLocArrays) {
  Formats formats;
  EventPlan plan = formats.plan("dma", "dma_map_sg");
  TraceEvent e;
  ASSERT_TRUE(decode(plan, mapSgRecord(), e));
  EXPECT_EQ(e.device, "0000:00:04.0");
  EXPECT_EQ(e.nents, 2);
  EXPECT_EQ(e.mappedEnts, 1);
  EXPECT_EQ(e.dir, DmaDirection::FromDevice);
  EXPECT_EQ(e.attrs, 0x100u);
  ASSERT_EQ(e.sg.size(), 2u);
  EXPECT_EQ(e.sg[0].physAddr, 0x7d8c000u);
  EXPECT_EQ(e.sg[0].dmaAddr, 0xfffa0000u);
  EXPECT_EQ(e.sg[0].length, 0x2000u);
  EXPECT_EQ(e.sg[1].physAddr, 0x7d8d000u);
  EXPECT_EQ(e.sg[1].dmaAddr, 0u);
}

TEST(TraceDatDecode, DataLocOutsideTheRecordIsMalformed) {
  Formats formats;
  EventPlan plan = formats.plan("dma", "dma_map_sg");
  const Record good = mapSgRecord();
  const uint32_t size = static_cast<uint32_t>(good.bytes.size());
  TraceEvent e;
  for (uint32_t loc : {0xfff0u,                     // offset far past the end, len 0
                       (8u << 16) | (size - 4),     // runs 4 bytes past the end
                       (0xffffu << 16) | 48u,       // absurd length
                       (1u << 16) | size}) {        // one byte at the end
    Record r = good;
    r.put<uint32_t>(24, loc);  // phys_addrs
    EXPECT_FALSE(decode(plan, r, e)) << std::hex << loc;
  }
  Record empty = good;
  empty.put<uint32_t>(8, size);  // device: len 0 right at the end is fine
  ASSERT_TRUE(decode(plan, empty, e));
  EXPECT_EQ(e.device, "");
}

TEST(TraceDatDecode, EveryCutOfARecordIsMalformedNotARead) {
  Formats formats;
  EventPlan plan = formats.plan("dma", "dma_map_sg");
  const Record good = mapSgRecord();
  TraceEvent e;
  for (size_t cut = 0; cut < good.bytes.size(); ++cut) {
    // An exact-size copy: ASan builds see any read past it.
    std::vector<uint8_t> bytes(good.bytes.begin(), good.bytes.begin() + static_cast<std::ptrdiff_t>(cut));
    fields::resetEvent(e);
    EXPECT_FALSE(RecordDecoder(false, 8).decodeFields(plan, bytes.data(), bytes.size(), e)) << cut;
  }
  EXPECT_FALSE(RecordDecoder(false, 8).decodeFields(plan, nullptr, 0, e));
}

TEST(TraceDatDecode, AbsurdCountsAreStoredAndArraysAreBoundedByTheRecord) {
  Formats formats;
  EventPlan plan = formats.plan("dma", "dma_map_sg");
  TraceEvent e;
  Record r = mapSgRecord();
  r.put<int32_t>(12, std::numeric_limits<int32_t>::max());  // full_nents
  r.put<int32_t>(16, -5);                                   // full_ents
  ASSERT_TRUE(decode(plan, r, e));
  EXPECT_EQ(e.nents, std::numeric_limits<int32_t>::max());
  EXPECT_EQ(e.mappedEnts, -5);
  EXPECT_EQ(e.sg.size(), 2u);  // what the arrays hold, not what the counts say

  // An array longer than the reader keeps (kMaxSgEntries) is malformed, not
  // silently cut: 8191 u64 entries in one __data_loc.
  Record big(48);
  std::vector<uint64_t> phys(0xffff / 8, 0x1000);
  big.dynamic(24, phys.data(), phys.size() * 8);
  for (size_t loc : {8, 28, 32}) big.put<uint32_t>(loc, 48u);  // empty
  ASSERT_GT(phys.size(), fields::kMaxSgEntries);
  EXPECT_FALSE(decode(plan, big, e));
  // At the cap it still decodes.
  Record capped(48);
  std::vector<uint64_t> atCap(fields::kMaxSgEntries, 0x1000);
  capped.dynamic(24, atCap.data(), atCap.size() * 8);
  for (size_t loc : {8, 28, 32}) capped.put<uint32_t>(loc, 48u);
  ASSERT_TRUE(decode(plan, capped, e));
  EXPECT_EQ(e.sg.size(), fields::kMaxSgEntries);
}

TEST(TraceDatDecode, OtherByteOrderIsSwapped) {
  Formats formats;
  EventPlan plan = formats.plan("dma", "dma_map_page");
  // dma_map_page of 6.12: device@8 phys_addr@16 dma_addr@24 size@32 dir@40 attrs@48, 56 fixed bytes
  Record r(56);
  r.put<uint64_t>(16, __builtin_bswap64(0x1234000));
  r.put<uint64_t>(24, __builtin_bswap64(0xfff0000));
  r.put<uint64_t>(32, __builtin_bswap64(4096));
  r.put<uint32_t>(40, __builtin_bswap32(1));
  r.put<uint32_t>(8, __builtin_bswap32(56));  // empty device at the end
  TraceEvent e;
  ASSERT_TRUE(decode(plan, r, e, /*swap=*/true));
  EXPECT_EQ(e.physAddr, 0x1234000u);
  EXPECT_EQ(e.dmaAddr, 0xfff0000u);
  EXPECT_EQ(e.size, 4096u);
  EXPECT_EQ(e.dir, DmaDirection::ToDevice);
}

TEST(TraceDatDecode, KernelStackIsBoundedByTheRecordNotItsSizeField) {
  Formats formats;
  EventPlan plan = formats.plan("ftrace", "kernel_stack");
  // size@8 (int), caller@16 (unsigned long[8]), runs to the record's end.
  Record r(16);
  r.put<int32_t>(8, std::numeric_limits<int32_t>::max());
  for (uint64_t a : {0xffffffff81000010ULL, 0xffffffff81000020ULL, 0xffffffff81000030ULL}) {
    r.bytes.resize(r.bytes.size() + 8);
    r.put<uint64_t>(r.bytes.size() - 8, a);
  }
  std::vector<uint64_t> addrs;
  ASSERT_TRUE(RecordDecoder(false, 8).stackAddresses(plan, r.bytes.data(), r.bytes.size(), addrs));
  EXPECT_EQ(addrs.size(), 3u);
  r.put<int32_t>(8, 2);  // the size field caps
  ASSERT_TRUE(RecordDecoder(false, 8).stackAddresses(plan, r.bytes.data(), r.bytes.size(), addrs));
  EXPECT_EQ(addrs.size(), 2u);
  // A record cut inside the header or before the array.
  for (size_t cut : {0, 4, 10, 15}) {
    std::vector<uint8_t> bytes(r.bytes.begin(), r.bytes.begin() + static_cast<std::ptrdiff_t>(cut));
    EXPECT_FALSE(RecordDecoder(false, 8).stackAddresses(plan, bytes.data(), bytes.size(), addrs)) << cut;
  }
  // Cut in the middle of an entry: whole entries only.
  std::vector<uint8_t> ragged(r.bytes.begin(), r.bytes.begin() + 16 + 8 + 5);
  ASSERT_TRUE(RecordDecoder(false, 8).stackAddresses(plan, ragged.data(), ragged.size(), addrs));
  EXPECT_EQ(addrs.size(), 1u);
}

}  // namespace
}  // namespace dmacheck::tracer::dat
