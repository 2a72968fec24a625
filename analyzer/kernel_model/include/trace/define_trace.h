/* SPDX-License-Identifier: GPL-2.0 */
/* dmacheck kernel model: no trace events are created; see model/trace.h. */
