// The trace readers on the real samples in tests/data (facts from the traces
// README) and on broken inputs: errors name the file and the record or line.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <set>

#include "workloads/csv_spec.h"
#include "workloads/limited_reader.h"
#include "tests/support/read_trace.h"
#include "tests/support/temp_dir.h"
#include "workloads/trace_format.h"
#include "workloads/trace_loader.h"

using namespace cachelab;
using cachelab::testing::Data;
using cachelab::testing::ReadAll;

namespace {

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  std::string path = "/tmp/cachelab_trace_test_" + std::to_string(::getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

}  // namespace

using cachelab::testing::TempDir;

TEST_CASE("format guessing from the file name") {
  CHECK(GuessTraceFormat("x/cloudPhysicsIO.oracleGeneral.bin") == "oracleGeneral");
  CHECK(GuessTraceFormat("a.oracleGeneral.bin.zst") == "oracleGeneral");
  CHECK(GuessTraceFormat("w.vscsi.zst") == "vscsi");
  CHECK(GuessTraceFormat("ids.txt") == "txt");
  CHECK(GuessTraceFormat("twitter_sample.csv") == "twitter");
  CHECK(GuessTraceFormat("kv.csv") == "csv");
  CHECK(GuessTraceFormat("trace.bin") == "");
  std::string error;
  TempDir dir("format-guess");
  const std::string unnamed = dir / "trace.bin";
  std::ofstream(unnamed) << "1 2\n";
  CHECK_FALSE(OpenTrace(unnamed, {}, &error));
  CHECK(error.find("--format") != std::string::npos);
  CHECK_FALSE(OpenTrace("/nonexistent/a.txt", {}, &error));
  CHECK(error.find("/nonexistent/a.txt") != std::string::npos);
  // A mistyped path whose name tells no format: "cannot open" (found by the
  // audit: it said the name told no format, which sent users to --format).
  CHECK_FALSE(OpenTrace("/nonexistent/trace.bin", {}, &error));
  CHECK(error == "/nonexistent/trace.bin: cannot open: No such file or directory");
}

TEST_CASE("oracleGeneral: 113,872 records, record 6, next access 1-based -> 0-based") {
  auto reqs = ReadAll(Data("cloudPhysicsIO.oracleGeneral.bin"));
  REQUIRE(reqs.size() == 113872);
  CHECK(reqs[6].at == 5633899 * kSecond);
  CHECK(reqs[6].key == 6160447);
  CHECK(reqs[6].size == 4096);
  CHECK(reqs[6].next_access == 18);
  CHECK(reqs[18].key == 6160447);
  uint64_t bytes = 0, never = 0;
  std::set<uint64_t> ids;
  for (const auto& r : reqs) {
    bytes += r.size;
    never += r.next_access == -1;
    ids.insert(r.key);
  }
  CHECK(bytes == 4368040448ULL);
  CHECK(never == 48974);
  CHECK(ids.size() == 48974);
  CHECK(reqs.front().at == 5633898 * kSecond);
  CHECK(reqs.back().at == 5641098 * kSecond);
}

TEST_CASE("zstd input decodes to the same requests as the plain file") {
  auto plain = ReadAll(Data("cloudPhysicsIO.oracleGeneral.bin"));
  auto zst = ReadAll(Data("cloudPhysicsIO.oracleGeneral.bin.zst"));
  REQUIRE(plain.size() == zst.size());
  for (size_t i = 0; i < plain.size(); ++i) {
    REQUIRE(plain[i].key == zst[i].key);
    REQUIRE(plain[i].next_access == zst[i].next_access);
  }
}

TEST_CASE("vscsi v1, csv and txt encode the same trace") {
  auto oracle = ReadAll(Data("cloudPhysicsIO.oracleGeneral.bin"));
  auto vscsi = ReadAll(Data("cloudPhysicsIO.vscsi.zst"));
  auto csv = ReadAll(Data("cloudPhysicsIO.csv.zst"));
  auto txt = ReadAll(Data("cloudPhysicsIO.txt.zst"));
  REQUIRE(vscsi.size() == 113872);
  REQUIRE(csv.size() == 113872);
  REQUIRE(txt.size() == 113872);
  uint64_t vbytes = 0, reads = 0;
  for (size_t i = 0; i < vscsi.size(); ++i) {
    REQUIRE(vscsi[i].key == oracle[i].key);
    REQUIRE(csv[i].key == oracle[i].key);
    REQUIRE(txt[i].key == oracle[i].key);
    REQUIRE(csv[i].size == vscsi[i].size);
    // csv time = vscsi microseconds / 10^6, rounded down.
    REQUIRE(csv[i].at == vscsi[i].at / kSecond * kSecond);
    REQUIRE(csv[i].op == vscsi[i].op);
    REQUIRE(txt[i].size == 1);
    vbytes += vscsi[i].size;
    reads += vscsi[i].op == Op::kGet;
  }
  CHECK(vbytes == 4205978112ULL);
  CHECK(reads == 46974);
}

TEST_CASE("twitter format: 100 requests, key + value size, ops and TTLs") {
  auto reqs = ReadAll(Data("twitter_sample.csv"));
  REQUIRE(reqs.size() == 100);
  std::set<uint64_t> keys;
  int gets = 0, ttl = 0;
  for (const auto& r : reqs) {
    keys.insert(r.key);
    gets += r.op == Op::kGet;
    ttl += r.ttl > 0;
    CHECK(r.size >= 16);
  }
  CHECK(keys.size() == 85);
  CHECK(gets == 93);
  CHECK(ttl == 7);
}

TEST_CASE("csv with a header maps columns by name (Meta kvcache, read as plain csv: one request a row)") {
  TraceOpenOptions csv;
  csv.format = "csv";
  auto reqs = ReadAll(Data("kv_traces_1.csv"), csv);
  REQUIRE(reqs.size() == 99);
  int gets = 0, sets = 0, deletes = 0, ttl = 0;
  std::set<uint64_t> keys;
  for (const auto& r : reqs) {
    gets += r.op == Op::kGet;
    sets += r.op == Op::kSet;
    deletes += r.op == Op::kDelete;
    ttl += r.ttl > 0;
    keys.insert(r.key);
  }
  CHECK(gets == 88);
  CHECK(sets == 9);
  CHECK(deletes == 2);
  CHECK(ttl == 9);
  CHECK(keys.size() == 52);
}

TEST_CASE("csv column spec in libCacheSim's syntax") {
  CsvSpec spec;
  std::string error;
  REQUIRE(ParseCsvSpec("time-col=2, obj-id-col=5, obj-size-col=4, delimiter=,, has-header=true", &spec, &error));
  CHECK(spec.time_col == 2);
  CHECK(spec.id_col == 5);
  CHECK(spec.size_col == 4);
  CHECK(spec.delimiter == ',');
  CHECK(spec.has_header == 1);
  CHECK_FALSE(ParseCsvSpec("bogus=3", &spec, &error));
  CHECK(error.find("bogus") != std::string::npos);
  std::string path = WriteTemp("nohdr.csv", "1;7;100\n2;8;200\n");
  TraceOpenOptions o;
  o.format = "csv";
  o.csv_spec = "time=1,id=2,size=3,delimiter=;";
  auto reqs = ReadAll(path, o);
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[1].key == 8);
  CHECK(reqs[1].size == 200);
  CHECK(reqs[1].at == 2 * kSecond);
}

TEST_CASE("a truncated binary record stops with file and record number; --skip-bad counts it") {
  std::string bytes(24 * 3 + 5, '\0');
  std::string path = WriteTemp("trunc.oracleGeneral.bin", bytes);
  std::string error;
  auto reqs = ReadAll(path, {}, &error);
  CHECK(reqs.size() == 3);
  CHECK(error.find(path) != std::string::npos);
  CHECK(error.find("record 4") != std::string::npos);
  CHECK(error.find("truncated") != std::string::npos);
  TraceOpenOptions skip;
  skip.skip_bad = true;
  uint64_t bad = 0;
  reqs = ReadAll(path, skip, &error, &bad);
  CHECK(error.empty());
  CHECK(reqs.size() == 3);
  CHECK(bad == 1);
}

TEST_CASE("a truncated vscsi record is reported the same way") {
  std::string rec(32, '\0');
  rec[15] = 1;  // ver = 0x0100 -> version 1
  std::string path = WriteTemp("t.vscsi", rec + rec + rec.substr(0, 10));
  std::string error;
  auto reqs = ReadAll(path, {}, &error);
  CHECK(reqs.size() == 2);
  CHECK(error.find("record 3") != std::string::npos);
}

TEST_CASE("a malformed text line names file and line; --skip-bad skips it") {
  std::string path = WriteTemp("bad.csv", "time,id,size\n1,10,100\n2,11,abc\n3,12,300\n");
  std::string error;
  auto reqs = ReadAll(path, {}, &error);
  CHECK(reqs.size() == 1);
  CHECK(error.find(path + ": line 3") != std::string::npos);
  CHECK(error.find("abc") != std::string::npos);
  TraceOpenOptions skip;
  skip.skip_bad = true;
  uint64_t bad = 0;
  reqs = ReadAll(path, skip, &error, &bad);
  CHECK(reqs.size() == 2);
  CHECK(bad == 1);

  std::string tw = WriteTemp("bad_twitter.csv", "0,k1,2,10,1,get,0\n0,k2,2,10,1\n0,k3,2,10,1,frobnicate,0");
  TraceOpenOptions twitter;
  twitter.format = "twitter";
  reqs = ReadAll(tw, twitter, &error);
  CHECK(reqs.size() == 1);
  CHECK(error.find("line 2") != std::string::npos);
  twitter.skip_bad = true;
  reqs = ReadAll(tw, twitter, &error, &bad);
  CHECK(reqs.size() == 1);
  CHECK(bad == 2);

  // A negative TTL (memcached would expire the value at once) is refused, not read as "no TTL".
  tw = WriteTemp("bad_twitter_ttl.csv", "0,k1,2,10,1,set,60\n1,k1,2,10,1,set,-3\n");
  twitter.skip_bad = false;
  reqs = ReadAll(tw, twitter, &error);
  CHECK(reqs.size() == 1);
  CHECK(error.find("line 2: bad ttl '-3'") != std::string::npos);

  std::string txt = WriteTemp("bad.txt", "1\n2\n3 4\n5");
  reqs = ReadAll(txt, {}, &error);
  CHECK(reqs.size() == 2);
  CHECK(error.find("line 3") != std::string::npos);
}

TEST_CASE("a corrupt zstd stream is an error naming the file") {
  std::string path = WriteTemp("bad.txt.zst", "\x28\xb5\x2f\xfd garbage that is not zstd");
  std::string error;
  auto reqs = ReadAll(path, {}, &error);
  CHECK(reqs.empty());
  CHECK(error.find(path) != std::string::npos);
}

TEST_CASE("LoadReplayTrace keeps next-access only for formats that have it") {
  std::string error;
  auto r = OpenTrace(Data("cloudPhysicsIO.txt.zst"), {}, &error);
  eviction::ReplayTrace t;
  REQUIRE(LoadReplayTrace(*r, true, &t, &error));
  CHECK(t.size() == 113872);
  CHECK(t.next.empty());
  CHECK(t.time_ms.size() == 113872);
  auto o = OpenTrace(Data("cloudPhysicsIO.oracleGeneral.bin"), {}, &error);
  REQUIRE(LoadReplayTrace(*o, false, &t, &error));
  CHECK(t.next.size() == 113872);
  CHECK(t.time_ms.empty());
}

TEST_CASE("request count hint: oracleGeneral's file size / 24, unknown when compressed, cut by --max-requests") {
  // 2,732,928 bytes of 24-byte records: 113,872 requests, as `cachelab trace stats` counts them.
  std::string error;
  auto plain = OpenTrace(Data("cloudPhysicsIO.oracleGeneral.bin"), {}, &error);
  REQUIRE(plain);
  CHECK(plain->RequestCountHint() == 113872);
  LimitedReader cut(*plain, 1000, 0);
  CHECK(cut.RequestCountHint() == 1000);
  LimitedReader whole(*plain, 0, 0);
  CHECK(whole.RequestCountHint() == 113872);
  auto packed = OpenTrace(Data("cloudPhysicsIO.oracleGeneral.bin.zst"), {}, &error);
  REQUIRE(packed);
  CHECK(packed->RequestCountHint() == 0);  // the compressed size says nothing
  auto text = OpenTrace(Data("cloudPhysicsIO.txt.zst"), {}, &error);
  REQUIRE(text);
  CHECK(text->RequestCountHint() == 0);  // lines have no fixed size
}
