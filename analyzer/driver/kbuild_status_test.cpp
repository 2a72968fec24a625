#include "driver/kbuild_status.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace dmacheck::analyzer;

namespace {

// A kernel tree reduced to what KbuildStatus reads: Makefiles, Kbuild files
// and include/config/auto.conf.
class FakeTree {
 public:
  explicit FakeTree(const std::string &name)
      : root_(fs::temp_directory_path() / ("dmacheck-kbuild-" + std::to_string(getpid())) / name) {
    fs::remove_all(root_);
    fs::create_directories(root_ / "include/config");
  }
  ~FakeTree() { fs::remove_all(root_); }
  void write(const std::string &relative, const std::string &text) const {
    fs::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative) << text;
  }
  std::string path(const std::string &relative) const { return (root_ / relative).string(); }
  KbuildStatus open() const {
    KbuildStatus status;
    status.open(root_.string(), root_.string());
    return status;
  }

 private:
  fs::path root_;
};

KbuildVerdict::Kind kindOf(const KbuildStatus &status, const FakeTree &tree, const std::string &file) {
  return status.statusOf(tree.path(file)).kind;
}

}  // namespace

TEST(KbuildStatus, ObjectListsFollowTheConfig) {
  FakeTree tree("objects");
  tree.write("include/config/auto.conf", "CONFIG_FOO=y\nCONFIG_BAR=m\nCONFIG_NAME=\"foo\"\n");
  tree.write("drivers/x/Makefile",
             "# obj-y += commented.o\n"
             "obj-y += always.o\n"
             "obj-m += module.o\n"
             "obj-$(CONFIG_FOO) += foo.o\n"
             "obj-$(CONFIG_BAR)\t+= bar.o \\\n"
             "\tbar2.o\n"
             "obj-$(CONFIG_OFF) += off.o\n"
             "obj-$(CONFIG_NAME) += named.o\n"
             "obj-$(CONFIG_OFF) += twice.o\n"
             "obj-$(CONFIG_FOO) += twice.o\n");
  KbuildStatus status = tree.open();
  EXPECT_TRUE(status.hasConfig());
  for (const char *file : {"always.c", "module.c", "foo.c", "bar.c", "bar2.c", "twice.c"})
    EXPECT_EQ(kindOf(status, tree, "drivers/x/" + std::string(file)), KbuildVerdict::Built) << file;
  KbuildVerdict off = status.statusOf(tree.path("drivers/x/off.c"));
  EXPECT_EQ(off.kind, KbuildVerdict::NotInConfig);
  EXPECT_EQ(off.reason, "not built with this .config: CONFIG_OFF is not set (drivers/x/Makefile: "
                        "obj-$(CONFIG_OFF) += off.o)");
  // A string value makes obj-foo, which kbuild ignores.
  EXPECT_EQ(kindOf(status, tree, "drivers/x/named.c"), KbuildVerdict::NotInConfig);
  EXPECT_EQ(kindOf(status, tree, "drivers/x/commented.c"), KbuildVerdict::NotAnObject);
}

TEST(KbuildStatus, KbuildIsReadInPreferenceToMakefile) {
  FakeTree tree("kbuild-file");
  tree.write("include/config/auto.conf", "CONFIG_FOO=y\n");
  tree.write("drivers/x/Kbuild", "obj-$(CONFIG_FOO) += foo.o\n");
  tree.write("drivers/x/Makefile", "obj-$(CONFIG_OFF) += foo.o\nobj-y += other.o\n");
  KbuildStatus status = tree.open();
  EXPECT_EQ(kindOf(status, tree, "drivers/x/foo.c"), KbuildVerdict::Built);
  EXPECT_EQ(kindOf(status, tree, "drivers/x/other.c"), KbuildVerdict::NotAnObject);
}

TEST(KbuildStatus, CompositeObjectsNeedTheirModuleAndTheirOwnConfig) {
  FakeTree tree("composite");
  tree.write("include/config/auto.conf", "CONFIG_CORE=m\nCONFIG_TRACING=y\n");
  tree.write("drivers/nvme/Makefile",
             "obj-$(CONFIG_CORE) += nvme-core.o\n"
             "nvme-core-y += core.o ioctl.o\n"
             "nvme-core-$(CONFIG_TRACING) += trace.o\n"
             "nvme-core-$(CONFIG_MULTIPATH) += multipath.o\n"
             "obj-$(CONFIG_KEYRING) += nvme-keyring.o\n"
             "nvme-keyring-y += keyring.o\n"
             "old-objs := old1.o\n"
             "obj-y += old.o\n");
  KbuildStatus status = tree.open();
  for (const char *file : {"core.c", "ioctl.c", "trace.c", "old1.c"})
    EXPECT_EQ(kindOf(status, tree, "drivers/nvme/" + std::string(file)), KbuildVerdict::Built) << file;
  KbuildVerdict multipath = status.statusOf(tree.path("drivers/nvme/multipath.c"));
  EXPECT_EQ(multipath.kind, KbuildVerdict::NotInConfig);
  EXPECT_NE(multipath.reason.find("CONFIG_MULTIPATH is not set"), std::string::npos) << multipath.reason;
  KbuildVerdict keyring = status.statusOf(tree.path("drivers/nvme/keyring.c"));
  EXPECT_EQ(keyring.kind, KbuildVerdict::NotInConfig);
  EXPECT_EQ(keyring.reason, "not built with this .config: CONFIG_KEYRING is not set (drivers/nvme/Makefile: "
                            "obj-$(CONFIG_KEYRING) += nvme-keyring.o, nvme-keyring-y += keyring.o)");
}

TEST(KbuildStatus, ObjectsInASubdirectoryWithoutMakefileAreNamedByTheParent) {
  FakeTree tree("subdir-object");
  tree.write("include/config/auto.conf", "CONFIG_ICE=m\n");
  tree.write("drivers/ice/Makefile",
             "obj-$(CONFIG_ICE) += ice.o\n"
             "ice-y := ice_main.o \\\n\tdevlink/devlink.o\n"
             "ice-$(CONFIG_OFF) += devlink/off.o\n");
  KbuildStatus status = tree.open();
  EXPECT_EQ(kindOf(status, tree, "drivers/ice/devlink/devlink.c"), KbuildVerdict::Built);
  EXPECT_EQ(kindOf(status, tree, "drivers/ice/devlink/off.c"), KbuildVerdict::NotInConfig);
  // No Makefile of its own and named nowhere: not concluded.
  EXPECT_EQ(kindOf(status, tree, "drivers/ice/devlink/stray.c"), KbuildVerdict::Unknown);
}

TEST(KbuildStatus, ADirectoryMustBeDescendedInto) {
  FakeTree tree("directories");
  tree.write("include/config/auto.conf", "CONFIG_DMADEVICES=y\nCONFIG_FOO=y\nCONFIG_USB=m\n");
  tree.write("drivers/Makefile",
             "obj-$(CONFIG_DMADEVICES) += dma/\n"
             "obj-$(CONFIG_USB_PHY) += usb/\n"
             "obj-$(CONFIG_USB) += usb/\n"
             "obj-$(CONFIG_OFF_A) += off/\n"
             "obj-$(CONFIG_OFF_B) += off/\n");
  tree.write("drivers/dma/Makefile", "obj-y += ti/\nobj-$(CONFIG_BESTCOMM) += bestcomm/\nobj-y += dma.o\n");
  tree.write("drivers/dma/ti/Makefile", "obj-$(CONFIG_FOO) += k3.o\n");
  tree.write("drivers/dma/bestcomm/Makefile", "obj-$(CONFIG_FOO) += bestcomm.o\n");
  tree.write("drivers/usb/Makefile", "obj-y += usb.o\n");
  tree.write("drivers/off/Makefile", "obj-y += off.o\n");
  tree.write("drivers/other/Makefile", "obj-y += other.o\n");  // not named by drivers/Makefile: reached
  KbuildStatus status = tree.open();
  EXPECT_EQ(kindOf(status, tree, "drivers/dma/dma.c"), KbuildVerdict::Built);
  EXPECT_EQ(kindOf(status, tree, "drivers/dma/ti/k3.c"), KbuildVerdict::Built);
  EXPECT_EQ(kindOf(status, tree, "drivers/usb/usb.c"), KbuildVerdict::Built);
  EXPECT_EQ(kindOf(status, tree, "drivers/other/other.c"), KbuildVerdict::Built);
  KbuildVerdict bestcomm = status.statusOf(tree.path("drivers/dma/bestcomm/bestcomm.c"));
  EXPECT_EQ(bestcomm.kind, KbuildVerdict::NotInConfig);
  EXPECT_EQ(bestcomm.reason, "not built with this .config: directory drivers/dma/bestcomm/ is not descended into, "
                             "CONFIG_BESTCOMM is not set (drivers/dma/Makefile: obj-$(CONFIG_BESTCOMM) += bestcomm/)");
  KbuildVerdict off = status.statusOf(tree.path("drivers/off/off.c"));
  EXPECT_EQ(off.kind, KbuildVerdict::NotInConfig);
  EXPECT_NE(off.reason.find("CONFIG_OFF_A and CONFIG_OFF_B are not set"), std::string::npos) << off.reason;
}

TEST(KbuildStatus, FilesNoRuleNamesAreNotObjects) {
  FakeTree tree("not-objects");
  tree.write("include/config/auto.conf", "CONFIG_EHCI=y\n");
  tree.write("drivers/usb/host/Makefile",
             "obj-$(CONFIG_EHCI) += ehci-hcd.o\n"
             "xehci-q-y += x.o\n"
             "CFLAGS_flagged.o := -DX\n");
  KbuildStatus status = tree.open();
  KbuildVerdict q = status.statusOf(tree.path("drivers/usb/host/ehci-q.c"));
  EXPECT_EQ(q.kind, KbuildVerdict::NotAnObject);
  EXPECT_EQ(q.reason, "not compiled on its own: no kbuild rule in drivers/usb/host/Makefile names ehci-q.o; "
                      "it is probably #included by another file");
  // Mentioned, but not in an object list: not concluded.
  EXPECT_EQ(kindOf(status, tree, "drivers/usb/host/flagged.c"), KbuildVerdict::Unknown);
}

TEST(KbuildStatus, WhatCannotBeEvaluatedIsUnknown) {
  FakeTree tree("unknown");
  tree.write("include/config/auto.conf", "CONFIG_DBGCAP=y\nCONFIG_FOO=m\n");
  tree.write("drivers/a/Makefile",
             "obj-y += hcd.o\n"
             "hcd-y := core.o\n"
             "ifneq ($(CONFIG_DBGCAP), )\n"
             "\thcd-y += dbgcap.o\n"
             "endif\n"
             "ifdef CONFIG_OFF\n"
             "obj-y += ifdef.o\n"
             "else\n"
             "obj-y += else.o\n"
             "endif\n"
             "obj-$(CONFIG_FOO:m=y) += subst.o\n"
             "obj-$(CONFIG_$(SRCARCH)) += nested.o\n"
             "tool-objs := tool_main.o\n"
             "hostprogs := tool\n"
             "define RULE\n"
             "obj-y += defined.o\n"
             "endef\n");
  tree.write("drivers/b/Makefile", "obj-y += $(B_OBJS)\nB_OBJS := b1.o\nobj-$(CONFIG_OFF) += b2.o\n");
  tree.write("drivers/c/Makefile", "include $(srctree)/drivers/c/Makefile.common\nobj-$(CONFIG_OFF) += c.o\n");
  KbuildStatus status = tree.open();
  for (const char *file : {"subst.c", "nested.c", "tool_main.c"})
    EXPECT_EQ(kindOf(status, tree, "drivers/a/" + std::string(file)), KbuildVerdict::Unknown) << file;
  // Blocks that only ask whether an option is set are evaluated.
  EXPECT_EQ(kindOf(status, tree, "drivers/a/dbgcap.c"), KbuildVerdict::Built);
  EXPECT_EQ(kindOf(status, tree, "drivers/a/ifdef.c"), KbuildVerdict::NotInConfig);
  EXPECT_EQ(kindOf(status, tree, "drivers/a/else.c"), KbuildVerdict::Built);
  EXPECT_EQ(kindOf(status, tree, "drivers/a/core.c"), KbuildVerdict::Built);
  // Whatever its own condition, a member of a composite that is off is off.
  tree.write("drivers/d/Makefile",
             "obj-$(CONFIG_IXGBE) += ixgbe.o\n"
             "ixgbe-$(CONFIG_FCOE:m=y) += ixgbe_fcoe.o\n"
             "ifneq ($(CONFIG_DBGCAP),)\nixgbe-y += ixgbe_dbg.o\nendif\n");
  KbuildVerdict fcoe = status.statusOf(tree.path("drivers/d/ixgbe_fcoe.c"));
  EXPECT_EQ(fcoe.kind, KbuildVerdict::NotInConfig);
  EXPECT_EQ(fcoe.reason, "not built with this .config: CONFIG_IXGBE is not set (drivers/d/Makefile: "
                         "obj-$(CONFIG_IXGBE) += ixgbe.o, ixgbe-$(CONFIG_FCOE:m=y) += ixgbe_fcoe.o)");
  EXPECT_EQ(kindOf(status, tree, "drivers/d/ixgbe_dbg.c"), KbuildVerdict::NotInConfig);
  // A define body is not a rule; it is not a conclusion either.
  EXPECT_EQ(kindOf(status, tree, "drivers/a/defined.c"), KbuildVerdict::Unknown);
  // Object lists built from variables may name anything: neither "off" nor "not an object".
  EXPECT_EQ(kindOf(status, tree, "drivers/b/b1.c"), KbuildVerdict::Unknown);
  EXPECT_EQ(kindOf(status, tree, "drivers/b/b2.c"), KbuildVerdict::Unknown);
  EXPECT_EQ(kindOf(status, tree, "drivers/b/b3.c"), KbuildVerdict::Unknown);
  EXPECT_EQ(kindOf(status, tree, "drivers/c/c.c"), KbuildVerdict::Unknown);
  EXPECT_EQ(kindOf(status, tree, "drivers/c/other.c"), KbuildVerdict::Unknown);
  // No Makefile, outside the tree, not C.
  EXPECT_EQ(kindOf(status, tree, "drivers/none/x.c"), KbuildVerdict::Unknown);
  EXPECT_EQ(status.statusOf("/nonexistent/x.c").kind, KbuildVerdict::Unknown);
  EXPECT_EQ(kindOf(status, tree, "drivers/a/hcd.h"), KbuildVerdict::Unknown);
}

// ifdef/ifndef/ifeq/ifneq on one CONFIG option: a block that needs an unset
// option switches its rules off (xhci-dbgcap.c: `ifneq ($(CONFIG_USB_XHCI_DBGCAP), )`);
// a block that holds is as if absent; anything else stays Unknown.
TEST(KbuildStatus, SimpleConditionalsAreEvaluated) {
  FakeTree tree("conditionals");
  tree.write("include/config/auto.conf", "CONFIG_HCD=y\nCONFIG_MOD=m\n");
  tree.write("drivers/usb/Makefile",
             "obj-$(CONFIG_HCD) += hcd.o\n"
             "hcd-y := core.o\n"
             "ifneq ($(CONFIG_DBGCAP), )\n\thcd-y += dbgcap.o\nendif\n"
             "ifeq ($(CONFIG_MOD),y)\nhcd-y += is_y.o\nendif\n"
             "ifneq ($(CONFIG_MOD),y)\nhcd-y += not_y.o\nendif\n"
             "ifndef CONFIG_HCD\nhcd-y += no_hcd.o\nelse\nhcd-y += with_hcd.o\nendif\n"
             "ifeq ($(CONFIG_OFF),)\nhcd-y += off_empty.o\nendif\n"
             "ifdef CONFIG_HCD\nifdef CONFIG_OFF\nhcd-y += nested_off.o\nendif\nendif\n"
             "ifeq ($(ARCH),x86)\nhcd-y += arch.o\nendif\n"
             "ifdef CONFIG_OFF\nelse ifdef CONFIG_HCD\nhcd-y += else_if.o\nendif\n");
  KbuildStatus status = tree.open();
  KbuildVerdict dbgcap = status.statusOf(tree.path("drivers/usb/dbgcap.c"));
  EXPECT_EQ(dbgcap.kind, KbuildVerdict::NotInConfig);
  EXPECT_EQ(dbgcap.reason, "not built with this .config: CONFIG_DBGCAP is not set (drivers/usb/Makefile: "
                           "hcd-y += dbgcap.o)");
  EXPECT_EQ(kindOf(status, tree, "drivers/usb/not_y.c"), KbuildVerdict::Built);      // CONFIG_MOD=m
  EXPECT_EQ(kindOf(status, tree, "drivers/usb/with_hcd.c"), KbuildVerdict::Built);   // else branch
  EXPECT_EQ(kindOf(status, tree, "drivers/usb/off_empty.c"), KbuildVerdict::Built);  // ifeq ($(X),), X unset
  EXPECT_EQ(kindOf(status, tree, "drivers/usb/nested_off.c"), KbuildVerdict::NotInConfig);
  // False because an option is set (or is m, not y): not an "is not set" verdict.
  EXPECT_EQ(kindOf(status, tree, "drivers/usb/is_y.c"), KbuildVerdict::Unknown);
  EXPECT_EQ(kindOf(status, tree, "drivers/usb/no_hcd.c"), KbuildVerdict::Unknown);
  // Not about a CONFIG option, or an else-if chain.
  EXPECT_EQ(kindOf(status, tree, "drivers/usb/arch.c"), KbuildVerdict::Unknown);
  EXPECT_EQ(kindOf(status, tree, "drivers/usb/else_if.c"), KbuildVerdict::Unknown);
}

TEST(KbuildStatus, WithoutAutoConfEveryConfigIsUnknown) {
  FakeTree tree("no-config");
  tree.write("drivers/x/Makefile", "obj-$(CONFIG_FOO) += foo.o\nobj-y += y.o\n");
  KbuildStatus status = tree.open();
  EXPECT_FALSE(status.hasConfig());
  EXPECT_EQ(kindOf(status, tree, "drivers/x/foo.c"), KbuildVerdict::Unknown);
  EXPECT_EQ(kindOf(status, tree, "drivers/x/y.c"), KbuildVerdict::Built);
  EXPECT_EQ(kindOf(status, tree, "drivers/x/included.c"), KbuildVerdict::NotAnObject);
}

TEST(KbuildStatus, ListsSplicedIntoACompositeAreFollowed) {
  FakeTree tree("spliced");
  tree.write("include/config/auto.conf", "CONFIG_EDMA=m\nCONFIG_TRACING=y\n");
  tree.write("drivers/dma/Makefile",
             "obj-$(CONFIG_EDMA) += fsl-edma.o\n"
             "obj-$(CONFIG_MCF) += mcf-edma.o\n"
             "fsl-edma-trace-$(CONFIG_TRACING) := fsl-edma-trace.o\n"
             "fsl-edma-objs := fsl-edma-main.o fsl-edma-common.o ${fsl-edma-trace-y}\n"
             "mcf-edma-objs := mcf-edma-main.o $(fsl-edma-trace-y)\n"
             "obj-$(CONFIG_OFF) += off.o\n");
  KbuildStatus status = tree.open();
  EXPECT_EQ(kindOf(status, tree, "drivers/dma/fsl-edma-trace.c"), KbuildVerdict::Built);
  EXPECT_EQ(kindOf(status, tree, "drivers/dma/mcf-edma-main.c"), KbuildVerdict::NotInConfig);
  // A reference to this Makefile's own list does not hide the other rules.
  EXPECT_EQ(kindOf(status, tree, "drivers/dma/off.c"), KbuildVerdict::NotInConfig);
  EXPECT_EQ(kindOf(status, tree, "drivers/dma/stray.c"), KbuildVerdict::NotAnObject);
}
