#pragma once

namespace dmacheck::analyzer {
// The dmacheck command line: parses options, runs the files, writes output.
// Returns the exit status: 0 no findings, 1 findings, 2 some input not analysed or usage error.
int runDmacheck(int argc, char **argv);
}  // namespace dmacheck::analyzer
