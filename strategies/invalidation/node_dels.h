// DELs of many keys grouped by the node that owns each key: one DEL per node,
// in the order nodes first appear. On several nodes a key deleted on another
// node's server would survive (independent servers share no keyspace), so a
// scheme that deletes a group (a tag's members, a key family) sends one DEL to
// each owner. On one node it is exactly one DEL with the keys in the order added.
#pragma once
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "sim/cache_backend.h"

namespace cachelab {

class NodeDels {
 public:
  void Add(CacheBackend& node, std::string key) {
    auto it = std::find_if(dels_.begin(), dels_.end(), [&node](const auto& d) { return d.first == &node; });
    if (it == dels_.end()) it = dels_.insert(dels_.end(), {&node, {"DEL"}});
    it->second.push_back(std::move(key));
  }
  size_t commands() const { return dels_.size(); }
  size_t keys() const {
    size_t n = 0;
    for (const auto& d : dels_) n += d.second.size() - 1;
    return n;
  }
  // Sends every DEL; done(keys the servers deleted) once all have replied
  // (at once with 0 when there is nothing to delete).
  template <typename Done>
  void Send(Done done) {
    if (dels_.empty()) return done(int64_t{0});
    struct Tally {
      size_t left;
      int64_t deleted = 0;
      Done done;
    };
    auto tally = std::make_shared<Tally>(Tally{dels_.size(), 0, std::move(done)});
    for (auto& [node, argv] : dels_)
      node->Command(std::move(argv), [tally](RedisReply&& reply) {
        if (reply.type == RedisReply::Type::kInteger) tally->deleted += reply.integer;
        if (--tally->left == 0) tally->done(tally->deleted);
      });
    dels_.clear();
  }

 private:
  std::vector<std::pair<CacheBackend*, std::vector<std::string>>> dels_;
};

}  // namespace cachelab
