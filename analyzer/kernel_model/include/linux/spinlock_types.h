/* SPDX-License-Identifier: GPL-2.0 */
/* dmacheck kernel model: <linux/spinlock_types.h> is covered by dmacheck_model.h. */
#include <dmacheck_model.h>
