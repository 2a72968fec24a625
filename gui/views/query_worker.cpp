#include "query_worker.h"

#include <QElapsedTimer>

#include "run_reader.h"

namespace dmacheck::gui {

void registerQueryTypes() {
  qRegisterMetaType<dmacheck::gui::Viewport>();
  qRegisterMetaType<std::shared_ptr<dmacheck::gui::Frame>>();
  qRegisterMetaType<std::shared_ptr<std::vector<dmacheck::gui::Translation>>>();
  qRegisterMetaType<std::shared_ptr<std::vector<dmacheck::gui::AddressHit>>>();
}

QueryWorker::QueryWorker() = default;
QueryWorker::~QueryWorker() = default;

uint64_t QueryWorker::nextGeneration(int channel) {
  uint64_t g = latest_[channel].fetch_add(1) + 1;
  cancel_[channel].store(true);
  return g;
}

void QueryWorker::open(const QString &path) {
  std::string error;
  cache_.reset();
  reader_ = store::RunReader::open(path.toStdString(), error);
  emit opened(reader_ != nullptr, QString::fromStdString(error));
}

void QueryWorker::frame(int channel, qint64 device, Viewport viewport, quint64 generation) {
  if (!reader_ || stale(channel, generation)) return;
  cancel_[channel].store(false);
  QElapsedTimer timer;
  timer.start();
  AddressAxis axis = channel == kPhysPane ? AddressAxis::Physical : AddressAxis::Device;
  if (!cache_ || cache_->device() != device) {
    // One scan of the device (as long as one whole-run frame from SQLite),
    // then every zoom and pan is served from memory. Not cancelled by newer
    // viewports of the same device: they all need it.
    cache_.reset();
    auto d = reader_->device(device);
    if (d && d->mappings <= MappingCache::kMaxRows) {
      auto cache = std::make_unique<MappingCache>();
      std::string error;
      if (cache->load(*reader_, device, &stop_, error)) cache_ = std::move(cache);
    }
  }
  std::shared_ptr<Frame> f;
  if (cache_ && cache_->device() == device)
    f = std::make_shared<Frame>(cache_->frame(viewport, axis));
  else
    f = std::make_shared<Frame>(buildFrame(*reader_, device, viewport, axis, &cancel_[channel]));
  if (stale(channel, generation)) return;
  emit frameReady(channel, generation, f, timer.nsecsElapsed() / 1e6);
}

void QueryWorker::live(qint64 device, quint64 t, quint64 generation) {
  if (!reader_ || stale(kLive, generation)) return;
  auto rows = std::make_shared<std::vector<Translation>>(translationTable(reader_->liveAt(device, t)));
  emit liveReady(generation, t, rows);
}

void QueryWorker::search(quint64 addr, quint64 generation) {
  if (!reader_ || stale(kSearch, generation)) return;
  auto hits = std::make_shared<std::vector<AddressHit>>(searchAddress(*reader_, addr));
  emit searchReady(generation, addr, hits);
}

}  // namespace dmacheck::gui
