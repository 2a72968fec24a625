#ifndef _DMACHECK_MODEL_ETHTOOL_H
#define _DMACHECK_MODEL_ETHTOOL_H
#include <model/ethtool_6.12.h>
#endif
