// Parameters of the invalidation schemes (--invalidation; --ttl is a core
// parameter) and the synchronised warm-up workload option.
#include "lab/invalidation_setup.h"
#include "lab/params.h"

namespace cachelab {

std::vector<ParamDef> InvalidationParamDefs() {
  return {
      {"jitter", "0.1", "jitter: TTL uniform in ttl * [1 - j, 1 + j]", "invalidation"},
      {"tiers", "1s,10s,60s", "tiered: TTL per key class (key k is in class k % count)", "invalidation"},
      {"access-ttl-factor", "4", "access-age: keys accessed within one TTL get ttl * f, cold ones ttl / f",
       "invalidation"},
      {"tags", "1000", "tags: number of tags (key k carries tag k % tags; a write invalidates its tag)",
       "invalidation"},
      {"tag-set-expire", "off", "tags: PEXPIRE each tag set on SADD so stale members go with it", "invalidation"},
      {"pattern-fraction", "0.01", "pattern: fraction of writes that invalidate their key family by SCAN MATCH",
       "invalidation"},
      {"scan-count", "1000", "pattern: SCAN COUNT hint", "invalidation"},
      {"pubsub-delay", "1ms", "pubsub: extra delivery delay per subscriber (distribution)", "invalidation"},
      {"pubsub-loss", "0", "pubsub: probability that a subscriber loses a message", "invalidation"},
      {"pubsub-disconnect-every", "0", "pubsub: mean time between subscriber disconnects (0 = never)",
       "invalidation"},
      {"pubsub-disconnect-for", "1s", "pubsub: how long a disconnected subscriber stays away", "invalidation"},
      {"pubsub-patterns", "off",
       "pubsub: subscribers PSUBSCRIBE cachelab:invalidate:*; writes publish on per-key channels and "
       "--pattern-fraction of them a key-family event",
       "invalidation"},
      {"near-cache", "off", "in-process near cache on each application server in front of Redis", "invalidation"},
      {"near-ttl", "1s", "near cache entry lifetime", "invalidation"},
      {"warmup-keys", "0", "load this many keys into the cache at t=0 (a warm-up after a deploy)", "workload"},
  };
}

}  // namespace cachelab
