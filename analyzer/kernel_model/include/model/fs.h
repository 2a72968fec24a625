/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmacheck kernel model: the file-facing parts drivers use (after
 * include/linux/{fs,miscdevice,cdev,poll,seq_file,debugfs,kdev_t,
 * uaccess}.h of Linux 6.12): file_operations for mmap of DMA buffers,
 * char/misc devices, debugfs and seq_file.
 */
#ifndef _DMACHECK_MODEL_FS_H
#define _DMACHECK_MODEL_FS_H

#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)
#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi) (((ma) << MINORBITS) | (mi))

#define O_RDONLY 00000000
#define O_WRONLY 00000001
#define O_RDWR 00000002
#define O_ACCMODE 00000003
#define O_NONBLOCK 00004000
#define O_NDELAY O_NONBLOCK
#define O_SYNC 04010000
#define FMODE_READ ((__force fmode_t)(1 << 0))
#define FMODE_WRITE ((__force fmode_t)(1 << 1))
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

typedef struct poll_table_struct {
	void *_qproc;
	__poll_t _key;
} poll_table;
#define POLLIN 0x0001
#define POLLPRI 0x0002
#define POLLOUT 0x0004
#define POLLERR 0x0008
#define POLLHUP 0x0010
#define POLLRDNORM 0x0040
#define POLLWRNORM 0x0100
#define EPOLLIN ((__force __poll_t)0x00000001)
#define EPOLLPRI ((__force __poll_t)0x00000002)
#define EPOLLOUT ((__force __poll_t)0x00000004)
#define EPOLLERR ((__force __poll_t)0x00000008)
#define EPOLLHUP ((__force __poll_t)0x00000010)
#define EPOLLRDNORM ((__force __poll_t)0x00000040)
#define EPOLLWRNORM ((__force __poll_t)0x00000100)
void poll_wait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p);

struct inode {
	umode_t i_mode;
	unsigned int i_flags;
	dev_t i_rdev;
	loff_t i_size;
	struct cdev *i_cdev;
	void *i_private;
};
struct file {
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_flags;
	fmode_t f_mode;
	loff_t f_pos;
	struct address_space *f_mapping;
	void *private_data;
};
struct kiocb;
struct iov_iter;
struct dir_context;
struct file_lock;
typedef struct files_struct *fl_owner_t;
struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *, loff_t, int);
	ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
	ssize_t (*read_iter)(struct kiocb *, struct iov_iter *);
	ssize_t (*write_iter)(struct kiocb *, struct iov_iter *);
	__poll_t (*poll)(struct file *, struct poll_table_struct *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	long (*compat_ioctl)(struct file *, unsigned int, unsigned long);
	int (*mmap)(struct file *, struct vm_area_struct *);
	int (*open)(struct inode *, struct file *);
	int (*flush)(struct file *, fl_owner_t id);
	int (*release)(struct inode *, struct file *);
	int (*fsync)(struct file *, loff_t, loff_t, int datasync);
	int (*fasync)(int, struct file *, int);
};
static inline struct inode *file_inode(const struct file *f) { return f->f_inode; }
static inline unsigned iminor(const struct inode *inode) { return MINOR(inode->i_rdev); }
static inline unsigned imajor(const struct inode *inode) { return MAJOR(inode->i_rdev); }
int nonseekable_open(struct inode *inode, struct file *filp);
int stream_open(struct inode *inode, struct file *filp);
int simple_open(struct inode *inode, struct file *file);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
loff_t default_llseek(struct file *file, loff_t offset, int whence);
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence, loff_t size);
#define no_llseek NULL
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available);
ssize_t memory_read_from_buffer(void *to, size_t count, loff_t *ppos, const void *from,
				size_t available);
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count);
int register_chrdev_region(dev_t from, unsigned count, const char *name);
int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count, const char *name);
void unregister_chrdev_region(dev_t from, unsigned count);
int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
		      const char *name, const struct file_operations *fops);
void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
			 const char *name);
#define register_chrdev(major, name, fops) __register_chrdev(major, 0, 256, name, fops)
#define unregister_chrdev(major, name) __unregister_chrdev(major, 0, 256, name)
struct cdev {
	struct kobject kobj;
	struct module *owner;
	const struct file_operations *ops;
	struct list_head list;
	dev_t dev;
	unsigned int count;
};
void cdev_init(struct cdev *cdev, const struct file_operations *fops);
struct cdev *cdev_alloc(void);
int cdev_add(struct cdev *p, dev_t dev, unsigned count);
void cdev_del(struct cdev *p);
int cdev_device_add(struct cdev *cdev, struct device *dev);
void cdev_device_del(struct cdev *cdev, struct device *dev);
#define MISC_DYNAMIC_MINOR 255
struct miscdevice {
	int minor;
	const char *name;
	const struct file_operations *fops;
	struct list_head list;
	struct device *parent;
	struct device *this_device;
	const struct attribute_group **groups;
	const char *nodename;
	umode_t mode;
};
int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);
#define module_misc_device(__misc_device) \
	module_driver(__misc_device, misc_register, misc_deregister)
void kill_fasync(struct fasync_struct **fp, int sig, int band);
int fasync_helper(int fd, struct file *filp, int on, struct fasync_struct **fapp);
#define SIGIO 29
#define POLL_IN 1

/* ioctl numbers (asm-generic/ioctl.h) */
#define _IOC_NRBITS 8
#define _IOC_TYPEBITS 8
#define _IOC_SIZEBITS 14
#define _IOC_NRSHIFT 0
#define _IOC_TYPESHIFT (_IOC_NRSHIFT + _IOC_NRBITS)
#define _IOC_SIZESHIFT (_IOC_TYPESHIFT + _IOC_TYPEBITS)
#define _IOC_DIRSHIFT (_IOC_SIZESHIFT + _IOC_SIZEBITS)
#define _IOC_NONE 0U
#define _IOC_WRITE 1U
#define _IOC_READ 2U
#define _IOC(dir, type, nr, size) \
	(((dir) << _IOC_DIRSHIFT) | ((type) << _IOC_TYPESHIFT) | \
	 ((nr) << _IOC_NRSHIFT) | ((size) << _IOC_SIZESHIFT))
#define _IO(type, nr) _IOC(_IOC_NONE, (type), (nr), 0)
#define _IOR(type, nr, size) _IOC(_IOC_READ, (type), (nr), (sizeof(size)))
#define _IOW(type, nr, size) _IOC(_IOC_WRITE, (type), (nr), (sizeof(size)))
#define _IOWR(type, nr, size) _IOC(_IOC_READ | _IOC_WRITE, (type), (nr), (sizeof(size)))
#define _IOC_DIR(nr) (((nr) >> _IOC_DIRSHIFT) & ((1 << 2) - 1))
#define _IOC_TYPE(nr) (((nr) >> _IOC_TYPESHIFT) & ((1 << _IOC_TYPEBITS) - 1))
#define _IOC_NR(nr) (((nr) >> _IOC_NRSHIFT) & ((1 << _IOC_NRBITS) - 1))
#define _IOC_SIZE(nr) (((nr) >> _IOC_SIZESHIFT) & ((1 << _IOC_SIZEBITS) - 1))

/* seq_file, debugfs */
struct seq_file {
	char *buf;
	size_t size;
	size_t from;
	size_t count;
	loff_t index;
	void *private;
};
struct seq_operations {
	void *(*start)(struct seq_file *m, loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};
__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *seq, const void *data, size_t len);
void seq_hex_dump(struct seq_file *m, const char *prefix_str, int prefix_type,
		  int rowsize, int groupsize, const void *buf, size_t len, bool ascii);
int seq_open(struct file *file, const struct seq_operations *op);
ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
int seq_release(struct inode *inode, struct file *file);
int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data);
int single_release(struct inode *inode, struct file *file);
#define DEFINE_SHOW_ATTRIBUTE(__name) \
	static int __name##_open(struct inode *inode, struct file *file) \
	{ return single_open(file, __name##_show, inode->i_private); } \
	static const struct file_operations __name##_fops = { \
		.owner = THIS_MODULE, .open = __name##_open, .read = seq_read, \
		.llseek = seq_lseek, .release = single_release, }
#define DEFINE_SEQ_ATTRIBUTE(__name) \
	static int __name##_open(struct inode *inode, struct file *file) \
	{ return seq_open(file, &__name##_sops); } \
	static const struct file_operations __name##_fops = { \
		.owner = THIS_MODULE, .open = __name##_open, .read = seq_read, \
		.llseek = seq_lseek, .release = seq_release, }
struct dentry {
	struct inode *d_inode;
};
struct debugfs_regset32 {
	const struct debugfs_reg32 *regs;
	int nregs;
	void __iomem *base;
	struct device *dev;
};
struct debugfs_reg32 {
	char *name;
	unsigned long offset;
};
struct dentry *debugfs_create_dir(const char *name, struct dentry *parent);
struct dentry *debugfs_create_file(const char *name, umode_t mode, struct dentry *parent,
				   void *data, const struct file_operations *fops);
struct dentry *debugfs_create_file_unsafe(const char *name, umode_t mode,
					  struct dentry *parent, void *data,
					  const struct file_operations *fops);
void debugfs_remove(struct dentry *dentry);
void debugfs_remove_recursive(struct dentry *dentry);
struct dentry *debugfs_lookup(const char *name, struct dentry *parent);
void debugfs_lookup_and_remove(const char *name, struct dentry *parent);
void debugfs_create_u8(const char *name, umode_t mode, struct dentry *parent, u8 *value);
void debugfs_create_u16(const char *name, umode_t mode, struct dentry *parent, u16 *value);
void debugfs_create_u32(const char *name, umode_t mode, struct dentry *parent, u32 *value);
void debugfs_create_u64(const char *name, umode_t mode, struct dentry *parent, u64 *value);
void debugfs_create_x8(const char *name, umode_t mode, struct dentry *parent, u8 *value);
void debugfs_create_x16(const char *name, umode_t mode, struct dentry *parent, u16 *value);
void debugfs_create_x32(const char *name, umode_t mode, struct dentry *parent, u32 *value);
void debugfs_create_x64(const char *name, umode_t mode, struct dentry *parent, u64 *value);
void debugfs_create_bool(const char *name, umode_t mode, struct dentry *parent, bool *value);
void debugfs_create_atomic_t(const char *name, umode_t mode, struct dentry *parent,
			     atomic_t *value);
void debugfs_create_regset32(const char *name, umode_t mode, struct dentry *parent,
			     struct debugfs_regset32 *regset);
struct dentry *debugfs_create_blob(const char *name, umode_t mode, struct dentry *parent,
				   void *blob);
bool debugfs_initialized(void);
struct proc_dir_entry;
struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
void *pde_data(const struct inode *inode);

#endif /* _DMACHECK_MODEL_FS_H */
