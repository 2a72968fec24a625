// dma-free-irqs-disabled, dma-alloc-atomic-gfp: coherent memory freed or
// allocated (with a sleeping GFP) where the driver cannot sleep.
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/interrupt.h>
#include <linux/pci.h>
#include <linux/spinlock.h>

#define RING_BYTES 8192

struct adapter {
	struct device *dev;
	spinlock_t lock;
	struct dma_pool *pool;
	void *ring;
	dma_addr_t ring_dma;
	void *bounce;
	dma_addr_t bounce_dma;
	void *cmd;
	dma_addr_t cmd_dma;
	bool ring_stale;
};

/* Bad: the free may vunmap and sleep, and IRQs are off. */
static void adapter_reset_ring(struct adapter *ad)
{
	unsigned long flags;

	spin_lock_irqsave(&ad->lock, flags);
	if (ad->ring_stale) {
		dma_free_coherent(ad->dev, RING_BYTES, ad->ring, ad->ring_dma); // expect: dma-free-irqs-disabled
		ad->ring = NULL;
	}
	spin_unlock_irqrestore(&ad->lock, flags);
}

/* Good: detach under the lock, free after dropping it. */
static void adapter_reset_ring_ok(struct adapter *ad)
{
	unsigned long flags;
	void *ring;
	dma_addr_t ring_dma;

	spin_lock_irqsave(&ad->lock, flags);
	ring = ad->ring;
	ring_dma = ad->ring_dma;
	ad->ring = NULL;
	spin_unlock_irqrestore(&ad->lock, flags);
	if (ring)
		dma_free_coherent(ad->dev, RING_BYTES, ring, ring_dma); // no-finding: dma-free-irqs-disabled
}

/* Bad: sleeping allocation under a spinlock. */
static int adapter_grow(struct adapter *ad)
{
	int ret = 0;

	spin_lock(&ad->lock);
	ad->bounce = dma_alloc_coherent(ad->dev, RING_BYTES, &ad->bounce_dma, GFP_KERNEL); // expect: dma-alloc-atomic-gfp
	if (!ad->bounce)
		ret = -ENOMEM;
	spin_unlock(&ad->lock);
	return ret;
}

/* Good: GFP_ATOMIC under the lock; GFP_KERNEL outside. */
static int adapter_grow_ok(struct adapter *ad)
{
	void *cmd;
	dma_addr_t cmd_dma;

	cmd = dma_alloc_coherent(ad->dev, 256, &cmd_dma, GFP_KERNEL); // no-finding: dma-alloc-atomic-gfp
	if (!cmd)
		return -ENOMEM;
	spin_lock_irq(&ad->lock);
	ad->cmd = cmd;
	ad->cmd_dma = cmd_dma;
	ad->bounce = dma_pool_alloc(ad->pool, GFP_ATOMIC, &ad->bounce_dma); // no-finding: dma-alloc-atomic-gfp
	spin_unlock_irq(&ad->lock);
	return ad->bounce ? 0 : -ENOMEM;
}

/* Bad: local_irq_save() regions, and bottom halves off. */
static void adapter_drop_bounce(struct adapter *ad)
{
	unsigned long flags;

	local_irq_save(flags);
	dma_free_coherent(ad->dev, RING_BYTES, ad->bounce, ad->bounce_dma); // expect: dma-free-irqs-disabled
	ad->bounce = NULL;
	local_irq_restore(flags);
}

static int adapter_refill_bh(struct adapter *ad, gfp_t gfp)
{
	spin_lock_bh(&ad->lock);
	ad->cmd = dma_alloc_coherent(ad->dev, 256, &ad->cmd_dma, GFP_NOIO); // expect: dma-alloc-atomic-gfp
	/* The caller's flags: not judged. */
	ad->bounce = dma_alloc_coherent(ad->dev, 256, &ad->bounce_dma, gfp); // no-finding: dma-alloc-atomic-gfp
	spin_unlock_bh(&ad->lock);
	return ad->cmd && ad->bounce ? 0 : -ENOMEM;
}

/* Good: the lock is held on one path only; the free is after the unlock. */
static void adapter_maybe_locked(struct adapter *ad, bool locked)
{
	unsigned long flags = 0;

	if (locked)
		spin_lock_irqsave(&ad->lock, flags);
	if (locked)
		spin_unlock_irqrestore(&ad->lock, flags);
	dma_free_coherent(ad->dev, 256, ad->cmd, ad->cmd_dma); // no-finding: dma-free-irqs-disabled
}

/* A hard-IRQ handler: no sleeping, no coherent frees. */
static irqreturn_t adapter_irq(int irq, void *data)
{
	struct adapter *ad = data;
	void *buf;
	dma_addr_t buf_dma;

	buf = dma_pool_alloc(ad->pool, GFP_KERNEL, &buf_dma); // expect: dma-alloc-atomic-gfp
	if (!buf)
		return IRQ_HANDLED;
	/* dma_pool_free() is allowed in atomic context. */
	dma_pool_free(ad->pool, buf, buf_dma); // no-finding: dma-free-irqs-disabled
	if (ad->ring_stale) {
		dma_free_coherent(ad->dev, RING_BYTES, ad->ring, ad->ring_dma); // expect: dma-free-irqs-disabled
		ad->ring = NULL;
	}
	return IRQ_HANDLED;
}

static irqreturn_t adapter_thread(int irq, void *data)
{
	struct adapter *ad = data;

	/* The threaded half runs in process context. */
	if (ad->ring_stale) {
		dma_free_coherent(ad->dev, RING_BYTES, ad->ring, ad->ring_dma); // no-finding: dma-free-irqs-disabled
		ad->ring = NULL;
	}
	return IRQ_HANDLED;
}

static int adapter_setup_irq(struct pci_dev *pdev, struct adapter *ad)
{
	return request_threaded_irq(pdev->irq, adapter_irq, adapter_thread, IRQF_SHARED, "adapter", ad);
}
