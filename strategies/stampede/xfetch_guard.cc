// `xfetch` (Vattani, Chierichetti, Lowenstein, VLDB 2015): on a hit, recompute
// early when now - delta * beta * ln(U) >= expiry, with delta the recompute
// time stored with the value. A request at gap g before expiry recomputes with
// probability exp(-g / (beta delta)); with Poisson arrivals at rate L the key
// reaches expiry without an early recompute with probability exp(-L beta delta).
// `xfetch-linear` (now + delta * beta * U >= expiry, common in the wild):
// probability 1 - g / (beta delta) inside the last beta*delta, so
// exp(-L beta delta / 2) of expiries are reached.
// The deciding request recomputes and waits for it, as in the paper.
// The first trigger of an episode happens at gap G with P(G > g) =
// 1 - exp(-L b e^(-g/b)), b = beta delta, so E[G | early] = b Ein(L b) / (1 - e^(-L b))
// (Ein(x) = integral_0^x (1 - e^-u)/u du): reported as first_gap_ms_*.
#include <cmath>

#include "strategies/read_path.h"
#include "strategies/stampede/guard.h"

namespace cachelab {
namespace {

class XFetchGuard final : public StampedeGuard {
 public:
  XFetchGuard(ReadPath& p, const StampedeConfig& c, bool linear) : StampedeGuard(p), beta_(c.beta), linear_(linear) {}
  std::string_view Name() const override { return linear_ ? "xfetch-linear" : "xfetch"; }
  bool metadata() const override { return true; }

  bool OnHit(ReqId id, const CachedValue& v) override {
    if (v.expiry == 0 || v.delta <= 0) return false;
    SimTime gap = v.expiry - p_.h().sim().Now();
    if (gap <= 0) {  // logically expired (Redis keeps it up to 1 ms longer): a plain miss
      p_.LoadAndServe(id, LoadKind::kMiss);
      return true;
    }
    double scale = static_cast<double>(v.delta) * beta_;
    double u = p_.rng().UniformOpenZero();
    double ahead = linear_ ? scale * u : -scale * std::log(u);
    if (ahead < static_cast<double>(gap)) return false;
    ++early_;
    gap_sum_ += static_cast<double>(gap);
    if (!p_.Loading(p_.h().request(id).key)) {  // the episode's first trigger
      double ms = static_cast<double>(gap) / 1e6;
      ++first_n_;
      first_sum_ += ms;
      first_sq_ += ms * ms;
    }
    p_.LoadAndServe(id, LoadKind::kEarly);
    return true;
  }
  void OnMiss(ReqId id, bool) override { p_.LoadAndServe(id, LoadKind::kMiss); }

  void StartMeasurement() override {
    early_ = first_n_ = 0;
    gap_sum_ = first_sum_ = first_sq_ = 0;
  }
  void Report(RunReport* r) const override {
    r->Set("early_recomputes", static_cast<int64_t>(early_));
    r->Set("early_gap_ms_mean", early_ ? gap_sum_ / static_cast<double>(early_) / 1e6 : 0.0);
    double n = static_cast<double>(first_n_), mean = n ? first_sum_ / n : 0;
    r->Set("first_gap_ms_n", static_cast<int64_t>(first_n_));
    r->Set("first_gap_ms_mean", mean);
    r->Set("first_gap_ms_sd", n > 1 ? std::sqrt(std::max(0.0, (first_sq_ - n * mean * mean) / (n - 1))) : 0.0);
  }

 private:
  double beta_;
  bool linear_;
  uint64_t early_ = 0, first_n_ = 0;
  double gap_sum_ = 0, first_sum_ = 0, first_sq_ = 0;
};

}  // namespace

std::unique_ptr<StampedeGuard> MakeXFetchGuard(ReadPath& p, const StampedeConfig& c, bool linear) {
  return std::make_unique<XFetchGuard>(p, c, linear);
}

}  // namespace cachelab
