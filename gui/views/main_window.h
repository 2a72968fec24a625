// The viewer's window: device list and address search on the left, the
// IOVA pane above the linked physical pane in the centre, and tabs below
// for the selected mapping's details, the translation table at the cursor,
// findings and import stats. It wires widgets to the model layer and the
// query thread; it computes nothing itself.
#pragma once

#include <QMainWindow>
#include <QThread>
#include <array>
#include <memory>
#include <optional>
#include <vector>

#include "frame.h"
#include "map_view.h"
#include "run_queries.h"

class QLabel;
class QProcess;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace dmacheck::store {
class RunReader;
}

namespace dmacheck::gui {

class QueryWorker;
class RowsModel;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget *parent = nullptr);
  ~MainWindow() override;

  // False when the file cannot be shown; the reason is then in the window.
  bool openRun(const QString &path);
  // A run database is opened; anything else is taken for a trace and
  // imported first by a `dmatrace import` process (the viewer never links
  // the importer), then opened. False when it cannot even start.
  bool openPath(const QString &path);
  static bool isRunDatabase(const QString &path);
  QString errorText() const { return error_; }

  void selectDevice(int64_t id);
  void selectMapping(int64_t id, bool centre = false);
  void setCursorTime(uint64_t t);
  void searchAddress(uint64_t addr);
  // What clicking a finding does: its device, its mapping selected and
  // centred, the time cursor at its time.
  void jumpToFinding(int64_t id);
  // True while a frame, live-at-t or search query is outstanding (tests
  // wait for this to clear).
  bool busy() const;

  std::optional<int64_t> currentDevice() const { return device_ ? std::optional<int64_t>(device_->id) : std::nullopt; }
  const std::optional<store::Mapping> &selectedMapping() const { return selected_; }
  QString detailsText() const;
  RowsModel *deviceModel() const { return devices_; }
  RowsModel *translationModel() const { return translations_; }
  RowsModel *findingsModel() const { return findings_; }
  RowsModel *searchModel() const { return searchResults_; }
  MapView *dmaPane() const { return dmaPane_; }
  MapView *physPane() const { return physPane_; }

 public slots:
  void openDialog();
  void exportPng();
  void exportSvg();
  void exportCsv();

 private:
  void buildUi();
  void showError(const QString &text);
  void requestFrame(MapView *pane, const Viewport &viewport);
  void onFrameReady(int channel, quint64 generation, std::shared_ptr<Frame> frame, double ms);
  void onLiveReady(quint64 generation, quint64 t, std::shared_ptr<std::vector<Translation>> rows);
  void onSearchReady(quint64 generation, quint64 addr, std::shared_ptr<std::vector<AddressHit>> hits);
  void fillDetails();
  void fillFindings();
  void fillImportStats();
  QString deviceName(int64_t id) const;
  QString timeText(uint64_t t) const;
  void renderPanes(QPainter &painter, const QSize &size);

  std::unique_ptr<store::RunReader> reader_;
  QString path_;
  QString error_;
  std::vector<DeviceRow> deviceRows_;
  std::optional<store::Device> device_;
  std::optional<store::Mapping> selected_;
  std::optional<uint64_t> cursor_;
  std::vector<store::Finding> allFindings_;

  QThread thread_;
  QueryWorker *worker_ = nullptr;
  std::array<quint64, 4> latest_{};
  std::array<bool, 4> pending_{};
  QProcess *import_ = nullptr;  // a running `dmatrace import`

  QStackedWidget *stack_ = nullptr;
  QLabel *errorLabel_ = nullptr;
  QSplitter *panes_ = nullptr;
  MapView *dmaPane_ = nullptr;
  MapView *physPane_ = nullptr;
  QTableView *deviceView_ = nullptr;
  QLineEdit *search_ = nullptr;
  QTableView *searchView_ = nullptr;
  QTabWidget *tabs_ = nullptr;
  QTextBrowser *details_ = nullptr;
  QTableView *translationView_ = nullptr;
  QTableView *findingsView_ = nullptr;
  QTableView *statsView_ = nullptr;
  RowsModel *devices_ = nullptr;
  RowsModel *translations_ = nullptr;
  RowsModel *findings_ = nullptr;
  RowsModel *searchResults_ = nullptr;
  RowsModel *stats_ = nullptr;
  QLabel *hover_ = nullptr;
  QLabel *frameInfo_ = nullptr;
};

}  // namespace dmacheck::gui
