// dma-unmap-mismatch group: releases that do not match their mapping, within
// a function and across functions through a struct field.
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

#define RX_BUF_LEN 2048

struct rx_buffer {
	struct sk_buff *skb;
	dma_addr_t dma;
	struct page *page;
	dma_addr_t page_dma;
};

struct rxq {
	struct device *dev;
	struct rx_buffer *bufs;
	void *desc;
	dma_addr_t desc_dma;
};

/* Mapped here (refill) ... */
static int rxq_refill(struct rxq *q, int i, struct sk_buff *skb)
{
	q->bufs[i].dma = dma_map_single(q->dev, skb->data, RX_BUF_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(q->dev, q->bufs[i].dma))
		return -ENOMEM;
	q->bufs[i].skb = skb;
	q->bufs[i].page_dma = dma_map_page(q->dev, q->bufs[i].page, 0, PAGE_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(q->dev, q->bufs[i].page_dma))
		return -ENOMEM;
	return 0;
}

/* ... and released here (completion), with the wrong size and direction. */
static void rxq_clean(struct rxq *q, int i)
{
	dma_unmap_single(q->dev, q->bufs[i].dma, 1536, DMA_FROM_DEVICE); // expect: dma-unmap-size-mismatch
	dma_unmap_single(q->dev, q->bufs[i].dma, RX_BUF_LEN, DMA_TO_DEVICE); // expect: dma-unmap-direction-mismatch
	dma_unmap_single(q->dev, q->bufs[i].page_dma, PAGE_SIZE, DMA_FROM_DEVICE); // expect: dma-unmap-type-mismatch
}

/* Good twins. */
static void rxq_clean_ok(struct rxq *q, int i)
{
	dma_unmap_single(q->dev, q->bufs[i].dma, RX_BUF_LEN, DMA_FROM_DEVICE); // no-finding: dma-unmap-size-mismatch, dma-unmap-direction-mismatch
	dma_unmap_page(q->dev, q->bufs[i].page_dma, PAGE_SIZE, DMA_FROM_DEVICE); // no-finding: dma-unmap-type-mismatch
}

/* Within one function. */
static int send_cmd(struct device *dev, void *cmd)
{
	dma_addr_t dma = dma_map_single(dev, cmd, 64, DMA_TO_DEVICE);

	if (dma_mapping_error(dev, dma))
		return -ENOMEM;
	dma_unmap_single(dev, dma, 32, DMA_FROM_DEVICE); // expect: dma-unmap-size-mismatch, dma-unmap-direction-mismatch
	return 0;
}

static int send_page(struct device *dev, struct page *page)
{
	dma_addr_t dma = dma_map_page(dev, page, 0, PAGE_SIZE, DMA_TO_DEVICE);

	if (dma_mapping_error(dev, dma))
		return -ENOMEM;
	dma_unmap_single(dev, dma, PAGE_SIZE, DMA_TO_DEVICE); // expect: dma-unmap-type-mismatch
	return 0;
}

/* Coherent memory given back to kfree(). */
static void rxq_free_desc(struct rxq *q)
{
	void *desc = dma_alloc_coherent(q->dev, 4096, &q->desc_dma, GFP_KERNEL);

	if (!desc)
		return;
	kfree(desc); // expect: dma-unmap-type-mismatch
}

static void rxq_free_desc_ok(struct rxq *q)
{
	void *desc = dma_alloc_coherent(q->dev, 4096, &q->desc_dma, GFP_KERNEL);

	if (!desc)
		return;
	dma_free_coherent(q->dev, 4096, desc, q->desc_dma); // no-finding: dma-unmap-type-mismatch, dma-unmap-size-mismatch
}

/* nvme's iod->first_dma: a page mapping in one path, a pool buffer's handle
 * (through a local) in another; released by the matching call elsewhere. */
struct iod {
	dma_addr_t first_dma;
	struct dma_pool *pool;
};

static int iod_map(struct device *dev, struct iod *iod, struct page *page, bool small)
{
	dma_addr_t prp_dma;
	void *prp;

	if (small) {
		iod->first_dma = dma_map_page(dev, page, 0, PAGE_SIZE, DMA_TO_DEVICE);
		return dma_mapping_error(dev, iod->first_dma) ? -ENOMEM : 0;
	}
	prp = dma_pool_alloc(iod->pool, GFP_ATOMIC, &prp_dma);
	if (!prp)
		return -ENOMEM;
	iod->first_dma = prp_dma;
	return 0;
}

static void iod_free(struct iod *iod, void *prp)
{
	dma_pool_free(iod->pool, prp, iod->first_dma); // no-finding: dma-unmap-type-mismatch
}
