// Twitter cache-trace format (github.com/twitter/cache-trace): headerless CSV
// "timestamp,key,key size,value size,client id,operation,TTL". The object size
// is key size + value size, as in libCacheSim's twitter reader.
#pragma once
#include "workloads/file_trace_reader.h"

namespace cachelab {

class TwitterReader : public FileTraceReader {
 public:
  using FileTraceReader::FileTraceReader;
  bool Read(Request* out) override;
  std::string Name() const override { return "twitter"; }

 private:
  bool Parse(std::string_view line, Request* out, std::string* why);
};

}  // namespace cachelab
