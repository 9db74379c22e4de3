// RESP replies as the live client reads them: bytes from a (possibly hostile
// or broken) server go through hiredis's reader and the lab's conversion.
// Either replies come out, or the reader reports a protocol error.
#include <hiredis/hiredis.h>
#include <hiredis/read.h>

#include <cstdint>

#include "fuzz_util.h"
#include "live/reply_convert.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
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
