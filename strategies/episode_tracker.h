// Counts backend loads per "episode": one loss (expiry, delete) or early
// refresh of a key and every load it causes. A load belongs to the episode
// that was open when its request first read the cache (its stamp, StampFor), so the
// herd of misses whose GETs ran before the first fill counts with that
// episode even when their loads start after the fill landed. An episode
// closes at its first successful fill; its count is final when the next one
// opens (late loads arrive within a round trip of the close).
// A key's first episode (it was never in the cache: a cold start, not an
// expiry) is counted apart, so short runs are not dominated by it.
// Keys are dense key ids (KeyIds): the state is a flat array indexed by them.
#pragma once
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "sim/chunked_rows.h"
#include "sim/histogram.h"
#include "sim/key_ids.h"
#include "sim/time.h"

namespace cachelab {

class EpisodeTracker {
 public:
  // Stamps count closes modulo 2^24 (a load in flight across 2^24 closes of its key cannot happen).
  uint32_t Stamp(uint32_t key) { return Get(key).closes; }
  bool Open(uint32_t key) { return Get(key).open; }
  // The stamp of a request that first read the cache at `read_at`: taken at
  // its load, so hits never touch the tracker.
  uint32_t StampFor(uint32_t key, SimTime read_at) {
    const KeyState& k = Get(key);
    // A key never closed has last_close_at 0, and simulated times are >= 0.
    return read_at < LastCloseAt(key, k) ? (k.closes - 1) & kClosesMask : k.closes;
  }
  void OnLoadStart(uint32_t key, uint32_t stamp, bool early);
  void OnFill(uint32_t key, SimTime now);
  // Starts loading key's row (a hint: nothing changes); e.g. when a GET leaves, so a miss's load finds it.
  void Prefetch(uint32_t key) const { keys_.Prefetch(key); }
  void MarkWarm(uint32_t key) { Get(key).warm = true; }  // preloaded: its next episode is an expiry
  // A copy of the totals with every episode still pending recorded (the
  // per-key state is not copied).
  EpisodeTracker Finished() const;
  // --warmup over: forget the totals and the warm-up's episodes (closed, or
  // the loads an open one had), keep which keys are warm.
  void StartMeasurement();

  const Histogram& loads() const { return loads_; }
  uint64_t episodes() const { return loads_.count(); }
  uint64_t miss_episodes() const { return miss_episodes_; }  // started by a miss, not an early refresh
  uint64_t cold_episodes() const { return cold_episodes_; }
  uint64_t cold_loads() const { return cold_loads_; }
  double variance() const;

 private:
  static constexpr uint32_t kClosesMask = (1u << 24) - 1;
  static constexpr uint32_t kMaxSmallLoads = (1u << 8) - 1;
  // The field's value when the time is in big_close_at_: from 2^50 ns (13 simulated days) on.
  static constexpr uint64_t kCloseAtSpilled = (uint64_t{1} << 50) - 1;
  struct __attribute__((packed, aligned(4))) KeyState {  // 12 bytes
    uint64_t last_close_at : 50 = 0;  // ns; kCloseAtSpilled: see big_close_at_
    uint64_t open_loads : 8 = 0;      // kMaxSmallLoads: see big_loads_
    uint64_t open : 1 = 0, open_by_miss : 1 = 0, last_by_miss : 1 = 0;
    uint64_t warm : 1 = 0;  // filled at least once (or preloaded)
    uint64_t open_cold : 1 = 0, last_cold : 1 = 0;
    uint32_t closes : 24 = 0;     // modulo 2^24
    uint32_t last_loads : 8 = 0;  // kMaxSmallLoads: see big_loads_
  };
  static_assert(sizeof(KeyState) == 12);
  struct StoreBack {  // copies a changed KeyState back into its row when it goes
    KeyState& row;
    const KeyState& copy;
    ~StoreBack() { row = copy; }
  };
  // Rows up to the largest id loaded (or preloaded); never-loaded rows stay idle.
  KeyState& Get(uint32_t key) { return keys_.At(key); }
  void Record(uint32_t loads, bool by_miss, bool cold);
  // Load counts of an episode; those of kMaxSmallLoads or more live in big_loads_.
  uint32_t OpenLoads(uint32_t key, const KeyState& k) const {
    return k.open_loads == kMaxSmallLoads ? big_loads_.at(key).open : static_cast<uint32_t>(k.open_loads);
  }
  uint32_t LastLoads(uint32_t key, const KeyState& k) const {
    return k.last_loads == kMaxSmallLoads ? big_loads_.at(key).last : static_cast<uint32_t>(k.last_loads);
  }
  void SetLoads(uint32_t key, KeyState& k, bool open, uint32_t n);  // the open or the last episode's
  SimTime LastCloseAt(uint32_t key, const KeyState& k) const {
    return k.last_close_at != kCloseAtSpilled ? static_cast<SimTime>(k.last_close_at) : big_close_at_.at(key);
  }

  ChunkedRows<KeyState> keys_;
  struct BigLoads {
    uint32_t open = 0, last = 0;
  };
  std::unordered_map<uint32_t, BigLoads> big_loads_;  // by key: counts too large for KeyState
  std::unordered_map<uint32_t, SimTime> big_close_at_;  // by key: close times too large for KeyState
  Histogram loads_;
  double sum_sq_ = 0;
  uint64_t miss_episodes_ = 0, cold_episodes_ = 0, cold_loads_ = 0;
};

}  // namespace cachelab
