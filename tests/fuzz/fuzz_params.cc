// Parameter parsers and distributions: the first byte picks a parameter, the
// rest is its value. Every typed getter either returns a value in its range or
// throws ParamError naming the parameter; distributions sample finite values
// within the cap; exact integers round-trip; Redis URLs, churn schedules and
// cache sizes parse or throw their documented exception.
#include <cmath>
#include <cstdint>
#include <string>

#include "cli/cache_size_arg.h"
#include "cli/commands.h"
#include "fuzz_util.h"
#include "lab/churn.h"
#include "lab/params.h"
#include "live/redis_endpoint.h"
#include "sim/distribution.h"
#include "sim/exact_int.h"

using namespace cachelab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const auto& defs = ParamDefs();
  const ParamDef& def = defs[data[0] % defs.size()];
  std::string value(reinterpret_cast<const char*>(data + 1), size - 1);
  Params p;
  p.Set(def.name, value);
  auto guard = [&](auto fn) {
    try {
      fn();
    } catch (const ParamError& e) {
      FUZZ_CHECK(e.param() == def.name);
    }
  };
  guard([&] {
    uint64_t v = p.UInt(def.name, 1, 1000000);
    FUZZ_CHECK(v >= 1 && v <= 1000000);
  });
  guard([&] {
    double v = p.Real(def.name, -5, 5);
    FUZZ_CHECK(v >= -5 && v <= 5);
  });
  guard([&] { FUZZ_CHECK(p.Duration(def.name) >= 0); });
  guard([&] { FUZZ_CHECK(p.Bytes(def.name) <= kMaxBytes); });
  guard([&] { p.Bool(def.name); });
  guard([&] { p.List(def.name); });
  for (auto unit : {Distribution::Unit::kDuration, Distribution::Unit::kBytes, Distribution::Unit::kNumber}) {
    Distribution d;
    if (!Distribution::Parse(value, unit, &d).empty()) continue;
    FUZZ_CHECK(std::isfinite(d.Mean()) && d.Mean() >= 0 && d.Mean() <= Distribution::kMaxValue);
    Rng rng(1, "fuzz");
    for (int i = 0; i < 16; ++i) {
      double s = d.Sample(rng);
      FUZZ_CHECK(std::isfinite(s) && s >= 0 && s <= Distribution::kMaxValue);
      (void)static_cast<int64_t>(s);  // what callers do; UBSan checks the conversion
    }
  }
  uint64_t exact = 0;
  if (ParseExactUInt(value, &exact).empty() && !value.empty() &&
      value.find_first_not_of("0123456789") == std::string::npos && value[0] != '0')
    FUZZ_CHECK(std::to_string(exact) == value);
  try {
    live::ParseRedisUrl(value);
  } catch (const std::invalid_argument&) {
  }
  try {
    ParseChurn(value);
  } catch (const ParamError&) {
  } catch (const std::invalid_argument&) {
  }
  for (bool objects : {false, true}) {
    try {
      cli::CacheSizeArg c = cli::ParseCacheSize(value, objects);
      FUZZ_CHECK(c.absolute <= cli::kMaxCacheSize && c.fraction < 1);
    } catch (const cli::UsageError&) {
    }
  }
  return 0;
}
