/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: basic types, limits, stddef/stdarg (after
 * include/uapi/asm-generic/int-ll64.h, include/linux/types.h, limits.h,
 * stddef.h, stdarg.h of Linux 6.12, x86_64).
 */
#ifndef _DMACHECK_MODEL_TYPES_H
#define _DMACHECK_MODEL_TYPES_H

#include <uapi/linux/const.h>
#define __BITS_PER_LONG 64
#define __BITS_PER_LONG_LONG 64

typedef signed char __s8;
typedef unsigned char __u8;
typedef signed short __s16;
typedef unsigned short __u16;
typedef signed int __s32;
typedef unsigned int __u32;
typedef signed long long __s64;
typedef unsigned long long __u64;

typedef __s8 s8;
typedef __u8 u8;
typedef __s16 s16;
typedef __u16 u16;
typedef __s32 s32;
typedef __u32 u32;
typedef __s64 s64;
typedef __u64 u64;

typedef __u16 __bitwise __le16;
typedef __u16 __bitwise __be16;
typedef __u32 __bitwise __le32;
typedef __u32 __bitwise __be32;
typedef __u64 __bitwise __le64;
typedef __u64 __bitwise __be64;
typedef __u16 __bitwise __sum16;
typedef __u32 __bitwise __wsum;
typedef unsigned __poll_t;

typedef long __kernel_long_t;
typedef unsigned long __kernel_ulong_t;
typedef unsigned long __kernel_size_t;
typedef long __kernel_ssize_t;
typedef long __kernel_ptrdiff_t;
typedef long long __kernel_loff_t;
typedef long __kernel_time_t;
typedef long long __kernel_time64_t;
typedef int __kernel_pid_t;
typedef unsigned int __kernel_uid32_t;
typedef unsigned int __kernel_gid32_t;
typedef int __kernel_clockid_t;
typedef long __kernel_off_t;

typedef unsigned long size_t;
typedef long ssize_t;
typedef long ptrdiff_t;
typedef unsigned long uintptr_t;
typedef long intptr_t;
typedef long off_t;
typedef long long loff_t;
typedef long long time64_t;
typedef long time_t;
typedef long clock_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef struct { uid_t val; } kuid_t;
typedef struct { gid_t val; } kgid_t;
typedef __u32 dev_t;
typedef unsigned short umode_t;
typedef unsigned int fmode_t;
typedef int clockid_t;
typedef __kernel_ulong_t ino_t;
typedef unsigned int nlink_t;

typedef _Bool bool;
enum { false = 0, true = 1 };

typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef unsigned char unchar;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;

typedef __u8 u_int8_t;
typedef __s8 int8_t;
typedef __u16 u_int16_t;
typedef __s16 int16_t;
typedef __u32 u_int32_t;
typedef __s32 int32_t;
typedef __u8 uint8_t;
typedef __u16 uint16_t;
typedef __u32 uint32_t;
typedef __u64 uint64_t;
typedef __u64 u_int64_t;
typedef __s64 int64_t;

typedef u64 sector_t;
typedef u64 blkcnt_t;
typedef u64 dma_addr_t;
typedef u64 phys_addr_t;
typedef phys_addr_t resource_size_t;
typedef unsigned long irq_hw_number_t;
typedef unsigned long pgoff_t;
typedef unsigned int __bitwise gfp_t;
typedef unsigned int __bitwise slab_flags_t;
typedef u64 netdev_features_t;
typedef u32 __kernel_dev_t;
typedef unsigned long kernel_ulong_t;
typedef __u32 __bitwise __portpair;
typedef __u64 __bitwise __addrpair;
typedef unsigned int __bitwise blk_opf_t;
typedef __u32 __bitwise req_flags_t;
typedef u8 __bitwise blk_status_t;
typedef u16 __bitwise blk_short_t;
typedef unsigned int blk_qc_t;

typedef struct {
	int counter;
} atomic_t;
typedef struct {
	s64 counter;
} atomic64_t;
typedef atomic64_t atomic_long_t;
/* compat (32-bit user ABI) types, as ethtool.h uses them */
typedef u32 compat_uptr_t;
typedef u32 compat_ulong_t;
typedef s32 compat_int_t;
typedef u32 compat_uint_t;
typedef s32 compat_long_t;
typedef u64 __attribute__((aligned(4))) compat_u64;
typedef s64 __attribute__((aligned(4))) compat_s64;

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

struct list_head {
	struct list_head *next, *prev;
};
struct hlist_head {
	struct hlist_node *first;
};
struct hlist_node {
	struct hlist_node *next, **pprev;
};
struct llist_head {
	struct llist_node *first;
};
struct llist_node {
	struct llist_node *next;
};
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
} __attribute__((aligned(sizeof(void *))));
#define rcu_head callback_head
typedef void (*rcu_callback_t)(struct rcu_head *head);

struct ustat;
typedef struct pgprot {
	unsigned long pgprot;
} pgprot_t;

/*
 * Forward declarations: a struct first named inside a prototype would be
 * local to that prototype, and every later use a type mismatch.
 */
struct device;
struct device_driver;
struct module;
struct page;
struct file;
struct inode;
struct mm_struct;
struct address_space;
struct page_pool;
struct scatterlist;
struct sg_table;
struct vm_area_struct;
struct dma_pool;
struct workqueue_struct;
struct task_struct;
struct pci_dev;
struct pci_bus;
struct net_device;
struct sk_buff;
struct napi_struct;
struct resource;
struct device_node;
struct fwnode_handle;
struct iommu_domain;
struct iommu_group;
struct kobject;
struct attribute_group;
struct seq_file;
struct poll_table_struct;
struct kmem_cache;
struct request;
struct request_queue;
struct gendisk;
struct bio;
struct irq_data;
struct irq_domain;
struct msi_desc;
struct firmware;
struct ethtool_ops;
struct dentry;
struct platform_device;
struct usb_device;
struct usb_interface;
struct urb;

/* ---- stddef.h ---- */
#define NULL ((void *)0)
#undef offsetof
#define offsetof(TYPE, MEMBER) __builtin_offsetof(TYPE, MEMBER)
#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))
#define offsetofend(TYPE, MEMBER) \
	(offsetof(TYPE, MEMBER) + sizeof_field(TYPE, MEMBER))
#define FIELD_SIZEOF(t, f) (sizeof(((t *)0)->f))
#define struct_group(NAME, MEMBERS...) \
	union { struct { MEMBERS }; struct { MEMBERS } NAME; }
#define struct_group_tagged(TAG, NAME, MEMBERS...) \
	union { struct { MEMBERS }; struct TAG { MEMBERS } NAME; }
#define struct_group_attr(NAME, ATTRS, MEMBERS...) \
	union { struct { MEMBERS } ATTRS; struct { MEMBERS } ATTRS NAME; }
#define __struct_group(TAG, NAME, ATTRS, MEMBERS...) \
	union { struct { MEMBERS } ATTRS; struct TAG { MEMBERS } ATTRS NAME; }
#define DECLARE_FLEX_ARRAY(TYPE, NAME) \
	struct { struct { } __empty_##NAME; TYPE NAME[]; }
#define __DECLARE_FLEX_ARRAY(TYPE, NAME) DECLARE_FLEX_ARRAY(TYPE, NAME)

/* ---- stdarg.h ---- */
typedef __builtin_va_list va_list;
#define va_start(v, l) __builtin_va_start(v, l)
#define va_end(v) __builtin_va_end(v)
#define va_arg(v, T) __builtin_va_arg(v, T)
#define va_copy(d, s) __builtin_va_copy(d, s)

/* ---- limits.h ---- */
#define USHRT_MAX ((unsigned short)~0U)
#define SHRT_MAX ((short)(USHRT_MAX >> 1))
#define SHRT_MIN ((short)(-SHRT_MAX - 1))
#define INT_MAX ((int)(~0U >> 1))
#define INT_MIN (-INT_MAX - 1)
#define UINT_MAX (~0U)
#define LONG_MAX ((long)(~0UL >> 1))
#define LONG_MIN (-LONG_MAX - 1)
#define ULONG_MAX (~0UL)
#define LLONG_MAX ((long long)(~0ULL >> 1))
#define LLONG_MIN (-LLONG_MAX - 1)
#define ULLONG_MAX (~0ULL)
#define SIZE_MAX (~(size_t)0)
#define SSIZE_MAX ((ssize_t)(SIZE_MAX >> 1))
#define PHYS_ADDR_MAX (~(phys_addr_t)0)
#define CHAR_BIT 8
#define U8_MAX ((u8)~0U)
#define S8_MAX ((s8)(U8_MAX >> 1))
#define S8_MIN ((s8)(-S8_MAX - 1))
#define U16_MAX ((u16)~0U)
#define S16_MAX ((s16)(U16_MAX >> 1))
#define S16_MIN ((s16)(-S16_MAX - 1))
#define U32_MAX ((u32)~0U)
#define U32_MIN ((u32)0)
#define S32_MAX ((s32)(U32_MAX >> 1))
#define S32_MIN ((s32)(-S32_MAX - 1))
#define U64_MAX ((u64)~0ULL)
#define S64_MAX ((s64)(U64_MAX >> 1))
#define S64_MIN ((s64)(-S64_MAX - 1))

#define SZ_1 0x00000001
#define SZ_2 0x00000002
#define SZ_4 0x00000004
#define SZ_8 0x00000008
#define SZ_16 0x00000010
#define SZ_32 0x00000020
#define SZ_64 0x00000040
#define SZ_128 0x00000080
#define SZ_256 0x00000100
#define SZ_512 0x00000200
#define SZ_1K 0x00000400
#define SZ_2K 0x00000800
#define SZ_4K 0x00001000
#define SZ_8K 0x00002000
#define SZ_16K 0x00004000
#define SZ_32K 0x00008000
#define SZ_64K 0x00010000
#define SZ_128K 0x00020000
#define SZ_256K 0x00040000
#define SZ_512K 0x00080000
#define SZ_1M 0x00100000
#define SZ_2M 0x00200000
#define SZ_4M 0x00400000
#define SZ_8M 0x00800000
#define SZ_16M 0x01000000
#define SZ_32M 0x02000000
#define SZ_64M 0x04000000
#define SZ_128M 0x08000000
#define SZ_256M 0x10000000
#define SZ_512M 0x20000000
#define SZ_1G 0x40000000
#define SZ_2G 0x80000000
#define SZ_4G _AC(0x100000000, ULL)

#define UL(x) (_UL(x))
#define ULL(x) (_ULL(x))

#endif /* _DMACHECK_MODEL_TYPES_H */
