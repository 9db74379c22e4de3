// A plain regular file mapped into memory: readers decode records where the
// page cache holds them (no copy into a buffer first). Pages already read are
// dropped from the mapping as the reader moves on, so resident memory stays a
// few MiB whatever the file's size. The file must not shrink while it is read:
// a mapping past a truncated end faults (SIGBUS; mapped_file_faults.h names
// the file when the program asked for it).
#pragma once
#include <memory>
#include <string>

#include "workloads/byte_source.h"

namespace cachelab {

// nullptr when the file is not a non-empty regular file or cannot be mapped
// (the caller then reads it with read()).
std::unique_ptr<ByteSource> MapFileSource(const std::string& path);

}  // namespace cachelab
