#include "live/live_sink.h"

#include <charconv>

namespace cachelab::live {
namespace {

void AppendBulk(std::string* out, const char* data, size_t len) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, len);
  out->push_back('$');
  out->append(digits, end);
  out->append("\r\n", 2);
  out->append(data, len);
  out->append("\r\n", 2);
}

}  // namespace

// Each node's share of the batch is formatted here into one RESP buffer and
// queued at once, and the replies are only classified (RedisConn::ReadKind):
// the client's work per request is a few appends and one parse, so the
// server, not the lab, bounds a replay (docs/simulated-redis.md, speed).
void LiveSink::Execute(const std::vector<SinkOp>& ops, std::vector<SinkOutcome>* out) {
  out->assign(ops.size(), SinkOutcome::kFailed);
  by_node_.resize(cluster_.size());
  for (auto& v : by_node_) v.clear();
  for (uint32_t i = 0; i < ops.size(); ++i) by_node_[cluster_.NodeOf(ops[i].key)].push_back(i);
  for (size_t n = 0; n < by_node_.size(); ++n) {
    if (by_node_[n].empty() || !cluster_.Ready(n)) continue;
    RedisConn& c = cluster_.conn(n);
    resp_.clear();
    for (uint32_t i : by_node_[n]) {
      const SinkOp& op = ops[i];
      if (op.kind == SinkOp::Kind::kGet) {
        resp_.append("*2\r\n$3\r\nGET\r\n", 13);
        AppendBulk(&resp_, op.key.data(), op.key.size());
      } else {
        size_t len = op.size > 2 ? op.size : 2;  // "v1" padded with dots to the request's size
        if (value_.size() < len) value_.assign("v1").append(len - 2, '.');
        resp_.append("*3\r\n$3\r\nSET\r\n", 13);
        AppendBulk(&resp_, op.key.data(), op.key.size());
        AppendBulk(&resp_, value_.data(), len);
      }
    }
    if (!c.AppendFormatted(resp_.data(), resp_.size(), by_node_[n].size()) || !c.Flush()) cluster_.NoteFailure(n);
  }
  for (size_t n = 0; n < by_node_.size(); ++n) {
    RedisConn& c = cluster_.conn(n);
    for (uint32_t i : by_node_[n]) {
      RedisConn::ReplyKind kind;
      if (!c.connected() || c.ReadKind(&kind) != RedisConn::ReadStatus::kReply) {
        cluster_.NoteFailure(n);
        break;  // the rest of this node's share stays kFailed
      }
      if (kind == RedisConn::ReplyKind::kError) (*out)[i] = SinkOutcome::kRejected;
      else if (ops[i].kind == SinkOp::Kind::kSet) (*out)[i] = SinkOutcome::kOk;
      else (*out)[i] = kind == RedisConn::ReplyKind::kNil ? SinkOutcome::kMiss : SinkOutcome::kHit;
    }
  }
}

}  // namespace cachelab::live
