// Belady's MIN (offline optimum for unit sizes): evict the object whose next
// request is farthest away (never again counts as infinitely far). Needs each
// request's next-access index (oracleGeneral traces). A max-heap indexed by
// handle, so a hit re-keys its object in O(log n).
#pragma once
#include <cstdint>
#include <vector>

#include "eviction/policy.h"

namespace cachelab::eviction {

class BeladyPolicy final : public Policy {
 public:
  std::string_view Name() const override { return "belady"; }
  void Insert(Handle h, uint64_t, uint64_t, uint64_t) override;
  void Access(Handle, uint64_t) override {}
  void Remove(Handle h) override;
  Handle Evict(uint64_t now) override;
  bool WantsNextAccess() const override { return true; }
  void SetNextAccess(Handle h, int64_t next) override;

 private:
  bool Above(size_t a, size_t b) const { return key_[heap_[a]] > key_[heap_[b]]; }
  void Swap(size_t a, size_t b);
  void Up(size_t i);
  void Down(size_t i);

  std::vector<Handle> heap_;
  std::vector<uint32_t> pos_;  // handle -> index in heap_
  std::vector<int64_t> key_;   // handle -> next request (INT64_MAX: never)
};

}  // namespace cachelab::eviction
