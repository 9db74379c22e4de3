// A RESP2 server on loopback in front of the simulated Redis (RedisStore), for
// `cachelab serve`: redis-cli, redis-benchmark and the lab's own live path can
// talk to it. Single-threaded like Redis: one poll loop, commands run in
// arrival order, the store's time is the wall clock at each command, and
// ActiveExpireCycle runs hz times a second.
//
// Beyond RedisStore::Dispatch it answers what clients send on connect or the
// lab reads: PING, QUIT, SELECT 0, COMMAND (empty), CONFIG GET of the
// simulated settings, INFO (memory, stats, keyspace fields the lab uses).
// Pub/sub: SUBSCRIBE, PSUBSCRIBE (glob patterns), their UNSUBSCRIBEs and
// PUBLISH deliver messages and pmessages as Redis does. Other commands not in
// the store get an unknown-command error.
#pragma once
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/redis_store.h"

namespace cachelab::live {

// Parses complete RESP arrays of bulk strings (or inline commands, split as
// redis-cli users type them) from the front of buf; consumed: bytes used.
// Returns false on a protocol error, with Redis's text in *error.
bool ParseRespCommands(const std::string& buf, size_t* consumed, std::vector<std::vector<std::string>>* out,
                       std::string* error = nullptr);
// RESP2 encoding of a reply.
void EncodeResp(const RedisReply& r, std::string* out);

class RespServer {
 public:
  explicit RespServer(RedisConfig config) : config_(config), store_(config) {}
  // Binds 127.0.0.1:port (throws std::runtime_error when it cannot) and
  // serves until stop becomes true.
  void Serve(int port, const std::atomic<bool>& stop);
  // One command as the server runs it (the store's time must be set).
  RedisReply Execute(const std::vector<std::string>& argv);
  RedisStore& store() { return store_; }

 private:
  RedisConfig config_;
  RedisStore store_;
};

}  // namespace cachelab::live
