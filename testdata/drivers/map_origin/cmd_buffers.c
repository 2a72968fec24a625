// dma-map-stack, dma-map-vmalloc, dma-map-iomem: buffers that cannot be
// given to dma_map_single().
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

struct fw_cmd {
	__le32 opcode;
	__le32 arg[7];
};

struct ctrl {
	struct device *dev;
	void __iomem *bar;
	struct fw_cmd *cmd;
	u8 *fw_image;
};

static int ctrl_send(struct ctrl *c, const struct fw_cmd *cmd);

/* Bad: the command lives on the stack. */
static int ctrl_reset(struct ctrl *c)
{
	struct fw_cmd cmd = { .opcode = cpu_to_le32(1) };
	u8 status[64];
	dma_addr_t dma, st;

	dma = dma_map_single(c->dev, &cmd, sizeof(cmd), DMA_TO_DEVICE); // expect: dma-map-stack
	if (dma_mapping_error(c->dev, dma))
		return -ENOMEM;
	st = dma_map_single(c->dev, status, sizeof(status), DMA_FROM_DEVICE); // expect: dma-map-stack
	if (dma_mapping_error(c->dev, st)) {
		dma_unmap_single(c->dev, dma, sizeof(cmd), DMA_TO_DEVICE);
		return -ENOMEM;
	}
	dma_unmap_single(c->dev, st, sizeof(status), DMA_FROM_DEVICE);
	dma_unmap_single(c->dev, dma, sizeof(cmd), DMA_TO_DEVICE);
	return 0;
}

static int ctrl_poke(struct ctrl *c)
{
	struct fw_cmd cmd;
	dma_addr_t dma;

	cmd.opcode = cpu_to_le32(2);
	dma = dma_map_single(c->dev, &cmd.arg[0], sizeof(cmd.arg), DMA_TO_DEVICE); // expect: dma-map-stack
	if (dma_mapping_error(c->dev, dma))
		return -ENOMEM;
	dma_unmap_single(c->dev, dma, sizeof(cmd.arg), DMA_TO_DEVICE);
	return 0;
}

/* Good: a static buffer is not on the stack; heap memory is fine. */
static int ctrl_ping(struct ctrl *c)
{
	static struct fw_cmd ping;
	struct fw_cmd *cmd;
	dma_addr_t dma, dma2;

	dma = dma_map_single(c->dev, &ping, sizeof(ping), DMA_TO_DEVICE); // no-finding: dma-map-stack
	if (dma_mapping_error(c->dev, dma))
		return -ENOMEM;
	cmd = kzalloc(sizeof(*cmd), GFP_KERNEL);
	if (!cmd) {
		dma_unmap_single(c->dev, dma, sizeof(ping), DMA_TO_DEVICE);
		return -ENOMEM;
	}
	dma2 = dma_map_single(c->dev, cmd, sizeof(*cmd), DMA_TO_DEVICE); // no-finding: dma-map-stack, dma-map-vmalloc
	if (dma_mapping_error(c->dev, dma2)) {
		kfree(cmd);
		dma_unmap_single(c->dev, dma, sizeof(ping), DMA_TO_DEVICE);
		return -ENOMEM;
	}
	dma_unmap_single(c->dev, dma2, sizeof(*cmd), DMA_TO_DEVICE);
	/* A field of heap memory reached through a local pointer is not stack. */
	dma2 = dma_map_single(c->dev, &cmd->arg[1], sizeof(cmd->arg[1]), DMA_TO_DEVICE); // no-finding: dma-map-stack
	if (!dma_mapping_error(c->dev, dma2))
		dma_unmap_single(c->dev, dma2, sizeof(cmd->arg[1]), DMA_TO_DEVICE);
	kfree(cmd);
	dma_unmap_single(c->dev, dma, sizeof(ping), DMA_TO_DEVICE);
	return 0;
}

/* Bad: a firmware image in vmalloc memory is not physically contiguous. */
static int ctrl_load_fw(struct ctrl *c, const u8 *data, size_t size)
{
	u8 *image = vmalloc(size);
	dma_addr_t dma;

	if (!image)
		return -ENOMEM;
	memcpy(image, data, size);
	dma = dma_map_single(c->dev, image, size, DMA_TO_DEVICE); // expect: dma-map-vmalloc
	if (dma_mapping_error(c->dev, dma)) {
		vfree(image);
		return -ENOMEM;
	}
	dma_unmap_single(c->dev, dma, size, DMA_TO_DEVICE);
	vfree(image);
	return 0;
}

static int ctrl_load_fw_page(struct ctrl *c, size_t size)
{
	void *image = kvmalloc(size, GFP_KERNEL);
	dma_addr_t dma;

	if (!image)
		return -ENOMEM;
	dma = dma_map_page(c->dev, virt_to_page(image), 0, PAGE_SIZE, DMA_TO_DEVICE); // expect: dma-map-vmalloc
	if (dma_mapping_error(c->dev, dma)) {
		kvfree(image);
		return -ENOMEM;
	}
	dma_unmap_page(c->dev, dma, PAGE_SIZE, DMA_TO_DEVICE);
	kvfree(image);
	return 0;
}

/* Bad: a peer device's MMIO must go through dma_map_resource(). */
static int ctrl_map_doorbell(struct ctrl *c, struct pci_dev *peer)
{
	void __iomem *db = pci_iomap(peer, 2, 0);
	dma_addr_t dma;

	if (!db)
		return -ENOMEM;
	dma = dma_map_single(c->dev, (void __force *)db, 4096, DMA_BIDIRECTIONAL); // expect: dma-map-iomem
	if (dma_mapping_error(c->dev, dma)) {
		pci_iounmap(peer, db);
		return -ENOMEM;
	}
	dma_unmap_single(c->dev, dma, 4096, DMA_BIDIRECTIONAL);
	pci_iounmap(peer, db);
	return 0;
}

/* Good: the peer's BAR by physical address. */
static int ctrl_map_doorbell_ok(struct ctrl *c, struct pci_dev *peer)
{
	dma_addr_t dma = dma_map_resource(c->dev, pci_resource_start(peer, 2), 4096, // no-finding: dma-map-iomem
					  DMA_BIDIRECTIONAL, 0);

	if (dma_mapping_error(c->dev, dma))
		return -ENOMEM;
	dma_unmap_resource(c->dev, dma, 4096, DMA_BIDIRECTIONAL, 0);
	return 0;
}
