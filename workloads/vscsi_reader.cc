#include "workloads/vscsi_reader.h"

#include "workloads/le_bytes.h"

namespace cachelab {
namespace {

Op OpFromScsi(uint16_t cmd) {
  // READ(6/10/16) are gets; WRITE(6/10/16) sets. libCacheSim replays all as gets.
  switch (cmd) {
    case 0x0a:
    case 0x2a:
    case 0x8a:
      return Op::kSet;
    default:
      return Op::kGet;
  }
}

}  // namespace

bool VscsiReader::Read(Request* out) {
  const char* r;
  if (version_ == 0) {
    // v1 keeps `ver` at offset 14, v2 at offset 2; the version is ver >> 8.
    const char* first;
    size_t n = in_.NextRecord(32, &first);
    if (n == 0) return false;
    if (n == 32 && (LoadLe<uint16_t>(first + 14) >> 8) == 1) {
      version_ = 1;
    } else if (n >= 4 && (LoadLe<uint16_t>(first + 2) >> 8) == 2) {
      version_ = 2;
    } else {
      ++pos_;
      error_ = path_ + ": record 1: not a vscsi v1/v2 trace (unknown version field)";
      return false;
    }
    if (version_ == 1) return Decode(first, n, out);
    // v2: 8 more bytes complete the first record.
    std::string rec(first, n);
    const char* rest;
    size_t m = in_.NextRecord(40 - n, &rest);
    rec.append(rest, m);
    return Decode(rec.data(), rec.size(), out);
  }
  size_t size = version_ == 1 ? 32 : 40;
  size_t got = in_.NextRecord(size, &r);
  if (got == 0) return false;
  return Decode(r, got, out);
}

bool VscsiReader::Decode(const char* r, size_t got, Request* out) {
  ++pos_;
  size_t size = version_ == 1 ? 32 : 40;
  if (got < size) {
    Bad("record " + std::to_string(pos_),
        "truncated record (" + std::to_string(got) + " of " + std::to_string(size) + " bytes)");
    return false;
  }
  *out = Request{};
  uint16_t cmd;
  uint64_t ts;
  if (version_ == 1) {
    out->size = LoadLe<uint32_t>(r + 4);
    cmd = LoadLe<uint16_t>(r + 12);
    out->key = LoadLe<uint64_t>(r + 16);
    ts = LoadLe<uint64_t>(r + 24);
  } else {
    cmd = LoadLe<uint16_t>(r);
    out->size = LoadLe<uint32_t>(r + 8);
    out->key = LoadLe<uint64_t>(r + 16);
    ts = LoadLe<uint64_t>(r + 24);
  }
  out->op = OpFromScsi(cmd);
  if (ts > static_cast<uint64_t>(kMaxTraceSeconds) * 1000000) {
    Bad("record " + std::to_string(pos_), "timestamp " + std::to_string(ts) + " us is beyond 292 years");
    return false;
  }
  out->at = static_cast<SimTime>(ts) * kMicrosecond;
  return true;
}

}  // namespace cachelab
