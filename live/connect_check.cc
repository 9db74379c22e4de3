#include "live/connect_check.h"

#include <stdexcept>

namespace cachelab::live {

void ConnectOrThrow(RedisCluster& cluster, size_t node) {
  RedisConn& c = cluster.conn(node);
  if (!cluster.Ready(node))
    throw std::runtime_error("cannot connect to redis://" + c.endpoint().Label() + ": " + c.last_error());
  RedisReply ping = c.Command({"PING"});
  if (ping.is_error()) throw std::runtime_error("redis://" + c.endpoint().Label() + ": " + ping.str.data);
}

}  // namespace cachelab::live
