// dma-addr-format: dma_addr_t printed with integer formats, and %pad misuse.
#include <linux/dma-mapping.h>
#include <linux/pci.h>
#include <linux/seq_file.h>

struct rx_ring {
	struct device *dev;
	void *desc;
	dma_addr_t desc_dma;
	unsigned int count;
	u64 stats_bytes;
	phys_addr_t regs_phys;
};

static int rx_ring_alloc(struct rx_ring *ring)
{
	ring->desc = dma_alloc_coherent(ring->dev, 4096, &ring->desc_dma, GFP_KERNEL);
	if (!ring->desc)
		return -ENOMEM;
	dev_info(ring->dev, "rx ring at %llx\n", ring->desc_dma); // expect: dma-addr-format
	dev_dbg(ring->dev, "ring %u: desc=%p dma=%#010lx\n", ring->count, ring->desc, ring->desc_dma); // expect: dma-addr-format
	pr_info("rx: %d%% full, dma %pad\n", 50, ring->desc_dma); // expect: dma-addr-format
	dev_info(ring->dev, "rx ring at %pad (%u entries)\n", &ring->desc_dma, ring->count); // no-finding: dma-addr-format
	return 0;
}

static void rx_ring_dump(struct seq_file *m, struct rx_ring *ring)
{
	dma_addr_t dma = ring->desc_dma;

	seq_printf(m, "desc_dma: %*llx\n", 16, dma); // expect: dma-addr-format
	seq_printf(m, "phys-style: %pa\n", &dma); // expect: dma-addr-format
	seq_printf(m, "desc_dma: %pad bytes: %llu\n", &dma, ring->stats_bytes); // no-finding: dma-addr-format
	/* %pa is right for a phys_addr_t. */
	seq_printf(m, "regs: %pa\n", &ring->regs_phys); // no-finding: dma-addr-format
	/* An explicit conversion to the printed type is correct too. */
	seq_printf(m, "desc_dma: 0x%llx\n", (unsigned long long)dma); // no-finding: dma-addr-format
}

static int rx_map_one(struct rx_ring *ring, void *buf, size_t len)
{
	dma_addr_t dma = dma_map_single(ring->dev, buf, len, DMA_FROM_DEVICE);

	if (dma_mapping_error(ring->dev, dma)) {
		dev_err(ring->dev, "map of %zu bytes failed: %x\n", len, dma); // expect: dma-addr-format
		return -ENOMEM;
	}
	dev_dbg(ring->dev, "mapped %zu bytes at %pad\n", len, &dma); // no-finding: dma-addr-format
	dma_unmap_single(ring->dev, dma, len, DMA_FROM_DEVICE);
	return 0;
}
