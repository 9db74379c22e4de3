// Trace format names as users type them: any case, and the aliases
// libCacheSim's cachesim accepts (oracleGeneralBin, plain "oracle", "text").
#pragma once
#include <string>
#include <string_view>

namespace cachelab {

// The canonical name of a known format or alias, compared without case;
// an unknown name comes back unchanged (so the caller's error names it).
std::string CanonicalTraceFormat(std::string_view name);

}  // namespace cachelab
