#include "console_parser.h"

#include <gtest/gtest.h>

namespace dmacheck::tracer {
namespace {

TEST(ConsoleParserTest, DmarFaultOf612) {
  DmarFault f;
  ASSERT_EQ(parseDmarFault("DMAR: [DMA Write NO_PASID] Request device [00:01.0] fault addr 0xfff4000 [fault reason "
                           "0x05] PTE Write access is not set",
                           f),
            DmarParse::Parsed);
  EXPECT_EQ(f.device, "0000:00:01.0");
  EXPECT_TRUE(f.write);
  EXPECT_EQ(f.addr, 0xfff4000u);
  EXPECT_EQ(f.reason, 5);
  EXPECT_EQ(f.reasonText, "PTE Write access is not set");
}

TEST(ConsoleParserTest, OlderDmarFaultWithPasid) {
  DmarFault f;
  ASSERT_EQ(parseDmarFault("DMAR: [DMA Read] Request device [3a:00.1] PASID ffffffff fault addr fff00000 [fault "
                           "reason 06] PTE Read access is not set",
                           f),
            DmarParse::Parsed);
  EXPECT_EQ(f.device, "0000:3a:00.1");
  EXPECT_FALSE(f.write);
  EXPECT_EQ(f.addr, 0xfff00000u);
  EXPECT_EQ(f.reason, 6);
}

TEST(ConsoleParserTest, OtherLinesAreNotFaults) {
  DmarFault f;
  EXPECT_EQ(parseDmarFault("DMAR: IOMMU enabled", f), DmarParse::NotAFault);
  EXPECT_EQ(parseDmarFault("DMAR: DRHD: handling fault status reg 2", f), DmarParse::NotAFault);
  EXPECT_EQ(parseDmarFault("DMAR: [INTR-REMAP] Request device [00:02.0] fault index 0x12", f), DmarParse::NotAFault);
  EXPECT_EQ(parseDmarFault("DMAR: [DMA Write NO_PASID] Request device [zz] fault addr 0x1 [fault reason 0x05] x", f),
            DmarParse::Malformed);
}

TEST(ConsoleParserTest, DriverPrefix) {
  std::string driver, device;
  ASSERT_TRUE(parseDriverPrefix("ahci 0000:00:1f.2: AHCI vers 0001.0000, 32 command slots", driver, device));
  EXPECT_EQ(driver, "ahci");
  EXPECT_EQ(device, "0000:00:1f.2");
  EXPECT_FALSE(parseDriverPrefix("pci 0000:00:01.0: [1b36:0010] type 00 class 0x010802", driver, device));
  ASSERT_TRUE(parseDriverPrefix("nvme nvme0: pci function 0000:00:01.0", driver, device));
  EXPECT_EQ(driver, "nvme");
  EXPECT_EQ(device, "0000:00:01.0");
  EXPECT_FALSE(parseDriverPrefix("scsi host0: ahci", driver, device));
}

}  // namespace
}  // namespace dmacheck::tracer
