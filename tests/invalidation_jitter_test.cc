// Expiry synchronisation: N keys loaded at the same instant with TTL T expire
// in one second; with jitter +-j their deadlines are uniform over 2jT seconds,
// so the largest count in any one-second window drops by the factor 2jT
// (N / (2jT) per second on average, plus binomial noise).
#include <catch2/catch.hpp>
#include <cmath>

#include "lab/experiment.h"
#include "tests/invalidation_support.h"

using namespace cachelab;
using cachelab::testing::InvalidationHarness;

namespace {

uint64_t MaxPerSecondAfterWarmUp(const std::string& scheme, uint64_t n, SimTime ttl, double jitter) {
  InvalidationConfig ic;
  ic.ttl = ttl;
  ic.jitter = jitter;
  ic.keys = n;
  InvalidationHarness h(scheme, ic);
  h.WarmUp(n);
  h.RunUntil(2 * ttl);
  REQUIRE(h.store().size() == 0);  // all of them expired by then
  return ExpiryMonitor(h.sim(), h.redis().store()).MaxPerSecond();
}

}  // namespace

TEST_CASE("jitter: N keys loaded at once, max expirations per second drops by 2jT") {
  const uint64_t n = 20000;
  const SimTime ttl = 100 * kSecond;
  const double j = 0.1;
  CHECK(MaxPerSecondAfterWarmUp("ttl", n, ttl, j) == n);  // no jitter: all in the same second

  uint64_t max = MaxPerSecondAfterWarmUp("jitter", n, ttl, j);
  double window_s = 2 * j * ToSeconds(ttl);  // 20 one-second windows
  double mean = n / window_s;                // 1000 per window
  double sd = std::sqrt(n * (1 / window_s) * (1 - 1 / window_s));
  INFO("max per second " << max << ", predicted " << mean << " (+-" << sd << ")");
  CHECK(max >= mean);               // the largest of 20 windows averaging `mean`
  CHECK(max <= mean + 5 * sd);      // binomial tail: P(any window above) < 1e-5
  CHECK(static_cast<double>(n) / max == Approx(window_s).epsilon(0.15));
}

TEST_CASE("jitter: the runner's --warmup-keys shows the same synchronisation") {
  auto run = [](const std::string& scheme) {
    Params p;
    p.Set("invalidation", scheme);
    p.Set("warmup-keys", "20000");
    p.Set("keys", "20000");
    p.Set("ttl", "50s");
    p.Set("read-fraction", "1");  // no writes: every warm-up key keeps its deadline
    p.Set("rate", "1000");
    p.Set("requests", "60000");  // 60 s: past every warm-up deadline
    return RunExperiment(p);
  };
  RunReport fixed = run("ttl"), jittered = run("jitter");
  double fixed_max = fixed.GetNumber("max_expirations_per_second");
  double jitter_max = jittered.GetNumber("max_expirations_per_second");
  CHECK(fixed_max >= 20000);
  // 10 s of spread: about 2,000 per second, plus the workload's own fills.
  CHECK(jitter_max < fixed_max / 5);
  REQUIRE(jittered.Get("staleness_ms.p99") != nullptr);
  bool has_series = false;
  for (const auto& s : jittered.series) has_series |= s.name == "expirations_per_second";
  CHECK(has_series);
}
