/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: what linux/kernel.h and its small friends give a
 * driver (after include/linux/{kernel,minmax,math,err,bug,bits,bitops,
 * bitfield,log2,string,printk,dev_printk,byteorder/generic,unaligned}.h
 * of Linux 6.12).
 *
 * Simplifications: min()/max()/clamp() are plain conditional expressions
 * (the kernel's type checks only reject code that does not build anyway);
 * bit operations are declared, not implemented.
 */
#ifndef _DMACHECK_MODEL_KERNEL_H
#define _DMACHECK_MODEL_KERNEL_H

/* ================= bits, bitops ================= */
#define BITS_PER_LONG 64
#define BITS_PER_LONG_LONG 64
#define BITS_PER_BYTE 8
#define BITS_PER_TYPE(type) (sizeof(type) * BITS_PER_BYTE)
#define BITS_TO_LONGS(nr) DIV_ROUND_UP(nr, BITS_PER_TYPE(long))
#define BITS_TO_U64(nr) DIV_ROUND_UP(nr, BITS_PER_TYPE(u64))
#define BITS_TO_U32(nr) DIV_ROUND_UP(nr, BITS_PER_TYPE(u32))
#define BITS_TO_BYTES(nr) DIV_ROUND_UP(nr, BITS_PER_TYPE(char))
#define BIT(nr) (UL(1) << (nr))
#define BIT_ULL(nr) (ULL(1) << (nr))
#define BIT_MASK(nr) (UL(1) << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define BIT_ULL_MASK(nr) (ULL(1) << ((nr) % BITS_PER_LONG_LONG))
#define BIT_ULL_WORD(nr) ((nr) / BITS_PER_LONG_LONG)
#define GENMASK(h, l) \
	(((~UL(0)) - (UL(1) << (l)) + 1) & (~UL(0) >> (BITS_PER_LONG - 1 - (h))))
#define GENMASK_ULL(h, l) \
	(((~ULL(0)) - (ULL(1) << (l)) + 1) & \
	 (~ULL(0) >> (BITS_PER_LONG_LONG - 1 - (h))))
#define GENMASK_U128(h, l) GENMASK_ULL(h, l)
#define BIT_U8(b) ((u8)BIT(b))
#define BIT_U16(b) ((u16)BIT(b))

#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

void set_bit(long nr, volatile unsigned long *addr);
void clear_bit(long nr, volatile unsigned long *addr);
void change_bit(long nr, volatile unsigned long *addr);
void __set_bit(long nr, volatile unsigned long *addr);
void __clear_bit(long nr, volatile unsigned long *addr);
void __change_bit(long nr, volatile unsigned long *addr);
bool test_bit(long nr, const volatile unsigned long *addr);
bool test_and_set_bit(long nr, volatile unsigned long *addr);
bool test_and_clear_bit(long nr, volatile unsigned long *addr);
bool test_and_change_bit(long nr, volatile unsigned long *addr);
bool __test_and_set_bit(long nr, volatile unsigned long *addr);
bool __test_and_clear_bit(long nr, volatile unsigned long *addr);
bool test_and_set_bit_lock(long nr, volatile unsigned long *addr);
void clear_bit_unlock(long nr, volatile unsigned long *addr);
void smp_mb__before_atomic(void);
void smp_mb__after_atomic(void);
#define smp_mb__before_clear_bit() smp_mb__before_atomic()
#define smp_mb__after_clear_bit() smp_mb__after_atomic()

void __set_bit_le(int nr, void *addr);
void __clear_bit_le(int nr, void *addr);
int test_bit_le(int nr, const void *addr);
void set_bit_le(int nr, void *addr);
void clear_bit_le(int nr, void *addr);
unsigned long find_first_bit(const unsigned long *addr, unsigned long size);
unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
			    unsigned long offset);
unsigned long find_first_zero_bit(const unsigned long *addr,
				  unsigned long size);
unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
				 unsigned long offset);
unsigned long find_last_bit(const unsigned long *addr, unsigned long size);
#define for_each_set_bit(bit, addr, size) \
	for ((bit) = 0; (bit) = find_next_bit((addr), (size), (bit)), (bit) < (size); (bit)++)
#define for_each_set_bit_from(bit, addr, size) \
	for (; (bit) = find_next_bit((addr), (size), (bit)), (bit) < (size); (bit)++)
#define for_each_clear_bit_from(bit, addr, size) \
	for (; (bit) = find_next_zero_bit((addr), (size), (bit)), (bit) < (size); (bit)++)
#define for_each_clear_bit(bit, addr, size) \
	for ((bit) = 0; (bit) = find_next_zero_bit((addr), (size), (bit)), (bit) < (size); (bit)++)

void bitmap_zero(unsigned long *dst, unsigned int nbits);
void bitmap_fill(unsigned long *dst, unsigned int nbits);
void bitmap_copy(unsigned long *dst, const unsigned long *src, unsigned int nbits);
bool bitmap_empty(const unsigned long *src, unsigned int nbits);
bool bitmap_full(const unsigned long *src, unsigned int nbits);
unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits);
void bitmap_set(unsigned long *map, unsigned int start, unsigned int nbits);
void bitmap_clear(unsigned long *map, unsigned int start, unsigned int nbits);
unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags);
void bitmap_free(const unsigned long *bitmap);

static inline int ffs(int x) { return __builtin_ffs(x); }
static inline int fls(unsigned int x) { return x ? 32 - __builtin_clz(x) : 0; }
static inline int fls64(u64 x) { return x ? 64 - __builtin_clzll(x) : 0; }
static inline unsigned long __ffs(unsigned long word) { return __builtin_ctzl(word); }
static inline unsigned long __fls(unsigned long word) { return 63 - __builtin_clzl(word); }
static inline unsigned long ffz(unsigned long word) { return __builtin_ctzl(~word); }
static inline unsigned long __ffs64(u64 word) { return __builtin_ctzll(word); }
static inline unsigned int hweight8(unsigned int w) { return __builtin_popcount(w & 0xff); }
static inline unsigned int hweight16(unsigned int w) { return __builtin_popcount(w & 0xffff); }
static inline unsigned int hweight32(unsigned int w) { return __builtin_popcount(w); }
static inline unsigned long hweight64(u64 w) { return __builtin_popcountll(w); }
static inline unsigned long hweight_long(unsigned long w) { return __builtin_popcountl(w); }
static inline u32 rol32(u32 word, unsigned int shift) { return (word << (shift & 31)) | (word >> ((-shift) & 31)); }
static inline u32 ror32(u32 word, unsigned int shift) { return (word >> (shift & 31)) | (word << ((-shift) & 31)); }
static inline u16 swab16(u16 x) { return __builtin_bswap16(x); }
static inline u32 swab32(u32 x) { return __builtin_bswap32(x); }
static inline u64 swab64(u64 x) { return __builtin_bswap64(x); }
#define __swab16(x) swab16(x)
#define __swab32(x) swab32(x)
#define __swab64(x) swab64(x)
#define ___constant_swab16(x) ((u16)__builtin_bswap16(x))
#define ___constant_swab32(x) ((u32)__builtin_bswap32(x))
#define ___constant_swab64(x) ((u64)__builtin_bswap64(x))

#define ilog2(n) ((int)(63 - __builtin_clzll((u64)(n) | 1)))
#define order_base_2(n) ((n) > 1 ? ilog2((n) - 1) + 1 : 0)
#define roundup_pow_of_two(n) \
	((unsigned long)((n) == 1 ? 1 : (1UL << (ilog2((n) - 1) + 1))))
#define rounddown_pow_of_two(n) ((unsigned long)(1UL << ilog2(n)))
#define is_power_of_2(n) ((n) != 0 && (((n) & ((n) - 1)) == 0))
#define const_ilog2(n) ilog2(n)
static inline int get_count_order(unsigned int count) { return count ? (int)order_base_2(count) : -1; }

/* ---- bitfield.h ---- */
#define __bf_shf(x) (__builtin_ffsll(x) - 1)
#define FIELD_PREP(_mask, _val) \
	((typeof(_mask))(((typeof(_mask))(_val) << __bf_shf(_mask)) & (_mask)))
#define FIELD_GET(_mask, _reg) \
	((typeof(_mask))(((_reg) & (_mask)) >> __bf_shf(_mask)))
#define FIELD_FIT(_mask, _val) \
	(!((((typeof(_mask))(_val)) << __bf_shf(_mask)) & ~(_mask)))
#define FIELD_MAX(_mask) ((typeof(_mask))((_mask) >> __bf_shf(_mask)))
#define FIELD_PREP_CONST(_mask, _val) FIELD_PREP(_mask, _val)
#define u32_encode_bits(v, field) FIELD_PREP(field, v)
#define u32_get_bits(v, field) FIELD_GET(field, v)
#define le32_encode_bits(v, field) cpu_to_le32(FIELD_PREP(field, v))
#define le32_get_bits(v, field) FIELD_GET(field, le32_to_cpu(v))
#define u16_encode_bits(v, field) FIELD_PREP(field, v)
#define u16_get_bits(v, field) FIELD_GET(field, v)
#define u8_encode_bits(v, field) FIELD_PREP(field, v)
#define u8_get_bits(v, field) FIELD_GET(field, v)
#define u64_encode_bits(v, field) FIELD_PREP(field, v)
#define u64_get_bits(v, field) FIELD_GET(field, v)
#define le16_encode_bits(v, field) cpu_to_le16(FIELD_PREP(field, v))
#define le16_get_bits(v, field) FIELD_GET(field, le16_to_cpu(v))
#define le64_encode_bits(v, field) cpu_to_le64(FIELD_PREP(field, v))
#define le64_get_bits(v, field) FIELD_GET(field, le64_to_cpu(v))

/* ================= minmax, math ================= */
#define min(x, y) ((x) < (y) ? (x) : (y))
#define max(x, y) ((x) > (y) ? (x) : (y))
#define min3(x, y, z) min((typeof(x))min(x, y), z)
#define max3(x, y, z) max((typeof(x))max(x, y), z)
#define umin(x, y) min((x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)
#define umax(x, y) max((x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)
#define min_not_zero(x, y) ((x) == 0 ? (y) : ((y) == 0 ? (x) : min(x, y)))
#define min_t(type, x, y) ((type)(x) < (type)(y) ? (type)(x) : (type)(y))
#define max_t(type, x, y) ((type)(x) > (type)(y) ? (type)(x) : (type)(y))
#define MIN(a, b) min(a, b)
#define MAX(a, b) max(a, b)
#define MIN_T(type, a, b) min_t(type, a, b)
#define MAX_T(type, a, b) max_t(type, a, b)
#define clamp(val, lo, hi) min((typeof(val))max(val, lo), hi)
#define clamp_t(type, val, lo, hi) min_t(type, max_t(type, val, lo), hi)
#define clamp_val(val, lo, hi) clamp_t(typeof(val), val, lo, hi)
#define in_range(val, start, len) ((val) >= (start) && (val) < (start) + (len))
#define swap(a, b) \
	do { typeof(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)
#define abs(x) ((x) < 0 ? -(x) : (x))
#define abs_diff(a, b) ((a) > (b) ? (a) - (b) : (b) - (a))

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]) + __must_be_array(arr))
#define __ALIGN_MASK(x, mask) __ALIGN_KERNEL_MASK((x), (mask))
#define ALIGN(x, a) __ALIGN_KERNEL((x), (a))
#define ALIGN_DOWN(x, a) __ALIGN_KERNEL((x) - ((a) - 1), (a))
#define PTR_ALIGN(p, a) ((typeof(p))ALIGN((unsigned long)(p), (a)))
#define PTR_ALIGN_DOWN(p, a) ((typeof(p))ALIGN_DOWN((unsigned long)(p), (a)))
#define IS_ALIGNED(x, a) (((x) & ((typeof(x))(a) - 1)) == 0)
#define __round_mask(x, y) ((__typeof__(x))((y) - 1))
#define round_up(x, y) ((((x) - 1) | __round_mask(x, y)) + 1)
#define round_down(x, y) ((x) & ~__round_mask(x, y))
#define roundup(x, y) ((((x) + ((y) - 1)) / (y)) * (y))
#define rounddown(x, y) ((x) - ((x) % (y)))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define DIV_ROUND_DOWN_ULL(ll, d) ((unsigned long long)(ll) / (d))
#define DIV_ROUND_UP_ULL(ll, d) DIV_ROUND_DOWN_ULL((unsigned long long)(ll) + (d) - 1, (d))
#define DIV_ROUND_UP_SECTOR_T(ll, d) DIV_ROUND_UP_ULL(ll, d)
#define DIV_ROUND_CLOSEST(x, divisor) (((x) + ((divisor) / 2)) / (divisor))
#define DIV_ROUND_CLOSEST_ULL(x, divisor) DIV_ROUND_CLOSEST((unsigned long long)(x), divisor)
#define mult_frac(x, n, d) (((x) / (d)) * (n) + (((x) % (d)) * (n)) / (d))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))
#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_16_bits(n) ((u16)((n) & 0xffff))
#define upper_16_bits(n) ((u16)((n) >> 16))
#define do_div(n, base) \
	({ u32 __base = (base); u32 __rem = ((u64)(n)) % __base; (n) = ((u64)(n)) / __base; __rem; })
static inline u64 div_u64(u64 dividend, u32 divisor) { return dividend / divisor; }
static inline s64 div_s64(s64 dividend, s32 divisor) { return dividend / divisor; }
static inline u64 div64_u64(u64 dividend, u64 divisor) { return dividend / divisor; }
static inline s64 div64_s64(s64 dividend, s64 divisor) { return dividend / divisor; }
static inline u64 div64_ul(u64 dividend, unsigned long divisor) { return dividend / divisor; }
static inline u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{ *remainder = dividend % divisor; return dividend / divisor; }
static inline u64 mul_u32_u32(u32 a, u32 b) { return (u64)a * b; }
#define check_add_overflow(a, b, d) __builtin_add_overflow(a, b, d)
#define check_sub_overflow(a, b, d) __builtin_sub_overflow(a, b, d)
#define check_mul_overflow(a, b, d) __builtin_mul_overflow(a, b, d)
#define size_mul(a, b) ((size_t)(a) * (size_t)(b))
#define size_add(a, b) ((size_t)(a) + (size_t)(b))
#define size_sub(a, b) ((size_t)(a) - (size_t)(b))
#define array_size(a, b) size_mul(a, b)
#define array3_size(a, b, c) size_mul(size_mul(a, b), c)
#define struct_size(p, member, count) \
	size_add(sizeof(*(p)), size_mul(sizeof(*(p)->member), count))
#define struct_size_t(type, member, count) \
	struct_size((type *)NULL, member, count)
#define flex_array_size(p, member, count) size_mul(count, sizeof(*(p)->member))
#define typecheck(type, x) ({ type __dummy; typeof(x) __dummy2; (void)(&__dummy == &__dummy2); 1; })
#define typeof_member(T, m) typeof(((T *)0)->m)
#define container_of(ptr, type, member) \
	({ void *__mptr = (void *)(ptr); ((type *)(__mptr - offsetof(type, member))); })
#define container_of_const(ptr, type, member) container_of(ptr, type, member)
#define REPEAT_BYTE(x) ((~0ul / 0xff) * (x))
#define COUNT_ARGS(X...) __COUNT_ARGS(, ##X, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define __COUNT_ARGS(_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _n, X...) _n
#define might_sleep() do { } while (0)
#define might_sleep_if(cond) do { } while (0)
#define might_fault() do { } while (0)
#define lockdep_assert_held(l) do { (void)(l); } while (0)
#define lockdep_assert_not_held(l) do { (void)(l); } while (0)
#define lockdep_assert_irqs_disabled() do { } while (0)
#define lockdep_set_class(lock, key) do { (void)(key); } while (0)
#define lock_is_held(l) 1

/* ================= err.h ================= */
#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)
static inline void *__must_check ERR_PTR(long error) { return (void *)error; }
static inline long __must_check PTR_ERR(const void *ptr) { return (long)ptr; }
static inline bool __must_check IS_ERR(const void *ptr) { return IS_ERR_VALUE((unsigned long)ptr); }
static inline bool __must_check IS_ERR_OR_NULL(const void *ptr)
{ return !ptr || IS_ERR_VALUE((unsigned long)ptr); }
static inline void *__must_check ERR_CAST(const void *ptr) { return (void *)ptr; }
static inline int __must_check PTR_ERR_OR_ZERO(const void *ptr)
{ return IS_ERR(ptr) ? (int)PTR_ERR(ptr) : 0; }
#define PTR_RET(p) PTR_ERR_OR_ZERO(p)

/* ================= printk, dev_printk ================= */
#define KERN_SOH "\001"
#define KERN_SOH_ASCII '\001'
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_DEFAULT ""
#define KERN_CONT KERN_SOH "c"
#define LOGLEVEL_ERR 3
#define CONSOLE_LOGLEVEL_DEFAULT 7

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
#ifndef dev_fmt
#define dev_fmt(fmt) fmt
#endif

__printf(1, 2) __cold int _printk(const char *fmt, ...);
__printf(1, 0) int vprintk(const char *fmt, va_list args);
#define printk(fmt, ...) _printk(fmt, ##__VA_ARGS__)
#define printk_once(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define printk_ratelimited(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define no_printk(fmt, ...) ({ if (0) _printk(fmt, ##__VA_ARGS__); 0; })
int printk_ratelimit(void);
#define printk_timed_ratelimit(caller_jiffies, interval_msec) 1
#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warning(fmt, ...) pr_warn(fmt, ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)
#define pr_devel(fmt, ...) no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_emerg_once pr_emerg
#define pr_alert_once pr_alert
#define pr_crit_once pr_crit
#define pr_err_once pr_err
#define pr_warn_once pr_warn
#define pr_notice_once pr_notice
#define pr_info_once pr_info
#define pr_debug_once pr_debug
#define pr_err_ratelimited pr_err
#define pr_warn_ratelimited pr_warn
#define pr_notice_ratelimited pr_notice
#define pr_info_ratelimited pr_info
#define pr_debug_ratelimited pr_debug
#define pr_crit_ratelimited pr_crit
#define pr_alert_ratelimited pr_alert
#define pr_emerg_ratelimited pr_emerg

struct device;
__printf(3, 4) __cold void _dev_printk(const char *level, const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_emerg(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_alert(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_crit(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_err(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_warn(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_notice(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_info(const struct device *dev, const char *fmt, ...);
__printf(3, 4) int dev_err_probe(const struct device *dev, int err, const char *fmt, ...);
__printf(3, 4) int dev_warn_probe(const struct device *dev, int err, const char *fmt, ...);
#define dev_printk(level, dev, fmt, ...) _dev_printk(level, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...) _dev_emerg(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...) _dev_crit(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...) _dev_alert(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...) _dev_err(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) _dev_warn(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) _dev_notice(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) _dev_info(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...) dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)
#define dev_vdbg(dev, fmt, ...) dev_dbg(dev, fmt, ##__VA_ARGS__)
#define dev_level_once(dev_level, dev, fmt, ...) dev_level(dev, fmt, ##__VA_ARGS__)
#define dev_emerg_once dev_emerg
#define dev_alert_once dev_alert
#define dev_crit_once dev_crit
#define dev_err_once dev_err
#define dev_warn_once dev_warn
#define dev_notice_once dev_notice
#define dev_info_once dev_info
#define dev_dbg_once dev_dbg
#define dev_emerg_ratelimited dev_emerg
#define dev_alert_ratelimited dev_alert
#define dev_crit_ratelimited dev_crit
#define dev_err_ratelimited dev_err
#define dev_warn_ratelimited dev_warn
#define dev_notice_ratelimited dev_notice
#define dev_info_ratelimited dev_info
#define dev_dbg_ratelimited dev_dbg

enum {
	DUMP_PREFIX_NONE,
	DUMP_PREFIX_ADDRESS,
	DUMP_PREFIX_OFFSET
};
void print_hex_dump(const char *level, const char *prefix_str, int prefix_type,
		    int rowsize, int groupsize, const void *buf, size_t len,
		    bool ascii);
void print_hex_dump_bytes(const char *prefix_str, int prefix_type,
			  const void *buf, size_t len);
#define print_hex_dump_debug(prefix_str, prefix_type, rowsize, groupsize, buf, len, ascii) \
	print_hex_dump(KERN_DEBUG, prefix_str, prefix_type, rowsize, groupsize, buf, len, ascii)
int hex_dump_to_buffer(const void *buf, size_t len, int rowsize, int groupsize,
		       char *linebuf, size_t linebuflen, bool ascii);
void dump_stack(void);
int hex_to_bin(unsigned char ch);
char *bin2hex(char *dst, const void *src, size_t count);
extern const char hex_asc[];
#define hex_asc_lo(x) hex_asc[((x) & 0x0f)]
#define hex_asc_hi(x) hex_asc[((x) & 0xf0) >> 4]

/* ================= bug.h ================= */
__printf(1, 2) void __warn_printk(const char *fmt, ...);
void __dmacheck_bug(const char *file, int line) __noreturn;
#define BUG() __dmacheck_bug(__FILE__, __LINE__)
#define BUG_ON(condition) do { if (unlikely(condition)) BUG(); } while (0)
#define WARN_ON(condition) ({ int __ret_warn_on = !!(condition); unlikely(__ret_warn_on); })
#define WARN_ON_ONCE(condition) WARN_ON(condition)
#define WARN(condition, format...) ({ \
	int __ret_warn_on = !!(condition); \
	if (unlikely(__ret_warn_on)) __warn_printk(format); \
	unlikely(__ret_warn_on); })
#define WARN_ONCE(condition, format...) WARN(condition, format)
#define WARN_TAINT(condition, taint, format...) WARN(condition, format)
#define WARN_TAINT_ONCE(condition, taint, format...) WARN(condition, format)
#define WARN_ON_SMP(x) WARN_ON(x)
#define dev_WARN(dev, format, arg...) WARN(1, "%s %s: " format, dev_driver_string(dev), dev_name(dev), ##arg)
#define dev_WARN_ONCE(dev, condition, format, arg...) \
	WARN(condition, "%s %s: " format, dev_driver_string(dev), dev_name(dev), ##arg)
#define panic(fmt, ...) __dmacheck_panic(fmt, ##__VA_ARGS__)
__printf(1, 2) void __dmacheck_panic(const char *fmt, ...) __noreturn;
#define add_taint(flag, lockdep_ok) do { } while (0)
#define TAINT_WARN 9
#define LOCKDEP_STILL_OK 0

/* ================= string.h ================= */
void *memcpy(void *to, const void *from, size_t len);
void *memmove(void *dest, const void *src, size_t count);
void *memset(void *s, int c, size_t count);
int memcmp(const void *cs, const void *ct, size_t count);
void *memchr(const void *s, int c, size_t n);
void *memchr_inv(const void *s, int c, size_t n);
void *memscan(void *addr, int c, size_t size);
void memcpy_and_pad(void *dest, size_t dest_len, const void *src, size_t count, int pad);
#define memset_after(obj, v, member) \
	memset((u8 *)(obj) + offsetofend(typeof(*(obj)), member), v, \
	       sizeof(*(obj)) - offsetofend(typeof(*(obj)), member))
#define memset_startat(obj, v, member) \
	memset((u8 *)(obj) + offsetof(typeof(*(obj)), member), v, \
	       sizeof(*(obj)) - offsetof(typeof(*(obj)), member))
void memzero_explicit(void *s, size_t count);
#define unsafe_memcpy(dst, src, bytes, justification) memcpy(dst, src, bytes)
char *strcpy(char *dest, const char *src);
char *strncpy(char *dest, const char *src, size_t count);
size_t strlcpy(char *dest, const char *src, size_t size);
ssize_t sized_strscpy(char *dest, const char *src, size_t count);
#define __strscpy2(dst, src) sized_strscpy(dst, src, sizeof(dst))
#define __strscpy3(dst, src, size) sized_strscpy(dst, src, size)
#define __dmc_strscpy_pick(_1, _2, _3, NAME, ...) NAME
#define strscpy(dst, src...) __dmc_strscpy_pick(dst, src, __strscpy3, __strscpy2)(dst, src)
#define strscpy_pad(dst, src...) strscpy(dst, src)
char *strcat(char *dest, const char *src);
char *strncat(char *dest, const char *src, size_t count);
size_t strlcat(char *dest, const char *src, size_t count);
int strcmp(const char *cs, const char *ct);
int strncmp(const char *cs, const char *ct, size_t count);
int strcasecmp(const char *s1, const char *s2);
int strncasecmp(const char *s1, const char *s2, size_t len);
char *strchr(const char *s, int c);
char *strnchr(const char *s, size_t count, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *s1, const char *s2);
char *strnstr(const char *s1, const char *s2, size_t len);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t count);
char *strsep(char **s, const char *ct);
char *strim(char *s);
char *skip_spaces(const char *str);
char *kstrdup(const char *s, gfp_t gfp);
const char *kstrdup_const(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t len, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);
char *kasprintf(gfp_t gfp, const char *fmt, ...) __printf(2, 3);
bool sysfs_streq(const char *s1, const char *s2);
int match_string(const char *const *array, size_t n, const char *string);
#define sysfs_match_string(_a, _s) match_string(_a, ARRAY_SIZE(_a), _s)
#define str_true_false(v) ((v) ? "true" : "false")
#define str_on_off(v) ((v) ? "on" : "off")
#define str_enabled_disabled(v) ((v) ? "enabled" : "disabled")
#define str_enable_disable(v) ((v) ? "enable" : "disable")
#define str_yes_no(v) ((v) ? "yes" : "no")
#define str_read_write(v) ((v) ? "read" : "write")
#define str_up_down(v) ((v) ? "up" : "down")

__printf(2, 3) int sprintf(char *buf, const char *fmt, ...);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(2, 3) int sysfs_emit(char *buf, const char *fmt, ...);
__printf(3, 4) int sysfs_emit_at(char *buf, int at, const char *fmt, ...);
__scanf(2, 3) int sscanf(const char *, const char *, ...);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtou8(const char *s, unsigned int base, u8 *res);
int kstrtou16(const char *s, unsigned int base, u16 *res);
int kstrtou32(const char *s, unsigned int base, u32 *res);
int kstrtou64(const char *s, unsigned int base, u64 *res);
int kstrtobool(const char *s, bool *res);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);
#define isdigit(c) ((c) >= '0' && (c) <= '9')
#define isxdigit(c) (isdigit(c) || ((c) >= 'a' && (c) <= 'f') || ((c) >= 'A' && (c) <= 'F'))
#define isspace(c) ((c) == ' ' || ((c) >= '\t' && (c) <= '\r'))
#define isprint(c) ((c) >= 32 && (c) < 127)
#define isalpha(c) ((((c) | 0x20) >= 'a') && (((c) | 0x20) <= 'z'))
#define isalnum(c) (isalpha(c) || isdigit(c))
#define isupper(c) ((c) >= 'A' && (c) <= 'Z')
#define islower(c) ((c) >= 'a' && (c) <= 'z')
#define tolower(c) (isupper(c) ? (c) - 'A' + 'a' : (c))
#define toupper(c) (islower(c) ? (c) - 'a' + 'A' : (c))

/* ================= byteorder (x86_64: little endian) ================= */
#define __LITTLE_ENDIAN 1234
#define __LITTLE_ENDIAN_BITFIELD
#define __ORDER_LITTLE_ENDIAN 1234
#define cpu_to_le64(x) ((__le64)(__u64)(x))
#define le64_to_cpu(x) ((__u64)(__le64)(x))
#define cpu_to_le32(x) ((__le32)(__u32)(x))
#define le32_to_cpu(x) ((__u32)(__le32)(x))
#define cpu_to_le16(x) ((__le16)(__u16)(x))
#define le16_to_cpu(x) ((__u16)(__le16)(x))
#define cpu_to_be64(x) ((__be64)__builtin_bswap64((__u64)(x)))
#define be64_to_cpu(x) ((__u64)__builtin_bswap64((__u64)(x)))
#define cpu_to_be32(x) ((__be32)__builtin_bswap32((__u32)(x)))
#define be32_to_cpu(x) ((__u32)__builtin_bswap32((__u32)(x)))
#define cpu_to_be16(x) ((__be16)__builtin_bswap16((__u16)(x)))
#define be16_to_cpu(x) ((__u16)__builtin_bswap16((__u16)(x)))
#define __cpu_to_le64(x) cpu_to_le64(x)
#define __le64_to_cpu(x) le64_to_cpu(x)
#define __cpu_to_le32(x) cpu_to_le32(x)
#define __le32_to_cpu(x) le32_to_cpu(x)
#define __cpu_to_le16(x) cpu_to_le16(x)
#define __le16_to_cpu(x) le16_to_cpu(x)
#define __cpu_to_be64(x) cpu_to_be64(x)
#define __be64_to_cpu(x) be64_to_cpu(x)
#define __cpu_to_be32(x) cpu_to_be32(x)
#define __be32_to_cpu(x) be32_to_cpu(x)
#define __cpu_to_be16(x) cpu_to_be16(x)
#define __be16_to_cpu(x) be16_to_cpu(x)
#define __constant_cpu_to_le16(x) cpu_to_le16(x)
#define __constant_cpu_to_le32(x) cpu_to_le32(x)
#define __constant_cpu_to_le64(x) cpu_to_le64(x)
#define __constant_le16_to_cpu(x) le16_to_cpu(x)
#define __constant_le32_to_cpu(x) le32_to_cpu(x)
#define __constant_cpu_to_be16(x) cpu_to_be16(x)
#define __constant_cpu_to_be32(x) cpu_to_be32(x)
#define __constant_cpu_to_be64(x) cpu_to_be64(x)
#define __constant_be16_to_cpu(x) be16_to_cpu(x)
#define __constant_be32_to_cpu(x) be32_to_cpu(x)
#define __constant_htons(x) cpu_to_be16(x)
#define __constant_htonl(x) cpu_to_be32(x)
#define __constant_ntohs(x) be16_to_cpu(x)
#define __constant_ntohl(x) be32_to_cpu(x)
#define htons(x) cpu_to_be16(x)
#define ntohs(x) be16_to_cpu(x)
#define htonl(x) cpu_to_be32(x)
#define ntohl(x) be32_to_cpu(x)
#define le16_to_cpup(p) le16_to_cpu(*(const __le16 *)(p))
#define le32_to_cpup(p) le32_to_cpu(*(const __le32 *)(p))
#define le64_to_cpup(p) le64_to_cpu(*(const __le64 *)(p))
#define be16_to_cpup(p) be16_to_cpu(*(const __be16 *)(p))
#define be32_to_cpup(p) be32_to_cpu(*(const __be32 *)(p))
#define be64_to_cpup(p) be64_to_cpu(*(const __be64 *)(p))
#define cpu_to_le16p(p) cpu_to_le16(*(p))
#define cpu_to_le32p(p) cpu_to_le32(*(p))
#define cpu_to_be16p(p) cpu_to_be16(*(p))
#define cpu_to_be32p(p) cpu_to_be32(*(p))
#define le16_add_cpu(var, val) (*(var) = cpu_to_le16(le16_to_cpu(*(var)) + (val)))
#define le32_add_cpu(var, val) (*(var) = cpu_to_le32(le32_to_cpu(*(var)) + (val)))
#define be16_add_cpu(var, val) (*(var) = cpu_to_be16(be16_to_cpu(*(var)) + (val)))
#define be32_add_cpu(var, val) (*(var) = cpu_to_be32(be32_to_cpu(*(var)) + (val)))
#define cpu_to_le32s(p) do { (void)(p); } while (0)
#define le32_to_cpus(p) do { (void)(p); } while (0)
#define cpu_to_le16s(p) do { (void)(p); } while (0)
#define le16_to_cpus(p) do { (void)(p); } while (0)
#define cpu_to_be32s(p) (*(p) = swab32(*(p)))
#define cpu_to_be16s(p) (*(p) = swab16(*(p)))
#define be16_to_cpus(p) (*(p) = swab16(*(p)))
#define cpu_to_le64s(p) do { (void)(p); } while (0)
#define le64_to_cpus(p) do { (void)(p); } while (0)
#define be32_to_cpus(p) (*(p) = swab32(*(p)))
#define swab16s(p) (*(p) = swab16(*(p)))
#define swab32s(p) (*(p) = swab32(*(p)))

/* ---- unaligned access ---- */
#define __get_unaligned_t(type, ptr) \
	({ const struct { type x; } __packed *__pptr = (typeof(__pptr))(ptr); __pptr->x; })
#define __put_unaligned_t(type, val, ptr) \
	do { struct { type x; } __packed *__pptr = (typeof(__pptr))(ptr); __pptr->x = (val); } while (0)
#define get_unaligned(ptr) __get_unaligned_t(typeof(*(ptr)), (ptr))
#define put_unaligned(val, ptr) __put_unaligned_t(typeof(*(ptr)), (val), (ptr))
#define get_unaligned_le16(p) le16_to_cpu(__get_unaligned_t(__le16, (p)))
#define get_unaligned_le32(p) le32_to_cpu(__get_unaligned_t(__le32, (p)))
#define get_unaligned_le64(p) le64_to_cpu(__get_unaligned_t(__le64, (p)))
#define get_unaligned_be16(p) be16_to_cpu(__get_unaligned_t(__be16, (p)))
#define get_unaligned_be32(p) be32_to_cpu(__get_unaligned_t(__be32, (p)))
#define get_unaligned_be64(p) be64_to_cpu(__get_unaligned_t(__be64, (p)))
#define put_unaligned_le16(v, p) __put_unaligned_t(__le16, cpu_to_le16(v), (p))
#define put_unaligned_le32(v, p) __put_unaligned_t(__le32, cpu_to_le32(v), (p))
#define put_unaligned_le64(v, p) __put_unaligned_t(__le64, cpu_to_le64(v), (p))
#define put_unaligned_be16(v, p) __put_unaligned_t(__be16, cpu_to_be16(v), (p))
#define put_unaligned_be32(v, p) __put_unaligned_t(__be32, cpu_to_be32(v), (p))
#define put_unaligned_be64(v, p) __put_unaligned_t(__be64, cpu_to_be64(v), (p))

/* ================= misc kernel.h ================= */
#define READ 0
#define WRITE 1
extern enum system_states {
	SYSTEM_BOOTING,
	SYSTEM_SCHEDULING,
	SYSTEM_FREEING_INITMEM,
	SYSTEM_RUNNING,
	SYSTEM_HALT,
	SYSTEM_POWER_OFF,
	SYSTEM_RESTART,
	SYSTEM_SUSPEND,
} system_state;
/* circ_buf.h */
struct circ_buf {
	char *buf;
	int head;
	int tail;
};
#define CIRC_CNT(head, tail, size) (((head) - (tail)) & ((size) - 1))
#define CIRC_SPACE(head, tail, size) CIRC_CNT((tail), ((head) + 1), (size))
#define CIRC_CNT_TO_END(head, tail, size) \
	({ int end = (size) - (tail); int n = ((head) + end) & ((size) - 1); n < end ? n : end; })
#define CIRC_SPACE_TO_END(head, tail, size) \
	({ int end = (size) - 1 - (head); int n = (end + (tail)) & ((size) - 1); n <= end ? n : end + 1; })
#define cpu_relax() barrier()
#define cond_resched() ({ 0; })
void prefetch(const void *x);
void prefetchw(const void *x);
#define prefetch_range(addr, len) do { } while (0)
#define num_online_cpus() 1U
#define num_possible_cpus() 1U
#define nr_cpu_ids 1U
#define smp_processor_id() 0
#define raw_smp_processor_id() 0
#define get_cpu() 0
#define put_cpu() do { } while (0)
#define cpu_online(cpu) ((cpu) == 0)
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < 1; (cpu)++)
#define for_each_online_cpu(cpu) for ((cpu) = 0; (cpu) < 1; (cpu)++)
#define for_each_present_cpu(cpu) for ((cpu) = 0; (cpu) < 1; (cpu)++)
#define NUMA_NO_NODE (-1)
#define numa_node_id() 0
#define cpu_to_node(cpu) 0
#define preempt_disable() barrier()
#define preempt_enable() barrier()
#define in_interrupt() 0
#define in_irq() 0
#define in_softirq() 0
#define in_atomic() 0
#define in_task() 1
#define irqs_disabled() 0
u32 get_random_u32(void);
u64 get_random_u64(void);
void get_random_bytes(void *buf, size_t nbytes);
u32 prandom_u32_max(u32 ep_ro);
u32 crc32_le(u32 crc, unsigned char const *p, size_t len);
u32 crc32_be(u32 crc, unsigned char const *p, size_t len);
u32 crc32c(u32 crc, const void *address, unsigned int length);
void kmemleak_not_leak(const void *ptr);
void kmemleak_ignore(const void *ptr);
u32 __crc32c_le(u32 crc, unsigned char const *p, size_t len);
#define crc32(seed, data, length) crc32_le(seed, (unsigned char const *)(data), length)
u32 ether_crc(int length, unsigned char *data);
u32 ether_crc_le(int length, unsigned char *data);
u32 bitrev32(u32 in);
u16 bitrev16(u16 in);
u8 bitrev8(u8 in);
void sort(void *base, size_t num, size_t size,
	  int (*cmp)(const void *, const void *),
	  void (*swap)(void *, void *, int));

#endif /* _DMACHECK_MODEL_KERNEL_H */
