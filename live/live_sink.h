// CommandSink over a live cluster: each batch is split by node, appended to
// every node's connection, flushed, and the replies read back in order, so a
// batch costs one round trip per node. A node that fails answers kFailed for
// its share of the batch and is retried (with backoff) on later batches.
#pragma once
#include <string>
#include <vector>

#include "live/command_sink.h"
#include "live/redis_cluster.h"

namespace cachelab::live {

class LiveSink final : public CommandSink {
 public:
  explicit LiveSink(RedisCluster& cluster) : cluster_(cluster) {}
  void Execute(const std::vector<SinkOp>& ops, std::vector<SinkOutcome>* out) override;

 private:
  RedisCluster& cluster_;
  std::vector<std::vector<uint32_t>> by_node_;
  std::string value_;  // reused SET payload buffer ("v1" and dots, as long as the longest yet)
  std::string resp_;   // reused RESP of one node's share of a batch
};

}  // namespace cachelab::live
