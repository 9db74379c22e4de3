#include "strategies/invalidation/version_invalidation.h"

#include <algorithm>
#include <charconv>

#include "sim/redis_memory.h"

namespace cachelab {
namespace {

// The object id of a cache key "k:<id>", or false.
bool ObjectId(std::string_view cache_key, uint64_t* id) {
  if (cache_key.size() < 3 || cache_key[0] != 'k' || cache_key[1] != ':') return false;
  auto [p, ec] = std::from_chars(cache_key.data() + 2, cache_key.data() + cache_key.size(), *id);
  return ec == std::errc() && p == cache_key.data() + cache_key.size();
}

}  // namespace

// Renames keys on the way to the node; records fills for the orphan count.
class VersionInvalidation::Router final : public CacheBackend {
 public:
  Router(VersionInvalidation& scheme, CacheBackend& node) : s_(scheme), node_(node) {}
  std::string Name() const override { return node_.Name(); }
  void Get(std::string_view key, ReplyCallback done) override { node_.Get(s_.Versioned(key), std::move(done)); }
  void Del(std::string_view key, ReplyCallback done) override { node_.Del(s_.Versioned(key), std::move(done)); }
  void Set(std::string_view key, Blob value, const SetOptions& opt, ReplyCallback done) override {
    uint64_t id;
    // A fill is named by the version it carries (read from the database), not
    // the version current when it lands: a slow fill of old data goes to the
    // old name, unreachable, instead of hiding under the new one.
    std::string name = s_.Versioned(key, VersionOf(value));
    if (ObjectId(key, &id)) {
      SimTime expires = opt.expire_ms > 0 ? s_.h_.sim().Now() + opt.expire_ms * kMillisecond : kForever;
      s_.NoteFill(id, VersionOf(value), expires,
                  StringValueMemory(value.data, value.data.size() + value.pad) +
                      KeyOverheadMemory(name.size(), opt.expire_ms > 0));
    }
    node_.Set(name, std::move(value), opt, std::move(done));
  }
  void Command(std::vector<std::string> argv, ReplyCallback done) override {
    if (argv.size() >= 2) argv[1] = s_.Versioned(argv[1]);
    node_.Command(std::move(argv), std::move(done));
  }
  CacheBackend& node() { return node_; }

 private:
  VersionInvalidation& s_;
  CacheBackend& node_;
};

VersionInvalidation::VersionInvalidation(Harness& h, const InvalidationConfig& c)
    : SchemeBase(h, c), keys_(c.keys) {
  h.metrics().Gauge("orphaned_versions", "count", [this] { return static_cast<double>(orphans()); });
  h.metrics().Gauge("orphaned_bytes", "bytes", [this] { return static_cast<double>(orphan_bytes()); });
}

VersionInvalidation::~VersionInvalidation() = default;

CacheBackend& VersionInvalidation::Route(CacheBackend& node) {
  for (auto& r : routers_)
    if (&r->node() == &node) return *r;
  routers_.push_back(std::make_unique<Router>(*this, node));
  return *routers_.back();
}

std::string VersionInvalidation::Versioned(std::string_view cache_key, uint64_t pinned) const {
  uint64_t id;
  std::string out(cache_key);
  if (!ObjectId(cache_key, &id)) return out;
  char buf[24] = {':', 'v'};
  auto [p, ec] = std::to_chars(buf + 2, buf + sizeof buf, pinned != kCurrent ? pinned : version(id));
  out.append(buf, p);
  return out;
}

VersionInvalidation::KeyVersions* VersionInvalidation::Row(uint64_t key) {
  if (key >= keys_) return nullptr;
  KeyVersions& r = rows_.At(h_.db().KeyId(key));
  r.key_digits = 1;
  for (uint64_t k = key; k >= 10; k /= 10) ++r.key_digits;
  return &r;
}

void VersionInvalidation::NoteFill(uint64_t key, uint64_t version, SimTime expires, uint64_t bytes) {
  KeyVersions* r = Row(key);
  if (!r) return;
  if (version < r->version) {  // a late fill of old data: unreachable from the start
    AddOrphan(expires, bytes);
    return;
  }
  // A newer version set by the writer before readers move (OnWriteSet): the
  // previous entry, still alive under its old name, is orphaned now.
  if (version > r->filled_version && r->fill_expires > h_.sim().Now()) AddOrphan(r->fill_expires, r->fill_bytes);
  r->filled_version = version;
  r->fill_expires = expires;
  r->fill_bytes = static_cast<uint32_t>(bytes);
}

void VersionInvalidation::OnWrite(uint64_t key, Done done) {
  ++writes_;
  CountExtra();
  // The INCR goes to the node itself: "ver:..." is not an object key.
  uint32_t parked = Park(std::move(done));
  h_.cache_for(key).Command({"INCR", "ver:" + CacheKey(key)}, [this, key, parked](RedisReply&& reply) {
    if (KeyVersions* r = Row(key)) {
      uint64_t old = r->version;
      // The database's version is the authority (writes may coalesce); the
      // INCR is the shared counter other servers would read.
      uint64_t counted = reply.type == RedisReply::Type::kInteger ? static_cast<uint64_t>(reply.integer) : old + 1;
      r->version = std::max(counted, h_.db().Version(key));
      OrphanStaleFill(r);
    }
    Unpark(parked)();
  });
}

void VersionInvalidation::OnWriteSet(uint64_t key, uint64_t version, Done done) {
  ++writes_;
  CountExtra();
  uint32_t parked = Park(std::move(done));
  h_.cache_for(key).Command({"INCR", "ver:" + CacheKey(key)}, [this, key, version, parked](RedisReply&&) {
    // The written value names the version (write-behind: the one its row will
    // commit, ahead of the database); INCR counts writes, which coalesce.
    if (KeyVersions* r = Row(key)) {
      r->version = std::max(r->version, version);
      OrphanStaleFill(r);
    }
    Unpark(parked)();
  });
}

void VersionInvalidation::OnWritesLost(uint64_t key, uint64_t version) {
  if (key >= keys_ || version >= this->version(key)) return;
  KeyVersions* r = Row(key);
  r->version = version;
  // The lost write's value, under its void name, is unreachable from now on.
  if (r->filled_version > version && r->fill_expires > h_.sim().Now()) {
    AddOrphan(r->fill_expires, r->fill_bytes);
    r->fill_expires = 0;
  }
}

void VersionInvalidation::OrphanStaleFill(KeyVersions* r) {
  if (r->filled_version < r->version && r->fill_expires > h_.sim().Now()) {
    AddOrphan(r->fill_expires, r->fill_bytes);
    r->fill_expires = 0;
  }
}

void VersionInvalidation::AddOrphan(SimTime expires, uint64_t bytes) {
  orphan_queue_.push(Orphan{expires, bytes});
  ++orphan_count_;
  ++orphaned_total_;
  orphan_bytes_ += bytes;
  Purge();
}

void VersionInvalidation::Purge() const {
  SimTime now = h_.sim().Now();
  while (!orphan_queue_.empty() && orphan_queue_.top().expires <= now) {
    --orphan_count_;
    orphan_bytes_ -= orphan_queue_.top().bytes;
    orphan_queue_.pop();
  }
  peak_orphans_ = std::max(peak_orphans_, orphan_count_);
  peak_orphan_bytes_ = std::max(peak_orphan_bytes_, orphan_bytes_);
}

uint64_t VersionInvalidation::orphans() const {
  Purge();
  return orphan_count_;
}

uint64_t VersionInvalidation::orphan_bytes() const {
  Purge();
  return orphan_bytes_;
}

void VersionInvalidation::StartMeasurement() {
  SchemeBase::StartMeasurement();
  orphaned_total_ = 0;
  peak_orphans_ = peak_orphan_bytes_ = 0;  // the peaks of measurement start from the levels now
  Purge();
}

void VersionInvalidation::Report(RunReport* r) const {
  SchemeBase::Report(r);
  // Version counters: one small integer key per object ever written.
  uint64_t version_keys = 0, version_bytes = 0;
  for (const KeyVersions& k : rows_.rows()) {
    if (!k.version) continue;
    ++version_keys;
    std::string v = std::to_string(k.version);
    version_bytes += KeyOverheadMemory(std::string_view("ver:k:").size() + k.key_digits, false) +
                     StringValueMemory(v, v.size());
  }
  r->Set("extra_memory_bytes", static_cast<int64_t>(orphan_bytes() + version_bytes));
  r->Set("orphaned_versions", static_cast<int64_t>(orphans()));
  r->Set("orphaned_bytes", static_cast<int64_t>(orphan_bytes()));
  r->Set("orphaned_versions_peak", static_cast<int64_t>(peak_orphans_));
  r->Set("orphaned_bytes_peak", static_cast<int64_t>(peak_orphan_bytes_));
  r->Set("orphaned_versions_total", static_cast<int64_t>(orphaned_total_));
  r->Set("version_keys", static_cast<int64_t>(version_keys));
  r->Set("version_key_bytes", static_cast<int64_t>(version_bytes));
}

}  // namespace cachelab
