// Runs the slow queries (frames, "the map at t", address search) on a
// thread of its own with its own RunReader (an sqlite3 connection is not
// shared across threads here), so the GUI thread only paints.
//
// Frames of the current device come from a MappingCache loaded on the
// first request for it (devices too large for it are queried per frame).
//
// Requests carry a generation per channel; the GUI bumps `latest_` before
// queueing, and the worker skips requests already superseded and cancels a
// running frame scan when a newer one arrives (a whole-run scan of a
// million rows should not finish for nothing).
#pragma once

#include <QObject>
#include <QString>
#include <array>
#include <atomic>
#include <memory>

#include "frame.h"
#include "mapping_cache.h"
#include "meta_types.h"
#include "run_queries.h"

namespace dmacheck::store {
class RunReader;
}

namespace dmacheck::gui {

class QueryWorker : public QObject {
  Q_OBJECT
 public:
  enum Channel { kDmaPane = 0, kPhysPane = 1, kLive = 2, kSearch = 3, kChannels = 4 };

  QueryWorker();
  ~QueryWorker() override;

  // Called from the GUI thread before queueing a request on the channel.
  uint64_t nextGeneration(int channel);
  // Called from the GUI thread before quitting the thread: abandons scans.
  void stop() { stop_.store(true); }

 public slots:
  void open(const QString &path);
  void frame(int channel, qint64 device, dmacheck::gui::Viewport viewport, quint64 generation);
  void live(qint64 device, quint64 t, quint64 generation);
  void search(quint64 addr, quint64 generation);

 signals:
  void opened(bool ok, const QString &error);
  void frameReady(int channel, quint64 generation, std::shared_ptr<dmacheck::gui::Frame> frame, double ms);
  void liveReady(quint64 generation, quint64 t, std::shared_ptr<std::vector<dmacheck::gui::Translation>> rows);
  void searchReady(quint64 generation, quint64 addr, std::shared_ptr<std::vector<dmacheck::gui::AddressHit>> hits);

 private:
  bool stale(int channel, uint64_t generation) const { return generation < latest_[channel].load(); }

  std::unique_ptr<store::RunReader> reader_;
  std::unique_ptr<MappingCache> cache_;
  std::atomic<bool> stop_{false};
  std::array<std::atomic<uint64_t>, kChannels> latest_{};
  std::array<std::atomic<bool>, kChannels> cancel_{};
};

void registerQueryTypes();

}  // namespace dmacheck::gui
