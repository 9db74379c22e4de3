// Meta's kvcache trace CSV (CacheLib cachebench KVReplayGenerator; the public
// 2024 memcache release): a header naming the columns, in any order, from
//   op_time,key,key_size,op,op_count,size,cache_hits,ttl,usecase,sub_usecase
// key and op are required. Each row stands for op_count operations on the key
// in that second, so it yields op_count identical requests (as cachebench
// replays it). Object size = key_size + value size; ttl in seconds (0: none);
// client = usecase. GET/GET_LEASE/gets -> get; SET/SET_LEASE/add/replace/cas/
// append/prepend/incr/decr -> set; DELETE -> delete; anything else is an error.
#pragma once
#include "workloads/header_csv_reader.h"

namespace cachelab {

class KvcacheReader : public HeaderCsvReader {
 public:
  using HeaderCsvReader::HeaderCsvReader;
  bool Read(Request* out) override;
  std::string Name() const override { return "kvcache"; }
  // A larger op_count is taken for a corrupt row rather than expanded.
  static constexpr uint32_t kMaxOpCount = 10000000;

 private:
  int MapHeader(const HeaderColumns& header, std::string* why) override;
  int ParseRow(Request* out, std::string* why) override;

  int time_ = 0, key_ = 0, key_size_ = 0, op_ = 0, op_count_ = 0, size_ = 0, ttl_ = 0, usecase_ = 0;
  uint32_t count_ = 1;  // op_count of the row just parsed
  Request repeat_;
  uint32_t repeat_left_ = 0;
};

}  // namespace cachelab
