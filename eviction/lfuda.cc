#include "eviction/lfuda.h"

namespace cachelab::eviction {

uint32_t LfudaPolicy::BucketFor(uint64_t freq) {
  uint32_t b = bucket_of_freq_.Find(freq);
  if (b != IdMap::kNone) return b;
  if (!free_buckets_.empty()) {
    b = free_buckets_.back();
    free_buckets_.pop_back();
    buckets_[b] = Bucket{freq, HandleList(&links_)};
  } else {
    b = static_cast<uint32_t>(buckets_.size());
    buckets_.push_back(Bucket{freq, HandleList(&links_)});
  }
  bucket_of_freq_.Put(freq, b);
  nonempty_.insert(freq);
  return b;
}

void LfudaPolicy::Add(Handle h, uint64_t freq) {
  key_[h] = freq;
  buckets_[BucketFor(freq)].objects.PushFront(h);
}

void LfudaPolicy::Take(Handle h) {
  uint32_t b = bucket_of_freq_.Find(key_[h]);
  buckets_[b].objects.Remove(h);
  if (!buckets_[b].objects.empty()) return;
  bucket_of_freq_.Erase(key_[h]);
  nonempty_.erase(key_[h]);
  free_buckets_.push_back(b);
}

void LfudaPolicy::UpdateMinFreq() {
  auto it = nonempty_.upper_bound(min_freq_);
  if (it != nonempty_.end() && *it <= max_freq_) min_freq_ = *it;
}

void LfudaPolicy::Insert(Handle h, uint64_t, uint64_t, uint64_t) {
  links_.Ensure(h);
  if (h >= key_.size()) key_.resize(links_.at.size());
  Add(h, min_freq_ + 1);
}

void LfudaPolicy::Access(Handle h, uint64_t) {
  const uint64_t old = key_[h], now = old + min_freq_;
  if (now > max_freq_) max_freq_ = now;
  Take(h);
  if (old == min_freq_ && bucket_of_freq_.Find(old) == IdMap::kNone) UpdateMinFreq();
  Add(h, now);
}

void LfudaPolicy::Remove(Handle h) {
  const uint64_t k = key_[h];
  Take(h);
  if (k == min_freq_ && bucket_of_freq_.Find(k) == IdMap::kNone) UpdateMinFreq();
}

Handle LfudaPolicy::Evict(uint64_t) {
  if (nonempty_.empty()) return kNoHandle;
  uint64_t from = min_freq_ <= 1 ? 1 : min_freq_;
  uint32_t b = bucket_of_freq_.Find(from);
  if (b == IdMap::kNone) {  // libCacheSim would stall here (see the header)
    ++stalled_;
    from = *nonempty_.begin();
    b = bucket_of_freq_.Find(from);
  }
  Handle h = buckets_[b].objects.tail();
  min_freq_ = from;
  Take(h);
  if (bucket_of_freq_.Find(from) == IdMap::kNone) UpdateMinFreq();
  return h;
}

}  // namespace cachelab::eviction
