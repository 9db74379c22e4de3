// The data side ARC and CAR share: T1 (seen once lately) and T2 (seen at least
// twice) over one Links array, each with its members' total size (bytes, or
// objects in object mode), and per handle its id, size and list. The ghost
// lists and the adaptation of p stay with each policy: that is where ARC and
// CAR differ.
#pragma once
#include <cstdint>
#include <vector>

#include "eviction/handle_list.h"

namespace cachelab::eviction {

class T1T2Lists {
 public:
  T1T2Lists() = default;
  T1T2Lists(const T1T2Lists&) = delete;  // the lists point into links_
  T1T2Lists& operator=(const T1T2Lists&) = delete;

  struct Entry {
    uint64_t id;
    uint32_t size;
    uint8_t list;  // 1: T1, 2: T2
    uint8_t ref;   // CAR's reference bit (ARC leaves it 0)
  };

  Entry& at(Handle h) { return meta_[h]; }
  const Entry& at(Handle h) const { return meta_[h]; }
  HandleList& t1() { return t1_; }
  HandleList& t2() { return t2_; }
  int64_t t1_bytes() const { return t1_bytes_; }
  int64_t t2_bytes() const { return t2_bytes_; }

  // A new entry at the head of T1 (list 1) or T2 (list 2), bit clear.
  void Add(Handle h, uint64_t id, uint64_t size, uint8_t list) {
    links_.Ensure(h);
    if (h >= meta_.size()) meta_.resize(links_.at.size());
    meta_[h] = Entry{id, static_cast<uint32_t>(size), list, 0};
    Push(h);
  }
  // Out of its list (the entry's record stays for the caller to read).
  void Remove(Handle h) {
    const Entry& e = meta_[h];
    if (e.list == 1) {
      t1_.Remove(h);
      t1_bytes_ -= e.size;
    } else {
      t2_.Remove(h);
      t2_bytes_ -= e.size;
    }
  }
  // From wherever it is to T2's head, bit clear.
  void MoveToT2(Handle h) {
    Remove(h);
    meta_[h].list = 2;
    meta_[h].ref = 0;
    Push(h);
  }

 private:
  void Push(Handle h) {
    const Entry& e = meta_[h];
    if (e.list == 1) {
      t1_.PushFront(h);
      t1_bytes_ += e.size;
    } else {
      t2_.PushFront(h);
      t2_bytes_ += e.size;
    }
  }

  Links links_;
  HandleList t1_{&links_}, t2_{&links_};
  int64_t t1_bytes_ = 0, t2_bytes_ = 0;
  std::vector<Entry> meta_;
};

}  // namespace cachelab::eviction
