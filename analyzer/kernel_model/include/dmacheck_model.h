/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck built-in kernel model.
 *
 * Force-included (-include dmacheck_model.h) before a lone driver file is
 * parsed without a kernel tree. It declares what Linux 6.12 (x86_64,
 * Debian's configuration) gives a driver through its usual headers, with
 * the DMA API as real functions under the names drivers write. Every
 * common kernel header name (linux/pci.h, linux/dma-mapping.h, ...) exists
 * in this directory as a small forwarding header that includes this file,
 * so a driver's #include lines resolve and add nothing new.
 *
 * See analyzer/kernel_model/README.md for what is modelled and the rule
 * for adding to it.
 */
#ifndef _DMACHECK_MODEL_H
#define _DMACHECK_MODEL_H

#define __DMACHECK_KERNEL_MODEL__ 1
#define LINUX_VERSION_CODE 396288 /* KERNEL_VERSION(6, 12, 0) */
#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#define UTS_RELEASE "6.12.0-dmacheck-model"

#include <model/compiler.h>
#include <model/types.h>
#include <model/errno.h>
#include <model/kernel.h>
#include <model/list.h>
#include <model/sync.h>
#include <model/time.h>
#include <model/mm.h>
#include <model/device.h>
#include <model/module.h>
#include <model/irq.h>
#include <model/fs.h>
#include <model/misc.h>
#include <model/trace.h>
#include <model/dma.h>
#include <model/pci.h>
#include <model/platform.h>
#include <model/net.h>
#include <model/ethtool.h>
#include <model/cleanup.h>

/*
 * Optional parts, included only through the headers that name them (as the
 * kernel does), because their short names (READ, WRITE, ABORT, NOP,
 * DMA_ERROR, phy_read ...) clash with names drivers outside the subsystem
 * define for themselves:
 *   model/dmaengine.h  <linux/dmaengine.h>
 *   model/block.h      <linux/blkdev.h>, <linux/blk-mq.h>, <linux/bio.h> ...
 *   model/scsi.h       <scsi/scsi_host.h>, <scsi/scsi_cmnd.h> ...
 *   model/usb.h        <linux/usb.h>, <linux/usb/hcd.h>
 *   model/phy.h        <linux/phy.h>, <linux/mdio.h>, <linux/linkmode.h>
 *   model/pkt_cls.h    <net/pkt_cls.h>, <net/pkt_sched.h>, <net/flow_offload.h>
 */

#endif /* _DMACHECK_MODEL_H */
