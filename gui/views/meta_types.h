// Qt meta-type declarations of the model's types that cross signals
// (queued between the query thread and the GUI thread). In one header,
// included before any moc'd class uses them: a declaration after first use
// is an error.
#pragma once

#include <QMetaType>
#include <memory>
#include <vector>

#include "frame.h"
#include "run_queries.h"

Q_DECLARE_METATYPE(dmacheck::gui::Viewport)
Q_DECLARE_METATYPE(std::shared_ptr<dmacheck::gui::Frame>)
Q_DECLARE_METATYPE(std::shared_ptr<std::vector<dmacheck::gui::Translation>>)
Q_DECLARE_METATYPE(std::shared_ptr<std::vector<dmacheck::gui::AddressHit>>)
