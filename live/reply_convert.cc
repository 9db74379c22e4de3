#include "live/reply_convert.h"

#include <hiredis.h>

namespace cachelab::live {

Blob BlobFromWire(std::string_view bytes) {
  size_t end = bytes.size();
  while (end > 0 && bytes[end - 1] == '.') --end;
  return Blob{std::string(bytes.substr(0, end)), static_cast<uint32_t>(bytes.size() - end)};
}

void AppendWire(const Blob& b, std::string* out) {
  out->append(b.data);
  out->append(b.pad, '.');
}

RedisReply ConvertReply(const redisReply* r) {
  if (!r) return RedisReply::Nil();
  switch (r->type) {
    case REDIS_REPLY_STRING: return RedisReply::String(BlobFromWire(std::string_view(r->str, r->len)));
    case REDIS_REPLY_STATUS: return RedisReply::Status(std::string(r->str, r->len));
    case REDIS_REPLY_ERROR: return RedisReply::Error(std::string(r->str, r->len));
    case REDIS_REPLY_INTEGER: return RedisReply::Integer(r->integer);
    case REDIS_REPLY_ARRAY: {
      std::vector<RedisReply> elements;
      elements.reserve(r->elements);
      for (size_t i = 0; i < r->elements; ++i) elements.push_back(ConvertReply(r->element[i]));
      return RedisReply::Array(std::move(elements));
    }
    default: return RedisReply::Nil();
  }
}

}  // namespace cachelab::live
