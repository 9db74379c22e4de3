#include "live/live_redis.h"

#include <charconv>

#include "live/command_keys.h"
#include "live/reply_convert.h"

namespace cachelab::live {

void LiveRedis::FailNode(size_t node, const char* why) {
  cluster_.NoteFailure(node);
  auto callbacks = std::move(pending_[node]);
  pending_[node].clear();
  for (auto& p : callbacks) {
    ++failed_;
    p.done(RedisReply::Error(why));
  }
}

void LiveRedis::Submit(std::string_view key, std::vector<std::string_view> argv, ReplyCallback done,
                       bool strip_scan) {
  size_t node = cluster_.NodeOf(key);
  if (!cluster_.Ready(node)) {  // completes in the next Poll, never inside the call
    refused_.push_back(Refused{std::move(done), kErrUnavailable});
    return;
  }
  pending_[node].push_back(Pending{std::move(done), strip_scan});
  if (!cluster_.conn(node).Append(argv)) FailNode(node, kErrUnavailable);
  dirty_.resize(cluster_.size());
  dirty_[node] = true;
}

void LiveRedis::Get(std::string_view key, ReplyCallback done) {
  key_ = prefix_ + std::string(key);
  Submit(key_, {"GET", key_}, std::move(done));
}

void LiveRedis::Set(std::string_view key, Blob value, const SetOptions& opt, ReplyCallback done) {
  key_ = prefix_ + std::string(key);
  value_.clear();
  AppendWire(value, &value_);
  std::vector<std::string_view> argv = {"SET", key_, value_};
  char ms[24];
  if (opt.expire_ms >= 0) {
    auto [p, ec] = std::to_chars(ms, ms + sizeof ms, opt.expire_ms > 0 ? opt.expire_ms : 1);
    argv.insert(argv.end(), {"PX", std::string_view(ms, p - ms)});
  } else if (opt.keep_ttl) {
    argv.push_back("KEEPTTL");
  }
  if (opt.cond == SetOptions::Cond::kNx) argv.push_back("NX");
  if (opt.cond == SetOptions::Cond::kXx) argv.push_back("XX");
  if (opt.get) argv.push_back("GET");
  Submit(key_, std::move(argv), std::move(done));
}

void LiveRedis::Del(std::string_view key, ReplyCallback done) {
  key_ = prefix_ + std::string(key);
  Submit(key_, {"DEL", key_}, std::move(done));
}

void LiveRedis::Command(std::vector<std::string> argv, ReplyCallback done) {
  PrefixedCommand plan = PrefixCommand(argv, prefix_);
  if (!plan.refusal.empty()) {  // completes in the next Poll, like a refused node
    refused_.push_back(Refused{std::move(done), std::move(plan.refusal)});
    return;
  }
  std::vector<std::string_view> views(argv.begin(), argv.end());
  std::string_view route = plan.route_arg > 0 ? std::string_view(argv[plan.route_arg]) : std::string_view(prefix_);
  Submit(route, std::move(views), std::move(done), plan.strip_scan_reply);
}

void LiveRedis::StripPrefix(RedisReply* r) const {
  if (r->type != RedisReply::Type::kArray || r->elements.size() != 2) return;
  for (auto& k : r->elements[1].elements) {
    std::string& name = k.str.data;
    if (name.compare(0, prefix_.size(), prefix_) == 0) name.erase(0, prefix_.size());
  }
}

size_t LiveRedis::in_flight() const {
  size_t n = refused_.size();
  for (const auto& q : pending_) n += q.size();
  return n;
}

size_t LiveRedis::Poll(int wait_ms) {
  dirty_.resize(cluster_.size());
  for (size_t n = 0; n < cluster_.size(); ++n)
    if (dirty_[n]) {
      dirty_[n] = false;
      if (!cluster_.conn(n).Flush()) FailNode(n, kErrUnavailable);
    }
  size_t delivered = 0;
  auto refused = std::move(refused_);
  refused_.clear();
  for (auto& r : refused) {
    ++failed_;
    ++delivered;
    r.done(RedisReply::Error(r.why));
  }
  for (size_t n = 0; n < cluster_.size(); ++n) {
    RedisConn& c = cluster_.conn(n);
    while (!pending_[n].empty()) {
      RawReply r;
      auto status = c.TryRead(&r, delivered ? 0 : wait_ms);
      if (status == RedisConn::ReadStatus::kPending) break;
      if (status == RedisConn::ReadStatus::kFailed) {
        FailNode(n, c.stats().timeouts ? kErrTimeout : kErrUnavailable);
        break;
      }
      Pending p = std::move(pending_[n].front());
      pending_[n].pop_front();
      ++delivered;
      RedisReply reply = ConvertReply(r.get());
      if (p.strip_scan) StripPrefix(&reply);
      p.done(std::move(reply));
    }
  }
  return delivered;
}

}  // namespace cachelab::live
