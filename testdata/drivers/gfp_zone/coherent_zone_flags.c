// dma-gfp-zone: zone flags given to the coherent allocators.
#include <linux/dma-mapping.h>
#include <linux/pci.h>

struct ring {
	void *desc;
	dma_addr_t desc_dma;
	void *buf;
	dma_addr_t buf_dma;
};

static int ring_alloc(struct pci_dev *pdev, struct ring *r)
{
	r->desc = dma_alloc_coherent(&pdev->dev, 4096, &r->desc_dma, GFP_KERNEL | GFP_DMA32); // expect: dma-gfp-zone
	if (!r->desc)
		return -ENOMEM;
	r->buf = dma_alloc_coherent(&pdev->dev, 4096, &r->buf_dma, GFP_KERNEL); // no-finding: dma-gfp-zone
	if (!r->buf)
		return -ENOMEM;
	return 0;
}

static void *alloc_atomic(struct device *dev, dma_addr_t *handle, gfp_t gfp)
{
	/* The caller's flags are unknown here: nothing to say. */
	return dma_alloc_attrs(dev, 256, handle, gfp, 0); // no-finding: dma-gfp-zone
}

static void *alloc_nc(struct device *dev, dma_addr_t *handle)
{
	return dma_alloc_noncoherent(dev, 8192, handle, DMA_FROM_DEVICE, GFP_KERNEL | __GFP_COMP); // expect: dma-gfp-zone
}
