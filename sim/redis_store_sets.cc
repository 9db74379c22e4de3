// RedisStore's set commands (SADD, SREM, SMEMBERS, SCARD, SISMEMBER): a set
// key's members live in sets_ by slot; Redis deletes a set that SREM empties.
#include <vector>

#include "sim/redis_store.h"
#include "sim/string_hash.h"

namespace cachelab {

RedisReply RedisStore::SAdd(std::string_view key, const std::vector<std::string_view>& members) {
  Note("sadd");
  if (!EnsureMemory()) {
    ++stats_.oom_rejections;
    return Oom();
  }
  uint32_t slot = Lookup(key, true);
  Entry* e = At(slot);
  if (e && e->type != Type::kSet) return WrongType();
  uint64_t before = e ? MemoryOf(slot) : 0;
  if (!e) {
    slot = Create(key, HashBytes(key));
    e = &slots_[slot];
    e->type = Type::kSet;
    sets_[slot];
  }
  int64_t added = 0;
  Members& set = MembersOf(slot);
  for (auto m : members) added += set.emplace(m).second ? 1 : 0;
  Recount(slot, before);
  return RedisReply::Integer(added);
}

RedisReply RedisStore::SRem(std::string_view key, const std::vector<std::string_view>& members) {
  Note("srem");
  EnsureMemory();
  uint32_t slot = Lookup(key, true);
  Entry* e = At(slot);
  if (!e) return RedisReply::Integer(0);
  if (e->type != Type::kSet) return WrongType();
  int64_t removed = 0;
  Members& set = MembersOf(slot);
  for (auto m : members) {
    auto it = set.find(m);
    if (it != set.end()) {
      set.erase(it);
      ++removed;
    }
  }
  if (set.empty()) Remove(slot, true);  // Redis deletes empty sets
  else Recount(slot, MemoryOf(slot));
  return RedisReply::Integer(removed);
}

RedisReply RedisStore::SMembers(std::string_view key) {
  Note("smembers");
  EnsureMemory();
  uint32_t slot = Lookup(key, true);
  Entry* e = At(slot);
  CountRead(e);
  if (!e) return RedisReply::Array({});
  if (e->type != Type::kSet) return WrongType();
  std::vector<RedisReply> out;
  for (const auto& m : MembersOf(slot)) out.push_back(RedisReply::String(m));
  return RedisReply::Array(std::move(out));
}

RedisReply RedisStore::SCard(std::string_view key) {
  Note("scard");
  EnsureMemory();
  uint32_t slot = Lookup(key, true);
  Entry* e = At(slot);
  CountRead(e);
  if (!e) return RedisReply::Integer(0);
  if (e->type != Type::kSet) return WrongType();
  return RedisReply::Integer(static_cast<int64_t>(MembersOf(slot).size()));
}

RedisReply RedisStore::SIsMember(std::string_view key, std::string_view member) {
  Note("sismember");
  EnsureMemory();
  uint32_t slot = Lookup(key, true);
  Entry* e = At(slot);
  CountRead(e);
  if (!e) return RedisReply::Integer(0);
  if (e->type != Type::kSet) return WrongType();
  return RedisReply::Integer(MembersOf(slot).count(member) ? 1 : 0);
}

}  // namespace cachelab
