// The reply of a direct command (SimRedis::GetDirect, SetDirect, DelDirect):
// the lab's own GET, SET and DEL by key id, answered with the facts the lab
// reads from a reply instead of a RedisReply built, moved and parsed back.
// A direct command has no name to spell, no pending row and no callback
// object: its reply travels in a small row and comes back to a plain function.
#pragma once
#include <charconv>
#include <cstdint>
#include <string_view>

namespace cachelab {

struct DirectReply {
  enum class Status : uint8_t {
    kNil,    // GET: no such key; SET: refused (NX/XX); DEL: nothing deleted
    kValue,  // GET: a string value (lease and version below)
    kOk,     // SET done; DEL deleted the key
    kError,  // an error reply (WRONGTYPE, OOM)
  };
  uint64_t version = 0;  // kValue: VersionOfBytes of the value
  Status status = Status::kNil;
  bool lease = false;    // kValue: the value starts with 'L' (a lease placeholder)
};

// Where a direct command's reply goes: fn(context, token, reply), token the
// caller's own (a request or load number).
struct DirectClient {
  void (*fn)(void* context, uint32_t token, const DirectReply& reply) = nullptr;
  void* context = nullptr;
};

// The version a lab value carries: "v<n>" gives n (the digits from_chars
// reads after the 'v'), anything else 0.
inline uint64_t VersionOfBytes(std::string_view value) {
  if (value.size() < 2 || value[0] != 'v') return 0;
  uint64_t v = 0;
  std::from_chars(value.data() + 1, value.data() + value.size(), v);
  return v;
}

}  // namespace cachelab
