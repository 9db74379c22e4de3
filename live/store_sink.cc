#include "live/store_sink.h"

namespace cachelab::live {

void StoreSink::Execute(const std::vector<SinkOp>& ops, std::vector<SinkOutcome>* out) {
  if (!batch_ms_.empty()) store_.SetTime(batch_ms_[std::min(batch_, batch_ms_.size() - 1)] * kMillisecond);
  ++batch_;
  out->clear();
  for (const SinkOp& op : ops) {
    RedisReply r;
    if (op.kind == SinkOp::Kind::kGet) {
      r = store_.Get(op.key);
      out->push_back(r.is_error() ? SinkOutcome::kRejected : r.is_nil() ? SinkOutcome::kMiss : SinkOutcome::kHit);
    } else {
      Blob b{"v1", op.size > 2 ? op.size - 2 : 0};
      r = store_.Set(op.key, std::move(b));
      out->push_back(r.is_error() ? SinkOutcome::kRejected : SinkOutcome::kOk);
    }
  }
}

}  // namespace cachelab::live
