// Caffeine's snia-tencent-photo format (its TraceFormat SNIA_TENCENT_PHOTO,
// simulator/.../parser/snia/parallel/TencentPhotoTraceReader.java): SNIA
// IOTTA's Tencent QQPhoto CDN trace (ICS '18), one request per line, 8 fields
// separated by single spaces:
//   timestamp(YYYYMMDDHHMMSS) photo-id(hex) format(0 jpg, 5 webp) size-tier
//   bytes-returned hit-flag terminal response-ms
// As Caffeine reads it (TencentPhotoTraceReader since caffeine c9cf400,
// 2026-07-22; earlier versions keyed by the id alone): the key is the
// (photo id, format, size tier) triple, as a photo is stored once per format
// and tier; the size is the bytes returned (0 on some misses, kept as 0); rows
// whose image format is neither 0 nor 5 are skipped. Every request is a get.
// The time is the timestamp's second (Caffeine's reader keeps no time); hit
// flag, terminal and response time are not used. A line with too few or too
// many fields, a bad timestamp, id or size is malformed (file and line
// number); blank lines are skipped.
#pragma once
#include <cstdint>

#include "workloads/file_trace_reader.h"

namespace cachelab {

class TencentPhotoReader : public FileTraceReader {
 public:
  using FileTraceReader::FileTraceReader;
  std::string Name() const override { return "snia-tencent-photo"; }
  // Well-formed rows skipped for an image format other than 0 or 5, as Caffeine skips them.
  uint64_t other_format_rows() const { return other_format_; }

 private:
  bool Read(Request* out) override;

  uint64_t other_format_ = 0;
};

}  // namespace cachelab
