#include "workloads/text_reader.h"

#include "sim/printable.h"

#include "workloads/text_fields.h"

namespace cachelab {

bool TextReader::Read(Request* out) {
  std::string_view line;
  while (in_.NextLine(&line)) {
    ++pos_;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty()) continue;
    if (line.find_first_of(" \t,") != std::string_view::npos) {
      if (Bad("line " + std::to_string(pos_), "expected one object id, got '" + Printable(line, 60) + "'"))
        continue;
      return false;
    }
    *out = Request{};
    out->key = KeyToId(line);
    out->size = 1;
    return true;
  }
  return false;
}

}  // namespace cachelab
