// One map pane as a widget: holds the viewport and the latest frame, turns
// mouse and keys into viewport changes (the model layer does the math) and
// paints with paintMap(). It never queries: it asks for frames with
// viewportChanged() and is handed them with setFrame().
//
// Mouse: wheel zooms time (Ctrl: address, Shift: both) around the pointer;
// left drag pans; Shift+left drag or right drag draws a rubber band to zoom
// into; a click selects the mapping under the pointer and moves the time
// cursor there; a double click fits.
#pragma once

#include <QPoint>
#include <QWidget>
#include <memory>
#include <optional>

#include "map_painter.h"
#include "meta_types.h"

namespace dmacheck::gui {

class MapView : public QWidget {
  Q_OBJECT
 public:
  explicit MapView(AddressAxis axis, QWidget *parent = nullptr);

  AddressAxis axis() const { return scene_.axis; }
  const Viewport &viewport() const { return scene_.viewport; }
  // The viewport, with widthPx/heightPx taken from the widget's plot area.
  void setViewport(const Viewport &v, bool notify = true);
  void setBounds(const ViewBounds &bounds) { bounds_ = bounds; }
  const ViewBounds &bounds() const { return bounds_; }
  // Keeps the address range, takes the time range (linked panes).
  void setTimeRange(uint64_t t0, uint64_t t1);
  void setFrame(std::shared_ptr<Frame> frame);
  const Frame *frame() const { return frame_.get(); }
  void setLoading(bool loading);
  void setOrigin(uint64_t origin) { scene_.origin = origin; }
  void setTitle(const QString &title);
  void setMessage(const QString &message);
  const QString &message() const { return scene_.message; }
  std::optional<uint64_t> cursorTime() const { return scene_.cursor; }
  void setSelected(const std::optional<store::Mapping> &m);
  void setCursorTime(std::optional<uint64_t> t);
  void setLost(std::vector<LostSpan> lost);
  void setFindings(std::vector<FindingMark> findings);
  void setFitViewport(const Viewport &v) { fit_ = v; }

  void zoomBy(double factor, bool time, bool address);
  void panBy(double fx, double fy);  // fractions of the plot
  void fitAll();

 signals:
  void viewportChanged(const dmacheck::gui::Viewport &viewport);
  void mappingClicked(qint64 mapping);
  void cursorRequested(quint64 t);
  void hovered(const QString &text);

 protected:
  void paintEvent(QPaintEvent *) override;
  void resizeEvent(QResizeEvent *) override;
  void wheelEvent(QWheelEvent *) override;
  void mousePressEvent(QMouseEvent *) override;
  void mouseMoveEvent(QMouseEvent *) override;
  void mouseReleaseEvent(QMouseEvent *) override;
  void mouseDoubleClickEvent(QMouseEvent *) override;
  void keyPressEvent(QKeyEvent *) override;

 private:
  QPointF toPlot(const QPointF &p) const;

  MapScene scene_;
  ViewBounds bounds_;
  std::optional<Viewport> fit_;
  std::shared_ptr<Frame> frame_;
  QImage grid_;  // gridImage(*frame_), built once per frame
  std::vector<LostSpan> lost_;
  std::vector<FindingMark> findings_;
  enum class Drag { None, Pan, Band } drag_ = Drag::None;
  QPoint pressPos_, lastPos_;
  Viewport pressViewport_;
  bool moved_ = false;
};

}  // namespace dmacheck::gui
