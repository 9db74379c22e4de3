#include "sim/redis_store.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "eviction/redis_sampled.h"
#include "sim/redis_int.h"
#include "sim/redis_memory.h"
#include "sim/string_hash.h"

namespace cachelab {
namespace {

size_t DictTableBytes(size_t n) {
  if (n == 0) return 0;
  size_t size = 4;
  while (size < n) size <<= 1;
  return size * 8;
}

// A dict's bucket count after it holds n entries: it doubles when full
// (_dictExpandIfNeeded) but shrinks only below 10% fill (htNeedsResize, run
// by serverCron), so a keyspace held steady by eviction keeps its table.
// (An emptied dict is counted as tableless; Redis keeps 4 buckets, 32 bytes.)
uint64_t ResizedBuckets(uint64_t buckets, size_t n) {
  if (n == 0) return 0;
  if (n <= buckets && !(buckets > 4 && n * 100 < buckets * 10)) return buckets;
  return std::max<uint64_t>(4, std::bit_ceil(uint64_t{n}));  // the least power of two >= n, at least 4
}

// After a removal: Redis never grows a table then (a table held back by
// maxmemory stays as it is), it only shrinks one below 10% fill.
uint64_t ShrunkBuckets(uint64_t buckets, size_t n) { return n > buckets ? buckets : ResizedBuckets(buckets, n); }

}  // namespace

RedisStore::RedisStore(const RedisConfig& config) : config_(config) {
  pick_state_ = config_.seed;
  const std::string& p = config_.maxmemory_policy;
  shared_integers_ = config_.maxmemory == 0 || (p.find("lru") == std::string::npos && p.find("lfu") == std::string::npos);
  // Without maxmemory nothing is ever evicted, so no policy bookkeeping, unless
  // asked to keep Redis's access data (serve): then an LRU or LFU one that
  // only stamps (EnsureMemory evicts only with maxmemory and evicts_).
  evicts_ = p != "noeviction";
  const bool track = config_.track_access && (p == "noeviction" || p.starts_with("allkeys-"));
  if ((evicts_ && config_.maxmemory > 0) || track) {
    std::string name = p;
    if (p == "noeviction" || p == "allkeys-lru") name = "redis-lru";
    else if (p == "allkeys-lfu") name = "redis-lfu";
    else if (p == "allkeys-random") name = "random";
    eviction::PolicyOptions opt;
    opt.seed = config_.seed;
    opt.samples = config_.maxmemory_samples;
    opt.pool_by_id = true;  // performEvictions finds pooled keys by name
    opt.dict_sampling = true;
    opt.lfu_log_factor = config_.lfu_log_factor;
    opt.lfu_decay_time = config_.lfu_decay_time;
    opt.capacity = config_.maxmemory;
    std::string error;
    policy_ = eviction::MakePolicy(name, opt, &error);
    if (!policy_) throw std::invalid_argument("maxmemory-policy: " + error);
    sampled_ = dynamic_cast<eviction::RedisSampledPolicy*>(policy_.get());
  }
}

RedisStore::~RedisStore() = default;

RedisReply RedisStore::WrongType() {
  return RedisReply::Error("WRONGTYPE Operation against a key holding the wrong kind of value");
}

RedisReply RedisStore::Oom() { return RedisReply::Error("OOM command not allowed when used memory > 'maxmemory'."); }

uint32_t RedisStore::FindSlot(std::string_view key, uint64_t hash) const {
  if (!indexed_) IndexAll();
  NameBuffer buf;
  return index_.Find(key, hash, [this, &buf](uint32_t s) { return NameOf(s, buf); });
}

void RedisStore::IndexAll() const {
  NameBuffer buf;
  for (uint32_t s = 0; s < slots_.size(); ++s)
    if (slots_[s].live) index_.Insert(HashBytes(NameOf(s, buf)), s);
  indexed_ = true;
}

uint32_t RedisStore::Lookup(std::string_view key, bool touch) { return Lookup(key, HashBytes(key), touch); }

uint32_t RedisStore::Lookup(std::string_view key, uint64_t hash, bool touch) {
  uint32_t slot = FindSlot(key, hash);
  if (slot == KeyIndex::kNone) return kNone;
  return Found(slot, touch);
}

// Inlined into Get/Set/Del (with Found): every command by id looks its key up here.
[[gnu::always_inline]] inline uint32_t RedisStore::LookupId(std::string_view key, uint32_t id, bool touch) {
  if (id == kNoKeyId) return Lookup(key, HashBytes(key), touch);
  const SlotOf* of = slot_of_id_.Find(id);
  uint32_t slot = of ? of->slot : KeyIndex::kNone;
  if (slot == KeyIndex::kNone) {
    // Every live key linked to its id: a key with this id's name would be linked to it.
    if (unlinked_ == 0) return kNone;
    slot = FindSlot(key, HashBytes(key));
    if (slot == KeyIndex::kNone) return kNone;
    Link(slot, id);
  }
  return Found(slot, touch);
}

void RedisStore::Link(uint32_t slot, uint32_t id) {
  slot_of_id_.At(id);  // rows up to id exist (e.id's below it)
  Entry& e = slots_[slot];
  if (e.id == kNoKeyId) --unlinked_;
  else if (e.id != id) slot_of_id_[e.id].slot = KeyIndex::kNone;
  if (e.named_by_id && e.id != kNoKeyId && e.id != id) {  // the name stays the old id's: stored now
    NameBuffer buf;
    names_.At(slot).assign(NameOf(slot, buf));
    e.named_by_id = false;
  }
  e.id = id;
  slot_of_id_[id].slot = slot;
}

[[gnu::always_inline]] inline uint32_t RedisStore::Found(uint32_t slot, bool touch) {
  if (Expired(slot)) {
    ++stats_.expired_keys;
    Remove(slot, true);
    return kNone;
  }
  if (touch && policy_) policy_->Access(slot, PolicyNow());
  return slot;
}

std::string_view RedisStore::SpellName(uint32_t key, NameBuffer& buf) const {
  const std::string& prefix = config_.key_naming.prefix;
  std::memcpy(buf, prefix.data(), prefix.size());
  char* end = std::to_chars(buf + prefix.size(), buf + sizeof buf, key).ptr;
  return {buf, static_cast<size_t>(end - buf)};
}

bool RedisStore::NamedById(std::string_view key, uint32_t id, uint32_t* digits) const {
  const KeyNaming& n = config_.key_naming;
  if (!n.ids || id == kNoKeyId || n.prefix.size() > 12 || !key.starts_with(n.prefix)) return false;
  std::string_view d = key.substr(n.prefix.size());
  int64_t k = 0;  // the digits as to_chars spells them: canonical, not negative
  if (d.size() > 10 || d.starts_with('-') || !ParseRedisInt(d, &k) || k > UINT32_MAX) return false;
  if (n.ids->Find(static_cast<uint64_t>(k)) != id) return false;
  *digits = static_cast<uint32_t>(d.size());
  return true;
}

uint32_t RedisStore::Create(std::string_view key, uint64_t hash, uint32_t id) {
  uint32_t digits = 0;
  bool named = NamedById(key, id, &digits);
  return NewEntry(named, digits, key, hash);
}

uint32_t RedisStore::CreateDirect(uint32_t id, uint64_t key) {
  const std::string& prefix = config_.key_naming.prefix;
  if (key > UINT32_MAX || prefix.size() > 12) {  // a name NamedById refuses: stored, as Create does
    std::string name = prefix + std::to_string(key);
    return Create(name, indexed_ || policy_ ? HashBytes(name) : 0, id);
  }
  NameBuffer buf;  // the name only for the hash's users, as Set
  uint64_t hash = indexed_ || policy_ ? HashBytes(SpellName(static_cast<uint32_t>(key), buf)) : 0;
  return NewEntry(true, static_cast<uint32_t>(SmallValue::Digits(static_cast<uint32_t>(key))), {}, hash);
}

uint32_t RedisStore::NewEntry(bool named_by_id, uint32_t digits, std::string_view key, uint64_t hash) {
  uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = slots_.Append();
  }
  Entry& e = slots_[slot];
  e.named_by_id = named_by_id;
  e.name_digits = digits;
  if (!e.named_by_id) names_.At(slot).assign(key);
  e.type = Type::kString;
  e.value = SmallValue::kEmpty;
  e.pad = 0;
  e.deadline = 0;
  e.id = kNoKeyId;
  ++unlinked_;
  e.live = true;
  if (indexed_) index_.Insert(hash, slot);
  ++live_;
  dict_buckets_ = GrownBuckets(dict_buckets_, live_);
  if (sampled_) sampled_->SetDictBuckets(dict_buckets_);  // the policy samples this table
  if (policy_) policy_->Insert(slot, hash, 0, PolicyNow());
  return slot;
}

void RedisStore::Remove(uint32_t slot, bool notify_policy) {
  Entry& e = slots_[slot];
  calendar_.Cancel(DeadlineMs(slot), now_ms_);
  if (indexed_) {
    NameBuffer name_buf, other_buf;
    std::string_view name = NameOf(slot, name_buf);
    index_.Erase(name, HashBytes(name), [this, &other_buf](uint32_t s) { return NameOf(s, other_buf); });
  }
  --live_;
  expires_.Erase(slot);
  dict_buckets_ = ShrunkBuckets(dict_buckets_, live_);
  expires_buckets_ = ShrunkBuckets(expires_buckets_, expires_.size());
  key_memory_ -= MemoryOf(slot);
  if (notify_policy && policy_) policy_->Remove(slot);
  if (sampled_) sampled_->SetDictBuckets(dict_buckets_);
  // The entry's fields are read first and the entry written last, whole (one
  // store): read after narrower stores to parts of their word, they waited
  // for those (a store-forwarding stall, 30-40% of Remove's samples).
  const uint32_t id = e.id;
  const bool named = e.named_by_id, set = e.type == Type::kSet;
  if (e.pad == kPadSpilled) big_pads_.erase(slot);                 // SetPad(slot, e, 0)
  if (e.value == SmallValue::kSpilled) big_values_.erase(slot);     // AssignValue(slot, e, {})
  if (e.deadline == kDeadlineSpilled) big_deadlines_.erase(slot);  // SetDeadline(slot, e, -1)
  if (id != kNoKeyId) slot_of_id_[id].slot = KeyIndex::kNone;
  else --unlinked_;
  if (!named) names_[slot].clear();
  if (set) sets_.erase(slot);
  e = Entry{};  // empty value, no deadline or padding, a string, not live, no name by id, no id
  free_slots_.push_back(slot);
}

uint64_t RedisStore::MemoryOf(uint32_t slot) const {
  const Entry& e = slots_[slot];
  if (e.type == Type::kSet) return sets_.find(slot)->second.memory;
  SmallValue::Buffer buf;
  uint32_t pad = PadOf(slot, e);
  std::string_view value = pad == 0 ? ValueView(slot, e, buf) : std::string_view();
  return StringMemory(slot, e, value, pad == 0 ? value.size() : ValueSize(slot, e), pad);
}

[[gnu::always_inline]] inline uint64_t RedisStore::StringMemory(uint32_t slot, const Entry& e, std::string_view value,
                                                                 size_t size, uint32_t pad) const {
  // Padded values are never integers: StringValueMemory reads the bytes only without padding.
  return KeyOverheadMemory(NameSize(slot), e.deadline != 0) +
         StringValueMemory(pad == 0 ? value : std::string_view(), size + pad, shared_integers());
}

void RedisStore::Recount(uint32_t slot, uint64_t before) {
  const Entry& e = slots_[slot];
  if (e.type == Type::kSet) {
    SetValue& set = sets_.find(slot)->second;
    uint64_t m = KeyOverheadMemory(NameSize(slot), e.deadline != 0);
    if (set.intset) {
      m += IntsetSetMemory(set.members.size(), set.width);
    } else {
      m += kSetObjectMemory + DictTableBytes(set.members.size());
      for (const auto& s : set.members) m += SetMemberMemory(s.size());
    }
    set.memory = m;
  }
  key_memory_ += MemoryOf(slot) - before;
}

void RedisStore::SetPad(uint32_t slot, Entry& e, uint32_t pad) {
  if (e.pad == kPadSpilled) big_pads_.erase(slot);
  e.pad = pad < kPadSpilled ? pad : kPadSpilled;
  if (pad >= kPadSpilled) big_pads_[slot] = pad;
}

void RedisStore::AssignWord(uint32_t slot, Entry& e, uint32_t w, std::string_view value) {
  if (w == SmallValue::kSpilled) big_values_[slot].assign(value);
  else if (e.value == SmallValue::kSpilled) big_values_.erase(slot);
  e.value = w;
}

void RedisStore::SetDeadline(uint32_t slot, Entry& e, int64_t deadline_ms) {
  if (e.deadline == kDeadlineSpilled) big_deadlines_.erase(slot);
  if (deadline_ms < 0) {
    e.deadline = 0;
    return;
  }
  if (deadline_base_ms_ < 0) deadline_base_ms_ = std::max<int64_t>(now_ms_, 0);
  int64_t offset = deadline_ms - deadline_base_ms_;
  if (offset >= 0 && offset < int64_t{kDeadlineSpilled} - 1) {
    e.deadline = static_cast<uint32_t>(offset + 1);
  } else {
    e.deadline = kDeadlineSpilled;
    big_deadlines_[slot] = deadline_ms;
  }
}

void RedisStore::SetExpire(uint32_t slot, int64_t deadline_ms) {
  calendar_.Move(DeadlineMs(slot), deadline_ms, now_ms_);
  SetDeadline(slot, slots_[slot], deadline_ms);
  if (deadline_ms >= 0) expires_.Insert(slot);
  else expires_.Erase(slot);
  expires_buckets_ = deadline_ms >= 0 ? GrownBuckets(expires_buckets_, expires_.size())
                                      : ShrunkBuckets(expires_buckets_, expires_.size());
}

// Redis 7.0 (dict.c _dictExpandIfNeeded, server.c dictExpandAllowed): a
// full table doubles on insert, unless the new table would take used_memory
// past maxmemory while the load is at most 1.618 (HASHTABLE_MAX_LOAD_FACTOR):
// then it stays, with longer chains, and is tried again at the next insert.
uint64_t RedisStore::GrownBuckets(uint64_t buckets, size_t n) const {
  uint64_t grown = ResizedBuckets(buckets, n);
  if (grown <= buckets || buckets == 0 || config_.maxmemory == 0) return grown;
  double load = static_cast<double>(n - 1) / static_cast<double>(buckets);  // before this insert
  if (load <= 1.618 && used_memory() + grown * 8 > config_.maxmemory) return buckets;
  return grown;
}

uint64_t RedisStore::used_memory() const {
  uint64_t histograms = config_.latency_tracking ? command_names_.size() * kLatencyHistogramMemory : 0;
  return config_.base_memory + client_memory_ + key_memory_ + (dict_buckets_ + expires_buckets_) * 8 + histograms;
}

void RedisStore::Note(std::string_view name) {
  if (dispatching_) return;
  for (const auto& n : command_names_)
    if (n == name) return;
  command_names_.emplace_back(name);
}

int64_t RedisStore::PeekTtlMs(std::string_view key) const { return PeekTtlMs(key, kNoKeyId); }

uint32_t RedisStore::PeekSlot(std::string_view key, uint32_t id) const {
  const SlotOf* of = id == kNoKeyId ? nullptr : slot_of_id_.Find(id);
  uint32_t slot = of ? of->slot : kNone;
  if (slot == kNone && (id == kNoKeyId || unlinked_ > 0)) slot = FindSlot(key, HashBytes(key));
  return slot == KeyIndex::kNone || Expired(slot) ? kNone : slot;
}

int64_t RedisStore::PeekTtlMs(std::string_view key, uint32_t id) const {
  uint32_t slot = PeekSlot(key, id);
  if (slot == kNone) return -2;
  int64_t deadline = DeadlineMs(slot);
  if (deadline < 0) return -1;
  return std::max<int64_t>(0, deadline - now_ms_);
}

bool RedisStore::PeekString(std::string_view key, uint32_t id, Blob* value) const {
  uint32_t slot = PeekSlot(key, id);
  if (slot == kNone || slots_[slot].type != Type::kString) return false;
  *value = ValueOf(slot);
  return true;
}

bool RedisStore::EnsureMemory() {
  ++stats_.commands;
  if (config_.maxmemory == 0) return true;
  while (used_memory() > config_.maxmemory) {
    if (!policy_ || !evicts_) return false;
    eviction::Handle h = policy_->Evict(PolicyNow());
    if (h == eviction::kNoHandle) return false;
    ++stats_.evicted_keys;
    Remove(h, false);
  }
  return true;
}


RedisReply RedisStore::Get(std::string_view key, uint32_t id) {
  NoteOnce(kNotedGet, "get");
  EnsureMemory();
  uint32_t slot = LookupId(key, id, true);
  Entry* e = At(slot);
  if (!e) {
    ++stats_.keyspace_misses;
    return RedisReply::Nil();
  }
  ++stats_.keyspace_hits;
  if (e->type != Type::kString) return WrongType();
  return StringReply(slot);
}

DirectReply RedisStore::GetDirect(uint32_t id) {
  NoteOnce(kNotedGet, "get");
  EnsureMemory();
  uint32_t slot = LookupId({}, id, true);  // no name needed: every live key is linked
  DirectReply r;
  if (slot == kNone) {
    ++stats_.keyspace_misses;
    return r;
  }
  ++stats_.keyspace_hits;
  const Entry& e = slots_[slot];
  if (e.type != Type::kString) {
    r.status = DirectReply::Status::kError;
    return r;
  }
  r.status = DirectReply::Status::kValue;
  if ((e.value & 3) == SmallValue::kPrefixed) {  // "v<n>", n below 2^30: the lab's values
    r.version = e.value >> 2;
    return r;
  }
  SmallValue::Buffer buf;
  std::string_view v = ValueView(slot, e, buf);
  r.version = VersionOfBytes(v);
  r.lease = !v.empty() && v[0] == 'L';
  return r;
}

RedisReply RedisStore::Set(std::string_view key, uint32_t id, Blob value, const SetOptions& opt) {
  NoteOnce(kNotedSet, "set");
  if (!EnsureMemory()) {
    ++stats_.oom_rejections;
    return Oom();
  }
  uint32_t slot = LookupId(key, id, true);
  Entry* e = At(slot);
  RedisReply old = RedisReply::Nil();
  if (opt.get) CountRead(e);  // getGenericCommand's lookup, before NX/XX
  if (opt.get && e) {
    if (e->type != Type::kString) return WrongType();
    old = StringReply(slot);
  }
  if ((opt.cond == SetOptions::Cond::kNx && e) || (opt.cond == SetOptions::Cond::kXx && !e))
    return opt.get ? old : RedisReply::Nil();
  uint64_t before = e ? MemoryOf(slot) : 0;
  if (!e) {
    slot = Create(key, indexed_ || policy_ ? HashBytes(key) : 0, id);  // the hash only for its users
    if (id != kNoKeyId) Link(slot, id);
  }
  WriteString(slot, SmallValue::Encode(value.data), value.data, value.pad, opt, before);
  return opt.get ? old : RedisReply::Ok();
}

[[gnu::always_inline]] inline void RedisStore::WriteString(uint32_t slot, uint32_t word, std::string_view bytes,
                                                            uint32_t pad, const SetOptions& opt, uint64_t before) {
  Entry& e = slots_[slot];
  if (e.type == Type::kSet) sets_.erase(slot);
  e.type = Type::kString;
  AssignWord(slot, e, word, bytes);
  SetPad(slot, e, pad);
  if (opt.expire_at_ms >= 0) SetExpire(slot, opt.expire_at_ms);
  else if (opt.expire_ms >= 0) SetExpire(slot, now_ms_ + opt.expire_ms);
  else if (!opt.keep_ttl) SetExpire(slot, -1);
  key_memory_ += StringMemory(slot, e, bytes, bytes.size(), pad) - before;  // Recount, from the bytes at hand
}

DirectReply RedisStore::SetDirect(uint32_t id, uint64_t key, uint64_t version, uint32_t size, const SetOptions& opt) {
  NoteOnce(kNotedSet, "set");
  DirectReply r;
  if (!EnsureMemory()) {
    ++stats_.oom_rejections;
    r.status = DirectReply::Status::kError;
    return r;
  }
  uint32_t slot = LookupId({}, id, true);  // no name needed: every live key is linked
  const bool found = slot != kNone;
  if ((opt.cond == SetOptions::Cond::kNx && found) || (opt.cond == SetOptions::Cond::kXx && !found)) return r;
  char value[24] = {'v'};  // strategies' VersionedValue(version, size)
  std::string_view bytes(value, static_cast<size_t>(std::to_chars(value + 1, value + sizeof value, version).ptr - value));
  // Encode's word, without parsing the bytes back: "v<n>" of 2-3 bytes is raw, longer is prefixed up to kMaxNumber.
  uint32_t word;
  if (version < 100) {
    uint32_t raw = 0;
    std::memcpy(&raw, value, bytes.size());
    word = SmallValue::kRaw | static_cast<uint32_t>(bytes.size()) << 2 | raw << 8;
  } else {
    word = version <= SmallValue::kMaxNumber ? SmallValue::kPrefixed | static_cast<uint32_t>(version) << 2
                                             : SmallValue::Encode(bytes);
  }
  uint64_t before = found ? MemoryOf(slot) : 0;
  if (!found) {
    slot = CreateDirect(id, key);
    Link(slot, id);
  }
  WriteString(slot, word, bytes, size > bytes.size() ? static_cast<uint32_t>(size - bytes.size()) : 0, opt, before);
  r.status = DirectReply::Status::kOk;
  return r;
}

RedisReply RedisStore::SetEx(std::string_view key, int64_t seconds, Blob value) {
  Note("setex");
  // getExpireMillisecondsOrReply: positive, and neither the unit conversion
  // nor adding the time may overflow.
  if (seconds <= 0 || seconds > std::numeric_limits<int64_t>::max() / 1000 ||
      seconds * 1000 > std::numeric_limits<int64_t>::max() - now_ms_)
    return RedisReply::Error("ERR invalid expire time in 'setex' command");
  SetOptions opt;
  opt.expire_ms = seconds * 1000;
  return Set(key, std::move(value), opt);
}

RedisReply RedisStore::Del(std::string_view key, uint32_t id) {
  if (id == kNoKeyId) return Del(std::vector<std::string_view>{key});
  NoteOnce(kNotedDel, "del");
  EnsureMemory();
  uint32_t slot = LookupId(key, id, false);
  Entry* e = At(slot);
  if (!e) return RedisReply::Integer(0);
  Remove(slot, true);
  return RedisReply::Integer(1);
}

DirectReply RedisStore::DelDirect(uint32_t id) {
  NoteOnce(kNotedDel, "del");
  EnsureMemory();
  uint32_t slot = LookupId({}, id, false);  // no name needed: every live key is linked
  DirectReply r;
  if (slot == kNone) return r;
  Remove(slot, true);
  r.status = DirectReply::Status::kOk;
  return r;
}

RedisReply RedisStore::Del(const std::vector<std::string_view>& keys) {
  Note("del");
  EnsureMemory();
  int64_t n = 0;
  for (auto k : keys) {
    if (uint32_t slot = Lookup(k, false); slot != kNone) {
      Remove(slot, true);
      ++n;
    }
  }
  return RedisReply::Integer(n);
}

RedisReply RedisStore::Exists(const std::vector<std::string_view>& keys) {
  Note("exists");
  EnsureMemory();
  int64_t n = 0;
  for (auto k : keys) n += LookupRead(k, false) != kNone;
  return RedisReply::Integer(n);
}

RedisReply RedisStore::KeyType(std::string_view key) {
  Note("type");
  EnsureMemory();
  Entry* e = At(LookupRead(key, false));
  return RedisReply::Status(!e ? "none" : e->type == Type::kSet ? "set" : "string");
}

RedisReply RedisStore::Strlen(std::string_view key) {
  Note("strlen");
  EnsureMemory();
  uint32_t slot = LookupRead(key, true);
  Entry* e = At(slot);
  if (!e) return RedisReply::Integer(0);
  if (e->type != Type::kString) return WrongType();
  return RedisReply::Integer(static_cast<int64_t>(ValueSize(slot, *e) + PadOf(slot, *e)));
}

namespace {
// tryObjectEncoding's choice for a string value of `size` bytes (bytes: its
// text when unpadded and short, else empty): int, embstr up to 44, raw.
const char* StringEncoding(std::string_view bytes, size_t size, int64_t* number) {
  if (size <= 20 && bytes.size() == size && ParseRedisInt(bytes, number)) return "int";
  return size <= 44 ? "embstr" : "raw";
}
}  // namespace

uint32_t RedisStore::ObjectSlot(std::string_view key) {
  Note("object");
  EnsureMemory();
  return LookupRead(key, false);
}

const char* RedisStore::ObjectLookup(std::string_view key, int64_t* number) {
  uint32_t slot = ObjectSlot(key);
  Entry* e = At(slot);
  if (!e) return nullptr;
  if (e->type == Type::kSet) return sets_.find(slot)->second.intset ? "intset" : "hashtable";
  SmallValue::Buffer buf;
  const uint32_t pad = PadOf(slot, *e);
  return StringEncoding(pad ? std::string_view() : ValueView(slot, *e, buf), ValueSize(slot, *e) + pad, number);
}

RedisReply RedisStore::ObjectEncoding(std::string_view key) {
  int64_t number;
  const char* encoding = ObjectLookup(key, &number);
  return encoding ? RedisReply::String(encoding) : RedisReply::Nil();
}

RedisReply RedisStore::ObjectRefcount(std::string_view key) {
  int64_t number = -1;
  const char* encoding = ObjectLookup(key, &number);
  if (!encoding) return RedisReply::Nil();
  // OBJ_SHARED_INTEGERS: 0..9999 are shared objects (OBJ_SHARED_REFCOUNT) when integers are shared.
  const bool shared =
      std::string_view(encoding) == "int" && shared_integers() && number >= 0 && number < 10000;
  return RedisReply::Integer(shared ? 2147483647 : 1);
}

namespace {
// object.c's replies when the policy keeps the other kind of access data.
constexpr const char* kAdjustNote =
    " Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.";
bool RedisPolicy(const std::string& p) {
  return p == "noeviction" || p.starts_with("allkeys-") || p.starts_with("volatile-");
}
}  // namespace

// Key first, then the policy, as object.c: a missing key is nil under any policy.
RedisReply RedisStore::ObjectFreq(std::string_view key) {
  uint32_t slot = ObjectSlot(key);
  if (!At(slot)) return RedisReply::Nil();
  const std::string& p = config_.maxmemory_policy;
  if (RedisPolicy(p) && !p.ends_with("-lfu"))
    return RedisReply::Error(std::string("ERR An LFU maxmemory policy is not selected, access frequency not tracked.") +
                             kAdjustNote);
  if (!sampled_ || sampled_->mode() != eviction::RedisSampledPolicy::Mode::kLfu)
    return RedisReply::Error("ERR OBJECT FREQ is not simulated here (cachelab keeps LFU counters under "
                             "allkeys-lfu with maxmemory set, or in serve)");
  return RedisReply::Integer(sampled_->LfuCounter(slot, PolicyNow()));
}

RedisReply RedisStore::ObjectIdletime(std::string_view key) {
  uint32_t slot = ObjectSlot(key);
  if (!At(slot)) return RedisReply::Nil();
  const std::string& p = config_.maxmemory_policy;
  if (RedisPolicy(p) && p.ends_with("-lfu"))
    return RedisReply::Error(std::string("ERR An LFU maxmemory policy is selected, idle time not tracked.") +
                             kAdjustNote);
  if (!sampled_ || sampled_->mode() == eviction::RedisSampledPolicy::Mode::kLfu)
    return RedisReply::Error("ERR OBJECT IDLETIME is not simulated here (cachelab keeps access times under "
                             "allkeys-lru or allkeys-random with maxmemory set, or under any Redis policy in serve)");
  return RedisReply::Integer(static_cast<int64_t>(sampled_->IdleMs(slot, PolicyNow()) / 1000));
}

RedisReply RedisStore::Mget(const std::vector<std::string_view>& keys) {
  Note("mget");
  EnsureMemory();
  std::vector<RedisReply> out;
  out.reserve(keys.size());
  for (auto k : keys) {
    uint32_t slot = LookupRead(k, true);
    Entry* e = At(slot);
    if (!e || e->type != Type::kString) out.push_back(RedisReply::Nil());
    else out.push_back(StringReply(slot));
  }
  return RedisReply::Array(std::move(out));
}

RedisReply RedisStore::Mset(const std::vector<std::string_view>& pairs, bool nx) {
  Note(nx ? "msetnx" : "mset");
  if (!EnsureMemory()) {
    ++stats_.oom_rejections;
    return Oom();
  }
  if (nx)  // lookupKeyWrite each key until one exists (it touches)
    for (size_t i = 0; i < pairs.size(); i += 2)
      if (At(Lookup(pairs[i], true))) return RedisReply::Integer(0);
  for (size_t i = 0; i + 1 < pairs.size(); i += 2) {
    const std::string_view key = pairs[i], value = pairs[i + 1];
    uint32_t slot = Lookup(key, true);
    uint64_t before = At(slot) ? MemoryOf(slot) : 0;
    if (slot == kNone) slot = Create(key, indexed_ || policy_ ? HashBytes(key) : 0, kNoKeyId);
    WriteString(slot, SmallValue::Encode(value), value, 0, SetOptions{}, before);
  }
  return nx ? RedisReply::Integer(1) : RedisReply::Ok();
}

RedisReply RedisStore::IncrBy(std::string_view key, int64_t delta) {
  Note("incrby");
  if (!EnsureMemory()) {
    ++stats_.oom_rejections;
    return Oom();
  }
  uint32_t slot = Lookup(key, true);
  Entry* e = At(slot);
  int64_t value = 0;
  if (e) {
    if (e->type != Type::kString) return WrongType();
    SmallValue::Buffer buf;
    if (e->pad != 0 || !ParseRedisInt(ValueView(slot, *e, buf), &value))
      return RedisReply::Error("ERR value is not an integer or out of range");
  }
  if ((delta < 0 && value < 0 && delta < std::numeric_limits<int64_t>::min() - value) ||
      (delta > 0 && value > 0 && delta > std::numeric_limits<int64_t>::max() - value))
    return RedisReply::Error("ERR increment or decrement would overflow");
  value += delta;
  uint64_t before = e ? MemoryOf(slot) : 0;
  if (!e) {
    slot = Create(key, HashBytes(key));
    e = &slots_[slot];
  }
  AssignValue(slot, *e, std::to_string(value));
  Recount(slot, before);
  return RedisReply::Integer(value);
}

}  // namespace cachelab
