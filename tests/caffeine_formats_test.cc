// Caffeine's simple text formats (workloads/caffeine_text_readers.h): the LIRS
// authors' traces, the ARC authors' and UCSD's address traces, read as
// Caffeine's simulator reads them. Expectations: requests, distinct keys and
// LRU misses from scripts/lru_caffeine_formats.py (Python 3.11, its own parser
// and an OrderedDict LRU; see tests/data/README.md), and a hand-worked ARC file.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/read_trace.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"
#include "workloads/trace_format_names.h"

using cachelab::testing::Data;
using cachelab::testing::ReadAll;
using cachelab::testing::RunCli;
using cachelab::testing::TempDir;

TEST_CASE("lirs and address traces: requests, distinct keys and LRU misses as the Python model's") {
  struct Case {
    const char* file;
    const char* format;
    uint64_t size, requests, misses, distinct;
  };
  // python3 scripts/lru_caffeine_formats.py FILE FORMAT SIZE
  const Case cases[] = {
      {"lirs_cs.trace.gz", "lirs", 100, 6781, 6657, 1409},        // two "*" lines skipped
      {"lirs_cs.trace.gz", "LIRS", 1409, 6781, 1409, 1409},       // the name in any case
      {"lirs_loop.trace.gz", "lirs", 1000, 505500, 505500, 1011},  // CRLF lines; a loop one block too long
      {"lirs_loop.trace.gz", "lirs", 1011, 505500, 1011, 1011},
      {"address_swim_head20000.trace.gz", "address", 100, 20000, 4374, 3305},
      {"address_swim_head20000.trace.gz", "address", 1000, 20000, 3309, 3305},
  };
  for (const Case& c : cases) {
    INFO(c.file << " " << c.format << " " << c.size);
    auto r = RunCli(std::string("replay --trace ") + Data(c.file) + " --format " + c.format + " --policy lru --size " +
                    std::to_string(c.size) + " --no-store --json");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto j = nlohmann::json::parse(r.out)[0];
    CHECK(j["requests"] == c.requests);
    CHECK(j["misses"] == c.misses);
    auto s = RunCli(std::string("trace stats ") + Data(c.file) + " --format " + c.format + " --no-store --json");
    REQUIRE(s.exit_code == 0);
    auto st = nlohmann::json::parse(s.out);
    CHECK(st["format"] == cachelab::CanonicalTraceFormat(c.format));
    CHECK(st["unique_objects"] == c.distinct);
  }
}

TEST_CASE("arc: each line's run of blocks, hand-worked; the format is guessed from .lis") {
  TempDir dir("caffeine-arc");
  // start count (rest ignored): 100..103, a blank line, 7, +102..104, none for
  // count 0 and -2, -3..-2 (as 64-bit two's complement), 100..101.
  const std::string lis =
      dir.Write("sample.lis", "100 4 0 1\n\n7 1 0 2\n+102 3 9 3\n5 0 0 4\n9 -2 0 5\n-3 2 0 6\n100 2 0 7\n");
  const std::vector<uint64_t> want = {100, 101, 102, 103, 7, 102, 103, 104, uint64_t(-3), uint64_t(-2), 100, 101};
  auto got = ReadAll(lis);
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    CHECK(got[i].key == want[i]);
    CHECK(got[i].size == 1);
  }
  // LRU by hand: 2 blocks hold nothing twice in a row here (12 misses); 3 keep 102, 103 (10).
  for (auto [size, misses] : {std::pair{2, 12}, std::pair{3, 10}}) {
    auto r = RunCli("replay --trace " + lis + " --policy lru --size " + std::to_string(size) + " --no-store --json");
    REQUIRE(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)[0]["misses"] == misses);
  }
}

TEST_CASE("lirs, arc, address: a malformed line is an error naming the file and line; --skip-bad counts it") {
  TempDir dir("caffeine-bad");
  struct Bad {
    const char* format;
    const char* text;
    const char* message;  // after "FILE: line 2: "
  };
  const Bad cases[] = {
      {"lirs", "1\nx7\n3\n", "expected a block number, got 'x7'"},
      {"lirs", "1\n4 5\n3\n", "expected a block number, got '4 5'"},
      {"arc", "1 2 0 0\n8\n3 1 0 0\n", "expected 'start count ...' (block numbers), got '8'"},
      {"arc", "1 2 0 0\n8 99999999999 0 0\n3 1 0 0\n", "expected 'start count ...' (block numbers), got '8 99999999999 0 0'"},
      {"address", "l 0x10 1\nl 10\ns 0x20 1\n", "expected 'op 0xADDRESS ...', got 'l 10'"},
      {"address", "l 0x10 1\nl 0xzz 1\ns 0x20 1\n", "expected 'op 0xADDRESS ...', got 'l 0xzz 1'"},
  };
  for (const Bad& b : cases) {
    INFO(b.format << ": " << b.text);
    const std::string f = dir.Write("t.trace", b.text);
    auto r = RunCli(std::string("replay --trace ") + f + " --format " + b.format + " --policy lru --size 10 --no-store");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(f + ": line 2: " + b.message) != std::string::npos);
    std::string error;
    uint64_t skipped = 0;
    auto got = ReadAll(f, {b.format, "", true}, &error, &skipped);
    CHECK(error.empty());
    CHECK(skipped == 1);
    CHECK(got.size() == (std::string(b.format) == "arc" ? 3u : 2u));
  }
}
