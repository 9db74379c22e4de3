// RedisStore's expiry: the EXPIRE family and TTL/PTTL (expireGenericCommand,
// ttlGenericCommand) and the active expiry cycle (activeExpireCycle).
#include <algorithm>
#include <limits>
#include <string>

#include "sim/redis_store.h"

namespace cachelab {

RedisReply RedisStore::Expire(std::string_view key, int64_t amount, bool milliseconds) {
  return ExpireGeneric(key, amount, milliseconds, false, 0, milliseconds ? "pexpire" : "expire");
}

RedisReply RedisStore::ExpireGeneric(std::string_view key, int64_t amount, bool milliseconds, bool absolute, int flags,
                                     const char* name) {
  Note(name);
  EnsureMemory();
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max(), kMin = std::numeric_limits<int64_t>::min();
  const RedisReply invalid = RedisReply::Error(std::string("ERR invalid expire time in '") + name + "' command");
  int64_t when = amount;
  if (!milliseconds) {
    if (amount > kMax / 1000 || amount < kMin / 1000) return invalid;
    when = amount * 1000;
  }
  int64_t base = absolute ? 0 : now_ms_;
  if (when > kMax - base) return invalid;
  when += base;
  uint32_t slot = Lookup(key, true);
  Entry* e = At(slot);
  if (!e) return RedisReply::Integer(0);
  int64_t current = DeadlineMs(slot);  // -1: none, taken as infinite by GT and LT
  if ((flags & kExpireNx) && current != -1) return RedisReply::Integer(0);
  if ((flags & kExpireXx) && current == -1) return RedisReply::Integer(0);
  if ((flags & kExpireGt) && (current == -1 || when <= current)) return RedisReply::Integer(0);
  if ((flags & kExpireLt) && current != -1 && when >= current) return RedisReply::Integer(0);
  if (when <= now_ms_) {  // checkAlreadyExpired: delete now
    Remove(slot, true);
    return RedisReply::Integer(1);
  }
  uint64_t before = MemoryOf(slot);
  SetExpire(slot, when);
  Recount(slot, before);
  return RedisReply::Integer(1);
}

RedisReply RedisStore::Ttl(std::string_view key, bool milliseconds) {
  Note(milliseconds ? "pttl" : "ttl");
  EnsureMemory();
  uint32_t slot = LookupRead(key, false);
  Entry* e = At(slot);
  if (!e) return RedisReply::Integer(-2);
  int64_t deadline = DeadlineMs(slot);
  if (deadline < 0) return RedisReply::Integer(-1);
  int64_t ttl = std::max<int64_t>(0, deadline - now_ms_);
  return RedisReply::Integer(milliseconds ? ttl : (ttl + 500) / 1000);
}

void RedisStore::ActiveExpireCycle() {
  // Redis 7 activeExpireCycle (slow cycle, effort 1): check 20 keys with a TTL
  // per loop; loop again while more than 10% of the checked keys had expired.
  constexpr size_t kKeysPerLoop = 20;
  constexpr int kAcceptableStalePercent = 10;
  constexpr int kMaxLoops = 1250;  // stands for the 25 ms per-cycle time budget
  if (expires_.empty()) avg_ttl_ms_ = 0;
  for (int loop = 0; loop < kMaxLoops && !expires_.empty(); ++loop) {
    size_t num = std::min(kKeysPerLoop, expires_.size());
    size_t checked = 0, expired = 0;
    int64_t ttl_sum = 0, ttl_samples = 0;
    while (checked < num && !expires_.empty()) {
      if (expire_cursor_ >= expires_.size()) expire_cursor_ = 0;
      uint32_t slot = expires_.at(expire_cursor_);
      ++checked;
      if (Expired(slot)) {
        ++expired;
        ++stats_.expired_keys;
        Remove(slot, true);  // the last key moves into this position: do not advance
      } else {
        int64_t ttl = DeadlineMs(slot) - now_ms_;
        if (ttl > 0) ttl_sum += ttl, ++ttl_samples;
        ++expire_cursor_;
      }
    }
    if (ttl_samples) {  // activeExpireCycle's running average, in its integer arithmetic
      int64_t avg = ttl_sum / ttl_samples;
      if (avg_ttl_ms_ == 0) avg_ttl_ms_ = avg;
      avg_ttl_ms_ = (avg_ttl_ms_ / 50) * 49 + avg / 50;
    }
    if (checked == 0 || expired * 100 <= checked * kAcceptableStalePercent) break;
  }
}

}  // namespace cachelab
