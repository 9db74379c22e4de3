// Speed-up for paced live runs: the simulator's clock runs `speedup` times
// faster than the wall clock, so a TTL of T simulated ms must expire on the
// server after T / speedup wall ms. Wraps a CacheBackend and rescales the
// expiries it sends (SET PX/EX, PEXPIRE, EXPIRE, SETEX, PSETEX). PTTL/TTL
// replies are not scaled back (no strategy reads them; a wrapped callback
// would not fit the 64-byte ReplyCallback).
#pragma once
#include "sim/cache_backend.h"

namespace cachelab::live {

class ScaledTtlBackend final : public CacheBackend {
 public:
  ScaledTtlBackend(CacheBackend& inner, double speedup) : inner_(inner), speedup_(speedup) {}

  std::string Name() const override { return inner_.Name(); }
  void Get(std::string_view key, ReplyCallback done) override {
    ++commands_;
    inner_.Get(key, std::move(done));
  }
  void Set(std::string_view key, Blob value, const SetOptions& opt, ReplyCallback done) override;
  void Del(std::string_view key, ReplyCallback done) override {
    ++commands_;
    inner_.Del(key, std::move(done));
  }
  void Command(std::vector<std::string> argv, ReplyCallback done) override;

  // Simulated ms -> wall ms on the server; never below 1 (Redis's granularity).
  int64_t ToWallMs(double sim_ms) const;
  uint64_t commands() const { return commands_; }  // calls sent through

 private:
  CacheBackend& inner_;
  double speedup_;
  uint64_t commands_ = 0;
};

}  // namespace cachelab::live
