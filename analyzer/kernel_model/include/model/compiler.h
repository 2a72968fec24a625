/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: compiler attributes, annotations and the
 * kconfig helpers (after include/linux/compiler*.h, compiler_attributes.h,
 * kconfig.h, build_bug.h, stringify.h of Linux 6.12).
 *
 * Sparse annotations expand to nothing, as they do for a real clang build.
 */
#ifndef _DMACHECK_MODEL_COMPILER_H
#define _DMACHECK_MODEL_COMPILER_H

/* ---- kconfig: a curated x86_64 configuration (Debian amd64 6.12) ---- */
/*
 * Only options that decide which driver code is parsed or which
 * definition of a DMA helper applies; all set as Debian sets them, except
 * CONFIG_ACPI (on in Debian, off here: ACPI is not modelled). CONFIG_NEED_DMA_MAP_STATE matters:
 * with it dma_unmap_addr()/DEFINE_DMA_UNMAP_ADDR() keep real fields, so the
 * checker sees where a driver stores its mapping.
 */
#define CONFIG_X86 1
#define CONFIG_X86_64 1
#define CONFIG_64BIT 1
#define CONFIG_SMP 1
#define CONFIG_MMU 1
#define CONFIG_PCI 1
#define CONFIG_PCI_MSI 1
#define CONFIG_PCI_IOV 1
#define CONFIG_NET_POLL_CONTROLLER 1
#define CONFIG_NEED_SG_DMA_LENGTH 1
#define CONFIG_NEED_SG_DMA_FLAGS 1
#define CONFIG_HAS_DMA 1
#define CONFIG_HAS_IOMEM 1
#define CONFIG_HAS_IOPORT 1
#define CONFIG_NEED_DMA_MAP_STATE 1
#define CONFIG_ARCH_DMA_ADDR_T_64BIT 1
#define CONFIG_PHYS_ADDR_T_64BIT 1
#define CONFIG_NET 1
#define CONFIG_INET 1
#define CONFIG_BLOCK 1
#define CONFIG_PM 1
#define CONFIG_PM_SLEEP 1
#define CONFIG_HZ 250
#define CONFIG_NR_CPUS 8192
#define CONFIG_PAGE_OFFSET 0xffff888000000000

#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define __and(x, y) ___and(x, y)
#define ___and(x, y) ____and(__ARG_PLACEHOLDER_##x, y)
#define ____and(arg1_or_junk, y) __take_second_arg(arg1_or_junk y, 0)
#define __or(x, y) ___or(x, y)
#define ___or(x, y) ____or(__ARG_PLACEHOLDER_##x, y)
#define ____or(arg1_or_junk, y) __take_second_arg(arg1_or_junk 1, y)
#define __is_defined(x) ___is_defined(x)
#define ___is_defined(val) ____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)
#define IS_BUILTIN(option) __is_defined(option)
#define IS_MODULE(option) __is_defined(option##_MODULE)
#define IS_REACHABLE(option) \
	__or(IS_BUILTIN(option), __and(IS_MODULE(option), __is_defined(MODULE)))
#define IS_ENABLED(option) __or(IS_BUILTIN(option), IS_MODULE(option))

/* ---- sparse annotations ---- */
#define __user
#define __kernel
#define __safe
#define __force
#define __nocast
#define __iomem
#define __chk_user_ptr(x) (void)0
#define __chk_io_ptr(x) (void)0
#define __builtin_warning(x, y...) (1)
#define __must_hold(x)
#define __acquires(x)
#define __cond_acquires(x)
#define __releases(x)
#define __acquire(x) (void)0
#define __release(x) (void)0
#define __cond_lock(x, c) (c)
#define __percpu
#define __rcu
#define __private
#define ACCESS_PRIVATE(p, member) ((p)->member)
#define __bitwise
#define __bitwise__
#define __data_racy

/* ---- attributes ---- */
#define __alias(symbol) __attribute__((__alias__(#symbol)))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __aligned_largest __attribute__((__aligned__))
#define __always_inline inline __attribute__((__always_inline__))
#define __assume_aligned(a, ...) __attribute__((__assume_aligned__(a, ##__VA_ARGS__)))
#define __cleanup(func) __attribute__((__cleanup__(func)))
#define __cold __attribute__((__cold__))
#define __attribute_const__ __attribute__((__const__))
#define __copy(symbol)
#define __counted_by(member)
#define __counted_by_le(member)
#define __counted_by_be(member)
#define __deprecated
#define __designated_init
#define __visible __attribute__((__externally_visible__))
#define __flatten __attribute__((flatten))
#define __gnu_inline __attribute__((__gnu_inline__))
#define __malloc __attribute__((__malloc__))
#define __mode(x) __attribute__((__mode__(x)))
#define __no_caller_saved_registers
#define __noclone
#define fallthrough __attribute__((__fallthrough__))
#define __noreturn __attribute__((__noreturn__))
#define __nonstring
#define __packed __attribute__((__packed__))
#define __pure __attribute__((__pure__))
#define __section(section) __attribute__((__section__(section)))
#define __always_unused __attribute__((__unused__))
#define __maybe_unused __attribute__((__unused__))
#define __used __attribute__((__used__))
#define __must_check __attribute__((__warn_unused_result__))
#define __weak __attribute__((__weak__))
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
#define __scanf(a, b) __attribute__((__format__(scanf, a, b)))
#define noinline __attribute__((__noinline__))
#define noinline_for_stack noinline
#define __noinline_for_stack noinline
#define notrace
#define __naked __attribute__((__naked__)) notrace
#define __randomize_layout
#define __no_randomize_layout
#define randomized_struct_fields_start struct {
#define randomized_struct_fields_end };
#define __latent_entropy
#define __noscs
#define __nocfi
#define __no_sanitize_address
#define __no_kcsan
#define noinstr
#define __cpuidle
#define __ro_after_init
#define __read_mostly
#define __initconst
#define __initdata
#define __exitdata
#define __init
#define __exit
#define __ref
#define __refdata
#define __refconst
#define __devinit
#define __devexit
#define __devinitdata
#define __devinitconst
#define __devexit_p(x) x
#define __exit_p(x) x
#define __init_or_module
#define __meminit
#define __always_inline_or_none inline
#define asmlinkage
#define __asmlinkage
#define __nostackprotector
#define __no_stack_protector
#define __nocapture
#define __uninitialized_var(x) x
#define __retain
#define __diag_push()
#define __diag_pop()
#define __diag_ignore(compiler, version, option, comment)
#define __diag_ignore_all(option, comment)

#define L1_CACHE_SHIFT 6
#define L1_CACHE_BYTES (1 << L1_CACHE_SHIFT)
#define SMP_CACHE_BYTES L1_CACHE_BYTES
#define ARCH_KMALLOC_MINALIGN 8
#define ____cacheline_aligned __attribute__((__aligned__(SMP_CACHE_BYTES)))
#define ____cacheline_aligned_in_smp ____cacheline_aligned
#define __cacheline_aligned ____cacheline_aligned
#define __cacheline_aligned_in_smp ____cacheline_aligned
#define ____cacheline_internodealigned_in_smp ____cacheline_aligned
#define __cacheline_group_begin(GROUP) __u8 __cacheline_group_begin__##GROUP[0]
#define __cacheline_group_end(GROUP) __u8 __cacheline_group_end__##GROUP[0]
#define __cacheline_group_begin_aligned(GROUP, ...) __cacheline_group_begin(GROUP)
#define __cacheline_group_end_aligned(GROUP, ...) __cacheline_group_end(GROUP)
#define CACHELINE_ASSERT_GROUP_MEMBER(TYPE, GROUP, MEMBER)
#define CACHELINE_ASSERT_GROUP_SIZE(TYPE, GROUP, SIZE)
#define cache_line_size() L1_CACHE_BYTES

/* ---- helpers ---- */
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define likely_notrace(x) likely(x)
#define unlikely_notrace(x) unlikely(x)
#define barrier() __asm__ __volatile__("" : : : "memory")
#define barrier_data(ptr) __asm__ __volatile__("" : : "r"(ptr) : "memory")
#define unreachable() __builtin_unreachable()
#define OPTIMIZER_HIDE_VAR(var) __asm__("" : "=r"(var) : "0"(var))
#define absolute_pointer(val) RELOC_HIDE((void *)(val), 0)
#define RELOC_HIDE(ptr, off) ((typeof(ptr))((unsigned long)(ptr) + (off)))
#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))
#define __is_constexpr(x) \
	(sizeof(int) == sizeof(*(8 ? ((void *)((long)(x) * 0l)) : (int *)8)))
#define __must_be_array(a) 0
#define __must_be_byte_array(a) 0
#define __must_be_cstr(p) 0
#define __scalar_type_to_expr_cases(type) \
	unsigned type : (unsigned type)0, signed type : (signed type)0
#define __unqual_scalar_typeof(x) typeof(x)
#define __native_word(t) \
	(sizeof(t) == sizeof(char) || sizeof(t) == sizeof(short) || \
	 sizeof(t) == sizeof(int) || sizeof(t) == sizeof(long))

#define __READ_ONCE(x) (*(const volatile typeof(x) *)&(x))
#define READ_ONCE(x) __READ_ONCE(x)
#define __WRITE_ONCE(x, val) \
	do { *(volatile typeof(x) *)&(x) = (val); } while (0)
#define WRITE_ONCE(x, val) __WRITE_ONCE(x, val)
#define ACCESS_ONCE(x) (*(volatile typeof(x) *)&(x))
#define data_race(expr) (expr)

#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)
#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
#define __CONCAT(a, b) a##b
#define CONCATENATE(a, b) __CONCAT(a, b)
#define FILE_LINE __FILE__ ":" __stringify(__LINE__)

#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int : (-!!(e)); })))
#define BUILD_BUG_ON_NULL(e) ((void *)sizeof(struct { int : (-!!(e)); }))
#define BUILD_BUG_ON_INVALID(e) ((void)(sizeof((long)(e))))
#define BUILD_BUG_ON_MSG(cond, msg) ((void)sizeof(char[1 - 2 * !!(cond)]))
#define BUILD_BUG_ON(condition) ((void)sizeof(char[1 - 2 * !!(condition)]))
#define BUILD_BUG_ON_NOT_POWER_OF_2(n) BUILD_BUG_ON((n) == 0 || (((n) & ((n) - 1)) != 0))
#define BUILD_BUG() ((void)0)
#define static_assert(expr, ...) __static_assert(expr, ##__VA_ARGS__, #expr)
#define __static_assert(expr, msg, ...) _Static_assert(expr, msg)
#define compiletime_assert(condition, msg) ((void)sizeof(char[1 - 2 * !(condition)]))
#define compiletime_assert_atomic_type(t)

#endif /* _DMACHECK_MODEL_COMPILER_H */
