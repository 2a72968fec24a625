#include "snapshot.h"

#include <QFile>
#include <QFileInfo>
#include <QPainter>
#ifdef DMAVIEW_HAVE_SVG
#include <QSvgGenerator>
#endif
#include <cstdio>

#include "axis_ticks.h"
#include "main_window.h"
#include "map_painter.h"
#include "run_queries.h"
#include "run_reader.h"

namespace dmacheck::gui {

bool paintSnapshot(store::RunReader &reader, const SnapshotOptions &options, QPainter &p, SnapshotLayout &layout,
                   QString &error) {
  std::vector<DeviceRow> rows = deviceRows(reader);
  std::optional<store::Device> device;
  if (!options.device.isEmpty()) {
    device = reader.deviceByName(options.device.toStdString());
    if (!device) {
      QStringList names;
      for (const DeviceRow &r : rows) names << QString::fromStdString(r.device.name);
      error = QStringLiteral("no device %1 in this run (devices: %2)")
                  .arg(options.device, names.isEmpty() ? QStringLiteral("none") : names.join(", "));
      return false;
    }
  } else if (auto id = busiestDevice(rows)) {
    device = reader.device(*id);
  }

  const int legendH = 24;
  QSize size = options.size.expandedTo(QSize(400, 300));
  int dmaH = (size.height() - legendH) * 3 / 5;
  QSize dmaSize(size.width(), dmaH), physSize(size.width(), size.height() - legendH - dmaH);
  layout.dmaPlot = plotRect(dmaSize);
  layout.physPlot = plotRect(physSize).translated(0, dmaH);

  std::vector<LostSpan> lost = lostSpans(reader);
  const store::RunInfo &info = reader.info();
  MapScene dma, phys;
  dma.axis = AddressAxis::Device;
  phys.axis = AddressAxis::Physical;
  dma.origin = phys.origin = info.startNs;
  dma.lost = phys.lost = &lost;
  std::vector<FindingMark> marks;
  dma.findings = &marks;

  if (!device) {
    dma.message = phys.message = "This run has no devices: the trace held no DMA events.";
  } else {
    layout.device = device->id;
    QString label = QString::fromStdString(device->name) +
                    (device->driver.empty() ? QString() : " " + QString::fromStdString(device->driver));
    dma.title = QStringLiteral("Device addresses (IOVA) — %1 — %2 mappings").arg(label).arg(device->mappings);
    phys.title = "Physical addresses — " + label;
    for (const store::Finding &f : reader.findings(device->id)) {
      if (!f.tsNs) continue;
      FindingMark mark{*f.tsNs, std::nullopt, QString::fromStdString(f.rule)};
      if (f.mapping)
        if (auto m = reader.mapping(*f.mapping)) mark.addr = m->dmaAddr;
      marks.push_back(mark);
    }
    for (bool physical : {false, true}) {
      MapScene &scene = physical ? phys : dma;
      Frame &frame = physical ? layout.physFrame : layout.dmaFrame;
      QRect plot = physical ? plotRect(physSize) : layout.dmaPlot;
      DeviceExtent e = deviceExtent(reader, *device, physical);
      Viewport v = fit(e.t0, e.t1, e.addrLo, e.addrHi, plot.width(), plot.height());
      if (options.from || options.to) {
        // An explicit window is shown as asked, without the fit's margin.
        v.t0 = info.startNs + options.from.value_or(0);
        v.t1 = options.to ? info.startNs + *options.to : std::max(info.endNs, v.t0 + 1);
        if (v.t1 <= v.t0) v.t1 = v.t0 + 1;
      }
      scene.viewport = v;
      if (e.empty) {
        scene.message = physical ? label + " has no mappings with a known physical address."
                                 : label + " has no DMA mappings in this run.";
        continue;
      }
      frame = buildFrame(reader, device->id, v, physical ? AddressAxis::Physical : AddressAxis::Device);
      if (!frame.ok) {
        error = QString::fromStdString(frame.error);
        return false;
      }
      scene.frame = &frame;
    }
  }
  paintMap(p, dmaSize, dma);
  p.translate(0, dmaH);
  paintMap(p, physSize, phys);
  p.resetTransform();
  paintLegend(p, QRect(0, size.height() - legendH, size.width(), legendH));
  return true;
}

bool renderSnapshot(store::RunReader &reader, const SnapshotOptions &options, QImage &image, SnapshotLayout &layout,
                    QString &error) {
  image = QImage(options.size.expandedTo(QSize(400, 300)), QImage::Format_RGB32);
  image.fill(Qt::white);
  QPainter p(&image);
  return paintSnapshot(reader, options, p, layout, error);
}

int runSnapshot(const QString &dbPath, const QString &outPath, const SnapshotOptions &options) {
  std::string err;
  auto reader = store::RunReader::open(dbPath.toStdString(), err);
  if (!reader && QFile::exists(dbPath) && !MainWindow::isRunDatabase(dbPath)) {
    std::fprintf(stderr, "dmaview: %s is not a run database; --snapshot needs one: dmatrace import %s -o RUN.db\n",
                 qPrintable(dbPath), qPrintable(dbPath));
    return 1;
  }
  if (!reader) {
    std::fprintf(stderr, "dmaview: cannot open %s: %s\n", qPrintable(dbPath), err.c_str());
    return 1;
  }
  SnapshotLayout layout;
  QString error;
  QSize size = options.size.expandedTo(QSize(400, 300));
  if (outPath.endsWith(".svg", Qt::CaseInsensitive)) {
#ifdef DMAVIEW_HAVE_SVG
    QSvgGenerator svg;
    svg.setFileName(outPath);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(), size));
    svg.setTitle("dmaview");
    QPainter p;
    if (!p.begin(&svg)) {
      std::fprintf(stderr, "dmaview: cannot write %s\n", qPrintable(outPath));
      return 1;
    }
    if (!paintSnapshot(*reader, options, p, layout, error)) {
      std::fprintf(stderr, "dmaview: %s: %s\n", qPrintable(dbPath), qPrintable(error));
      return 1;
    }
    p.end();
#else
    std::fprintf(stderr, "dmaview: this build has no SVG output (QtSvg, qt6-svg-dev, was not found); use .png\n");
    return 1;
#endif
  } else {
    QImage image;
    if (!renderSnapshot(*reader, options, image, layout, error)) {
      std::fprintf(stderr, "dmaview: %s: %s\n", qPrintable(dbPath), qPrintable(error));
      return 1;
    }
    if (!image.save(outPath)) {
      std::fprintf(stderr, "dmaview: cannot write %s\n", qPrintable(outPath));
      return 1;
    }
  }
  if (layout.dmaFrame.mappings == 0) std::fprintf(stderr, "dmaview: note: no mappings in the rendered window\n");
  std::fprintf(stderr, "dmaview: wrote %s (%d x %d, %llu mappings: %zu rectangles, %zu pixels)\n", qPrintable(outPath),
               size.width(), size.height(), static_cast<unsigned long long>(layout.dmaFrame.mappings),
               layout.dmaFrame.rects.size(), layout.dmaFrame.occupiedPixels());
  return 0;
}

}  // namespace dmacheck::gui
