#include "live/live_replay.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "live/connect_check.h"
#include "live/key_cleanup.h"
#include "live/live_sink.h"
#include "live/pipelined_replay.h"
#include "live/server_info.h"

namespace cachelab::live {
namespace {

// Adds another lane's connection counters and events to r.
void AddClusterReport(const RedisCluster& c, RunReport* r) {
  RunReport lane;
  c.Report(&lane);
  for (const auto& f : lane.fields)
    if (f.name != "live.nodes") r->Set(f.name, r->GetNumber(f.name) + lane.GetNumber(f.name));
  r->events.insert(r->events.end(), lane.events.begin(), lane.events.end());
}

}  // namespace

std::string PolicyForServer(const std::string& p) {
  if (p == "allkeys-lru") return "redis-lru";
  if (p == "allkeys-lfu") return "redis-lfu";
  if (p == "allkeys-random") return "random";
  return p;
}

std::string RedisPolicyName(const std::string& given) {
  std::string p;  // Redis compares policy names without case (CONFIG SET Allkeys-LRU works)
  for (char c : given) p += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* kRedis[] = {"noeviction",   "allkeys-lru",    "allkeys-lfu", "allkeys-random",
                                 "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl"};
  if (std::find(std::begin(kRedis), std::end(kRedis), p) != std::end(kRedis)) return p;
  if (p == "redis-lru") return "allkeys-lru";
  if (p == "redis-lfu") return "allkeys-lfu";
  if (p == "random") return "allkeys-random";
  return "";
}

std::string PolicyMismatch(const std::string& policy, const std::string& server_policy, const std::string& where) {
  std::string want = RedisPolicyName(policy);
  if (!want.empty() && want == server_policy) return "";
  std::string why = "--policy " + policy + " cannot be honoured: " + where + " runs maxmemory-policy " + server_policy;
  if (want.empty())
    why += " (with --backend, --policy names the server's policy: a Redis name such as allkeys-lru or "
           "volatile-ttl, or redis-lru, redis-lfu, random)";
  return why;
}

namespace {

// CLIENT INFO's "name=value" field.
int64_t ClientField(const std::string& info, const std::string& name) {
  size_t at = info.find(" " + name + "=");
  return at == std::string::npos ? -1 : std::atoll(info.c_str() + at + name.size() + 2);
}

// The bytes of a bulk-string reply of `len` bytes ($len\r\n...\r\n).
size_t BulkReplyBytes(size_t len) { return 1 + std::to_string(len).size() + 2 + len + 2; }

// A reply of `bytes` to a lane: it fills the reply buffer up to its size
// (networking.c _addReplyToBuffer raises buf_peak to bufpos), the rest goes to
// a block that is freed once written. The next clientsCron doubles a buffer
// whose peak filled it.
void NoteReply(ClientBufferState& lane, size_t bytes) { lane.peak = std::max(lane.peak, std::min(lane.buf, bytes)); }

// Connects every lane and waits (at most 1 s) until clientsCron has resized
// each new connection's 16 KiB reply buffer, so that used_memory_before holds
// the lanes as they run and the simulated twin starts from the same buffers
// (see live/client_buffer_model.h).
void ProbeClientBuffers(RedisCluster& cluster, std::vector<std::unique_ptr<RedisCluster>>& extra,
                        LiveReplayFacts* facts) {
  std::vector<RedisConn*> conns{&cluster.conn(0)};
  for (auto& e : extra) {
    ConnectOrThrow(*e, 0);
    conns.push_back(&e->conn(0));
  }
  std::vector<ClientBufferState> states(conns.size());
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  auto unix_ms = [] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  int64_t before_ms = unix_ms();  // the poll before the one that saw the resize
  for (;;) {
    bool resized = true;
    for (size_t l = 0; l < conns.size(); ++l) {
      RedisReply r = conns[l]->Command({"CLIENT", "INFO"});
      if (r.type != RedisReply::Type::kString) return;  // no CLIENT INFO (before 6.2): no buffer model
      std::string info = " " + r.str.Materialize();
      int64_t rbs = ClientField(info, "rbs"), rbp = ClientField(info, "rbp");
      int64_t qbuf = ClientField(info, "qbuf"), qfree = ClientField(info, "qbuf-free");
      if (rbs <= 0 || rbp < 0) return;  // before 7.0: no reply buffer resizing
      states[l].buf = static_cast<size_t>(rbs);
      states[l].peak = static_cast<size_t>(rbp);  // before this reply was added
      states[l].fresh = rbs == 16384;
      NoteReply(states[l], BulkReplyBytes(info.size() - 1));
      if (qbuf >= 0 && qfree > 0) states[l].read_size = static_cast<size_t>(qbuf + qfree);
      resized &= !states[l].fresh;
    }
    if (resized || std::chrono::steady_clock::now() > deadline) break;
    before_ms = unix_ms();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  facts->clients = std::move(states);
  // The cron ran between the last two polls: a 1 ms poll keeps the model's
  // cron phase within a few batches of the server's.
  facts->cron_origin_ms = (before_ms + unix_ms()) / 2;
}

}  // namespace

RunReport LiveReplay(const eviction::ReplayTrace& trace, const LiveReplaySettings& s, LiveReplayFacts* facts,
                     std::vector<WindowCounts>* windows, CleanupResult* cleanup) {
  CheckPrefix(s.prefix);
  RedisCluster cluster(s.endpoints, s.cluster);
  std::string policy;
  int64_t maxmemory = 0, evicted_before = 0;
  for (size_t n = 0; n < cluster.size(); ++n) {
    ConnectOrThrow(cluster, n);
    RedisConn& c = cluster.conn(n);
    auto info = ServerInfo(c, "everything");
    if (!s.expect_policy.empty())
      if (std::string why = PolicyMismatch(s.expect_policy, info["maxmemory_policy"], "redis://" + c.endpoint().Label());
          !why.empty())
        throw std::runtime_error(why + "; the lab does not reconfigure a live server");
    policy = PolicyForServer(info["maxmemory_policy"]);
    maxmemory += std::atoll(info["maxmemory"].c_str());
    evicted_before += std::atoll(info["evicted_keys"].c_str());
  }
  if (s.flushdb && !FlushAll(cluster)) throw std::runtime_error("FLUSHDB failed");
  const size_t lanes = s.connections ? s.connections : 1;
  // Lane 0 uses the cluster above; every other lane its own connections.
  std::vector<std::unique_ptr<RedisCluster>> extra;
  for (size_t l = 1; l < lanes; ++l) extra.push_back(std::make_unique<RedisCluster>(s.endpoints, s.cluster));
  if (facts) {
    RedisConn& c = cluster.conn(0);
    facts->maxmemory = maxmemory;
    facts->maxmemory_policy = ServerInfo(c, "memory")["maxmemory_policy"];
    auto config = [&](const char* name) -> std::string {
      RedisReply r = c.Command({"CONFIG", "GET", name});
      return r.elements.size() == 2 ? r.elements[1].str.Materialize() : "";
    };
    std::string samples = config("maxmemory-samples"), tracking = config("latency-tracking");
    if (!samples.empty()) facts->maxmemory_samples = std::atoi(samples.c_str());
    if (!tracking.empty()) facts->latency_tracking = tracking == "yes";
    if (cluster.size() == 1) ProbeClientBuffers(cluster, extra, facts);
    for (size_t n = 0; n < cluster.size(); ++n) {
      RedisReply r = cluster.conn(n).Command({"INFO", "memory"});
      std::string text = r.type == RedisReply::Type::kString ? r.str.Materialize() : "";
      size_t at = text.find("\r\nused_memory:");
      if (at != std::string::npos) facts->used_memory_before += std::atoll(text.c_str() + at + 14);
      // That reply (about 1.3 KB) went to lane 0 after the probe: with a 1 KiB
      // buffer it fills it, and the server's next cron doubles the buffer
      // before the replay's first batch (seen on 7.0.15: CLIENT LIST rbs
      // 1024 -> 2048 with no command in between).
      if (n == 0 && !facts->clients.empty()) NoteReply(facts->clients[0], BulkReplyBytes(text.size()));
    }
  }

  PipelinedReplayConfig cfg;
  cfg.depth = s.depth;
  cfg.prefix = s.prefix;
  cfg.record_batch_times = facts != nullptr;
  cfg.measure_from = s.measure_from;
  cfg.window_ends = s.window_ends;
  auto split = SplitLanes(trace, lanes);
  std::vector<ReplayLane> lane;
  std::vector<std::unique_ptr<LiveSink>> sinks;
  lane.reserve(lanes);
  for (size_t l = 0; l < lanes; ++l) {
    lane.emplace_back(trace, std::move(split[l]), cfg);
    sinks.push_back(std::make_unique<LiveSink>(l == 0 ? cluster : *extra[l - 1]));
  }
  // One thread per lane; the warm-up phase ends on every lane before measurement starts.
  auto phase = [&](bool warm, std::chrono::steady_clock::time_point start) {
    std::vector<std::thread> threads;
    for (size_t l = 0; l < lanes; ++l) threads.emplace_back([&, l] { StepLane(lane[l], *sinks[l], warm, start); });
    for (auto& t : threads) t.join();
  };
  auto sum_evicted = [&] {
    int64_t sum = 0;
    for (size_t n = 0; n < cluster.size(); ++n)
      if (cluster.Ready(n)) sum += InfoNumber(cluster.conn(n), "stats", "evicted_keys");
    return sum;
  };
  if (s.measure_from > 0) {
    phase(true, std::chrono::steady_clock::now());
    evicted_before = sum_evicted();
    cluster.StartMeasurement();
    for (auto& c : extra) c->StartMeasurement();
  }
  for (auto& l : lane) l.StartMeasurement();
  timespec cpu0{}, cpu1{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu0);
  auto wall0 = std::chrono::steady_clock::now();
  phase(false, wall0);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu1);
  double cpu_s = (cpu1.tv_sec - cpu0.tv_sec) + (cpu1.tv_nsec - cpu0.tv_nsec) / 1e9;
  PipelinedReplayResult res;
  for (auto& l : lane) res.Merge(l.result());
  if (facts)
    for (auto& l : lane) facts->lane_batch_ms.push_back(std::move(l.result().batch_ms));
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  if (windows) *windows = res.windows;

  RunReport r;
  r.kind = "replay";
  r.label = "live:" + policy;
  r.config = {{"backend", cluster.Labels()},   {"policy", policy},
              {"cache_size", std::to_string(maxmemory)}, {"pipeline_depth", std::to_string(s.depth)},
              {"connections", std::to_string(lanes)},
              {"key_prefix", s.prefix},        {"mode", "bytes"}};
  r.Set("policy", policy);
  r.Set("cache_size", maxmemory);
  r.Set("backend", cluster.Labels());
  res.Report(&r);
  int64_t used = 0;
  for (size_t n = 0; n < cluster.size(); ++n)
    if (cluster.Ready(n)) used += InfoNumber(cluster.conn(n), "memory", "used_memory");
  r.Set("evictions", sum_evicted() - evicted_before);
  r.Set("used_memory", used);
  r.Set("pipeline_depth", static_cast<int64_t>(s.depth));
  r.Set("connections", static_cast<int64_t>(lanes));
  // The lab's own client CPU (all threads) per request: who was the bottleneck.
  r.Set("client_cpu_s", cpu_s);
  r.Set("client_cpu_us_per_req", res.requests ? cpu_s * 1e6 / res.requests : 0.0);
  CleanupResult cleaned;
  if (!s.keep_keys) cleaned = RemoveKeysWithPrefix(cluster, s.prefix, std::chrono::milliseconds(s.cleanup_wait_ms));
  r.Set("keys_removed", cleaned.keys_removed());
  if (cleanup) *cleanup = std::move(cleaned);
  cluster.Report(&r);
  for (const auto& c : extra) AddClusterReport(*c, &r);
  return r;
}

}  // namespace cachelab::live
