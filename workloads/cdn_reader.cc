#include "workloads/cdn_reader.h"

#include <algorithm>

#include "sim/printable.h"
#include "workloads/op_names.h"
#include "workloads/text_fields.h"

namespace cachelab {

int CdnReader::MapHeader(const HeaderColumns& h, std::string* why) {
  time_ = h.Find({"timestamp"});
  key_ = h.Find({"cacheKey"});
  op_ = h.Find({"OpType"});
  size_ = h.Find({"objectSize"});
  response_ = h.Find({"responseSize"});
  ttl_ = h.Find({"TTL"});
  if (!key_ || !size_) {
    *why = "not a CDN trace header (needs cacheKey and objectSize; e.g. timestamp,cacheKey,OpType,"
           "objectSize,responseSize,responseHeaderSize,rangeStart,rangeEnd,TTL,SamplingRate)";
    return 0;
  }
  return std::max({time_, key_, op_, size_, response_, ttl_});
}

int CdnReader::ParseRow(Request* out, std::string* why) {
  *out = Request{};
  int64_t size, response = 1;
  if (!ParseInt(Col(size_), &size)) return *why = "bad objectSize '" + Printable(Col(size_)) + "'", -1;
  if (response_ && !ParseInt(Col(response_), &response))
    return *why = "bad responseSize '" + Printable(Col(response_)) + "'", -1;
  std::string_view key = Col(key_);
  if (key.empty() || key == "-" || size <= 0 || response <= 0) return ++invalid_, 0;
  if (size > UINT32_MAX) return *why = "objectSize " + Printable(Col(size_)) + " exceeds 4 GiB", -1;
  out->size = static_cast<uint32_t>(size);
  out->key = KeyToId(key);
  if (op_ && !ParseOpName(Col(op_), &out->op)) return *why = "unknown OpType '" + Printable(Col(op_)) + "'", -1;
  if (time_) {
    int64_t t;
    if (!ParseInt(Col(time_), &t) || t < 0 || t > kMaxTraceSeconds)  // beyond: int64 ns overflow
      return *why = "bad timestamp '" + Printable(Col(time_)) + "'", -1;
    out->at = t * kSecond;
  }
  if (ttl_) {
    int64_t ttl;
    if (!ParseInt(Col(ttl_), &ttl) || ttl < -1 || ttl > kMaxTraceSeconds) return *why = "bad TTL '" + Printable(Col(ttl_)) + "'", -1;
    out->ttl = ttl > 0 ? ttl * kSecond : 0;
  }
  return 1;
}

}  // namespace cachelab
