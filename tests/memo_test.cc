// Memo (workloads/memo.h): one make per key however many callers wait for it;
// makes of different keys at the same time (parallel sweep jobs on other traces
// or alphas did queue behind one lock); a failed make is not kept, and a caller
// that waited for it makes its own. Expectations are counts and orders set up by
// hand with handshakes between threads.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include "workloads/memo.h"

using namespace cachelab;
using namespace std::chrono_literals;

TEST_CASE("callers of one key wait for one make and share its value") {
  Memo<int> memo(4);
  std::atomic<int> makes{0};
  std::promise<void> go;
  std::shared_future<void> started = go.get_future().share();
  std::vector<std::thread> threads;
  std::vector<std::shared_ptr<const int>> got(4);
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      started.wait();
      got[i] = memo.Get("k", [&] {
        ++makes;
        std::this_thread::sleep_for(50ms);  // the others arrive while it is made
        return std::make_shared<const int>(42);
      });
    });
  go.set_value();
  for (auto& t : threads) t.join();
  CHECK(makes == 1);
  for (const auto& v : got) {
    REQUIRE(v);
    CHECK(v == got[0]);
  }
}

TEST_CASE("makes of different keys run at the same time") {
  // The make of "a" waits (up to 10 s) until the make of "b" has started. With one
  // lock held across every make, "b" could not start before "a" gave up.
  Memo<int> memo(4);
  std::promise<void> b_started;
  std::future<void> b_seen = b_started.get_future();
  bool a_saw_b = false;
  std::thread a([&] {
    memo.Get("a", [&] {
      a_saw_b = b_seen.wait_for(10s) == std::future_status::ready;
      return std::make_shared<const int>(1);
    });
  });
  std::this_thread::sleep_for(20ms);  // "a" is being made
  auto b = memo.Get("b", [&] {
    b_started.set_value();
    return std::make_shared<const int>(2);
  });
  a.join();
  CHECK(a_saw_b);
  CHECK(*b == 2);
}

TEST_CASE("a failed make is not kept: the next caller makes again") {
  Memo<int> memo(2);
  CHECK(memo.Get("k", [] { return std::shared_ptr<const int>(); }) == nullptr);
  CHECK_THROWS_AS(memo.Get("k", []() -> std::shared_ptr<const int> { throw std::runtime_error("bad file"); }),
                  std::runtime_error);
  CHECK(*memo.Get("k", [] { return std::make_shared<const int>(7); }) == 7);
  CHECK(*memo.Get("k", [] { return std::make_shared<const int>(8); }) == 7);  // kept now

  // A caller waiting on a make that fails makes its own.
  std::promise<void> waiting;
  std::thread first([&] {
    memo.Get("w", [&] {
      waiting.get_future().wait_for(10s);
      return std::shared_ptr<const int>();
    });
  });
  std::this_thread::sleep_for(20ms);  // "w" is being made (and will fail)
  std::thread release([&] {
    std::this_thread::sleep_for(50ms);  // the second caller is waiting by then
    waiting.set_value();
  });
  auto second = memo.Get("w", [] { return std::make_shared<const int>(9); });
  first.join();
  release.join();
  REQUIRE(second);
  CHECK(*second == 9);
}

TEST_CASE("only the last `capacity` values are kept") {
  Memo<int> memo(2);
  int makes = 0;
  auto get = [&](const char* key) {
    return *memo.Get(key, [&] {
      ++makes;
      return std::make_shared<const int>(makes);
    });
  };
  CHECK(get("a") == 1);
  CHECK(get("b") == 2);
  CHECK(get("a") == 1);  // kept
  CHECK(get("c") == 3);  // "a", the oldest made, goes
  CHECK(get("b") == 2);
  CHECK(get("a") == 4);
}
