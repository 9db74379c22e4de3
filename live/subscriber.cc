#include "live/subscriber.h"

#include <hiredis.h>

namespace cachelab::live {
namespace {

std::string Str(const redisReply* r) { return r && r->str ? std::string(r->str, r->len) : std::string(); }

// A "message"/"pmessage" push, or false for anything else (confirmations).
bool AsMessage(const redisReply* r, PushMessage* m) {
  if (!r || r->type != REDIS_REPLY_ARRAY || r->elements < 3) return false;  // RESP2: pushes are arrays
  std::string kind = Str(r->element[0]);
  if (kind == "message" && r->elements == 3) {
    *m = PushMessage{"", Str(r->element[1]), Str(r->element[2])};
    return true;
  }
  if (kind == "pmessage" && r->elements == 4) {
    *m = PushMessage{Str(r->element[1]), Str(r->element[2]), Str(r->element[3])};
    return true;
  }
  return false;
}

}  // namespace

bool Subscriber::Send(const std::vector<std::string>& channels, bool patterns) {
  if (channels.empty()) return true;
  if (!conn_.EnsureConnected()) return false;
  std::vector<std::string_view> argv{patterns ? "PSUBSCRIBE" : "SUBSCRIBE"};
  argv.insert(argv.end(), channels.begin(), channels.end());
  return conn_.Append(argv) && conn_.Flush();
}

bool Subscriber::Subscribe(const std::vector<std::string>& channels, bool patterns) {
  if (channels.empty()) return true;
  auto& keep = patterns ? patterns_ : channels_;
  keep.insert(keep.end(), channels.begin(), channels.end());
  if (!Send(channels, patterns)) return false;
  // One confirmation per channel; messages may already be interleaved.
  size_t confirmed = 0;
  while (confirmed < channels.size()) {
    RawReply r;
    auto status = conn_.TryReadPush(&r, 2000);
    if (status == RedisConn::ReadStatus::kFailed) return false;
    if (status == RedisConn::ReadStatus::kPending) {
      conn_.Drop("no subscription confirmation within 2 s");
      return false;
    }
    PushMessage m;
    if (AsMessage(r.get(), &m)) early_.push_back(std::move(m));
    else if (r->type == REDIS_REPLY_ERROR) {
      conn_.Drop(Str(r.get()));
      return false;
    } else {
      ++confirmed;
    }
  }
  return true;
}

bool Subscriber::Poll(int wait_ms, std::vector<PushMessage>* out) {
  out->insert(out->end(), std::make_move_iterator(early_.begin()), std::make_move_iterator(early_.end()));
  early_.clear();
  if (!conn_.connected()) {  // confirmations are read (and skipped) like any non-message reply
    if (!conn_.EnsureConnected() || !Send(channels_, false) || !Send(patterns_, true)) return false;
    ++resubscribes_;
  }
  int wait = wait_ms;
  for (;;) {
    RawReply r;
    auto status = conn_.TryReadPush(&r, wait);
    if (status == RedisConn::ReadStatus::kFailed) return false;
    if (status == RedisConn::ReadStatus::kPending) return true;
    wait = 0;
    PushMessage m;
    if (AsMessage(r.get(), &m)) out->push_back(std::move(m));
  }
}

}  // namespace cachelab::live
