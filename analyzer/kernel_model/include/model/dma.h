/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: the DMA API (after include/linux/{dma-direction,
 * dma-mapping,dmapool,scatterlist,dma-map-ops,iommu}.h of Linux
 * 6.12, CONFIG_HAS_DMA=y, CONFIG_NEED_DMA_MAP_STATE=y,
 * CONFIG_NEED_SG_DMA_LENGTH=y, CONFIG_NEED_SG_DMA_FLAGS=y).
 *
 * THE RULE OF THIS FILE: every DMA API name a driver can write is a real
 * function declaration with the kernel's parameter order and types, never
 * a macro. In 6.12 dma_map_single(d, a, s, r) is a macro over
 * dma_map_single_attrs(d, a, s, r, 0); here it is a function of its own, so
 * the checker's AST shows the call the driver wrote, with typed arguments
 * (device, cpu address, size, direction), and its API table can key on the
 * written name. No body: the checker models the effect, not the header.
 *
 * APIs removed from the kernel (pci_map_single & co. from
 * pci-dma-compat.h, gone in 5.18; dma_zalloc_coherent, gone in 5.0;
 * dma_cache_sync, gone in 5.15; DMA_ATTR_NON_CONSISTENT, gone in 5.10) are
 * declared too, with their last signatures, so old drivers parse and the
 * checker can report them.
 */
#ifndef _DMACHECK_MODEL_DMA_H
#define _DMACHECK_MODEL_DMA_H

/* ================= dma-direction.h ================= */
enum dma_data_direction {
	DMA_BIDIRECTIONAL = 0,
	DMA_TO_DEVICE = 1,
	DMA_FROM_DEVICE = 2,
	DMA_NONE = 3,
};
static inline int valid_dma_direction(enum dma_data_direction dir)
{
	return dir == DMA_BIDIRECTIONAL || dir == DMA_TO_DEVICE ||
	       dir == DMA_FROM_DEVICE;
}

/* ================= scatterlist.h ================= */
struct scatterlist {
	unsigned long page_link;
	unsigned int offset;
	unsigned int length;
	dma_addr_t dma_address;
	unsigned int dma_length;
	unsigned int dma_flags;
};
#define sg_dma_address(sg) ((sg)->dma_address)
#define sg_dma_len(sg) ((sg)->dma_length)
struct sg_table {
	struct scatterlist *sgl;
	unsigned int nents;
	unsigned int orig_nents;
};
struct sg_append_table {
	struct sg_table sgt;
	struct scatterlist *prv;
	unsigned int total_nents;
};
#define SG_CHAIN 0x01UL
#define SG_END 0x02UL
#define SG_PAGE_LINK_MASK (SG_CHAIN | SG_END)
#define SG_MAX_SINGLE_ALLOC (PAGE_SIZE / sizeof(struct scatterlist))
#define SG_CHUNK_SIZE 128
#define SG_MAX_SEGMENTS 2048
#define sg_is_chain(sg) ((sg)->page_link & SG_CHAIN)
#define sg_is_last(sg) ((sg)->page_link & SG_END)
#define sg_chain_ptr(sg) ((struct scatterlist *)((sg)->page_link & ~SG_PAGE_LINK_MASK))

void sg_assign_page(struct scatterlist *sg, struct page *page);
void sg_set_page(struct scatterlist *sg, struct page *page, unsigned int len,
		 unsigned int offset);
void sg_set_folio(struct scatterlist *sg, struct folio *folio, size_t len, size_t offset);
struct page *sg_page(struct scatterlist *sg);
void sg_set_buf(struct scatterlist *sg, const void *buf, unsigned int buflen);
void sg_chain(struct scatterlist *prv, unsigned int prv_nents, struct scatterlist *sgl);
void sg_mark_end(struct scatterlist *sg);
void sg_unmark_end(struct scatterlist *sg);
dma_addr_t sg_phys(struct scatterlist *sg);
void *sg_virt(struct scatterlist *sg);
void sg_init_marker(struct scatterlist *sgl, unsigned int nents);
int sg_nents(struct scatterlist *sg);
int sg_nents_for_len(struct scatterlist *sg, u64 len);
struct scatterlist *sg_next(struct scatterlist *);
struct scatterlist *sg_last(struct scatterlist *s, unsigned int);
void sg_init_table(struct scatterlist *, unsigned int);
void sg_init_one(struct scatterlist *, const void *, unsigned int);
int sg_split(struct scatterlist *in, const int in_mapped_nents, const off_t skip,
	     const int nb_splits, const size_t *split_sizes,
	     struct scatterlist **out, int *out_mapped_nents, gfp_t gfp_mask);
void sg_free_table(struct sg_table *);
void sg_free_append_table(struct sg_append_table *sgt);
int sg_alloc_table(struct sg_table *, unsigned int, gfp_t);
int sg_alloc_table_from_pages_segment(struct sg_table *sgt, struct page **pages,
				      unsigned int n_pages, unsigned int offset,
				      unsigned long size, unsigned int max_segment,
				      gfp_t gfp_mask);
int sg_alloc_table_from_pages(struct sg_table *sgt, struct page **pages,
			      unsigned int n_pages, unsigned int offset,
			      unsigned long size, gfp_t gfp_mask);
int sg_alloc_append_table_from_pages(struct sg_append_table *sgt, struct page **pages,
				     unsigned int n_pages, unsigned int offset,
				     unsigned long size, unsigned int max_segment,
				     unsigned int left_pages, gfp_t gfp_mask);
struct scatterlist *sgl_alloc_order(unsigned long long length, unsigned int order,
				    bool chainable, gfp_t gfp, unsigned int *nent_p);
struct scatterlist *sgl_alloc(unsigned long long length, gfp_t gfp, unsigned int *nent_p);
void sgl_free_n_order(struct scatterlist *sgl, int nents, int order);
void sgl_free_order(struct scatterlist *sgl, int order);
void sgl_free(struct scatterlist *sgl);
size_t sg_copy_buffer(struct scatterlist *sgl, unsigned int nents, void *buf,
		      size_t buflen, off_t skip, bool to_buffer);
size_t sg_copy_from_buffer(struct scatterlist *sgl, unsigned int nents,
			   const void *buf, size_t buflen);
size_t sg_copy_to_buffer(struct scatterlist *sgl, unsigned int nents,
			 void *buf, size_t buflen);
size_t sg_pcopy_from_buffer(struct scatterlist *sgl, unsigned int nents,
			    const void *buf, size_t buflen, off_t skip);
size_t sg_pcopy_to_buffer(struct scatterlist *sgl, unsigned int nents,
			  void *buf, size_t buflen, off_t skip);
size_t sg_zero_buffer(struct scatterlist *sgl, unsigned int nents,
		      size_t buflen, off_t skip);
void sg_free_table_chained(struct sg_table *table, unsigned nents_first_chunk);
int sg_alloc_table_chained(struct sg_table *table, int nents,
			   struct scatterlist *first_chunk, unsigned nents_first_chunk);
#define for_each_sg(sglist, sg, nr, __i) \
	for (__i = 0, sg = (sglist); __i < (nr); __i++, sg = sg_next(sg))
#define for_each_sgtable_sg(sgt, sg, i) for_each_sg((sgt)->sgl, sg, (sgt)->orig_nents, i)
#define for_each_sgtable_dma_sg(sgt, sg, i) for_each_sg((sgt)->sgl, sg, (sgt)->nents, i)
struct sg_page_iter {
	struct scatterlist *sg;
	unsigned int sg_pgoffset;
	unsigned int __nents;
	int __pg_advance;
};
struct sg_dma_page_iter {
	struct sg_page_iter base;
};
bool __sg_page_iter_next(struct sg_page_iter *piter);
bool __sg_page_iter_dma_next(struct sg_dma_page_iter *dma_iter);
void __sg_page_iter_start(struct sg_page_iter *piter, struct scatterlist *sglist,
			  unsigned int nents, unsigned long pgoffset);
struct page *sg_page_iter_page(struct sg_page_iter *piter);
dma_addr_t sg_page_iter_dma_address(struct sg_dma_page_iter *dma_iter);
#define for_each_sg_page(sglist, piter, nents, pgoffset) \
	for (__sg_page_iter_start((piter), (sglist), (nents), (pgoffset)); __sg_page_iter_next(piter);)
#define for_each_sg_dma_page(sglist, dma_iter, dma_nents, pgoffset) \
	for (__sg_page_iter_start(&(dma_iter)->base, sglist, dma_nents, pgoffset); \
	     __sg_page_iter_dma_next(dma_iter);)
#define for_each_sgtable_page(sgt, piter, pgoffset) \
	for_each_sg_page((sgt)->sgl, piter, (sgt)->orig_nents, pgoffset)
#define for_each_sgtable_dma_page(sgt, dma_iter, pgoffset) \
	for_each_sg_dma_page((sgt)->sgl, dma_iter, (sgt)->nents, pgoffset)
#define SG_MITER_ATOMIC (1 << 0)
#define SG_MITER_TO_SG (1 << 1)
#define SG_MITER_FROM_SG (1 << 2)
struct sg_mapping_iter {
	struct page *page;
	void *addr;
	size_t length;
	size_t consumed;
	struct sg_page_iter piter;
	unsigned int __offset;
	unsigned int __remaining;
	unsigned int __flags;
};
void sg_miter_start(struct sg_mapping_iter *miter, struct scatterlist *sgl,
		    unsigned int nents, unsigned int flags);
bool sg_miter_skip(struct sg_mapping_iter *miter, off_t offset);
bool sg_miter_next(struct sg_mapping_iter *miter);
void sg_miter_stop(struct sg_mapping_iter *miter);

/* ================= dma-mapping.h ================= */
#define DMA_ATTR_WEAK_ORDERING (1UL << 1)
#define DMA_ATTR_WRITE_COMBINE (1UL << 2)
#define DMA_ATTR_NON_CONSISTENT (1UL << 3) /* removed in 5.10 */
#define DMA_ATTR_NO_KERNEL_MAPPING (1UL << 4)
#define DMA_ATTR_SKIP_CPU_SYNC (1UL << 5)
#define DMA_ATTR_FORCE_CONTIGUOUS (1UL << 6)
#define DMA_ATTR_ALLOC_SINGLE_PAGES (1UL << 7)
#define DMA_ATTR_NO_WARN (1UL << 8)
#define DMA_ATTR_PRIVILEGED (1UL << 9)
#define DMA_MAPPING_ERROR (~(dma_addr_t)0)
#define DMA_BIT_MASK(n) (((n) == 64) ? ~0ULL : ((1ULL << (n)) - 1))

int dma_mapping_error(struct device *dev, dma_addr_t dma_addr);

/* streaming: single buffers and pages */
dma_addr_t dma_map_single_attrs(struct device *dev, void *ptr, size_t size,
				enum dma_data_direction dir, unsigned long attrs);
void dma_unmap_single_attrs(struct device *dev, dma_addr_t addr, size_t size,
			    enum dma_data_direction dir, unsigned long attrs);
dma_addr_t dma_map_single(struct device *dev, void *ptr, size_t size,
			  enum dma_data_direction dir);
void dma_unmap_single(struct device *dev, dma_addr_t addr, size_t size,
		      enum dma_data_direction dir);
dma_addr_t dma_map_page_attrs(struct device *dev, struct page *page, size_t offset,
			      size_t size, enum dma_data_direction dir,
			      unsigned long attrs);
void dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir, unsigned long attrs);
dma_addr_t dma_map_page(struct device *dev, struct page *page, size_t offset,
			size_t size, enum dma_data_direction dir);
void dma_unmap_page(struct device *dev, dma_addr_t addr, size_t size,
		    enum dma_data_direction dir);
dma_addr_t dma_map_resource(struct device *dev, phys_addr_t phys_addr, size_t size,
			    enum dma_data_direction dir, unsigned long attrs);
void dma_unmap_resource(struct device *dev, dma_addr_t addr, size_t size,
			enum dma_data_direction dir, unsigned long attrs);

/* streaming: scatterlists */
unsigned int dma_map_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
			      enum dma_data_direction dir, unsigned long attrs);
void dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
			enum dma_data_direction dir, unsigned long attrs);
unsigned int dma_map_sg(struct device *dev, struct scatterlist *sg, int nents,
			enum dma_data_direction dir);
void dma_unmap_sg(struct device *dev, struct scatterlist *sg, int nents,
		  enum dma_data_direction dir);
int dma_map_sgtable(struct device *dev, struct sg_table *sgt,
		    enum dma_data_direction dir, unsigned long attrs);
void dma_unmap_sgtable(struct device *dev, struct sg_table *sgt,
		       enum dma_data_direction dir, unsigned long attrs);

/* streaming: ownership transfers */
void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			     enum dma_data_direction dir);
void dma_sync_single_for_device(struct device *dev, dma_addr_t addr, size_t size,
				enum dma_data_direction dir);
void dma_sync_single_range_for_cpu(struct device *dev, dma_addr_t addr,
				   unsigned long offset, size_t size,
				   enum dma_data_direction dir);
void dma_sync_single_range_for_device(struct device *dev, dma_addr_t addr,
				      unsigned long offset, size_t size,
				      enum dma_data_direction dir);
void dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg, int nelems,
			 enum dma_data_direction dir);
void dma_sync_sg_for_device(struct device *dev, struct scatterlist *sg, int nelems,
			    enum dma_data_direction dir);
void dma_sync_sgtable_for_cpu(struct device *dev, struct sg_table *sgt,
			      enum dma_data_direction dir);
void dma_sync_sgtable_for_device(struct device *dev, struct sg_table *sgt,
				 enum dma_data_direction dir);
bool dma_need_sync(struct device *dev, dma_addr_t dma_addr);
bool dma_dev_need_sync(const struct device *dev);

/* coherent and non-coherent allocations */
void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle,
		      gfp_t flag, unsigned long attrs);
void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr,
		    dma_addr_t dma_handle, unsigned long attrs);
void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle,
			 gfp_t gfp);
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr,
		       dma_addr_t dma_handle);
void *dmam_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle,
		       gfp_t gfp, unsigned long attrs);
void *dmam_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle,
			  gfp_t gfp);
void dmam_free_coherent(struct device *dev, size_t size, void *vaddr,
			dma_addr_t dma_handle);
void *dma_alloc_wc(struct device *dev, size_t size, dma_addr_t *dma_addr, gfp_t gfp);
void dma_free_wc(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_addr);
struct page *dma_alloc_pages(struct device *dev, size_t size, dma_addr_t *dma_handle,
			     enum dma_data_direction dir, gfp_t gfp);
void dma_free_pages(struct device *dev, size_t size, struct page *page,
		    dma_addr_t dma_handle, enum dma_data_direction dir);
int dma_mmap_pages(struct device *dev, struct vm_area_struct *vma, size_t size,
		   struct page *page);
void *dma_alloc_noncoherent(struct device *dev, size_t size, dma_addr_t *dma_handle,
			    enum dma_data_direction dir, gfp_t gfp);
void dma_free_noncoherent(struct device *dev, size_t size, void *vaddr,
			  dma_addr_t dma_handle, enum dma_data_direction dir);
struct sg_table *dma_alloc_noncontiguous(struct device *dev, size_t size,
					 enum dma_data_direction dir, gfp_t gfp,
					 unsigned long attrs);
void dma_free_noncontiguous(struct device *dev, size_t size, struct sg_table *sgt,
			    enum dma_data_direction dir);
void *dma_vmap_noncontiguous(struct device *dev, size_t size, struct sg_table *sgt);
void dma_vunmap_noncontiguous(struct device *dev, void *vaddr);
int dma_mmap_noncontiguous(struct device *dev, struct vm_area_struct *vma, size_t size,
			   struct sg_table *sgt);
int dma_get_sgtable_attrs(struct device *dev, struct sg_table *sgt, void *cpu_addr,
			  dma_addr_t dma_addr, size_t size, unsigned long attrs);
int dma_get_sgtable(struct device *dev, struct sg_table *sgt, void *cpu_addr,
		    dma_addr_t dma_addr, size_t size);
int dma_mmap_attrs(struct device *dev, struct vm_area_struct *vma, void *cpu_addr,
		   dma_addr_t dma_addr, size_t size, unsigned long attrs);
int dma_mmap_coherent(struct device *dev, struct vm_area_struct *vma, void *cpu_addr,
		      dma_addr_t dma_addr, size_t size);
int dma_mmap_wc(struct device *dev, struct vm_area_struct *vma, void *cpu_addr,
		dma_addr_t dma_addr, size_t size);
bool dma_can_mmap(struct device *dev);

/* masks and limits */
int dma_set_mask(struct device *dev, u64 mask);
int dma_set_coherent_mask(struct device *dev, u64 mask);
int dma_set_mask_and_coherent(struct device *dev, u64 mask);
int dma_coerce_mask_and_coherent(struct device *dev, u64 mask);
u64 dma_get_mask(struct device *dev);
u64 dma_get_required_mask(struct device *dev);
bool dma_addressing_limited(struct device *dev);
bool dma_pci_p2pdma_supported(struct device *dev);
size_t dma_max_mapping_size(struct device *dev);
size_t dma_opt_mapping_size(struct device *dev);
unsigned long dma_get_merge_boundary(struct device *dev);
bool dma_coherent_ok(struct device *dev, phys_addr_t phys, size_t size);
unsigned int dma_get_max_seg_size(struct device *dev);
void dma_set_max_seg_size(struct device *dev, unsigned int size);
unsigned long dma_get_seg_boundary(struct device *dev);
unsigned long dma_get_seg_boundary_nr_pages(struct device *dev, unsigned int page_shift);
void dma_set_seg_boundary(struct device *dev, unsigned long mask);
unsigned int dma_get_min_align_mask(struct device *dev);
void dma_set_min_align_mask(struct device *dev, unsigned int min_align_mask);
int dma_get_cache_alignment(void);
bool dma_is_coherent(struct device *dev);
int dma_supported(struct device *dev, u64 mask);

#define ____dma_from_device_aligned
#define __dma_from_device_group_begin(GROUP) __cacheline_group_begin(GROUP)
#define __dma_from_device_group_end(GROUP) __cacheline_group_end(GROUP)
/* CONFIG_NEED_DMA_MAP_STATE=y on x86_64: the state is a real field. */
#define DEFINE_DMA_UNMAP_ADDR(ADDR_NAME) dma_addr_t ADDR_NAME
#define DEFINE_DMA_UNMAP_LEN(LEN_NAME) __u32 LEN_NAME
#define dma_unmap_addr(PTR, ADDR_NAME) ((PTR)->ADDR_NAME)
#define dma_unmap_addr_set(PTR, ADDR_NAME, VAL) (((PTR)->ADDR_NAME) = (VAL))
#define dma_unmap_len(PTR, LEN_NAME) ((PTR)->LEN_NAME)
#define dma_unmap_len_set(PTR, LEN_NAME, VAL) (((PTR)->LEN_NAME) = (VAL))

/* removed APIs, last signatures */
void *dma_zalloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle,
			  gfp_t flag);
void dma_cache_sync(struct device *dev, void *vaddr, size_t size,
		    enum dma_data_direction direction);

/* ================= dmapool.h ================= */
struct dma_pool *dma_pool_create(const char *name, struct device *dev, size_t size,
				 size_t align, size_t allocation);
void dma_pool_destroy(struct dma_pool *pool);
void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle);
void *dma_pool_zalloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle);
void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t addr);
struct dma_pool *dmam_pool_create(const char *name, struct device *dev, size_t size,
				  size_t align, size_t allocation);
void dmam_pool_destroy(struct dma_pool *pool);
/* pci_pool_* (removed in 4.x), as the macros they were */
#define pci_pool dma_pool
#define pci_pool_create(name, pdev, size, align, allocation) \
	dma_pool_create(name, &(pdev)->dev, size, align, allocation)
#define pci_pool_destroy(pool) dma_pool_destroy(pool)
#define pci_pool_alloc(pool, flags, handle) dma_pool_alloc(pool, flags, handle)
#define pci_pool_zalloc(pool, flags, handle) dma_pool_zalloc(pool, flags, handle)
#define pci_pool_free(pool, vaddr, addr) dma_pool_free(pool, vaddr, addr)

/* ================= dma-map-ops.h (minimal) ================= */
struct dma_map_ops {
	unsigned int flags;
	void *(*alloc)(struct device *dev, size_t size, dma_addr_t *dma_handle,
		       gfp_t gfp, unsigned long attrs);
	void (*free)(struct device *dev, size_t size, void *vaddr,
		     dma_addr_t dma_handle, unsigned long attrs);
	dma_addr_t (*map_page)(struct device *dev, struct page *page, unsigned long offset,
			       size_t size, enum dma_data_direction dir,
			       unsigned long attrs);
	void (*unmap_page)(struct device *dev, dma_addr_t dma_handle, size_t size,
			   enum dma_data_direction dir, unsigned long attrs);
	int (*map_sg)(struct device *dev, struct scatterlist *sg, int nents,
		      enum dma_data_direction dir, unsigned long attrs);
	void (*unmap_sg)(struct device *dev, struct scatterlist *sg, int nents,
			 enum dma_data_direction dir, unsigned long attrs);
	void (*sync_single_for_cpu)(struct device *dev, dma_addr_t dma_handle, size_t size,
				    enum dma_data_direction dir);
	void (*sync_single_for_device)(struct device *dev, dma_addr_t dma_handle,
				       size_t size, enum dma_data_direction dir);
	int (*dma_supported)(struct device *dev, u64 mask);
	u64 (*get_required_mask)(struct device *dev);
	size_t (*max_mapping_size)(struct device *dev);
};
const struct dma_map_ops *get_dma_ops(struct device *dev);
void set_dma_ops(struct device *dev, const struct dma_map_ops *dma_ops);
bool dev_is_dma_coherent(struct device *dev);
int dma_declare_coherent_memory(struct device *dev, phys_addr_t phys_addr,
				dma_addr_t device_addr, size_t size);
phys_addr_t dma_to_phys(struct device *dev, dma_addr_t dma_addr);
dma_addr_t phys_to_dma(struct device *dev, phys_addr_t paddr);
void arch_sync_dma_for_device(phys_addr_t paddr, size_t size, enum dma_data_direction dir);
void arch_sync_dma_for_cpu(phys_addr_t paddr, size_t size, enum dma_data_direction dir);

/* ================= iommu.h (minimal) ================= */
#define IOMMU_READ (1 << 0)
#define IOMMU_WRITE (1 << 1)
#define IOMMU_CACHE (1 << 2)
#define IOMMU_NOEXEC (1 << 3)
#define IOMMU_MMIO (1 << 4)
#define IOMMU_PRIV (1 << 5)
#define IOMMU_DOMAIN_BLOCKED 0
#define IOMMU_DOMAIN_IDENTITY 1
#define IOMMU_DOMAIN_UNMANAGED 2
#define IOMMU_DOMAIN_DMA 7
struct iommu_domain_geometry {
	dma_addr_t aperture_start;
	dma_addr_t aperture_end;
	bool force_aperture;
};
struct iommu_domain {
	unsigned type;
	const struct iommu_domain_ops *ops;
	unsigned long pgsize_bitmap;
	struct iommu_domain_geometry geometry;
};
typedef int (*iommu_fault_handler_t)(struct iommu_domain *, struct device *,
				     unsigned long, int, void *);
struct iommu_domain *iommu_get_domain_for_dev(struct device *dev);
struct iommu_domain *iommu_paging_domain_alloc(struct device *dev);
struct iommu_domain *iommu_domain_alloc(const struct bus_type *bus);
void iommu_domain_free(struct iommu_domain *domain);
int iommu_attach_device(struct iommu_domain *domain, struct device *dev);
void iommu_detach_device(struct iommu_domain *domain, struct device *dev);
int iommu_map(struct iommu_domain *domain, unsigned long iova, phys_addr_t paddr,
	      size_t size, int prot, gfp_t gfp);
size_t iommu_unmap(struct iommu_domain *domain, unsigned long iova, size_t size);
ssize_t iommu_map_sg(struct iommu_domain *domain, unsigned long iova,
		     struct scatterlist *sg, unsigned int nents, int prot, gfp_t gfp);
phys_addr_t iommu_iova_to_phys(struct iommu_domain *domain, dma_addr_t iova);
void iommu_set_fault_handler(struct iommu_domain *domain, iommu_fault_handler_t handler,
			     void *token);
struct iommu_group *iommu_group_get(struct device *dev);
void iommu_group_put(struct iommu_group *group);
int iommu_group_id(struct iommu_group *group);
bool device_iommu_capable(struct device *dev, int cap);
bool iommu_present(const struct bus_type *bus);
#define device_iommu_mapped(dev) ((dev)->iommu_group != NULL)

#endif /* _DMACHECK_MODEL_DMA_H */
