#include "eviction/mq.h"

#include "eviction/capacity_share.h"

namespace cachelab::eviction {

MqPolicy::MqPolicy(const PolicyOptions& o)
    : m_(o.mq_queues < 1 ? 1 : o.mq_queues > kMaxQueues ? kMaxQueues : o.mq_queues),
      lifetime_(static_cast<uint64_t>(o.mq_lifetime)),
      out_cap_(CapacityShare(o.capacity, o.mq_out_ratio)) {
  q_.reserve(m_);
  for (int i = 0; i < m_; ++i) q_.emplace_back(&links_);
}

int MqPolicy::QueueOf(uint32_t freq) const {
  const int k = 31 - __builtin_clz(freq);  // floor(log2 f), f >= 1
  return k < m_ ? k : m_ - 1;
}

void MqPolicy::Place(Handle h) {
  Meta& m = meta_[h];
  m.queue = static_cast<uint8_t>(QueueOf(m.freq));
  m.expire = now_ + (lifetime_ ? lifetime_ : cached_);
  q_[m.queue].PushFront(h);
}

void MqPolicy::Adjust() {
  for (int k = 1; k < m_; ++k) {
    const Handle h = q_[k].tail();
    if (h == kNoHandle || meta_[h].expire >= now_) continue;
    q_[k].Remove(h);
    Meta& m = meta_[h];
    m.queue = static_cast<uint8_t>(k - 1);
    m.expire = now_ + (lifetime_ ? lifetime_ : cached_);
    q_[k - 1].PushFront(h);
  }
}

void MqPolicy::Insert(Handle h, uint64_t id, uint64_t size, uint64_t) {
  links_.Ensure(h);
  if (h >= meta_.size()) meta_.resize(links_.at.size());
  uint32_t freq = 1;
  if (const uint32_t n = out_.Find(id); n != IdMap::kNone) {
    freq += out_.at(n).payload.freq;
    out_.Drop(n);
  }
  ++cached_;
  meta_[h] = Meta{id, 0, static_cast<uint32_t>(size), freq, 0};
  Place(h);
  Adjust();
}

void MqPolicy::Access(Handle h, uint64_t) {
  ++now_;
  Meta& m = meta_[h];
  q_[m.queue].Remove(h);
  if (m.freq < UINT32_MAX - 1) ++m.freq;
  Place(h);
  Adjust();
}

void MqPolicy::Remove(Handle h) {
  q_[meta_[h].queue].Remove(h);
  --cached_;
}

Handle MqPolicy::Evict(uint64_t) {
  for (int k = 0; k < m_; ++k) {
    if (q_[k].empty()) continue;
    const Handle h = q_[k].PopBack();
    --cached_;
    const Meta& m = meta_[h];
    if (m.size <= out_cap_) {
      while (out_.bytes() + m.size > out_cap_) out_.PopBack();
      out_.PushFront(m.id, m.size, OutEntry{m.freq});
    }
    return h;
  }
  return kNoHandle;
}

}  // namespace cachelab::eviction
