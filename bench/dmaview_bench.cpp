// dmaview_bench: how fast the viewer opens a run and renders frames at
// several zoom levels, offscreen, over a database of >= 1 M mappings.
//
// The database is SYNTHETIC unless --db names an existing file: written with
// the store's RunWriter (no trace, no importer), one nvme-like device doing
// streaming maps of 4-64 KiB every 2 µs with 5-200 µs lifetimes over a
// recycled 16 MiB IOVA window, sg segments, long-lived coherent rings and a
// few mappings live at the end. A frame is what the window does per
// viewport change on its query thread (bin the rows of the window per
// pixel: from the in-memory MappingCache the window loads once per device,
// and, for comparison, streamed from SQLite as for a device too large to
// cache) plus the paint on the GUI thread (gridImage + paintMap into a
// QImage, as the widget does). Frames of >= ColumnSweep::kParallelRows rows
// are binned on two threads; "1 thread" is the same frame binned on the
// calling thread alone (what a loaded machine leaves: with autogroup, a
// busy session elsewhere leaves this process one core). The load average
// is printed before and after: the machine may be shared.
//
// Last, the same in the real window (offscreen): open until the first
// frames are shown, then zoom steps of 2x, each timed until its frame is on
// screen (query thread + paint).
//
//   dmaview_bench [--db PATH] [--mappings N] [--size WxH] [--repeat K] [--no-sqlite] [--no-window]
#include <sys/stat.h>
#include <time.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QThread>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "database.h"
#include "frame.h"
#include "main_window.h"
#include "map_painter.h"
#include "mapping_cache.h"
#include "run_queries.h"
#include "run_reader.h"
#include "run_writer.h"

using namespace dmacheck;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// CPU time of the calling thread: what a frame costs when it has a core,
// whatever the others running on the machine take of it.
double threadCpuMs() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

uint64_t mix(uint64_t x) {  // splitmix64: reproducible pseudo-random numbers
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

bool writeSynthetic(const std::string &path, int64_t n, std::string &error) {
  store::Database db;
  if (!db.open(path, store::Database::Mode::Create, error)) return false;
  store::RunWriter w;
  if (!w.begin(db, error, true)) return false;
  const uint64_t start = 1000000000;  // 1 s of boot time before the trace
  const uint64_t step = 2000;         // one map every 2 µs
  const uint64_t bound = 200000;      // streaming lifetimes <= 200 µs
  w.setMeta("synthetic", "dmaview_bench");
  w.setMeta("trace_start_ns", std::to_string(start));
  w.setMeta("trace_end_ns", std::to_string(start + n * step + bound));
  store::Device dev;
  dev.id = 1;
  dev.name = "0000:00:01.0";
  dev.bus = "pci";
  dev.driver = "synthetic-nvme";
  dev.lifetimeBoundNs = bound;
  uint64_t minDma = UINT64_MAX, maxDma = 0, minPhys = UINT64_MAX, maxPhys = 0;
  for (int64_t i = 1; i <= n; ++i) {
    uint64_t r = mix(i);
    store::Mapping m;
    m.id = i;
    m.device = 1;
    m.mapTs = start + i * step;
    m.mapEvent = 2 * i;
    int kindPick = r % 100;
    m.size = 4096ULL << ((r >> 8) % 5);  // 4..64 KiB
    // IOVAs recycle through a 16 MiB window below 4 GiB, as the IOVA
    // allocator's caches do.
    m.dmaAddr = 0xff000000ULL + ((r >> 16) % 4096) * 4096;
    m.physAddr = 0x100000000ULL + ((r >> 28) % (1 << 18)) * 4096;  // 1 GiB of RAM
    m.dir = static_cast<int8_t>(1 + (r >> 40) % 2);
    if (kindPick < 2 && i % 1000 == 1) {
      // Long-lived coherent ring, half of them live at the end.
      m.kind = store::MappingKind::Coherent;
      m.physAddr.reset();
      m.dir = 0;
      m.dmaAddr = 0xfe000000ULL + (i / 1000 % 4096) * 4096;
      m.size = 4096;
      if (i % 2000 != 1) m.unmapTs = m.mapTs + 50 * bound + (r >> 20) % (100 * bound);
    } else {
      m.kind = kindPick < 10 ? store::MappingKind::SgSegment : store::MappingKind::Page;
      if (m.kind == store::MappingKind::SgSegment) m.sgGroup = 2 * (i - i % 4), m.sgIndex = static_cast<int32_t>(i % 4);
      m.unmapTs = m.mapTs + 5000 + (r >> 44) % (bound - 5000);
      if (i % 200000 == 0) m.unmapTs.reset();  // a leak now and then
    }
    if (m.unmapTs) {
      m.unmapEvent = 2 * i + 1;
      m.unmapSize = m.size;
      m.unmapDir = m.dir;
    } else {
      ++dev.liveAtEnd;
    }
    ++dev.mappings;
    dev.bytesMapped += m.size;
    minDma = std::min(minDma, m.dmaAddr);
    maxDma = std::max(maxDma, m.dmaEnd());
    if (m.physAddr) {
      minPhys = std::min(minPhys, *m.physAddr);
      maxPhys = std::max(maxPhys, *m.physAddr + m.size);
    }
    w.addMapping(m);
  }
  dev.minDmaAddr = minDma;
  dev.maxDmaEnd = maxDma;
  dev.minPhysAddr = minPhys;
  dev.maxPhysEnd = maxPhys;
  dev.firstTs = start;
  dev.lastTs = start + n * step;
  w.addDevice(dev);
  return w.finish(error);
}

std::string loadAverage() {
  std::ifstream in("/proc/loadavg");
  double a = 0, b = 0, c = 0;
  if (!(in >> a >> b >> c)) return "unknown";
  char text[64];
  std::snprintf(text, sizeof text, "%.2f, %.2f, %.2f", a, b, c);
  return text;
}

struct Level {
  const char *name;
  double fraction;  // of the run's time span, centred on the middle
};

}  // namespace

int main(int argc, char **argv) {
  std::string db = "/tmp/dmaview_bench_synthetic.db";
  int64_t n = 1000000;
  int width = 1100, height = 480, repeat = 3;
  bool sqlite = true, window = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" && i + 1 < argc)
      db = argv[++i];
    else if (a == "--mappings" && i + 1 < argc)
      n = std::atoll(argv[++i]);
    else if (a == "--size" && i + 1 < argc)
      std::sscanf(argv[++i], "%dx%d", &width, &height);
    else if (a == "--repeat" && i + 1 < argc)
      repeat = std::max(1, std::atoi(argv[++i]));
    else if (a == "--no-sqlite")
      sqlite = false;
    else if (a == "--no-window")
      window = false;
    else {
      std::fprintf(stderr,
                   "usage: dmaview_bench [--db PATH] [--mappings N] [--size WxH] [--repeat K] [--no-sqlite] "
                   "[--no-window]\n");
      return 2;
    }
  }
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);

  struct stat st;
  if (stat(db.c_str(), &st) != 0) {
    std::string error;
    auto t0 = Clock::now();
    if (!writeSynthetic(db, n, error)) {
      std::fprintf(stderr, "dmaview_bench: cannot write %s: %s\n", db.c_str(), error.c_str());
      return 1;
    }
    stat(db.c_str(), &st);
    std::printf("wrote SYNTHETIC database %s: %lld mappings, %.0f MB, %.1f s\n", db.c_str(), static_cast<long long>(n),
                st.st_size / 1e6, msSince(t0) / 1000);
  }

  std::printf("load average before: %s\n", loadAverage().c_str());
  // Open as the window does: reader, device list, lost spans, fit.
  auto t0 = Clock::now();
  std::string error;
  auto reader = store::RunReader::open(db, error);
  if (!reader) {
    std::fprintf(stderr, "dmaview_bench: %s\n", error.c_str());
    return 1;
  }
  auto rows = gui::deviceRows(*reader);
  auto lost = gui::lostSpans(*reader);
  auto busiest = gui::busiestDevice(rows);
  if (!busiest) {
    std::fprintf(stderr, "dmaview_bench: no devices\n");
    return 1;
  }
  auto dev = reader->device(*busiest);
  gui::DeviceExtent e = gui::deviceExtent(*reader, *dev, false);
  (void)gui::fit(e.t0, e.t1, e.addrLo, e.addrHi, width, height);
  double openMs = msSince(t0);
  std::printf("database %s: device %s, %llu mappings; open (reader + device list + fit): %.1f ms\n", db.c_str(),
              dev->name.c_str(), static_cast<unsigned long long>(dev->mappings), openMs);
  t0 = Clock::now();
  gui::MappingCache cache;
  if (!cache.load(*reader, dev->id, nullptr, error)) {
    std::fprintf(stderr, "dmaview_bench: cache: %s\n", error.c_str());
    return 1;
  }
  std::printf("first frame of the device: load the mapping cache (%zu rows, %zu long-lived, bound %.0f us): %.1f ms\n",
              cache.size(), cache.longLived(), cache.bound() / 1e3, msSince(t0));
  std::printf("plot %dx%d px, median of %d runs\n", width, height, repeat);
  std::printf("%-20s %9s %8s %8s %11s %11s %11s %9s %9s %12s\n", "zoom (time span)", "mappings", "rects", "pixels",
              "cache bin", "1 thread", "(its CPU)", "paint", "frame", "SQLite bin");

  const Level levels[] = {{"whole run", 1.0}, {"1/10", 0.1},     {"1/100", 1e-2},
                          {"1/1000", 1e-3},   {"1/10000", 1e-4}, {"1/100000", 1e-5}};
  QImage image(width + gui::kLeftMargin + gui::kRightMargin, height + gui::kTopMargin + gui::kBottomMargin,
               QImage::Format_RGB32);
  for (gui::AddressAxis axis : {gui::AddressAxis::Device, gui::AddressAxis::Physical}) {
    gui::DeviceExtent ex = gui::deviceExtent(*reader, *dev, axis == gui::AddressAxis::Physical);
    gui::Viewport base = gui::fit(ex.t0, ex.t1, ex.addrLo, ex.addrHi, width, height);
    for (const Level &level : levels) {
      gui::Viewport v = base;
      long double span = (static_cast<long double>(base.t1) - base.t0) * level.fraction;
      uint64_t mid = base.t0 / 2 + base.t1 / 2;
      v.t0 = mid - static_cast<uint64_t>(span / 2);
      v.t1 = v.t0 + std::max<uint64_t>(1, static_cast<uint64_t>(span));
      std::vector<double> q, c, c1, c1cpu, p;
      gui::Frame f;
      for (int k = 0; k < repeat; ++k) {
        auto a = Clock::now();
        if (sqlite) {
          f = gui::buildFrame(*reader, dev->id, v, axis);
          q.push_back(msSince(a));
        }
        a = Clock::now();
        double cpu = threadCpuMs();
        f = cache.frame(v, axis, std::numeric_limits<size_t>::max());
        c1.push_back(msSince(a));
        c1cpu.push_back(threadCpuMs() - cpu);
        a = Clock::now();
        f = cache.frame(v, axis);
        c.push_back(msSince(a));
        a = Clock::now();
        QImage grid = gui::gridImage(f);
        QPainter painter(&image);
        gui::MapScene scene;
        scene.viewport = v;
        scene.axis = axis;
        scene.origin = reader->info().startNs;
        scene.frame = &f;
        scene.grid = grid.isNull() ? nullptr : &grid;
        scene.lost = &lost;
        gui::paintMap(painter, image.size(), scene);
        painter.end();
        p.push_back(msSince(a));
      }
      auto median = [](std::vector<double> &x) {
        if (x.empty()) return 0.0;
        std::sort(x.begin(), x.end());
        return x[x.size() / 2];
      };
      double qm = median(q), cm = median(c), c1m = median(c1), c1c = median(c1cpu), pm = median(p);
      std::string name = std::string(axis == gui::AddressAxis::Device ? "IOVA " : "phys ") + level.name;
      std::printf("%-20s %9llu %8zu %8zu %8.1f ms %8.1f ms %8.1f ms %6.1f ms %6.1f ms", name.c_str(),
                  static_cast<unsigned long long>(f.mappings), f.rects.size(), f.occupiedPixels(), cm, c1m, c1c, pm,
                  cm + pm);
      if (sqlite)
        std::printf(" %9.1f ms\n", qm);
      else
        std::printf(" %12s\n", "-");
    }
  }

  std::printf("load average after the frames: %s\n", loadAverage().c_str());

  // The window: what a user waits for.
  if (window) {
    auto waitIdle = [&](gui::MainWindow &w) {
      // Sleep between polls: a spinning GUI thread would steal the core the
      // query thread needs on a 2-core machine.
      do {
        QCoreApplication::processEvents();
        if (w.busy()) QThread::msleep(1);
      } while (w.busy());
      QCoreApplication::processEvents();
    };
    reader.reset();
    gui::MainWindow w;
    w.resize(1400, 900);
    w.show();
    auto a = Clock::now();
    if (!w.openRun(QString::fromStdString(db))) {
      std::fprintf(stderr, "dmaview_bench: %s\n", qPrintable(w.errorText()));
      return 1;
    }
    double call = msSince(a);
    waitIdle(w);
    std::printf(
        "window: open until the first frames are shown: %.0f ms (of which openRun() on the GUI thread: %.0f ms)\n",
        msSince(a), call);
    std::printf("window: zoom 2x steps (time), ms until the new frame is shown:");
    for (int i = 0; i < 12; ++i) {
      a = Clock::now();
      w.dmaPane()->zoomBy(0.5, true, false);
      waitIdle(w);
      w.dmaPane()->repaint();
      std::printf(" %.1f", msSince(a));
    }
    a = Clock::now();
    w.dmaPane()->fitAll();
    waitIdle(w);
    w.dmaPane()->repaint();
    std::printf("\nwindow: fit all again: %.1f ms\n", msSince(a));
    std::printf("load average after the window: %s\n", loadAverage().c_str());
  }
  return 0;
}
