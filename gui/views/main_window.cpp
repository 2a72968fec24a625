#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>
#include <fstream>
#include <map>
#ifdef DMAVIEW_HAVE_SVG
#include <QSvgGenerator>
#endif

#include "axis_ticks.h"
#include "query_worker.h"
#include "rows_model.h"
#include "run_reader.h"

namespace dmacheck::gui {
namespace {

QString hex(uint64_t v) {
  return QString::fromStdString(formatHex(v));
}
QString qs(std::string_view s) {
  return QString::fromUtf8(s.data(), static_cast<int>(s.size()));
}

QTableView *makeTable(RowsModel *model, QWidget *parent, const char *name) {
  auto *view = new QTableView(parent);
  view->setObjectName(name);
  auto *proxy = new QSortFilterProxyModel(view);
  proxy->setSourceModel(model);
  proxy->setSortRole(RowsModel::kSortRole);
  view->setModel(proxy);
  view->setSortingEnabled(true);
  view->sortByColumn(-1, Qt::AscendingOrder);  // keep the model's order until a header is clicked
  view->setSelectionBehavior(QAbstractItemView::SelectRows);
  view->setSelectionMode(QAbstractItemView::SingleSelection);
  view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view->verticalHeader()->setVisible(false);
  view->verticalHeader()->setDefaultSectionSize(20);
  view->horizontalHeader()->setStretchLastSection(true);
  view->setAlternatingRowColors(true);
  return view;
}

qint64 keyOf(const QModelIndex &index) {
  return index.data(RowsModel::kKeyRole).toLongLong();
}

QString flagNames(uint32_t flags) {
  QStringList names;
  if (flags & store::kCloseInconclusive) names << "close_inconclusive (events lost after the map)";
  if (flags & store::kAmbiguousPair) names << "ambiguous_pair";
  if (flags & store::kBounced) names << "bounced (swiotlb)";
  if (flags & store::kSgTruncated) names << "sg_truncated";
  return names.isEmpty() ? QStringLiteral("—") : names.join(", ");
}

}  // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {
  registerQueryTypes();
  buildUi();
  worker_ = new QueryWorker;
  worker_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
  connect(worker_, &QueryWorker::frameReady, this, &MainWindow::onFrameReady);
  connect(worker_, &QueryWorker::liveReady, this, &MainWindow::onLiveReady);
  connect(worker_, &QueryWorker::searchReady, this, &MainWindow::onSearchReady);
  thread_.start();
}

MainWindow::~MainWindow() {
  // Cancel running scans so the thread stops promptly.
  worker_->stop();
  for (int c = 0; c < QueryWorker::kChannels; ++c) worker_->nextGeneration(c);
  thread_.quit();
  thread_.wait();
}

void MainWindow::buildUi() {
  setWindowTitle("dmaview");
  resize(1400, 900);

  // Centre: the two linked panes, or the error page.
  stack_ = new QStackedWidget(this);
  errorLabel_ = new QLabel(stack_);
  errorLabel_->setObjectName("errorLabel");
  errorLabel_->setAlignment(Qt::AlignCenter);
  errorLabel_->setWordWrap(true);
  errorLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  errorLabel_->setText("Open a run database (File ▸ Open, Ctrl+O).\nMake one with: dmatrace import TRACE -o RUN.db");
  panes_ = new QSplitter(Qt::Vertical, stack_);
  dmaPane_ = new MapView(AddressAxis::Device, panes_);
  dmaPane_->setObjectName("dmaPane");
  physPane_ = new MapView(AddressAxis::Physical, panes_);
  physPane_->setObjectName("physPane");
  panes_->addWidget(dmaPane_);
  panes_->addWidget(physPane_);
  panes_->setStretchFactor(0, 3);
  panes_->setStretchFactor(1, 2);
  stack_->addWidget(errorLabel_);
  stack_->addWidget(panes_);
  setCentralWidget(stack_);

  // The panes share the time window: moving one moves the other.
  for (MapView *pane : {dmaPane_, physPane_}) {
    MapView *other = pane == dmaPane_ ? physPane_ : dmaPane_;
    connect(pane, &MapView::viewportChanged, this, [this, pane, other](const Viewport &v) {
      requestFrame(pane, v);
      other->setTimeRange(v.t0, v.t1);
    });
    connect(pane, &MapView::mappingClicked, this, [this](qint64 id) { selectMapping(id); });
    connect(pane, &MapView::cursorRequested, this, [this](quint64 t) { setCursorTime(t); });
    connect(pane, &MapView::hovered, this, [this](const QString &text) { hover_->setText(text); });
  }

  // Left: devices and address search.
  devices_ =
      new RowsModel({"device", "driver", "mappings", "bytes", "live at end", "peak live", "failed", "findings"}, this);
  auto *left = new QWidget(this);
  auto *leftLayout = new QVBoxLayout(left);
  leftLayout->setContentsMargins(2, 2, 2, 2);
  deviceView_ = makeTable(devices_, left, "deviceTable");
  leftLayout->addWidget(new QLabel("Devices", left));
  leftLayout->addWidget(deviceView_, 2);
  search_ = new QLineEdit(left);
  search_->setObjectName("search");
  search_->setPlaceholderText("Address (IOVA or phys, hex) — Ctrl+F");
  searchResults_ = new RowsModel({"device", "matched", "IOVA", "phys", "size", "dir", "mapped", "unmapped", "#"}, this);
  searchView_ = makeTable(searchResults_, left, "searchTable");
  leftLayout->addWidget(new QLabel("Who had this address, and when", left));
  leftLayout->addWidget(search_);
  leftLayout->addWidget(searchView_, 1);
  auto *leftDock = new QDockWidget("Run", this);
  leftDock->setObjectName("runDock");
  leftDock->setWidget(left);
  addDockWidget(Qt::LeftDockWidgetArea, leftDock);
  resizeDocks({leftDock}, {430}, Qt::Horizontal);
  connect(deviceView_, &QTableView::clicked, this, [this](const QModelIndex &i) { selectDevice(keyOf(i)); });
  connect(search_, &QLineEdit::returnPressed, this, [this] {
    uint64_t addr = 0;
    if (!parseAddress(search_->text().toStdString(), addr)) {
      statusBar()->showMessage("Not a hex address: " + search_->text(), 5000);
      return;
    }
    searchAddress(addr);
  });
  connect(searchView_, &QTableView::clicked, this, [this](const QModelIndex &i) {
    selectMapping(keyOf(i), true);
    if (selected_) setCursorTime(selected_->mapTs);
  });

  // Bottom: details, the map at t, findings, import stats.
  tabs_ = new QTabWidget(this);
  details_ = new QTextBrowser(tabs_);
  details_->setObjectName("details");
  details_->setOpenLinks(false);
  translations_ = new RowsModel({"IOVA", "IOVA end", "size", "phys", "dir", "kind", "mapped", "#"}, this);
  translationView_ = makeTable(translations_, tabs_, "translationTable");
  findings_ = new RowsModel({"severity", "rule", "time", "device", "mapping", "message"}, this);
  findingsView_ = makeTable(findings_, tabs_, "findingsTable");
  stats_ = new RowsModel({"origin", "severity", "reason", "count", "description"}, this);
  statsView_ = makeTable(stats_, tabs_, "statsTable");
  tabs_->addTab(details_, "Details");
  tabs_->addTab(translationView_, "Map at t");
  tabs_->addTab(findingsView_, "Findings");
  tabs_->addTab(statsView_, "Import stats");
  auto *bottomDock = new QDockWidget("Selection", this);
  bottomDock->setObjectName("selectionDock");
  bottomDock->setWidget(tabs_);
  addDockWidget(Qt::BottomDockWidgetArea, bottomDock);
  resizeDocks({bottomDock}, {260}, Qt::Vertical);
  connect(translationView_, &QTableView::clicked, this, [this](const QModelIndex &i) { selectMapping(keyOf(i)); });
  connect(findingsView_, &QTableView::clicked, this, [this](const QModelIndex &i) { jumpToFinding(keyOf(i)); });

  // Menus and shortcuts.
  QMenu *file = menuBar()->addMenu("&File");
  file->addAction("&Open…", QKeySequence::Open, this, &MainWindow::openDialog);
  file->addAction("Export &PNG…", QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::exportPng);
  QAction *svg = file->addAction("Export &SVG…", this, &MainWindow::exportSvg);
#ifndef DMAVIEW_HAVE_SVG
  svg->setEnabled(false);
  svg->setToolTip("built without QtSvg (qt6-svg-dev)");
#else
  (void)svg;
#endif
  file->addAction("Export visible mappings as &CSV…", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this,
                  &MainWindow::exportCsv);
  file->addSeparator();
  file->addAction("&Quit", QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
  QMenu *view = menuBar()->addMenu("&View");
  view->addAction("&Fit all", QKeySequence(Qt::Key_F), this, [this] {
    dmaPane_->fitAll();
    physPane_->fitAll();
  });
  view->addAction("Zoom &in (time)", QKeySequence(Qt::Key_Plus), this, [this] { dmaPane_->zoomBy(0.5, true, false); });
  view->addAction("Zoom &out (time)", QKeySequence(Qt::Key_Minus), this, [this] { dmaPane_->zoomBy(2, true, false); });
  view->addAction("Zoom in (address)", QKeySequence(Qt::CTRL | Qt::Key_Plus), this,
                  [this] { dmaPane_->zoomBy(0.5, false, true); });
  view->addAction("Zoom out (address)", QKeySequence(Qt::CTRL | Qt::Key_Minus), this,
                  [this] { dmaPane_->zoomBy(2, false, true); });
  view->addAction("Search &address", QKeySequence::Find, this, [this] {
    search_->setFocus();
    search_->selectAll();
  });
  view->addAction("Cursor to the &selection's map time", QKeySequence(Qt::Key_M), this, [this] {
    if (selected_) setCursorTime(selected_->mapTs);
  });
  QMenu *help = menuBar()->addMenu("&Help");
  help->addAction("&Keys and mouse", this, [this] {
    QMessageBox::information(this, "dmaview",
                             "Wheel: zoom time around the pointer (Ctrl: address, Shift: both)\n"
                             "Left drag: pan   Shift+drag or right drag: zoom into the band\n"
                             "Click: select the mapping, move the time cursor   Double click / F / Home: fit all\n"
                             "+ / -: zoom time (Ctrl: address)   Arrows: pan   M: cursor to the selection's map time\n"
                             "Ctrl+F: search an address   Ctrl+E: export PNG   Ctrl+Shift+E: export CSV");
  });

  hover_ = new QLabel(this);
  frameInfo_ = new QLabel(this);
  statusBar()->addWidget(hover_, 1);
  statusBar()->addPermanentWidget(frameInfo_);
}

void MainWindow::showError(const QString &text) {
  error_ = text;
  errorLabel_->setText(text);
  stack_->setCurrentWidget(errorLabel_);
  statusBar()->showMessage(text);
}

bool MainWindow::isRunDatabase(const QString &path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return true;  // let openRun() say why it cannot be read
  return f.read(16) == QByteArray("SQLite format 3\0", 16);
}

bool MainWindow::openPath(const QString &path) {
  if (isRunDatabase(path)) return openRun(path);
  if (import_) {
    statusBar()->showMessage("An import is already running", 5000);
    return false;
  }
  // dmatrace from beside dmaview (a build tree, an install), else PATH.
  QString dmatrace = QStandardPaths::findExecutable("dmatrace", {QCoreApplication::applicationDirPath()});
  if (dmatrace.isEmpty()) dmatrace = QStandardPaths::findExecutable("dmatrace");
  if (dmatrace.isEmpty()) {
    showError(QStringLiteral("%1 is not a run database, and dmatrace (to import it) is neither beside dmaview nor "
                             "in PATH.\nImport it with: dmatrace import %1 -o RUN.db")
                  .arg(path));
    return false;
  }
  QString out = QDir(QDir::tempPath())
                    .filePath(QStringLiteral("dmaview-%1-%2.db")
                                  .arg(QFileInfo(path).completeBaseName())
                                  .arg(QCoreApplication::applicationPid()));
  QFile::remove(out);
  import_ = new QProcess(this);
  import_->setProcessChannelMode(QProcess::MergedChannels);
  showError(QStringLiteral("Importing %1 with %2 …").arg(path, dmatrace));
  error_.clear();
  connect(import_, &QProcess::finished, this, [this, path, out](int code, QProcess::ExitStatus) {
    QString log = QString::fromLocal8Bit(import_->readAll()).trimmed();
    import_->deleteLater();
    import_ = nullptr;
    // dmatrace renames its temporary file to the output only when the import
    // is complete: an existing output is a whole database.
    if (QFile::exists(out)) {
      openRun(out);
      statusBar()->showMessage(QStringLiteral("Imported %1 into %2").arg(path, out), 10000);
    } else {
      showError(QStringLiteral("dmatrace import %1 failed (exit %2):\n%3").arg(path).arg(code).arg(log.right(2000)));
    }
  });
  connect(import_, &QProcess::errorOccurred, this, [this, dmatrace](QProcess::ProcessError e) {
    if (e != QProcess::FailedToStart) return;
    showError("Cannot run " + dmatrace);
    import_->deleteLater();
    import_ = nullptr;
  });
  import_->start(dmatrace, {"import", path, "-o", out});
  return true;
}

bool MainWindow::openRun(const QString &path) {
  std::string error;
  auto reader = store::RunReader::open(path.toStdString(), error);
  if (!reader) {
    showError(QStringLiteral("Cannot open %1:\n%2").arg(path, QString::fromStdString(error)));
    return false;
  }
  reader_ = std::move(reader);
  path_ = path;
  error_.clear();
  device_.reset();
  selected_.reset();
  cursor_.reset();
  setWindowTitle(QStringLiteral("dmaview — %1").arg(QFileInfo(path).fileName()));
  QMetaObject::invokeMethod(
      worker_, [w = worker_, path] { w->open(path); }, Qt::QueuedConnection);

  deviceRows_ = deviceRows(*reader_);
  QVector<TableRow> rows;
  for (const DeviceRow &d : deviceRows_) {
    const store::Device &dev = d.device;
    TableRow r;
    r.key = dev.id;
    r.cells << qs(dev.name) << qs(dev.driver) << QString::number(dev.mappings)
            << QString::fromStdString(formatBytes(dev.bytesMapped)) << QString::number(dev.liveAtEnd)
            << QString::number(dev.peakLive) << QString::number(dev.failedMaps) << QString::number(d.findings);
    r.sortValues = {QVariant(),
                    QVariant(),
                    QVariant::fromValue<qulonglong>(dev.mappings),
                    QVariant::fromValue<qulonglong>(dev.bytesMapped),
                    QVariant::fromValue<qulonglong>(dev.liveAtEnd),
                    QVariant::fromValue<qulonglong>(dev.peakLive),
                    QVariant::fromValue<qulonglong>(dev.failedMaps),
                    QVariant::fromValue<qulonglong>(d.findings)};
    if (dev.mappings == 0) r.background = QColor(240, 240, 240);
    rows.push_back(r);
  }
  devices_->setRows(rows);
  deviceView_->resizeColumnsToContents();

  allFindings_ = reader_->findings();
  fillFindings();
  fillImportStats();
  auto lost = lostSpans(*reader_);
  dmaPane_->setLost(lost);
  physPane_->setLost(lost);
  dmaPane_->setOrigin(reader_->info().startNs);
  physPane_->setOrigin(reader_->info().startNs);
  stack_->setCurrentWidget(panes_);

  auto busiest = busiestDevice(deviceRows_);
  if (!busiest) {
    QString msg = "This run has no devices: the trace held no DMA events.";
    dmaPane_->setMessage(msg);
    physPane_->setMessage(msg);
    statusBar()->showMessage(msg);
    return true;
  }
  selectDevice(*busiest);
  return true;
}

QString MainWindow::deviceName(int64_t id) const {
  for (const DeviceRow &d : deviceRows_)
    if (d.device.id == id) return qs(d.device.name);
  return QStringLiteral("#%1").arg(id);
}

QString MainWindow::timeText(uint64_t t) const {
  uint64_t origin = reader_ ? reader_->info().startNs : 0;
  return QString::fromStdString(formatDuration(static_cast<long double>(t) - static_cast<long double>(origin)));
}

void MainWindow::selectDevice(int64_t id) {
  if (!reader_) return;
  auto dev = reader_->device(id);
  if (!dev) return;
  device_ = dev;
  if (selected_ && selected_->device != id) {
    selected_.reset();
    dmaPane_->setSelected(std::nullopt);
    physPane_->setSelected(std::nullopt);
    fillDetails();
  }
  for (int row = 0; row < deviceView_->model()->rowCount(); ++row) {
    QModelIndex i = deviceView_->model()->index(row, 0);
    if (keyOf(i) == id) deviceView_->selectRow(row);
  }
  QString label = qs(dev->name) + (dev->driver.empty() ? QString() : " " + qs(dev->driver));
  dmaPane_->setTitle("Device addresses (IOVA) — " + label);
  physPane_->setTitle("Physical addresses — " + label + " (same time window)");

  // Findings as markers at their mapping's address.
  std::vector<FindingMark> dmaMarks, physMarks;
  for (const store::Finding &f : allFindings_) {
    if (!f.device || *f.device != id || !f.tsNs) continue;
    FindingMark mark{*f.tsNs, std::nullopt, qs(f.rule)};
    FindingMark physMark = mark;
    if (f.mapping && dmaMarks.size() < 5000) {
      if (auto m = reader_->mapping(*f.mapping)) {
        mark.addr = m->dmaAddr;
        physMark.addr = m->physAddr;
      }
    }
    dmaMarks.push_back(mark);
    physMarks.push_back(physMark);
  }
  dmaPane_->setFindings(dmaMarks);
  physPane_->setFindings(physMarks);

  // Fit both panes; the time bounds are the fitted window (a little wider
  // than the run), addresses may range over the whole space.
  for (MapView *pane : {dmaPane_, physPane_}) {
    bool phys = pane == physPane_;
    DeviceExtent e = deviceExtent(*reader_, *dev, phys);
    QRect plot = plotRect(pane->size());
    Viewport f = fit(e.t0, e.t1, e.addrLo, e.addrHi, plot.width(), plot.height());
    ViewBounds b;
    b.t0 = f.t0;
    b.t1 = f.t1;
    pane->setBounds(b);
    pane->setFitViewport(f);
    pane->setFrame(nullptr);
    if (e.empty) {
      pane->setMessage(phys ? QStringLiteral("%1 has no mappings with a known physical address (coherent buffers "
                                             "and merged sg segments carry none).")
                                  .arg(label)
                            : QStringLiteral("%1 has no DMA mappings in this run.").arg(label));
    } else {
      pane->setMessage({});
    }
    pane->setViewport(f, !e.empty);
  }
  if (cursor_) setCursorTime(*cursor_);
  statusBar()->showMessage(
      QStringLiteral("%1: %2 mappings, %3 live at the end").arg(label).arg(dev->mappings).arg(dev->liveAtEnd), 5000);
}

void MainWindow::requestFrame(MapView *pane, const Viewport &viewport) {
  if (!device_ || !reader_) return;
  int channel = pane == dmaPane_ ? QueryWorker::kDmaPane : QueryWorker::kPhysPane;
  quint64 gen = worker_->nextGeneration(channel);
  latest_[channel] = gen;
  pending_[channel] = true;
  pane->setLoading(true);
  qint64 device = device_->id;
  QMetaObject::invokeMethod(
      worker_, [w = worker_, channel, device, viewport, gen] { w->frame(channel, device, viewport, gen); },
      Qt::QueuedConnection);
}

void MainWindow::onFrameReady(int channel, quint64 generation, std::shared_ptr<Frame> frame, double ms) {
  if (generation != latest_[channel]) return;
  pending_[channel] = false;
  MapView *pane = channel == QueryWorker::kDmaPane ? dmaPane_ : physPane_;
  if (!frame->ok) {
    pane->setLoading(false);
    pane->setMessage("Query failed: " + QString::fromStdString(frame->error));
    return;
  }
  pane->setFrame(frame);
  if (channel == QueryWorker::kDmaPane)
    frameInfo_->setText(QStringLiteral("%1 mappings in view: %2 rectangles + %3 pixels, %4 ms")
                            .arg(frame->mappings)
                            .arg(frame->rects.size())
                            .arg(frame->occupiedPixels())
                            .arg(ms, 0, 'f', 1));
}

void MainWindow::setCursorTime(uint64_t t) {
  cursor_ = t;
  dmaPane_->setCursorTime(t);
  physPane_->setCursorTime(t);
  if (!device_) return;
  quint64 gen = worker_->nextGeneration(QueryWorker::kLive);
  latest_[QueryWorker::kLive] = gen;
  pending_[QueryWorker::kLive] = true;
  qint64 device = device_->id;
  QMetaObject::invokeMethod(
      worker_, [w = worker_, device, t, gen] { w->live(device, t, gen); }, Qt::QueuedConnection);
}

void MainWindow::onLiveReady(quint64 generation, quint64 t, std::shared_ptr<std::vector<Translation>> rows) {
  if (generation != latest_[QueryWorker::kLive]) return;
  pending_[QueryWorker::kLive] = false;
  QVector<TableRow> out;
  out.reserve(static_cast<int>(rows->size()));
  for (const Translation &tr : *rows) {
    TableRow r;
    r.key = tr.mapping;
    r.cells << hex(tr.iova) << hex(tr.iova + tr.size) << QString::number(tr.size)
            << (tr.phys ? hex(*tr.phys) : QStringLiteral("unknown")) << qs(store::directionLabel(tr.dir))
            << qs(store::mappingKindName(tr.kind)) << timeText(tr.mapTs) << QString::number(tr.mapping);
    r.sortValues = {QVariant::fromValue<qulonglong>(tr.iova),
                    QVariant::fromValue<qulonglong>(tr.iova + tr.size),
                    QVariant::fromValue<qulonglong>(tr.size),
                    QVariant::fromValue<qulonglong>(tr.phys.value_or(0)),
                    QVariant(),
                    QVariant(),
                    QVariant::fromValue<qulonglong>(tr.mapTs),
                    QVariant::fromValue<qlonglong>(tr.mapping)};
    if (tr.overlaps) r.background = QColor(255, 220, 220);
    out.push_back(r);
  }
  translations_->setRows(out);
  tabs_->setTabText(1, QStringLiteral("Map at t = %1 (%2 live)").arg(timeText(t)).arg(rows->size()));
}

void MainWindow::searchAddress(uint64_t addr) {
  if (!reader_) return;
  quint64 gen = worker_->nextGeneration(QueryWorker::kSearch);
  latest_[QueryWorker::kSearch] = gen;
  pending_[QueryWorker::kSearch] = true;
  statusBar()->showMessage("Searching " + hex(addr) + "…");
  QMetaObject::invokeMethod(
      worker_, [w = worker_, addr, gen] { w->search(addr, gen); }, Qt::QueuedConnection);
}

void MainWindow::onSearchReady(quint64 generation, quint64 addr, std::shared_ptr<std::vector<AddressHit>> hits) {
  if (generation != latest_[QueryWorker::kSearch]) return;
  pending_[QueryWorker::kSearch] = false;
  QVector<TableRow> out;
  for (const AddressHit &h : *hits) {
    const store::Mapping &m = h.mapping;
    TableRow r;
    r.key = m.id;
    r.cells << deviceName(m.device) << (h.byPhys ? "phys" : "IOVA") << hex(m.dmaAddr)
            << (m.physAddr ? hex(*m.physAddr) : QString()) << QString::number(m.size)
            << qs(store::directionLabel(m.dir)) << timeText(m.mapTs)
            << (m.unmapTs ? timeText(*m.unmapTs) : QStringLiteral("live")) << QString::number(m.id);
    r.sortValues = {QVariant(),
                    QVariant(),
                    QVariant::fromValue<qulonglong>(m.dmaAddr),
                    QVariant::fromValue<qulonglong>(m.physAddr.value_or(0)),
                    QVariant::fromValue<qulonglong>(m.size),
                    QVariant(),
                    QVariant::fromValue<qulonglong>(m.mapTs),
                    QVariant::fromValue<qulonglong>(m.unmapTs.value_or(UINT64_MAX)),
                    QVariant::fromValue<qlonglong>(m.id)};
    out.push_back(r);
  }
  searchResults_->setRows(out);
  searchView_->resizeColumnsToContents();
  statusBar()->showMessage(QStringLiteral("%1: %2 lifetimes").arg(hex(addr)).arg(hits->size()), 5000);
}

bool MainWindow::busy() const {
  if (import_) return true;
  for (bool p : pending_)
    if (p) return true;
  return false;
}

void MainWindow::jumpToFinding(int64_t id) {
  for (const store::Finding &f : allFindings_) {
    if (f.id != id) continue;
    if (f.device && (!device_ || device_->id != *f.device)) selectDevice(*f.device);
    if (f.mapping) selectMapping(*f.mapping, true);
    if (f.tsNs) {
      if (!f.mapping) {
        Viewport v = dmaPane_->viewport();
        dmaPane_->setViewport(centreOn(v, *f.tsNs, v.addrLo / 2 + v.addrHi / 2, dmaPane_->bounds()));
      }
      setCursorTime(*f.tsNs);
    }
    return;
  }
}

void MainWindow::selectMapping(int64_t id, bool centre) {
  if (!reader_) return;
  auto m = reader_->mapping(id);
  if (!m) return;
  if (!device_ || device_->id != m->device) selectDevice(m->device);
  selected_ = m;
  dmaPane_->setSelected(m);
  physPane_->setSelected(m);
  if (centre) {
    uint64_t end = m->unmapTs.value_or(m->mapTs);
    uint64_t mid = m->mapTs / 2 + end / 2;
    dmaPane_->setViewport(centreOn(dmaPane_->viewport(), mid, m->dmaAddr + m->size / 2, dmaPane_->bounds()));
    if (m->physAddr)
      physPane_->setViewport(centreOn(physPane_->viewport(), mid, *m->physAddr + m->size / 2, physPane_->bounds()));
  }
  fillDetails();
  tabs_->setCurrentWidget(details_);
}

void MainWindow::fillDetails() {
  if (!selected_ || !reader_) {
    details_->setHtml("<i>Click a mapping in either pane to see its details.</i>");
    return;
  }
  const store::Mapping &m = *selected_;
  auto row = [](const QString &k, const QString &v) {
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k.toHtmlEscaped(), v);
  };
  QString dev = deviceName(m.device);
  if (device_ && device_->id == m.device && !device_->driver.empty()) dev += " (" + qs(device_->driver) + ")";
  QString html = QStringLiteral("<h3>Mapping #%1 — %2</h3><table cellspacing=2>")
                     .arg(m.id)
                     .arg(qs(store::mappingKindName(m.kind)));
  html += row("device", dev.toHtmlEscaped());
  html += row("kind", qs(store::mappingKindName(m.kind)));
  html += row("IOVA", QStringLiteral("%1 – %2").arg(hex(m.dmaAddr), hex(m.dmaEnd())));
  html += row("phys", m.physAddr ? QStringLiteral("%1 – %2").arg(hex(*m.physAddr), hex(*m.physAddr + m.size))
                                 : QStringLiteral("unknown (coherent allocation or merged sg segment)"));
  html += row("size", QStringLiteral("%1 bytes (%2)").arg(m.size).arg(QString::fromStdString(formatBytes(m.size))));
  QString dir = qs(store::directionLabel(m.dir));
  if (dir.isEmpty()) dir = "—";
  if (m.unmapDir >= 0 && m.unmapDir != m.dir) dir += " (unmapped as " + qs(store::directionLabel(m.unmapDir)) + ")";
  html += row("direction", dir);
  html += row("attrs", hex(m.attrs));
  html +=
      row("mapped at", QStringLiteral("%1 (t = %2 ns, event %3)").arg(timeText(m.mapTs)).arg(m.mapTs).arg(m.mapEvent));
  if (m.unmapTs) {
    html += row("unmapped at", QStringLiteral("%1 (t = %2 ns, event %3)")
                                   .arg(timeText(*m.unmapTs))
                                   .arg(*m.unmapTs)
                                   .arg(m.unmapEvent.value_or(0)));
    html += row("lifetime", QString::fromStdString(formatDuration(static_cast<long double>(*m.unmapTs - m.mapTs))));
  } else {
    html += row("unmapped at", "still live at the end of the trace");
    html +=
        row("lifetime", "≥ " + QString::fromStdString(formatDuration(static_cast<long double>(reader_->info().endNs) -
                                                                     static_cast<long double>(m.mapTs))));
  }
  if (m.unmapSize && *m.unmapSize != m.size)
    html +=
        row("unmap size",
            QStringLiteral("<span style='color:#c0392b'>%1 bytes (mapped %2)</span>").arg(*m.unmapSize).arg(m.size));
  if (m.sgGroup)
    html += row("sg list", QStringLiteral("event %1, segment %2").arg(*m.sgGroup).arg(m.sgIndex.value_or(0)));
  html += row("flags", flagNames(m.flags).toHtmlEscaped());
  auto stackHtml = [&](const std::optional<int64_t> &id) {
    if (!id) return QStringLiteral("— (the trace has no stacks: record with -T stacktrace)");
    auto s = reader_->stack(*id);
    if (!s) return QStringLiteral("—");
    QString out =
        s->callSite.empty() ? QStringLiteral("<i>glue only</i>") : "<b>" + qs(s->callSite).toHtmlEscaped() + "</b>";
    if (!s->frames.empty()) {
      out += "<br><small>";
      for (const std::string &f : s->frames) out += qs(f).toHtmlEscaped() + "<br>";
      out += "</small>";
    }
    return out;
  };
  html += row("call site", stackHtml(m.mapStack));
  if (m.unmapTs) html += row("unmapped from", stackHtml(m.unmapStack));
  html += "</table>";
  details_->setHtml(html);
}

QString MainWindow::detailsText() const {
  return details_->toPlainText();
}

void MainWindow::fillFindings() {
  QVector<TableRow> rows;
  for (const store::Finding &f : allFindings_) {
    TableRow r;
    r.key = f.id;
    r.cells << qs(f.severity) + (f.inconclusive ? " (inconclusive)" : "") << qs(f.rule)
            << (f.tsNs ? timeText(*f.tsNs) : QString()) << (f.device ? deviceName(*f.device) : QString())
            << (f.mapping ? QString::number(*f.mapping) : QString()) << qs(f.message);
    r.sortValues = {QVariant(), QVariant(), QVariant::fromValue<qulonglong>(f.tsNs.value_or(0))};
    rows.push_back(r);
  }
  findings_->setRows(rows);
  tabs_->setTabText(2, QStringLiteral("Findings (%1)").arg(rows.size()));
  if (rows.isEmpty()) findingsView_->setToolTip("No findings in this database: run `dmatrace check RUN.db` first.");
}

void MainWindow::fillImportStats() {
  QVector<TableRow> rows;
  for (const store::ImportStat &s : reader_->importStats()) {
    TableRow r;
    r.cells << qs(s.origin) << qs(s.severity) << qs(s.reason) << QString::number(s.count) << qs(s.description);
    r.sortValues = {QVariant(), QVariant(), QVariant(), QVariant::fromValue<qulonglong>(s.count)};
    if (s.severity == "data_loss" || s.severity == "error") r.background = QColor(255, 235, 210);
    rows.push_back(r);
  }
  stats_->setRows(rows);
}

void MainWindow::openDialog() {
  QString path = QFileDialog::getOpenFileName(this, "Open a run database or a trace", QString(),
                                              "Run databases (*.db);;Traces (*.txt *.dat);;All files (*)");
  if (!path.isEmpty()) openPath(path);
}

void MainWindow::renderPanes(QPainter &painter, const QSize &size) {
  // What the panes show, at the given size: stacked as on screen.
  int h0 = size.height() * dmaPane_->height() / std::max(1, dmaPane_->height() + physPane_->height());
  painter.save();
  dmaPane_->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
  painter.translate(0, h0);
  physPane_->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
  painter.restore();
}

void MainWindow::exportPng() {
  QString path = QFileDialog::getSaveFileName(this, "Export PNG", "dmaview.png", "PNG images (*.png)");
  if (path.isEmpty()) return;
  if (!panes_->grab().save(path, "PNG")) QMessageBox::warning(this, "dmaview", "Cannot write " + path);
}

void MainWindow::exportSvg() {
#ifdef DMAVIEW_HAVE_SVG
  QString path = QFileDialog::getSaveFileName(this, "Export SVG", "dmaview.svg", "SVG images (*.svg)");
  if (path.isEmpty()) return;
  QSvgGenerator gen;
  gen.setFileName(path);
  gen.setSize(panes_->size());
  gen.setViewBox(QRect(QPoint(), panes_->size()));
  gen.setTitle("dmaview");
  QPainter p(&gen);
  renderPanes(p, panes_->size());
#else
  QMessageBox::information(this, "dmaview", "This build has no SVG export (QtSvg, qt6-svg-dev, was not found).");
#endif
}

void MainWindow::exportCsv() {
  if (!reader_ || !device_) return;
  QString path = QFileDialog::getSaveFileName(this, "Export visible mappings", "mappings.csv", "CSV (*.csv)");
  if (path.isEmpty()) return;
  std::ofstream out(path.toStdString());
  std::string error;
  if (!out || !writeMappingsCsv(*reader_, device_->id, dmaPane_->viewport(), out, error))
    QMessageBox::warning(this, "dmaview",
                         "Cannot export: " + QString::fromStdString(error.empty() ? "cannot write" : error));
}

}  // namespace dmacheck::gui
