/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: platform devices (after include/linux/
 * platform_device.h, mod_devicetable.h of Linux 6.12).
 */
#ifndef _DMACHECK_MODEL_PLATFORM_H
#define _DMACHECK_MODEL_PLATFORM_H

#define PLATFORM_DEVID_NONE (-1)
#define PLATFORM_DEVID_AUTO (-2)
struct mfd_cell;
struct platform_device {
	const char *name;
	int id;
	bool id_auto;
	struct device dev;
	u64 platform_dma_mask;
	struct device_dma_parameters dma_parms;
	u32 num_resources;
	struct resource *resource;
	const struct platform_device_id *id_entry;
	const char *driver_override;
	struct mfd_cell *mfd_cell;
};
#define platform_get_device_id(pdev) ((pdev)->id_entry)
#define dev_is_platform(dev) ((dev)->bus == &platform_bus_type)
#define to_platform_device(x) container_of((x), struct platform_device, dev)
extern const struct bus_type platform_bus_type;
extern struct device platform_bus;
struct platform_driver {
	int (*probe)(struct platform_device *);
	union {
		void (*remove)(struct platform_device *);
		void (*remove_new)(struct platform_device *);
	};
	void (*shutdown)(struct platform_device *);
	int (*suspend)(struct platform_device *, pm_message_t state);
	int (*resume)(struct platform_device *);
	struct device_driver driver;
	const struct platform_device_id *id_table;
	bool prevent_deferred_probe;
	bool driver_managed_dma;
};
#define to_platform_driver(drv) (container_of((drv), struct platform_driver, driver))
struct resource *platform_get_resource(struct platform_device *, unsigned int, unsigned int);
struct resource *platform_get_mem_or_io(struct platform_device *, unsigned int);
struct resource *platform_get_resource_byname(struct platform_device *, unsigned int,
					      const char *);
void __iomem *devm_platform_get_and_ioremap_resource(struct platform_device *pdev,
						     unsigned int index, struct resource **res);
void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index);
void __iomem *devm_platform_ioremap_resource_byname(struct platform_device *pdev,
						    const char *name);
int platform_get_irq(struct platform_device *, unsigned int);
int platform_get_irq_optional(struct platform_device *, unsigned int);
int platform_irq_count(struct platform_device *);
int platform_get_irq_byname(struct platform_device *, const char *);
int platform_get_irq_byname_optional(struct platform_device *dev, const char *name);
int platform_add_devices(struct platform_device **, int);
struct platform_device_info {
	struct device *parent;
	struct fwnode_handle *fwnode;
	bool of_node_reused;
	const char *name;
	int id;
	const struct resource *res;
	unsigned int num_res;
	const void *data;
	size_t size_data;
	u64 dma_mask;
	const struct property_entry *properties;
};
struct platform_device *platform_device_register_full(const struct platform_device_info *pdevinfo);
struct platform_device *platform_device_register_resndata(struct device *parent, const char *name,
							  int id, const struct resource *res,
							  unsigned int num, const void *data,
							  size_t size);
struct platform_device *platform_device_register_simple(const char *name, int id,
							const struct resource *res,
							unsigned int num);
struct platform_device *platform_device_register_data(struct device *parent, const char *name,
						      int id, const void *data, size_t size);
struct platform_device *platform_device_alloc(const char *name, int id);
int platform_device_add_resources(struct platform_device *pdev, const struct resource *res,
				  unsigned int num);
int platform_device_add_data(struct platform_device *pdev, const void *data, size_t size);
int platform_device_add(struct platform_device *pdev);
void platform_device_del(struct platform_device *pdev);
void platform_device_put(struct platform_device *pdev);
int platform_device_register(struct platform_device *);
void platform_device_unregister(struct platform_device *);
int __platform_driver_register(struct platform_driver *, struct module *);
#define platform_driver_register(drv) __platform_driver_register(drv, THIS_MODULE)
void platform_driver_unregister(struct platform_driver *);
int __platform_driver_probe(struct platform_driver *driver,
			    int (*probe)(struct platform_device *), struct module *module);
#define platform_driver_probe(drv, probe) __platform_driver_probe(drv, probe, THIS_MODULE)
int __platform_register_drivers(struct platform_driver *const *drivers, unsigned int count,
				struct module *owner);
#define platform_register_drivers(drivers, count) \
	__platform_register_drivers(drivers, count, THIS_MODULE)
void platform_unregister_drivers(struct platform_driver *const *drivers, unsigned int count);
static inline void *platform_get_drvdata(const struct platform_device *pdev)
{ return dev_get_drvdata(&pdev->dev); }
static inline void platform_set_drvdata(struct platform_device *pdev, void *data)
{ dev_set_drvdata(&pdev->dev, data); }
#define module_platform_driver(__platform_driver) \
	module_driver(__platform_driver, platform_driver_register, platform_driver_unregister)
#define builtin_platform_driver(__platform_driver) \
	builtin_driver(__platform_driver, platform_driver_register)
#define module_platform_driver_probe(__platform_driver, __platform_probe) \
	static int __init __platform_driver##_init(void) \
	{ return platform_driver_probe(&(__platform_driver), __platform_probe); } \
	module_init(__platform_driver##_init); \
	static void __exit __platform_driver##_exit(void) \
	{ platform_driver_unregister(&(__platform_driver)); } \
	module_exit(__platform_driver##_exit);

#endif /* _DMACHECK_MODEL_PLATFORM_H */
