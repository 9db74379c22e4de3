// A per-process memo of something derived from a file (a trace's index, a
// twin's fit): sweeps and `--strategy all` run many experiments on one file,
// possibly in parallel, and should derive it once. The file's size and
// modification time are part of the key, so a file rewritten in place is read
// again; only the last few entries are kept (workloads/memo.h).
#pragma once
#include <filesystem>
#include <string>

#include "workloads/memo.h"

namespace cachelab {

template <class T>
class FileMemo {
 public:
  explicit FileMemo(size_t capacity) : memo_(capacity) {}

  // The value for (path, variant), made by `make()` (nullptr: failed, not
  // kept) when absent. Callers of one key wait for one make().
  template <class Make>
  std::shared_ptr<const T> Get(const std::string& path, const std::string& variant, Make make) {
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    auto mtime = std::filesystem::last_write_time(path, ec).time_since_epoch().count();
    return memo_.Get(path + '\n' + variant + '\n' + std::to_string(size) + '\n' + std::to_string(mtime), make);
  }

 private:
  Memo<T> memo_;
};

}  // namespace cachelab
