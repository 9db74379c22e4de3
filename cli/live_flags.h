// The live-Redis flags of `cachelab replay`: --backend redis://HOST:PORT[/DB]
// (repeatable or a comma list; several make a client-side partitioned
// cluster) and how to talk to it. The password comes from
// $CACHELAB_REDIS_PASSWORD (or $REDISCLI_AUTH), never from a flag.
#pragma once
#include <string>
#include <vector>

#include "live/live_replay.h"

namespace CLI {
class App;
}

namespace cachelab::cli {

struct LiveFlags {
  std::vector<std::string> backends;
  size_t depth = 128;
  size_t connections = 8;
  std::string prefix = "cachelab:";
  bool keep_keys = false, flushdb = false;
  int connect_timeout_ms = 1000, timeout_ms = 1000;
  int cleanup_wait_ms = 10000;
  std::string partitioner = "ketama";

  void Attach(CLI::App* cmd);
  // The flags only a replay has (--connections).
  void AttachReplay(CLI::App* cmd);
  bool live() const { return !backends.empty(); }
  // Throws UsageError for a bad URL or prefix.
  live::LiveReplaySettings ToSettings() const;
};

}  // namespace cachelab::cli
