#include "workloads/decompress_source.h"

#include <bzlib.h>
#include <lzma.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace cachelab {
namespace {

constexpr size_t kInput = 1 << 16;

// The compressed file, read in chunks.
class RawFile {
 public:
  explicit RawFile(const std::string& path) : path_(path), buf_(kInput) {
    f_ = std::fopen(path.c_str(), "rb");
    if (!f_) throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
  }
  ~RawFile() { std::fclose(f_); }
  RawFile(const RawFile&) = delete;
  RawFile& operator=(const RawFile&) = delete;
  // Next chunk; size 0 at the end.
  size_t Fill() {
    size_t got = std::fread(buf_.data(), 1, buf_.size(), f_);
    if (got == 0 && std::ferror(f_)) throw std::runtime_error(path_ + ": read error");
    read_.fetch_add(got, std::memory_order_relaxed);
    return got;
  }
  uint64_t bytes_read() const { return read_.load(std::memory_order_relaxed); }
  unsigned char* data() { return buf_.data(); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::vector<unsigned char> buf_;
  FILE* f_ = nullptr;
  std::atomic<uint64_t> read_{0};  // read on the read-ahead thread, asked on another
};

class GzipSource : public ByteSource {
 public:
  explicit GzipSource(const std::string& path) : file_(path) {
    // 15 + 32: any window size, gzip or zlib header detected automatically.
    if (inflateInit2(&z_, 15 + 32) != Z_OK) throw std::runtime_error(path + ": cannot start gzip decoder");
  }
  ~GzipSource() override { inflateEnd(&z_); }
  size_t Read(char* buf, size_t n) override {
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    z_.avail_out = static_cast<uInt>(std::min<size_t>(n, UINT32_MAX));
    const uInt want = z_.avail_out;
    while (z_.avail_out > 0) {
      if (z_.avail_in == 0) {
        size_t got = file_.Fill();
        if (got == 0) {
          if (!stream_done_) throw std::runtime_error(file_.path() + ": truncated gzip stream");
          break;
        }
        z_.next_in = file_.data();
        z_.avail_in = static_cast<uInt>(got);
      }
      if (stream_done_) {  // another gzip member follows
        inflateReset(&z_);
        stream_done_ = false;
      }
      int r = inflate(&z_, Z_NO_FLUSH);
      if (r == Z_STREAM_END) {
        stream_done_ = true;
      } else if (r != Z_OK && r != Z_BUF_ERROR) {
        throw std::runtime_error(file_.path() + ": gzip: " + (z_.msg ? z_.msg : "corrupt data"));
      }
    }
    return want - z_.avail_out;
  }

  uint64_t file_bytes_read() const override { return file_.bytes_read(); }

 private:
  RawFile file_;
  z_stream z_{};
  bool stream_done_ = false;
};

class XzSource : public ByteSource {
 public:
  explicit XzSource(const std::string& path) : file_(path) {
    if (lzma_stream_decoder(&s_, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK)
      throw std::runtime_error(path + ": cannot start xz decoder");
  }
  ~XzSource() override { lzma_end(&s_); }
  size_t Read(char* buf, size_t n) override {
    s_.next_out = reinterpret_cast<uint8_t*>(buf);
    s_.avail_out = n;
    while (s_.avail_out > 0 && !done_) {
      lzma_action action = LZMA_RUN;
      if (s_.avail_in == 0) {
        size_t got = file_.Fill();
        s_.next_in = file_.data();
        s_.avail_in = got;
        if (got == 0) action = LZMA_FINISH;
      }
      lzma_ret r = lzma_code(&s_, action);
      if (r == LZMA_STREAM_END) {
        done_ = true;
      } else if (r != LZMA_OK) {
        throw std::runtime_error(file_.path() + ": xz: " +
                                 (r == LZMA_BUF_ERROR ? "truncated stream" : "corrupt data (lzma error " +
                                                                                 std::to_string(r) + ")"));
      }
    }
    return n - s_.avail_out;
  }

  uint64_t file_bytes_read() const override { return file_.bytes_read(); }

 private:
  RawFile file_;
  lzma_stream s_ = LZMA_STREAM_INIT;
  bool done_ = false;
};

class Bzip2Source : public ByteSource {
 public:
  explicit Bzip2Source(const std::string& path) : file_(path) { Start(); }
  ~Bzip2Source() override { BZ2_bzDecompressEnd(&s_); }
  size_t Read(char* buf, size_t n) override {
    s_.next_out = buf;
    s_.avail_out = static_cast<unsigned>(std::min<size_t>(n, UINT32_MAX));
    const unsigned want = s_.avail_out;
    while (s_.avail_out > 0) {
      if (s_.avail_in == 0) {
        size_t got = file_.Fill();
        if (got == 0) {
          if (!stream_done_) throw std::runtime_error(file_.path() + ": truncated bzip2 stream");
          break;
        }
        s_.next_in = reinterpret_cast<char*>(file_.data());
        s_.avail_in = static_cast<unsigned>(got);
      }
      if (stream_done_) {  // another bzip2 stream follows: restart the decoder where we are
        bz_stream keep = s_;
        BZ2_bzDecompressEnd(&s_);
        Start();
        s_.next_in = keep.next_in;
        s_.avail_in = keep.avail_in;
        s_.next_out = keep.next_out;
        s_.avail_out = keep.avail_out;
      }
      int r = BZ2_bzDecompress(&s_);
      if (r == BZ_STREAM_END) {
        stream_done_ = true;
      } else if (r != BZ_OK) {
        throw std::runtime_error(file_.path() + ": bzip2: corrupt data (error " + std::to_string(r) + ")");
      }
    }
    return want - s_.avail_out;
  }

  uint64_t file_bytes_read() const override { return file_.bytes_read(); }

 private:
  void Start() {
    s_ = bz_stream{};
    if (BZ2_bzDecompressInit(&s_, 0, 0) != BZ_OK) throw std::runtime_error(file_.path() + ": cannot start bzip2 decoder");
    stream_done_ = false;
  }
  RawFile file_;
  bz_stream s_{};
  bool stream_done_ = false;
};

}  // namespace

std::unique_ptr<ByteSource> OpenGzipSource(const std::string& path) { return std::make_unique<GzipSource>(path); }
std::unique_ptr<ByteSource> OpenXzSource(const std::string& path) { return std::make_unique<XzSource>(path); }
std::unique_ptr<ByteSource> OpenBzip2Source(const std::string& path) { return std::make_unique<Bzip2Source>(path); }

}  // namespace cachelab
