#include "live/store_sink.h"

namespace cachelab::live {
namespace {

size_t Digits(size_t n) { return n < 10 ? 1 : 1 + Digits(n / 10); }
// RESP bytes of a bulk string: $<len>\r\n<data>\r\n
size_t Bulk(size_t len) { return 1 + Digits(len) + 2 + len + 2; }

// The bytes Redis reads for op, and the bytes of its reply.
size_t RequestBytes(const SinkOp& op, size_t value_len) {
  return op.kind == SinkOp::Kind::kGet ? 4 + Bulk(3) + Bulk(op.key.size())
                                       : 4 + Bulk(3) + Bulk(op.key.size()) + Bulk(value_len);
}
size_t ReplyBytes(const RedisReply& r) {
  if (r.is_error()) return 1 + r.str.size() + 2;  // -ERR ...\r\n
  if (r.is_nil()) return 5;                        // $-1\r\n
  if (r.type == RedisReply::Type::kStatus) return 1 + r.str.size() + 2;
  return Bulk(r.str.size());
}

}  // namespace

void StoreSink::Execute(const std::vector<SinkOp>& ops, std::vector<SinkOutcome>* out) {
  if (!batch_ms_.empty()) store_.SetTime(batch_ms_[std::min(batch_, batch_ms_.size() - 1)] * kMillisecond);
  ++batch_;
  out->clear();
  if (clients_) {
    clients_->Read(lane_);
    store_.SetClientMemory(clients_->memory());
  }
  size_t read = 0;  // bytes of the current read
  for (const SinkOp& op : ops) {
    if (clients_) {
      size_t req = RequestBytes(op, op.size > 2 ? op.size : 2);
      if (read > 0 && read + req > clients_->read_size(lane_)) {
        clients_->Read(lane_);  // the next read comes in a later event-loop pass
        store_.SetClientMemory(clients_->memory());
        read = 0;
      }
      read += req;
    }
    RedisReply r;
    if (op.kind == SinkOp::Kind::kGet) {
      r = store_.Get(op.key);
      out->push_back(r.is_error() ? SinkOutcome::kRejected : r.is_nil() ? SinkOutcome::kMiss : SinkOutcome::kHit);
    } else {
      Blob b{"v1", op.size > 2 ? op.size - 2 : 0};
      r = store_.Set(op.key, std::move(b));
      out->push_back(r.is_error() ? SinkOutcome::kRejected : SinkOutcome::kOk);
    }
    if (clients_) {
      clients_->AddReply(lane_, ReplyBytes(r));
      store_.SetClientMemory(clients_->memory());  // the next command's eviction check sees it
    }
  }
}

}  // namespace cachelab::live
