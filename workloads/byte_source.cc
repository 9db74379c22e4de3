#include "workloads/byte_source.h"

#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
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
    if (got == 0 && std::ferror(f_)) throw std::runtime_error(path_ + ": read error");
    return got;
  }

 private:
  std::string path_;
  FILE* f_ = nullptr;
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

 private:
  FileSource file_;
  std::string path_;
  std::vector<char> in_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  ZSTD_DStream* ds_ = nullptr;
  bool frame_done_ = true;
};

bool EndsWith(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

}  // namespace

std::string StripCompressionSuffix(const std::string& path) {
  return EndsWith(path, ".zst") ? path.substr(0, path.size() - 4) : path;
}

std::unique_ptr<ByteSource> OpenByteSource(const std::string& path) {
  if (EndsWith(path, ".zst")) return std::make_unique<ZstdSource>(path);
  return std::make_unique<FileSource>(path);
}

}  // namespace cachelab
