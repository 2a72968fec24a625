/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: time, delays, timers, work, waiting, tasks
 * (after include/linux/{jiffies,delay,ktime,timekeeping,timer,hrtimer,
 * workqueue,wait,completion,kthread,sched,interrupt(tasklet)}.h of
 * Linux 6.12).
 */
#ifndef _DMACHECK_MODEL_TIME_H
#define _DMACHECK_MODEL_TIME_H

/* ================= jiffies, ktime ================= */
#define HZ CONFIG_HZ
#define USER_HZ 100
#define MSEC_PER_SEC 1000L
#define USEC_PER_MSEC 1000L
#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define USEC_PER_SEC 1000000L
#define NSEC_PER_SEC 1000000000L
#define PSEC_PER_NSEC 1000L
#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)
#define MAX_SCHEDULE_TIMEOUT LONG_MAX
extern unsigned long volatile jiffies;
extern u64 jiffies_64;
u64 get_jiffies_64(void);
#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_in_range(a, b, c) (time_after_eq(a, b) && time_before_eq(a, c))
#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)
#define time_is_before_eq_jiffies(a) time_after_eq(jiffies, a)
#define time_is_after_eq_jiffies(a) time_before_eq(jiffies, a)
#define time_after64(a, b) ((s64)((b) - (a)) < 0)
#define time_before64(a, b) time_after64(b, a)
unsigned long msecs_to_jiffies(const unsigned int m);
unsigned long usecs_to_jiffies(const unsigned int u);
unsigned long nsecs_to_jiffies(u64 n);
unsigned int jiffies_to_msecs(const unsigned long j);
unsigned int jiffies_to_usecs(const unsigned long j);
u64 jiffies_to_nsecs(const unsigned long j);
unsigned long round_jiffies(unsigned long j);
unsigned long round_jiffies_relative(unsigned long j);
unsigned long round_jiffies_up(unsigned long j);
unsigned long round_jiffies_up_relative(unsigned long j);
#define secs_to_jiffies(_secs) ((unsigned long)((_secs) * HZ))

typedef s64 ktime_t;
struct timespec64 {
	time64_t tv_sec;
	long tv_nsec;
};
struct timeval {
	long tv_sec;
	long tv_usec;
};
ktime_t ktime_get(void);
ktime_t ktime_get_real(void);
ktime_t ktime_get_boottime(void);
ktime_t ktime_get_raw(void);
u64 ktime_get_ns(void);
u64 ktime_get_real_ns(void);
u64 ktime_get_boottime_ns(void);
u64 ktime_get_raw_ns(void);
time64_t ktime_get_seconds(void);
time64_t ktime_get_real_seconds(void);
void ktime_get_real_ts64(struct timespec64 *ts);
void ktime_get_ts64(struct timespec64 *ts);
u64 local_clock(void);
u64 sched_clock(void);
#define ktime_set(secs, nsecs) ((ktime_t)((secs) * NSEC_PER_SEC + (nsecs)))
#define ktime_add(a, b) ((a) + (b))
#define ktime_sub(a, b) ((a) - (b))
#define ktime_add_ns(kt, ns) ((kt) + (ns))
#define ktime_add_us(kt, us) ((kt) + (us) * NSEC_PER_USEC)
#define ktime_add_ms(kt, ms) ((kt) + (ms) * NSEC_PER_MSEC)
#define ktime_to_ns(kt) ((s64)(kt))
#define ktime_to_us(kt) ((s64)(kt) / NSEC_PER_USEC)
#define ktime_to_ms(kt) ((s64)(kt) / NSEC_PER_MSEC)
#define ns_to_ktime(ns) ((ktime_t)(ns))
#define ms_to_ktime(ms) ((ktime_t)(ms) * NSEC_PER_MSEC)
#define us_to_ktime(us) ((ktime_t)(us) * NSEC_PER_USEC)
#define ktime_us_delta(later, earlier) ktime_to_us(ktime_sub(later, earlier))
#define ktime_ms_delta(later, earlier) ktime_to_ms(ktime_sub(later, earlier))
#define ktime_compare(a, b) ((a) < (b) ? -1 : (a) > (b) ? 1 : 0)
#define ktime_after(a, b) ((a) > (b))
#define ktime_before(a, b) ((a) < (b))
#define ktime_to_timespec64(kt) ns_to_timespec64(kt)
struct timespec64 ns_to_timespec64(s64 nsec);
struct timespec64 timespec64_add(struct timespec64 lhs, struct timespec64 rhs);
struct timespec64 timespec64_sub(struct timespec64 lhs, struct timespec64 rhs);
bool timespec64_valid(const struct timespec64 *ts);
#define timespec64_to_ktime(ts) ktime_set((ts).tv_sec, (ts).tv_nsec)
#define timespec64_to_ns(ts) ((s64)(ts)->tv_sec * NSEC_PER_SEC + (ts)->tv_nsec)

/* ================= delays ================= */
void udelay(unsigned long usecs);
void ndelay(unsigned long nsecs);
void mdelay(unsigned long msecs);
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range(unsigned long min, unsigned long max);
void usleep_range_state(unsigned long min, unsigned long max, unsigned int state);
void fsleep(unsigned long usecs);
void ssleep(unsigned int seconds);

/* ================= timers ================= */
struct timer_list {
	struct hlist_node entry;
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
};
#define TIMER_DEFERRABLE 0x00080000
#define TIMER_PINNED 0x00100000
#define TIMER_IRQSAFE 0x00200000
void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *),
		 unsigned int flags);
#define DEFINE_TIMER(_name, _function) \
	struct timer_list _name = { .function = (_function) }
#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, typeof(*var), timer_fieldname)
void add_timer(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
int mod_timer_pending(struct timer_list *timer, unsigned long expires);
int timer_reduce(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
int timer_delete(struct timer_list *timer);
int timer_delete_sync(struct timer_list *timer);
int timer_shutdown(struct timer_list *timer);
int timer_shutdown_sync(struct timer_list *timer);
int timer_pending(const struct timer_list *timer);

enum hrtimer_restart {
	HRTIMER_NORESTART,
	HRTIMER_RESTART,
};
enum hrtimer_mode {
	HRTIMER_MODE_ABS = 0x00,
	HRTIMER_MODE_REL = 0x01,
	HRTIMER_MODE_PINNED = 0x02,
	HRTIMER_MODE_SOFT = 0x04,
	HRTIMER_MODE_HARD = 0x08,
	HRTIMER_MODE_REL_PINNED = 0x03,
	HRTIMER_MODE_REL_SOFT = 0x05,
	HRTIMER_MODE_ABS_SOFT = 0x04,
};
struct hrtimer {
	ktime_t _softexpires;
	enum hrtimer_restart (*function)(struct hrtimer *);
};
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_BOOTTIME 7
#define CLOCK_TAI 11
void hrtimer_init(struct hrtimer *timer, clockid_t which_clock, enum hrtimer_mode mode);
void hrtimer_setup(struct hrtimer *timer, enum hrtimer_restart (*function)(struct hrtimer *),
		   clockid_t clock_id, enum hrtimer_mode mode);
void hrtimer_start(struct hrtimer *timer, ktime_t tim, const enum hrtimer_mode mode);
int hrtimer_cancel(struct hrtimer *timer);
int hrtimer_try_to_cancel(struct hrtimer *timer);
u64 hrtimer_forward_now(struct hrtimer *timer, ktime_t interval);
bool hrtimer_active(const struct hrtimer *timer);
bool hrtimer_is_queued(struct hrtimer *timer);

/* ================= tasks ================= */
#define TASK_RUNNING 0x00000000
#define TASK_INTERRUPTIBLE 0x00000001
#define TASK_UNINTERRUPTIBLE 0x00000002
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_WAKEKILL 0x00000100
#define TASK_IDLE 0x00000402
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
#define TASK_COMM_LEN 16
struct task_struct {
	unsigned int __state;
	int prio;
	pid_t pid;
	pid_t tgid;
	unsigned int flags;
	char comm[TASK_COMM_LEN];
	struct mm_struct *mm;
};
struct task_struct *get_current(void);
#define current get_current()
#define set_current_state(state_value) WRITE_ONCE(current->__state, (state_value))
#define __set_current_state(state_value) WRITE_ONCE(current->__state, (state_value))
void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_killable(long timeout);
void yield(void);
int signal_pending(struct task_struct *p);
int fatal_signal_pending(struct task_struct *p);
int wake_up_process(struct task_struct *tsk);
#define task_pid_nr(tsk) ((tsk)->pid)
pid_t task_pid_vnr(struct task_struct *tsk);
void set_user_nice(struct task_struct *p, long nice);
bool capable(int cap);
#define CAP_SYS_ADMIN 21
#define CAP_NET_ADMIN 12
#define CAP_SYS_RAWIO 17

struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data,
					   int node, const char namefmt[], ...)
	__printf(4, 5);
#define kthread_create(threadfn, data, namefmt, arg...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)
#define kthread_run(threadfn, data, namefmt, ...) ({ \
	struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
	if (!IS_ERR(__k)) wake_up_process(__k); \
	__k; })
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
void kthread_bind(struct task_struct *k, unsigned int cpu);
bool kthread_should_park(void);
void set_freezable(void);
bool try_to_freeze(void);
bool freezing(struct task_struct *p);
void kthread_parkme(void);

/* ================= wait queues ================= */
struct wait_queue_entry;
typedef struct wait_queue_entry wait_queue_entry_t;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned mode,
				 int flags, void *key);
struct wait_queue_entry {
	unsigned int flags;
	void *private;
	wait_queue_func_t func;
	struct list_head entry;
};
struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;
#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { .head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define DECLARE_WAITQUEUE(name, tsk) \
	struct wait_queue_entry name = { .private = tsk }
#define DEFINE_WAIT(name) struct wait_queue_entry name = { .private = current }
void init_waitqueue_head(struct wait_queue_head *wq_head);
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr, void *key);
#define wake_up(x) __wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x) __wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)
int waitqueue_active(struct wait_queue_head *wq_head);
/* The wait_event family evaluates its condition once, as a loop would. */
#define wait_event(wq_head, condition) do { while (!(condition)) schedule(); } while (0)
#define wait_event_timeout(wq_head, condition, timeout) \
	({ long __ret = (timeout); if (!(condition)) __ret = schedule_timeout(__ret); __ret; })
#define wait_event_interruptible(wq_head, condition) \
	({ int __ret = 0; if (!(condition)) __ret = signal_pending(current) ? -ERESTARTSYS : 0; __ret; })
#define wait_event_interruptible_timeout(wq_head, condition, timeout) \
	({ long __ret = (timeout); if (!(condition)) __ret = schedule_timeout(__ret); __ret; })
#define wait_event_killable(wq_head, condition) wait_event_interruptible(wq_head, condition)
#define wait_event_lock_irq(wq_head, condition, lock) wait_event(wq_head, condition)
#define wait_event_idle(wq_head, condition) wait_event(wq_head, condition)
#define wait_event_idle_timeout(wq_head, condition, timeout) \
	wait_event_timeout(wq_head, condition, timeout)

struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};
#define COMPLETION_INITIALIZER(work) { 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define DECLARE_COMPLETION(work) struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work) DECLARE_COMPLETION(work)
void init_completion(struct completion *x);
void reinit_completion(struct completion *x);
void wait_for_completion(struct completion *x);
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
int wait_for_completion_interruptible(struct completion *x);
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout);
int wait_for_completion_killable(struct completion *x);
long wait_for_completion_killable_timeout(struct completion *x, unsigned long timeout);
unsigned long wait_for_completion_io_timeout(struct completion *x, unsigned long timeout);
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);
void complete(struct completion *x);
void complete_all(struct completion *x);

/* ================= workqueues ================= */
struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);
struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
};
struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
	int cpu;
};
struct rcu_work {
	struct work_struct work;
	struct rcu_head rcu;
	struct workqueue_struct *wq;
};
#define WORK_CPU_UNBOUND 8192
#define __WORK_INITIALIZER(n, f) { .entry = { &(n).entry, &(n).entry }, .func = (f) }
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n = { .work = __WORK_INITIALIZER((n).work, (f)) }
#define INIT_WORK(_work, _func) do { (_work)->func = (_func); INIT_LIST_HEAD(&(_work)->entry); } while (0)
#define INIT_WORK_ONSTACK(_work, _func) INIT_WORK(_work, _func)
#define INIT_DELAYED_WORK(_work, _func) INIT_WORK(&(_work)->work, (_func))
#define INIT_DEFERRABLE_WORK(_work, _func) INIT_DELAYED_WORK(_work, _func)
#define to_delayed_work(w) container_of(w, struct delayed_work, work)
#define work_pending(work) test_bit(0, (unsigned long *)&(work)->data)
#define delayed_work_pending(w) work_pending(&(w)->work)
enum {
	WQ_BH = 1 << 0,
	WQ_UNBOUND = 1 << 1,
	WQ_FREEZABLE = 1 << 2,
	WQ_MEM_RECLAIM = 1 << 3,
	WQ_HIGHPRI = 1 << 4,
	WQ_CPU_INTENSIVE = 1 << 5,
	WQ_SYSFS = 1 << 6,
	WQ_POWER_EFFICIENT = 1 << 7,
	__WQ_ORDERED = 1 << 17,
	WQ_MAX_ACTIVE = 512,
};
extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;
extern struct workqueue_struct *system_freezable_wq;
extern struct workqueue_struct *system_power_efficient_wq;
__printf(1, 4) struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
							int max_active, ...);
#define alloc_ordered_workqueue(fmt, flags, args...) \
	alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | (flags), 1, ##args)
#define create_workqueue(name) alloc_workqueue("%s", WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name) alloc_ordered_workqueue("%s", WQ_MEM_RECLAIM, name)
void destroy_workqueue(struct workqueue_struct *wq);
bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *work,
			unsigned long delay);
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
			   struct delayed_work *work, unsigned long delay);
bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
		      unsigned long delay);
bool schedule_work(struct work_struct *work);
bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay);
bool flush_work(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
void flush_workqueue(struct workqueue_struct *wq);
void drain_workqueue(struct workqueue_struct *wq);
void flush_scheduled_work(void);
bool cancel_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
bool disable_work_sync(struct work_struct *work);
struct work_struct *current_work(void);
void destroy_work_on_stack(struct work_struct *work);

/* ================= tasklets ================= */
struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	atomic_t count;
	bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *));
void tasklet_schedule(struct tasklet_struct *t);
void tasklet_hi_schedule(struct tasklet_struct *t);
void tasklet_kill(struct tasklet_struct *t);
void tasklet_disable(struct tasklet_struct *t);
void tasklet_enable(struct tasklet_struct *t);
#define from_tasklet(var, callback_tasklet, tasklet_fieldname) \
	container_of(callback_tasklet, typeof(*var), tasklet_fieldname)
#define DECLARE_TASKLET(name, _callback) \
	struct tasklet_struct name = { .use_callback = true, .callback = _callback }

/* ================= iopoll ================= */
#define read_poll_timeout(op, val, cond, sleep_us, timeout_us, sleep_before_read, args...) ({ \
	u64 __timeout_us = (timeout_us); \
	(void)__timeout_us; (void)(sleep_us); (void)(sleep_before_read); \
	(val) = op(args); \
	(cond) ? 0 : -ETIMEDOUT; })
#define read_poll_timeout_atomic(op, val, cond, delay_us, timeout_us, delay_before_read, args...) \
	read_poll_timeout(op, val, cond, delay_us, timeout_us, delay_before_read, args)
#define readx_poll_timeout(op, addr, val, cond, sleep_us, timeout_us) \
	read_poll_timeout(op, val, cond, sleep_us, timeout_us, false, addr)
#define readx_poll_timeout_atomic(op, addr, val, cond, delay_us, timeout_us) \
	read_poll_timeout_atomic(op, val, cond, delay_us, timeout_us, false, addr)
#define readb_poll_timeout(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout(readb, addr, val, cond, delay_us, timeout_us)
#define readw_poll_timeout(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout(readw, addr, val, cond, delay_us, timeout_us)
#define readl_poll_timeout(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout(readl, addr, val, cond, delay_us, timeout_us)
#define readq_poll_timeout(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout(readq, addr, val, cond, delay_us, timeout_us)
#define readl_relaxed_poll_timeout(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout(readl_relaxed, addr, val, cond, delay_us, timeout_us)
#define readb_poll_timeout_atomic(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout_atomic(readb, addr, val, cond, delay_us, timeout_us)
#define readw_poll_timeout_atomic(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout_atomic(readw, addr, val, cond, delay_us, timeout_us)
#define readl_poll_timeout_atomic(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout_atomic(readl, addr, val, cond, delay_us, timeout_us)
#define readq_poll_timeout_atomic(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout_atomic(readq, addr, val, cond, delay_us, timeout_us)

#endif /* _DMACHECK_MODEL_TIME_H */
