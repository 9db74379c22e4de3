// The compact per-key storage of the simulated store and the runner's commit
// history: ChunkedRows, SmallBytes and CommitHistory's pairs. Expectations by
// hand, or from an independent model (every commit time kept in a vector).
#include <catch2/catch.hpp>
#include <charconv>

#include <map>
#include <unordered_map>
#include <random>
#include <string>
#include <vector>

#include "eviction/dense_set.h"
#include "eviction/id_map.h"
#include "lab/commit_history.h"
#include "sim/chunked_rows.h"
#include "sim/counter_rows.h"
#include "sim/key_ids.h"
#include "sim/slot_set.h"
#include "sim/small_bytes.h"
#include "sim/small_value.h"

using namespace cachelab;

TEST_CASE("ChunkedRows: default rows up to the largest asked, addresses stable while it grows") {
  struct Row {
    uint32_t v = 7;
  };
  ChunkedRows<Row, 2> rows;  // 4 rows a chunk
  CHECK(rows.size() == 0);
  CHECK(rows.Find(0) == nullptr);
  rows.At(5).v = 50;
  REQUIRE(rows.size() == 6);
  for (uint32_t i = 0; i < 5; ++i) CHECK(rows[i].v == 7);
  CHECK(rows.Find(5)->v == 50);
  CHECK(rows.Find(6) == nullptr);  // in the second chunk, but beyond size()
  Row* first = &rows[0];
  for (int i = 0; i < 100; ++i) rows.Append();
  CHECK(rows.size() == 106);
  CHECK(&rows[0] == first);  // no reallocation moved it
  CHECK(rows[105].v == 7);
  CHECK(rows[5].v == 50);
}

TEST_CASE("SmallBytes gives back every byte string it was given, in 8 bytes") {
  // Expectation: the input itself. Strings of the inline alphabet, of any
  // short bytes (NUL, 0xff), and long ones, at every length around the
  // 7-byte and 14-character limits.
  CHECK(sizeof(SmallBytes) == 8);
  std::mt19937 rng(42);
  const std::string alphabet = "0123456789:kv-er";
  std::vector<std::string> inputs = {"", "k:0", "k:999999", "v1", "k:12345678901", "k:123456789012",
                                     "k:1234567890123", "-9223372036854775808", "tag:7", "ver:k:12345678", "k:12:v345"};
  inputs.push_back(std::string("a\0b", 3));
  inputs.push_back(std::string("\0\xff", 2));
  for (int n = 0; n <= 20; ++n)
    for (int variant = 0; variant < 3; ++variant)
      for (int rep = 0; rep < 20; ++rep) {
        std::string str;
        for (int i = 0; i < n; ++i) {
          if (variant == 0) str.push_back(alphabet[rng() % 16]);
          else if (variant == 1) str.push_back(static_cast<char>(rng() % 256));
          else str.push_back(i == n / 2 ? 'x' : alphabet[rng() % 16]);  // one character outside
        }
        inputs.push_back(str);
      }
  inputs.push_back(std::string(70000, 'q'));
  SmallBytes::Buffer buf;
  SmallBytes other;
  other.assign("previous, longer than fifteen bytes");
  for (const std::string& str : inputs) {
    SmallBytes b;
    b.assign(str);
    REQUIRE(b.view(buf) == str);
    CHECK(b.size() == str.size());
    std::string copied = "a previous value, longer than fifteen bytes";
    b.CopyTo(copied);
    CHECK(copied == str);
    SmallBytes moved(std::move(b));
    CHECK(moved.view(buf) == str);
    CHECK(b.view(buf).empty());
    CHECK(b.size() == 0);
    other = std::move(moved);  // releases what other held
    CHECK(other.view(buf) == str);
    other.assign("k:123");
    CHECK(other.view(buf) == "k:123");
    other.assign(str);  // overwrites in place
    CHECK(other.view(buf) == str);
  }
  other.clear();
  CHECK(other.size() == 0);
}

TEST_CASE("SmallValue gives back every string it encodes, and says kSpilled for the others") {
  // Expectation: the input itself, or kSpilled exactly for the strings outside
  // its shapes (by hand: 4+ bytes that are not "v"? and a canonical decimal below 2^30).
  auto fits = [](const std::string& s) {
    if (s.size() <= 3) return true;
    std::string d = s[0] == 'v' ? s.substr(1) : s;
    if (d.size() > 10 || d[0] == '0' || d.find_first_not_of("0123456789") != std::string::npos) return false;
    return std::stoull(d) < (1u << 30);
  };
  std::vector<std::string> inputs = {"", "0", "v", "v0", "v00", "v000", "v01", "0123", "1234", "v1234",
                                     "1073741823", "1073741824", "v1073741823", "v1073741824", "v4294967296",
                                     "99999999999", "-123", "+123", "v-12", "k:12", "vv12", "12v"};
  inputs.push_back(std::string("\0\xff\0", 3));
  inputs.push_back(std::string("\0\xff\0\1", 4));
  std::mt19937 rng(30);
  const std::string chars = "0123456789v-x";
  for (int i = 0; i < 200000; ++i) {
    std::string str;
    int n = static_cast<int>(rng() % 13);
    for (int j = 0; j < n; ++j) str.push_back(rng() % 4 == 0 ? static_cast<char>(rng() % 256) : chars[rng() % 13]);
    if (rng() % 2) str = (rng() % 2 ? "v" : "") + std::to_string(rng() % (rng() % 2 ? 2000000000u : 100000u));
    inputs.push_back(str);
  }
  for (const auto& str : inputs) {
    uint32_t w = SmallValue::Encode(str);
    REQUIRE((w != SmallValue::kSpilled) == fits(str));
    if (w == SmallValue::kSpilled) continue;
    SmallValue::Buffer buf;
    REQUIRE(SmallValue::View(w, buf) == str);
    REQUIRE(SmallValue::Size(w) == str.size());
    std::string out = "old contents";
    SmallValue::CopyTo(w, out);
    REQUIRE(out == str);
  }
}

// Expectation: the length of std::to_chars's decimal spelling, at 0, every
// power of ten and of two and their neighbours, the top of the range and
// random numbers of every width.
TEST_CASE("SmallValue::Digits counts the decimal digits to_chars writes") {
  auto spelled = [](uint32_t n) {
    char buf[16];
    return static_cast<size_t>(std::to_chars(buf, buf + sizeof buf, n).ptr - buf);
  };
  std::vector<uint32_t> inputs = {0, UINT32_MAX, UINT32_MAX - 1};
  for (uint64_t p = 1; p <= UINT32_MAX; p *= 10)
    for (uint64_t q : {p - 1, p, p + 1}) inputs.push_back(static_cast<uint32_t>(q));
  for (int b = 0; b < 32; ++b)
    for (int64_t d : {-1, 0, 1}) inputs.push_back(static_cast<uint32_t>((uint64_t{1} << b) + d));
  std::mt19937 rng(18);
  for (int i = 0; i < 200000; ++i) inputs.push_back(static_cast<uint32_t>(rng()) >> (rng() % 32));
  for (uint32_t n : inputs) REQUIRE(SmallValue::Digits(n) == spelled(n));
}

TEST_CASE("CommitHistory answers as the full history: singles and pairs widen to rings exactly") {
  // Independent model: every commit time of every key; the answer for a stale
  // read of `version` is the commit time of version + 1, or of the oldest of the
  // last 8 versions when it is older (counted as truncated).
  std::mt19937_64 rng(18);
  CommitHistory h;
  std::map<uint32_t, std::vector<SimTime>> all;  // key -> commit times of versions 1, 2, ...
  uint64_t truncated = 0;
  SimTime now = 0;
  for (int step = 0; step < 200000; ++step) {
    // Skewed keys: many written once or twice, a few many times.
    uint32_t key = static_cast<uint32_t>(rng() % 3 == 0 ? rng() % 20 : rng() % 20000);
    now += 1 + static_cast<SimTime>(rng() % 1000);
    if (rng() % 2 == 0) {
      auto& times = all[key];
      times.push_back(now);
      h.OnCommit(key, times.size(), now);
    } else {
      auto it = all.find(key);
      if (it == all.end() || it->second.empty()) {
        CHECK(h.SupersededAt(key, 0, 1) == 0);  // never written: nothing remembered
        continue;
      }
      uint64_t current = it->second.size();
      uint64_t version = rng() % current;  // < current: a stale read
      uint64_t next = version + 1;
      if (current - version > 8) {
        next = current - 8 + 1;
        ++truncated;
      }
      REQUIRE(h.SupersededAt(key, version, current) == it->second[next - 1]);
    }
  }
  CHECK(h.truncated() == truncated);
  CHECK(truncated > 0);

  // Keys whose first commit seen is not version 1 (a single or a pair meets
  // positions it does not hold; a single widens straight to a ring): versions
  // never seen answer 0, as a ring's never-written position does.
  CommitHistory g;
  const uint64_t starts[] = {1, 2, 3, 9, 10, 17};
  std::map<uint32_t, std::pair<uint64_t, std::vector<SimTime>>> seen;  // key -> first version, its times on
  for (int step = 0; step < 100000; ++step) {
    uint32_t key = static_cast<uint32_t>(rng() % 5000);
    now += 1 + static_cast<SimTime>(rng() % 1000);
    auto [it, fresh] = seen.try_emplace(key);
    auto& [start, times] = it->second;
    if (fresh) start = starts[rng() % 6];
    if (fresh || rng() % 2 == 0) {
      times.push_back(now);
      g.OnCommit(key, start + times.size() - 1, now);
      continue;
    }
    uint64_t current = start + times.size() - 1;
    uint64_t version = rng() % current;
    uint64_t next = current - version > 8 ? current - 8 + 1 : version + 1;
    REQUIRE(g.SupersededAt(key, version, current) == (next >= start ? times[next - start] : 0));
  }
}

TEST_CASE("KeyIds numbers keys in first-touch order across 32- and 64-bit keys, as a model map does") {
  // Independent model: std::unordered_map, the next id being its size.
  std::unordered_map<uint64_t, uint32_t> model;
  KeyIds ids;
  std::mt19937_64 rng(18);
  const uint64_t edges[] = {0, 1, UINT32_MAX - 1, UINT32_MAX, uint64_t{UINT32_MAX} + 1, UINT64_MAX};
  for (int i = 0; i < 200000; ++i) {
    uint64_t key;
    switch (rng() % 4) {
      case 0: key = edges[rng() % 6]; break;
      case 1: key = rng() % 50000; break;                               // 32-bit, repeats
      case 2: key = (uint64_t{1} << 32) + rng() % 50000; break;         // the same low bits, 64-bit
      default: key = (rng() % 2 ? rng() : rng() % 40000 * 4096); break;  // wide and strided
    }
    auto [it, fresh] = model.try_emplace(key, static_cast<uint32_t>(model.size()));
    if (rng() % 3 == 0) {
      uint32_t before = ids.Find(key);
      CHECK(before == (fresh ? kNoKeyId : it->second));
    }
    REQUIRE(ids.Intern(key) == it->second);
  }
  CHECK(ids.size() == model.size());
  for (const auto& kv : model) REQUIRE(ids.Find(kv.first) == kv.second);
  CHECK(ids.Find(123456789012345ULL) == kNoKeyId);
}

TEST_CASE("KeyIds: the array by key and the table give the ids a model map does, across switches") {
  // Independent model: std::unordered_map, the next id being its size. The
  // phases force each way of numbering (checked with direct()): sparse keys
  // (the table), a dense range (the array once the table would grow past
  // it), a key far beyond (back to the table), dense again, and 64-bit keys.
  std::unordered_map<uint64_t, uint32_t> model;
  KeyIds ids;
  std::mt19937_64 rng(1818);
  auto touch = [&](uint64_t key) {
    auto [it, fresh] = model.try_emplace(key, static_cast<uint32_t>(model.size()));
    if (rng() % 4 == 0) REQUIRE(ids.Find(key) == (fresh ? kNoKeyId : it->second));
    REQUIRE(ids.Intern(key) == it->second);
  };
  auto check_all = [&] {
    REQUIRE(ids.size() == model.size());
    for (const auto& kv : model) {
      REQUIRE(ids.Find(kv.first) == kv.second);
      if (kv.first <= UINT32_MAX) REQUIRE(ids.SmallKey(kv.second) == kv.first);
    }
  };
  for (int i = 0; i < 2000; ++i) touch(rng() % 4000000);  // sparse: 2,000 of 4 M
  CHECK_FALSE(ids.direct());
  check_all();
  for (int i = 0; i < 300000; ++i) touch(rng() % 200000);  // a dense range, repeats (and the 2,000 above it)
  CHECK_FALSE(ids.direct());  // the largest key (~4 M) is still beyond the table's slots
  for (int i = 0; i < 3000000; ++i) touch(rng() % 4000000);
  CHECK(ids.direct());  // most of 0 .. 4 M touched: the array
  CHECK_FALSE(ids.keys_kept());  // no key asked for its id yet
  for (int i = 0; i < 1000; ++i) touch(rng() % 4100000);
  check_all();  // SmallKey built the keys by id
  CHECK(ids.keys_kept());
  for (int i = 0; i < 1000; ++i) touch(rng() % 4200000);  // kept up to date from now on
  check_all();
  touch(0);
  touch(UINT32_MAX);  // far beyond twice the table's slots: back to the table
  CHECK_FALSE(ids.direct());
  touch(uint64_t{UINT32_MAX} + 1);
  check_all();
  for (int i = 0; i < 200000; ++i) touch(rng() % 2 ? rng() % 8000000 : uint64_t{1} << 33 | rng() % 1000);
  CHECK_FALSE(ids.direct());  // UINT32_MAX keeps the keys sparse
  check_all();
  CHECK(ids.Find(UINT32_MAX - 1) == kNoKeyId);
  CHECK(ids.Find(123456789012345ULL) == kNoKeyId);

  // Sequential keys from 0: the array from the first growth whose slots reach the largest key.
  KeyIds seq;
  for (uint32_t k = 0; k < 100; ++k) REQUIRE(seq.Intern(k) == k);
  CHECK(seq.direct());
  for (uint32_t k = 0; k < 100; ++k) REQUIRE(seq.Find(k) == k);
  CHECK(seq.Find(100) == kNoKeyId);
  CHECK(seq.Find(1u << 30) == kNoKeyId);  // beyond the array: not touched
}

TEST_CASE("BasicIdMap<uint32_t> inserts, overwrites and erases as std::unordered_map") {
  std::unordered_map<uint32_t, uint32_t> model;
  eviction::BasicIdMap<uint32_t> map;
  std::mt19937 rng(7);
  for (int i = 0; i < 300000; ++i) {
    uint32_t key = rng() % 3 == 0 ? UINT32_MAX - rng() % 100 : rng() % 20000;
    uint32_t value = rng() % 1000;
    switch (rng() % 4) {
      case 0: map.Put(key, value); model[key] = value; break;
      case 1: CHECK(map.Erase(key) == (model.erase(key) == 1)); break;
      case 2: CHECK(map.Emplace(key, value) == model.try_emplace(key, value).second); break;
      default: {
        auto it = model.find(key);
        REQUIRE(map.Find(key) == (it == model.end() ? eviction::IdMap::kNone : it->second));
      }
    }
  }
  CHECK(map.size() == model.size());
  for (const auto& kv : model) REQUIRE(map.Find(kv.first) == kv.second);
}

TEST_CASE("CounterRows counts as 64-bit counters do, past the narrow type's range") {
  // Independent model: a std::map of uint64_t counts. uint8_t rows move to
  // the array of full counts at 240 (15 places, then the side map); uint16_t
  // at 61,440 (4,095 places).
  std::mt19937 rng(3);
  CounterRows<uint8_t> small;
  CounterRows<uint16_t> medium;
  std::map<uint32_t, uint64_t> model;
  for (int i = 0; i < 400000; ++i) {
    // Skewed: id 0 gets ~1/2 of the increments (past 65,535), ids 1-3 ~1/8 each, a few up to 5000 rarely.
    uint32_t r = rng() % 16;
    uint32_t id = r < 8 ? 0 : r < 14 ? 1 + r % 3 : 4 + rng() % 5000;
    uint64_t expected = ++model[id];
    REQUIRE(small.Increment(id) == expected);
    REQUIRE(medium.Increment(id) == expected);
  }
  REQUIRE(model[0] > 65535);
  for (uint32_t id = 0; id < 5010; ++id) {
    auto it = model.find(id);
    uint64_t expected = it == model.end() ? 0 : it->second;
    REQUIRE(small.Get(id) == expected);
    REQUIRE(medium.Get(id) == expected);
  }
  CHECK(small.Get(1u << 30) == 0);  // beyond every row
  // The boundary by hand: 239 in the row, 240 (to the array), 241, ..., 256.
  CounterRows<uint8_t> one;
  for (int i = 0; i < 239; ++i) one.Increment(9);
  CHECK(one.Get(9) == 239);
  CHECK(one.Increment(9) == 240);
  CHECK(one.Get(9) == 240);
  CHECK(one.Increment(9) == 241);
  for (int i = 0; i < 15; ++i) one.Increment(9);
  CHECK(one.Get(9) == 256);
  CHECK(one.Get(8) == 0);
  // 40 ids past 240, interleaved: the first 15 to get there take the array's
  // places, the others the side map; every count as the model's.
  CounterRows<uint8_t> many;
  std::map<uint32_t, uint64_t> counts;
  for (int i = 0; i < 40 * 400; ++i) {
    uint32_t id = 100 + static_cast<uint32_t>(rng() % 40);
    REQUIRE(many.Increment(id) == ++counts[id]);
  }
  for (const auto& [id, count] : counts) {
    REQUIRE(count > 255);
    REQUIRE(many.Get(id) == count);
  }
}

// The simulated Redis's expires set must keep DenseHandleSet's order (active
// expiry walks it by position): the model is DenseHandleSet itself, fed the
// same random inserts and erases (repeats and absent slots included), with
// slots past the chunk size.
TEST_CASE("SlotSet keeps DenseHandleSet's members and order through random inserts and erases") {
  std::mt19937_64 rng(18);
  SlotSet set;
  eviction::DenseHandleSet model;
  for (int step = 0; step < 200000; ++step) {
    uint32_t slot = static_cast<uint32_t>(rng() % (step < 100000 ? 64 : 20000));
    if (rng() % 3 == 0) {
      CHECK(set.Erase(slot) == model.Erase(slot));
    } else {
      set.Insert(slot);
      model.Insert(slot);
    }
    REQUIRE(set.size() == model.size());
    CHECK(set.Contains(slot) == model.Contains(slot));
    if (step % 997 == 0 || step < 200)
      for (size_t i = 0; i < model.size(); ++i) REQUIRE(set.at(i) == model.at(i));
  }
  while (!model.empty()) {
    uint32_t h = model.at(model.size() / 2);
    CHECK(set.Erase(h));
    model.Erase(h);
    REQUIRE(set.size() == model.size());
  }
  CHECK(set.empty());
  CHECK_FALSE(set.Erase(5));
}

TEST_CASE("CounterRows::Add jumps as repeated increments do, across the narrow row's edge") {
  // Independent model: std::map of uint64_t counts, Add(k) = k increments.
  // uint8_t rows hold up to 239, so jumps of up to 300 cross into the array
  // (15 places) and then the side map; 0 leaves a count as it is.
  std::mt19937 rng(5);
  CounterRows<uint8_t> rows;
  std::map<uint32_t, uint64_t> model;
  for (int i = 0; i < 20000; ++i) {
    uint32_t id = rng() % 40;
    uint64_t k = rng() % 4 == 0 ? 0 : rng() % 300;
    uint64_t expected = model[id] += k;
    REQUIRE(rows.Add(id, k) == expected);
    if (rng() % 2) REQUIRE(rows.Increment(id) == ++model[id]);
  }
  for (const auto& [id, n] : model) REQUIRE(rows.Get(id) == n);
  // By hand: 200 in the row, +39 = 239 (still the row), +1 = 240 (the edge), +16 = 256.
  CounterRows<uint8_t> one;
  CHECK(one.Add(3, 200) == 200);
  CHECK(one.Add(3, 39) == 239);
  CHECK(one.Add(3, 1) == 240);
  CHECK(one.Add(3, 16) == 256);
  CHECK(one.Get(3) == 256);
  CHECK(one.Add(4, 500) == 500);  // from 0 straight past the edge
}
