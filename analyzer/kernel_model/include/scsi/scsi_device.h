/* SPDX-License-Identifier: GPL-2.0 */
/* dmacheck kernel model: <scsi/scsi_device.h> is covered by model/scsi.h. */
#include <dmacheck_model.h>
#include <model/scsi.h>
