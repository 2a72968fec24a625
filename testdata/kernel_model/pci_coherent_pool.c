// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-model coverage input: a PCI device driven through coherent memory
 * and a DMA pool (an "edu"-like command engine).
 *
 * Shapes: dma_alloc_coherent/dma_free_coherent for a command queue,
 * dmam_alloc_coherent for a managed status page, dma_pool_create/
 * dma_pool_zalloc/dma_pool_free/dma_pool_destroy for per-command
 * descriptors, dma_alloc_attrs with DMA_ATTR_NO_WARN, a streaming page
 * (dma_map_page) synced with dma_sync_single_for_cpu/_for_device, a
 * completion waited with a timeout, a mutex, a misc device whose mmap
 * hands out the coherent buffer with dma_mmap_coherent.
 *
 * The driver is meant to be correct. It must parse against the built-in
 * model with zero errors, zero unresolved headers and zero implicit
 * declarations: testdata/kernel_model/parse-check.sh -s <this file>.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/interrupt.h>
#include <linux/completion.h>
#include <linux/mutex.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define EDU_BAR 0
#define EDU_REG_STATUS 0x20
#define EDU_REG_IRQ_STATUS 0x24
#define EDU_REG_IRQ_ACK 0x64
#define EDU_REG_DMA_SRC 0x80
#define EDU_REG_DMA_DST 0x88
#define EDU_REG_DMA_CNT 0x90
#define EDU_REG_DMA_CMD 0x98
#define EDU_DMA_START BIT(0)
#define EDU_DMA_TO_RAM BIT(1)
#define EDU_DMA_IRQ BIT(2)
#define EDU_DEV_BUF 0x40000
#define EDU_QUEUE_LEN 64
#define EDU_XFER_MAX 2048

struct edu_cmd {
	__le64 src;
	__le64 dst;
	__le32 len;
	__le32 flags;
};

struct edu_dev {
	struct pci_dev *pdev;
	void __iomem *bar;
	struct mutex lock;
	struct completion done;
	struct miscdevice misc;

	struct edu_cmd *queue;		/* coherent */
	dma_addr_t queue_dma;
	u32 *status;			/* managed coherent */
	dma_addr_t status_dma;
	void *scratch;			/* dma_alloc_attrs */
	dma_addr_t scratch_dma;
	struct dma_pool *cmd_pool;
	struct page *bounce;		/* streaming */
	dma_addr_t bounce_dma;
};

static irqreturn_t edu_irq(int irq, void *data)
{
	struct edu_dev *edu = data;
	u32 st = ioread32(edu->bar + EDU_REG_IRQ_STATUS);

	if (!st)
		return IRQ_NONE;
	iowrite32(st, edu->bar + EDU_REG_IRQ_ACK);
	complete(&edu->done);
	return IRQ_HANDLED;
}

/* One device-to-RAM transfer into the bounce page, through a pool descriptor. */
static int edu_read_block(struct edu_dev *edu, void *out, size_t len)
{
	struct device *dev = &edu->pdev->dev;
	struct edu_cmd *cmd;
	dma_addr_t cmd_dma;
	unsigned long left;
	int ret = 0;

	if (len > EDU_XFER_MAX)
		return -EINVAL;
	cmd = dma_pool_zalloc(edu->cmd_pool, GFP_KERNEL, &cmd_dma);
	if (!cmd)
		return -ENOMEM;
	cmd->src = cpu_to_le64(EDU_DEV_BUF);
	cmd->dst = cpu_to_le64(edu->bounce_dma);
	cmd->len = cpu_to_le32(len);

	mutex_lock(&edu->lock);
	reinit_completion(&edu->done);
	dma_sync_single_for_device(dev, edu->bounce_dma, len, DMA_FROM_DEVICE);
	lo_hi_writeq(EDU_DEV_BUF, edu->bar + EDU_REG_DMA_SRC);
	lo_hi_writeq(edu->bounce_dma, edu->bar + EDU_REG_DMA_DST);
	lo_hi_writeq(len, edu->bar + EDU_REG_DMA_CNT);
	writeq(EDU_DMA_START | EDU_DMA_TO_RAM | EDU_DMA_IRQ, edu->bar + EDU_REG_DMA_CMD);
	left = wait_for_completion_timeout(&edu->done, msecs_to_jiffies(1000));
	if (!left) {
		dev_err(dev, "DMA timeout, cmd at %pad (%llx)\n", &cmd_dma,
			(unsigned long long)cmd_dma);
		ret = -ETIMEDOUT;
	} else {
		dma_sync_single_for_cpu(dev, edu->bounce_dma, len, DMA_FROM_DEVICE);
		memcpy(out, page_address(edu->bounce), len);
	}
	mutex_unlock(&edu->lock);
	dma_pool_free(edu->cmd_pool, cmd, cmd_dma);
	return ret;
}

static ssize_t edu_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct edu_dev *edu = container_of(file->private_data, struct edu_dev, misc);
	size_t len = min_t(size_t, count, EDU_XFER_MAX);
	void *tmp;
	int ret;

	tmp = kzalloc(len, GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;
	ret = edu_read_block(edu, tmp, len);
	if (!ret && copy_to_user(buf, tmp, len))
		ret = -EFAULT;
	kfree(tmp);
	return ret ? ret : len;
}

static int edu_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct edu_dev *edu = container_of(file->private_data, struct edu_dev, misc);
	size_t size = vma->vm_end - vma->vm_start;

	if (size > EDU_QUEUE_LEN * sizeof(struct edu_cmd))
		return -EINVAL;
	return dma_mmap_coherent(&edu->pdev->dev, vma, edu->queue, edu->queue_dma, size);
}

static const struct file_operations edu_fops = {
	.owner = THIS_MODULE,
	.read = edu_read,
	.mmap = edu_mmap,
	.llseek = noop_llseek,
};

static int edu_alloc_dma(struct edu_dev *edu)
{
	struct device *dev = &edu->pdev->dev;

	edu->queue = dma_alloc_coherent(dev, EDU_QUEUE_LEN * sizeof(struct edu_cmd),
					&edu->queue_dma, GFP_KERNEL);
	if (!edu->queue)
		return -ENOMEM;
	edu->status = dmam_alloc_coherent(dev, PAGE_SIZE, &edu->status_dma, GFP_KERNEL);
	if (!edu->status)
		goto err_queue;
	edu->scratch = dma_alloc_attrs(dev, SZ_4K, &edu->scratch_dma, GFP_KERNEL,
				       DMA_ATTR_NO_WARN);
	if (!edu->scratch)
		goto err_queue;
	edu->cmd_pool = dma_pool_create("edu-cmd", dev, sizeof(struct edu_cmd), 16, 0);
	if (!edu->cmd_pool)
		goto err_scratch;
	edu->bounce = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!edu->bounce)
		goto err_pool;
	edu->bounce_dma = dma_map_page(dev, edu->bounce, 0, PAGE_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, edu->bounce_dma))
		goto err_page;
	return 0;

err_page:
	__free_page(edu->bounce);
err_pool:
	dma_pool_destroy(edu->cmd_pool);
err_scratch:
	dma_free_attrs(dev, SZ_4K, edu->scratch, edu->scratch_dma, DMA_ATTR_NO_WARN);
err_queue:
	dma_free_coherent(dev, EDU_QUEUE_LEN * sizeof(struct edu_cmd), edu->queue,
			  edu->queue_dma);
	return -ENOMEM;
}

static void edu_free_dma(struct edu_dev *edu)
{
	struct device *dev = &edu->pdev->dev;

	dma_unmap_page(dev, edu->bounce_dma, PAGE_SIZE, DMA_FROM_DEVICE);
	__free_page(edu->bounce);
	dma_pool_destroy(edu->cmd_pool);
	dma_free_attrs(dev, SZ_4K, edu->scratch, edu->scratch_dma, DMA_ATTR_NO_WARN);
	dma_free_coherent(dev, EDU_QUEUE_LEN * sizeof(struct edu_cmd), edu->queue,
			  edu->queue_dma);
	/* edu->status is devres-managed (dmam_alloc_coherent) */
}

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct edu_dev *edu;
	int ret;

	edu = devm_kzalloc(&pdev->dev, sizeof(*edu), GFP_KERNEL);
	if (!edu)
		return -ENOMEM;
	edu->pdev = pdev;
	mutex_init(&edu->lock);
	init_completion(&edu->done);

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ret = pcim_iomap_regions(pdev, BIT(EDU_BAR), KBUILD_MODNAME);
	if (ret)
		return ret;
	edu->bar = pcim_iomap_table(pdev)[EDU_BAR];
	/* QEMU's edu decodes 28 address bits. */
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(28));
	if (ret)
		return dev_err_probe(&pdev->dev, ret, "28-bit DMA not supported\n");
	pci_set_master(pdev);

	ret = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_ALL_TYPES);
	if (ret < 0)
		return ret;
	ret = request_irq(pci_irq_vector(pdev, 0), edu_irq, IRQF_SHARED, KBUILD_MODNAME, edu);
	if (ret)
		goto err_vectors;
	ret = edu_alloc_dma(edu);
	if (ret)
		goto err_irq;

	edu->misc.minor = MISC_DYNAMIC_MINOR;
	edu->misc.name = "edu";
	edu->misc.fops = &edu_fops;
	edu->misc.parent = &pdev->dev;
	ret = misc_register(&edu->misc);
	if (ret)
		goto err_dma;
	pci_set_drvdata(pdev, edu);
	dev_info(&pdev->dev, "queue at %pad, status at %pad\n", &edu->queue_dma,
		 &edu->status_dma);
	return 0;

err_dma:
	edu_free_dma(edu);
err_irq:
	free_irq(pci_irq_vector(pdev, 0), edu);
err_vectors:
	pci_free_irq_vectors(pdev);
	return ret;
}

static void edu_remove(struct pci_dev *pdev)
{
	struct edu_dev *edu = pci_get_drvdata(pdev);

	misc_deregister(&edu->misc);
	free_irq(pci_irq_vector(pdev, 0), edu);
	pci_free_irq_vectors(pdev);
	edu_free_dma(edu);
}

static const struct pci_device_id edu_ids[] = {
	{ PCI_DEVICE(0x1234, 0x11e8) },
	{ }
};
MODULE_DEVICE_TABLE(pci, edu_ids);

static struct pci_driver edu_driver = {
	.name = "edu",
	.id_table = edu_ids,
	.probe = edu_probe,
	.remove = edu_remove,
};

static int __init edu_init(void)
{
	return pci_register_driver(&edu_driver);
}

static void __exit edu_exit(void)
{
	pci_unregister_driver(&edu_driver);
}

module_init(edu_init);
module_exit(edu_exit);
MODULE_DESCRIPTION("kernel-model coverage: coherent memory and DMA pool");
MODULE_LICENSE("GPL");
