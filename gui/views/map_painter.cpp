#include "map_painter.h"

#include <QFontMetrics>
#include <algorithm>
#include <cmath>

#include "axis_ticks.h"
#include "palette.h"

namespace dmacheck::gui {
namespace {

QColor rgb(uint32_t c, int alpha = 255) {
  return QColor((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff, alpha);
}

// A rectangle in plot pixels, clipped generously (QPainter on raster is
// slow with coordinates far outside the device).
QRectF clipped(double x0, double y0, double x1, double y1, const QRect &plot) {
  x0 = std::max(x0, -2.0);
  y0 = std::max(y0, -2.0);
  x1 = std::min(x1, plot.width() + 2.0);
  y1 = std::min(y1, plot.height() + 2.0);
  return QRectF(x0, y0, std::max(1.0, x1 - x0), std::max(1.0, y1 - y0));
}

void fillMapping(QPainter &p, const QRectF &r, int8_t dir, store::MappingKind kind, uint32_t flags) {
  QColor c = rgb(directionColour(dir));
  FillStyle style = fillStyleOf(kind);
  bool small = r.width() < 4 || r.height() < 4;
  if (small) {
    // No room for a pattern: a merged bin is drawn solid so a zoomed-out
    // run still shows where the mappings are.
    p.fillRect(r, style == FillStyle::Light ? c.lighter(115) : c);
    return;
  }
  switch (style) {
    case FillStyle::Solid: p.fillRect(r, c); break;
    case FillStyle::Light: p.fillRect(r, rgb(directionColour(dir), 150)); break;
    case FillStyle::Hatched:
      p.fillRect(r, rgb(directionColour(dir), 70));
      p.fillRect(r, QBrush(c, Qt::BDiagPattern));
      break;
    case FillStyle::Outline: break;
  }
  QPen pen(c.darker(140));
  pen.setWidth(0);
  if (flags & store::kCloseInconclusive) pen.setStyle(Qt::DotLine);
  p.setPen(pen);
  p.setBrush(Qt::NoBrush);
  p.drawRect(r.adjusted(0, 0, -1, -1));
}

}  // namespace

QImage gridImage(const Frame &f) {
  const int w = f.viewport.widthPx, h = f.viewport.heightPx;
  if (f.pixelDir.size() != static_cast<size_t>(w) * h) return QImage();
  QImage img(w, h, QImage::Format_ARGB32_Premultiplied);
  uint32_t colours[5];
  for (int d = 0; d < 5; ++d) colours[d] = 0xff000000u | directionColour(d - 1);
  for (int y = 0; y < h; ++y) {
    auto *line = reinterpret_cast<uint32_t *>(img.scanLine(y));
    const uint8_t *dirs = f.pixelDir.data() + static_cast<size_t>(y) * w;
    for (int x = 0; x < w; ++x) line[x] = dirs[x] == Frame::kEmpty ? 0u : colours[std::min<int>(dirs[x], 4)];
  }
  return img;
}

QRect plotRect(const QSize &size) {
  return QRect(kLeftMargin, kTopMargin, std::max(1, size.width() - kLeftMargin - kRightMargin),
               std::max(1, size.height() - kTopMargin - kBottomMargin));
}

void paintMap(QPainter &p, const QSize &size, const MapScene &s) {
  p.save();
  p.fillRect(QRect(QPoint(0, 0), size), rgb(0xf4f5f7));
  QRect plot = plotRect(size);
  QFont small = p.font();
  small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
  p.setFont(small);
  QFontMetrics fm(small);

  // Title line.
  p.setPen(Qt::black);
  p.drawText(QRect(4, 2, size.width() - 8, kTopMargin - 4), Qt::AlignLeft | Qt::AlignVCenter, s.title);
  if (s.loading) {
    p.setPen(QColor(120, 120, 120));
    p.drawText(QRect(4, 2, size.width() - 8, kTopMargin - 4), Qt::AlignRight | Qt::AlignVCenter, "loading…");
  }
  p.fillRect(plot, rgb(kBackground));

  if (!s.message.isEmpty()) {
    p.setPen(QColor(80, 80, 80));
    p.drawText(plot.adjusted(10, 10, -10, -10), Qt::AlignCenter | Qt::TextWordWrap, s.message);
    p.setPen(QColor(180, 180, 180));
    p.drawRect(plot.adjusted(0, 0, -1, -1));
    p.restore();
    return;
  }

  const Viewport &v = s.viewport;
  // Axes: ticks and grid lines under the data.
  p.setPen(QColor(225, 228, 232));
  auto tTicks = timeTicks(v, s.origin);
  auto aTicks = addressTicks(v, std::max(24, fm.height() + 8));
  for (const Tick &t : tTicks)
    p.drawLine(QPointF(plot.left() + t.px, plot.top()), QPointF(plot.left() + t.px, plot.bottom()));
  for (const Tick &t : aTicks)
    p.drawLine(QPointF(plot.left(), plot.top() + t.px), QPointF(plot.right(), plot.top() + t.px));
  p.setPen(QColor(60, 60, 60));
  for (const Tick &t : tTicks) {
    double x = plot.left() + t.px;
    p.drawLine(QPointF(x, plot.bottom() + 1), QPointF(x, plot.bottom() + 4));
    QString label = QString::fromStdString(t.label);
    int w = fm.horizontalAdvance(label);
    p.drawText(QPointF(std::clamp(x - w / 2.0, 0.0, size.width() - w - 1.0), plot.bottom() + 5 + fm.ascent()), label);
  }
  for (const Tick &t : aTicks) {
    double y = plot.top() + t.px;
    p.drawLine(QPointF(plot.left() - 4, y), QPointF(plot.left() - 1, y));
    QString label = QString::fromStdString(t.label);
    p.drawText(QRectF(0, y - fm.height() / 2.0, plot.left() - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
               label);
  }
  p.save();
  p.setClipRect(plot);
  p.translate(plot.topLeft());

  // Lost-event windows: shaded bands across the whole address range (a lost
  // event may belong to any address), at least 2 px so a short gap shows.
  if (s.lost) {
    for (const LostSpan &l : *s.lost) {
      double x0 = timeToX(v, l.from), x1 = timeToX(v, l.to);
      if (x1 < -2 || x0 > plot.width() + 2) continue;
      if (x1 - x0 < 2) x0 = x1 - 2;
      p.fillRect(clipped(x0, 0, x1, plot.height(), plot), rgb(kLostWindowColour, 60));
    }
  }

  // Mappings, in id order (later mappings on top).
  if (s.frame) {
    const Frame &f = *s.frame;
    bool same = f.viewport.t0 == v.t0 && f.viewport.t1 == v.t1 && f.viewport.addrLo == v.addrLo &&
                f.viewport.addrHi == v.addrHi && f.viewport.widthPx == v.widthPx && f.viewport.heightPx == v.heightPx;
    p.setRenderHint(QPainter::Antialiasing, false);
    for (size_t i = 0; i < f.rects.size(); ++i) {
      const MapRect &r = f.rects[i];
      QRectF q;
      if (same) {
        q = QRectF(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
      } else {
        PxRect px = reproject(r, f.viewport, v);
        if (px.x1 < 0 || px.x0 > plot.width() || px.y1 < 0 || px.y0 > plot.height()) continue;
        q = clipped(px.x0, px.y0, px.x1, px.y1, plot);
      }
      fillMapping(p, q, r.dir, f.kinds[i], r.flags);
    }
    // Small mappings on top: they are what a zoomed-out view is made of.
    if (!f.pixelDir.empty()) {
      QImage built;
      const QImage *grid = s.grid;
      if (!grid) {
        built = gridImage(f);
        grid = &built;
      }
      if (same) {
        p.drawImage(QPointF(0, 0), *grid);
      } else {
        PxRect all = reproject(PxRect{0, 0, double(f.viewport.widthPx), double(f.viewport.heightPx)}, f.viewport, v);
        p.drawImage(QRectF(all.x0, all.y0, all.x1 - all.x0, all.y1 - all.y0), *grid);
      }
    }
  }

  // Findings: a magenta diamond at (time, address), or a tick at the top.
  if (s.findings) {
    p.setRenderHint(QPainter::Antialiasing, true);
    for (const FindingMark &fm2 : *s.findings) {
      double x = timeToX(v, fm2.tsNs);
      if (x < -6 || x > plot.width() + 6) continue;
      double y = fm2.addr ? addrToY(v, *fm2.addr) : 6;
      QPolygonF d({QPointF(x, y - 6), QPointF(x + 6, y), QPointF(x, y + 6), QPointF(x - 6, y)});
      p.setPen(QPen(Qt::white, 1));
      p.setBrush(rgb(kFindingColour));
      p.drawPolygon(d);
    }
    p.setRenderHint(QPainter::Antialiasing, false);
  }

  // Selection: thick outline, at least 7 px so a 4 KiB sliver is visible.
  if (s.selected) {
    const store::Mapping &m = *s.selected;
    std::optional<uint64_t> lo = s.axis == AddressAxis::Device ? std::optional<uint64_t>(m.dmaAddr) : m.physAddr;
    if (lo) {
      double x0 = timeToX(v, m.mapTs);
      double x1 = m.unmapTs ? timeToX(v, *m.unmapTs) : plot.width();
      double y0 = addrToY(v, *lo + m.size), y1 = addrToY(v, *lo);
      double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
      if (x1 - x0 < 7) x0 = cx - 3.5, x1 = cx + 3.5;
      if (y1 - y0 < 7) y0 = cy - 3.5, y1 = cy + 3.5;
      QRectF q = clipped(x0 - 1, y0 - 1, x1 + 1, y1 + 1, plot);
      p.setBrush(Qt::NoBrush);
      p.setPen(QPen(Qt::white, 4));
      p.drawRect(q);
      p.setPen(QPen(rgb(kSelectionColour), 2));
      p.drawRect(q);
    }
  }

  if (s.cursor) {
    double x = timeToX(v, *s.cursor);
    p.setPen(QPen(rgb(kCursorColour), 1, Qt::DashLine));
    p.drawLine(QPointF(x, 0), QPointF(x, plot.height()));
  }
  p.restore();
  p.setPen(QColor(150, 150, 150));
  p.setBrush(Qt::NoBrush);
  p.drawRect(plot.adjusted(0, 0, -1, -1));
  p.restore();
}

void paintLegend(QPainter &p, const QRect &rect) {
  p.save();
  p.fillRect(rect, rgb(0xf4f5f7));
  QFontMetrics fm(p.font());
  int x = rect.left() + 6;
  int y = rect.top() + (rect.height() - 10) / 2;
  auto item = [&](const QString &label, auto drawSwatch) {
    drawSwatch(QRectF(x, y, 18, 10));
    x += 22;
    p.setPen(Qt::black);
    p.drawText(QPoint(x, y + 10 - 1), label);
    x += fm.horizontalAdvance(label) + 14;
  };
  const std::pair<int, const char *> dirs[] = {
      {1, "TO_DEVICE"}, {2, "FROM_DEVICE"}, {0, "BIDIRECTIONAL"}, {-1, "none"}};
  for (const auto &[dir, name] : dirs)
    item(name, [&](const QRectF &r) { fillMapping(p, r, static_cast<int8_t>(dir), store::MappingKind::Coherent, 0); });
  x += 10;
  const std::pair<store::MappingKind, const char *> kinds[] = {{store::MappingKind::Coherent, "coherent"},
                                                               {store::MappingKind::Page, "streaming"},
                                                               {store::MappingKind::SgSegment, "sg segment"},
                                                               {store::MappingKind::Resource, "resource"}};
  for (const auto &[kind, name] : kinds) item(name, [&](const QRectF &r) { fillMapping(p, r, 1, kind, 0); });
  x += 10;
  item("lost events", [&](const QRectF &r) { p.fillRect(r, rgb(kLostWindowColour, 60)); });
  item("finding", [&](const QRectF &r) {
    p.setRenderHint(QPainter::Antialiasing, true);
    QPointF c = r.center();
    p.setPen(Qt::NoPen);
    p.setBrush(rgb(kFindingColour));
    p.drawPolygon(QPolygonF({c + QPointF(0, -5), c + QPointF(5, 0), c + QPointF(0, 5), c + QPointF(-5, 0)}));
  });
  p.restore();
}

}  // namespace dmacheck::gui
