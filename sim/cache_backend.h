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

class CacheBackend {
 public:
  using ReplyCallback = InplaceFunction<void(RedisReply&&), 64>;

  virtual ~CacheBackend() = default;
  virtual std::string Name() const = 0;

  virtual void Get(std::string_view key, ReplyCallback done) = 0;
  virtual void Set(std::string_view key, Blob value, const SetOptions& opt, ReplyCallback done) = 0;
  virtual void Del(std::string_view key, ReplyCallback done) = 0;
  // Any other command, as argv ("EXPIRE", "k", "10").
  virtual void Command(std::vector<std::string> argv, ReplyCallback done) = 0;
};

// Error texts a backend uses for failures that are not Redis replies.
inline constexpr const char* kErrTimeout = "TIMEOUT cache did not answer";
inline constexpr const char* kErrUnavailable = "UNAVAILABLE cache node is down";

}  // namespace cachelab
