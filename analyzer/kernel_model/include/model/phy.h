/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: phylib and MDIO as MAC drivers use them (after
 * include/linux/{phy,mdio}.h of Linux 6.12): struct phy_device and
 * mii_bus with the fields MAC drivers touch, phy_interface_t, and the
 * calls. Plain declarations; no PHY driver side.
 */
#ifndef _DMACHECK_MODEL_PHY_H
#define _DMACHECK_MODEL_PHY_H

#include <dmacheck_model.h>

#define PHY_MAX_ADDR 32
#define MII_BUS_ID_SIZE 61
#define MDIO_NAME_SIZE 32
#define PHY_ID_FMT "%s:%02x"
#define PHY_POLL -1
#define PHY_MAC_INTERRUPT -2
#define PHY_IGNORE_INTERRUPT -2
#define PHY_IS_INTERNAL 0x00000001
#define SPEED_UNKNOWN -1
#define DUPLEX_UNKNOWN 0xff
typedef enum {
	PHY_INTERFACE_MODE_NA,
	PHY_INTERFACE_MODE_INTERNAL,
	PHY_INTERFACE_MODE_MII,
	PHY_INTERFACE_MODE_GMII,
	PHY_INTERFACE_MODE_SGMII,
	PHY_INTERFACE_MODE_TBI,
	PHY_INTERFACE_MODE_REVMII,
	PHY_INTERFACE_MODE_RMII,
	PHY_INTERFACE_MODE_REVRMII,
	PHY_INTERFACE_MODE_RGMII,
	PHY_INTERFACE_MODE_RGMII_ID,
	PHY_INTERFACE_MODE_RGMII_RXID,
	PHY_INTERFACE_MODE_RGMII_TXID,
	PHY_INTERFACE_MODE_RTBI,
	PHY_INTERFACE_MODE_SMII,
	PHY_INTERFACE_MODE_XGMII,
	PHY_INTERFACE_MODE_XLGMII,
	PHY_INTERFACE_MODE_MOCA,
	PHY_INTERFACE_MODE_PSGMII,
	PHY_INTERFACE_MODE_QSGMII,
	PHY_INTERFACE_MODE_TRGMII,
	PHY_INTERFACE_MODE_100BASEX,
	PHY_INTERFACE_MODE_1000BASEX,
	PHY_INTERFACE_MODE_2500BASEX,
	PHY_INTERFACE_MODE_5GBASER,
	PHY_INTERFACE_MODE_RXAUI,
	PHY_INTERFACE_MODE_XAUI,
	PHY_INTERFACE_MODE_10GBASER,
	PHY_INTERFACE_MODE_25GBASER,
	PHY_INTERFACE_MODE_USXGMII,
	PHY_INTERFACE_MODE_10GKR,
	PHY_INTERFACE_MODE_QUSGMII,
	PHY_INTERFACE_MODE_1000BASEKX,
	PHY_INTERFACE_MODE_10G_QXGMII,
	PHY_INTERFACE_MODE_MAX,
} phy_interface_t;
const char *phy_modes(phy_interface_t interface);
enum phy_state {
	PHY_DOWN = 0,
	PHY_READY,
	PHY_HALTED,
	PHY_ERROR,
	PHY_UP,
	PHY_RUNNING,
	PHY_NOLINK,
	PHY_CABLETEST,
};

struct mii_bus;
struct mdio_device {
	struct device dev;
	struct mii_bus *bus;
	char modalias[MDIO_NAME_SIZE];
	int (*bus_match)(struct device *dev, const struct device_driver *drv);
	void (*device_free)(struct mdio_device *mdiodev);
	void (*device_remove)(struct mdio_device *mdiodev);
	int addr;
	int flags;
	int reset_state;
	unsigned int reset_assert_delay;
	unsigned int reset_deassert_delay;
};
struct mii_bus {
	struct module *owner;
	const char *name;
	char id[MII_BUS_ID_SIZE];
	void *priv;
	int (*read)(struct mii_bus *bus, int addr, int regnum);
	int (*write)(struct mii_bus *bus, int addr, int regnum, u16 val);
	int (*read_c45)(struct mii_bus *bus, int addr, int devnum, int regnum);
	int (*write_c45)(struct mii_bus *bus, int addr, int devnum, int regnum, u16 val);
	int (*reset)(struct mii_bus *bus);
	struct mutex mdio_lock;
	struct device *parent;
	enum {
		MDIOBUS_ALLOCATED = 1,
		MDIOBUS_REGISTERED,
		MDIOBUS_UNREGISTERED,
		MDIOBUS_RELEASED,
	} state;
	struct device dev;
	struct mdio_device *mdio_map[PHY_MAX_ADDR];
	u32 phy_mask;
	u32 phy_ignore_ta_mask;
	int irq[PHY_MAX_ADDR];
	int reset_delay_us;
	int reset_post_delay_us;
	struct mutex shared_lock;
};
struct phy_c45_device_ids {
	u32 devices_in_package;
	u32 mmds_present;
	u32 device_ids[32];
};
struct phy_driver;
struct phy_device {
	struct mdio_device mdio;
	const struct phy_driver *drv;
	struct device_link *devlink;
	u32 phyindex;
	u32 phy_id;
	struct phy_c45_device_ids c45_ids;
	unsigned is_c45:1;
	unsigned is_internal:1;
	unsigned is_pseudo_fixed_link:1;
	unsigned is_gigabit_capable:1;
	unsigned has_fixups:1;
	unsigned suspended:1;
	unsigned suspended_by_mdio_bus:1;
	unsigned sysfs_links:1;
	unsigned loopback_enabled:1;
	unsigned downshifted_rate:1;
	unsigned is_on_sfp_module:1;
	unsigned mac_managed_pm:1;
	unsigned wol_enabled:1;
	unsigned autoneg:1;
	unsigned link:1;
	unsigned autoneg_complete:1;
	unsigned interrupts:1;
	unsigned irq_suspended:1;
	unsigned irq_rerun:1;
	unsigned default_timestamp:1;
	int rate_matching;
	enum phy_state state;
	u32 dev_flags;
	phy_interface_t interface;
	int speed;
	int duplex;
	int port;
	int pause;
	int asym_pause;
	u8 master_slave_get;
	u8 master_slave_set;
	u8 master_slave_state;
	__ETHTOOL_DECLARE_LINK_MODE_MASK(supported);
	__ETHTOOL_DECLARE_LINK_MODE_MASK(advertising);
	__ETHTOOL_DECLARE_LINK_MODE_MASK(lp_advertising);
	__ETHTOOL_DECLARE_LINK_MODE_MASK(adv_old);
	__ETHTOOL_DECLARE_LINK_MODE_MASK(supported_eee);
	__ETHTOOL_DECLARE_LINK_MODE_MASK(advertising_eee);
	bool eee_enabled;
	u32 eee_broken_modes;
	bool enable_tx_lpi;
	int irq;
	void *priv;
	struct delayed_work state_queue;
	struct mutex lock;
	struct net_device *attached_dev;
	u8 mdix;
	u8 mdix_ctrl;
	void (*phy_link_change)(struct phy_device *phydev, bool up);
	void (*adjust_link)(struct net_device *dev);
};
#define to_phy_device(__dev) container_of(to_mdio_device(__dev), struct phy_device, mdio)
#define to_mdio_device(__dev) container_of(__dev, struct mdio_device, dev)
#define phydev_name(phydev) dev_name(&(phydev)->mdio.dev)
#define phydev_err(_phydev, format, args...) dev_err(&(_phydev)->mdio.dev, format, ##args)
#define phydev_warn(_phydev, format, args...) dev_warn(&(_phydev)->mdio.dev, format, ##args)
#define phydev_info(_phydev, format, args...) dev_info(&(_phydev)->mdio.dev, format, ##args)
#define phydev_dbg(_phydev, format, args...) dev_dbg(&(_phydev)->mdio.dev, format, ##args)

struct mii_bus *mdiobus_alloc_size(size_t size);
static inline struct mii_bus *mdiobus_alloc(void) { return mdiobus_alloc_size(0); }
struct mii_bus *devm_mdiobus_alloc_size(struct device *dev, int sizeof_priv);
static inline struct mii_bus *devm_mdiobus_alloc(struct device *dev)
{ return devm_mdiobus_alloc_size(dev, 0); }
int __mdiobus_register(struct mii_bus *bus, struct module *owner);
#define mdiobus_register(bus) __mdiobus_register(bus, THIS_MODULE)
int __devm_mdiobus_register(struct device *dev, struct mii_bus *bus, struct module *owner);
#define devm_mdiobus_register(dev, bus) __devm_mdiobus_register(dev, bus, THIS_MODULE)
void mdiobus_unregister(struct mii_bus *bus);
void mdiobus_free(struct mii_bus *bus);
struct phy_device *mdiobus_get_phy(struct mii_bus *bus, int addr);
bool mdiobus_is_registered_device(struct mii_bus *bus, int addr);
int mdiobus_read(struct mii_bus *bus, int addr, u32 regnum);
int mdiobus_write(struct mii_bus *bus, int addr, u32 regnum, u16 val);
int __mdiobus_read(struct mii_bus *bus, int addr, u32 regnum);
int __mdiobus_write(struct mii_bus *bus, int addr, u32 regnum, u16 val);

int phy_read(struct phy_device *phydev, u32 regnum);
int phy_write(struct phy_device *phydev, u32 regnum, u16 val);
int __phy_read(struct phy_device *phydev, u32 regnum);
int __phy_write(struct phy_device *phydev, u32 regnum, u16 val);
int phy_modify(struct phy_device *phydev, u32 regnum, u16 mask, u16 set);
int __phy_modify(struct phy_device *phydev, u32 regnum, u16 mask, u16 set);
int phy_set_bits(struct phy_device *phydev, u32 regnum, u16 val);
int phy_clear_bits(struct phy_device *phydev, u32 regnum, u16 val);
int phy_read_mmd(struct phy_device *phydev, int devad, u32 regnum);
int phy_write_mmd(struct phy_device *phydev, int devad, u32 regnum, u16 val);
int phy_modify_mmd(struct phy_device *phydev, int devad, u32 regnum, u16 mask, u16 set);
int phy_select_page(struct phy_device *phydev, int page);
int phy_restore_page(struct phy_device *phydev, int oldpage, int ret);
int phy_read_paged(struct phy_device *phydev, int page, u32 regnum);
int phy_write_paged(struct phy_device *phydev, int page, u32 regnum, u16 val);
int phy_modify_paged(struct phy_device *phydev, int page, u32 regnum, u16 mask, u16 set);
void phy_lock_mdio_bus(struct phy_device *phydev);
void phy_unlock_mdio_bus(struct phy_device *phydev);
#define phy_read_poll_timeout(phydev, regnum, val, cond, sleep_us, timeout_us, sleep_before_read) \
	({ int __ret = read_poll_timeout(phy_read, val, (cond) || val < 0, sleep_us, timeout_us, \
					 sleep_before_read, phydev, regnum); \
	   if (val < 0) __ret = val; __ret; })
struct phy_device *phy_connect(struct net_device *dev, const char *bus_id,
			       void (*handler)(struct net_device *), phy_interface_t interface);
int phy_connect_direct(struct net_device *dev, struct phy_device *phydev,
		       void (*handler)(struct net_device *), phy_interface_t interface);
struct phy_device *phy_attach(struct net_device *dev, const char *bus_id,
			      phy_interface_t interface);
int phy_attach_direct(struct net_device *dev, struct phy_device *phydev, u32 flags,
		      phy_interface_t interface);
void phy_disconnect(struct phy_device *phydev);
void phy_detach(struct phy_device *phydev);
struct phy_device *phy_find_first(struct mii_bus *bus);
void phy_start(struct phy_device *phydev);
void phy_stop(struct phy_device *phydev);
int phy_start_aneg(struct phy_device *phydev);
int phy_restart_aneg(struct phy_device *phydev);
int phy_init_hw(struct phy_device *phydev);
int phy_suspend(struct phy_device *phydev);
int phy_resume(struct phy_device *phydev);
void phy_print_status(struct phy_device *phydev);
void phy_attached_info(struct phy_device *phydev);
void phy_attached_print(struct phy_device *phydev, const char *fmt, ...) __printf(2, 3);
void phy_mac_interrupt(struct phy_device *phydev);
int phy_mii_ioctl(struct phy_device *phydev, struct ifreq *ifr, int cmd);
int phy_do_ioctl(struct net_device *dev, struct ifreq *ifr, int cmd);
int phy_do_ioctl_running(struct net_device *dev, struct ifreq *ifr, int cmd);
int phy_ethtool_get_link_ksettings(struct net_device *ndev, struct ethtool_link_ksettings *cmd);
int phy_ethtool_set_link_ksettings(struct net_device *ndev,
				   const struct ethtool_link_ksettings *cmd);
void phy_ethtool_ksettings_get(struct phy_device *phydev, struct ethtool_link_ksettings *cmd);
int phy_ethtool_ksettings_set(struct phy_device *phydev,
			      const struct ethtool_link_ksettings *cmd);
int phy_ethtool_nway_reset(struct net_device *ndev);
int phy_ethtool_get_eee(struct phy_device *phydev, struct ethtool_keee *data);
int phy_ethtool_set_eee(struct phy_device *phydev, struct ethtool_keee *data);
void phy_set_max_speed(struct phy_device *phydev, u32 max_speed);
void phy_remove_link_mode(struct phy_device *phydev, u32 link_mode);
void phy_support_sym_pause(struct phy_device *phydev);
void phy_support_asym_pause(struct phy_device *phydev);
void phy_support_eee(struct phy_device *phydev);
void phy_set_asym_pause(struct phy_device *phydev, bool rx, bool tx);
void phy_get_pause(struct phy_device *phydev, bool *tx_pause, bool *rx_pause);
int phy_speed_down(struct phy_device *phydev, bool sync);
int phy_speed_up(struct phy_device *phydev);
int genphy_soft_reset(struct phy_device *phydev);
int genphy_read_status(struct phy_device *phydev);
int genphy_restart_aneg(struct phy_device *phydev);
int genphy_suspend(struct phy_device *phydev);
int genphy_resume(struct phy_device *phydev);
bool phy_is_started(struct phy_device *phydev);
static inline bool phy_interrupt_is_valid(struct phy_device *phydev)
{ return phydev->irq != PHY_POLL && phydev->irq != PHY_MAC_INTERRUPT; }
static inline bool phy_is_pseudo_fixed_link(struct phy_device *phydev)
{ return phydev->is_pseudo_fixed_link; }
int phy_register_fixup_for_uid(u32 phy_uid, u32 phy_uid_mask,
			       int (*run)(struct phy_device *));

/* linkmode.h */
static inline void linkmode_zero(unsigned long *dst) { bitmap_zero(dst, __ETHTOOL_LINK_MODE_MASK_NBITS); }
static inline void linkmode_copy(unsigned long *dst, const unsigned long *src)
{ bitmap_copy(dst, src, __ETHTOOL_LINK_MODE_MASK_NBITS); }
static inline void linkmode_set_bit(int nr, volatile unsigned long *addr) { __set_bit(nr, addr); }
static inline void linkmode_clear_bit(int nr, volatile unsigned long *addr) { __clear_bit(nr, addr); }
static inline void linkmode_mod_bit(int nr, volatile unsigned long *addr, int set)
{ if (set) linkmode_set_bit(nr, addr); else linkmode_clear_bit(nr, addr); }
static inline int linkmode_test_bit(int nr, const volatile unsigned long *addr) { return test_bit(nr, addr); }
bool linkmode_empty(const unsigned long *src);
int linkmode_andnot(unsigned long *dst, const unsigned long *src1, const unsigned long *src2);
void linkmode_and(unsigned long *dst, const unsigned long *a, const unsigned long *b);
void linkmode_or(unsigned long *dst, const unsigned long *a, const unsigned long *b);
bool linkmode_equal(const unsigned long *src1, const unsigned long *src2);

#endif /* _DMACHECK_MODEL_PHY_H */
