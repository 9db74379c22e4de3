// A per-process memo of something derived from a file (a trace's index, a
// twin's fit): sweeps and `--strategy all` run many experiments on one file,
// possibly in parallel, and should derive it once. The file's size and
// modification time are part of the key, so a file rewritten in place is read
// again; only the last few entries are kept, so a long sweep over many files
// stays bounded.
#pragma once
#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace cachelab {

template <class T>
class FileMemo {
 public:
  explicit FileMemo(size_t capacity) : capacity_(capacity) {}

  // The value for (path, variant), made by `make()` (nullptr: failed, not
  // kept) when absent. Callers of one key wait for one make().
  template <class Make>
  std::shared_ptr<const T> Get(const std::string& path, const std::string& variant, Make make) {
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    auto mtime = std::filesystem::last_write_time(path, ec).time_since_epoch().count();
    std::string key = path + '\n' + variant + '\n' + std::to_string(size) + '\n' + std::to_string(mtime);
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    std::shared_ptr<const T> value = make();
    if (value) {
      if (order_.size() == capacity_) {
        cache_.erase(order_.front());
        order_.erase(order_.begin());
      }
      cache_.emplace(key, value);
      order_.push_back(key);
    }
    return value;
  }

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const T>> cache_;
  std::vector<std::string> order_;  // oldest first
};

}  // namespace cachelab
