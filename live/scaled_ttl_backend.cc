#include "live/scaled_ttl_backend.h"

#include <strings.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace cachelab::live {
namespace {

bool Is(const std::string& a, const char* b) { return strcasecmp(a.c_str(), b) == 0; }

}  // namespace

int64_t ScaledTtlBackend::ToWallMs(double sim_ms) const {
  return std::max<int64_t>(1, std::llround(sim_ms / speedup_));
}

void ScaledTtlBackend::Set(std::string_view key, Blob value, const SetOptions& opt, ReplyCallback done) {
  ++commands_;
  SetOptions scaled = opt;
  if (scaled.expire_ms > 0) scaled.expire_ms = ToWallMs(static_cast<double>(opt.expire_ms));
  inner_.Set(key, std::move(value), scaled, std::move(done));
}

void ScaledTtlBackend::Command(std::vector<std::string> argv, ReplyCallback done) {
  ++commands_;
  if (speedup_ == 1.0 || argv.empty()) return inner_.Command(std::move(argv), std::move(done));
  // Relative expiries become PX/PEXPIRE in wall ms; seconds forms are converted.
  auto scale = [&](size_t i, double unit_ms) {
    argv[i] = std::to_string(ToWallMs(std::atof(argv[i].c_str()) * unit_ms));
  };
  const std::string& cmd = argv[0];
  if ((Is(cmd, "PEXPIRE") || Is(cmd, "EXPIRE")) && argv.size() >= 3) {
    scale(2, Is(cmd, "EXPIRE") ? 1000.0 : 1.0);
    argv[0] = "PEXPIRE";
  } else if ((Is(cmd, "SETEX") || Is(cmd, "PSETEX")) && argv.size() >= 4) {
    scale(2, Is(cmd, "SETEX") ? 1000.0 : 1.0);
    argv[0] = "PSETEX";
  } else if (Is(cmd, "SET")) {
    for (size_t i = 3; i + 1 < argv.size(); ++i)
      if (Is(argv[i], "PX") || Is(argv[i], "EX")) {
        scale(i + 1, Is(argv[i], "EX") ? 1000.0 : 1.0);
        argv[i] = "PX";
      }
  }
  inner_.Command(std::move(argv), std::move(done));
}

}  // namespace cachelab::live
