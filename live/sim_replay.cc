#include "live/sim_replay.h"

#include <algorithm>
#include <chrono>

#include "live/live_replay.h"
#include "live/pipelined_replay.h"
#include "live/store_sink.h"
#include "sim/distribution.h"

namespace cachelab::live {

bool IsSimBackend(const std::string& spec) { return spec == "sim" || spec.rfind("sim:", 0) == 0; }

std::string ParseSimBackend(const std::string& spec, SimReplaySettings* out) {
  if (!IsSimBackend(spec)) return "not a sim backend: '" + spec + "'";
  std::string rest = spec.size() > 4 ? spec.substr(4) : "";
  size_t pos = 0;
  while (pos < rest.size()) {
    size_t comma = rest.find(',', pos);
    std::string item = rest.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    pos = comma == std::string::npos ? rest.size() : comma + 1;
    size_t eq = item.find('=');
    if (eq == std::string::npos) return "--backend " + spec + ": '" + item + "' is not name=value";
    std::string name = item.substr(0, eq), value = item.substr(eq + 1);
    double number = 0;
    auto bad = [&] { return "--backend " + spec + ": invalid " + name + " '" + value + "'"; };
    if (name == "maxmemory" || name == "base") {
      if (!ParseBytes(value, &number) || number < 0) return bad();
      (name == "maxmemory" ? out->redis.maxmemory : out->redis.base_memory) = static_cast<uint64_t>(number);
    } else if (name == "policy") {
      static const char* kPolicies[] = {"noeviction", "allkeys-lru", "allkeys-lfu", "allkeys-random"};
      if (std::find(std::begin(kPolicies), std::end(kPolicies), value) == std::end(kPolicies)) return bad();
      out->redis.maxmemory_policy = value;
    } else if (name == "samples") {
      char* end = nullptr;
      long v = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end || v < 1 || v > 64) return bad();
      out->redis.maxmemory_samples = static_cast<int>(v);
    } else if (name == "latency-tracking") {
      if (value != "yes" && value != "no") return bad();
      out->redis.latency_tracking = value == "yes";
    } else if (name == "seed") {  // the store's sampling RNG (sim_vs_live spreads)
      char* end = nullptr;
      unsigned long long v = std::strtoull(value.c_str(), &end, 10);
      if (value.empty() || *end || value[0] == '-') return bad();
      out->redis.seed = v;
    } else if (name == "rate") {
      char* end = nullptr;
      double v = std::strtod(value.c_str(), &end);
      if (value.empty() || *end || !(v > 0)) return bad();
      out->rate = v;
    } else {
      return "--backend " + spec + ": unknown option '" + name +
             "' (maxmemory, policy, samples, latency-tracking, base, rate, seed)";
    }
  }
  return "";
}

// The live server's last serverCron run at or before unix_ms (hz 10, in phase
// with the run seen by the buffer probe; without one, every unix ms).
static int64_t ServerCronMs(int64_t unix_ms, int64_t cron_origin_ms) {
  if (cron_origin_ms <= 0 || unix_ms < cron_origin_ms) return unix_ms;
  return unix_ms - (unix_ms - cron_origin_ms) % 100;
}

RunReport SimReplay(const eviction::ReplayTrace& trace, const SimReplaySettings& s,
                    std::vector<WindowCounts>* windows) {
  RedisStore store(s.redis);
  StoreSink sink(store, {});
  PipelinedReplayConfig cfg;
  cfg.depth = s.depth;
  cfg.prefix = s.prefix;
  cfg.measure_from = s.measure_from;
  cfg.window_ends = s.window_ends;
  const size_t lanes = s.connections ? s.connections : 1;
  auto split = SplitLanes(trace, lanes);
  std::vector<ReplayLane> lane;
  lane.reserve(lanes);
  for (size_t l = 0; l < lanes; ++l) lane.emplace_back(trace, std::move(split[l]), cfg);
  const bool scheduled = s.lane_batch_ms.size() == lanes;
  int64_t origin_ms = 0;
  if (scheduled)
    for (const auto& v : s.lane_batch_ms)
      if (!v.empty()) origin_ms = origin_ms ? std::min(origin_ms, v.front()) : v.front();
  std::vector<size_t> batch(lanes, 0);
  // The next batch's time of lane l (ms): the live schedule, or its turn.
  auto next_time = [&](size_t l) -> int64_t {
    if (!scheduled) return static_cast<int64_t>(batch[l]);
    const auto& v = s.lane_batch_ms[l];
    return v.empty() ? origin_ms : v[std::min(batch[l], v.size() - 1)];
  };
  std::vector<ClientBufferState> states = s.clients;
  if (states.size() != lanes) states.assign(lanes, ClientBufferState{});
  ClientBufferModel clients(std::move(states), s.cron_origin_ms - (scheduled ? origin_ms : 0));
  if (s.client_buffers) store.SetClientMemory(clients.memory());
  std::vector<SinkOutcome> outcomes;
  uint64_t issued = 0;
  int64_t now_ms = 0;
  // Lanes in the live schedule's order; the warm-up first on every lane, as live.
  // Batch times have 1 ms resolution and a fast server runs many batches a
  // millisecond; among lanes sending in the same millisecond the one served
  // longest ago goes first (the server reads every ready client once a pass),
  // not always the lowest-numbered lane: that ran one lane's batches back to
  // back and so never held several lanes' reply blocks at once.
  std::vector<uint64_t> served(lanes, 0);
  uint64_t turn = 0;
  auto phase = [&](bool warm) {
    for (;;) {
      size_t pick = lanes;
      for (size_t l = 0; l < lanes; ++l) {
        if (warm ? lane[l].WarmDone() : lane[l].Done()) continue;
        if (pick == lanes || next_time(l) < next_time(pick) ||
            (next_time(l) == next_time(pick) && served[l] < served[pick]))
          pick = l;
      }
      if (pick == lanes) return;
      served[pick] = ++turn;
      int64_t t = scheduled ? next_time(pick) - origin_ms : static_cast<int64_t>(issued * 1000.0 / s.rate);
      now_ms = std::max(now_ms, t);  // time never runs backwards
      store.SetTime(now_ms * kMillisecond);
      if (scheduled) store.SetPolicyClock(ServerCronMs(origin_ms + now_ms, s.cron_origin_ms));
      if (s.client_buffers) {
        clients.Cron(now_ms);
        store.SetClientMemory(clients.memory());
        sink.UseClients(&clients, pick);
      }
      const auto& ops = lane[pick].NextBatch();
      issued += ops.size();
      sink.Execute(ops, &outcomes);
      bool failed = false;
      lane[pick].Absorb(outcomes, &failed);
      ++batch[pick];
    }
  };
  uint64_t evicted_before = 0;
  if (s.measure_from > 0) {
    phase(true);
    evicted_before = store.stats().evicted_keys;
  }
  for (auto& l : lane) l.StartMeasurement();
  auto start = std::chrono::steady_clock::now();
  phase(false);
  PipelinedReplayResult res;
  for (auto& l : lane) res.Merge(l.result());
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (windows) *windows = res.windows;

  std::string policy = PolicyForServer(s.redis.maxmemory_policy);
  RunReport r;
  r.kind = "replay";
  r.label = "sim:" + policy;
  r.config = {{"backend", "sim"},
              {"policy", policy},
              {"cache_size", std::to_string(s.redis.maxmemory)},
              {"maxmemory_samples", std::to_string(s.redis.maxmemory_samples)},
              {"latency_tracking", s.redis.latency_tracking ? "yes" : "no"},
              {"pipeline_depth", std::to_string(s.depth)},
              {"connections", std::to_string(lanes)},
              {"key_prefix", s.prefix},
              {"mode", "bytes"},
              {"seed", std::to_string(s.redis.seed)}};
  r.Set("policy", policy);
  r.Set("cache_size", static_cast<int64_t>(s.redis.maxmemory));
  r.Set("backend", std::string("sim"));
  res.Report(&r);
  r.Set("evictions", static_cast<int64_t>(store.stats().evicted_keys - evicted_before));
  r.Set("used_memory", static_cast<int64_t>(store.used_memory()));
  r.Set("keys", static_cast<int64_t>(store.size()));  // live: keys_removed (the prefix's keys at the end)
  r.Set("pipeline_depth", static_cast<int64_t>(s.depth));
  r.Set("connections", static_cast<int64_t>(lanes));
  r.Set("maxmemory_samples", static_cast<int64_t>(s.redis.maxmemory_samples));
  r.Set("base_memory", static_cast<int64_t>(s.redis.base_memory));
  r.Set("client_buffers_bytes", static_cast<int64_t>(s.client_buffers ? clients.memory() : 0));
  r.Set("latency_histograms", static_cast<int64_t>(s.redis.latency_tracking ? store.command_names_used() : 0));
  r.Set("simulated_seconds", now_ms / 1000.0);
  return r;
}

}  // namespace cachelab::live
