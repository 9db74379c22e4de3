#include "lab/scenario.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace cachelab {

bool RecomputeLatency(const Params& p, Distribution* out) {
  const std::string& v = p.Raw("recompute-ms");
  double ms;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), ms);
  if (ec == std::errc() && end == v.data() + v.size()) {
    if (ms < 0 || !std::isfinite(ms)) throw ParamError("recompute-ms", "invalid value '" + v + "' (must be >= 0)");
    if (ms == 0) return false;
    *out = Distribution::Fixed(ms * kMillisecond);
    return true;
  }
  *out = p.Dist("recompute-ms", Distribution::Unit::kDuration);
  return true;
}

ScenarioConfig ApplyScenario(Params* p) {
  ScenarioConfig s;
  s.name = p->Choice("scenario", {"none", "hot-key", "sync-expiry", "flash-crowd"});
  if (s.name == "none") return s;
  s.random_servers = true;
  double rate = p->Real("rate", 1e-6, 1e12);
  double ttl_s = std::max(1e-3, ToSeconds(p->Duration("ttl")));
  auto set_default = [&](const std::string& name, const std::string& value) {
    if (p->IsDefault(name)) p->Set(name, value);
  };
  set_default("alpha", "0");
  set_default("read-fraction", "1");
  if (s.name == "hot-key" || s.name == "flash-crowd") {  // one key by definition: a given --keys is refused, not overwritten
    if (p->Given("keys") && p->Raw("keys") != "1")
      throw ParamError("keys", "does not apply with --scenario " + s.name + " (the scenario is one hot key)");
    p->Set("keys", "1");
  }
  if (s.name == "hot-key") {
    double n = std::clamp(std::ceil(rate * ttl_s * 200), 1000.0, 2e6);
    set_default("requests", std::to_string(static_cast<uint64_t>(n)));
  } else if (s.name == "sync-expiry") {
    set_default("keys", "1000");
    s.preload = true;
    s.ttl_jitter = p->Real("ttl-jitter", 0, 100);
  } else {
    s.flash_at = p->Duration("flash-at");
    s.base_rate = p->Real("flash-base-rate", 1e-6, 1e12);
    double n = s.base_rate * ToSeconds(s.flash_at) + rate * 20;
    set_default("requests", std::to_string(static_cast<uint64_t>(std::ceil(n))));
  }
  return s;
}

}  // namespace cachelab
