/* SPDX-License-Identifier: GPL-2.0 */
/* dmacheck kernel model: <linux/mdio.h> is covered by model/phy.h. */
#include <dmacheck_model.h>
#include <model/phy.h>
