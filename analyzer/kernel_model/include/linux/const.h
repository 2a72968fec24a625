/* SPDX-License-Identifier: GPL-2.0 */
/* dmacheck kernel model: <linux/const.h> is the kernel's own <uapi/linux/const.h>, copied unchanged. */
#include <uapi/linux/const.h>
