// Reads a whole trace through OpenTrace for tests: every request, or the
// reader's error (and count of skipped records) when the caller asks for it.
#pragma once
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "workloads/trace_format.h"

namespace cachelab::testing {

inline std::string Data(const std::string& name) { return std::string(CACHELAB_TEST_DATA) + "/" + name; }

inline std::vector<Request> ReadAll(const std::string& path, TraceOpenOptions o = {}, std::string* error = nullptr,
                                    uint64_t* bad = nullptr) {
  std::string e;
  auto r = OpenTrace(path, o, &e);
  INFO(e);
  REQUIRE(r);
  std::vector<Request> out;
  Request q;
  while (r->Next(&q)) out.push_back(q);
  if (error) {
    *error = r->error();
  } else {
    INFO(r->error());
    REQUIRE(r->ok());
  }
  if (bad) *bad = r->bad_records();
  return out;
}

}  // namespace cachelab::testing
