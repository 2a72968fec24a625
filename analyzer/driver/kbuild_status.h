// Whether kbuild compiles a .c file of a kernel tree with the tree's .config,
// read from the Makefiles as kbuild reads them, so `--kernel-tree DIR drivers/`
// leaves out the .c files another .c #includes (ehci-q.c, uhci-hub.c), which
// never parse on their own, explains the parse errors of files the
// configuration leaves out (their headers' static-inline stubs clash with
// their definitions), and with --built-only checks what `make C=2` would.
// No clang headers: plain text evaluation.
//
// For `<dir>/<base>.c`, the object `<base>.o` is looked up in the directory's
// Kbuild (as kbuild does, in preference to its Makefile), or in the nearest
// ancestor whose Kbuild/Makefile names `<sub>/<base>.o`:
//
//   obj-y / obj-m / lib-y / extra-y / always-y += base.o   built
//   obj-$(CONFIG_X) += base.o                              built iff CONFIG_X is y or m
//   name-y / name-objs / name-m / name-$(CONFIG_X) += base.o
//                                                          built iff name.o is (same rules)
//                                                          and CONFIG_X is y or m
//
// then the directory must be descended into: the parent's `obj-$(CONFIG_X) +=
// <dir>/` with CONFIG_X unset is NotInConfig; `obj-y += <dir>/` goes on
// upwards; a parent that does not mention the directory (the top Makefile's
// core-y, arch Makefiles) ends the walk as reached.
//
// ifdef/ifndef/ifeq/ifneq blocks that only ask whether one CONFIG option is
// set (or is y) are evaluated; a block is "off" only when it needs an option
// that is not set.
//
// Conservative by design, since Unknown means "analyse it": a rule inside any
// other block, a condition other than $(CONFIG_X) ($(CONFIG_X:m=y)), a
// composite whose own object is not a kernel object (host programs), and a
// Makefile whose object lists use variables or `include` (it may name the
// object in a way not visible in its text) all give Unknown rather than a
// verdict that would skip the file.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace dmacheck::analyzer {

// The logical lines of a Kbuild/Makefile: `\` continuations joined, comments
// dropped (a comment ending in `\` goes on, as in make), trimmed, blank lines
// left out. Empty when the file cannot be read.
std::vector<std::string> kbuildLogicalLines(const std::string &path);

struct KbuildVerdict {
  enum Kind {
    Built,        // a rule builds it with this configuration
    NotInConfig,  // every rule naming it, or its directory, is switched off
    NotAnObject,  // no rule names it: not a compilation unit (another file #includes it)
    Unknown,      // not decided from the Makefiles' text: analyse it
  };
  Kind kind = Unknown;
  std::string reason;  // a sentence for the user, naming the CONFIG and Makefile line
};
const char *kbuildVerdictName(KbuildVerdict::Kind kind);  // "built", "not-in-config", ...

struct KbuildMakefile;    // one directory's parsed Kbuild/Makefile
struct KbuildAssignment;  // one of its `list-suffix op words` lines

class KbuildStatus {
 public:
  KbuildStatus();
  ~KbuildStatus();
  KbuildStatus(KbuildStatus &&) noexcept;
  KbuildStatus &operator=(KbuildStatus &&) noexcept;
  // srcTree holds the Makefiles, objTree include/config/auto.conf (the same
  // directory for an in-tree build). A tree without auto.conf is not an error:
  // every CONFIG condition is then Unknown.
  void open(const std::string &srcTree, const std::string &objTree);
  bool hasConfig() const { return hasConfig_; }
  // `file` may be relative to the working directory; files outside srcTree are Unknown.
  KbuildVerdict statusOf(const std::string &file) const;

 private:
  enum class Switch { On, Off, Unknown };
  struct Evaluation;
  const KbuildMakefile *makefileIn(const std::string &dir) const;
  Switch configSwitch(const std::string &suffix, std::string &configName, std::string &value) const;
  Evaluation objectIn(const KbuildMakefile &makefile, const std::string &object, int depth) const;
  Evaluation referencesTo(const KbuildMakefile &makefile, const std::string &variable, int depth) const;
  Evaluation assignmentNaming(const KbuildMakefile &makefile, const KbuildAssignment &a, const std::string &object,
                              int depth) const;
  KbuildVerdict directoryReached(const std::string &dir) const;

  std::string srcTree_;
  bool hasConfig_ = false;
  std::map<std::string, std::string> config_;  // CONFIG_X -> y | m | value, from auto.conf
  // Parsed once per directory: a tree run asks about hundreds of files in a few dozen directories.
  mutable std::map<std::string, std::unique_ptr<KbuildMakefile>> makefiles_;
};

}  // namespace dmacheck::analyzer
