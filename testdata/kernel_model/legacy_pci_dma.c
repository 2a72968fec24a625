// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-model coverage input: an old-style PCI driver written against the
 * DMA APIs the kernel has since removed (pci-dma-compat.h, gone in 5.18;
 * dma_zalloc_coherent, gone in 5.0; DMA_ATTR_NON_CONSISTENT, gone in 5.10;
 * virt_to_bus). The model keeps their last signatures so such code parses
 * and the checker sees the calls by name. This file uses them on purpose;
 * it is not an example to follow.
 *
 * It must parse against the built-in model with zero errors, zero
 * unresolved headers and zero implicit declarations:
 * testdata/kernel_model/parse-check.sh -s <this file>.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <asm/io.h>

struct old_ring {
	void *desc;
	dma_addr_t desc_dma;
	struct sk_buff *skb;
	dma_addr_t skb_dma;
	DECLARE_PCI_UNMAP_ADDR(mapping)
	DECLARE_PCI_UNMAP_LEN(len)
};

static int old_setup(struct pci_dev *pdev, struct old_ring *r)
{
	struct scatterlist sg[2];
	void *blob;
	int n;

	if (pci_set_dma_mask(pdev, DMA_BIT_MASK(32)) ||
	    pci_set_consistent_dma_mask(pdev, DMA_BIT_MASK(32)))
		return -EIO;

	r->desc = pci_alloc_consistent(pdev, 4096, &r->desc_dma);
	if (!r->desc)
		return -ENOMEM;

	r->skb = dev_alloc_skb(1536);
	if (!r->skb)
		goto err_desc;
	r->skb_dma = pci_map_single(pdev, r->skb->data, 1536, PCI_DMA_FROMDEVICE);
	if (pci_dma_mapping_error(pdev, r->skb_dma))
		goto err_skb;
	pci_unmap_addr_set(r, mapping, r->skb_dma);
	pci_unmap_len_set(r, len, 1536);
	pci_dma_sync_single_for_cpu(pdev, r->skb_dma, 64, PCI_DMA_FROMDEVICE);
	pci_dma_sync_single_for_device(pdev, r->skb_dma, 64, PCI_DMA_FROMDEVICE);

	blob = dma_zalloc_coherent(&pdev->dev, 512, &r->desc_dma, GFP_KERNEL);
	if (blob)
		dma_free_coherent(&pdev->dev, 512, blob, r->desc_dma);

	sg_init_table(sg, 2);
	sg_set_buf(&sg[0], r->desc, 128);
	sg_set_buf(&sg[1], r->desc + 128, 128);
	n = pci_map_sg(pdev, sg, 2, PCI_DMA_TODEVICE);
	if (n)
		pci_unmap_sg(pdev, sg, 2, PCI_DMA_TODEVICE);

	writel(virt_to_bus(r->desc), NULL);
	return 0;

err_skb:
	dev_kfree_skb(r->skb);
err_desc:
	pci_free_consistent(pdev, 4096, r->desc, r->desc_dma);
	return -ENOMEM;
}

static void old_teardown(struct pci_dev *pdev, struct old_ring *r)
{
	pci_unmap_single(pdev, pci_unmap_addr(r, mapping), pci_unmap_len(r, len),
			 PCI_DMA_FROMDEVICE);
	dev_kfree_skb(r->skb);
	pci_free_consistent(pdev, 4096, r->desc, r->desc_dma);
}

static int old_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct old_ring *r;
	int err;

	err = pci_enable_device(pdev);
	if (err)
		return err;
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	err = old_setup(pdev, r);
	if (err) {
		kfree(r);
		return err;
	}
	pci_set_drvdata(pdev, r);
	return 0;
}

static void old_remove(struct pci_dev *pdev)
{
	struct old_ring *r = pci_get_drvdata(pdev);

	old_teardown(pdev, r);
	kfree(r);
	pci_disable_device(pdev);
}

static const struct pci_device_id old_ids[] = {
	{ PCI_VENDOR_ID_REALTEK, 0x8139, PCI_ANY_ID, PCI_ANY_ID, 0, 0, 0 },
	{ 0, }
};
MODULE_DEVICE_TABLE(pci, old_ids);

static struct pci_driver old_driver = {
	.name = "old-dma",
	.id_table = old_ids,
	.probe = old_probe,
	.remove = old_remove,
};
module_pci_driver(old_driver);
MODULE_LICENSE("GPL");
