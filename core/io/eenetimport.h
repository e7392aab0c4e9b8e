#pragma once

#include "core/data/latencyprofile.h"
#include "core/data/trace.h"

#include <optional>
#include <string>

namespace exitscope {

struct EenetImport
{
    Trace val;
    Trace test;
    std::optional<LatencyProfile> latency; // from seconds.csv (ms), else flops.pth
};

// The EENet (WACV 2024) evaluation files: logits_single.pth holds
// (val_probs K x N x C, val_targets N, test_probs K x M x C, test_targets M); seconds.csv
// and flops.pth are optional (empty path = absent).
EenetImport importEenet(const std::string &logitsPath, const std::string &secondsPath, const std::string &flopsPath);

} // namespace exitscope
