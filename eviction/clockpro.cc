#include "eviction/clockpro.h"

#include <algorithm>

#include "eviction/capacity_share.h"

namespace cachelab::eviction {

ClockProPolicy::ClockProPolicy(const PolicyOptions& o) : m_(o.capacity) {
  mc_min_ = std::max<uint64_t>(1, CapacityShare(m_, o.clockpro_min_cold_ratio));
  mc_max_ = m_ > 2 * mc_min_ ? m_ - mc_min_ : mc_min_;
  mc_ = mc_min_;
}

uint32_t ClockProPolicy::NewNode() {
  if (!free_.empty()) {
    uint32_t n = free_.back();
    free_.pop_back();
    return n;
  }
  nodes_.push_back({});
  return static_cast<uint32_t>(nodes_.size() - 1);
}

void ClockProPolicy::Unlink(uint32_t n) {
  Node& k = nodes_[n];
  const uint32_t next = k.next == n ? kNil : k.next;
  for (uint32_t* hand : {&hand_hot_, &hand_cold_, &hand_test_})
    if (*hand == n) *hand = next;
  if (next != kNil) {
    nodes_[k.prev].next = k.next;
    nodes_[k.next].prev = k.prev;
  }
}

void ClockProPolicy::PushHead(uint32_t n) {
  Node& k = nodes_[n];
  if (hand_hot_ == kNil) {
    k.prev = k.next = n;
    hand_hot_ = hand_cold_ = hand_test_ = n;
    return;
  }
  const uint32_t after = hand_hot_, before = nodes_[after].prev;
  k.prev = before;
  k.next = after;
  nodes_[before].next = n;
  nodes_[after].prev = n;
}

void ClockProPolicy::Drop(uint32_t n) {
  Unlink(n);
  free_.push_back(n);
}

void ClockProPolicy::OnMiss(uint64_t id, uint64_t, uint64_t) {
  enter_hot_ = false;
  const uint32_t n = ghosts_.Find(id);
  if (n == IdMap::kNone) return;
  enter_hot_ = true;
  Grow(nodes_[n].size);
  ghost_ -= nodes_[n].size;
  ghosts_.Erase(id);
  Drop(n);
}

void ClockProPolicy::Insert(Handle h, uint64_t id, uint64_t size, uint64_t) {
  if (h >= node_of_.size()) node_of_.resize(h + 1 + h / 2);
  // While the cache first fills, pages enter hot up to the hot allocation, as
  // in the authors' clock-pro.c (then cold ones up to m).
  if (!filled_ && hot_ + cold_ + size <= m_ - mc_) enter_hot_ = true;
  const uint32_t n = NewNode();
  nodes_[n] = Node{id, static_cast<uint32_t>(size), h, kNil, kNil, enter_hot_ ? kHot : kCold, 0, !enter_hot_};
  node_of_[h] = n;
  PushHead(n);
  if (enter_hot_) {
    hot_ += size;
    while (hot_ > m_ - mc_) RunHandHot();
  } else {
    cold_ += size;
  }
  enter_hot_ = false;
}

void ClockProPolicy::Remove(Handle h) {
  const uint32_t n = node_of_[h];
  (nodes_[n].state == kHot ? hot_ : cold_) -= nodes_[n].size;
  Drop(n);
}

void ClockProPolicy::EndTest(uint32_t n) {
  Node& k = nodes_[n];
  k.test = 0;
  if (!k.ref) Shrink(k.size);
  if (k.state == kGhost) {
    ghost_ -= k.size;
    ghosts_.Erase(k.id);
    Drop(n);
  }
}

void ClockProPolicy::RunHandHot() {
  while (hot_ > 0) {
    const uint32_t n = hand_hot_;
    Node& k = nodes_[n];
    if (k.state != kHot) {
      hand_hot_ = k.next;
      if (k.test) EndTest(n);
      continue;
    }
    hand_hot_ = k.next;
    if (k.ref) {
      k.ref = 0;
      continue;
    }
    k.state = kCold;
    hot_ -= k.size;
    cold_ += k.size;
    return;
  }
}

void ClockProPolicy::RunHandTest() {
  while (ghost_ > 0) {
    const uint32_t n = hand_test_;
    Node& k = nodes_[n];
    hand_test_ = k.next;
    if (k.state == kHot || !k.test) continue;
    const bool ghost = k.state == kGhost;
    EndTest(n);
    if (ghost) return;
  }
}

Handle ClockProPolicy::Evict(uint64_t) {
  filled_ = true;
  if (hot_ + cold_ == 0) return kNoHandle;
  for (;;) {
    if (cold_ == 0) RunHandHot();  // all hot: one turns cold
    const uint32_t n = hand_cold_;
    Node& k = nodes_[n];
    if (k.state != kCold) {
      hand_cold_ = k.next;
      continue;
    }
    if (k.ref) {
      k.ref = 0;
      Unlink(n);  // HAND_cold moves on to the successor
      PushHead(n);
      if (k.test) {
        k.state = kHot;
        k.test = 0;
        cold_ -= k.size;
        hot_ += k.size;
        Grow(k.size);
        while (hot_ > m_ - mc_) RunHandHot();
      } else {
        k.test = 1;
      }
      continue;
    }
    hand_cold_ = k.next;
    const Handle h = k.h;
    cold_ -= k.size;
    if (k.test) {
      k.state = kGhost;
      k.h = kNoHandle;
      ghosts_.Put(k.id, n);
      ghost_ += k.size;
      while (ghost_ > m_) RunHandTest();
    } else {
      Drop(n);
    }
    return h;
  }
}

std::string ClockProPolicy::Describe() const {
  std::string out;
  if (hand_hot_ == kNil) return out;
  uint32_t n = hand_hot_;
  do {
    const Node& k = nodes_[n];
    if (!out.empty()) out += ' ';
    out += k.state == kHot ? 'H' : k.state == kCold ? 'C' : 'N';
    if (k.ref) out += 'r';
    if (k.test) out += 't';
    n = k.next;
  } while (n != hand_hot_);
  return out;
}

}  // namespace cachelab::eviction
