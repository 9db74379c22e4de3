// `cachelab serve --port P`: the simulated Redis as a RESP server on loopback
// (live/resp_server.h), so redis-cli, redis-benchmark and the lab's own live
// path talk to it. Runs until SIGINT/SIGTERM or --seconds.
#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

#include "cli/commands.h"
#include "live/resp_server.h"
#include "live/sim_replay.h"
#include "sim/distribution.h"

namespace cachelab::cli {
namespace {

std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop = true; }

struct ServeOptions {
  int port = 0;
  std::string maxmemory = "0", policy = "noeviction", latency_tracking = "yes";
  int samples = 5;
  int lfu_log_factor = 10, lfu_decay_time = 1;  // redis.conf's defaults
  double seconds = 0;
};

void Execute(const ServeOptions& o) {
  RedisConfig c;
  double bytes = 0;
  if (!ParseBytes(o.maxmemory, &bytes) || bytes < 0)
    throw UsageError("--maxmemory: invalid size '" + o.maxmemory + "' (e.g. 64MiB" + RedisUnitHint(o.maxmemory) + ")");
  c.maxmemory = static_cast<uint64_t>(bytes);
  c.maxmemory_policy = o.policy;
  c.maxmemory_samples = o.samples;
  c.lfu_log_factor = o.lfu_log_factor;
  c.lfu_decay_time = o.lfu_decay_time;
  c.track_access = true;  // OBJECT IDLETIME/FREQ under every policy, as a real server
  c.latency_tracking = o.latency_tracking == "yes";
  c.base_memory = live::kEmptyRedisMemory;
  c.seed = 1;
  live::RespServer server(c);
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGPIPE, SIG_IGN);
  std::thread timer;
  if (o.seconds > 0)
    timer = std::thread([&] {
      auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(o.seconds);
      while (!g_stop && std::chrono::steady_clock::now() < end) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      g_stop = true;
    });
  std::fprintf(stderr, "simulated Redis on 127.0.0.1:%d (maxmemory %llu, %s, samples %d, latency-tracking %s)\n", o.port,
               static_cast<unsigned long long>(c.maxmemory), c.maxmemory_policy.c_str(), c.maxmemory_samples,
               o.latency_tracking.c_str());
  try {
    server.Serve(o.port, g_stop);
  } catch (...) {
    g_stop = true;
    if (timer.joinable()) timer.join();
    throw;
  }
  g_stop = true;  // Serve also returns on SHUTDOWN: end the timer too
  if (timer.joinable()) timer.join();
}

}  // namespace

void AddServeCommand(CLI::App& app) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the simulated Redis over RESP on loopback (redis-cli, redis-benchmark)");
  cmd->add_option("--port", o->port, "TCP port on 127.0.0.1")->required()->check(CLI::Range(1, 65535));
  cmd->add_option("--maxmemory", o->maxmemory, "bytes (KiB/MiB/GiB); 0 = unlimited")->default_val(o->maxmemory);
  cmd->add_option("--maxmemory-policy", o->policy, "noeviction, allkeys-lru, allkeys-lfu, allkeys-random")
      ->default_val(o->policy)
      ->check(CLI::IsMember({"noeviction", "allkeys-lru", "allkeys-lfu", "allkeys-random"}));
  cmd->add_option("--maxmemory-samples", o->samples, "keys sampled per eviction")->default_val(o->samples)->check(CLI::Range(1, 64));
  cmd->add_option("--lfu-log-factor", o->lfu_log_factor, "allkeys-lfu: how slowly the counter grows (0: every hit counts)")
      ->default_val(o->lfu_log_factor)
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--lfu-decay-time", o->lfu_decay_time, "allkeys-lfu: minutes per counter decrement when idle (0: never)")
      ->default_val(o->lfu_decay_time)
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--latency-tracking", o->latency_tracking, "count Redis 7's per-command latency histograms")
      ->default_val(o->latency_tracking)
      ->check(CLI::IsMember({"yes", "no"}));
  cmd->add_option("--seconds", o->seconds, "stop after this many seconds (default: until SIGINT/SIGTERM or SHUTDOWN)");
  cmd->callback([o] { Execute(*o); });
}

}  // namespace cachelab::cli
