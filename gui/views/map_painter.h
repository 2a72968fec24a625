// Paints one map pane (axes, lost-event shading, mapping rectangles,
// findings, cursor, selection) into any QPainter: the widget, the headless
// snapshot, the PNG/SVG export and the benchmark share this one function,
// so what CI renders is what the user sees.
#pragma once

#include <QImage>
#include <QPainter>
#include <QRect>
#include <QString>
#include <optional>
#include <vector>

#include "frame.h"
#include "run_queries.h"

namespace dmacheck::gui {

struct FindingMark {
  uint64_t tsNs = 0;
  std::optional<uint64_t> addr;  // none: a vertical tick at the top
  QString rule;
};

struct MapScene {
  Viewport viewport;  // what the pane shows now (widthPx/heightPx = plot area)
  AddressAxis axis = AddressAxis::Device;
  uint64_t origin = 0;           // run start: time labels are relative to it
  const Frame *frame = nullptr;  // may be for an older viewport: stretched
  const QImage *grid = nullptr;  // gridImage(*frame), cached by the caller; built here when null
  std::optional<store::Mapping> selected;
  std::optional<uint64_t> cursor;
  const std::vector<LostSpan> *lost = nullptr;
  const std::vector<FindingMark> *findings = nullptr;
  QString title;
  QString message;  // shown centred instead of the plot when not empty
  bool loading = false;
};

// Room for the axes around the plot.
inline constexpr int kLeftMargin = 100, kRightMargin = 10, kTopMargin = 22, kBottomMargin = 30;
QRect plotRect(const QSize &size);

void paintMap(QPainter &painter, const QSize &size, const MapScene &scene);
// The frame's pixel grid as an image (direction colours, transparent where
// empty): blitted in one call however many mappings it stands for.
QImage gridImage(const Frame &frame);
// A one-line legend (directions and kinds) at the given rectangle.
void paintLegend(QPainter &painter, const QRect &rect);

}  // namespace dmacheck::gui
