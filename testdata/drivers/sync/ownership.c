// Buffer ownership: dma-sync-direction, dma-cpu-access-while-mapped,
// dma-missing-sync-for-device.
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/string.h>

struct rx_ring {
	struct device *dev;
	void __iomem *regs;
	u8 *buf;
	dma_addr_t buf_dma;
};

static void rx_poll(struct rx_ring *r, u8 *data, size_t len)
{
	dma_addr_t dma = dma_map_single(r->dev, data, len, DMA_FROM_DEVICE);
	u8 first;

	if (dma_mapping_error(r->dev, dma))
		return;
	writel(lower_32_bits(dma), r->regs + 0x10);
	first = data[0]; // expect: dma-cpu-access-while-mapped
	dma_sync_single_for_cpu(r->dev, dma, len, DMA_FROM_DEVICE);
	first = data[1]; // no-finding: dma-cpu-access-while-mapped
	data[2] = first;
	writel(lower_32_bits(dma), r->regs + 0x10); // expect: dma-missing-sync-for-device
	dma_sync_single_for_device(r->dev, dma, len, DMA_FROM_DEVICE); // no-finding: dma-sync-direction
	writel(lower_32_bits(dma), r->regs + 0x10); // no-finding: dma-missing-sync-for-device
	dma_unmap_single(r->dev, dma, len, DMA_FROM_DEVICE);
	first = data[3]; // no-finding: dma-cpu-access-while-mapped
}

static void tx_fill_late(struct rx_ring *r, u8 *data, size_t len)
{
	dma_addr_t dma = dma_map_single(r->dev, data, len, DMA_TO_DEVICE);

	if (dma_mapping_error(r->dev, dma))
		return;
	memcpy(data, "hdr", 3); // no-finding: dma-cpu-access-while-mapped
	writel(lower_32_bits(dma), r->regs + 0x10); // expect: dma-missing-sync-for-device
	dma_sync_single_for_cpu(r->dev, dma, len, DMA_FROM_DEVICE); // expect: dma-sync-direction
	dma_unmap_single(r->dev, dma, len, DMA_TO_DEVICE);
}

/* A TO_DEVICE descriptor rewritten while mapped, then synced for the device
 * before the device sees it again (k3-udma's rx flush descriptors). */
static void tx_desc_refill(struct rx_ring *r, u8 *desc, size_t len)
{
	dma_addr_t dma = dma_map_single(r->dev, desc, len, DMA_TO_DEVICE);

	if (dma_mapping_error(r->dev, dma))
		return;
	writel(lower_32_bits(dma), r->regs + 0x30);
	desc[0] = 1; // no-finding: dma-cpu-access-while-mapped
	dma_sync_single_for_device(r->dev, dma, len, DMA_TO_DEVICE);
	writel(lower_32_bits(dma), r->regs + 0x30); // no-finding: dma-missing-sync-for-device
	dma_unmap_single(r->dev, dma, len, DMA_TO_DEVICE);
}

static void bidir_sync(struct rx_ring *r, u8 *data, size_t len)
{
	dma_addr_t dma = dma_map_single(r->dev, data, len, DMA_BIDIRECTIONAL);

	if (dma_mapping_error(r->dev, dma))
		return;
	dma_sync_single_for_cpu(r->dev, dma, len, DMA_BIDIRECTIONAL); // no-finding: dma-sync-direction
	dma_sync_single_for_device(r->dev, dma, len, DMA_TO_DEVICE); // expect: dma-sync-direction
	dma_unmap_single(r->dev, dma, len, DMA_BIDIRECTIONAL);
}

/* Noncoherent memory: the CPU must sync before reading what the device wrote. */
static int nc_read(struct rx_ring *r, size_t len)
{
	dma_addr_t dma;
	u8 *buf = dma_alloc_noncoherent(r->dev, len, &dma, DMA_BIDIRECTIONAL, GFP_KERNEL);
	int v;

	if (!buf)
		return -ENOMEM;
	buf[0] = 0x5a; // no-finding: dma-cpu-access-while-mapped
	writel(lower_32_bits(dma), r->regs + 0x20); // expect: dma-missing-sync-for-device
	v = buf[4]; // expect: dma-cpu-access-while-mapped
	dma_sync_single_for_cpu(r->dev, dma, len, DMA_BIDIRECTIONAL);
	v += buf[5]; // no-finding: dma-cpu-access-while-mapped
	dma_free_noncoherent(r->dev, len, buf, dma, DMA_BIDIRECTIONAL);
	return v;
}

/* Across functions: mapped FROM_DEVICE in refill, synced TO_DEVICE elsewhere. */
static int rx_refill(struct rx_ring *r)
{
	r->buf_dma = dma_map_single(r->dev, r->buf, 2048, DMA_FROM_DEVICE);
	return dma_mapping_error(r->dev, r->buf_dma) ? -ENOMEM : 0;
}

static void rx_recycle(struct rx_ring *r)
{
	dma_sync_single_for_device(r->dev, r->buf_dma, 2048, DMA_TO_DEVICE); // expect: dma-sync-direction
	dma_sync_single_for_device(r->dev, r->buf_dma, 2048, DMA_FROM_DEVICE); // no-finding: dma-sync-direction
}
