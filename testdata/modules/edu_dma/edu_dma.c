// SPDX-License-Identifier: GPL-2.0
/*
 * edu_dma: a small driver for QEMU's "edu" PCI device (1234:11e8) that makes
 * the device do real DMA through the DMA API, correctly by default and, behind
 * the "misuse" module parameter, with one known DMA-API misuse.
 *
 * It is test input twice over for dmacheck:
 *  - static: every misuse line ends in an "expect" comment naming the rule
 *    id it must trigger ("expect-trace" for findings only a trace can show);
 *  - dynamic: tracer/lab/run-capture.sh loads it in a guest with an emulated
 *    Intel IOMMU (or swiotlb=force) and captures the dma:/iommu: trace.
 *
 * The edu device (QEMU hw/misc/edu.c, docs/specs/edu.rst), BAR0 registers:
 *   0x00 identification 0x010000ed   0x80 DMA source address
 *   0x88 DMA destination address     0x90 DMA transfer count
 *   0x98 DMA command: bit0 start (cleared by the device when done),
 *        bit1 direction: 0 = RAM -> device buffer (src is a bus address),
 *                        1 = device buffer -> RAM (dst is a bus address),
 *        bit2 raise an interrupt when done (not used: we poll bit0).
 * The device buffer is 4 KiB at device address 0x40000. The device clamps bus
 * addresses to its DMA mask, 28 bits by default. QEMU 7.2 aborts on transfers
 * that end exactly at 0x41000, so transfers here stay at <= 2048 bytes.
 *
 * dma_bits=N (default 28) sets the DMA mask; QEMU must be given the same
 * (-device edu,dma_mask=...). With swiotlb=force and 1 GiB of guest RAM the
 * bounce buffer lies above 256 MiB, so 28 bits makes every streaming map fail
 * (a real "dma_map_page dma_addr=ffffffffffffffff"); the lab uses 32 there.
 *
 * misuse=<name> (one of): none (default), leak, double_unmap, size_mismatch,
 * dir_mismatch, sync_dir, stale_iova, virt_to_phys, sg_nents, sync_sg_nents,
 * wrong_dir. The correct sequence runs
 * first in every case; each step is announced with pr_info("edu_dma: step ...")
 * so it shows in the trace through the printk:console event.
 */
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>

#define EDU_VENDOR 0x1234
#define EDU_DEVICE 0x11e8

#define EDU_REG_ID 0x00
#define EDU_REG_SRC 0x80
#define EDU_REG_DST 0x88
#define EDU_REG_CNT 0x90
#define EDU_REG_CMD 0x98
#define EDU_CMD_START 0x1
#define EDU_CMD_TO_RAM 0x2 /* device buffer -> RAM */

#define EDU_BUF_ADDR 0x40000
#define EDU_XFER 2048

static int dma_bits = 28;
module_param(dma_bits, int, 0444);
MODULE_PARM_DESC(dma_bits, "DMA mask width; must match QEMU's -device edu,dma_mask= (default 28)");

static char *misuse = "none";
module_param(misuse, charp, 0444);
MODULE_PARM_DESC(misuse, "none|leak|double_unmap|size_mismatch|dir_mismatch|sync_dir|stale_iova|virt_to_phys|"
			 "sg_nents|sync_sg_nents|wrong_dir");

struct edu {
	struct pci_dev *pdev;
	void __iomem *bar;
	void *leaked;           /* misuse=leak: buffer whose mapping is never undone */
	dma_addr_t leaked_dma;
};

/* Starts a transfer whose addresses are already programmed and polls until
 * the device clears the start bit (100 ms of virtual time later). */
static int edu_start(struct edu *edu, u32 count, bool to_ram)
{
	int i;

	writeq(count, edu->bar + EDU_REG_CNT);
	writeq(EDU_CMD_START | (to_ram ? EDU_CMD_TO_RAM : 0), edu->bar + EDU_REG_CMD);
	for (i = 0; i < 2000; i++) {
		if (!(readq(edu->bar + EDU_REG_CMD) & EDU_CMD_START))
			return 0;
		usleep_range(1000, 2000);
	}
	dev_err(&edu->pdev->dev, "DMA did not finish\n");
	return -ETIMEDOUT;
}

/* One transfer: src and dst are device-visible addresses (a DMA address on
 * the RAM side, EDU_BUF_ADDR + offset on the device side). */
static int edu_dma(struct edu *edu, u64 src, u64 dst, u32 count, bool to_ram)
{
	writeq(src, edu->bar + EDU_REG_SRC);
	writeq(dst, edu->bar + EDU_REG_DST);
	return edu_start(edu, count, to_ram);
}

static void step(const char *what)
{
	pr_info("edu_dma: step %s\n", what);
}

/* ---- correct use ------------------------------------------------------- */

/* Coherent buffer: RAM -> device, then device -> RAM into its second half. */
static int edu_coherent(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	dma_addr_t handle;
	u8 *buf;
	int ret;

	step("coherent");
	buf = dma_alloc_coherent(dev, 2 * EDU_XFER, &handle, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memset(buf, 0x5a, EDU_XFER);
	memset(buf + EDU_XFER, 0, EDU_XFER);
	ret = edu_dma(edu, handle, EDU_BUF_ADDR, EDU_XFER, false);
	if (!ret)
		ret = edu_dma(edu, EDU_BUF_ADDR, handle + EDU_XFER, EDU_XFER, true);
	if (!ret && memcmp(buf, buf + EDU_XFER, EDU_XFER)) {
		dev_err(dev, "coherent round trip differs\n");
		ret = -EIO;
	}
	dma_free_coherent(dev, 2 * EDU_XFER, buf, handle);
	return ret;
}

/* Streaming: map_single TO_DEVICE to send, map_single FROM_DEVICE to receive. */
static int edu_streaming(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	dma_addr_t out_dma, in_dma;
	u8 *out, *in;
	int ret = -ENOMEM;

	step("streaming");
	out = kmalloc(EDU_XFER, GFP_KERNEL);
	in = kzalloc(EDU_XFER, GFP_KERNEL);
	if (!out || !in)
		goto free;
	memset(out, 0xa5, EDU_XFER);

	out_dma = dma_map_single(dev, out, EDU_XFER, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, out_dma))
		goto free;
	ret = edu_dma(edu, out_dma, EDU_BUF_ADDR, EDU_XFER, false);
	dma_unmap_single(dev, out_dma, EDU_XFER, DMA_TO_DEVICE);
	if (ret)
		goto free;

	in_dma = dma_map_single(dev, in, EDU_XFER, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, in_dma)) {
		ret = -ENOMEM;
		goto free;
	}
	ret = edu_dma(edu, EDU_BUF_ADDR, in_dma, EDU_XFER, true);
	dma_unmap_single(dev, in_dma, EDU_XFER, DMA_FROM_DEVICE);
	if (!ret && memcmp(out, in, EDU_XFER)) {
		dev_err(dev, "streaming round trip differs\n");
		ret = -EIO;
	}
free:
	kfree(in);
	kfree(out);
	return ret;
}

/* Page mapping reused for two receives, with correct syncs in between. */
static int edu_page_sync(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	struct page *page;
	dma_addr_t handle;
	int ret;

	step("page+sync");
	page = alloc_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	handle = dma_map_page(dev, page, 0, EDU_XFER, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, handle)) {
		__free_page(page);
		return -ENOMEM;
	}
	ret = edu_dma(edu, EDU_BUF_ADDR, handle, EDU_XFER, true);
	dma_sync_single_for_cpu(dev, handle, EDU_XFER, DMA_FROM_DEVICE);
	/* ... the CPU looks at the data, then gives the buffer back ... */
	dma_sync_single_for_device(dev, handle, EDU_XFER, DMA_FROM_DEVICE);
	if (!ret)
		ret = edu_dma(edu, EDU_BUF_ADDR, handle, EDU_XFER, true);
	dma_unmap_page(dev, handle, EDU_XFER, DMA_FROM_DEVICE);
	__free_page(page);
	return ret;
}

/* ---- misuses ------------------------------------------------------------ */

/* The handle is kept in the device struct and remove() forgets to unmap it:
 * the mapping is still live when the device is unbound. */
static int edu_leak(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;

	step("misuse leak");
	edu->leaked = kmalloc(EDU_XFER, GFP_KERNEL);
	if (!edu->leaked)
		return -ENOMEM;
	memset(edu->leaked, 0x11, EDU_XFER);
	edu->leaked_dma = dma_map_single(dev, edu->leaked, EDU_XFER, DMA_TO_DEVICE); // expect-trace: dma-leak
	if (dma_mapping_error(dev, edu->leaked_dma)) {
		kfree(edu->leaked);
		edu->leaked = NULL;
		return -ENOMEM;
	}
	return edu_dma(edu, edu->leaked_dma, EDU_BUF_ADDR, EDU_XFER, false);
}

static int edu_double_unmap(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	dma_addr_t handle;
	void *buf;
	int ret;

	step("misuse double_unmap");
	buf = kmalloc(EDU_XFER, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	handle = dma_map_single(dev, buf, EDU_XFER, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, handle)) {
		kfree(buf);
		return -ENOMEM;
	}
	ret = edu_dma(edu, EDU_BUF_ADDR, handle, EDU_XFER, true);
	dma_unmap_single(dev, handle, EDU_XFER, DMA_FROM_DEVICE);
	dma_unmap_single(dev, handle, EDU_XFER, DMA_FROM_DEVICE); // expect: dma-double-unmap
	kfree(buf);
	return ret;
}

/* Mapped with 2048 bytes, unmapped with 1024 (same page: no crash, silent). */
static int edu_size_mismatch(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	dma_addr_t handle;
	void *buf;
	int ret;

	step("misuse size_mismatch");
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	handle = dma_map_single(dev, buf, EDU_XFER, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, handle)) {
		kfree(buf);
		return -ENOMEM;
	}
	ret = edu_dma(edu, handle, EDU_BUF_ADDR, EDU_XFER, false);
	dma_unmap_single(dev, handle, EDU_XFER / 2, DMA_TO_DEVICE); // expect: dma-unmap-size-mismatch
	kfree(buf);
	return ret;
}

static int edu_dir_mismatch(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	dma_addr_t handle;
	void *buf;
	int ret;

	step("misuse dir_mismatch");
	buf = kmalloc(EDU_XFER, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memset(buf, 0x22, EDU_XFER);
	handle = dma_map_single(dev, buf, EDU_XFER, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, handle)) {
		kfree(buf);
		return -ENOMEM;
	}
	ret = edu_dma(edu, handle, EDU_BUF_ADDR, EDU_XFER, false);
	dma_unmap_single(dev, handle, EDU_XFER, DMA_FROM_DEVICE); // expect: dma-unmap-direction-mismatch
	kfree(buf);
	return ret;
}

/* FROM_DEVICE mapping synced as TO_DEVICE. Only a swiotlb=force capture shows
 * the sync events (coherent x86 skips them otherwise). */
static int edu_sync_dir(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	dma_addr_t handle;
	void *buf;
	int ret;

	step("misuse sync_dir");
	buf = kzalloc(EDU_XFER, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	handle = dma_map_single(dev, buf, EDU_XFER, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, handle)) {
		kfree(buf);
		return -ENOMEM;
	}
	ret = edu_dma(edu, EDU_BUF_ADDR, handle, EDU_XFER, true);
	dma_sync_single_for_cpu(dev, handle, EDU_XFER, DMA_TO_DEVICE); // expect: dma-sync-direction
	dma_unmap_single(dev, handle, EDU_XFER, DMA_FROM_DEVICE);
	kfree(buf);
	return ret;
}

/* The device writes to an IOVA after it was unmapped: with a strict IOMMU the
 * write faults (DMAR "PTE Write access is not set" on the console). */
static int edu_stale_iova(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	dma_addr_t handle;
	void *buf;
	int ret;

	step("misuse stale_iova");
	buf = kzalloc(EDU_XFER, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	handle = dma_map_single(dev, buf, EDU_XFER, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, handle)) {
		kfree(buf);
		return -ENOMEM;
	}
	ret = edu_dma(edu, EDU_BUF_ADDR, handle, EDU_XFER, true);
	dma_unmap_single(dev, handle, EDU_XFER, DMA_FROM_DEVICE);
	if (!ret) {
		writeq(EDU_BUF_ADDR, edu->bar + EDU_REG_SRC);
		writeq(handle, edu->bar + EDU_REG_DST); // expect: dma-use-after-unmap; expect-trace: dma-stale-iova-fault
		ret = edu_start(edu, EDU_XFER, true);
	}
	kfree(buf);
	return ret;
}

/* A receive buffer mapped DMA_TO_DEVICE: the IOMMU maps it read-only for the
 * device, so the device's write into it faults although the mapping is live
 * (DMAR "PTE Write access is not set"). dma-debug cannot see this: the calls
 * themselves are consistent. */
static int edu_wrong_dir(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	dma_addr_t handle;
	void *buf;
	int ret;

	step("misuse wrong_dir");
	buf = kzalloc(EDU_XFER, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	handle = dma_map_single(dev, buf, EDU_XFER, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, handle)) {
		kfree(buf);
		return -ENOMEM;
	}
	ret = edu_dma(edu, EDU_BUF_ADDR, handle, EDU_XFER, true); // expect-trace: dma-fault-wrong-direction
	dma_unmap_single(dev, handle, EDU_XFER, DMA_TO_DEVICE);
	kfree(buf);
	return ret;
}

/* A CPU physical address handed to the device instead of a DMA address. The
 * buffer comes from ZONE_DMA so the address fits the device's 28-bit mask;
 * behind the IOMMU the read faults at that physical address. */
static int edu_virt_to_phys(struct edu *edu)
{
	void *buf;
	int ret;

	step("misuse virt_to_phys");
	buf = kmalloc(EDU_XFER, GFP_KERNEL | GFP_DMA);
	if (!buf)
		return -ENOMEM;
	memset(buf, 0x33, EDU_XFER);
	writeq(virt_to_phys(buf), edu->bar + EDU_REG_SRC); // expect: dma-virt-to-phys
	writeq(EDU_BUF_ADDR, edu->bar + EDU_REG_DST);
	ret = edu_start(edu, EDU_XFER, false);
	kfree(buf);
	return ret;
}

/* Three separate pages as one scatterlist for the device to write into. */
#define EDU_SG_NENTS 3

static int edu_sg_alloc(struct scatterlist *sgl, struct page **pages)
{
	int i;

	sg_init_table(sgl, EDU_SG_NENTS);
	for (i = 0; i < EDU_SG_NENTS; i++) {
		pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!pages[i]) {
			while (i--)
				__free_page(pages[i]);
			return -ENOMEM;
		}
		sg_set_page(&sgl[i], pages[i], PAGE_SIZE, 0);
	}
	return 0;
}

static void edu_sg_free(struct page **pages)
{
	int i;

	for (i = 0; i < EDU_SG_NENTS; i++)
		__free_page(pages[i]);
}

/* The two sg misuses map in their own bodies rather than in a shared helper:
 * dmacheck's flow analysis is per function, and these are its test input too.
 *
 * dma_unmap_sg() given the count dma_map_sg() returned instead of the nents it
 * was called with: under the IOMMU the three pages become one IOVA segment,
 * so the unmap passes 1 where the map passed 3. */
static int edu_sg_nents(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	struct scatterlist sgl[EDU_SG_NENTS];
	struct page *pages[EDU_SG_NENTS];
	int count, ret;

	step("misuse sg_nents");
	ret = edu_sg_alloc(sgl, pages);
	if (ret)
		return ret;
	count = dma_map_sg(dev, sgl, EDU_SG_NENTS, DMA_FROM_DEVICE);
	if (!count) {
		edu_sg_free(pages);
		return -ENOMEM;
	}
	dev_info(dev, "sg_nents: mapped %d entries as %d segments\n", EDU_SG_NENTS, count);
	ret = edu_dma(edu, EDU_BUF_ADDR, sg_dma_address(sgl), EDU_XFER, true);
	dma_unmap_sg(dev, sgl, count, DMA_FROM_DEVICE); // expect: dma-sg-nents-mismatch
	edu_sg_free(pages);
	return ret;
}

/* Only the first entry synced for the CPU ("it is the one we read"): the sync
 * must name the whole list as mapped. The sync events appear only where the
 * device needs syncs: under swiotlb=force, or on a CONFIG_DMA_API_DEBUG kernel. */
static int edu_sync_sg_nents(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	struct scatterlist sgl[EDU_SG_NENTS];
	struct page *pages[EDU_SG_NENTS];
	int count, ret;

	step("misuse sync_sg_nents");
	ret = edu_sg_alloc(sgl, pages);
	if (ret)
		return ret;
	count = dma_map_sg(dev, sgl, EDU_SG_NENTS, DMA_FROM_DEVICE);
	if (!count) {
		edu_sg_free(pages);
		return -ENOMEM;
	}
	ret = edu_dma(edu, EDU_BUF_ADDR, sg_dma_address(sgl), EDU_XFER, true);
	dma_sync_sg_for_cpu(dev, sgl, 1, DMA_FROM_DEVICE); // expect-trace: dma-sg-nents-mismatch
	dma_unmap_sg(dev, sgl, EDU_SG_NENTS, DMA_FROM_DEVICE);
	edu_sg_free(pages);
	return ret;
}

static const struct {
	const char *name;
	int (*fn)(struct edu *edu);
} misuses[] = {
	{ "leak", edu_leak },
	{ "double_unmap", edu_double_unmap },
	{ "size_mismatch", edu_size_mismatch },
	{ "dir_mismatch", edu_dir_mismatch },
	{ "sync_dir", edu_sync_dir },
	{ "stale_iova", edu_stale_iova },
	{ "virt_to_phys", edu_virt_to_phys },
	{ "sg_nents", edu_sg_nents },
	{ "sync_sg_nents", edu_sync_sg_nents },
	{ "wrong_dir", edu_wrong_dir },
};

/* ---- driver ------------------------------------------------------------- */

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct edu *edu;
	u32 ident;
	int ret, i;

	edu = devm_kzalloc(&pdev->dev, sizeof(*edu), GFP_KERNEL);
	if (!edu)
		return -ENOMEM;
	edu->pdev = pdev;
	pci_set_drvdata(pdev, edu);

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ret = pcim_iomap_regions(pdev, BIT(0), "edu_dma");
	if (ret)
		return ret;
	edu->bar = pcim_iomap_table(pdev)[0];
	pci_set_master(pdev);
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(dma_bits));
	if (ret)
		return ret;

	ident = readl(edu->bar + EDU_REG_ID);
	dev_info(&pdev->dev, "edu id %08x, dma_bits=%d, misuse=%s\n", ident, dma_bits, misuse);
	if ((ident & 0xff) != 0xed)
		return -ENODEV;

	ret = edu_coherent(edu);
	if (!ret)
		ret = edu_streaming(edu);
	if (!ret)
		ret = edu_page_sync(edu);
	if (ret)
		dev_err(&pdev->dev, "correct sequence failed: %d\n", ret);

	for (i = 0; i < ARRAY_SIZE(misuses); i++) {
		if (strcmp(misuse, misuses[i].name))
			continue;
		ret = misuses[i].fn(edu);
		dev_info(&pdev->dev, "misuse %s done: %d\n", misuse, ret);
	}
	step("probe done");
	return 0; /* stay bound, so rmmod unbinds the device */
}

static void edu_remove(struct pci_dev *pdev)
{
	struct edu *edu = pci_get_drvdata(pdev);

	step("remove");
	/* misuse=leak: edu->leaked_dma should be unmapped here and is not; the
	 * buffer stays allocated because the device could still read it. */
	if (edu->leaked)
		dev_info(&pdev->dev, "leaving a live mapping behind\n");
}

static const struct pci_device_id edu_ids[] = {
	{ PCI_DEVICE(EDU_VENDOR, EDU_DEVICE) },
	{ }
};
MODULE_DEVICE_TABLE(pci, edu_ids);

static struct pci_driver edu_driver = {
	.name = "edu_dma",
	.id_table = edu_ids,
	.probe = edu_probe,
	.remove = edu_remove,
};
module_pci_driver(edu_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("DMA-API test driver for QEMU's edu device (dmacheck testdata)");
