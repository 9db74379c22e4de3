#include "sim/sim_database.h"

#include <utility>

namespace cachelab {

SimDatabase::SimDatabase(Simulator& sim, const SimDatabaseConfig& config, Metrics& metrics, uint64_t seed)
    : sim_(sim), config_(config), metrics_(metrics), rng_(seed, "sim-database") {
  queries_id_ = metrics_.Counter("db_queries", /*series=*/true, /*per_second=*/true);
  reads_id_ = metrics_.Counter("db_reads", true, true);
  writes_id_ = metrics_.Counter("db_writes", true, true);
  rows_id_ = metrics_.Counter("db_rows_written");
  wait_id_ = metrics_.Hist("db_pool_wait");
  concurrency_id_ = metrics_.PeakSeries("db_concurrency_peak", "count");
}

// Field by field: the aggregate `Query{...}` compiled to a `rep stos` zeroing
// all 128 bytes first (microcoded, ~80% of Read's samples).
SimDatabase::Query SimDatabase::NewQuery(Query::Kind kind, uint64_t key, uint32_t id, ReadCallback&& done) const {
  Query q;
  q.kind = kind;
  q.key = key;
  q.id = id;
  q.done = std::move(done);
  q.enqueued = sim_.Now();
  return q;
}

// flatten (here and Complete): Enqueue and Start inlined, one query a miss.
[[gnu::flatten]] void SimDatabase::Read(uint64_t key, uint32_t id, ReadCallback done) {
  metrics_.Add(reads_id_);
  if (id == kNoKeyId) id = ids_.Intern(key);
  Enqueue(NewQuery(Query::Kind::kRead, key, id, std::move(done)));
}

[[gnu::flatten]] void SimDatabase::Read(uint32_t id, const ReadClient& to, uint32_t token) {
  metrics_.Add(reads_id_);
  Query q = NewQuery(Query::Kind::kRead, 0, id, {});
  q.to = &to;
  q.token = token;
  Enqueue(std::move(q));
}

void SimDatabase::Write(uint64_t key, uint32_t id, WriteCallback done) {
  metrics_.Add(writes_id_);
  if (id == kNoKeyId) id = ids_.Intern(key);
  Enqueue(NewQuery(Query::Kind::kWrite, key, id, std::move(done)));
}

void SimDatabase::WriteAs(uint64_t key, uint32_t id, uint64_t version, WriteCallback done) {
  metrics_.Add(writes_id_);
  if (id == kNoKeyId) id = ids_.Intern(key);
  Query q = NewQuery(Query::Kind::kWrite, key, id, std::move(done));
  q.version = version;
  Enqueue(std::move(q));
}

void SimDatabase::WriteBatch(std::vector<Row> rows, WriteCallback done) {
  metrics_.Add(writes_id_);
  Query q = NewQuery(Query::Kind::kBatch, 0, kNoKeyId, std::move(done));
  q.batch = std::move(rows);
  Enqueue(std::move(q));
}

void SimDatabase::Enqueue(Query&& q) {
  metrics_.Add(queries_id_);
  if (active_ < config_.pool_size) Start(std::move(q));
  else waiting_.push_back(std::move(q));
  metrics_.Peak(concurrency_id_, in_flight());
}

void SimDatabase::Commit(uint32_t id, uint64_t version) {
  if (version == 0) {
    uint64_t next = versions_.Increment(id);
    if (on_commit_) on_commit_(id, next);
    return;
  }
  uint64_t now = VersionAt(id);
  if (version <= now) return;  // an older write than the committed one: kept out
  versions_.Add(id, version - now);
  if (on_commit_)
    for (uint64_t v = now + 1; v <= version; ++v) on_commit_(id, v);
}

void SimDatabase::Start(Query&& q) {
  ++active_;
  metrics_.Record(wait_id_, static_cast<uint64_t>(sim_.Now() - q.enqueued));
  SimTime latency;
  if (q.kind == Query::Kind::kRead) latency = static_cast<SimTime>(config_.read_latency.Sample(rng_));
  else if (q.kind == Query::Kind::kWrite) latency = static_cast<SimTime>(config_.write_latency.Sample(rng_));
  else latency = static_cast<SimTime>(config_.batch_latency.Sample(rng_)) +
                 config_.per_row_latency * static_cast<SimTime>(q.batch.size());
  // A read sees what is committed when it starts.
  if (q.kind == Query::Kind::kRead) q.version = VersionAt(q.id);
  uint32_t slot;
  if (!free_running_.empty()) {
    slot = free_running_.back();
    free_running_.pop_back();
    running_[slot] = std::move(q);
  } else {
    slot = static_cast<uint32_t>(running_.size());
    running_.push_back(std::move(q));
  }
  sim_.Post(completions_, latency, slot);
}

[[gnu::flatten]] void SimDatabase::Complete(uint32_t slot) {
  Query& query = running_[slot];
  uint64_t result = query.version;
  if (query.kind == Query::Kind::kWrite) {
    Commit(query.id, query.version);
    result = VersionAt(query.id);
    metrics_.Add(rows_id_);
  } else if (query.kind == Query::Kind::kBatch) {
    for (const Row& row : query.batch) Commit(ids_.Intern(row.key), row.version);
    result = query.batch.size();
    metrics_.Add(rows_id_, static_cast<int64_t>(query.batch.size()));
  }
  const ReadClient* to = query.to;
  const uint32_t token = query.token;
  ReadCallback done = to ? ReadCallback() : std::move(query.done);
  query.to = nullptr;
  query.batch.clear();
  free_running_.push_back(slot);  // (query is not used below: Start may reuse or move it)
  --active_;
  if (!waiting_.empty()) {
    Query next = std::move(waiting_.front());
    waiting_.pop_front();
    Start(std::move(next));
  }
  if (to) to->fn(to->context, token, result);
  else done(result);
}

}  // namespace cachelab
