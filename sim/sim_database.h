// The simulated database: the source of truth. Every key has a version that a
// write increments. Queries need one of `pool_size` connections (FIFO wait),
// hold it for a latency drawn from the configured distribution, and are
// counted. A read sees the version committed when it starts executing; a write
// commits when it finishes, so slow reads and concurrent writes race as they do
// against a real database.
#pragma once
#include <cstdint>
#include <deque>
#include <vector>

#include "sim/counter_rows.h"
#include "sim/distribution.h"
#include "sim/inplace_function.h"
#include "sim/key_ids.h"
#include "sim/metrics.h"
#include "sim/rng.h"
#include "sim/simulator.h"

namespace cachelab {

struct SimDatabaseConfig {
  int pool_size = 32;
  Distribution read_latency = Distribution::Fixed(2 * kMillisecond);
  Distribution write_latency = Distribution::Fixed(4 * kMillisecond);
  // Batched writes (write-behind): per-batch cost plus per-row cost.
  Distribution batch_latency = Distribution::Fixed(4 * kMillisecond);
  SimTime per_row_latency = 50 * kMicrosecond;
};

class SimDatabase {
 public:
  using ReadCallback = InplaceFunction<void(uint64_t version), 48>;
  using WriteCallback = InplaceFunction<void(uint64_t version), 48>;

  SimDatabase(Simulator& sim, const SimDatabaseConfig& config, Metrics& metrics, uint64_t seed);

  void Read(uint64_t key, ReadCallback done) { Read(key, kNoKeyId, std::move(done)); }
  // The same with the key's dense id (KeyId(key)) when the caller has it.
  void Read(uint64_t key, uint32_t id, ReadCallback done);
  // A read whose result goes to to.fn(to.context, token, version): no
  // callback object built, moved and destroyed (a cache miss's load).
  // `to` must outlive the read.
  struct ReadClient {
    void (*fn)(void* context, uint32_t token, uint64_t version) = nullptr;
    void* context = nullptr;
  };
  void Read(uint32_t id, const ReadClient& to, uint32_t token);
  void Write(uint64_t key, WriteCallback done) { Write(key, kNoKeyId, std::move(done)); }
  void Write(uint64_t key, uint32_t id, WriteCallback done);
  // A write that commits key as `version` (write-behind labels each client
  // write; a label may skip versions: writes folded together or lost). A
  // label at or below the committed version changes nothing: the database
  // keeps the newest write, as a versioned upsert does. done gets the
  // version committed after it.
  void WriteAs(uint64_t key, uint32_t id, uint64_t version, WriteCallback done);
  // One query that writes several rows, each as WriteAs does; done gets the
  // number of rows written.
  struct Row {
    uint64_t key;
    uint64_t version;
  };
  void WriteBatch(std::vector<Row> rows, WriteCallback done);

  // The run's dense key ids: every key a request names gets one (the runner
  // stamps requests with it), and the database's rows are indexed by it.
  uint32_t KeyId(uint64_t key) { return ids_.Intern(key); }
  const KeyIds& key_ids() const { return ids_; }

  // The committed version now (0: never written).
  uint64_t Version(uint64_t key) const { return VersionAt(ids_.Find(key)); }
  uint64_t VersionAt(uint32_t id) const { return versions_.Get(id); }
  // Starts loading id's row into the cache (a hint for the runner, which knows the keys ahead).
  void PrefetchRow(uint32_t id) const { versions_.Prefetch(id); }

  // Called after every commit (staleness accounting keeps per-key history by
  // id); a commit that skips versions reports each one it passes, so a read
  // of a skipped version ages from the commit that passed it.
  using CommitObserver = InplaceFunction<void(uint32_t id, uint64_t version), 16>;
  void set_commit_observer(CommitObserver fn) { on_commit_ = std::move(fn); }

  uint64_t queries() const { return static_cast<uint64_t>(metrics_.Value(queries_id_)); }
  uint64_t reads() const { return static_cast<uint64_t>(metrics_.Value(reads_id_)); }
  uint64_t writes() const { return static_cast<uint64_t>(metrics_.Value(writes_id_)); }
  int in_flight() const { return active_ + static_cast<int>(waiting_.size()); }
  double peak_concurrency() const { return metrics_.PeakOverall(concurrency_id_); }
  const Histogram& pool_wait() const { return metrics_.HistogramOf(wait_id_); }

 private:
  struct Query {
    enum class Kind : uint8_t { kRead, kWrite, kBatch } kind;
    uint64_t key;
    uint32_t id;
    std::vector<Row> batch;
    ReadCallback done;
    const ReadClient* to = nullptr;  // instead of done
    uint32_t token = 0;
    SimTime enqueued;
    // A running read: the version committed when it started. A write: the
    // version it commits (0: the next one).
    uint64_t version = 0;
  };
  Query NewQuery(Query::Kind kind, uint64_t key, uint32_t id, ReadCallback&& done) const;
  void Enqueue(Query&& q);  // by reference: a query (with its callback) is moved once, into its row
  void Start(Query&& q);
  void Complete(uint32_t slot);  // a running query's latency is over
  void Commit(uint32_t id, uint64_t version);  // version 0: the next

  Simulator& sim_;
  SimDatabaseConfig config_;
  Metrics& metrics_;
  Rng rng_;
  KeyIds ids_;
  // Versions by key id, 2 bytes a key up to the largest id written (from
  // 61,440 commits in CounterRows' array of full counts; commit times are
  // the runner's, lab/commit_history.h).
  CounterRows<uint16_t> versions_;
  std::deque<Query> waiting_;
  // Running queries by slot (events carry the slot): no allocation per query.
  std::vector<Query> running_;
  std::vector<uint32_t> free_running_;
  int active_ = 0;
  CommitObserver on_commit_;
  // Complete(slot): latencies are random, so completions come out of order
  // (the heap, without a slot or callback of their own).
  Simulator::Poster completions_ = sim_.NewPoster<&SimDatabase::Complete>(this, /*lane=*/false);
  Metrics::Id queries_id_, reads_id_, writes_id_, rows_id_, wait_id_, concurrency_id_;
};

}  // namespace cachelab
