// A byte string in 8 bytes, for the simulated Redis's per-key entries. Inline
// when it fits: any 7 bytes, or up to 14 characters of "0123456789:kv-er" at 4
// bits each (the lab's key names "k:<id>", "k:<id>:v<n>", "ver:k:<id>",
// values "v<version>", integers);
// longer or other strings on the heap (their length, then the bytes), so
// values set through the RESP server or the differential tests keep their
// real bytes. Reading one spells it into a caller's buffer (view).
#pragma once
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace cachelab {

class SmallBytes {
 public:
  static constexpr size_t kMaxInline = 14;
  using Buffer = char[kMaxInline];

  SmallBytes() = default;
  ~SmallBytes() { Release(); }
  SmallBytes(const SmallBytes&) = delete;
  SmallBytes& operator=(const SmallBytes&) = delete;
  SmallBytes(SmallBytes&& o) noexcept : word_(o.word_) { o.word_ = 0; }
  SmallBytes& operator=(SmallBytes&& o) noexcept {
    if (this != &o) {
      Release();
      word_ = o.word_;
      o.word_ = 0;
    }
    return *this;
  }

  void assign(std::string_view s) {
    Release();
    word_ = 0;
    if (s.empty()) return;
    if (s.size() <= kMaxRaw) {  // first: copied in and out whole, the cheapest to read
      uint64_t bytes = 0;
      std::memcpy(&bytes, s.data(), s.size());
      word_ = kRaw | s.size() << 2 | bytes << 8;
      return;
    }
    if (s.size() <= kMaxInline && PackNibbles(s)) return;
    // operator new[] aligns to 16 at least: the two low bits of the pointer are 0 (kHeap).
    char* p = new char[sizeof(uint32_t) + s.size()];
    uint32_t n = static_cast<uint32_t>(s.size());
    std::memcpy(p, &n, sizeof n);
    std::memcpy(p + sizeof n, s.data(), s.size());
    word_ = reinterpret_cast<uintptr_t>(p);
  }
  void clear() {
    Release();
    word_ = 0;
  }

  // The bytes; an inline string is spelled into buf (valid while buf is).
  std::string_view view(Buffer& buf) const {
    const uint64_t w = word_;
    switch (w & 3) {
      case kNibbles:
        Spell(buf);
        return {buf, static_cast<size_t>((w >> 2) & 15)};
      case kRaw: {
        uint64_t bytes = w >> 8;
        std::memcpy(buf, &bytes, kMaxRaw);
        return {buf, static_cast<size_t>((w >> 2) & 7)};
      }
      default:
        if (w == 0) return {};
        return {HeapBytes() + sizeof(uint32_t), HeapSize()};
    }
  }
  // The bytes, assigned to out; an inline string spelled in place (no copy
  // through a buffer: a GET's reply is the hot caller).
  void CopyTo(std::string& out) const {
    if ((word_ & 3) != kNibbles) {
      Buffer buf;
      out.assign(view(buf));
      return;
    }
    out.resize(kMaxInline);
    Spell(out.data());
    out.resize((word_ >> 2) & 15);
  }
  size_t size() const {
    switch (word_ & 3) {
      case kNibbles: return (word_ >> 2) & 15;
      case kRaw: return (word_ >> 2) & 7;
      default: return word_ == 0 ? 0 : HeapSize();
    }
  }

 private:
  // The two low bits: 0 a heap pointer (or 0: empty), else inline. Inline:
  // the length from bit 2, the characters from bit 8.
  static constexpr uint64_t kHeap = 0, kNibbles = 1, kRaw = 2;
  static constexpr size_t kMaxRaw = 7;
  static constexpr char kAlphabet[17] = "0123456789:kv-er";
  // Byte b of the nibble string (two codes) spelled: kPairs[b].
  static constexpr std::array<std::array<char, 2>, 256> kPairs = [] {
    std::array<std::array<char, 2>, 256> p{};
    for (int b = 0; b < 256; ++b) p[b] = {kAlphabet[b & 15], kAlphabet[b >> 4]};
    return p;
  }();
  static constexpr std::array<int8_t, 256> kCode = [] {
    std::array<int8_t, 256> c{};
    c.fill(-1);
    for (int i = 0; i < 16; ++i) c[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int8_t>(i);
    return c;
  }();

  // A nibble string's characters into out[0, kMaxInline): two a table lookup,
  // all seven pairs (no branch on the length).
  void Spell(char* out) const {
    for (size_t i = 0; i < kMaxInline / 2; ++i) std::memcpy(out + 2 * i, kPairs[(word_ >> (8 + 8 * i)) & 0xff].data(), 2);
  }
  bool PackNibbles(std::string_view s) {
    uint64_t w = kNibbles | s.size() << 2;
    for (size_t i = 0; i < s.size(); ++i) {
      int8_t c = kCode[static_cast<unsigned char>(s[i])];
      if (c < 0) return false;
      w |= uint64_t{static_cast<uint8_t>(c)} << (8 + 4 * i);
    }
    word_ = w;
    return true;
  }
  const char* HeapBytes() const { return reinterpret_cast<const char*>(static_cast<uintptr_t>(word_)); }
  uint32_t HeapSize() const {
    uint32_t n;
    std::memcpy(&n, HeapBytes(), sizeof n);
    return n;
  }
  void Release() {
    if ((word_ & 3) == kHeap && word_ != 0) delete[] reinterpret_cast<char*>(static_cast<uintptr_t>(word_));
  }

  uint64_t word_ = 0;
};

static_assert(sizeof(SmallBytes) == 8);
static_assert(std::endian::native == std::endian::little, "SmallBytes keeps raw bytes in a word's low bytes");

}  // namespace cachelab
