/* SPDX-License-Identifier: GPL-2.0 */
/* dmacheck kernel model: <linux/ptp_clock.h> is the kernel's own uapi header, copied unchanged. */
#include <uapi/linux/ptp_clock.h>
