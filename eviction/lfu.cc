#include "eviction/lfu.h"

namespace cachelab::eviction {

uint32_t LfuPolicy::NewBucketAfter(uint32_t after, uint64_t freq) {
  uint32_t b;
  if (!free_buckets_.empty()) {
    b = free_buckets_.back();
    free_buckets_.pop_back();
    buckets_[b] = Bucket{freq, HandleList(&links_), kNil, kNil};
  } else {
    b = static_cast<uint32_t>(buckets_.size());
    buckets_.push_back(Bucket{freq, HandleList(&links_), kNil, kNil});
  }
  uint32_t next = after == kNil ? first_ : buckets_[after].next;
  buckets_[b].prev = after;
  buckets_[b].next = next;
  if (after == kNil)
    first_ = b;
  else
    buckets_[after].next = b;
  if (next != kNil) buckets_[next].prev = b;
  return b;
}

void LfuPolicy::DropIfEmpty(uint32_t b) {
  Bucket& k = buckets_[b];
  if (!k.objects.empty()) return;
  if (k.prev != kNil)
    buckets_[k.prev].next = k.next;
  else
    first_ = k.next;
  if (k.next != kNil) buckets_[k.next].prev = k.prev;
  free_buckets_.push_back(b);
}

void LfuPolicy::Insert(Handle h, uint64_t, uint64_t, uint64_t) {
  links_.Ensure(h);
  if (h >= bucket_of_.size()) bucket_of_.resize(links_.at.size());
  uint32_t b = (first_ != kNil && buckets_[first_].freq == 1) ? first_ : NewBucketAfter(kNil, 1);
  buckets_[b].objects.PushFront(h);
  bucket_of_[h] = b;
}

void LfuPolicy::InsertWithFrequency(Handle h, uint64_t freq) {
  links_.Ensure(h);
  if (h >= bucket_of_.size()) bucket_of_.resize(links_.at.size());
  uint32_t before = kNil;  // the last bucket below freq (walks from the lowest: few buckets are live)
  for (uint32_t b = first_; b != kNil && buckets_[b].freq < freq; b = buckets_[b].next) before = b;
  uint32_t at = before == kNil ? first_ : buckets_[before].next;
  if (at == kNil || buckets_[at].freq != freq) at = NewBucketAfter(before, freq);
  buckets_[at].objects.PushFront(h);
  bucket_of_[h] = at;
}

void LfuPolicy::Access(Handle h, uint64_t) {
  uint32_t b = bucket_of_[h];
  uint64_t f = buckets_[b].freq + 1;
  uint32_t nb = buckets_[b].next;
  if (nb == kNil || buckets_[nb].freq != f) nb = NewBucketAfter(b, f);
  buckets_[b].objects.Remove(h);
  buckets_[nb].objects.PushFront(h);
  bucket_of_[h] = nb;
  DropIfEmpty(b);
}

void LfuPolicy::Remove(Handle h) {
  uint32_t b = bucket_of_[h];
  buckets_[b].objects.Remove(h);
  DropIfEmpty(b);
}

Handle LfuPolicy::Evict(uint64_t) {
  if (first_ == kNil) return kNoHandle;
  uint32_t b = first_;
  Handle h = buckets_[b].objects.PopBack();
  DropIfEmpty(b);
  return h;
}

}  // namespace cachelab::eviction
