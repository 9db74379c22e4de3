// Stampede guards against probability theory (issue 6). Hot key: Poisson
// reads at total rate L spread at random over M servers, recompute time D
// (fixed), Redis round trip r, a pool large enough never to queue. After an
// expiry the first miss loads; every read whose GET reaches Redis before
// that load's SET is also a miss: the vulnerable window is W = D + r.
//   none:               loads/expiry = 1 + Poisson(L W): mean 1 + LW, var LW.
//   local-lock,
//   single-flight:      one load per server that sees a miss in W:
//                       1 + Binomial(M - 1, 1 - exp(-L W / M)).
//   distributed-lock,
//   lease:              exactly 1.
//   xfetch (beta):      the key reaches its expiry with no early recompute
//                       with probability exp(-L beta D); linear: exp(-L beta D / 2).
//   swr:                one load per refresh; only the cold start (counted apart,
//                       as cold_start_loads) is user-facing;
//                       stale serves per refresh 1 + L (D + 1.5 r).
// Bounds are 4.5 standard errors over ~2000 expiries.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "lab/experiment.h"
#include "lab/params.h"

using namespace cachelab;

namespace {

const double L = 1000, D = 0.002, R = 20e-6, W = D + R;

RunReport HotKey(const std::string& guard, int servers, uint64_t expiries = 2000, double beta = 1) {
  Params p;
  p.Set("scenario", "hot-key");
  p.Set("stampede", guard);
  p.Set("rate", std::to_string(L));
  p.Set("recompute-ms", "2");
  p.Set("ttl", "100ms");
  p.Set("servers", std::to_string(servers));
  p.Set("redis-rtt", "20us");
  p.Set("redis-service", "0");
  p.Set("db-pool", "100000");
  p.Set("xfetch-beta", std::to_string(beta));
  p.Set("swr-window", "50ms");
  p.Set("requests", std::to_string(static_cast<uint64_t>(L * 0.1 * expiries)));
  p.Set("seed", "7");
  return RunExperiment(p);
}

double N(const RunReport& r, const char* f) { return r.GetNumber(f, -1); }

}  // namespace

TEST_CASE("none: loads per expiry are 1 + Poisson(L W)") {
  RunReport r = HotKey("none", 4);
  double n = N(r, "expiry_episodes"), lw = L * W;
  REQUIRE(n > 1500);
  double se_mean = std::sqrt(lw / n);
  double se_var = std::sqrt((lw * (1 + 3 * lw) - lw * lw) / n);
  INFO("mean " << N(r, "loads_per_expiry_mean") << " var " << N(r, "loads_per_expiry_var") << " n " << n);
  CHECK(std::abs(N(r, "loads_per_expiry_mean") - (1 + lw)) < 4.5 * se_mean);
  CHECK(std::abs(N(r, "loads_per_expiry_var") - lw) < 4.5 * se_var);
  CHECK(N(r, "user_misses") == N(r, "loads"));  // every load is a user-facing miss
}

TEST_CASE("local-lock and single-flight: 1 + Binomial(M-1, 1 - exp(-L W / M))") {
  for (std::string guard : {"local-lock", "single-flight"}) {
    for (int m : {1, 4}) {
      RunReport r = HotKey(guard, m);
      double n = N(r, "expiry_episodes");
      double q = 1 - std::exp(-L * W / m);
      double mean = 1 + (m - 1) * q, var = (m - 1) * q * (1 - q);
      INFO(guard << " M=" << m << " mean " << N(r, "loads_per_expiry_mean") << " expected " << mean);
      REQUIRE(n > 1500);
      CHECK(std::abs(N(r, "loads_per_expiry_mean") - mean) < 4.5 * std::sqrt(var / n) + 1e-9);
      CHECK(N(r, "loads_per_expiry_max") <= m);
      CHECK(N(r, "lock_waits") > 0);
    }
  }
}

TEST_CASE("distributed-lock and lease: exactly one load per expiry across the cluster") {
  for (std::string guard : {"distributed-lock", "lease"}) {
    RunReport r = HotKey(guard, 4);
    INFO(guard);
    REQUIRE(N(r, "expiry_episodes") > 1500);
    CHECK(N(r, "loads_per_expiry_max") == 1);
    CHECK(N(r, "loads") == N(r, "expiry_episodes") + N(r, "cold_start_loads"));
    CHECK(N(r, "cold_start_loads") == 1);
    CHECK(N(r, "failed_requests") == 0);
  }
}

TEST_CASE("xfetch: P(expiry reached without early recompute) = exp(-L beta D), linear exp(-L beta D / 2)") {
  for (auto [guard, beta, expect] :
       {std::tuple{"xfetch", 1.0, std::exp(-L * D)}, std::tuple{"xfetch", 0.5, std::exp(-L * 0.5 * D)},
        std::tuple{"xfetch-linear", 1.0, std::exp(-L * D / 2)}}) {
    RunReport r = HotKey(guard, 4, 2000, beta);
    double n = N(r, "expiry_episodes");
    double p = N(r, "episodes_started_by_miss") / n;
    INFO(guard << " beta " << beta << " p " << p << " expected " << expect << " n " << n);
    REQUIRE(n > 1500);
    CHECK(std::abs(p - expect) < 4.5 * std::sqrt(expect * (1 - expect) / n));
    CHECK(N(r, "early_recomputes") > 0);
  }
}

// Ein(x) = integral_0^x (1 - e^-u) / u du, by Simpson's rule.
static double Ein(double x) {
  const int n = 2000;
  auto f = [](double u) { return u == 0 ? 1.0 : (1 - std::exp(-u)) / u; };
  double h = x / n, s = f(0) + f(x);
  for (int i = 1; i < n; ++i) s += f(i * h) * (i % 2 ? 4 : 2);
  return s * h / 3;
}

TEST_CASE("xfetch: the first early recompute comes b Ein(Lb) / (1 - e^-Lb) before expiry, b = beta D") {
  for (double beta : {1.0, 2.0}) {
    RunReport r = HotKey("xfetch", 4, 2000, beta);
    double b = beta * D * 1e3, c = L * beta * D;  // b in ms
    double expect = b * Ein(c) / (1 - std::exp(-c));
    double n = N(r, "first_gap_ms_n"), mean = N(r, "first_gap_ms_mean"), sd = N(r, "first_gap_ms_sd");
    INFO("beta " << beta << " mean " << mean << " expected " << expect << " sd " << sd << " n " << n);
    REQUIRE(n > 1000);
    CHECK(std::abs(mean - expect) < 4.5 * sd / std::sqrt(n));
  }
}

TEST_CASE("stale-while-revalidate: one load per refresh, only the cold miss waits") {
  RunReport r = HotKey("stale-while-revalidate", 4);
  REQUIRE(N(r, "expiry_episodes") > 1500);
  // Only the cold start (no value yet) can herd; every refresh is one load.
  CHECK(N(r, "loads") == N(r, "expiry_episodes") + N(r, "cold_start_loads"));
  CHECK(N(r, "loads_per_expiry_max") == 1);
  CHECK(N(r, "user_misses") <= 3);
  // Stale serves per refresh: the trigger plus the Poisson arrivals during
  // the lock round trip, the load and the fill's half round trip.
  double per = N(r, "stale_serves") / N(r, "expiry_episodes");
  CHECK(per == Approx(1 + L * (D + 1.5 * R)).epsilon(0.05));
}

TEST_CASE("sync-expiry: preloaded keys expire together; jitter spreads the reloads") {
  auto run = [](const std::string& jitter) {
    Params p;
    p.Set("scenario", "sync-expiry");
    p.Set("keys", "500");
    p.Set("ttl", "1s");
    p.Set("rate", "20000");
    p.Set("requests", "50000");
    p.Set("servers", "1");
    p.Set("stampede", "single-flight");
    p.Set("ttl-jitter", jitter);
    p.Set("window", "50ms");
    return RunExperiment(p);
  };
  RunReport flat = run("0"), spread = run("0.5");
  CHECK(N(flat, "cold_start_loads") == 0);      // preloaded: every episode is an expiry
  CHECK(N(flat, "loads_per_expiry_max") == 1);  // one server, single-flight
  CHECK(N(flat, "expiry_episodes") >= 500);
  INFO("peak qps flat " << N(flat, "peak_db_qps") << " jittered " << N(spread, "peak_db_qps"));
  CHECK(N(spread, "peak_db_qps") < 0.6 * N(flat, "peak_db_qps"));
  CHECK(N(spread, "db_peak_concurrency") < N(flat, "db_peak_concurrency"));
}

TEST_CASE("flash-crowd: the cold key's first burst herds without a guard, not with single-flight") {
  auto run = [](const std::string& guard) {
    Params p;
    p.Set("scenario", "flash-crowd");
    p.Set("stampede", guard);
    p.Set("rate", "5000");
    p.Set("flash-at", "2s");
    p.Set("flash-base-rate", "0.001");  // cold at the jump
    p.Set("recompute-ms", "20");
    p.Set("ttl", "60s");  // one load per server at most after the jump
    p.Set("servers", "1");
    return RunExperiment(p);
  };
  RunReport none = run("none"), sf = run("single-flight");
  // The first reader after the jump loads for 20 ms while ~5000/s arrive.
  CHECK(N(none, "loads") > 50);
  CHECK(N(sf, "loads") <= 2);
}
