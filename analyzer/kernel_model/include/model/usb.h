/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: USB basics (after include/linux/{usb,usb/ch9,
 * usb/hcd}.h of Linux 6.12; the descriptor and constant definitions are
 * the kernel's own uapi/linux/usb/ch9.h, copied unchanged). Enough for USB
 * interface drivers (urbs, usb_alloc_coherent) and for host controller
 * code that touches usb_device/usb_hcd/urb fields.
 */
#ifndef _DMACHECK_MODEL_USB_H
#define _DMACHECK_MODEL_USB_H

#include <dmacheck_model.h>

#include <uapi/linux/usb/ch9.h>

struct usb_host_bos;
struct ep_device;
struct usb_phy;
struct usb_phy_roothub;
struct gen_pool;

enum usb_ssp_rate {
	USB_SSP_GEN_UNKNOWN = 0,
	USB_SSP_GEN_2x1,
	USB_SSP_GEN_1x2,
	USB_SSP_GEN_2x2,
};
#define USB_MAXCHILDREN 31
#define USB_SS_MAXPORTS 15
#define USB_MAXENDPOINTS 30
#define USB_MAXINTERFACES 32
#define USB_MAXIADS (USB_MAXINTERFACES / 2)
#define USB_ALTSETTINGALLOC 4
const char *usb_speed_string(enum usb_device_speed speed);
const char *usb_ep_type_string(int ep_type);

struct usb_host_endpoint {
	struct usb_endpoint_descriptor desc;
	struct usb_ss_ep_comp_descriptor ss_ep_comp;
	struct usb_ssp_isoc_ep_comp_descriptor ssp_isoc_ep_comp;
	struct list_head urb_list;
	void *hcpriv;
	struct ep_device *ep_dev;
	unsigned char *extra;
	int extralen;
	int enabled;
	int streams;
};
struct usb_host_interface {
	struct usb_interface_descriptor desc;
	int extralen;
	unsigned char *extra;
	struct usb_host_endpoint *endpoint;
	char *string;
};
enum usb_interface_condition {
	USB_INTERFACE_UNBOUND = 0,
	USB_INTERFACE_BINDING,
	USB_INTERFACE_BOUND,
	USB_INTERFACE_UNBINDING,
};
struct usb_interface {
	struct usb_host_interface *altsetting;
	struct usb_host_interface *cur_altsetting;
	unsigned num_altsetting;
	struct usb_interface_assoc_descriptor *intf_assoc;
	int minor;
	enum usb_interface_condition condition;
	unsigned sysfs_files_created:1;
	unsigned ep_devs_created:1;
	unsigned unregistering:1;
	unsigned needs_remote_wakeup:1;
	unsigned needs_altsetting0:1;
	unsigned needs_binding:1;
	unsigned resetting_device:1;
	unsigned authorized:1;
	struct device dev;
	struct device *usb_dev;
	struct work_struct reset_ws;
};
#define to_usb_interface(__dev) container_of(__dev, struct usb_interface, dev)
struct usb_host_config {
	struct usb_config_descriptor desc;
	char *string;
	struct usb_interface_assoc_descriptor *intf_assoc[USB_MAXIADS];
	struct usb_interface *interface[USB_MAXINTERFACES];
	unsigned char *extra;
	int extralen;
};
struct usb_tt {
	struct usb_device *hub;
	int multi;
	unsigned think_time;
	void *hcpriv;
	spinlock_t lock;
	struct list_head clear_list;
	struct work_struct clear_work;
};
struct usb_bus {
	struct device *controller;
	struct device *sysdev;
	int busnum;
	const char *bus_name;
	u8 uses_pio_for_control;
	u8 otg_port;
	unsigned is_b_host:1;
	unsigned b_hnp_enable:1;
	unsigned no_stop_on_short:1;
	unsigned no_sg_constraint:1;
	unsigned sg_tablesize;
	int devnum_next;
	struct mutex devnum_next_mutex;
	DECLARE_BITMAP(devmap, 128);
	struct usb_device *root_hub;
	struct usb_bus *hs_companion;
	int bandwidth_allocated;
	int bandwidth_int_reqs;
	int bandwidth_isoc_reqs;
	unsigned resuming_ports;
};
struct usb_device {
	int devnum;
	char devpath[16];
	u32 route;
	enum usb_device_state state;
	enum usb_device_speed speed;
	unsigned int rx_lanes;
	unsigned int tx_lanes;
	enum usb_ssp_rate ssp_rate;
	struct usb_tt *tt;
	int ttport;
	unsigned int toggle[2];
	struct usb_device *parent;
	struct usb_bus *bus;
	struct usb_host_endpoint ep0;
	struct device dev;
	struct usb_device_descriptor descriptor;
	struct usb_host_bos *bos;
	struct usb_host_config *config;
	struct usb_host_config *actconfig;
	struct usb_host_endpoint *ep_in[16];
	struct usb_host_endpoint *ep_out[16];
	char **rawdescriptors;
	unsigned short bus_mA;
	u8 portnum;
	u8 level;
	u8 devaddr;
	unsigned can_submit:1;
	unsigned persist_enabled:1;
	unsigned reset_in_progress:1;
	unsigned have_langid:1;
	unsigned authorized:1;
	unsigned authenticated:1;
	unsigned lpm_capable:1;
	unsigned usb2_hw_lpm_capable:1;
	unsigned usb2_hw_lpm_besl_capable:1;
	unsigned usb2_hw_lpm_enabled:1;
	unsigned usb2_hw_lpm_allowed:1;
	unsigned usb3_lpm_u1_enabled:1;
	unsigned usb3_lpm_u2_enabled:1;
	int string_langid;
	char *product;
	char *manufacturer;
	char *serial;
	struct list_head filelist;
	int maxchild;
	u32 quirks;
	atomic_t urbnum;
	unsigned long active_duration;
	unsigned do_remote_wakeup:1;
	unsigned reset_resume:1;
	unsigned port_is_suspended:1;
	int slot_id;
	unsigned lpm_disable_count;
	u16 hub_delay;
	unsigned use_generic_driver:1;
};
#define to_usb_device(__dev) container_of(__dev, struct usb_device, dev)
static inline struct usb_device *interface_to_usbdev(struct usb_interface *intf)
{ return to_usb_device(intf->dev.parent); }
static inline void *usb_get_intfdata(struct usb_interface *intf) { return dev_get_drvdata(&intf->dev); }
static inline void usb_set_intfdata(struct usb_interface *intf, void *data)
{ dev_set_drvdata(&intf->dev, data); }
struct usb_device *usb_get_dev(struct usb_device *dev);
void usb_put_dev(struct usb_device *dev);
struct usb_device *usb_hub_find_child(struct usb_device *hdev, int port1);

struct usb_device_id {
	__u16 match_flags;
	__u16 idVendor;
	__u16 idProduct;
	__u16 bcdDevice_lo;
	__u16 bcdDevice_hi;
	__u8 bDeviceClass;
	__u8 bDeviceSubClass;
	__u8 bDeviceProtocol;
	__u8 bInterfaceClass;
	__u8 bInterfaceSubClass;
	__u8 bInterfaceProtocol;
	__u8 bInterfaceNumber;
	kernel_ulong_t driver_info;
};
#define USB_DEVICE_ID_MATCH_VENDOR 0x0001
#define USB_DEVICE_ID_MATCH_PRODUCT 0x0002
#define USB_DEVICE_ID_MATCH_DEVICE (USB_DEVICE_ID_MATCH_VENDOR | USB_DEVICE_ID_MATCH_PRODUCT)
#define USB_DEVICE_ID_MATCH_INT_CLASS 0x0080
#define USB_DEVICE_ID_MATCH_INT_SUBCLASS 0x0100
#define USB_DEVICE_ID_MATCH_INT_PROTOCOL 0x0200
#define USB_DEVICE_ID_MATCH_INT_INFO \
	(USB_DEVICE_ID_MATCH_INT_CLASS | USB_DEVICE_ID_MATCH_INT_SUBCLASS | USB_DEVICE_ID_MATCH_INT_PROTOCOL)
#define USB_DEVICE(vend, prod) \
	.match_flags = USB_DEVICE_ID_MATCH_DEVICE, .idVendor = (vend), .idProduct = (prod)
#define USB_INTERFACE_INFO(cl, sc, pr) \
	.match_flags = USB_DEVICE_ID_MATCH_INT_INFO, .bInterfaceClass = (cl), \
	.bInterfaceSubClass = (sc), .bInterfaceProtocol = (pr)
#define USB_DEVICE_AND_INTERFACE_INFO(vend, prod, cl, sc, pr) \
	.match_flags = USB_DEVICE_ID_MATCH_INT_INFO | USB_DEVICE_ID_MATCH_DEVICE, \
	.idVendor = (vend), .idProduct = (prod), .bInterfaceClass = (cl), \
	.bInterfaceSubClass = (sc), .bInterfaceProtocol = (pr)
struct usb_driver {
	const char *name;
	int (*probe)(struct usb_interface *intf, const struct usb_device_id *id);
	void (*disconnect)(struct usb_interface *intf);
	int (*unlocked_ioctl)(struct usb_interface *intf, unsigned int code, void *buf);
	int (*suspend)(struct usb_interface *intf, pm_message_t message);
	int (*resume)(struct usb_interface *intf);
	int (*reset_resume)(struct usb_interface *intf);
	int (*pre_reset)(struct usb_interface *intf);
	int (*post_reset)(struct usb_interface *intf);
	void (*shutdown)(struct usb_interface *intf);
	const struct usb_device_id *id_table;
	const struct attribute_group **dev_groups;
	struct device_driver driver;
	unsigned int no_dynamic_id:1;
	unsigned int supports_autosuspend:1;
	unsigned int disable_hub_initiated_lpm:1;
	unsigned int soft_unbind:1;
};
int usb_register_driver(struct usb_driver *, struct module *, const char *);
#define usb_register(driver) usb_register_driver(driver, THIS_MODULE, KBUILD_MODNAME)
void usb_deregister(struct usb_driver *);
#define module_usb_driver(__usb_driver) module_driver(__usb_driver, usb_register, usb_deregister)

struct urb;
typedef void (*usb_complete_t)(struct urb *);
struct usb_iso_packet_descriptor {
	unsigned int offset;
	unsigned int length;
	unsigned int actual_length;
	int status;
};
struct usb_anchor {
	struct list_head urb_list;
	wait_queue_head_t wait;
	spinlock_t lock;
	atomic_t suspend_wakeups;
	unsigned int poisoned:1;
};
struct urb {
	struct kref kref;
	int unlinked;
	void *hcpriv;
	atomic_t use_count;
	atomic_t reject;
	struct list_head urb_list;
	struct list_head anchor_list;
	struct usb_anchor *anchor;
	struct usb_device *dev;
	struct usb_host_endpoint *ep;
	unsigned int pipe;
	unsigned int stream_id;
	int status;
	unsigned int transfer_flags;
	void *transfer_buffer;
	dma_addr_t transfer_dma;
	struct scatterlist *sg;
	int num_mapped_sgs;
	int num_sgs;
	u32 transfer_buffer_length;
	u32 actual_length;
	unsigned char *setup_packet;
	dma_addr_t setup_dma;
	int start_frame;
	int number_of_packets;
	int interval;
	int error_count;
	void *context;
	usb_complete_t complete;
	struct usb_iso_packet_descriptor iso_frame_desc[];
};
#define URB_SHORT_NOT_OK 0x0001
#define URB_ISO_ASAP 0x0002
#define URB_NO_TRANSFER_DMA_MAP 0x0004
#define URB_ZERO_PACKET 0x0040
#define URB_NO_INTERRUPT 0x0080
#define URB_FREE_BUFFER 0x0100
#define URB_DIR_IN 0x0200
#define URB_DIR_OUT 0
#define URB_DIR_MASK URB_DIR_IN
#define URB_DMA_MAP_SINGLE 0x00010000
#define URB_DMA_MAP_PAGE 0x00020000
#define URB_DMA_MAP_SG 0x00040000
#define URB_MAP_LOCAL 0x00080000
#define URB_SETUP_MAP_SINGLE 0x00100000
#define URB_SETUP_MAP_LOCAL 0x00200000
#define URB_DMA_SG_COMBINED 0x00400000
#define URB_ALIGNED_TEMP_BUFFER 0x00800000
struct urb *usb_alloc_urb(int iso_packets, gfp_t mem_flags);
void usb_free_urb(struct urb *urb);
int usb_submit_urb(struct urb *urb, gfp_t mem_flags);
int usb_unlink_urb(struct urb *urb);
void usb_kill_urb(struct urb *urb);
void usb_poison_urb(struct urb *urb);
void usb_unpoison_urb(struct urb *urb);
void usb_anchor_urb(struct urb *urb, struct usb_anchor *anchor);
void usb_unanchor_urb(struct urb *urb);
void usb_kill_anchored_urbs(struct usb_anchor *anchor);
int usb_wait_anchor_empty_timeout(struct usb_anchor *anchor, unsigned int timeout);
static inline void init_usb_anchor(struct usb_anchor *anchor)
{ memset(anchor, 0, sizeof(*anchor)); INIT_LIST_HEAD(&anchor->urb_list); }
static inline void usb_fill_control_urb(struct urb *urb, struct usb_device *dev, unsigned int pipe,
					unsigned char *setup_packet, void *transfer_buffer,
					int buffer_length, usb_complete_t complete_fn, void *context)
{
	urb->dev = dev; urb->pipe = pipe; urb->setup_packet = setup_packet;
	urb->transfer_buffer = transfer_buffer; urb->transfer_buffer_length = buffer_length;
	urb->complete = complete_fn; urb->context = context;
}
static inline void usb_fill_bulk_urb(struct urb *urb, struct usb_device *dev, unsigned int pipe,
				     void *transfer_buffer, int buffer_length,
				     usb_complete_t complete_fn, void *context)
{
	urb->dev = dev; urb->pipe = pipe; urb->transfer_buffer = transfer_buffer;
	urb->transfer_buffer_length = buffer_length; urb->complete = complete_fn;
	urb->context = context;
}
static inline void usb_fill_int_urb(struct urb *urb, struct usb_device *dev, unsigned int pipe,
				    void *transfer_buffer, int buffer_length,
				    usb_complete_t complete_fn, void *context, int interval)
{
	urb->dev = dev; urb->pipe = pipe; urb->transfer_buffer = transfer_buffer;
	urb->transfer_buffer_length = buffer_length; urb->complete = complete_fn;
	urb->context = context; urb->interval = interval; urb->start_frame = -1;
}
static inline int usb_urb_dir_in(struct urb *urb) { return (urb->transfer_flags & URB_DIR_MASK) == URB_DIR_IN; }
static inline int usb_urb_dir_out(struct urb *urb) { return (urb->transfer_flags & URB_DIR_MASK) == URB_DIR_OUT; }
/* Coherent buffers for urbs: DMA API allocations under USB names. */
void *usb_alloc_coherent(struct usb_device *dev, size_t size, gfp_t mem_flags, dma_addr_t *dma);
void usb_free_coherent(struct usb_device *dev, size_t size, void *addr, dma_addr_t dma);
int usb_control_msg(struct usb_device *dev, unsigned int pipe, __u8 request, __u8 requesttype,
		    __u16 value, __u16 index, void *data, __u16 size, int timeout);
int usb_control_msg_send(struct usb_device *udev, u8 endpoint, u8 request, u8 requesttype,
			 u16 value, u16 index, const void *data, u16 size, int timeout,
			 gfp_t memflags);
int usb_control_msg_recv(struct usb_device *udev, u8 endpoint, u8 request, u8 requesttype,
			 u16 value, u16 index, void *data, u16 size, int timeout,
			 gfp_t memflags);
int usb_interrupt_msg(struct usb_device *usb_dev, unsigned int pipe, void *data, int len,
		      int *actual_length, int timeout);
int usb_bulk_msg(struct usb_device *usb_dev, unsigned int pipe, void *data, int len,
		 int *actual_length, int timeout);
int usb_set_interface(struct usb_device *dev, int ifnum, int alternate);
int usb_reset_configuration(struct usb_device *dev);
int usb_clear_halt(struct usb_device *dev, int pipe);
int usb_reset_device(struct usb_device *dev);
int usb_autopm_get_interface(struct usb_interface *intf);
void usb_autopm_put_interface(struct usb_interface *intf);
int usb_string(struct usb_device *dev, int index, char *buf, size_t size);
int usb_find_common_endpoints(struct usb_host_interface *alt,
			      struct usb_endpoint_descriptor **bulk_in,
			      struct usb_endpoint_descriptor **bulk_out,
			      struct usb_endpoint_descriptor **int_in,
			      struct usb_endpoint_descriptor **int_out);
#define USB_CTRL_GET_TIMEOUT 5000
#define USB_CTRL_SET_TIMEOUT 5000
#define PIPE_ISOCHRONOUS 0
#define PIPE_INTERRUPT 1
#define PIPE_CONTROL 2
#define PIPE_BULK 3
#define usb_pipein(pipe) ((pipe) & USB_DIR_IN)
#define usb_pipeout(pipe) (!usb_pipein(pipe))
#define usb_pipedevice(pipe) (((pipe) >> 8) & 0x7f)
#define usb_pipeendpoint(pipe) (((pipe) >> 15) & 0xf)
#define usb_pipetype(pipe) (((pipe) >> 30) & 3)
#define usb_pipeisoc(pipe) (usb_pipetype((pipe)) == PIPE_ISOCHRONOUS)
#define usb_pipeint(pipe) (usb_pipetype((pipe)) == PIPE_INTERRUPT)
#define usb_pipecontrol(pipe) (usb_pipetype((pipe)) == PIPE_CONTROL)
#define usb_pipebulk(pipe) (usb_pipetype((pipe)) == PIPE_BULK)
static inline unsigned int __create_pipe(struct usb_device *dev, unsigned int endpoint)
{ return (dev->devnum << 8) | (endpoint << 15); }
#define usb_sndctrlpipe(dev, endpoint) ((PIPE_CONTROL << 30) | __create_pipe(dev, endpoint))
#define usb_rcvctrlpipe(dev, endpoint) ((PIPE_CONTROL << 30) | __create_pipe(dev, endpoint) | USB_DIR_IN)
#define usb_sndisocpipe(dev, endpoint) ((PIPE_ISOCHRONOUS << 30) | __create_pipe(dev, endpoint))
#define usb_rcvisocpipe(dev, endpoint) ((PIPE_ISOCHRONOUS << 30) | __create_pipe(dev, endpoint) | USB_DIR_IN)
#define usb_sndbulkpipe(dev, endpoint) ((PIPE_BULK << 30) | __create_pipe(dev, endpoint))
#define usb_rcvbulkpipe(dev, endpoint) ((PIPE_BULK << 30) | __create_pipe(dev, endpoint) | USB_DIR_IN)
#define usb_sndintpipe(dev, endpoint) ((PIPE_INTERRUPT << 30) | __create_pipe(dev, endpoint))
#define usb_rcvintpipe(dev, endpoint) ((PIPE_INTERRUPT << 30) | __create_pipe(dev, endpoint) | USB_DIR_IN)
static inline u16 usb_maxpacket(struct usb_device *udev, int pipe)
{ (void)udev; (void)pipe; return 512; }
/* host controller side (linux/usb/hcd.h) */
#define HCD_BUFFER_POOLS 4
struct hc_driver;
struct usb_hcd {
	struct usb_bus self;
	struct kref kref;
	const char *product_desc;
	int speed;
	char irq_descr[24];
	struct timer_list rh_timer;
	struct urb *status_urb;
	struct work_struct wakeup_work;
	struct work_struct died_work;
	const struct hc_driver *driver;
	struct usb_phy *usb_phy;
	struct usb_phy_roothub *phy_roothub;
	unsigned long flags;
	unsigned rh_registered:1;
	unsigned rh_pollable:1;
	unsigned msix_enabled:1;
	unsigned msi_enabled:1;
	unsigned skip_phy_initialization:1;
	unsigned uses_new_polling:1;
	unsigned has_tt:1;
	unsigned amd_resume_bug:1;
	unsigned can_do_streams:1;
	unsigned tpl_support:1;
	unsigned cant_recv_wakeups:1;
	unsigned int irq;
	void __iomem *regs;
	resource_size_t rsrc_start;
	resource_size_t rsrc_len;
	unsigned power_budget;
	struct mutex *address0_mutex;
	struct mutex *bandwidth_mutex;
	struct usb_hcd *shared_hcd;
	struct usb_hcd *primary_hcd;
	struct dma_pool *pool[HCD_BUFFER_POOLS];
	int state;
	struct gen_pool *localmem_pool;
	unsigned long hcd_priv[] __attribute__((aligned(sizeof(s64))));
};
#define HCD_FLAG_HW_ACCESSIBLE 0
#define HCD_FLAG_POLL_RH 2
#define HCD_FLAG_DEAD 6
#define HCD_USB11 0x0010
#define HCD_USB2 0x0020
#define HCD_USB3 0x0040
#define HCD_USB31 0x0050
#define HCD_USB32 0x0060
#define HCD_SHARED 0x0004
#define HCD_MEMORY 0x0001
#define HCD_DMA 0x0200
#define HCD_BH 0x0100
static inline struct usb_bus *hcd_to_bus(struct usb_hcd *hcd) { return &hcd->self; }
static inline struct usb_hcd *bus_to_hcd(struct usb_bus *bus) { return container_of(bus, struct usb_hcd, self); }
static inline int usb_hcd_is_primary_hcd(struct usb_hcd *hcd)
{ return hcd == hcd->primary_hcd || !hcd->primary_hcd; }
int usb_hcd_map_urb_for_dma(struct usb_hcd *hcd, struct urb *urb, gfp_t mem_flags);
void usb_hcd_unmap_urb_for_dma(struct usb_hcd *, struct urb *);
void usb_hcd_unmap_urb_setup_for_dma(struct usb_hcd *, struct urb *);
int usb_hcd_link_urb_to_ep(struct usb_hcd *hcd, struct urb *urb);
int usb_hcd_check_unlink_urb(struct usb_hcd *hcd, struct urb *urb, int status);
void usb_hcd_unlink_urb_from_ep(struct usb_hcd *hcd, struct urb *urb);
void usb_hcd_giveback_urb(struct usb_hcd *hcd, struct urb *urb, int status);
void usb_hcd_poll_rh_status(struct usb_hcd *hcd);
void usb_hcd_resume_root_hub(struct usb_hcd *hcd);
void usb_hc_died(struct usb_hcd *hcd);
struct usb_hcd *usb_create_hcd(const struct hc_driver *driver, struct device *dev,
			       const char *bus_name);
struct usb_hcd *usb_create_shared_hcd(const struct hc_driver *driver, struct device *dev,
				      const char *bus_name, struct usb_hcd *primary_hcd);
int usb_add_hcd(struct usb_hcd *hcd, unsigned int irqnum, unsigned long irqflags);
void usb_remove_hcd(struct usb_hcd *hcd);
void usb_put_hcd(struct usb_hcd *hcd);
void *hcd_buffer_alloc(struct usb_bus *bus, size_t size, gfp_t mem_flags, dma_addr_t *dma);
void hcd_buffer_free(struct usb_bus *bus, size_t size, void *addr, dma_addr_t dma);
void usb_wakeup_notification(struct usb_device *hdev, unsigned int portnum);

#endif /* _DMACHECK_MODEL_USB_H */
