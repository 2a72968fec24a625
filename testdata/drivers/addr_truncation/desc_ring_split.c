// dma-addr-truncation: 64-bit DMA addresses squeezed into 32-bit fields.
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/io-64-nonatomic-lo-hi.h>
#include <linux/pci.h>

#define REG_RING_LO 0x10
#define REG_RING_HI 0x14

struct hw_desc {
	__le32 addr_lo;
	__le32 addr_hi;
	__le32 len;
	__le32 flags;
};

struct tx_ring {
	struct device *dev;
	void __iomem *regs;
	struct hw_desc *desc;
	dma_addr_t desc_dma;
	u32 cookie;
};

static u32 ring_base(struct tx_ring *ring)
{
	return ring->desc_dma; // expect: dma-addr-truncation
}

static int tx_ring_init(struct tx_ring *ring)
{
	u32 lo;

	ring->desc = dma_alloc_coherent(ring->dev, 4096, &ring->desc_dma, GFP_KERNEL);
	if (!ring->desc)
		return -ENOMEM;
	/* Bad: the register write takes a u32 and the high half vanishes. */
	writel(ring->desc_dma, ring->regs + REG_RING_LO); // expect: dma-addr-truncation
	lo = ring->desc_dma; // expect: dma-addr-truncation
	ring->cookie = (u32)ring->desc_dma; // expect: dma-addr-truncation

	/* Good: split explicitly. */
	writel(lower_32_bits(ring->desc_dma), ring->regs + REG_RING_LO); // no-finding: dma-addr-truncation
	writel(upper_32_bits(ring->desc_dma), ring->regs + REG_RING_HI); // no-finding: dma-addr-truncation
	return lo ? 0 : -EINVAL;
}

static int tx_fill(struct tx_ring *ring, unsigned int i, void *buf, size_t len)
{
	dma_addr_t dma = dma_map_single(ring->dev, buf, len, DMA_TO_DEVICE);
	unsigned int offset;

	if (dma_mapping_error(ring->dev, dma))
		return -ENOMEM;
	ring->desc[i].addr_lo = cpu_to_le32(lower_32_bits(dma)); // no-finding: dma-addr-truncation
	ring->desc[i].addr_hi = cpu_to_le32(upper_32_bits(dma)); // no-finding: dma-addr-truncation
	/* Selecting bits on purpose is not a truncation of the address. */
	offset = dma & 0xfff; // no-finding: dma-addr-truncation
	ring->desc[i].len = cpu_to_le32(len);
	ring->desc[i].flags = cpu_to_le32(offset);
	return 0;
}

/* Not truncations: the high word on purpose, and a 64-bit destination. */
static void tx_ring_program(struct tx_ring *ring)
{
	u32 hi = (u32)(ring->desc_dma >> 32); // no-finding: dma-addr-truncation
	u64 base = ring->desc_dma; // no-finding: dma-addr-truncation

	writel(hi, ring->regs + REG_RING_HI);
	lo_hi_writeq(base, ring->regs + REG_RING_LO);
}

/* A driver's own split macros (myri10ge style) are the same thing. */
#define NIC_ADDR_LOWPART(x) ((u32)(x))
#define NIC_ADDR_HIGHPART(x) ((u32)((u64)(x) >> 32))

static void tx_ring_program_own_macros(struct tx_ring *ring)
{
	writel(NIC_ADDR_LOWPART(ring->desc_dma), ring->regs + REG_RING_LO); // no-finding: dma-addr-truncation
	writel(NIC_ADDR_HIGHPART(ring->desc_dma), ring->regs + REG_RING_HI); // no-finding: dma-addr-truncation
}

static int tx_fill_bad(struct tx_ring *ring, unsigned int i, void *buf, size_t len)
{
	dma_addr_t dma = dma_map_single(ring->dev, buf, len, DMA_TO_DEVICE);

	if (dma_mapping_error(ring->dev, dma))
		return -ENOMEM;
	ring->desc[i].addr_lo = cpu_to_le32(dma); // expect: dma-addr-truncation
	writel(dma + i * sizeof(struct hw_desc), ring->regs + REG_RING_LO); // expect: dma-addr-truncation
	ring->desc[i].len = cpu_to_le32(len);
	return 0;
}
