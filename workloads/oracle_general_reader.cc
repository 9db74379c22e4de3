#include "workloads/oracle_general_reader.h"

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

}  // namespace cachelab
