// One request of a workload, synthetic or from a trace.
#pragma once
#include <cstdint>
#include <string_view>

#include "sim/key_ids.h"
#include "sim/time.h"

namespace cachelab {

enum class Op : uint8_t { kGet, kSet, kDelete };

inline std::string_view OpName(Op op) {
  switch (op) {
    case Op::kGet: return "get";
    case Op::kSet: return "set";
    case Op::kDelete: return "delete";
  }
  return "?";
}

struct Request {
  SimTime at = 0;           // arrival time (trace time or generated)
  uint64_t key = 0;         // object id
  uint32_t size = 0;        // value size in bytes (0: unknown)
  Op op = Op::kGet;
  SimTime ttl = 0;          // 0: none given
  int64_t next_access = -1; // index of the key's next request (oracle traces), -1: none/unknown
  uint32_t client = 0;      // issuing client / application server, where known
  uint32_t kid = kNoKeyId;  // the key's dense id (KeyIds), stamped by the runner
};

}  // namespace cachelab
