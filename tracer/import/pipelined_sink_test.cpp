#include "pipelined_sink.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace dmacheck::tracer {
namespace {

// Records every call as text, with the thread it came on.
class RecordingSink : public EventSink {
 public:
  void onEvent(const TraceEvent &e) override {
    std::string sg;
    for (const SgEntry &s : e.sg) sg += "," + std::to_string(s.physAddr);
    calls.push_back("event " + std::to_string(e.tsNs) + " " + e.comm + " " + e.text + sg);
    threads.push_back(std::this_thread::get_id());
  }
  void onLostEvents(const LostEvents &lost) override {
    calls.push_back("lost " + std::to_string(lost.cpu) + " " + std::to_string(lost.count));
    threads.push_back(std::this_thread::get_id());
  }
  void onMeta(const std::string &key, const std::string &value) override {
    calls.push_back("meta " + key + "=" + value);
    threads.push_back(std::this_thread::get_id());
  }
  std::vector<std::string> calls;
  std::vector<std::thread::id> threads;
};

// Every kind of call arrives in order, on another thread, across many
// recycled batches; a recycled event keeps nothing of the one before it.
TEST(PipelinedSinkTest, ReplaysEveryCallInOrderOnTheConsumerThread) {
  RecordingSink direct, target;
  auto feed = [](EventSink &sink) {
    for (uint64_t i = 0; i < 5000; ++i) {
      TraceEvent e;
      e.tsNs = i;
      e.comm = i % 3 ? "short" : std::string(40, 'c');
      if (i % 7 == 0) e.sg = {SgEntry{0, i, 0}, SgEntry{0, i + 1, 0}};
      if (i % 11 == 0) e.text = "console line " + std::to_string(i);
      sink.onEvent(e);
      if (i % 1000 == 999) sink.onLostEvents(LostEvents{static_cast<int32_t>(i % 4), i, i / 1000});
      if (i % 2500 == 0) sink.onMeta("key" + std::to_string(i), "value");
    }
  };
  feed(direct);
  {
    PipelinedSink pipe(target);
    feed(pipe);
    pipe.drain();
    EXPECT_EQ(target.calls, direct.calls);
  }  // a second drain (the destructor's) is harmless
  ASSERT_FALSE(target.threads.empty());
  for (std::thread::id id : target.threads) EXPECT_NE(id, std::this_thread::get_id());
}

TEST(PipelinedSinkTest, NothingFedIsNothingReplayed) {
  RecordingSink target;
  PipelinedSink pipe(target);
  pipe.drain();
  EXPECT_TRUE(target.calls.empty());
}

}  // namespace
}  // namespace dmacheck::tracer
