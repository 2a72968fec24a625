#include "console_parser.h"

#include <cctype>
#include <cstdlib>

namespace dmacheck::tracer {
namespace {

bool isHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

bool allHex(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!isHex(c)) return false;
  }
  return true;
}

bool parseHex(std::string_view s, uint64_t &out) {
  if (s.substr(0, 2) == "0x" || s.substr(0, 2) == "0X") s.remove_prefix(2);
  if (!allHex(s) || s.size() > 16) return false;
  out = std::strtoull(std::string(s).c_str(), nullptr, 16);
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

bool isPciAddress(std::string_view s) {
  // dddd:bb:dd.f
  return s.size() == 12 && allHex(s.substr(0, 4)) && s[4] == ':' && allHex(s.substr(5, 2)) && s[7] == ':' &&
         allHex(s.substr(8, 2)) && s[10] == '.' && isHex(s[11]);
}

DmarParse parseDmarFault(std::string_view line, DmarFault &out) {
  size_t dmar = line.find("DMAR:");
  if (dmar == std::string_view::npos) return DmarParse::NotAFault;
  std::string_view rest = line.substr(dmar + 5);
  size_t open = rest.find("[DMA ");
  if (open == std::string_view::npos || rest.find("fault addr") == std::string_view::npos) return DmarParse::NotAFault;
  rest.remove_prefix(open + 5);
  if (rest.substr(0, 5) == "Write") out.write = true;
  else if (rest.substr(0, 4) == "Read") out.write = false;
  else return DmarParse::Malformed;

  size_t dev = rest.find("Request device [");
  if (dev == std::string_view::npos) return DmarParse::Malformed;
  std::string_view bdf = rest.substr(dev + 16);
  size_t close = bdf.find(']');
  if (close == std::string_view::npos) return DmarParse::Malformed;
  bdf = bdf.substr(0, close);
  std::string name = bdf.size() == 7 ? "0000:" + std::string(bdf) : std::string(bdf);
  for (char &c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!isPciAddress(name)) return DmarParse::Malformed;
  out.device = name;

  size_t addr = rest.find("fault addr ");
  if (addr == std::string_view::npos) return DmarParse::Malformed;
  std::string_view a = rest.substr(addr + 11);
  a = a.substr(0, a.find_first_of(" ["));
  if (!parseHex(a, out.addr)) return DmarParse::Malformed;

  size_t reason = rest.find("[fault reason ");
  if (reason == std::string_view::npos) return DmarParse::Malformed;
  std::string_view r = rest.substr(reason + 14);
  size_t end = r.find(']');
  if (end == std::string_view::npos) return DmarParse::Malformed;
  uint64_t code = 0;
  if (!parseHex(r.substr(0, end), code)) return DmarParse::Malformed;
  out.reason = static_cast<int>(code);
  out.reasonText = std::string(trim(r.substr(end + 1)));
  return DmarParse::Parsed;
}

bool parseDriverPrefix(std::string_view line, std::string &driver, std::string &device) {
  size_t space = line.find(' ');
  if (space == std::string_view::npos || space == 0) return false;
  std::string_view name = line.substr(0, space);
  std::string_view rest = line.substr(space + 1);
  // "nvme nvme0: pci function 0000:00:01.0"
  size_t function = rest.find(": pci function ");
  if (function != std::string_view::npos && rest.substr(function + 15).size() >= 12 &&
      isPciAddress(rest.substr(function + 15, 12))) {
    driver = std::string(name);
    device = std::string(rest.substr(function + 15, 12));
    return true;
  }
  if (rest.size() < 13 || rest[12] != ':' || !isPciAddress(rest.substr(0, 12))) return false;
  if (name == "pci" || name == "pcieport" || name == "DMAR" || name == "DMA-API:") return false;
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  }
  driver = std::string(name);
  device = std::string(rest.substr(0, 12));
  return true;
}

}  // namespace dmacheck::tracer
