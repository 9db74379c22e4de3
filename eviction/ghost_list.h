// A list of ids of evicted objects ("ghosts") with their sizes: what ARC's
// B1/B2, 2Q's Aout and S3-FIFO's ghost FIFO remember. Insert at the head, drop
// from the tail, remove by id; sizes are summed so byte-mode ghosts are bounded
// in bytes like libCacheSim's.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "eviction/id_map.h"

namespace cachelab::eviction {

class GhostList {
 public:
  bool Contains(uint64_t id) const { return map_.Find(id) != IdMap::kNone; }
  // True if it was there.
  bool Remove(uint64_t id) {
    uint32_t n = map_.Find(id);
    if (n == IdMap::kNone) return false;
    Unlink(n);
    return true;
  }
  void PushFront(uint64_t id, uint64_t size) {
    uint32_t n;
    if (!free_.empty()) {
      n = free_.back();
      free_.pop_back();
    } else {
      n = static_cast<uint32_t>(nodes_.size());
      nodes_.push_back({});
    }
    nodes_[n] = Node{id, size, kNil, head_};
    if (head_ != kNil)
      nodes_[head_].prev = n;
    else
      tail_ = n;
    head_ = n;
    map_.Put(id, n);
    bytes_ += size;
    ++count_;
  }
  void PopBack() {
    if (tail_ != kNil) Unlink(tail_);
  }
  bool empty() const { return count_ == 0; }
  uint64_t bytes() const { return bytes_; }
  size_t count() const { return count_; }
  uint64_t TailSize() const { return nodes_[tail_].size; }
  uint64_t TailId() const { return nodes_[tail_].id; }

 private:
  static constexpr uint32_t kNil = UINT32_MAX;
  struct Node {
    uint64_t id, size;
    uint32_t prev, next;
  };
  void Unlink(uint32_t n) {
    Node& k = nodes_[n];
    if (k.prev != kNil)
      nodes_[k.prev].next = k.next;
    else
      head_ = k.next;
    if (k.next != kNil)
      nodes_[k.next].prev = k.prev;
    else
      tail_ = k.prev;
    map_.Erase(k.id);
    bytes_ -= k.size;
    --count_;
    free_.push_back(n);
  }

  std::vector<Node> nodes_;
  std::vector<uint32_t> free_;
  IdMap map_;
  uint32_t head_ = kNil, tail_ = kNil;
  uint64_t bytes_ = 0;
  size_t count_ = 0;
};

}  // namespace cachelab::eviction
