/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: small leftovers drivers commonly use (after
 * include/linux/{xarray,idr,crc32,notifier,reboot,hwmon,dmi,capability}.h
 * of Linux 6.12). Added as measured on real drivers.
 */
#ifndef _DMACHECK_MODEL_MISC_H
#define _DMACHECK_MODEL_MISC_H

/* ---- xarray, idr, ida ---- */
struct xarray {
	spinlock_t xa_lock;
	gfp_t xa_flags;
	void *xa_head;
};
#define XA_FLAGS_ALLOC 0x4U
#define XA_FLAGS_ALLOC1 0x4U
#define DEFINE_XARRAY(name) struct xarray name = { .xa_flags = 0 }
#define DEFINE_XARRAY_ALLOC(name) struct xarray name = { .xa_flags = XA_FLAGS_ALLOC }
struct xa_limit {
	u32 max;
	u32 min;
};
#define XA_LIMIT(_min, _max) (struct xa_limit) { .min = _min, .max = _max }
#define xa_limit_32b XA_LIMIT(0, UINT_MAX)
#define xa_limit_31b XA_LIMIT(0, INT_MAX)
void xa_init(struct xarray *xa);
void xa_init_flags(struct xarray *xa, gfp_t flags);
void *xa_load(struct xarray *xa, unsigned long index);
void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void *xa_erase(struct xarray *xa, unsigned long index);
void *xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry, gfp_t gfp);
int xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
int xa_alloc(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit, gfp_t gfp);
int xa_alloc_cyclic(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit,
		    u32 *next, gfp_t gfp);
bool xa_empty(const struct xarray *xa);
void xa_destroy(struct xarray *xa);
int xa_err(void *entry);
void *xa_find(struct xarray *xa, unsigned long *index, unsigned long max, unsigned int filter);
void *xa_find_after(struct xarray *xa, unsigned long *index, unsigned long max,
		    unsigned int filter);
#define XA_PRESENT 0x8U
#define xa_for_each(xa, index, entry) \
	for (index = 0, entry = xa_find(xa, &index, ULONG_MAX, XA_PRESENT); entry; \
	     entry = xa_find_after(xa, &index, ULONG_MAX, XA_PRESENT))
#define xa_lock(xa) spin_lock(&(xa)->xa_lock)
#define xa_unlock(xa) spin_unlock(&(xa)->xa_lock)
void *xa_mk_value(unsigned long v);
unsigned long xa_to_value(const void *entry);
bool xa_is_value(const void *entry);

/* radix tree: an xarray in 6.12 */
#define radix_tree_root xarray
#define RADIX_TREE_INIT(name, mask) { .xa_flags = mask }
#define RADIX_TREE(name, mask) struct radix_tree_root name = RADIX_TREE_INIT(name, mask)
#define INIT_RADIX_TREE(root, mask) xa_init_flags(root, mask)
int radix_tree_insert(struct radix_tree_root *, unsigned long index, void *);
void *radix_tree_lookup(const struct radix_tree_root *, unsigned long);
void *radix_tree_delete(struct radix_tree_root *, unsigned long);
int radix_tree_preload(gfp_t gfp_mask);
int radix_tree_maybe_preload(gfp_t gfp_mask);
void radix_tree_preload_end(void);
bool radix_tree_empty(const struct radix_tree_root *root);

struct idr {
	struct xarray idr_rt;
	unsigned int idr_base;
	unsigned int idr_next;
};
#define IDR_INIT(name) { .idr_base = 0 }
#define DEFINE_IDR(name) struct idr name = IDR_INIT(name)
void idr_init(struct idr *idr);
int idr_alloc(struct idr *, void *ptr, int start, int end, gfp_t);
int idr_alloc_cyclic(struct idr *, void *ptr, int start, int end, gfp_t);
void *idr_find(const struct idr *, unsigned long id);
void *idr_remove(struct idr *, unsigned long id);
void idr_destroy(struct idr *);
void *idr_get_next(struct idr *, int *nextid);
#define idr_for_each_entry(idr, entry, id) \
	for (id = 0; ((entry) = idr_get_next(idr, &(id))) != NULL; id += 1U)
struct ida {
	struct xarray xa;
};
#define IDA_INIT(name) { .xa = { .xa_flags = XA_FLAGS_ALLOC } }
#define DEFINE_IDA(name) struct ida name = IDA_INIT(name)
void ida_init(struct ida *ida);
int ida_alloc_range(struct ida *, unsigned int min, unsigned int max, gfp_t);
int ida_alloc(struct ida *ida, gfp_t gfp);
int ida_alloc_min(struct ida *ida, unsigned int min, gfp_t gfp);
int ida_alloc_max(struct ida *ida, unsigned int max, gfp_t gfp);
void ida_free(struct ida *, unsigned int id);
void ida_destroy(struct ida *ida);
#define ida_simple_get(ida, start, end, gfp) ida_alloc_range(ida, start, (end) - 1, gfp)
#define ida_simple_remove(ida, id) ida_free(ida, id)

/* ---- notifiers ---- */
struct notifier_block;
typedef int (*notifier_fn_t)(struct notifier_block *nb, unsigned long action, void *data);
struct notifier_block {
	notifier_fn_t notifier_call;
	struct notifier_block *next;
	int priority;
};
#define NOTIFY_DONE 0x0000
#define NOTIFY_OK 0x0001
#define NOTIFY_STOP_MASK 0x8000
#define NOTIFY_BAD (NOTIFY_STOP_MASK | 0x0002)
#define NOTIFY_STOP (NOTIFY_OK | NOTIFY_STOP_MASK)
int register_reboot_notifier(struct notifier_block *);
int unregister_reboot_notifier(struct notifier_block *);
#define SYS_DOWN 0x0001
#define SYS_RESTART SYS_DOWN
#define SYS_HALT 0x0002
#define SYS_POWER_OFF 0x0003

/* ---- dmi ---- */
enum dmi_field {
	DMI_NONE,
	DMI_BIOS_VENDOR,
	DMI_BIOS_VERSION,
	DMI_BIOS_DATE,
	DMI_BIOS_RELEASE,
	DMI_EC_FIRMWARE_RELEASE,
	DMI_SYS_VENDOR,
	DMI_PRODUCT_NAME,
	DMI_PRODUCT_VERSION,
	DMI_PRODUCT_SERIAL,
	DMI_PRODUCT_UUID,
	DMI_PRODUCT_SKU,
	DMI_PRODUCT_FAMILY,
	DMI_BOARD_VENDOR,
	DMI_BOARD_NAME,
	DMI_BOARD_VERSION,
	DMI_BOARD_SERIAL,
	DMI_BOARD_ASSET_TAG,
	DMI_CHASSIS_VENDOR,
	DMI_CHASSIS_TYPE,
	DMI_CHASSIS_VERSION,
	DMI_CHASSIS_SERIAL,
	DMI_CHASSIS_ASSET_TAG,
	DMI_STRING_MAX,
	DMI_OEM_STRING,
};
struct dmi_strmatch {
	unsigned char slot:7;
	unsigned char exact_match:1;
	char substr[79];
};
struct dmi_system_id {
	int (*callback)(const struct dmi_system_id *);
	const char *ident;
	struct dmi_strmatch matches[4];
	void *driver_data;
};
#define DMI_MATCH(a, b) { .slot = a, .substr = b }
#define DMI_EXACT_MATCH(a, b) { .slot = a, .substr = b, .exact_match = 1 }
int dmi_check_system(const struct dmi_system_id *list);
const struct dmi_system_id *dmi_first_match(const struct dmi_system_id *list);
const char *dmi_get_system_info(int field);
bool dmi_match(enum dmi_field f, const char *str);

/* ---- i2c (the parts NIC and sensor code embeds) ---- */
#define I2C_NAME_SIZE 20
union i2c_smbus_data;
struct i2c_adapter;
struct i2c_msg {
	__u16 addr;
	__u16 flags;
	__u16 len;
	__u8 *buf;
};
#define I2C_M_RD 0x0001
struct i2c_algorithm {
	int (*xfer)(struct i2c_adapter *adap, struct i2c_msg *msgs, int num);
	int (*xfer_atomic)(struct i2c_adapter *adap, struct i2c_msg *msgs, int num);
	int (*smbus_xfer)(struct i2c_adapter *adap, u16 addr, unsigned short flags, char read_write,
			  u8 command, int size, union i2c_smbus_data *data);
	u32 (*functionality)(struct i2c_adapter *adap);
};
struct i2c_adapter {
	struct module *owner;
	unsigned int class;
	const struct i2c_algorithm *algo;
	void *algo_data;
	int timeout;
	int retries;
	struct device dev;
	unsigned long locked_flags;
	int nr;
	char name[48];
	struct completion dev_released;
	struct mutex userspace_clients_lock;
	struct list_head userspace_clients;
};
struct i2c_client {
	unsigned short flags;
	unsigned short addr;
	char name[I2C_NAME_SIZE];
	struct i2c_adapter *adapter;
	struct device dev;
	int init_irq;
	int irq;
	struct list_head detected;
};
struct i2c_board_info {
	char type[I2C_NAME_SIZE];
	unsigned short flags;
	unsigned short addr;
	const char *dev_name;
	void *platform_data;
	int irq;
};
#define I2C_BOARD_INFO(dev_type, dev_addr) .type = dev_type, .addr = (dev_addr)
struct i2c_algo_bit_data {
	void *data;
	void (*setsda)(void *data, int state);
	void (*setscl)(void *data, int state);
	int (*getsda)(void *data);
	int (*getscl)(void *data);
	int (*pre_xfer)(struct i2c_adapter *);
	void (*post_xfer)(struct i2c_adapter *);
	int udelay;
	int timeout;
	bool can_do_atomic;
};
#define I2C_CLASS_HWMON (1 << 0)
#define I2C_CLIENT_END 0xfffeU
#define I2C_CLASS_SPD (1 << 7)
static inline void *i2c_get_adapdata(const struct i2c_adapter *adap) { return dev_get_drvdata(&adap->dev); }
static inline void i2c_set_adapdata(struct i2c_adapter *adap, void *data) { dev_set_drvdata(&adap->dev, data); }
static inline void *i2c_get_clientdata(const struct i2c_client *client) { return dev_get_drvdata(&client->dev); }
static inline void i2c_set_clientdata(struct i2c_client *client, void *data) { dev_set_drvdata(&client->dev, data); }
int i2c_add_adapter(struct i2c_adapter *adap);
void i2c_del_adapter(struct i2c_adapter *adap);
int i2c_bit_add_bus(struct i2c_adapter *);
int i2c_transfer(struct i2c_adapter *adap, struct i2c_msg *msgs, int num);
s32 i2c_smbus_read_byte_data(const struct i2c_client *client, u8 command);
s32 i2c_smbus_write_byte_data(const struct i2c_client *client, u8 command, u8 value);
s32 i2c_smbus_read_word_data(const struct i2c_client *client, u8 command);
s32 i2c_smbus_write_word_data(const struct i2c_client *client, u8 command, u16 value);
struct i2c_client *i2c_new_client_device(struct i2c_adapter *adap,
					 struct i2c_board_info const *info);
void i2c_unregister_device(struct i2c_client *client);

/* ---- hashtable ---- */
#define DEFINE_HASHTABLE(name, bits) \
	struct hlist_head name[1 << (bits)] = { [0 ...((1 << (bits)) - 1)] = HLIST_HEAD_INIT }
#define DECLARE_HASHTABLE(name, bits) struct hlist_head name[1 << (bits)]
#define HASH_SIZE(name) (ARRAY_SIZE(name))
#define HASH_BITS(name) ilog2(HASH_SIZE(name))
u32 hash_32(u32 val, unsigned int bits);
u32 hash_64(u64 val, unsigned int bits);
#define hash_min(val, bits) (sizeof(val) <= 4 ? hash_32(val, bits) : hash_64(val, bits))
#define hash_init(hashtable) do { unsigned int __i; \
	for (__i = 0; __i < HASH_SIZE(hashtable); __i++) INIT_HLIST_HEAD(&(hashtable)[__i]); } while (0)
#define hash_add(hashtable, node, key) \
	hlist_add_head(node, &hashtable[hash_min(key, HASH_BITS(hashtable))])
#define hash_del(node) hlist_del_init(node)
#define hash_for_each(name, bkt, obj, member) \
	for ((bkt) = 0; (bkt) < HASH_SIZE(name); (bkt)++) hlist_for_each_entry(obj, &name[bkt], member)
#define hash_for_each_safe(name, bkt, tmp, obj, member) \
	for ((bkt) = 0; (bkt) < HASH_SIZE(name); (bkt)++) hlist_for_each_entry_safe(obj, tmp, &name[bkt], member)
#define hash_for_each_possible(name, obj, member, key) \
	hlist_for_each_entry(obj, &name[hash_min(key, HASH_BITS(name))], member)

/* ---- reset controllers ---- */
struct reset_control;
struct reset_control *devm_reset_control_get_exclusive(struct device *dev, const char *id);
struct reset_control *devm_reset_control_get_optional_exclusive(struct device *dev, const char *id);
struct reset_control *devm_reset_control_get_shared(struct device *dev, const char *id);
struct reset_control *devm_reset_control_get_optional_shared(struct device *dev, const char *id);
struct reset_control *devm_reset_control_get(struct device *dev, const char *id);
struct reset_control *devm_reset_control_array_get_optional_exclusive(struct device *dev);
struct reset_control *reset_control_get(struct device *dev, const char *id);
void reset_control_put(struct reset_control *rstc);
int reset_control_reset(struct reset_control *rstc);
int reset_control_assert(struct reset_control *rstc);
int reset_control_deassert(struct reset_control *rstc);

/* ---- hw_random ---- */
struct hwrng {
	const char *name;
	int (*init)(struct hwrng *rng);
	void (*cleanup)(struct hwrng *rng);
	int (*data_present)(struct hwrng *rng, int wait);
	int (*data_read)(struct hwrng *rng, u32 *data);
	int (*read)(struct hwrng *rng, void *data, size_t max, bool wait);
	unsigned long priv;
	unsigned short quality;
	struct list_head list;
	struct kref ref;
	struct work_struct cleanup_work;
	struct completion cleanup_done;
	struct completion dying;
};
int hwrng_register(struct hwrng *rng);
void hwrng_unregister(struct hwrng *rng);
int devm_hwrng_register(struct device *dev, struct hwrng *rng);

/* ---- clk ---- */
struct clk;
struct clk *clk_get(struct device *dev, const char *id);
struct clk *devm_clk_get(struct device *dev, const char *id);
struct clk *devm_clk_get_optional(struct device *dev, const char *id);
struct clk *devm_clk_get_enabled(struct device *dev, const char *id);
struct clk *devm_clk_get_optional_enabled(struct device *dev, const char *id);
void clk_put(struct clk *clk);
int clk_prepare(struct clk *clk);
void clk_unprepare(struct clk *clk);
int clk_enable(struct clk *clk);
void clk_disable(struct clk *clk);
int clk_prepare_enable(struct clk *clk);
void clk_disable_unprepare(struct clk *clk);
unsigned long clk_get_rate(struct clk *clk);
int clk_set_rate(struct clk *clk, unsigned long rate);

/* ---- ratelimit, keys ---- */
struct ratelimit_state {
	raw_spinlock_t lock;
	int interval;
	int burst;
	int printed;
	int missed;
	unsigned int flags;
	unsigned long begin;
};
#define DEFAULT_RATELIMIT_INTERVAL (5 * HZ)
#define DEFAULT_RATELIMIT_BURST 10
#define RATELIMIT_STATE_INIT(name, interval_init, burst_init) \
	{ .interval = interval_init, .burst = burst_init }
#define DEFINE_RATELIMIT_STATE(name, interval_init, burst_init) \
	struct ratelimit_state name = RATELIMIT_STATE_INIT(name, interval_init, burst_init)
void ratelimit_state_init(struct ratelimit_state *rs, int interval, int burst);
void ratelimit_set_flags(struct ratelimit_state *rs, unsigned long flags);
int ___ratelimit(struct ratelimit_state *rs, const char *func);
#define __ratelimit(state) ___ratelimit(state, __func__)
typedef int32_t key_serial_t;

/* ---- uuid ---- */
#define UUID_SIZE 16
typedef struct {
	__u8 b[UUID_SIZE];
} guid_t;
typedef struct {
	__u8 b[UUID_SIZE];
} uuid_t;
#define UUID_STRING_LEN 36
static inline bool uuid_equal(const uuid_t *u1, const uuid_t *u2)
{ return memcmp(u1, u2, sizeof(uuid_t)) == 0; }
static inline void uuid_copy(uuid_t *dst, const uuid_t *src) { memcpy(dst, src, sizeof(uuid_t)); }
static inline bool uuid_is_null(const uuid_t *uuid) { return !memchr_inv(uuid, 0, sizeof(uuid_t)); }
void generate_random_uuid(unsigned char uuid[16]);
void uuid_gen(uuid_t *u);
int uuid_parse(const char *uuid, uuid_t *u);

#endif /* _DMACHECK_MODEL_MISC_H */
