/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: the driver model (after include/linux/{kobject,
 * sysfs,device,device/driver,device/bus,device/class,pm,pm_runtime,
 * ioport,firmware,of,of_device,property,acpi,mod_devicetable}.h of
 * Linux 6.12).
 *
 * struct device keeps the fields drivers touch, with the DMA ones
 * (dma_mask, coherent_dma_mask, bus_dma_limit, dma_parms) exactly as 6.12
 * declares them.
 */
#ifndef _DMACHECK_MODEL_DEVICE_H
#define _DMACHECK_MODEL_DEVICE_H

/* ================= sysfs, kobject ================= */
#define S_IRWXU 00700
#define S_IRUSR 00400
#define S_IWUSR 00200
#define S_IXUSR 00100
#define S_IRWXG 00070
#define S_IRGRP 00040
#define S_IWGRP 00020
#define S_IXGRP 00010
#define S_IRWXO 00007
#define S_IROTH 00004
#define S_IWOTH 00002
#define S_IXOTH 00001
#define S_IRWXUGO (S_IRWXU | S_IRWXG | S_IRWXO)
#define S_IALLUGO (S_ISUID | S_ISGID | S_ISVTX | S_IRWXUGO)
#define S_IRUGO (S_IRUSR | S_IRGRP | S_IROTH)
#define S_IWUGO (S_IWUSR | S_IWGRP | S_IWOTH)
#define S_IXUGO (S_IXUSR | S_IXGRP | S_IXOTH)
#define S_ISUID 0004000
#define S_ISGID 0002000
#define S_ISVTX 0001000
#define S_IFMT 00170000
#define S_IFREG 0100000
#define S_IFDIR 0040000
#define S_IFCHR 0020000

struct attribute {
	const char *name;
	umode_t mode;
};
struct bin_attribute {
	struct attribute attr;
	size_t size;
	void *private;
	ssize_t (*read)(struct file *, struct kobject *, struct bin_attribute *,
			char *, loff_t, size_t);
	ssize_t (*write)(struct file *, struct kobject *, struct bin_attribute *,
			 char *, loff_t, size_t);
};
struct attribute_group {
	const char *name;
	umode_t (*is_visible)(struct kobject *, struct attribute *, int);
	umode_t (*is_bin_visible)(struct kobject *, struct bin_attribute *, int);
	struct attribute **attrs;
	struct bin_attribute **bin_attrs;
};
#define __ATTR(_name, _mode, _show, _store) \
	{ .attr = { .name = __stringify(_name), .mode = (_mode) }, .show = _show, .store = _store }
#define __ATTR_RO(_name) __ATTR(_name, 0444, _name##_show, NULL)
#define __ATTR_RO_MODE(_name, _mode) __ATTR(_name, _mode, _name##_show, NULL)
#define __ATTR_WO(_name) __ATTR(_name, 0200, NULL, _name##_store)
#define __ATTR_RW(_name) __ATTR(_name, 0644, _name##_show, _name##_store)
#define __ATTR_RW_MODE(_name, _mode) __ATTR(_name, _mode, _name##_show, _name##_store)
#define __ATTR_NULL { .attr = { .name = NULL } }
#define __ATTRIBUTE_GROUPS(_name) \
	static const struct attribute_group *_name##_groups[] = { &_name##_group, NULL, }
#define ATTRIBUTE_GROUPS(_name) \
	static const struct attribute_group _name##_group = { .attrs = _name##_attrs, }; \
	__ATTRIBUTE_GROUPS(_name)
#define BIN_ATTR(_name, _mode, _read, _write, _size) \
	struct bin_attribute bin_attr_##_name = { .attr = { .name = __stringify(_name), .mode = _mode }, \
		.read = _read, .write = _write, .size = _size }
#define BIN_ATTR_RO(_name, _size) BIN_ATTR(_name, 0444, _name##_read, NULL, _size)
#define BIN_ATTR_RW(_name, _size) BIN_ATTR(_name, 0644, _name##_read, _name##_write, _size)
#define sysfs_attr_init(attr) do { } while (0)

struct kobj_type;
struct kobject {
	const char *name;
	struct list_head entry;
	struct kobject *parent;
	const struct kobj_type *ktype;
	struct kref kref;
};
int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);
int sysfs_update_group(struct kobject *kobj, const struct attribute_group *grp);
void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp);
int sysfs_create_groups(struct kobject *kobj, const struct attribute_group **groups);
void sysfs_remove_groups(struct kobject *kobj, const struct attribute_group **groups);
int sysfs_create_file(struct kobject *kobj, const struct attribute *attr);
void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr);
int sysfs_create_bin_file(struct kobject *kobj, const struct bin_attribute *attr);
void sysfs_remove_bin_file(struct kobject *kobj, const struct bin_attribute *attr);
int sysfs_create_link(struct kobject *kobj, struct kobject *target, const char *name);
void sysfs_remove_link(struct kobject *kobj, const char *name);
void sysfs_notify(struct kobject *kobj, const char *dir, const char *attr);
int kobject_uevent(struct kobject *kobj, int action);
const char *kobject_name(const struct kobject *kobj);

/* ================= power management ================= */
typedef struct pm_message {
	int event;
} pm_message_t;
#define PM_EVENT_ON 0x0000
#define PM_EVENT_FREEZE 0x0001
#define PM_EVENT_SUSPEND 0x0002
#define PM_EVENT_HIBERNATE 0x0004
#define PM_EVENT_QUIESCE 0x0008
#define PM_EVENT_RESUME 0x0010
#define PM_EVENT_THAW 0x0020
#define PM_EVENT_RESTORE 0x0040
#define PMSG_ON ((struct pm_message){ .event = PM_EVENT_ON, })
#define PMSG_FREEZE ((struct pm_message){ .event = PM_EVENT_FREEZE, })
#define PMSG_SUSPEND ((struct pm_message){ .event = PM_EVENT_SUSPEND, })
#define PMSG_HIBERNATE ((struct pm_message){ .event = PM_EVENT_HIBERNATE, })
#define PMSG_RESUME ((struct pm_message){ .event = PM_EVENT_RESUME, })
struct dev_pm_ops {
	int (*prepare)(struct device *dev);
	void (*complete)(struct device *dev);
	int (*suspend)(struct device *dev);
	int (*resume)(struct device *dev);
	int (*freeze)(struct device *dev);
	int (*thaw)(struct device *dev);
	int (*poweroff)(struct device *dev);
	int (*restore)(struct device *dev);
	int (*suspend_late)(struct device *dev);
	int (*resume_early)(struct device *dev);
	int (*freeze_late)(struct device *dev);
	int (*thaw_early)(struct device *dev);
	int (*poweroff_late)(struct device *dev);
	int (*restore_early)(struct device *dev);
	int (*suspend_noirq)(struct device *dev);
	int (*resume_noirq)(struct device *dev);
	int (*freeze_noirq)(struct device *dev);
	int (*thaw_noirq)(struct device *dev);
	int (*poweroff_noirq)(struct device *dev);
	int (*restore_noirq)(struct device *dev);
	int (*runtime_suspend)(struct device *dev);
	int (*runtime_resume)(struct device *dev);
	int (*runtime_idle)(struct device *dev);
};
#define SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) \
	.suspend = (suspend_fn), .resume = (resume_fn), .freeze = (suspend_fn), \
	.thaw = (resume_fn), .poweroff = (suspend_fn), .restore = (resume_fn),
#define LATE_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) \
	.suspend_late = (suspend_fn), .resume_early = (resume_fn), \
	.freeze_late = (suspend_fn), .thaw_early = (resume_fn), \
	.poweroff_late = (suspend_fn), .restore_early = (resume_fn),
#define NOIRQ_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) \
	.suspend_noirq = (suspend_fn), .resume_noirq = (resume_fn), \
	.freeze_noirq = (suspend_fn), .thaw_noirq = (resume_fn), \
	.poweroff_noirq = (suspend_fn), .restore_noirq = (resume_fn),
#define RUNTIME_PM_OPS(suspend_fn, resume_fn, idle_fn) \
	.runtime_suspend = (suspend_fn), .runtime_resume = (resume_fn), .runtime_idle = (idle_fn),
#define SET_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn)
#define SET_LATE_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) LATE_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn)
#define SET_NOIRQ_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) NOIRQ_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn)
#define SET_RUNTIME_PM_OPS(suspend_fn, resume_fn, idle_fn) RUNTIME_PM_OPS(suspend_fn, resume_fn, idle_fn)
#define _DEFINE_DEV_PM_OPS(name, suspend_fn, resume_fn, runtime_suspend_fn, runtime_resume_fn, idle_fn) \
	const struct dev_pm_ops name = { \
		SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) \
		RUNTIME_PM_OPS(runtime_suspend_fn, runtime_resume_fn, idle_fn) }
#define DEFINE_SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn) \
	_DEFINE_DEV_PM_OPS(name, suspend_fn, resume_fn, NULL, NULL, NULL)
#define SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn) \
	const struct dev_pm_ops __maybe_unused name = { SET_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) }
#define DEFINE_RUNTIME_DEV_PM_OPS(name, suspend_fn, resume_fn, idle_fn) \
	_DEFINE_DEV_PM_OPS(name, pm_runtime_force_suspend, pm_runtime_force_resume, \
			   suspend_fn, resume_fn, idle_fn)
#define UNIVERSAL_DEV_PM_OPS(name, suspend_fn, resume_fn, idle_fn) \
	const struct dev_pm_ops __maybe_unused name = { \
		SET_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) \
		SET_RUNTIME_PM_OPS(suspend_fn, resume_fn, idle_fn) }
#define EXPORT_SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn) \
	DEFINE_SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn)
#define EXPORT_GPL_SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn) \
	DEFINE_SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn)
#define pm_ptr(_ptr) (_ptr)
#define pm_sleep_ptr(_ptr) (_ptr)
struct dev_pm_info {
	pm_message_t power_state;
	bool can_wakeup:1;
	bool async_suspend:1;
	bool is_prepared:1;
	bool should_wakeup:1;
	atomic_t usage_count;
	atomic_t child_count;
	unsigned int disable_depth:3;
	unsigned int runtime_error;
};
struct dev_pm_domain;
#define DPM_FLAG_NO_DIRECT_COMPLETE BIT(0)
#define DPM_FLAG_SMART_PREPARE BIT(1)
#define DPM_FLAG_SMART_SUSPEND BIT(2)
#define DPM_FLAG_MAY_SKIP_RESUME BIT(3)
void dev_pm_set_driver_flags(struct device *dev, u32 flags);
int pm_runtime_get(struct device *dev);
int pm_runtime_get_sync(struct device *dev);
int pm_runtime_resume_and_get(struct device *dev);
int pm_runtime_get_noresume(struct device *dev);
int pm_runtime_get_if_in_use(struct device *dev);
int pm_runtime_get_if_active(struct device *dev);
int pm_runtime_put(struct device *dev);
int pm_runtime_put_sync(struct device *dev);
int pm_runtime_put_autosuspend(struct device *dev);
int pm_runtime_put_sync_suspend(struct device *dev);
void pm_runtime_put_noidle(struct device *dev);
void pm_runtime_enable(struct device *dev);
void pm_runtime_disable(struct device *dev);
int devm_pm_runtime_enable(struct device *dev);
void pm_runtime_allow(struct device *dev);
void pm_runtime_forbid(struct device *dev);
int pm_runtime_set_active(struct device *dev);
void pm_runtime_set_suspended(struct device *dev);
void pm_runtime_mark_last_busy(struct device *dev);
void pm_runtime_use_autosuspend(struct device *dev);
void pm_runtime_dont_use_autosuspend(struct device *dev);
void pm_runtime_set_autosuspend_delay(struct device *dev, int delay);
bool pm_runtime_suspended(struct device *dev);
bool pm_runtime_active(struct device *dev);
int pm_runtime_resume(struct device *dev);
int pm_request_resume(struct device *dev);
int pm_request_idle(struct device *dev);
int pm_request_autosuspend(struct device *dev);
int pm_runtime_suspend(struct device *dev);
int pm_runtime_idle(struct device *dev);
int pm_schedule_suspend(struct device *dev, unsigned int delay);
int pm_runtime_force_suspend(struct device *dev);
int pm_runtime_force_resume(struct device *dev);
void pm_runtime_irq_safe(struct device *dev);
void device_set_wakeup_capable(struct device *dev, bool capable);
int device_set_wakeup_enable(struct device *dev, bool enable);
int device_init_wakeup(struct device *dev, bool enable);
bool device_may_wakeup(struct device *dev);
bool device_can_wakeup(struct device *dev);
int device_wakeup_enable(struct device *dev);
int device_wakeup_disable(struct device *dev);
void pm_wakeup_event(struct device *dev, unsigned int msec);
void pm_wakeup_dev_event(struct device *dev, unsigned int msec, bool hard);
bool pm_suspend_via_firmware(void);
bool pm_resume_via_firmware(void);
bool pm_suspend_no_platform(void);
void pm_set_vt_switch(int do_switch);
struct pm_qos_request {
	struct pm_qos_constraints *qos;
};
void cpu_latency_qos_add_request(struct pm_qos_request *req, s32 value);
void cpu_latency_qos_update_request(struct pm_qos_request *req, s32 new_value);
void cpu_latency_qos_remove_request(struct pm_qos_request *req);
#define PM_QOS_DEFAULT_VALUE (-1)

/* ================= device ================= */
struct device_dma_parameters {
	unsigned int max_segment_size;
	unsigned int min_align_mask;
	unsigned long segment_boundary_mask;
};
struct dev_msi_info {
	struct irq_domain *domain;
	struct msi_device_data *data;
};
struct dev_archdata {
};
enum device_removable {
	DEVICE_REMOVABLE_NOT_SUPPORTED = 0,
	DEVICE_REMOVABLE_UNKNOWN,
	DEVICE_FIXED,
	DEVICE_REMOVABLE,
};
struct device_type {
	const char *name;
	const struct attribute_group **groups;
	int (*uevent)(const struct device *dev, struct kobj_uevent_env *env);
	void (*release)(struct device *dev);
	const struct dev_pm_ops *pm;
};
struct device {
	struct kobject kobj;
	struct device *parent;
	struct device_private *p;
	const char *init_name;
	const struct device_type *type;
	const struct bus_type *bus;
	struct device_driver *driver;
	void *platform_data;
	void *driver_data;
	struct mutex mutex;
	struct dev_pm_info power;
	struct dev_pm_domain *pm_domain;
	struct dev_msi_info msi;
	u64 *dma_mask;
	u64 coherent_dma_mask;
	u64 bus_dma_limit;
	const struct bus_dma_region *dma_range_map;
	struct device_dma_parameters *dma_parms;
	struct list_head dma_pools;
	struct dma_coherent_mem *dma_mem;
	struct dev_archdata archdata;
	struct device_node *of_node;
	struct fwnode_handle *fwnode;
	int numa_node;
	dev_t devt;
	u32 id;
	spinlock_t devres_lock;
	struct list_head devres_head;
	const struct class *class;
	const struct attribute_group **groups;
	void (*release)(struct device *dev);
	struct iommu_group *iommu_group;
	struct dev_iommu *iommu;
	enum device_removable removable;
	bool offline_disabled:1;
	bool offline:1;
	bool of_node_reused:1;
	bool state_synced:1;
	bool can_match:1;
	bool dma_coherent:1;
	bool dma_skip_sync:1;
	bool dma_iommu:1;
};
#define kobj_to_dev(__kobj) container_of(__kobj, struct device, kobj)

enum probe_type {
	PROBE_DEFAULT_STRATEGY,
	PROBE_PREFER_ASYNCHRONOUS,
	PROBE_FORCE_SYNCHRONOUS,
};
struct device_driver {
	const char *name;
	const struct bus_type *bus;
	struct module *owner;
	const char *mod_name;
	bool suppress_bind_attrs;
	enum probe_type probe_type;
	const struct of_device_id *of_match_table;
	const struct acpi_device_id *acpi_match_table;
	int (*probe)(struct device *dev);
	void (*sync_state)(struct device *dev);
	int (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
	int (*suspend)(struct device *dev, pm_message_t state);
	int (*resume)(struct device *dev);
	const struct attribute_group **groups;
	const struct attribute_group **dev_groups;
	const struct dev_pm_ops *pm;
	void (*coredump)(struct device *dev);
	struct driver_private *p;
};
struct bus_type {
	const char *name;
	const char *dev_name;
	const struct attribute_group **bus_groups;
	const struct attribute_group **dev_groups;
	const struct attribute_group **drv_groups;
	int (*match)(struct device *dev, const struct device_driver *drv);
	int (*probe)(struct device *dev);
	void (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
	const struct dev_pm_ops *pm;
};
struct class {
	const char *name;
	const struct attribute_group **class_groups;
	const struct attribute_group **dev_groups;
	char *(*devnode)(const struct device *dev, umode_t *mode);
	void (*class_release)(const struct class *class);
	void (*dev_release)(struct device *dev);
};
struct device_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr,
			 const char *buf, size_t count);
};
struct driver_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device_driver *driver, char *buf);
	ssize_t (*store)(struct device_driver *driver, const char *buf, size_t count);
};
#define DEVICE_ATTR(_name, _mode, _show, _store) \
	struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RW(_name) struct device_attribute dev_attr_##_name = __ATTR_RW(_name)
#define DEVICE_ATTR_ADMIN_RW(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RW_MODE(_name, 0600)
#define DEVICE_ATTR_RO(_name) struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_ADMIN_RO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RO_MODE(_name, 0400)
#define DEVICE_ATTR_WO(_name) struct device_attribute dev_attr_##_name = __ATTR_WO(_name)
#define DRIVER_ATTR_RW(_name) struct driver_attribute driver_attr_##_name = __ATTR_RW(_name)
#define DRIVER_ATTR_RO(_name) struct driver_attribute driver_attr_##_name = __ATTR_RO(_name)
#define DRIVER_ATTR_WO(_name) struct driver_attribute driver_attr_##_name = __ATTR_WO(_name)

static inline void *dev_get_drvdata(const struct device *dev) { return dev->driver_data; }
static inline void dev_set_drvdata(struct device *dev, void *data) { dev->driver_data = data; }
const char *dev_name(const struct device *dev);
static inline void *dev_get_platdata(const struct device *dev) { return dev->platform_data; }
const char *dev_driver_string(const struct device *dev);
__printf(2, 3) int dev_set_name(struct device *dev, const char *name, ...);
static inline int dev_to_node(struct device *dev) { return dev->numa_node; }
static inline void set_dev_node(struct device *dev, int node) { dev->numa_node = node; }
#define dev_of_node(dev) ((dev)->of_node)
#define dev_fwnode(dev) ((dev)->fwnode)
struct device *get_device(struct device *dev);
void put_device(struct device *dev);
void device_initialize(struct device *dev);
int __must_check device_add(struct device *dev);
void device_del(struct device *dev);
int __must_check device_register(struct device *dev);
void device_unregister(struct device *dev);
int device_create_file(struct device *device, const struct device_attribute *entry);
void device_remove_file(struct device *dev, const struct device_attribute *attr);
int __must_check device_add_group(struct device *dev, const struct attribute_group *grp);
void device_remove_group(struct device *dev, const struct attribute_group *grp);
int __must_check devm_device_add_group(struct device *dev, const struct attribute_group *grp);
int device_attach(struct device *dev);
void device_release_driver(struct device *dev);
int __must_check driver_register(struct device_driver *drv);
void driver_unregister(struct device_driver *drv);
int driver_create_file(struct device_driver *driver, const struct driver_attribute *attr);
void driver_remove_file(struct device_driver *driver, const struct driver_attribute *attr);
bool device_is_bound(struct device *dev);
void device_lock(struct device *dev);
void device_unlock(struct device *dev);
int device_trylock(struct device *dev);
int device_for_each_child(struct device *dev, void *data, int (*fn)(struct device *dev, void *data));
struct device *device_find_child(struct device *dev, void *data,
				 int (*match)(struct device *dev, void *data));
__printf(5, 6) struct device *device_create(const struct class *cls, struct device *parent,
					    dev_t devt, void *drvdata, const char *fmt, ...);
void device_destroy(const struct class *cls, dev_t devt);
struct class *class_create(const char *name);
void class_destroy(const struct class *cls);
int __must_check class_register(const struct class *class);
void class_unregister(const struct class *class);
bool dev_is_removable(struct device *dev);
#define dev_has_sync_state(dev) 0

/* devres */
typedef void (*dr_release_t)(struct device *dev, void *res);
typedef int (*dr_match_t)(struct device *dev, void *res, void *match_data);
void *devres_alloc(dr_release_t release, size_t size, gfp_t gfp);
void devres_free(void *res);
void devres_add(struct device *dev, void *res);
int devres_release(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);
int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);
void *devres_open_group(struct device *dev, void *id, gfp_t gfp);
void devres_close_group(struct device *dev, void *id);
void devres_remove_group(struct device *dev, void *id);
int devres_release_group(struct device *dev, void *id);
void *__must_check devm_kmalloc(struct device *dev, size_t size, gfp_t gfp) __malloc;
void *__must_check devm_kzalloc(struct device *dev, size_t size, gfp_t gfp) __malloc;
void *__must_check devm_kmalloc_array(struct device *dev, size_t n, size_t size, gfp_t flags) __malloc;
void *__must_check devm_kcalloc(struct device *dev, size_t n, size_t size, gfp_t flags) __malloc;
void *__must_check devm_krealloc(struct device *dev, void *ptr, size_t size, gfp_t gfp);
void devm_kfree(struct device *dev, const void *p);
char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp) __malloc;
const char *devm_kstrdup_const(struct device *dev, const char *s, gfp_t gfp);
void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp);
__printf(3, 4) char *devm_kasprintf(struct device *dev, gfp_t gfp, const char *fmt, ...) __malloc;
unsigned long devm_get_free_pages(struct device *dev, gfp_t gfp_mask, unsigned int order);
void devm_free_pages(struct device *dev, unsigned long addr);
int devm_add_action(struct device *dev, void (*action)(void *), void *data);
int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data);
void devm_remove_action(struct device *dev, void (*action)(void *), void *data);
void devm_release_action(struct device *dev, void (*action)(void *), void *data);
void __iomem *devm_ioremap(struct device *dev, resource_size_t offset, resource_size_t size);
void __iomem *devm_ioremap_uc(struct device *dev, resource_size_t offset, resource_size_t size);
void __iomem *devm_ioremap_wc(struct device *dev, resource_size_t offset, resource_size_t size);
void __iomem *devm_ioremap_resource(struct device *dev, const struct resource *res);
void __iomem *devm_ioremap_resource_wc(struct device *dev, const struct resource *res);
void devm_iounmap(struct device *dev, void __iomem *addr);
void *devm_memremap(struct device *dev, resource_size_t offset, size_t size, unsigned long flags);
void devm_memunmap(struct device *dev, void *addr);
void __iomem *devm_ioport_map(struct device *dev, unsigned long port, unsigned int nr);

/* ================= resources ================= */
struct resource {
	resource_size_t start;
	resource_size_t end;
	const char *name;
	unsigned long flags;
	unsigned long desc;
	struct resource *parent, *sibling, *child;
};
#define IORESOURCE_BITS 0x000000ff
#define IORESOURCE_TYPE_BITS 0x00001f00
#define IORESOURCE_IO 0x00000100
#define IORESOURCE_MEM 0x00000200
#define IORESOURCE_REG 0x00000300
#define IORESOURCE_IRQ 0x00000400
#define IORESOURCE_DMA 0x00000800
#define IORESOURCE_BUS 0x00001000
#define IORESOURCE_PREFETCH 0x00002000
#define IORESOURCE_READONLY 0x00004000
#define IORESOURCE_CACHEABLE 0x00008000
#define IORESOURCE_RANGELENGTH 0x00010000
#define IORESOURCE_SHADOWABLE 0x00020000
#define IORESOURCE_SIZEALIGN 0x00040000
#define IORESOURCE_STARTALIGN 0x00080000
#define IORESOURCE_MEM_64 0x00100000
#define IORESOURCE_WINDOW 0x00200000
#define IORESOURCE_MUXED 0x00400000
#define IORESOURCE_EXCLUSIVE 0x08000000
#define IORESOURCE_DISABLED 0x10000000
#define IORESOURCE_UNSET 0x20000000
#define IORESOURCE_AUTO 0x40000000
#define IORESOURCE_BUSY 0x80000000
#define DEFINE_RES_NAMED(_start, _size, _name, _flags) \
	{ .start = (_start), .end = (_start) + (_size) - 1, .name = (_name), .flags = (_flags), .desc = 0 }
#define DEFINE_RES(_start, _size, _flags) DEFINE_RES_NAMED(_start, _size, NULL, _flags)
#define DEFINE_RES_MEM(_start, _size) DEFINE_RES(_start, _size, IORESOURCE_MEM)
#define DEFINE_RES_MEM_NAMED(_start, _size, _name) DEFINE_RES_NAMED(_start, _size, _name, IORESOURCE_MEM)
#define DEFINE_RES_IRQ(_irq) DEFINE_RES(_irq, 1, IORESOURCE_IRQ)
#define DEFINE_RES_IRQ_NAMED(_irq, _name) DEFINE_RES_NAMED(_irq, 1, _name, IORESOURCE_IRQ)
#define DEFINE_RES_IO(_start, _size) DEFINE_RES(_start, _size, IORESOURCE_IO)
static inline resource_size_t resource_size(const struct resource *res)
{ return res->end - res->start + 1; }
static inline unsigned long resource_type(const struct resource *res)
{ return res->flags & IORESOURCE_TYPE_BITS; }
extern struct resource ioport_resource;
extern struct resource iomem_resource;
struct resource *__request_region(struct resource *, resource_size_t start,
				  resource_size_t n, const char *name, int flags);
void __release_region(struct resource *, resource_size_t, resource_size_t);
#define request_region(start, n, name) __request_region(&ioport_resource, (start), (n), (name), 0)
#define request_muxed_region(start, n, name) \
	__request_region(&ioport_resource, (start), (n), (name), IORESOURCE_MUXED)
#define request_mem_region(start, n, name) __request_region(&iomem_resource, (start), (n), (name), 0)
#define request_mem_region_exclusive(start, n, name) \
	__request_region(&iomem_resource, (start), (n), (name), IORESOURCE_EXCLUSIVE)
#define release_region(start, n) __release_region(&ioport_resource, (start), (n))
#define release_mem_region(start, n) __release_region(&iomem_resource, (start), (n))
struct resource *__devm_request_region(struct device *dev, struct resource *parent,
				       resource_size_t start, resource_size_t n,
				       const char *name);
#define devm_request_region(dev, start, n, name) \
	__devm_request_region(dev, &ioport_resource, (start), (n), (name))
#define devm_request_mem_region(dev, start, n, name) \
	__devm_request_region(dev, &iomem_resource, (start), (n), (name))
void __devm_release_region(struct device *dev, struct resource *parent,
			   resource_size_t start, resource_size_t n);
#define devm_release_mem_region(dev, start, n) \
	__devm_release_region(dev, &iomem_resource, (start), (n))
int request_resource(struct resource *root, struct resource *new);
int release_resource(struct resource *new);

/* ================= firmware ================= */
struct firmware {
	size_t size;
	const u8 *data;
	void *priv;
};
int request_firmware(const struct firmware **fw, const char *name, struct device *device);
int firmware_request_nowarn(const struct firmware **fw, const char *name, struct device *device);
int request_firmware_direct(const struct firmware **fw, const char *name, struct device *device);
int request_firmware_nowait(struct module *module, bool uevent, const char *name,
			    struct device *device, gfp_t gfp, void *context,
			    void (*cont)(const struct firmware *fw, void *context));
int request_firmware_into_buf(const struct firmware **firmware_p, const char *name,
			      struct device *device, void *buf, size_t size);
void release_firmware(const struct firmware *fw);
#define FW_ACTION_NOUEVENT 0
#define FW_ACTION_UEVENT 1

/* ================= OF, ACPI, properties, device ids ================= */
struct fwnode_handle {
	struct fwnode_handle *secondary;
	const struct fwnode_operations *ops;
	struct device *dev;
	u8 flags;
};
struct property {
	char *name;
	int length;
	void *value;
	struct property *next;
};
typedef u32 phandle;
struct device_node {
	const char *name;
	phandle phandle;
	const char *full_name;
	struct fwnode_handle fwnode;
	struct property *properties;
	struct property *deadprops;
	struct device_node *parent;
	struct device_node *child;
	struct device_node *sibling;
	unsigned long _flags;
	void *data;
};
struct of_device_id {
	char name[32];
	char type[32];
	char compatible[128];
	const void *data;
};
struct acpi_device_id {
	__u8 id[16];
	kernel_ulong_t driver_data;
	__u32 cls;
	__u32 cls_msk;
};
struct platform_device_id {
	char name[20];
	kernel_ulong_t driver_data;
};
struct of_phandle_args {
	struct device_node *np;
	int args_count;
	uint32_t args[16];
};
#define of_match_ptr(_ptr) (_ptr)
#define of_match_node(_matches, _node) ((const struct of_device_id *)of_match_node_fn(_matches, _node))
const struct of_device_id *of_match_node_fn(const struct of_device_id *matches,
					    const struct device_node *node);
const struct of_device_id *of_match_device(const struct of_device_id *matches,
					   const struct device *dev);
const void *of_device_get_match_data(const struct device *dev);
const void *device_get_match_data(const struct device *dev);
struct device_node *of_node_get(struct device_node *node);
void of_node_put(struct device_node *node);
struct device_node *of_find_compatible_node(struct device_node *from, const char *type,
					    const char *compat);
struct device_node *of_find_node_by_name(struct device_node *from, const char *name);
struct device_node *of_get_child_by_name(const struct device_node *node, const char *name);
struct device_node *of_get_next_child(const struct device_node *node, struct device_node *prev);
struct device_node *of_get_parent(const struct device_node *node);
struct device_node *of_parse_phandle(const struct device_node *np, const char *phandle_name,
				     int index);
int of_parse_phandle_with_args(const struct device_node *np, const char *list_name,
			       const char *cells_name, int index,
			       struct of_phandle_args *out_args);
#define for_each_child_of_node(parent, child) \
	for (child = of_get_next_child(parent, NULL); child != NULL; \
	     child = of_get_next_child(parent, child))
#define for_each_available_child_of_node(parent, child) for_each_child_of_node(parent, child)
int of_device_is_compatible(const struct device_node *device, const char *compat);
bool of_device_is_available(const struct device_node *device);
const void *of_get_property(const struct device_node *node, const char *name, int *lenp);
struct property *of_find_property(const struct device_node *np, const char *name, int *lenp);
bool of_property_read_bool(const struct device_node *np, const char *propname);
bool of_property_present(const struct device_node *np, const char *propname);
int of_property_read_u8(const struct device_node *np, const char *propname, u8 *out_value);
int of_property_read_u16(const struct device_node *np, const char *propname, u16 *out_value);
int of_property_read_u32(const struct device_node *np, const char *propname, u32 *out_value);
int of_property_read_u64(const struct device_node *np, const char *propname, u64 *out_value);
int of_property_read_s32(const struct device_node *np, const char *propname, s32 *out_value);
int of_property_read_u32_index(const struct device_node *np, const char *propname,
			       u32 index, u32 *out_value);
int of_property_read_u32_array(const struct device_node *np, const char *propname,
			       u32 *out_values, size_t sz);
int of_property_read_u8_array(const struct device_node *np, const char *propname,
			      u8 *out_values, size_t sz);
int of_property_read_string(const struct device_node *np, const char *propname,
			    const char **out_string);
int of_property_read_string_index(const struct device_node *np, const char *propname,
				  int index, const char **output);
int of_property_count_elems_of_size(const struct device_node *np, const char *propname,
				    int elem_size);
int of_property_count_u32_elems(const struct device_node *np, const char *propname);
int of_property_match_string(const struct device_node *np, const char *propname,
			     const char *string);
int of_irq_get(struct device_node *dev, int index);
int of_irq_get_byname(struct device_node *dev, const char *name);
unsigned int irq_of_parse_and_map(struct device_node *node, int index);
void __iomem *of_iomap(struct device_node *node, int index);
int of_address_to_resource(struct device_node *dev, int index, struct resource *r);
int of_dma_configure(struct device *dev, struct device_node *np, bool force_dma);
int of_get_mac_address(struct device_node *np, u8 *mac);
int of_get_ethdev_address(struct device_node *np, struct net_device *dev);
int of_get_phy_mode(struct device_node *np, int *interface);
int of_alias_get_id(struct device_node *np, const char *stem);
int of_platform_populate(struct device_node *root, const struct of_device_id *matches,
			 const void *lookup, struct device *parent);
void of_platform_depopulate(struct device *parent);
int devm_of_platform_populate(struct device *dev);
int of_reserved_mem_device_init(struct device *dev);
void of_reserved_mem_device_release(struct device *dev);
#define to_of_node(fwnode) ((struct device_node *)(fwnode))
#define of_fwnode_handle(node) ((struct fwnode_handle *)(node))
#define is_of_node(fwnode) 0

bool device_property_present(const struct device *dev, const char *propname);
bool device_property_read_bool(const struct device *dev, const char *propname);
int device_property_read_u8(const struct device *dev, const char *propname, u8 *val);
int device_property_read_u16(const struct device *dev, const char *propname, u16 *val);
int device_property_read_u32(const struct device *dev, const char *propname, u32 *val);
int device_property_read_u64(const struct device *dev, const char *propname, u64 *val);
int device_property_read_u32_array(const struct device *dev, const char *propname,
				   u32 *val, size_t nval);
int device_property_read_u8_array(const struct device *dev, const char *propname,
				  u8 *val, size_t nval);
int device_property_read_string(const struct device *dev, const char *propname,
				const char **val);
int device_property_match_string(const struct device *dev, const char *propname,
				 const char *string);
int device_property_count_u32(const struct device *dev, const char *propname);
int device_get_mac_address(struct device *dev, char *addr);
bool fwnode_property_present(const struct fwnode_handle *fwnode, const char *propname);
int fwnode_property_read_u32(const struct fwnode_handle *fwnode, const char *propname, u32 *val);
int fwnode_property_read_string(const struct fwnode_handle *fwnode, const char *propname,
				const char **val);
void fwnode_handle_put(struct fwnode_handle *fwnode);
struct fwnode_handle *device_get_named_child_node(const struct device *dev, const char *childname);
enum dev_dma_attr {
	DEV_DMA_NOT_SUPPORTED,
	DEV_DMA_NON_COHERENT,
	DEV_DMA_COHERENT,
};
enum dev_dma_attr device_get_dma_attr(const struct device *dev);
bool device_dma_supported(const struct device *dev);

typedef void *acpi_handle;
struct acpi_device;
#define ACPI_PTR(_ptr) (_ptr)
#define ACPI_COMPANION(dev) ((struct acpi_device *)acpi_companion_fn(dev))
void *acpi_companion_fn(const struct device *dev);
#define ACPI_HANDLE(dev) ((acpi_handle)acpi_handle_fn(dev))
void *acpi_handle_fn(const struct device *dev);
#define has_acpi_companion(dev) (ACPI_COMPANION(dev) != NULL)
#define acpi_disabled 0

#endif /* _DMACHECK_MODEL_DEVICE_H */
