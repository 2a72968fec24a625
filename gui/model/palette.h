// Colours and fill styles of the map, without Qt (0xRRGGBB), so the legend,
// the panes, the snapshot and the tests agree.
#pragma once

#include <cstdint>

#include "run_types.h"

namespace dmacheck::gui {

// By enum dma_data_direction: the colour answers "who writes this buffer".
inline uint32_t directionColour(int dir) {
  switch (dir) {
    case 0: return 0x8e44ad;   // BIDIRECTIONAL: purple
    case 1: return 0x2e86de;   // TO_DEVICE: blue (CPU writes, device reads)
    case 2: return 0xe67e22;   // FROM_DEVICE: orange (device writes)
    case 3: return 0x7f8c8d;   // NONE
    default: return 0x95a5a6;  // unknown (coherent allocations carry none)
  }
}

// Kinds are told apart by fill, not colour (colour is taken by direction):
// coherent buffers are solid, streaming mappings lighter, sg segments
// hatched, resources outlined.
enum class FillStyle { Solid, Light, Hatched, Outline };
inline FillStyle fillStyleOf(store::MappingKind kind) {
  switch (kind) {
    case store::MappingKind::Coherent:
    case store::MappingKind::Pages: return FillStyle::Solid;
    case store::MappingKind::SgSegment:
    case store::MappingKind::Sgt: return FillStyle::Hatched;
    case store::MappingKind::Resource: return FillStyle::Outline;
    case store::MappingKind::Page:
    default: return FillStyle::Light;
  }
}

inline constexpr uint32_t kBackground = 0xffffff;
inline constexpr uint32_t kLostWindowColour = 0xe74c3c;  // shaded translucent
inline constexpr uint32_t kSelectionColour = 0x000000;
inline constexpr uint32_t kCursorColour = 0xc0392b;
inline constexpr uint32_t kFindingColour = 0xd6336c;

}  // namespace dmacheck::gui
