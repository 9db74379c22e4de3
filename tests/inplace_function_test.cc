// InplaceFunction: a trivially copyable callable moves as bytes (no move or
// destroy call); any other keeps its move constructor and destructor. The
// expectations are hand-counted owners of a shared_ptr and the values the
// callables return.
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <utility>

#include "sim/inplace_function.h"

using namespace cachelab;

TEST_CASE("a trivially copyable callable survives moves with its captures") {
  int a = 7;
  int64_t b = -3;
  InplaceFunction<int64_t(int)> f = [&a, b](int x) { return a * x + b; };
  InplaceFunction<int64_t(int)> g = std::move(f);
  CHECK_FALSE(f);
  InplaceFunction<int64_t(int)> h;
  h = std::move(g);
  CHECK_FALSE(g);
  a = 10;
  CHECK(h(2) == 17);  // 10 * 2 - 3: the reference capture still refers to a
}

TEST_CASE("a callable that owns something is moved and destroyed exactly once") {
  auto owned = std::make_shared<std::string>("payload");
  {
    InplaceFunction<size_t()> f = [p = owned] { return p->size(); };
    CHECK(owned.use_count() == 2);
    InplaceFunction<size_t()> g = std::move(f);
    CHECK(owned.use_count() == 2);  // moved, not copied; the source holds nothing
    CHECK(g() == 7);
    g.Reset();
    CHECK(owned.use_count() == 1);
    InplaceFunction<size_t()> h = [p = owned] { return p->size() + 1; };
    h = InplaceFunction<size_t()>([] { return size_t{0}; });  // assignment destroys the old callable
    CHECK(owned.use_count() == 1);
    CHECK(h() == 0);
  }
  CHECK(owned.use_count() == 1);
}

TEST_CASE("Emplace builds a callable in place and destroys the one it replaces") {
  auto owned = std::make_shared<std::string>("payload");
  InplaceFunction<size_t()> f = [p = owned] { return p->size(); };
  CHECK(owned.use_count() == 2);
  auto lambda = [p = owned] { return p->size() + 1; };  // an lvalue: Emplace copies it
  f.Emplace(lambda);
  CHECK(owned.use_count() == 3);  // the old capture gone, the lambda and its copy hold it
  CHECK(f() == 8);
  f.Emplace([] { return size_t{0}; });
  CHECK(owned.use_count() == 2);
  CHECK(f() == 0);
}
