#include "workloads/byte_source.h"

#include <sys/stat.h>

#include "workloads/decompress_source.h"
#include "workloads/mapped_source.h"

#include <zstd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace cachelab {
namespace {

class FileSource : public ByteSource {
 public:
  explicit FileSource(const std::string& path) : path_(path) {
    f_ = std::fopen(path.c_str(), "rb");
    if (!f_) throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
    std::setvbuf(f_, nullptr, _IONBF, 0);  // we read in big chunks already
  }
  ~FileSource() override { std::fclose(f_); }
  size_t Read(char* buf, size_t n) override {
    size_t got = std::fread(buf, 1, n, f_);
    if (got == 0 && std::ferror(f_))
      throw std::runtime_error(path_ + ": read error: " + std::strerror(errno));
    read_.fetch_add(got, std::memory_order_relaxed);
    return got;
  }
  uint64_t file_bytes_read() const override { return read_.load(std::memory_order_relaxed); }

 private:
  std::string path_;
  FILE* f_ = nullptr;
  std::atomic<uint64_t> read_{0};  // read on the read-ahead thread, asked on another
};

// Streaming zstd: memory is the window plus two buffers, whatever the file size.
class ZstdSource : public ByteSource {
 public:
  explicit ZstdSource(const std::string& path) : file_(path), path_(path), in_(ZSTD_DStreamInSize()) {
    ds_ = ZSTD_createDStream();
    if (!ds_) throw std::runtime_error(path + ": cannot create zstd stream");
    ZSTD_initDStream(ds_);
  }
  ~ZstdSource() override { ZSTD_freeDStream(ds_); }
  size_t Read(char* buf, size_t n) override {
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos == 0) {
      if (input_.pos == input_.size) {
        size_t got = file_.Read(in_.data(), in_.size());
        if (got == 0) {
          if (!frame_done_) throw std::runtime_error(path_ + ": truncated zstd stream");
          return 0;
        }
        input_ = ZSTD_inBuffer{in_.data(), got, 0};
      }
      size_t r = ZSTD_decompressStream(ds_, &out, &input_);
      if (ZSTD_isError(r)) throw std::runtime_error(path_ + ": zstd: " + ZSTD_getErrorName(r));
      frame_done_ = (r == 0);
    }
    return out.pos;
  }
  uint64_t file_bytes_read() const override { return file_.file_bytes_read(); }

 private:
  FileSource file_;
  std::string path_;
  std::vector<char> in_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  ZSTD_DStream* ds_ = nullptr;
  bool frame_done_ = true;
};

// Runs the inner source on its own thread, a few chunks ahead of the reader,
// so decompression overlaps parsing (zstd input then costs little more than
// plain input when a second core is free).
class ReadAheadSource : public ByteSource {
 public:
  explicit ReadAheadSource(std::unique_ptr<ByteSource> inner) : inner_(std::move(inner)) {
    worker_ = std::thread([this] { Produce(); });
  }
  ~ReadAheadSource() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    worker_.join();
  }
  size_t Read(char* buf, size_t n) override {
    while (pos_ == current_.size()) {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return !ready_.empty() || done_; });
      if (ready_.empty()) {
        if (error_) std::rethrow_exception(error_);
        return 0;
      }
      current_ = std::move(ready_.front());
      ready_.pop_front();
      pos_ = 0;
      cv_.notify_all();
    }
    size_t k = std::min(n, current_.size() - pos_);
    std::memcpy(buf, current_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  uint64_t file_bytes_read() const override { return inner_->file_bytes_read(); }

 private:
  static constexpr size_t kChunk = 1 << 20, kAhead = 3;
  void Produce() {
    try {
      for (;;) {
        std::vector<char> chunk(kChunk);
        size_t got = inner_->Read(chunk.data(), chunk.size());
        std::unique_lock<std::mutex> lock(mu_);
        if (got == 0 || stop_) break;
        chunk.resize(got);
        cv_.wait(lock, [this] { return ready_.size() < kAhead || stop_; });
        if (stop_) break;
        ready_.push_back(std::move(chunk));
        cv_.notify_all();
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu_);
      error_ = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(mu_);
    done_ = true;
    cv_.notify_all();
  }

  std::unique_ptr<ByteSource> inner_;
  std::thread worker_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::vector<char>> ready_;
  std::vector<char> current_;
  size_t pos_ = 0;
  bool done_ = false, stop_ = false;
  std::exception_ptr error_;
};

bool EndsWith(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

}  // namespace

std::string StripCompressionSuffix(const std::string& path) {
  for (const char* suffix : {".zst", ".gz", ".xz", ".bz2"})
    if (EndsWith(path, suffix)) return path.substr(0, path.size() - std::strlen(suffix));
  return path;
}

std::unique_ptr<ByteSource> OpenByteSource(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    throw std::runtime_error(path + ": is a directory, not a trace file");
  if (EndsWith(path, ".zst")) {
    auto zstd = std::make_unique<ZstdSource>(path);  // opens now: errors surface here
    return std::make_unique<ReadAheadSource>(std::move(zstd));
  }
  if (EndsWith(path, ".gz")) return std::make_unique<ReadAheadSource>(OpenGzipSource(path));
  if (EndsWith(path, ".xz")) return std::make_unique<ReadAheadSource>(OpenXzSource(path));
  if (EndsWith(path, ".bz2")) return std::make_unique<ReadAheadSource>(OpenBzip2Source(path));
  if (auto mapped = MapFileSource(path)) return mapped;
  return std::make_unique<FileSource>(path);
}

}  // namespace cachelab
