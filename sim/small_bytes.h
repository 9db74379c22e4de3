// A byte string in 16 bytes: up to 15 bytes inline (the lab's key names
// "k:<id>" and values "v<version>" fit), longer ones on the heap. Half of a
// std::string (32 bytes), for the simulated Redis's per-key entries.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

namespace cachelab {

class SmallBytes {
 public:
  static constexpr size_t kInline = 15;

  SmallBytes() { raw_[kInline] = 0; }
  ~SmallBytes() { Release(); }
  SmallBytes(const SmallBytes&) = delete;
  SmallBytes& operator=(const SmallBytes&) = delete;
  SmallBytes(SmallBytes&& o) noexcept {
    std::memcpy(raw_, o.raw_, sizeof raw_);
    o.raw_[kInline] = 0;
  }
  SmallBytes& operator=(SmallBytes&& o) noexcept {
    if (this != &o) {
      Release();
      std::memcpy(raw_, o.raw_, sizeof raw_);
      o.raw_[kInline] = 0;
    }
    return *this;
  }

  void assign(std::string_view s) {
    Release();
    if (s.size() <= kInline) {
      if (!s.empty()) std::memcpy(raw_, s.data(), s.size());
      raw_[kInline] = static_cast<char>(s.size());
      return;
    }
    char* p = new char[s.size()];
    std::memcpy(p, s.data(), s.size());
    uint32_t n = static_cast<uint32_t>(s.size());
    std::memcpy(raw_, &p, sizeof p);
    std::memcpy(raw_ + sizeof p, &n, sizeof n);
    raw_[kInline] = kHeap;
  }
  void clear() { assign({}); }

  std::string_view view() const {
    if (raw_[kInline] != kHeap) return {raw_, static_cast<size_t>(raw_[kInline])};
    char* p;
    uint32_t n;
    std::memcpy(&p, raw_, sizeof p);
    std::memcpy(&n, raw_ + sizeof p, sizeof n);
    return {p, n};
  }
  size_t size() const { return view().size(); }

 private:
  static constexpr char kHeap = 0x7f;  // marker in the last byte: heap pointer + length
  void Release() {
    if (raw_[kInline] != kHeap) return;
    char* p;
    std::memcpy(&p, raw_, sizeof p);
    delete[] p;
    raw_[kInline] = 0;
  }

  alignas(8) char raw_[16];
};

static_assert(sizeof(SmallBytes) == 16);

}  // namespace cachelab
