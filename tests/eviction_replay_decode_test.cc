// Replay's batch decoder for oracleGeneral (OracleGeneralReader::AppendReplay,
// used by LoadReplayChunk) against the record-by-record reader (Next): the same
// ids, sizes, next-access indices and times in every chunking, and the same
// error for a truncated last record.
#include <catch2/catch.hpp>
#include <fstream>

#include "support/read_trace.h"
#include "support/temp_dir.h"
#include "workloads/trace_loader.h"

using namespace cachelab;

namespace {

eviction::ReplayTrace Chunked(const std::string& path, size_t chunk, bool* ok, std::string* error) {
  auto reader = OpenTrace(path, {}, error);
  REQUIRE(reader);
  eviction::ReplayTrace all, part;
  *ok = true;
  for (;;) {
    if (!LoadReplayChunk(*reader, chunk, true, false, &part, error)) {
      *ok = false;
      break;
    }
    if (part.size() == 0) break;
    all.ids.insert(all.ids.end(), part.ids.begin(), part.ids.end());
    all.sizes.insert(all.sizes.end(), part.sizes.begin(), part.sizes.end());
    all.next.insert(all.next.end(), part.next.begin(), part.next.end());
    all.time_ms.insert(all.time_ms.end(), part.time_ms.begin(), part.time_ms.end());
  }
  return all;
}

}  // namespace

TEST_CASE("oracleGeneral batch decoding equals record-by-record decoding") {
  const std::string path = cachelab::testing::Data("cloudPhysicsIO.oracleGeneral.bin");
  const auto records = cachelab::testing::ReadAll(path);
  REQUIRE(records.size() == 113872);
  for (size_t chunk : {size_t{1}, size_t{1000}, size_t{43690}, size_t{1} << 20}) {  // 43,690 x 24 B: not a buffer multiple
    INFO("chunk " << chunk);
    bool ok = false;
    std::string error;
    auto t = Chunked(path, chunk, &ok, &error);
    REQUIRE(ok);
    REQUIRE(t.size() == records.size());
    bool same = true;
    for (size_t i = 0; i < records.size() && same; ++i)
      same = t.ids[i] == records[i].key && t.sizes[i] == records[i].size && t.next[i] == records[i].next_access &&
             t.time_ms[i] == records[i].at / kMillisecond;
    CHECK(same);
  }
  // A truncated last record: the whole ones decode, then the reader's error.
  const cachelab::testing::TempDir dir("cachelab-decode");
  const std::string cut = dir / "cut.oracleGeneral.bin";
  {
    std::ifstream in(path, std::ios::binary);
    std::string bytes(24 * 5 + 7, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::ofstream(cut, std::ios::binary) << bytes;
  }
  bool ok = true;
  std::string error;
  auto t = Chunked(cut, 3, &ok, &error);
  CHECK_FALSE(ok);
  CHECK(error.find("record 6: truncated record (7 of 24 bytes)") != std::string::npos);
}
