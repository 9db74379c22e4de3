// The one interface for a key-value cache tier. Asynchronous: every call
// completes later through its callback, after whatever latency the tier has
// (simulated: network + queueing + service; live: the real round trip). A
// failed call (node down, timeout, connection lost) completes with an error
// reply (type kError), never an exception, so strategies can fall back.
//
// Implementations: SimRedis (sim/), LiveRedis (hiredis, at the edge).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "sim/inplace_function.h"
#include "sim/redis_reply.h"
#include "sim/redis_store.h"

namespace cachelab {

class SimRedis;

class CacheBackend {
 public:
  using ReplyCallback = InplaceFunction<void(RedisReply&&), 64>;

  virtual ~CacheBackend() = default;
  virtual std::string Name() const = 0;

  virtual void Get(std::string_view key, ReplyCallback done) = 0;
  virtual void Set(std::string_view key, Blob value, const SetOptions& opt, ReplyCallback done) = 0;
  virtual void Del(std::string_view key, ReplyCallback done) = 0;
  // The same with the key's dense id (sim/key_ids.h) as a hint: a backend may
  // find the key by it instead of by its name. REQUIRES: an id always comes
  // with the same key name. The default ignores the hint.
  virtual void GetById(uint32_t /*id*/, std::string_view key, ReplyCallback done) { Get(key, std::move(done)); }
  virtual void SetById(uint32_t /*id*/, std::string_view key, Blob value, const SetOptions& opt,
                       ReplyCallback done) {
    Set(key, std::move(value), opt, std::move(done));
  }
  virtual void DelById(uint32_t /*id*/, std::string_view key, ReplyCallback done) { Del(key, std::move(done)); }
  // True when a GetById issued now would find its key by the id alone, never
  // reading the name: the caller may then pass an empty one and save spelling
  // it (every read's GET). False by default: the name is used.
  virtual bool GetsById() const { return false; }
  // The simulated Redis itself, when it takes the lab's direct commands now
  // (SimRedis::GetDirect, sim/direct_reply.h); null for every other backend.
  virtual SimRedis* Direct() { return nullptr; }
  // Any other command, as argv ("EXPIRE", "k", "10").
  virtual void Command(std::vector<std::string> argv, ReplyCallback done) = 0;
};

// Error texts a backend uses for failures that are not Redis replies.
inline constexpr const char* kErrTimeout = "TIMEOUT cache did not answer";
inline constexpr const char* kErrUnavailable = "UNAVAILABLE cache node is down";

}  // namespace cachelab
