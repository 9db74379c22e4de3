#include "strategies/invalidation/tag_invalidation.h"

#include <algorithm>
#include <charconv>

#include "sim/redis_memory.h"
#include "strategies/invalidation/node_dels.h"

namespace cachelab {

TagInvalidation::TagInvalidation(Harness& h, const InvalidationConfig& c)
    : SchemeBase(h, c),
      members_(std::max<uint64_t>(1, c.tags), 0),
      member_bytes_(members_.size(), 0),
      set_expires_(members_.size(), 0),
      tagged_rows_(members_.size()) {
  c_.tags = members_.size();
  h.metrics().Gauge("tag_set_memory_bytes", "bytes", [this] { return static_cast<double>(TagSetMemory()); });
  h.metrics().Gauge("tag_stale_members", "count", [this] { return static_cast<double>(StaleMembers()); });
}

std::string TagInvalidation::TagKey(uint64_t tag) { return "tag:" + std::to_string(tag); }

SimTime TagInvalidation::TtlFor(uint64_t key) {
  SimTime ttl = BaseTtl(c_, key);
  if (key < c_.keys) Touch(key).expires = ttl > 0 ? h_.sim().Now() + ttl : kForever;
  AddToTag(key);
  return ttl;
}

void TagInvalidation::AddToTag(uint64_t key) {
  uint64_t tag = TagOf(key);
  SimTime now = h_.sim().Now();
  SimTime ttl = BaseTtl(c_, key);
  CacheBackend& node = TagNode(tag);
  node.Command({"SADD", TagKey(tag), CacheKey(key)}, [this, key, tag](RedisReply&& reply) {
    if (reply.type != RedisReply::Type::kInteger || reply.integer != 1) return;
    if (set_expires_[tag] && set_expires_[tag] <= h_.sim().Now()) Forget(tag);  // the set had expired
    ++members_[tag];
    member_bytes_[tag] += SetMemberMemory(CacheKey(key).size());
    if (key < c_.keys) {
      uint32_t row = keys_.Index(key);
      KeyState& k = keys_.At(row);
      k.key = key;
      if (!k.tagged) tagged_rows_[tag].push_back(row);
      k.tagged = true;
    }
  });
  CountExtra();
  if (c_.tag_set_expire && ttl > 0) {
    // The set lives as long as its newest member: stale members last at most one TTL.
    node.Command({"PEXPIRE", TagKey(tag), std::to_string(std::max<SimTime>(1, ttl / kMillisecond))},
                 [](RedisReply&&) {});
    set_expires_[tag] = now + ttl;
    CountExtra();
  }
}

void TagInvalidation::OnWrite(uint64_t key, Done done) {
  CountExtra(2);  // SMEMBERS + DEL (whose single-key form is the baseline's)
  Invalidate(key, /*keep=*/false, std::move(done));
}

void TagInvalidation::OnWriteSet(uint64_t key, uint64_t, Done done) {
  CountExtra(2);  // SMEMBERS + DEL (no baseline DEL: the strategy SET the key); AddToTag counts the SADD
  Invalidate(key, /*keep=*/true, std::move(done));
}

void TagInvalidation::Invalidate(uint64_t key, bool keep, Done done) {
  ++writes_;
  ++invalidations_;
  uint64_t tag = TagOf(key);
  uint32_t parked = Park(std::move(done));
  TagNode(tag).Command({"SMEMBERS", TagKey(tag)}, [this, key, keep, tag, parked](RedisReply&& members) {
    std::string self = CacheKey(key);
    NodeDels dels;
    if (!keep) dels.Add(h_.cache_for(key), self);
    dels.Add(TagNode(tag), TagKey(tag));
    for (auto& m : members.elements) {
      if (m.str.data == self) continue;
      CacheBackend& owner = MemberNode(m.str.data);  // before the move: arguments have no order
      dels.Add(owner, std::move(m.str.data));
    }
    CountExtra(dels.commands() - 1);  // one DEL per further node holding members
    bool had_set = !members.elements.empty();
    dels.Send([this, key, keep, tag, parked, had_set](int64_t deleted) {
      keys_deleted_ += static_cast<uint64_t>(deleted) - had_set;
      Forget(tag);
      if (keep) AddToTag(key);  // the written key stays cached: it stays tagged
      Unpark(parked)();
    });
  });
}

CacheBackend& TagInvalidation::TagNode(uint64_t tag) { return h_.cache_for(tag); }

CacheBackend& TagInvalidation::MemberNode(std::string_view member) {
  // Members are the scheme's own cache keys, "k:<id>".
  uint64_t id = 0;
  if (member.size() > 2 && member.substr(0, 2) == "k:") {
    auto [end, ec] = std::from_chars(member.data() + 2, member.data() + member.size(), id);
    if (ec == std::errc() && end == member.data() + member.size()) return h_.cache_for(id);
  }
  return h_.cache_for(0);  // not ours (cannot happen with a private prefix): any node will do
}

void TagInvalidation::Forget(uint64_t tag) {
  members_[tag] = 0;
  member_bytes_[tag] = 0;
  set_expires_[tag] = 0;
  for (uint32_t row : tagged_rows_[tag]) keys_.At(row).tagged = false;
  tagged_rows_[tag].clear();
}

uint64_t TagInvalidation::TagSetMemory() const {
  SimTime now = h_.sim().Now();
  uint64_t total = 0;
  for (uint64_t t = 0; t < members_.size(); ++t) {
    if (!members_[t] || (set_expires_[t] && set_expires_[t] <= now)) continue;
    uint64_t buckets = 4;  // the set's dict: a power of two >= members (8 bytes each)
    while (buckets < members_[t]) buckets *= 2;
    total += KeyOverheadMemory(TagKey(t).size(), set_expires_[t] != 0) + kSetObjectMemory + member_bytes_[t] +
             JemallocSize(buckets * 8);
  }
  peak_memory_ = std::max(peak_memory_, total);
  return total;
}

uint64_t TagInvalidation::StaleMembers() const {
  SimTime now = h_.sim().Now();
  uint64_t stale = 0;
  for (const KeyState& k : keys_.rows()) {
    if (!k.tagged || k.expires > now) continue;
    SimTime set_exp = set_expires_[TagOf(k.key)];
    stale += !(set_exp && set_exp <= now);
  }
  peak_stale_ = std::max(peak_stale_, stale);
  return stale;
}

void TagInvalidation::StartMeasurement() {
  SchemeBase::StartMeasurement();
  invalidations_ = keys_deleted_ = 0;
  peak_memory_ = peak_stale_ = 0;  // the peaks of measurement start from the levels now
  TagSetMemory();
  StaleMembers();
}

void TagInvalidation::Report(RunReport* r) const {
  SchemeBase::Report(r);
  uint64_t memory = TagSetMemory(), stale = StaleMembers();
  uint64_t members = 0;
  for (auto m : members_) members += m;
  r->Set("extra_memory_bytes", static_cast<int64_t>(memory));
  r->Set("extra_memory_bytes_peak", static_cast<int64_t>(peak_memory_));
  r->Set("tag_sets", static_cast<int64_t>(c_.tags));
  r->Set("tag_members", static_cast<int64_t>(members));
  r->Set("tag_stale_members", static_cast<int64_t>(stale));
  r->Set("tag_stale_members_peak", static_cast<int64_t>(peak_stale_));
  r->Set("tag_invalidations", static_cast<int64_t>(invalidations_));
  r->Set("tag_keys_deleted", static_cast<int64_t>(keys_deleted_));
}

}  // namespace cachelab
