#include "results/pair_label.h"

namespace cachelab {

PairLabel PairLabelOf(const std::vector<Field>& fields) {
  PairLabel out;
  for (const Field& f : fields) {
    const std::string* s = std::get_if<std::string>(&f.value);
    if (!s) continue;
    if (f.name == "pair_note") out.note = *s;
    if (f.name == "pair_same_as") out.same_as = *s;
  }
  if (!out.same_as.empty()) out.mark = "= " + out.same_as;
  else if (!out.note.empty()) out.mark = "n/a";
  return out;
}

}  // namespace cachelab
