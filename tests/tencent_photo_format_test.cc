// Caffeine's snia-tencent-photo format (workloads/tencent_photo_reader.h) on
// the shared 10,000-row QQPhoto sample. Expectations from
// ../shared/traces/README.md ("cloud_photos-sample.bz2", counted there without
// cachelab) and rows read by hand with bzcat; key = (photo id, format, tier),
// as Caffeine's TencentPhotoTraceReader hashes them (since caffeine c9cf400).
#include <catch2/catch.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "support/read_trace.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"
#include "workloads/trace_format.h"
#include "workloads/trace_format_names.h"

using cachelab::kSecond;
using cachelab::Op;
using cachelab::Request;
using cachelab::testing::Data;
using cachelab::testing::ReadAll;
using cachelab::testing::RunCli;
using cachelab::testing::TempDir;

namespace {

// Runs the CLI with `args`, which must succeed, and parses its --json output.
nlohmann::json CliJson(const std::string& args) {
  auto r = RunCli(args);
  INFO(args << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

// A well-formed row (bzcat cloud_photos-sample.bz2 | head -1).
const char* kRow = "20160201164604 085abb02a06850729bb01479466420d9e102d325 5 m 12903 1 PHONE 1\n";

}  // namespace

TEST_CASE("snia-tencent-photo: the shared sample's counts, first row and key by (id, format, tier)") {
  const std::string f = Data("cloud_photos-sample.bz2");
  CHECK(cachelab::GuessTraceFormat(f) == "snia-tencent-photo");  // from the name
  const std::vector<Request> got = ReadAll(f);
  REQUIRE(got.size() == 10000);
  std::set<uint64_t> keys;
  size_t zero = 0;
  uint32_t max_size = 0;
  for (const Request& r : got) {
    keys.insert(r.key);
    zero += r.size == 0;
    max_size = std::max(max_size, r.size);
    CHECK(r.op == Op::kGet);
  }
  CHECK(keys.size() == 9694);  // (id, format, tier) triples; photo ids alone would be 9,469
  CHECK(zero == 46);
  CHECK(max_size == 5161439);
  // Row 1: 20160201164604 085abb02... 5 m 12903 1 PHONE 1; 2016-02-01 16:46:04
  // read as UTC is 1454345164 s (date -u -d '2016-02-01 16:46:04' +%s).
  CHECK(got[0].size == 12903);
  CHECK(got[0].at == 1454345164 * kSecond);
  // The last row is at 16:46:15, 11 s later.
  CHECK(got.back().at - got[0].at == 11 * kSecond);
  CHECK(got.back().size == 3364);
  // Rows 1413 (webp, tier c, 11148 B), 1957 (jpg, tier b, 14253 B) and 3626
  // (webp, tier m, 10028 B) are one photo, d07f241d..., in three variants:
  // three keys, each its size.
  CHECK(got[1412].key != got[1956].key);
  CHECK(got[1412].key != got[3625].key);
  CHECK(got[1956].key != got[3625].key);
  CHECK(got[1412].size == 11148);
  CHECK(got[1956].size == 14253);
  CHECK(got[3625].size == 10028);
  // Rows 86 and 105 are one variant (06392557... webp, tier c, 17824 B): one key.
  CHECK(got[85].key == got[104].key);
  CHECK(got[104].size == 17824);
  CHECK(got[0].key != got[85].key);
}

TEST_CASE("snia-tencent-photo: names, and the sample through trace stats, replay and run") {
  CHECK(cachelab::CanonicalTraceFormat("SNIA_TENCENT_PHOTO") == "snia-tencent-photo");  // Caffeine's enum name
  CHECK(cachelab::CanonicalTraceFormat("tencent-photo") == "snia-tencent-photo");
  const std::string f = Data("cloud_photos-sample.bz2");

  auto st = CliJson("trace stats " + f + " --no-store --json");
  CHECK(st["format"] == "snia-tencent-photo");
  CHECK(st["requests"] == 10000);
  CHECK(st["unique_objects"] == 9694);

  // replay leaves zero-size requests out (as libCacheSim): 10,000 - 46.
  auto j = CliJson("replay --trace " + f + " --format tencent-photo --policy lru --size 0.1 --no-store --json")[0];
  CHECK(j["requests"] == 9954);
  CHECK(j["skipped_zero_size"] == 46);

  auto ju = CliJson("run --trace " + f + " --ttl 0 --no-store --json");
  CHECK(ju["trace_format"] == "snia-tencent-photo");
  CHECK(ju["trace_requests"] == 10000);
  CHECK(ju["trace_objects"] == 9694);
}

TEST_CASE("snia-tencent-photo: a key per (id, format, tier); other image formats and blank lines skipped") {
  TempDir dir("tencent-skip");
  // kRow is 085abb02... webp (5), tier m, 12903 B at 16:46:04.
  const std::string f =
      dir.Write("t.trace", std::string(kRow) + "\n" +
                               "20160201164605 ef1d4b96dfcf4f19c37dff1068565975e10866cc 3 b 30754 1 PHONE 0\n" +
                               "20160201164606 085abb02a06850729bb01479466420d9e102d325 5 m 700 0 PC 5\n" +
                               "20160201164607 085abb02a06850729bb01479466420d9e102d325 0 m 12903 1 PC 1\n" +
                               "20160201164608 085abb02a06850729bb01479466420d9e102d325 5 b 12903 1 PC 1\n");
  const std::vector<Request> got = ReadAll(f, {"snia-tencent-photo", "", false});
  REQUIRE(got.size() == 4);         // the format-3 row and the blank line left out
  CHECK(got[0].key == got[1].key);  // same variant, other returned bytes: one object
  CHECK(got[1].size == 700);
  CHECK(got[1].at - got[0].at == 2 * kSecond);
  CHECK(got[2].key != got[0].key);  // jpg instead of webp
  CHECK(got[3].key != got[0].key);  // tier b instead of m
  CHECK(got[3].key != got[2].key);
}

TEST_CASE("snia-tencent-photo: a malformed line is an error naming the file and line; --skip-bad counts it") {
  TempDir dir("tencent-bad");
  struct Bad {
    const char* line;
    const char* message;  // after "FILE: line 2: "
  };
  const Bad cases[] = {
      {"20160201164604 085abb02a06850729bb01479466420d9e102d325 5 m 12903",
       "expected 8 space-separated fields (timestamp id format tier bytes hit terminal ms), got 5"},
      {"20161301164604 085abb02a06850729bb01479466420d9e102d325 5 m 12903 1 PHONE 1",
       "bad timestamp '20161301164604' (expected YYYYMMDDHHMMSS)"},  // month 13
      {"2016020116460 085abb02a06850729bb01479466420d9e102d325 5 m 12903 1 PHONE 1",
       "bad timestamp '2016020116460' (expected YYYYMMDDHHMMSS)"},  // 13 digits
      {"20160201164604 085abb02a06850729bb01479466420d9e102d325 5 m 12x03 1 PHONE 1", "bad size '12x03'"},
      {"20160201164604 085abb02a06850729bb01479466420d9e102d325 5 m -1 1 PHONE 1", "bad size '-1'"},
      {"20160201164604 085ABB02 5 m 12903 1 PHONE 1", "bad photo id '085ABB02' (expected lower-case hex)"},
  };
  for (const Bad& b : cases) {
    INFO(b.line);
    const std::string f = dir.Write("t.trace", std::string(kRow) + b.line + "\n" + kRow);
    auto r = RunCli("replay --trace " + f + " --format snia-tencent-photo --policy lru --size 10 --no-store");
    CHECK(r.exit_code == 2);
    INFO(r.err);
    CHECK(r.err.find(f + ": line 2: " + b.message) != std::string::npos);
    std::string error;
    uint64_t skipped = 0;
    auto got = ReadAll(f, {"snia-tencent-photo", "", true}, &error, &skipped);
    CHECK(error.empty());
    CHECK(skipped == 1);
    CHECK(got.size() == 2);
  }
}
