/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: tracepoints (after include/linux/tracepoint.h,
 * include/trace/define_trace.h of Linux 6.12). A driver's own trace header
 * (TRACE_EVENT/DEFINE_EVENT lines) turns into empty static inline
 * trace_<name>() functions with the event's prototype, so the driver's
 * trace_<name>(...) calls parse and type-check; trace/define_trace.h is
 * empty, as no event is created.
 */
#ifndef _DMACHECK_MODEL_TRACE_H
#define _DMACHECK_MODEL_TRACE_H

#define PARAMS(args...) args
#define TP_PROTO(args...) args
#define TP_ARGS(args...) args
#define TP_CONDITION(args...) args
#define __DMACHECK_DECLARE_TRACE(name, proto) \
	static inline void trace_##name(proto) { } \
	static inline bool trace_##name##_enabled(void) { return false; }
#define DECLARE_TRACE(name, proto, args) __DMACHECK_DECLARE_TRACE(name, PARAMS(proto))
#define DECLARE_TRACE_CONDITION(name, proto, args, cond) __DMACHECK_DECLARE_TRACE(name, PARAMS(proto))
#define DEFINE_TRACE(name, proto, args)
#define EXPORT_TRACEPOINT_SYMBOL(name)
#define EXPORT_TRACEPOINT_SYMBOL_GPL(name)
#define TRACE_EVENT(name, proto, args, tstruct, assign, print) \
	__DMACHECK_DECLARE_TRACE(name, PARAMS(proto))
#define TRACE_EVENT_CONDITION(name, proto, args, cond, tstruct, assign, print) \
	__DMACHECK_DECLARE_TRACE(name, PARAMS(proto))
#define TRACE_EVENT_FN(name, proto, args, tstruct, assign, print, reg, unreg) \
	__DMACHECK_DECLARE_TRACE(name, PARAMS(proto))
#define DECLARE_EVENT_CLASS(name, proto, args, tstruct, assign, print)
#define DEFINE_EVENT(template, name, proto, args) __DMACHECK_DECLARE_TRACE(name, PARAMS(proto))
#define DEFINE_EVENT_FN(template, name, proto, args, reg, unreg) \
	__DMACHECK_DECLARE_TRACE(name, PARAMS(proto))
#define DEFINE_EVENT_PRINT(template, name, proto, args, print) \
	__DMACHECK_DECLARE_TRACE(name, PARAMS(proto))
#define DEFINE_EVENT_CONDITION(template, name, proto, args, cond) \
	__DMACHECK_DECLARE_TRACE(name, PARAMS(proto))
#define TRACE_DEFINE_ENUM(a)
#define TRACE_DEFINE_SIZEOF(a)
#define trace_printk(fmt, ...) _printk(fmt, ##__VA_ARGS__)
#define tracing_off() do { } while (0)

struct va_format {
	const char *fmt;
	va_list *va;
};

#endif /* _DMACHECK_MODEL_TRACE_H */
