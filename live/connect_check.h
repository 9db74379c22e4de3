// The first contact with a live node: connected and answering PING, else a
// std::runtime_error that says why (refused, timed out, NOAUTH: the password
// belongs in $CACHELAB_REDIS_PASSWORD).
#pragma once
#include <cstddef>

#include "live/redis_cluster.h"

namespace cachelab::live {

void ConnectOrThrow(RedisCluster& cluster, size_t node);

}  // namespace cachelab::live
