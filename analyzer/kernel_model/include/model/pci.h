/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: PCI (after include/linux/{pci,pci-dma-compat,
 * mod_devicetable,msi,aer,pci-epf}.h of Linux 6.12; the register and ID
 * constants are the kernel's own uapi/linux/pci_regs.h and linux/pci_ids.h,
 * copied unchanged).
 *
 * pci-dma-compat.h (removed in 5.18) is modelled with its last
 * signatures as functions, so old drivers parse and the checker sees the
 * names they wrote.
 */
#ifndef _DMACHECK_MODEL_PCI_H
#define _DMACHECK_MODEL_PCI_H

#include <uapi/linux/pci_regs.h>
#include <linux/pci_ids.h>

#define PCI_DEVFN(slot, func) ((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn) (((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn) ((devfn) & 0x07)
#define PCI_ANY_ID (~0)
#define DEVICE_COUNT_RESOURCE 17
#define PCI_NUM_RESOURCES DEVICE_COUNT_RESOURCE
#define PCI_STD_NUM_BARS 6
#define PCI_ROM_RESOURCE 6
#define PCI_IOV_RESOURCES 7
#define PCI_BRIDGE_RESOURCES 13
#define PCI_IRQ_INTX (1 << 0)
#define PCI_IRQ_MSI (1 << 1)
#define PCI_IRQ_MSIX (1 << 2)
#define PCI_IRQ_AFFINITY (1 << 3)
#define PCI_IRQ_LEGACY PCI_IRQ_INTX
#define PCI_IRQ_ALL_TYPES (PCI_IRQ_INTX | PCI_IRQ_MSI | PCI_IRQ_MSIX)

typedef int __bitwise pci_power_t;
#define PCI_D0 ((pci_power_t __force)0)
#define PCI_D1 ((pci_power_t __force)1)
#define PCI_D2 ((pci_power_t __force)2)
#define PCI_D3hot ((pci_power_t __force)3)
#define PCI_D3cold ((pci_power_t __force)4)
#define PCI_UNKNOWN ((pci_power_t __force)5)
#define PCI_POWER_ERROR ((pci_power_t __force)-1)
typedef unsigned int __bitwise pci_channel_state_t;
enum pci_channel_state {
	pci_channel_io_normal = (__force pci_channel_state_t)1,
	pci_channel_io_frozen = (__force pci_channel_state_t)2,
	pci_channel_io_perm_failure = (__force pci_channel_state_t)3,
};
typedef unsigned int __bitwise pci_ers_result_t;
enum pci_ers_result {
	PCI_ERS_RESULT_NONE = (__force pci_ers_result_t)1,
	PCI_ERS_RESULT_CAN_RECOVER = (__force pci_ers_result_t)2,
	PCI_ERS_RESULT_NEED_RESET = (__force pci_ers_result_t)3,
	PCI_ERS_RESULT_DISCONNECT = (__force pci_ers_result_t)4,
	PCI_ERS_RESULT_RECOVERED = (__force pci_ers_result_t)5,
	PCI_ERS_RESULT_NO_AER_DRIVER = (__force pci_ers_result_t)6,
};
typedef unsigned short __bitwise pci_dev_flags_t;
enum pci_dev_flags {
	PCI_DEV_FLAGS_MSI_INTX_DISABLE_BUG = (__force pci_dev_flags_t)(1 << 0),
	PCI_DEV_FLAGS_NO_D3 = (__force pci_dev_flags_t)(1 << 1),
	PCI_DEV_FLAGS_ASSIGNED = (__force pci_dev_flags_t)(1 << 2),
};
enum pci_bus_speed {
	PCI_SPEED_33MHz = 0x00,
	PCI_SPEED_66MHz = 0x01,
	PCIE_SPEED_2_5GT = 0x14,
	PCIE_SPEED_5_0GT = 0x15,
	PCIE_SPEED_8_0GT = 0x16,
	PCIE_SPEED_16_0GT = 0x17,
	PCIE_SPEED_32_0GT = 0x18,
	PCIE_SPEED_64_0GT = 0x19,
	PCI_SPEED_UNKNOWN = 0xff,
};
enum pcie_link_width {
	PCIE_LNK_WIDTH_RESRV = 0x00,
	PCIE_LNK_X1 = 0x01,
	PCIE_LNK_X2 = 0x02,
	PCIE_LNK_X4 = 0x04,
	PCIE_LNK_X8 = 0x08,
	PCIE_LNK_X12 = 0x0c,
	PCIE_LNK_X16 = 0x10,
	PCIE_LNK_X32 = 0x20,
	PCIE_LNK_WIDTH_UNKNOWN = 0xff,
};
enum pcie_reset_state {
	pcie_deassert_reset = (__force unsigned int)1,
	pcie_warm_reset = (__force unsigned int)2,
	pcie_hot_reset = (__force unsigned int)3,
};
enum {
	PCI_REASSIGN_ALL_RSRC = 0x00000001,
};

struct pci_device_id {
	__u32 vendor, device;
	__u32 subvendor, subdevice;
	__u32 class, class_mask;
	kernel_ulong_t driver_data;
	__u32 override_only;
};
#define PCI_DEVICE(vend, dev) \
	.vendor = (vend), .device = (dev), .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_DEVICE_DRIVER_OVERRIDE(vend, dev, driver_override) \
	.vendor = (vend), .device = (dev), .subvendor = PCI_ANY_ID, \
	.subdevice = PCI_ANY_ID, .override_only = (driver_override)
#define PCI_DEVICE_SUB(vend, dev, subvend, subdev) \
	.vendor = (vend), .device = (dev), .subvendor = (subvend), .subdevice = (subdev)
#define PCI_DEVICE_CLASS(dev_class, dev_class_mask) \
	.class = (dev_class), .class_mask = (dev_class_mask), .vendor = PCI_ANY_ID, \
	.device = PCI_ANY_ID, .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_VDEVICE(vend, dev) \
	.vendor = PCI_VENDOR_ID_##vend, .device = (dev), \
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID, 0, 0
#define PCI_VDEVICE_SUB(vend, dev, subvend, subdev) \
	.vendor = PCI_VENDOR_ID_##vend, .device = (dev), \
	.subvendor = (subvend), .subdevice = (subdev), 0, 0
#define PCI_DEVICE_DATA(vend, dev, data) \
	.vendor = PCI_VENDOR_ID_##vend, .device = PCI_DEVICE_ID_##vend##_##dev, \
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID, 0, 0, \
	.driver_data = (kernel_ulong_t)(data)

struct pci_ops {
	int (*add_bus)(struct pci_bus *bus);
	void (*remove_bus)(struct pci_bus *bus);
	void __iomem *(*map_bus)(struct pci_bus *bus, unsigned int devfn, int where);
	int (*read)(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 *val);
	int (*write)(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 val);
};
struct pci_bus {
	struct list_head node;
	struct pci_bus *parent;
	struct list_head children;
	struct list_head devices;
	struct pci_dev *self;
	struct list_head slots;
	struct resource *resource[4];
	struct list_head resources;
	struct resource busn_res;
	struct pci_ops *ops;
	void *sysdata;
	struct proc_dir_entry *procdir;
	unsigned char number;
	unsigned char primary;
	unsigned char max_bus_speed;
	unsigned char cur_bus_speed;
	int domain_nr;
	char name[48];
	unsigned short bridge_ctl;
	struct device *bridge;
	struct device dev;
	unsigned int is_added:1;
	unsigned int unsafe_warn:1;
};
struct pci_slot {
	struct pci_bus *bus;
	struct list_head list;
	unsigned char number;
	struct kobject kobj;
};
struct pci_vpd {
	struct mutex lock;
	unsigned int len;
	u8 cap;
};
struct pci_sriov;
struct pci_dev {
	struct list_head bus_list;
	struct pci_bus *bus;
	struct pci_bus *subordinate;
	void *sysdata;
	struct proc_dir_entry *procent;
	struct pci_slot *slot;
	unsigned int devfn;
	unsigned short vendor;
	unsigned short device;
	unsigned short subsystem_vendor;
	unsigned short subsystem_device;
	unsigned int class;
	u8 revision;
	u8 hdr_type;
	u16 aer_cap;
	u32 devcap;
	u8 pcie_cap;
	u8 msi_cap;
	u8 msix_cap;
	u8 pcie_mpss:3;
	u8 rom_base_reg;
	u8 pin;
	u16 pcie_flags_reg;
	unsigned long *dma_alias_mask;
	struct pci_driver *driver;
	u64 dma_mask;
	struct device_dma_parameters dma_parms;
	pci_power_t current_state;
	u8 pm_cap;
	unsigned int pme_support:5;
	unsigned int pme_poll:1;
	unsigned int d1_support:1;
	unsigned int d2_support:1;
	unsigned int no_d1d2:1;
	unsigned int no_d3cold:1;
	unsigned int bridge_d3:1;
	unsigned int d3cold_allowed:1;
	unsigned int mmio_always_on:1;
	unsigned int wakeup_prepared:1;
	unsigned int skip_bus_pm:1;
	unsigned int ignore_hotplug:1;
	unsigned int d3hot_delay;
	unsigned int d3cold_delay;
	u16 l1ss;
	struct pcie_link_state *link_state;
	pci_channel_state_t error_state;
	struct device dev;
	int cfg_size;
	unsigned int irq;
	struct resource resource[DEVICE_COUNT_RESOURCE];
	struct resource driver_exclusive_resource;
	bool match_driver;
	unsigned int transparent:1;
	unsigned int io_window:1;
	unsigned int pref_window:1;
	unsigned int pref_64_window:1;
	unsigned int multifunction:1;
	unsigned int is_busmaster:1;
	unsigned int no_msi:1;
	unsigned int no_64bit_msi:1;
	unsigned int block_cfg_access:1;
	unsigned int broken_parity_status:1;
	unsigned int irq_reroute_variant:2;
	unsigned int msi_enabled:1;
	unsigned int msix_enabled:1;
	unsigned int ari_enabled:1;
	unsigned int ats_enabled:1;
	unsigned int pasid_enabled:1;
	unsigned int pri_enabled:1;
	unsigned int is_managed:1;
	unsigned int is_msi_managed:1;
	unsigned int needs_freset:1;
	unsigned int state_saved:1;
	unsigned int is_physfn:1;
	unsigned int is_virtfn:1;
	unsigned int is_hotplug_bridge:1;
	unsigned int is_pciehp:1;
	unsigned int is_thunderbolt:1;
	unsigned int untrusted:1;
	unsigned int external_facing:1;
	unsigned int broken_intx_masking:1;
	unsigned int io_window_1k:1;
	unsigned int irq_managed:1;
	unsigned int non_compliant_bars:1;
	unsigned int is_probed:1;
	unsigned int link_active_reporting:1;
	unsigned int no_vf_scan:1;
	unsigned int no_command_memory:1;
	pci_dev_flags_t dev_flags;
	atomic_t enable_cnt;
	u32 saved_config_space[16];
	struct hlist_head saved_cap_space;
	void __iomem *msix_base;
	struct pci_vpd vpd;
	union {
		struct pci_sriov *sriov;
		struct pci_dev *physfn;
	};
	u16 ats_cap;
	u8 ats_stu;
	u16 acs_cap;
	phys_addr_t rom;
	size_t romlen;
	const char *driver_override;
	unsigned long priv_flags;
	u8 reset_methods[8];
};
#define to_pci_dev(n) container_of(n, struct pci_dev, dev)
#define for_each_pci_dev(d) while ((d = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, d)) != NULL)
#define pci_resource_n(dev, bar) (&(dev)->resource[(bar)])
#define pci_resource_start(dev, bar) (pci_resource_n(dev, bar)->start)
#define pci_resource_end(dev, bar) (pci_resource_n(dev, bar)->end)
#define pci_resource_flags(dev, bar) (pci_resource_n(dev, bar)->flags)
#define pci_resource_len(dev, bar) \
	(pci_resource_end((dev), (bar)) ? resource_size(pci_resource_n((dev), (bar))) : 0)
#define pci_dev_present(ids) pci_dev_present_fn(ids)
int pci_dev_present_fn(const struct pci_device_id *ids);
static inline bool pci_is_pcie(struct pci_dev *dev) { return !!dev->pcie_cap; }
static inline bool pci_is_root_bus(struct pci_bus *pbus) { return !(pbus->parent || pbus->self); }
static inline u16 pcie_caps_reg(const struct pci_dev *dev) { return dev->pcie_flags_reg; }
int pci_pcie_type(const struct pci_dev *dev);
static inline const char *pci_name(const struct pci_dev *pdev) { return dev_name(&pdev->dev); }
static inline void *pci_get_drvdata(struct pci_dev *pdev) { return dev_get_drvdata(&pdev->dev); }
static inline void pci_set_drvdata(struct pci_dev *pdev, void *data) { dev_set_drvdata(&pdev->dev, data); }
static inline int pci_domain_nr(struct pci_bus *bus) { return bus->domain_nr; }
static inline u16 pci_dev_id(struct pci_dev *dev) { return ((u16)dev->bus->number << 8) | dev->devfn; }
#define dev_is_pci(d) ((d)->bus == &pci_bus_type)
#define dev_is_pf(d) (dev_is_pci(d) ? to_pci_dev(d)->is_physfn : false)
extern const struct bus_type pci_bus_type;
static inline struct pci_dev *pci_physfn(struct pci_dev *dev)
{ return dev->is_virtfn ? dev->physfn : dev; }
static inline struct pci_dev *pci_upstream_bridge(struct pci_dev *dev)
{ dev = pci_physfn(dev); return pci_is_root_bus(dev->bus) ? NULL : dev->bus->self; }

struct pci_error_handlers {
	pci_ers_result_t (*error_detected)(struct pci_dev *dev, pci_channel_state_t error);
	pci_ers_result_t (*mmio_enabled)(struct pci_dev *dev);
	pci_ers_result_t (*slot_reset)(struct pci_dev *dev);
	void (*reset_prepare)(struct pci_dev *dev);
	void (*reset_done)(struct pci_dev *dev);
	void (*resume)(struct pci_dev *dev);
	void (*cor_error_detected)(struct pci_dev *dev);
};
struct pci_dynids {
	spinlock_t lock;
	struct list_head list;
};
struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	int (*suspend)(struct pci_dev *dev, pm_message_t state);
	int (*resume)(struct pci_dev *dev);
	void (*shutdown)(struct pci_dev *dev);
	int (*sriov_configure)(struct pci_dev *dev, int num_vfs);
	int (*sriov_set_msix_vec_count)(struct pci_dev *vf, int msix_vec_count);
	u32 (*sriov_get_vf_total_msix)(struct pci_dev *pf);
	const struct pci_error_handlers *err_handler;
	const struct attribute_group **groups;
	const struct attribute_group **dev_groups;
	struct device_driver driver;
	struct pci_dynids dynids;
	bool driver_managed_dma;
};
#define to_pci_driver(drv) container_of(drv, struct pci_driver, driver)
int __must_check __pci_register_driver(struct pci_driver *drv, struct module *owner,
				       const char *mod_name);
#define pci_register_driver(driver) __pci_register_driver(driver, THIS_MODULE, KBUILD_MODNAME)
void pci_unregister_driver(struct pci_driver *dev);
#define module_pci_driver(__pci_driver) \
	module_driver(__pci_driver, pci_register_driver, pci_unregister_driver)
#define builtin_pci_driver(__pci_driver) builtin_driver(__pci_driver, pci_register_driver)
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids, struct pci_dev *dev);

/* enable, bus mastering, regions */
int __must_check pci_enable_device(struct pci_dev *dev);
int __must_check pci_enable_device_io(struct pci_dev *dev);
int __must_check pci_enable_device_mem(struct pci_dev *dev);
int __must_check pci_reenable_device(struct pci_dev *);
int __must_check pcim_enable_device(struct pci_dev *pdev);
void pcim_pin_device(struct pci_dev *pdev);
int pci_is_enabled(struct pci_dev *pdev);
void pci_disable_device(struct pci_dev *dev);
void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);
int pci_set_mwi(struct pci_dev *dev);
int pcim_set_mwi(struct pci_dev *dev);
int pci_try_set_mwi(struct pci_dev *dev);
void pci_clear_mwi(struct pci_dev *dev);
void pci_disable_parity(struct pci_dev *dev);
void pci_intx(struct pci_dev *dev, int enable);
bool pci_check_and_mask_intx(struct pci_dev *dev);
bool pci_check_and_unmask_intx(struct pci_dev *dev);
int __must_check pci_request_regions(struct pci_dev *, const char *);
int __must_check pci_request_regions_exclusive(struct pci_dev *, const char *);
void pci_release_regions(struct pci_dev *);
int __must_check pci_request_region(struct pci_dev *, int, const char *);
void pci_release_region(struct pci_dev *, int);
int pci_request_selected_regions(struct pci_dev *, int, const char *);
int pci_request_selected_regions_exclusive(struct pci_dev *, int, const char *);
void pci_release_selected_regions(struct pci_dev *, int);
int pci_select_bars(struct pci_dev *dev, unsigned long flags);
int pcim_request_all_regions(struct pci_dev *pdev, const char *name);
int pcim_request_region(struct pci_dev *pdev, int bar, const char *name);

int pci_request_mem_regions(struct pci_dev *pdev, const char *name);
void pci_release_mem_regions(struct pci_dev *pdev);
bool pci_is_bridge(struct pci_dev *dev);
#define PCIBIOS_SUCCESSFUL 0x00
#define PCIBIOS_FUNC_NOT_SUPPORTED 0x81
#define PCIBIOS_BAD_VENDOR_ID 0x83
#define PCIBIOS_DEVICE_NOT_FOUND 0x86
#define PCIBIOS_BAD_REGISTER_NUMBER 0x87
#define PCIBIOS_SET_FAILED 0x88
#define PCIBIOS_BUFFER_TOO_SMALL 0x89
int pcibios_err_to_errno(int err);

/* MMIO */
void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long max);
void __iomem *pci_iomap_wc(struct pci_dev *dev, int bar, unsigned long max);
void __iomem *pci_iomap_range(struct pci_dev *dev, int bar, unsigned long offset,
			      unsigned long maxlen);
void pci_iounmap(struct pci_dev *dev, void __iomem *addr);
void __iomem *pci_ioremap_bar(struct pci_dev *pdev, int bar);
void __iomem *pci_ioremap_wc_bar(struct pci_dev *pdev, int bar);
void __iomem *pcim_iomap(struct pci_dev *pdev, int bar, unsigned long maxlen);
void pcim_iounmap(struct pci_dev *pdev, void __iomem *addr);
void __iomem *const *pcim_iomap_table(struct pci_dev *pdev);
int pcim_iomap_regions(struct pci_dev *pdev, int mask, const char *name);
int pcim_iomap_regions_request_all(struct pci_dev *pdev, int mask, const char *name);
void pcim_iounmap_regions(struct pci_dev *pdev, int mask);
void __iomem *pcim_iomap_region(struct pci_dev *pdev, int bar, const char *name);
void pcim_iounmap_region(struct pci_dev *pdev, int bar);
void __iomem *pcim_iomap_range(struct pci_dev *pdev, int bar, unsigned long offset,
			       unsigned long len);
int pci_enable_rom(struct pci_dev *pdev);
void pci_disable_rom(struct pci_dev *pdev);
void __iomem __must_check *pci_map_rom(struct pci_dev *pdev, size_t *size);
void pci_unmap_rom(struct pci_dev *pdev, void __iomem *rom);

/* config space */
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);
int pci_bus_read_config_byte(struct pci_bus *bus, unsigned int devfn, int where, u8 *val);
int pci_bus_read_config_word(struct pci_bus *bus, unsigned int devfn, int where, u16 *val);
int pci_bus_read_config_dword(struct pci_bus *bus, unsigned int devfn, int where, u32 *val);
int pci_bus_write_config_byte(struct pci_bus *bus, unsigned int devfn, int where, u8 val);
int pci_bus_write_config_word(struct pci_bus *bus, unsigned int devfn, int where, u16 val);
int pci_bus_write_config_dword(struct pci_bus *bus, unsigned int devfn, int where, u32 val);
int pcie_capability_read_word(struct pci_dev *dev, int pos, u16 *val);
int pcie_capability_read_dword(struct pci_dev *dev, int pos, u32 *val);
int pcie_capability_write_word(struct pci_dev *dev, int pos, u16 val);
int pcie_capability_write_dword(struct pci_dev *dev, int pos, u32 val);
int pcie_capability_clear_and_set_word(struct pci_dev *dev, int pos, u16 clear, u16 set);
int pcie_capability_clear_and_set_dword(struct pci_dev *dev, int pos, u32 clear, u32 set);
int pcie_capability_set_word(struct pci_dev *dev, int pos, u16 set);
int pcie_capability_clear_word(struct pci_dev *dev, int pos, u16 clear);
int pcie_capability_set_dword(struct pci_dev *dev, int pos, u32 set);
int pcie_capability_clear_dword(struct pci_dev *dev, int pos, u32 clear);
u8 pci_find_capability(struct pci_dev *dev, int cap);
u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap);
u16 pci_find_ext_capability(struct pci_dev *dev, int cap);
u16 pci_find_next_ext_capability(struct pci_dev *dev, u16 pos, int cap);
u16 pci_find_vsec_capability(struct pci_dev *dev, u16 vendor, int cap);
ssize_t pci_read_vpd(struct pci_dev *dev, loff_t pos, size_t count, void *buf);
ssize_t pci_write_vpd(struct pci_dev *dev, loff_t pos, size_t count, const void *buf);
void *pci_vpd_alloc(struct pci_dev *dev, unsigned int *size);
int pci_vpd_find_ro_info_keyword(const void *buf, unsigned int len, const char *kw,
				 unsigned int *size);

/* power, reset, state */
int pci_save_state(struct pci_dev *dev);
void pci_restore_state(struct pci_dev *dev);
struct pci_saved_state *pci_store_saved_state(struct pci_dev *dev);
int pci_load_saved_state(struct pci_dev *dev, struct pci_saved_state *state);
int pci_load_and_free_saved_state(struct pci_dev *dev, struct pci_saved_state **state);
int pci_set_power_state(struct pci_dev *dev, pci_power_t state);
pci_power_t pci_choose_state(struct pci_dev *dev, pm_message_t state);
bool pci_pme_capable(struct pci_dev *dev, pci_power_t state);
void pci_pme_active(struct pci_dev *dev, bool enable);
int pci_enable_wake(struct pci_dev *dev, pci_power_t state, bool enable);
int pci_wake_from_d3(struct pci_dev *dev, bool enable);
int pci_prepare_to_sleep(struct pci_dev *dev);
int pci_back_from_sleep(struct pci_dev *dev);
bool pci_dev_run_wake(struct pci_dev *dev);
void pci_d3cold_enable(struct pci_dev *dev);
void pci_d3cold_disable(struct pci_dev *dev);
int pci_reset_function(struct pci_dev *dev);
int pci_reset_function_locked(struct pci_dev *dev);
int pci_try_reset_function(struct pci_dev *dev);
int pci_reset_bus(struct pci_dev *dev);
int pcie_flr(struct pci_dev *dev);
bool pcie_has_flr(struct pci_dev *dev);
int pcie_reset_flr(struct pci_dev *dev, bool probe);
void pci_dev_lock(struct pci_dev *dev);
void pci_dev_unlock(struct pci_dev *dev);
int pci_dev_trylock(struct pci_dev *dev);
void pci_cfg_access_lock(struct pci_dev *dev);
void pci_cfg_access_unlock(struct pci_dev *dev);
bool pci_device_is_present(struct pci_dev *pdev);
static inline int pci_channel_offline(struct pci_dev *pdev)
{ return (pdev->error_state != pci_channel_io_normal); }
int pcie_get_readrq(struct pci_dev *dev);
int pcie_set_readrq(struct pci_dev *dev, int rq);
int pcie_get_mps(struct pci_dev *dev);
int pcie_set_mps(struct pci_dev *dev, int mps);
u32 pcie_bandwidth_available(struct pci_dev *dev, struct pci_dev **limiting_dev,
			     enum pci_bus_speed *speed, enum pcie_link_width *width);
void pcie_print_link_status(struct pci_dev *dev);
int pcie_link_speed_mbps(struct pci_dev *pdev);
int pci_enable_pcie_error_reporting(struct pci_dev *dev);
int pci_disable_pcie_error_reporting(struct pci_dev *dev);
int pci_aer_clear_nonfatal_status(struct pci_dev *dev);
void pci_ignore_hotplug(struct pci_dev *dev);
int pci_disable_link_state(struct pci_dev *pdev, int state);
int pci_disable_link_state_locked(struct pci_dev *pdev, int state);
int pci_enable_link_state(struct pci_dev *pdev, int state);
bool pcie_aspm_enabled(struct pci_dev *pdev);
#define PCIE_LINK_STATE_L0S (BIT(0) | BIT(1))
#define PCIE_LINK_STATE_L1 BIT(2)
#define PCIE_LINK_STATE_L1_1 BIT(3)
#define PCIE_LINK_STATE_L1_2 BIT(4)
#define PCIE_LINK_STATE_L1_1_PCIPM BIT(5)
#define PCIE_LINK_STATE_L1_2_PCIPM BIT(6)
#define PCIE_LINK_STATE_ASPM_ALL (PCIE_LINK_STATE_L0S | PCIE_LINK_STATE_L1 | \
	PCIE_LINK_STATE_L1_1 | PCIE_LINK_STATE_L1_2 | PCIE_LINK_STATE_L1_1_PCIPM | \
	PCIE_LINK_STATE_L1_2_PCIPM)
#define PCIE_LINK_STATE_CLKPM BIT(7)

/* lookup */
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device, struct pci_dev *from);
struct pci_dev *pci_get_subsys(unsigned int vendor, unsigned int device, unsigned int ss_vendor,
			       unsigned int ss_device, struct pci_dev *from);
struct pci_dev *pci_get_slot(struct pci_bus *bus, unsigned int devfn);
struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus, unsigned int devfn);
struct pci_dev *pci_get_class(unsigned int class, struct pci_dev *from);
struct pci_dev *pci_dev_get(struct pci_dev *dev);
void pci_dev_put(struct pci_dev *dev);
void pci_stop_and_remove_bus_device(struct pci_dev *dev);
void pci_stop_and_remove_bus_device_locked(struct pci_dev *dev);
void pci_lock_rescan_remove(void);
void pci_unlock_rescan_remove(void);
unsigned int pci_rescan_bus(struct pci_bus *bus);

/* interrupts */
int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs,
			  unsigned int max_vecs, unsigned int flags);
int pci_alloc_irq_vectors_affinity(struct pci_dev *dev, unsigned int min_vecs,
				   unsigned int max_vecs, unsigned int flags,
				   struct irq_affinity *affd);
void pci_free_irq_vectors(struct pci_dev *dev);
int pci_irq_vector(struct pci_dev *dev, unsigned int nr);
const struct cpumask *pci_irq_get_affinity(struct pci_dev *pdev, int vec);
int pci_request_irq(struct pci_dev *dev, unsigned int nr, irq_handler_t handler,
		    irq_handler_t thread_fn, void *dev_id, const char *fmt, ...) __printf(6, 7);
void pci_free_irq(struct pci_dev *dev, unsigned int nr, void *dev_id);
struct msix_entry {
	u32 vector;
	u16 entry;
};
int pci_msi_vec_count(struct pci_dev *dev);
int pci_msix_vec_count(struct pci_dev *dev);
int pci_enable_msi(struct pci_dev *dev);
void pci_disable_msi(struct pci_dev *dev);
int pci_enable_msix_range(struct pci_dev *dev, struct msix_entry *entries, int minvec, int maxvec);
int pci_enable_msix_exact(struct pci_dev *dev, struct msix_entry *entries, int nvec);
void pci_disable_msix(struct pci_dev *dev);
bool pci_msix_can_alloc_dyn(struct pci_dev *dev);
int pci_dev_msi_enabled(struct pci_dev *pci_dev);

/* SR-IOV */
int pci_enable_sriov(struct pci_dev *dev, int nr_virtfn);
void pci_disable_sriov(struct pci_dev *dev);
int pci_num_vf(struct pci_dev *dev);
int pci_vfs_assigned(struct pci_dev *dev);
int pci_sriov_get_totalvfs(struct pci_dev *dev);
int pci_sriov_set_totalvfs(struct pci_dev *dev, u16 numvfs);
int pci_sriov_configure_simple(struct pci_dev *dev, int nr_virtfn);
int pci_iov_virtfn_bus(struct pci_dev *dev, int id);
int pci_iov_virtfn_devfn(struct pci_dev *dev, int id);
int pci_iov_vf_id(struct pci_dev *dev);
struct pci_dev *pci_get_vf_dev(struct pci_dev *pdev, int vf_id);

/* P2P, ATS */
typedef u64 pci_bus_addr_t;
pci_bus_addr_t pci_bus_address(struct pci_dev *pdev, int bar);
bool pci_dev_is_disconnected(const struct pci_dev *dev);
int pci_p2pdma_add_resource(struct pci_dev *pdev, int bar, size_t size, u64 offset);
void *pci_alloc_p2pmem(struct pci_dev *pdev, size_t size);
void pci_free_p2pmem(struct pci_dev *pdev, void *addr, size_t size);
pci_bus_addr_t pci_p2pmem_virt_to_bus(struct pci_dev *pdev, void *addr);
void pci_p2pmem_publish(struct pci_dev *pdev, bool publish);
bool is_pci_p2pdma_page(const struct page *page);
int pci_enable_ats(struct pci_dev *dev, int ps);
void pci_disable_ats(struct pci_dev *dev);
int pci_enable_pasid(struct pci_dev *pdev, int features);
void pci_disable_pasid(struct pci_dev *pdev);
int pci_p2pdma_distance(struct pci_dev *provider, struct device *client, bool verbose);

/* pci-dma-compat.h: removed in 5.18; last signatures */
#define PCI_DMA_BIDIRECTIONAL 0
#define PCI_DMA_TODEVICE 1
#define PCI_DMA_FROMDEVICE 2
#define PCI_DMA_NONE 3
void *pci_alloc_consistent(struct pci_dev *hwdev, size_t size, dma_addr_t *dma_handle);
void *pci_zalloc_consistent(struct pci_dev *hwdev, size_t size, dma_addr_t *dma_handle);
void pci_free_consistent(struct pci_dev *hwdev, size_t size, void *vaddr,
			 dma_addr_t dma_handle);
dma_addr_t pci_map_single(struct pci_dev *hwdev, void *ptr, size_t size, int direction);
void pci_unmap_single(struct pci_dev *hwdev, dma_addr_t dma_addr, size_t size, int direction);
dma_addr_t pci_map_page(struct pci_dev *hwdev, struct page *page, unsigned long offset,
			size_t size, int direction);
void pci_unmap_page(struct pci_dev *hwdev, dma_addr_t dma_address, size_t size,
		    int direction);
int pci_map_sg(struct pci_dev *hwdev, struct scatterlist *sg, int nents, int direction);
void pci_unmap_sg(struct pci_dev *hwdev, struct scatterlist *sg, int nents, int direction);
void pci_dma_sync_single_for_cpu(struct pci_dev *hwdev, dma_addr_t dma_handle, size_t size,
				 int direction);
void pci_dma_sync_single_for_device(struct pci_dev *hwdev, dma_addr_t dma_handle,
				    size_t size, int direction);
void pci_dma_sync_sg_for_cpu(struct pci_dev *hwdev, struct scatterlist *sg, int nelems,
			     int direction);
void pci_dma_sync_sg_for_device(struct pci_dev *hwdev, struct scatterlist *sg, int nelems,
				int direction);
int pci_dma_mapping_error(struct pci_dev *pdev, dma_addr_t dma_addr);
int pci_set_dma_mask(struct pci_dev *dev, u64 mask);
int pci_set_consistent_dma_mask(struct pci_dev *dev, u64 mask);
int pci_set_dma_max_seg_size(struct pci_dev *dev, unsigned int size);
int pci_set_dma_seg_boundary(struct pci_dev *dev, unsigned long mask);
#define DECLARE_PCI_UNMAP_ADDR(ADDR_NAME) DEFINE_DMA_UNMAP_ADDR(ADDR_NAME);
#define DECLARE_PCI_UNMAP_LEN(LEN_NAME) DEFINE_DMA_UNMAP_LEN(LEN_NAME);
#define pci_unmap_addr dma_unmap_addr
#define pci_unmap_addr_set dma_unmap_addr_set
#define pci_unmap_len dma_unmap_len
#define pci_unmap_len_set dma_unmap_len_set

/* printing */
#define pci_printk(level, pdev, fmt, arg...) dev_printk(level, &(pdev)->dev, fmt, ##arg)
#define pci_emerg(pdev, fmt, arg...) dev_emerg(&(pdev)->dev, fmt, ##arg)
#define pci_alert(pdev, fmt, arg...) dev_alert(&(pdev)->dev, fmt, ##arg)
#define pci_crit(pdev, fmt, arg...) dev_crit(&(pdev)->dev, fmt, ##arg)
#define pci_err(pdev, fmt, arg...) dev_err(&(pdev)->dev, fmt, ##arg)
#define pci_warn(pdev, fmt, arg...) dev_warn(&(pdev)->dev, fmt, ##arg)
#define pci_warn_once(pdev, fmt, arg...) dev_warn_once(&(pdev)->dev, fmt, ##arg)
#define pci_notice(pdev, fmt, arg...) dev_notice(&(pdev)->dev, fmt, ##arg)
#define pci_info(pdev, fmt, arg...) dev_info(&(pdev)->dev, fmt, ##arg)
#define pci_dbg(pdev, fmt, arg...) dev_dbg(&(pdev)->dev, fmt, ##arg)
#define pci_err_ratelimited(pdev, fmt, arg...) dev_err_ratelimited(&(pdev)->dev, fmt, ##arg)
#define pci_info_ratelimited(pdev, fmt, arg...) dev_info_ratelimited(&(pdev)->dev, fmt, ##arg)
#define pci_WARN(pdev, condition, fmt, arg...) WARN(condition, "%s %s: " fmt, \
	dev_driver_string(&(pdev)->dev), pci_name(pdev), ##arg)
#define pci_WARN_ONCE(pdev, condition, fmt, arg...) pci_WARN(pdev, condition, fmt, ##arg)

/* PCI endpoint-less helpers drivers use */
int pci_wait_for_pending_transaction(struct pci_dev *dev);
int pci_status_get_and_clear_errors(struct pci_dev *pdev);
int pci_bus_max_busnr(struct pci_bus *bus);
struct pci_bus *pci_find_bus(int domain, int busnr);
int pci_find_saved_cap(struct pci_dev *dev, char cap);
void pci_restore_msi_state(struct pci_dev *dev);
int pci_enable_ptm(struct pci_dev *dev, u8 *granularity);
void pci_disable_ptm(struct pci_dev *dev);
bool pcie_ptm_enabled(struct pci_dev *dev);

#endif /* _DMACHECK_MODEL_PCI_H */
