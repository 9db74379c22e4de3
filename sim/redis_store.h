// The simulated Redis keyspace: the state machine behind SimRedis, with the
// semantics of Redis 7.0 for the commands the lab uses. It has no notion of
// latency; the caller says what time it is (SetTime) before each command, the
// way Redis takes one time snapshot per command.
//
// Expiry: lazy on access (a key is expired when now_ms > deadline_ms, as in
// Redis's keyIsExpired) plus ActiveExpireCycle(), to be called hz times per
// second, which walks keys with a TTL 20 at a time and repeats while more than
// 10% of those checked had expired.
// Memory: per-key cost as in redis_memory.h plus dict bucket arrays (grown
// when full, shrunk only below 10% fill, as Redis does); with
// maxmemory set, every command first evicts until used <= maxmemory (Redis's
// performEvictions) and write commands that may grow memory get an OOM error
// when that fails (noeviction).
#pragma once
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "eviction/policy.h"
#include "sim/blob.h"
#include "sim/direct_reply.h"
#include "sim/chunked_rows.h"
#include "sim/expiry_calendar.h"
#include "sim/key_index.h"
#include "sim/key_ids.h"
#include "sim/prefetch.h"
#include "sim/redis_int.h"
#include "sim/redis_reply.h"
#include "sim/slot_set.h"
#include "sim/small_bytes.h"
#include "sim/small_value.h"
#include "sim/time.h"

namespace cachelab::eviction {
class RedisSampledPolicy;
}  // namespace cachelab::eviction

namespace cachelab {

// How the caller names the keys it gives ids (sim/key_ids.h), so the store can
// spell a key's name from its id instead of storing it: the prefix, then the
// decimal key that `ids` numbers the id with (keys below 2^32). The runner's
// names are "k:<key>" (strategies/harness.h's CacheKey).
struct KeyNaming {
  const KeyIds* ids = nullptr;  // null: every name stored
  std::string prefix;           // at most 12 bytes
};

struct RedisConfig {
  uint64_t maxmemory = 0;                   // bytes; 0 = unlimited
  std::string maxmemory_policy = "noeviction";  // noeviction | allkeys-lru | allkeys-lfu | allkeys-random | any eviction/ policy
  int maxmemory_samples = 5;
  int lfu_log_factor = 10;
  int lfu_decay_time = 1;
  int hz = 10;                 // active expiry cycles per second
  uint64_t base_memory = 0;    // used_memory of an empty server (real Redis: ~0.9 MB)
  // Count a latency histogram (24,688 B) per command name used, as Redis 7's
  // default latency-tracking yes does. Off unless asked: the simulated runs
  // count no fixed server overhead (base_memory 0); replay --backend sim and
  // --compare-live turn it on (or follow the live server's setting).
  bool latency_tracking = false;
  uint64_t seed = 1;
  // Keep Redis's per-key access data (LRU stamps; LFU counters under
  // allkeys-lfu) even where nothing can be evicted (no maxmemory, noeviction),
  // as Redis always does, for OBJECT IDLETIME/FREQ. `cachelab serve` sets it;
  // simulated runs leave it off (it costs a policy row a key).
  bool track_access = false;
  KeyNaming key_naming;  // keys created with an id whose name it spells keep no name of their own
};

struct SetOptions {
  enum class Cond : uint8_t { kAlways, kNx, kXx };
  Cond cond = Cond::kAlways;
  int64_t expire_ms = -1;  // relative; -1: no expiry (clears an existing TTL unless keep_ttl)
  int64_t expire_at_ms = -1;  // absolute unix ms (EXAT/PXAT, checked by the caller); wins over expire_ms
  bool keep_ttl = false;
  bool get = false;  // SET ... GET: reply with the old value
};

// EXPIRE's NX/XX/GT/LT options (Redis's EXPIRE_NX ... flags).
enum ExpireFlags : int { kExpireNx = 1, kExpireXx = 2, kExpireGt = 4, kExpireLt = 8 };

struct RedisStats {
  uint64_t expired_keys = 0;  // lazy + active
  uint64_t evicted_keys = 0;
  uint64_t keyspace_hits = 0, keyspace_misses = 0;
  uint64_t commands = 0;
  uint64_t oom_rejections = 0;
  uint64_t scanned_keys = 0;  // keys visited by SCAN
};

class RedisStore {
 public:
  // Throws std::invalid_argument for an unknown maxmemory_policy.
  explicit RedisStore(const RedisConfig& config);
  ~RedisStore();
  // Config's key_naming, set later. REQUIRES: no key created yet (names
  // already spelled by id would change with it), and naming.ids outlives every lookup.
  void SetKeyNaming(const KeyNaming& naming) { config_.key_naming = naming; }

  // Sets the command time snapshot (simulated nanoseconds; Redis keeps ms).
  void SetTime(SimTime now) { now_ms_ = now / kMillisecond; }
  int64_t now_ms() const { return now_ms_; }
  // The server clock its eviction policy reads (ms; -1: the command time).
  // Redis's LRU clock is server.lruclock, refreshed by serverCron (every
  // 100 ms at hz 10) from the unix time, so it ticks at unix-second
  // boundaries seen at the next cron run; a twin of a live run sets this to
  // the live server's last cron time so its ties break at the same requests.
  void SetPolicyClock(int64_t unix_ms) { policy_ms_ = unix_ms; }

  RedisReply Get(std::string_view key) { return Get(key, kNoKeyId); }
  RedisReply Set(std::string_view key, Blob value, const SetOptions& opt = {}) {
    return Set(key, kNoKeyId, std::move(value), opt);
  }
  // The same with the key's dense id (sim/key_ids.h; kNoKeyId: none): the key
  // is found through an array indexed by id, its name hashed only the first
  // time. REQUIRES: an id always comes with the same key name.
  RedisReply Get(std::string_view key, uint32_t id);
  RedisReply Set(std::string_view key, uint32_t id, Blob value, const SetOptions& opt);
  RedisReply Del(std::string_view key, uint32_t id);
  // Get(name, id) by the id alone, the reply as its facts (sim/direct_reply.h):
  // the same effects (command noted, eviction, lazy expiry, keyspace hit or
  // miss, policy touch). REQUIRES: unlinked_keys() == 0.
  DirectReply GetDirect(uint32_t id);
  // Set(name, id, value, opt) by the id alone, where name is key_naming's
  // (its prefix and the decimal key) and value "v<version>" padded to `size`
  // bytes (the lab's values): kOk, kNil (NX/XX refused) or kError (OOM).
  // REQUIRES: unlinked_keys() == 0, key_naming.ids set and giving key the id
  // `id`, !opt.get (SET ... GET replies the old value: Set).
  DirectReply SetDirect(uint32_t id, uint64_t key, uint64_t version, uint32_t size, const SetOptions& opt);
  // Del(name, id) by the id alone: kOk (deleted) or kNil. REQUIRES: unlinked_keys() == 0.
  DirectReply DelDirect(uint32_t id);
  RedisReply SetEx(std::string_view key, int64_t seconds, Blob value);
  RedisReply Del(const std::vector<std::string_view>& keys);
  RedisReply Del(std::string_view key) { return Del(std::vector<std::string_view>{key}); }
  RedisReply Exists(const std::vector<std::string_view>& keys);
  RedisReply Expire(std::string_view key, int64_t amount, bool milliseconds);
  // expireGenericCommand: amount in s or ms from now (or from 0 when absolute),
  // overflow refused, then the NX/XX/GT/LT conditions; `name` for the error.
  RedisReply ExpireGeneric(std::string_view key, int64_t amount, bool milliseconds, bool absolute, int flags,
                           const char* name);
  RedisReply Ttl(std::string_view key, bool milliseconds);
  RedisReply Mget(const std::vector<std::string_view>& keys);
  // MSET / MSETNX key value [key value ...] (pairs: REQUIRES an even count):
  // eviction once before the command, as processCommand; each pair as SET
  // without options (the TTL cleared). MSETNX: 0 if any key exists, else 1.
  RedisReply Mset(const std::vector<std::string_view>& pairs, bool nx);
  RedisReply IncrBy(std::string_view key, int64_t delta);
  RedisReply SAdd(std::string_view key, const std::vector<std::string_view>& members);
  RedisReply SRem(std::string_view key, const std::vector<std::string_view>& members);
  RedisReply SMembers(std::string_view key);  // sorted (Redis's order is unspecified)
  RedisReply SCard(std::string_view key);
  RedisReply SIsMember(std::string_view key, std::string_view member);
  // SPOP key [count] and SRANDMEMBER key [count] (has_count false: the form
  // without, one member or nil). Members are picked uniformly by the store's
  // own generator (seeded by config seed): Redis's picks, from its dict's
  // random walk, differ. SRANDMEMBER's negative count picks with repeats.
  // REQUIRES: SPOP's count >= 0 (Dispatch refuses the rest as Redis).
  RedisReply SPop(std::string_view key, bool has_count, int64_t count);
  RedisReply SRandMember(std::string_view key, bool has_count, int64_t count);
  RedisReply KeyType(std::string_view key);  // TYPE: "none", "string" or "set"; no LRU touch (LOOKUP_NOTOUCH)
  RedisReply Strlen(std::string_view key);  // the value's length, padding included
  // OBJECT ENCODING / REFCOUNT: Redis 7.0's encoding of the value (int, embstr,
  // raw; intset, hashtable) and its reference count (2147483647 for a shared
  // integer); no LRU touch.
  RedisReply ObjectEncoding(std::string_view key);
  RedisReply ObjectRefcount(std::string_view key);
  // OBJECT FREQ / IDLETIME: the LFU counter (decayed, not stored) and the
  // seconds since the last access by Redis's LRU clock; nil for a missing key,
  // Redis's error under the other kind of policy, and a "not simulated" error
  // where the model keeps no such data (no maxmemory, noeviction, or an
  // eviction/ policy that is not Redis's). No LRU touch.
  RedisReply ObjectFreq(std::string_view key);
  RedisReply ObjectIdletime(std::string_view key);
  // SCAN cursor [MATCH pattern] [COUNT n] [TYPE t]: reply [next-cursor, [keys]].
  // match/type: null when not given ("" matches nothing; TYPE is case-insensitive).
  RedisReply Scan(uint64_t cursor, const std::string* match, int64_t count, const std::string* type);
  // KEYS pattern: every live key matching, in slot order (Redis: its dict's
  // order). An expired key is left out but not deleted, and nothing is
  // counted (Redis 7.0 keysCommand: keyIsExpired, not expireIfNeeded).
  RedisReply Keys(const std::string& pattern);
  RedisReply DbSize() const { return RedisReply::Integer(static_cast<int64_t>(size())); }
  RedisReply FlushDb();

  // The generic entry: argv as a client sends it ("SET", "k", "v", "PX", "100").
  RedisReply Dispatch(const std::vector<std::string>& argv);

  void ActiveExpireCycle();

  // Hints for a caller that knows the keys of commands ahead (no effect on
  // results): start loading id's slot_of_id_ cell, then (a step later) its entry.
  void PrefetchId(uint32_t id) const { slot_of_id_.Prefetch(id); }
  void PrefetchEntry(uint32_t id) const {
    const SlotOf* of = slot_of_id_.Find(id);
    if (!of || of->slot == KeyIndex::kNone) return;
    PrefetchLine(&slots_[of->slot]);  // one line (see Entry)
  }

  uint64_t used_memory() const;
  // Client connections' buffers (reply buffers, queued replies) beyond
  // base_memory, counted in used_memory as Redis does; set by a client model.
  void SetClientMemory(uint64_t bytes) { client_memory_ = bytes; }
  // Command names run so far (each holds a latency histogram when tracking).
  size_t command_names_used() const { return command_names_.size(); }
  size_t size() const { return live_; }
  // INFO keyspace's expires= and avg_ttl=: the keys with a TTL (expired ones
  // not yet deleted included), and Redis's running estimate of their mean TTL
  // in ms, updated by the active expiry cycle from the keys it checks (98% the
  // old estimate, 2% the loop's mean; 0 when no key has a TTL).
  size_t expires_count() const { return expires_.size(); }
  int64_t avg_ttl_ms() const { return avg_ttl_ms_; }
  const RedisStats& stats() const { return stats_; }
  const RedisConfig& config() const { return config_; }
  // Keys per second of their TTL deadline (expiry synchronisation).
  const ExpiryCalendar& expiry_calendar() const { return calendar_; }
  // Remaining TTL in ms, -1 without expiry, -2 missing (no side effects, for tests and metrics).
  int64_t PeekTtlMs(std::string_view key) const;
  // The same with the key's dense id (kNoKeyId: by name): no lookup by name
  // while every live key came with its id. REQUIRES as for Get(key, id).
  int64_t PeekTtlMs(std::string_view key, uint32_t id) const;
  // A live string key's value without GET's side effects (no lazy expiry, no
  // keyspace hit/miss, no eviction-policy touch, no command): false if the key
  // is missing, expired or not a string. Finds it as PeekTtlMs(key, id) does.
  bool PeekString(std::string_view key, uint32_t id, Blob* value) const;
  // What GET does before it looks its key up: notes the command, and evicts
  // while used_memory is above maxmemory. Then PeekString of keys answers what
  // GETs of them would: a GET only frees memory after this, so evicts nothing.
  void BeginGet() {
    NoteOnce(kNotedGet, "get");
    EnsureMemory();
  }
  // Live keys created by name and never found by an id since: while 0, a key
  // without an id is not in the store, and no lookup by name is needed to say so.
  size_t unlinked_keys() const { return unlinked_; }

 private:
  enum class Type : uint8_t { kString, kSet };
  struct Entry {  // 16 bytes
    uint32_t value = SmallValue::kEmpty;  // kString: the payload (kSpilled: in big_values_), then pad bytes of padding
    uint32_t deadline = 0;    // deadline in ms - deadline_base_ms_ + 1; 0 none; kDeadlineSpilled: in big_deadlines_
    uint32_t pad : 25 = 0;    // kPadSpilled: the count is in big_pads_
    uint32_t name_digits : 4 = 0;  // named_by_id: the digits of its key (the name's size without the prefix)
    Type type : 1 = Type::kString;
    bool live : 1 = false;
    bool named_by_id : 1 = false;  // the name is key_naming's for id; else it is in names_
    uint32_t id = kNoKeyId;   // the dense id it was last found by (slot_of_id_)
  };
  // 16 bytes and no destructor: new[] puts no cookie before a chunk's rows, so
  // they start 16-aligned and an entry never straddles a cache line.
  static_assert(sizeof(Entry) == 16 && std::is_trivially_destructible_v<Entry>);
  // Paddings of 2^25 - 1 bytes (32 MiB) or more live in big_pads_.
  static constexpr uint32_t kPadSpilled = (1u << 25) - 1;
  // Deadlines 2^32 - 2 ms (49.7 days) or more after deadline_base_ms_, or
  // before it, live in big_deadlines_.
  static constexpr uint32_t kDeadlineSpilled = UINT32_MAX;
  using NameBuffer = char[24];
  // The key's name, spelled into buf when it is named by id.
  std::string_view NameOf(uint32_t slot, NameBuffer& buf) const {
    const Entry& e = slots_[slot];
    if (!e.named_by_id) return names_[slot].view(reinterpret_cast<SmallBytes::Buffer&>(buf));
    return SpellName(config_.key_naming.ids->SmallKey(e.id), buf);
  }
  std::string_view SpellName(uint32_t key, NameBuffer& buf) const;
  // NameOf(slot).size(), without spelling a name by id (nor reading its key).
  size_t NameSize(uint32_t slot) const {
    const Entry& e = slots_[slot];
    return e.named_by_id ? config_.key_naming.prefix.size() + e.name_digits : names_[slot].size();
  }
  // Whether key is key_naming's name for id: the prefix, then the decimal key
  // that id numbers (found by key: no row by id needed); its digits in *digits.
  bool NamedById(std::string_view key, uint32_t id, uint32_t* digits) const;
  static constexpr uint32_t kNone = KeyIndex::kNone;  // no slot
  using Members = std::set<std::string, std::less<>>;
  struct SetValue {
    Members members;
    uint64_t memory = 0;  // bytes accounted for the key (recounted after each change)
    bool intset = false;  // Redis's encoding: an intset until a non-integer or a 513th member
    uint8_t width = 2;    // the intset's member width
  };
  Entry* At(uint32_t slot) { return slot == kNone ? nullptr : &slots_[slot]; }
  uint32_t PadOf(uint32_t slot, const Entry& e) const { return e.pad != kPadSpilled ? e.pad : BigPad(slot); }
  [[gnu::noinline, gnu::cold]] uint32_t BigPad(uint32_t slot) const { return big_pads_.find(slot)->second; }
  void SetPad(uint32_t slot, Entry& e, uint32_t pad);
  Blob ValueOf(uint32_t slot) const {
    const Entry& e = slots_[slot];
    Blob b{{}, PadOf(slot, e)};
    CopyValue(slot, e, b.data);
    return b;
  }
  // A string entry's payload (without its padding).
  void CopyValue(uint32_t slot, const Entry& e, std::string& out) const {
    if (e.value != SmallValue::kSpilled) [[likely]]
      SmallValue::CopyTo(e.value, out);
    else
      out = BigValue(slot);
  }
  std::string_view ValueView(uint32_t slot, const Entry& e, SmallValue::Buffer& buf) const {
    return e.value != SmallValue::kSpilled ? SmallValue::View(e.value, buf) : std::string_view(BigValue(slot));
  }
  size_t ValueSize(uint32_t slot, const Entry& e) const {
    return e.value != SmallValue::kSpilled ? SmallValue::Size(e.value) : BigValue(slot).size();
  }
  [[gnu::noinline, gnu::cold]] const std::string& BigValue(uint32_t slot) const { return big_values_.find(slot)->second; }
  void AssignValue(uint32_t slot, Entry& e, std::string_view value) { AssignWord(slot, e, SmallValue::Encode(value), value); }
  void AssignWord(uint32_t slot, Entry& e, uint32_t word, std::string_view value);
  // RedisReply::String(ValueOf(slot)), the value written into the reply's own string.
  [[gnu::always_inline]] RedisReply StringReply(uint32_t slot) const {
    const Entry& e = slots_[slot];
    RedisReply r;
    r.type = RedisReply::Type::kString;
    CopyValue(slot, e, r.str.data);
    r.str.pad = PadOf(slot, e);
    return r;
  }
  // A kSet entry's members (kept apart: few keys are sets).
  Members& MembersOf(uint32_t slot) { return sets_.find(slot)->second.members; }
  size_t PickIndex(size_t n);  // uniform in [0, n): SPOP's and SRANDMEMBER's picks
  uint64_t pick_state_ = 0;    // splitmix64 state, from config seed

  uint32_t FindSlot(std::string_view key, uint64_t hash) const;
  // The live, unexpired slot of key (by id, else by name as PeekTtlMs says), or kNone; no side effects.
  uint32_t PeekSlot(std::string_view key, uint32_t id) const;
  void IndexAll() const;  // indexes every live entry by name (once)
  // Returns the live entry's slot or kNone, expiring it lazily if due.
  uint32_t Lookup(std::string_view key, bool touch);
  // A read command's lookup in INFO's keyspace_hits/misses: every lookupKeyRead*
  // of Redis 7.0 (GET, MGET, SET ... GET, EXISTS, TTL, TYPE, STRLEN, the set
  // reads), not the writes' lookupKeyWrite.
  void CountRead(bool found) { found ? ++stats_.keyspace_hits : ++stats_.keyspace_misses; }
  // Lookup as a read command's lookupKeyRead*: counted by CountRead.
  uint32_t LookupRead(std::string_view key, bool touch) {
    uint32_t slot = Lookup(key, touch);
    CountRead(slot != kNone);
    return slot;
  }
  // OBJECT's lookup (no touch, counted) and the value's encoding name; null
  // when the key is missing; an int's value in *number.
  uint32_t ObjectSlot(std::string_view key);  // OBJECT's lookup: noted, no LRU touch
  const char* ObjectLookup(std::string_view key, int64_t* number);
  uint32_t Lookup(std::string_view key, uint64_t hash, bool touch);
  // By dense id (kNoKeyId: by name), linking the id to the slot when found by name.
  uint32_t LookupId(std::string_view key, uint32_t id, bool touch);
  // A slot found: expires it lazily if due (kNone), else tells the policy of the access.
  uint32_t Found(uint32_t slot, bool touch);
  void Link(uint32_t slot, uint32_t id);
  uint32_t Create(std::string_view key, uint64_t hash, uint32_t id = kNoKeyId);  // its slot (not yet linked to id)
  // Create's entry once it is known whether key_naming spells its name
  // (then `digits` is its key's digit count; else `key` is stored).
  uint32_t NewEntry(bool named_by_id, uint32_t digits, std::string_view key, uint64_t hash);
  // Create for SetDirect's key (not yet linked to id).
  uint32_t CreateDirect(uint32_t id, uint64_t key);
  // Set's write of a string value (word: SmallValue::Encode(bytes)) into the
  // live entry at slot, accounted `before` bytes until now (0: just created).
  void WriteString(uint32_t slot, uint32_t word, std::string_view bytes, uint32_t pad, const SetOptions& opt,
                   uint64_t before);
  void Remove(uint32_t slot, bool notify_policy);
  void SetExpire(uint32_t slot, int64_t deadline_ms);
  // The bytes accounted for a live entry (Redis's used_memory share): a
  // string's recomputed from its key, value and TTL (not stored: 8 bytes an
  // entry), a set's kept in its SetValue.
  uint64_t MemoryOf(uint32_t slot) const;
  // A string entry's share, its value (bytes when not padded) and sizes given.
  uint64_t StringMemory(uint32_t slot, const Entry& e, std::string_view value, size_t size, uint32_t pad) const;
  // After a change to slot's entry, which was accounted `before` bytes (0: just created).
  void Recount(uint32_t slot, uint64_t before);
  bool Expired(uint32_t slot) const {
    uint32_t d = slots_[slot].deadline;
    if (d == kDeadlineSpilled) [[unlikely]]
      return now_ms_ > BigDeadline(slot);
    return d != 0 && now_ms_ - deadline_base_ms_ >= int64_t{d};  // now > the deadline
  }
  // The absolute deadline in ms, -1 if none.
  int64_t DeadlineMs(uint32_t slot) const {
    uint32_t d = slots_[slot].deadline;
    if (d == kDeadlineSpilled) return BigDeadline(slot);
    return d == 0 ? -1 : deadline_base_ms_ + int64_t{d} - 1;
  }
  [[gnu::noinline, gnu::cold]] int64_t BigDeadline(uint32_t slot) const { return big_deadlines_.find(slot)->second; }
  void SetDeadline(uint32_t slot, Entry& e, int64_t deadline_ms);  // -1: none
  // performEvictions(); false if memory is still above maxmemory.
  bool EnsureMemory();
  // Redis's LRU clock ticks once a second (LRU_CLOCK_RESOLUTION 1000 ms), so
  // keys touched within the same second have equal idle times.
  uint64_t GrownBuckets(uint64_t buckets, size_t n) const;
  uint64_t PolicyNow() const {
    return static_cast<uint64_t>((policy_ms_ >= 0 ? policy_ms_ : now_ms_) / 1000 * 1000);
  }
  static RedisReply WrongType();
  static RedisReply Oom();
  // The first run of a command name allocates its latency histogram; from
  // Dispatch the name is the client's, otherwise the method's own.
  void Note(std::string_view name);
  // Note for the hot commands without the name compares: a bit a name, set once noted.
  enum Noted : uint8_t { kNotedGet = 1, kNotedSet = 2, kNotedDel = 4 };
  void NoteOnce(Noted bit, std::string_view name) {
    if (noted_ & bit) return;
    Note(name);
    if (!dispatching_) noted_ |= bit;
  }
  RedisReply DispatchCommand(const std::string& cmd, const std::vector<std::string>& argv);
  bool shared_integers() const { return shared_integers_; }

  RedisConfig config_;
  // tryObjectEncoding: no shared integers under maxmemory with an LRU/LFU
  // policy (MAXMEMORY_FLAG_NO_SHARED_INTEGERS), which needs a private LRU
  // field. From the config, once: every SET's and DEL's recount asks.
  bool shared_integers_ = true;
  bool evicts_ = false;  // a policy other than noeviction: policy_ may evict
  std::unique_ptr<eviction::Policy> policy_;  // null for noeviction (unless track_access)
  eviction::RedisSampledPolicy* sampled_ = nullptr;  // policy_ when it samples the key table
  struct SlotOf {
    uint32_t slot = KeyIndex::kNone;
  };
  ChunkedRows<Entry, 10> slots_;  // chunks: no reallocation copying every entry
  // By slot: the names of entries not named by id, up to the largest such slot
  // (none in a run whose keys all come with ids the naming spells).
  ChunkedRows<SmallBytes, 10> names_;
  std::unordered_map<uint32_t, SetValue> sets_;  // by slot: the members of each kSet entry
  std::unordered_map<uint32_t, uint32_t> big_pads_;  // by slot: paddings of kPadSpilled bytes or more
  std::unordered_map<uint32_t, int64_t> big_deadlines_;  // by slot: deadlines too late for the entry
  std::unordered_map<uint32_t, std::string> big_values_;  // by slot: values SmallValue does not fit
  std::vector<uint32_t> free_slots_;
  // By name, built at the first lookup by name: a run whose keys all come
  // with their ids (slot_of_id_) never needs it, and saves its 8-16 bytes a
  // key and the insert and erase per key created and removed.
  mutable KeyIndex index_;
  mutable bool indexed_ = false;
  size_t live_ = 0;  // live entries
  ChunkedRows<SlotOf> slot_of_id_;  // by dense key id: the live slot, or kNone
  size_t unlinked_ = 0;               // live keys not linked to an id (created by name)
  SlotSet expires_;  // slots with a TTL
  size_t expire_cursor_ = 0;
  int64_t avg_ttl_ms_ = 0;
  uint64_t key_memory_ = 0;
  uint64_t client_memory_ = 0;
  uint64_t dict_buckets_ = 0, expires_buckets_ = 0;  // bucket counts of the main and expires dicts
  int64_t now_ms_ = 0;
  // The command time when the first deadline was set: deadlines are kept
  // relative to it, so a store on unix time (the RESP server) fits them too.
  int64_t deadline_base_ms_ = -1;
  int64_t policy_ms_ = -1;
  RedisStats stats_;
  ExpiryCalendar calendar_;
  std::vector<std::string> command_names_;
  uint8_t noted_ = 0;  // Noted bits: names known to be in command_names_
  bool dispatching_ = false;
};

}  // namespace cachelab
