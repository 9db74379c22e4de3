// A simulated run is stored once per identity: its parameters and the bytes of
// the trace it read. An audit found a run on another trace under the same
// path (a file edited in place, or another directory's t.csv) taken for the
// stored one: "already stored", and its results lost. Expected counts are the
// rows of the CacheLib kv samples (tests/data/README.md): kv_traces_1.csv 691
// requests, kv_traces_2.csv 433 (sum of op_count, counted with python3).
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "lab/run_identity.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

using cachelab::FileDigest;
using cachelab::testing::RunCli;
using cachelab::testing::TempDir;
namespace fs = std::filesystem;

namespace {

int64_t Query(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(s) == SQLITE_ROW);
  int64_t v = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(h);
  return v;
}

void Write(const fs::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f << text;
}

}  // namespace

TEST_CASE("a trace edited in place is a new run, the same trace again is not", "[store][trace]") {
  TempDir dir("run-identity");
  const std::string db = dir / "r.db";
  const fs::path trace = dir / "t.csv";
  fs::copy_file(fs::path(CACHELAB_TEST_DATA) / "kv_traces_1.csv", trace);
  const std::string args = "run --trace " + trace.string() + " --db " + db;
  REQUIRE(RunCli(args).exit_code == 0);
  auto again = RunCli(args);
  REQUIRE(again.exit_code == 0);
  CHECK(again.err.find("already stored") != std::string::npos);
  CHECK(Query(db, "SELECT COUNT(*) FROM runs") == 1);

  fs::copy_file(fs::path(CACHELAB_TEST_DATA) / "kv_traces_2.csv", trace, fs::copy_options::overwrite_existing);
  auto other = RunCli(args);
  REQUIRE(other.exit_code == 0);
  CHECK(other.err.find("already stored") == std::string::npos);
  REQUIRE(Query(db, "SELECT COUNT(*) FROM runs") == 2);
  CHECK(Query(db, "SELECT COUNT(DISTINCT run_key) FROM runs") == 2);
  const std::string requests = "SELECT CAST(num AS INTEGER) FROM metrics WHERE name = 'requests' AND run_id = ";
  CHECK(Query(db, requests + "(SELECT MIN(id) FROM runs)") == 691);
  CHECK(Query(db, requests + "(SELECT MAX(id) FROM runs)") == 433);
}

TEST_CASE("a file's digest follows its bytes, not its name or length", "[trace]") {
  TempDir dir("file-digest");
  const std::string a = dir / "a", b = dir / "b", c = dir / "c", d = dir / "d";
  // Two 16-byte files with their 8-byte halves swapped: same length, same words.
  // (Other names, not rewrites: digests are kept per size and modification time.)
  Write(a, "AAAAAAAABBBBBBBB");
  Write(b, "BBBBBBBBAAAAAAAA");
  Write(c, "AAAAAAAABBBBBBBB");    // the same bytes under another name
  Write(d, "AAAAAAAABBBBBBBB\n");  // a byte in the tail past the last whole word
  CHECK(FileDigest(a) != FileDigest(b));
  CHECK(FileDigest(a) == FileDigest(c));
  CHECK(FileDigest(a) != FileDigest(d));
  CHECK(FileDigest(dir / "missing") == "unreadable");
  CHECK(FileDigest(a).size() == 16);
}
