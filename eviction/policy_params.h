// Policy parameters as libCacheSim's cachesim takes them (-e "k=v,k=v"),
// named per policy: `--policy-params s3fifo:small-size=0.1,move-to-main-threshold=2`.
//   s3fifo: fifo-size-ratio (alias small-size), ghost-size-ratio, move-to-main-threshold
//   twoq:   ain-size-ratio, aout-size-ratio
//   lruk:   k
//   wtinylfu: window-ratio (wtinylfu-adaptive: the starting window)
//   hyperbolic: n-sample, seed (of its sampling stream)
//   mq: num-queues, lifetime, out-size-ratio
//   lecar: learning-rate, lru-weight, update-weight, seed
//   cacheus: lru-weight, learning-rate (the starting values, 0.5 and 0.408; libCacheSim has none), seed,
//            libcachesim-draws (1: draw from libCacheSim's generator as cachesim does)
//   clockpro: min-cold-ratio
//   lhd: associativity, admissions, seed
//   qdlp:   fifo-size-ratio, ghost-size-ratio, move-to-main-threshold
//   beladysize: n-sample
// Keys compare without case, as libCacheSim's parsers do.
#pragma once
#include <string>
#include <string_view>

#include "eviction/policy.h"

namespace cachelab::eviction {

// Applies "k=v,k=v" for `policy` (canonical name) to *o. False, with *error
// naming the key or value, on an unknown key, a bad number or a value out of
// range (ratios in (0, 1], threshold >= 1).
bool ApplyPolicyParams(std::string_view policy, std::string_view params, PolicyOptions* o, std::string* error);

}  // namespace cachelab::eviction
