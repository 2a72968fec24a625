// dma-mapping-error-compare: mapping failures tested by comparison.
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

struct rx_slot {
	void *buf;
	dma_addr_t dma;
};

struct rxq {
	struct device *dev;
	struct rx_slot *slots;
	unsigned int size;
	unsigned int buf_len;
	void *status;
	dma_addr_t status_dma;
};

/* Bad: 0 is a valid DMA address; failure is DMA_MAPPING_ERROR. */
static int rxq_refill_one(struct rxq *q, unsigned int i)
{
	struct rx_slot *slot = &q->slots[i];
	void *buf = kmalloc(q->buf_len, GFP_ATOMIC);
	dma_addr_t dma;

	if (!buf)
		return -ENOMEM;
	dma = dma_map_single(q->dev, buf, q->buf_len, DMA_FROM_DEVICE);
	if (!dma) { // expect: dma-mapping-error-compare
		kfree(buf);
		return -ENOMEM;
	}
	slot->buf = buf;
	slot->dma = dma;
	return 0;
}

static int rxq_refill_page(struct rxq *q, struct page *page, unsigned int i)
{
	dma_addr_t dma = dma_map_page(q->dev, page, 0, PAGE_SIZE, DMA_FROM_DEVICE);

	if (dma == 0) // expect: dma-mapping-error-compare
		return -ENOMEM;
	q->slots[i].dma = dma;
	return 0;
}

static int rxq_refill_attrs(struct rxq *q, void *buf, unsigned int i)
{
	dma_addr_t dma = dma_map_single_attrs(q->dev, buf, q->buf_len, DMA_FROM_DEVICE, DMA_ATTR_SKIP_CPU_SYNC);

	if (dma) { // expect: dma-mapping-error-compare
		q->slots[i].buf = buf;
		q->slots[i].dma = dma;
		return 0;
	}
	return -ENOMEM;
}

/* Good: dma_mapping_error(). */
static int rxq_refill_one_ok(struct rxq *q, unsigned int i)
{
	void *buf = kmalloc(q->buf_len, GFP_ATOMIC);
	dma_addr_t dma;

	if (!buf) // no-finding: dma-mapping-error-compare
		return -ENOMEM;
	dma = dma_map_single(q->dev, buf, q->buf_len, DMA_FROM_DEVICE);
	if (dma_mapping_error(q->dev, dma)) { // no-finding: dma-mapping-error-compare
		kfree(buf);
		return -ENOMEM;
	}
	q->slots[i].buf = buf;
	q->slots[i].dma = dma;
	return 0;
}

/* Good: a coherent allocation fails with a NULL CPU address. */
static int rxq_status_alloc(struct rxq *q)
{
	q->status = dma_alloc_coherent(q->dev, 64, &q->status_dma, GFP_KERNEL);
	if (!q->status) // no-finding: dma-mapping-error-compare
		return -ENOMEM;
	if (!q->status_dma) // no-finding: dma-mapping-error-compare
		dev_dbg(q->dev, "status block at bus address 0\n");
	return 0;
}

/* dma_map_sg() returns the number of mapped entries, 0 on failure. */
static int rxq_map_sg_bad(struct rxq *q, struct scatterlist *sgl, int nents)
{
	int count = dma_map_sg(q->dev, sgl, nents, DMA_FROM_DEVICE);

	if (count < 0) // expect: dma-mapping-error-compare
		return -EIO;
	dma_unmap_sg(q->dev, sgl, nents, DMA_FROM_DEVICE);
	return 0;
}

static int rxq_map_sg(struct rxq *q, struct scatterlist *sgl, int nents)
{
	int count = dma_map_sg(q->dev, sgl, nents, DMA_FROM_DEVICE);

	if (count <= 0) // no-finding: dma-mapping-error-compare
		return -EIO;
	dma_unmap_sg(q->dev, sgl, nents, DMA_FROM_DEVICE);
	return 0;
}

/* Good: after dma_mapping_error(), a zero test of the saved handle in the
 * unwind code means "was this slot mapped?", not "did the map fail?". */
static int rxq_fill_two(struct rxq *q, void *a, void *b)
{
	struct rx_slot *s0 = &q->slots[0], *s1 = &q->slots[1];

	s0->dma = dma_map_single(q->dev, a, q->buf_len, DMA_FROM_DEVICE);
	if (dma_mapping_error(q->dev, s0->dma)) {
		s0->dma = 0;
		goto err;
	}
	s1->dma = dma_map_single(q->dev, b, q->buf_len, DMA_FROM_DEVICE);
	if (dma_mapping_error(q->dev, s1->dma))
		goto err;
	return 0;
err:
	if (s0->dma) // no-finding: dma-mapping-error-compare
		dma_unmap_single(q->dev, s0->dma, q->buf_len, DMA_FROM_DEVICE);
	s0->dma = 0;
	return -ENOMEM;
}

/* The other streaming maps fail the same way. */
static int txq_map_frag(struct rxq *q, const skb_frag_t *frag, unsigned int i)
{
	dma_addr_t dma = skb_frag_dma_map(q->dev, frag, 0, skb_frag_size(frag), DMA_TO_DEVICE);

	if (dma == NULL) // expect: dma-mapping-error-compare
		return -ENOMEM;
	q->slots[i].dma = dma;
	return 0;
}

static int rxq_map_doorbell(struct rxq *q, phys_addr_t db, unsigned int i)
{
	dma_addr_t dma;

	if (i >= q->size)
		return -EINVAL;
	dma = dma_map_resource(q->dev, db, 4, DMA_BIDIRECTIONAL, 0);
	if (unlikely(!dma)) // expect: dma-mapping-error-compare
		return -ENOMEM;
	q->slots[i].dma = dma;
	return 0;
}
