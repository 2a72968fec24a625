// Headless rendering of the map view (`dmaview --snapshot out.png RUN.db`)
// for CI and docs: the same paintMap() as the window, the frames built
// synchronously on the calling thread.
#pragma once

#include <QImage>
#include <QPainter>
#include <QRect>
#include <QSize>
#include <QString>
#include <optional>

#include "frame.h"

namespace dmacheck::store {
class RunReader;
}

namespace dmacheck::gui {

struct SnapshotOptions {
  QString device;                    // name ("0000:00:01.0"); empty: the busiest device
  std::optional<uint64_t> from, to;  // ns relative to the run start
  QSize size{1200, 820};
};

// Where things landed in the image, so tests (and callers) can locate a
// mapping's pixels from the model.
struct SnapshotLayout {
  int64_t device = 0;
  QRect dmaPlot, physPlot;  // plot areas in image pixels
  Frame dmaFrame, physFrame;
};

// False with error set when nothing sensible can be drawn (unknown device);
// an empty device still renders, with its message in the pane.
bool renderSnapshot(store::RunReader &reader, const SnapshotOptions &options, QImage &image, SnapshotLayout &layout,
                    QString &error);

// The same into any painter (an SVG generator); size is options.size.
bool paintSnapshot(store::RunReader &reader, const SnapshotOptions &options, QPainter &painter, SnapshotLayout &layout,
                   QString &error);

// The whole --snapshot command (PNG, or SVG when OUT ends in .svg and QtSvg
// is there): open, render, save. Messages on stderr;
// returns the process exit status.
int runSnapshot(const QString &dbPath, const QString &outPath, const SnapshotOptions &options);

}  // namespace dmacheck::gui
