// Redis's glob matcher (util.c stringmatchlen): * ? [abc] [^a-z] and \ escapes.
#pragma once
#include <string_view>

namespace cachelab {

bool GlobMatch(std::string_view pattern, std::string_view text, bool nocase = false);

}  // namespace cachelab
