// Axis ticks with units, without Qt. Time ticks are "nice" 1-2-5 steps of
// ns labelled in the unit that keeps the numbers short (s, ms, µs, ns),
// relative to an origin (the run's first event: raw trace clocks are boot
// times with ten digits nobody wants to read). Address ticks are powers of
// two (4 KiB pages, 1 MiB regions read naturally in hex) labelled in hex.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "view_transform.h"

namespace dmacheck::gui {

struct Tick {
  double px = 0;  // x for time ticks, y for address ticks
  std::string label;
};

// Ticks at least minSpacingPx apart inside the viewport.
std::vector<Tick> timeTicks(const Viewport &v, uint64_t origin, int minSpacingPx = 90);
std::vector<Tick> addressTicks(const Viewport &v, int minSpacingPx = 40);

// "0", "250 ns", "1.5 µs", "12 ms", "3.25 s"; negative for times before the origin.
std::string formatDuration(long double ns);
// "0x1ffe000"
std::string formatHex(uint64_t value);
// "4 KiB", "1.5 MiB", "512 B"
std::string formatBytes(uint64_t bytes);
// Parses an address the way traces print them: always hex, with or without
// "0x", "_" and "'" separators allowed ("0x1ffe000", "fee0_0000"). False
// when it is not a 64-bit hex number.
bool parseAddress(const std::string &text, uint64_t &out);

// Parses a duration for --from/--to: a number with an optional unit
// ("1.5ms", "200 us", "200µs", "3s", "1200ns"; no unit: ns). False on junk.
bool parseDuration(const std::string &text, uint64_t &ns);

}  // namespace dmacheck::gui
