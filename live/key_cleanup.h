// The lab touches only keys under its prefix, and removes them at the end of
// a run (SCAN MATCH <prefix>* + UNLINK on every node) unless told to keep
// them. FLUSHDB is never sent unless the user asked for it explicitly.
#pragma once
#include <cstdint>
#include <string>

#include "live/redis_cluster.h"

namespace cachelab::live {

// Returns how many keys were removed; -1 if a node could not be reached.
int64_t DeleteKeysWithPrefix(RedisCluster& cluster, const std::string& prefix);
// Refuses (std::invalid_argument) an empty or wildcard-bearing prefix.
void CheckPrefix(const std::string& prefix);
// FLUSHDB on every node; only called when --redis-flushdb was given.
bool FlushAll(RedisCluster& cluster);

}  // namespace cachelab::live
