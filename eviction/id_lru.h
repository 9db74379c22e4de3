// An LRU list of entries keyed by object id, each with a size and a payload:
// LIRS's stacks S and Q and its list NH (with the LIR/resident flags), MQ's
// Qout. (Ghost lists, which never move an entry, are rings: ghost_ring.h.) Head =
// most recent. Entries are found by id in O(1); sizes are summed so byte-mode
// lists are bounded in bytes like libCacheSim's.
#pragma once
#include <cstdint>
#include <vector>

#include "eviction/handle_slab.h"
#include "eviction/id_index.h"

namespace cachelab::eviction {

template <class Payload>
class IdLru {
 public:
  static constexpr uint32_t kNil = UINT32_MAX;
  struct Entry {
    uint64_t id, size;
    uint32_t prev, next;
    [[no_unique_address]] Payload payload;
  };

  // Ids are dense numbers from now on (IdIndex::UseNumbers); call while empty.
  void UseNumbers(NumberCell cell, uint32_t tag) { map_.UseNumbers(cell, tag); }
  uint32_t Find(uint64_t id) const { return map_.Find(id); }
  [[gnu::always_inline]] void Prefetch(uint64_t id) const { map_.Prefetch(id); }
  bool Contains(uint64_t id) const { return map_.Find(id) != IdIndex::kNone; }
  Entry& at(uint32_t n) { return nodes_[n]; }
  uint32_t head() const { return head_; }
  uint32_t tail() const { return tail_; }
  uint64_t bytes() const { return bytes_; }
  size_t count() const { return count_; }
  bool empty() const { return count_ == 0; }
  uint64_t TailSize() const { return nodes_[tail_].size; }
  uint64_t TailId() const { return nodes_[tail_].id; }

  uint32_t PushFront(uint64_t id, uint64_t size, Payload payload = {}) {
    const uint32_t n = nodes_.Add(Entry{id, size, kNil, kNil, payload});
    Link(n);
    map_.Put(id, n);
    bytes_ += size;
    ++count_;
    return n;
  }
  void MoveToFront(uint32_t n) {
    if (n == head_) return;
    Unlink(n);
    Link(n);
  }
  // True if it was there.
  bool Remove(uint64_t id) {
    uint32_t n = map_.Find(id);
    if (n == IdIndex::kNone) return false;
    Drop(n);
    return true;
  }
  void PopBack() {
    if (tail_ != kNil) Drop(tail_);
  }
  void Drop(uint32_t n) {
    Unlink(n);
    map_.Erase(nodes_[n].id);
    bytes_ -= nodes_[n].size;
    --count_;
    nodes_.Release(n);
  }

 private:
  void Link(uint32_t n) {
    nodes_[n].prev = kNil;
    nodes_[n].next = head_;
    if (head_ != kNil)
      nodes_[head_].prev = n;
    else
      tail_ = n;
    head_ = n;
  }
  void Unlink(uint32_t n) {
    Entry& e = nodes_[n];
    if (e.prev != kNil)
      nodes_[e.prev].next = e.next;
    else
      head_ = e.next;
    if (e.next != kNil)
      nodes_[e.next].prev = e.prev;
    else
      tail_ = e.prev;
  }

  // bytes_ and count_ apart: side by side, g++ updates both with one 16-byte
  // load after two 8-byte stores, a store-forwarding stall on every drop.
  uint64_t bytes_ = 0;
  HandleSlab<Entry> nodes_;  // entry numbers reused once dropped
  IdIndex map_;
  uint32_t head_ = kNil, tail_ = kNil;
  size_t count_ = 0;
};

}  // namespace cachelab::eviction
