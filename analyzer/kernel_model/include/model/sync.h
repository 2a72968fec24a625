/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: barriers, atomics, locks, irq flags, RCU, kref
 * (after include/asm-generic/barrier.h, arch/x86/include/asm/barrier.h,
 * include/linux/{atomic,refcount,kref,spinlock,mutex,rwlock,rwsem,
 * semaphore,irqflags,rcupdate,seqlock}.h of Linux 6.12).
 *
 * Locks are opaque structs and the lock calls plain function declarations:
 * the checker needs to see them as calls (e.g. "mapping made under a
 * spinlock with GFP_KERNEL"), not their lockdep machinery.
 * spin_lock_irqsave() assigns its flags argument as the kernel's macro does,
 * so "flags may be used uninitialized" stays quiet.
 */
#ifndef _DMACHECK_MODEL_SYNC_H
#define _DMACHECK_MODEL_SYNC_H

/* ================= barriers (x86_64) ================= */
#define mb() __asm__ __volatile__("mfence" ::: "memory")
#define rmb() __asm__ __volatile__("lfence" ::: "memory")
#define wmb() __asm__ __volatile__("sfence" ::: "memory")
#define dma_rmb() barrier()
#define dma_wmb() barrier()
#define dma_mb() mb()
#define smp_mb() mb()
#define smp_rmb() barrier()
#define smp_wmb() barrier()
#define __smp_mb() mb()
#define smp_store_mb(var, value) do { WRITE_ONCE(var, value); mb(); } while (0)
#define smp_store_release(p, v) do { barrier(); WRITE_ONCE(*(p), v); } while (0)
#define smp_load_acquire(p) ({ typeof(*(p)) ___p1 = READ_ONCE(*(p)); barrier(); ___p1; })
#define smp_mb__after_spinlock() do { } while (0)
#define smp_read_barrier_depends() do { } while (0)
#define read_barrier_depends() do { } while (0)
#define mmiowb() do { } while (0)
#define io_stop_wc() do { } while (0)

/* ================= atomics ================= */
#define ATOMIC_INIT(i) { (i) }
#define ATOMIC64_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) ATOMIC64_INIT(i)
static inline int atomic_read(const atomic_t *v) { return READ_ONCE(v->counter); }
static inline void atomic_set(atomic_t *v, int i) { WRITE_ONCE(v->counter, i); }
void atomic_add(int i, atomic_t *v);
void atomic_sub(int i, atomic_t *v);
void atomic_inc(atomic_t *v);
void atomic_dec(atomic_t *v);
void atomic_and(int i, atomic_t *v);
void atomic_or(int i, atomic_t *v);
int atomic_add_return(int i, atomic_t *v);
int atomic_sub_return(int i, atomic_t *v);
int atomic_inc_return(atomic_t *v);
int atomic_dec_return(atomic_t *v);
int atomic_fetch_add(int i, atomic_t *v);
int atomic_fetch_sub(int i, atomic_t *v);
int atomic_fetch_inc(atomic_t *v);
int atomic_fetch_dec(atomic_t *v);
int atomic_fetch_or(int i, atomic_t *v);
int atomic_fetch_and(int i, atomic_t *v);
bool atomic_inc_and_test(atomic_t *v);
bool atomic_dec_and_test(atomic_t *v);
bool atomic_sub_and_test(int i, atomic_t *v);
bool atomic_add_negative(int i, atomic_t *v);
int atomic_xchg(atomic_t *v, int new);
int atomic_cmpxchg(atomic_t *v, int old, int new);
bool atomic_try_cmpxchg(atomic_t *v, int *old, int new);
bool atomic_inc_not_zero(atomic_t *v);
bool atomic_add_unless(atomic_t *v, int a, int u);
int atomic_dec_if_positive(atomic_t *v);
#define atomic_read_acquire(v) atomic_read(v)
#define atomic_set_release(v, i) atomic_set(v, i)
#define atomic_inc_return_relaxed(v) atomic_inc_return(v)

static inline s64 atomic64_read(const atomic64_t *v) { return READ_ONCE(v->counter); }
static inline void atomic64_set(atomic64_t *v, s64 i) { WRITE_ONCE(v->counter, i); }
void atomic64_add(s64 i, atomic64_t *v);
void atomic64_sub(s64 i, atomic64_t *v);
void atomic64_inc(atomic64_t *v);
void atomic64_dec(atomic64_t *v);
s64 atomic64_add_return(s64 i, atomic64_t *v);
s64 atomic64_sub_return(s64 i, atomic64_t *v);
s64 atomic64_inc_return(atomic64_t *v);
s64 atomic64_dec_return(atomic64_t *v);
s64 atomic64_xchg(atomic64_t *v, s64 new);
s64 atomic64_cmpxchg(atomic64_t *v, s64 old, s64 new);
bool atomic64_dec_and_test(atomic64_t *v);
static inline long atomic_long_read(const atomic_long_t *v) { return READ_ONCE(v->counter); }
static inline void atomic_long_set(atomic_long_t *v, long i) { WRITE_ONCE(v->counter, i); }
void atomic_long_add(long i, atomic_long_t *v);
void atomic_long_sub(long i, atomic_long_t *v);
void atomic_long_inc(atomic_long_t *v);
void atomic_long_dec(atomic_long_t *v);
long atomic_long_add_return(long i, atomic_long_t *v);
long atomic_long_inc_return(atomic_long_t *v);
long atomic_long_xchg(atomic_long_t *v, long new);
long atomic_long_cmpxchg(atomic_long_t *v, long old, long new);

#define xchg(ptr, v) __atomic_exchange_n((ptr), (v), __ATOMIC_SEQ_CST)
#define cmpxchg(ptr, o, n) ({ \
	typeof(*(ptr)) __o = (o); \
	__atomic_compare_exchange_n((ptr), &__o, (n), 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); \
	__o; })
#define cmpxchg64(ptr, o, n) cmpxchg(ptr, o, n)
#define cmpxchg_relaxed(ptr, o, n) cmpxchg(ptr, o, n)
#define try_cmpxchg(ptr, oldp, n) \
	__atomic_compare_exchange_n((ptr), (oldp), (n), 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
#define xchg_relaxed(ptr, v) xchg(ptr, v)

#define REFCOUNT_INIT(n) { .refs = ATOMIC_INIT(n), }
static inline void refcount_set(refcount_t *r, int n) { atomic_set(&r->refs, n); }
static inline unsigned int refcount_read(const refcount_t *r) { return atomic_read(&r->refs); }
void refcount_inc(refcount_t *r);
void refcount_dec(refcount_t *r);
void refcount_add(int i, refcount_t *r);
bool refcount_inc_not_zero(refcount_t *r);
bool __must_check refcount_dec_and_test(refcount_t *r);
bool __must_check refcount_sub_and_test(int i, refcount_t *r);

struct kref {
	refcount_t refcount;
};
#define KREF_INIT(n) { .refcount = REFCOUNT_INIT(n), }
static inline void kref_init(struct kref *kref) { refcount_set(&kref->refcount, 1); }
static inline unsigned int kref_read(const struct kref *kref) { return refcount_read(&kref->refcount); }
static inline void kref_get(struct kref *kref) { refcount_inc(&kref->refcount); }
int kref_put(struct kref *kref, void (*release)(struct kref *kref));
int kref_get_unless_zero(struct kref *kref);

/* ================= irq flags ================= */
unsigned long arch_local_irq_save(void);
void arch_local_irq_restore(unsigned long flags);
void arch_local_irq_disable(void);
void arch_local_irq_enable(void);
#define local_irq_save(flags) do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define local_irq_disable() arch_local_irq_disable()
#define local_irq_enable() arch_local_irq_enable()
#define local_save_flags(flags) do { (flags) = arch_local_irq_save(); } while (0)
void local_bh_disable(void);
void local_bh_enable(void);

/* ================= spinlocks ================= */
typedef struct raw_spinlock {
	unsigned int raw_lock;
} raw_spinlock_t;
typedef struct spinlock {
	struct raw_spinlock rlock;
} spinlock_t;
typedef struct {
	unsigned int raw_lock;
} rwlock_t;
#define __RAW_SPIN_LOCK_UNLOCKED(lockname) { .raw_lock = 0 }
#define __SPIN_LOCK_UNLOCKED(lockname) { .rlock = __RAW_SPIN_LOCK_UNLOCKED(lockname) }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define DEFINE_RAW_SPINLOCK(x) raw_spinlock_t x = __RAW_SPIN_LOCK_UNLOCKED(x)
#define __RW_LOCK_UNLOCKED(lockname) { .raw_lock = 0 }
#define DEFINE_RWLOCK(x) rwlock_t x = __RW_LOCK_UNLOCKED(x)

void spin_lock_init(spinlock_t *lock);
void spin_lock(spinlock_t *lock) __acquires(lock);
void spin_unlock(spinlock_t *lock) __releases(lock);
void spin_lock_bh(spinlock_t *lock);
void spin_unlock_bh(spinlock_t *lock);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
unsigned long _spin_lock_irqsave(spinlock_t *lock);
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
int spin_trylock(spinlock_t *lock);
int spin_trylock_bh(spinlock_t *lock);
int spin_is_locked(spinlock_t *lock);
void spin_lock_nested(spinlock_t *lock, int subclass);
#define spin_lock_irqsave(lock, flags) \
	do { (flags) = _spin_lock_irqsave(lock); } while (0)
#define spin_lock_irqsave_nested(lock, flags, subclass) spin_lock_irqsave(lock, flags)
#define spin_trylock_irqsave(lock, flags) \
	({ local_irq_save(flags); spin_trylock(lock) ? 1 : ({ local_irq_restore(flags); 0; }); })
#define assert_spin_locked(lock) do { (void)(lock); } while (0)

void raw_spin_lock_init(raw_spinlock_t *lock);
void raw_spin_lock(raw_spinlock_t *lock);
void raw_spin_unlock(raw_spinlock_t *lock);
void raw_spin_lock_irq(raw_spinlock_t *lock);
void raw_spin_unlock_irq(raw_spinlock_t *lock);
unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock);
void raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags);
#define raw_spin_lock_irqsave(lock, flags) \
	do { (flags) = _raw_spin_lock_irqsave(lock); } while (0)

void rwlock_init(rwlock_t *lock);
void read_lock(rwlock_t *lock);
void read_unlock(rwlock_t *lock);
void write_lock(rwlock_t *lock);
void write_unlock(rwlock_t *lock);
void read_lock_bh(rwlock_t *lock);
void read_unlock_bh(rwlock_t *lock);
void write_lock_bh(rwlock_t *lock);
void write_unlock_bh(rwlock_t *lock);
void write_lock_irq(rwlock_t *lock);
void write_unlock_irq(rwlock_t *lock);
unsigned long _read_lock_irqsave(rwlock_t *lock);
unsigned long _write_lock_irqsave(rwlock_t *lock);
void read_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
#define read_lock_irqsave(lock, flags) do { (flags) = _read_lock_irqsave(lock); } while (0)
#define write_lock_irqsave(lock, flags) do { (flags) = _write_lock_irqsave(lock); } while (0)

/* ================= sleeping locks ================= */
struct mutex {
	atomic_long_t owner;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;
};
#define __MUTEX_INITIALIZER(lockname) \
	{ .owner = ATOMIC_LONG_INIT(0), .wait_list = LIST_HEAD_INIT(lockname.wait_list) }
#define DEFINE_MUTEX(mutexname) struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)
void mutex_init(struct mutex *lock);
void mutex_destroy(struct mutex *lock);
void mutex_lock(struct mutex *lock);
int __must_check mutex_lock_interruptible(struct mutex *lock);
int __must_check mutex_lock_killable(struct mutex *lock);
void mutex_lock_nested(struct mutex *lock, unsigned int subclass);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);
int devm_mutex_init(struct device *dev, struct mutex *lock);

struct rw_semaphore {
	atomic_long_t count;
	atomic_long_t owner;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;
};
#define __RWSEM_INITIALIZER(name) { .count = ATOMIC_LONG_INIT(0) }
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)
void init_rwsem(struct rw_semaphore *sem);
void down_read(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);

struct semaphore {
	raw_spinlock_t lock;
	unsigned int count;
	struct list_head wait_list;
};
#define __SEMAPHORE_INITIALIZER(name, n) { .count = n }
#define DEFINE_SEMAPHORE(name, n) struct semaphore name = __SEMAPHORE_INITIALIZER(name, n)
void sema_init(struct semaphore *sem, int val);
void down(struct semaphore *sem);
int __must_check down_interruptible(struct semaphore *sem);
int __must_check down_trylock(struct semaphore *sem);
int __must_check down_timeout(struct semaphore *sem, long jiffies);
void up(struct semaphore *sem);

typedef struct {
	unsigned sequence;
	spinlock_t lock;
} seqlock_t;
typedef struct seqcount {
	unsigned sequence;
} seqcount_t;
void seqlock_init(seqlock_t *sl);
unsigned read_seqbegin(const seqlock_t *sl);
unsigned read_seqretry(const seqlock_t *sl, unsigned start);
void write_seqlock(seqlock_t *sl);
void write_sequnlock(seqlock_t *sl);
void seqcount_init(seqcount_t *s);
unsigned read_seqcount_begin(const seqcount_t *s);
int read_seqcount_retry(const seqcount_t *s, unsigned start);
void write_seqcount_begin(seqcount_t *s);
void write_seqcount_end(seqcount_t *s);
/* empty on 64-bit, as in the kernel */
struct u64_stats_sync {
};
#define u64_stats_init(syncp) do { (void)(syncp); } while (0)
unsigned int u64_stats_fetch_begin(const struct u64_stats_sync *syncp);
bool u64_stats_fetch_retry(const struct u64_stats_sync *syncp, unsigned int start);
void u64_stats_update_begin(struct u64_stats_sync *syncp);
void u64_stats_update_end(struct u64_stats_sync *syncp);
#define u64_stats_fetch_begin_irq(p) u64_stats_fetch_begin(p)
#define u64_stats_fetch_retry_irq(p, s) u64_stats_fetch_retry(p, s)
typedef struct {
	u64 v;
} u64_stats_t;
#define u64_stats_read(p) ((p)->v)
#define u64_stats_set(p, val) ((p)->v = (val))
#define u64_stats_add(p, val) ((p)->v += (val))
#define u64_stats_inc(p) ((p)->v++)

/* ================= RCU ================= */
void rcu_read_lock(void);
void rcu_read_unlock(void);
void rcu_read_lock_bh(void);
void rcu_read_unlock_bh(void);
void synchronize_rcu(void);
void synchronize_net(void);
void call_rcu(struct rcu_head *head, rcu_callback_t func);
#define rcu_dereference(p) READ_ONCE(p)
#define rcu_dereference_bh(p) READ_ONCE(p)
#define rcu_dereference_protected(p, c) (p)
#define rcu_dereference_raw(p) READ_ONCE(p)
#define rcu_dereference_rtnl(p) READ_ONCE(p)
#define rcu_access_pointer(p) READ_ONCE(p)
#define rcu_assign_pointer(p, v) WRITE_ONCE(p, v)
#define RCU_INIT_POINTER(p, v) WRITE_ONCE(p, v)
#define kfree_rcu(ptr, rhf...) kfree(ptr)
#define rcu_replace_pointer(rcu_ptr, ptr, c) \
	({ typeof(ptr) __tmp = (rcu_ptr); (rcu_ptr) = (ptr); __tmp; })

/* ---- percpu (one CPU) ---- */
#define DEFINE_PER_CPU(type, name) type name
#define DECLARE_PER_CPU(type, name) extern type name
#define per_cpu(var, cpu) (*((void)(cpu), &(var)))
#define per_cpu_ptr(ptr, cpu) ((void)(cpu), (ptr))
#define this_cpu_ptr(ptr) (ptr)
#define raw_cpu_ptr(ptr) (ptr)
#define this_cpu_inc(pcp) ((pcp)++)
#define this_cpu_dec(pcp) ((pcp)--)
#define this_cpu_add(pcp, v) ((pcp) += (v))
#define this_cpu_read(pcp) (pcp)
#define this_cpu_write(pcp, v) ((pcp) = (v))
#define get_cpu_ptr(var) (var)
#define put_cpu_ptr(var) do { (void)(var); } while (0)
void *__alloc_percpu(size_t size, size_t align);
#define alloc_percpu(type) ((typeof(type) *)__alloc_percpu(sizeof(type), __alignof__(type)))
#define alloc_percpu_gfp(type, gfp) alloc_percpu(type)
void free_percpu(void *pdata);

#endif /* _DMACHECK_MODEL_SYNC_H */
