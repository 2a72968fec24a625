// The importer's own stats reasons and the descriptions of every reason that
// can land in import_stats (the readers' reasons included), with severities
// as Perfetto's stats table has them: info (deliberately ignored), data_loss
// (the input lost events), error (input not understood or inconsistent).
#pragma once

#include <string>
#include <string_view>

namespace dmacheck::tracer::stats {

inline constexpr std::string_view kUnmapWithoutMap = "unmap_without_map";
inline constexpr std::string_view kUnmapSgWithoutMap = "unmap_sg_without_map";
inline constexpr std::string_view kUnmapWithoutMapAfterLoss = "unmap_without_map_after_loss";
inline constexpr std::string_view kMapFailed = "map_failed";
inline constexpr std::string_view kAllocFailed = "alloc_failed";
inline constexpr std::string_view kMapSgFailed = "map_sg_failed";
inline constexpr std::string_view kAmbiguousPair = "ambiguous_pair";
inline constexpr std::string_view kUnmapSgShortened = "unmap_sg_shortened";
inline constexpr std::string_view kMapAtLiveAddress = "map_at_live_address";
inline constexpr std::string_view kIommuMapUnlinked = "iommu_map_unlinked";
inline constexpr std::string_view kIommuUnmapUnlinked = "iommu_unmap_unlinked";
inline constexpr std::string_view kSyncWithoutMapping = "sync_without_mapping";
inline constexpr std::string_view kBounceUnlinked = "bounce_unlinked";
inline constexpr std::string_view kEventWithoutDevice = "event_without_device";
inline constexpr std::string_view kSgEventWithoutEntries = "sg_event_without_entries";
inline constexpr std::string_view kSgTruncated = "sg_truncated";
inline constexpr std::string_view kCloseInconclusive = "close_inconclusive";
inline constexpr std::string_view kEventOutOfOrder = "event_out_of_order";
inline constexpr std::string_view kLostEvents = "lost_events";
inline constexpr std::string_view kOverwrittenEvents = "overwritten_events";
inline constexpr std::string_view kDmarFaultUnparsed = "dmar_fault_unparsed";
inline constexpr std::string_view kMetaConflict = "meta_conflict";

struct ReasonInfo {
  std::string_view severity;
  std::string_view description;
};
// Known reasons (importer's and readers'); unknown reader reasons get a
// generic description with the severity their bucket implies.
ReasonInfo describeReason(std::string_view reason, std::string_view fallbackSeverity);

}  // namespace dmacheck::tracer::stats
