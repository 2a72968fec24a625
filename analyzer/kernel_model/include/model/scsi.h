/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: SCSI low-level drivers (after include/scsi/
 * {scsi_cmnd,scsi_device,scsi_host,scsi_eh,scsi_dbg}.h of Linux 6.12; the
 * protocol constants are the kernel's own scsi/scsi.h, scsi_proto.h,
 * scsi_status.h and scsi_common.h, copied unchanged).
 *
 * scsi_dma_map()/scsi_dma_unmap() are the SCSI midlayer's wrappers of
 * dma_map_sg()/dma_unmap_sg() over the command's scatterlist.
 */
#ifndef _DMACHECK_MODEL_SCSI_H
#define _DMACHECK_MODEL_SCSI_H

#include <dmacheck_model.h>
#include <model/block.h>

#include <scsi/scsi.h>

struct scsi_target;
struct scsi_transport_template;
struct Scsi_Host;
enum scsi_prot_operations {
	SCSI_PROT_NORMAL = 0,
	SCSI_PROT_READ_INSERT,
	SCSI_PROT_WRITE_STRIP,
	SCSI_PROT_READ_STRIP,
	SCSI_PROT_WRITE_INSERT,
	SCSI_PROT_READ_PASS,
	SCSI_PROT_WRITE_PASS,
};
enum scsi_prot_flags {
	SCSI_PROT_TRANSFER_PI = 1 << 0,
	SCSI_PROT_GUARD_CHECK = 1 << 1,
	SCSI_PROT_REF_CHECK = 1 << 2,
	SCSI_PROT_REF_INCREMENT = 1 << 3,
	SCSI_PROT_IP_CHECKSUM = 1 << 4,
};
enum scsi_prot_target_type {
	SCSI_PROT_DIF_TYPE0 = 0,
	SCSI_PROT_DIF_TYPE1,
	SCSI_PROT_DIF_TYPE2,
	SCSI_PROT_DIF_TYPE3,
};
struct scsi_data_buffer {
	struct sg_table table;
	unsigned length;
};
enum scsi_cmnd_submitter {
	SUBMITTED_BY_BLOCK_LAYER = 0,
	SUBMITTED_BY_SCSI_ERROR_HANDLER = 1,
	SUBMITTED_BY_SCSI_RESET_IOCTL = 2,
} __packed;
struct scsi_pointer {
	char *ptr;
	int this_residual;
	struct scatterlist *buffer;
	int buffers_residual;
	dma_addr_t dma_handle;
	volatile int Status;
	volatile int Message;
	volatile int have_data_in;
	volatile int sent_command;
	volatile int phase;
};
struct scsi_cmnd {
	struct scsi_device *device;
	struct list_head eh_entry;
	struct delayed_work abort_work;
	struct rcu_head rcu;
	int eh_eflags;
	int budget_token;
	unsigned long jiffies_at_alloc;
	int retries;
	int allowed;
	unsigned char prot_op;
	unsigned char prot_type;
	unsigned char prot_flags;
	enum scsi_cmnd_submitter submitter;
	unsigned short cmd_len;
	enum dma_data_direction sc_data_direction;
	unsigned char cmnd[32];
	struct scsi_data_buffer sdb;
	struct scsi_data_buffer *prot_sdb;
	unsigned underflow;
	unsigned transfersize;
	unsigned resid_len;
	unsigned sense_len;
	unsigned char *sense_buffer;
	int flags;
	unsigned long state;
	unsigned int extra_len;
	unsigned char *host_scribble;
	int result;
};
#define SCSI_SENSE_BUFFERSIZE 96
static inline struct request *scsi_cmd_to_rq(struct scsi_cmnd *scmd)
{ return blk_mq_rq_from_pdu(scmd); }
static inline void *scsi_cmd_priv(struct scsi_cmnd *cmd) { return cmd + 1; }
static inline unsigned scsi_sg_count(struct scsi_cmnd *cmd) { return cmd->sdb.table.nents; }
static inline struct scatterlist *scsi_sglist(struct scsi_cmnd *cmd) { return cmd->sdb.table.sgl; }
static inline unsigned scsi_bufflen(struct scsi_cmnd *cmd) { return cmd->sdb.length; }
static inline void scsi_set_resid(struct scsi_cmnd *cmd, unsigned int resid) { cmd->resid_len = resid; }
static inline unsigned int scsi_get_resid(struct scsi_cmnd *cmd) { return cmd->resid_len; }
#define scsi_for_each_sg(cmd, sg, nseg, __i) for_each_sg(scsi_sglist(cmd), sg, nseg, __i)
int scsi_dma_map(struct scsi_cmnd *cmd);
void scsi_dma_unmap(struct scsi_cmnd *cmd);
void scsi_done(struct scsi_cmnd *cmd);
void scsi_done_direct(struct scsi_cmnd *cmd);
static inline void set_host_byte(struct scsi_cmnd *cmd, char status)
{ cmd->result = (cmd->result & 0xff00ffff) | (status << 16); }
static inline u8 get_host_byte(struct scsi_cmnd *cmd) { return (cmd->result >> 16) & 0xff; }
static inline void set_status_byte(struct scsi_cmnd *cmd, char status)
{ cmd->result = (cmd->result & 0xffffff00) | status; }
static inline u8 get_status_byte(struct scsi_cmnd *cmd) { return cmd->result & 0xff; }
static inline unsigned int scsi_prot_sg_count(struct scsi_cmnd *cmd)
{ return cmd->prot_sdb ? cmd->prot_sdb->table.nents : 0; }
static inline struct scatterlist *scsi_prot_sglist(struct scsi_cmnd *cmd)
{ return cmd->prot_sdb ? cmd->prot_sdb->table.sgl : NULL; }
static inline u32 scsi_transfer_length(struct scsi_cmnd *scmd) { return scsi_bufflen(scmd); }
static inline unsigned char scsi_get_prot_op(struct scsi_cmnd *scmd) { return scmd->prot_op; }
static inline unsigned char scsi_get_prot_type(struct scsi_cmnd *scmd) { return scmd->prot_type; }
void scsi_build_sense(struct scsi_cmnd *scmd, int desc, u8 key, u8 asc, u8 ascq);
void *scsi_kmap_atomic_sg(struct scatterlist *sg, int sg_count, size_t *offset, size_t *len);
void scsi_kunmap_atomic_sg(void *virt);
bool scsi_msg_to_host_byte(struct scsi_cmnd *cmd, u8 msg);
void scsi_print_command(struct scsi_cmnd *);
void scsi_print_sense(const struct scsi_cmnd *);
void scsi_print_result(const struct scsi_cmnd *, const char *, int);
#define scmd_printk(prefix, scmd, fmt, a...) \
	sdev_printk(prefix, (scmd)->device, fmt, ##a)

enum scsi_device_state {
	SDEV_CREATED = 1,
	SDEV_RUNNING,
	SDEV_CANCEL,
	SDEV_DEL,
	SDEV_QUIESCE,
	SDEV_OFFLINE,
	SDEV_TRANSPORT_OFFLINE,
	SDEV_BLOCK,
	SDEV_CREATED_BLOCK,
};
struct scsi_device {
	struct Scsi_Host *host;
	struct request_queue *request_queue;
	struct list_head siblings;
	struct list_head same_target_siblings;
	atomic_t device_blocked;
	atomic_t restarts;
	spinlock_t list_lock;
	struct list_head starved_entry;
	unsigned short queue_depth;
	unsigned short max_queue_depth;
	unsigned short last_queue_full_depth;
	unsigned short last_queue_full_count;
	unsigned long last_queue_full_time;
	unsigned long queue_ramp_up_period;
	unsigned long last_queue_ramp_up;
	unsigned int id, channel;
	u64 lun;
	unsigned int manufacturer;
	unsigned sector_size;
	void *hostdata;
	unsigned char type;
	char scsi_level;
	char inq_periph_qual;
	struct mutex inquiry_mutex;
	unsigned char inquiry_len;
	unsigned char *inquiry;
	const char *vendor;
	const char *model;
	const char *rev;
	struct scsi_target *sdev_target;
	unsigned sdtr:1;
	unsigned wdtr:1;
	unsigned ppr:1;
	unsigned tagged_supported:1;
	unsigned simple_tags:1;
	unsigned was_reset:1;
	unsigned expecting_cc_ua:1;
	unsigned use_10_for_rw:1;
	unsigned use_10_for_ms:1;
	unsigned no_write_same:1;
	unsigned removable:1;
	unsigned changed:1;
	unsigned busy:1;
	unsigned lockable:1;
	unsigned locked:1;
	unsigned borken:1;
	unsigned disconnect:1;
	unsigned soft_reset:1;
	unsigned no_uld_attach:1;
	unsigned select_no_atn:1;
	unsigned fix_capacity:1;
	unsigned guess_capacity:1;
	unsigned retry_hwerror:1;
	unsigned last_sector_bug:1;
	unsigned no_read_disc_info:1;
	unsigned skip_ms_page_8:1;
	unsigned skip_ms_page_3f:1;
	unsigned skip_vpd_pages:1;
	unsigned no_start_on_add:1;
	unsigned allow_restart:1;
	struct device sdev_gendev, sdev_dev;
	enum scsi_device_state sdev_state;
	unsigned long sdev_data[];
};
enum scsi_target_state {
	STARGET_CREATED = 1,
	STARGET_RUNNING,
	STARGET_REMOVE,
	STARGET_CREATED_REMOVE,
	STARGET_DEL,
};
struct scsi_target {
	struct scsi_device *starget_sdev_user;
	struct list_head siblings;
	struct list_head devices;
	struct device dev;
	struct kref reap_ref;
	unsigned int channel;
	unsigned int id;
	unsigned int create:1;
	unsigned int single_lun:1;
	unsigned int pdt_1f_for_no_lun:1;
	unsigned int no_report_luns:1;
	unsigned int expecting_lun_change:1;
	atomic_t target_busy;
	atomic_t target_blocked;
	unsigned int can_queue;
	unsigned int max_target_blocked;
	char scsi_level;
	enum scsi_target_state state;
	void *hostdata;
	unsigned long starget_data[];
} __attribute__((aligned(sizeof(unsigned long))));
#define to_scsi_target(d) container_of(d, struct scsi_target, dev)
#define scsi_target(sdev) to_scsi_target((sdev)->sdev_gendev.parent)
#define starget_printk(prefix, starget, fmt, a...) dev_printk(prefix, &(starget)->dev, fmt, ##a)
#define to_scsi_device(d) container_of(d, struct scsi_device, sdev_gendev)
#define sdev_printk(l, sdev, fmt, a...) dev_printk(l, &(sdev)->sdev_gendev, fmt, ##a)
#define sdev_dbg(sdev, fmt, a...) dev_dbg(&(sdev)->sdev_gendev, fmt, ##a)
int scsi_change_queue_depth(struct scsi_device *, int);
int scsi_track_queue_full(struct scsi_device *, int);
void scsi_device_put(struct scsi_device *);
int scsi_device_get(struct scsi_device *);
struct scsi_device *scsi_device_lookup(struct Scsi_Host *, uint, uint, u64);
int scsi_add_device(struct Scsi_Host *host, uint channel, uint target, u64 lun);
void scsi_remove_device(struct scsi_device *);
#define shost_for_each_device(sdev, shost) \
	for ((sdev) = __scsi_iterate_devices((shost), NULL); (sdev); \
	     (sdev) = __scsi_iterate_devices((shost), (sdev)))
struct scsi_device *__scsi_iterate_devices(struct Scsi_Host *, struct scsi_device *);

enum scsi_timeout_action {
	SCSI_EH_DONE,
	SCSI_EH_RESET_TIMER,
	SCSI_EH_NOT_HANDLED,
};
#define SG_NONE 0
#define SG_ALL SG_CHUNK_SIZE
#define MODE_UNKNOWN 0x00
#define MODE_INITIATOR 0x01
#define MODE_TARGET 0x02
#define DISABLE_CLUSTERING (-1)
#define ENABLE_CLUSTERING 0
struct scsi_host_template {
	unsigned int cmd_size;
	int (*queuecommand)(struct Scsi_Host *, struct scsi_cmnd *);
	void (*commit_rqs)(struct Scsi_Host *, u16);
	struct module *module;
	const char *name;
	const char *(*info)(struct Scsi_Host *);
	int (*ioctl)(struct scsi_device *dev, unsigned int cmd, void __user *arg);
	int (*compat_ioctl)(struct scsi_device *dev, unsigned int cmd, void __user *arg);
	int (*init_cmd_priv)(struct Scsi_Host *shost, struct scsi_cmnd *cmd);
	int (*exit_cmd_priv)(struct Scsi_Host *shost, struct scsi_cmnd *cmd);
	int (*eh_abort_handler)(struct scsi_cmnd *);
	int (*eh_device_reset_handler)(struct scsi_cmnd *);
	int (*eh_target_reset_handler)(struct scsi_cmnd *);
	int (*eh_bus_reset_handler)(struct scsi_cmnd *);
	int (*eh_host_reset_handler)(struct scsi_cmnd *);
	int (*slave_alloc)(struct scsi_device *);
	int (*device_configure)(struct scsi_device *, struct queue_limits *lim);
	int (*slave_configure)(struct scsi_device *);
	void (*slave_destroy)(struct scsi_device *);
	int (*target_alloc)(struct scsi_target *);
	void (*target_destroy)(struct scsi_target *);
	int (*scan_finished)(struct Scsi_Host *, unsigned long);
	void (*scan_start)(struct Scsi_Host *);
	int (*change_queue_depth)(struct scsi_device *, int);
	void (*map_queues)(struct Scsi_Host *shost);
	int (*mq_poll)(struct Scsi_Host *shost, unsigned int queue_num);
	bool (*dma_need_drain)(struct request *rq);
	int (*bios_param)(struct scsi_device *, struct block_device *, sector_t, int[]);
	void (*unlock_native_capacity)(struct scsi_device *);
	int (*show_info)(struct seq_file *, struct Scsi_Host *);
	int (*write_info)(struct Scsi_Host *, char *, int);
	enum scsi_timeout_action (*eh_timed_out)(struct scsi_cmnd *);
	bool (*eh_should_retry_cmd)(struct scsi_cmnd *scmd);
	int (*host_reset)(struct Scsi_Host *shost, int reset_type);
	const char *proc_name;
	int can_queue;
	int this_id;
	unsigned short sg_tablesize;
	unsigned short sg_prot_tablesize;
	unsigned int max_sectors;
	unsigned int max_segment_size;
	unsigned int dma_alignment;
	unsigned long dma_boundary;
	unsigned long virt_boundary_mask;
	short cmd_per_lun;
	int tag_alloc_policy;
	unsigned track_queue_depth:1;
	unsigned supported_mode:2;
	unsigned emulated:1;
	unsigned skip_settle_delay:1;
	unsigned no_write_same:1;
	unsigned host_tagset:1;
	unsigned queuecommand_may_block:1;
	unsigned int max_host_blocked;
	const struct attribute_group **shost_groups;
	const struct attribute_group **sdev_groups;
	u64 vendor_id;
};
#define DEF_SCSI_QCMD(func_name) \
	int func_name(struct Scsi_Host *shost, struct scsi_cmnd *cmd) \
	{ unsigned long irq_flags; int rc; \
	  spin_lock_irqsave(shost->host_lock, irq_flags); \
	  rc = func_name##_lck(cmd); \
	  spin_unlock_irqrestore(shost->host_lock, irq_flags); \
	  return rc; }
enum scsi_host_state {
	SHOST_CREATED = 1,
	SHOST_RUNNING,
	SHOST_CANCEL,
	SHOST_DEL,
	SHOST_RECOVERY,
	SHOST_CANCEL_RECOVERY,
	SHOST_DEL_RECOVERY,
};
struct Scsi_Host {
	struct list_head __devices;
	struct list_head __targets;
	struct list_head starved_list;
	spinlock_t default_lock;
	spinlock_t *host_lock;
	struct mutex scan_mutex;
	struct list_head eh_abort_list;
	struct list_head eh_cmd_q;
	struct task_struct *ehandler;
	struct completion *eh_action;
	wait_queue_head_t host_wait;
	const struct scsi_host_template *hostt;
	struct scsi_transport_template *transportt;
	struct blk_mq_tag_set tag_set;
	atomic_t host_blocked;
	unsigned int host_failed;
	unsigned int host_eh_scheduled;
	unsigned int host_no;
	int eh_deadline;
	unsigned long last_reset;
	unsigned int max_channel;
	unsigned int max_id;
	u64 max_lun;
	unsigned int unique_id;
	unsigned short max_cmd_len;
	int this_id;
	int can_queue;
	short cmd_per_lun;
	short unsigned int sg_tablesize;
	short unsigned int sg_prot_tablesize;
	unsigned int max_sectors;
	unsigned int opt_sectors;
	unsigned int max_segment_size;
	unsigned int dma_alignment;
	unsigned long dma_boundary;
	unsigned long virt_boundary_mask;
	unsigned nr_hw_queues;
	unsigned nr_maps;
	bool eh_noresume;
	unsigned active_mode:2;
	unsigned host_self_blocked:1;
	unsigned reverse_ordering:1;
	unsigned tmf_in_progress:1;
	unsigned async_scan:1;
	unsigned no_write_same:1;
	unsigned host_tagset:1;
	unsigned queuecommand_may_block:1;
	unsigned short_inquiry:1;
	unsigned no_scsi2_lun_in_cdb:1;
	unsigned no_highmem:1;
	struct workqueue_struct *work_q;
	struct workqueue_struct *tmf_work_q;
	unsigned int max_host_blocked;
	unsigned int prot_capabilities;
	unsigned char prot_guard_type;
	unsigned long base;
	unsigned long io_port;
	unsigned char n_io_port;
	unsigned char dma_channel;
	unsigned int irq;
	enum scsi_host_state shost_state;
	struct device shost_gendev, shost_dev;
	void *shost_data;
	struct device *dma_dev;
	struct work_struct eh_work;
	int rpm_autosuspend_delay;
	unsigned long hostdata[] __attribute__((aligned(sizeof(unsigned long))));
};
#define class_to_shost(d) container_of(d, struct Scsi_Host, shost_dev)
#define shost_printk(prefix, shost, fmt, a...) dev_printk(prefix, &(shost)->shost_gendev, fmt, ##a)
static inline void *shost_priv(struct Scsi_Host *shost) { return (void *)shost->hostdata; }
static inline struct Scsi_Host *dev_to_shost(struct device *dev)
{ return container_of(dev, struct Scsi_Host, shost_gendev); }
struct Scsi_Host *scsi_host_alloc(const struct scsi_host_template *, int);
int __must_check scsi_add_host_with_dma(struct Scsi_Host *, struct device *, struct device *);
static inline int __must_check scsi_add_host(struct Scsi_Host *host, struct device *dev)
{ return scsi_add_host_with_dma(host, dev, dev); }
void scsi_scan_host(struct Scsi_Host *);
void scsi_remove_host(struct Scsi_Host *);
struct Scsi_Host *scsi_host_get(struct Scsi_Host *);
void scsi_host_put(struct Scsi_Host *t);
void scsi_block_requests(struct Scsi_Host *);
void scsi_unblock_requests(struct Scsi_Host *);
void scsi_report_bus_reset(struct Scsi_Host *, int);
void scsi_report_device_reset(struct Scsi_Host *, int, int);
int scsi_host_busy(struct Scsi_Host *shost);
void scsi_host_complete_all_commands(struct Scsi_Host *shost, enum scsi_host_status status);

#endif /* _DMACHECK_MODEL_SCSI_H */
