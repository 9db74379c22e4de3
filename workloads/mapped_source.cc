#include "workloads/mapped_source.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>

#include "workloads/mapped_file_faults.h"

namespace cachelab {
namespace {

// Pages behind the reader are released in steps of this many bytes.
constexpr uint64_t kDropStep = 8 << 20;

class MappedSource final : public ByteSource {
 public:
  MappedSource(const char* data, size_t size, const std::string& path) : data_(data), size_(size) {
    RegisterMappedFile(data_, size_, path);
  }
  ~MappedSource() override {
    UnregisterMappedFile(data_);
    ::munmap(const_cast<char*>(data_), size_);
  }
  size_t Read(char* buf, size_t n) override {
    const uint64_t at = read_.load(std::memory_order_relaxed);
    const size_t k = static_cast<size_t>(std::min<uint64_t>(n, size_ - at));
    std::memcpy(buf, data_ + at, k);
    Consumed(at + k);
    return k;
  }
  std::string_view Mapped() const override { return {data_, size_}; }
  void Consumed(uint64_t offset) override {
    read_.store(offset, std::memory_order_relaxed);
    if (offset - dropped_ < kDropStep) return;
    const uint64_t page = static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
    const uint64_t to = offset / page * page;
    // A read-only file mapping: dropping pages only unmaps them (the page cache keeps them).
    ::madvise(const_cast<char*>(data_) + dropped_, to - dropped_, MADV_DONTNEED);
    dropped_ = to;
  }
  uint64_t file_bytes_read() const override { return read_.load(std::memory_order_relaxed); }

 private:
  const char* data_;
  size_t size_;
  uint64_t dropped_ = 0;
  std::atomic<uint64_t> read_{0};  // progress is asked from another thread
};

}  // namespace

std::unique_ptr<ByteSource> MapFileSource(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st {};
  void* p = MAP_FAILED;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
    p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);  // the mapping keeps the file
  if (p == MAP_FAILED) return nullptr;
  ::madvise(p, static_cast<size_t>(st.st_size), MADV_SEQUENTIAL);
  return std::make_unique<MappedSource>(static_cast<const char*>(p), static_cast<size_t>(st.st_size), path);
}

}  // namespace cachelab
