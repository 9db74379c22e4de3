// A hand-written csv trace with reads, writes, deletes and TTLs, whose counts
// under each strategy are worked out by hand in trace_run_test.cc.
#pragma once

namespace cachelab::testing {

// Requests one second apart (latencies are milliseconds, so no two overlap).
// Per key, the TTL column is the base TTL of its next fill under --ttl trace.
inline const char* kHandTrace =
    "time,key,size,op,ttl\n"
    "0,A,100,get,5\n"      // miss: fill A, TTL 5 s
    "1,A,100,get,5\n"      // hit
    "2,A,100,set,5\n"      // write A
    "3,A,100,get,5\n"      // cache-aside: miss (deleted), fill until ~8 s; write-through/behind: hit
    "4,B,200,get,0\n"      // miss: fill B without expiry
    "5,B,200,get,0\n"      // hit
    "10,A,100,get,5\n"     // A expired (filled by 3 s, or written at 2 s, with 5 s): miss, 1 expiration
    "11,B,200,delete,0\n"  // delete B: a write
    "12,B,200,get,0\n"     // cache-aside: miss; write-through/behind: hit (they cached the delete)
    "13,C,300,get,0\n";    // miss

}  // namespace cachelab::testing
