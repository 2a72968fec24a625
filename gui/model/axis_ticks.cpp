#include "axis_ticks.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace dmacheck::gui {
namespace {

// The smallest of 1, 2, 5 x 10^k not below `raw`.
long double niceStep(long double raw) {
  if (raw <= 1) return 1;
  long double p = std::pow(10.0L, std::floor(std::log10(raw)));
  for (long double m : {1.0L, 2.0L, 5.0L, 10.0L}) {
    if (m * p >= raw) return m * p;
  }
  return 10 * p;
}

std::string trimmed(long double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*Lf", decimals, v);
  std::string s(buf);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s;
}

}  // namespace

std::string formatDuration(long double ns) {
  if (ns == 0) return "0";
  std::string sign = ns < 0 ? "-" : "";
  long double a = std::fabs(ns);
  // Up to 3 decimals: enough for ticks 1-2-5 apart at any zoom, and
  // lifetimes in the details panel keep 4 significant digits.
  if (a >= 1e9L) return sign + trimmed(a / 1e9L, 4) + " s";
  if (a >= 1e6L) return sign + trimmed(a / 1e6L, 3) + " ms";
  if (a >= 1e3L) return sign + trimmed(a / 1e3L, 3) + " µs";
  return sign + trimmed(a, 0) + " ns";
}

std::string formatHex(uint64_t value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(value));
  return buf;
}

std::string formatBytes(uint64_t bytes) {
  const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  long double v = static_cast<long double>(bytes);
  int u = 0;
  while (v >= 1024 && u < 4) {
    v /= 1024;
    ++u;
  }
  return trimmed(v, u == 0 ? 0 : 2) + " " + units[u];
}

bool parseAddress(const std::string &text, uint64_t &out) {
  std::string s;
  for (char c : text) {
    if (c == '_' || c == '\'' || std::isspace(static_cast<unsigned char>(c))) continue;
    s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (s.size() > 2 && s[0] == '0' && s[1] == 'x') s = s.substr(2);
  if (s.empty() || s.size() > 16) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    v = v * 16 + static_cast<uint64_t>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : c - 'a' + 10);
  }
  out = v;
  return true;
}

bool parseDuration(const std::string &text, uint64_t &ns) {
  std::string s;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) s.push_back(c);
  size_t i = 0;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
  if (i == 0) return false;
  std::string num = s.substr(0, i), unit = s.substr(i);
  char *end = nullptr;
  long double v = std::strtold(num.c_str(), &end);
  if (!end || *end) return false;
  long double scale;
  if (unit.empty() || unit == "ns")
    scale = 1;
  else if (unit == "us" || unit == "µs")
    scale = 1e3L;
  else if (unit == "ms")
    scale = 1e6L;
  else if (unit == "s")
    scale = 1e9L;
  else
    return false;
  long double r = v * scale;
  if (r < 0 || r > 9.2e18L) return false;
  ns = static_cast<uint64_t>(r + 0.5L);
  return true;
}

std::vector<Tick> timeTicks(const Viewport &v, uint64_t origin, int minSpacingPx) {
  std::vector<Tick> out;
  long double span = static_cast<long double>(v.t1) - static_cast<long double>(v.t0);
  if (span <= 0 || v.widthPx <= 0) return out;
  long double step = niceStep(span * minSpacingPx / v.widthPx);
  long double rel0 = static_cast<long double>(v.t0) - static_cast<long double>(origin);
  long double first = std::ceil(rel0 / step) * step;
  for (long double rel = first; rel <= rel0 + span && out.size() < 200; rel += step) {
    long double t = static_cast<long double>(origin) + rel;
    double px = static_cast<double>((t - static_cast<long double>(v.t0)) * v.widthPx / span);
    out.push_back({px, formatDuration(rel)});
  }
  return out;
}

std::vector<Tick> addressTicks(const Viewport &v, int minSpacingPx) {
  std::vector<Tick> out;
  long double span = static_cast<long double>(v.addrHi) - static_cast<long double>(v.addrLo);
  if (span <= 0 || v.heightPx <= 0) return out;
  long double raw = span * minSpacingPx / v.heightPx;
  // Power of two step at or above raw (at least 1 byte).
  int shift = 0;
  while (shift < 62 && std::ldexp(1.0L, shift) < raw) ++shift;
  uint64_t step = uint64_t(1) << shift;
  uint64_t first = (v.addrLo + step - 1) / step * step;
  if (first < v.addrLo) return out;  // overflow at the top of the range
  for (uint64_t a = first; a <= v.addrHi && out.size() < 200; a += step) {
    out.push_back({addrToY(v, a), formatHex(a)});
    if (a + step < a) break;
  }
  return out;
}

}  // namespace dmacheck::gui
