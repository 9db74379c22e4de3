// A FIFO queue in one power-of-two ring buffer: push at the back, pop at the
// front, no allocation once it has grown to its largest size. The event
// kernel's lanes (sim/simulator.h) use it for events that arrive in time order.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cachelab {

template <typename T>
class FifoRing {
 public:
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  const T& front() const { return buf_[head_]; }
  const T& back() const { return buf_[(head_ + size_ - 1) & (buf_.size() - 1)]; }
  void push_back(const T& v) {
    if (size_ == buf_.size()) Grow();
    buf_[(head_ + size_) & (buf_.size() - 1)] = v;
    ++size_;
  }
  // A new element at the back, for the caller to write in place: field by
  // field from registers, where a T built on the stack and copied in is read
  // back wider than it was written (a store-forwarding stall).
  T& push_back_slot() {
    if (size_ == buf_.size()) Grow();
    return buf_[(head_ + size_++) & (buf_.size() - 1)];
  }
  void pop_front() {
    head_ = (head_ + 1) & (buf_.size() - 1);
    --size_;
  }

 private:
  // Out of line and cold: push_back then inlines into its callers (a call a push saved).
  [[gnu::noinline, gnu::cold]] void Grow() {
    std::vector<T> bigger(buf_.empty() ? 16 : buf_.size() * 2);
    for (size_t i = 0; i < size_; ++i) bigger[i] = buf_[(head_ + i) & (buf_.size() - 1)];
    buf_.swap(bigger);
    head_ = 0;
  }
  std::vector<T> buf_;
  size_t head_ = 0, size_ = 0;
};

}  // namespace cachelab
