#include "pipelined_sink.h"

#include <utility>

namespace dmacheck::tracer {

PipelinedSink::PipelinedSink(EventSink &target) : target_(target), consumer_([this] { consume(); }) {}

PipelinedSink::~PipelinedSink() { drain(); }

PipelinedSink::Item &PipelinedSink::next() {
  if (filling_.used == kBatchItems) handOff();
  if (filling_.items.size() <= filling_.used) filling_.items.resize(filling_.used + 1);
  return filling_.items[filling_.used++];
}

void PipelinedSink::onEvent(const TraceEvent &event) {
  Item &item = next();
  item.kind = Kind::Event;
  item.event = event;
}

void PipelinedSink::onLostEvents(const LostEvents &lost) {
  Item &item = next();
  item.kind = Kind::Lost;
  item.lost = lost;
}

void PipelinedSink::onMeta(const std::string &key, const std::string &value) {
  Item &item = next();
  item.kind = Kind::Meta;
  item.key = key;
  item.value = value;
}

void PipelinedSink::handOff() {
  if (filling_.used == 0) return;
  filling_ = pipe_.handOff(std::move(filling_));
  filling_.used = 0;  // a recycled batch keeps its items (and their capacity)
}

void PipelinedSink::consume() {
  while (std::optional<Batch> batch = pipe_.take()) {
    for (size_t i = 0; i < batch->used; ++i) {
      const Item &item = batch->items[i];
      switch (item.kind) {
        case Kind::Event: target_.onEvent(item.event); break;
        case Kind::Lost: target_.onLostEvents(item.lost); break;
        case Kind::Meta: target_.onMeta(item.key, item.value); break;
      }
    }
    pipe_.recycle(std::move(*batch));
  }
}

void PipelinedSink::drain() {
  if (!consumer_.joinable()) return;
  handOff();
  pipe_.close();
  consumer_.join();
}

}  // namespace dmacheck::tracer
