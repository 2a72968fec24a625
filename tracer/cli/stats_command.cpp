// `dmatrace stats RUN.db`: what is in a run database, and everything that
// was skipped or lost on the way in.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>

#include "commands.h"
#include "database.h"
#include "run_reader.h"

namespace dmacheck::tracer::cli {
namespace {

using nlohmann::json;

std::string seconds(uint64_t ns) { return fmt::format("{}.{:06}", ns / 1000000000, (ns / 1000) % 1000000); }

std::string hex(std::optional<uint64_t> v) { return v ? fmt::format("0x{:x}", *v) : "-"; }

// Rows of a two-column (name, count) query.
std::vector<std::pair<std::string, uint64_t>> counts(store::Database &db, const char *sql) {
  std::vector<std::pair<std::string, uint64_t>> out;
  store::Statement s = db.prepare(sql);
  while (s.step()) out.emplace_back(s.columnText(0), s.columnU64(1));
  return out;
}

uint64_t scalar(store::Database &db, const char *sql) {
  store::Statement s = db.prepare(sql);
  return s.step() ? s.columnU64(0) : 0;
}

json buildStats(store::RunReader &reader) {
  store::Database &db = reader.database();
  const store::RunInfo &info = reader.info();
  json j;
  j["run"] = {{"schema_version", info.schemaVersion},
              {"kernel_release", info.kernelRelease},
              {"clock", info.clock},
              {"start_ns", info.startNs},
              {"end_ns", info.endNs}};
  j["sources"] = json::array();
  for (const auto &s : reader.sources())
    j["sources"].push_back({{"path", s.path}, {"format", s.format}, {"events", s.events}, {"input_units", s.inputUnits}});
  j["events_by_type"] = json::object();
  uint64_t events = 0;
  // Counted where each event is stored (schema.cpp, events): the events
  // table, the mappings rows that hold a map/unmap or an iommu op, iommu_ops
  // (pieces). Not through the all_events view: it expands every piece list.
  for (const auto &[name, n] :
       counts(db, "SELECT t.name, sum(n) FROM (SELECT type, count(*) AS n FROM events GROUP BY type "
                  "UNION ALL SELECT map_type, count(*) FROM mappings WHERE holds & 1 GROUP BY map_type "
                  "UNION ALL SELECT unmap_type, count(*) FROM mappings WHERE holds & 2 GROUP BY unmap_type "
                  "UNION ALL SELECT CASE op WHEN 0 THEN (SELECT id FROM event_types WHERE name = 'iommu_map') "
                  "ELSE (SELECT id FROM event_types WHERE name = 'iommu_unmap') END, sum(pieces) FROM iommu_ops GROUP BY op "
                  "UNION ALL SELECT (SELECT id FROM event_types WHERE name = 'iommu_map'), count(*) FROM mappings "
                  "WHERE holds & 4 UNION ALL SELECT (SELECT id FROM event_types WHERE name = 'iommu_unmap'), count(*) "
                  "FROM mappings WHERE holds & 8) "
                  "c JOIN event_types t ON t.id = c.type GROUP BY c.type HAVING sum(n) > 0 ORDER BY c.type")) {
    j["events_by_type"][name] = n;
    events += n;
  }
  j["events"] = events;
  j["mappings_by_kind"] = json::object();
  for (const auto &[name, n] : counts(db, "SELECT k.name, count(*) FROM mappings m JOIN mapping_kinds k ON k.id = "
                                          "m.kind GROUP BY m.kind ORDER BY m.kind"))
    j["mappings_by_kind"][name] = n;
  j["devices"] = json::array();
  uint64_t mappings = 0, bytes = 0, live = 0;
  for (const auto &d : reader.devices()) {
    mappings += d.mappings;
    bytes += d.bytesMapped;
    live += d.liveAtEnd;
    json dev = {{"name", d.name},
                {"driver", d.driver},
                {"mappings", d.mappings},
                {"bytes_mapped", d.bytesMapped},
                {"peak_live", d.peakLive},
                {"live_at_end", d.liveAtEnd},
                {"failed_maps", d.failedMaps}};
    dev["iommu_group"] = d.iommuGroup ? json(*d.iommuGroup) : json();
    dev["peak_live_ns"] = d.peakLiveTs ? json(*d.peakLiveTs) : json();
    dev["dma_range"] = d.minDmaAddr ? json::array({hex(d.minDmaAddr), hex(d.maxDmaEnd)}) : json();
    j["devices"].push_back(dev);
  }
  j["mappings"] = mappings;
  j["bytes_mapped"] = bytes;
  j["live_at_end"] = live;
  j["close_inconclusive"] = scalar(db, "SELECT count(*) FROM mappings WHERE flags & 1");
  // Events, not rows: a row may hold several merged iommu:map events
  // (pieces), and a mappings row may hold the ops linked to it (holds 4/8).
  const uint64_t heldOps =
      scalar(db, "SELECT coalesce(sum((holds & 4 != 0) + (holds & 8 != 0)), 0) FROM mappings WHERE holds & 12");
  j["iommu_ops"] = {
      {"total", scalar(db, "SELECT coalesce(sum(pieces), 0) FROM iommu_ops") + heldOps},
      {"linked", scalar(db, "SELECT coalesce(sum(pieces), 0) FROM iommu_ops WHERE mapping IS NOT NULL") + heldOps},
      {"rows", scalar(db, "SELECT count(*) FROM iommu_ops")},
      {"held_by_mappings", heldOps}};
  j["syncs"] = scalar(db, "SELECT count(*) FROM syncs");
  j["bounces"] = scalar(db, "SELECT count(*) FROM bounces");
  j["faults"] = json::array();
  for (const auto &f : reader.faults()) {
    json fault = {{"ts_ns", f.tsNs}, {"source", f.source}, {"addr", hex(f.addr)}, {"access", f.access}};
    fault["device"] = f.device ? json(reader.device(*f.device)->name) : json();
    fault["mapping"] = f.mapping ? json(*f.mapping) : json();
    j["faults"].push_back(fault);
  }
  j["lost_events"] = {{"windows", scalar(db, "SELECT count(*) FROM lost_events")},
                      {"events", scalar(db, "SELECT COALESCE(sum(count), 0) FROM lost_events")}};
  j["import_stats"] = json::array();
  for (const auto &s : reader.importStats())
    j["import_stats"].push_back({{"reason", s.reason},
                                 {"origin", s.origin},
                                 {"severity", s.severity},
                                 {"count", s.count},
                                 {"description", s.description},
                                 {"sample", s.sample}});
  return j;
}

void printText(const json &j, const std::string &path, std::ostream &out) {
  const json &run = j["run"];
  out << fmt::format("run {}: kernel {}, {} .. {} s\n", path,
                     run["kernel_release"].get<std::string>().empty() ? "unknown" : run["kernel_release"].get<std::string>(),
                     seconds(run["start_ns"]), seconds(run["end_ns"]));
  for (const json &s : j["sources"])
    out << fmt::format("  source {} ({}): {} events from {} input units\n", s["path"].get<std::string>(),
                       s["format"].get<std::string>(), s["events"].get<uint64_t>(), s["input_units"].get<uint64_t>());
  out << fmt::format("\nevents: {}\n", j["events"].get<uint64_t>());
  for (const auto &[name, n] : j["events_by_type"].items()) out << fmt::format("  {:<28} {:>10}\n", name, n.get<uint64_t>());
  out << fmt::format("\nmappings: {} ({} bytes), {} live at the end ({} inconclusive)\n", j["mappings"].get<uint64_t>(),
                     j["bytes_mapped"].get<uint64_t>(), j["live_at_end"].get<uint64_t>(),
                     j["close_inconclusive"].get<uint64_t>());
  for (const auto &[name, n] : j["mappings_by_kind"].items())
    out << fmt::format("  {:<28} {:>10}\n", name, n.get<uint64_t>());
  out << "\ndevices:\n";
  out << fmt::format("  {:<14} {:<10} {:>5} {:>9} {:>12} {:>9} {:>8} {:>7}\n", "device", "driver", "group", "mappings",
                     "bytes", "peak_live", "live_end", "failed");
  for (const json &d : j["devices"]) {
    std::string group = d["iommu_group"].is_null() ? "-" : std::to_string(d["iommu_group"].get<int>());
    std::string driver = d["driver"].get<std::string>().empty() ? "-" : d["driver"].get<std::string>();
    out << fmt::format("  {:<14} {:<10} {:>5} {:>9} {:>12} {:>9} {:>8} {:>7}\n", d["name"].get<std::string>(), driver,
                       group, d["mappings"].get<uint64_t>(), d["bytes_mapped"].get<uint64_t>(),
                       d["peak_live"].get<uint64_t>(), d["live_at_end"].get<uint64_t>(),
                       d["failed_maps"].get<uint64_t>());
  }
  out << fmt::format("\niommu ops: {} ({} in {} iommu_ops rows, {} in mappings rows; {} linked to a mapping); "
                     "syncs: {}; swiotlb bounces: {}\n",
                     j["iommu_ops"]["total"].get<uint64_t>(),
                     j["iommu_ops"]["total"].get<uint64_t>() - j["iommu_ops"]["held_by_mappings"].get<uint64_t>(),
                     j["iommu_ops"]["rows"].get<uint64_t>(), j["iommu_ops"]["held_by_mappings"].get<uint64_t>(),
                     j["iommu_ops"]["linked"].get<uint64_t>(),
                     j["syncs"].get<uint64_t>(), j["bounces"].get<uint64_t>());
  out << fmt::format("faults: {}\n", j["faults"].size());
  for (const json &f : j["faults"])
    out << fmt::format("  {} s {} {} addr {} ({}){}\n", seconds(f["ts_ns"]),
                       f["device"].is_null() ? "?" : f["device"].get<std::string>(), f["access"].get<std::string>(),
                       f["addr"].get<std::string>(), f["source"].get<std::string>(),
                       f["mapping"].is_null() ? ", no live mapping" : fmt::format(", mapping {}", f["mapping"].get<int64_t>()));
  out << fmt::format("lost events: {} in {} windows\n", j["lost_events"]["events"].get<uint64_t>(),
                     j["lost_events"]["windows"].get<uint64_t>());
  out << "\nskipped, lost and errors (import_stats):\n";
  if (j["import_stats"].empty()) out << "  none\n";
  for (const json &s : j["import_stats"]) {
    out << fmt::format("  {:<9} {:<8} {:<32} {:>9}  {}\n", s["severity"].get<std::string>(), s["origin"].get<std::string>(),
                       s["reason"].get<std::string>(), s["count"].get<uint64_t>(), s["description"].get<std::string>());
    if (!s["sample"].get<std::string>().empty()) out << fmt::format("  {:>52}e.g. {}\n", "", s["sample"].get<std::string>());
  }
}

}  // namespace

int runStats(const StatsCommand &command, std::ostream &out, std::ostream &err) {
  if (command.format != "text" && command.format != "json") {
    err << "dmatrace: unknown stats format '" << command.format << "' (use text or json)\n";
    return kExitError;
  }
  std::string error;
  auto reader = store::RunReader::open(command.database, error);
  if (!reader) {
    err << "dmatrace: " << error << "\n";
    return kExitError;
  }
  json j = buildStats(*reader);
  if (!reader->lastError().empty()) {
    err << "dmatrace: " << command.database << ": " << reader->lastError() << "\n";
    return kExitError;
  }
  if (command.format == "json") {
    out << j.dump(2) << "\n";
  } else {
    printText(j, command.database, out);
  }
  return kExitOk;
}

}  // namespace dmacheck::tracer::cli
