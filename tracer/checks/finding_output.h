// The three output forms of `dmatrace check`.
//
// text   one finding a line:
//        0000:00:03.0 @12.345678: device driver frees DMA memory with different
//        size [device address=0xfffe000] [map size=4096 bytes] [unmap size=2048
//        bytes] [call site=foo_clean_rx] [dma-unmap-size-mismatch]
//        ("[inconclusive: why]" before the rule id when events were lost)
// json   {"findings":[{rule, severity, device, ts_ns, dma_addr, size, message,
//        mapping_id, call_site, inconclusive, inconclusive_reason, event_id}],
//        "stats":{...}}; dma_addr is a hex string (u64 does not fit a JSON
//        double), absent values are null
// sarif  SARIF 2.1.0, one run of tool "dmatrace"; the location is the run
//        database with a logical location "device@ts".
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "checker.h"

namespace dmacheck::tracer::checks {

enum class OutputFormat { Text, Json, Sarif };
bool outputFormatFromName(std::string_view name, OutputFormat &format);

std::string formatFindingLine(const TraceFinding &finding);
// A one-line summary for stderr: "3 findings (1 error, 2 inconclusive) ...".
std::string formatSummary(const CheckRunStats &stats);

void writeText(std::ostream &out, const CheckResult &result);
void writeJson(std::ostream &out, const CheckResult &result);
void writeSarif(std::ostream &out, const CheckResult &result, const std::string &databasePath);

}  // namespace dmacheck::tracer::checks
