// dma-handle-as-cpu-address: a device's DMA address used as a CPU address or
// a page frame number.
#include <linux/dma-mapping.h>
#include <linux/mm.h>
#include <linux/pci.h>

struct cam {
	struct device *dev;
	void *frame;
	dma_addr_t frame_dma;
	size_t frame_size;
};

static bool check_64k_bound(void *start, unsigned long len)
{
	unsigned long begin = (unsigned long)start;

	return ((begin ^ (begin + len - 1)) >> 16) == 0;
}

/* Bad: the DMA address is an IOVA behind an IOMMU, not a physical address. */
static int cam_mmap_bad(struct cam *cam, struct vm_area_struct *vma)
{
	return remap_pfn_range(vma, vma->vm_start, cam->frame_dma >> PAGE_SHIFT, // expect: dma-handle-as-cpu-address
			       cam->frame_size, vma->vm_page_prot);
}

static vm_fault_t cam_fault_bad(struct cam *cam, struct vm_area_struct *vma, unsigned long addr)
{
	return vmf_insert_pfn(vma, addr, cam->frame_dma >> 12); // expect: dma-handle-as-cpu-address
}

/* Good: the DMA API maps coherent memory to user space. */
static int cam_mmap(struct cam *cam, struct vm_area_struct *vma)
{
	return dma_mmap_coherent(cam->dev, vma, cam->frame, cam->frame_dma, cam->frame_size); // no-finding: dma-handle-as-cpu-address
}

static void cam_clear_bad(struct cam *cam)
{
	void *va = phys_to_virt(cam->frame_dma); // expect: dma-handle-as-cpu-address
	u8 *p = (u8 *)cam->frame_dma; // expect: dma-handle-as-cpu-address
	struct page *pg = pfn_to_page(cam->frame_dma >> PAGE_SHIFT); // expect: dma-handle-as-cpu-address

	memset(va, 0, cam->frame_size);
	p[0] = 0;
	memset(__va(cam->frame_dma), 0, 64); // expect: dma-handle-as-cpu-address
	/* Through an integer first: the number given to a pointer-typed helper
	 * (e1000's boundary check does this); not judged. */
	WARN_ON(check_64k_bound((void *)(unsigned long)cam->frame_dma, 64)); // no-finding: dma-handle-as-cpu-address
	put_page(pg);
}

/* Good: the CPU address came back with the allocation. */
static int cam_alloc(struct cam *cam)
{
	cam->frame = dma_alloc_coherent(cam->dev, cam->frame_size, &cam->frame_dma, GFP_KERNEL);
	if (!cam->frame)
		return -ENOMEM;
	memset(cam->frame, 0, cam->frame_size); // no-finding: dma-handle-as-cpu-address
	dev_dbg(cam->dev, "frame at %llx\n", (unsigned long long)cam->frame_dma); // no-finding: dma-handle-as-cpu-address
	return 0;
}
