// Membership changes and load shifts scheduled during a cluster run, parsed
// from --churn "t=60s:add,t=120s:crash:2,t=150s:recover:2,t=200s:remove:1,
// t=240s:hotkey:0.3". Node numbers are cluster node ids (0-based, in order of
// creation; an added node gets the next id).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/time.h"

namespace cachelab {

struct ChurnEvent {
  enum class Kind : uint8_t { kAdd, kRemove, kCrash, kRecover, kHotKey };
  SimTime t = 0;
  Kind kind = Kind::kAdd;
  uint32_t node = 0;    // remove, crash, recover
  double fraction = 0;  // hotkey: share of requests redirected to the hot key (0 ends it)
  uint64_t key = 0;     // hotkey: which key (default 0, the most popular)
};

const char* ChurnKindName(ChurnEvent::Kind kind);

// Throws ParamError("churn", ...) naming the bad item. Events come back
// sorted by time (stable: same-time events keep their order).
std::vector<ChurnEvent> ParseChurn(const std::string& text);

}  // namespace cachelab
