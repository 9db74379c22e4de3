// Compressed traces (.gz, .xz, .bz2), cache2k's big-endian key traces and
// format names in any case. Expectations: the traces README's counts for
// web07, and the system gzip/bzip2/xz tools (Debian's) making the compressed
// copies whose records must equal the plain file's.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

#include "eviction/replay.h"
#include "tests/support/read_trace.h"
#include "workloads/trace_format.h"
#include "workloads/trace_loader.h"

using namespace cachelab;
using cachelab::testing::Data;
using cachelab::testing::ReadAll;

namespace {

void Run(const std::string& cmd) { REQUIRE(std::system(cmd.c_str()) == 0); }

bool Same(const std::vector<Request>& a, const std::vector<Request>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].key != b[i].key || a[i].size != b[i].size || a[i].at != b[i].at || a[i].next_access != b[i].next_access)
      return false;
  return true;
}

}  // namespace

TEST_CASE("cache2k web07.trace.xz: the README's counts") {
  auto reqs = ReadAll(Data("web07.trace.xz"), TraceOpenOptions{"cache2k", "", false});
  CHECK(reqs.size() == 76118);
  std::set<uint64_t> keys;
  uint64_t max_key = 0;
  for (const auto& r : reqs) {
    keys.insert(r.key);
    max_key = std::max(max_key, r.key);
    REQUIRE(r.size == 1);
  }
  CHECK(keys.size() == 20484);
  CHECK(max_key == 20483);  // dense ids 0..20,483
}

TEST_CASE("cache2k keys are big-endian and read as uint32") {
  const std::string path = "/tmp/cachelab_eviction_" + std::to_string(::getpid()) + "_c2k.trace";
  std::ofstream(path, std::ios::binary) << std::string("\x00\x00\x01\x02\xff\xff\xff\xfe\x80", 9);
  std::string error;
  auto reqs = ReadAll(path, TraceOpenOptions{"CACHE2K", "", false}, &error);
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].key == 0x102);
  CHECK(reqs[1].key == 0xfffffffeULL);
  // The odd trailing byte is a truncated third record, named as such.
  CHECK(error.find(path) != std::string::npos);
  CHECK(error.find("record 3") != std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("a .trace file without --format: the error names the two formats Caffeine calls .trace") {
  // Both binary key streams are named *.trace (the keys' width differs: no reliable sniff),
  // so the name picks neither; the error says which two to choose from.
  std::string error;
  CHECK(OpenTrace(Data("web07.trace.xz"), TraceOpenOptions{}, &error) == nullptr);
  CHECK(error == Data("web07.trace.xz") + ": a .trace file is cache2k (4-byte keys) or scarab (8-byte keys), as "
                                         "Caffeine names both; give --format cache2k or --format scarab");
}

// Scarab Research's recs trace: signed 64-bit big-endian keys (Java readLong;
// /work/shared/traces/README.md). The first 20,000 records (160,000 bytes of
// the shared file, xz -9) counted with python3 struct.unpack('>q'): 12,017
// distinct keys, the most popular 221 times; the first two keys below. (The
// whole file gives the README's 1,245,184 requests and 258,368 keys the same way.)
TEST_CASE("scarab: 64-bit big-endian keys, the python3 counts of the shared file's head") {
  auto reqs = ReadAll(Data("scarab_recs_head20000.trace.xz"), TraceOpenOptions{"scarab", "", false});
  REQUIRE(reqs.size() == 20000);
  CHECK(reqs[0].key == 8756849942801480528ULL);
  CHECK(reqs[1].key == 11518129014535343692ULL);  // -6928615059174207924 as its 64-bit pattern
  std::map<uint64_t, uint64_t> count;
  for (const auto& r : reqs) {
    ++count[r.key];
    REQUIRE(r.size == 1);
  }
  CHECK(count.size() == 12017);
  uint64_t top = 0;
  for (const auto& [k, n] : count) top = std::max(top, n);
  CHECK(top == 221);

  const std::string path = "/tmp/cachelab_eviction_" + std::to_string(::getpid()) + "_scarab.trace";
  std::ofstream(path, std::ios::binary) << std::string("\x00\x00\x00\x00\x00\x00\x01\x02\xff\xff\xff", 11);
  std::string error;
  auto cut = ReadAll(path, TraceOpenOptions{"scarab", "", false}, &error);
  REQUIRE(cut.size() == 1);
  CHECK(cut[0].key == 0x102);
  CHECK(error.find("record 2") != std::string::npos);  // 3 of 8 bytes: a truncated second record
  std::remove(path.c_str());
}

TEST_CASE("gzip, xz and bzip2 copies read exactly like the plain file, concatenated streams included") {
  const std::string plain = Data("cloudPhysicsIO.oracleGeneral.bin");
  const auto want = ReadAll(plain);
  REQUIRE(want.size() == 113872);
  const std::string dir = "/tmp/cachelab_eviction_" + std::to_string(::getpid()) + "_compress";
  Run("mkdir -p " + dir);
  for (auto [tool, ext] : {std::pair{"gzip", "gz"}, {"xz", "xz"}, {"bzip2", "bz2"}}) {
    INFO(tool);
    const std::string one = dir + "/t.oracleGeneral.bin." + ext, two = dir + "/t2.oracleGeneral.bin." + ext;
    Run(std::string(tool) + " -c " + plain + " > " + one);
    CHECK(Same(ReadAll(one), want));
    // Two streams back to back decode as the file twice (as `tool -dc` does).
    Run("cat " + one + " " + one + " > " + two);
    auto twice = ReadAll(two);
    REQUIRE(twice.size() == 2 * want.size());
    CHECK(Same(std::vector<Request>(twice.begin() + static_cast<long>(want.size()), twice.end()), want));
    // Truncated: an error naming the file, never a silent short trace.
    Run("head -c 100000 " + one + " > " + dir + "/cut.oracleGeneral.bin." + ext);
    std::string error;
    ReadAll(dir + "/cut.oracleGeneral.bin." + ext, {}, &error);
    CHECK(error.find("cut.oracleGeneral.bin." + std::string(ext)) != std::string::npos);
  }
  // Corrupt bytes in the middle of an xz stream.
  Run("cp " + dir + "/t.oracleGeneral.bin.xz " + dir + "/bad.oracleGeneral.bin.xz && printf 'XXXXXXXX' | dd of=" + dir +
      "/bad.oracleGeneral.bin.xz bs=1 seek=5000 conv=notrunc 2>/dev/null");
  std::string error;
  ReadAll(dir + "/bad.oracleGeneral.bin.xz", {}, &error);
  CHECK(error.find("bad.oracleGeneral.bin.xz: xz") != std::string::npos);
  Run("rm -rf " + dir);
}

TEST_CASE("format names in any case, with libCacheSim's aliases") {
  const std::string og = Data("cloudPhysicsIO.oracleGeneral.bin");
  for (const char* name : {"oracleGeneral", "ORACLEGENERAL", "oracleGeneralBin", "oraclegeneralbin", "oracle"}) {
    INFO(name);
    std::string error;
    auto r = OpenTrace(og, TraceOpenOptions{name, "", false}, &error);
    REQUIRE(r);
    CHECK(r->Name() == "oracleGeneral");
  }
  std::string error;
  auto v = OpenTrace(Data("cloudPhysicsIO.vscsi.zst"), TraceOpenOptions{"VSCSI", "", false}, &error);
  REQUIRE(v);
  CHECK(v->Name() == "vscsi");
  CHECK_FALSE(OpenTrace(og, TraceOpenOptions{"OracleGeneralX", "", false}, &error));
  CHECK(error.find("OracleGeneralX") != std::string::npos);
}

namespace {

// A 1024-byte lcs header (libCacheSim lcs.h at aa0fc409) for `format` with the
// given 1-based field numbers (0: absent).
std::string LcsHeader(const std::string& format, int id, int size, int time, int next, uint32_t item_size) {
  std::string h(1024, '\0');
  auto put = [&](size_t at, uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) h[at + static_cast<size_t>(i)] = static_cast<char>(v >> (8 * i));
  };
  put(0, 0x123456789abcdef0ULL, 8);
  h.replace(8, format.size(), format);
  h[248] = static_cast<char>(id);
  h[249] = static_cast<char>(size);
  h[250] = static_cast<char>(time);
  h[252] = static_cast<char>(next);
  put(1000, format.size() - 1, 4);
  put(1004, item_size, 4);
  put(1008, 1, 8);
  put(1016, 0x123456789abcdef0ULL, 8);
  return h;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("lcs: an oracleGeneral layout behind an lcs header reads as the oracleGeneral file") {
  // "<IQIq": time, id, size, next access -- oracleGeneral's 24-byte record.
  const std::string path = "/tmp/cachelab_eviction_" + std::to_string(::getpid()) + "_cp.lcs";
  std::ofstream(path, std::ios::binary) << LcsHeader("<IQIq", 2, 3, 1, 4, 24)
                                        << Slurp(Data("cloudPhysicsIO.oracleGeneral.bin"));
  auto lcs = ReadAll(path);  // the ".lcs" name picks the format
  CHECK(Same(lcs, ReadAll(Data("cloudPhysicsIO.oracleGeneral.bin"))));
  // cachesim (aa0fc409) on this very file: `cachesim cp.lcs lcs lru 0.01,0.1`
  // counts 94,956 and 92,200 misses (20,297,697 and 202,976,972 bytes).
  std::string error;
  auto reader = OpenTrace(path, {}, &error);
  REQUIRE(reader);
  eviction::ReplayTrace t;
  REQUIRE(LoadReplayTrace(*reader, false, &t, &error));
  for (auto [cap, misses] : {std::pair<uint64_t, uint64_t>{20297697, 94956}, {202976972, 92200}}) {
    eviction::PolicyOptions o;
    o.capacity = cap;
    auto p = eviction::MakePolicy("lru", o, &error);
    CHECK(eviction::Replay(t, *p, eviction::ReplayConfig{cap, false}).misses == misses);
  }
  std::remove(path.c_str());
}

TEST_CASE("lcs: other layouts, absent fields, and header errors naming the field") {
  const std::string path = "/tmp/cachelab_eviction_" + std::to_string(::getpid()) + "_small.lcs";
  // "<bQH": a signed byte (unused), id, uint16 size; no time or next access.
  std::string recs;
  auto rec = [&](int8_t b, uint64_t id, uint16_t size) {
    recs += static_cast<char>(b);
    for (int i = 0; i < 8; ++i) recs += static_cast<char>(id >> (8 * i));
    recs += static_cast<char>(size & 0xff);
    recs += static_cast<char>(size >> 8);
  };
  rec(-1, 7, 300);
  rec(5, 0xfffffffffffULL, 65535);
  std::ofstream(path, std::ios::binary) << LcsHeader("<bQH", 2, 3, 0, 0, 11) << recs;
  auto r = ReadAll(path, TraceOpenOptions{"LCS", "", false});
  REQUIRE(r.size() == 2);
  CHECK(r[0].key == 7);
  CHECK(r[0].size == 300);
  CHECK(r[0].next_access == -1);
  CHECK(r[1].key == 0xfffffffffffULL);
  CHECK(r[1].size == 65535);
  auto open_error = [&](const std::string& header) {
    std::ofstream(path, std::ios::binary) << header << recs;
    std::string error;
    CHECK_FALSE(OpenTrace(path, {}, &error));
    return error;
  };
  CHECK(open_error(LcsHeader("<bQH", 2, 3, 0, 0, 12)).find("item_size 12") != std::string::npos);
  CHECK(open_error(LcsHeader("<bQH", 5, 3, 0, 0, 11)).find("field number 5") != std::string::npos);
  CHECK(open_error(LcsHeader("<bQX", 2, 3, 0, 0, 11)).find("'X'") != std::string::npos);
  std::string bad_magic = LcsHeader("<bQH", 2, 3, 0, 0, 11);
  bad_magic[0] = 0;
  CHECK(open_error(bad_magic).find(path + ": lcs header: bad start magic") != std::string::npos);
  CHECK(open_error("short").find("shorter than 1024") != std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("lcs: a float time beyond int64 or 292 years is a bad record, not undefined behaviour") {
  // "<dQ": a double time, an id. Casting 1e300 to int64 is undefined
  // (-fsanitize=float-cast-overflow), and 1e12 s would overflow int64 ns.
  const std::string path = "/tmp/cachelab_eviction_float_time.lcs";
  std::string recs;
  auto rec = [&](double t, uint64_t id) {
    char b[8];
    std::memcpy(b, &t, 8);
    recs.append(b, 8);
    for (int i = 0; i < 8; ++i) recs += static_cast<char>(id >> (8 * i));
  };
  for (double t : {5.0, 1e300}) {
    recs.clear();
    rec(5.0, 1);
    rec(t, 2);
    rec(std::nan(""), 3);  // NaN: time 0, as no time
    std::ofstream(path, std::ios::binary) << LcsHeader("<dQ", 2, 0, 1, 0, 16) << recs;
    std::string error;
    auto r = OpenTrace(path, {}, &error);
    REQUIRE(r);
    Request q;
    std::vector<SimTime> at;
    while (r->Next(&q)) at.push_back(q.at);
    if (t == 5.0) {
      CHECK(r->ok());
      CHECK(at == std::vector<SimTime>{5 * kSecond, 5 * kSecond, 0});
    } else {
      CHECK(at == std::vector<SimTime>{5 * kSecond});
      CHECK(r->error().find(path + ": record 2: timestamp") == 0);
    }
  }
  std::remove(path.c_str());
}
