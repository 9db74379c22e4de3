#include "live/live_redis.h"

#include <charconv>
#include <memory>

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
    ++unsendable_;
    refused_.push_back(Refused{std::move(done), std::move(plan.refusal)});
    return;
  }
  if (plan.all_keys && cluster_.size() > 1 && argv.size() > 2) {
    size_t first = cluster_.NodeOf(argv[1]);
    for (size_t i = 2; i < argv.size(); ++i)
      if (cluster_.NodeOf(argv[i]) != first) return FanOut(argv, plan.sums, std::move(done));
  }
  std::vector<std::string_view> views(argv.begin(), argv.end());
  std::string_view route = plan.route_arg > 0 ? std::string_view(argv[plan.route_arg]) : std::string_view(prefix_);
  Submit(route, std::move(views), std::move(done), plan.strip_scan_reply);
}

void LiveRedis::FanOut(const std::vector<std::string>& argv, bool sums, ReplyCallback done) {
  if (!sums) {  // MGET's reply is positional: not split (no strategy sends one live)
    ++unsendable_;
    refused_.push_back(Refused{std::move(done), "ERR cachelab: " + argv[0] + " over keys on several nodes"});
    return;
  }
  // One command per node with its own keys; the reply is the sum, or the first error.
  struct Fan {
    int64_t sum = 0;
    size_t pending = 0;
    std::string error;
    ReplyCallback done;
  };
  auto fan = std::make_shared<Fan>();
  fan->done = std::move(done);
  std::vector<std::vector<std::string_view>> per_node(cluster_.size());
  for (size_t i = 1; i < argv.size(); ++i) {
    auto& cmd = per_node[cluster_.NodeOf(argv[i])];
    if (cmd.empty()) cmd.push_back(argv[0]);
    cmd.push_back(argv[i]);
  }
  for (const auto& cmd : per_node) fan->pending += !cmd.empty();
  for (auto& cmd : per_node) {
    if (cmd.empty()) continue;
    std::string_view route = cmd[1];
    Submit(route, std::move(cmd), [fan](RedisReply&& r) {
      if (r.is_error() && fan->error.empty()) fan->error = r.str.data;
      if (r.type == RedisReply::Type::kInteger) fan->sum += r.integer;
      if (--fan->pending > 0) return;
      ReplyCallback finish = std::move(fan->done);
      finish(fan->error.empty() ? RedisReply::Integer(fan->sum) : RedisReply::Error(fan->error));
    });
  }
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
