#include "ftrace_text_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "event_fields.h"
#include "holdback_queue.h"

namespace dmacheck::tracer {

namespace {

using fields::Target;

// ---------------------------------------------------------------------------
// Small string_view helpers (no regex, no iostreams: this runs per line).
// ---------------------------------------------------------------------------

bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view trimLeft(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return s.substr(i);
}

std::string_view trimRight(std::string_view s) {
  size_t n = s.size();
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) --n;
  return s.substr(0, n);
}

std::string_view trim(std::string_view s) { return trimRight(trimLeft(s)); }

bool startsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool parseDecimal(std::string_view s, uint64_t &out) { return fields::parseUnsigned(s, false, out); }

// "1.532595" (µs) or "16.607020578" (ns) or "123456" (raw counter clocks).
bool parseTimestamp(std::string_view s, uint64_t &ns, int &fracDigits) {
  size_t dot = s.find('.');
  uint64_t sec = 0;
  if (dot == std::string_view::npos) {
    fracDigits = 0;
    return parseDecimal(s, ns);
  }
  if (!parseDecimal(s.substr(0, dot), sec)) return false;
  std::string_view frac = s.substr(dot + 1);
  if (frac.empty() || frac.size() > 12) return false;
  uint64_t value = 0;
  for (char c : frac) {
    if (!isDigit(c)) return false;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  fracDigits = static_cast<int>(frac.size());
  for (size_t i = frac.size(); i < 9; ++i) value *= 10;
  for (size_t i = 9; i < frac.size(); ++i) value /= 10;
  ns = sec * 1000000000ULL + value;
  return true;
}

bool isIrqFlagChar(char c) {
  // irqs-off, need-resched, hardirq/softirq, preempt-depth, migrate-disable
  return c == '.' || isDigit(c) || c == 'd' || c == 'D' || c == 'n' || c == 'N' || c == 'p' ||
         c == 'h' || c == 'H' || c == 's' || c == 'S' || c == 'b' || c == 'B' || c == 'z' ||
         c == 'Z' || c == 'X' || c == 'L' || c == 'l';
}

// The part of an event line before the body.
struct LineHead {
  std::string_view comm;
  int32_t pid = -1;
  int32_t cpu = -1;
  uint64_t tsNs = 0;
  int fracDigits = 0;
  std::string_view rest;  // after "<ts>: "
};

bool parseSmallInt(std::string_view s, int32_t &out) {
  uint64_t value = 0;
  if (s.empty() || s.size() > 10 || !parseDecimal(s, value) || value > 0x7fffffff) return false;
  out = static_cast<int32_t>(value);
  return true;
}

// Parses "<comm>-<pid> [(tgid)] [cpu] [flags]" or the -l / perf variants.
bool parseTaskPart(std::string_view hdr, LineHead &head) {
  hdr = trimRight(hdr);
  if (hdr.empty()) return false;
  bool haveCpu = false;
  if (hdr.back() == ']') {
    size_t open = hdr.rfind('[');
    if (open == std::string_view::npos || !parseSmallInt(hdr.substr(open + 1, hdr.size() - open - 2), head.cpu)) {
      return false;
    }
    hdr = trimRight(hdr.substr(0, open));
    haveCpu = true;
  } else {
    size_t space = hdr.rfind(' ');
    if (space == std::string_view::npos) return false;
    std::string_view last = hdr.substr(space + 1);
    std::string_view before = trimRight(hdr.substr(0, space));
    for (char c : last) {
      if (!isIrqFlagChar(c)) return false;
    }
    if (!before.empty() && before.back() == ']') {
      // "[000] d.h2." : cpu then irq flags
      size_t open = before.rfind('[');
      if (open == std::string_view::npos ||
          !parseSmallInt(before.substr(open + 1, before.size() - open - 2), head.cpu)) {
        return false;
      }
      hdr = trimRight(before.substr(0, open));
      haveCpu = true;
    } else if (!last.empty() && isDigit(last[0])) {
      // trace-cmd report -l: "0d.h2." is cpu digits followed by flags
      size_t n = 0;
      while (n < last.size() && isDigit(last[n])) ++n;
      if (n == last.size() && last.size() > 3) return false;  // a bare number is a pid, not cpu+flags
      if (!parseSmallInt(last.substr(0, n), head.cpu)) return false;
      hdr = before;
      haveCpu = true;
    } else {
      return false;
    }
  }
  if (!haveCpu) return false;
  // Optional tgid column "(  123)" or "(-------)".
  if (!hdr.empty() && hdr.back() == ')') {
    size_t open = hdr.rfind('(');
    if (open == std::string_view::npos) return false;
    std::string_view inner = trim(hdr.substr(open + 1, hdr.size() - open - 2));
    for (char c : inner) {
      if (!isDigit(c) && c != '-') return false;
    }
    hdr = trimRight(hdr.substr(0, open));
  }
  // "<comm>-<pid>", parsed from the right: comms hold spaces and dashes.
  size_t end = hdr.size();
  size_t start = end;
  while (start > 0 && isDigit(hdr[start - 1])) --start;
  if (start == end || !parseSmallInt(hdr.substr(start, end - start), head.pid)) return false;
  if (start == 0) return false;
  if (hdr[start - 1] == '-') {
    head.comm = trimLeft(hdr.substr(0, start - 1));
  } else if (hdr[start - 1] == ' ') {
    head.comm = trim(hdr.substr(0, start - 1));  // perf script: "dd   180"
    if (head.comm.empty()) return false;
  } else {
    return false;
  }
  return true;
}

// Finds the "<ts>:" token and parses what is before it.
bool parseLineHead(std::string_view line, LineHead &head) {
  size_t from = 0;
  // The header is short (comm ≤ 16 chars plus columns); a timestamp-like
  // token much further right belongs to the body of a non-event line.
  const size_t limit = line.size() < 200 ? line.size() : 200;
  while (from < limit) {
    const void *hit = std::memchr(line.data() + from, ':', limit - from);
    if (hit == nullptr) return false;
    size_t colon = static_cast<const char *>(hit) - line.data();
    from = colon + 1;
    if (colon + 1 < line.size() && line[colon + 1] != ' ' && line[colon + 1] != '\t') continue;
    size_t start = colon;
    while (start > 0 && (isDigit(line[start - 1]) || line[start - 1] == '.')) --start;
    if (start == colon || start == 0 || line[start - 1] != ' ') continue;
    if (!isDigit(line[start])) continue;
    if (!parseTimestamp(line.substr(start, colon - start), head.tsNs, head.fracDigits)) continue;
    if (!parseTaskPart(line.substr(0, start), head)) continue;
    head.rest = colon + 1 < line.size() ? line.substr(colon + 1) : std::string_view();
    return true;
  }
  return false;
}

// Splits the body into tokens at spaces; "ARRAY[00, c0, ...]" (trace-cmd's
// raw form of a dynamic array) stays one token.
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view body) : s_(body) {}
  bool next(std::string_view &token) {
    while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
    if (pos_ >= s_.size()) return false;
    size_t start = pos_;
    while (pos_ < s_.size() && s_[pos_] != ' ') {
      if (s_[pos_] == '[' && pos_ >= 5 && s_.compare(pos_ - 5, 5, "ARRAY") == 0) {
        size_t close = s_.find(']', pos_);
        pos_ = close == std::string_view::npos ? s_.size() : close + 1;
        break;
      }
      ++pos_;
    }
    token = s_.substr(start, pos_ - start);
    return true;
  }
  std::string_view remainder() const { return pos_ < s_.size() ? s_.substr(pos_) : std::string_view(); }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

bool isDmaType(EventType type) { return type <= EventType::DmaSyncSgForDevice; }

bool hasDevice(EventType type) {
  return isDmaType(type) || type == EventType::IommuIoPageFault || type == EventType::IommuAddDevice ||
         type == EventType::IommuRemoveDevice || type == EventType::IommuAttachDevice ||
         type == EventType::SwiotlbBounced;
}

uint32_t bit(Target target) { return 1u << static_cast<unsigned>(target); }

// Fields an event must carry to be useful to the importer.
uint32_t requiredFields(EventType type) {
  switch (type) {
    case EventType::DmaMapPage:
    case EventType::DmaUnmapPage:
    case EventType::DmaMapResource:
    case EventType::DmaUnmapResource:
    case EventType::DmaAlloc:
    case EventType::DmaFree:
    case EventType::DmaAllocPages:
    case EventType::DmaFreePages:
    case EventType::DmaSyncSingleForCpu:
    case EventType::DmaSyncSingleForDevice:
      return bit(Target::Device) | bit(Target::DmaAddr) | bit(Target::Size);
    case EventType::IommuMap:
      return bit(Target::DmaAddr) | bit(Target::PhysAddr) | bit(Target::Size);
    case EventType::IommuUnmap:
      return bit(Target::DmaAddr) | bit(Target::Size);
    case EventType::IommuAddDevice:
    case EventType::IommuRemoveDevice:
      return bit(Target::Device) | bit(Target::IommuGroup);
    case EventType::IommuIoPageFault:
      return bit(Target::Device) | bit(Target::DmaAddr);
    case EventType::SwiotlbBounced:
      return bit(Target::Device) | bit(Target::DmaAddr) | bit(Target::Size);
    default:
      return hasDevice(type) ? bit(Target::Device) : 0;
  }
}

// "{0x1,0x2}" (print format) or "ARRAY[00, c0, d8, ...]" (raw bytes, little
// endian, as trace-cmd prints a __data_loc array it could not format).
bool parseArray(std::string_view value, Target target, TraceEvent &event) {
  if (startsWith(value, "ARRAY[")) {
    if (value.back() != ']') return false;
    std::string_view bytes = value.substr(6, value.size() - 7);
    const size_t elemSize = target == Target::Lengths ? 4 : 8;
    size_t byteIndex = 0;
    uint64_t current = 0;
    while (!bytes.empty()) {
      size_t comma = bytes.find(',');
      std::string_view part = trim(bytes.substr(0, comma));
      bytes = comma == std::string_view::npos ? std::string_view() : bytes.substr(comma + 1);
      if (part.empty()) continue;
      uint64_t byte = 0;
      if (!fields::parseUnsigned(part, true, byte) || byte > 0xff) return false;
      current |= byte << (8 * (byteIndex % elemSize));
      ++byteIndex;
      if (byteIndex % elemSize == 0) {
        fields::setSgValue(event, target, byteIndex / elemSize - 1, current);
        current = 0;
      }
    }
    return byteIndex % elemSize == 0;
  }
  if (value.size() < 2 || value.front() != '{' || value.back() != '}') return false;
  std::string_view list = value.substr(1, value.size() - 2);
  size_t index = 0;
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view part = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    uint64_t number = 0;
    if (!fields::parseUnsigned(part, true, number)) return false;
    fields::setSgValue(event, target, index++, number);
  }
  return true;
}

// "nents=1/1": the second number is the full count (the first is capped at 128).
std::string_view fullCount(std::string_view value) {
  size_t slash = value.find('/');
  return slash == std::string_view::npos ? value : value.substr(slash + 1);
}

bool applyValue(Target target, std::string_view value, TraceEvent &event) {
  uint64_t number = 0;
  int64_t signedNumber = 0;
  switch (target) {
    case Target::Ignore:
      return true;
    case Target::Device:
      event.device.assign(value.data(), value.size());
      return !value.empty();
    case Target::Driver:
      event.driver.assign(value.data(), value.size());
      return true;
    case Target::DmaAddr:
    case Target::PhysAddr:
    case Target::Size:
    case Target::UnmappedSize:
    case Target::DmaMask:
      if (!fields::parseUnsigned(value, fields::printedAsHex(target), number)) return false;
      return fields::setNumericValue(event, target, number);
    case Target::Dir:
      event.dir = directionFromName(value);
      return event.dir != DmaDirection::Unknown;
    case Target::Attrs:
      fields::parseAttrs(value, event.attrs);  // unknown names keep the known bits
      return true;
    case Target::GfpFlags:
      fields::parseGfpFlags(value, event.gfpFlags);
      return true;
    case Target::FaultFlags:
      if (!fields::parseUnsigned(value, true, number)) return false;
      event.faultFlags = static_cast<int32_t>(number);
      return true;
    case Target::IommuGroup:
      if (!fields::parseSigned(value, signedNumber)) return false;
      event.iommuGroup = static_cast<int32_t>(signedNumber);
      return true;
    case Target::Force:
      event.swiotlbForce = value == "1" || value == "FORCE";
      return true;
    case Target::FullNents:
    case Target::FullEnts:
      if (!fields::parseSigned(fullCount(value), signedNumber)) return false;
      (target == Target::FullNents ? event.nents : event.mappedEnts) = static_cast<int32_t>(signedNumber);
      return true;
    case Target::Truncated:
      event.sgTruncated = value == "1";
      return true;
    case Target::Error:
      if (!fields::parseSigned(value, signedNumber)) return false;
      event.error = static_cast<int32_t>(signedNumber);
      return true;
    case Target::DmaAddrs:
    case Target::PhysAddrs:
    case Target::Lengths:
      return parseArray(value, target, event);
    case Target::Text:
      event.text.assign(value.data(), value.size());
      return true;
  }
  return true;
}

// Fills event from the printed body of a dma/iommu/swiotlb event, in both the
// print-format form and trace-cmd's raw "field=value" form.
bool parseFieldBody(std::string_view body, TraceEvent &event, std::string_view &why) {
  Tokenizer tokens(body);
  std::string_view token;
  uint32_t seen = 0;
  bool expectDevice = false;
  bool skipNext = false;
  const bool wantsDevice = hasDevice(event.type);
  while (tokens.next(token)) {
    if (skipNext) {
      skipNext = false;
      continue;
    }
    size_t eq = token.find('=');
    if (eq != std::string_view::npos && eq > 0) {
      std::string_view key = token.substr(0, eq);
      std::string_view value = token.substr(eq + 1);
      Target target = fields::targetForTextKey(event.type, key);
      if (target == Target::Ignore) continue;
      if (!applyValue(target, value, event)) {
        // An empty attrs/flags is fine; anything else unparsable is not.
        why = "bad value";
        return false;
      }
      seen |= bit(target);
      continue;
    }
    // Bare tokens of the print formats.
    if (token == "[TRUNCATED]") {
      event.sgTruncated = true;
    } else if (startsWith(token, "IOMMU:")) {
      if (event.type == EventType::IommuIoPageFault) {
        event.driver.assign(token.data() + 6, token.size() - 6);
        expectDevice = true;
      }
    } else if (token == "dev_name:") {
      expectDevice = true;
    } else if (token == "-") {
      skipNext = true;  // "iova=0x... - 0x<end>": the end is iova + size
    } else if (token == "FORCE" || token == "NORMAL") {
      event.swiotlbForce = token == "FORCE";
    } else if (wantsDevice && (expectDevice || (isDmaType(event.type) && event.device.empty()))) {
      event.device.assign(token.data(), token.size());
      seen |= bit(Target::Device);
      expectDevice = false;
    }
  }
  const uint32_t required = requiredFields(event.type);
  if ((seen & required) != required) {
    why = "missing field";
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// The line parser: one instance per read().
// ---------------------------------------------------------------------------

// trace-cmd report prints the event name as "%-21s " after "name:".
constexpr size_t kTraceCmdNameColumn = 22;

class TextParser {
 public:
  TextParser(std::string fileName, EventSink &sink, ReaderStats &stats)
      : fileName_(std::move(fileName)), sink_(sink), stats_(stats), queue_(sink) {
    fields::resetEvent(scratch_);
  }

  void line(std::string_view text, bool unterminated);
  void finish();

 private:
  enum class StackState { None, Attaching, OfSkipped, Orphan, User };

  void skip(const char *reason) { ++stats_.skipped[reason]; }
  // Concatenated traces repeat their headers: report each fact once.
  void meta(const std::string &key, const std::string &value) {
    if (metaSeen_.insert(key).second) sink_.onMeta(key, value);
  }
  void fail(const char *reason, std::string_view text);
  void headerLine(std::string_view text);
  bool lostLine(std::string_view text);
  void stackFrame(std::string_view text);
  void eventLine(std::string_view text, bool unterminated);
  void flushLost(int32_t cpu, uint64_t tsNs);
  void startStack(int32_t cpu);
  void endStack();
  void markSkipped(int32_t cpu) {
    skippedCpu_[cpu] = true;
    queue_.completeCpu(cpu);
  }
  bool lastWasSkipped(int32_t cpu) const {
    auto it = skippedCpu_.find(cpu);
    return it != skippedCpu_.end() && it->second;
  }

  std::string fileName_;
  EventSink &sink_;
  ReaderStats &stats_;
  uint64_t lineNo_ = 0;

  HoldbackQueue queue_;  // parsed events wait there for a following stack trace
  TraceEvent scratch_;
  StackState stack_ = StackState::None;
  TraceEvent *stackTarget_ = nullptr;  // valid while stack_ == Attaching
  int32_t stackCpu_ = -1;
  int32_t consoleCpu_ = -1;       // CPU of the console event on the line before, -1 otherwise
  int32_t continuationCpu_ = -1;  // consoleCpu_ as it was when this line started
  bool firstFrame_ = false;
  std::map<int32_t, bool> skippedCpu_;  // the CPU's newest record was not turned into an event

  std::map<int32_t, uint64_t> lostByCpu_;  // markers waiting for their CPU's next event
  uint64_t lastTs_ = 0;
  int fracDigits_ = -1;
  bool traceCmdPadding_ = false;  // seen "name:" padded to kTraceCmdNameColumn
  uint64_t failedToParseDecoded_ = 0;
  std::set<std::string> metaSeen_;
};

void TextParser::fail(const char *reason, std::string_view text) {
  ++stats_.errored[reason];
  if (stats_.samples.size() < kMaxErrorSamples) {
    std::string sample = fileName_ + ":" + std::to_string(lineNo_) + ": " + reason + ": ";
    sample.append(text.data(), text.size() < 160 ? text.size() : 160);
    stats_.samples.push_back(std::move(sample));
  }
}

// "<stack trace>" on `cpu`: frames go to that CPU's newest event if it has
// none yet.
void TextParser::startStack(int32_t cpu) {
  endStack();
  stackTarget_ = queue_.stackTarget(cpu);
  if (stackTarget_ != nullptr) {
    stack_ = StackState::Attaching;
    stackCpu_ = cpu;
    firstFrame_ = true;
    skip("stack_trace_attached");
  } else if (lastWasSkipped(cpu)) {
    stack_ = StackState::OfSkipped;
    skip("stack_trace_of_skipped_event");
  } else {
    stack_ = StackState::Orphan;
    skip("stack_trace_orphan");
  }
}

void TextParser::endStack() {
  if (stack_ == StackState::Attaching) queue_.completeCpu(stackCpu_);
  stack_ = StackState::None;
  stackTarget_ = nullptr;
}

void TextParser::flushLost(int32_t cpu, uint64_t tsNs) {
  auto it = lostByCpu_.find(cpu);
  if (it == lostByCpu_.end()) return;
  LostEvents lost;
  lost.cpu = cpu;
  lost.tsNs = tsNs;
  lost.count = it->second;
  lostByCpu_.erase(it);
  queue_.pushLost(lost);
}

void TextParser::headerLine(std::string_view text) {
  // "# entries-in-buffer/entries-written: 3966/3966   #P:2"
  constexpr std::string_view kEntries = "# entries-in-buffer/entries-written:";
  constexpr std::string_view kTracer = "# tracer:";
  if (startsWith(text, kEntries)) {
    std::string_view rest = trimLeft(text.substr(kEntries.size()));
    size_t slash = rest.find('/');
    size_t space = rest.find(' ');
    uint64_t inBuffer = 0, written = 0;
    if (slash != std::string_view::npos && parseDecimal(rest.substr(0, slash), inBuffer) &&
        parseDecimal(rest.substr(slash + 1, space == std::string_view::npos ? std::string_view::npos : space - slash - 1),
                     written)) {
      if (written > inBuffer) stats_.overwrittenEvents += written - inBuffer;
      meta("entries_in_buffer", std::to_string(inBuffer));
      meta("entries_written", std::to_string(written));
    }
    size_t p = rest.find("#P:");
    if (p != std::string_view::npos) meta("cpus", std::string(trim(rest.substr(p + 3))));
    skip("header");
    return;
  }
  if (startsWith(text, kTracer)) {
    meta("tracer", std::string(trim(text.substr(kTracer.size()))));
    skip("header");
    return;
  }
  skip("comment");
}

// "CPU:1 [LOST 123 EVENTS]" (trace_pipe), "CPU:1 [123 EVENTS DROPPED]" and
// "CPU:1 [EVENTS DROPPED]" (trace-cmd report).
bool TextParser::lostLine(std::string_view text) {
  size_t p = 4;
  size_t start = p;
  while (p < text.size() && isDigit(text[p])) ++p;
  int32_t cpu = -1;
  if (!parseSmallInt(text.substr(start, p - start), cpu)) return false;
  std::string_view rest = trim(text.substr(p));
  if (rest.size() < 2 || rest.front() != '[' || rest.back() != ']') return false;
  rest = rest.substr(1, rest.size() - 2);
  uint64_t count = 0;
  if (startsWith(rest, "LOST ")) {
    rest.remove_prefix(5);
    size_t space = rest.find(' ');
    if (space == std::string_view::npos || !parseDecimal(rest.substr(0, space), count)) return false;
  } else if (rest.size() > 15 && rest.substr(rest.size() - 14) == "EVENTS DROPPED") {
    std::string_view number = trim(rest.substr(0, rest.size() - 14));
    if (!number.empty() && !parseDecimal(number, count)) return false;
  } else if (rest != "EVENTS DROPPED") {
    return false;
  }
  lostByCpu_[cpu] += count;
  skip("lost_events_marker");
  return true;
}

void TextParser::stackFrame(std::string_view text) {
  // " => dma_map_page_attrs+0x1a/0x2b0" (tracefs) or "=> dma_map_page_attrs (ffffffff81234567)"
  std::string_view frame = trim(trimLeft(text).substr(2));
  if (!frame.empty() && frame.back() == ')') {
    size_t open = frame.rfind(" (");
    if (open != std::string_view::npos) frame = trimRight(frame.substr(0, open));
  }
  switch (stack_) {
    case StackState::Attaching:
      if (!(firstFrame_ && fields::isTracepointGlueFrame(frame))) {
        // An address without a symbol: tracefs prints "0xffffffffc060c025",
        // trace-cmd "ffffffffc060c025"; keep the tracefs form.
        if (frame.size() >= 8 && frame.find_first_not_of("0123456789abcdef") == std::string_view::npos) {
          stackTarget_->stack.emplace_back("0x");
          stackTarget_->stack.back().append(frame.data(), frame.size());
        } else {
          stackTarget_->stack.emplace_back(frame);
        }
      }
      firstFrame_ = false;
      skip("stack_trace_attached");
      return;
    case StackState::OfSkipped:
      skip("stack_trace_of_skipped_event");
      return;
    case StackState::User:
      skip("user_stack_trace");
      return;
    case StackState::None:
    case StackState::Orphan:
      skip("stack_trace_orphan");
      return;
  }
}

void TextParser::eventLine(std::string_view text, bool unterminated) {
  LineHead head;
  if (!parseLineHead(text, head)) {
    endStack();
    // A printk message may hold newlines (dma-debug's leak report does):
    // ftrace prints the rest on lines of their own right after the console
    // event; trace.dat keeps them in the message.
    if (!unterminated && continuationCpu_ >= 0) {
      TraceEvent *console = queue_.stackTarget(continuationCpu_);
      if (console && console->type == EventType::Console) {
        console->text += '\n';
        console->text.append(text.data(), text.size());
        consoleCpu_ = continuationCpu_;
        skip("console_continuation");
        return;
      }
    }
    fail(unterminated ? "truncated_line" : "unparsable_line", text);
    return;
  }
  if (fracDigits_ < 0 && head.fracDigits > 0) {
    fracDigits_ = head.fracDigits;
    meta("timestamp_unit", head.fracDigits <= 6 ? "us" : "ns");
  }
  if (head.tsNs > lastTs_) lastTs_ = head.tsNs;
  std::string_view rest = trimLeft(head.rest);
  // trace-cmd report --ts-diff: "(+1942)" after the timestamp.
  if (startsWith(rest, "(+")) {
    size_t close = rest.find(')');
    if (close != std::string_view::npos) rest = trimLeft(rest.substr(close + 1));
  }

  // "<stack trace>" / "<user stack trace>" take the place of the event name.
  if (!rest.empty() && rest.front() == '<') {
    if (startsWith(rest, "<user")) {
      // User-space frames (options/userstacktrace) are not kept.
      endStack();
      stack_ = StackState::User;
      skip("user_stack_trace");
      return;
    }
    startStack(head.cpu);
    return;
  }
  endStack();

  // "<name>: body"; perf writes "<sys>:<name>: body".
  size_t i = 0;
  size_t nameEnd = std::string_view::npos;
  for (; i < rest.size(); ++i) {
    char c = rest[i];
    if (c == ' ' || c == '\t') break;
    if (c == ':' && (i + 1 == rest.size() || rest[i + 1] == ' ' || rest[i + 1] == '\t')) {
      nameEnd = i;
      break;
    }
  }
  if (nameEnd == std::string_view::npos || nameEnd == 0) {
    // function tracer and other tracers' lines: "func <-parent"
    markSkipped(head.cpu);
    skip("non_event_line");
    return;
  }
  std::string_view name = rest.substr(0, nameEnd);
  // tracefs writes "name: body" with one space; trace-cmd report pads
  // "name:" to a 22-column field. Console and marker text keep their own
  // leading spaces, so strip only the separator.
  std::string_view body = rest.substr(nameEnd + 1);
  size_t spaces = 0;
  while (spaces < body.size() && body[spaces] == ' ') ++spaces;
  if (spaces >= 2 && nameEnd + 1 + spaces == kTraceCmdNameColumn) traceCmdPadding_ = true;
  size_t strip = spaces == 0 ? 0 : 1;
  if (traceCmdPadding_ && nameEnd + 1 < kTraceCmdNameColumn) {
    strip = std::min(spaces, kTraceCmdNameColumn - nameEnd - 1);
    if (strip == 0 && spaces > 0) strip = 1;
  }
  body = trimRight(body.substr(strip));

  if (name == "kernel_stack" || name == "user_stack") {  // trace-cmd report's stack events
    if (name == "kernel_stack") {
      startStack(head.cpu);
    } else {
      stack_ = StackState::User;
      skip("user_stack_trace");
    }
    return;
  }

  EventType type;
  if (!eventTypeFromTracepoint(std::string_view(), name, type)) {
    markSkipped(head.cpu);
    skip(reason::kUnknownEvent);
    return;
  }

  TraceEvent &event = scratch_;
  fields::resetEvent(event);
  event.type = type;
  event.tsNs = head.tsNs;
  event.cpu = head.cpu;
  event.pid = head.pid;
  event.comm.assign(head.comm.data(), head.comm.size());

  bool ok = true;
  const char *reasonKey = reason::kMalformedEvent;
  if (type == EventType::Console) {
    if (startsWith(trimLeft(body), "msg=")) body = trimLeft(body).substr(4);  // -R
    event.text.assign(body.data(), body.size());
  } else if (type == EventType::MarkerWrite) {
    if (startsWith(trimLeft(body), "ip=")) {  // -R: "ip=tracing_mark_write buf=LAB: ..."
      body = trimLeft(body);
      size_t buf = body.find(" buf=");
      body = buf == std::string_view::npos ? std::string_view() : body.substr(buf + 5);
    } else if (name == "print" || name == "ftrace:print") {
      // trace-cmd prints "%ps: %s" of ip and buf: drop the "tracing_mark_write: ".
      size_t colon = body.find(": ");
      if (colon != std::string_view::npos && body.substr(0, colon).find(' ') == std::string_view::npos) {
        body = body.substr(colon + 2);
      }
    }
    event.text.assign(body.data(), body.size());
  } else {
    std::string_view why;
    constexpr std::string_view kFailed = "[FAILED TO PARSE]";
    body = trimLeft(body);
    if (startsWith(body, kFailed)) {
      // libtraceevent could not run the print format (sg events in Debian's
      // 1.7.1) and printed the raw fields: they carry everything we need.
      body = trimLeft(body.substr(kFailed.size()));
      reasonKey = "failed_to_parse";
    }
    ok = parseFieldBody(body, event, why);
    if (ok && reasonKey[0] == 'f') ++failedToParseDecoded_;
  }
  if (!ok) {
    markSkipped(head.cpu);
    fail(unterminated ? "truncated_line" : reasonKey, text);
    return;
  }

  if (!lostByCpu_.empty()) flushLost(event.cpu, event.tsNs);
  skippedCpu_[event.cpu] = false;
  const int32_t consoleCpu = event.type == EventType::Console ? event.cpu : -1;  // pushEvent swaps event out
  queue_.pushEvent(scratch_);
  consoleCpu_ = consoleCpu;
  ++stats_.parsed;
}

void TextParser::line(std::string_view text, bool unterminated) {
  // Only the line right after a console event (or its continuation) may continue it.
  continuationCpu_ = consoleCpu_;
  consoleCpu_ = -1;
  ++lineNo_;
  ++stats_.inputUnits;
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  std::string_view body = trimLeft(text);
  if (body.empty()) {
    skip("blank_line");
    return;
  }
  if (body.front() == '#') {
    endStack();
    headerLine(body);
    return;
  }
  const bool isFrame = body.size() >= 2 && body[0] == '=' && body[1] == '>';
  if (!isFrame && stack_ != StackState::None) endStack();  // the stack ended
  if (isFrame) {
    if (unterminated && stack_ == StackState::Attaching) {
      fail("truncated_line", text);  // a cut frame: keep what we had
      return;
    }
    stackFrame(body);
    return;
  }
  if (startsWith(text, "CPU:") && lostLine(text)) return;
  if (startsWith(text, "cpus=") || startsWith(text, "version = ") ||
      (startsWith(text, "CPU ") && text.size() > 9 && text.substr(text.size() - 9) == " is empty")) {
    if (startsWith(text, "cpus=")) {
      traceCmdPadding_ = true;  // trace-cmd report's first line
      meta("cpus", std::string(trim(text.substr(5))));
    }
    skip("header");
    return;
  }
  eventLine(text, unterminated);
}

void TextParser::finish() {
  endStack();
  // Markers with no later event on their CPU: the gap ends at the trace's end.
  while (!lostByCpu_.empty()) flushLost(lostByCpu_.begin()->first, lastTs_);
  queue_.flushAll();
  if (failedToParseDecoded_ > 0) meta("failed_to_parse_lines_decoded", std::to_string(failedToParseDecoded_));
}

// Feeds every line of a buffer; returns the offset of an incomplete last line.
size_t feedLines(TextParser &parser, std::string_view data, bool final) {
  size_t pos = 0;
  while (pos < data.size()) {
    const void *nl = std::memchr(data.data() + pos, '\n', data.size() - pos);
    if (nl == nullptr) {
      if (!final) return pos;
      parser.line(data.substr(pos), true);
      return data.size();
    }
    size_t end = static_cast<const char *>(nl) - data.data();
    parser.line(data.substr(pos, end - pos), false);
    pos = end + 1;
  }
  return pos;
}

}  // namespace

FtraceTextReader::FtraceTextReader(std::string path) : path_(std::move(path)) {}

std::unique_ptr<FtraceTextReader> FtraceTextReader::fromMemory(std::string name, std::string data) {
  auto reader = std::make_unique<FtraceTextReader>(std::move(name));
  reader->inMemory_ = true;
  reader->data_ = std::move(data);
  return reader;
}

bool FtraceTextReader::read(EventSink &sink, ReaderStats &stats, std::string &error) {
  sink.onMeta("source_format", "ftrace-text");
  TextParser parser(path_, sink, stats);
  if (inMemory_) {
    reportProgress(0, data_.size());
    feedLines(parser, data_, true);
    parser.finish();
    reportProgress(data_.size(), data_.size());
    return true;
  }

  int fd = path_ == "-" ? STDIN_FILENO : ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = "cannot open " + path_ + ": " + std::strerror(errno);
    return false;
  }
  struct stat st {};
  uint64_t total = 0;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) total = static_cast<uint64_t>(st.st_size);
#ifdef POSIX_FADV_SEQUENTIAL
  if (total > 0) ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif

  // Big chunks; an incomplete last line moves to the front of the buffer.
  constexpr size_t kChunk = 8u << 20;
  std::vector<char> buffer(kChunk);
  size_t filled = 0;
  uint64_t done = 0;
  reportProgress(0, total);
  bool ok = true;
  for (;;) {
    if (filled == buffer.size()) buffer.resize(buffer.size() * 2);  // a line longer than the buffer
    ssize_t n = ::read(fd, buffer.data() + filled, buffer.size() - filled);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = "cannot read " + path_ + ": " + std::strerror(errno);
      ok = false;
      break;
    }
    if (n == 0) {
      feedLines(parser, std::string_view(buffer.data(), filled), true);
      break;
    }
    filled += static_cast<size_t>(n);
    done += static_cast<uint64_t>(n);
    size_t used = feedLines(parser, std::string_view(buffer.data(), filled), false);
    std::memmove(buffer.data(), buffer.data() + used, filled - used);
    filled -= used;
    reportProgress(done, total);
  }
  if (fd != STDIN_FILENO) ::close(fd);
  parser.finish();
  reportProgress(done, total > done ? total : done);
  return ok;
}

}  // namespace dmacheck::tracer
