#include "map_view.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <cmath>

#include "axis_ticks.h"

namespace dmacheck::gui {

MapView::MapView(AddressAxis axis, QWidget *parent) : QWidget(parent) {
  scene_.axis = axis;
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  setMinimumSize(300, 120);
  scene_.lost = &lost_;
  scene_.findings = &findings_;
}

void MapView::setViewport(const Viewport &v, bool notify) {
  QRect plot = plotRect(size());
  Viewport nv = v;
  nv.widthPx = plot.width();
  nv.heightPx = plot.height();
  scene_.viewport = nv;
  update();
  if (notify) emit viewportChanged(nv);
}

void MapView::setTimeRange(uint64_t t0, uint64_t t1) {
  if (scene_.viewport.t0 == t0 && scene_.viewport.t1 == t1) return;
  Viewport v = scene_.viewport;
  v.t0 = t0;
  v.t1 = t1;
  setViewport(v);
}

void MapView::setFrame(std::shared_ptr<Frame> frame) {
  frame_ = std::move(frame);
  scene_.frame = frame_.get();
  grid_ = frame_ ? gridImage(*frame_) : QImage();
  scene_.grid = grid_.isNull() ? nullptr : &grid_;
  scene_.loading = false;
  update();
}

void MapView::setLoading(bool loading) {
  scene_.loading = loading;
  update();
}
void MapView::setTitle(const QString &title) {
  scene_.title = title;
  update();
}
void MapView::setMessage(const QString &message) {
  scene_.message = message;
  update();
}
void MapView::setSelected(const std::optional<store::Mapping> &m) {
  scene_.selected = m;
  update();
}
void MapView::setCursorTime(std::optional<uint64_t> t) {
  scene_.cursor = t;
  update();
}
void MapView::setLost(std::vector<LostSpan> lost) {
  lost_ = std::move(lost);
  update();
}
void MapView::setFindings(std::vector<FindingMark> findings) {
  findings_ = std::move(findings);
  update();
}

void MapView::zoomBy(double factor, bool time, bool address) {
  Viewport v = scene_.viewport;
  if (time) v = zoomTime(v, factor, v.widthPx / 2.0, bounds_);
  if (address) v = zoomAddr(v, factor, v.heightPx / 2.0, bounds_);
  setViewport(v);
}

void MapView::panBy(double fx, double fy) {
  Viewport v = scene_.viewport;
  setViewport(pan(v, fx * v.widthPx, fy * v.heightPx, bounds_));
}

void MapView::fitAll() {
  if (fit_) setViewport(*fit_);
}

QPointF MapView::toPlot(const QPointF &p) const {
  return p - plotRect(size()).topLeft();
}

void MapView::paintEvent(QPaintEvent *) {
  QPainter p(this);
  paintMap(p, size(), scene_);
  if (drag_ == Drag::Band) {
    p.setPen(QPen(QColor(40, 90, 200), 1, Qt::DashLine));
    p.setBrush(QColor(40, 90, 200, 40));
    p.drawRect(QRect(pressPos_, lastPos_).normalized());
  }
}

void MapView::resizeEvent(QResizeEvent *) {
  setViewport(scene_.viewport);
}

void MapView::wheelEvent(QWheelEvent *e) {
  double steps = e->angleDelta().y() / 120.0;
  if (steps == 0) return;
  double factor = std::pow(0.8, steps);
  QPointF pos = toPlot(e->position());
  Viewport v = scene_.viewport;
  bool ctrl = e->modifiers() & Qt::ControlModifier, shift = e->modifiers() & Qt::ShiftModifier;
  if (!ctrl || shift) v = zoomTime(v, factor, pos.x(), bounds_);
  if (ctrl || shift) v = zoomAddr(v, factor, pos.y(), bounds_);
  setViewport(v);
  e->accept();
}

void MapView::mousePressEvent(QMouseEvent *e) {
  pressPos_ = lastPos_ = e->position().toPoint();
  pressViewport_ = scene_.viewport;
  moved_ = false;
  if (e->button() == Qt::RightButton || (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ShiftModifier)))
    drag_ = Drag::Band;
  else if (e->button() == Qt::LeftButton)
    drag_ = Drag::Pan;
}

void MapView::mouseMoveEvent(QMouseEvent *e) {
  QPoint pos = e->position().toPoint();
  if ((pos - pressPos_).manhattanLength() > 3) moved_ = true;
  if (drag_ == Drag::Pan && moved_) {
    QPoint d = pos - pressPos_;
    // Dragging moves the content: the window moves the other way.
    setViewport(pan(pressViewport_, -d.x(), -d.y(), bounds_));
  } else if (drag_ == Drag::Band) {
    lastPos_ = pos;
    update();
  }
  lastPos_ = pos;
  QPointF pp = toPlot(e->position());
  const Viewport &v = scene_.viewport;
  if (pp.x() >= 0 && pp.y() >= 0 && pp.x() < v.widthPx && pp.y() < v.heightPx) {
    uint64_t t = xToTime(v, pp.x());
    QString text = QStringLiteral("t = %1   %2 = %3")
                       .arg(QString::fromStdString(formatDuration(static_cast<long double>(t) - scene_.origin)),
                            scene_.axis == AddressAxis::Device ? "IOVA" : "phys",
                            QString::fromStdString(formatHex(yToAddr(v, pp.y()))));
    if (frame_ && frame_->viewport.widthPx == v.widthPx && frame_->viewport.t0 == v.t0 &&
        frame_->viewport.addrLo == v.addrLo) {
      if (auto id = hitTest(*frame_, pp.x(), pp.y(), 0)) {
        text += QStringLiteral("   mapping #%1").arg(*id);
        uint32_t n = countAt(*frame_, pp.x(), pp.y());
        if (n > 1) text += QStringLiteral(" (%1 mappings start in this pixel)").arg(n);
      }
    }
    emit hovered(text);
  }
}

void MapView::mouseReleaseEvent(QMouseEvent *e) {
  Drag drag = drag_;
  drag_ = Drag::None;
  if (drag == Drag::Band && moved_) {
    QPointF a = toPlot(pressPos_), b = toPlot(e->position());
    setViewport(zoomToRect(scene_.viewport, a.x(), a.y(), b.x(), b.y(), bounds_));
    return;
  }
  update();
  if (moved_ || e->button() != Qt::LeftButton) return;
  QPointF pp = toPlot(e->position());
  const Viewport &v = scene_.viewport;
  if (pp.x() < 0 || pp.x() >= v.widthPx || pp.y() < 0 || pp.y() >= v.heightPx) return;
  emit cursorRequested(xToTime(v, pp.x()));
  if (frame_ && frame_->viewport.widthPx == v.widthPx && frame_->viewport.t0 == v.t0 &&
      frame_->viewport.addrLo == v.addrLo) {
    if (auto id = hitTest(*frame_, pp.x(), pp.y())) emit mappingClicked(*id);
  }
}

void MapView::mouseDoubleClickEvent(QMouseEvent *) {
  fitAll();
}

void MapView::keyPressEvent(QKeyEvent *e) {
  bool ctrl = e->modifiers() & Qt::ControlModifier;
  switch (e->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(0.5, !ctrl, ctrl); break;
    case Qt::Key_Minus: zoomBy(2.0, !ctrl, ctrl); break;
    case Qt::Key_Left: panBy(-0.2, 0); break;
    case Qt::Key_Right: panBy(0.2, 0); break;
    case Qt::Key_Up: panBy(0, -0.2); break;
    case Qt::Key_Down: panBy(0, 0.2); break;
    case Qt::Key_Home:
    case Qt::Key_F: fitAll(); break;
    default: QWidget::keyPressEvent(e); return;
  }
  e->accept();
}

}  // namespace dmacheck::gui
