// Facts the importer takes from console lines (printk:console events):
// Intel IOMMU fault reports and "driver device: message" prefixes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dmacheck::tracer {

struct DmarFault {
  std::string device;  // "0000:00:01.0" (the line's [00:01.0] with segment 0000 unless given)
  bool write = false;
  uint64_t addr = 0;
  int reason = 0;
  std::string reasonText;  // e.g. "PTE Write access is not set"
};

enum class DmarParse { NotAFault, Parsed, Malformed };

// "DMAR: [DMA Write NO_PASID] Request device [00:01.0] fault addr 0xfff4000
//  [fault reason 0x05] PTE Write access is not set" (also the older
// "[DMA Read] Request device [00:01.0] PASID ffffffff fault addr ..." form).
// Interrupt-remapping faults ("[INTR-REMAP]") are not DMA faults: NotAFault.
DmarParse parseDmarFault(std::string_view line, DmarFault &out);

// "ahci 0000:00:1f.2: AHCI vers ..." -> driver "ahci", device
// "0000:00:1f.2". Only PCI-address devices, and not the PCI core's own
// "pci 0000:..." lines; also "nvme nvme0: pci function 0000:00:01.0".
// False when the line has no such prefix.
bool parseDriverPrefix(std::string_view line, std::string &driver, std::string &device);

// Whether name is a PCI address "dddd:bb:dd.f".
bool isPciAddress(std::string_view name);

}  // namespace dmacheck::tracer
