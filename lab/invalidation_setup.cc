#include "lab/invalidation_setup.h"

#include <algorithm>

namespace cachelab {
namespace {

bool OnOff(const Params& p, const std::string& name) {
  std::string v = p.Choice(name, {"on", "off", "true", "false", "1", "0", "yes", "no"});
  return v == "on" || v == "true" || v == "1" || v == "yes";
}

}  // namespace

InvalidationConfig ParseInvalidationConfig(const Params& p) {
  InvalidationConfig c;
  c.keys = p.UInt("keys", 1, UINT32_MAX);
  if (p.Raw("ttl") == "trace") {  // each request's TTL from the trace (the runner fills the table)
    c.ttl = 0;
    c.key_ttl = std::make_shared<std::vector<SimTime>>(c.keys, 0);
  } else {
    c.ttl = p.Duration("ttl");
  }
  c.servers = p.UInt("servers", 1, 100000);
  c.seed = p.UInt("seed");
  c.jitter = p.Real("jitter", 0, 1);
  c.tiers.clear();
  Params one = p;
  for (const auto& item : p.List("tiers")) {
    one.Set("tiers", item);  // parse each item with the duration parser, errors naming --tiers
    c.tiers.push_back(one.Duration("tiers", kMillisecond));
  }
  c.access_factor = p.Real("access-ttl-factor", 1, 1000);
  c.tags = p.UInt("tags", 1, UINT32_MAX);
  c.tag_set_expire = OnOff(p, "tag-set-expire");
  c.pattern_fraction = p.Real("pattern-fraction", 0, 1);
  c.scan_count = p.UInt("scan-count", 1, 1000000);
  c.pubsub_delay = p.Dist("pubsub-delay", Distribution::Unit::kDuration);
  c.pubsub_loss = p.Real("pubsub-loss", 0, 1);
  c.pubsub_disconnect_every = p.Duration("pubsub-disconnect-every");
  c.pubsub_disconnect_for = p.Duration("pubsub-disconnect-for");
  c.pubsub_patterns = OnOff(p, "pubsub-patterns");
  c.near_cache = OnOff(p, "near-cache");
  c.near_ttl = p.Duration("near-ttl", 1);
  if (c.near_cache && c.keys * c.servers > (uint64_t{1} << 31))
    throw ParamError("near-cache", "keys x servers too large for the flat near cache");
  uint64_t warm = p.UInt("warmup-keys");
  if (warm > c.keys) throw ParamError("warmup-keys", "more than --keys (" + std::to_string(c.keys) + ")");
  return c;
}

void WarmUp(Harness& h, uint64_t n, const std::function<uint32_t(uint64_t)>& size_of) {
  for (uint64_t key = 0; key < n; ++key) {
    SetOptions opt = FillOptions(h.invalidation().TtlFor(key));
    // By id (given here, in key order): the store needs no by-name index for it.
    h.cache_for(key).SetById(h.db().KeyId(key), CacheKey(key), VersionedValue(h.db().Version(key), size_of(key)), opt,
                             [](RedisReply&&) {});
  }
}

uint64_t ExpiryMonitor::MaxPerSecond() const {
  uint64_t max = 0;
  for (size_t sec = first_; sec < CompleteSeconds(); ++sec) max = std::max(max, store_.expiry_calendar().At(sec));
  return max;
}

void ExpiryMonitor::Report(RunReport* r) const {
  Series series{"expirations_per_second", "keys/s", {}, {}};
  for (size_t sec = first_; sec < CompleteSeconds(); ++sec) {
    series.t.push_back(static_cast<SimTime>(sec + 1) * kSecond);
    series.v.push_back(static_cast<double>(store_.expiry_calendar().At(sec)));
  }
  r->Set("max_expirations_per_second", static_cast<int64_t>(MaxPerSecond()));
  r->series.push_back(std::move(series));
}

void AddStaleness(RunReport* r, const Histogram& h) {
  bool any = h.count() > 0;
  r->Set("staleness_ms.p50", any ? h.Quantile(0.50) / 1e6 : 0.0);
  r->Set("staleness_ms.p99", any ? h.Quantile(0.99) / 1e6 : 0.0);
  r->Set("staleness_ms.max", any ? static_cast<double>(h.max()) / 1e6 : 0.0);
}

}  // namespace cachelab
