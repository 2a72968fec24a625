// dma-deprecated-api: a pre-5.18 driver still on pci-dma-compat.h.
#include <linux/dma-mapping.h>
#include <linux/module.h>
#include <linux/pci.h>

#define RING_BYTES 4096

struct legacy {
	struct pci_dev *pdev;
	void *ring;
	dma_addr_t ring_dma;
	void *scratch;
	dma_addr_t scratch_dma;
};

static int legacy_alloc(struct legacy *lp)
{
	lp->ring = pci_alloc_consistent(lp->pdev, RING_BYTES, &lp->ring_dma); // expect: dma-deprecated-api
	if (!lp->ring)
		return -ENOMEM;
	lp->scratch = dma_zalloc_coherent(&lp->pdev->dev, RING_BYTES, &lp->scratch_dma, GFP_KERNEL); // expect: dma-deprecated-api
	if (!lp->scratch) {
		pci_free_consistent(lp->pdev, RING_BYTES, lp->ring, lp->ring_dma); // expect: dma-deprecated-api
		return -ENOMEM;
	}
	return 0;
}

static int legacy_xmit(struct legacy *lp, void *data, size_t len)
{
	dma_addr_t dma = pci_map_single(lp->pdev, data, len, PCI_DMA_TODEVICE); // expect: dma-deprecated-api

	if (pci_dma_mapping_error(lp->pdev, dma)) // expect: dma-deprecated-api
		return -ENOMEM;
	pci_unmap_single(lp->pdev, dma, len, PCI_DMA_TODEVICE); // expect: dma-deprecated-api
	return 0;
}

static void *legacy_nc_alloc(struct device *dev, dma_addr_t *dma)
{
	return dma_alloc_attrs(dev, RING_BYTES, dma, GFP_KERNEL, DMA_ATTR_NON_CONSISTENT); // expect: dma-deprecated-api
}

static void legacy_flush(struct device *dev, void *buf)
{
	dma_cache_sync(dev, buf, RING_BYTES, DMA_TO_DEVICE); // expect: dma-deprecated-api
}

/* The same driver on the generic API. */
static int modern_alloc(struct legacy *lp)
{
	lp->ring = dma_alloc_coherent(&lp->pdev->dev, RING_BYTES, &lp->ring_dma, GFP_KERNEL); // no-finding: dma-deprecated-api
	if (!lp->ring)
		return -ENOMEM;
	return 0;
}

static int modern_xmit(struct legacy *lp, void *data, size_t len)
{
	dma_addr_t dma = dma_map_single(&lp->pdev->dev, data, len, DMA_TO_DEVICE); // no-finding: dma-deprecated-api

	if (dma_mapping_error(&lp->pdev->dev, dma)) // no-finding: dma-deprecated-api
		return -ENOMEM;
	dma_unmap_single(&lp->pdev->dev, dma, len, DMA_TO_DEVICE);
	return 0;
}

static void *modern_nc_alloc(struct device *dev, dma_addr_t *dma)
{
	return dma_alloc_attrs(dev, RING_BYTES, dma, GFP_KERNEL, DMA_ATTR_NO_WARN); // no-finding: dma-deprecated-api
}

static void modern_free(struct legacy *lp)
{
	dma_free_coherent(&lp->pdev->dev, RING_BYTES, lp->ring, lp->ring_dma);
}
