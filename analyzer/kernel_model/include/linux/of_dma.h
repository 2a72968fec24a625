/* SPDX-License-Identifier: GPL-2.0 */
/* dmacheck kernel model: <linux/of_dma.h> is covered by model/dmaengine.h. */
#include <dmacheck_model.h>
#include <model/dmaengine.h>
