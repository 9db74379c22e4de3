// Which (strategy, invalidation) cells of the matrix are identical by
// construction to another cell, or do less than their name suggests, and why
// (docs/invalidation.md has the whole matrix). Runs carry the note in their
// report ("pair_same_as", "pair_note"), and tables print it beside the row,
// so a repeated row is never read as a separate result.
#pragma once
#include <string>
#include <string_view>

namespace cachelab {

struct PairNote {
  std::string same_as;  // "cache-aside x ttl" when every request runs the same commands as that cell
  std::string why;      // empty when the cell is its own
};

PairNote DescribePair(std::string_view strategy, std::string_view invalidation, bool near_cache);

// "= cache-aside x ttl: same read and write path" / the reason / "".
std::string PairNoteText(const PairNote& note);

}  // namespace cachelab
