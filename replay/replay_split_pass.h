// The working-set pass over a long, plain oracleGeneral file in two halves at
// once: this thread counts (and numbers, and keeps numbers for) the first half
// as StreamWorkingSet does, a second thread the second half with its own id
// table; then the second half's first sightings are numbered after the
// first's, in order. That is what one counter over the whole trace gives: the
// same working set, the same numbers, the same kept chunks. The pass reads the
// file at two cores' bandwidth: at 10^8 requests (2.4 GB) it was the replay's
// largest serial part after the policy's own loop.
#pragma once
#include <functional>
#include <memory>
#include <optional>

#include "replay/replay_stream.h"

namespace cachelab {

// Shorter traces take the one-thread pass (a second id table is not worth it).
inline constexpr uint64_t kSplitPassMinRequests = uint64_t{1} << 25;
// Past this many distinct ids in its half (~400 MB with its table), the second
// thread gives up and the first counts on to the end alone, as one pass does:
// a trace of mostly new ids must not hold two tables of them.
inline constexpr size_t kSplitPassMaxSightings = size_t{1} << 23;

// `first`: the trace, nothing read yet; `open_second` opens it again. Returns
// nothing (and reads nothing) unless both are mapped oracleGeneral files of at
// least `min_requests` records on a machine with two cores or more.
// Throws UsageError with the reader's error on bad input.
std::optional<eviction::WorkingSet> SplitWorkingSet(TraceReader& first,
                                                    const std::function<std::unique_ptr<TraceReader>()>& open_second,
                                                    eviction::DenseIds* ids, KeptNumbers* kept,
                                                    uint64_t min_requests = kSplitPassMinRequests,
                                                    size_t max_sightings = kSplitPassMaxSightings);

}  // namespace cachelab
