// The viewer against real captures (testdata/traces/strict-basic and
// strict-stacks, imported by the dmaview_import_* fixtures), under the offscreen
// platform: the window selects a mapping and shows its details and the
// translation table at its map time; the headless snapshot has the mapping
// rectangles where the model puts them; bad files give messages, not
// crashes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QMouseEvent>
#include <QThread>
#include <QWheelEvent>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "database.h"
#include "main_window.h"
#include "map_painter.h"
#include "palette.h"
#include "rows_model.h"
#include "run_queries.h"
#include "run_reader.h"
#include "run_writer.h"
#include "snapshot.h"

namespace dmacheck::gui {
namespace {

const char *kStrictDb = DMAVIEW_STRICT_DB;

bool waitIdle(MainWindow &w, int ms = 20000) {
  QElapsedTimer t;
  t.start();
  do {
    QCoreApplication::processEvents();
    if (w.busy()) QThread::msleep(2);  // do not spin: the query thread needs the core
  } while (w.busy() && t.elapsed() < ms);
  QCoreApplication::processEvents();
  return !w.busy();
}

std::string tempPath(const char *name) {
  return ::testing::TempDir() + "dmaview_gui_test_" + std::to_string(getpid()) + "_" + name;
}

// A mapping worth selecting: the busiest device's longest-lived streaming
// mapping with a known physical address.
std::optional<store::Mapping> pickMapping(store::RunReader &reader, int64_t device) {
  std::optional<store::Mapping> best;
  store::MappingWindow w;
  w.device = device;
  for (const store::Mapping &m : reader.mappingsInWindow(w)) {
    if (!m.physAddr || !m.unmapTs) continue;
    if (!best || *m.unmapTs - m.mapTs > *best->unmapTs - best->mapTs) best = m;
  }
  return best;
}

TEST(DmaviewGuiTest, SelectingAMappingFillsDetailsAndTheTranslationTable) {
  MainWindow w;
  w.resize(1300, 900);
  w.show();
  ASSERT_TRUE(w.openRun(kStrictDb)) << w.errorText().toStdString();
  ASSERT_TRUE(waitIdle(w));
  ASSERT_TRUE(w.currentDevice().has_value());
  EXPECT_GT(w.deviceModel()->rowCount(), 1);

  std::string error;
  auto reader = store::RunReader::open(kStrictDb, error);
  ASSERT_TRUE(reader) << error;
  auto device = reader->device(*w.currentDevice());
  ASSERT_TRUE(device);
  EXPECT_GT(device->mappings, 0u);  // the busiest device is shown first

  // The pane got a frame with rectangles of this device.
  ASSERT_NE(w.dmaPane()->frame(), nullptr);
  EXPECT_GT(w.dmaPane()->frame()->mappings, 0u);
  EXPECT_EQ(w.dmaPane()->frame()->device, device->id);

  auto m = pickMapping(*reader, device->id);
  ASSERT_TRUE(m);
  w.selectMapping(m->id);
  w.setCursorTime(m->mapTs);
  ASSERT_TRUE(waitIdle(w));

  QString details = w.detailsText();
  char iova[32], phys[32];
  std::snprintf(iova, sizeof iova, "0x%llx", static_cast<unsigned long long>(m->dmaAddr));
  std::snprintf(phys, sizeof phys, "0x%llx", static_cast<unsigned long long>(*m->physAddr));
  EXPECT_TRUE(details.contains(QString::fromStdString(device->name))) << details.toStdString();
  EXPECT_TRUE(details.contains(iova)) << details.toStdString();
  EXPECT_TRUE(details.contains(phys)) << details.toStdString();
  EXPECT_TRUE(details.contains(QString::fromStdString(std::string(store::mappingKindName(m->kind)))));
  EXPECT_TRUE(details.contains(QStringLiteral("%1 bytes").arg(m->size)));
  EXPECT_TRUE(details.contains("lifetime"));

  // The translation table at its map time lists it, with its phys address,
  // and exactly the mappings the store says are live then.
  RowsModel *t = w.translationModel();
  auto live = reader->liveAt(device->id, m->mapTs);
  ASSERT_EQ(t->rowCount(), static_cast<int>(live.size()));
  bool found = false;
  for (int r = 0; r < t->rowCount(); ++r) {
    if (t->row(r).key != m->id) continue;
    found = true;
    EXPECT_EQ(t->row(r).cells[0], QString(iova));
    EXPECT_EQ(t->row(r).cells[3], QString(phys));
  }
  EXPECT_TRUE(found);

  // For a look at the whole window: DMAVIEW_TEST_GRAB=/path/window.png.
  if (!qEnvironmentVariableIsEmpty("DMAVIEW_TEST_GRAB")) w.grab().save(qEnvironmentVariable("DMAVIEW_TEST_GRAB"));

  // Both panes highlight it.
  EXPECT_EQ(w.selectedMapping()->id, m->id);
  EXPECT_EQ(w.dmaPane()->cursorTime(), std::optional<uint64_t>(m->mapTs));

  // Address search finds it by IOVA and by phys.
  w.searchAddress(*m->physAddr);
  ASSERT_TRUE(waitIdle(w));
  bool byPhys = false;
  for (int r = 0; r < w.searchModel()->rowCount(); ++r)
    byPhys |= w.searchModel()->row(r).key == m->id && w.searchModel()->row(r).cells[1] == "phys";
  EXPECT_TRUE(byPhys);

  // The CSV export of the visible window has one line per mapping in it.
  {
    std::ostringstream csv;
    std::string csvError;
    ASSERT_TRUE(writeMappingsCsv(*reader, device->id, w.dmaPane()->viewport(), csv, csvError)) << csvError;
    std::string text = csv.str();
    EXPECT_EQ(static_cast<uint64_t>(std::count(text.begin(), text.end(), '\n')), w.dmaPane()->frame()->mappings + 1);
    EXPECT_NE(text.find(iova), std::string::npos);
  }

  // A device without mappings says so instead of drawing nothing.
  for (const store::Device &d : reader->devices()) {
    if (d.mappings != 0) continue;
    w.selectDevice(d.id);
    ASSERT_TRUE(waitIdle(w));
    EXPECT_TRUE(w.dmaPane()->message().contains("no DMA mappings")) << w.dmaPane()->message().toStdString();
    break;
  }
}

// Mouse input goes through the widget as a user's would.
void send(QWidget *w, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::KeyboardModifiers mods = {}) {
  QMouseEvent e(type, pos, w->mapToGlobal(pos), button, type == QEvent::MouseButtonRelease ? Qt::NoButton : button,
                mods);
  QApplication::sendEvent(w, &e);
}

TEST(DmaviewGuiTest, MouseSelectsZoomsAndPans) {
  MainWindow w;
  w.resize(1300, 900);
  w.show();
  ASSERT_TRUE(w.openRun(kStrictDb)) << w.errorText().toStdString();
  ASSERT_TRUE(waitIdle(w));
  MapView *pane = w.dmaPane();
  QPointF origin = plotRect(pane->size()).topLeft();
  std::string error;
  auto reader = store::RunReader::open(kStrictDb, error);
  ASSERT_TRUE(reader) << error;
  auto m = pickMapping(*reader, *w.currentDevice());
  ASSERT_TRUE(m);

  // Click the middle of a mapping: it (or one drawn over it there) is selected.
  Viewport v = pane->viewport();
  QPointF at = origin + QPointF(timeToX(v, m->mapTs / 2 + *m->unmapTs / 2), addrToY(v, m->dmaAddr + m->size / 2));
  send(pane, QEvent::MouseButtonPress, at, Qt::LeftButton);
  send(pane, QEvent::MouseButtonRelease, at, Qt::LeftButton);
  ASSERT_TRUE(waitIdle(w));
  ASSERT_TRUE(w.selectedMapping());
  const store::Mapping &sel = *w.selectedMapping();
  QPointF p = at - origin;
  double perPx = static_cast<double>(v.t1 - v.t0) / v.widthPx,
         perPy = static_cast<double>(v.addrHi - v.addrLo) / v.heightPx;
  uint64_t t = xToTime(v, p.x()), a = yToAddr(v, p.y());
  EXPECT_LE(sel.mapTs, t + 4 * perPx);  // within the 3 px hit tolerance
  EXPECT_GE(static_cast<double>(sel.unmapTs.value_or(v.t1)), t - 4 * perPx);
  EXPECT_LE(static_cast<double>(sel.dmaAddr), a + 4 * perPy);
  EXPECT_GE(static_cast<double>(sel.dmaEnd()), a - 4 * perPy);
  EXPECT_EQ(pane->cursorTime(), std::optional<uint64_t>(t));
  EXPECT_TRUE(w.detailsText().contains(QStringLiteral("Mapping #%1").arg(sel.id)));

  // One wheel notch up zooms time to 0.8x around the pointer: the time
  // under the pointer stays.
  QWheelEvent wheel(at, pane->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                    Qt::NoScrollPhase, false);
  QApplication::sendEvent(pane, &wheel);
  Viewport z = pane->viewport();
  EXPECT_NEAR(static_cast<double>(z.t1 - z.t0), 0.8 * (v.t1 - v.t0), 2.0);
  EXPECT_NEAR(static_cast<double>(xToTime(z, p.x())), static_cast<double>(t), perPx);
  EXPECT_EQ(z.addrLo, v.addrLo);
  // The linked pane follows in time, keeps its addresses.
  EXPECT_EQ(w.physPane()->viewport().t0, z.t0);
  EXPECT_EQ(w.physPane()->viewport().t1, z.t1);

  // Dragging 100 px to the right shows earlier times.
  send(pane, QEvent::MouseButtonPress, at, Qt::LeftButton);
  send(pane, QEvent::MouseMove, at + QPointF(100, 0), Qt::LeftButton);
  send(pane, QEvent::MouseButtonRelease, at + QPointF(100, 0), Qt::LeftButton);
  Viewport d = pane->viewport();
  EXPECT_NEAR(static_cast<double>(z.t0) - static_cast<double>(d.t0), 100.0 * (z.t1 - z.t0) / z.widthPx,
              (z.t1 - z.t0) / static_cast<double>(z.widthPx));
  EXPECT_EQ(d.t1 - d.t0, z.t1 - z.t0);

  // A rubber band (right drag) becomes the viewport.
  QPointF b0 = origin + QPointF(100, 50), b1 = origin + QPointF(300, 150);
  send(pane, QEvent::MouseButtonPress, b0, Qt::RightButton);
  send(pane, QEvent::MouseMove, b1, Qt::RightButton);
  send(pane, QEvent::MouseButtonRelease, b1, Qt::RightButton);
  Viewport r = pane->viewport();
  EXPECT_EQ(r.t0, xToTime(d, 100));
  EXPECT_NEAR(static_cast<double>(r.t1), static_cast<double>(xToTime(d, 300)), 1.0);
  EXPECT_NEAR(static_cast<double>(r.addrHi), static_cast<double>(yToAddr(d, 50)), 1.0);
  ASSERT_TRUE(waitIdle(w));
  EXPECT_EQ(pane->frame()->viewport.t0, r.t0);  // the frame of the new viewport arrived

  // Double click fits the whole run again.
  send(pane, QEvent::MouseButtonDblClick, b0, Qt::LeftButton);
  EXPECT_EQ(pane->viewport().t0, v.t0);
  EXPECT_EQ(pane->viewport().t1, v.t1);
}

TEST(DmaviewGuiTest, DetailsShowTheCallSiteOfACaptureWithStacks) {
  // strict-stacks was recorded with -T stacktrace: the details name the
  // driver function that mapped and list the frames.
  MainWindow w;
  w.resize(1300, 900);
  w.show();
  ASSERT_TRUE(w.openRun(DMAVIEW_STACKS_DB)) << w.errorText().toStdString();
  ASSERT_TRUE(waitIdle(w));
  std::string error;
  auto reader = store::RunReader::open(DMAVIEW_STACKS_DB, error);
  ASSERT_TRUE(reader) << error;
  store::MappingWindow all;
  all.device = *w.currentDevice();
  for (const store::Mapping &m : reader->mappingsInWindow(all)) {
    if (!m.mapStack) continue;
    auto stack = reader->stack(*m.mapStack);
    ASSERT_TRUE(stack);
    if (stack->callSite.empty() || stack->frames.size() < 2) continue;
    w.selectMapping(m.id);
    QString details = w.detailsText();
    EXPECT_TRUE(details.contains(QString::fromStdString(stack->callSite))) << details.toStdString();
    EXPECT_TRUE(details.contains(QString::fromStdString(stack->frames.back()))) << details.toStdString();
    if (!qEnvironmentVariableIsEmpty("DMAVIEW_TEST_GRAB")) {
      w.setCursorTime(m.mapTs);
      ASSERT_TRUE(waitIdle(w));
      w.grab().save(qEnvironmentVariable("DMAVIEW_TEST_GRAB"));
    }
    return;
  }
  FAIL() << "no mapping with a call site in strict-stacks";
}

TEST(DmaviewGuiTest, SnapshotDrawsMappingsWhereTheModelPutsThem) {
  std::string error;
  auto reader = store::RunReader::open(kStrictDb, error);
  ASSERT_TRUE(reader) << error;
  QImage image;
  SnapshotLayout layout;
  QString err;
  ASSERT_TRUE(renderSnapshot(*reader, SnapshotOptions{}, image, layout, err)) << err.toStdString();
  ASSERT_GT(layout.dmaFrame.mappings, 0u);

  // For every mapping of the device, the pixel at the centre of its
  // lifetime x address rectangle, computed from the mapping through the
  // viewport transform (not from the frame), is painted.
  const Viewport &v = layout.dmaFrame.viewport;
  const QColor white(Qt::white);
  store::MappingWindow window;
  window.device = layout.device;
  int checked = 0;
  for (const store::Mapping &m : reader->mappingsInWindow(window)) {
    uint64_t end = m.unmapTs.value_or(v.t1);
    int x = static_cast<int>(std::floor(timeToX(v, m.mapTs / 2 + end / 2)));
    int y = static_cast<int>(std::floor(addrToY(v, m.dmaAddr + m.size / 2)));
    ASSERT_TRUE(x >= 0 && x < v.widthPx && y >= 0 && y < v.heightPx) << "mapping " << m.id << " outside the fit";
    QColor px = image.pixelColor(layout.dmaPlot.left() + x, layout.dmaPlot.top() + y);
    EXPECT_NE(px, white) << "mapping " << m.id << " at " << x << "," << y;
    ++checked;
  }
  EXPECT_GT(checked, 10);
  // The longest-lived one carries its direction's colour exactly (a large
  // rectangle of a streaming mapping is drawn translucent over white: the
  // hue stays).
  auto m = pickMapping(*reader, layout.device);
  ASSERT_TRUE(m);
  QColor px = image.pixelColor(layout.dmaPlot.left() + static_cast<int>(timeToX(v, m->mapTs / 2 + *m->unmapTs / 2)),
                               layout.dmaPlot.top() + static_cast<int>(addrToY(v, m->dmaAddr + m->size / 2)));
  EXPECT_NE(px, white);
  // The image is not blank: a fair share of the plot is painted.
  int painted = 0, total = 0;
  for (int yy = layout.dmaPlot.top(); yy < layout.dmaPlot.bottom(); yy += 2)
    for (int xx = layout.dmaPlot.left(); xx < layout.dmaPlot.right(); xx += 2, ++total)
      painted += image.pixelColor(xx, yy) != white;
  EXPECT_GT(painted, total / 200);
}

TEST(DmaviewGuiTest, ATraceIsImportedByDmatraceThenShown) {
  // dmatrace sits beside the test binary in the build tree.
  MainWindow w;
  ASSERT_TRUE(w.openPath(DMACHECK_SOURCE_ROOT "/testdata/traces/edu-leak/trace.txt")) << w.errorText().toStdString();
  ASSERT_TRUE(waitIdle(w, 60000));
  ASSERT_TRUE(w.currentDevice().has_value()) << w.errorText().toStdString();
  EXPECT_GT(w.deviceModel()->rowCount(), 0);
}

TEST(DmaviewGuiTest, AFindingJumpsToItsTimeAndAddress) {
  // The checker is not there yet: a finding written into a copy of the
  // capture as `dmatrace check` will (docs/database.md, findings).
  std::string path = tempPath("findings.db");
  std::remove(path.c_str());
  ASSERT_TRUE(QFile::copy(kStrictDb, QString::fromStdString(path)));
  std::string error;
  auto reader = store::RunReader::open(kStrictDb, error);
  ASSERT_TRUE(reader) << error;
  // A device other than the busiest one, so the jump has to switch device.
  std::optional<store::Mapping> m;
  for (const store::Device &d : reader->devices()) {
    if (d.mappings == 0 || d.mappings >= 400) continue;
    store::MappingWindow win;
    win.device = d.id;
    win.limit = 20;
    auto rows = reader->mappingsInWindow(win);
    if (rows.size() == 20) m = rows[10];
    if (m) break;
  }
  ASSERT_TRUE(m);
  uint64_t ts = m->unmapTs.value_or(m->mapTs);
  {
    store::Database db;
    ASSERT_TRUE(db.open(path, store::Database::Mode::ReadWrite, error)) << error;
    store::Statement s = db.prepare(
        "INSERT INTO findings (id, rule, severity, ts_ns, device, mapping, event, inconclusive, message) "
        "VALUES (1, 'dma-unmap-size-mismatch', 'error', ?, ?, ?, NULL, 0, 'device driver frees DMA memory with "
        "different size')");
    s.bindU64(1, ts);
    s.bindInt(2, m->device);
    s.bindInt(3, m->id);
    ASSERT_TRUE(s.run()) << db.lastError();
  }
  MainWindow w;
  w.resize(1300, 900);
  w.show();
  ASSERT_TRUE(w.openRun(QString::fromStdString(path))) << w.errorText().toStdString();
  ASSERT_TRUE(waitIdle(w));
  ASSERT_EQ(w.findingsModel()->rowCount(), 1);
  EXPECT_EQ(w.findingsModel()->row(0).cells[1], "dma-unmap-size-mismatch");
  EXPECT_NE(*w.currentDevice(), m->device);
  w.jumpToFinding(1);
  ASSERT_TRUE(waitIdle(w));
  EXPECT_EQ(*w.currentDevice(), m->device);
  ASSERT_TRUE(w.selectedMapping());
  EXPECT_EQ(w.selectedMapping()->id, m->id);
  EXPECT_EQ(w.dmaPane()->cursorTime(), std::optional<uint64_t>(ts));
  // Centred on the mapping: its middle is mid-pane.
  const Viewport &v = w.dmaPane()->viewport();
  EXPECT_NEAR(addrToY(v, m->dmaAddr + m->size / 2), v.heightPx / 2.0, 2.0);
  bool inTable = false;
  for (int r = 0; r < w.translationModel()->rowCount(); ++r) inTable |= w.translationModel()->row(r).key == m->id;
  EXPECT_EQ(inTable, m->liveAt(ts));
  std::remove(path.c_str());
}

// A lost-events span starts at the previous event of its CPU, wherever that
// event is stored: an events row, or a map or unmap a mappings row holds.
TEST(DmaviewGuiTest, LostSpansStartAtTheLastEventOfTheirCpu) {
  std::string path = tempPath("lost.db");
  {
    store::Database db;
    std::string error;
    ASSERT_TRUE(db.open(path, store::Database::Mode::Create, error)) << error;
    store::RunWriter writer;
    ASSERT_TRUE(writer.begin(db, error)) << error;
    writer.setMeta("trace_start_ns", "1000");
    writer.setMeta("trace_end_ns", "90000");
    store::Event console;  // CPU 1 at 2000: an events row
    console.id = 1;
    console.tsNs = 2000;
    console.cpu = 1;
    console.type = store::eventTypeCode("console");
    console.source = 1;
    console.text = "hello";
    writer.addEvent(console);
    store::Mapping m;  // mapped on CPU 1 at 3000 (held), unmapped on CPU 0 at 5000 (held)
    m.id = 1;
    m.device = 1;
    m.dmaAddr = 0x1000;
    m.size = 4096;
    m.mapTs = 3000;
    m.mapEvent = 2;
    m.unmapTs = 5000;
    m.unmapEvent = 3;
    m.mapCpu = 1;
    m.unmapCpu = 0;
    m.holds = store::kHoldsMapEvent | store::kHoldsUnmapEvent;
    writer.addMapping(m);
    store::Device d;
    d.id = 1;
    d.name = "0000:00:01.0";
    d.mappings = 1;
    d.lifetimeBoundNs = 4096;
    writer.addDevice(d);
    for (auto [id, cpu, ts] : {std::tuple{1, 1, 6000}, std::tuple{2, 0, 7000}}) {
      store::LostWindow lost;
      lost.id = id;
      lost.cpu = cpu;
      lost.tsNs = ts;
      lost.source = 1;
      writer.addLostWindow(lost);
    }
    ASSERT_TRUE(writer.finish(error)) << error;
  }
  std::string error;
  auto reader = store::RunReader::open(path, error);
  ASSERT_TRUE(reader) << error;
  std::vector<LostSpan> spans = lostSpans(*reader);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].cpu, 1);
  EXPECT_EQ(spans[0].from, 3000u);  // the held map, not the console line at 2000
  EXPECT_EQ(spans[0].to, 6000u);
  EXPECT_EQ(spans[1].cpu, 0);
  EXPECT_EQ(spans[1].from, 5000u);  // the held unmap
  reader.reset();
  std::remove(path.c_str());
}

TEST(DmaviewGuiTest, BadFilesGiveMessagesNotCrashes) {
  MainWindow w;
  EXPECT_FALSE(w.openRun("/nonexistent/run.db"));
  EXPECT_FALSE(w.errorText().isEmpty());

  std::string junk = tempPath("junk.db");
  {
    QFile f(QString::fromStdString(junk));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, 'x'));
  }
  EXPECT_FALSE(w.openRun(QString::fromStdString(junk)));
  EXPECT_FALSE(w.errorText().isEmpty());
  std::remove(junk.c_str());

  // A database from a newer dmatrace: refused with the store's reason.
  std::string newer = tempPath("newer.db");
  ASSERT_TRUE(QFile::copy(kStrictDb, QString::fromStdString(newer)));
  {
    store::Database db;
    std::string error;
    ASSERT_TRUE(db.open(newer, store::Database::Mode::ReadWrite, error)) << error;
    ASSERT_TRUE(
        db.execute("UPDATE meta SET value = '999' WHERE key IN ('schema_version', 'compatible_version')", error))
        << error;
  }
  EXPECT_FALSE(w.openRun(QString::fromStdString(newer)));
  EXPECT_TRUE(w.errorText().contains("newer")) << w.errorText().toStdString();
  EXPECT_NE(runSnapshot(QString::fromStdString(newer), QString::fromStdString(tempPath("x.png")), {}), 0);
  std::remove(newer.c_str());

  // An empty run (schema, no rows): opens, says there is nothing to show.
  std::string empty = tempPath("empty.db");
  {
    store::Database db;
    std::string error;
    ASSERT_TRUE(db.open(empty, store::Database::Mode::Create, error)) << error;
    store::RunWriter writer;
    ASSERT_TRUE(writer.begin(db, error)) << error;
    ASSERT_TRUE(writer.finish(error)) << error;
  }
  EXPECT_TRUE(w.openRun(QString::fromStdString(empty))) << w.errorText().toStdString();
  EXPECT_FALSE(w.dmaPane()->message().isEmpty());
  std::string png = tempPath("empty.png");
  EXPECT_EQ(runSnapshot(QString::fromStdString(empty), QString::fromStdString(png), {}), 0);
  EXPECT_TRUE(QFile::exists(QString::fromStdString(png)));
  std::remove(png.c_str());
  std::remove(empty.c_str());

  // An unknown --device: an error, not a crash.
  SnapshotOptions o;
  o.device = "0000:99:99.9";
  EXPECT_NE(runSnapshot(kStrictDb, QString::fromStdString(tempPath("y.png")), o), 0);
}

}  // namespace
}  // namespace dmacheck::gui

int main(int argc, char **argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
