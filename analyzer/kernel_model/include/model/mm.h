/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: memory (after include/linux/{gfp_types,gfp,slab,
 * vmalloc,mm,mm_types,highmem,uaccess,io,iopoll}.h, arch/x86/include/asm/
 * {page,page_types,io}.h of Linux 6.12).
 *
 * Allocators are plain functions under the names drivers write (kmalloc,
 * kzalloc, alloc_page, virt_to_page ...) although 6.12 routes them through
 * alloc_hooks() and _noprof macros: the checker matches the written name.
 * GFP bits have their 6.12 x86_64 values (Debian config: SLAB_OBJ_EXT on,
 * KASAN_HW_TAGS and LOCKDEP off).
 */
#ifndef _DMACHECK_MODEL_MM_H
#define _DMACHECK_MODEL_MM_H

/* ================= GFP ================= */
#define ___GFP_DMA 0x01u
#define ___GFP_HIGHMEM 0x02u
#define ___GFP_DMA32 0x04u
#define ___GFP_MOVABLE 0x08u
#define ___GFP_RECLAIMABLE 0x10u
#define ___GFP_HIGH 0x20u
#define ___GFP_IO 0x40u
#define ___GFP_FS 0x80u
#define ___GFP_ZERO 0x100u
#define ___GFP_DIRECT_RECLAIM 0x400u
#define ___GFP_KSWAPD_RECLAIM 0x800u
#define ___GFP_WRITE 0x1000u
#define ___GFP_NOWARN 0x2000u
#define ___GFP_RETRY_MAYFAIL 0x4000u
#define ___GFP_NOFAIL 0x8000u
#define ___GFP_NORETRY 0x10000u
#define ___GFP_MEMALLOC 0x20000u
#define ___GFP_COMP 0x40000u
#define ___GFP_NOMEMALLOC 0x80000u
#define ___GFP_HARDWALL 0x100000u
#define ___GFP_THISNODE 0x200000u
#define ___GFP_ACCOUNT 0x400000u
#define ___GFP_ZEROTAGS 0x800000u
#define ___GFP_NO_OBJ_EXT 0x1000000u
#define ___GFP_SKIP_ZERO 0u
#define ___GFP_SKIP_KASAN 0u
#define ___GFP_NOLOCKDEP 0u

#define __GFP_DMA ((__force gfp_t)___GFP_DMA)
#define __GFP_HIGHMEM ((__force gfp_t)___GFP_HIGHMEM)
#define __GFP_DMA32 ((__force gfp_t)___GFP_DMA32)
#define __GFP_MOVABLE ((__force gfp_t)___GFP_MOVABLE)
#define GFP_ZONEMASK (__GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32 | __GFP_MOVABLE)
#define __GFP_RECLAIMABLE ((__force gfp_t)___GFP_RECLAIMABLE)
#define __GFP_WRITE ((__force gfp_t)___GFP_WRITE)
#define __GFP_HARDWALL ((__force gfp_t)___GFP_HARDWALL)
#define __GFP_THISNODE ((__force gfp_t)___GFP_THISNODE)
#define __GFP_ACCOUNT ((__force gfp_t)___GFP_ACCOUNT)
#define __GFP_NO_OBJ_EXT ((__force gfp_t)___GFP_NO_OBJ_EXT)
#define __GFP_HIGH ((__force gfp_t)___GFP_HIGH)
#define __GFP_MEMALLOC ((__force gfp_t)___GFP_MEMALLOC)
#define __GFP_NOMEMALLOC ((__force gfp_t)___GFP_NOMEMALLOC)
#define __GFP_IO ((__force gfp_t)___GFP_IO)
#define __GFP_FS ((__force gfp_t)___GFP_FS)
#define __GFP_DIRECT_RECLAIM ((__force gfp_t)___GFP_DIRECT_RECLAIM)
#define __GFP_KSWAPD_RECLAIM ((__force gfp_t)___GFP_KSWAPD_RECLAIM)
#define __GFP_RECLAIM ((__force gfp_t)(___GFP_DIRECT_RECLAIM | ___GFP_KSWAPD_RECLAIM))
#define __GFP_RETRY_MAYFAIL ((__force gfp_t)___GFP_RETRY_MAYFAIL)
#define __GFP_NOFAIL ((__force gfp_t)___GFP_NOFAIL)
#define __GFP_NORETRY ((__force gfp_t)___GFP_NORETRY)
#define __GFP_NOWARN ((__force gfp_t)___GFP_NOWARN)
#define __GFP_COMP ((__force gfp_t)___GFP_COMP)
#define __GFP_ZERO ((__force gfp_t)___GFP_ZERO)
#define __GFP_ZEROTAGS ((__force gfp_t)___GFP_ZEROTAGS)
#define __GFP_SKIP_ZERO ((__force gfp_t)___GFP_SKIP_ZERO)
#define __GFP_SKIP_KASAN ((__force gfp_t)___GFP_SKIP_KASAN)
#define __GFP_NOLOCKDEP ((__force gfp_t)___GFP_NOLOCKDEP)
#define __GFP_BITS_SHIFT 25
#define __GFP_BITS_MASK ((__force gfp_t)((1 << __GFP_BITS_SHIFT) - 1))
#define __GFP_ATOMIC __GFP_HIGH /* removed in 6.3; kept so old code parses */
#define __GFP_WAIT __GFP_DIRECT_RECLAIM /* removed in 4.4 */
#define __GFP_REPEAT __GFP_RETRY_MAYFAIL /* removed in 4.13 */
#define __GFP_COLD 0u /* removed in 4.15 */

#define GFP_ATOMIC (__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL (__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT (GFP_KERNEL | __GFP_ACCOUNT)
#define GFP_NOWAIT (__GFP_KSWAPD_RECLAIM | __GFP_NOWARN)
#define GFP_NOIO (__GFP_RECLAIM)
#define GFP_NOFS (__GFP_RECLAIM | __GFP_IO)
#define GFP_USER (__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_DMA __GFP_DMA
#define GFP_DMA32 __GFP_DMA32
#define GFP_HIGHUSER (GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE (GFP_HIGHUSER | __GFP_MOVABLE | __GFP_SKIP_KASAN)
#define GFP_TRANSHUGE_LIGHT \
	((GFP_HIGHUSER_MOVABLE | __GFP_COMP | __GFP_NOMEMALLOC | __GFP_NOWARN) & ~__GFP_RECLAIM)
#define GFP_TRANSHUGE (GFP_TRANSHUGE_LIGHT | __GFP_DIRECT_RECLAIM)
static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
{ return !!(gfp_flags & __GFP_DIRECT_RECLAIM); }

/* ================= pages ================= */
#define PAGE_SHIFT 12
#define PAGE_SIZE (_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr) ALIGN(addr, PAGE_SIZE)
#define PAGE_ALIGN_DOWN(addr) ALIGN_DOWN(addr, PAGE_SIZE)
#define PAGE_ALIGNED(addr) IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)
#define PAGE_OFFSET ((unsigned long)CONFIG_PAGE_OFFSET)
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)
#define PFN_ALIGN(x) (((unsigned long)(x) + (PAGE_SIZE - 1)) & PAGE_MASK)
#define PFN_UP(x) (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)
#define PFN_PHYS(x) ((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x) ((unsigned long)((x) >> PAGE_SHIFT))
#define MAX_PAGE_ORDER 10
#define MAX_ORDER MAX_PAGE_ORDER
#define NR_PAGE_ORDERS (MAX_PAGE_ORDER + 1)
#define HPAGE_SHIFT 21
#define HPAGE_SIZE (_AC(1, UL) << HPAGE_SHIFT)

struct page {
	unsigned long flags;
	union {
		struct {
			struct list_head lru;
			struct address_space *mapping;
			pgoff_t index;
			unsigned long private;
		};
		struct {
			unsigned long pp_magic;
			struct page_pool *pp;
			unsigned long _pp_mapping_pad;
			unsigned long dma_addr;
			atomic_long_t pp_ref_count;
		};
		struct rcu_head rcu_head;
	};
	atomic_t _mapcount;
	atomic_t _refcount;
};
struct folio;

struct page *alloc_pages(gfp_t gfp, unsigned int order);
struct page *alloc_pages_node(int nid, gfp_t gfp_mask, unsigned int order);
struct page *alloc_page(gfp_t gfp);
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
unsigned long __get_free_page(gfp_t gfp_mask);
unsigned long get_zeroed_page(gfp_t gfp_mask);
void *alloc_pages_exact(size_t size, gfp_t gfp_mask);
void free_pages_exact(void *virt, size_t size);
void __free_pages(struct page *page, unsigned int order);
void __free_page(struct page *page);
void free_pages(unsigned long addr, unsigned int order);
void free_page(unsigned long addr);
void get_page(struct page *page);
void put_page(struct page *page);
int page_ref_count(const struct page *page);
int page_count(const struct page *page);
void page_ref_inc(struct page *page);
void page_ref_add(struct page *page, int nr);
bool page_is_pfmemalloc(const struct page *page);
int page_to_nid(const struct page *page);
void *page_address(const struct page *page);
#define lowmem_page_address(page) page_address(page)
struct page *virt_to_page(const void *kaddr);
struct page *virt_to_head_page(const void *x);
struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_to_pfn(const void *addr);
struct page *pfn_to_page(unsigned long pfn);
unsigned long page_to_pfn(const struct page *page);
phys_addr_t page_to_phys(const struct page *page);
struct page *phys_to_page(phys_addr_t phys);
struct page *compound_head(const struct page *page);
unsigned int compound_order(const struct page *page);
bool virt_addr_valid(const volatile void *kaddr);
bool pfn_valid(unsigned long pfn);
bool is_vmalloc_addr(const void *x);
int get_order(unsigned long size);
void split_page(struct page *page, unsigned int order);
int set_memory_uc(unsigned long addr, int numpages);
int set_memory_wc(unsigned long addr, int numpages);
int set_memory_wb(unsigned long addr, int numpages);
void clflush_cache_range(void *addr, unsigned int size);
#define PageHighMem(page) 0
#define PageSlab(page) 0
#define PageCompound(page) 0

static inline phys_addr_t virt_to_phys(volatile void *address)
{ return (phys_addr_t)(unsigned long)address - PAGE_OFFSET; }
static inline void *phys_to_virt(phys_addr_t address)
{ return (void *)(unsigned long)(address + PAGE_OFFSET); }
#define __pa(x) ((unsigned long)(x) - PAGE_OFFSET)
#define __pa_symbol(x) __pa(x)
#define __va(x) ((void *)((unsigned long)(x) + PAGE_OFFSET))
#define __phys_to_pfn(paddr) PHYS_PFN(paddr)
#define __pfn_to_phys(pfn) PFN_PHYS(pfn)
#define virt_to_pfn(kaddr) PHYS_PFN(__pa(kaddr))
#define pfn_to_virt(pfn) __va((pfn) << PAGE_SHIFT)
#define page_to_virt(page) page_address(page)
/* Removed in 5.x (x86 kept them until 5.17); modelled so old code parses. */
unsigned long virt_to_bus(volatile void *address);
void *bus_to_virt(unsigned long address);

void *kmap(struct page *page);
void kunmap(struct page *page);
void *kmap_atomic(struct page *page);
void __kunmap_atomic(const void *addr);
#define kunmap_atomic(addr) __kunmap_atomic(addr)
void *kmap_local_page(struct page *page);
void *kmap_local_folio(struct folio *folio, size_t offset);
void kunmap_local(const void *addr);
void flush_dcache_page(struct page *page);
void flush_kernel_vmap_range(void *vaddr, int size);
void invalidate_kernel_vmap_range(void *vaddr, int size);
void memcpy_page(struct page *dst_page, size_t dst_off, struct page *src_page,
		 size_t src_off, size_t len);
void memcpy_from_page(char *to, struct page *page, size_t offset, size_t len);
void memcpy_to_page(struct page *page, size_t offset, const char *from, size_t len);
void memzero_page(struct page *page, size_t offset, size_t len);
void clear_page(void *page);
void copy_page(void *to, void *from);

/* ================= slab ================= */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)
#define KMALLOC_SHIFT_MAX (MAX_PAGE_ORDER + PAGE_SHIFT)
#define KMALLOC_MAX_SIZE (1UL << KMALLOC_SHIFT_MAX)
#define KMALLOC_MIN_SIZE 8
#define SLAB_HWCACHE_ALIGN ((__force slab_flags_t)0x00002000U)
#define SLAB_CACHE_DMA ((__force slab_flags_t)0x00004000U)
#define SLAB_CACHE_DMA32 ((__force slab_flags_t)0x00008000U)
#define SLAB_PANIC ((__force slab_flags_t)0x00040000U)
#define SLAB_TYPESAFE_BY_RCU ((__force slab_flags_t)0x00080000U)
#define SLAB_ACCOUNT ((__force slab_flags_t)0x04000000U)
#define SLAB_RECLAIM_ACCOUNT ((__force slab_flags_t)0x00020000U)
#define SLAB_NO_MERGE ((__force slab_flags_t)0x01000000U)

void *__must_check kmalloc(size_t size, gfp_t flags) __malloc;
void *__must_check kzalloc(size_t size, gfp_t flags) __malloc;
void *__must_check kmalloc_node(size_t size, gfp_t flags, int node) __malloc;
void *__must_check kzalloc_node(size_t size, gfp_t flags, int node) __malloc;
void *__must_check kmalloc_array(size_t n, size_t size, gfp_t flags) __malloc;
void *__must_check kmalloc_array_node(size_t n, size_t size, gfp_t flags, int node) __malloc;
void *__must_check kcalloc(size_t n, size_t size, gfp_t flags) __malloc;
void *__must_check kcalloc_node(size_t n, size_t size, gfp_t flags, int node) __malloc;
void *__must_check krealloc(const void *objp, size_t new_size, gfp_t flags);
void *__must_check krealloc_array(void *p, size_t new_n, size_t new_size, gfp_t flags);
void kfree(const void *objp);
void kfree_sensitive(const void *objp);
size_t ksize(const void *objp);
size_t kmalloc_size_roundup(size_t size);
#define kmalloc_obj(p, gfp) kmalloc(sizeof(*(p)), gfp)

struct kmem_cache;
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
struct kmem_cache *kmem_cache_create_usercopy(const char *name, unsigned int size,
					      unsigned int align, slab_flags_t flags,
					      unsigned int useroffset,
					      unsigned int usersize,
					      void (*ctor)(void *));
#define KMEM_CACHE(__struct, __flags) \
	kmem_cache_create(#__struct, sizeof(struct __struct), __alignof__(struct __struct), (__flags), NULL)
void kmem_cache_destroy(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *cachep, gfp_t flags) __malloc;
void *kmem_cache_zalloc(struct kmem_cache *k, gfp_t flags) __malloc;
void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t flags, int node) __malloc;
void kmem_cache_free(struct kmem_cache *s, void *objp);

struct mempool_s;
typedef struct mempool_s mempool_t;
typedef void *(mempool_alloc_t)(gfp_t gfp_mask, void *pool_data);
typedef void(mempool_free_t)(void *element, void *pool_data);
mempool_t *mempool_create(int min_nr, mempool_alloc_t *alloc_fn,
			  mempool_free_t *free_fn, void *pool_data);
mempool_t *mempool_create_kmalloc_pool(int min_nr, size_t size);
mempool_t *mempool_create_slab_pool(int min_nr, struct kmem_cache *kc);
mempool_t *mempool_create_page_pool(int min_nr, int order);
mempool_t *mempool_create_node(int min_nr, mempool_alloc_t *alloc_fn, mempool_free_t *free_fn,
			       void *pool_data, gfp_t gfp_mask, int node_id);
void mempool_destroy(mempool_t *pool);
void *mempool_alloc(mempool_t *pool, gfp_t gfp_mask) __malloc;
void mempool_free(void *element, mempool_t *pool);
void *mempool_kmalloc(gfp_t gfp_mask, void *pool_data);
void mempool_kfree(void *element, void *pool_data);

void *vmalloc(unsigned long size) __malloc;
void *vzalloc(unsigned long size) __malloc;
void *vmalloc_node(unsigned long size, int node) __malloc;
void *vzalloc_node(unsigned long size, int node) __malloc;
void *vmalloc_user(unsigned long size) __malloc;
void *vmalloc_32(unsigned long size) __malloc;
void *vmalloc_array(size_t n, size_t size) __malloc;
void *vcalloc(size_t n, size_t size) __malloc;
void vfree(const void *addr);
void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot);
void vunmap(const void *addr);
void *kvmalloc(size_t size, gfp_t flags) __malloc;
void *kvzalloc(size_t size, gfp_t flags) __malloc;
void *kvmalloc_node(size_t size, gfp_t flags, int node) __malloc;
void *kvzalloc_node(size_t size, gfp_t flags, int node) __malloc;
void *kvmalloc_array(size_t n, size_t size, gfp_t flags) __malloc;
void *kvcalloc(size_t n, size_t size, gfp_t flags) __malloc;
void *kvrealloc(const void *p, size_t size, gfp_t flags);
void kvfree(const void *addr);
void kvfree_sensitive(const void *addr, size_t len);
#define VM_MAP 0x00000004
#define VM_IOREMAP 0x00000001

/* ================= VMAs, mmap ================= */
typedef unsigned long vm_flags_t;
struct vm_operations_struct;
struct vm_area_struct {
	union {
		struct {
			unsigned long vm_start;
			unsigned long vm_end;
		};
		struct rcu_head vm_rcu;
	};
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;
	union {
		const vm_flags_t vm_flags;
		vm_flags_t __vm_flags;
	};
	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;
	struct file *vm_file;
	void *vm_private_data;
};
typedef unsigned int vm_fault_t;
struct vm_fault {
	struct vm_area_struct *vma;
	gfp_t gfp_mask;
	pgoff_t pgoff;
	unsigned long address;
	unsigned int flags;
	struct page *page;
};
struct vm_operations_struct {
	void (*open)(struct vm_area_struct *area);
	void (*close)(struct vm_area_struct *area);
	vm_fault_t (*fault)(struct vm_fault *vmf);
};
#define VM_FAULT_OOM ((__force vm_fault_t)0x000001)
#define VM_FAULT_SIGBUS ((__force vm_fault_t)0x000002)
#define VM_FAULT_NOPAGE ((__force vm_fault_t)0x000100)
#define VM_NONE 0x00000000
#define VM_READ 0x00000001
#define VM_WRITE 0x00000002
#define VM_EXEC 0x00000004
#define VM_SHARED 0x00000008
#define VM_MAYREAD 0x00000010
#define VM_MAYWRITE 0x00000020
#define VM_PFNMAP 0x00000400
#define VM_LOCKED 0x00002000
#define VM_IO 0x00004000
#define VM_DONTCOPY 0x00020000
#define VM_DONTEXPAND 0x00040000
#define VM_NORESERVE 0x00200000
#define VM_DONTDUMP 0x04000000
#define VM_MIXEDMAP 0x10000000
#define VM_RESERVED (VM_DONTEXPAND | VM_DONTDUMP) /* removed in 3.7 */
static inline unsigned long vma_pages(struct vm_area_struct *vma)
{ return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT; }
void vm_flags_set(struct vm_area_struct *vma, vm_flags_t flags);
void vm_flags_clear(struct vm_area_struct *vma, vm_flags_t flags);
int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
		    unsigned long pfn, unsigned long size, pgprot_t prot);
#define io_remap_pfn_range remap_pfn_range
int vm_iomap_memory(struct vm_area_struct *vma, phys_addr_t start, unsigned long len);
int vm_insert_page(struct vm_area_struct *vma, unsigned long addr, struct page *page);
vm_fault_t vmf_insert_pfn(struct vm_area_struct *vma, unsigned long addr, unsigned long pfn);
int remap_vmalloc_range(struct vm_area_struct *vma, void *addr, unsigned long pgoff);
#define pgprot_val(x) ((x).pgprot)
#define __pgprot(x) ((pgprot_t){ (x) })
pgprot_t pgprot_noncached(pgprot_t prot);
pgprot_t pgprot_writecombine(pgprot_t prot);
pgprot_t pgprot_device(pgprot_t prot);
pgprot_t vm_get_page_prot(unsigned long vm_flags);
extern pgprot_t PAGE_KERNEL;
extern pgprot_t PAGE_KERNEL_NOCACHE;
extern pgprot_t PAGE_SHARED;

long get_user_pages_fast(unsigned long start, int nr_pages, unsigned int gup_flags,
			 struct page **pages);
int pin_user_pages_fast(unsigned long start, int nr_pages, unsigned int gup_flags,
			struct page **pages);
void unpin_user_pages(struct page **pages, unsigned long npages);
void unpin_user_pages_dirty_lock(struct page **pages, unsigned long npages, bool make_dirty);
void unpin_user_page(struct page *page);
#define FOLL_WRITE 0x01
#define FOLL_LONGTERM 0x100
void set_page_dirty_lock(struct page *page);
void mmap_read_lock(struct mm_struct *mm);
void mmap_read_unlock(struct mm_struct *mm);

/* ================= uaccess ================= */
unsigned long __must_check copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long __must_check copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long __must_check clear_user(void __user *mem, unsigned long len);
long strncpy_from_user(char *dst, const char __user *src, long count);
void *memdup_user(const void __user *src, size_t len);
void *memdup_user_nul(const void __user *src, size_t len);
void *vmemdup_user(const void __user *src, size_t len);
#define access_ok(addr, size) ((void)(addr), (void)(size), 1)
#define get_user(x, ptr) ({ (x) = *(ptr); 0; })
#define put_user(x, ptr) ({ *(ptr) = (x); 0; })
#define __get_user(x, ptr) get_user(x, ptr)
#define __put_user(x, ptr) put_user(x, ptr)
#define u64_to_user_ptr(x) ((void __user *)(uintptr_t)(x))

/* ================= I/O memory ================= */
void __iomem *ioremap(resource_size_t offset, unsigned long size);
void __iomem *ioremap_uc(resource_size_t offset, unsigned long size);
void __iomem *ioremap_wc(resource_size_t offset, unsigned long size);
void __iomem *ioremap_wt(resource_size_t offset, unsigned long size);
void __iomem *ioremap_cache(resource_size_t offset, unsigned long size);
void __iomem *ioremap_encrypted(resource_size_t phys_addr, unsigned long size);
#define ioremap_nocache ioremap /* removed in 5.6 */
void iounmap(volatile void __iomem *addr);
void *memremap(resource_size_t offset, size_t size, unsigned long flags);
void memunmap(void *addr);
enum {
	MEMREMAP_WB = 1 << 0,
	MEMREMAP_WT = 1 << 1,
	MEMREMAP_WC = 1 << 2,
	MEMREMAP_ENC = 1 << 3,
	MEMREMAP_DEC = 1 << 4,
};
int arch_phys_wc_add(unsigned long base, unsigned long size);
void arch_phys_wc_del(int handle);
int arch_io_reserve_memtype_wc(resource_size_t start, resource_size_t size);
void arch_io_free_memtype_wc(resource_size_t start, resource_size_t size);

u8 readb(const volatile void __iomem *addr);
u16 readw(const volatile void __iomem *addr);
u32 readl(const volatile void __iomem *addr);
u64 readq(const volatile void __iomem *addr);
void writeb(u8 value, volatile void __iomem *addr);
void writew(u16 value, volatile void __iomem *addr);
void writel(u32 value, volatile void __iomem *addr);
void writeq(u64 value, volatile void __iomem *addr);
#define readb_relaxed(a) readb(a)
#define readw_relaxed(a) readw(a)
#define readl_relaxed(a) readl(a)
#define readq_relaxed(a) readq(a)
#define writeb_relaxed(v, a) writeb(v, a)
#define writew_relaxed(v, a) writew(v, a)
#define writel_relaxed(v, a) writel(v, a)
#define writeq_relaxed(v, a) writeq(v, a)
#define __raw_readb(a) readb(a)
#define __raw_readw(a) readw(a)
#define __raw_readl(a) readl(a)
#define __raw_readq(a) readq(a)
#define __raw_writeb(v, a) writeb(v, a)
#define __raw_writew(v, a) writew(v, a)
#define __raw_writel(v, a) writel(v, a)
#define __raw_writeq(v, a) writeq(v, a)
#define __readl(a) readl(a)
#define __writel(v, a) writel(v, a)
unsigned int ioread8(const void __iomem *addr);
unsigned int ioread16(const void __iomem *addr);
unsigned int ioread16be(const void __iomem *addr);
unsigned int ioread32(const void __iomem *addr);
unsigned int ioread32be(const void __iomem *addr);
u64 ioread64(const void __iomem *addr);
u64 ioread64_lo_hi(const void __iomem *addr);
u64 ioread64_hi_lo(const void __iomem *addr);
void iowrite8(u8 value, void __iomem *addr);
void iowrite16(u16 value, void __iomem *addr);
void iowrite16be(u16 value, void __iomem *addr);
void iowrite32(u32 value, void __iomem *addr);
void iowrite32be(u32 value, void __iomem *addr);
void iowrite64(u64 value, void __iomem *addr);
void iowrite64_lo_hi(u64 val, void __iomem *addr);
void iowrite64_hi_lo(u64 val, void __iomem *addr);
void ioread8_rep(const void __iomem *port, void *buf, unsigned long count);
void ioread16_rep(const void __iomem *port, void *buf, unsigned long count);
void ioread32_rep(const void __iomem *port, void *buf, unsigned long count);
void iowrite8_rep(void __iomem *port, const void *buf, unsigned long count);
void iowrite16_rep(void __iomem *port, const void *buf, unsigned long count);
void iowrite32_rep(void __iomem *port, const void *buf, unsigned long count);
void memcpy_fromio(void *dst, const volatile void __iomem *src, size_t count);
void memcpy_toio(volatile void __iomem *dst, const void *src, size_t count);
void memset_io(volatile void __iomem *addr, int val, size_t count);
void __iowrite32_copy(void __iomem *to, const void *from, size_t count);
void __ioread32_copy(void *to, const void __iomem *from, size_t count);
void __iowrite64_copy(void __iomem *to, const void *from, size_t count);
static inline u64 lo_hi_readq(const volatile void __iomem *addr)
{
	const volatile u32 __iomem *p = addr;
	u32 low = readl(p), high = readl(p + 1);
	return low + ((u64)high << 32);
}
static inline void lo_hi_writeq(__u64 val, volatile void __iomem *addr)
{
	writel(val, addr);
	writel(val >> 32, addr + 4);
}
static inline u64 hi_lo_readq(const volatile void __iomem *addr)
{
	const volatile u32 __iomem *p = addr;
	u32 high = readl(p + 1), low = readl(p);
	return low + ((u64)high << 32);
}
static inline void hi_lo_writeq(__u64 val, volatile void __iomem *addr)
{
	writel(val >> 32, addr + 4);
	writel(val, addr);
}
#define lo_hi_readq_relaxed lo_hi_readq
#define lo_hi_writeq_relaxed lo_hi_writeq
u8 inb(unsigned long port);
u16 inw(unsigned long port);
u32 inl(unsigned long port);
void outb(u8 value, unsigned long port);
void outw(u16 value, unsigned long port);
void outl(u32 value, unsigned long port);
#define inb_p inb
#define inw_p inw
#define inl_p inl
#define outb_p outb
#define outw_p outw
#define outl_p outl
void insb(unsigned long port, void *buffer, unsigned int count);
void insw(unsigned long port, void *buffer, unsigned int count);
void insl(unsigned long port, void *buffer, unsigned int count);
void outsb(unsigned long port, const void *buffer, unsigned int count);
void outsw(unsigned long port, const void *buffer, unsigned int count);
void outsl(unsigned long port, const void *buffer, unsigned int count);
void __iomem *ioport_map(unsigned long port, unsigned int nr);
void ioport_unmap(void __iomem *p);

#endif /* _DMACHECK_MODEL_MM_H */
