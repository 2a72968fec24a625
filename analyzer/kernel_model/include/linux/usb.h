/* SPDX-License-Identifier: GPL-2.0 */
/* dmacheck kernel model: <linux/usb.h> is covered by model/usb.h. */
#include <dmacheck_model.h>
#include <model/usb.h>
