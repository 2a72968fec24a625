/* SPDX-License-Identifier: GPL-2.0 */
/* dmacheck kernel model: <linux/hdlc/ioctl.h> is the kernel's own <uapi/linux/hdlc/ioctl.h>, copied unchanged. */
#include <uapi/linux/hdlc/ioctl.h>
