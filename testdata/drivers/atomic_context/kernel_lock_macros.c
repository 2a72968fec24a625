// dma-free-irqs-disabled with the lock macros shaped as in Linux 6.12's
// include/linux/spinlock.h: spin_lock_irqsave(l, f) expands to a call of
// _raw_spin_lock_irqsave(spinlock_check(l)), and spin_unlock_irqrestore is an
// inline function. The region must count once, not twice.
#include <linux/dma-mapping.h>
#include <linux/spinlock.h>

#undef spin_lock_irqsave
unsigned long __raw_spin_lock_irqsave(spinlock_t *lock);
static inline spinlock_t *lock_check(spinlock_t *lock) { return lock; }
#define spin_lock_irqsave(lock, flags)                                 \
	do {                                                           \
		flags = __raw_spin_lock_irqsave(lock_check(lock));     \
	} while (0)
/* spin_unlock_irqrestore: the model's function, as the kernel's inline one. */

struct priv {
	spinlock_t lock;
	void *buf;
	dma_addr_t dma;
	struct device *dev;
};

/* 8139too's close: free after the unlock. */
static void priv_close(struct priv *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->lock, flags);
	p->buf = NULL;
	spin_unlock_irqrestore(&p->lock, flags);
	dma_free_coherent(p->dev, 64, p->buf, p->dma); // no-finding: dma-free-irqs-disabled
}

static void priv_close_locked(struct priv *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->lock, flags);
	dma_free_coherent(p->dev, 64, p->buf, p->dma); // expect: dma-free-irqs-disabled
	spin_unlock_irqrestore(&p->lock, flags);
}
