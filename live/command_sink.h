// Where the pipelined replay sends its commands, one batch at a time: a live
// Redis (LiveSink) or the simulated one (StoreSink), so both run exactly the
// same command sequence and their hit ratios can be compared.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace cachelab::live {

struct SinkOp {
  enum class Kind : uint8_t { kGet, kSet } kind;
  std::string key;
  uint32_t size = 0;  // kSet: value bytes ("v1" + padding)
};

enum class SinkOutcome : uint8_t { kHit, kMiss, kOk, kRejected, kFailed };
// kRejected: the server answered with an error (e.g. OOM); kFailed: no answer.

class CommandSink {
 public:
  virtual ~CommandSink() = default;
  // Executes ops in order (per node); out gets one outcome per op.
  virtual void Execute(const std::vector<SinkOp>& ops, std::vector<SinkOutcome>* out) = 0;
};

}  // namespace cachelab::live
