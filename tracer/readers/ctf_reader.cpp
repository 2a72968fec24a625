#include "ctf_reader.h"

#include <babeltrace2/babeltrace.h>
#include <dirent.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "event_fields.h"

namespace dmacheck::tracer {

namespace {

using fields::Target;

// ---------------------------------------------------------------------------
// Field plans: looked up once per event class, then fields by index.
// ---------------------------------------------------------------------------

enum class Scope : uint8_t { Payload, SpecificContext, CommonContext };

struct FieldRef {
  Scope scope = Scope::Payload;
  uint64_t index = 0;
  bool valid = false;
};

struct MemberPlan {
  Target target;
  FieldRef ref;
};

struct ClassPlan {
  bool known = false;
  EventType type = EventType::Console;
  std::vector<MemberPlan> members;
  FieldRef pid;   // perf_tid, common_pid, tid, vtid, pid
  FieldRef cpu;   // perf_cpu, cpu_id
  FieldRef comm;  // procname, comm
};

// Per stream class: does it have a default clock, and where is cpu_id in the
// packet context.
struct StreamPlan {
  bool hasClock = false;
  bool packetCpuKnown = false;
  uint64_t packetCpuIndex = 0;
};

int rank(std::string_view name, std::initializer_list<std::string_view> preferred) {
  int r = 0;
  for (std::string_view p : preferred) {
    if (name == p) return r;
    ++r;
  }
  return -1;
}

void considerSpecial(std::string_view name, Scope scope, uint64_t index, ClassPlan &plan, int ranks[3]) {
  auto take = [&](FieldRef &ref, int &best, int r) {
    if (r < 0 || (best >= 0 && r >= best)) return;
    best = r;
    ref.scope = scope;
    ref.index = index;
    ref.valid = true;
  };
  take(plan.pid, ranks[0], rank(name, {"perf_tid", "common_pid", "tid", "vtid", "pid", "perf_pid"}));
  take(plan.cpu, ranks[1], rank(name, {"perf_cpu", "cpu_id", "cpu"}));
  take(plan.comm, ranks[2], rank(name, {"procname", "comm"}));
}

const bt_field *borrowScope(const bt_event *event, Scope scope) {
  switch (scope) {
    case Scope::Payload: return bt_event_borrow_payload_field_const(event);
    case Scope::SpecificContext: return bt_event_borrow_specific_context_field_const(event);
    case Scope::CommonContext: return bt_event_borrow_common_context_field_const(event);
  }
  return nullptr;
}

const bt_field *borrowRef(const bt_event *event, const FieldRef &ref) {
  if (!ref.valid) return nullptr;
  const bt_field *scope = borrowScope(event, ref.scope);
  if (scope == nullptr) return nullptr;
  return bt_field_structure_borrow_member_field_by_index_const(scope, ref.index);
}

bool readUnsigned(const bt_field *field, uint64_t &out) {
  if (field == nullptr) return false;
  const bt_field_class_type type = bt_field_get_class_type(field);
  if (bt_field_class_type_is(type, BT_FIELD_CLASS_TYPE_UNSIGNED_INTEGER)) {
    out = bt_field_integer_unsigned_get_value(field);
    return true;
  }
  if (bt_field_class_type_is(type, BT_FIELD_CLASS_TYPE_SIGNED_INTEGER)) {
    out = static_cast<uint64_t>(bt_field_integer_signed_get_value(field));
    return true;
  }
  if (type == BT_FIELD_CLASS_TYPE_BOOL) {
    out = bt_field_bool_get_value(field) ? 1 : 0;
    return true;
  }
  if (type == BT_FIELD_CLASS_TYPE_STRING) {
    // Some converters write numbers as text; accept "0x.." and decimal.
    const char *text = bt_field_string_get_value(field);
    return text != nullptr && fields::parseUnsigned(text, false, out);
  }
  return false;
}

bool readString(const bt_field *field, std::string &out) {
  if (field == nullptr) return false;
  const bt_field_class_type type = bt_field_get_class_type(field);
  if (type == BT_FIELD_CLASS_TYPE_STRING) {
    const char *text = bt_field_string_get_value(field);
    out.assign(text ? text : "");
    return true;
  }
  if (bt_field_class_type_is(type, BT_FIELD_CLASS_TYPE_ARRAY)) {
    // char[] as an array of 8-bit integers (some producers)
    out.clear();
    const uint64_t n = bt_field_array_get_length(field);
    for (uint64_t i = 0; i < n; ++i) {
      uint64_t c = 0;
      if (!readUnsigned(bt_field_array_borrow_element_field_by_index_const(field, i), c) || c == 0) break;
      out.push_back(static_cast<char>(c));
    }
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// The sink side: turns messages into TraceEvents.
// ---------------------------------------------------------------------------

// Progress from the events' times: babeltrace2 does not say how far into the
// stream files it is, but its trace-infos query gives every stream's time
// range up front (from the packet index), and the muxer delivers events in
// time order, so the share of the trace's time range passed estimates the
// share of the bytes read. Exact for a steady event rate; never decreasing.
class CtfProgress {
 public:
  CtfProgress(uint64_t totalBytes, int64_t beginNs, int64_t endNs, uint64_t interval,
              std::function<void(uint64_t)> report)
      : totalBytes_(totalBytes), beginNs_(beginNs), endNs_(endNs), interval_(interval == 0 ? 1 : interval),
        until_(interval_), report_(std::move(report)) {}

  // Every event message; looks at the time only every interval events.
  void onEvent(const bt_message *msg) {
    if (--until_ != 0) return;
    until_ = interval_;
    if (endNs_ <= beginNs_ || totalBytes_ == 0) return;
    const bt_event *event = bt_message_event_borrow_event_const(msg);
    const bt_stream_class *streamClass = bt_stream_borrow_class_const(bt_event_borrow_stream_const(event));
    if (bt_stream_class_borrow_default_clock_class_const(streamClass) == nullptr) return;
    int64_t ns = 0;
    if (bt_clock_snapshot_get_ns_from_origin(bt_message_event_borrow_default_clock_snapshot_const(msg), &ns) !=
        BT_CLOCK_SNAPSHOT_GET_NS_FROM_ORIGIN_STATUS_OK) {
      return;
    }
    if (ns < beginNs_) ns = beginNs_;
    const double share = static_cast<double>(ns - beginNs_) / static_cast<double>(endNs_ - beginNs_);
    uint64_t done = static_cast<uint64_t>(share * static_cast<double>(totalBytes_));
    if (done >= totalBytes_) done = totalBytes_ - 1;  // the end is reported once reading is over
    if (done < reported_) done = reported_;
    reported_ = done;
    report_(done);
  }

 private:
  uint64_t totalBytes_;
  int64_t beginNs_;
  int64_t endNs_;
  uint64_t interval_;
  uint64_t until_;
  std::function<void(uint64_t)> report_;
  uint64_t reported_ = 0;
};

struct Context {
  EventSink *sink = nullptr;
  ReaderStats *stats = nullptr;
  std::string path;
  bt_message_iterator *iterator = nullptr;
  std::unordered_map<const bt_event_class *, ClassPlan> classes;
  std::unordered_map<const bt_stream_class *, StreamPlan> streams;
  TraceEvent event;
  uint64_t eventNo = 0;
  bool metaDone = false;
  CtfProgress *progress = nullptr;
};

ClassPlan buildPlan(const bt_event_class *eventClass) {
  ClassPlan plan;
  const char *name = bt_event_class_get_name(eventClass);
  std::string_view eventName = name ? name : "";
  plan.known = eventTypeFromTracepoint(std::string_view(), eventName, plan.type);
  int ranks[3] = {-1, -1, -1};
  struct ScopeClass {
    Scope scope;
    const bt_field_class *cls;
  };
  const bt_stream_class *streamClass = bt_event_class_borrow_stream_class_const(eventClass);
  const ScopeClass scopes[] = {
      {Scope::Payload, bt_event_class_borrow_payload_field_class_const(eventClass)},
      {Scope::SpecificContext, bt_event_class_borrow_specific_context_field_class_const(eventClass)},
      {Scope::CommonContext, bt_stream_class_borrow_event_common_context_field_class_const(streamClass)},
  };
  for (const ScopeClass &sc : scopes) {
    if (sc.cls == nullptr || bt_field_class_get_type(sc.cls) != BT_FIELD_CLASS_TYPE_STRUCTURE) continue;
    const uint64_t count = bt_field_class_structure_get_member_count(sc.cls);
    for (uint64_t i = 0; i < count; ++i) {
      const bt_field_class_structure_member *member = bt_field_class_structure_borrow_member_by_index_const(sc.cls, i);
      const char *memberName = bt_field_class_structure_member_get_name(member);
      if (memberName == nullptr) continue;
      considerSpecial(memberName, sc.scope, i, plan, ranks);
      if (!plan.known || sc.scope != Scope::Payload) continue;
      Target target = fields::targetForField(plan.type, memberName);
      if (target == Target::Ignore) continue;
      MemberPlan mp;
      mp.target = target;
      mp.ref.scope = sc.scope;
      mp.ref.index = i;
      mp.ref.valid = true;
      plan.members.push_back(mp);
    }
  }
  return plan;
}

StreamPlan buildStreamPlan(const bt_stream_class *streamClass) {
  StreamPlan plan;
  plan.hasClock = bt_stream_class_borrow_default_clock_class_const(streamClass) != nullptr;
  const bt_field_class *packetContext = bt_stream_class_borrow_packet_context_field_class_const(streamClass);
  if (packetContext != nullptr && bt_field_class_get_type(packetContext) == BT_FIELD_CLASS_TYPE_STRUCTURE) {
    const uint64_t count = bt_field_class_structure_get_member_count(packetContext);
    for (uint64_t i = 0; i < count; ++i) {
      const char *name = bt_field_class_structure_member_get_name(
          bt_field_class_structure_borrow_member_by_index_const(packetContext, i));
      if (name != nullptr && std::strcmp(name, "cpu_id") == 0) {
        plan.packetCpuKnown = true;
        plan.packetCpuIndex = i;
      }
    }
  }
  return plan;
}

void fail(Context &ctx, const char *reason, const std::string &what) {
  ++ctx.stats->errored[reason];
  if (ctx.stats->samples.size() < kMaxErrorSamples) {
    ctx.stats->samples.push_back(ctx.path + ":event " + std::to_string(ctx.eventNo) + ": " + reason + ": " + what);
  }
}

bool applyMember(const MemberPlan &mp, const bt_field *field, TraceEvent &event) {
  uint64_t v = 0;
  switch (mp.target) {
    case Target::Device: return readString(field, event.device);
    case Target::Driver: return readString(field, event.driver);
    case Target::Text:
      if (!readString(field, event.text)) return false;
      while (!event.text.empty() && (event.text.back() == '\n' || event.text.back() == ' ')) event.text.pop_back();
      return true;
    case Target::DmaAddrs:
    case Target::PhysAddrs:
    case Target::Lengths: {
      if (!bt_field_class_type_is(bt_field_get_class_type(field), BT_FIELD_CLASS_TYPE_ARRAY)) return false;
      const uint64_t n = bt_field_array_get_length(field);
      for (uint64_t i = 0; i < n; ++i) {
        if (!readUnsigned(bt_field_array_borrow_element_field_by_index_const(field, i), v)) return false;
        fields::setSgValue(event, mp.target, static_cast<size_t>(i), v);
      }
      return true;
    }
    case Target::Dir:
      if (bt_field_get_class_type(field) == BT_FIELD_CLASS_TYPE_STRING) {
        event.dir = directionFromName(bt_field_string_get_value(field));
        return true;
      }
      if (!readUnsigned(field, v)) return false;
      event.dir = v <= 3 ? static_cast<DmaDirection>(v) : DmaDirection::Unknown;
      return true;
    default:
      break;
  }
  if (!readUnsigned(field, v)) return false;
  fields::setNumericValue(event, mp.target, v);
  return true;
}

void onEventMessage(Context &ctx, const bt_message *msg) {
  ++ctx.eventNo;
  ++ctx.stats->inputUnits;
  const bt_event *event = bt_message_event_borrow_event_const(msg);
  const bt_event_class *eventClass = bt_event_borrow_class_const(event);
  auto it = ctx.classes.find(eventClass);
  if (it == ctx.classes.end()) it = ctx.classes.emplace(eventClass, buildPlan(eventClass)).first;
  const ClassPlan &plan = it->second;
  if (!plan.known) {
    ++ctx.stats->skipped[reason::kUnknownEvent];
    return;
  }
  const bt_stream *stream = bt_event_borrow_stream_const(event);
  const bt_stream_class *streamClass = bt_stream_borrow_class_const(stream);
  auto sit = ctx.streams.find(streamClass);
  if (sit == ctx.streams.end()) sit = ctx.streams.emplace(streamClass, buildStreamPlan(streamClass)).first;
  const StreamPlan &streamPlan = sit->second;

  TraceEvent &out = ctx.event;
  fields::resetEvent(out);
  out.type = plan.type;
  if (streamPlan.hasClock) {
    int64_t ns = 0;
    const bt_clock_snapshot *snapshot = bt_message_event_borrow_default_clock_snapshot_const(msg);
    if (bt_clock_snapshot_get_ns_from_origin(snapshot, &ns) == BT_CLOCK_SNAPSHOT_GET_NS_FROM_ORIGIN_STATUS_OK &&
        ns >= 0) {
      out.tsNs = static_cast<uint64_t>(ns);
    }
  }
  uint64_t v = 0;
  if (readUnsigned(borrowRef(event, plan.pid), v)) out.pid = static_cast<int32_t>(v);
  if (readUnsigned(borrowRef(event, plan.cpu), v)) {
    out.cpu = static_cast<int32_t>(v);
  } else if (streamPlan.packetCpuKnown) {
    const bt_packet *packet = bt_event_borrow_packet_const(event);
    const bt_field *context = packet ? bt_packet_borrow_context_field_const(packet) : nullptr;
    if (context != nullptr &&
        readUnsigned(bt_field_structure_borrow_member_field_by_index_const(context, streamPlan.packetCpuIndex), v)) {
      out.cpu = static_cast<int32_t>(v);
    }
  }
  if (plan.comm.valid) readString(borrowRef(event, plan.comm), out.comm);

  const bt_field *payload = bt_event_borrow_payload_field_const(event);
  for (const MemberPlan &mp : plan.members) {
    const bt_field *field = payload ? bt_field_structure_borrow_member_field_by_index_const(payload, mp.ref.index) : nullptr;
    if (field == nullptr || !applyMember(mp, field, out)) {
      const char *name = bt_event_class_get_name(eventClass);
      fail(ctx, reason::kMalformedEvent, std::string(name ? name : "?") + ": a field has an unexpected type");
      return;
    }
  }
  ++ctx.stats->parsed;
  ctx.sink->onEvent(out);
}

void onDiscardedEvents(Context &ctx, const bt_message *msg) {
  LostEvents lost;
  uint64_t count = 0;
  if (bt_message_discarded_events_get_count(msg, &count) == BT_PROPERTY_AVAILABILITY_AVAILABLE) lost.count = count;
  const bt_stream *stream = bt_message_discarded_events_borrow_stream_const(msg);
  const bt_stream_class *streamClass = bt_stream_borrow_class_const(stream);
  if (bt_stream_class_discarded_events_have_default_clock_snapshots(streamClass)) {
    int64_t ns = 0;
    const bt_clock_snapshot *end = bt_message_discarded_events_borrow_end_default_clock_snapshot_const(msg);
    if (bt_clock_snapshot_get_ns_from_origin(end, &ns) == BT_CLOCK_SNAPSHOT_GET_NS_FROM_ORIGIN_STATUS_OK && ns >= 0) {
      lost.tsNs = static_cast<uint64_t>(ns);
    }
  }
  ctx.sink->onLostEvents(lost);
}

// Facts from the trace's environment (perf: release, tracer_name; LTTng:
// kernel_release, tracer_name) and the clock's name, once.
void onStreamBeginning(Context &ctx, const bt_message *msg) {
  if (ctx.metaDone) return;
  ctx.metaDone = true;
  const bt_stream *stream = bt_message_stream_beginning_borrow_stream_const(msg);
  const bt_trace *trace = bt_stream_borrow_trace_const(stream);
  auto env = [&](const char *name) -> std::string {
    const bt_value *value = bt_trace_borrow_environment_entry_value_by_name_const(trace, name);
    if (value == nullptr || !bt_value_is_string(value)) return {};
    return bt_value_string_get(value);
  };
  std::string release = env("kernel_release");
  if (release.empty()) release = env("release");
  if (!release.empty()) ctx.sink->onMeta("kernel_release", release);
  std::string tracer = env("tracer_name");
  if (!tracer.empty()) ctx.sink->onMeta("tracer", tracer);
  const bt_clock_class *clock = bt_stream_class_borrow_default_clock_class_const(bt_stream_borrow_class_const(stream));
  if (clock != nullptr && bt_clock_class_get_name(clock) != nullptr) ctx.sink->onMeta("clock", bt_clock_class_get_name(clock));
}

bt_graph_simple_sink_component_initialize_func_status sinkInit(bt_message_iterator *iterator, void *data) {
  static_cast<Context *>(data)->iterator = iterator;
  return BT_GRAPH_SIMPLE_SINK_COMPONENT_INITIALIZE_FUNC_STATUS_OK;
}

bt_graph_simple_sink_component_consume_func_status sinkConsume(bt_message_iterator *iterator, void *data) {
  Context &ctx = *static_cast<Context *>(data);
  bt_message_array_const messages;
  uint64_t count = 0;
  switch (bt_message_iterator_next(iterator, &messages, &count)) {
    case BT_MESSAGE_ITERATOR_NEXT_STATUS_OK:
      break;
    case BT_MESSAGE_ITERATOR_NEXT_STATUS_END:
      return BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_END;
    case BT_MESSAGE_ITERATOR_NEXT_STATUS_AGAIN:
      return BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_AGAIN;
    case BT_MESSAGE_ITERATOR_NEXT_STATUS_MEMORY_ERROR:
      return BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_MEMORY_ERROR;
    default:
      return BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_ERROR;
  }
  for (uint64_t i = 0; i < count; ++i) {
    const bt_message *msg = messages[i];
    switch (bt_message_get_type(msg)) {
      case BT_MESSAGE_TYPE_EVENT:
        onEventMessage(ctx, msg);
        if (ctx.progress != nullptr) ctx.progress->onEvent(msg);
        break;
      case BT_MESSAGE_TYPE_DISCARDED_EVENTS:
        onDiscardedEvents(ctx, msg);
        break;
      case BT_MESSAGE_TYPE_STREAM_BEGINNING:
        onStreamBeginning(ctx, msg);
        break;
      default:
        break;  // stream/packet boundaries, inactivity
    }
    bt_message_put_ref(msg);
  }
  return BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_OK;
}

void sinkFinalize(void *) {}

// ---------------------------------------------------------------------------
// Setup helpers.
// ---------------------------------------------------------------------------

// Directories holding a CTF `metadata` file, at most three levels down
// (LTTng: trace/kernel, trace/ust/uid/1000/64-bit).
void findTraceDirs(const std::string &dir, int depth, std::vector<std::string> &out, uint64_t &bytes) {
  struct stat st {};
  if (::stat((dir + "/metadata").c_str(), &st) == 0 && S_ISREG(st.st_mode)) out.push_back(dir);
  DIR *d = ::opendir(dir.c_str());
  if (d == nullptr) return;
  while (dirent *entry = ::readdir(d)) {
    std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    std::string sub = dir + "/" + name;
    if (::stat(sub.c_str(), &st) != 0) continue;
    if (S_ISREG(st.st_mode)) bytes += static_cast<uint64_t>(st.st_size);
    if (S_ISDIR(st.st_mode) && depth > 0) findTraceDirs(sub, depth - 1, out, bytes);
  }
  ::closedir(d);
}

// Moves babeltrace2's thread error into a one-line message.
std::string takeError(const std::string &prefix) {
  std::string message = prefix;
  const bt_error *error = bt_current_thread_take_error();
  if (error == nullptr) return message;
  const uint64_t n = bt_error_get_cause_count(error);
  // The innermost cause is last; it says what was wrong with the input.
  for (uint64_t i = n; i > 0 && i + 3 > n; --i) {
    const char *cause = bt_error_cause_get_message(bt_error_borrow_cause_by_index(error, i - 1));
    if (cause != nullptr) {
      message += ": ";
      message += cause;
    }
  }
  bt_error_release(error);
  for (char &c : message) {
    if (c == '\n') c = ' ';
  }
  return message;
}

// The time range of all streams of the traces (babeltrace.trace-infos query
// of src.ctf.fs with the graph's own parameters); false when unknown.
bool traceTimeRange(const bt_component_class_source *srcClass, const bt_value *params, int64_t &begin,
                    int64_t &end) {
  bt_query_executor *query = bt_query_executor_create(bt_component_class_source_as_component_class_const(srcClass),
                                                      "babeltrace.trace-infos", params);
  if (query == nullptr) {
    bt_current_thread_clear_error();
    return false;
  }
  const bt_value *result = nullptr;
  const bt_query_executor_query_status status = bt_query_executor_query(query, &result);
  bt_query_executor_put_ref(query);
  if (status != BT_QUERY_EXECUTOR_QUERY_STATUS_OK || result == nullptr) {
    bt_current_thread_clear_error();
    return false;
  }
  bool found = false;
  auto entry = [](const bt_value *map, const char *key) -> const bt_value * {
    return map != nullptr && bt_value_is_map(map) ? bt_value_map_borrow_entry_value_const(map, key) : nullptr;
  };
  auto integer = [](const bt_value *v, int64_t &out) {
    if (v == nullptr) return false;
    if (bt_value_is_signed_integer(v)) {
      out = bt_value_integer_signed_get(v);
      return true;
    }
    if (bt_value_is_unsigned_integer(v)) {
      out = static_cast<int64_t>(bt_value_integer_unsigned_get(v));
      return true;
    }
    return false;
  };
  if (bt_value_is_array(result)) {
    for (uint64_t t = 0; t < bt_value_array_get_length(result); ++t) {
      const bt_value *streams = entry(bt_value_array_borrow_element_by_index_const(result, t), "stream-infos");
      if (streams == nullptr || !bt_value_is_array(streams)) continue;
      for (uint64_t i = 0; i < bt_value_array_get_length(streams); ++i) {
        const bt_value *range = entry(bt_value_array_borrow_element_by_index_const(streams, i), "range-ns");
        int64_t b = 0;
        int64_t e = 0;
        if (!integer(entry(range, "begin"), b) || !integer(entry(range, "end"), e)) continue;
        if (!found || b < begin) begin = b;
        if (!found || e > end) end = e;
        found = true;
      }
    }
  }
  bt_value_put_ref(result);
  return found && end > begin;
}

// RAII for the few babeltrace2 objects we own.
struct GraphGuard {
  bt_graph *graph = nullptr;
  const bt_plugin *ctfPlugin = nullptr;
  const bt_plugin *utilsPlugin = nullptr;
  bt_value *params = nullptr;
  ~GraphGuard() {
    bt_value_put_ref(params);
    bt_graph_put_ref(graph);
    bt_plugin_put_ref(ctfPlugin);
    bt_plugin_put_ref(utilsPlugin);
  }
};

}  // namespace

CtfReader::CtfReader(std::string path) : path_(std::move(path)) {}

bool CtfReader::read(EventSink &sink, ReaderStats &stats, std::string &error) {
  std::string root = path_;
  struct stat st {};
  if (::stat(root.c_str(), &st) != 0) {
    error = "cannot open " + root + ": " + std::strerror(errno);
    return false;
  }
  if (S_ISREG(st.st_mode)) {  // the metadata file itself
    size_t slash = root.rfind('/');
    root = slash == std::string::npos ? "." : root.substr(0, slash);
  }
  std::vector<std::string> traceDirs;
  uint64_t totalBytes = 0;
  findTraceDirs(root, 3, traceDirs, totalBytes);
  if (traceDirs.empty()) {
    error = root + ": no CTF metadata file found";
    return false;
  }
  reportProgress(0, totalBytes);

  GraphGuard g;
  if (bt_plugin_find("ctf", BT_TRUE, BT_TRUE, BT_TRUE, BT_TRUE, BT_FALSE, &g.ctfPlugin) != BT_PLUGIN_FIND_STATUS_OK ||
      bt_plugin_find("utils", BT_TRUE, BT_TRUE, BT_TRUE, BT_TRUE, BT_FALSE, &g.utilsPlugin) != BT_PLUGIN_FIND_STATUS_OK) {
    error = takeError("babeltrace2 plugins 'ctf' and 'utils' not found");
    return false;
  }
  const bt_component_class_source *srcClass = bt_plugin_borrow_source_component_class_by_name_const(g.ctfPlugin, "fs");
  const bt_component_class_filter *muxClass =
      bt_plugin_borrow_filter_component_class_by_name_const(g.utilsPlugin, "muxer");
  if (srcClass == nullptr || muxClass == nullptr) {
    error = "babeltrace2 has no src.ctf.fs or filter.utils.muxer";
    return false;
  }
  g.graph = bt_graph_create(0);
  g.params = bt_value_map_create();
  bt_value *inputs = nullptr;
  if (g.graph == nullptr || g.params == nullptr ||
      bt_value_map_insert_empty_array_entry(g.params, "inputs", &inputs) != BT_VALUE_MAP_INSERT_ENTRY_STATUS_OK) {
    error = "babeltrace2: out of memory";
    return false;
  }
  for (const std::string &dir : traceDirs) bt_value_array_append_string_element(inputs, dir.c_str());

  const bt_component_source *src = nullptr;
  const bt_component_filter *mux = nullptr;
  const bt_component_sink *out = nullptr;
  Context ctx;
  std::unique_ptr<CtfProgress> progress;
  int64_t beginNs = 0;
  int64_t endNs = 0;
  if (traceTimeRange(srcClass, g.params, beginNs, endNs)) {
    progress = std::make_unique<CtfProgress>(totalBytes, beginNs, endNs, progressInterval(),
                                             [this, totalBytes](uint64_t done) { reportProgress(done, totalBytes); });
    ctx.progress = progress.get();
  }
  ctx.sink = &sink;
  ctx.stats = &stats;
  ctx.path = path_;
  fields::resetEvent(ctx.event);
  if (bt_graph_add_source_component(g.graph, srcClass, "source", g.params, BT_LOGGING_LEVEL_NONE, &src) !=
      BT_GRAPH_ADD_COMPONENT_STATUS_OK) {
    error = takeError(path_ + ": babeltrace2 cannot open this CTF trace");
    return false;
  }
  if (bt_graph_add_filter_component(g.graph, muxClass, "muxer", nullptr, BT_LOGGING_LEVEL_NONE, &mux) !=
          BT_GRAPH_ADD_COMPONENT_STATUS_OK ||
      bt_graph_add_simple_sink_component(g.graph, "dmacheck", sinkInit, sinkConsume, sinkFinalize, &ctx, &out) !=
          BT_GRAPH_ADD_COMPONENT_STATUS_OK) {
    error = takeError("babeltrace2: cannot build the graph");
    return false;
  }
  // One muxer input per source output port (one per stream); the muxer adds
  // a fresh input port after each connection.
  const uint64_t outputs = bt_component_source_get_output_port_count(src);
  for (uint64_t i = 0; i < outputs; ++i) {
    const bt_port_output *upstream = bt_component_source_borrow_output_port_by_index_const(src, i);
    const uint64_t inputsNow = bt_component_filter_get_input_port_count(mux);
    const bt_port_input *downstream = bt_component_filter_borrow_input_port_by_index_const(mux, inputsNow - 1);
    if (bt_graph_connect_ports(g.graph, upstream, downstream, nullptr) != BT_GRAPH_CONNECT_PORTS_STATUS_OK) {
      error = takeError("babeltrace2: cannot connect the muxer");
      return false;
    }
  }
  if (bt_graph_connect_ports(g.graph, bt_component_filter_borrow_output_port_by_name_const(mux, "out"),
                             bt_component_sink_borrow_input_port_by_name_const(out, "in"),
                             nullptr) != BT_GRAPH_CONNECT_PORTS_STATUS_OK) {
    error = takeError("babeltrace2: cannot connect our sink");
    return false;
  }
  sink.onMeta("source_format", "ctf");
  sink.onMeta("timestamp_unit", "ns");
  for (;;) {
    bt_graph_run_once_status status = bt_graph_run_once(g.graph);
    if (status == BT_GRAPH_RUN_ONCE_STATUS_END) break;
    if (status == BT_GRAPH_RUN_ONCE_STATUS_AGAIN) continue;
    if (status != BT_GRAPH_RUN_ONCE_STATUS_OK) {
      error = takeError(path_ + ": babeltrace2 stopped reading (corrupted CTF stream?)");
      reportProgress(totalBytes, totalBytes);
      return false;
    }
  }
  reportProgress(totalBytes, totalBytes);
  return true;
}

}  // namespace dmacheck::tracer
