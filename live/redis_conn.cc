#include "live/redis_conn.h"

#include <hiredis.h>
#include <poll.h>

#include <algorithm>

#include "live/reply_convert.h"

namespace cachelab::live {
namespace {

timeval ToTimeval(int ms) { return timeval{ms / 1000, static_cast<suseconds_t>((ms % 1000) * 1000)}; }

// Reply "objects" that are only markers of their kind, for ReadKind.
using Kind = RedisConn::ReplyKind;
Kind kMarks[] = {Kind::kNil, Kind::kString, Kind::kStatus, Kind::kError, Kind::kInteger, Kind::kArray};
void* Mark(Kind k) { return &kMarks[static_cast<int>(k)]; }
void* MarkString(const redisReadTask* t, char*, size_t) {
  return Mark(t->type == REDIS_REPLY_ERROR ? Kind::kError : t->type == REDIS_REPLY_STATUS ? Kind::kStatus : Kind::kString);
}
void* MarkArray(const redisReadTask*, int) { return Mark(Kind::kArray); }
void* MarkInteger(const redisReadTask*, long long) { return Mark(Kind::kInteger); }
void* MarkNil(const redisReadTask*) { return Mark(Kind::kNil); }
void FreeMark(void*) {}
redisReplyObjectFunctions kMarkFunctions = {MarkString, MarkArray, MarkInteger, MarkNil, FreeMark};

}  // namespace

void ReplyDeleter::operator()(redisReply* r) const { freeReplyObject(r); }

RedisConn::RedisConn(RedisEndpoint endpoint, ConnOptions options)
    : endpoint_(std::move(endpoint)), options_(std::move(options)) {}

RedisConn::~RedisConn() {
  if (ctx_) redisFree(ctx_);
}

bool RedisConn::EnsureConnected() {
  if (ctx_) return true;
  if (WallClock::now() < next_attempt_) return false;
  if (Connect()) {
    backoff_ms_ = 0;
    return true;
  }
  ++stats_.failed_connects;
  backoff_ms_ = std::clamp(backoff_ms_ * 2, options_.backoff_min_ms, options_.backoff_max_ms);
  next_attempt_ = WallClock::now() + std::chrono::milliseconds(backoff_ms_);
  return false;
}

bool RedisConn::Connect() {
  ctx_ = redisConnectWithTimeout(endpoint_.host.c_str(), endpoint_.port, ToTimeval(options_.connect_timeout_ms));
  if (!ctx_ || ctx_->err) {
    last_error_ = ctx_ ? ctx_->errstr : "cannot allocate a hiredis context";
    if (ctx_) redisFree(ctx_);
    ctx_ = nullptr;
    return false;
  }
  // SO_RCVTIMEO/SO_SNDTIMEO: a server that never answers cannot block a write forever.
  redisSetTimeout(ctx_, ToTimeval(options_.command_timeout_ms));
  redisEnableKeepAlive(ctx_);
  in_flight_ = 0;
  auto setup = [&](std::vector<std::string_view> argv) {
    RedisReply r = Command(argv);
    if (r.is_error()) {
      last_error_ = argv[0] == "AUTH" ? "AUTH failed: " + r.str.data : r.str.data;
      Drop(last_error_);
      return false;
    }
    return true;
  };
  if (!options_.password.empty() && !setup({"AUTH", options_.password})) return false;
  std::string db = std::to_string(endpoint_.db);
  if (endpoint_.db != 0 && !setup({"SELECT", db})) return false;
  ++stats_.connects;
  return true;
}

void RedisConn::Drop(const std::string& why) {
  if (!ctx_) return;
  last_error_ = why;
  redisFree(ctx_);
  ctx_ = nullptr;
  ++stats_.disconnects;
  stats_.lost_commands += in_flight_;
  in_flight_ = 0;
  backoff_ms_ = std::clamp(backoff_ms_ * 2, options_.backoff_min_ms, options_.backoff_max_ms);
  next_attempt_ = WallClock::now() + std::chrono::milliseconds(backoff_ms_);
}

bool RedisConn::Append(int argc, const char** argv, const size_t* lens) {
  if (!ctx_) return false;
  if (redisAppendCommandArgv(ctx_, argc, argv, lens) != REDIS_OK) {
    Drop(ctx_->errstr);
    return false;
  }
  if (in_flight_++ == 0) oldest_sent_ = WallClock::now();
  return true;
}

bool RedisConn::Append(const std::vector<std::string_view>& argv) {
  const char* ptrs[16];
  size_t lens[16];
  std::vector<const char*> big_ptrs;
  std::vector<size_t> big_lens;
  const char** p = ptrs;
  size_t* l = lens;
  if (argv.size() > 16) {
    big_ptrs.resize(argv.size());
    big_lens.resize(argv.size());
    p = big_ptrs.data();
    l = big_lens.data();
  }
  for (size_t i = 0; i < argv.size(); ++i) {
    p[i] = argv[i].data();
    l[i] = argv[i].size();
  }
  return Append(static_cast<int>(argv.size()), p, l);
}

bool RedisConn::AppendFormatted(const char* resp, size_t len, size_t commands) {
  if (!ctx_) return false;
  if (commands == 0) return true;
  if (redisAppendFormattedCommand(ctx_, resp, len) != REDIS_OK) {
    Drop(ctx_->errstr);
    return false;
  }
  if (in_flight_ == 0) oldest_sent_ = WallClock::now();
  in_flight_ += commands;
  return true;
}

RedisConn::ReadStatus RedisConn::ReadKind(ReplyKind* kind) {
  if (!ctx_) return ReadStatus::kFailed;
  redisReader* reader = ctx_->reader;
  redisReplyObjectFunctions* saved = reader->fn;
  reader->fn = &kMarkFunctions;
  RawReply marker;
  ReadStatus s;
  while ((s = TryRead(&marker, options_.command_timeout_ms)) == ReadStatus::kPending) {
  }
  if (s == ReadStatus::kReply) *kind = *reinterpret_cast<Kind*>(marker.release());
  if (ctx_ && ctx_->reader == reader) reader->fn = saved;  // (a dropped connection freed its reader)
  return s;
}

bool RedisConn::Flush() {
  if (!ctx_) return false;
  int done = 0;
  while (!done) {
    if (redisBufferWrite(ctx_, &done) != REDIS_OK) {
      if (ctx_->err == REDIS_ERR_IO && (errno == EAGAIN || errno == EWOULDBLOCK)) ++stats_.timeouts;
      Drop(std::string("write: ") + ctx_->errstr);
      return false;
    }
  }
  return true;
}

RedisConn::ReadStatus RedisConn::TakeBuffered(RawReply* out) {
  void* reply = nullptr;
  if (redisGetReplyFromReader(ctx_, &reply) != REDIS_OK) {
    Drop(std::string("protocol: ") + ctx_->errstr);
    return ReadStatus::kFailed;
  }
  if (!reply) return ReadStatus::kPending;
  out->reset(static_cast<redisReply*>(reply));
  if (in_flight_ > 0) --in_flight_;
  return ReadStatus::kReply;
}

RedisConn::ReadStatus RedisConn::TryRead(RawReply* out, int wait_ms) {
  if (!ctx_ || in_flight_ == 0) return ctx_ ? ReadStatus::kPending : ReadStatus::kFailed;
  for (;;) {
    if (ReadStatus s = TakeBuffered(out); s != ReadStatus::kPending) return s;
    // Nothing buffered: wait for the socket, but never past the command timeout.
    auto deadline = oldest_sent_ + std::chrono::milliseconds(options_.command_timeout_ms);
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - WallClock::now()).count();
    if (left <= 0) {
      ++stats_.timeouts;
      Drop("timeout: no reply within " + std::to_string(options_.command_timeout_ms) + " ms");
      return ReadStatus::kFailed;
    }
    pollfd pfd{ctx_->fd, POLLIN, 0};
    int ready = poll(&pfd, 1, static_cast<int>(std::min<int64_t>(wait_ms, left)));
    if (ready == 0) {
      if (wait_ms < left) return ReadStatus::kPending;
      continue;  // the deadline has passed: the next round drops the connection
    }
    if (ready < 0 && errno == EINTR) continue;
    if (redisBufferRead(ctx_) != REDIS_OK) {
      Drop(std::string("read: ") + ctx_->errstr);
      return ReadStatus::kFailed;
    }
    oldest_sent_ = WallClock::now();  // the server is answering: the timeout counts from its last answer
  }
}

RedisConn::ReadStatus RedisConn::TryReadPush(RawReply* out, int wait_ms) {
  if (!ctx_) return ReadStatus::kFailed;
  for (int round = 0;; ++round) {
    if (ReadStatus s = TakeBuffered(out); s != ReadStatus::kPending) return s;
    if (round > 0) return ReadStatus::kPending;  // one socket read per call
    pollfd pfd{ctx_->fd, POLLIN, 0};
    int ready = poll(&pfd, 1, wait_ms);
    if (ready <= 0) return ReadStatus::kPending;
    if (redisBufferRead(ctx_) != REDIS_OK) {
      Drop(std::string("read: ") + ctx_->errstr);
      return ReadStatus::kFailed;
    }
  }
}

RedisConn::ReadStatus RedisConn::Read(RawReply* out) {
  ReadStatus s;
  while ((s = TryRead(out, options_.command_timeout_ms)) == ReadStatus::kPending) {
  }
  return s;
}

RedisReply RedisConn::Command(const std::vector<std::string_view>& argv) {
  if (!ctx_) return RedisReply::Error("UNAVAILABLE not connected to " + endpoint_.Label());
  if (!Append(argv) || !Flush()) return RedisReply::Error("UNAVAILABLE " + last_error_);
  RawReply r;
  if (Read(&r) != ReadStatus::kReply) return RedisReply::Error("UNAVAILABLE " + last_error_);
  return ConvertReply(r.get());
}

}  // namespace cachelab::live
