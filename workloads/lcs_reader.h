// libCacheSim's "lcs" binary traces, as specified at libCacheSim commit
// aa0fc409 (traceReader/generalReader/lcs.h, lcs.c, binary.c): a 1024-byte
// header, then fixed-size little-endian records.
//   header: u64 start magic 0x123456789abcdef0 | char format[240], a Python
//   struct string starting with '<' (c b B h H i I l L q Q f d) | 1-based
//   field numbers (0: absent), one byte each: obj_id, obj_size, time,
//   last_access_vtime, next_access_vtime, op, ttl, tenant, content_type |
//   231 reserved | 64 x i64 trace stats | u32 n_fields | u32 item_size |
//   u64 version | u64 end magic (the same value)
// libCacheSim checks both magics, n_fields == strlen(format) - 1 and the
// record size; so does this reader, naming the file and the field.
// next_access_vtime is read like oracleGeneral's (1-based, -1: never).
#pragma once
#include <array>

#include "workloads/file_trace_reader.h"

namespace cachelab {

class LcsReader : public FileTraceReader {
 public:
  LcsReader(const std::string& path, bool skip_bad);  // throws std::runtime_error on a bad header
  bool Read(Request* out) override;
  std::string Name() const override { return "lcs"; }

 private:
  struct Field {
    char type = 0;  // 0: absent
    size_t offset = 0;
  };
  enum { kId, kSize, kTime, kNext, kTtl, kFields };
  std::array<Field, kFields> fields_{};
  size_t record_size_ = 0;
};

}  // namespace cachelab
