/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: traffic-control offload as NIC drivers see it
 * (after include/net/{pkt_cls,pkt_sched,flow_offload,flow_dissector}.h of
 * Linux 6.12). Optional part: pulled in by <net/pkt_cls.h> and
 * <net/pkt_sched.h>. Only the shapes drivers dereference; no DMA content.
 */
#ifndef _DMACHECK_MODEL_PKT_CLS_H
#define _DMACHECK_MODEL_PKT_CLS_H

#include <dmacheck_model.h>

enum flow_dissector_key_id {
	FLOW_DISSECTOR_KEY_CONTROL,
	FLOW_DISSECTOR_KEY_BASIC,
	FLOW_DISSECTOR_KEY_IPV4_ADDRS,
	FLOW_DISSECTOR_KEY_IPV6_ADDRS,
	FLOW_DISSECTOR_KEY_PORTS,
	FLOW_DISSECTOR_KEY_PORTS_RANGE,
	FLOW_DISSECTOR_KEY_ICMP,
	FLOW_DISSECTOR_KEY_ETH_ADDRS,
	FLOW_DISSECTOR_KEY_TIPC,
	FLOW_DISSECTOR_KEY_ARP,
	FLOW_DISSECTOR_KEY_VLAN,
	FLOW_DISSECTOR_KEY_MAX = 33,
};
struct flow_dissector {
	unsigned long long used_keys;
	unsigned short offset[FLOW_DISSECTOR_KEY_MAX];
};
struct flow_dissector_key_control {
	u16 thoff;
	u16 addr_type;
	u32 flags;
};
struct flow_dissector_key_basic {
	__be16 n_proto;
	u8 ip_proto;
	u8 padding;
};
struct flow_dissector_key_eth_addrs {
	unsigned char dst[ETH_ALEN];
	unsigned char src[ETH_ALEN];
};
struct flow_dissector_key_vlan {
	union {
		struct {
			u16 vlan_id:12, vlan_dei:1, vlan_priority:3;
		};
		__be16 vlan_tci;
	};
	__be16 vlan_tpid;
	__be16 vlan_eth_type;
	u16 padding;
};
struct flow_match {
	struct flow_dissector *dissector;
	void *mask;
	void *key;
};
struct flow_match_basic {
	struct flow_dissector_key_basic *key, *mask;
};
struct flow_match_control {
	struct flow_dissector_key_control *key, *mask;
};
struct flow_match_eth_addrs {
	struct flow_dissector_key_eth_addrs *key, *mask;
};
struct flow_match_vlan {
	struct flow_dissector_key_vlan *key, *mask;
};
struct flow_action {
	unsigned int num_entries;
};
struct flow_rule {
	struct flow_match match;
	struct flow_action action;
};
struct flow_stats {
	u64 pkts;
	u64 bytes;
	u64 drops;
	u64 lastused;
};
enum flow_cls_command {
	FLOW_CLS_REPLACE,
	FLOW_CLS_DESTROY,
	FLOW_CLS_STATS,
	FLOW_CLS_TMPLT_CREATE,
	FLOW_CLS_TMPLT_DESTROY,
};
struct flow_cls_common_offload {
	u32 chain_index;
	__be16 protocol;
	u32 prio;
	struct netlink_ext_ack *extack;
};
struct flow_cls_offload {
	struct flow_cls_common_offload common;
	enum flow_cls_command command;
	bool use_act_stats;
	unsigned long cookie;
	struct flow_rule *rule;
	struct flow_stats stats;
	u32 classid;
};
static inline struct flow_rule *flow_cls_offload_flow_rule(struct flow_cls_offload *flow_cmd)
{ return flow_cmd->rule; }
static inline bool flow_rule_match_key(const struct flow_rule *rule, enum flow_dissector_key_id key)
{ return rule->match.dissector->used_keys & (1ULL << key); }
bool flow_rule_match_has_control_flags(struct flow_match_control *match,
				       struct netlink_ext_ack *ext);
void flow_rule_match_basic(const struct flow_rule *rule, struct flow_match_basic *out);
void flow_rule_match_control(const struct flow_rule *rule, struct flow_match_control *out);
void flow_rule_match_eth_addrs(const struct flow_rule *rule, struct flow_match_eth_addrs *out);
void flow_rule_match_vlan(const struct flow_rule *rule, struct flow_match_vlan *out);
bool tc_cls_can_offload_and_chain0(const struct net_device *dev,
				   struct flow_cls_common_offload *common);
int tc_classid_to_hwtc(struct net_device *dev, u32 classid);
struct tc_cbs_qopt_offload {
	u8 enable;
	s32 queue;
	s32 hicredit;
	s32 locredit;
	s32 idleslope;
	s32 sendslope;
};
struct tc_etf_qopt_offload {
	u8 enable;
	s32 queue;
};
struct tc_query_caps_base {
	enum tc_setup_type type;
	void *caps;
};
struct tc_taprio_caps {
	bool supports_queue_max_sdu:1;
	bool gate_mask_per_txq:1;
	bool broken_mqprio:1;
};
struct tc_mqprio_qopt {
	__u8 num_tc;
	__u8 prio_tc_map[16];
	__u8 hw;
	__u16 count[16];
	__u16 offset[16];
};
struct tc_mqprio_qopt_offload {
	struct tc_mqprio_qopt qopt;
	struct netlink_ext_ack *extack;
	u16 mode;
	u16 shaper;
	u32 flags;
	u64 min_rate[16];
	u64 max_rate[16];
	unsigned long preemptible_tcs;
};
struct flow_block_offload;
typedef int flow_setup_cb_t(enum tc_setup_type type, void *type_data, void *cb_priv);
int flow_block_cb_setup_simple(struct flow_block_offload *f, struct list_head *driver_list,
			       flow_setup_cb_t *cb, void *cb_ident, void *cb_priv,
			       bool ingress_only);

#endif /* _DMACHECK_MODEL_PKT_CLS_H */
