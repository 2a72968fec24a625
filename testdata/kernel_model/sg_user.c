// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-model coverage input: a scatterlist user (a platform DMA engine
 * that takes a list of buffers), with a sg_table path and a bare
 * scatterlist path.
 *
 * Shapes: sg_alloc_table/sg_free_table, sg_init_table, sg_set_buf,
 * sg_set_page, for_each_sg, dma_map_sg/dma_unmap_sg with the original
 * nents, sg_dma_address/sg_dma_len over the mapped count,
 * dma_map_sgtable/dma_unmap_sgtable, for_each_sgtable_dma_sg,
 * dma_sync_sgtable_for_cpu, dma_sync_sg_for_device, sg_phys/sg_virt/
 * sg_next, dma_alloc_noncoherent and dma_alloc_pages, the platform driver
 * plumbing (of_device_id, devm_platform_ioremap_resource, platform_get_irq,
 * devm_request_irq, module_platform_driver), and the DMA engine client API.
 *
 * The driver is meant to be correct. It must parse against the built-in
 * model with zero errors, zero unresolved headers and zero implicit
 * declarations: testdata/kernel_model/parse-check.sh -s <this file>.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/scatterlist.h>
#include <linux/highmem.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/iopoll.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/err.h>
#include <linux/kernel.h>

#define SGE_REG_CTRL 0x00
#define SGE_REG_STATUS 0x04
#define SGE_REG_LIST_LO 0x08
#define SGE_REG_LIST_HI 0x0c
#define SGE_STATUS_DONE BIT(0)
#define SGE_MAX_SEGS 32

struct sge_hw_desc {
	__le64 addr;
	__le32 len;
	__le32 last;
};

struct sge_dev {
	struct device *dev;
	void __iomem *regs;
	int irq;
	struct sge_hw_desc *list;	/* dma_alloc_noncoherent */
	dma_addr_t list_dma;
	struct page *pages;		/* dma_alloc_pages */
	dma_addr_t pages_dma;
	struct dma_chan *chan;		/* optional dmaengine channel */
};

static void sge_fill_list(struct sge_dev *sd, struct scatterlist *sgl, int count)
{
	struct scatterlist *sg;
	int i;

	for_each_sg(sgl, sg, count, i) {
		sd->list[i].addr = cpu_to_le64(sg_dma_address(sg));
		sd->list[i].len = cpu_to_le32(sg_dma_len(sg));
		sd->list[i].last = cpu_to_le32(sg_is_last(sg) ? 1 : 0);
	}
	dma_sync_single_for_device(sd->dev, sd->list_dma,
				   SGE_MAX_SEGS * sizeof(struct sge_hw_desc), DMA_TO_DEVICE);
}

static int sge_run(struct sge_dev *sd)
{
	u32 st;

	writel(lower_32_bits(sd->list_dma), sd->regs + SGE_REG_LIST_LO);
	writel(upper_32_bits(sd->list_dma), sd->regs + SGE_REG_LIST_HI);
	writel(1, sd->regs + SGE_REG_CTRL);
	return readl_poll_timeout(sd->regs + SGE_REG_STATUS, st, st & SGE_STATUS_DONE, 10, 100000);
}

/* Bare scatterlist: two kmalloc'ed buffers and one page, sent to the device. */
static int sge_send_buffers(struct sge_dev *sd, void *a, size_t alen, void *b, size_t blen)
{
	struct scatterlist sgl[3];
	int nents = ARRAY_SIZE(sgl), count, ret;

	sg_init_table(sgl, nents);
	sg_set_buf(&sgl[0], a, alen);
	sg_set_buf(&sgl[1], b, blen);
	sg_set_page(&sgl[2], sd->pages, PAGE_SIZE, 0);

	count = dma_map_sg(sd->dev, sgl, nents, DMA_TO_DEVICE);
	if (!count)
		return -ENOMEM;
	sge_fill_list(sd, sgl, count);
	ret = sge_run(sd);
	/* Unmap with the nents passed to dma_map_sg, not the mapped count. */
	dma_unmap_sg(sd->dev, sgl, nents, DMA_TO_DEVICE);
	return ret;
}

/* sg_table: a vmalloc'ed area split page by page, read back from the device. */
static int sge_receive_vmalloc(struct sge_dev *sd, size_t len)
{
	unsigned int npages = DIV_ROUND_UP(len, PAGE_SIZE), i;
	struct sg_table sgt;
	struct scatterlist *sg;
	void *buf;
	int ret;

	buf = vzalloc(len);
	if (!buf)
		return -ENOMEM;
	ret = sg_alloc_table(&sgt, npages, GFP_KERNEL);
	if (ret)
		goto out_free;
	for_each_sgtable_sg(&sgt, sg, i)
		sg_set_page(sg, vmalloc_to_page(buf + i * PAGE_SIZE),
			    min_t(size_t, PAGE_SIZE, len - i * PAGE_SIZE), 0);

	ret = dma_map_sgtable(sd->dev, &sgt, DMA_FROM_DEVICE, 0);
	if (ret)
		goto out_table;
	for_each_sgtable_dma_sg(&sgt, sg, i)
		dev_dbg(sd->dev, "seg %u: %pad + %u (phys %pa)\n", i, &sg_dma_address(sg),
			sg_dma_len(sg), &(phys_addr_t){ sg_phys(sg) });
	sge_fill_list(sd, sgt.sgl, sgt.nents);
	ret = sge_run(sd);
	dma_sync_sgtable_for_cpu(sd->dev, &sgt, DMA_FROM_DEVICE);
	if (!ret && sg_virt(sgt.sgl) == NULL)
		ret = -EIO;
	dma_unmap_sgtable(sd->dev, &sgt, DMA_FROM_DEVICE, 0);
out_table:
	sg_free_table(&sgt);
out_free:
	vfree(buf);
	return ret;
}

/* The same transfer handed to a DMA engine channel instead. */
static int sge_engine_copy(struct sge_dev *sd, struct scatterlist *sgl, unsigned int nents)
{
	struct dma_async_tx_descriptor *desc;
	dma_cookie_t cookie;
	int count;

	count = dma_map_sg(dmaengine_get_dma_device(sd->chan), sgl, nents, DMA_TO_DEVICE);
	if (!count)
		return -ENOMEM;
	desc = dmaengine_prep_slave_sg(sd->chan, sgl, count, DMA_MEM_TO_DEV,
				       DMA_PREP_INTERRUPT | DMA_CTRL_ACK);
	if (!desc) {
		dma_unmap_sg(dmaengine_get_dma_device(sd->chan), sgl, nents, DMA_TO_DEVICE);
		return -EIO;
	}
	cookie = dmaengine_submit(desc);
	if (dma_submit_error(cookie)) {
		dma_unmap_sg(dmaengine_get_dma_device(sd->chan), sgl, nents, DMA_TO_DEVICE);
		return -EIO;
	}
	dma_async_issue_pending(sd->chan);
	dma_sync_wait(sd->chan, cookie);
	dma_sync_sg_for_cpu(dmaengine_get_dma_device(sd->chan), sgl, nents, DMA_TO_DEVICE);
	dma_unmap_sg(dmaengine_get_dma_device(sd->chan), sgl, nents, DMA_TO_DEVICE);
	return 0;
}

static irqreturn_t sge_irq(int irq, void *data)
{
	struct sge_dev *sd = data;

	writel(0, sd->regs + SGE_REG_STATUS);
	return IRQ_HANDLED;
}

static int sge_probe(struct platform_device *pdev)
{
	struct sge_dev *sd;
	struct scatterlist one;
	u8 *hdr;
	int ret;

	sd = devm_kzalloc(&pdev->dev, sizeof(*sd), GFP_KERNEL);
	if (!sd)
		return -ENOMEM;
	sd->dev = &pdev->dev;
	sd->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(sd->regs))
		return PTR_ERR(sd->regs);
	sd->irq = platform_get_irq(pdev, 0);
	if (sd->irq < 0)
		return sd->irq;
	ret = devm_request_irq(&pdev->dev, sd->irq, sge_irq, 0, dev_name(&pdev->dev), sd);
	if (ret)
		return ret;
	ret = dma_coerce_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (ret)
		return ret;

	sd->list = dma_alloc_noncoherent(&pdev->dev, SGE_MAX_SEGS * sizeof(*sd->list),
					 &sd->list_dma, DMA_TO_DEVICE, GFP_KERNEL);
	if (!sd->list)
		return -ENOMEM;
	sd->pages = dma_alloc_pages(&pdev->dev, PAGE_SIZE, &sd->pages_dma,
				    DMA_BIDIRECTIONAL, GFP_KERNEL);
	if (!sd->pages) {
		ret = -ENOMEM;
		goto err_list;
	}
	platform_set_drvdata(pdev, sd);

	hdr = kzalloc(64, GFP_KERNEL);
	if (!hdr) {
		ret = -ENOMEM;
		goto err_pages;
	}
	ret = sge_send_buffers(sd, hdr, 64, hdr, 32);
	if (!ret)
		ret = sge_receive_vmalloc(sd, 3 * PAGE_SIZE + 100);

	sd->chan = dma_request_chan(&pdev->dev, "tx");
	if (!IS_ERR(sd->chan)) {
		sg_init_one(&one, hdr, 64);
		if (!ret)
			ret = sge_engine_copy(sd, &one, 1);
		dma_release_channel(sd->chan);
	}
	sd->chan = NULL;
	kfree(hdr);
	if (ret)
		goto err_pages;
	dev_info(&pdev->dev, "list at %pad\n", &sd->list_dma);
	return 0;

err_pages:
	dma_free_pages(&pdev->dev, PAGE_SIZE, sd->pages, sd->pages_dma, DMA_BIDIRECTIONAL);
err_list:
	dma_free_noncoherent(&pdev->dev, SGE_MAX_SEGS * sizeof(*sd->list), sd->list,
			     sd->list_dma, DMA_TO_DEVICE);
	return ret;
}

static void sge_remove(struct platform_device *pdev)
{
	struct sge_dev *sd = platform_get_drvdata(pdev);

	dma_free_pages(&pdev->dev, PAGE_SIZE, sd->pages, sd->pages_dma, DMA_BIDIRECTIONAL);
	dma_free_noncoherent(&pdev->dev, SGE_MAX_SEGS * sizeof(*sd->list), sd->list,
			     sd->list_dma, DMA_TO_DEVICE);
}

static const struct of_device_id sge_of_match[] = {
	{ .compatible = "dmacheck,sg-engine" },
	{ }
};
MODULE_DEVICE_TABLE(of, sge_of_match);

static struct platform_driver sge_driver = {
	.probe = sge_probe,
	.remove = sge_remove,
	.driver = {
		.name = "sg-engine",
		.of_match_table = sge_of_match,
	},
};
module_platform_driver(sge_driver);

MODULE_DESCRIPTION("kernel-model coverage: scatterlist and sg_table user");
MODULE_LICENSE("GPL");
