// CacheBackend over live Redis node(s): what strategies call when an
// experiment runs against a real server. Calls are pipelined: each appends to
// its node's connection and completes later, from Poll(), in order per node.
// Keys get the lab's prefix. A node that fails (refused, reset, timed out)
// completes everything in flight on it with an error reply (kErrUnavailable)
// and is retried with backoff, so strategies fall back to the database and a
// dead server can neither crash nor hang a run.
//
// Threading: one thread; callbacks run inside Poll(). Not yet wired into the
// experiment runner (lab/experiment.cc): that needs a wall-clock driver.
#pragma once
#include <deque>
#include <string>
#include <vector>

#include "live/redis_cluster.h"
#include "sim/cache_backend.h"

namespace cachelab::live {

class LiveRedis final : public CacheBackend {
 public:
  LiveRedis(RedisCluster& cluster, std::string prefix) : cluster_(cluster), prefix_(std::move(prefix)) {
    pending_.resize(cluster.size());
  }

  std::string Name() const override { return "live-redis"; }
  void Get(std::string_view key, ReplyCallback done) override;
  void Set(std::string_view key, Blob value, const SetOptions& opt, ReplyCallback done) override;
  void Del(std::string_view key, ReplyCallback done) override;
  // argv[1], when present, is taken as the key (prefixed, and it picks the node).
  void Command(std::vector<std::string> argv, ReplyCallback done) override;

  // Sends what was queued, then delivers the replies that arrive within
  // wait_ms. Returns the number of callbacks run.
  size_t Poll(int wait_ms);
  size_t in_flight() const;
  uint64_t failed() const { return failed_; }

 private:
  void Submit(std::string_view key, std::vector<std::string_view> argv, ReplyCallback done);
  void FailNode(size_t node, const char* why);

  RedisCluster& cluster_;
  std::string prefix_;
  std::vector<std::deque<ReplyCallback>> pending_;  // per node, in send order
  std::deque<ReplyCallback> refused_;  // node down at submit time
  std::vector<bool> dirty_;
  std::string key_, value_;
  uint64_t failed_ = 0;
};

}  // namespace cachelab::live
