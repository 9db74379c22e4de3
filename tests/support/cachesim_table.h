// Rows of the cachesim count tables in tests/data (libcachesim_expectations.tsv,
// libcachesim_randomized.tsv) and the test-data traces they name, loaded once.
#pragma once
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "eviction/replay.h"
#include "workloads/trace_format.h"
#include "workloads/trace_loader.h"

namespace cachelab::testing {

struct CachesimRow {
  std::string trace, mode, policy;
  uint64_t cache_size, requests, misses, miss_bytes, requested_bytes;
};

inline std::vector<CachesimRow> ReadCachesimTable(const std::string& file) {
  std::ifstream in(std::string(CACHELAB_TEST_DATA) + "/" + file);
  REQUIRE(in);
  std::vector<CachesimRow> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream s(line);
    CachesimRow e;
    s >> e.trace >> e.mode >> e.policy >> e.cache_size >> e.requests >> e.misses >> e.miss_bytes >> e.requested_bytes;
    REQUIRE(s);
    rows.push_back(e);
  }
  return rows;
}

// A test-data trace, decoded once per process (".trace" names are cache2k's format).
inline const eviction::ReplayTrace& LoadTestTrace(const std::string& name) {
  static std::map<std::string, eviction::ReplayTrace> loaded;
  auto it = loaded.find(name);
  if (it != loaded.end()) return it->second;
  std::string error;
  TraceOpenOptions options;
  if (name.find(".trace") != std::string::npos) options.format = name.rfind("lirs_", 0) == 0 ? "lirs" : "cache2k";
  auto reader = OpenTrace(std::string(CACHELAB_TEST_DATA) + "/" + name, options, &error);
  INFO(name << ": " << error);
  REQUIRE(reader);
  eviction::ReplayTrace t;
  REQUIRE(LoadReplayTrace(*reader, false, &t, &error));
  return loaded.emplace(name, std::move(t)).first->second;
}

}  // namespace cachelab::testing
