// A per-process memo of values that are costly to derive and never change once
// made (a trace's index, a twin's fit, a Zipf table): runs of one sweep or
// comparison, possibly in parallel, derive each once. Only the last `capacity`
// entries are kept, so a long sweep stays bounded.
#pragma once
#include <cstddef>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace cachelab {

template <class T>
class Memo {
 public:
  using Ptr = std::shared_ptr<const T>;
  explicit Memo(size_t capacity) : capacity_(capacity) {}

  // The value for `key`, made by `make()` (nullptr: failed, not kept) when
  // absent. Callers of one key wait for one make(); makes of different keys run
  // at once (parallel sweep jobs on other traces or alphas do not queue). When a
  // make fails, a caller that waited for it makes its own (and gets its own error).
  template <class Make>
  Ptr Get(const std::string& key, Make make) {
    while (true) {
      std::promise<Ptr> promise;
      std::shared_future<Ptr> pending;
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (auto it = cache_.find(key); it != cache_.end()) return it->second;
        if (auto it = making_.find(key); it != making_.end()) pending = it->second;
        else making_.emplace(key, promise.get_future().share());
      }
      if (pending.valid()) {
        if (Ptr value = pending.get()) return value;
        continue;
      }
      Ptr value;
      try {
        value = make();
      } catch (...) {
        Finish(key, nullptr, promise);
        throw;
      }
      Finish(key, value, promise);
      return value;
    }
  }

 private:
  void Finish(const std::string& key, const Ptr& value, std::promise<Ptr>& promise) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      making_.erase(key);
      if (value) {
        if (order_.size() == capacity_) {
          cache_.erase(order_.front());
          order_.erase(order_.begin());
        }
        cache_.emplace(key, value);
        order_.push_back(key);
      }
    }
    promise.set_value(value);  // after the cache holds it: a woken waiter finds it either way
  }

  const size_t capacity_;
  std::mutex mu_;
  std::map<std::string, Ptr> cache_;
  std::map<std::string, std::shared_future<Ptr>> making_;  // keys being made, for their waiters
  std::vector<std::string> order_;                         // oldest first
};

}  // namespace cachelab
