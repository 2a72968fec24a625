#include "checker.h"

#include <algorithm>
#include <chrono>
#include <tuple>
#include <set>

#include "check_context.h"
#include "database.h"
#include "dmacheck/rules/catalogue.h"
#include "run_reader.h"

namespace dmacheck::tracer::checks {

std::vector<std::string> traceRuleIds() {
  std::set<std::string> ids;
  for (const auto &check : makeAllChecks())
    for (std::string_view id : check->ruleIds()) ids.insert(std::string(id));
  std::vector<std::string> ordered;
  for (const auto &rule : rules::Catalogue::builtin().rules())
    if (ids.count(rule.id)) ordered.push_back(rule.id);
  return ordered;
}

bool resolveRules(const CheckOptions &options, std::vector<std::string> &ruleIds, std::vector<std::string> &notes,
                  std::string &error) {
  const auto &catalogue = rules::Catalogue::builtin();
  const std::vector<std::string> all = traceRuleIds();
  const std::set<std::string> implemented(all.begin(), all.end());

  auto expand = [&](const std::vector<std::string> &names, std::set<std::string> &out) {
    for (const auto &raw : names) {
      // Accept comma-separated lists too: --enable a,b.
      size_t start = 0;
      while (start <= raw.size()) {
        size_t comma = raw.find(',', start);
        std::string name = raw.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        start = comma == std::string::npos ? raw.size() + 1 : comma + 1;
        if (name.empty()) continue;
        std::vector<std::string> ids = catalogue.expand(name);
        if (ids.empty()) {
          error = "unknown rule or group '" + name + "' (see rules/catalogue.yaml)";
          return false;
        }
        for (auto &id : ids) {
          if (implemented.count(id))
            out.insert(id);
          else if (name != "all")
            notes.push_back("rule " + id + " is not checked in traces (static engine only): ignored");
        }
      }
    }
    return true;
  };

  std::set<std::string> enabled, disabled;
  if (options.enable.empty()) {
    for (const auto &id : all)
      if (const rules::Rule *rule = catalogue.find(id); rule && rule->enabledByDefault) enabled.insert(id);
  }
  else if (!expand(options.enable, enabled))
    return false;
  if (!expand(options.disable, disabled)) return false;
  ruleIds.clear();
  for (const auto &id : all)
    if (enabled.count(id) && !disabled.count(id)) ruleIds.push_back(id);
  return true;
}

bool runChecks(store::RunReader &reader, const CheckOptions &options, CheckResult &result, std::string &error) {
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> ruleIds, notes;
  if (!resolveRules(options, ruleIds, notes, error)) return false;
  const std::set<std::string> enabled(ruleIds.begin(), ruleIds.end());

  // One read transaction for the whole run: without it every statement
  // takes and drops the file lock (and checks for a hot journal).
  store::Transaction snapshot(reader.database());
  if (!snapshot.begin(error)) return false;
  std::unique_ptr<CheckContext> context = CheckContext::load(reader, error);
  if (!context) return false;

  FindingList list;
  for (const auto &check : makeAllChecks()) {
    bool wanted = false;
    for (std::string_view id : check->ruleIds()) wanted |= enabled.count(std::string(id)) > 0;
    if (wanted) check->run(*context, list);
  }

  const auto &catalogue = rules::Catalogue::builtin();
  result = CheckResult{};
  for (auto &f : list.findings()) {
    if (!enabled.count(f.rule)) continue;
    const rules::Rule *rule = catalogue.find(f.rule);
    f.severity = rule ? std::string(rules::severityName(rule->severity)) : "warning";
    if (!rule) context->problem("check reported a rule missing from the catalogue: " + f.rule);
    result.findings.push_back(std::move(f));
  }
  std::stable_sort(result.findings.begin(), result.findings.end(), [](const TraceFinding &a, const TraceFinding &b) {
    return std::make_tuple(a.tsNs.value_or(0), a.deviceName, a.rule, a.dmaAddr.value_or(0)) <
           std::make_tuple(b.tsNs.value_or(0), b.deviceName, b.rule, b.dmaAddr.value_or(0));
  });

  CheckRunStats &s = result.stats;
  s.rules = ruleIds;
  for (const auto &f : result.findings) {
    s.findings++;
    s.findingsByRule[f.rule]++;
    if (f.inconclusive)
      s.inconclusive++;
    else if (f.severity == "error")
      s.errors++;
    else if (f.severity == "warning")
      s.warnings++;
    else
      s.infos++;
  }
  s.devices = context->devices().size();
  s.mappings = context->mappings().size();
  for (const auto &m : context->mappings()) s.liveAtEnd += m.live();
  s.releases = context->releaseCount();
  for (const auto &w : reader.lostEvents()) s.lostWindows += w.cpu.has_value();
  s.overwritten = context->overwritten();
  s.lossDescription = context->lossDescription();
  s.counters = context->stats();
  s.problems = notes;
  s.problems.insert(s.problems.end(), context->problems().begin(), context->problems().end());
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return true;
}

bool storeFindings(const std::string &databasePath, const std::vector<TraceFinding> &findings, std::string &error) {
  store::Database db;
  if (!db.open(databasePath, store::Database::Mode::ReadWrite, error)) return false;
  store::Transaction tx(db);
  if (!tx.begin(error)) return false;
  if (!db.execute("DELETE FROM findings", error)) return false;
  store::Statement s = db.prepare(
      "INSERT INTO findings (rule, severity, ts_ns, device, mapping, event, inconclusive, message) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!s.valid()) {
    error = "cannot write findings: " + db.lastError();
    return false;
  }
  for (const auto &f : findings) {
    s.bindText(1, f.rule);
    s.bindText(2, f.severity);
    s.bindOptionalU64(3, f.tsNs);
    s.bindOptionalInt(4, f.device);
    s.bindOptionalInt(5, f.mapping);
    s.bindOptionalInt(6, f.event);
    s.bindInt(7, f.inconclusive ? 1 : 0);
    std::string message = f.message;
    if (!f.callSite.empty()) message += " [call site=" + f.callSite + "]";
    if (f.inconclusive) message += " [inconclusive: " + f.inconclusiveReason + "]";
    s.bindText(8, message);
    if (!s.run()) {
      error = "cannot write findings: " + db.lastError();
      return false;
    }
  }
  return tx.commit(error);
}

int exitStatusFor(const std::vector<TraceFinding> &findings) {
  for (const auto &f : findings)
    if (!f.inconclusive && f.severity != "info") return 1;
  return 0;
}

}  // namespace dmacheck::tracer::checks
