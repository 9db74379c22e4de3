#include "eviction/wtinylfu_adaptive.h"

#include <algorithm>

namespace cachelab::eviction {

WTinyLfuAdaptivePolicy::WTinyLfuAdaptivePolicy(const PolicyOptions& o)
    : WTinyLfuPolicy(o),
      capacity_(static_cast<int64_t>(o.capacity)),
      climber_(static_cast<int64_t>(o.capacity), 10 * std::max<uint64_t>(1, o.expected_objects ? o.expected_objects
                                                                                                 : o.capacity)) {}

void WTinyLfuAdaptivePolicy::Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) {
  WTinyLfuPolicy::Insert(h, id, size, now);
  climber_.Miss();
  Climb();
}

void WTinyLfuAdaptivePolicy::Access(Handle h, uint64_t now) {
  WTinyLfuPolicy::Access(h, now);
  climber_.Hit();
  Climb();
}

void WTinyLfuAdaptivePolicy::Climb() {
  if (!warm_) {
    if (2 * (bytes_[kWindow] + bytes_[kProbation] + bytes_[kProtected]) < capacity_) {
      climber_.Forget();
      return;
    }
    warm_ = true;
  }
  const int64_t amount = climber_.Adjustment();
  DemoteFromProtected();
  if (amount > 0) IncreaseWindow(amount);
  if (amount < 0) DecreaseWindow(-amount);
}

void WTinyLfuAdaptivePolicy::DemoteFromProtected() {
  for (int i = 0; i < kTransferLimit && bytes_[kProtected] > protected_cap_ && !protected_.empty(); ++i) {
    const Handle h = protected_.tail();
    protected_.Remove(h);
    bytes_[kProtected] -= meta_[h].size;
    meta_[h].where = kProbation;
    probation_.PushFront(h);
    bytes_[kProbation] += meta_[h].size;
  }
}

void WTinyLfuAdaptivePolicy::IncreaseWindow(int64_t quota) {
  if (protected_cap_ == 0) return;
  quota = std::min(quota, protected_cap_);
  protected_cap_ -= quota;
  window_cap_ += quota;
  DemoteFromProtected();
  for (int i = 0; i < kTransferLimit; ++i) {
    Handle c = probation_.tail();
    if (c == kNoHandle || quota < meta_[c].size) c = protected_.tail();
    if (c == kNoHandle || quota < meta_[c].size) break;
    quota -= meta_[c].size;
    Move(c, kWindow);  // to the window's MRU end
  }
  protected_cap_ += quota;  // what did not move goes back, and stays pending
  window_cap_ -= quota;
  climber_.SetPending(quota);
}

void WTinyLfuAdaptivePolicy::DecreaseWindow(int64_t quota) {
  if (window_cap_ <= 1) return;
  quota = std::min(quota, std::max<int64_t>(0, window_cap_ - 1));
  protected_cap_ += quota;
  window_cap_ -= quota;
  for (int i = 0; i < kTransferLimit; ++i) {
    const Handle c = window_.tail();
    if (c == kNoHandle || quota < meta_[c].size) break;
    quota -= meta_[c].size;
    Move(c, kProbation);  // to probation's MRU end
  }
  protected_cap_ -= quota;
  window_cap_ += quota;
  climber_.SetPending(-quota);
}

}  // namespace cachelab::eviction
