// A move-only callable stored inline (no heap allocation), for the event queue's
// hot path. Captures larger than Capacity fail to compile rather than allocate.
// A callable that is trivially copyable and destructible (captures of
// pointers and numbers: nearly every callback) moves as a plain copy of its
// bytes and needs no destructor call, so moving it costs no indirect call.
#pragma once
#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace cachelab {

template <typename Signature, size_t Capacity = 64>
class InplaceFunction;

template <typename R, typename... Args, size_t Capacity>
class InplaceFunction<R(Args...), Capacity> {
 public:
  InplaceFunction() = default;
  InplaceFunction(std::nullptr_t) {}

  template <typename F, typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, InplaceFunction>>>
  InplaceFunction(F&& f) {  // NOLINT: implicit like std::function
    Emplace(std::forward<F>(f));
  }
  // Builds f here, member by member. Cheaper than moving a built one in: the
  // byte copy of a callable just written on the caller's stack (a few narrow
  // stores, then wide loads) stalls on store forwarding.
  template <typename F, typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, InplaceFunction>>>
  void Emplace(F&& f) {
    using Fn = std::decay_t<F>;
    static_assert(sizeof(Fn) <= Capacity, "capture too large for InplaceFunction");
    static_assert(alignof(Fn) <= alignof(std::max_align_t));
    Reset();
    new (&storage_) Fn(std::forward<F>(f));
    ops_ = &OpsFor<Fn>::kOps;
  }

  InplaceFunction(InplaceFunction&& other) noexcept { MoveFrom(other); }
  InplaceFunction& operator=(InplaceFunction&& other) noexcept {
    if (this != &other) {
      Reset();
      MoveFrom(other);
    }
    return *this;
  }
  InplaceFunction(const InplaceFunction&) = delete;
  InplaceFunction& operator=(const InplaceFunction&) = delete;
  ~InplaceFunction() { Reset(); }

  explicit operator bool() const { return ops_ != nullptr; }
  R operator()(Args... args) { return ops_->invoke(&storage_, std::forward<Args>(args)...); }

  void Reset() {
    if (ops_) {
      if (ops_->destroy) ops_->destroy(&storage_);
      ops_ = nullptr;
    }
  }

 private:
  struct Ops {
    R (*invoke)(void*, Args&&...);
    void (*move)(void* dst, void* src);  // null: copy the bytes
    void (*destroy)(void*);              // null: nothing to do
  };
  template <typename Fn>
  struct OpsFor {
    static R Invoke(void* p, Args&&... args) { return (*static_cast<Fn*>(p))(std::forward<Args>(args)...); }
    static void Move(void* dst, void* src) {
      new (dst) Fn(std::move(*static_cast<Fn*>(src)));
      static_cast<Fn*>(src)->~Fn();
    }
    static void Destroy(void* p) { static_cast<Fn*>(p)->~Fn(); }
    static constexpr bool kTrivial = std::is_trivially_copyable_v<Fn> && std::is_trivially_destructible_v<Fn>;
    static constexpr Ops kOps{&Invoke, kTrivial ? nullptr : &Move, kTrivial ? nullptr : &Destroy};
  };
  // A trivial callable moves as all Capacity bytes (a fixed-size copy, a few
  // vector moves): the bytes past the callable are indeterminate, and copying
  // them as unsigned char is well defined, but g++ 12 warns that they "may be
  // used uninitialized"; they are never read as anything.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
  void MoveFrom(InplaceFunction& other) {
    if (other.ops_) {
      if (other.ops_->move) other.ops_->move(&storage_, &other.storage_);
      else std::memcpy(storage_, other.storage_, Capacity);
      ops_ = other.ops_;
      other.ops_ = nullptr;
    }
  }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

  alignas(std::max_align_t) unsigned char storage_[Capacity];
  const Ops* ops_ = nullptr;
};

}  // namespace cachelab
