// Operation names found in text traces (Twitter, Meta kvcache, csv) -> Op.
#pragma once
#include <string_view>

#include "workloads/request.h"

namespace cachelab {

// Case-insensitive. Also the SCSI opcodes in hex ("28" read, "2a" write) of
// block traces and cachebench's numeric OpType 1 (get). False if unknown.
bool ParseOpName(std::string_view name, Op* op);

}  // namespace cachelab
