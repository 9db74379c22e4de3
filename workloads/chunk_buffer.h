// A large read buffer over a ByteSource, handing out fixed-size records or
// lines as views into the buffer (no per-request allocation or copy). A
// mapped file (ByteSource::Mapped) is the buffer: views point into the
// mapping, nothing is copied.
#pragma once
#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "workloads/byte_source.h"

namespace cachelab {

class ChunkBuffer {
 public:
  // A trace line longer than this is not a trace line: an endless stream
  // without newlines (/dev/zero) would otherwise grow the buffer without end.
  static constexpr size_t kMaxLine = 1 << 20;

  explicit ChunkBuffer(std::unique_ptr<ByteSource> src, size_t chunk = 1 << 20) : src_(std::move(src)) {
    const std::string_view whole = src_->Mapped();
    if (whole.empty()) {
      buf_.resize(chunk);
      base_ = buf_.data();
    } else {
      base_ = whole.data();
      end_ = whole.size();
      eof_ = mapped_ = true;
    }
  }

  // Points *rec at the next n bytes. Returns n, fewer at a truncated end
  // (the partial bytes are consumed), or 0 at the end.
  size_t NextRecord(size_t n, const char** rec) {
    if (end_ - pos_ < n) Fill(n);
    size_t got = std::min(n, end_ - pos_);
    *rec = base_ + pos_;
    Advance(got);
    return got;
  }

  // Batch form: points *rec at up to `max` whole n-byte records in a row and
  // returns how many (0 at the end, or when fewer than n bytes are left).
  size_t NextRecords(size_t n, size_t max, const char** rec) {
    if (end_ - pos_ < n) Fill(n);
    const size_t k = std::min(max, (end_ - pos_) / n);
    *rec = base_ + pos_;
    Advance(k * n);
    return k;
  }

  // The next line without its "\n" (and a "\r" before it). The last line may
  // lack a newline. Returns false at the end.
  bool NextLine(std::string_view* line) {
    for (;;) {
      const char* start = base_ + pos_;
      // A mapped file has no buffer to outgrow: its lines are capped here instead.
      const size_t look = mapped_ ? std::min(end_ - pos_, kMaxLine) : end_ - pos_;
      const void* nl = std::memchr(start, '\n', look);
      if (mapped_ && !nl && look == kMaxLine) throw std::runtime_error("a line longer than 1 MiB (not a text trace?)");
      if (nl) {
        size_t len = static_cast<const char*>(nl) - start;
        Advance(len + 1);
        *line = Trim(std::string_view(start, len));
        return true;
      }
      if (eof_) {
        if (pos_ == end_) return false;
        *line = Trim(std::string_view(start, end_ - pos_));
        Advance(end_ - pos_);
        return true;
      }
      if (end_ - pos_ >= kMaxLine) throw std::runtime_error("a line longer than 1 MiB (not a text trace?)");
      Fill(end_ - pos_ + 1);
    }
  }

  // Passes over the next n bytes unread (at most to the end); mapped files only.
  void SkipMapped(size_t n) {
    if (!mapped_) throw std::logic_error("ChunkBuffer::SkipMapped on a stream");
    Advance(std::min(n, end_ - pos_));
  }
  // The whole file is mapped (a plain file, not a stream or a compressed one).
  bool mapped() const { return mapped_; }
  // Bytes of the file consumed so far (ByteSource::file_bytes_read).
  uint64_t file_bytes_read() const { return src_->file_bytes_read(); }

 private:
  static std::string_view Trim(std::string_view s) {
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    return s;
  }
  // The view handed out is still being read: only what lies before it is done.
  void Advance(size_t n) {
    if (mapped_) src_->Consumed(pos_);
    pos_ += n;
  }
  // Makes at least `want` unread bytes available unless the source ends.
  void Fill(size_t want) {
    if (mapped_) return;  // all of it is there
    size_t left = end_ - pos_;
    if (pos_ > 0) {
      std::memmove(buf_.data(), buf_.data() + pos_, left);
      pos_ = 0;
      end_ = left;
    }
    if (want > buf_.size()) buf_.resize(std::max(want, buf_.size() * 2));
    base_ = buf_.data();
    while (!eof_ && end_ < want) {
      size_t got = src_->Read(buf_.data() + end_, buf_.size() - end_);
      if (got == 0) eof_ = true;
      end_ += got;
    }
  }

  std::unique_ptr<ByteSource> src_;
  std::vector<char> buf_;  // unused when mapped
  const char* base_ = nullptr;  // buf_'s data, or the mapping
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false, mapped_ = false;
};

}  // namespace cachelab
