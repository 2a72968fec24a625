/* SPDX-License-Identifier: GPL-2.0 */
/* dmacheck kernel model: <linux/genhd.h> is covered by model/block.h. */
#include <dmacheck_model.h>
#include <model/block.h>
