/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: networking basics (after include/linux/{skbuff,
 * netdevice,etherdevice,if_ether,ip,ipv6,tcp,udp,if_vlan,mii,netlink,
 * ethtool}.h, include/net/{checksum,ip6_checksum,page_pool}.h of Linux
 * 6.12). The uapi headers (if_ether, ip, ipv6, tcp, udp, in, in6, icmp,
 * if, mii, ethtool, net_tstamp) and linux/netdev_features.h are the
 * kernel's own, copied unchanged under include/uapi and include/linux.
 *
 * skb_frag_dma_map() is a function declaration in the DMA style of
 * model/dma.h: the checker sees the call the driver wrote.
 */
#ifndef _DMACHECK_MODEL_NET_H
#define _DMACHECK_MODEL_NET_H

/* linux/socket.h (kernel side) before the uapi headers that use it */
#include <uapi/linux/socket.h>
typedef __kernel_sa_family_t sa_family_t;
struct sockaddr {
	sa_family_t sa_family;
	union {
		char sa_data_min[14];
		DECLARE_FLEX_ARRAY(char, sa_data);
	};
};
#define sockaddr_storage __kernel_sockaddr_storage
#define AF_UNSPEC 0
#define AF_UNIX 1
#define AF_INET 2
#define AF_INET6 10
#define AF_PACKET 17
#define PF_INET AF_INET
#define PF_INET6 AF_INET6
#define SOL_SOCKET 1
#include <uapi/linux/sockios.h>
#include <uapi/linux/if_ether.h>
#include <uapi/linux/in.h>
#include <uapi/linux/in6.h>
#include <uapi/linux/ip.h>
#include <uapi/linux/ipv6.h>
#include <uapi/linux/tcp.h>
#include <uapi/linux/udp.h>
#include <uapi/linux/if.h>
#include <uapi/linux/icmp.h>
#include <uapi/linux/mii.h>
#include <uapi/linux/mdio.h>
#include <uapi/linux/net_tstamp.h>
#include <uapi/linux/if_vlan.h>
#include <linux/netdev_features.h>

/* ================= netlink (what ethtool and ndo_* need) ================= */
#define NETLINK_MAX_COOKIE_LEN 20
#define NETLINK_MAX_FMTMSG_LEN 80
struct nlattr {
	__u16 nla_len;
	__u16 nla_type;
};
struct netlink_ext_ack {
	const char *_msg;
	const struct nlattr *bad_attr;
	const struct nla_policy *policy;
	const struct nlattr *miss_nest;
	u16 miss_type;
	u8 cookie[NETLINK_MAX_COOKIE_LEN];
	u8 cookie_len;
	char _msg_buf[NETLINK_MAX_FMTMSG_LEN];
};
#define NL_SET_ERR_MSG(extack, msg) do { \
	static const char __msg[] = msg; \
	struct netlink_ext_ack *__extack = (extack); \
	if (__extack) __extack->_msg = __msg; \
} while (0)
#define NL_SET_ERR_MSG_MOD(extack, msg) NL_SET_ERR_MSG((extack), KBUILD_MODNAME ": " msg)
#define NL_SET_ERR_MSG_FMT(extack, fmt, args...) do { \
	struct netlink_ext_ack *__extack = (extack); \
	if (__extack) snprintf(__extack->_msg_buf, NETLINK_MAX_FMTMSG_LEN, fmt, ##args); \
} while (0)
#define NL_SET_ERR_MSG_FMT_MOD(extack, fmt, args...) \
	NL_SET_ERR_MSG_FMT((extack), KBUILD_MODNAME ": " fmt, ##args)
#define NL_SET_ERR_MSG_WEAK(extack, msg) NL_SET_ERR_MSG(extack, msg)
#define NL_SET_ERR_MSG_WEAK_MOD(extack, msg) NL_SET_ERR_MSG_MOD(extack, msg)

/* ================= sk_buff ================= */
#define CHECKSUM_NONE 0
#define CHECKSUM_UNNECESSARY 1
#define CHECKSUM_COMPLETE 2
#define CHECKSUM_PARTIAL 3
#define SKB_MAX_CSUM_LEVEL 3
#define NET_IP_ALIGN 0
#define NET_SKB_PAD max(32, L1_CACHE_BYTES)
#define MAX_SKB_FRAGS 17
#define SKB_DATA_ALIGN(X) ALIGN(X, SMP_CACHE_BYTES)
#define SKB_WITH_OVERHEAD(X) ((X) - SKB_DATA_ALIGN(sizeof(struct skb_shared_info)))
#define SKB_HEAD_ALIGN(X) (SKB_DATA_ALIGN(X) + SKB_DATA_ALIGN(sizeof(struct skb_shared_info)))
#define SKB_TRUESIZE(X) ((X) + SKB_DATA_ALIGN(sizeof(struct sk_buff)) + \
			 SKB_DATA_ALIGN(sizeof(struct skb_shared_info)))
#define SKB_MAX_ORDER(X, ORDER) SKB_WITH_OVERHEAD((PAGE_SIZE << (ORDER)) - (X))
#define SKB_MAX_HEAD(X) (SKB_MAX_ORDER((X), 0))
#define SKB_MAX_ALLOC (SKB_MAX_ORDER(0, 2))
#define GRO_MAX_HEAD (MAX_HEADER + 128)
#define MAX_HEADER 32
#define LL_MAX_HEADER 32
typedef unsigned int sk_buff_data_t;
typedef unsigned long netmem_ref;

typedef struct skb_frag {
	netmem_ref netmem;
	unsigned int len;
	unsigned int offset;
} skb_frag_t;
struct skb_shared_hwtstamps {
	union {
		ktime_t hwtstamp;
		void *netdev_data;
	};
};
enum {
	SKBTX_HW_TSTAMP = 1 << 0,
	SKBTX_SW_TSTAMP = 1 << 1,
	SKBTX_IN_PROGRESS = 1 << 2,
	SKBTX_HW_TSTAMP_USE_CYCLES = 1 << 3,
	SKBTX_WIFI_STATUS = 1 << 4,
	SKBTX_HW_TSTAMP_NETDEV = 1 << 5,
	SKBTX_SCHED_TSTAMP = 1 << 6,
};
enum {
	SKBFL_ZEROCOPY_ENABLE = BIT(0),
	SKBFL_SHARED_FRAG = BIT(1),
	SKBFL_PURE_ZEROCOPY = BIT(2),
};
enum {
	SKB_GSO_TCPV4 = 1 << 0,
	SKB_GSO_DODGY = 1 << 1,
	SKB_GSO_TCP_ECN = 1 << 2,
	SKB_GSO_TCP_FIXEDID = 1 << 3,
	SKB_GSO_TCPV6 = 1 << 4,
	SKB_GSO_FCOE = 1 << 5,
	SKB_GSO_GRE = 1 << 6,
	SKB_GSO_GRE_CSUM = 1 << 7,
	SKB_GSO_IPXIP4 = 1 << 8,
	SKB_GSO_IPXIP6 = 1 << 9,
	SKB_GSO_UDP_TUNNEL = 1 << 10,
	SKB_GSO_UDP_TUNNEL_CSUM = 1 << 11,
	SKB_GSO_PARTIAL = 1 << 12,
	SKB_GSO_TUNNEL_REMCSUM = 1 << 13,
	SKB_GSO_SCTP = 1 << 14,
	SKB_GSO_ESP = 1 << 15,
	SKB_GSO_UDP = 1 << 16,
	SKB_GSO_UDP_L4 = 1 << 17,
	SKB_GSO_FRAGLIST = 1 << 18,
};
struct skb_shared_info {
	__u8 flags;
	__u8 meta_len;
	__u8 nr_frags;
	__u8 tx_flags;
	unsigned short gso_size;
	unsigned short gso_segs;
	struct sk_buff *frag_list;
	struct skb_shared_hwtstamps hwtstamps;
	unsigned int gso_type;
	u32 tskey;
	atomic_t dataref;
	unsigned int xdp_frags_size;
	void *destructor_arg;
	skb_frag_t frags[MAX_SKB_FRAGS];
};
struct sock;
struct sk_buff {
	union {
		struct {
			struct sk_buff *next;
			struct sk_buff *prev;
			union {
				struct net_device *dev;
				unsigned long dev_scratch;
			};
		};
		struct list_head list;
		struct llist_node ll_node;
	};
	struct sock *sk;
	union {
		ktime_t tstamp;
		u64 skb_mstamp_ns;
	};
	char cb[48] __aligned(8);
	unsigned long _skb_refdst;
	void (*destructor)(struct sk_buff *skb);
	unsigned int len, data_len;
	__u16 mac_len, hdr_len;
	__u16 queue_mapping;
	__u8 cloned:1, nohdr:1, fclone:2, peeked:1, head_frag:1, pfmemalloc:1, pp_recycle:1;
	__u8 pkt_type:3, ignore_df:1, dst_pending_confirm:1, ip_summed:2, ooo_okay:1;
	__u8 tstamp_type:2, tc_at_ingress:1, tc_skip_classify:1, remcsum_offload:1,
	     csum_complete_sw:1, csum_level:2;
	__u8 inner_protocol_type:1, l4_hash:1, sw_hash:1, wifi_acked_valid:1,
	     wifi_acked:1, no_fcs:1, encapsulation:1, encap_hdr_csum:1;
	__u8 csum_valid:1, ndisc_nodetype:2, ipvs_property:1, nf_trace:1,
	     offload_fwd_mark:1, offload_l3_fwd_mark:1, redirected:1;
	__u8 from_ingress:1, nf_skip_egress:1, decrypted:1, slow_gro:1, csum_not_inet:1,
	     unreadable:1;
	__u16 tc_index;
	u16 alloc_cpu;
	union {
		__wsum csum;
		struct {
			__u16 csum_start;
			__u16 csum_offset;
		};
	};
	__u32 priority;
	int skb_iif;
	__u32 hash;
	union {
		u32 vlan_all;
		struct {
			__be16 vlan_proto;
			__u16 vlan_tci;
		};
	};
	union {
		unsigned int napi_id;
		unsigned int sender_cpu;
	};
	union {
		__u32 mark;
		__u32 reserved_tailroom;
	};
	union {
		__be16 inner_protocol;
		__u8 inner_ipproto;
	};
	__u16 inner_transport_header;
	__u16 inner_network_header;
	__u16 inner_mac_header;
	__be16 protocol;
	__u16 transport_header;
	__u16 network_header;
	__u16 mac_header;
	sk_buff_data_t tail;
	sk_buff_data_t end;
	unsigned char *head, *data;
	unsigned int truesize;
	refcount_t users;
};
#define PACKET_HOST 0
#define PACKET_BROADCAST 1
#define PACKET_MULTICAST 2
#define PACKET_OTHERHOST 3
#define PACKET_OUTGOING 4
#define PACKET_LOOPBACK 5
static inline unsigned char *skb_end_pointer(const struct sk_buff *skb) { return skb->head + skb->end; }
static inline unsigned int skb_end_offset(const struct sk_buff *skb) { return skb->end; }
static inline unsigned char *skb_tail_pointer(const struct sk_buff *skb) { return skb->head + skb->tail; }
#define skb_shinfo(SKB) ((struct skb_shared_info *)(skb_end_pointer(SKB)))
static inline struct skb_shared_hwtstamps *skb_hwtstamps(struct sk_buff *skb)
{ return &skb_shinfo(skb)->hwtstamps; }
static inline unsigned int skb_headlen(const struct sk_buff *skb) { return skb->len - skb->data_len; }
static inline bool skb_is_nonlinear(const struct sk_buff *skb) { return skb->data_len; }
static inline unsigned int skb_headroom(const struct sk_buff *skb) { return skb->data - skb->head; }
static inline int skb_tailroom(const struct sk_buff *skb)
{ return skb_is_nonlinear(skb) ? 0 : skb->end - skb->tail; }
static inline unsigned int skb_frag_size(const skb_frag_t *frag) { return frag->len; }
static inline void skb_frag_size_set(skb_frag_t *frag, unsigned int size) { frag->len = size; }
static inline void skb_frag_size_add(skb_frag_t *frag, int delta) { frag->len += delta; }
static inline void skb_frag_size_sub(skb_frag_t *frag, int delta) { frag->len -= delta; }
static inline unsigned int skb_frag_off(const skb_frag_t *frag) { return frag->offset; }
static inline void skb_frag_off_add(skb_frag_t *frag, int delta) { frag->offset += delta; }
static inline void skb_frag_off_set(skb_frag_t *frag, unsigned int offset) { frag->offset = offset; }
struct page *skb_frag_page(const skb_frag_t *frag);
void *skb_frag_address(const skb_frag_t *frag);
void *skb_frag_address_safe(const skb_frag_t *frag);
void skb_frag_fill_page_desc(skb_frag_t *frag, struct page *page, int off, int size);
void skb_frag_ref(struct sk_buff *skb, int f);
void skb_frag_unref(struct sk_buff *skb, int f);
/* The DMA mapping of a paged fragment: a function, not inline (see dma.h). */
dma_addr_t skb_frag_dma_map(struct device *dev, const skb_frag_t *frag, size_t offset,
			    size_t size, enum dma_data_direction dir);
#define skb_walk_frags(skb, iter) \
	for (iter = skb_shinfo(skb)->frag_list; iter; iter = iter->next)

struct sk_buff *alloc_skb(unsigned int size, gfp_t priority);
struct sk_buff *__alloc_skb(unsigned int size, gfp_t priority, int flags, int node);
struct sk_buff *dev_alloc_skb(unsigned int length);
struct sk_buff *__dev_alloc_skb(unsigned int length, gfp_t gfp_mask);
struct sk_buff *__netdev_alloc_skb(struct net_device *dev, unsigned int length, gfp_t gfp_mask);
struct sk_buff *netdev_alloc_skb(struct net_device *dev, unsigned int length);
struct sk_buff *__netdev_alloc_skb_ip_align(struct net_device *dev, unsigned int length,
					    gfp_t gfp);
struct sk_buff *netdev_alloc_skb_ip_align(struct net_device *dev, unsigned int length);
struct sk_buff *__napi_alloc_skb(struct napi_struct *napi, unsigned int length, gfp_t gfp_mask);
struct sk_buff *napi_alloc_skb(struct napi_struct *napi, unsigned int length);
struct sk_buff *build_skb(void *data, unsigned int frag_size);
struct sk_buff *napi_build_skb(void *data, unsigned int frag_size);
struct sk_buff *build_skb_around(struct sk_buff *skb, void *data, unsigned int frag_size);
struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t priority);
struct sk_buff *skb_copy(const struct sk_buff *skb, gfp_t priority);
struct sk_buff *skb_copy_expand(const struct sk_buff *skb, int newheadroom, int newtailroom,
				gfp_t priority);
struct sk_buff *skb_realloc_headroom(struct sk_buff *skb, unsigned int headroom);
struct sk_buff *skb_get(struct sk_buff *skb);
void kfree_skb(struct sk_buff *skb);
void consume_skb(struct sk_buff *skb);
void __kfree_skb(struct sk_buff *skb);
void kfree_skb_list(struct sk_buff *segs);
void napi_consume_skb(struct sk_buff *skb, int budget);
void dev_kfree_skb_irq(struct sk_buff *skb);
void dev_kfree_skb_any(struct sk_buff *skb);
void dev_consume_skb_irq(struct sk_buff *skb);
void dev_consume_skb_any(struct sk_buff *skb);
#define dev_kfree_skb(a) consume_skb(a)
void *skb_put(struct sk_buff *skb, unsigned int len);
void *__skb_put(struct sk_buff *skb, unsigned int len);
void *skb_put_zero(struct sk_buff *skb, unsigned int len);
void *skb_put_data(struct sk_buff *skb, const void *data, unsigned int len);
void *__skb_put_data(struct sk_buff *skb, const void *data, unsigned int len);
void skb_put_u8(struct sk_buff *skb, u8 val);
void *skb_push(struct sk_buff *skb, unsigned int len);
void *__skb_push(struct sk_buff *skb, unsigned int len);
void *skb_pull(struct sk_buff *skb, unsigned int len);
void *__skb_pull(struct sk_buff *skb, unsigned int len);
void *pskb_pull(struct sk_buff *skb, unsigned int len);
bool pskb_may_pull(struct sk_buff *skb, unsigned int len);
static inline void skb_reserve(struct sk_buff *skb, int len) { skb->data += len; skb->tail += len; }
void skb_trim(struct sk_buff *skb, unsigned int len);
void __skb_trim(struct sk_buff *skb, unsigned int len);
int pskb_trim(struct sk_buff *skb, unsigned int len);
int __pskb_trim(struct sk_buff *skb, unsigned int len);
int pskb_expand_head(struct sk_buff *skb, int nhead, int ntail, gfp_t gfp_mask);
int skb_linearize(struct sk_buff *skb);
int __skb_linearize(struct sk_buff *skb);
int skb_padto(struct sk_buff *skb, unsigned int len);
int skb_put_padto(struct sk_buff *skb, unsigned int len);
int __skb_put_padto(struct sk_buff *skb, unsigned int len, bool free_on_error);
int skb_pad(struct sk_buff *skb, int pad);
int skb_cow_head(struct sk_buff *skb, unsigned int headroom);
int skb_cow(struct sk_buff *skb, unsigned int headroom);
int skb_header_cloned(const struct sk_buff *skb);
int skb_cloned(const struct sk_buff *skb);
bool skb_is_gso(const struct sk_buff *skb);
bool skb_is_gso_v6(const struct sk_buff *skb);
bool skb_is_gso_tcp(const struct sk_buff *skb);
void skb_copy_to_linear_data(struct sk_buff *skb, const void *from, const unsigned int len);
void skb_copy_to_linear_data_offset(struct sk_buff *skb, const int offset, const void *from,
				    const unsigned int len);
void skb_copy_from_linear_data(const struct sk_buff *skb, void *to, const unsigned int len);
void skb_copy_from_linear_data_offset(const struct sk_buff *skb, const int offset, void *to,
				      const unsigned int len);
void *__pskb_pull_tail(struct sk_buff *skb, int delta);
void skb_copy_and_csum_dev(const struct sk_buff *skb, u8 *to);
int skb_tcp_all_headers(const struct sk_buff *skb);
int skb_inner_tcp_all_headers(const struct sk_buff *skb);
void tcp_v6_gso_csum_prep(struct sk_buff *skb);
int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len);
int skb_store_bits(struct sk_buff *skb, int offset, const void *from, int len);
void skb_add_rx_frag(struct sk_buff *skb, int i, struct page *page, int off, int size,
		     unsigned int truesize);
void skb_add_rx_frag_netmem(struct sk_buff *skb, int i, netmem_ref netmem, int off,
			    int size, unsigned int truesize);
void skb_coalesce_rx_frag(struct sk_buff *skb, int i, int size, unsigned int truesize);
void skb_fill_page_desc(struct sk_buff *skb, int i, struct page *page, int off, int size);
void __skb_fill_page_desc(struct sk_buff *skb, int i, struct page *page, int off, int size);
unsigned char *skb_mac_header(const struct sk_buff *skb);
unsigned char *skb_network_header(const struct sk_buff *skb);
unsigned char *skb_transport_header(const struct sk_buff *skb);
unsigned char *skb_inner_network_header(const struct sk_buff *skb);
unsigned char *skb_inner_transport_header(const struct sk_buff *skb);
unsigned char *skb_inner_mac_header(const struct sk_buff *skb);
int skb_mac_offset(const struct sk_buff *skb);
int skb_network_offset(const struct sk_buff *skb);
int skb_transport_offset(const struct sk_buff *skb);
int skb_inner_network_offset(const struct sk_buff *skb);
int skb_inner_transport_offset(const struct sk_buff *skb);
u32 skb_network_header_len(const struct sk_buff *skb);
u32 skb_inner_network_header_len(const struct sk_buff *skb);
void skb_reset_mac_header(struct sk_buff *skb);
void skb_reset_network_header(struct sk_buff *skb);
void skb_reset_transport_header(struct sk_buff *skb);
void skb_set_mac_header(struct sk_buff *skb, const int offset);
void skb_set_network_header(struct sk_buff *skb, const int offset);
void skb_set_transport_header(struct sk_buff *skb, const int offset);
int skb_checksum_start_offset(const struct sk_buff *skb);
unsigned char *skb_checksum_start(const struct sk_buff *skb);
int skb_checksum_help(struct sk_buff *skb);
__wsum skb_checksum(const struct sk_buff *skb, int offset, int len, __wsum csum);
int skb_csum_hwoffload_help(struct sk_buff *skb, const netdev_features_t features);
static inline void skb_checksum_none_assert(const struct sk_buff *skb) { (void)skb; }
int skb_csum_unnecessary(const struct sk_buff *skb);
void skb_record_rx_queue(struct sk_buff *skb, u16 rx_queue);
u16 skb_get_rx_queue(const struct sk_buff *skb);
bool skb_rx_queue_recorded(const struct sk_buff *skb);
u16 skb_get_queue_mapping(const struct sk_buff *skb);
void skb_set_queue_mapping(struct sk_buff *skb, u16 queue_mapping);
enum pkt_hash_types {
	PKT_HASH_TYPE_NONE,
	PKT_HASH_TYPE_L2,
	PKT_HASH_TYPE_L3,
	PKT_HASH_TYPE_L4,
};
void skb_set_hash(struct sk_buff *skb, __u32 hash, enum pkt_hash_types type);
__u32 skb_get_hash(struct sk_buff *skb);
__u32 skb_get_hash_raw(const struct sk_buff *skb);
void skb_tx_timestamp(struct sk_buff *skb);
void skb_tstamp_tx(struct sk_buff *orig_skb, struct skb_shared_hwtstamps *hwtstamps);
void skb_complete_tx_timestamp(struct sk_buff *skb, struct skb_shared_hwtstamps *hwtstamps);
void skb_mark_for_recycle(struct sk_buff *skb);
void skb_mark_napi_id(struct sk_buff *skb, struct napi_struct *napi);
bool skb_is_redirected(const struct sk_buff *skb);
void skb_orphan(struct sk_buff *skb);
unsigned int skb_pagelen(const struct sk_buff *skb);
bool skb_has_frag_list(const struct sk_buff *skb);
int skb_to_sgvec(struct sk_buff *skb, struct scatterlist *sg, int offset, int len);
int skb_to_sgvec_nomark(struct sk_buff *skb, struct scatterlist *sg, int offset, int len);
struct sk_buff *skb_gso_segment(struct sk_buff *skb, netdev_features_t features);
#define skb_list_walk_safe(first, skb, next_skb) \
	for ((skb) = (first), (next_skb) = (skb) ? (skb)->next : NULL; (skb); \
	     (skb) = (next_skb), (next_skb) = (skb) ? (skb)->next : NULL)

struct sk_buff_head {
	struct sk_buff *next;
	struct sk_buff *prev;
	__u32 qlen;
	spinlock_t lock;
};
void skb_queue_head_init(struct sk_buff_head *list);
void __skb_queue_head_init(struct sk_buff_head *list);
static inline __u32 skb_queue_len(const struct sk_buff_head *list_) { return list_->qlen; }
static inline int skb_queue_empty(const struct sk_buff_head *list)
{ return list->next == (const struct sk_buff *)list; }
void skb_queue_head(struct sk_buff_head *list, struct sk_buff *newsk);
void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk);
void __skb_queue_head(struct sk_buff_head *list, struct sk_buff *newsk);
void __skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk);
struct sk_buff *skb_dequeue(struct sk_buff_head *list);
struct sk_buff *skb_dequeue_tail(struct sk_buff_head *list);
struct sk_buff *__skb_dequeue(struct sk_buff_head *list);
void skb_unlink(struct sk_buff *skb, struct sk_buff_head *list);
void __skb_unlink(struct sk_buff *skb, struct sk_buff_head *list);
struct sk_buff *skb_peek(const struct sk_buff_head *list_);
struct sk_buff *skb_peek_tail(const struct sk_buff_head *list_);
void skb_queue_purge(struct sk_buff_head *list);
void __skb_queue_purge(struct sk_buff_head *list);
#define skb_queue_walk(queue, skb) \
	for (skb = (queue)->next; skb != (struct sk_buff *)(queue); skb = skb->next)
#define skb_queue_walk_safe(queue, skb, tmp) \
	for (skb = (queue)->next, tmp = skb->next; skb != (struct sk_buff *)(queue); \
	     skb = tmp, tmp = skb->next)

struct page *dev_alloc_pages(unsigned int order);
struct page *dev_alloc_page(void);
struct page *__dev_alloc_pages(gfp_t gfp_mask, unsigned int order);
struct page *__dev_alloc_page(gfp_t gfp_mask);
bool dev_page_is_reusable(const struct page *page);
void *netdev_alloc_frag(unsigned int fragsz);
void *napi_alloc_frag(unsigned int fragsz);
void *napi_alloc_frag_align(unsigned int fragsz, unsigned int align);
void *netdev_alloc_frag_align(unsigned int fragsz, unsigned int align);
void skb_free_frag(void *addr);
struct page_frag_cache {
	void *va;
	__u16 offset;
	__u16 size;
	unsigned int pagecnt_bias;
	bool pfmemalloc;
};
void *page_frag_alloc(struct page_frag_cache *nc, unsigned int fragsz, gfp_t gfp_mask);
void page_frag_free(void *addr);
void page_frag_cache_drain(struct page_frag_cache *nc);

/* ================= checksums ================= */
__wsum csum_partial(const void *buff, int len, __wsum sum);
__sum16 csum_fold(__wsum sum);
__sum16 ip_fast_csum(const void *iph, unsigned int ihl);
__wsum csum_tcpudp_nofold(__be32 saddr, __be32 daddr, __u32 len, __u8 proto, __wsum sum);
__sum16 csum_tcpudp_magic(__be32 saddr, __be32 daddr, __u32 len, __u8 proto, __wsum sum);
__sum16 csum_ipv6_magic(const struct in6_addr *saddr, const struct in6_addr *daddr,
			__u32 len, __u8 proto, __wsum csum);
__wsum csum_add(__wsum csum, __wsum addend);
__wsum csum_sub(__wsum csum, __wsum addend);
__wsum csum_unfold(__sum16 n);
void csum_replace2(__sum16 *sum, __be16 old, __be16 new);
void csum_replace_by_diff(__sum16 *sum, __wsum diff);
void csum_replace4(__sum16 *sum, __be32 from, __be32 to);
__sum16 tcp_v4_check(int len, __be32 saddr, __be32 daddr, __wsum base);
__sum16 tcp_v6_check(int len, const struct in6_addr *saddr, const struct in6_addr *daddr,
		     __wsum base);
#define CSUM_MANGLED_0 ((__force __sum16)0xffff)

/* ================= protocol headers ================= */
#define ETH_P_8021Q 0x8100
static inline struct ethhdr *eth_hdr(const struct sk_buff *skb)
{ return (struct ethhdr *)skb_mac_header(skb); }
static inline struct iphdr *ip_hdr(const struct sk_buff *skb)
{ return (struct iphdr *)skb_network_header(skb); }
static inline unsigned int ip_hdrlen(const struct sk_buff *skb) { return ip_hdr(skb)->ihl * 4; }
static inline struct iphdr *inner_ip_hdr(const struct sk_buff *skb)
{ return (struct iphdr *)skb_inner_network_header(skb); }
static inline struct ipv6hdr *ipv6_hdr(const struct sk_buff *skb)
{ return (struct ipv6hdr *)skb_network_header(skb); }
static inline struct ipv6hdr *inner_ipv6_hdr(const struct sk_buff *skb)
{ return (struct ipv6hdr *)skb_inner_network_header(skb); }
static inline struct tcphdr *tcp_hdr(const struct sk_buff *skb)
{ return (struct tcphdr *)skb_transport_header(skb); }
static inline unsigned int __tcp_hdrlen(const struct tcphdr *th) { return th->doff * 4; }
static inline unsigned int tcp_hdrlen(const struct sk_buff *skb) { return __tcp_hdrlen(tcp_hdr(skb)); }
static inline struct tcphdr *inner_tcp_hdr(const struct sk_buff *skb)
{ return (struct tcphdr *)skb_inner_transport_header(skb); }
static inline unsigned int inner_tcp_hdrlen(const struct sk_buff *skb)
{ return inner_tcp_hdr(skb)->doff * 4; }
static inline struct udphdr *udp_hdr(const struct sk_buff *skb)
{ return (struct udphdr *)skb_transport_header(skb); }
static inline struct icmphdr *icmp_hdr(const struct sk_buff *skb)
{ return (struct icmphdr *)skb_transport_header(skb); }
int ipv6_find_hdr(const struct sk_buff *skb, unsigned int *offset, int target,
		  unsigned short *fragoff, int *fragflg);
int ipv6_skip_exthdr(const struct sk_buff *, int start, u8 *nexthdrp, __be16 *frag_offp);
bool ipv6_ext_hdr(u8 nexthdr);
#define NEXTHDR_HOP 0
#define NEXTHDR_TCP 6
#define NEXTHDR_UDP 17
#define NEXTHDR_FRAGMENT 44
#define NEXTHDR_NONE 59
#define NEXTHDR_DEST 60
#define IPV6_ADDR_ANY 0x0000U

#define VLAN_HLEN 4
#define VLAN_ETH_HLEN 18
#define VLAN_ETH_ZLEN 64
#define VLAN_ETH_DATA_LEN 1500
#define VLAN_ETH_FRAME_LEN 1518
#define VLAN_PRIO_MASK 0xe000
#define VLAN_PRIO_SHIFT 13
#define VLAN_CFI_MASK 0x1000
#define VLAN_TAG_PRESENT VLAN_CFI_MASK
#define VLAN_VID_MASK 0x0fff
#define VLAN_N_VID 4096
struct vlan_hdr {
	__be16 h_vlan_TCI;
	__be16 h_vlan_encapsulated_proto;
};
struct vlan_ethhdr {
	union {
		struct {
			unsigned char h_dest[ETH_ALEN];
			unsigned char h_source[ETH_ALEN];
		};
		struct {
			unsigned char h_dest[ETH_ALEN];
			unsigned char h_source[ETH_ALEN];
		} addrs;
	};
	__be16 h_vlan_proto;
	__be16 h_vlan_TCI;
	__be16 h_vlan_encapsulated_proto;
};
static inline struct vlan_ethhdr *vlan_eth_hdr(const struct sk_buff *skb)
{ return (struct vlan_ethhdr *)skb_mac_header(skb); }
static inline struct vlan_ethhdr *skb_vlan_eth_hdr(const struct sk_buff *skb)
{ return (struct vlan_ethhdr *)skb->data; }
#define skb_vlan_tag_present(__skb) (!!(__skb)->vlan_all)
#define skb_vlan_tag_get(__skb) ((__skb)->vlan_tci)
#define skb_vlan_tag_get_id(__skb) ((__skb)->vlan_tci & VLAN_VID_MASK)
#define skb_vlan_tag_get_prio(__skb) (((__skb)->vlan_tci & VLAN_PRIO_MASK) >> VLAN_PRIO_SHIFT)
static inline void __vlan_hwaccel_put_tag(struct sk_buff *skb, __be16 vlan_proto, u16 vlan_tci)
{ skb->vlan_proto = vlan_proto; skb->vlan_tci = vlan_tci; }
static inline void __vlan_hwaccel_clear_tag(struct sk_buff *skb) { skb->vlan_all = 0; }
__be16 vlan_get_protocol(const struct sk_buff *skb);
__be16 __vlan_get_protocol(const struct sk_buff *skb, __be16 type, int *depth);
struct sk_buff *vlan_insert_tag(struct sk_buff *skb, __be16 vlan_proto, u16 vlan_tci);
struct sk_buff *__vlan_hwaccel_push_inside(struct sk_buff *skb);
bool eth_type_vlan(__be16 ethertype);
bool is_vlan_dev(const struct net_device *dev);

/* ================= net_device ================= */
#define MAX_ADDR_LEN 32
#define NETDEV_ALIGN 32
#define NAPI_POLL_WEIGHT 64
enum {
	IF_PORT_UNKNOWN = 0,
	IF_PORT_10BASE2,
	IF_PORT_10BASET,
	IF_PORT_AUI,
	IF_PORT_100BASET,
	IF_PORT_100BASETX,
	IF_PORT_100BASEFX,
};
enum netdev_tx {
	__NETDEV_TX_MIN = INT_MIN,
	NETDEV_TX_OK = 0x00,
	NETDEV_TX_BUSY = 0x10,
};
typedef enum netdev_tx netdev_tx_t;
enum gro_result {
	GRO_MERGED,
	GRO_MERGED_FREE,
	GRO_HELD,
	GRO_NORMAL,
	GRO_CONSUMED,
};
typedef enum gro_result gro_result_t;
#define NET_RX_SUCCESS 0
#define NET_RX_DROP 1
#define NET_XMIT_SUCCESS 0x00
#define NET_XMIT_DROP 0x01
#define NET_XMIT_CN 0x02

struct net_device_stats {
	unsigned long rx_packets;
	unsigned long tx_packets;
	unsigned long rx_bytes;
	unsigned long tx_bytes;
	unsigned long rx_errors;
	unsigned long tx_errors;
	unsigned long rx_dropped;
	unsigned long tx_dropped;
	unsigned long multicast;
	unsigned long collisions;
	unsigned long rx_length_errors;
	unsigned long rx_over_errors;
	unsigned long rx_crc_errors;
	unsigned long rx_frame_errors;
	unsigned long rx_fifo_errors;
	unsigned long rx_missed_errors;
	unsigned long tx_aborted_errors;
	unsigned long tx_carrier_errors;
	unsigned long tx_fifo_errors;
	unsigned long tx_heartbeat_errors;
	unsigned long tx_window_errors;
	unsigned long rx_compressed;
	unsigned long tx_compressed;
};
struct rtnl_link_stats64 {
	__u64 rx_packets;
	__u64 tx_packets;
	__u64 rx_bytes;
	__u64 tx_bytes;
	__u64 rx_errors;
	__u64 tx_errors;
	__u64 rx_dropped;
	__u64 tx_dropped;
	__u64 multicast;
	__u64 collisions;
	__u64 rx_length_errors;
	__u64 rx_over_errors;
	__u64 rx_crc_errors;
	__u64 rx_frame_errors;
	__u64 rx_fifo_errors;
	__u64 rx_missed_errors;
	__u64 tx_aborted_errors;
	__u64 tx_carrier_errors;
	__u64 tx_fifo_errors;
	__u64 tx_heartbeat_errors;
	__u64 tx_window_errors;
	__u64 rx_compressed;
	__u64 tx_compressed;
	__u64 rx_nohandler;
	__u64 rx_otherhost_dropped;
};
#define DEV_STATS_INC(DEV, FIELD) ((DEV)->stats.FIELD++)
#define DEV_STATS_ADD(DEV, FIELD, VAL) ((DEV)->stats.FIELD += (VAL))
#define DEV_STATS_READ(DEV, FIELD) ((DEV)->stats.FIELD)
struct pcpu_sw_netstats {
	u64_stats_t rx_packets;
	u64_stats_t rx_bytes;
	u64_stats_t tx_packets;
	u64_stats_t tx_bytes;
	struct u64_stats_sync syncp;
};

enum netdev_stat_type {
	NETDEV_PCPU_STAT_NONE,
	NETDEV_PCPU_STAT_LSTATS,
	NETDEV_PCPU_STAT_TSTATS,
	NETDEV_PCPU_STAT_DSTATS,
};
struct netdev_hw_addr {
	struct list_head list;
	unsigned char addr[MAX_ADDR_LEN];
	unsigned char type;
	bool global_use;
	int sync_cnt;
	int refcount;
	int synced;
};
struct netdev_hw_addr_list {
	struct list_head list;
	int count;
};
#define netdev_hw_addr_list_count(l) ((l)->count)
#define netdev_hw_addr_list_empty(l) (netdev_hw_addr_list_count(l) == 0)
#define netdev_hw_addr_list_for_each(ha, l) list_for_each_entry(ha, &(l)->list, list)
#define netdev_uc_count(dev) netdev_hw_addr_list_count(&(dev)->uc)
#define netdev_uc_empty(dev) netdev_hw_addr_list_empty(&(dev)->uc)
#define netdev_for_each_uc_addr(ha, dev) netdev_hw_addr_list_for_each(ha, &(dev)->uc)
#define netdev_mc_count(dev) netdev_hw_addr_list_count(&(dev)->mc)
#define netdev_mc_empty(dev) netdev_hw_addr_list_empty(&(dev)->mc)
#define netdev_for_each_mc_addr(ha, dev) netdev_hw_addr_list_for_each(ha, &(dev)->mc)

enum netdev_state_t {
	__LINK_STATE_START,
	__LINK_STATE_PRESENT,
	__LINK_STATE_NOCARRIER,
	__LINK_STATE_LINKWATCH_PENDING,
	__LINK_STATE_DORMANT,
	__LINK_STATE_TESTING,
};
enum netdev_priv_flags {
	IFF_802_1Q_VLAN = 1 << 0,
	IFF_EBRIDGE = 1 << 1,
	IFF_BONDING = 1 << 2,
	IFF_ISATAP = 1 << 3,
	IFF_WAN_HDLC = 1 << 4,
	IFF_XMIT_DST_RELEASE = 1 << 5,
	IFF_DONT_BRIDGE = 1 << 6,
	IFF_DISABLE_NETPOLL = 1 << 7,
	IFF_MACVLAN_PORT = 1 << 8,
	IFF_BRIDGE_PORT = 1 << 9,
	IFF_OVS_DATAPATH = 1 << 10,
	IFF_TX_SKB_SHARING = 1 << 11,
	IFF_UNICAST_FLT = 1 << 12,
	IFF_TEAM_PORT = 1 << 13,
	IFF_SUPP_NOFCS = 1 << 14,
	IFF_LIVE_ADDR_CHANGE = 1 << 15,
	IFF_MACVLAN = 1 << 16,
	IFF_XMIT_DST_RELEASE_PERM = 1 << 17,
	IFF_L3MDEV_MASTER = 1 << 18,
	IFF_NO_QUEUE = 1 << 19,
	IFF_OPENVSWITCH = 1 << 20,
	IFF_L3MDEV_SLAVE = 1 << 21,
	IFF_TEAM = 1 << 22,
	IFF_RXFH_CONFIGURED = 1 << 23,
	IFF_PHONY_HEADROOM = 1 << 24,
	IFF_MACSEC = 1 << 25,
	IFF_NO_RX_HANDLER = 1 << 26,
	IFF_FAILOVER = 1 << 27,
	IFF_FAILOVER_SLAVE = 1 << 28,
	IFF_L3MDEV_RX_HANDLER = 1 << 29,
	IFF_NO_ADDRCONF = BIT_ULL(30),
	IFF_TX_SKB_NO_LINEAR = BIT_ULL(31),
};
#define NET_ADDR_PERM 0
#define NET_ADDR_RANDOM 1
#define NET_ADDR_STOLEN 2
#define NET_ADDR_SET 3

struct netdev_queue {
	struct net_device *dev;
	unsigned long state;
	unsigned long trans_start;
	spinlock_t _xmit_lock;
	int xmit_lock_owner;
	unsigned long trans_timeout;
};
struct netdev_rx_queue {
	struct net_device *dev;
};
enum {
	NAPI_STATE_SCHED,
	NAPI_STATE_MISSED,
	NAPI_STATE_DISABLE,
	NAPI_STATE_NPSVC,
	NAPI_STATE_LISTED,
	NAPI_STATE_NO_BUSY_POLL,
	NAPI_STATE_IN_BUSY_POLL,
	NAPI_STATE_PREFER_BUSY_POLL,
	NAPI_STATE_THREADED,
	NAPI_STATE_SCHED_THREADED,
};
struct napi_struct {
	struct list_head poll_list;
	unsigned long state;
	int weight;
	u32 defer_hard_irqs_count;
	unsigned long gro_bitmask;
	int (*poll)(struct napi_struct *, int);
	int list_owner;
	struct net_device *dev;
	struct sk_buff *skb;
	struct list_head rx_list;
	int rx_count;
	unsigned int napi_id;
	struct hrtimer timer;
	struct task_struct *thread;
	struct list_head dev_list;
	int irq;
};

struct ifreq;
struct ifmap;
struct ethtool_ops;
struct header_ops;
struct netdev_bpf;
struct xdp_frame;
struct ifla_vf_stats {
	__u64 rx_packets;
	__u64 tx_packets;
	__u64 rx_bytes;
	__u64 tx_bytes;
	__u64 broadcast;
	__u64 multicast;
	__u64 rx_dropped;
	__u64 tx_dropped;
};
struct ifla_vf_info {
	__u32 vf;
	__u8 mac[32];
	__u32 vlan;
	__u32 qos;
	__u32 spoofchk;
	__u32 linkstate;
	__u32 min_tx_rate;
	__u32 max_tx_rate;
	__u32 rss_query_en;
	__u32 trusted;
	__be16 vlan_proto;
};
#define IFLA_VF_LINK_STATE_AUTO 0
#define IFLA_VF_LINK_STATE_ENABLE 1
#define IFLA_VF_LINK_STATE_DISABLE 2
struct kernel_hwtstamp_config {
	int flags;
	int tx_type;
	int rx_filter;
	struct ifreq *ifr;
	bool copied_to_user;
	int source;
};
enum tc_setup_type {
	TC_QUERY_CAPS,
	TC_SETUP_QDISC_MQPRIO,
	TC_SETUP_CLSU32,
	TC_SETUP_CLSFLOWER,
	TC_SETUP_CLSMATCHALL,
	TC_SETUP_CLSBPF,
	TC_SETUP_BLOCK,
	TC_SETUP_QDISC_CBS,
	TC_SETUP_QDISC_RED,
	TC_SETUP_QDISC_PRIO,
	TC_SETUP_QDISC_MQ,
	TC_SETUP_QDISC_ETF,
	TC_SETUP_ROOT_QDISC,
	TC_SETUP_QDISC_GRED,
	TC_SETUP_QDISC_TAPRIO,
	TC_SETUP_FT,
	TC_SETUP_QDISC_ETS,
	TC_SETUP_QDISC_TBF,
	TC_SETUP_QDISC_FIFO,
	TC_SETUP_QDISC_HTB,
	TC_SETUP_ACT,
};
struct net_device_ops {
	int (*ndo_init)(struct net_device *dev);
	void (*ndo_uninit)(struct net_device *dev);
	int (*ndo_open)(struct net_device *dev);
	int (*ndo_stop)(struct net_device *dev);
	netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	netdev_features_t (*ndo_features_check)(struct sk_buff *skb, struct net_device *dev,
						netdev_features_t features);
	u16 (*ndo_select_queue)(struct net_device *dev, struct sk_buff *skb,
				struct net_device *sb_dev);
	void (*ndo_change_rx_flags)(struct net_device *dev, int flags);
	void (*ndo_set_rx_mode)(struct net_device *dev);
	int (*ndo_set_mac_address)(struct net_device *dev, void *addr);
	int (*ndo_validate_addr)(struct net_device *dev);
	int (*ndo_do_ioctl)(struct net_device *dev, struct ifreq *ifr, int cmd);
	int (*ndo_eth_ioctl)(struct net_device *dev, struct ifreq *ifr, int cmd);
	int (*ndo_siocbond)(struct net_device *dev, struct ifreq *ifr, int cmd);
	int (*ndo_siocwandev)(struct net_device *dev, struct if_settings *ifs);
	int (*ndo_siocdevprivate)(struct net_device *dev, struct ifreq *ifr,
				  void __user *data, int cmd);
	int (*ndo_set_config)(struct net_device *dev, struct ifmap *map);
	int (*ndo_change_mtu)(struct net_device *dev, int new_mtu);
	int (*ndo_neigh_setup)(struct net_device *dev, struct neigh_parms *);
	void (*ndo_tx_timeout)(struct net_device *dev, unsigned int txqueue);
	void (*ndo_get_stats64)(struct net_device *dev, struct rtnl_link_stats64 *storage);
	bool (*ndo_has_offload_stats)(const struct net_device *dev, int attr_id);
	int (*ndo_get_offload_stats)(int attr_id, const struct net_device *dev, void *attr_data);
	struct net_device_stats *(*ndo_get_stats)(struct net_device *dev);
	int (*ndo_vlan_rx_add_vid)(struct net_device *dev, __be16 proto, u16 vid);
	int (*ndo_vlan_rx_kill_vid)(struct net_device *dev, __be16 proto, u16 vid);
	void (*ndo_poll_controller)(struct net_device *dev);
	int (*ndo_set_vf_mac)(struct net_device *dev, int queue, u8 *mac);
	int (*ndo_set_vf_vlan)(struct net_device *dev, int queue, u16 vlan, u8 qos, __be16 proto);
	int (*ndo_set_vf_rate)(struct net_device *dev, int vf, int min_tx_rate, int max_tx_rate);
	int (*ndo_set_vf_spoofchk)(struct net_device *dev, int vf, bool setting);
	int (*ndo_set_vf_trust)(struct net_device *dev, int vf, bool setting);
	int (*ndo_get_vf_config)(struct net_device *dev, int vf, struct ifla_vf_info *ivf);
	int (*ndo_set_vf_link_state)(struct net_device *dev, int vf, int link_state);
	int (*ndo_setup_tc)(struct net_device *dev, enum tc_setup_type type, void *type_data);
	int (*ndo_fcoe_enable)(struct net_device *dev);
	int (*ndo_rx_flow_steer)(struct net_device *dev, const struct sk_buff *skb,
				 u16 rxq_index, u32 flow_id);
	int (*ndo_add_slave)(struct net_device *dev, struct net_device *slave_dev,
			     struct netlink_ext_ack *extack);
	int (*ndo_del_slave)(struct net_device *dev, struct net_device *slave_dev);
	netdev_features_t (*ndo_fix_features)(struct net_device *dev, netdev_features_t features);
	int (*ndo_set_features)(struct net_device *dev, netdev_features_t features);
	int (*ndo_fdb_add)(struct ndmsg *ndm, struct nlattr *tb[], struct net_device *dev,
			   const unsigned char *addr, u16 vid, u16 flags, bool *notified,
			   struct netlink_ext_ack *extack);
	int (*ndo_bridge_setlink)(struct net_device *dev, struct nlmsghdr *nlh, u16 flags,
				  struct netlink_ext_ack *extack);
	int (*ndo_bridge_getlink)(struct sk_buff *skb, u32 pid, u32 seq, struct net_device *dev,
				  u32 filter_mask, int nlflags);
	int (*ndo_change_carrier)(struct net_device *dev, bool new_carrier);
	int (*ndo_get_phys_port_id)(struct net_device *dev, struct netdev_phys_item_id *ppid);
	int (*ndo_get_phys_port_name)(struct net_device *dev, char *name, size_t len);
	void *(*ndo_dfwd_add_station)(struct net_device *pdev, struct net_device *dev);
	void (*ndo_dfwd_del_station)(struct net_device *pdev, void *priv);
	int (*ndo_set_tx_maxrate)(struct net_device *dev, int queue_index, u32 maxrate);
	int (*ndo_get_iflink)(const struct net_device *dev);
	int (*ndo_bpf)(struct net_device *dev, struct netdev_bpf *bpf);
	int (*ndo_xdp_xmit)(struct net_device *dev, int n, struct xdp_frame **xdp, u32 flags);
	int (*ndo_xsk_wakeup)(struct net_device *dev, u32 queue_id, u32 flags);
	int (*ndo_hwtstamp_get)(struct net_device *dev, struct kernel_hwtstamp_config *kernel_config);
	int (*ndo_hwtstamp_set)(struct net_device *dev, struct kernel_hwtstamp_config *kernel_config,
				struct netlink_ext_ack *extack);
};
struct net_device {
	unsigned long priv_flags;
	const struct net_device_ops *netdev_ops;
	const struct header_ops *header_ops;
	struct netdev_queue *_tx;
	netdev_features_t gso_partial_features;
	unsigned int real_num_tx_queues;
	unsigned int gso_max_size;
	unsigned int gso_ipv4_max_size;
	u16 gso_max_segs;
	s16 num_tc;
	unsigned int mtu;
	unsigned short needed_headroom;
	unsigned short needed_tailroom;
	netdev_features_t features;
	u32 xdp_features;
	unsigned int flags;
	unsigned short hard_header_len;
	struct netdev_rx_queue *_rx;
	unsigned int real_num_rx_queues;
	struct bpf_prog *xdp_prog;
	int ifindex;
	unsigned int gro_max_size;
	unsigned int gro_ipv4_max_size;
	char name[IFNAMSIZ];
	unsigned long mem_end;
	unsigned long mem_start;
	unsigned long base_addr;
	unsigned long state;
	struct list_head dev_list;
	struct list_head napi_list;
	netdev_features_t hw_features;
	netdev_features_t wanted_features;
	netdev_features_t vlan_features;
	netdev_features_t hw_enc_features;
	netdev_features_t mpls_features;
	unsigned int min_mtu;
	unsigned int max_mtu;
	unsigned short type;
	unsigned char min_header_len;
	unsigned char name_assign_type;
	int group;
	struct net_device_stats stats;
	struct net_device_core_stats *core_stats;
	const struct ethtool_ops *ethtool_ops;
	const struct l3mdev_ops *l3mdev_ops;
	const struct ndisc_ops *ndisc_ops;
	const struct xfrmdev_ops *xfrmdev_ops;
	const struct tlsdev_ops *tlsdev_ops;
	unsigned int operstate;
	unsigned char link_mode;
	unsigned char if_port;
	unsigned char dma;
	unsigned char perm_addr[MAX_ADDR_LEN];
	unsigned char addr_assign_type;
	unsigned char addr_len;
	unsigned char upper_level;
	unsigned char lower_level;
	unsigned short neigh_priv_len;
	unsigned short dev_id;
	unsigned short dev_port;
	int irq;
	u32 priv_len;
	spinlock_t addr_list_lock;
	struct netdev_hw_addr_list uc;
	struct netdev_hw_addr_list mc;
	struct netdev_hw_addr_list dev_addrs;
	unsigned int promiscuity;
	unsigned int allmulti;
	bool uc_promisc;
	const unsigned char *dev_addr;
	unsigned int num_rx_queues;
	unsigned int xdp_zc_max_segs;
	struct netdev_queue *ingress_queue;
	unsigned char broadcast[MAX_ADDR_LEN];
	unsigned int num_tx_queues;
	unsigned int tx_queue_len;
	int watchdog_timeo;
	struct timer_list watchdog_timer;
	u32 proto_down_reason;
	struct list_head todo_list;
	struct list_head link_watch_list;
	enum {
		NETREG_UNINITIALIZED = 0,
		NETREG_REGISTERED,
		NETREG_UNREGISTERING,
		NETREG_UNREGISTERED,
		NETREG_RELEASED,
		NETREG_DUMMY,
	} reg_state:8;
	bool dismantle;
	bool needs_free_netdev;
	void (*priv_destructor)(struct net_device *dev);
	void *ml_priv;
	struct device dev;
	const struct attribute_group *sysfs_groups[4];
	const struct attribute_group *sysfs_rx_queue_group;
	const struct rtnl_link_ops *rtnl_link_ops;
	unsigned int tso_max_size;
	u16 tso_max_segs;
	u8 prio_tc_map[16];
	struct phy_device *phydev;
	struct sfp_bus *sfp_bus;
	bool proto_down;
	bool threaded;
	unsigned long see_all_hwtstamp_requests:1;
	unsigned long change_proto_down:1;
	unsigned long netns_local:1;
	unsigned long fcoe_mtu:1;
	unsigned long lltx:1;
	struct list_head net_notifier_list;
	const struct dcbnl_rtnl_ops *dcbnl_ops;
	const struct udp_tunnel_nic_info *udp_tunnel_nic_info;
	struct udp_tunnel_nic *udp_tunnel_nic;
	struct ethtool_netdev_state *ethtool;
	u8 dev_addr_shadow[MAX_ADDR_LEN];
	struct hlist_head page_pools;
	struct dim_irq_moder *irq_moder;
	enum netdev_stat_type pcpu_stat_type:8;
	union {
		struct pcpu_lstats *lstats;
		struct pcpu_sw_netstats *tstats;
		struct pcpu_dstats *dstats;
	};
	u8 priv[] ____cacheline_aligned;
};
#define to_net_dev(d) container_of(d, struct net_device, dev)
#define SET_NETDEV_DEV(net, pdev) ((net)->dev.parent = (pdev))
#define SET_NETDEV_DEVTYPE(net, devtype) ((net)->dev.type = (devtype))
static inline void *netdev_priv(const struct net_device *dev) { return (void *)dev->priv; }
static inline const char *netdev_name(const struct net_device *dev) { return dev->name; }

struct net_device *alloc_netdev_mqs(int sizeof_priv, const char *name,
				    unsigned char name_assign_type,
				    void (*setup)(struct net_device *),
				    unsigned int txqs, unsigned int rxqs);
#define alloc_netdev(sizeof_priv, name, name_assign_type, setup) \
	alloc_netdev_mqs(sizeof_priv, name, name_assign_type, setup, 1, 1)
#define alloc_netdev_mq(sizeof_priv, name, name_assign_type, setup, count) \
	alloc_netdev_mqs(sizeof_priv, name, name_assign_type, setup, count, count)
#define NET_NAME_UNKNOWN 0
#define NET_NAME_ENUM 1
#define NET_NAME_PREDICTABLE 2
#define NET_NAME_USER 3
#define NET_NAME_RENAMED 4
struct net_device *alloc_etherdev_mqs(int sizeof_priv, unsigned int txqs, unsigned int rxqs);
#define alloc_etherdev(sizeof_priv) alloc_etherdev_mq(sizeof_priv, 1)
#define alloc_etherdev_mq(sizeof_priv, count) alloc_etherdev_mqs(sizeof_priv, count, count)
struct net_device *devm_alloc_etherdev_mqs(struct device *dev, int sizeof_priv,
					   unsigned int txqs, unsigned int rxqs);
#define devm_alloc_etherdev(dev, sizeof_priv) devm_alloc_etherdev_mqs(dev, sizeof_priv, 1, 1)
void free_netdev(struct net_device *dev);
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
int register_netdevice(struct net_device *dev);
void unregister_netdevice(struct net_device *dev);
int devm_register_netdev(struct device *dev, struct net_device *ndev);
void ether_setup(struct net_device *dev);
void rtnl_lock(void);
void rtnl_unlock(void);
int rtnl_trylock(void);
int rtnl_is_locked(void);
#define ASSERT_RTNL() do { } while (0)
int dev_open(struct net_device *dev, struct netlink_ext_ack *extack);
void dev_close(struct net_device *dev);
void netdev_update_features(struct net_device *dev);
void netdev_change_features(struct net_device *dev);
void netdev_features_change(struct net_device *dev);
void netif_set_tso_max_size(struct net_device *dev, unsigned int size);
void netif_set_tso_max_segs(struct net_device *dev, unsigned int segs);
void netif_set_gso_max_size(struct net_device *dev, unsigned int size);
void netif_set_gso_max_segs(struct net_device *dev, unsigned int segs);
int dev_set_mtu(struct net_device *dev, int new_mtu);
int dev_set_mac_address(struct net_device *dev, struct sockaddr *sa,
			struct netlink_ext_ack *extack);
void dev_addr_set(struct net_device *dev, const u8 *addr);
void dev_addr_mod(struct net_device *dev, unsigned int offset, const void *addr, size_t len);
void netdev_rss_key_fill(void *buffer, size_t len);
struct net *dev_net(const struct net_device *dev);

/* NAPI */
void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
		    int (*poll)(struct napi_struct *, int));
void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int weight);
void netif_napi_add_tx(struct net_device *dev, struct napi_struct *napi,
		       int (*poll)(struct napi_struct *, int));
void netif_napi_add_tx_weight(struct net_device *dev, struct napi_struct *napi,
			      int (*poll)(struct napi_struct *, int), int weight);
void netif_napi_del(struct napi_struct *napi);
void __netif_napi_del(struct napi_struct *napi);
void netif_napi_set_irq(struct napi_struct *napi, int irq);
void napi_enable(struct napi_struct *n);
void napi_disable(struct napi_struct *n);
bool napi_schedule_prep(struct napi_struct *n);
void __napi_schedule(struct napi_struct *n);
void __napi_schedule_irqoff(struct napi_struct *n);
bool napi_schedule(struct napi_struct *n);
void napi_schedule_irqoff(struct napi_struct *n);
bool napi_reschedule(struct napi_struct *napi);
bool napi_complete_done(struct napi_struct *n, int work_done);
bool napi_complete(struct napi_struct *n);
bool napi_if_scheduled_mark_missed(struct napi_struct *n);
bool napi_is_scheduled(struct napi_struct *n);
void napi_synchronize(const struct napi_struct *n);
gro_result_t napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb);
gro_result_t napi_gro_frags(struct napi_struct *napi);
struct sk_buff *napi_get_frags(struct napi_struct *napi);
void napi_gro_flush(struct napi_struct *napi, bool flush_old);
int netif_receive_skb(struct sk_buff *skb);
void netif_receive_skb_list(struct list_head *head);
int netif_rx(struct sk_buff *skb);
int netif_rx_ni(struct sk_buff *skb);
int __netif_rx(struct sk_buff *skb);
int dev_queue_xmit(struct sk_buff *skb);
u16 netdev_pick_tx(struct net_device *dev, struct sk_buff *skb, struct net_device *sb_dev);
u16 skb_tx_hash(const struct net_device *dev, const struct net_device *sb_dev,
		struct sk_buff *skb);

/* queues and carrier */
struct netdev_queue *netdev_get_tx_queue(const struct net_device *dev, unsigned int index);
struct netdev_queue *skb_get_tx_queue(const struct net_device *dev, const struct sk_buff *skb);
void netif_start_queue(struct net_device *dev);
void netif_stop_queue(struct net_device *dev);
void netif_wake_queue(struct net_device *dev);
bool netif_queue_stopped(const struct net_device *dev);
void netif_tx_start_queue(struct netdev_queue *dev_queue);
void netif_tx_stop_queue(struct netdev_queue *dev_queue);
void netif_tx_wake_queue(struct netdev_queue *dev_queue);
bool netif_tx_queue_stopped(const struct netdev_queue *dev_queue);
bool netif_xmit_stopped(const struct netdev_queue *dev_queue);
bool netif_xmit_frozen_or_stopped(const struct netdev_queue *dev_queue);
void netif_tx_start_all_queues(struct net_device *dev);
void netif_tx_stop_all_queues(struct net_device *dev);
void netif_tx_wake_all_queues(struct net_device *dev);
void netif_tx_disable(struct net_device *dev);
void netif_start_subqueue(struct net_device *dev, u16 queue_index);
void netif_stop_subqueue(struct net_device *dev, u16 queue_index);
void netif_wake_subqueue(struct net_device *dev, u16 queue_index);
bool __netif_subqueue_stopped(const struct net_device *dev, u16 queue_index);
bool netif_subqueue_stopped(const struct net_device *dev, struct sk_buff *skb);
int netif_set_real_num_tx_queues(struct net_device *dev, unsigned int txq);
int netif_set_real_num_rx_queues(struct net_device *dev, unsigned int rxq);
int netif_set_real_num_queues(struct net_device *dev, unsigned int txq, unsigned int rxq);
void netdev_tx_sent_queue(struct netdev_queue *dev_queue, unsigned int bytes);
bool __netdev_tx_sent_queue(struct netdev_queue *dev_queue, unsigned int bytes, bool xmit_more);
void netdev_tx_completed_queue(struct netdev_queue *dev_queue, unsigned int pkts,
			       unsigned int bytes);
void netdev_tx_reset_queue(struct netdev_queue *q);
void netdev_sent_queue(struct net_device *dev, unsigned int bytes);
bool __netdev_sent_queue(struct net_device *dev, unsigned int bytes, bool xmit_more);
void netdev_completed_queue(struct net_device *dev, unsigned int pkts, unsigned int bytes);
void netdev_reset_queue(struct net_device *dev_queue);
bool netdev_xmit_more(void);
#define netif_subqueue_try_stop(dev, idx, get_desc, start_thrs) \
	({ (void)(get_desc); (void)(start_thrs); netif_stop_subqueue(dev, idx); 0; })
#define netif_subqueue_maybe_stop(dev, idx, get_desc, stop_thrs, start_thrs) \
	({ (void)(get_desc); (void)(stop_thrs); (void)(start_thrs); 1; })
#define netif_subqueue_completed_wake(dev, idx, pkts, bytes, get_desc, start_thrs) \
	({ (void)(pkts); (void)(bytes); (void)(get_desc); (void)(start_thrs); netif_wake_subqueue(dev, idx); 1; })
#define netif_txq_completed_wake(txq, pkts, bytes, get_desc, start_thrs) \
	({ (void)(pkts); (void)(bytes); (void)(get_desc); (void)(start_thrs); netif_tx_wake_queue(txq); 1; })
#define netif_txq_maybe_stop(txq, get_desc, stop_thrs, start_thrs) \
	({ (void)(get_desc); (void)(stop_thrs); (void)(start_thrs); 1; })
void netif_carrier_on(struct net_device *dev);
void netif_carrier_off(struct net_device *dev);
bool netif_carrier_ok(const struct net_device *dev);
void netif_carrier_event(struct net_device *dev);
bool netif_running(const struct net_device *dev);
bool netif_device_present(const struct net_device *dev);
void netif_device_detach(struct net_device *dev);
void netif_device_attach(struct net_device *dev);
bool netif_oper_up(const struct net_device *dev);
void netif_trans_update(struct net_device *dev);
void txq_trans_update(struct netdev_queue *txq);
void netif_tx_lock(struct net_device *dev);
void netif_tx_unlock(struct net_device *dev);
void netif_tx_lock_bh(struct net_device *dev);
void netif_tx_unlock_bh(struct net_device *dev);
void __netif_tx_lock(struct netdev_queue *txq, int cpu);
void __netif_tx_unlock(struct netdev_queue *txq);
void __netif_tx_lock_bh(struct netdev_queue *txq);
void __netif_tx_unlock_bh(struct netdev_queue *txq);
void netif_addr_lock_bh(struct net_device *dev);
void netif_addr_unlock_bh(struct net_device *dev);
bool netif_is_multiqueue(const struct net_device *dev);
int netif_get_num_default_rss_queues(void);
int netdev_set_num_tc(struct net_device *dev, u8 num_tc);
void netdev_reset_tc(struct net_device *dev);
int netdev_set_tc_queue(struct net_device *dev, u8 tc, u16 count, u16 offset);
int __dev_mc_sync(struct net_device *dev, int (*sync)(struct net_device *, const unsigned char *),
		  int (*unsync)(struct net_device *, const unsigned char *));
int __dev_uc_sync(struct net_device *dev, int (*sync)(struct net_device *, const unsigned char *),
		  int (*unsync)(struct net_device *, const unsigned char *));
int dev_uc_add_excl(struct net_device *dev, const unsigned char *addr);
int dev_mc_add_excl(struct net_device *dev, const unsigned char *addr);
int dev_uc_del(struct net_device *dev, const unsigned char *addr);
int net_ratelimit(void);
int ndo_dflt_fdb_add(struct ndmsg *ndm, struct nlattr *tb[], struct net_device *dev,
		     const unsigned char *addr, u16 vid, u16 flags);
void __dev_uc_unsync(struct net_device *dev, int (*unsync)(struct net_device *, const unsigned char *));
void __dev_mc_unsync(struct net_device *dev, int (*unsync)(struct net_device *, const unsigned char *));
void netdev_sw_irq_coalesce_default_on(struct net_device *dev);
u32 eth_hw_addr_crc(struct netdev_hw_addr *ha);
bool skb_transport_header_was_set(const struct sk_buff *skb);
void *skb_header_pointer(const struct sk_buff *skb, int offset, int len, void *buffer);
void skb_txtime_consumed(struct sk_buff *skb);
void net_prefetch(void *p);
void net_prefetchw(void *p);
void txq_trans_cond_update(struct netdev_queue *txq);
bool skb_csum_is_sctp(struct sk_buff *skb);
void skb_metadata_set(struct sk_buff *skb, u8 meta_len);
void __page_frag_cache_drain(struct page *page, unsigned int count);
static inline bool is_link_local_ether_addr(const u8 *addr)
{ return addr[0] == 0x01 && addr[1] == 0x80 && addr[2] == 0xc2 && addr[3] == 0 && addr[4] == 0 && (addr[5] & 0xf0) == 0; }
netdev_features_t passthru_features_check(struct sk_buff *skb, struct net_device *dev,
					  netdev_features_t features);
netdev_features_t vlan_features_check(struct sk_buff *skb, netdev_features_t features);
netdev_features_t netif_skb_features(struct sk_buff *skb);
unsigned long dev_trans_start(struct net_device *dev);
void netdev_stats_to_stats64(struct rtnl_link_stats64 *stats64,
			     const struct net_device_stats *netdev_stats);
void dev_fetch_sw_netstats(struct rtnl_link_stats64 *s, const struct pcpu_sw_netstats *netstats);
void dev_get_tstats64(struct net_device *dev, struct rtnl_link_stats64 *s);
void dev_sw_netstats_rx_add(struct net_device *dev, unsigned int len);
void dev_sw_netstats_tx_add(struct net_device *dev, unsigned int packets, unsigned int len);

/* netdev printk */
__printf(3, 4) __cold void netdev_printk(const char *level, const struct net_device *dev,
					 const char *format, ...);
__printf(2, 3) __cold void netdev_emerg(const struct net_device *dev, const char *format, ...);
__printf(2, 3) __cold void netdev_alert(const struct net_device *dev, const char *format, ...);
__printf(2, 3) __cold void netdev_crit(const struct net_device *dev, const char *format, ...);
__printf(2, 3) __cold void netdev_err(const struct net_device *dev, const char *format, ...);
__printf(2, 3) __cold void netdev_warn(const struct net_device *dev, const char *format, ...);
__printf(2, 3) __cold void netdev_notice(const struct net_device *dev, const char *format, ...);
__printf(2, 3) __cold void netdev_info(const struct net_device *dev, const char *format, ...);
#define netdev_dbg(__dev, format, args...) netdev_printk(KERN_DEBUG, __dev, format, ##args)
#define netdev_vdbg(dev, format, args...) netdev_dbg(dev, format, ##args)
#define netdev_WARN(dev, format, args...) WARN(1, "netdevice: %s: " format, netdev_name(dev), ##args)
#define netdev_WARN_ONCE(dev, format, args...) netdev_WARN(dev, format, ##args)
#define netdev_err_once netdev_err
#define netdev_warn_once netdev_warn
#define netdev_info_once netdev_info
#define netdev_notice_once netdev_notice
#define netdev_crit_once netdev_crit
#define netdev_dbg_once netdev_dbg
#define net_err_ratelimited(fmt, ...) pr_err(fmt, ##__VA_ARGS__)
#define net_warn_ratelimited(fmt, ...) pr_warn(fmt, ##__VA_ARGS__)
#define net_info_ratelimited(fmt, ...) pr_info(fmt, ##__VA_ARGS__)
#define net_dbg_ratelimited(fmt, ...) pr_debug(fmt, ##__VA_ARGS__)
#define net_crit_ratelimited(fmt, ...) pr_crit(fmt, ##__VA_ARGS__)
enum {
	NETIF_MSG_DRV_BIT,
	NETIF_MSG_PROBE_BIT,
	NETIF_MSG_LINK_BIT,
	NETIF_MSG_TIMER_BIT,
	NETIF_MSG_IFDOWN_BIT,
	NETIF_MSG_IFUP_BIT,
	NETIF_MSG_RX_ERR_BIT,
	NETIF_MSG_TX_ERR_BIT,
	NETIF_MSG_TX_QUEUED_BIT,
	NETIF_MSG_INTR_BIT,
	NETIF_MSG_TX_DONE_BIT,
	NETIF_MSG_RX_STATUS_BIT,
	NETIF_MSG_PKTDATA_BIT,
	NETIF_MSG_HW_BIT,
	NETIF_MSG_WOL_BIT,
	NETIF_MSG_CLASS_COUNT,
};
#define __NETIF_MSG_BIT(bit) ((u32)1 << (bit))
#define __NETIF_MSG(name) __NETIF_MSG_BIT(NETIF_MSG_##name##_BIT)
#define NETIF_MSG_DRV __NETIF_MSG(DRV)
#define NETIF_MSG_PROBE __NETIF_MSG(PROBE)
#define NETIF_MSG_LINK __NETIF_MSG(LINK)
#define NETIF_MSG_TIMER __NETIF_MSG(TIMER)
#define NETIF_MSG_IFDOWN __NETIF_MSG(IFDOWN)
#define NETIF_MSG_IFUP __NETIF_MSG(IFUP)
#define NETIF_MSG_RX_ERR __NETIF_MSG(RX_ERR)
#define NETIF_MSG_TX_ERR __NETIF_MSG(TX_ERR)
#define NETIF_MSG_TX_QUEUED __NETIF_MSG(TX_QUEUED)
#define NETIF_MSG_INTR __NETIF_MSG(INTR)
#define NETIF_MSG_TX_DONE __NETIF_MSG(TX_DONE)
#define NETIF_MSG_RX_STATUS __NETIF_MSG(RX_STATUS)
#define NETIF_MSG_PKTDATA __NETIF_MSG(PKTDATA)
#define NETIF_MSG_HW __NETIF_MSG(HW)
#define NETIF_MSG_WOL __NETIF_MSG(WOL)
#define netif_msg_drv(p) ((p)->msg_enable & NETIF_MSG_DRV)
#define netif_msg_probe(p) ((p)->msg_enable & NETIF_MSG_PROBE)
#define netif_msg_link(p) ((p)->msg_enable & NETIF_MSG_LINK)
#define netif_msg_timer(p) ((p)->msg_enable & NETIF_MSG_TIMER)
#define netif_msg_ifdown(p) ((p)->msg_enable & NETIF_MSG_IFDOWN)
#define netif_msg_ifup(p) ((p)->msg_enable & NETIF_MSG_IFUP)
#define netif_msg_rx_err(p) ((p)->msg_enable & NETIF_MSG_RX_ERR)
#define netif_msg_tx_err(p) ((p)->msg_enable & NETIF_MSG_TX_ERR)
#define netif_msg_tx_queued(p) ((p)->msg_enable & NETIF_MSG_TX_QUEUED)
#define netif_msg_intr(p) ((p)->msg_enable & NETIF_MSG_INTR)
#define netif_msg_tx_done(p) ((p)->msg_enable & NETIF_MSG_TX_DONE)
#define netif_msg_rx_status(p) ((p)->msg_enable & NETIF_MSG_RX_STATUS)
#define netif_msg_pktdata(p) ((p)->msg_enable & NETIF_MSG_PKTDATA)
#define netif_msg_hw(p) ((p)->msg_enable & NETIF_MSG_HW)
#define netif_msg_wol(p) ((p)->msg_enable & NETIF_MSG_WOL)
static inline u32 netif_msg_init(int debug_value, int default_msg_enable_bits)
{
	if (debug_value < 0 || debug_value >= (sizeof(u32) * 8))
		return default_msg_enable_bits;
	if (debug_value == 0)
		return 0;
	return (1U << debug_value) - 1;
}
#define netif_level(level, priv, type, dev, fmt, args...) \
	do { if (netif_msg_##type(priv)) netdev_##level(dev, fmt, ##args); } while (0)
#define netif_emerg(priv, type, dev, fmt, args...) netif_level(emerg, priv, type, dev, fmt, ##args)
#define netif_alert(priv, type, dev, fmt, args...) netif_level(alert, priv, type, dev, fmt, ##args)
#define netif_crit(priv, type, dev, fmt, args...) netif_level(crit, priv, type, dev, fmt, ##args)
#define netif_err(priv, type, dev, fmt, args...) netif_level(err, priv, type, dev, fmt, ##args)
#define netif_warn(priv, type, dev, fmt, args...) netif_level(warn, priv, type, dev, fmt, ##args)
#define netif_notice(priv, type, dev, fmt, args...) netif_level(notice, priv, type, dev, fmt, ##args)
#define netif_info(priv, type, dev, fmt, args...) netif_level(info, priv, type, dev, fmt, ##args)
#define netif_dbg(priv, type, netdev, format, args...) \
	do { if (netif_msg_##type(priv)) netdev_printk(KERN_DEBUG, netdev, format, ##args); } while (0)
#define netif_vdbg netif_dbg
#define netif_printk(priv, type, level, dev, fmt, args...) \
	do { if (netif_msg_##type(priv)) netdev_printk(level, (dev), fmt, ##args); } while (0)

/* ================= etherdevice.h ================= */
__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev);
int eth_header(struct sk_buff *skb, struct net_device *dev, unsigned short type,
	       const void *daddr, const void *saddr, unsigned len);
int eth_validate_addr(struct net_device *dev);
int eth_mac_addr(struct net_device *dev, void *p);
int eth_prepare_mac_addr_change(struct net_device *dev, void *p);
void eth_commit_mac_addr_change(struct net_device *dev, void *p);
u32 eth_get_headlen(const struct net_device *dev, const void *data, u32 len);
int eth_platform_get_mac_address(struct device *dev, u8 *mac_addr);
static inline bool is_zero_ether_addr(const u8 *addr)
{ return (addr[0] | addr[1] | addr[2] | addr[3] | addr[4] | addr[5]) == 0; }
static inline bool is_multicast_ether_addr(const u8 *addr) { return 0x01 & addr[0]; }
static inline bool is_local_ether_addr(const u8 *addr) { return 0x02 & addr[0]; }
static inline bool is_broadcast_ether_addr(const u8 *addr)
{ return (addr[0] & addr[1] & addr[2] & addr[3] & addr[4] & addr[5]) == 0xff; }
static inline bool is_unicast_ether_addr(const u8 *addr) { return !is_multicast_ether_addr(addr); }
static inline bool is_valid_ether_addr(const u8 *addr)
{ return !is_multicast_ether_addr(addr) && !is_zero_ether_addr(addr); }
static inline void eth_zero_addr(u8 *addr) { memset(addr, 0x00, ETH_ALEN); }
static inline void eth_broadcast_addr(u8 *addr) { memset(addr, 0xff, ETH_ALEN); }
void eth_random_addr(u8 *addr);
#define random_ether_addr(addr) eth_random_addr(addr)
static inline void ether_addr_copy(u8 *dst, const u8 *src) { memcpy(dst, src, ETH_ALEN); }
static inline bool ether_addr_equal(const u8 *addr1, const u8 *addr2)
{ return !memcmp(addr1, addr2, ETH_ALEN); }
static inline bool ether_addr_equal_64bits(const u8 *addr1, const u8 *addr2)
{ return ether_addr_equal(addr1, addr2); }
static inline bool ether_addr_equal_unaligned(const u8 *addr1, const u8 *addr2)
{ return ether_addr_equal(addr1, addr2); }
u64 ether_addr_to_u64(const u8 *addr);
void u64_to_ether_addr(u64 u, u8 *addr);
void eth_hw_addr_set(struct net_device *dev, const u8 *addr);
void eth_hw_addr_random(struct net_device *dev);
void eth_hw_addr_gen(struct net_device *dev, const u8 *base_addr, unsigned int id);
void eth_hw_addr_inherit(struct net_device *dst, struct net_device *src);
int eth_skb_pad(struct sk_buff *skb);
bool eth_proto_is_802_3(__be16 proto);
int eth_change_mtu(struct net_device *dev, int new_mtu);

/* ================= mii.h (kernel side) ================= */
struct ethtool_cmd;
struct ethtool_link_ksettings;
struct mii_if_info {
	int phy_id;
	int advertising;
	int phy_id_mask;
	int reg_num_mask;
	unsigned int full_duplex:1;
	unsigned int force_media:1;
	unsigned int supports_gmii:1;
	struct net_device *dev;
	int (*mdio_read)(struct net_device *dev, int phy_id, int location);
	void (*mdio_write)(struct net_device *dev, int phy_id, int location, int val);
};
int mii_link_ok(struct mii_if_info *mii);
int mii_nway_restart(struct mii_if_info *mii);
void mii_ethtool_gset(struct mii_if_info *mii, struct ethtool_cmd *ecmd);
void mii_ethtool_get_link_ksettings(struct mii_if_info *mii, struct ethtool_link_ksettings *cmd);
int mii_ethtool_sset(struct mii_if_info *mii, struct ethtool_cmd *ecmd);
int mii_ethtool_set_link_ksettings(struct mii_if_info *mii,
				   const struct ethtool_link_ksettings *cmd);
int mii_check_gmii_support(struct mii_if_info *mii);
void mii_check_link(struct mii_if_info *mii);
unsigned int mii_check_media(struct mii_if_info *mii, unsigned int ok_to_print,
			     unsigned int init_media);
int generic_mii_ioctl(struct mii_if_info *mii_if, struct mii_ioctl_data *mii_data, int cmd,
		      unsigned int *duplex_changed);
static inline struct mii_ioctl_data *if_mii(struct ifreq *rq)
{ return (struct mii_ioctl_data *)&rq->ifr_ifru; }
static inline unsigned int mii_nway_result(unsigned int negotiated)
{
	unsigned int ret;
	if (negotiated & LPA_100FULL) ret = LPA_100FULL;
	else if (negotiated & LPA_100BASE4) ret = LPA_100BASE4;
	else if (negotiated & LPA_100HALF) ret = LPA_100HALF;
	else if (negotiated & LPA_10FULL) ret = LPA_10FULL;
	else ret = LPA_10HALF;
	return ret;
}
static inline unsigned int mii_duplex(unsigned int duplex_lock, unsigned int negotiated)
{
	if (duplex_lock) return 1;
	if (mii_nway_result(negotiated) & LPA_DUPLEX) return 1;
	return 0;
}
u32 ethtool_adv_to_mii_adv_t(u32 ethadv);
u32 mii_adv_to_ethtool_adv_t(u32 adv);
u32 ethtool_adv_to_mii_ctrl1000_t(u32 ethadv);
u32 mii_ctrl1000_to_ethtool_adv_t(u32 adv);
u32 mii_lpa_to_ethtool_lpa_t(u32 lpa);
u32 mii_stat1000_to_ethtool_lpa_t(u32 lpa);
u16 mii_advertise_flowctrl(int cap);
u8 mii_resolve_flowctrl_fdx(u16 lcladv, u16 rmtadv);

/* ================= page_pool and XDP (the names drivers call) ================= */
struct page_pool_params {
	unsigned int order;
	unsigned int flags;
	unsigned int pool_size;
	int nid;
	struct device *dev;
	struct napi_struct *napi;
	enum dma_data_direction dma_dir;
	unsigned int max_len;
	unsigned int offset;
	struct net_device *netdev;
};
#define PP_FLAG_DMA_MAP BIT(0)
#define PP_FLAG_DMA_SYNC_DEV BIT(1)
struct page_pool *page_pool_create(const struct page_pool_params *params);
void page_pool_destroy(struct page_pool *pool);
struct page *page_pool_alloc_pages(struct page_pool *pool, gfp_t gfp);
struct page *page_pool_dev_alloc_pages(struct page_pool *pool);
struct page *page_pool_dev_alloc_frag(struct page_pool *pool, unsigned int *offset,
				      unsigned int size);
void page_pool_put_full_page(struct page_pool *pool, struct page *page, bool allow_direct);
void page_pool_recycle_direct(struct page_pool *pool, struct page *page);
void page_pool_put_page(struct page_pool *pool, struct page *page,
			unsigned int dma_sync_size, bool allow_direct);
dma_addr_t page_pool_get_dma_addr(const struct page *page);
enum dma_data_direction page_pool_get_dma_dir(const struct page_pool *pool);
void page_pool_release_page(struct page_pool *pool, struct page *page);

struct sctphdr {
	__be16 source;
	__be16 dest;
	__be32 vtag;
	__le32 checksum;
};

/* XDP (include/net/xdp.h, include/linux/bpf.h, filter.h): the buffer
 * shapes and the calls a driver's rx/tx path makes. */
enum xdp_action {
	XDP_ABORTED = 0,
	XDP_DROP,
	XDP_PASS,
	XDP_TX,
	XDP_REDIRECT,
};
enum xdp_mem_type {
	MEM_TYPE_PAGE_SHARED = 0,
	MEM_TYPE_PAGE_ORDER0,
	MEM_TYPE_PAGE_POOL,
	MEM_TYPE_XSK_BUFF_POOL,
	MEM_TYPE_MAX,
};
#define XDP_XMIT_FLUSH (1U << 0)
#define XDP_XMIT_FLAGS_MASK XDP_XMIT_FLUSH
#define XDP_PACKET_HEADROOM 256
enum netdev_xdp_act {
	NETDEV_XDP_ACT_BASIC = 1,
	NETDEV_XDP_ACT_REDIRECT = 2,
	NETDEV_XDP_ACT_NDO_XMIT = 4,
	NETDEV_XDP_ACT_XSK_ZEROCOPY = 8,
	NETDEV_XDP_ACT_HW_OFFLOAD = 16,
	NETDEV_XDP_ACT_RX_SG = 32,
	NETDEV_XDP_ACT_NDO_XMIT_SG = 64,
};
enum bpf_netdev_command {
	XDP_SETUP_PROG,
	XDP_SETUP_PROG_HW,
	BPF_OFFLOAD_MAP_ALLOC,
	BPF_OFFLOAD_MAP_FREE,
	XDP_SETUP_XSK_POOL,
};
struct xdp_mem_info {
	u32 type;
	u32 id;
};
struct xdp_rxq_info {
	struct net_device *dev;
	u32 queue_index;
	u32 reg_state;
	struct xdp_mem_info mem;
	unsigned int napi_id;
	u32 frag_size;
} ____cacheline_aligned;
struct xdp_txq_info {
	struct net_device *dev;
};
struct xdp_buff {
	void *data;
	void *data_end;
	void *data_meta;
	void *data_hard_start;
	struct xdp_rxq_info *rxq;
	struct xdp_txq_info *txq;
	u32 frame_sz;
	u32 flags;
};
struct xdp_frame {
	void *data;
	u16 len;
	u16 headroom;
	u32 metasize;
	struct xdp_mem_info mem;
	struct net_device *dev_rx;
	u32 frame_sz;
	u32 flags;
};
struct bpf_prog {
	u16 pages;
	u32 len;
	u32 type;
};
struct xsk_buff_pool;
struct netdev_bpf {
	enum bpf_netdev_command command;
	union {
		struct {
			u32 flags;
			struct bpf_prog *prog;
			struct netlink_ext_ack *extack;
		};
		struct {
			struct xsk_buff_pool *pool;
			u16 queue_id;
		} xsk;
	};
};
static inline void xdp_init_buff(struct xdp_buff *xdp, u32 frame_sz, struct xdp_rxq_info *rxq)
{ xdp->frame_sz = frame_sz; xdp->rxq = rxq; xdp->flags = 0; }
static inline void xdp_prepare_buff(struct xdp_buff *xdp, unsigned char *hard_start,
				    int headroom, int data_len, const bool meta_valid)
{
	unsigned char *data = hard_start + headroom;
	xdp->data_hard_start = hard_start;
	xdp->data = data;
	xdp->data_end = data + data_len;
	xdp->data_meta = meta_valid ? data : data + 1;
}
struct xdp_frame *xdp_convert_buff_to_frame(struct xdp_buff *xdp);
void xdp_return_frame(struct xdp_frame *xdpf);
void xdp_rxq_info_unreg_mem_model(struct xdp_rxq_info *xdp_rxq);
struct skb_shared_info *xdp_get_shared_info_from_frame(const struct xdp_frame *frame);
unsigned int xdp_get_frame_len(const struct xdp_frame *xdpf);
bool xdp_frame_has_frags(const struct xdp_frame *frame);
bool xdp_buff_has_frags(const struct xdp_buff *xdp);
void xdp_buff_clear_frags_flag(struct xdp_buff *xdp);
void xdp_return_frame_rx_napi(struct xdp_frame *xdpf);
void xdp_return_buff(struct xdp_buff *xdp);
int xdp_do_redirect(struct net_device *dev, struct xdp_buff *xdp, struct bpf_prog *prog);
void xdp_do_flush(void);
#define xdp_do_flush_map xdp_do_flush
int __xdp_rxq_info_reg(struct xdp_rxq_info *xdp_rxq, struct net_device *dev,
		       u32 queue_index, unsigned int napi_id, u32 frag_size);
#define xdp_rxq_info_reg(xdp_rxq, dev, queue_index, napi_id) \
	__xdp_rxq_info_reg(xdp_rxq, dev, queue_index, napi_id, 0)
void xdp_rxq_info_unreg(struct xdp_rxq_info *xdp_rxq);
int xdp_rxq_info_reg_mem_model(struct xdp_rxq_info *xdp_rxq, enum xdp_mem_type type,
			       void *allocator);
bool xdp_rxq_info_is_reg(struct xdp_rxq_info *xdp_rxq);
u32 bpf_prog_run_xdp(const struct bpf_prog *prog, struct xdp_buff *xdp);
void bpf_warn_invalid_xdp_action(struct net_device *dev, struct bpf_prog *prog, u32 act);
struct bpf_prog *bpf_prog_inc(struct bpf_prog *prog);
void bpf_prog_put(struct bpf_prog *prog);
void bpf_prog_add(struct bpf_prog *prog, int i);
void xdp_features_set_redirect_target(struct net_device *dev, bool support_sg);
void xdp_features_clear_redirect_target(struct net_device *dev);
struct sk_buff *xdp_build_skb_from_frame(struct xdp_frame *xdpf, struct net_device *dev);
static inline void trace_xdp_exception(const struct net_device *dev, const struct bpf_prog *xdp,
				       u32 act) { }
#define xdp_get_shared_info_from_buff(xdp) ((struct skb_shared_info *)((xdp)->data_hard_start + (xdp)->frame_sz - SKB_DATA_ALIGN(sizeof(struct skb_shared_info))))

#endif /* _DMACHECK_MODEL_NET_H */
