// Tag-based invalidation. Every fill also SADDs the key to its tag's set
// (key k carries tag k % tags, set "tag:<t>"); a write of k invalidates k's
// tag: SMEMBERS tag:<t>, then one DEL of the members, k itself and the set.
// Keys that expire on their own stay behind as stale members of their set
// (only a tag invalidation or, with tag_set_expire, the set's own PEXPIRE
// removes them): the scheme measures the sets' memory and stale members.
// Under write-through / write-behind the written key holds its new value: the
// DEL takes the other members and the set, and the key is SADDed back.
// On several nodes the set "tag:<t>" lives on one node, the one owning object
// <t>; its members live on their own nodes and get one DEL per node.
#pragma once
#include <cstdint>
#include <vector>

#include "sim/key_rows.h"

#include "strategies/invalidation/scheme_base.h"

namespace cachelab {

class TagInvalidation final : public SchemeBase {
 public:
  TagInvalidation(Harness& h, const InvalidationConfig& c);
  std::string_view Name() const override { return "tags"; }
  SimTime TtlFor(uint64_t key) override;
  void OnWrite(uint64_t key, Done done) override;
  void OnWriteSet(uint64_t key, uint64_t version, Done done) override;
  void Report(RunReport* report) const override;
  void StartMeasurement() override;

  // Bytes the tag sets hold now (Redis's accounting: key, set object, members).
  uint64_t TagSetMemory() const;
  // Members whose key is gone (expired or deleted), per this scheme's records.
  uint64_t StaleMembers() const;
  static std::string TagKey(uint64_t tag);

 private:
  uint64_t TagOf(uint64_t key) const { return key % c_.tags; }
  void Forget(uint64_t tag);  // the set was deleted
  void AddToTag(uint64_t key);  // SADD (and PEXPIRE with tag_set_expire)
  // SMEMBERS, then one DEL of the members, the set and (unless `keep`) key.
  void Invalidate(uint64_t key, bool keep, Done done);
  CacheBackend& TagNode(uint64_t tag);                 // where "tag:<t>" lives
  CacheBackend& MemberNode(std::string_view member);   // the node owning member "k:<id>"

  std::vector<uint32_t> members_;       // per tag: members in the set
  std::vector<uint64_t> member_bytes_;  // per tag
  std::vector<SimTime> set_expires_;    // per tag: PEXPIRE deadline (tag_set_expire), 0 none
  // Per key filled (KeyRows: memory follows the keys touched, not the keyspace).
  struct KeyState {
    uint64_t key = 0;
    SimTime expires = 0;  // deadline of its last fill
    bool tagged = false;  // in its tag set
  };
  KeyState& Touch(uint64_t key) {
    KeyState& k = keys_.Get(key);
    k.key = key;
    return k;
  }
  KeyRows<KeyState> keys_;
  std::vector<std::vector<uint32_t>> tagged_rows_;  // per tag: rows of keys_ with tagged set
  uint64_t invalidations_ = 0, keys_deleted_ = 0;
  mutable uint64_t peak_memory_ = 0, peak_stale_ = 0;
};

}  // namespace cachelab
