// Exact integer parsing for counts and seeds. Text never passes through a
// double, so 9007199254740993 and 18446744073709551615 keep every digit;
// "1e6", "2.5e3" and "1_000_000" are accepted when they name a whole number.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace cachelab {

// Returns "" and sets *out, or says what is wrong ("not a whole number",
// "above 18446744073709551615", ...).
std::string ParseExactUInt(std::string_view text, uint64_t* out);

}  // namespace cachelab
