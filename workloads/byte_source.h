// Raw bytes of a trace file: plain or compressed (".zst", ".gz", ".xz",
// ".bz2"; decoded on a read-ahead thread), read in large chunks. The readers parse on top of this, so compression is transparent.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace cachelab {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes; returns 0 only at the end. Throws std::runtime_error
  // (naming the file) on an I/O or decompression error.
  virtual size_t Read(char* buf, size_t n) = 0;
  // Bytes of the file on disk consumed so far (compressed bytes for a
  // compressed file): with the file's size, how far a pass has come. Any thread.
  virtual uint64_t file_bytes_read() const { return 0; }
  // A plain file mapped into memory: all of it, read in place instead of
  // through Read(); empty for a stream. The reader reports how far it has
  // come with Consumed(offset), so pages behind it can be dropped.
  virtual std::string_view Mapped() const { return {}; }
  virtual void Consumed(uint64_t /*offset*/) {}
};

// Opens `path`, decompressing if its name ends in ".zst", ".gz", ".xz" or ".bz2";
// a plain regular file is mapped (workloads/mapped_source.h). Throws
// std::runtime_error naming the file if it cannot be opened.
std::unique_ptr<ByteSource> OpenByteSource(const std::string& path);

// The name without a trailing compression suffix (what format guessing looks at).
std::string StripCompressionSuffix(const std::string& path);

}  // namespace cachelab
