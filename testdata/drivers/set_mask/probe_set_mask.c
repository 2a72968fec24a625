// dma-unchecked-set-mask: the DMA mask setters' status thrown away.
#include <linux/dma-mapping.h>
#include <linux/module.h>
#include <linux/pci.h>

struct nic {
	struct pci_dev *pdev;
	void __iomem *regs;
	bool dac;
};

/* Since Linux 6.10 the docs say a mask of 32 bits or more never fails and
 * recommend ignoring the result (dma-api-howto.rst): not reported. */
static int nic_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct nic *nic;
	int err;

	err = pci_enable_device(pdev);
	if (err)
		return err;
	pci_set_master(pdev);
	dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64)); // no-finding: dma-unchecked-set-mask

	nic = devm_kzalloc(&pdev->dev, sizeof(*nic), GFP_KERNEL);
	if (!nic) {
		err = -ENOMEM;
		goto err_disable;
	}
	nic->pdev = pdev;
	pci_set_drvdata(pdev, nic);
	return 0;

err_disable:
	pci_disable_device(pdev);
	return err;
}

/* Separate streaming and coherent masks, both ignored: a 40-bit and a
 * 32-bit mask cannot fail; a 28-bit one (QEMU's edu) or a 24-bit one (ISA)
 * can, and so can a mask only known at run time. */
static void nic_legacy_masks(struct pci_dev *pdev, u64 mask)
{
	dma_set_mask(&pdev->dev, DMA_BIT_MASK(40)); // no-finding: dma-unchecked-set-mask
	if (pdev->revision > 2)
		dma_set_coherent_mask(&pdev->dev, DMA_BIT_MASK(32)); // no-finding: dma-unchecked-set-mask
	dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(28)); // expect: dma-unchecked-set-mask
	dma_set_coherent_mask(&pdev->dev, DMA_BIT_MASK(24)); // expect: dma-unchecked-set-mask
	dma_set_mask(&pdev->dev, mask); // expect: dma-unchecked-set-mask
}

/* The right way: fall back to 32 bits, fail the probe if even that fails. */
static int nic_set_masks(struct nic *nic)
{
	struct device *dev = &nic->pdev->dev;
	int err;

	err = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(64)); // no-finding: dma-unchecked-set-mask
	if (!err) {
		nic->dac = true;
		return 0;
	}
	if (dma_set_mask_and_coherent(dev, DMA_BIT_MASK(32))) { // no-finding: dma-unchecked-set-mask
		dev_err(dev, "no usable DMA configuration\n");
		return -EIO;
	}
	return 0;
}

/* A platform whose mask was already validated: discarding is deliberate. */
static void nic_restore_mask(struct device *dev)
{
	(void)dma_set_mask(dev, DMA_BIT_MASK(32)); // no-finding: dma-unchecked-set-mask
}

/* Any use of the status counts: here the WARN_ON() sees it. */
static void nic_resume_mask(struct nic *nic)
{
	WARN_ON(dma_set_mask(&nic->pdev->dev, DMA_BIT_MASK(nic->dac ? 64 : 32))); // no-finding: dma-unchecked-set-mask
}

/* Widen the mask when the firmware allows it; put the old one back on failure. */
static int nic_update_mask(struct nic *nic, unsigned int shift)
{
	struct device *dev = &nic->pdev->dev;
	u64 old_mask = dma_get_mask(dev), old_cmask;
	int err;

	old_cmask = dev->coherent_dma_mask;
	err = dma_set_mask(dev, DMA_BIT_MASK(32 + shift));
	if (err)
		goto err_out;
	err = dma_set_coherent_mask(dev, DMA_BIT_MASK(32 + shift));
	if (err)
		goto err_out;
	return 0;

err_out:
	dma_set_mask(dev, old_mask); // no-finding: dma-unchecked-set-mask
	dma_set_coherent_mask(dev, old_cmask); // no-finding: dma-unchecked-set-mask
	return err;
}

static int nic_coerce(struct device *dev)
{
	return dma_coerce_mask_and_coherent(dev, DMA_BIT_MASK(32)); // no-finding: dma-unchecked-set-mask
}

static void nic_remove(struct pci_dev *pdev)
{
	pci_disable_device(pdev);
}

static const struct pci_device_id nic_ids[] = {
	{ PCI_DEVICE(0x8086, 0x1234) },
	{ }
};

static struct pci_driver nic_driver = {
	.name = "nic",
	.id_table = nic_ids,
	.probe = nic_probe,
	.remove = nic_remove,
};
module_pci_driver(nic_driver);
