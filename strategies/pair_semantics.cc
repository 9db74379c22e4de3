#include "strategies/pair_semantics.h"

namespace cachelab {

PairNote DescribePair(std::string_view strategy, std::string_view invalidation, bool near_cache) {
  std::string inv(invalidation);
  if (strategy == "read-through")
    return {"cache-aside x " + inv,
            "same read path (GET, SELECT, SET: where the loader lives changes no timing here) and same write path"};
  if (strategy == "write-through-delete")
    return {"cache-aside x " + inv, "its write is cache-aside's: commit, then the scheme's delete"};
  bool sets_key = strategy == "write-through" || strategy == "write-behind";
  if (sets_key && invalidation == "ttl-only")
    return {std::string(strategy) + " x ttl",
            "the strategy sets the written key itself; there is no delete for ttl-only to skip"};
  if (sets_key && invalidation == "pubsub" && !near_cache)
    return {"", "no near caches: the writer set the Redis copy, so the message has nothing to drop (one PUBLISH per write)"};
  return {};
}

std::string PairNoteText(const PairNote& note) {
  if (!note.same_as.empty()) return "= " + note.same_as + ": " + note.why;
  return note.why;
}

}  // namespace cachelab
