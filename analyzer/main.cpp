#include "cli/options.h"

int main(int argc, char **argv) { return dmacheck::analyzer::runDmacheck(argc, argv); }
