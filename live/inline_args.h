// An inline command's words as Redis splits them (sds.c sdssplitargs): blanks
// separate words; "double quotes" take \xHH, \n, \r, \t, \b, \a and \<c>
// escapes; 'single quotes' take only \'; a closing quote must be followed by
// a blank or the end. `cachelab serve` reads what people type over telnet or nc
// (redis-cli sends arrays) with it.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cachelab::live {

// The words of one line (without its line end); nullopt for unbalanced quotes.
std::optional<std::vector<std::string>> SplitInlineArgs(std::string_view line);

}  // namespace cachelab::live
