/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: the block layer as a blk-mq driver sees it (after
 * include/linux/{blk_types,bvec,bio,blkdev,blk-mq,blk-mq-pci,
 * blk-integrity}.h of Linux 6.12): requests, tag sets, hardware contexts,
 * bio_vec, and the request-to-scatterlist calls that feed dma_map_sg().
 */
#ifndef _DMACHECK_MODEL_BLOCK_H
#define _DMACHECK_MODEL_BLOCK_H

#include <dmacheck_model.h>

struct blk_zone;
struct pr_ops;
struct lock_class_key;
struct rq_map_data;
struct blk_mq_ctx;
struct blk_mq_tags;
struct blk_flush_queue;
struct elevator_queue;
struct io_comp_batch;

#define SECTOR_SHIFT 9
#define SECTOR_SIZE (1 << SECTOR_SHIFT)
#define PAGE_SECTORS_SHIFT (PAGE_SHIFT - SECTOR_SHIFT)
#define PAGE_SECTORS (1 << PAGE_SECTORS_SHIFT)
#define SECTOR_MASK (PAGE_SECTORS - 1)
#define DISK_NAME_LEN 32
#define BLK_MAX_SEGMENTS 128
#define BLK_MAX_SEGMENT_SIZE 65536
#define MAX_ORDER_NR_PAGES (1 << MAX_PAGE_ORDER)
#define IRQ_AFFINITY_MAX_SETS 4
typedef unsigned int __bitwise blk_mode_t;
#define BLK_OPEN_READ ((__force blk_mode_t)(1 << 0))
#define BLK_OPEN_WRITE ((__force blk_mode_t)(1 << 1))

#define BLK_STS_OK 0
#define BLK_STS_NOTSUPP ((__force blk_status_t)1)
#define BLK_STS_TIMEOUT ((__force blk_status_t)2)
#define BLK_STS_NOSPC ((__force blk_status_t)3)
#define BLK_STS_TRANSPORT ((__force blk_status_t)4)
#define BLK_STS_TARGET ((__force blk_status_t)5)
#define BLK_STS_RESV_CONFLICT ((__force blk_status_t)6)
#define BLK_STS_MEDIUM ((__force blk_status_t)7)
#define BLK_STS_PROTECTION ((__force blk_status_t)8)
#define BLK_STS_RESOURCE ((__force blk_status_t)9)
#define BLK_STS_IOERR ((__force blk_status_t)10)
#define BLK_STS_DM_REQUEUE ((__force blk_status_t)11)
#define BLK_STS_AGAIN ((__force blk_status_t)12)
#define BLK_STS_DEV_RESOURCE ((__force blk_status_t)13)
#define BLK_STS_ZONE_OPEN_RESOURCE ((__force blk_status_t)14)
#define BLK_STS_ZONE_ACTIVE_RESOURCE ((__force blk_status_t)15)
#define BLK_STS_OFFLINE ((__force blk_status_t)16)
#define BLK_STS_DURATION_LIMIT ((__force blk_status_t)17)
#define BLK_STS_INVAL ((__force blk_status_t)19)
int blk_status_to_errno(blk_status_t status);
blk_status_t errno_to_blk_status(int errno);

#define REQ_OP_BITS 8
#define REQ_OP_MASK (__force blk_opf_t)((1 << REQ_OP_BITS) - 1)
enum req_op {
	REQ_OP_READ = (__force blk_opf_t)0,
	REQ_OP_WRITE = (__force blk_opf_t)1,
	REQ_OP_FLUSH = (__force blk_opf_t)2,
	REQ_OP_DISCARD = (__force blk_opf_t)3,
	REQ_OP_SECURE_ERASE = (__force blk_opf_t)5,
	REQ_OP_ZONE_APPEND = (__force blk_opf_t)7,
	REQ_OP_WRITE_ZEROES = (__force blk_opf_t)9,
	REQ_OP_ZONE_OPEN = (__force blk_opf_t)11,
	REQ_OP_ZONE_CLOSE = (__force blk_opf_t)13,
	REQ_OP_ZONE_FINISH = (__force blk_opf_t)15,
	REQ_OP_ZONE_RESET = (__force blk_opf_t)17,
	REQ_OP_ZONE_RESET_ALL = (__force blk_opf_t)19,
	REQ_OP_DRV_IN = (__force blk_opf_t)34,
	REQ_OP_DRV_OUT = (__force blk_opf_t)35,
	REQ_OP_LAST = (__force blk_opf_t)36,
};
enum req_flag_bits {
	__REQ_FAILFAST_DEV = REQ_OP_BITS,
	__REQ_FAILFAST_TRANSPORT,
	__REQ_FAILFAST_DRIVER,
	__REQ_SYNC,
	__REQ_META,
	__REQ_PRIO,
	__REQ_NOMERGE,
	__REQ_IDLE,
	__REQ_INTEGRITY,
	__REQ_FUA,
	__REQ_PREFLUSH,
	__REQ_RAHEAD,
	__REQ_BACKGROUND,
	__REQ_NOWAIT,
	__REQ_POLLED,
	__REQ_ALLOC_CACHE,
	__REQ_SWAP,
	__REQ_DRV,
	__REQ_FS_PRIVATE,
	__REQ_ATOMIC,
	__REQ_NOUNMAP,
	__REQ_NR_BITS,
};
#define REQ_FAILFAST_DEV (__force blk_opf_t)(1ULL << __REQ_FAILFAST_DEV)
#define REQ_FAILFAST_TRANSPORT (__force blk_opf_t)(1ULL << __REQ_FAILFAST_TRANSPORT)
#define REQ_FAILFAST_DRIVER (__force blk_opf_t)(1ULL << __REQ_FAILFAST_DRIVER)
#define REQ_SYNC (__force blk_opf_t)(1ULL << __REQ_SYNC)
#define REQ_META (__force blk_opf_t)(1ULL << __REQ_META)
#define REQ_PRIO (__force blk_opf_t)(1ULL << __REQ_PRIO)
#define REQ_NOMERGE (__force blk_opf_t)(1ULL << __REQ_NOMERGE)
#define REQ_IDLE (__force blk_opf_t)(1ULL << __REQ_IDLE)
#define REQ_INTEGRITY (__force blk_opf_t)(1ULL << __REQ_INTEGRITY)
#define REQ_FUA (__force blk_opf_t)(1ULL << __REQ_FUA)
#define REQ_PREFLUSH (__force blk_opf_t)(1ULL << __REQ_PREFLUSH)
#define REQ_RAHEAD (__force blk_opf_t)(1ULL << __REQ_RAHEAD)
#define REQ_NOWAIT (__force blk_opf_t)(1ULL << __REQ_NOWAIT)
#define REQ_POLLED (__force blk_opf_t)(1ULL << __REQ_POLLED)
#define REQ_DRV (__force blk_opf_t)(1ULL << __REQ_DRV)
#define REQ_NOUNMAP (__force blk_opf_t)(1ULL << __REQ_NOUNMAP)
#define REQ_FAILFAST_MASK (REQ_FAILFAST_DEV | REQ_FAILFAST_TRANSPORT | REQ_FAILFAST_DRIVER)

struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};
struct bvec_iter {
	sector_t bi_sector;
	unsigned int bi_size;
	unsigned int bi_idx;
	unsigned int bi_bvec_done;
};
static inline void *bvec_virt(struct bio_vec *bvec) { return page_address(bvec->bv_page) + bvec->bv_offset; }
static inline phys_addr_t bvec_phys(const struct bio_vec *bvec)
{ return page_to_phys(bvec->bv_page) + bvec->bv_offset; }
struct block_device {
	sector_t bd_start_sect;
	sector_t bd_nr_sectors;
	struct gendisk *bd_disk;
	struct request_queue *bd_queue;
	dev_t bd_dev;
	struct device bd_device;
};
typedef void(bio_end_io_t)(struct bio *);
struct bio {
	struct bio *bi_next;
	struct block_device *bi_bdev;
	blk_opf_t bi_opf;
	unsigned short bi_flags;
	unsigned short bi_ioprio;
	blk_status_t bi_status;
	atomic_t __bi_remaining;
	struct bvec_iter bi_iter;
	bio_end_io_t *bi_end_io;
	void *bi_private;
	unsigned short bi_vcnt;
	unsigned short bi_max_vecs;
	atomic_t __bi_cnt;
	struct bio_vec *bi_io_vec;
};
#define bio_op(bio) ((enum req_op)((bio)->bi_opf & REQ_OP_MASK))
#define bio_data_dir(bio) (op_is_write(bio_op(bio)) ? WRITE : READ)
static inline bool op_is_write(blk_opf_t op) { return !!(op & (__force blk_opf_t)1); }
void bio_endio(struct bio *bio);
#define bio_for_each_segment(bvl, bio, iter) \
	for (iter = (bio)->bi_iter; (iter).bi_size && ((bvl) = (bio)->bi_io_vec[(iter).bi_idx], 1); \
	     (iter).bi_idx++, (iter).bi_size -= (bvl).bv_len)

struct queue_limits {
	unsigned int features;
	unsigned int flags;
	unsigned long seg_boundary_mask;
	unsigned long virt_boundary_mask;
	unsigned int max_hw_sectors;
	unsigned int max_dev_sectors;
	unsigned int chunk_sectors;
	unsigned int max_sectors;
	unsigned int max_user_sectors;
	unsigned int max_segment_size;
	unsigned int physical_block_size;
	unsigned int logical_block_size;
	unsigned int alignment_offset;
	unsigned int io_min;
	unsigned int io_opt;
	unsigned int max_discard_sectors;
	unsigned int max_hw_discard_sectors;
	unsigned int max_write_zeroes_sectors;
	unsigned int discard_granularity;
	unsigned int discard_alignment;
	unsigned int zone_write_granularity;
	unsigned short max_segments;
	unsigned short max_integrity_segments;
	unsigned short max_discard_segments;
	unsigned int max_open_zones;
	unsigned int max_active_zones;
	unsigned int dma_alignment;
};
struct request_queue {
	void *queuedata;
	struct elevator_queue *elevator;
	const struct blk_mq_ops *mq_ops;
	unsigned long queue_flags;
	unsigned int rq_timeout;
	unsigned int queue_depth;
	struct queue_limits limits;
	struct gendisk *disk;
	struct blk_mq_tag_set *tag_set;
	struct mutex sysfs_lock;
	struct mutex limits_lock;
};
struct gendisk {
	int major;
	int first_minor;
	int minors;
	char disk_name[DISK_NAME_LEN];
	unsigned short events;
	unsigned short event_flags;
	struct block_device *part0;
	const struct block_device_operations *fops;
	struct request_queue *queue;
	void *private_data;
	int flags;
	unsigned long state;
	struct kobject *slave_dir;
	int node_id;
};
typedef int (*report_zones_cb)(struct blk_zone *zone, unsigned int idx, void *data);
struct block_device_operations {
	void (*submit_bio)(struct bio *bio);
	int (*poll_bio)(struct bio *bio, struct io_comp_batch *iob, unsigned int flags);
	int (*open)(struct gendisk *disk, blk_mode_t mode);
	void (*release)(struct gendisk *disk);
	int (*ioctl)(struct block_device *bdev, blk_mode_t mode, unsigned cmd, unsigned long arg);
	int (*compat_ioctl)(struct block_device *bdev, blk_mode_t mode, unsigned cmd,
			    unsigned long arg);
	unsigned int (*check_events)(struct gendisk *disk, unsigned int clearing);
	void (*unlock_native_capacity)(struct gendisk *);
	int (*getgeo)(struct block_device *, struct hd_geometry *);
	int (*set_read_only)(struct block_device *bdev, bool ro);
	void (*free_disk)(struct gendisk *disk);
	void (*swap_slot_free_notify)(struct block_device *, unsigned long);
	int (*report_zones)(struct gendisk *, sector_t sector, unsigned int nr_zones,
			    report_zones_cb cb, void *data);
	char *(*devnode)(struct gendisk *disk, umode_t *mode);
	int (*get_unique_id)(struct gendisk *disk, u8 id[16], enum blk_unique_id id_type);
	struct module *owner;
	const struct pr_ops *pr_ops;
	int (*alternative_gpt_sector)(struct gendisk *disk, sector_t *sector);
};
struct hd_geometry {
	unsigned char heads;
	unsigned char sectors;
	unsigned short cylinders;
	unsigned long start;
};
enum blk_unique_id {
	BLK_UID_T10 = 1,
	BLK_UID_EUI64 = 2,
	BLK_UID_NAA = 3,
};

enum mq_rq_state {
	MQ_RQ_IDLE = 0,
	MQ_RQ_IN_FLIGHT = 1,
	MQ_RQ_COMPLETE = 2,
};
enum rq_end_io_ret {
	RQ_END_IO_NONE,
	RQ_END_IO_FREE,
};
typedef enum rq_end_io_ret(rq_end_io_fn)(struct request *, blk_status_t);
struct request {
	struct request_queue *q;
	struct blk_mq_ctx *mq_ctx;
	struct blk_mq_hw_ctx *mq_hctx;
	blk_opf_t cmd_flags;
	req_flags_t rq_flags;
	int tag;
	int internal_tag;
	unsigned int timeout;
	unsigned int __data_len;
	sector_t __sector;
	struct bio *bio;
	struct bio *biotail;
	union {
		struct list_head queuelist;
		struct request *rq_next;
	};
	struct block_device *part;
	u64 start_time_ns;
	u64 io_start_time_ns;
	unsigned short stats_sectors;
	unsigned short nr_phys_segments;
	unsigned short nr_integrity_segments;
	enum mq_rq_state state;
	atomic_t ref;
	unsigned long deadline;
	union {
		struct bio_vec special_vec;
	};
	rq_end_io_fn *end_io;
	void *end_io_data;
};
#define RQF_STARTED ((__force req_flags_t)(1 << 1))
#define RQF_FLUSH_SEQ ((__force req_flags_t)(1 << 4))
#define RQF_MIXED_MERGE ((__force req_flags_t)(1 << 5))
#define RQF_DONTPREP ((__force req_flags_t)(1 << 7))
#define RQF_SPECIAL_PAYLOAD ((__force req_flags_t)(1 << 13))
#define RQF_QUIET ((__force req_flags_t)(1 << 11))
static inline enum req_op req_op(const struct request *req)
{ return (enum req_op)(req->cmd_flags & REQ_OP_MASK); }
static inline bool blk_rq_is_passthrough(struct request *rq)
{ return req_op(rq) == REQ_OP_DRV_IN || req_op(rq) == REQ_OP_DRV_OUT; }
#define rq_data_dir(rq) (op_is_write(req_op(rq)) ? WRITE : READ)
#define rq_dma_dir(rq) (op_is_write(req_op(rq)) ? DMA_TO_DEVICE : DMA_FROM_DEVICE)
static inline sector_t blk_rq_pos(const struct request *rq) { return rq->__sector; }
static inline unsigned int blk_rq_bytes(const struct request *rq) { return rq->__data_len; }
static inline unsigned int blk_rq_sectors(const struct request *rq) { return blk_rq_bytes(rq) >> SECTOR_SHIFT; }
unsigned int blk_rq_cur_bytes(const struct request *rq);
unsigned int blk_rq_payload_bytes(struct request *rq);
static inline unsigned short blk_rq_nr_phys_segments(struct request *rq)
{ return rq->nr_phys_segments; }
unsigned short blk_rq_nr_discard_segments(struct request *rq);
struct bio_vec req_bvec(struct request *rq);
#define rq_for_each_segment(bvl, _rq, _iter) \
	for (_iter.bio = (_rq)->bio; _iter.bio; _iter.bio = _iter.bio->bi_next) \
		bio_for_each_segment(bvl, _iter.bio, _iter.iter)
struct req_iterator {
	struct bvec_iter iter;
	struct bio *bio;
};
#define __rq_for_each_bio(_bio, rq) \
	if ((rq->bio)) for (_bio = (rq)->bio; _bio; _bio = _bio->bi_next)
int __blk_rq_map_sg(struct request_queue *q, struct request *rq, struct scatterlist *sglist,
		    struct scatterlist **last_sg);
static inline int blk_rq_map_sg(struct request_queue *q, struct request *rq,
				struct scatterlist *sglist)
{ struct scatterlist *last_sg = NULL; return __blk_rq_map_sg(q, rq, sglist, &last_sg); }
bool blk_integrity_rq(struct request *rq);
int blk_rq_map_integrity_sg(struct request *rq, struct scatterlist *sglist);
int blk_rq_count_integrity_sg(struct request_queue *q, struct bio *bio);
struct bio_vec rq_integrity_vec(struct request *rq);
const char *blk_op_str(enum req_op op);
/* A macro over dma_map_page_attrs() in 6.12; a function here (see dma.h). */
dma_addr_t dma_map_bvec(struct device *dev, struct bio_vec *bv, enum dma_data_direction dir,
			unsigned long attrs);
struct gendisk *dev_to_disk(struct device *dev);
bool blk_should_fake_timeout(struct request_queue *q);
int blk_rq_map_kern(struct request_queue *q, struct request *rq, void *kbuf,
		    unsigned int len, gfp_t gfp_mask);
int blk_rq_map_user(struct request_queue *q, struct request *rq, struct rq_map_data *map_data,
		    void __user *ubuf, unsigned long len, gfp_t gfp_mask);
int blk_rq_unmap_user(struct bio *bio);
void blk_dump_rq_flags(struct request *rq, char *msg);

struct rq_list {
	struct request *head;
	struct request *tail;
};
static inline bool rq_list_empty(const struct rq_list *rl) { return rl->head == NULL; }
static inline void rq_list_init(struct rq_list *rl) { rl->head = NULL; rl->tail = NULL; }
void rq_list_add_tail(struct rq_list *rl, struct request *rq);
void rq_list_add_head(struct rq_list *rl, struct request *rq);
struct request *rq_list_pop(struct rq_list *rl);
struct request *rq_list_peek(struct rq_list *rl);
#define rq_list_for_each(rl, pos) for (pos = rq_list_peek((rl)); pos; pos = pos->rq_next)
#define rq_list_for_each_safe(rl, pos, nxt) \
	for (pos = rq_list_peek((rl)), nxt = pos ? pos->rq_next : NULL; pos; \
	     pos = nxt, nxt = pos ? pos->rq_next : NULL)
struct io_comp_batch {
	struct rq_list req_list;
	bool need_ts;
	void (*complete)(struct io_comp_batch *);
};
#define DEFINE_IO_COMP_BATCH(name) struct io_comp_batch name = { }

enum hctx_type {
	HCTX_TYPE_DEFAULT,
	HCTX_TYPE_READ,
	HCTX_TYPE_POLL,
	HCTX_MAX_TYPES,
};
struct blk_mq_queue_map {
	unsigned int *mq_map;
	unsigned int nr_queues;
	unsigned int queue_offset;
};
struct blk_mq_hw_ctx {
	struct {
		spinlock_t lock;
		struct list_head dispatch;
		unsigned long state;
	} ____cacheline_aligned_in_smp;
	struct delayed_work run_work;
	cpumask_var_t cpumask;
	int next_cpu;
	int next_cpu_batch;
	unsigned long flags;
	void *sched_data;
	struct request_queue *queue;
	struct blk_flush_queue *fq;
	void *driver_data;
	struct blk_mq_ctx *dispatch_from;
	unsigned int dispatch_busy;
	unsigned short type;
	unsigned short nr_ctx;
	struct blk_mq_ctx **ctxs;
	struct blk_mq_tags *tags;
	struct blk_mq_tags *sched_tags;
	unsigned int numa_node;
	unsigned int queue_num;
	atomic_t nr_active;
	struct kobject kobj;
	struct dentry *debugfs_dir;
	struct list_head hctx_list;
};
struct blk_mq_queue_data {
	struct request *rq;
	bool last;
};
enum blk_eh_timer_return {
	BLK_EH_DONE,
	BLK_EH_RESET_TIMER,
};
struct blk_mq_tag_set;
struct blk_mq_ops {
	blk_status_t (*queue_rq)(struct blk_mq_hw_ctx *, const struct blk_mq_queue_data *);
	void (*commit_rqs)(struct blk_mq_hw_ctx *);
	void (*queue_rqs)(struct rq_list *rqlist);
	int (*get_budget)(struct request_queue *);
	void (*put_budget)(struct request_queue *, int);
	void (*set_rq_budget_token)(struct request *, int);
	int (*get_rq_budget_token)(struct request *);
	enum blk_eh_timer_return (*timeout)(struct request *);
	int (*poll)(struct blk_mq_hw_ctx *, struct io_comp_batch *);
	void (*complete)(struct request *);
	int (*init_hctx)(struct blk_mq_hw_ctx *, void *, unsigned int);
	void (*exit_hctx)(struct blk_mq_hw_ctx *, unsigned int);
	int (*init_request)(struct blk_mq_tag_set *set, struct request *, unsigned int,
			    unsigned int);
	void (*exit_request)(struct blk_mq_tag_set *set, struct request *, unsigned int);
	void (*cleanup_rq)(struct request *);
	bool (*busy)(struct request_queue *);
	void (*map_queues)(struct blk_mq_tag_set *set);
	void (*show_rq)(struct seq_file *m, struct request *rq);
};
struct srcu_struct {
	struct srcu_data *sda;
};
struct blk_mq_tag_set {
	const struct blk_mq_ops *ops;
	struct blk_mq_queue_map map[HCTX_MAX_TYPES];
	unsigned int nr_maps;
	unsigned int nr_hw_queues;
	unsigned int queue_depth;
	unsigned int reserved_tags;
	unsigned int cmd_size;
	int numa_node;
	unsigned int timeout;
	unsigned int flags;
	void *driver_data;
	struct blk_mq_tags **tags;
	struct blk_mq_tags *shared_tags;
	struct mutex tag_list_lock;
	struct list_head tag_list;
	struct srcu_struct *srcu;
};
enum {
	BLK_MQ_F_SHOULD_MERGE = 1 << 0,
	BLK_MQ_F_TAG_QUEUE_SHARED = 1 << 1,
	BLK_MQ_F_STACKING = 1 << 2,
	BLK_MQ_F_TAG_HCTX_SHARED = 1 << 3,
	BLK_MQ_F_BLOCKING = 1 << 4,
	BLK_MQ_F_NO_SCHED = 1 << 5,
	BLK_MQ_F_NO_SCHED_BY_DEFAULT = 1 << 6,
	BLK_MQ_F_ALLOC_POLICY_START_BIT = 7,
	BLK_MQ_F_ALLOC_POLICY_BITS = 1,
};
typedef __u32 __bitwise blk_mq_req_flags_t;
#define BLK_MQ_REQ_NOWAIT ((__force blk_mq_req_flags_t)(1 << 0))
#define BLK_MQ_REQ_RESERVED ((__force blk_mq_req_flags_t)(1 << 1))
#define BLK_MQ_REQ_PM ((__force blk_mq_req_flags_t)(1 << 2))
static inline void *blk_mq_rq_to_pdu(struct request *rq) { return rq + 1; }
static inline struct request *blk_mq_rq_from_pdu(void *pdu) { return (struct request *)pdu - 1; }
static inline enum mq_rq_state blk_mq_rq_state(struct request *rq) { return READ_ONCE(rq->state); }
int blk_mq_alloc_tag_set(struct blk_mq_tag_set *set);
int blk_mq_alloc_sq_tag_set(struct blk_mq_tag_set *set, const struct blk_mq_ops *ops,
			    unsigned int queue_depth, unsigned int set_flags);
void blk_mq_free_tag_set(struct blk_mq_tag_set *set);
struct gendisk *__blk_mq_alloc_disk(struct blk_mq_tag_set *set, struct queue_limits *lim,
				    void *queuedata, struct lock_class_key *lkclass);
#define blk_mq_alloc_disk(set, lim, queuedata) __blk_mq_alloc_disk(set, lim, queuedata, NULL)
struct request_queue *blk_mq_alloc_queue(struct blk_mq_tag_set *set, struct queue_limits *lim,
					 void *queuedata);
void blk_mq_destroy_queue(struct request_queue *);
struct request *blk_mq_alloc_request(struct request_queue *q, blk_opf_t opf,
				     blk_mq_req_flags_t flags);
struct request *blk_mq_alloc_request_hctx(struct request_queue *q, blk_opf_t opf,
					  blk_mq_req_flags_t flags, unsigned int hctx_idx);
void blk_mq_free_request(struct request *rq);
void blk_mq_start_request(struct request *rq);
void blk_mq_end_request(struct request *rq, blk_status_t error);
void __blk_mq_end_request(struct request *rq, blk_status_t error);
void blk_mq_end_request_batch(struct io_comp_batch *ib);
void blk_mq_requeue_request(struct request *rq, bool kick_requeue_list);
void blk_mq_kick_requeue_list(struct request_queue *q);
void blk_mq_complete_request(struct request *rq);
bool blk_mq_complete_request_remote(struct request *rq);
bool blk_mq_request_started(struct request *rq);
bool blk_mq_request_completed(struct request *rq);
bool blk_mq_add_to_batch(struct request *req, struct io_comp_batch *iob, int ioerror,
			 void (*complete)(struct io_comp_batch *));
void blk_mq_start_hw_queues(struct request_queue *q);
void blk_mq_stop_hw_queues(struct request_queue *q);
void blk_mq_start_stopped_hw_queues(struct request_queue *q, bool async);
void blk_mq_quiesce_queue(struct request_queue *q);
void blk_mq_unquiesce_queue(struct request_queue *q);
void blk_mq_quiesce_tagset(struct blk_mq_tag_set *set);
void blk_mq_unquiesce_tagset(struct blk_mq_tag_set *set);
void blk_mq_freeze_queue(struct request_queue *q);
void blk_mq_unfreeze_queue(struct request_queue *q);
void blk_mq_run_hw_queues(struct request_queue *q, bool async);
void blk_mq_update_nr_hw_queues(struct blk_mq_tag_set *set, int nr_hw_queues);
void blk_mq_map_queues(struct blk_mq_queue_map *qmap);
void blk_mq_pci_map_queues(struct blk_mq_queue_map *qmap, struct pci_dev *pdev, int offset);
struct request *blk_mq_tag_to_rq(struct blk_mq_tags *tags, unsigned int tag);
u32 blk_mq_unique_tag(struct request *rq);
void blk_mq_tagset_busy_iter(struct blk_mq_tag_set *tagset,
			     bool (*fn)(struct request *, void *), void *priv);
void blk_mq_tagset_wait_completed_request(struct blk_mq_tag_set *tagset);
void blk_execute_rq_nowait(struct request *rq, bool at_head);
blk_status_t blk_execute_rq(struct request *rq, bool at_head);
bool blk_queue_dying(struct request_queue *q);
void blk_queue_flag_set(unsigned int flag, struct request_queue *q);
void blk_queue_flag_clear(unsigned int flag, struct request_queue *q);
void blk_set_queue_dying(struct request_queue *q);
void blk_mark_disk_dead(struct gendisk *disk);
int add_disk(struct gendisk *disk);
int device_add_disk(struct device *parent, struct gendisk *disk,
		    const struct attribute_group **groups);
void del_gendisk(struct gendisk *gp);
void put_disk(struct gendisk *disk);
void set_capacity(struct gendisk *disk, sector_t size);
sector_t get_capacity(struct gendisk *disk);
bool set_capacity_and_notify(struct gendisk *disk, sector_t size);
int register_blkdev(unsigned int major, const char *name);
void unregister_blkdev(unsigned int major, const char *name);
int queue_limits_commit_update(struct request_queue *q, struct queue_limits *lim);
struct queue_limits queue_limits_start_update(struct request_queue *q);
int queue_limits_set(struct request_queue *q, struct queue_limits *lim);
static inline unsigned int queue_max_hw_sectors(const struct request_queue *q)
{ return q->limits.max_hw_sectors; }
static inline unsigned short queue_max_segments(const struct request_queue *q)
{ return q->limits.max_segments; }
static inline unsigned int queue_max_segment_size(const struct request_queue *q)
{ return q->limits.max_segment_size; }
static inline unsigned int queue_logical_block_size(const struct request_queue *q)
{ return q->limits.logical_block_size; }
static inline unsigned int queue_dma_alignment(const struct request_queue *q)
{ return q->limits.dma_alignment; }
#define QUEUE_FLAG_QUIESCED 7
#define QUEUE_FLAG_NOMERGES 3
#define BLK_FEAT_WRITE_CACHE ((__force unsigned int)(1u << 0))
#define BLK_FEAT_FUA ((__force unsigned int)(1u << 1))
#define BLK_FEAT_ROTATIONAL ((__force unsigned int)(1u << 2))

#endif /* _DMACHECK_MODEL_BLOCK_H */
