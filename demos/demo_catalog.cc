// The demo catalogue. Simulated demos name the parameters they need; a demo
// whose feature is not in this build says so instead of running.
#include "demos/demo.h"
#include "demos/demo_sim.h"

namespace cachelab {

Demo EvictionDemo();
Demo RealTraceDemo();

namespace {

std::vector<Demo> BuildDemos() {
  std::vector<Demo> demos;
  demos.push_back(MakeSimDemo({
      "stampede",
      "A hot key expiring under load",
      "One key takes almost all the traffic (20,000 requests/s) and expires every second; recomputing it takes "
      "the database 20 ms. Without protection every request that misses in those 20 ms goes to the database "
      "at once: a cache stampede. A lock lets one request load while the others wait; XFetch refreshes early, "
      "with a probability that grows as expiry nears; stale-while-revalidate serves the old value while one "
      "request reloads. Watch the first instant too: at a cold start there is no old value to serve or "
      "refresh early, so only the lock holds the first herd back.",
      "the stampede guards and the hot-key scenario (--stampede, --scenario hot-key)",
      // 100 ms windows, so the database-load chart shows each expiry's spike.
      {{"scenario", "hot-key"}, {"ttl", "1s"}, {"recompute-ms", "20"}, {"requests", "100000"}, {"window", "100ms"}},
      {{"none", {{"stampede", "none"}}},
       {"lock", {{"stampede", "local-lock"}}},
       {"xfetch", {{"stampede", "xfetch"}}},
       {"stale-while-revalidate", {{"stampede", "stale-while-revalidate"}}}},
      {{"guard", "stampede"},
       {"loads/expiry", "loads_per_expiry_mean", 1},
       {"peak DB conc.", "db_peak_concurrency"},
       {"p99 us", "latency_us.p99", 0},
       {"stale serves", "stale_serves"}},
      {"loads_per_expiry_mean", "database loads per expiry", true, 1, ""}}));
  demos.push_back(MakeSimDemo({
      "jitter",
      "Synchronised expiry after a warm-up, with and without jitter",
      "A deploy warms the cache with 1,000 keys at once, all with the same 2 s TTL, so they all expire in the "
      "same instant and every one of them misses together: the database sees a wall of reloads. Jitter spreads "
      "each key's TTL over ttl * [0.8, 1.2], so the expiries, and the reloads, spread out.",
      "the sync-expiry scenario and the jitter invalidation scheme (--scenario sync-expiry, --invalidation jitter)",
      // 70,000 requests at 20,000/s: 3.5 s, so the second the fixed TTLs all expire in ([2 s, 3 s)) is complete
      // and counted by max_expirations_per_second (60,000 ended the run at 2.97 s, and the field read 0).
      {{"scenario", "sync-expiry"}, {"ttl", "2s"}, {"requests", "70000"}, {"jitter", "0.2"}, {"window", "100ms"}},
      {{"fixed TTL", {{"invalidation", "ttl"}}}, {"jittered TTL", {{"invalidation", "jitter"}}}},
      {{"ttl", "invalidation"},
       {"peak expiries/s", "max_expirations_per_second"},
       {"peak DB conc.", "db_peak_concurrency"},
       {"peak DB qps", "peak_db_qps", 0},
       {"hit ratio", "hit_ratio", 4}},
      {"db_peak_concurrency", "concurrent database queries at the peak", true, 1, ""}}));
  demos.push_back(MakeSimDemo({
      "write-behind-crash",
      "What a crash loses: write-behind against write-through",
      "Write-through writes the database before it answers; write-behind answers at once and flushes writes "
      "to the database in batches, as soon as 100 rows are pending (every second at the latest). At t = 2 s an application server crashes. Whatever "
      "write-behind had buffered on it and not yet flushed is gone.",
      "the write-behind strategy and crash faults (--strategy write-behind, --crash)",
      // 100 ms windows: the crash's loss and the flush batches show as steps, not two points.
      {{"crash", "t=2s:server=1"}, {"requests", "60000"}, {"window", "100ms"}},
      {{"write-through", {{"strategy", "write-through"}}}, {"write-behind", {{"strategy", "write-behind"}}}},
      {{"strategy", "strategy"},
       {"writes", "writes"},
       {"db writes", "db_writes"},
       {"lost writes", "lost_writes"},
       {"write p99 us", "write_latency_us.p99", 0}},
      {"lost_writes", "writes lost in the crash", true, 1, ""}}));
  demos.push_back(MakeSimDemo({
      "ring-add-node",
      "Adding a node: consistent hashing against modulo",
      "Four cache nodes share the keys. At t = 10 s, with the caches warm, a fifth node joins. With modulo placement (hash % nodes) "
      "almost every key now maps to a different node, whose cache does not have it; with a consistent-hash "
      "ring only the keys the new node takes over move, ideally 1/5 of them.",
      "the cluster simulation (--nodes, --partitioner, --churn)",
      // The node joins once the caches are warm (10 s at 20,000 req/s), and the run lasts long enough after
      // the clients learn of it (--detect-delay, 1 s) for the dip and the database spike to show.
      {{"nodes", "4"}, {"churn", "t=10s:add"}, {"requests", "400000"}},
      {{"modulo", {{"partitioner", "modulo"}}}, {"ring", {{"partitioner", "ring"}}}},
      {{"partitioner", "partitioner"},
       {"keys moved", "churn.0.remapped", 3},
       {"ideal", "churn.0.ideal", 3},
       {"hit-ratio dip", "churn.0.hit_ratio_dip", 3},
       {"DB qps peak", "churn.0.db_qps_peak", 0},
       {"DB spike", "churn.0.db_spike", 2},
       {"hit ratio", "hit_ratio", 4}},
      {"churn.0.remapped", "of the keys moved to another node", true, 100, "%"}}));
  demos.push_back(MakeSimDemo({
      "staleness",
      "Staleness: TTL alone vs delete-on-write vs pub/sub with message loss",
      "Writes update the database. With a TTL alone the cache keeps serving the old value until it expires. "
      "Deleting the key on every write removes most stale reads; those left race the writes: a hit between "
      "a write's commit and its delete, or on an old value a slower read filled after the delete (stale hits), "
      "or a miss whose database read a write overtook. The deletes also cost hits, so the database queues and "
      "its reads take longer, widening that race. With near caches on the application servers, "
      "invalidations travel by pub/sub, and here 5% of those messages are lost: the near copies they should "
      "have removed stay stale until their own TTL.",
      "the invalidation schemes with pub/sub and near caches (--invalidation pubsub, --near-cache, --pubsub-loss)",
      {{"requests", "100000"}, {"ttl", "5s"}, {"read-fraction", "0.8"}},
      {{"TTL only", {{"invalidation", "ttl-only"}}},
       {"delete-on-write", {{"invalidation", "ttl"}}},
       {"pub/sub, 5% loss", {{"invalidation", "pubsub"}, {"near-cache", "on"}, {"pubsub-loss", "0.05"}}}},
      {{"scheme", "invalidation"},
       {"stale reads", "stale_reads"},
       {"stale hits", "stale_hits"},
       {"stale ratio", "stale_read_ratio", 4},
       {"hit ratio", "hit_ratio", 4}},
      {"stale_read_ratio", "of the reads stale", true, 100, "%"}}));
  demos.push_back(EvictionDemo());
  demos.push_back(RealTraceDemo());
  return demos;
}

}  // namespace

const std::vector<Demo>& Demos() {
  static const std::vector<Demo> demos = BuildDemos();
  return demos;
}

const Demo* FindDemo(const std::string& name) {
  for (const auto& d : Demos())
    if (d.name == name) return &d;
  return nullptr;
}

}  // namespace cachelab
