// dma-double-unmap and dma-use-after-unmap.
#include <linux/dma-mapping.h>
#include <linux/io.h>

struct engine {
	struct device *dev;
	void __iomem *regs;
};

static int engine_xfer(struct engine *e, void *buf, size_t len, bool retry)
{
	dma_addr_t dma = dma_map_single(e->dev, buf, len, DMA_TO_DEVICE);

	if (dma_mapping_error(e->dev, dma))
		return -ENOMEM;
	writel(lower_32_bits(dma), e->regs + 0x80);
	dma_unmap_single(e->dev, dma, len, DMA_TO_DEVICE);
	if (retry)
		writel(lower_32_bits(dma), e->regs + 0x80); // expect: dma-use-after-unmap
	dma_unmap_single(e->dev, dma, len, DMA_TO_DEVICE); // expect: dma-double-unmap
	return 0;
}

static int engine_read(struct engine *e, void *buf, size_t len)
{
	dma_addr_t dma = dma_map_single(e->dev, buf, len, DMA_FROM_DEVICE);

	if (dma_mapping_error(e->dev, dma))
		return -ENOMEM;
	writel(lower_32_bits(dma), e->regs + 0x88);
	dma_unmap_single(e->dev, dma, len, DMA_FROM_DEVICE);
	dma_sync_single_for_cpu(e->dev, dma, len, DMA_FROM_DEVICE); // expect: dma-use-after-unmap
	return 0;
}

/* Good: unmapped on exactly one of two paths each time. */
static int engine_read_ok(struct engine *e, void *buf, size_t len, int mode)
{
	dma_addr_t dma = dma_map_single(e->dev, buf, len, DMA_FROM_DEVICE);

	if (dma_mapping_error(e->dev, dma))
		return -ENOMEM;
	if (mode) {
		dma_unmap_single(e->dev, dma, len, DMA_FROM_DEVICE);
		return 1;
	}
	dma_sync_single_for_cpu(e->dev, dma, len, DMA_FROM_DEVICE); // no-finding: dma-use-after-unmap
	dma_unmap_single(e->dev, dma, len, DMA_FROM_DEVICE); // no-finding: dma-double-unmap
	return 0;
}
