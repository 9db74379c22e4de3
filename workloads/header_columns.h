// Column positions read from a CSV header row, looked up by name
// (case-insensitive), for the formats whose column order varies between files.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "workloads/text_fields.h"

namespace cachelab {

class HeaderColumns {
 public:
  explicit HeaderColumns(std::string_view header, char delim = ',') {
    std::vector<std::string_view> f(256);
    int n = SplitFields(header, delim, f.data(), 256);
    for (int i = 0; i < n && i < 256; ++i) names_.push_back(Lower(f[i]));
  }
  // 1-based column of the first of `names` present, 0 if none is.
  int Find(std::initializer_list<std::string_view> names) const {
    for (auto want : names)
      for (size_t i = 0; i < names_.size(); ++i)
        if (names_[i] == Lower(want)) return static_cast<int>(i) + 1;
    return 0;
  }
  int count() const { return static_cast<int>(names_.size()); }

 private:
  static std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  std::vector<std::string> names_;
};

}  // namespace cachelab
