/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: interrupts and cpumasks (after include/linux/
 * {irqreturn,interrupt,irq,cpumask,msi}.h of Linux 6.12).
 */
#ifndef _DMACHECK_MODEL_IRQ_H
#define _DMACHECK_MODEL_IRQ_H

enum irqreturn {
	IRQ_NONE = (0 << 0),
	IRQ_HANDLED = (1 << 0),
	IRQ_WAKE_THREAD = (1 << 1),
};
typedef enum irqreturn irqreturn_t;
#define IRQ_RETVAL(x) ((x) ? IRQ_HANDLED : IRQ_NONE)
typedef irqreturn_t (*irq_handler_t)(int, void *);

#define IRQF_TRIGGER_NONE 0x00000000
#define IRQF_TRIGGER_RISING 0x00000001
#define IRQF_TRIGGER_FALLING 0x00000002
#define IRQF_TRIGGER_HIGH 0x00000004
#define IRQF_TRIGGER_LOW 0x00000008
#define IRQF_TRIGGER_MASK (IRQF_TRIGGER_HIGH | IRQF_TRIGGER_LOW | IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING)
#define IRQF_SHARED 0x00000080
#define IRQF_PROBE_SHARED 0x00000100
#define __IRQF_TIMER 0x00000200
#define IRQF_PERCPU 0x00000400
#define IRQF_NOBALANCING 0x00000800
#define IRQF_IRQPOLL 0x00001000
#define IRQF_ONESHOT 0x00002000
#define IRQF_NO_SUSPEND 0x00004000
#define IRQF_FORCE_RESUME 0x00008000
#define IRQF_NO_THREAD 0x00010000
#define IRQF_EARLY_RESUME 0x00020000
#define IRQF_COND_SUSPEND 0x00040000
#define IRQF_NO_AUTOEN 0x00080000
#define IRQF_NO_DEBUG 0x00100000
#define IRQF_TIMER (__IRQF_TIMER | IRQF_NO_SUSPEND | IRQF_NO_THREAD)
#define IRQ_NOTCONNECTED (1U << 31)
#define NR_IRQS 4352

int __must_check request_threaded_irq(unsigned int irq, irq_handler_t handler,
				      irq_handler_t thread_fn, unsigned long flags,
				      const char *name, void *dev);
int __must_check request_irq(unsigned int irq, irq_handler_t handler,
			     unsigned long flags, const char *name, void *dev);
int __must_check request_any_context_irq(unsigned int irq, irq_handler_t handler,
					 unsigned long flags, const char *name, void *dev_id);
const void *free_irq(unsigned int irq, void *dev_id);
int __must_check devm_request_threaded_irq(struct device *dev, unsigned int irq,
					   irq_handler_t handler, irq_handler_t thread_fn,
					   unsigned long irqflags, const char *devname,
					   void *dev_id);
int __must_check devm_request_irq(struct device *dev, unsigned int irq,
				  irq_handler_t handler, unsigned long irqflags,
				  const char *devname, void *dev_id);
int __must_check devm_request_any_context_irq(struct device *dev, unsigned int irq,
					      irq_handler_t handler, unsigned long irqflags,
					      const char *devname, void *dev_id);
void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id);
void disable_irq_nosync(unsigned int irq);
bool disable_hardirq(unsigned int irq);
void disable_irq(unsigned int irq);
void enable_irq(unsigned int irq);
void synchronize_irq(unsigned int irq);
bool synchronize_hardirq(unsigned int irq);
int enable_irq_wake(unsigned int irq);
int disable_irq_wake(unsigned int irq);
int irq_set_irq_wake(unsigned int irq, unsigned int on);
void irq_wake_thread(unsigned int irq, void *dev_id);
void raise_softirq(unsigned int nr);
void raise_softirq_irqoff(unsigned int nr);
bool irq_has_action(unsigned int irq);
int irq_get_irqchip_state(unsigned int irq, int which, bool *state);
void irq_set_status_flags(unsigned int irq, unsigned long set);
void irq_clear_status_flags(unsigned int irq, unsigned long clr);
#define IRQ_NOAUTOEN (1 << 12)
unsigned long probe_irq_on(void);
int probe_irq_off(unsigned long val);
#define IRQ_NOPROBE (1 << 10)

struct cpumask {
	unsigned long bits[BITS_TO_LONGS(CONFIG_NR_CPUS)];
};
typedef struct cpumask cpumask_t;
typedef struct cpumask cpumask_var_t[1];
extern const struct cpumask *const cpu_online_mask;
extern const struct cpumask *const cpu_possible_mask;
extern const struct cpumask *const cpu_present_mask;
const struct cpumask *cpumask_of(unsigned int cpu);
const struct cpumask *cpumask_of_node(int node);
void cpumask_set_cpu(unsigned int cpu, struct cpumask *dstp);
void cpumask_clear_cpu(int cpu, struct cpumask *dstp);
void cpumask_clear(struct cpumask *dstp);
void cpumask_setall(struct cpumask *dstp);
bool cpumask_test_cpu(int cpu, const struct cpumask *cpumask);
unsigned int cpumask_first(const struct cpumask *srcp);
unsigned int cpumask_next(int n, const struct cpumask *srcp);
unsigned int cpumask_weight(const struct cpumask *srcp);
unsigned int cpumask_local_spread(unsigned int i, int node);
void cpumask_copy(struct cpumask *dstp, const struct cpumask *srcp);
bool cpumask_empty(const struct cpumask *srcp);
bool zalloc_cpumask_var(cpumask_var_t *mask, gfp_t flags);
bool alloc_cpumask_var(cpumask_var_t *mask, gfp_t flags);
void free_cpumask_var(cpumask_var_t mask);
#define for_each_cpu(cpu, mask) for ((cpu) = 0; (cpu) < 1; (cpu)++, (void)(mask))
#define cpumask_bits(maskp) ((maskp)->bits)
int irq_set_affinity_hint(unsigned int irq, const struct cpumask *m);
int irq_update_affinity_hint(unsigned int irq, const struct cpumask *m);
int irq_set_affinity_and_hint(unsigned int irq, const struct cpumask *m);
int irq_set_affinity(unsigned int irq, const struct cpumask *cpumask);
struct irq_affinity_notify {
	unsigned int irq;
	struct kref kref;
	struct work_struct work;
	void (*notify)(struct irq_affinity_notify *, const cpumask_t *mask);
	void (*release)(struct kref *ref);
};
int irq_set_affinity_notifier(unsigned int irq, struct irq_affinity_notify *notify);
struct irq_affinity {
	unsigned int pre_vectors;
	unsigned int post_vectors;
	unsigned int nr_sets;
	unsigned int set_size[4];
	void (*calc_sets)(struct irq_affinity *, unsigned int nvecs);
	void *priv;
};
struct irq_affinity_desc {
	struct cpumask mask;
	unsigned int is_managed:1;
};
struct irq_data {
	u32 mask;
	unsigned int irq;
	irq_hw_number_t hwirq;
	void *chip_data;
};
struct irq_data *irq_get_irq_data(unsigned int irq);
struct msi_msg {
	u32 address_lo;
	u32 address_hi;
	u32 data;
};
struct msi_desc {
	unsigned int irq;
	unsigned int nvec_used;
	struct device *dev;
	struct msi_msg msg;
};

#endif /* _DMACHECK_MODEL_IRQ_H */
