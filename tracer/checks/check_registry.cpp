// The list of trace checks: one line per check, alphabetical by name().
#include "iova_overlap_check.h"
#include "leak_check.h"
#include "map_failed_check.h"
#include "sg_nents_mismatch_check.h"
#include "stale_iova_fault_check.h"
#include "swiotlb_bounce_check.h"
#include "sync_check.h"
#include "trace_check.h"
#include "unmap_mismatch_check.h"
#include "unmatched_release_check.h"

namespace dmacheck::tracer::checks {

std::vector<std::unique_ptr<TraceCheck>> makeAllChecks() {
  std::vector<std::unique_ptr<TraceCheck>> checks;
  checks.push_back(std::make_unique<IovaOverlapCheck>());
  checks.push_back(std::make_unique<LeakCheck>());
  checks.push_back(std::make_unique<MapFailedCheck>());
  checks.push_back(std::make_unique<SgNentsMismatchCheck>());
  checks.push_back(std::make_unique<StaleIovaFaultCheck>());
  checks.push_back(std::make_unique<SwiotlbBounceCheck>());
  checks.push_back(std::make_unique<SyncCheck>());
  checks.push_back(std::make_unique<UnmapMismatchCheck>());
  checks.push_back(std::make_unique<UnmatchedReleaseCheck>());
  return checks;
}

}  // namespace dmacheck::tracer::checks
