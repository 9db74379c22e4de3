// Per-request hit/miss patterns of a policy on a short hand-written trace,
// each request's outcome taken from a fresh replay of the prefix up to it, so
// the real replay loop (OnMiss, Admits, Evict, Insert, drains) decides.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "eviction/policy.h"
#include "eviction/replay.h"

namespace cachelab::testing {

// One request per character (the character is the id); sizes 1 unless given.
inline eviction::ReplayTrace Trace(const std::string& ids, std::vector<uint32_t> sizes = {}) {
  eviction::ReplayTrace t;
  for (size_t i = 0; i < ids.size(); ++i) {
    t.ids.push_back(static_cast<uint64_t>(ids[i]));
    t.sizes.push_back(sizes.empty() ? 1 : sizes[i]);
  }
  return t;
}

// A factory for MakePolicy(name) with `o` (its capacity set per replay).
inline std::function<std::unique_ptr<eviction::Policy>(uint64_t)> NamedWith(const std::string& name,
                                                                           eviction::PolicyOptions o) {
  return [=](uint64_t cap) mutable {
    o.capacity = cap;
    std::string error;
    return eviction::MakePolicy(name, o, &error);
  };
}
inline std::function<std::unique_ptr<eviction::Policy>(uint64_t)> Named(const std::string& name,
                                                                       eviction::PolicyOptions o = {}) {
  return NamedWith(name, o);
}

// "H"/"M" per request.
inline std::string HitsAndMisses(const std::function<std::unique_ptr<eviction::Policy>(uint64_t)>& make,
                                 const eviction::ReplayTrace& t, uint64_t cap, bool object_mode = true) {
  std::string out;
  uint64_t before = 0;
  for (size_t n = 1; n <= t.size(); ++n) {
    eviction::ReplayTrace prefix;
    prefix.ids.assign(t.ids.begin(), t.ids.begin() + static_cast<long>(n));
    prefix.sizes.assign(t.sizes.begin(), t.sizes.begin() + static_cast<long>(n));
    auto p = make(cap);
    uint64_t misses = eviction::Replay(prefix, *p, eviction::ReplayConfig{cap, object_mode}).misses;
    out += misses > before ? 'M' : 'H';
    before = misses;
  }
  return out;
}

}  // namespace cachelab::testing
