#include "import_stats.h"

namespace dmacheck::tracer::stats {
namespace {

struct Row {
  std::string_view reason;
  ReasonInfo info;
};

constexpr Row kReasons[] = {
    // importer
    {kUnmapWithoutMap, {"error", "an unmap/free matched no live mapping of its device and address: a double unmap, "
                                 "or an unmap of memory never mapped (or mapped before the trace started)"}},
    {kUnmapSgWithoutMap, {"error", "a dma_unmap_sg matched no live sg list of its device with the same physical "
                                   "addresses"}},
    {kUnmapWithoutMapAfterLoss, {"data_loss", "an unmap/free matched no live mapping, after events were lost or the "
                                              "ring buffer was overwritten: its map is probably among the lost"}},
    {kMapFailed, {"info", "dma_map_page/dma_map_resource returned DMA_MAPPING_ERROR (dma_addr all ones): no mapping"}},
    {kAllocFailed, {"info", "a dma_alloc* returned DMA_MAPPING_ERROR: no mapping"}},
    {kMapSgFailed, {"info", "dma_map_sg_err / dma_alloc_sgt_err: the sg mapping failed"}},
    {kUnmapSgShortened, {"error", "a dma_unmap_sg listed fewer entries than its dma_map_sg (typically the count "
                                  "dma_map_sg returned instead of nents): paired with the one live sg list that "
                                  "starts with the same physical addresses (dma-sg-nents-mismatch)"}},
    {kAmbiguousPair, {"info", "an unmap had several live candidates and none fitted perfectly (size, kind, "
                              "direction): the best fit was paired and flagged ambiguous_pair"}},
    {kMapAtLiveAddress, {"info", "a map returned an address that was already live on the device (normal without an "
                                 "IOMMU when one buffer is mapped twice; with one, a sign of a lost unmap)"}},
    {kIommuMapUnlinked, {"info", "an iommu:map was not followed on its CPU and task by a dma: map covering its IOVA "
                                 "(identity/reserved maps, other IOMMU users): stored without a device"}},
    {kIommuUnmapUnlinked, {"info", "an iommu:unmap could not be tied to an adjacent dma: release covering its IOVA: "
                                   "stored without a device"}},
    {kSyncWithoutMapping, {"error", "a dma_sync_* range is not inside any live mapping of its device"}},
    {kBounceUnlinked, {"info", "a swiotlb_bounced event was not followed by the dma_map_page it bounced for"}},
    {kEventWithoutDevice, {"error", "a dma: event carried no device name"}},
    {kSgEventWithoutEntries, {"error", "a dma_map_sg carried no mapped segment"}},
    {kSgTruncated, {"data_loss", "an sg event's arrays were capped at 128 entries: segments beyond are missing"}},
    {kCloseInconclusive, {"data_loss", "a mapping live at the end was made before events were lost: its unmap may "
                                       "be among them (flag close_inconclusive)"}},
    {kEventOutOfOrder, {"info", "an event arrived later than the reorder window allows; imported at its own time "
                                "but after events with later timestamps"}},
    {kLostEvents, {"data_loss", "events the kernel reported lost (CPU:N [LOST M EVENTS]); see lost_events"}},
    {kOverwrittenEvents, {"data_loss", "events overwritten in the ring buffer before the trace was read "
                                       "(entries-in-buffer < entries-written): the start of the run is missing"}},
    {kDmarFaultUnparsed, {"error", "a console line looked like a DMAR fault but could not be parsed"}},
    {kMetaConflict, {"info", "two inputs reported different values for a trace fact; the first was kept"}},
    // readers (tracer/readers): the common ones
    {"unknown_event", {"info", "events of other subsystems or tracepoints the importer does not use"}},
    {"malformed_event", {"error", "a known event whose fields could not be used"}},
    {"unparsable_line", {"error", "a text line that is neither an event, a comment nor a known marker"}},
    {"comment", {"info", "header and comment lines"}},
    {"stack_trace_attached", {"info", "stack trace lines attached to their event"}},
    {"stack_trace_of_skipped_event", {"info", "stack trace lines of an event that was itself skipped"}},
    {"stack_trace_orphan", {"error", "stack trace lines with no event before them"}},
    {"header", {"info", "trace header lines"}},
    {"blank_line", {"info", "empty lines"}},
    {"non_event_line", {"info", "text lines that are not events (e.g. tool banners)"}},
    {"lost_events_marker", {"info", "lost-event marker lines (the loss itself is in lost_events)"}},
    {"user_stack_trace", {"info", "user-space stack traces (not used)"}},
    {"truncated_line", {"error", "a line cut short (e.g. the last line of an interrupted capture)"}},
    {"failed_to_parse", {"error", "events printed as [FAILED TO PARSE] with no raw fields to recover"}},
    {"malformed_stack", {"error", "stack trace lines that could not be read"}},
    {"malformed_record", {"error", "binary records that could not be decoded"}},
    {"unknown_event_id", {"error", "binary records whose event id has no format in the trace"}},
};

}  // namespace

ReasonInfo describeReason(std::string_view reason, std::string_view fallbackSeverity) {
  for (const Row &row : kReasons) {
    if (row.reason == reason) return row.info;
  }
  return {fallbackSeverity, fallbackSeverity == "info" ? "skipped by the reader" : "not understood by the reader"};
}

}  // namespace dmacheck::tracer::stats
