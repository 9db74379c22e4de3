// SimRedis's promise behind a GET without a name (CacheBackend::GetsById):
// when it says a GET by id finds its key by the id alone, a GET with an empty
// name answers exactly what the same GET with the key's name answers. The
// expectation is the named GET itself; the cases are hand-chosen: keys created
// by id, a key created by name (not linked to an id: then it must say no), and
// a random round trip (commands execute later: it must say no).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/sim_redis.h"

using namespace cachelab;

namespace {

// Runs one GET and returns its reply's string (or "(nil)").
std::string GetNow(Simulator& sim, SimRedis& redis, uint32_t id, std::string_view name) {
  std::string out = "(pending)";
  redis.GetById(id, name, [&out](RedisReply&& r) { out = r.type == RedisReply::Type::kString ? r.str.data : "(nil)"; });
  sim.Run();
  return out;
}

}  // namespace

TEST_CASE("a GET by id without its name answers as with it, whenever GetsById says so") {
  Simulator sim;
  SimRedisConfig c;  // fixed round trip (the default)
  SimRedis redis(sim, c, 1);
  CHECK(redis.GetsById());  // empty store: every live key is linked
  redis.SetById(0, "k:10", Blob{"v1", 0}, SetOptions{}, [](RedisReply&&) {});
  redis.SetById(1, "k:11", Blob{"v2", 0}, SetOptions{}, [](RedisReply&&) {});
  sim.Run();
  REQUIRE(redis.GetsById());
  CHECK(GetNow(sim, redis, 0, "") == GetNow(sim, redis, 0, "k:10"));
  CHECK(GetNow(sim, redis, 0, "") == "v1");
  CHECK(GetNow(sim, redis, 1, "") == "v2");
  CHECK(GetNow(sim, redis, 2, "") == "(nil)");  // an id never set
  CHECK(GetNow(sim, redis, 2, "k:12") == "(nil)");

  // A key created by name has no id yet: a GET by id must find it by its name.
  redis.Set("k:12", Blob{"v3", 0}, SetOptions{}, [](RedisReply&&) {});
  sim.Run();
  CHECK_FALSE(redis.GetsById());
  CHECK(GetNow(sim, redis, 2, "k:12") == "v3");  // found by name, and linked to id 2 from now on
  CHECK(redis.GetsById());
  CHECK(GetNow(sim, redis, 2, "") == "v3");

  // Deleted by name: gone for the GET by id too.
  redis.Del("k:12", [](RedisReply&&) {});
  sim.Run();
  REQUIRE(redis.GetsById());
  CHECK(GetNow(sim, redis, 2, "") == "(nil)");
}

TEST_CASE("GetsById is false with a random round trip: a command runs later, when keys may have changed") {
  Simulator sim;
  SimRedisConfig c;
  REQUIRE(Distribution::Parse("150us+exp(50us)", Distribution::Unit::kDuration, &c.rtt).empty());
  SimRedis redis(sim, c, 1);
  CHECK_FALSE(redis.GetsById());
}
