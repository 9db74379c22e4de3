// hiredis replies -> the lab's RedisReply. A string that ends in a run of the
// padding byte Blob::Materialize uses ('.') comes back as {data, pad}, so a
// value the lab stored as "v<version>" + padding reads back as that Blob and
// VersionOf() works; any other string has pad 0.
#pragma once
#include <string>
#include <string_view>

#include "sim/redis_reply.h"

struct redisReply;

namespace cachelab::live {

RedisReply ConvertReply(const redisReply* r);
Blob BlobFromWire(std::string_view bytes);
// Appends the bytes a Blob stands for (data then pad filler) to *out.
void AppendWire(const Blob& b, std::string* out);

}  // namespace cachelab::live
