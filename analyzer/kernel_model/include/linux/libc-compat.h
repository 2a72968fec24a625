/* SPDX-License-Identifier: GPL-2.0 */
/* dmacheck kernel model: <linux/libc-compat.h> is the kernel's own <uapi/linux/libc-compat.h>, copied unchanged. */
#include <uapi/linux/libc-compat.h>
