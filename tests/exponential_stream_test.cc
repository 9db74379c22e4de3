// ExponentialStream (the arrivals' gaps, logs computed in blocks) against
// Rng::Exponential on a twin stream: the same doubles, bit for bit, draw for
// draw, across block boundaries and with the mean changing between draws
// (a flash crowd changes the rate mid-stream). The expectation is the
// unbatched draw the runs used before the blocks, not the class's own code.
#include <catch2/catch.hpp>
#include <cstring>

#include "sim/exponential_stream.h"

using namespace cachelab;

static uint64_t Bits(double d) {
  uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

TEST_CASE("ExponentialStream gives Rng::Exponential's draws, bit for bit") {
  for (uint64_t seed : {1ULL, 7ULL, 0xdeadbeefULL}) {
    Rng twin(seed, "arrivals");
    ExponentialStream stream(Rng(seed, "arrivals"));
    for (int i = 0; i < 1000; ++i) {  // 15 blocks and a part
      double mean = (i % 3 == 0) ? 1e9 / 10000.0 : (i % 3 == 1) ? 1e9 / 250.0 : 1.0;
      double want = twin.Exponential(mean);
      double got = stream.Next(mean);
      INFO("seed " << seed << " draw " << i);
      REQUIRE(Bits(got) == Bits(want));
    }
  }
}

TEST_CASE("ExponentialStream's gaps have the asked mean (Poisson arrivals)") {
  // 10^6 draws of mean 100: the sample mean's standard error is 0.1, so
  // 100 +- 0.5 holds unless something other than an exponential is drawn.
  ExponentialStream stream(Rng(42, "arrivals"));
  double sum = 0;
  for (int i = 0; i < 1000000; ++i) sum += stream.Next(100.0);
  CHECK(sum / 1e6 == Approx(100.0).margin(0.5));
}
