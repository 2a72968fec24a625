// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-model coverage input: a small PCI NIC with descriptor rings.
 *
 * Shapes: coherent rings (dma_alloc_coherent), streaming rx buffers and tx
 * heads (dma_map_single), paged tx fragments (skb_frag_dma_map),
 * dma_mapping_error checks, unmap in the completion path with the length
 * kept through dma_unmap_addr/dma_unmap_len, NAPI, a threaded reset work,
 * ethtool ring parameters, module_pci_driver.
 *
 * The driver is meant to be correct. It must parse against the built-in
 * model with zero errors, zero unresolved headers and zero implicit
 * declarations: testdata/kernel_model/parse-check.sh -s <this file>.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/skbuff.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <linux/bitfield.h>

#define DRV_NAME "toynic"
#define TOY_RING_SIZE 256
#define TOY_RX_BUF_LEN 2048
#define TOY_TX_STOP_THRESH (MAX_SKB_FRAGS + 2)

#define TOY_REG_CTRL 0x00
#define TOY_REG_ISR 0x04
#define TOY_REG_IMR 0x08
#define TOY_REG_TX_BASE_LO 0x10
#define TOY_REG_TX_BASE_HI 0x14
#define TOY_REG_RX_BASE_LO 0x18
#define TOY_REG_RX_BASE_HI 0x1c
#define TOY_REG_TX_TAIL 0x20
#define TOY_REG_RX_TAIL 0x24
#define TOY_CTRL_RESET BIT(0)
#define TOY_CTRL_EN GENMASK(2, 1)
#define TOY_ISR_RX BIT(0)
#define TOY_ISR_TX BIT(1)
#define TOY_ISR_ERR BIT(2)

#define TOY_DESC_OWN BIT(31)
#define TOY_DESC_EOP BIT(30)
#define TOY_DESC_LEN GENMASK(15, 0)

struct toy_desc {
	__le64 addr;
	__le32 ctrl;
	__le32 status;
} __packed;

struct toy_tx_buf {
	struct sk_buff *skb;
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
	bool is_page;
};

struct toy_rx_buf {
	void *data;
	dma_addr_t dma;
};

struct toy_priv {
	struct pci_dev *pdev;
	struct net_device *ndev;
	void __iomem *regs;
	struct napi_struct napi;
	spinlock_t lock;
	struct work_struct reset_work;

	struct toy_desc *tx_ring;
	dma_addr_t tx_ring_dma;
	struct toy_tx_buf tx_buf[TOY_RING_SIZE];
	unsigned int tx_head, tx_tail;

	struct toy_desc *rx_ring;
	dma_addr_t rx_ring_dma;
	struct toy_rx_buf rx_buf[TOY_RING_SIZE];
	unsigned int rx_next;
	u32 msg_enable;
};

static inline unsigned int toy_tx_free(const struct toy_priv *tp)
{
	return TOY_RING_SIZE - (tp->tx_head - tp->tx_tail) - 1;
}

static int toy_alloc_rx_buf(struct toy_priv *tp, unsigned int i)
{
	struct device *dev = &tp->pdev->dev;
	struct toy_rx_buf *rb = &tp->rx_buf[i];

	rb->data = kmalloc(TOY_RX_BUF_LEN, GFP_KERNEL);
	if (!rb->data)
		return -ENOMEM;
	rb->dma = dma_map_single(dev, rb->data, TOY_RX_BUF_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, rb->dma)) {
		kfree(rb->data);
		rb->data = NULL;
		return -ENOMEM;
	}
	tp->rx_ring[i].addr = cpu_to_le64(rb->dma);
	tp->rx_ring[i].ctrl = cpu_to_le32(FIELD_PREP(TOY_DESC_LEN, TOY_RX_BUF_LEN));
	dma_wmb();
	tp->rx_ring[i].status = cpu_to_le32(TOY_DESC_OWN);
	return 0;
}

static void toy_free_rings(struct toy_priv *tp)
{
	struct device *dev = &tp->pdev->dev;
	unsigned int i;

	for (i = 0; i < TOY_RING_SIZE; i++) {
		struct toy_rx_buf *rb = &tp->rx_buf[i];
		struct toy_tx_buf *tb = &tp->tx_buf[i];

		if (rb->data) {
			dma_unmap_single(dev, rb->dma, TOY_RX_BUF_LEN, DMA_FROM_DEVICE);
			kfree(rb->data);
			rb->data = NULL;
		}
		if (dma_unmap_len(tb, len)) {
			if (tb->is_page)
				dma_unmap_page(dev, dma_unmap_addr(tb, dma),
					       dma_unmap_len(tb, len), DMA_TO_DEVICE);
			else
				dma_unmap_single(dev, dma_unmap_addr(tb, dma),
						 dma_unmap_len(tb, len), DMA_TO_DEVICE);
			dma_unmap_len_set(tb, len, 0);
		}
		dev_kfree_skb_any(tb->skb);
		tb->skb = NULL;
	}
	if (tp->rx_ring)
		dma_free_coherent(dev, TOY_RING_SIZE * sizeof(struct toy_desc),
				  tp->rx_ring, tp->rx_ring_dma);
	if (tp->tx_ring)
		dma_free_coherent(dev, TOY_RING_SIZE * sizeof(struct toy_desc),
				  tp->tx_ring, tp->tx_ring_dma);
	tp->rx_ring = NULL;
	tp->tx_ring = NULL;
}

static int toy_alloc_rings(struct toy_priv *tp)
{
	struct device *dev = &tp->pdev->dev;
	size_t size = TOY_RING_SIZE * sizeof(struct toy_desc);
	unsigned int i;
	int err;

	tp->tx_ring = dma_alloc_coherent(dev, size, &tp->tx_ring_dma, GFP_KERNEL);
	if (!tp->tx_ring)
		return -ENOMEM;
	tp->rx_ring = dma_alloc_coherent(dev, size, &tp->rx_ring_dma, GFP_KERNEL);
	if (!tp->rx_ring) {
		err = -ENOMEM;
		goto err_free;
	}
	dev_dbg(dev, "tx ring at %pad, rx ring at %pad\n", &tp->tx_ring_dma, &tp->rx_ring_dma);
	for (i = 0; i < TOY_RING_SIZE; i++) {
		err = toy_alloc_rx_buf(tp, i);
		if (err)
			goto err_free;
	}
	writel(lower_32_bits(tp->tx_ring_dma), tp->regs + TOY_REG_TX_BASE_LO);
	writel(upper_32_bits(tp->tx_ring_dma), tp->regs + TOY_REG_TX_BASE_HI);
	writel(lower_32_bits(tp->rx_ring_dma), tp->regs + TOY_REG_RX_BASE_LO);
	writel(upper_32_bits(tp->rx_ring_dma), tp->regs + TOY_REG_RX_BASE_HI);
	return 0;

err_free:
	toy_free_rings(tp);
	return err;
}

static netdev_tx_t toy_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct toy_priv *tp = netdev_priv(ndev);
	struct device *dev = &tp->pdev->dev;
	unsigned int nr_frags = skb_shinfo(skb)->nr_frags;
	unsigned int first = tp->tx_head % TOY_RING_SIZE;
	unsigned int idx = first;
	unsigned int f, len;
	dma_addr_t dma;

	if (toy_tx_free(tp) < nr_frags + 1) {
		netif_stop_queue(ndev);
		return NETDEV_TX_BUSY;
	}

	len = skb_headlen(skb);
	dma = dma_map_single(dev, skb->data, len, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, dma))
		goto drop;
	tp->tx_buf[idx].is_page = false;
	dma_unmap_addr_set(&tp->tx_buf[idx], dma, dma);
	dma_unmap_len_set(&tp->tx_buf[idx], len, len);
	tp->tx_ring[idx].addr = cpu_to_le64(dma);
	tp->tx_ring[idx].ctrl = cpu_to_le32(FIELD_PREP(TOY_DESC_LEN, len));

	for (f = 0; f < nr_frags; f++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[f];

		idx = (idx + 1) % TOY_RING_SIZE;
		len = skb_frag_size(frag);
		dma = skb_frag_dma_map(dev, frag, 0, len, DMA_TO_DEVICE);
		if (dma_mapping_error(dev, dma))
			goto unwind;
		tp->tx_buf[idx].is_page = true;
		dma_unmap_addr_set(&tp->tx_buf[idx], dma, dma);
		dma_unmap_len_set(&tp->tx_buf[idx], len, len);
		tp->tx_ring[idx].addr = cpu_to_le64(dma);
		tp->tx_ring[idx].ctrl = cpu_to_le32(FIELD_PREP(TOY_DESC_LEN, len));
	}
	tp->tx_ring[idx].ctrl |= cpu_to_le32(TOY_DESC_EOP);
	tp->tx_buf[idx].skb = skb;
	dma_wmb();
	tp->tx_ring[first].status = cpu_to_le32(TOY_DESC_OWN);
	tp->tx_head += nr_frags + 1;
	skb_tx_timestamp(skb);
	writel(tp->tx_head % TOY_RING_SIZE, tp->regs + TOY_REG_TX_TAIL);
	if (toy_tx_free(tp) < TOY_TX_STOP_THRESH)
		netif_stop_queue(ndev);
	return NETDEV_TX_OK;

unwind:
	while (idx != first) {
		idx = (idx + TOY_RING_SIZE - 1) % TOY_RING_SIZE;
		if (tp->tx_buf[idx].is_page)
			dma_unmap_page(dev, dma_unmap_addr(&tp->tx_buf[idx], dma),
				       dma_unmap_len(&tp->tx_buf[idx], len), DMA_TO_DEVICE);
		else
			dma_unmap_single(dev, dma_unmap_addr(&tp->tx_buf[idx], dma),
					 dma_unmap_len(&tp->tx_buf[idx], len), DMA_TO_DEVICE);
		dma_unmap_len_set(&tp->tx_buf[idx], len, 0);
	}
drop:
	dev_kfree_skb_any(skb);
	ndev->stats.tx_dropped++;
	return NETDEV_TX_OK;
}

static void toy_tx_complete(struct toy_priv *tp)
{
	struct device *dev = &tp->pdev->dev;
	unsigned int pkts = 0, bytes = 0;

	spin_lock(&tp->lock);
	while (tp->tx_tail != tp->tx_head) {
		unsigned int idx = tp->tx_tail % TOY_RING_SIZE;
		struct toy_tx_buf *tb = &tp->tx_buf[idx];

		if (le32_to_cpu(READ_ONCE(tp->tx_ring[idx].status)) & TOY_DESC_OWN)
			break;
		dma_rmb();
		if (tb->is_page)
			dma_unmap_page(dev, dma_unmap_addr(tb, dma), dma_unmap_len(tb, len),
				       DMA_TO_DEVICE);
		else
			dma_unmap_single(dev, dma_unmap_addr(tb, dma), dma_unmap_len(tb, len),
					 DMA_TO_DEVICE);
		dma_unmap_len_set(tb, len, 0);
		if (tb->skb) {
			bytes += tb->skb->len;
			pkts++;
			napi_consume_skb(tb->skb, 64);
			tb->skb = NULL;
		}
		tp->tx_tail++;
	}
	spin_unlock(&tp->lock);
	tp->ndev->stats.tx_packets += pkts;
	tp->ndev->stats.tx_bytes += bytes;
	if (netif_queue_stopped(tp->ndev) && toy_tx_free(tp) >= TOY_TX_STOP_THRESH)
		netif_wake_queue(tp->ndev);
}

static int toy_rx(struct toy_priv *tp, int budget)
{
	struct device *dev = &tp->pdev->dev;
	int done = 0;

	while (done < budget) {
		unsigned int i = tp->rx_next;
		struct toy_rx_buf *rb = &tp->rx_buf[i];
		u32 status = le32_to_cpu(READ_ONCE(tp->rx_ring[i].status));
		unsigned int len;
		struct sk_buff *skb;

		if (status & TOY_DESC_OWN)
			break;
		dma_rmb();
		len = FIELD_GET(TOY_DESC_LEN, status);
		/* Small frames are copied: give the buffer back to the device. */
		skb = napi_alloc_skb(&tp->napi, len);
		if (!skb) {
			tp->ndev->stats.rx_dropped++;
			break;
		}
		dma_sync_single_for_cpu(dev, rb->dma, len, DMA_FROM_DEVICE);
		skb_put_data(skb, rb->data, len);
		dma_sync_single_for_device(dev, rb->dma, len, DMA_FROM_DEVICE);
		tp->rx_ring[i].status = cpu_to_le32(TOY_DESC_OWN);
		skb->protocol = eth_type_trans(skb, tp->ndev);
		napi_gro_receive(&tp->napi, skb);
		tp->ndev->stats.rx_packets++;
		tp->ndev->stats.rx_bytes += len;
		tp->rx_next = (i + 1) % TOY_RING_SIZE;
		done++;
	}
	writel(tp->rx_next, tp->regs + TOY_REG_RX_TAIL);
	return done;
}

static int toy_poll(struct napi_struct *napi, int budget)
{
	struct toy_priv *tp = container_of(napi, struct toy_priv, napi);
	int done;

	toy_tx_complete(tp);
	done = toy_rx(tp, budget);
	if (done < budget && napi_complete_done(napi, done))
		writel(TOY_ISR_RX | TOY_ISR_TX, tp->regs + TOY_REG_IMR);
	return done;
}

static irqreturn_t toy_interrupt(int irq, void *data)
{
	struct toy_priv *tp = data;
	u32 isr = readl(tp->regs + TOY_REG_ISR);

	if (!isr)
		return IRQ_NONE;
	writel(isr, tp->regs + TOY_REG_ISR);
	if (isr & TOY_ISR_ERR)
		schedule_work(&tp->reset_work);
	if (isr & (TOY_ISR_RX | TOY_ISR_TX)) {
		writel(0, tp->regs + TOY_REG_IMR);
		napi_schedule(&tp->napi);
	}
	return IRQ_HANDLED;
}

static void toy_reset_work(struct work_struct *work)
{
	struct toy_priv *tp = container_of(work, struct toy_priv, reset_work);
	unsigned long flags;

	netif_err(tp, hw, tp->ndev, "resetting after error interrupt\n");
	spin_lock_irqsave(&tp->lock, flags);
	writel(TOY_CTRL_RESET, tp->regs + TOY_REG_CTRL);
	spin_unlock_irqrestore(&tp->lock, flags);
	msleep(10);
	writel(TOY_CTRL_EN, tp->regs + TOY_REG_CTRL);
}

static int toy_open(struct net_device *ndev)
{
	struct toy_priv *tp = netdev_priv(ndev);
	int err;

	err = toy_alloc_rings(tp);
	if (err)
		return err;
	err = request_irq(tp->pdev->irq, toy_interrupt, IRQF_SHARED, ndev->name, tp);
	if (err) {
		toy_free_rings(tp);
		return err;
	}
	napi_enable(&tp->napi);
	writel(TOY_CTRL_EN, tp->regs + TOY_REG_CTRL);
	writel(TOY_ISR_RX | TOY_ISR_TX | TOY_ISR_ERR, tp->regs + TOY_REG_IMR);
	netif_start_queue(ndev);
	return 0;
}

static int toy_stop(struct net_device *ndev)
{
	struct toy_priv *tp = netdev_priv(ndev);

	netif_stop_queue(ndev);
	writel(0, tp->regs + TOY_REG_IMR);
	napi_disable(&tp->napi);
	free_irq(tp->pdev->irq, tp);
	cancel_work_sync(&tp->reset_work);
	toy_free_rings(tp);
	return 0;
}

static void toy_get_ringparam(struct net_device *ndev, struct ethtool_ringparam *ring,
			      struct kernel_ethtool_ringparam *kring,
			      struct netlink_ext_ack *extack)
{
	ring->rx_max_pending = TOY_RING_SIZE;
	ring->tx_max_pending = TOY_RING_SIZE;
	ring->rx_pending = TOY_RING_SIZE;
	ring->tx_pending = TOY_RING_SIZE;
}

static void toy_get_drvinfo(struct net_device *ndev, struct ethtool_drvinfo *info)
{
	struct toy_priv *tp = netdev_priv(ndev);

	strscpy(info->driver, DRV_NAME, sizeof(info->driver));
	strscpy(info->bus_info, pci_name(tp->pdev), sizeof(info->bus_info));
}

static const struct ethtool_ops toy_ethtool_ops = {
	.get_drvinfo = toy_get_drvinfo,
	.get_link = ethtool_op_get_link,
	.get_ringparam = toy_get_ringparam,
};

static const struct net_device_ops toy_netdev_ops = {
	.ndo_open = toy_open,
	.ndo_stop = toy_stop,
	.ndo_start_xmit = toy_start_xmit,
	.ndo_validate_addr = eth_validate_addr,
	.ndo_set_mac_address = eth_mac_addr,
};

static int toy_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *ndev;
	struct toy_priv *tp;
	u8 mac[ETH_ALEN];
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (err)
		err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (err)
		return dev_err_probe(&pdev->dev, err, "no usable DMA configuration\n");
	pci_set_master(pdev);
	err = pcim_iomap_regions(pdev, BIT(0), DRV_NAME);
	if (err)
		return err;

	ndev = devm_alloc_etherdev(&pdev->dev, sizeof(*tp));
	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, &pdev->dev);
	tp = netdev_priv(ndev);
	tp->pdev = pdev;
	tp->ndev = ndev;
	tp->regs = pcim_iomap_table(pdev)[0];
	tp->msg_enable = netif_msg_init(-1, NETIF_MSG_DRV | NETIF_MSG_HW);
	spin_lock_init(&tp->lock);
	INIT_WORK(&tp->reset_work, toy_reset_work);
	netif_napi_add(ndev, &tp->napi, toy_poll);
	ndev->netdev_ops = &toy_netdev_ops;
	ndev->ethtool_ops = &toy_ethtool_ops;
	ndev->features |= NETIF_F_SG | NETIF_F_HIGHDMA;
	ndev->hw_features = ndev->features;
	eth_random_addr(mac);
	eth_hw_addr_set(ndev, mac);
	pci_set_drvdata(pdev, ndev);
	err = register_netdev(ndev);
	if (err) {
		netif_napi_del(&tp->napi);
		return err;
	}
	netdev_info(ndev, "toy NIC at %s, regs %p\n", pci_name(pdev), tp->regs);
	return 0;
}

static void toy_remove(struct pci_dev *pdev)
{
	struct net_device *ndev = pci_get_drvdata(pdev);
	struct toy_priv *tp = netdev_priv(ndev);

	unregister_netdev(ndev);
	netif_napi_del(&tp->napi);
}

static const struct pci_device_id toy_pci_tbl[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_REDHAT_QUMRANET, 0x1234) },
	{ PCI_VDEVICE(INTEL, 0x100e), 0 },
	{ }
};
MODULE_DEVICE_TABLE(pci, toy_pci_tbl);

static struct pci_driver toy_driver = {
	.name = DRV_NAME,
	.id_table = toy_pci_tbl,
	.probe = toy_probe,
	.remove = toy_remove,
};
module_pci_driver(toy_driver);

MODULE_AUTHOR("dmacheck");
MODULE_DESCRIPTION("kernel-model coverage: PCI NIC with descriptor rings");
MODULE_LICENSE("GPL");
