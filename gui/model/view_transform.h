// Viewport arithmetic of the map panes, without Qt: pixel <-> time/address,
// zoom around an anchor, rubber-band zoom, pan and fit, on both axes.
//
// The pixel mapping: x grows with time, y grows downward from addrHi
// (higher addresses are drawn higher up, as in an address-space diagram);
// the frame builder, cursors, axes and hit-testing all use it.
//
// Everything is in long double: spans of 2^63 ns or a 64-bit address space
// divided by a few hundred pixels must not lose the low bits that a zoom to
// one 4 KiB mapping needs.
#pragma once

#include <cstdint>

namespace dmacheck::gui {

// A pane's window: [t0, t1) ns (trace clock) x [addrLo, addrHi) on the
// pane's address axis, over widthPx x heightPx pixels.
struct Viewport {
  uint64_t t0 = 0, t1 = 1;
  uint64_t addrLo = 0, addrHi = 1;
  int widthPx = 1, heightPx = 1;
};

// Limits a viewport may not leave: the run's time span and the 64-bit
// address range the store can represent (SQLite integers are signed).
struct ViewBounds {
  uint64_t t0 = 0, t1 = UINT64_C(0x7fffffffffffffff);
  uint64_t addrLo = 0, addrHi = UINT64_C(0x7fffffffffffffff);
};

// Pixel positions as doubles (sub-pixel, unclamped: a time left of the
// window gives a negative x).
double timeToX(const Viewport &v, uint64_t t);
double addrToY(const Viewport &v, uint64_t addr);
uint64_t xToTime(const Viewport &v, double x);  // clamped to [0, 2^63)
uint64_t yToAddr(const Viewport &v, double y);

// The smallest spans a zoom may reach: 10 ns across and 16 bytes high, so a
// single mapping (4 KiB, a few µs) can fill the pane.
inline constexpr uint64_t kMinTimeSpan = 10;
inline constexpr uint64_t kMinAddrSpan = 16;

// factor < 1 zooms in; the time (address) under the anchor pixel stays put.
Viewport zoomTime(const Viewport &v, double factor, double anchorX, const ViewBounds &bounds);
Viewport zoomAddr(const Viewport &v, double factor, double anchorY, const ViewBounds &bounds);
// Rubber band: the pixel rectangle (any corner order) becomes the viewport.
// A band thinner than 3 px on an axis leaves that axis alone (a horizontal
// drag zooms time only).
Viewport zoomToRect(const Viewport &v, double x0, double y0, double x1, double y1, const ViewBounds &bounds);
// Moves the window by whole pixels (dx > 0 shows later times: content moves
// left, as when dragging the content with the mouse the caller negates).
Viewport pan(const Viewport &v, double dx, double dy, const ViewBounds &bounds);
// The whole [t0, t1) x [addrLo, addrHi) with a margin of 2% in time and 4%
// in address (so edge mappings are not drawn on the frame), at least one
// 4 KiB page high.
Viewport fit(uint64_t t0, uint64_t t1, uint64_t addrLo, uint64_t addrHi, int widthPx, int heightPx);
// Keeps the spans, moves the window inside bounds where it fits.
Viewport clampTo(const Viewport &v, const ViewBounds &bounds);
// Centre the window on (t, addr) keeping the spans (jump to a finding).
Viewport centreOn(const Viewport &v, uint64_t t, uint64_t addr, const ViewBounds &bounds);

}  // namespace dmacheck::gui
