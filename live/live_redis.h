// CacheBackend over live Redis node(s): what strategies call when an
// experiment runs against a real server. Calls are pipelined: each appends to
// its node's connection and completes later, from Poll(), in order per node.
// Every key, channel and SCAN pattern gets the lab's prefix (command_keys.h);
// a command whose key arguments are unknown is refused, never sent. A node that fails (refused, reset, timed out)
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
  // Key and channel arguments are prefixed (PrefixCommand); the first key
  // picks the node, except that DEL/UNLINK/EXISTS/TOUCH over keys on several
  // nodes is split per node (reply: the sum). SCAN replies come back without
  // the prefix.
  void Command(std::vector<std::string> argv, ReplyCallback done) override;

  // Sends what was queued, then delivers the replies that arrive within
  // wait_ms. Returns the number of callbacks run.
  size_t Poll(int wait_ms);
  size_t in_flight() const;
  uint64_t failed() const { return failed_; }
  // Of those, refused before sending: off the live command list, or an MGET
  // across nodes. Never a timeout or a down node.
  uint64_t unsendable() const { return unsendable_; }

 private:
  struct Pending {
    ReplyCallback done;
    bool strip_scan = false;  // a SCAN reply: remove the prefix from its keys
  };
  void Submit(std::string_view key, std::vector<std::string_view> argv, ReplyCallback done, bool strip_scan = false);
  void StripPrefix(RedisReply* scan_reply) const;
  // A multi-key command whose keys live on several nodes: split by node.
  void FanOut(const std::vector<std::string>& argv, bool sums, ReplyCallback done);
  void FailNode(size_t node, const char* why);

  RedisCluster& cluster_;
  std::string prefix_;
  std::vector<std::deque<Pending>> pending_;  // per node, in send order
  struct Refused {
    ReplyCallback done;
    std::string why;
  };
  std::deque<Refused> refused_;  // node down at submit time, or a command that cannot be prefixed
  std::vector<bool> dirty_;
  std::string key_, value_;
  uint64_t failed_ = 0, unsendable_ = 0;
};

}  // namespace cachelab::live
