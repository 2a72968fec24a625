/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: scope-based cleanup (after include/linux/cleanup.h
 * of Linux 6.12): __free(), DEFINE_FREE(), guard(), scoped_guard(), with
 * the kernel's own shape (a variable with __attribute__((cleanup))), so a
 * checker can see where the release happens.
 */
#ifndef _DMACHECK_MODEL_CLEANUP_H
#define _DMACHECK_MODEL_CLEANUP_H

#define DEFINE_FREE(_name, _type, _free) \
	static inline void __free_##_name(void *p) { _type _T = *(_type *)p; _free; }
#define __free(_name) __cleanup(__free_##_name)
#define __get_and_null(p, nullvalue) ({ typeof(p) __ptr = (p); (p) = nullvalue; __ptr; })
#define no_free_ptr(p) ((typeof(p))__get_and_null(p, NULL))
#define return_ptr(p) return no_free_ptr(p)
#define retain_and_null_ptr(p) ((void)__get_and_null(p, NULL))

#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...) \
	typedef _type class_##_name##_t; \
	static inline void class_##_name##_destructor(_type *p) { _type _T = *p; _exit; } \
	static inline _type class_##_name##_constructor(_init_args) { _type t = _init; return t; }
#define CLASS(_name, var) \
	class_##_name##_t var __cleanup(class_##_name##_destructor) = class_##_name##_constructor
#define DEFINE_GUARD(_name, _type, _lock, _unlock) \
	DEFINE_CLASS(_name, _type, if (_T) { _unlock; }, ({ _lock; _T; }), _type _T)
#define guard(_name) CLASS(_name, __UNIQUE_ID(guard))
#define scoped_guard(_name, args...) \
	for (CLASS(_name, scope)(args), *__dmc_done = NULL; !__dmc_done; __dmc_done = (void *)1)
#define scoped_cond_guard(_name, _fail, args...) scoped_guard(_name, args)

DEFINE_FREE(kfree, void *, if (!IS_ERR_OR_NULL(_T)) kfree(_T))
DEFINE_FREE(kvfree, void *, if (!IS_ERR_OR_NULL(_T)) kvfree(_T))
DEFINE_FREE(vfree, void *, if (!IS_ERR_OR_NULL(_T)) vfree(_T))
DEFINE_FREE(put_device, struct device *, if (_T) put_device(_T))
DEFINE_FREE(pci_dev_put, struct pci_dev *, if (_T) pci_dev_put(_T))
DEFINE_FREE(device_node, struct device_node *, if (_T) of_node_put(_T))
DEFINE_FREE(bitmap, unsigned long *, if (_T) bitmap_free(_T))
DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))
DEFINE_GUARD(spinlock, spinlock_t *, spin_lock(_T), spin_unlock(_T))
DEFINE_GUARD(spinlock_irq, spinlock_t *, spin_lock_irq(_T), spin_unlock_irq(_T))
DEFINE_GUARD(spinlock_bh, spinlock_t *, spin_lock_bh(_T), spin_unlock_bh(_T))
/* irqsave guards keep the flags in the lock call, as far as a checker cares */
DEFINE_GUARD(spinlock_irqsave, spinlock_t *, spin_lock_irq(_T), spin_unlock_irq(_T))
DEFINE_GUARD(raw_spinlock, raw_spinlock_t *, raw_spin_lock(_T), raw_spin_unlock(_T))
DEFINE_GUARD(raw_spinlock_irqsave, raw_spinlock_t *, raw_spin_lock_irq(_T), raw_spin_unlock_irq(_T))
DEFINE_GUARD(device, struct device *, device_lock(_T), device_unlock(_T))
DEFINE_GUARD(pci_dev, struct pci_dev *, pci_dev_lock(_T), pci_dev_unlock(_T))
DEFINE_GUARD(rwsem_read, struct rw_semaphore *, down_read(_T), up_read(_T))
DEFINE_GUARD(rwsem_write, struct rw_semaphore *, down_write(_T), up_write(_T))
typedef void *class_rcu_t;
static inline void class_rcu_destructor(void **p) { (void)p; rcu_read_unlock(); }
static inline void *class_rcu_constructor(void) { rcu_read_lock(); return (void *)1; }

#endif /* _DMACHECK_MODEL_CLEANUP_H */
