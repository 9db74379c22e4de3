#include "workloads/lcs_reader.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "workloads/le_bytes.h"

namespace cachelab {
namespace {

constexpr uint64_t kMagic = 0x123456789abcdef0ULL;
constexpr size_t kHeader = 1024;

size_t TypeSize(char c) {
  switch (c) {
    case 'c': case 'b': case 'B': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f': return 4;
    case 'q': case 'Q': case 'd': return 8;
    default: return 0;
  }
}

// A field's value as libCacheSim's read_data gives it: integers widened
// (signed ones sign-extended), floats truncated.
// Floats outside int64 saturate (NaN is 0): the cast itself would be undefined.
int64_t Saturate(double d) {
  if (!(d == d)) return 0;
  if (d >= 9.2e18) return INT64_MAX;
  if (d <= -9.2e18) return INT64_MIN;
  return static_cast<int64_t>(d);
}

int64_t Load(const char* p, char type) {
  switch (type) {
    case 'c': case 'b': return static_cast<int8_t>(*p);
    case 'B': return static_cast<uint8_t>(*p);
    case 'h': return LoadLe<int16_t>(p);
    case 'H': return LoadLe<uint16_t>(p);
    case 'i': case 'l': return LoadLe<int32_t>(p);
    case 'I': case 'L': return LoadLe<uint32_t>(p);
    case 'q': case 'Q': return LoadLe<int64_t>(p);
    case 'f': {
      float f;
      std::memcpy(&f, p, 4);
      return Saturate(f);
    }
    case 'd': {
      double d;
      std::memcpy(&d, p, 8);
      return Saturate(d);
    }
  }
  return 0;
}

}  // namespace

LcsReader::LcsReader(const std::string& path, bool skip_bad) : FileTraceReader(path, skip_bad) {
  auto fail = [&](const std::string& what) { throw std::runtime_error(path + ": lcs header: " + what); };
  const char* h;
  if (in_.NextRecord(kHeader, &h) < kHeader) fail("shorter than 1024 bytes");
  if (LoadLe<uint64_t>(h) != kMagic) fail("bad start magic");
  if (LoadLe<uint64_t>(h + 1016) != kMagic) fail("bad end magic");
  const char* format = h + 8;
  const size_t len = strnlen(format, 240);
  if (len == 0 || len == 240 || format[0] != '<') fail("format must be a '<...' struct string");
  const uint32_t n_fields = LoadLe<uint32_t>(h + 1000);
  if (n_fields != len - 1) fail("n_fields " + std::to_string(n_fields) + " != format length " + std::to_string(len - 1));
  std::array<size_t, 241> offset{};
  for (size_t i = 1; i < len; ++i) {
    size_t s = TypeSize(format[i]);
    if (s == 0) fail(std::string("unknown format character '") + format[i] + "'");
    offset[i] = record_size_;
    record_size_ += s;
  }
  if (LoadLe<uint32_t>(h + 1004) != record_size_)
    fail("item_size " + std::to_string(LoadLe<uint32_t>(h + 1004)) + " != " + std::to_string(record_size_) +
         " from the format");
  // Field numbers: obj_id 248, obj_size 249, time 250, next_access_vtime 252, ttl 254.
  const std::pair<int, size_t> kAt[] = {{kId, 248}, {kSize, 249}, {kTime, 250}, {kNext, 252}, {kTtl, 254}};
  for (auto [which, at] : kAt) {
    unsigned idx = static_cast<unsigned char>(h[at]);
    if (idx == 0) continue;
    if (idx > n_fields) fail("field number " + std::to_string(idx) + " > n_fields " + std::to_string(n_fields));
    fields_[which] = Field{format[idx], offset[idx]};
  }
  if (!fields_[kId].type) fail("no obj_id field");
}

bool LcsReader::Read(Request* out) {
  const char* r;
  size_t got = in_.NextRecord(record_size_, &r);
  if (got == 0) return false;
  ++pos_;
  if (got < record_size_) {
    Bad("record " + std::to_string(pos_), "truncated record (" + std::to_string(got) + " of " +
                                              std::to_string(record_size_) + " bytes)");
    return false;
  }
  auto get = [&](int which, int64_t absent) {
    const Field& f = fields_[which];
    return f.type ? Load(r + f.offset, f.type) : absent;
  };
  *out = Request{};
  out->key = static_cast<uint64_t>(get(kId, 0));
  out->size = static_cast<uint32_t>(get(kSize, 1));
  const int64_t at = get(kTime, 0);
  if (at < -kMaxTraceSeconds || at > kMaxTraceSeconds) {  // int64 nanoseconds end at 292 years
    Bad("record " + std::to_string(pos_), "timestamp " + std::to_string(at) + " s is beyond 292 years");
    return false;
  }
  out->at = at * kSecond;
  int64_t next = get(kNext, -1);
  out->next_access = next > 0 ? next - 1 : -1;
  const int64_t ttl = std::min<int64_t>(get(kTtl, 0), kMaxTraceSeconds);  // 292 years: never expires
  out->ttl = ttl > 0 ? static_cast<SimTime>(ttl) * kSecond : 0;
  return true;
}

}  // namespace cachelab
