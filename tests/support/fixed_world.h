// Pieces every scripted test harness needs: a simulated Redis and database
// with fixed latencies (so schedules can be computed by hand) and the
// request a script issues.
#pragma once
#include <cstdint>

#include "sim/sim_database.h"
#include "sim/sim_redis.h"
#include "workloads/request.h"

namespace cachelab::testing {

inline SimRedisConfig FixedRedis(SimTime rtt) {
  SimRedisConfig rc;
  rc.rtt = Distribution::Fixed(static_cast<double>(rtt));
  rc.service = Distribution::Fixed(0);
  return rc;
}

// A pool large enough never to queue; batches cost one write.
inline SimDatabaseConfig FixedDatabase(SimTime read, SimTime write) {
  SimDatabaseConfig dc;
  dc.pool_size = 1000;
  dc.read_latency = Distribution::Fixed(static_cast<double>(read));
  dc.write_latency = Distribution::Fixed(static_cast<double>(write));
  dc.batch_latency = Distribution::Fixed(static_cast<double>(write));
  return dc;
}

inline Request ScriptedRequest(SimTime now, Op op, uint64_t key, uint32_t server) {
  Request r;
  r.at = now;
  r.key = key;
  r.op = op;
  r.size = 100;
  r.client = server;
  return r;
}

}  // namespace cachelab::testing
