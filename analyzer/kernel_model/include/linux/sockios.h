/* SPDX-License-Identifier: GPL-2.0 */
/* dmacheck kernel model: <linux/sockios.h> is the kernel's own <uapi/linux/sockios.h>, copied unchanged. */
#include <uapi/linux/sockios.h>
