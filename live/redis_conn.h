// One hiredis connection with pipelining, timeouts and reconnection.
//
// Commands are appended to an output buffer, written with Flush(), and their
// replies read back in order. A failure (connection refused, reset, or no
// reply within the command timeout) drops the connection: every command in
// flight on it is lost and the caller fails them. The next EnsureConnected()
// reconnects, but not before the backoff delay (doubling from backoff_min to
// backoff_max) has passed, so a dead server costs one connect attempt per
// backoff period, not one per request.
//
// Threading: one thread at a time. Wall clock: steady_clock (live edge only).
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "live/redis_endpoint.h"
#include "sim/redis_reply.h"

struct redisContext;
struct redisReply;

namespace cachelab::live {

struct ConnOptions {
  int connect_timeout_ms = 1000;
  int command_timeout_ms = 1000;
  int backoff_min_ms = 10;
  int backoff_max_ms = 1000;
  std::string password;  // AUTH after connecting when not empty
};

struct ConnStats {
  uint64_t connects = 0;          // successful, including the first
  uint64_t failed_connects = 0;
  uint64_t disconnects = 0;       // connections dropped on an error or timeout
  uint64_t timeouts = 0;
  uint64_t lost_commands = 0;     // in flight when the connection dropped
};

struct ReplyDeleter {
  void operator()(redisReply* r) const;
};
using RawReply = std::unique_ptr<redisReply, ReplyDeleter>;

class RedisConn {
 public:
  using WallClock = std::chrono::steady_clock;
  enum class ReadStatus { kReply, kPending, kFailed };

  RedisConn(RedisEndpoint endpoint, ConnOptions options);
  ~RedisConn();
  RedisConn(const RedisConn&) = delete;
  RedisConn& operator=(const RedisConn&) = delete;

  // Connected, or (re)connected now; false while down or backing off.
  bool EnsureConnected();
  bool connected() const { return ctx_ != nullptr; }
  const std::string& last_error() const { return last_error_; }

  // REQUIRES: connected(). Queues one command; false (and dropped) on error.
  bool Append(const std::vector<std::string_view>& argv);
  bool Append(int argc, const char** argv, const size_t* lens);
  // Queues `commands` commands already in RESP (a pipelined batch formatted
  // by the caller: no per-command formatting or allocation).
  bool AppendFormatted(const char* resp, size_t len, size_t commands);
  // Writes everything queued; false (and dropped) on error.
  bool Flush();
  // What a reply was, without building it (a batch's GET/SET replies).
  enum class ReplyKind : uint8_t { kNil, kString, kStatus, kError, kInteger, kArray };
  // The next reply's kind, blocking up to the command timeout; no reply
  // object is allocated (the reader's object functions are swapped for
  // markers while it runs).
  ReadStatus ReadKind(ReplyKind* kind);
  // The next reply: waits up to wait_ms for it (0: only what has arrived).
  // kPending: none yet (never after the command timeout: then kFailed).
  ReadStatus TryRead(RawReply* out, int wait_ms);
  // A subscriber connection's next push message (or reply), waiting up to
  // wait_ms; no command timeout applies (pushes come when they come).
  ReadStatus TryReadPush(RawReply* out, int wait_ms);
  // Blocks for the next reply up to the command timeout.
  ReadStatus Read(RawReply* out);
  // Append + Flush + Read, converted; an error reply on failure.
  RedisReply Command(const std::vector<std::string_view>& argv);

  size_t in_flight() const { return in_flight_; }
  const ConnStats& stats() const { return stats_; }
  const RedisEndpoint& endpoint() const { return endpoint_; }
  // Drops the connection (every command in flight is lost).
  void Drop(const std::string& why);

 private:
  bool Connect();
  // A reply already in the reader's buffer (kPending: none).
  ReadStatus TakeBuffered(RawReply* out);

  RedisEndpoint endpoint_;
  ConnOptions options_;
  redisContext* ctx_ = nullptr;
  size_t in_flight_ = 0;
  WallClock::time_point oldest_sent_{};  // when the oldest unanswered command was flushed
  WallClock::time_point next_attempt_{};
  int backoff_ms_ = 0;
  ConnStats stats_;
  std::string last_error_;
};

}  // namespace cachelab::live
