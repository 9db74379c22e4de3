// RedisStore's set commands (SADD, SREM, SMEMBERS, SCARD, SISMEMBER, SPOP,
// SRANDMEMBER): a set
// key's members live in sets_ by slot; Redis deletes a set that SREM empties.
// The encoding follows Redis 7.0's rules (an intset of integers up to 512
// members, else a hash table, never back), for memory and SMEMBERS's order.
#include <algorithm>
#include <vector>

#include "sim/redis_int.h"
#include "sim/redis_memory.h"
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
  int64_t v;
  if (!e) {
    slot = Create(key, HashBytes(key));
    e = &slots_[slot];
    e->type = Type::kSet;
    sets_[slot].intset = ParseRedisInt(members.front(), &v);  // setTypeCreate: by the first member
  }
  int64_t added = 0;
  SetValue& set = sets_.find(slot)->second;
  for (auto m : members) {
    if (set.intset && ParseRedisInt(m, &v)) {  // setTypeAdd: intsetAdd, then convert past 512
      if (!set.members.emplace(m).second) continue;
      ++added;
      set.width = std::max(set.width, IntsetWidth(v));
      if (set.members.size() > kSetMaxIntsetEntries) set.intset = false;
      continue;
    }
    set.intset = false;  // a member that is no integer: a hash table from now on
    added += set.members.emplace(m).second ? 1 : 0;
  }
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
  uint32_t slot = LookupRead(key, true);
  Entry* e = At(slot);
  if (!e) return RedisReply::Array({});
  if (e->type != Type::kSet) return WrongType();
  std::vector<RedisReply> out;
  const SetValue& set = sets_.find(slot)->second;
  if (set.intset) {  // an intset keeps its members in ascending numeric order
    std::vector<std::pair<int64_t, const std::string*>> numbers;
    for (const auto& m : set.members) {
      int64_t v = 0;
      ParseRedisInt(m, &v);
      numbers.emplace_back(v, &m);
    }
    std::sort(numbers.begin(), numbers.end());
    for (const auto& n : numbers) out.push_back(RedisReply::String(*n.second));
  } else {
    for (const auto& m : set.members) out.push_back(RedisReply::String(m));
  }
  return RedisReply::Array(std::move(out));
}

RedisReply RedisStore::SCard(std::string_view key) {
  Note("scard");
  EnsureMemory();
  uint32_t slot = LookupRead(key, true);
  Entry* e = At(slot);
  if (!e) return RedisReply::Integer(0);
  if (e->type != Type::kSet) return WrongType();
  return RedisReply::Integer(static_cast<int64_t>(MembersOf(slot).size()));
}

RedisReply RedisStore::SIsMember(std::string_view key, std::string_view member) {
  Note("sismember");
  EnsureMemory();
  uint32_t slot = LookupRead(key, true);
  Entry* e = At(slot);
  if (!e) return RedisReply::Integer(0);
  if (e->type != Type::kSet) return WrongType();
  return RedisReply::Integer(MembersOf(slot).count(member) ? 1 : 0);
}

size_t RedisStore::PickIndex(size_t n) {
  uint64_t z = (pick_state_ += 0x9e3779b97f4a7c15ULL);  // splitmix64
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return static_cast<size_t>(static_cast<unsigned __int128>(z ^ (z >> 31)) * n >> 64);
}

// spopWithCountCommand's order: the key's type before a zero count.
RedisReply RedisStore::SPop(std::string_view key, bool has_count, int64_t count) {
  Note("spop");
  EnsureMemory();
  uint32_t slot = Lookup(key, true);  // lookupKeyWrite: no keyspace hit or miss
  Entry* e = At(slot);
  if (!e) return has_count ? RedisReply::Array({}) : RedisReply::Nil();
  if (e->type != Type::kSet) return WrongType();
  Members& set = MembersOf(slot);
  // spopWithCountCommand's case 1 (count >= size) replies through
  // sunionDiffGenericCommand, whose read lookup counts a keyspace hit.
  if (has_count && static_cast<uint64_t>(count) >= set.size()) CountRead(e);
  size_t n = has_count ? static_cast<size_t>(std::min<uint64_t>(static_cast<uint64_t>(count), set.size())) : 1;
  std::vector<RedisReply> out;
  for (size_t i = 0; i < n; ++i) {
    auto it = std::next(set.begin(), static_cast<long>(PickIndex(set.size())));
    out.push_back(RedisReply::String(*it));
    set.erase(it);
  }
  if (set.empty()) Remove(slot, true);  // Redis deletes empty sets
  else if (n > 0) Recount(slot, MemoryOf(slot));
  return has_count ? RedisReply::Array(std::move(out)) : std::move(out.front());
}

RedisReply RedisStore::SRandMember(std::string_view key, bool has_count, int64_t count) {
  Note("srandmember");
  EnsureMemory();
  uint32_t slot = LookupRead(key, true);
  Entry* e = At(slot);
  if (!e) return has_count ? RedisReply::Array({}) : RedisReply::Nil();
  if (e->type != Type::kSet) return WrongType();
  const Members& set = MembersOf(slot);
  std::vector<const std::string*> members;  // indexable: one walk of the set, not one a pick
  members.reserve(set.size());
  for (const auto& m : set) members.push_back(&m);
  if (!has_count) return RedisReply::String(*members[PickIndex(members.size())]);
  std::vector<RedisReply> out;
  if (count < 0) {  // repeats allowed
    for (int64_t i = 0; i < -count; ++i) out.push_back(RedisReply::String(*members[PickIndex(members.size())]));
    return RedisReply::Array(std::move(out));
  }
  // Distinct members: a partial Fisher-Yates shuffle.
  size_t n = static_cast<size_t>(std::min<uint64_t>(static_cast<uint64_t>(count), members.size()));
  for (size_t i = 0; i < n; ++i) {
    std::swap(members[i], members[i + PickIndex(members.size() - i)]);
    out.push_back(RedisReply::String(*members[i]));
  }
  return RedisReply::Array(std::move(out));
}

}  // namespace cachelab
