#include "strategies/write_behind.h"

#include <algorithm>
#include <string>

#include "strategies/invalidation/invalidation.h"

namespace cachelab {

WriteBehind::Buffer& WriteBehind::BufferOf(uint32_t server) {
  if (server >= buffers_.size()) buffers_.resize(server + 1);
  return buffers_[server];
}

void WriteBehind::Write(ReqId id) {
  const Request& r = h_.request(id);
  uint32_t kid = h_.KeyIdOf(id);
  if (kid >= labels_.size()) labels_.resize(kid + 1);
  // Labels count the key's writes; the database only moves to labels given.
  uint64_t version = ++labels_[kid];
  SetOptions opt;
  Blob value = path_.FillValue(r.key, version, r.size, 0, &opt);
  h_.cache_for(r.key).SetById(kid, CacheKey(r.key), std::move(value), opt, [this, id, version](RedisReply&& reply) {
    const Request& req = h_.request(id);
    if (reply.is_error()) {  // no cache to write behind: write to the database now
      path_.CountCacheError();
      if (h_.measured(id)) ++direct_writes_;
      h_.db().WriteAs(req.key, h_.KeyIdOf(id), version,
                      [this, id](uint64_t) { h_.CompleteWrite(id, WriteOutcome{true, false}); });
      return;
    }
    Buffered(req.client, req.key, version, h_.measured(id));
    // Related keys and near caches (docs/invalidation.md), then the ack.
    h_.invalidation().OnWriteSet(req.key, version, [this, id] { h_.CompleteWrite(id, WriteOutcome{false, false}); });
  });
}

void WriteBehind::Buffered(uint32_t server, uint64_t key, uint64_t label, bool measured) {
  Buffer& b = BufferOf(server);
  Pending& p = b.keys[key];
  if (p.rows == 0 || !c_.coalesce) {
    ++p.rows;
    p.last = static_cast<uint32_t>(b.order.size());
    b.order.push_back(Row{key, label});
  } else {
    b.order[p.last].version = label;  // the row now persists this write's value
  }
  ++p.writes;
  if (b.writes++ == 0) b.oldest_ack = h_.sim().Now();
  if (measured)
    ++acked_;
  else
    ++b.warm;  // a warm-up write acknowledged after measurement started
  if (b.order.size() >= c_.batch_size)
    Flush(server);
  else
    ArmTimer(server);
}

void WriteBehind::ArmTimer(uint32_t server) {
  Buffer& b = BufferOf(server);
  if (b.timer) return;
  b.timer = true;
  // Flushes run on the flush_interval grid (F, 2F, ...), like a periodic flusher.
  SimTime now = h_.sim().Now();
  h_.sim().ScheduleAt((now / c_.flush_interval + 1) * c_.flush_interval,
                      [this, server] {
                        BufferOf(server).timer = false;
                        Flush(server);
                      },
                      /*background=*/true);
}

void WriteBehind::Flush(uint32_t server) {
  Buffer& b = BufferOf(server);
  if (b.order.empty()) return;
  std::vector<Row> rows = std::move(b.order);
  persisted_ += b.writes - b.warm;
  b.order = {};
  b.keys.clear();
  b.writes = b.warm = 0;
  ++batches_;
  rows_ += rows.size();
  // Kept until it commits: a crash meanwhile must know its labels are still coming.
  uint64_t n = flushes_++;
  flushing_.emplace(n, rows);
  h_.db().WriteBatch(std::move(rows), [this, n](uint64_t) { flushing_.erase(n); });
}

uint64_t WriteBehind::NewestPending(uint64_t key, uint32_t server) const {
  uint64_t newest = h_.db().Version(key);
  for (uint32_t s = 0; s < buffers_.size(); ++s) {
    if (s == server) continue;
    auto it = buffers_[s].keys.find(key);
    if (it != buffers_[s].keys.end()) newest = std::max(newest, buffers_[s].order[it->second.last].version);
  }
  for (const auto& [n, rows] : flushing_)
    for (const Row& row : rows)
      if (row.key == key) newest = std::max(newest, row.version);
  return newest;
}

void WriteBehind::Finish() {
  for (uint32_t s = 0; s < buffers_.size(); ++s) Flush(s);
}

void WriteBehind::OnServerCrash(uint32_t server) {
  CacheAside::OnServerCrash(server);
  Buffer& b = BufferOf(server);
  ++crashes_;
  SimTime window = b.writes ? h_.sim().Now() - b.oldest_ack : 0;
  loss_window_max_ = std::max(loss_window_max_, window);
  lost_writes_ += b.writes - b.warm;
  lost_rows_ += b.order.size();
  // The lost labels never commit: readers go back to the newest that will.
  // (Writes still in flight to the cache announce theirs again when acked.)
  for (const Row& row : b.order) h_.invalidation().OnWritesLost(row.key, NewestPending(row.key, server));
  events_.push_back(RunEvent{h_.sim().Now(), "writes-lost",
                             "server " + std::to_string(server) + ": " + std::to_string(b.writes) + " writes (" +
                                 std::to_string(b.order.size()) + " rows) lost, window " + FormatDuration(window)});
  b.order.clear();
  b.keys.clear();
  b.writes = b.warm = 0;
}

void WriteBehind::StartMeasurement() {
  CacheAside::StartMeasurement();
  // Writes still buffered are the warm-up's: persisted and lost leave them
  // out; batches and rows count the database work from now on, as db_writes does.
  for (Buffer& b : buffers_) b.warm = b.writes;
  acked_ = persisted_ = lost_writes_ = lost_rows_ = batches_ = rows_ = direct_writes_ = crashes_ = 0;
  loss_window_max_ = 0;
}

void WriteBehind::Report(RunReport* r) const {
  CacheAside::Report(r);
  r->Set("lost_writes", static_cast<int64_t>(lost_writes_));
  r->Set("lost_rows", static_cast<int64_t>(lost_rows_));
  r->Set("loss_window_ms", ToMillis(loss_window_max_));
  r->Set("write_behind.acked", static_cast<int64_t>(acked_));
  r->Set("write_behind.persisted", static_cast<int64_t>(persisted_));
  r->Set("write_behind.batches", static_cast<int64_t>(batches_));
  r->Set("write_behind.rows", static_cast<int64_t>(rows_));
  r->Set("write_behind.direct_writes", static_cast<int64_t>(direct_writes_));
  r->events.insert(r->events.end(), events_.begin(), events_.end());
}

}  // namespace cachelab
