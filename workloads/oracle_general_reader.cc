#include "workloads/oracle_general_reader.h"

#include <algorithm>

#include "workloads/le_bytes.h"

namespace cachelab {

bool OracleGeneralReader::Read(Request* out) {
  const char* r;
  size_t got = in_.NextRecord(24, &r);
  if (got == 0) return false;
  ++pos_;
  if (got < 24) {
    Bad("record " + std::to_string(pos_), "truncated record (" + std::to_string(got) + " of 24 bytes)");
    return false;  // a truncated record can only be the last one
  }
  *out = Request{};
  out->at = static_cast<SimTime>(LoadLe<uint32_t>(r)) * kSecond;
  out->key = LoadLe<uint64_t>(r + 4);
  out->size = LoadLe<uint32_t>(r + 12);
  int64_t next = LoadLe<int64_t>(r + 16);
  // Stored 1-based; Request::next_access is the 0-based request index.
  out->next_access = next > 0 ? next - 1 : -1;
  return true;
}

bool OracleGeneralReader::SkipRecords(uint64_t n) {
  if (!in_.mapped()) return false;
  in_.SkipMapped(n * 24);
  pos_ += n;
  return true;
}

void OracleGeneralReader::AppendReplay(size_t max, bool keep_next, bool keep_time, bool keep_ttl,
                                       eviction::ReplayTrace* out) {
  size_t done = 0;
  while (done < max && error_.empty()) {
    const char* r;
    size_t k = 0;
    try {
      // Batches of 2^16 records: a mapped file's pages are released behind each.
      k = in_.NextRecords(24, std::min<size_t>(max - done, 1 << 16), &r);
    } catch (const std::exception&) {
      k = 0;  // Next below meets the same I/O error and reports it
    }
    if (k == 0) {  // the end, a truncated last record, or an error: the one-record path says which
      Request q;
      if (!Next(&q)) return;
      out->ids.push_back(q.key), out->sizes.push_back(q.size);
      if (keep_next) out->next.push_back(q.next_access);
      if (keep_time) out->time_ms.push_back(q.at / kMillisecond);
      if (keep_ttl) out->ttl_ms.push_back(0);
      ++done;
      continue;
    }
    // Ids and sizes, which every replay reads, in one tight loop over plain pointers.
    const size_t at = out->ids.size();
    out->ids.resize(at + k);
    out->sizes.resize(at + k);
    uint64_t* ids = out->ids.data() + at;
    uint32_t* sizes = out->sizes.data() + at;
    for (size_t j = 0; j < k; ++j) {
      ids[j] = LoadLe<uint64_t>(r + 24 * j + 4);
      sizes[j] = LoadLe<uint32_t>(r + 24 * j + 12);
    }
    for (size_t j = 0; keep_next && j < k; ++j) {
      const int64_t next = LoadLe<int64_t>(r + 24 * j + 16);
      out->next.push_back(next > 0 ? next - 1 : -1);
    }
    for (size_t j = 0; keep_time && j < k; ++j)
      out->time_ms.push_back(static_cast<int64_t>(LoadLe<uint32_t>(r + 24 * j)) * 1000);
    if (keep_ttl) out->ttl_ms.resize(out->ttl_ms.size() + k, 0);
    pos_ += k;
    done += k;
  }
}

}  // namespace cachelab
