#include "eviction/replay.h"

#include <time.h>

#include <algorithm>
#include <stdexcept>
#include <type_traits>

#include "eviction/arc.h"
#include "eviction/car.h"
#include "eviction/clock.h"
#include "eviction/clockpro.h"
#include "eviction/dense_store.h"
#include "eviction/fifo.h"
#include "eviction/hyperbolic.h"
#include "eviction/gdsf.h"
#include "eviction/handle_slab.h"
#include "eviction/id_map.h"
#include "eviction/cacheus.h"
#include "eviction/lecar.h"
#include "eviction/lfu.h"
#include "eviction/lhd.h"
#include "eviction/lru.h"
#include "eviction/mq.h"
#include "eviction/lfuda.h"
#include "eviction/lirs.h"
#include "eviction/lru.h"
#include "eviction/lruk.h"
#include "eviction/qdlp.h"
#include "eviction/s3fifo.h"
#include "eviction/sieve.h"

namespace cachelab::eviction {
namespace {

// How far ahead the index slot of a coming request is prefetched: enough
// iterations to hide a memory access when the index outgrows the caches.
constexpr size_t kPrefetchAhead = 16;

// The cached objects as the owner sees them: id and stored size per handle,
// side by side (releasing a victim then costs one cache miss, not two).
class Store {
 public:
  explicit Store(size_t expected) : map_(expected) {}
  // The key this store looks request i up by: its id.
  static uint64_t Key(const ReplayTrace& t, size_t i) { return t.ids[i]; }
  Handle Find(uint64_t id) const { return map_.Find(id); }
  [[gnu::always_inline]] void Prefetch(uint64_t id) const { map_.Prefetch(id); }
  Handle Add(uint64_t id, uint32_t size) {
    const Handle h = objects_.Add({id, size});
    map_.Put(id, h);
    used_ += size;
    return h;
  }
  void Release(Handle h) {
    const Object& o = objects_[h];
    used_ -= o.size;
    map_.Erase(o.id);
    objects_.Release(h);
  }
  uint64_t used() const { return used_; }
  size_t count() const { return map_.size(); }
  uint64_t MemoryBytes() const { return map_.MemoryBytes() + objects_.MemoryBytes(); }

 private:
  struct __attribute__((packed)) Object {
    uint64_t id;
    uint32_t size;
  };
  IdMap map_;
  HandleSlab<Object> objects_;
  uint64_t used_ = 0;
};

// CPU time of this thread: replays run side by side on shared cores, and
// wall time would charge one replay for the others' slices.
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// One replay's state across chunks of the trace: the loop below runs over each
// chunk in turn, so a trace can stream through in bounded memory. S: Store
// (objects by id) or DenseStore (by number, when chunks come numbered).
template <class P, class S>
class RunnerOf final : public ReplayRunner {
 public:
  RunnerOf(P& policy, const ReplayConfig& cfg, const ReplayCuts& wc)
      : policy_(policy), cfg_(cfg), warmup_(wc.measure_from > 0),
        numbers_(StartNumbers(policy, cfg.numbers_known)) {
    if (wc.measure_from > 0) cuts_.push_back(wc.measure_from);
    cuts_.insert(cuts_.end(), wc.window_ends.begin(), wc.window_ends.end());
    next_cut_ = cuts_.empty() ? UINT64_MAX : cuts_[0];
  }
  void Feed(const ReplayTrace& t, uint64_t base) override;
  // Whether the policy takes numbers in place of ids; sizes the store's rows.
  bool StartNumbers(P& policy, uint64_t known) {
    if constexpr (!std::is_same_v<S, DenseStore>) {
      return false;
    } else {
      store_.Reserve(known, policy.WantsNumberCell());
      return policy.UseNumbers(known, store_.PolicyCell());
    }
  }
  ReplayResult Finish() override {
    r_.seconds = cpu_;
    r_.index_bytes = store_.MemoryBytes();
    // Cuts past the end close at the end.
    while (cut_i_ < cuts_.size()) Cut(std::min<uint64_t>(cuts_[cut_i_], fed_));
    r_.requests -= warm_.requests;
    r_.misses -= warm_.misses;
    r_.requested_bytes -= warm_.requested_bytes;
    r_.miss_bytes -= warm_.miss_bytes;
    r_.skipped_zero_size -= warm_.skipped;
    r_.refused -= warm_.refused;
    return r_;
  }

 private:
  // Warm-up and windows: the counters run on; each cut (an absolute request
  // index, so chunk boundaries do not matter) snapshots them.
  struct Counts {
    uint64_t requests = 0, misses = 0, requested_bytes = 0, miss_bytes = 0, skipped = 0, refused = 0;
  };
  void Cut(uint64_t at) {
    Counts c{r_.requests, r_.misses, r_.requested_bytes, r_.miss_bytes, r_.skipped_zero_size, r_.refused};
    if (cut_i_ == 0 && warmup_) warm_ = c;
    else
      r_.windows.push_back({static_cast<size_t>(at), c.requests - last_.requests, c.misses - last_.misses,
                            c.requested_bytes - last_.requested_bytes, c.miss_bytes - last_.miss_bytes});
    last_ = c;
    next_cut_ = ++cut_i_ < cuts_.size() ? cuts_[cut_i_] : UINT64_MAX;
  }

  P& policy_;
  const ReplayConfig cfg_;
  S store_{1024};
  std::vector<int64_t> expires_;  // per handle: expiry time in ms, 0: never (use_ttl only)
  ReplayResult r_;
  double cpu_ = 0;
  std::vector<uint64_t> cuts_;  // measure_from (if > 0), then the window ends
  const bool warmup_;  // cuts_[0] ends the warm-up
  const bool numbers_;  // the policy is given numbers in place of ids (Policy::UseNumbers)
  size_t cut_i_ = 0;
  uint64_t next_cut_ = UINT64_MAX;
  uint64_t fed_ = 0;  // requests fed so far
  Counts warm_, last_;  // at the end of the warm-up; at the previous cut
};

template <class P, class S>
void RunnerOf<P, S>::Feed(const ReplayTrace& t, uint64_t base) {
  P& policy = policy_;
  S& store = store_;
  ReplayResult& r = r_;
  const ReplayConfig& cfg = cfg_;
  std::vector<int64_t>& expires = expires_;
  const uint64_t cap = cfg.capacity;
  const bool want_next = policy.WantsNextAccess() && !t.next.empty();
  const bool has_time = !t.time_ms.empty();
  const bool use_ttl = cfg.use_ttl && !t.ttl_ms.empty() && has_time;
  Admission* const admission = cfg.admission;
  const bool observe = admission && admission->WantsEveryRequest();
  const bool numbers = numbers_;
  // A policy that keeps each handle's number and size tells the store (its
  // record of the victim is in cache: the eviction just read it), so the
  // store keeps no record of its own to read back (one random line a miss).
  constexpr bool kTells = std::is_same_v<S, DenseStore> && requires(const P& p) { p.NumberAndSize(Handle{}); };
  const bool tells = kTells && numbers;
  auto release = [&](Handle v) {
    if constexpr (kTells) {
      if (tells) {
        const auto [number, bytes] = policy.NumberAndSize(v);
        store.ReleaseKnown(v, number, bytes);
        return;
      }
    }
    store.Release(v);
  };
  auto drain = [&] {
    for (Handle v = policy.TakeEvicted(); v != kNoHandle; v = policy.TakeEvicted()) release(v);
  };
  const double start = ThreadCpuSeconds();
  const size_t n = t.size();
  if (std::is_same_v<S, DenseStore> && t.dense.size() != n) throw std::logic_error("replay: chunk not numbered");
  for (size_t i = 0; i < n; ++i) {
    while (base + i == next_cut_) [[unlikely]] Cut(base + i);
    if (i + kPrefetchAhead < n) {
      store.Prefetch(S::Key(t, i + kPrefetchAhead));
      // Policies with per-id state a miss reads (ghost lists) take the hint
      // too; by number that state is in the store's row, prefetched just above.
      if constexpr (requires(const P& p) { p.PrefetchId(uint64_t{}); })
        if (!numbers) policy.PrefetchId(t.ids[i + kPrefetchAhead]);
    }
    const uint32_t raw = t.sizes[i];
    if (raw == 0) {
      ++r.skipped_zero_size;
      continue;
    }
    const uint64_t id = t.ids[i];
    const uint32_t size = cfg.object_mode ? 1 : raw;
    const uint64_t now = has_time ? static_cast<uint64_t>(t.time_ms[i]) : base + i;
    ++r.requests;
    r.requested_bytes += raw;
    if (observe) admission->OnRequest(id, size);
    const auto key = S::Key(t, i);
    Handle h = store.Find(key);
    if (use_ttl && h != kNoHandle && expires[h] != 0 && static_cast<int64_t>(now) > expires[h]) {
      ++r.expired;  // lazily expired: gone, and this request misses
      release(h);
      policy.Remove(h);
      h = kNoHandle;
    }
    if (h != kNoHandle) {
      policy.Access(h, now);
      if (want_next) policy.SetNextAccess(h, t.next[i]);
      drain();  // SLRU's cooling can evict on a hit
      continue;
    }
    ++r.misses;
    r.miss_bytes += raw;
    const uint64_t policy_id = numbers ? static_cast<uint64_t>(key) : id;
    policy.OnMiss(policy_id, size, now);
    drain();
    if (admission && !admission->Admit(id, size, now)) {
      ++r.refused;
      continue;
    }
    if (size > cap || !policy.Admits(size)) continue;
    while (store.used() + size > cap) {
      Handle v = policy.Evict(now);
      if (v == kNoHandle) break;
      release(v);
    }
    if constexpr (kTells)
      h = store.Add(key, size, !tells);
    else
      h = store.Add(key, size);
    if (use_ttl) {
      if (h >= expires.size()) expires.resize(h + 1);
      expires[h] = t.ttl_ms[i] > 0 ? static_cast<int64_t>(now) + t.ttl_ms[i] : 0;
    }
    policy.Insert(h, policy_id, size, now);
    if (want_next) policy.SetNextAccess(h, t.next[i]);
    drain();
    if (store.count() > r.peak_objects) r.peak_objects = store.count();
  }
  cpu_ += ThreadCpuSeconds() - start;
  fed_ = base + n;
}

template <class P>
std::unique_ptr<ReplayRunner> RunnerFor(P& policy, const ReplayConfig& config, const ReplayCuts& cuts) {
  if (config.numbered) return std::make_unique<RunnerOf<P, DenseStore>>(policy, config, cuts);
  return std::make_unique<RunnerOf<P, Store>>(policy, config, cuts);
}

// The runner compiled for the first of P, Rest... that policy is, else the
// one that calls through Policy's virtual functions.
template <class P, class... Rest>
std::unique_ptr<ReplayRunner> ConcreteRunner(Policy& policy, const ReplayConfig& config, const ReplayCuts& cuts) {
  if (auto* p = dynamic_cast<P*>(&policy)) return RunnerFor(*p, config, cuts);
  if constexpr (sizeof...(Rest) > 0)
    return ConcreteRunner<Rest...>(policy, config, cuts);
  else
    return RunnerFor(policy, config, cuts);
}

}  // namespace

std::unique_ptr<ReplayRunner> MakeReplayRunner(Policy& policy, const ReplayConfig& config,
                                               const ReplayCuts& cuts) {
  // Final classes: the loop is compiled per type, with calls inlined.
  return ConcreteRunner<LruPolicy, FifoPolicy, ClockPolicy, SievePolicy, LfuPolicy, ArcPolicy, S3FifoPolicy,
                        CarPolicy, MqPolicy, HyperbolicPolicy, LeCaRPolicy, ClockProPolicy, LhdPolicy, LfudaPolicy,
                        GdsfPolicy, LruKPolicy, QdlpPolicy, LirsPolicy, CacheusPolicy>(policy, config, cuts);
}

ReplayResult Replay(const ReplayTrace& trace, Policy& policy, const ReplayConfig& config, const ReplayCuts& cuts) {
  auto runner = MakeReplayRunner(policy, config, cuts);
  runner->Feed(trace, 0);
  return runner->Finish();
}

void WorkingSetCounter::Add(const ReplayTrace& chunk, uint32_t* numbers) {
  if (!numbers) {  // the numbers are not wanted, but the run writes them somewhere
    scratch_.resize(chunk.size());
    numbers = scratch_.data();
  }
  const uint32_t* sizes = chunk.sizes.data();
  uint64_t objects = 0, bytes = 0;
  seen_.NumberRun(chunk.ids.data(), sizes, chunk.size(), numbers, [&](size_t i) {
    ++objects;
    bytes += sizes[i];
  });
  ws_.objects += objects;
  ws_.bytes += bytes;
}

void WorkingSetCounter::AddNoting(const ReplayTrace& chunk, std::vector<Sighting>* fresh) {
  scratch_.resize(chunk.size());
  const uint64_t* ids = chunk.ids.data();
  const uint32_t* sizes = chunk.sizes.data();
  uint64_t objects = 0, bytes = 0;
  seen_.NumberRun(ids, sizes, chunk.size(), scratch_.data(), [&](size_t i) {
    ++objects;
    bytes += sizes[i];
    fresh->push_back({ids[i], sizes[i]});
  });
  ws_.objects += objects;
  ws_.bytes += bytes;
}

void WorkingSetCounter::MergeLater(const std::vector<Sighting>& later) {
  for (const Sighting& s : later) {
    bool fresh = false;
    seen_.Number(s.id, &fresh);
    if (!fresh) continue;
    ++ws_.objects;
    ws_.bytes += s.size;
  }
}

uint64_t CacheSizeFromFraction(double fraction, const WorkingSet& ws, bool object_mode) {
  return static_cast<uint64_t>(static_cast<double>(object_mode ? ws.objects : ws.bytes) * fraction);
}

WorkingSet ComputeWorkingSet(const ReplayTrace& trace) {
  WorkingSetCounter c;
  c.Add(trace);
  return c.result();
}

}  // namespace cachelab::eviction
