#include "driver/kbuild_status.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

namespace dmacheck::analyzer {

namespace fs = std::filesystem;

// One enclosing ifdef/ifndef/ifeq/ifneq block, when it only asks whether a
// CONFIG option is set (y or m) or is y: `ifdef CONFIG_X`,
// `ifneq ($(CONFIG_X),)`, `ifeq ($(CONFIG_X),y)` and their negations and
// `else` branches. Any other condition is not understood.
struct MakeCondition {
  enum Test { Set, Unset, IsY, NotY, NotUnderstood };
  Test test = NotUnderstood;
  std::string config;
};

// One `lhs op rhs` line of a Kbuild/Makefile, its left side split kbuild's way.
struct KbuildAssignment {
  std::string list;    // "obj", "nvme-core"; the whole left side when it is no list
  std::string suffix;  // "y", "m", "objs", "$(CONFIG_X)", "$(CONFIG_X:m=y)"; empty when no list
  std::string op;      // "+=", ":=", ...
  std::vector<std::string> words;
  bool inConditional = false;  // between ifeq/ifneq/ifdef/ifndef and endif
  std::vector<MakeCondition> conditions;  // the enclosing blocks, outermost first
};

struct KbuildMakefile {
  std::string path;  // relative to the tree, for reasons: "drivers/nvme/common/Makefile"
  std::vector<KbuildAssignment> assignments;
  // Why its text may not show every object it builds (variables in an object
  // list, an include): then "no rule names it" and "every rule is off" are
  // not conclusions.
  std::string opaque;
  std::string text;  // the logical lines, to tell "named nowhere" from "named in a way not understood"
};

namespace {

bool isFile(const fs::path &path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

std::string trim(const std::string &s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") + 1 - b);
}

}  // namespace

std::vector<std::string> kbuildLogicalLines(const std::string &path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  std::string pending;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line.back() == '\\') {
      pending += line.substr(0, line.size() - 1) + " ";
      continue;
    }
    line = pending + line;
    pending.clear();
    auto hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    line = trim(line);
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

namespace {

std::string firstWord(const std::string &line) { return line.substr(0, line.find_first_of(" \t(")); }

MakeCondition parseCondition(const std::string &line) {
  static const std::regex kDefined(R"(^(ifdef|ifndef)\s+(CONFIG_[A-Za-z0-9_]+)$)");
  static const std::regex kCompare(R"(^(ifeq|ifneq)\s*\(\s*\$\((CONFIG_[A-Za-z0-9_]+)\)\s*,\s*(y?)\s*\)$)");
  MakeCondition c;
  std::smatch m;
  if (std::regex_match(line, m, kDefined)) {
    c.config = m[2].str();
    c.test = m[1].str() == "ifdef" ? MakeCondition::Set : MakeCondition::Unset;
  } else if (std::regex_match(line, m, kCompare)) {
    c.config = m[2].str();
    const bool equal = m[1].str() == "ifeq", againstY = !m[3].str().empty();
    c.test = againstY ? (equal ? MakeCondition::IsY : MakeCondition::NotY)
                      : (equal ? MakeCondition::Unset : MakeCondition::Set);
  }
  return c;
}

// The else branch of a block.
MakeCondition negated(MakeCondition c) {
  switch (c.test) {
    case MakeCondition::Set: c.test = MakeCondition::Unset; break;
    case MakeCondition::Unset: c.test = MakeCondition::Set; break;
    case MakeCondition::IsY: c.test = MakeCondition::NotY; break;
    case MakeCondition::NotY: c.test = MakeCondition::IsY; break;
    case MakeCondition::NotUnderstood: break;
  }
  return c;
}

// Lists whose members kbuild compiles into the kernel or a module by
// themselves; any other `name-y` is a composite object's member list.
bool isObjectList(const std::string &list) {
  return list == "obj" || list == "lib" || list == "extra" || list == "always" || list == "head";
}

std::unique_ptr<KbuildMakefile> parseMakefile(const fs::path &file, const std::string &relative) {
  // The left side may hold $(...) with any text: obj-$(CONFIG_X:m=y).
  static const std::regex kAssign(R"(^((?:[^=:+?\s$]|\$\([^)]*\))+)\s*(\+=|:=|::=|\?=|=)\s*(.*)$)");
  static const std::regex kPlainList(R"(^([A-Za-z0-9_./-]+?)-(y|m|objs)$)");
  static const std::regex kConditionalList(R"(^([A-Za-z0-9_./-]+?)-(\$\(.*\))$)");
  auto makefile = std::make_unique<KbuildMakefile>();
  makefile->path = relative;
  std::vector<MakeCondition> blocks;
  bool inDefine = false;
  for (const std::string &line : kbuildLogicalLines(file.string())) {
    makefile->text += line + "\n";
    std::string word = firstWord(line);
    if (inDefine) {
      inDefine = word != "endef";
      continue;
    }
    if (word == "define") {
      inDefine = true;
      continue;
    }
    if (word == "ifeq" || word == "ifneq" || word == "ifdef" || word == "ifndef") {
      blocks.push_back(parseCondition(line));
      continue;
    }
    if (word == "endif") {
      if (!blocks.empty()) blocks.pop_back();
      continue;
    }
    if (word == "else") {
      // `else ifeq ...` chains are not followed: the rest of the block is not understood.
      if (!blocks.empty())
        blocks.back() = line == "else" ? negated(blocks.back()) : MakeCondition{};
      continue;
    }
    if (word == "include" || word == "-include" || word == "sinclude") {
      if (makefile->opaque.empty()) makefile->opaque = "it includes another makefile";
      continue;
    }
    if (line.rfind("$(eval", 0) == 0 || line.rfind("$(foreach", 0) == 0 || line.rfind("$(call", 0) == 0) {
      if (makefile->opaque.empty()) makefile->opaque = "it generates rules with $(eval/foreach/call)";
      continue;
    }
    std::smatch m;
    if (!std::regex_match(line, m, kAssign)) continue;  // rules, recipes
    KbuildAssignment a;
    std::string lhs = m[1].str();
    std::smatch parts;
    if (std::regex_match(lhs, parts, kPlainList) || std::regex_match(lhs, parts, kConditionalList)) {
      a.list = parts[1].str();
      a.suffix = parts[2].str();
    } else {
      a.list = lhs;
    }
    a.op = m[2].str();
    a.inConditional = !blocks.empty();
    a.conditions = blocks;
    std::istringstream words(m[3].str());
    for (std::string w; words >> w;) a.words.push_back(w.rfind("./", 0) == 0 ? w.substr(2) : w);
    makefile->assignments.push_back(std::move(a));
  }
  // Object lists that use make variables may name anything, except
  // references to this Makefile's own lists (${fsl-edma-trace-y}), which
  // KbuildStatus follows.
  std::set<std::string> lists;
  for (const auto &a : makefile->assignments)
    if (!a.suffix.empty()) lists.insert(a.list);
  static const std::regex kListRef(R"(^\$[({]([A-Za-z0-9_./-]+)-(y|m|objs)[)}]$)");
  for (const auto &a : makefile->assignments) {
    if (a.suffix.empty() || a.list.find("flags") != std::string::npos || !makefile->opaque.empty()) continue;
    for (const auto &w : a.words) {
      std::smatch ref;
      if (w.find('$') == std::string::npos || (std::regex_match(w, ref, kListRef) && lists.count(ref[1].str())))
        continue;
      makefile->opaque = "its object lists use make variables (" + a.list + "-" + a.suffix + " " + a.op + " " + w + ")";
      break;
    }
  }
  return makefile;
}

// Whether `object` appears in `text` as a name of its own (not as the tail
// of a longer one: ehci-q.o in xehci-q.o); `_` counts as a separator so that
// CFLAGS_foo.o is a mention.
bool mentions(const std::string &text, const std::string &object) {
  auto isName = [](char c) { return isalnum(static_cast<unsigned char>(c)) || c == '-'; };
  for (size_t at = text.find(object); at != std::string::npos; at = text.find(object, at + 1)) {
    bool before = at == 0 || !isName(text[at - 1]);
    bool after = at + object.size() == text.size() || !(isName(text[at + object.size()]) || text[at + object.size()] == '.');
    if (before && after) return true;
  }
  return false;
}

std::string joinNames(const std::vector<std::string> &names) {
  if (names.size() == 1) return names[0] + " is not set";
  if (names.size() == 2) return names[0] + " and " + names[1] + " are not set";
  std::string text = "none of ";
  for (size_t i = 0; i < names.size(); ++i) text += (i ? ", " : "") + names[i];
  return text + " is set";
}

}  // namespace

const char *kbuildVerdictName(KbuildVerdict::Kind kind) {
  switch (kind) {
    case KbuildVerdict::Built: return "built";
    case KbuildVerdict::NotInConfig: return "not-in-config";
    case KbuildVerdict::NotAnObject: return "not-an-object";
    case KbuildVerdict::Unknown: return "unknown";
  }
  return "unknown";
}

// What the rules of one Makefile naming one object (or directory) say.
struct KbuildStatus::Evaluation {
  enum Kind { None, Built, Off, Unknown } kind = None;
  std::vector<std::string> configs;  // Off: the unset CONFIG_ options, in Makefile order
  std::vector<std::string> rules;    // Off: "obj-$(CONFIG_X) += name.o", "name-y += file.o"
  std::string why;                   // Unknown

  // Several rules may name one object: one that builds it wins, then one
  // that cannot be evaluated; it is off only when every rule is.
  void merge(const Evaluation &other) {
    if (other.kind == None || kind == Built) return;
    if (other.kind == Built || (other.kind == Unknown && kind != Unknown)) {
      *this = other;
      return;
    }
    if (other.kind == Off && (kind == Off || kind == None)) {
      kind = Off;
      for (const auto &c : other.configs)
        if (std::find(configs.begin(), configs.end(), c) == configs.end()) configs.push_back(c);
      rules.insert(rules.end(), other.rules.begin(), other.rules.end());
    }
  }
};

KbuildStatus::KbuildStatus() = default;
KbuildStatus::~KbuildStatus() = default;
KbuildStatus::KbuildStatus(KbuildStatus &&) noexcept = default;
KbuildStatus &KbuildStatus::operator=(KbuildStatus &&) noexcept = default;

void KbuildStatus::open(const std::string &srcTree, const std::string &objTree) {
  std::error_code ec;
  srcTree_ = fs::weakly_canonical(fs::absolute(srcTree), ec).string();
  makefiles_.clear();
  config_.clear();
  static const std::regex kSetting(R"(^(CONFIG_[A-Za-z0-9_]+)=(.*)$)");
  fs::path autoConf = fs::path(objTree) / "include/config/auto.conf";
  hasConfig_ = isFile(autoConf);
  std::ifstream in(autoConf);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_match(line, m, kSetting)) config_[m[1].str()] = m[2].str();
  }
}

const KbuildMakefile *KbuildStatus::makefileIn(const std::string &dir) const {
  auto it = makefiles_.find(dir);
  if (it != makefiles_.end()) return it->second.get();
  std::unique_ptr<KbuildMakefile> parsed;
  // kbuild reads Kbuild in preference to Makefile.
  for (const char *name : {"Kbuild", "Makefile"}) {
    fs::path file = fs::path(dir) / name;
    if (!isFile(file)) continue;
    parsed = parseMakefile(file, file.lexically_relative(srcTree_).generic_string());
    break;
  }
  return makefiles_.emplace(dir, std::move(parsed)).first->second.get();
}

KbuildStatus::Switch KbuildStatus::configSwitch(const std::string &suffix, std::string &configName,
                                                std::string &value) const {
  static const std::regex kConfig(R"(^\$\((CONFIG_[A-Za-z0-9_]+)\)$)");
  value = suffix;
  if (suffix == "y" || suffix == "m" || suffix == "objs") return Switch::On;
  std::smatch m;
  if (!hasConfig_ || !std::regex_match(suffix, m, kConfig)) return Switch::Unknown;
  configName = m[1].str();
  auto it = config_.find(configName);
  // obj-$(CONFIG_X) is obj-y or obj-m only for y and m; unset (or a string) gives obj- or obj-foo, which kbuild ignores.
  if (it == config_.end() || (it->second != "y" && it->second != "m")) return Switch::Off;
  value = it->second;
  return Switch::On;
}

KbuildStatus::Evaluation KbuildStatus::objectIn(const KbuildMakefile &makefile, const std::string &object,
                                                int depth) const {
  Evaluation result;
  for (const auto &a : makefile.assignments)
    if (std::find(a.words.begin(), a.words.end(), object) != a.words.end())
      result.merge(assignmentNaming(makefile, a, object, depth));
  return result;
}

// A list that names no object of its own may be spliced into another:
// fsl-edma-trace-$(CONFIG_TRACING) := fsl-edma-trace.o, then
// fsl-edma-objs := ... ${fsl-edma-trace-y}. `variable` is the list's name
// after the condition (fsl-edma-trace-y).
KbuildStatus::Evaluation KbuildStatus::referencesTo(const KbuildMakefile &makefile, const std::string &variable,
                                                    int depth) const {
  Evaluation result;
  for (const std::string &ref : {"$(" + variable + ")", "${" + variable + "}"})
    for (const auto &a : makefile.assignments)
      if (std::find(a.words.begin(), a.words.end(), ref) != a.words.end())
        result.merge(assignmentNaming(makefile, a, ref, depth));
  return result;
}

KbuildStatus::Evaluation KbuildStatus::assignmentNaming(const KbuildMakefile &makefile, const KbuildAssignment &a,
                                                        const std::string &object, int depth) const {
  bool directory = !object.empty() && object.back() == '/';
  std::string rule = a.list + (a.suffix.empty() ? "" : "-" + a.suffix) + " " + a.op + " " + object;
  Evaluation one;
  std::string config, value;
  if (a.suffix.empty()) {
    one.kind = Evaluation::Unknown;
    one.why = "named by " + rule + " in " + makefile.path + ", which is not an object list";
    return one;
  }
  // The enclosing ifdef/ifeq blocks: a block that needs an unset option
  // switches the rule off; one that holds leaves the rule as if outside it.
  bool blocksHold = true, blockOff = false;
  for (const MakeCondition &c : a.conditions) {
    auto it = config_.find(c.config);
    const bool set = it != config_.end() && (it->second == "y" || it->second == "m");
    const bool isY = it != config_.end() && it->second == "y";
    bool holds = false, understood = hasConfig_ && c.test != MakeCondition::NotUnderstood;
    switch (c.test) {
      case MakeCondition::Set: holds = set; break;
      case MakeCondition::Unset: holds = !set; break;
      case MakeCondition::IsY: holds = isY; break;
      case MakeCondition::NotY: holds = !isY; break;
      case MakeCondition::NotUnderstood: break;
    }
    if (understood && !holds && !set && (c.test == MakeCondition::Set || c.test == MakeCondition::IsY)) {
      blockOff = true;
      config = c.config;
      break;
    }
    blocksHold = blocksHold && understood && holds;
  }
  if (blockOff) {
    one.kind = Evaluation::Off;
    one.configs = {config};
    one.rules = {rule};
    return one;
  }
  Switch on = !blocksHold ? Switch::Unknown : configSwitch(a.suffix, config, value);
  if (on == Switch::Off) {
    one.kind = Evaluation::Off;
    one.configs = {config};
    one.rules = {rule};
    return one;
  }
  bool composite = !directory && !isObjectList(a.list);
  if (on == Switch::Unknown) {
    one.kind = Evaluation::Unknown;
    one.why = !blocksHold ? rule + " is inside an ifeq/ifdef block of " + makefile.path
                              : "the condition of " + rule + " in " + makefile.path + " is not evaluated";
    // Whatever the condition, a member of a composite that is off is off
    // (ixgbe-$(CONFIG_FCOE:m=y) += ixgbe_fcoe.o with CONFIG_IXGBE unset).
    if (composite && depth < 8 && a.list + ".o" != object) {
      Evaluation owner = objectIn(makefile, a.list + ".o", depth + 1);
      if (owner.kind == Evaluation::Off) {
        owner.rules.push_back(rule);
        return owner;
      }
    }
    return one;
  }
  if (!composite) {
    one.kind = Evaluation::Built;
    return one;
  }
  // A composite object's member: built when the composite is, or when the
  // list it is spliced into is (fsl-edma-trace-y := fsl-edma-trace.o is a
  // plain list, not a composite of itself). A chain this deep is not kbuild's.
  if (depth >= 8) {
    one.kind = Evaluation::Unknown;
    one.why = rule + " in " + makefile.path + ": composite objects nest too deep";
    return one;
  }
  if (a.list + ".o" != object) one = objectIn(makefile, a.list + ".o", depth + 1);
  one.merge(referencesTo(makefile, a.list + "-" + value, depth + 1));
  if (one.kind == Evaluation::None) {
    // Host programs and user programs have composites too, built by other rules.
    one.kind = Evaluation::Unknown;
    one.why = rule + " in " + makefile.path + ": no object list names " + a.list + ".o";
  } else if (one.kind == Evaluation::Off) {
    one.rules.push_back(rule);
  }
  return one;
}

KbuildVerdict KbuildStatus::directoryReached(const std::string &dir) const {
  fs::path root(srcTree_);
  for (fs::path cur(dir); cur != root && cur.has_parent_path() && cur.parent_path() != cur;
       cur = cur.parent_path()) {
    fs::path parent = cur.parent_path();
    const KbuildMakefile *makefile = makefileIn(parent.string());
    if (!makefile) break;  // nothing says how the directory is reached: take it as reached
    Evaluation e = objectIn(*makefile, cur.filename().string() + "/", 0);
    if (e.kind == Evaluation::None) break;  // reached some other way (core-y, an arch Makefile)
    std::string name = cur.lexically_relative(root).generic_string() + "/";
    if (e.kind == Evaluation::Unknown) return {KbuildVerdict::Unknown, "directory " + name + ": " + e.why};
    if (e.kind == Evaluation::Off) {
      if (!makefile->opaque.empty())
        return {KbuildVerdict::Unknown, "directory " + name + " looks switched off, but " + makefile->path +
                                            " is not evaluated: " + makefile->opaque};
      std::string rules;
      for (const auto &r : e.rules) rules += (rules.empty() ? "" : ", ") + r;
      return {KbuildVerdict::NotInConfig, "not built with this .config: directory " + name +
                                              " is not descended into, " + joinNames(e.configs) + " (" +
                                              makefile->path + ": " + rules + ")"};
    }
  }
  return {KbuildVerdict::Built, ""};
}

KbuildVerdict KbuildStatus::statusOf(const std::string &file) const {
  std::error_code ec;
  fs::path path = fs::weakly_canonical(fs::absolute(file), ec);
  fs::path root(srcTree_);
  fs::path rel = path.lexically_relative(root);
  if (srcTree_.empty() || rel.empty() || *rel.begin() == ".." || path.extension() != ".c")
    return {KbuildVerdict::Unknown, "not a .c file of the kernel tree"};
  std::string object = path.stem().string() + ".o";

  // The object is named in its directory's Makefile, or (a directory without
  // one, such as ice/devlink/) by a path in an ancestor's: ice-y += devlink/devlink.o.
  const KbuildMakefile *own = makefileIn(path.parent_path().string());
  const KbuildMakefile *where = nullptr;
  fs::path whereDir;
  Evaluation e;
  std::string name = object;
  for (fs::path dir = path.parent_path();; dir = dir.parent_path()) {
    if (const KbuildMakefile *makefile = makefileIn(dir.string())) {
      e = objectIn(*makefile, name, 0);
      if (e.kind != Evaluation::None) {
        where = makefile;
        whereDir = dir;
        break;
      }
    }
    if (dir == root || !dir.has_parent_path() || dir.parent_path() == dir) break;
    name = dir.filename().string() + "/" + name;
  }

  if (!where) {
    if (!own) return {KbuildVerdict::Unknown, "no Kbuild or Makefile in its directory names " + object};
    if (mentions(own->text, object))
      return {KbuildVerdict::Unknown, own->path + " mentions " + object + " outside the object lists dmacheck reads"};
    if (!own->opaque.empty())
      return {KbuildVerdict::Unknown, "no rule names " + object + ", but " + own->path +
                                          " is not evaluated: " + own->opaque};
    return {KbuildVerdict::NotAnObject, "not compiled on its own: no kbuild rule in " + own->path + " names " +
                                            object + "; it is probably #included by another file"};
  }
  if (e.kind == Evaluation::Unknown) return {KbuildVerdict::Unknown, e.why};
  if (e.kind == Evaluation::Off) {
    if (!where->opaque.empty())
      return {KbuildVerdict::Unknown, "its rules look switched off, but " + where->path +
                                          " is not evaluated: " + where->opaque};
    std::string rules;
    for (const auto &r : e.rules) rules += (rules.empty() ? "" : ", ") + r;
    return {KbuildVerdict::NotInConfig,
            "not built with this .config: " + joinNames(e.configs) + " (" + where->path + ": " + rules + ")"};
  }
  KbuildVerdict reached = directoryReached(whereDir.string());
  if (reached.kind != KbuildVerdict::Built) return reached;
  return {KbuildVerdict::Built, ""};
}

}  // namespace dmacheck::analyzer
