// RedisStore's walks over the whole keyspace: SCAN (by slot number, which
// never moves while a key lives) and FLUSHDB.
#include <cctype>
#include <string>
#include <vector>

#include "sim/glob.h"
#include "sim/redis_store.h"

namespace cachelab {
namespace {

// strcasecmp == 0 (SCAN's TYPE filter).
bool EqualNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

}  // namespace

RedisReply RedisStore::Scan(uint64_t cursor, const std::string* match, int64_t count, const std::string* type) {
  Note("scan");
  EnsureMemory();
  if (count < 1) return RedisReply::Error("ERR syntax error");
  // Slots never move while they are live, so walking slot numbers upwards
  // returns every key present for the whole iteration exactly once, which is
  // the guarantee Redis gives (it may also return some keys more than once).
  size_t pos = cursor;
  std::vector<uint32_t> visited;
  size_t max_visits = static_cast<size_t>(count) * 10;
  size_t steps = 0;
  while (pos < slots_.size() && static_cast<int64_t>(visited.size()) < count && steps < max_visits) {
    if (slots_[pos].live) visited.push_back(static_cast<uint32_t>(pos));
    ++pos;
    ++steps;
  }
  // Redis 7.0's filters, in its order: the pattern; the type, read with
  // lookupKeyReadWithFlags (a keyspace hit or miss, and an expired key
  // deleted as "none"); then expireIfNeeded. So an expired key that fails
  // the pattern stays, and one deleted by the type's lookup is returned
  // when the type asked is "none" (its expiry check finds no key).
  std::vector<RedisReply> keys;
  for (uint32_t slot : visited) {
    ++stats_.scanned_keys;
    NameBuffer buf;
    std::string name(NameOf(slot, buf));
    if (match && !GlobMatch(*match, name)) continue;
    const bool expired = Expired(slot);
    if (expired) {
      ++stats_.expired_keys;
      Remove(slot, true);
    }
    if (type) {
      CountRead(!expired);
      if (!EqualNoCase(*type, expired ? "none" : slots_[slot].type == Type::kString ? "string" : "set")) continue;
    } else if (expired) {
      continue;
    }
    keys.push_back(RedisReply::String(std::move(name)));
  }
  uint64_t next = pos >= slots_.size() ? 0 : pos;
  return RedisReply::Array({RedisReply::String(std::to_string(next)), RedisReply::Array(std::move(keys))});
}

RedisReply RedisStore::Keys(const std::string& pattern) {
  Note("keys");
  EnsureMemory();
  const bool all = pattern == "*";
  std::vector<RedisReply> keys;
  for (uint32_t slot = 0; slot < slots_.size(); ++slot) {
    if (!slots_[slot].live || Expired(slot)) continue;
    NameBuffer buf;
    std::string_view name = NameOf(slot, buf);
    if (all || GlobMatch(pattern, name)) keys.push_back(RedisReply::String(std::string(name)));
  }
  return RedisReply::Array(std::move(keys));
}

RedisReply RedisStore::FlushDb() {
  Note("flushdb");
  for (uint32_t s = 0; s < slots_.size(); ++s)
    if (slots_[s].live) Remove(s, true);
  // A fresh key table, as emptyDb leaves: new keys take slots from 0, so SCAN
  // of a few keys after a flush ends at once, not after the old table's length.
  slots_.Clear();
  free_slots_.clear();
  expire_cursor_ = 0;
  avg_ttl_ms_ = 0;                        // emptyDb's avg_ttl = 0
  dict_buckets_ = expires_buckets_ = 0;  // emptyDb releases the tables
  return RedisReply::Ok();
}

}  // namespace cachelab
