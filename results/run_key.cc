#include "results/run_key.h"

#include <cstdint>
#include <cstdio>
#include <variant>

namespace cachelab {
namespace {

// FNV-1a over the bytes, finished with a SplitMix64 avalanche; 16 hex digits.
class Hasher {
 public:
  void Add(const std::string& s) {
    for (unsigned char c : s) h_ = (h_ ^ c) * 0x100000001B3ull;
    h_ = (h_ ^ 0xFF) * 0x100000001B3ull;  // separator: ("ab","c") != ("a","bc")
  }
  std::string Hex() const {
    uint64_t z = h_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(z));
    return buf;
  }

 private:
  uint64_t h_ = 0xCBF29CE484222325ull;
};

}  // namespace

std::string RunKeyOf(const std::vector<std::pair<std::string, std::string>>& config) {
  Hasher h;
  for (const auto& [k, v] : config) {
    h.Add(k);
    h.Add(v);
  }
  return h.Hex();
}

std::string DedupKeyOf(const RunReport& r) {
  if (!r.run_key.empty()) return r.run_key;
  if (r.kind == "run") return RunKeyOf(r.config);
  Hasher h;
  h.Add(r.kind);
  h.Add(r.label);
  h.Add(std::to_string(r.seed));
  for (const auto& [k, v] : r.config) h.Add(k), h.Add(v);
  for (const auto& f : r.fields) {
    if (IsWallClockField(f.name)) continue;
    h.Add(f.name);
    h.Add(std::visit([](const auto& v) {
      if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) return v;
      else {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", static_cast<double>(v));
        return std::string(buf);
      }
    }, f.value));
  }
  return "c" + h.Hex().substr(1);
}

}  // namespace cachelab
