#include "trace_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "test_sink.h"

namespace dmacheck::tracer {
namespace {

namespace fs = std::filesystem;
const std::string kTestdata = DMACHECK_READERS_TESTDATA;

TEST(DetectFormat, FromContentNotName) {
  std::string error;
  EXPECT_EQ(detectFormat(kTestdata + "/sample-6.12.dat", error), TraceFormat::TraceDat);
  EXPECT_EQ(detectFormat(kTestdata + "/sample-6.12-head2000.txt", error), TraceFormat::FtraceText);
  // A text trace named like a trace.dat is still text.
  const fs::path tmp = fs::temp_directory_path() / "dmacheck-detect-trace.dat";
  testing::writeFile(tmp.string(), "            init-1       [000] .....     1.5: map: IOMMU: x\n");
  EXPECT_EQ(detectFormat(tmp.string(), error), TraceFormat::FtraceText);
  fs::remove(tmp);
}

TEST(DetectFormat, CtfDirectory) {
  std::string error;
  EXPECT_EQ(detectFormat(kTestdata + "/ctf-from-sample", error), TraceFormat::Ctf) << error;
  EXPECT_EQ(detectFormat(kTestdata + "/ctf-from-sample/metadata", error), TraceFormat::Ctf);
  // A directory without metadata is not a trace.
  error.clear();
  EXPECT_EQ(detectFormat(kTestdata + "/text", error), TraceFormat::Unknown);
  EXPECT_FALSE(error.empty());
}

TEST(DetectFormat, MissingPath) {
  std::string error;
  EXPECT_EQ(detectFormat("/nonexistent/x", error), TraceFormat::Unknown);
  EXPECT_NE(error.find("cannot open"), std::string::npos);
}

TEST(MakeReader, OnePerFormat) {
  EXPECT_EQ(makeReader(TraceFormat::FtraceText, "x")->formatName(), "ftrace-text");
  EXPECT_EQ(makeReader(TraceFormat::TraceDat, "x")->formatName(), "trace-dat");
  EXPECT_EQ(makeReader(TraceFormat::Ctf, "x")->formatName(), "ctf");
  auto autoReader = makeReader(TraceFormat::Auto, kTestdata + "/sample-6.12.dat");
  ASSERT_NE(autoReader, nullptr);
  EXPECT_EQ(autoReader->formatName(), "trace-dat");
  std::string error;
  EXPECT_EQ(makeReader(TraceFormat::Auto, "/nonexistent/x", error), nullptr);
  EXPECT_FALSE(error.empty());
}

TEST(TraceFormatNames, RoundTrip) {
  for (TraceFormat f : {TraceFormat::Auto, TraceFormat::FtraceText, TraceFormat::TraceDat, TraceFormat::Ctf}) {
    TraceFormat back = TraceFormat::Unknown;
    ASSERT_TRUE(traceFormatFromName(traceFormatName(f), back));
    EXPECT_EQ(back, f);
  }
}

TEST(EventTypeNames, EveryTypeHasADistinctNameAndTracepoint) {
  std::set<std::string_view> names;
  for (int i = 0; i <= static_cast<int>(EventType::MarkerWrite); ++i) {
    auto type = static_cast<EventType>(i);
    std::string_view name = eventTypeName(type);
    EXPECT_NE(name, "unknown");
    EXPECT_TRUE(names.insert(name).second) << name;
  }
  EventType t;
  ASSERT_TRUE(eventTypeFromTracepoint("dma", "dma_map_phys", t));
  EXPECT_EQ(t, EventType::DmaMapPage);
  ASSERT_TRUE(eventTypeFromTracepoint("", "dma:dma_unmap_sg", t));
  EXPECT_EQ(t, EventType::DmaUnmapSg);
  ASSERT_TRUE(eventTypeFromTracepoint("iommu", "map", t));
  EXPECT_EQ(t, EventType::IommuMap);
  ASSERT_TRUE(eventTypeFromTracepoint("", "tracing_mark_write", t));
  EXPECT_EQ(t, EventType::MarkerWrite);
  EXPECT_FALSE(eventTypeFromTracepoint("sched", "map", t));
  EXPECT_FALSE(eventTypeFromTracepoint("", "sched_switch", t));
  EXPECT_EQ(directionFromName("FROM_DEVICE"), DmaDirection::FromDevice);
  EXPECT_EQ(directionFromName("2"), DmaDirection::FromDevice);
  EXPECT_EQ(directionName(DmaDirection::ToDevice), "TO_DEVICE");
}

}  // namespace
}  // namespace dmacheck::tracer
