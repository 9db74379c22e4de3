// The Meta kvcache and CDN trace readers on the real samples in tests/data.
// Expected counts were computed independently of this code, with Python's csv
// module and awk over the same files (commands in tests/data/README.md), and
// agree with the counts in ../shared/traces/README.md where it gives them.
#include <unistd.h>

#include <catch2/catch.hpp>

#include "tests/support/read_trace.h"
#include <fstream>
#include <map>
#include <set>

#include "workloads/cdn_reader.h"
#include "workloads/trace_format.h"

using namespace cachelab;
using cachelab::testing::Data;

namespace {


struct Counts {
  uint64_t requests = 0, gets = 0, sets = 0, deletes = 0, bytes = 0, with_ttl = 0;
  int64_t ttl_seconds = 0;
  std::set<uint64_t> keys, clients;
  SimTime first = -1, last = 0;
  std::string error;
  std::string format;
};

Counts Count(const std::string& path, const std::string& format = "") {
  Counts c;
  std::string e;
  TraceOpenOptions o;
  o.format = format;
  auto r = OpenTrace(path, o, &e);
  REQUIRE(r);
  c.format = r->Name();
  Request q;
  while (r->Next(&q)) {
    ++c.requests;
    c.gets += q.op == Op::kGet;
    c.sets += q.op == Op::kSet;
    c.deletes += q.op == Op::kDelete;
    c.bytes += q.size;
    c.with_ttl += q.ttl > 0;
    c.ttl_seconds += q.ttl / kSecond;
    c.keys.insert(q.key);
    c.clients.insert(q.client);
    if (c.first < 0) c.first = q.at;
    c.last = q.at;
  }
  c.error = r->error();
  return c;
}

std::string WriteTemp(const std::string& name, const std::string& text) {
  std::string path = "/tmp/cachelab_meta_trace_test_" + std::to_string(::getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace

TEST_CASE("format detection reads the header of a .csv") {
  CHECK(DetectTraceFormat(Data("kv_traces_1.csv")) == "kvcache");
  CHECK(DetectTraceFormat(Data("kv_traces_2.csv")) == "kvcache");
  CHECK(DetectTraceFormat(Data("bigcache.csv")) == "cdn");
  CHECK(DetectTraceFormat(Data("short_bigcache_head1000.csv.zst")) == "cdn");
  CHECK(DetectTraceFormat(Data("twitter_sample.csv")) == "twitter");  // by name
  CHECK(DetectTraceFormat(Data("cloudPhysicsIO.csv.zst")) == "csv");
  CHECK(GuessTraceFormat("kv.csv") == "csv");  // the name alone says csv
}

TEST_CASE("kvcache: kv_traces_1 expands op_count into 691 requests") {
  Counts c = Count(Data("kv_traces_1.csv"));
  INFO(c.error);
  REQUIRE(c.error.empty());
  CHECK(c.format == "kvcache");
  CHECK(c.requests == 691);  // sum of op_count (README: 691)
  CHECK(c.gets == 678);      // GET + GET_LEASE, weighted
  CHECK(c.sets == 10);
  CHECK(c.deletes == 3);
  CHECK(c.keys.size() == 52);
  CHECK(c.bytes == 349234);  // sum over rows of op_count * (key_size + size)
  CHECK(c.with_ttl == 10);   // the SET/SET_LEASE rows, weighted
  CHECK(c.ttl_seconds == 98520);
  CHECK(c.clients.size() == 11);  // usecases
  CHECK(c.first == 604038471 * kSecond);
  CHECK(c.last == 604038479 * kSecond);
}

TEST_CASE("kvcache: kv_traces_2 has its columns in another order (ttl last)") {
  Counts c = Count(Data("kv_traces_2.csv"));
  INFO(c.error);
  REQUIRE(c.error.empty());
  CHECK(c.requests == 433);
  CHECK(c.gets == 418);
  CHECK(c.sets == 14);
  CHECK(c.deletes == 1);
  CHECK(c.keys.size() == 62);
  CHECK(c.bytes == 207517);
  CHECK(c.with_ttl == 14);
  CHECK(c.ttl_seconds == 145680);
  CHECK(c.clients.size() == 17);
}

TEST_CASE("kvcache: a hand-written trace, request by request") {
  std::string path = WriteTemp("hand.csv",
                               "op_time,key,key_size,op,op_count,size,ttl,usecase\n"
                               "10,k1,5,GET,2,100,0,7\n"
                               "11,k1,5,set,1,200,30,7\n"
                               "12,k2,3,DELETE,1,0,0,9\n");
  std::string e;
  TraceOpenOptions o;
  o.format = "kvcache";
  auto r = OpenTrace(path, o, &e);
  REQUIRE(r);
  std::vector<Request> q(5);
  int n = 0;
  while (n < 5 && r->Next(&q[n])) ++n;
  REQUIRE(r->ok());
  REQUIRE(n == 4);
  CHECK(q[0].key == q[1].key);
  CHECK(q[0].op == Op::kGet);
  CHECK(q[1].at == 10 * kSecond);
  CHECK(q[1].size == 105);
  CHECK(q[1].client == 7);
  CHECK(q[2].op == Op::kSet);
  CHECK(q[2].size == 205);
  CHECK(q[2].ttl == 30 * kSecond);
  CHECK(q[3].op == Op::kDelete);
  CHECK(q[3].size == 3);
  CHECK(q[3].key != q[0].key);
}

TEST_CASE("kvcache: bad input names the file, line and field") {
  auto error_of = [](const std::string& text) {
    std::string path = WriteTemp("bad.csv", text);
    Counts c = Count(path, "kvcache");
    CHECK(c.error.find(path) != std::string::npos);
    return c.error;
  };
  std::string h = "op_time,key,key_size,op,op_count,size,ttl\n";
  std::string e = error_of(h + "1,a,3,GET,1,5,0\n1,a,3,FETCH,1,5,0\n");
  CHECK(e.find("line 3") != std::string::npos);
  CHECK(e.find("unknown operation 'FETCH'") != std::string::npos);
  e = error_of(h + "1,a,3,GET,0,5,0\n");
  CHECK(e.find("line 2") != std::string::npos);
  CHECK(e.find("op_count") != std::string::npos);
  e = error_of(h + "1,a,3,GET,4294967295,5,0\n");  // a corrupt count is not expanded
  CHECK(e.find("bad op_count '4294967295'") != std::string::npos);
  e = error_of(h + "1,a,3,SET,1,5,-4\n");
  CHECK(e.find("bad ttl '-4'") != std::string::npos);
  e = error_of(h + "9223372037,a,3,SET,1,5,0\n");  // past 2^63 ns: was a signed overflow (UBSan)
  CHECK(e.find("bad op_time '9223372037'") != std::string::npos);
  e = error_of(h + "1,a,3,SET,1,5,9223372037\n");
  CHECK(e.find("bad ttl '9223372037'") != std::string::npos);
  // A control byte in a bad field comes back escaped, as every reader quotes input (sim/printable.h).
  e = error_of(h + "1,a,3,GE\x1bT,1,5,0\n");
  CHECK(e.find("unknown operation 'GE\\x1bT'") != std::string::npos);
  CHECK(e.find('\x1b') == std::string::npos);
  e = error_of(h + "1,a,3,SET\n");
  CHECK(e.find("fields") != std::string::npos);
  e = error_of("time,id,size\n1,2,3\n");
  CHECK(e.find("line 1") != std::string::npos);
  CHECK(e.find("kvcache header") != std::string::npos);
}

TEST_CASE("cdn: bigcache.csv, 199 reads with sizes and TTLs") {
  Counts c = Count(Data("bigcache.csv"));
  INFO(c.error);
  REQUIRE(c.error.empty());
  CHECK(c.format == "cdn");
  CHECK(c.requests == 199);
  CHECK(c.gets == 199);
  CHECK(c.keys.size() == 99);
  CHECK(c.bytes == 2053810504ULL);  // sum of objectSize
  CHECK(c.with_ttl == 199);
  CHECK(c.first == 1582703986 * kSecond);
  CHECK(c.last == 1582703991 * kSecond);
}

TEST_CASE("cdn: rows cachebench rejects are skipped and counted (first 999 rows of short_bigcache)") {
  std::string e;
  auto r = OpenTrace(Data("short_bigcache_head1000.csv.zst"), {}, &e);
  REQUIRE(r);
  uint64_t n = 0, bytes = 0;
  std::set<uint64_t> keys;
  Request q;
  while (r->Next(&q)) ++n, bytes += q.size, keys.insert(q.key);
  REQUIRE(r->ok());
  CHECK(n == 998);  // line 707 has objectSize -1
  CHECK(dynamic_cast<CdnReader&>(*r).invalid_rows() == 1);
  CHECK(bytes == 24325841377ULL);
  CHECK(keys.size() == 435);
}

TEST_CASE("cdn: an unknown OpType or a bad size is an error with file and line") {
  std::string h = "timestamp,cacheKey,OpType,objectSize,responseSize,TTL\n";
  std::string path = WriteTemp("bad_cdn.csv", h + "1,a,1,10,10,5\n2,b,9,10,10,5\n");
  Counts c = Count(path, "cdn");
  CHECK(c.requests == 1);
  CHECK(c.error.find(path + ": line 3: unknown OpType '9'") != std::string::npos);
  path = WriteTemp("bad_cdn2.csv", h + "1,a,1,ten,10,5\n");
  c = Count(path, "cdn");
  CHECK(c.error.find("line 2: bad objectSize 'ten'") != std::string::npos);
  // Seconds past 2^63 ns (292 years) are malformed, not an int64 overflow: the
  // mutation test below made 1582703986 into 17582703988 and UBSan (g++ 12,
  // -fsanitize=undefined) reported the multiplication by 10^9.
  path = WriteTemp("bad_cdn3.csv", h + "1,a,1,10,10,5\n17582703988,b,1,10,10,5\n");
  c = Count(path, "cdn");
  CHECK(c.requests == 1);
  CHECK(c.error.find(path + ": line 3: bad timestamp '17582703988'") != std::string::npos);
  c = Count(WriteTemp("bad_cdn4.csv", h + "1,a,1,10,10,9223372037\n"), "cdn");
  CHECK(c.error.find("line 2: bad TTL '9223372037'") != std::string::npos);
  c = Count(WriteTemp("bad_cdn5.csv", h + "1,a,1,1\x1b" "0,10,5\n"), "cdn");  // a control byte comes back escaped
  CHECK(c.error.find("line 2: bad objectSize '1\\x1b0'") != std::string::npos);
  CHECK(c.error.find('\x1b') == std::string::npos);
  c = Count(WriteTemp("ok_cdn.csv", h + "9223372036,a,1,10,10,9223372036\n"), "cdn");  // 292 years: the limit
  CHECK(c.error.empty());
  CHECK(c.last == 9223372036 * kSecond);
}

TEST_CASE("kvcache and cdn readers on mutated real samples: a request stream or an error naming file and line") {
  // 300 variants of each sample with random bytes replaced, lines cut short
  // and separators dropped (fixed seed). None may crash, hang or stop
  // without saying where.
  std::ifstream kv_in(Data("kv_traces_1.csv")), cdn_in(Data("bigcache.csv"));
  std::string kv((std::istreambuf_iterator<char>(kv_in)), {}), cdn((std::istreambuf_iterator<char>(cdn_in)), {});
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  const std::string alphabet = ",\n-0123456789abcXYZ \r\"";
  int errors = 0, clean = 0;
  for (int v = 0; v < 600; ++v) {
    std::string text = v % 2 ? kv : cdn;
    const char* format = v % 2 ? "kvcache" : "cdn";
    for (int m = 0, n = 1 + static_cast<int>(next() % 8); m < n; ++m) {
      size_t at = next() % text.size();
      switch (next() % 3) {
        case 0: text[at] = alphabet[next() % alphabet.size()]; break;
        case 1: text.erase(at, 1 + next() % 40); break;
        default: text.insert(at, 1, alphabet[next() % alphabet.size()]);
      }
    }
    std::string path = WriteTemp(std::string("fuzz.") + format + ".csv", text);
    Counts c = Count(path, format);
    if (c.error.empty()) {
      ++clean;
    } else {
      ++errors;
      INFO(c.error);
      CHECK(c.error.rfind(path + ": line ", 0) == 0);
    }
  }
  CHECK(errors > 100);  // the mutations do break lines...
  CHECK(clean > 10);    // ...and some land where they change nothing that is read
}
