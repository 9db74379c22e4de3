#include "eviction/mrc.h"

#include <time.h>

#include <algorithm>

#include "eviction/id_map.h"

namespace cachelab::eviction {
namespace {

class Fenwick {
 public:
  explicit Fenwick(size_t n) : t_(n + 1, 0) {}
  void Add(size_t i, int64_t v) {
    for (++i; i < t_.size(); i += i & (~i + 1)) t_[i] += v;
  }
  int64_t Prefix(size_t i) const {  // sum of [0, i)
    int64_t s = 0;
    for (; i > 0; i -= i & (~i + 1)) s += t_[i];
    return s;
  }

 private:
  std::vector<int64_t> t_;
};

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

bool Sampled(uint64_t id, uint64_t threshold) {
  uint64_t h = id * 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return (h & ((1u << 24) - 1)) < threshold;
}

}  // namespace

std::vector<MrcPoint> LruMissRatioCurve(const ReplayTrace& t, const std::vector<uint64_t>& sizes, const MrcOptions& opt,
                                        double* seconds) {
  const double start = CpuSeconds();
  const bool sampling = opt.shards_rate < 1.0;
  const uint64_t threshold = static_cast<uint64_t>(opt.shards_rate * (1u << 24));
  const double scale = sampling ? 1.0 / opt.shards_rate : 1.0;

  struct Reuse {
    uint64_t distance;
    uint32_t bytes;  // request size, for miss bytes
  };
  std::vector<Reuse> reuses;                   // requests that can hit at some size
  uint64_t requests = 0, requested_bytes = 0;  // sampled
  uint64_t all_requests = 0, all_requested_bytes = 0;
  Fenwick tree(t.size());
  std::vector<uint32_t> weight_at;  // weight stored at a position
  weight_at.resize(t.size());
  IdMap last(1024);
  uint32_t pos = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (opt.progress && (i & 0xFFFF) == 0) opt.progress(i);
    const uint32_t raw = t.sizes[i];
    if (raw == 0) continue;
    const uint64_t id = t.ids[i];
    ++all_requests;
    all_requested_bytes += raw;
    if (sampling && !Sampled(id, threshold)) continue;
    ++requests;
    requested_bytes += raw;
    uint32_t w = opt.object_mode ? 1 : raw;
    uint32_t j = last.Find(id);
    if (j != IdMap::kNone) {
      w = weight_at[j];  // a hit keeps the stored size
      uint64_t above = static_cast<uint64_t>(tree.Prefix(pos) - tree.Prefix(j + 1));
      reuses.push_back({static_cast<uint64_t>(static_cast<double>(above + w) * scale), raw});
      tree.Add(j, -static_cast<int64_t>(w));
    }
    tree.Add(pos, w);
    weight_at[pos] = w;
    last.Put(id, pos);
    ++pos;
  }
  std::sort(reuses.begin(), reuses.end(), [](const Reuse& a, const Reuse& b) { return a.distance < b.distance; });
  std::vector<uint64_t> hit_bytes(reuses.size() + 1, 0);  // prefix sums over sorted reuses
  for (size_t k = 0; k < reuses.size(); ++k) hit_bytes[k + 1] = hit_bytes[k] + reuses[k].bytes;

  std::vector<MrcPoint> out;
  for (uint64_t c : sizes) {
    size_t hits =
        std::upper_bound(reuses.begin(), reuses.end(), c, [](uint64_t v, const Reuse& r) { return v < r.distance; }) -
        reuses.begin();
    MrcPoint p;
    p.cache_size = c;
    // SHARDS-adj: divide by the expected, not the actual, sampled total
    // (the whole trace's counts), which removes most of the sampling bias.
    p.requests = all_requests;
    p.requested_bytes = all_requested_bytes;
    p.sampled_requests = requests;
    p.misses = std::min<uint64_t>(all_requests, static_cast<uint64_t>(static_cast<double>(requests - hits) * scale));
    p.miss_bytes = std::min<uint64_t>(
        all_requested_bytes, static_cast<uint64_t>(static_cast<double>(requested_bytes - hit_bytes[hits]) * scale));
    out.push_back(p);
  }
  if (seconds) *seconds = CpuSeconds() - start;
  return out;
}

}  // namespace cachelab::eviction
