// dma-coherent-virt-to-page: struct page lookups on dma_alloc_coherent()
// memory, as old audio/video drivers did in their mmap paths.
#include <linux/dma-mapping.h>
#include <linux/mm.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>

#define PERIOD_BYTES 16384

struct pcm_buf {
	struct device *dev;
	void *area;
	dma_addr_t addr;
	struct page *first;
	struct scatterlist sg;
};

/* Bad: the coherent CPU address may come from vmap or a remapped pool. */
static int pcm_buf_alloc(struct pcm_buf *b)
{
	void *area = dma_alloc_coherent(b->dev, PERIOD_BYTES, &b->addr, GFP_KERNEL);

	if (!area)
		return -ENOMEM;
	b->area = area;
	b->first = virt_to_page(area); // expect: dma-coherent-virt-to-page
	return 0;
}

static int pcm_buf_alloc_wc(struct pcm_buf *b, unsigned int period)
{
	b->area = dma_alloc_wc(b->dev, PERIOD_BYTES, &b->addr, GFP_KERNEL);
	if (!b->area)
		return -ENOMEM;
	/* Page of the n-th period: still coherent memory. */
	b->first = virt_to_page((u8 *)b->area + period * PAGE_SIZE); // expect: dma-coherent-virt-to-page
	return 0;
}

static int pcm_buf_sg(struct pcm_buf *b)
{
	b->area = dma_alloc_coherent(b->dev, PERIOD_BYTES, &b->addr, GFP_KERNEL);
	if (!b->area)
		return -ENOMEM;
	sg_init_table(&b->sg, 1);
	sg_set_page(&b->sg, vmalloc_to_page(b->area), PERIOD_BYTES, 0); // expect: dma-coherent-virt-to-page
	return 0;
}

/* Good: user mappings of coherent memory go through dma_mmap_coherent(). */
static int pcm_buf_mmap(struct pcm_buf *b, struct vm_area_struct *vma)
{
	return dma_mmap_coherent(b->dev, vma, b->area, b->addr, PERIOD_BYTES);
}

/* Good: pages of ordinary kmalloc memory, and of dma_alloc_pages() memory. */
static int pcm_buf_alloc_pages(struct pcm_buf *b)
{
	void *area = kmalloc(PERIOD_BYTES, GFP_KERNEL);
	struct page *pages;

	if (!area)
		return -ENOMEM;
	b->first = virt_to_page(area); // no-finding: dma-coherent-virt-to-page
	kfree(area);
	pages = dma_alloc_pages(b->dev, PERIOD_BYTES, &b->addr, DMA_BIDIRECTIONAL, GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	b->first = pages;
	b->area = page_address(pages);
	b->first = virt_to_page(b->area); // no-finding: dma-coherent-virt-to-page
	return 0;
}
