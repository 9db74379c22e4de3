// An in-process near cache on each application server, in front of Redis
// (the two-tier set-up). Entries live near_ttl after they were filled; only a
// fill, the entry's own expiry or an explicit Erase (the server's own write,
// or an invalidation message) changes them. Entries exist for the (server,
// key) pairs ever filled (KeyRows), so memory follows what was cached, not
// servers x keyspace.
#pragma once
#include <cstdint>
#include "sim/key_rows.h"
#include "sim/time.h"

namespace cachelab {

class NearCache {
 public:
  NearCache(uint64_t servers, uint64_t keys, SimTime ttl)
      : servers_(servers), keys_(keys), ttl_(ttl) {}

  // True (and *version) if server holds a live copy of key at now.
  bool Lookup(uint32_t server, uint64_t key, SimTime now, uint64_t* version) {
    const Entry* e = Find(server, key);
    if (!e || e->expires <= now) return false;
    *version = e->version;
    ++hits_;
    return true;
  }
  // Keeps `version` for near_ttl unless a live copy is there already (a near
  // hit must not extend its own lifetime).
  void Fill(uint32_t server, uint64_t key, uint64_t version, SimTime now) {
    if (server >= servers_ || key >= keys_) return;
    Entry* e = &entries_.Get(server * keys_ + key);
    if (e->expires > now) return;
    *e = Entry{version, now + ttl_};
    ++fills_;
  }
  void Erase(uint32_t server, uint64_t key) {
    if (Entry* e = Find(server, key)) {
      erases_ += e->expires > 0;
      *e = Entry{};
    }
  }
  uint64_t Live(SimTime now) const {
    uint64_t n = 0;
    for (const auto& e : entries_.rows()) n += e.expires > now;
    return n;
  }
  void ResetCounts() { hits_ = fills_ = erases_ = 0; }  // --warmup over (entries stay)
  uint64_t hits() const { return hits_; }
  uint64_t fills() const { return fills_; }
  uint64_t erases() const { return erases_; }
  uint64_t servers() const { return servers_; }

 private:
  struct Entry {
    uint64_t version = 0;
    SimTime expires = 0;
  };
  Entry* Find(uint32_t server, uint64_t key) {
    if (server >= servers_ || key >= keys_) return nullptr;
    return entries_.Find(server * keys_ + key);
  }
  uint64_t servers_, keys_;
  SimTime ttl_;
  KeyRows<Entry> entries_;  // by server * keys + key
  uint64_t hits_ = 0, fills_ = 0, erases_ = 0;
};

}  // namespace cachelab
