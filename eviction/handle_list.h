// Intrusive doubly-linked lists over dense handles. Links live in one shared
// array indexed by handle, so several lists (ARC's T1/T2, SLRU segments) can
// share it: a handle is in at most one list at a time. 8 bytes per handle.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "eviction/policy.h"

namespace cachelab::eviction {

struct Links {
  struct Link {
    Handle prev = kNoHandle, next = kNoHandle;
  };
  std::vector<Link> at;
  void Ensure(Handle h) {
    if (h >= at.size()) at.resize(std::max<size_t>(h + 1, at.size() * 3 / 2 + 16));
  }
};

// Head = most recently inserted; tail = oldest.
class HandleList {
 public:
  explicit HandleList(Links* links) : l_(links) {}
  Handle head() const { return head_; }
  Handle tail() const { return tail_; }
  bool empty() const { return head_ == kNoHandle; }
  size_t size() const { return size_; }
  Handle Prev(Handle h) const { return l_->at[h].prev; }  // toward the head
  Handle Next(Handle h) const { return l_->at[h].next; }  // toward the tail

  void PushFront(Handle h) {
    Links::Link& k = l_->at[h];
    k.prev = kNoHandle;
    k.next = head_;
    if (head_ != kNoHandle)
      l_->at[head_].prev = h;
    else
      tail_ = h;
    head_ = h;
    ++size_;
  }
  void Remove(Handle h) {
    Links::Link& k = l_->at[h];
    if (k.prev != kNoHandle)
      l_->at[k.prev].next = k.next;
    else
      head_ = k.next;
    if (k.next != kNoHandle)
      l_->at[k.next].prev = k.prev;
    else
      tail_ = k.prev;
    --size_;
  }
  void MoveToFront(Handle h) {
    if (h == head_) return;
    Remove(h);
    PushFront(h);
  }
  Handle PopBack() {
    Handle h = tail_;
    if (h != kNoHandle) Remove(h);
    return h;
  }

 private:
  Links* l_;
  Handle head_ = kNoHandle, tail_ = kNoHandle;
  size_t size_ = 0;
};

}  // namespace cachelab::eviction
