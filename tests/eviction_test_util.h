// Helpers for the eviction tests: tiny traces written as strings of ids.
#pragma once
#include <string>
#include <vector>

#include "eviction/replay.h"

namespace cachelab::eviction::testing {

// "a b a c" -> one id per token, size 1 each (or the given sizes).
inline ReplayTrace TraceOf(const std::string& tokens, const std::vector<uint32_t>& sizes = {}) {
  ReplayTrace t;
  size_t i = 0;
  while (i < tokens.size()) {
    size_t j = tokens.find(' ', i);
    if (j == std::string::npos) j = tokens.size();
    if (j > i) {
      uint64_t id = 0;
      for (char c : tokens.substr(i, j - i)) id = id * 131 + static_cast<unsigned char>(c);
      t.ids.push_back(id);
      t.sizes.push_back(sizes.empty() ? 1 : sizes[t.ids.size() - 1]);
    }
    i = j + 1;
  }
  return t;
}

// Fills trace.next (0-based index of the next request of the same id, -1 never).
inline void AddNextAccess(ReplayTrace* t) {
  t->next.assign(t->size(), -1);
  for (size_t i = 0; i < t->size(); ++i)
    for (size_t j = i + 1; j < t->size(); ++j)
      if (t->ids[j] == t->ids[i]) {
        t->next[i] = static_cast<int64_t>(j);
        break;
      }
}

// Replays request by request and returns "H"/"M" per request.
inline std::string HitMissString(const ReplayTrace& t, const std::string& policy, uint64_t capacity,
                                 bool object_mode = true, PolicyOptions o = {}) {
  std::string out;
  for (size_t n = 1; n <= t.size(); ++n) {
    ReplayTrace prefix = t;
    prefix.ids.resize(n);
    prefix.sizes.resize(n);
    if (!prefix.next.empty()) prefix.next.resize(n);
    if (!prefix.time_ms.empty()) prefix.time_ms.resize(n);
    o.capacity = capacity;
    auto p = MakePolicy(policy, o, nullptr);
    uint64_t misses = Replay(prefix, *p, ReplayConfig{capacity, object_mode}).misses;
    uint64_t before = 0;
    for (char c : out) before += c == 'M';
    out += misses > before ? 'M' : 'H';
  }
  return out;
}

}  // namespace cachelab::eviction::testing
