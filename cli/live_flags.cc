#include "cli/live_flags.h"

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "live/key_cleanup.h"

namespace cachelab::cli {

void LiveFlags::Attach(CLI::App* cmd) {
  const char* g = "live Redis";
  cmd->add_option("--backend", backends,
                   "run or replay on live Redis: redis://HOST:PORT[/DB], repeatable or comma-separated (a cluster); "
                   "password from $CACHELAB_REDIS_PASSWORD. replay also takes "
                   "sim[:maxmemory=..,policy=..,samples=..,latency-tracking=yes|no,base=..,rate=..]: the simulated Redis")
      ->group(g);
  cmd->add_option("--pipeline-depth", depth, "requests per pipelined batch (one round trip each)")
      ->default_val(depth)->check(CLI::Range(1, 1 << 20))->group(g);
  cmd->add_option("--key-prefix", prefix, "the lab's keys, and the only ones it touches")->default_val(prefix)->group(g);
  cmd->add_flag("--keep-keys", keep_keys, "do not delete the lab's keys at the end")->group(g);
  cmd->add_flag("--redis-flushdb", flushdb, "FLUSHDB every node before the replay (never done otherwise)")->group(g);
  cmd->add_option("--redis-connect-timeout", connect_timeout_ms, "connect timeout, ms")
      ->default_val(connect_timeout_ms)->check(CLI::Range(1, 600000))->group(g);
  cmd->add_option("--redis-timeout", timeout_ms, "command timeout, ms: a server that does not answer fails the batch")
      ->default_val(timeout_ms)->check(CLI::Range(1, 600000))->group(g);
  cmd->add_option("--redis-cleanup-wait", cleanup_wait_ms,
                  "how long the end-of-run cleanup retries a server that does not answer, ms (then: an error "
                  "that says how to remove the keys by hand)")
      ->default_val(cleanup_wait_ms)->check(CLI::Range(0, 600000))->group(g);
  cmd->add_option("--redis-partitioner", partitioner, "how keys map to nodes with several --backend")
      ->default_val(partitioner)->group(g);
}

void LiveFlags::AttachReplay(CLI::App* cmd) {
  const char* g = "live Redis";
  cmd->add_option("--connections", connections,
                  "connections per node, each pipelined on its own thread; keys are sharded to them so per-key "
                  "order holds")
      ->default_val(connections)->check(CLI::Range(1, 256))->group(g);
}

live::LiveReplaySettings LiveFlags::ToSettings() const {
  live::LiveReplaySettings s;
  try {
    s.endpoints = live::ParseRedisUrls(backends);
    live::CheckPrefix(prefix);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  s.cluster.partitioner = partitioner;
  s.cluster.conn.connect_timeout_ms = connect_timeout_ms;
  s.cluster.conn.command_timeout_ms = timeout_ms;
  s.cluster.conn.password = live::PasswordFromEnv();
  s.depth = depth;
  s.connections = connections;
  s.prefix = prefix;
  s.keep_keys = keep_keys;
  s.cleanup_wait_ms = cleanup_wait_ms;
  s.flushdb = flushdb;
  return s;
}

}  // namespace cachelab::cli
