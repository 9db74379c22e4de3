// A per-process memo of values that are costly to derive and never change once
// made (a trace's index, a twin's fit, a Zipf table): runs of one sweep or
// comparison, possibly in parallel, derive each once. Only the last `capacity`
// entries are kept, so a long sweep stays bounded.
#pragma once
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace cachelab {

template <class T>
class Memo {
 public:
  explicit Memo(size_t capacity) : capacity_(capacity) {}

  // The value for `key`, made by `make()` (nullptr: failed, not kept) when
  // absent. Callers of one key wait for one make().
  template <class Make>
  std::shared_ptr<const T> Get(const std::string& key, Make make) {
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
