// A free-list slab: objects addressed by a small index that events can carry
// instead of the object, reused once freed, so a steady state allocates nothing.
#pragma once
#include <cstdint>
#include <vector>

namespace cachelab {

template <typename T>
class Slab {
 public:
  // Returns the index of a default-state (or previously freed) slot.
  uint32_t Acquire() {
    if (!free_.empty()) {
      uint32_t id = free_.back();
      free_.pop_back();
      return id;
    }
    items_.emplace_back();
    return static_cast<uint32_t>(items_.size() - 1);
  }
  void Release(uint32_t id) { free_.push_back(id); }
  T& operator[](uint32_t id) { return items_[id]; }
  const T& operator[](uint32_t id) const { return items_[id]; }

 private:
  std::vector<T> items_;
  std::vector<uint32_t> free_;
};

}  // namespace cachelab
