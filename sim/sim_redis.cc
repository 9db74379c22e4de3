#include "sim/sim_redis.h"

#include <algorithm>
#include <memory>
#include <new>

namespace cachelab {
namespace {

// The command name only: a wrong arity gets Redis's arity error, not "unknown command".
bool IsPublish(const std::vector<std::string>& argv) {
  if (argv.empty() || argv[0].size() != 7) return false;
  for (size_t i = 0; i < 7; ++i)
    if ((argv[0][i] | 0x20) != "publish"[i]) return false;
  return true;
}

}  // namespace

SimRedis::SimRedis(Simulator& sim, const SimRedisConfig& config, uint64_t seed)
    : sim_(sim),
      config_(config),
      store_(config.store),
      pubsub_(sim, seed),
      rng_(seed, "sim-redis:" + config.name),
      replies_(sim.NewPoster<&SimRedis::Deliver>(this)) {
  ScheduleActiveExpire();
}

void SimRedis::ScheduleActiveExpire() {
  if (config_.store.hz <= 0) return;
  sim_.Schedule(
      kSecond / config_.store.hz,
      [this] {
        store_.SetTime(sim_.Now());
        store_.ActiveExpireCycle();
        ScheduleActiveExpire();
      },
      /*background=*/true);
}

// NewPending and Submit are inlined into GetById/SetById/DelById (the hot
// path of every command): as calls they cost 2-4% of a default run.
[[gnu::always_inline]] inline uint32_t SimRedis::NewPending(Pending::Kind kind, uint32_t key_id, ReplyCallback&& done) {
  uint32_t id;
  if (!free_pending_.empty()) {
    id = free_pending_.back();
    free_pending_.pop_back();
  } else {
    id = pending_.Append();
  }
  Pending& p = pending_[id];
  p.kind = kind;
  p.key_id = key_id;
  p.done = std::move(done);
  return id;
}

[[gnu::always_inline]] inline void SimRedis::Submit(uint32_t id, std::string_view key) {
  ++commands_;
  if (down_) {
    pending_[id].reply = RedisReply::Error(kErrTimeout);
    sim_.Schedule(config_.client_timeout, [this, id] { Deliver(id); });
    return;
  }
  Pending& p = pending_[id];
  p.half = static_cast<SimTime>(config_.rtt.Sample(rng_) / 2);
  p.service = static_cast<SimTime>(config_.service.Sample(rng_));
  if (config_.rtt.IsFixed()) {
    // Every command takes the same time to reach the server, so arrival order
    // is submission order and the command's start time is already known:
    // execute it now with that time snapshot and schedule only the reply.
    // Nothing but other commands (which arrive later) can observe the store
    // in between, so this saves an event per command without changing results
    // (and the key needs no copy: it is used before the caller's goes away).
    Execute(id, sim_.Now() + p.half, key);
    return;
  }
  p.key.assign(key);
  sim_.Schedule(p.half, [this, id] { Execute(id, sim_.Now(), pending_[id].key); });
}

// The store's reply is built straight in the row (a prvalue initialises it:
// guaranteed elision), instead of in a temporary moved into the row and
// destroyed: no move, no destructor call, and no store-forwarding stall
// reading back, wide, the temporary the store has just written field by field.
// A reply with no array storage (every GET, SET and DEL reply) has only its
// string to destroy: the vector of elements owns nothing, and ending its
// lifetime by reusing the storage is allowed. ~vector<RedisReply> is
// recursive, so GCC never inlines it: an out-of-line call per command saved.
template <typename Make>
void SimRedis::ReplyInPlace(Pending& p, Make&& make) {
  if (p.reply.elements.capacity() == 0) std::destroy_at(&p.reply.str);
  else p.reply.~RedisReply();
  try {
    ::new (static_cast<void*>(&p.reply)) RedisReply(make());
  } catch (...) {
    ::new (static_cast<void*>(&p.reply)) RedisReply();  // the row stays valid
    throw;
  }
}

[[gnu::always_inline]] inline SimTime SimRedis::StartAt(SimTime arrival, SimTime service) {
  SimTime start = std::max(arrival, busy_until_);
  busy_until_ = start + service;
  busy_time_ += service;
  store_.SetTime(start);
  return start;
}

void SimRedis::Execute(uint32_t id, SimTime arrival, std::string_view key) {
  // The command thread is FIFO: commands run in the order they arrive, each
  // with the time snapshot of its start.
  Pending& p = pending_[id];
  SimTime start = StartAt(arrival, p.service);
  switch (p.kind) {
    case Pending::Kind::kGet: ReplyInPlace(p, [&] { return store_.Get(key, p.key_id); }); break;
    case Pending::Kind::kSet: ReplyInPlace(p, [&] { return store_.Set(key, p.key_id, std::move(p.value), p.opt); }); break;
    case Pending::Kind::kDel: ReplyInPlace(p, [&] { return store_.Del(key, p.key_id); }); break;
    case Pending::Kind::kArgv:
      if (!IsPublish(p.argv)) p.reply = store_.Dispatch(p.argv);
      else if (p.argv.size() != 3) p.reply = RedisReply::Error("ERR wrong number of arguments for 'publish' command");
      else p.reply = RedisReply::Integer(pubsub_.Publish(p.argv[1], p.argv[2], start - sim_.Now() + p.half));
      break;
  }
  // In reply order when the round trip is fixed: the command thread is FIFO.
  sim_.PostAt(replies_, busy_until_ + p.half, id);
}

// Inlined into its poster's handler (the kernel's call for every reply): one call less a command.
[[gnu::always_inline]] inline void SimRedis::Deliver(uint32_t id) {
  if (id == kDirect) {
    const DirectRow r = direct_.front();  // a copy: the client may queue more (the ring may grow)
    direct_.pop_front();
    r.to->fn(r.to->context, r.token, r.reply);
    return;
  }
  // The row stays put while the callback runs (it may submit new commands,
  // which take other rows); it is free again once the callback returns.
  Pending& p = pending_[id];
  p.done(std::move(p.reply));
  p.done.Reset();
  p.argv.clear();
  free_pending_.push_back(id);
}

void SimRedis::Get(std::string_view key, ReplyCallback done) { GetById(kNoKeyId, key, std::move(done)); }

void SimRedis::Set(std::string_view key, Blob value, const SetOptions& opt, ReplyCallback done) {
  SetById(kNoKeyId, key, std::move(value), opt, std::move(done));
}

void SimRedis::Del(std::string_view key, ReplyCallback done) { DelById(kNoKeyId, key, std::move(done)); }

void SimRedis::GetById(uint32_t key_id, std::string_view key, ReplyCallback done) {
  Submit(NewPending(Pending::Kind::kGet, key_id, std::move(done)), key);
}

void SimRedis::SetById(uint32_t key_id, std::string_view key, Blob value, const SetOptions& opt, ReplyCallback done) {
  uint32_t id = NewPending(Pending::Kind::kSet, key_id, std::move(done));
  Pending& p = pending_[id];
  p.value = std::move(value);
  p.opt = opt;
  Submit(id, key);
}

void SimRedis::DelById(uint32_t key_id, std::string_view key, ReplyCallback done) {
  Submit(NewPending(Pending::Kind::kDel, key_id, std::move(done)), key);
}

[[gnu::always_inline]] inline void SimRedis::PostDirect(const DirectReply& reply, const DirectClient& to,
                                                        uint32_t token, SimTime half) {
  DirectRow& row = direct_.push_back_slot();  // in place: see FifoRing::push_back_slot
  row.reply.version = reply.version;
  row.reply.status = reply.status;
  row.reply.lease = reply.lease;
  row.to = &to;
  row.token = token;
  sim_.PostAt(replies_, busy_until_ + half, kDirect);
}

// Submit and Execute for a GET by id, without its pending row.
void SimRedis::GetDirect(uint32_t key_id, const DirectClient& to, uint32_t token) {
  ++commands_;
  Timing t = DrawTiming();
  StartAt(sim_.Now() + t.half, t.service);
  PostDirect(store_.GetDirect(key_id), to, token, t.half);
}

void SimRedis::SetDirect(uint32_t key_id, uint64_t key, uint64_t version, uint32_t size, const SetOptions& opt,
                         const DirectClient& to, uint32_t token) {
  ++commands_;
  Timing t = DrawTiming();
  StartAt(sim_.Now() + t.half, t.service);
  PostDirect(store_.SetDirect(key_id, key, version, size, opt), to, token, t.half);
}

void SimRedis::DelDirect(uint32_t key_id, const DirectClient& to, uint32_t token) {
  ++commands_;
  Timing t = DrawTiming();
  StartAt(sim_.Now() + t.half, t.service);
  PostDirect(store_.DelDirect(key_id), to, token, t.half);
}

void SimRedis::Command(std::vector<std::string> argv, ReplyCallback done) {
  uint32_t id = NewPending(Pending::Kind::kArgv, kNoKeyId, std::move(done));
  pending_[id].argv = std::move(argv);
  Submit(id, {});
}

}  // namespace cachelab
