/* SPDX-License-Identifier: GPL-2.0 */
/* dmacheck kernel model: <asm/sockios.h> is the kernel's own <uapi/asm-generic/sockios.h>, copied unchanged. */
#include <uapi/asm-generic/sockios.h>
