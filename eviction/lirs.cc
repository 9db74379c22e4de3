#include "eviction/lirs.h"

#include <algorithm>

#include "eviction/capacity_share.h"

namespace cachelab::eviction {

LirsPolicy::LirsPolicy(const PolicyOptions& o)
    : cap_(o.capacity),
      hir_cap_(std::max<uint64_t>(1, CapacityShare(o.capacity, 0.01))),
      lir_cap_(o.capacity > hir_cap_ ? o.capacity - hir_cap_ : 0) {}

void LirsPolicy::Drop(uint64_t id) {
  uint32_t h = handle_of_.Find(id);
  if (h == IdMap::kNone) return;
  handle_of_.Erase(id);
  dropped_.Add(h);
}

void LirsPolicy::EvictHir() {
  uint32_t t = q_.tail();
  if (t == Stack::kNil) return;
  const uint64_t id = q_.at(t).id, size = q_.at(t).size;
  hir_bytes_ -= size;
  q_.Drop(t);
  uint32_t s = s_.Find(id);
  if (s != IdMap::kNone) {
    s_.at(s).payload.resident = false;
    nh_.Remove(id);
    nh_.PushFront(id, size, {false, false});
  }
  Drop(id);
}

void LirsPolicy::EvictLir() {
  uint32_t t = s_.tail();
  if (t == Stack::kNil) return;
  const uint64_t id = s_.at(t).id, size = s_.at(t).size;
  lir_bytes_ -= size;
  s_.Drop(t);
  if (size <= hir_cap_) {
    while (hir_bytes_ + size > hir_cap_ && q_.tail() != Stack::kNil) EvictHir();
    q_.PushFront(id, size, {false, true});
    hir_bytes_ += size;
  } else {
    Drop(id);
  }
  Prune();
}

void LirsPolicy::Prune() {
  while (s_.tail() != s_.head()) {
    uint32_t t = s_.tail();
    const Stack::Entry& e = s_.at(t);
    if (e.payload.lir) break;
    if (!e.payload.resident) nh_.Remove(e.id);
    s_.Drop(t);
  }
}

void LirsPolicy::LimitStack() {
  while (s_.bytes() > 2 * cap_) {
    uint32_t t = nh_.tail();
    if (t == Stack::kNil) break;
    s_.Remove(nh_.at(t).id);
    nh_.Drop(t);
  }
}

void LirsPolicy::ToLir(uint32_t s) {
  const uint64_t id = s_.at(s).id;
  uint32_t q = q_.Find(id);
  if (q != IdMap::kNone) {
    hir_bytes_ -= q_.at(q).size;
    q_.Drop(q);
  }
  while (lir_bytes_ + s_.at(s).size > lir_cap_ && s_.tail() != s) EvictLir();
  s_.at(s).payload.lir = true;
  lir_bytes_ += s_.at(s).size;
}

void LirsPolicy::OnMiss(uint64_t id, uint64_t size, uint64_t) {
  LimitStack();  // libCacheSim bounds S after every request; before the next one is the same
  cur_id_ = id;
  cur_size_ = size;
  admit_ = true;
  uint32_t s = s_.Find(id);
  if (s != IdMap::kNone) s_.MoveToFront(s);
  if (size > cap_) return;  // never inserted; libCacheSim's LIRS checks stop here
  if (s != IdMap::kNone && !s_.at(s).payload.lir && !s_.at(s).payload.resident) {
    while (lir_bytes_ + s_.at(s).size > lir_cap_ && s_.tail() != s) EvictLir();
    nh_.Remove(id);
    return;
  }
  if (s == IdMap::kNone && q_.Find(id) == IdMap::kNone) {
    if (size > lir_cap_ || size > hir_cap_) {
      admit_ = false;
      return;
    }
    if (lir_bytes_ + size > lir_cap_ && hir_bytes_ + size > hir_cap_)
      while (hir_bytes_ + size > hir_cap_ && q_.tail() != Stack::kNil) EvictHir();
  }
}

Handle LirsPolicy::Evict(uint64_t) {
  // One round of libCacheSim's LIRS_evict at a time, until one drops an object
  // (a round that only demotes leaves the occupancy as it was: still too full).
  for (;;) {
    if (Handle d = TakeEvicted(); d != kNoHandle) return d;
    uint32_t s = s_.Find(cur_id_);
    if (s != IdMap::kNone && !s_.at(s).payload.lir && !s_.at(s).payload.resident) {
      while (hir_bytes_ >= hir_cap_ && q_.tail() != Stack::kNil) EvictHir();
      if (dropped_.empty() && s_.tail() == s) return kNoHandle;
      EvictLir();
    } else if (s == IdMap::kNone && q_.Find(cur_id_) == IdMap::kNone && lir_bytes_ + cur_size_ > lir_cap_ &&
               hir_bytes_ + cur_size_ > hir_cap_ && q_.tail() != Stack::kNil) {
      EvictHir();
    } else if (dropped_.empty()) {
      return kNoHandle;  // libCacheSim would loop here for ever
    }
  }
}

void LirsPolicy::Insert(Handle h, uint64_t id, uint64_t size, uint64_t) {
  if (h >= id_of_.size()) id_of_.resize(h + 1 + h / 2);
  id_of_[h] = id;
  handle_of_.Put(id, h);
  uint32_t s = s_.Find(id);
  if (s != IdMap::kNone) {
    Stack::Entry& e = s_.at(s);
    if (!e.payload.lir && !e.payload.resident) {
      e.payload = {true, true};
      lir_bytes_ += e.size;
    } else if (!e.payload.lir) {
      ToLir(s);  // not modelled exactly (see the header): libCacheSim saw a hit here
    }
    return;
  }
  if (q_.Find(id) != IdMap::kNone) return;
  if (lir_bytes_ + size <= lir_cap_) {
    s_.PushFront(id, size, {true, true});
    lir_bytes_ += size;
  } else {
    s_.PushFront(id, size, {false, true});
    q_.PushFront(id, size, {false, true});
    hir_bytes_ += size;
  }
}

void LirsPolicy::Access(Handle h, uint64_t) {
  LimitStack();
  const uint64_t id = id_of_[h];
  uint32_t s = s_.Find(id), q = q_.Find(id);
  if (s != IdMap::kNone) s_.MoveToFront(s);
  if (q != IdMap::kNone) q_.MoveToFront(q);
  if (s != IdMap::kNone) {
    if (s_.at(s).payload.lir)
      Prune();
    else if (s_.at(s).payload.resident)
      ToLir(s);
    return;
  }
  if (q == IdMap::kNone) return;
  // A resident HIR only in Q: LIRs are demoted while the LIR share is full
  // (libCacheSim's quirk), then it gains an S entry, staying HIR.
  const uint64_t size = q_.at(q).size;
  while (lir_bytes_ + size > lir_cap_ && s_.tail() != Stack::kNil) EvictLir();
  s_.PushFront(id, size, {false, true});
}

void LirsPolicy::Remove(Handle h) {
  const uint64_t id = id_of_[h];
  handle_of_.Erase(id);
  uint32_t s = s_.Find(id), q = q_.Find(id);
  if (s != IdMap::kNone) {
    Stack::Entry& e = s_.at(s);
    if (e.payload.lir) {
      lir_bytes_ -= e.size;
      s_.Drop(s);
      Prune();
      return;
    }
    if (e.payload.resident) hir_bytes_ -= e.size;
    s_.Drop(s);
    if (q != IdMap::kNone) q_.Drop(q);
    return;
  }
  if (q != IdMap::kNone) {
    hir_bytes_ -= q_.at(q).size;
    q_.Drop(q);
  }
}

}  // namespace cachelab::eviction
