// CommandSink over the simulated Redis (RedisStore), for comparing a live
// replay with the simulation on the very same command sequence. The store's
// clock is set per batch from a schedule (e.g. the live run's batch times, so
// Redis's second-resolution LRU clock ticks at the same requests).
#pragma once
#include <cstdint>
#include <vector>

#include "live/client_buffer_model.h"
#include "live/command_sink.h"
#include "sim/redis_store.h"

namespace cachelab::live {

class StoreSink final : public CommandSink {
 public:
  // batch_ms: the time (ms) of batch i; past its end, time stays at the last.
  StoreSink(RedisStore& store, std::vector<int64_t> batch_ms) : store_(store), batch_ms_(std::move(batch_ms)) {}
  void Execute(const std::vector<SinkOp>& ops, std::vector<SinkOutcome>* out) override;
  // Count the replies' buffers of lane `lane` in the store's memory (Redis
  // reads a batch in reads of the query buffer's size and writes the replies
  // of each read before the next).
  void UseClients(ClientBufferModel* clients, size_t lane) { clients_ = clients, lane_ = lane; }

 private:
  RedisStore& store_;
  std::vector<int64_t> batch_ms_;
  size_t batch_ = 0;
  ClientBufferModel* clients_ = nullptr;
  size_t lane_ = 0;
};

}  // namespace cachelab::live
