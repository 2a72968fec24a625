#include "driver/result_cache.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "dmacheck/rules/catalogue.h"
#include "driver/analyze_file.h"

namespace fs = std::filesystem;
using namespace dmacheck::analyzer;

namespace {

class ResultCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("dmacheck-cache-test-" + std::to_string(getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "src");
    for (const auto *rule : dmacheck::rules::Catalogue::builtin().forEngine(dmacheck::rules::kEngineStatic))
      if (rule->enabledByDefault) options_.enabledRules.insert(rule->id);
    std::string warning;
    ASSERT_TRUE(cache_.open((root_ / "cache").string(), warning)) << warning;
    cache_.setRunKey(config_, options_, "test");
    options_.cache = &cache_;
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string write(const std::string &name, const std::string &content) {
    fs::path path = root_ / "src" / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }
  std::string keyOf(const std::string &file) {
    std::string key;
    EXPECT_TRUE(cache_.fileKey(file, flags_.forFile(file), key));
    return key;
  }

  fs::path root_;
  FlagsProvider flags_;
  Config config_;
  AnalysisOptions options_;
  ResultCache cache_;
};

const char *kDriver =
    "#include <linux/dma-mapping.h>\n"
    "#include \"local.h\"\n"
    "void *f(struct device *dev, dma_addr_t *h) { return dma_alloc_coherent(dev, SIZE, h, GFP_DMA); }\n";

TEST_F(ResultCacheTest, SecondRunIsAHitWithTheSameResult) {
  write("local.h", "#define SIZE 64\n");
  std::string file = write("drv.c", kDriver);
  FileResult first = analyzeFile(file, flags_, config_, options_);
  EXPECT_EQ(first.cache, CacheUse::Miss);
  ASSERT_EQ(first.findings.size(), 1u);
  FileResult second = analyzeFile(file, flags_, config_, options_);
  EXPECT_EQ(second.cache, CacheUse::Hit);
  // Everything but the timing and the cache use, which say what this run did.
  auto comparable = [](FileResult r) {
    r.seconds = 0;
    r.cache = CacheUse::Off;
    return serializeResult(r);
  };
  EXPECT_EQ(comparable(second), comparable(first));
  EXPECT_EQ(second.findings[0].function, "f");
  EXPECT_EQ(second.findings[0].notes.size(), first.findings[0].notes.size());
}

TEST_F(ResultCacheTest, KeyFollowsIncludedHeadersNotUnrelatedFiles) {
  write("local.h", "#define SIZE 64\n");
  std::string file = write("drv.c", kDriver);
  std::string key = keyOf(file);
  write("unrelated.h", "#define SIZE 128\n");
  EXPECT_EQ(keyOf(file), key);
  write("local.h", "#define SIZE 128\n");
  EXPECT_NE(keyOf(file), key);
}

TEST_F(ResultCacheTest, KeyFollowsCommentsBecauseSuppressionsLiveThere) {
  write("local.h", "#define SIZE 64\n");
  std::string file = write("drv.c", kDriver);
  std::string key = keyOf(file);
  write("drv.c", std::string(kDriver) + "/* dmacheck-ignore: dma-gfp-zone */\n");
  EXPECT_NE(keyOf(file), key);
}

TEST_F(ResultCacheTest, KeyFollowsRulesAndConfig) {
  write("local.h", "#define SIZE 64\n");
  std::string file = write("drv.c", kDriver);
  std::string key = keyOf(file);
  AnalysisOptions fewer = options_;
  fewer.enabledRules.erase("dma-gfp-zone");
  cache_.setRunKey(config_, fewer, "test");
  EXPECT_NE(keyOf(file), key);
  Config withWrapper;
  withWrapper.text = "functions:\n  - {name: foo_map, kind: map, family: single, returns: handle, "
                     "args: {dev: 0, cpu: 1, size: 2, dir: 3}}\n";
  cache_.setRunKey(withWrapper, options_, "test");
  EXPECT_NE(keyOf(file), key);
  cache_.setRunKey(config_, options_, "test 2");
  EXPECT_NE(keyOf(file), key);
  cache_.setRunKey(config_, options_, "test");
  EXPECT_EQ(keyOf(file), key);
}

TEST_F(ResultCacheTest, CorruptOrForeignEntriesAreMisses) {
  write("local.h", "#define SIZE 64\n");
  std::string file = write("drv.c", kDriver);
  FileResult first = analyzeFile(file, flags_, config_, options_);
  std::string key = keyOf(file);
  FileResult loaded;
  ASSERT_TRUE(cache_.load(key, loaded));
  std::string path = cache_.entryPath(key);
  std::string good;
  {
    std::ifstream in(path, std::ios::binary);
    good.assign(std::istreambuf_iterator<char>(in), {});
  }
  for (const std::string &bad : {good.substr(0, good.size() / 2), std::string("garbage"), std::string(),
                                 "dmacheck-result-cache 1 " + std::string(64, '0') + good.substr(good.find('\n'))}) {
    std::ofstream(path, std::ios::binary) << bad;
    EXPECT_FALSE(cache_.load(key, loaded)) << bad;
  }
  FileResult again = analyzeFile(file, flags_, config_, options_);
  EXPECT_EQ(again.cache, CacheUse::Miss);  // analysed again and the entry rewritten
  EXPECT_EQ(again.findings, first.findings);
  EXPECT_TRUE(cache_.load(key, loaded));
}

TEST_F(ResultCacheTest, UnwritableDirectoryIsAWarningNotAnError) {
  std::string blocker = write("not-a-dir", "");
  ResultCache cache;
  std::string warning;
  EXPECT_FALSE(cache.open(blocker + "/cache", warning));
  EXPECT_NE(warning.find("cache directory"), std::string::npos) << warning;
  EXPECT_FALSE(cache.writable());
  cache.setRunKey(config_, options_, "test");
  AnalysisOptions options = options_;
  options.cache = &cache;
  write("local.h", "#define SIZE 64\n");
  FileResult r = analyzeFile(write("drv.c", kDriver), flags_, config_, options);
  EXPECT_EQ(r.cache, CacheUse::NotStored);
  EXPECT_EQ(r.findings.size(), 1u);
}

}  // namespace
