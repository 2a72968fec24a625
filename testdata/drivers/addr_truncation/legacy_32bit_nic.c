// dma-addr-truncation: a device limited to 32-bit DMA (as pcnet32, tulip and
// bttv are). With every mask in the file at 32 bits the DMA API never returns
// an address above 4 GiB, so writing the handle to a 32-bit register loses
// nothing: no findings in this file.
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/pci.h>

#define OLDNIC_DMA_MASK 0xffffffff
#define CSR_RX_BASE 0x18
#define CSR_TX_BASE 0x20

struct oldnic_desc {
	__le32 status;
	__le32 length;
	__le32 buffer;
	__le32 next;
};

struct oldnic {
	struct pci_dev *pdev;
	void __iomem *csr;
	struct oldnic_desc *rx_ring;
	dma_addr_t rx_ring_dma;
	struct oldnic_desc *tx_ring;
	dma_addr_t tx_ring_dma;
};

static void oldnic_start(struct oldnic *np)
{
	writel(np->rx_ring_dma, np->csr + CSR_RX_BASE); // no-finding: dma-addr-truncation
	writel(np->tx_ring_dma, np->csr + CSR_TX_BASE); // no-finding: dma-addr-truncation
}

static int oldnic_rx_fill(struct oldnic *np, unsigned int i, void *buf, size_t len)
{
	dma_addr_t mapping = dma_map_single(&np->pdev->dev, buf, len, DMA_FROM_DEVICE);

	if (dma_mapping_error(&np->pdev->dev, mapping))
		return -ENOMEM;
	np->rx_ring[i].buffer = cpu_to_le32(mapping); // no-finding: dma-addr-truncation
	np->rx_ring[i].length = cpu_to_le32(len);
	return 0;
}

static int oldnic_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err = dma_set_mask(&pdev->dev, OLDNIC_DMA_MASK);

	if (err)
		return err;
	return dma_set_coherent_mask(&pdev->dev, DMA_BIT_MASK(32));
}
