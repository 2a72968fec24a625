/* SPDX-License-Identifier: GPL-2.0 */
/* dmacheck kernel model: <net/flow_dissector.h> is covered by model/pkt_cls.h. */
#include <dmacheck_model.h>
#include <model/pkt_cls.h>
