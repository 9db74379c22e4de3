#include "workloads/kvcache_reader.h"

#include <algorithm>

#include "sim/printable.h"
#include "workloads/op_names.h"
#include "workloads/text_fields.h"

namespace cachelab {

int KvcacheReader::MapHeader(const HeaderColumns& h, std::string* why) {
  time_ = h.Find({"op_time"});
  key_ = h.Find({"key"});
  key_size_ = h.Find({"key_size"});
  op_ = h.Find({"op"});
  op_count_ = h.Find({"op_count"});
  size_ = h.Find({"size"});
  ttl_ = h.Find({"ttl"});
  usecase_ = h.Find({"usecase"});
  if (!key_ || !op_) {
    *why = "not a kvcache header (needs columns key and op; e.g. "
           "op_time,key,key_size,op,op_count,size,cache_hits,ttl,usecase,sub_usecase)";
    return 0;
  }
  return std::max({time_, key_, key_size_, op_, op_count_, size_, ttl_, usecase_});
}

bool KvcacheReader::Read(Request* out) {
  if (repeat_left_ > 0) {
    --repeat_left_;
    *out = repeat_;
    return true;
  }
  if (!HeaderCsvReader::Read(out)) return false;
  repeat_ = *out;
  repeat_left_ = count_ - 1;
  return true;
}

int KvcacheReader::ParseRow(Request* out, std::string* why) {
  *out = Request{};
  std::string_view key = Col(key_);
  if (key.empty()) return *why = "empty key", -1;
  out->key = KeyToId(key);
  if (!ParseOpName(Col(op_), &out->op)) return *why = "unknown operation '" + Printable(Col(op_)) + "'", -1;
  if (time_) {
    int64_t t;
    if (!ParseInt(Col(time_), &t) || t < 0 || t > kMaxTraceSeconds)  // beyond: int64 ns overflow
      return *why = "bad op_time '" + Printable(Col(time_)) + "'", -1;
    out->at = t * kSecond;
  }
  uint64_t bytes = 0, part;
  if (key_size_) {
    if (!ParseInt(Col(key_size_), &part)) return *why = "bad key_size '" + Printable(Col(key_size_)) + "'", -1;
    bytes += part;
  }
  if (size_) {
    if (!ParseInt(Col(size_), &part)) return *why = "bad size '" + Printable(Col(size_)) + "'", -1;
    bytes += part;
  }
  if (bytes > UINT32_MAX) return *why = "key_size + size exceeds 4 GiB", -1;
  out->size = static_cast<uint32_t>(bytes);
  count_ = 1;
  if (op_count_ && (!ParseInt(Col(op_count_), &count_) || count_ == 0 || count_ > kMaxOpCount))
    return *why = "bad op_count '" + Printable(Col(op_count_)) + "' (1 to " + std::to_string(kMaxOpCount) +
                  ": a row is one key's operations in one second)",
           -1;
  if (ttl_) {
    int64_t ttl;
    if (!ParseInt(Col(ttl_), &ttl) || ttl < 0 || ttl > kMaxTraceSeconds) return *why = "bad ttl '" + Printable(Col(ttl_)) + "'", -1;
    out->ttl = ttl * kSecond;
  }
  if (usecase_ && !ParseInt(Col(usecase_), &out->client))
    return *why = "bad usecase '" + Printable(Col(usecase_)) + "'", -1;
  return 1;
}

}  // namespace cachelab
