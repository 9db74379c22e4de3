#include "live/live_sink.h"

#include <hiredis.h>

namespace cachelab::live {

void LiveSink::Execute(const std::vector<SinkOp>& ops, std::vector<SinkOutcome>* out) {
  out->assign(ops.size(), SinkOutcome::kFailed);
  by_node_.resize(cluster_.size());
  for (auto& v : by_node_) v.clear();
  for (uint32_t i = 0; i < ops.size(); ++i) by_node_[cluster_.NodeOf(ops[i].key)].push_back(i);
  for (size_t n = 0; n < by_node_.size(); ++n) {
    if (by_node_[n].empty() || !cluster_.Ready(n)) continue;
    RedisConn& c = cluster_.conn(n);
    for (uint32_t i : by_node_[n]) {
      const SinkOp& op = ops[i];
      if (op.kind == SinkOp::Kind::kGet) {
        const char* argv[] = {"GET", op.key.data()};
        size_t lens[] = {3, op.key.size()};
        c.Append(2, argv, lens);
      } else {
        value_.assign("v1");
        if (op.size > value_.size()) value_.append(op.size - value_.size(), '.');
        const char* argv[] = {"SET", op.key.data(), value_.data()};
        size_t lens[] = {3, op.key.size(), value_.size()};
        c.Append(3, argv, lens);
      }
    }
    if (!c.Flush()) cluster_.NoteFailure(n);
  }
  for (size_t n = 0; n < by_node_.size(); ++n) {
    RedisConn& c = cluster_.conn(n);
    for (uint32_t i : by_node_[n]) {
      RawReply r;
      if (!c.connected() || c.Read(&r) != RedisConn::ReadStatus::kReply) {
        cluster_.NoteFailure(n);
        break;  // the rest of this node's share stays kFailed
      }
      if (r->type == REDIS_REPLY_ERROR) (*out)[i] = SinkOutcome::kRejected;
      else if (ops[i].kind == SinkOp::Kind::kSet) (*out)[i] = SinkOutcome::kOk;
      else (*out)[i] = r->type == REDIS_REPLY_NIL ? SinkOutcome::kMiss : SinkOutcome::kHit;
    }
  }
}

}  // namespace cachelab::live
