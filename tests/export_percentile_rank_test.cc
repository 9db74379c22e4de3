// The value at a percentile in .hgrm files and memtier JSON is the one of rank
// ceil(p * N / 100), as HdrHistogram's getValueAtPercentile gives it: found by the
// independent audit, 99.9% of 50,000 took the 49,951st value, as 99.9 / 100 * 50000
// is 49950.000000000007 in doubles. Expected ranks here are integer arithmetic on
// the percentile in thousandths of a percent, independent of any double.
#include <catch2/catch.hpp>
#include <sstream>

#include "results/export.h"

namespace {

// ceil(p_milli * n / 100000): the rank of the value at p_milli / 1000 percent, at least 1.
uint64_t ExactRank(uint64_t p_milli, uint64_t n) {
  uint64_t r = (p_milli * n + 99999) / 100000;
  return r ? r : 1;
}

// The TotalCount column of the hgrm row of `p` (the cumulative count at the bucket reported).
uint64_t HgrmCount(const cachelab::HistogramData& h, double p) {
  std::stringstream text(cachelab::HgrmText(h, 1000.0, {p}));
  std::string line;
  for (int i = 0; i < 3; ++i) std::getline(text, line);  // header, blank line, the row
  std::stringstream row(line);
  double value = 0, share = 0;
  uint64_t count = 0;
  row >> value >> share >> count;
  return count;
}

}  // namespace

TEST_CASE("hgrm and memtier: p99.9 of 50,000 values is the 49,950th") {
  // The audit's run: the 49,950th value in [15400960, 15466496) ns, the rest above.
  cachelab::HistogramData h{"latency_ns", {{15400960, 15466496, 49950}, {15466496, 15532032, 50}}};
  std::stringstream text(cachelab::HgrmText(h, 1000.0, {99.9}));
  std::string line;
  for (int i = 0; i < 3; ++i) std::getline(text, line);
  // HdrHistogram's row: the bucket's highest equivalent value (upper - 1) in us.
  CHECK(line == "   15466.495 0.999000000000      49950        1000.00");

  cachelab::RunReport run;
  run.histograms.push_back(h);
  auto j = cachelab::MemtierJson(1, run, {99.9});
  CHECK(j["ALL STATS"]["Totals"]["Percentile Latencies"]["p99.90"].get<double>() == 15.466495);
}

TEST_CASE("hgrm: the rank at common percentiles matches integer arithmetic for 1..5000 values") {
  // Two buckets: exactly the expected rank's values in the first. The row's count is
  // that rank when the right bucket is reported, N when the next one is.
  size_t checked = 0;
  for (uint64_t p_milli : {50000, 75000, 90000, 95000, 99000, 99500, 99900, 99990, 99999, 33333})
    for (uint64_t n = 1; n <= 5000; ++n) {
      uint64_t rank = ExactRank(p_milli, n);
      if (rank == n) continue;  // no second bucket to overrun into
      cachelab::HistogramData h{"latency_ns", {{1000, 1001, rank}, {2000, 2001, n - rank}}};
      INFO("p=" << p_milli / 1000.0 << " n=" << n);
      REQUIRE(HgrmCount(h, p_milli / 1000.0) == rank);
      ++checked;
    }
  CHECK(checked > 35000);  // ten percentiles, most sizes
}
