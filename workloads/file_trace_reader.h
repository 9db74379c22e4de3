// Common base of the trace-file readers: the buffered input, the position
// (record or line number) for error messages, and --skip-bad accounting.
#pragma once
#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <new>
#include <string>

#include "workloads/chunk_buffer.h"
#include "workloads/trace_reader.h"

namespace cachelab {

class FileTraceReader : public TraceReader {
 public:
  FileTraceReader(const std::string& path, bool skip_bad)
      : path_(path), in_(OpenByteSource(path)), skip_bad_(skip_bad), file_size_(RegularFileSize(path)) {}
  // Malformed records/lines skipped so far (only with skip_bad).
  uint64_t bad_records() const { return bad_; }
  std::string Label() const override { return path_; }
  double FractionRead() const override {
    return file_size_ ? std::min(1.0, static_cast<double>(in_.file_bytes_read()) / static_cast<double>(file_size_)) : -1;
  }

  bool Next(Request* out) final {
    if (!error_.empty()) return false;
    try {
      return Read(out);
    } catch (const std::bad_alloc&) {
      error_ = path_ + ": out of memory while reading";
      return false;
    } catch (const std::exception& e) {  // I/O or zstd errors; named by file and position
      std::string what = e.what();
      error_ = what.rfind(path_, 0) == 0 ? what : path_ + ": after " + std::to_string(pos_) + " records: " + what;
      return false;
    }
  }

 protected:
  // The format's parser: like Next, but may throw on I/O errors.
  virtual bool Read(Request* out) = 0;

  // The file's size when it is read as it is on disk (mapped), else 0.
  uint64_t plain_file_size() const { return in_.mapped() ? file_size_ : 0; }

  // A malformed record or line at position `where` ("line 7", "record 3").
  // Returns true if the caller should skip it and go on, false to stop (error set).
  bool Bad(const std::string& where, const std::string& what) {
    if (skip_bad_) {
      ++bad_;
      return true;
    }
    error_ = path_ + ": " + where + ": " + what;
    return false;
  }

  std::string path_;
  ChunkBuffer in_;
  bool skip_bad_;
  uint64_t bad_ = 0;
  uint64_t pos_ = 0;  // 1-based number of the last record or line read

 private:
  static uint64_t RegularFileSize(const std::string& path) {  // 0: not a regular file (a pipe, a device)
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0;
  }
  uint64_t file_size_;
};

}  // namespace cachelab
