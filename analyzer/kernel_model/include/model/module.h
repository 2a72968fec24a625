/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: modules, parameters, initcalls, exports (after
 * include/linux/{module,moduleparam,init,export,device/driver}.h of
 * Linux 6.12).
 *
 * module_init()/module_param()/MODULE_DEVICE_TABLE() become static
 * variables that reference their argument, so the function or table stays
 * "used" and the analyser can find driver entry points by name.
 */
#ifndef _DMACHECK_MODEL_MODULE_H
#define _DMACHECK_MODEL_MODULE_H

struct module {
	int state;
	struct list_head list;
	char name[64 - sizeof(unsigned long)];
};
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#ifndef KBUILD_BASENAME
#define KBUILD_BASENAME "dmacheck"
#endif
#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "dmacheck"
#endif
#define MODULE_NAME_LEN (64 - sizeof(unsigned long))

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);
#define __dmacheck_initcall(fn) static initcall_t __UNIQUE_ID(__initcall_) __used = (fn)
#define __dmacheck_exitcall(fn) static exitcall_t __UNIQUE_ID(__exitcall_) __used = (fn)
#define module_init(initfn) __dmacheck_initcall(initfn)
#define module_exit(exitfn) __dmacheck_exitcall(exitfn)
#define early_initcall(fn) __dmacheck_initcall(fn)
#define pure_initcall(fn) __dmacheck_initcall(fn)
#define core_initcall(fn) __dmacheck_initcall(fn)
#define postcore_initcall(fn) __dmacheck_initcall(fn)
#define arch_initcall(fn) __dmacheck_initcall(fn)
#define subsys_initcall(fn) __dmacheck_initcall(fn)
#define fs_initcall(fn) __dmacheck_initcall(fn)
#define rootfs_initcall(fn) __dmacheck_initcall(fn)
#define device_initcall(fn) __dmacheck_initcall(fn)
#define late_initcall(fn) __dmacheck_initcall(fn)
#define late_initcall_sync(fn) __dmacheck_initcall(fn)
#define __initcall(fn) device_initcall(fn)
#define __setup(str, fn) static int (*__UNIQUE_ID(__setup_))(char *) __used = (fn)
#define early_param(str, fn) __setup(str, fn)
#define builtin_driver(__driver, __register, ...) \
	static int __init __driver##_init(void) { return __register(&(__driver), ##__VA_ARGS__); } \
	device_initcall(__driver##_init);
#define module_driver(__driver, __register, __unregister, ...) \
	static int __init __driver##_init(void) \
	{ return __register(&(__driver), ##__VA_ARGS__); } \
	module_init(__driver##_init); \
	static void __exit __driver##_exit(void) \
	{ __unregister(&(__driver), ##__VA_ARGS__); } \
	module_exit(__driver##_exit);

#define __MODULE_INFO(tag, name, info) \
	static const char __UNIQUE_ID(name)[] __used __aligned(1) = __stringify(tag) "=" info
#define MODULE_INFO(tag, info) __MODULE_INFO(tag, tag, info)
#define MODULE_LICENSE(_license) MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)
#define MODULE_FIRMWARE(_firmware) MODULE_INFO(firmware, _firmware)
#define MODULE_ALIAS(_alias) MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep) MODULE_INFO(softdep, _softdep)
#define MODULE_ALIAS_NETDEV(device) MODULE_ALIAS("netdev-" device)
#define MODULE_ALIAS_CHARDEV_MAJOR(major) MODULE_ALIAS("char-major-" __stringify(major) "-*")
#define MODULE_ALIAS_MISCDEV(minor) MODULE_ALIAS("char-major-10-" __stringify(minor))
#define MODULE_IMPORT_NS(ns) MODULE_INFO(import_ns, __stringify(ns))
#define MODULE_PARM_DESC(_parm, desc) __MODULE_INFO(parm, _parm, #_parm ":" desc)
#define MODULE_DEVICE_TABLE(type, name) \
	static const void *__UNIQUE_ID(__mod_device_table_) __used = &(name)
#define MODULE_SUPPORTED_DEVICE(name)

#define module_param_named(name, value, type, perm) \
	static void *__UNIQUE_ID(__param_) __used = (void *)&(value)
#define module_param(name, type, perm) module_param_named(name, name, type, perm)
#define module_param_unsafe(name, type, perm) module_param(name, type, perm)
#define module_param_named_unsafe(name, value, type, perm) module_param_named(name, value, type, perm)
#define module_param_array(name, type, nump, perm) module_param_named(name, name, type, perm)
#define module_param_array_named(name, array, type, nump, perm) \
	module_param_named(name, array, type, perm)
#define module_param_string(name, string, len, perm) module_param_named(name, string, charp, perm)
#define module_param_cb(name, ops, arg, perm) \
	static const void *__UNIQUE_ID(__param_cb_) __used = (ops)
#define module_param_call(name, _set, _get, arg, perm) \
	static const void *__UNIQUE_ID(__param_call_) __used = (void *)(_set)
#define core_param(name, var, type, perm) module_param_named(name, var, type, perm)
struct kernel_param;
struct kernel_param_ops {
	unsigned int flags;
	int (*set)(const char *val, const struct kernel_param *kp);
	int (*get)(char *buffer, const struct kernel_param *kp);
	void (*free)(void *arg);
};
struct kernel_param {
	const char *name;
	struct module *mod;
	const struct kernel_param_ops *ops;
	const u16 perm;
	s8 level;
	u8 flags;
	union {
		void *arg;
		const struct kparam_string *str;
		const struct kparam_array *arr;
	};
};
extern const struct kernel_param_ops param_ops_int;
extern const struct kernel_param_ops param_ops_uint;
extern const struct kernel_param_ops param_ops_bool;
extern const struct kernel_param_ops param_ops_charp;
int param_set_int(const char *val, const struct kernel_param *kp);
int param_get_int(char *buffer, const struct kernel_param *kp);
int param_set_uint(const char *val, const struct kernel_param *kp);
int param_get_uint(char *buffer, const struct kernel_param *kp);
int param_set_uint_minmax(const char *val, const struct kernel_param *kp, unsigned int min,
			  unsigned int max);
int param_set_bool(const char *val, const struct kernel_param *kp);
int param_get_bool(char *buffer, const struct kernel_param *kp);
typedef char *charp;

#define EXPORT_SYMBOL(sym) extern typeof(sym) sym
#define EXPORT_SYMBOL_GPL(sym) extern typeof(sym) sym
#define EXPORT_SYMBOL_NS(sym, ns) extern typeof(sym) sym
#define EXPORT_SYMBOL_NS_GPL(sym, ns) extern typeof(sym) sym
#define EXPORT_SYMBOL_FOR_MODULES(sym, mods) extern typeof(sym) sym
#define EXPORT_SYMBOL_IF_KUNIT(sym)
#define THIS_MODULE_NAME KBUILD_MODNAME
bool try_module_get(struct module *module);
void module_put(struct module *module);
void __module_get(struct module *module);
int request_module(const char *name, ...) __printf(1, 2);
#define symbol_get(x) (&(x))
#define symbol_put(x) do { } while (0)

#endif /* _DMACHECK_MODEL_MODULE_H */
