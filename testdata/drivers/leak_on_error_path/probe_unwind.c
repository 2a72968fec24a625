// dma-leak-on-error-path: probe functions with goto unwind ladders.
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/slab.h>

struct adapter {
	struct pci_dev *pdev;
	void *ring;
	dma_addr_t ring_dma;
	void *status;
	dma_addr_t status_dma;
	struct dma_pool *pool;
};

static irqreturn_t adapter_irq(int irq, void *data)
{
	return IRQ_HANDLED;
}

int adapter_setup_hw(struct adapter *ad);

/* Good: every error path unwinds what was allocated before it. */
static int adapter_init_rings(struct pci_dev *pdev)
{
	void *ring, *status;
	dma_addr_t ring_dma, status_dma;
	int err;

	ring = dma_alloc_coherent(&pdev->dev, 4096, &ring_dma, GFP_KERNEL);
	if (!ring)
		return -ENOMEM; // no-finding: dma-leak-on-error-path
	status = dma_alloc_coherent(&pdev->dev, 64, &status_dma, GFP_KERNEL);
	if (!status) {
		err = -ENOMEM;
		goto err_free_ring;
	}
	err = request_irq(pdev->irq, adapter_irq, 0, "adapter", pdev);
	if (err)
		goto err_free_status;
	return 0;

err_free_status:
	dma_free_coherent(&pdev->dev, 64, status, status_dma);
err_free_ring:
	dma_free_coherent(&pdev->dev, 4096, ring, ring_dma);
	return err; // no-finding: dma-leak-on-error-path
}

/* Bad: the irq failure jumps past the status buffer's free. */
static int adapter_init_rings_buggy(struct pci_dev *pdev)
{
	void *ring, *status;
	dma_addr_t ring_dma, status_dma;
	int err;

	ring = dma_alloc_coherent(&pdev->dev, 4096, &ring_dma, GFP_KERNEL);
	if (!ring)
		return -ENOMEM;
	status = dma_alloc_coherent(&pdev->dev, 64, &status_dma, GFP_KERNEL);
	if (!status) {
		err = -ENOMEM;
		goto err_free_ring;
	}
	err = request_irq(pdev->irq, adapter_irq, 0, "adapter", pdev);
	if (err)
		goto err_free_ring;
	return 0;

err_free_ring:
	dma_free_coherent(&pdev->dev, 4096, ring, ring_dma);
	return err; // expect: dma-leak-on-error-path
}

/* Bad: a streaming mapping leaked when the hardware set-up fails. */
static int adapter_send_cmd(struct adapter *ad, void *cmd, size_t len)
{
	dma_addr_t dma;

	dma = dma_map_single(&ad->pdev->dev, cmd, len, DMA_TO_DEVICE);
	if (dma_mapping_error(&ad->pdev->dev, dma))
		return -ENOMEM; // no-finding: dma-leak-on-error-path
	if (adapter_setup_hw(ad))
		return -EIO; // expect: dma-leak-on-error-path
	dma_unmap_single(&ad->pdev->dev, dma, len, DMA_TO_DEVICE);
	return 0;
}

/* Good: stored in the adapter, released by remove(). */
static int adapter_alloc_ring(struct adapter *ad)
{
	ad->ring = dma_alloc_coherent(&ad->pdev->dev, 4096, &ad->ring_dma, GFP_KERNEL);
	if (!ad->ring)
		return -ENOMEM;
	if (adapter_setup_hw(ad))
		return -EIO; // no-finding: dma-leak-on-error-path
	return 0;
}

/* Good: managed memory is released by devres. */
static int adapter_alloc_managed(struct adapter *ad)
{
	void *buf;
	dma_addr_t dma;

	buf = dmam_alloc_coherent(&ad->pdev->dev, 4096, &dma, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (adapter_setup_hw(ad))
		return -EIO; // no-finding: dma-leak-on-error-path
	return 0;
}

/* Good: ret is 0 on the success path through the shared exit label. */
static int adapter_selftest(struct adapter *ad, void *buf)
{
	dma_addr_t dma;
	int ret;

	dma = dma_map_single(&ad->pdev->dev, buf, 256, DMA_BIDIRECTIONAL);
	if (dma_mapping_error(&ad->pdev->dev, dma)) {
		ret = -ENOMEM;
		goto out;
	}
	ret = adapter_setup_hw(ad);
	dma_unmap_single(&ad->pdev->dev, dma, 256, DMA_BIDIRECTIONAL);
out:
	return ret; // no-finding: dma-leak-on-error-path
}

/* Bad: a pool buffer leaked on the second failure. */
static int adapter_pool_cmd(struct adapter *ad)
{
	dma_addr_t dma;
	void *cmd;
	int ret;

	cmd = dma_pool_alloc(ad->pool, GFP_KERNEL, &dma);
	if (!cmd)
		return -ENOMEM;
	ret = adapter_setup_hw(ad);
	if (ret < 0)
		return ret; // expect: dma-leak-on-error-path
	dma_pool_free(ad->pool, cmd, dma);
	return 0;
}

/* Good: an array of mappings unwound by a loop. */
static int adapter_map_bufs(struct device *dev, void **bufs, dma_addr_t *out, int n)
{
	dma_addr_t handles[8];
	int i;

	for (i = 0; i < n; i++) {
		handles[i] = dma_map_single(dev, bufs[i], 2048, DMA_FROM_DEVICE);
		if (dma_mapping_error(dev, handles[i]))
			goto unwind;
	}
	for (i = 0; i < n; i++)
		out[i] = handles[i];
	return 0;

unwind:
	while (--i >= 0)
		dma_unmap_single(dev, handles[i], 2048, DMA_FROM_DEVICE);
	return -ENOMEM; // no-finding: dma-leak-on-error-path
}

/* Good: the map status and the check result go through variables
 * (nvme's dma_map_sgtable, r8169's tx_map). */
static int adapter_map_table(struct device *dev, struct sg_table *sgt)
{
	int rc;

	rc = dma_map_sgtable(dev, sgt, DMA_TO_DEVICE, 0);
	if (rc)
		goto out; // no-finding: dma-leak-on-error-path
	return 0;
out:
	return rc; // no-finding: dma-leak-on-error-path
}

static int adapter_tx_map(struct device *dev, void *addr, u32 len, __le64 *desc)
{
	dma_addr_t mapping;
	int ret;

	mapping = dma_map_single(dev, addr, len, DMA_TO_DEVICE);
	ret = dma_mapping_error(dev, mapping);
	if (unlikely(ret))
		return ret; // no-finding: dma-leak-on-error-path
	*desc = cpu_to_le64(mapping);
	return 0;
}

/* Good: nvme_map_data's shape: an sg table in a struct, unmapped through its address. */
struct iod {
	struct sg_table sgt;
};

int setup_prps(struct adapter *ad);

static int adapter_map_data(struct adapter *ad, struct iod *iod)
{
	int ret = -ENOMEM;
	int rc;

	rc = dma_map_sgtable(&ad->pdev->dev, &iod->sgt, DMA_TO_DEVICE, 0);
	if (rc)
		goto out_free_sg;
	ret = setup_prps(ad);
	if (ret)
		goto out_unmap_sg;
	return 0;

out_unmap_sg:
	dma_unmap_sgtable(&ad->pdev->dev, &iod->sgt, DMA_TO_DEVICE, 0);
out_free_sg:
	return ret; // no-finding: dma-leak-on-error-path
}

/* Bad: the same without the unmap on the second failure. */
static int adapter_map_data_leak(struct adapter *ad, struct iod *iod)
{
	int ret;

	ret = dma_map_sgtable(&ad->pdev->dev, &iod->sgt, DMA_TO_DEVICE, 0);
	if (ret)
		return ret; // no-finding: dma-leak-on-error-path
	ret = setup_prps(ad);
	if (ret)
		return ret; // expect: dma-leak-on-error-path
	return 0;
}
