// INFO fields of a live Redis (used_memory, evicted_keys, maxmemory, ...).
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "live/redis_conn.h"

namespace cachelab::live {

// "INFO <section>" as name -> value; empty when the server does not answer.
std::map<std::string, std::string> ServerInfo(RedisConn& conn, const std::string& section = "everything");
// One numeric field (e.g. "used_memory" from section "memory"); -1 if absent.
int64_t InfoNumber(RedisConn& conn, const std::string& section, const std::string& field);

}  // namespace cachelab::live
