// RESP replies as the live client reads them: bytes from a (possibly hostile
// or broken) server go through hiredis's reader and the lab's conversion.
// Either replies come out, or the reader reports a protocol error.
#include <hiredis/hiredis.h>
#include <hiredis/read.h>

#include <cstdint>

#include "fuzz_util.h"
#include "live/reply_convert.h"

namespace {

// hiredis 0.14 (Debian 12) allocates an aggregate's element array as soon as
// its header ("*N", "%N", "~N") arrives, so a server can make any client
// allocate 8 x N bytes. That is the library's behaviour toward the server the
// user chose, documented in docs/RELIABILITY.md; inputs declaring more
// than 2^20 elements are skipped so the target keeps finding other defects.
bool DeclaresHugeAggregate(const uint8_t* data, size_t size) {
  for (size_t i = 0; i < size; ++i) {
    if (data[i] != '*' && data[i] != '%' && data[i] != '~' && data[i] != '>' && data[i] != '|') continue;
    uint64_t n = 0;
    size_t j = i + 1;
    for (; j < size && data[j] >= '0' && data[j] <= '9' && n < (1u << 21); ++j) n = n * 10 + (data[j] - '0');
    if (n > (1u << 20)) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (DeclaresHugeAggregate(data, size)) return 0;
  redisReader* r = redisReaderCreate();
  FUZZ_CHECK(r);
  // Feed in two pieces: replies split across reads are the normal case.
  size_t half = size / 2;
  redisReaderFeed(r, reinterpret_cast<const char*>(data), half);
  redisReaderFeed(r, reinterpret_cast<const char*>(data) + half, size - half);
  for (int i = 0; i < 1000; ++i) {
    void* reply = nullptr;
    if (redisReaderGetReply(r, &reply) != REDIS_OK || !reply) break;
    cachelab::RedisReply converted = cachelab::live::ConvertReply(static_cast<redisReply*>(reply));
    (void)converted;
    freeReplyObject(reply);
  }
  redisReaderFree(r);
  return 0;
}
