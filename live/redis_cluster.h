// The live cache tier: one connection per Redis node and the client-side
// partitioner that maps a key to its node (a single node needs none). It
// also keeps the fault timeline: when each node went down and came back.
#pragma once
#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "live/redis_conn.h"
#include "sim/run_report.h"
#include "strategies/partitioners/partitioner.h"

namespace cachelab::live {

struct ClusterOptions {
  ConnOptions conn;
  std::string partitioner = "ketama";  // any MakePartitioner name
};

class RedisCluster {
 public:
  // Throws std::invalid_argument for no endpoints or an unknown partitioner.
  RedisCluster(const std::vector<RedisEndpoint>& endpoints, ClusterOptions options);

  size_t size() const { return conns_.size(); }
  size_t NodeOf(std::string_view key) const { return partitioner_ ? partitioner_->Lookup(key) : 0; }
  RedisConn& conn(size_t node) { return *conns_[node]; }
  // Connects node if it is down (respecting its backoff); notes down/up events.
  bool Ready(size_t node);
  // Marks node as failed now (after a dropped connection) for the timeline.
  void NoteFailure(size_t node);

  // Seconds since the cluster was made (the live run's clock origin).
  double Elapsed() const;
  ConnStats TotalStats() const;
  // Fields: reconnects, disconnects, timeouts, lost_commands; and the
  // node-down / node-up events.
  void Report(RunReport* r) const;
  std::string Labels() const;
  // The end of a warm-up: Report's counters count from here (events keep their times).
  void StartMeasurement() { baseline_ = TotalStats(); }

 private:
  std::vector<std::unique_ptr<RedisConn>> conns_;
  std::vector<bool> down_;
  std::unique_ptr<Partitioner> partitioner_;
  std::vector<RunEvent> events_;
  std::chrono::steady_clock::time_point start_;
  ConnStats baseline_;  // at StartMeasurement; zero before
};

}  // namespace cachelab::live
