#include "strategies/read_path.h"

#include <stdexcept>

#include "sim/sim_redis.h"
#include "strategies/invalidation/invalidation.h"
#include "strategies/stampede/guard.h"

namespace cachelab {

ReadPath::ReadPath(Harness& h, const StrategyConfig& c)
    : h_(h), sim_(h.sim()), db_(h.db()), inv_(h.invalidation()), c_(c), rng_(c.seed, "stampede-guard") {
  std::string err;
  guard_ = MakeStampedeGuard(c.stampede, *this, &err);
  if (!guard_) throw std::invalid_argument(err);
  metadata_ = guard_->metadata();
}

ReadPath::~ReadPath() = default;

void ReadPath::EnableRefreshAhead(double fraction) {
  refresh_fraction_ = fraction;
  metadata_ = true;
}

void ReadPath::Read(ReqId id) { Get(id); }

void ReadPath::Get(ReqId id) {
  const Request& r = h_.request(id);  // once: each is a virtual call (Harness::KeyIdOf asks again)
  const uint64_t key = r.key;
  const uint32_t kid = r.kid != kNoKeyId ? r.kid : db_.KeyId(key);
  episodes_.Prefetch(kid);  // a miss's load reads it one round trip later
  CacheBackend& cache = h_.cache_for(key);
  // The simulated Redis answers the version alone: enough unless the value
  // carries metadata (DecodeValue).
  if (!metadata_)
    if (SimRedis* direct = cache.Direct()) return direct->GetDirect(kid, direct_get_, id);
  auto done = [this, id](RedisReply&& reply) { OnReply(id, std::move(reply)); };
  if (cache.GetsById()) cache.GetById(kid, {}, done);  // no "k:<key>" spelled for nothing
  else cache.GetById(kid, CacheKeyName(key), done);
}

// flatten (here, OnLoaded, LoadAndServe): the reply handlers inline this file's
// helpers (Serve, Complete, Load, FillValue, ...), one call frame each a read less.
[[gnu::flatten]] void ReadPath::OnReply(ReqId id, RedisReply&& reply) {
  if (reply.type == RedisReply::Type::kString) {
    if (!reply.str.data.empty() && reply.str.data[0] == 'L') {  // another client's lease: a hot miss
      guard_->OnMiss(id, /*hot=*/true);
      return;
    }
    OnValue(id, metadata_ ? DecodeValue(reply.str) : CachedValue{VersionOf(reply.str)});
    return;
  }
  if (reply.is_error()) {
    ++cache_errors_;
    Fallback(id);
    return;
  }
  guard_->OnMiss(id, /*hot=*/false);
}

[[gnu::flatten]] void ReadPath::OnDirectGet(ReqId id, const DirectReply& reply) {
  switch (reply.status) {
    case DirectReply::Status::kValue:
      if (reply.lease) guard_->OnMiss(id, /*hot=*/true);  // another client's lease: a hot miss
      else OnValue(id, CachedValue{reply.version});
      return;
    case DirectReply::Status::kError:
      ++cache_errors_;
      Fallback(id);
      return;
    default:
      guard_->OnMiss(id, /*hot=*/false);
  }
}

void ReadPath::OnValue(ReqId id, const CachedValue& v) {
  inv_.OnHit(h_.request(id).key);
  if (guard_->OnHit(id, v)) return;
  if (refresh_fraction_ > 0) MaybeRefreshAhead(id, v);
  Serve(id, v.version, true);
}

void ReadPath::MaybeRefreshAhead(ReqId id, const CachedValue& v) {
  const Request& r = h_.request(id);
  SimTime ttl = inv_.TtlFor(r.key);
  if (v.expiry == 0 || ttl <= 0) return;
  SimTime left = v.expiry - sim_.Now();
  if (left > static_cast<SimTime>(refresh_fraction_ * static_cast<double>(ttl))) return;
  // One reload per key and application server at a time (Caffeine refreshes per instance).
  uint64_t slot = (r.key << 16) ^ r.client;
  if (!refreshing_.insert(slot).second) return;
  ++refreshes_;
  uint32_t kid = h_.KeyIdOf(id);
  LoadKeyId(r.key, kid, r.size, r.client, episodes_.Stamp(kid), LoadKind::kBackground,
            [this, slot](uint64_t, bool) { refreshing_.erase(slot); }, 0);
}

void ReadPath::Load(ReqId id, LoadKind kind, Loaded done, uint64_t lease) {
  LoadFor(id, kind, std::move(done), lease, kNoServe);
}

void ReadPath::LoadFor(ReqId id, LoadKind kind, Loaded done, uint64_t lease, ReqId serve) {
  const Request& r = h_.request(id);
  const uint32_t kid = r.kid != kNoKeyId ? r.kid : db_.KeyId(r.key);  // Harness::KeyIdOf without asking twice
  LoadKeyId(r.key, kid, r.size, r.client, episodes_.StampFor(kid, r.at), kind, std::move(done), lease, serve);
}

void ReadPath::LoadKey(uint64_t key, uint32_t size, uint32_t server, uint32_t stamp, LoadKind kind, Loaded done,
                       uint64_t lease) {
  LoadKeyId(key, db_.KeyId(key), size, server, stamp, kind, std::move(done), lease);
}

void ReadPath::LoadKeyId(uint64_t key, uint32_t kid, uint32_t size, uint32_t server, uint32_t stamp, LoadKind kind,
                         Loaded done, uint64_t lease, ReqId serve) {
  uint32_t slot;
  if (!free_loads_.empty()) {
    slot = free_loads_.back();
    free_loads_.pop_back();
  } else {
    slot = static_cast<uint32_t>(loads_.size());
    loads_.emplace_back();
  }
  LoadSlot& l = loads_[slot];
  l.key = key;
  l.kid = kid;
  l.size = size;
  l.server = server;
  l.epoch = Epoch(server);
  l.start = sim_.Now();
  l.kind = kind;
  l.lease = lease;
  l.done = std::move(done);
  l.serve = serve;
  ++loads_started_;
  episodes_.OnLoadStart(kid, stamp, kind == LoadKind::kEarly || kind == LoadKind::kBackground);
  db_.Read(kid, loaded_, slot);
}

ReadPath::FillTtls ReadPath::FillTtl(uint64_t key) {
  SimTime ttl = inv_.TtlFor(key);
  return FillTtls{ttl, ttl > 0 ? ttl + guard_->extra_ttl() : 0};
}

Blob ReadPath::FillValue(uint64_t key, uint64_t version, uint32_t size, SimTime delta, SetOptions* opt) {
  SimTime now = sim_.Now();
  FillTtls t = FillTtl(key);
  *opt = FillOptions(t.hard);
  CachedValue v{version, delta, 0, 0, 0};
  if (t.hard > 0) {
    v.expiry = now + t.hard;
    if (guard_->extra_ttl() > 0) v.soft_expiry = now + t.ttl;
  }
  return EncodeValue(v, size, metadata_);
}

[[gnu::flatten]] void ReadPath::OnLoaded(uint32_t slot, uint64_t version) {
  LoadSlot& l = loads_[slot];
  if (Epoch(l.server) != l.epoch) {  // the server crashed while the database worked
    ++abandoned_loads_;
    Finish(slot, version, false);
    return;
  }
  // The value is "v<version>" alone (EncodeValue without metadata): a
  // simulated Redis takes it as a direct SET, without a Blob.
  const bool plain = !metadata_ && l.kind != LoadKind::kLease;
  SetOptions opt;
  Blob value;
  if (plain) opt = FillOptions(FillTtl(l.key).hard);
  else value = FillValue(l.key, version, l.size, sim_.Now() - l.start, &opt);
  if (l.kind == LoadKind::kLease) {  // only over a placeholder (XX), and check it was ours (GET)
    opt.cond = SetOptions::Cond::kXx;
    opt.get = true;
  }
  CacheBackend& cache = h_.cache_for(l.key);
  if (plain) {
    if (SimRedis* direct = cache.Direct()) {
      // Filled reads the key's episode row one round trip from now: the GET's
      // prefetch (a database read earlier) is often evicted by then.
      episodes_.Prefetch(l.kid);
      l.version = version;
      return direct->SetDirect(l.kid, l.key, version, l.size, opt, direct_fill_, slot);
    }
    value = VersionedValue(version, l.size);
  }
  cache.SetById(l.kid, CacheKeyName(l.key), std::move(value), opt, [this, slot, version](RedisReply&& reply) {
    LoadSlot& s = loads_[slot];
    if (!reply.is_error() && !reply.is_nil() && s.kind == LoadKind::kLease && DecodeValue(reply.str).lease != s.lease) {
      // Another client's lease or value was there: without compare-and-set in
      // Redis we overwrote it, so take ours back out (a miss is safe, a stale value is not).
      ++lease_conflicts_;
      h_.cache_for(s.key).DelById(s.kid, CacheKeyName(s.key), [](RedisReply&&) {});
      return Finish(slot, version, true);
    }
    using S = DirectReply::Status;
    Filled(slot, version, reply.is_error() ? S::kError : reply.is_nil() ? S::kNil : S::kOk);
  });
}

void ReadPath::Filled(uint32_t slot, uint64_t version, DirectReply::Status status) {
  if (status == DirectReply::Status::kError) ++cache_errors_;
  else if (status == DirectReply::Status::kNil) ++refused_fills_;  // the lease was deleted by a write: the value may be stale
  else episodes_.OnFill(loads_[slot].kid, sim_.Now());
  Finish(slot, version, true);
}

void ReadPath::Finish(uint32_t slot, uint64_t version, bool ok) {
  const ReqId serve = loads_[slot].serve;
  Loaded done = std::move(loads_[slot].done);
  free_loads_.push_back(slot);
  if (serve != kNoServe) {
    if (ok) Serve(serve, version, false);
    else Fail(serve);
  } else if (done) {
    done(version, ok);
  }
}

// Load with the request to serve kept in the load's slot (Finish answers it): no callback object.
[[gnu::flatten]] void ReadPath::LoadAndServe(ReqId id, LoadKind kind, uint64_t lease) {
  LoadFor(id, kind, {}, lease, id);
}

void ReadPath::BeginWait(ReqId id) {
  if (wait_start_.emplace(id, sim_.Now()).second && h_.measured(id)) ++lock_waits_;
}

void ReadPath::Complete(ReqId id, const ReadOutcome& o) {
  SimTime now = sim_.Now();
  bool waited = false;
  const bool measured = h_.measured(id);
  if (!wait_start_.empty()) {
    auto it = wait_start_.find(id);
    if (it != wait_start_.end()) {
      if (measured) lock_wait_.Record(static_cast<uint64_t>(now - it->second));
      wait_start_.erase(it);
      waited = true;
    }
  }
  if (!measured) return h_.CompleteRead(id, o);
  uint64_t latency = static_cast<uint64_t>(now - h_.request(id).at);
  // Caught in a stampede: the read missed (waited for a load) or waited for a lock/lease.
  (waited || !o.hit ? during_latency_ : outside_latency_).Record(latency);
  if (o.fallback) fallback_latency_.Record(latency);  // the price of a failing cache
  if (!o.hit && !o.failed) ++user_misses_;
  h_.CompleteRead(id, o);
}

void ReadPath::Serve(ReqId id, uint64_t version, bool hit) { Complete(id, ReadOutcome{hit, version, false, false}); }

void ReadPath::Fail(ReqId id) { Complete(id, ReadOutcome{false, 0, false, true}); }

void ReadPath::Fallback(ReqId id) {
  db_.Read(h_.request(id).key, h_.KeyIdOf(id), [this, id](uint64_t version) {
    Complete(id, ReadOutcome{false, version, true, false});
  });
}

void ReadPath::OnServerCrash(uint32_t server) {
  ++Epoch(server);
  for (auto it = refreshing_.begin(); it != refreshing_.end();)
    it = (*it & 0xFFFF) == (server & 0xFFFF) ? refreshing_.erase(it) : std::next(it);
}

void ReadPath::StartMeasurement() {
  episodes_.StartMeasurement();
  for (Histogram* h : {&during_latency_, &outside_latency_, &lock_wait_, &fallback_latency_}) h->Clear();
  loads_started_ = user_misses_ = stale_serves_ = cache_errors_ = lease_conflicts_ = 0;
  refused_fills_ = abandoned_loads_ = refreshes_ = lock_waits_ = 0;
  guard_->StartMeasurement();
}

void ReadPath::Report(RunReport* r) const {
  EpisodeTracker e = episodes_.Finished();
  r->Set("stampede", std::string(guard_->Name()));
  r->Set("loads", static_cast<int64_t>(loads_started_));
  r->Set("expiry_episodes", static_cast<int64_t>(e.episodes()));
  r->Set("loads_per_expiry_mean", e.loads().mean());
  r->Set("loads_per_expiry_var", e.variance());
  r->Set("loads_per_expiry_p99", e.loads().Quantile(0.99));
  r->Set("loads_per_expiry_max", static_cast<int64_t>(e.loads().max()));
  r->Set("episodes_started_by_miss", static_cast<int64_t>(e.miss_episodes()));
  r->Set("cold_start_loads", static_cast<int64_t>(e.cold_loads()));
  r->Set("cold_start_keys", static_cast<int64_t>(e.cold_episodes()));
  r->Set("user_misses", static_cast<int64_t>(user_misses_));
  r->Set("stale_serves", static_cast<int64_t>(stale_serves_));
  r->Set("lock_waits", static_cast<int64_t>(lock_waits_));
  r->Set("lock_wait_ms.p50", lock_wait_.Quantile(0.5) / 1e6);
  r->Set("lock_wait_ms.p99", lock_wait_.Quantile(0.99) / 1e6);
  r->Set("lock_wait_ms.total", lock_wait_.mean() * static_cast<double>(lock_wait_.count()) / 1e6);
  r->Set("refused_fills", static_cast<int64_t>(refused_fills_));
  r->Set("lease_conflicts", static_cast<int64_t>(lease_conflicts_));
  r->Set("abandoned_loads", static_cast<int64_t>(abandoned_loads_));
  r->Set("refresh_ahead_reloads", static_cast<int64_t>(refreshes_));
  r->Set("cache_errors", static_cast<int64_t>(cache_errors_));
  for (auto [name, hist] : {std::pair{"latency_in_stampede_us", &during_latency_},
                            std::pair{"latency_outside_stampede_us", &outside_latency_},
                            std::pair{"fallback_latency_us", &fallback_latency_}}) {
    std::string n(name);
    r->Set(n + ".count", static_cast<int64_t>(hist->count()));
    r->Set(n + ".p50", hist->Quantile(0.5) / 1e3);
    r->Set(n + ".p99", hist->Quantile(0.99) / 1e3);
    r->Set(n + ".p999", hist->Quantile(0.999) / 1e3);
  }
  HistogramData dist{"loads_per_expiry", {}};  // the distribution, for the dashboard
  for (const auto& b : e.loads().NonEmpty())
    dist.buckets.push_back({static_cast<double>(b.lower), static_cast<double>(b.upper), b.count});
  if (!dist.buckets.empty()) r->histograms.push_back(std::move(dist));
  guard_->Report(r);
}

}  // namespace cachelab
