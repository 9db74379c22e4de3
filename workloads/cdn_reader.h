// Meta's CDN request trace CSV (CacheLib cachebench PieceWiseReplayGenerator):
//   timestamp,cacheKey,OpType,objectSize,responseSize,responseHeaderSize,
//   rangeStart,rangeEnd,TTL,SamplingRate
// (columns found by header name). Object size = objectSize (the whole object,
// what a cache stores), time in seconds, TTL in seconds (-1 or 0: none).
// OpType 1 is a get (the only value in the public samples). Range fields are
// not modelled. Rows cachebench rejects (empty or "-" key, objectSize <= 0,
// responseSize <= 0) are skipped and counted, as cachebench does.
#pragma once
#include "workloads/header_csv_reader.h"

namespace cachelab {

class CdnReader : public HeaderCsvReader {
 public:
  using HeaderCsvReader::HeaderCsvReader;
  std::string Name() const override { return "cdn"; }
  uint64_t invalid_rows() const { return invalid_; }  // skipped by cachebench's rule

 private:
  int MapHeader(const HeaderColumns& header, std::string* why) override;
  int ParseRow(Request* out, std::string* why) override;

  int time_ = 0, key_ = 0, op_ = 0, size_ = 0, response_ = 0, ttl_ = 0;
  uint64_t invalid_ = 0;
};

}  // namespace cachelab
