// Traces that are a headerless run of big-endian integers, one key per
// request, as the Caffeine simulator ships them (usually .xz). No time, size
// or operation: every request is a get of size 1 (as txt traces).
// - cache2k: 32-bit keys read as uint32 (libCacheSim, fed the keys as decimal
//   text, sees the same ids).
// - scarab (Scarab Research's recs trace): signed 64-bit keys (Java readLong),
//   kept as their bit pattern. Read 4 bytes a key, the file gives twice the
//   requests and halves of keys.
#pragma once
#include <string>
#include <utility>

#include "workloads/file_trace_reader.h"

namespace cachelab {

class BigEndianKeyReader : public FileTraceReader {
 public:
  // bytes: 4 or 8 a key; name: the format's name ("cache2k", "scarab").
  BigEndianKeyReader(const std::string& path, bool skip_bad, int bytes, std::string name)
      : FileTraceReader(path, skip_bad), bytes_(bytes), name_(std::move(name)) {}
  bool Read(Request* out) override;
  std::string Name() const override { return name_; }

 private:
  int bytes_;
  std::string name_;
};

}  // namespace cachelab
