// The lab touches only keys under its prefix, and removes them at the end of
// a run (SCAN MATCH <prefix>* + UNLINK on every node) unless told to keep
// them. FLUSHDB is never sent unless the user asked for it explicitly.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "live/redis_cluster.h"

namespace cachelab::live {

// Returns how many keys were removed; -1 if a node could not be reached.
int64_t DeleteKeysWithPrefix(RedisCluster& cluster, const std::string& prefix);

// The end-of-run cleanup: what was removed, and every node that kept keys.
struct CleanupResult {
  int64_t removed = 0;
  // Per node that still holds the lab's keys: which, why, and the redis-cli
  // line that removes them by hand.
  std::vector<std::string> left;
  bool ok() const { return left.empty(); }
  int64_t keys_removed() const { return ok() ? removed : -1; }  // the JSON's keys_removed
};
// DeleteKeysWithPrefix for the end of a run. A run often ends because its
// server stalled or died, and the keys must not be left silently: a node that
// does not answer is retried (reconnecting, with its backoff) until `wait`
// has passed since the call. After a retry one more pass follows, for
// commands the server read late from the connections the run dropped.
CleanupResult RemoveKeysWithPrefix(RedisCluster& cluster, const std::string& prefix, std::chrono::milliseconds wait);

// Refuses (std::invalid_argument) an empty or wildcard-bearing prefix.
void CheckPrefix(const std::string& prefix);
// FLUSHDB on every node; only called when --redis-flushdb was given.
bool FlushAll(RedisCluster& cluster);

}  // namespace cachelab::live
