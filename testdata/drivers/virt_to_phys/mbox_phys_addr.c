// dma-virt-to-phys: CPU physical addresses given to a device that needs DMA
// addresses, and physical addresses of DMA memory.
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/io-64-nonatomic-lo-hi.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define REG_MBOX_ADDR 0x40
#define REG_EVT_ADDR 0x48

struct mbox_desc {
	__le64 buf_addr;
	__le32 len;
	__le32 flags;
};

struct mbox {
	struct device *dev;
	void __iomem *regs;
	struct mbox_desc *desc;
	dma_addr_t desc_dma;
	void *events;
	dma_addr_t events_dma;
	size_t events_size;
};

/* Bad: the device sees IOVAs behind an IOMMU, not physical addresses. */
static int mbox_post_bad(struct mbox *mb, void *msg, size_t len)
{
	phys_addr_t phys = virt_to_phys(msg);

	writel(phys, mb->regs + REG_MBOX_ADDR); // expect: dma-virt-to-phys
	mb->desc->buf_addr = cpu_to_le64(__pa(msg)); // expect: dma-virt-to-phys
	mb->desc->len = cpu_to_le32(len);
	return 0;
}

/* Good: map the message and hand the device the dma_addr_t. */
static int mbox_post(struct mbox *mb, void *msg, size_t len)
{
	dma_addr_t dma = dma_map_single(mb->dev, msg, len, DMA_TO_DEVICE);

	if (dma_mapping_error(mb->dev, dma))
		return -ENOMEM;
	mb->desc->buf_addr = cpu_to_le64(dma); // no-finding: dma-virt-to-phys
	mb->desc->len = cpu_to_le32(len);
	lo_hi_writeq(mb->desc_dma, mb->regs + REG_MBOX_ADDR); // no-finding: dma-virt-to-phys
	return 0;
}

/* Bad: the physical address of coherent memory, for the device or a user mapping. */
static int mbox_events_init(struct mbox *mb)
{
	mb->events = dma_alloc_coherent(mb->dev, mb->events_size, &mb->events_dma, GFP_KERNEL);
	if (!mb->events)
		return -ENOMEM;
	lo_hi_writeq(virt_to_phys(mb->events), mb->regs + REG_EVT_ADDR); // expect: dma-virt-to-phys, dma-virt-to-phys
	return 0;
}

static int mbox_events_mmap(struct mbox *mb, struct vm_area_struct *vma)
{
	void *cpu = dma_alloc_coherent(mb->dev, PAGE_SIZE, &mb->events_dma, GFP_KERNEL);

	if (!cpu)
		return -ENOMEM;
	mb->events = cpu;
	return remap_pfn_range(vma, vma->vm_start, virt_to_phys(cpu) >> PAGE_SHIFT, // expect: dma-virt-to-phys
			       PAGE_SIZE, vma->vm_page_prot);
}

/* Bad: dma_sync_* takes the mapping's handle, not a physical address. */
static void mbox_sync_bad(struct mbox *mb, void *msg, size_t len)
{
	dma_sync_single_for_device(mb->dev, virt_to_phys(msg), len, DMA_TO_DEVICE); // expect: dma-virt-to-phys
}

/* Good: a physical address kept for the CPU's own bookkeeping. */
static void mbox_debug(struct mbox *mb, void *msg)
{
	phys_addr_t phys = virt_to_phys(msg);

	dev_dbg(mb->dev, "msg at %pa\n", &phys); // no-finding: dma-virt-to-phys
}
