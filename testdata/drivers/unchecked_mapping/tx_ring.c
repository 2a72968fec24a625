// dma-unchecked-mapping: a NIC transmit path, the shape of e1000e/igb xmit.
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/io.h>

struct tx_desc {
	__le64 addr;
	__le32 len;
	__le32 flags;
};

struct tx_buffer {
	struct sk_buff *skb;
	dma_addr_t dma;
	unsigned int len;
};

struct nic {
	struct device *dev;
	struct tx_desc *ring;
	struct tx_buffer *bufs;
	unsigned int tail;
	void __iomem *regs;
};

/* Bad: the handle goes into the descriptor with no dma_mapping_error(). */
static netdev_tx_t nic_xmit_unchecked(struct sk_buff *skb, struct nic *nic)
{
	struct tx_desc *desc = &nic->ring[nic->tail];
	dma_addr_t dma;

	dma = dma_map_single(nic->dev, skb->data, skb->len, DMA_TO_DEVICE);
	desc->addr = cpu_to_le64(dma); // expect: dma-unchecked-mapping
	desc->len = cpu_to_le32(skb->len);
	writel(nic->tail, nic->regs + 0x18);
	return NETDEV_TX_OK;
}

/* Good: checked before the device sees it. */
static netdev_tx_t nic_xmit(struct sk_buff *skb, struct nic *nic)
{
	struct tx_desc *desc = &nic->ring[nic->tail];
	dma_addr_t dma;

	dma = dma_map_single(nic->dev, skb->data, skb->len, DMA_TO_DEVICE);
	if (unlikely(dma_mapping_error(nic->dev, dma))) {
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	nic->bufs[nic->tail].dma = dma;
	desc->addr = cpu_to_le64(dma); // no-finding: dma-unchecked-mapping
	desc->len = cpu_to_le32(skb->len);
	return NETDEV_TX_OK;
}

/* Good: stored first, then checked through the stored copy. */
static int nic_map_stored(struct nic *nic, struct sk_buff *skb)
{
	struct tx_buffer *buf = &nic->bufs[nic->tail];

	buf->dma = dma_map_single(nic->dev, skb->data, skb->len, DMA_TO_DEVICE); // no-finding: dma-unchecked-mapping
	if (dma_mapping_error(nic->dev, buf->dma))
		return -ENOMEM;
	buf->len = skb->len;
	return 0;
}

/* Bad: stored in the ring and never checked. */
static void nic_map_frag(struct nic *nic, struct page *page, unsigned int len)
{
	struct tx_buffer *buf = &nic->bufs[nic->tail];

	buf->dma = dma_map_page(nic->dev, page, 0, len, DMA_TO_DEVICE); // expect: dma-unchecked-mapping
	buf->len = len;
}

/* Bad: the handle is written to a register unchecked. */
static void nic_post_rx(struct nic *nic, void *data)
{
	dma_addr_t dma = dma_map_single(nic->dev, data, 2048, DMA_FROM_DEVICE);

	writel(lower_32_bits(dma), nic->regs + 0x20); // expect: dma-unchecked-mapping
}

/* Bad: dma-debug's own case: unmapped without ever being checked. */
static void nic_probe_buffer(struct nic *nic, void *data)
{
	dma_addr_t dma = dma_map_single(nic->dev, data, 64, DMA_TO_DEVICE);

	dma_unmap_single(nic->dev, dma, 64, DMA_TO_DEVICE); // expect: dma-unchecked-mapping
}

/* Good: the check is the condition itself. */
static int nic_map_checked_inline(struct nic *nic, void *data, dma_addr_t *out)
{
	dma_addr_t dma;

	if (dma_mapping_error(nic->dev, dma = dma_map_single(nic->dev, data, 64, DMA_TO_DEVICE)))
		return -EIO;
	*out = dma; // no-finding: dma-unchecked-mapping
	return 0;
}

/* Good: a wrapper returning the handle leaves the check to its callers
 * (nvme-fc's fc_dma_map_single). */
static dma_addr_t nic_dma_map(struct device *dev, void *ptr, size_t size)
{
	return dev ? dma_map_single(dev, ptr, size, DMA_TO_DEVICE) : (dma_addr_t)0L; // no-finding: dma-unchecked-mapping
}

/* Good: bookkeeping before the check (dmatest, mv_xor). */
static int nic_map_and_record(struct nic *nic, void *data, dma_addr_t *record)
{
	dma_addr_t dma = dma_map_single(nic->dev, data, 64, DMA_TO_DEVICE);

	*record = dma; // no-finding: dma-unchecked-mapping
	if (dma_mapping_error(nic->dev, dma))
		return -ENOMEM;
	return 0;
}
