// Streaming decompressors for trace files: gzip (.gz, zlib), xz (.xz,
// liblzma) and bzip2 (.bz2, libbz2), as Caffeine and cache2k ship their
// traces. Concatenated streams are read through, as the command-line tools do.
// Memory is the codec's state plus one input buffer, whatever the file size.
#pragma once
#include <memory>
#include <string>

#include "workloads/byte_source.h"

namespace cachelab {

// Each opens `path` at once (errors name the file) and throws
// std::runtime_error naming the file on corrupt or truncated input.
std::unique_ptr<ByteSource> OpenGzipSource(const std::string& path);
std::unique_ptr<ByteSource> OpenXzSource(const std::string& path);
std::unique_ptr<ByteSource> OpenBzip2Source(const std::string& path);

}  // namespace cachelab
