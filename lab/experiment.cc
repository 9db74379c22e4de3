#include "lab/experiment.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <memory>

#include "lab/invalidation_setup.h"
#include "lab/commit_history.h"
#include "lab/hot_key_expiries.h"
#include "lab/run_config.h"
#include "lab/run_extras.h"
#include "lab/scenario.h"
#include "lab/strategy_config.h"
#include "lab/twin_setup.h"
#include "sim/exponential_stream.h"
#include "sim/metrics.h"
#include "sim/sim_database.h"
#include "sim/sim_redis.h"
#include "sim/simulator.h"
#include "strategies/invalidation/invalidation.h"
#include "strategies/strategy.h"
#include "workloads/synthetic.h"
#include "workloads/trace_workload.h"
#include "workloads/warmup_spec.h"

namespace cachelab {
namespace {

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

class Experiment final : public Harness {
 public:
  Experiment(const RunConfig& c, const ProgressFn& progress, BackendProvider* backend)
      : c_(c),
        backend_(backend),
        progress_(progress),
        metrics_(c.window),
        cluster_(sim_, c.cluster, c.redis, c.seed),
        db_(sim_, c.db, metrics_, c.seed),
        workload_(c.workload, c.seed),
        key_ttl_(c.invalidation_config.key_ttl.get()),
        arrivals_(Rng(c.seed, "arrivals")),
        think_rng_(c.seed, "think-time") {
    // The stores spell CacheKey's "k:<key>" from a key's id instead of keeping the name (8 bytes a key).
    cluster_.SetKeyNaming(KeyNaming{&db_.key_ids(), "k:"});
    std::string err;
    if (!c.trace.empty()) {
      std::unique_ptr<FileTraceReader> reader = OpenTrace(c.trace, c.trace_open, &err);
      if (!reader) throw ParamError("trace", err);
      trace_ = std::make_unique<TraceWorkload>(c.index, std::move(reader), c.original_timing, c.time_scale, c.seed);
    }
    if (key_ttl_ && c.workload.twin) {  // --workload twin: each key's TTL drawn once, in key order
      Rng rng(c.seed, "twin-ttl");
      for (SimTime& t : *key_ttl_) t = static_cast<SimTime>(c.workload.twin->key_ttl_seconds.Sample(rng)) * kSecond;
    }
    total_ = trace_ ? c.index->requests : c.workload.requests;
    if (c.max_requests) total_ = std::min(total_, c.max_requests);
    measuring_ = c.warmup.none();
    invalidation_ = MakeInvalidation(c.invalidation, *this, c.invalidation_config, &err);
    hooks_requests_ = invalidation_->HooksRequests();
    cache_ = &invalidation_->Route(backend ? backend->Open(sim_) : static_cast<CacheBackend&>(redis_));  // e.g. version keys rename what strategies ask for
    // Live pub/sub reaches the simulated subscribers (one real subscriber per node).
    if (backend && c.invalidation == "pubsub") backend->BridgePubSub(redis_.pubsub());
    strategy_ = MakeStrategy(c.strategy, *this, c.strategy_config, &err);
    db_.set_commit_observer([this](uint32_t key_id, uint64_t v) { history_.OnCommit(key_id, v, sim_.Now()); });
    requests_id_ = metrics_.Counter("requests", true, true);
    hits_id_ = metrics_.Counter("hits", true);
    misses_id_ = metrics_.Counter("misses", true);
    writes_id_ = metrics_.Counter("writes");
    stale_id_ = metrics_.Counter("stale_reads", true);
    stale_hit_id_ = metrics_.Counter("stale_hits");
    fallback_id_ = metrics_.Counter("fallbacks", true);
    failed_id_ = metrics_.Counter("failed_requests");
    metrics_.RatioSeries("hit_ratio", hits_id_, misses_id_);
    latency_id_ = metrics_.Hist("latency", /*series=*/true);
    read_latency_id_ = metrics_.Hist("read_latency");
    write_latency_id_ = metrics_.Hist("write_latency");
    staleness_id_ = metrics_.Hist("staleness");
    metrics_.Gauge("memory_bytes", "bytes", [this] {
      peak_memory_ = std::max<uint64_t>(peak_memory_, cluster_.used_memory());
      return static_cast<double>(cluster_.used_memory());
    });
    metrics_.Gauge("cache_keys", "count", [this] { return static_cast<double>(cluster_.keys()); });
    metrics_.ExternalCounter("evictions", [this] { return static_cast<int64_t>(cluster_.evicted_keys()); });
    metrics_.ExternalCounter("expirations",
                             [this] { return static_cast<int64_t>(cluster_.expired_keys()); });
  }

  RunReport Run();

  // Harness
  Simulator& sim() override { return sim_; }
  CacheBackend& cache_for(uint64_t key) override {
    if (backend_ || cluster_.single()) return *cache_;
    // Each node through the scheme's router too (version keys rename on every node).
    return invalidation_ ? invalidation_->Route(cluster_.For(key)) : cluster_.For(key);
  }
  SimDatabase& db() override { return db_; }
  Metrics& metrics() override { return metrics_; }
  Invalidation& invalidation() override { return *invalidation_; }
  const Request& request(ReqId id) const override { return inflight_[id].req; }
  void CompleteRead(ReqId id, const ReadOutcome& o) override;
  void CompleteWrite(ReqId id, const WriteOutcome& o) override;
  bool measured(ReqId id) const override { return !inflight_[id].warm; }

 private:
  struct InFlight {
    Request req;
    SimTime start = 0;
    uint32_t client = 0;
    bool warm = false;  // a warm-up request: fills caches, counts nowhere
  };
  void ScheduleOpenArrival();
  void OnArrival(uint32_t);
  void ScheduleTraceArrival();
  bool NextRequest(Request* req);
  void Issue(uint32_t client);
  void PrefetchUpcoming();
  // The dense id of the request `pulled_ - 1` (the one being dispatched).
  uint32_t KeyIdOf(uint64_t key) {
    const UpcomingId& u = upcoming_[(pulled_ - 1) % kUpcoming];
    return u.key == key && u.id != kNoKeyId ? u.id : db_.KeyId(key);
  }
  void Dispatch(uint32_t client, const Request& req);
  // n % servers without a 64-bit division (~40 cycles; 7% of the arrival's samples) for a power of
  // two, such as the one server of most runs (a test for 1 alone, GCC folds back into the division).
  uint64_t ServerOf(uint64_t n) const {
    return (c_.servers & (c_.servers - 1)) == 0 ? n & (c_.servers - 1) : n % c_.servers;
  }
  void StartMeasurement();
  uint32_t SizeOf(uint64_t key) const { return workload_.SizeOf(key); }
  void Finish(ReqId id, uint64_t latency);
  void ScheduleWindow();
  void RunSim() { backend_ ? backend_->Drive(sim_) : sim_.Run(); }

  RunConfig c_;
  BackendProvider* backend_;  // null: the simulated cache tier
  ProgressFn progress_;
  Simulator sim_;
  Metrics metrics_;
  Cluster cluster_;
  SimRedis& redis_ = cluster_.node(0);  // the whole cache when the cluster is single
  SimDatabase db_;
  SyntheticWorkload workload_;  // the workload, or for a trace the --value-size override
  std::unique_ptr<TraceWorkload> trace_;
  std::vector<SimTime>* key_ttl_;  // --ttl trace: each key's latest TTL from the trace
  std::unique_ptr<Invalidation> invalidation_;
  bool hooks_requests_ = false;  // invalidation_->HooksRequests(): else its two hooks are skipped
  CacheBackend* cache_ = &redis_;
  ExpiryMonitor expiry_{sim_, redis_.store()};
  std::unique_ptr<Strategy> strategy_;
  ExponentialStream arrivals_;
  Rng think_rng_;
  Rng server_rng_{c_.seed, "server-pick"};
  // One open-loop arrival pending at a time: OnArrival.
  Simulator::Poster arrival_poster_ = sim_.NewPoster<&Experiment::OnArrival>(this);
  // Synthetic workload: the key ids of the next requests, by request number
  // (pulled_) modulo kUpcoming, found ahead by PrefetchUpcoming.
  struct UpcomingId {
    uint64_t key = 0;
    uint32_t id = kNoKeyId;
  };
  static constexpr uint64_t kUpcoming = 4;
  UpcomingId upcoming_[kUpcoming];
  CommitHistory history_;
  std::vector<RunEvent> fault_events_;
  HotKeyExpiries hot_expiries_;  // expiry events of the hottest keys, for the charts
  std::vector<InFlight> inflight_;
  std::vector<ReqId> free_ids_;
  bool exhausted_ = false;
  uint64_t peak_memory_ = 0;
  uint64_t issued_ = 0, completed_ = 0;
  uint64_t pulled_ = 0, total_ = 0;  // requests taken from the workload; how many it will give
  bool measuring_ = true;            // false during --warmup
  uint64_t warm_requests_ = 0;
  SimTime measure_start_ = 0;
  uint64_t ops_[3] = {0, 0, 0};      // measured requests by mapped operation (Op)
  RedisStats redis_at_start_;
  uint64_t commands_at_start_ = 0;
  Request pending_;  // original timing: the request whose arrival is scheduled
  Metrics::Id requests_id_, hits_id_, misses_id_, writes_id_, stale_id_, stale_hit_id_, fallback_id_, failed_id_;
  Metrics::Id latency_id_, read_latency_id_, write_latency_id_, staleness_id_;
};

void Experiment::ScheduleWindow() {
  sim_.Schedule(
      c_.window,
      [this] {
        metrics_.CloseWindow(sim_.Now());
        ScheduleWindow();
      },
      /*background=*/true);
}

void Experiment::ScheduleOpenArrival() {
  const ScenarioConfig& sc = c_.scenario;
  bool before_jump = sim_.Now() < sc.flash_at;  // flash crowd: base rate until the jump
  SimTime gap = static_cast<SimTime>(arrivals_.Next(kSecond / (before_jump ? sc.base_rate : c_.rate)));
  if (before_jump && sim_.Now() + gap > sc.flash_at)  // memoryless: restart at the jump
    gap = sc.flash_at - sim_.Now() + static_cast<SimTime>(arrivals_.Next(kSecond / c_.rate));
  sim_.Post(arrival_poster_, gap, 0);
}

// flatten: the arrival handler inlines what it calls in this file (Issue, NextRequest,
// Dispatch, ScheduleOpenArrival): calls are a large share of a request's instructions.
[[gnu::flatten]] void Experiment::OnArrival(uint32_t) {
  Issue(static_cast<uint32_t>(c_.scenario.random_servers ? server_rng_.Below(c_.servers) : ServerOf(issued_)));
  if (!exhausted_) ScheduleOpenArrival();
}

bool Experiment::NextRequest(Request* req) {
  if (exhausted_ || (c_.max_requests && pulled_ >= c_.max_requests)) return false;
  if (trace_) {
    if (!trace_->Next(req)) {
      if (!trace_->ok()) throw ParamError("trace", trace_->error());  // indexed clean: the file changed
      return false;
    }
    if (c_.value_size_override) req->size = SizeOf(req->key);
  } else if (!workload_.Next(req)) {
    return false;
  }
  // --duration: arrivals from the trace's clock, else the simulator's.
  if (c_.duration && (c_.original_timing ? req->at : sim_.Now()) >= c_.duration) return false;
  ++pulled_;
  return true;
}

void Experiment::ScheduleTraceArrival() {
  if (!NextRequest(&pending_)) {
    exhausted_ = true;
    return;
  }
  sim_.ScheduleAt(pending_.at, [this] {
    Dispatch(static_cast<uint32_t>(ServerOf(issued_)), pending_);
    if (!exhausted_) ScheduleTraceArrival();
  });
}

void Experiment::Issue(uint32_t client) {
  Request req;
  if (!NextRequest(&req)) {
    exhausted_ = true;
    return;
  }
  if (!trace_) PrefetchUpcoming();
  Dispatch(client, req);
}

// The synthetic workload has the next keys drawn already: start loading what
// the next requests will touch, one step at a time (the key's id, then its
// database row and Redis id cell, then its Redis entry), so that the loads
// are no cache misses when the requests come. The id found two requests ahead
// is kept for Dispatch (ids never change once given). Hints only: the ids are
// assigned at first touch as before, and nothing else changes.
void Experiment::PrefetchUpcoming() {
  const KeyIds& ids = db_.key_ids();
  uint64_t key;
  if (workload_.Upcoming(4, &key)) ids.Prefetch(key);  // (inlined: a prefetch in this function's body)
  bool one_store = !backend_ && cluster_.single();
  if (workload_.Upcoming(2, &key)) {
    UpcomingId& u = upcoming_[(pulled_ + 2) % kUpcoming];
    u = UpcomingId{key, ids.Find(key)};
    if (u.id != kNoKeyId) {
      db_.PrefetchRow(u.id);
      if (one_store) redis_.store().PrefetchId(u.id);
    }
  }
  const UpcomingId& next = upcoming_[pulled_ % kUpcoming];
  if (one_store && next.id != kNoKeyId) redis_.store().PrefetchEntry(next.id);
  asm volatile("");  // see sim/prefetch.h: else GCC may drop the call
}

void Experiment::StartMeasurement() {
  measuring_ = true;
  measure_start_ = sim_.Now();
  // Figures kept inside the components first: counters they expose to the
  // metrics (lost_writes) are then re-read from zero by Metrics below.
  strategy_->StartMeasurement();
  invalidation_->StartMeasurement();
  cluster_.StartMeasurement();
  if (backend_) backend_->StartMeasurement();
  hot_expiries_.StartMeasurement(sim_.Now());
  metrics_.StartMeasurement(sim_.Now());
  expiry_.StartAt(sim_.Now());
  redis_at_start_ = redis_.store().stats();
  commands_at_start_ = redis_.commands();
  // The same kind and detail as `replay --warmup` (replay/replay_windows.cc).
  fault_events_.push_back({sim_.Now(), "measurement_start", "end of the warm-up"});
}

void Experiment::Dispatch(uint32_t client, const Request& pulled) {
  Request req = pulled;
  bool warm = !measuring_ && c_.warmup.InWarmup(pulled_ - 1, sim_.Now(), total_);
  if (!measuring_ && !warm) StartMeasurement();
  if (cluster_.Redirect(&req.key) && !trace_) req.size = SizeOf(req.key);  // hot-key skew (churn)
  req.kid = KeyIdOf(req.key);  // before Observe, which finds the key by it
  if (hot_expiries_.Watches(req.key)) hot_expiries_.Observe(req.key, req.kid, cluster_.For(req.key).store(), sim_.Now());
  ReqId id;
  if (!free_ids_.empty()) {
    id = free_ids_.back();
    free_ids_.pop_back();
  } else {
    id = static_cast<ReqId>(inflight_.size());
    inflight_.emplace_back();
  }
  req.at = sim_.Now();
  // A trace's client (or use case) id picks the application server.
  req.client = static_cast<uint32_t>(ServerOf(trace_ && c_.index->has_clients ? req.client : client));
  // A set's TTL (0: none) is the key's; another request's only when it gives one: twitter, kvcache and
  // recorded traces write 0 on every read (their formats' definition), which says nothing of the key.
  if (key_ttl_ && trace_ && req.key < key_ttl_->size() && (req.op == Op::kSet || req.ttl > 0))
    (*key_ttl_)[req.key] = req.ttl;
  InFlight& f = inflight_[id];  // field by field: a whole InFlight built on the stack and
  f.req = req;                   // copied costs a store-forwarding stall per request
  f.start = sim_.Now();
  f.client = client;
  f.warm = warm;
  ++issued_;
  if (warm) {
    ++warm_requests_;
  } else {
    metrics_.Add(requests_id_);
    ++ops_[static_cast<int>(req.op)];
  }
  if (progress_ && (issued_ & 0xFFFF) == 0) progress_(Progress{issued_, total_, ToSeconds(sim_.Now()), &metrics_});
  ReadOutcome local;  // a near cache on the application server may answer first
  if (hooks_requests_ && invalidation_->BeforeRequest(inflight_[id].req, &local)) {
    CompleteRead(id, local);
    return;
  }
  // A write's commit comes a database write later (~70 requests at the
  // defaults): its history cell arrives in the cache meanwhile (an id without
  // a cell yet, kNoKeyId included, is no prefetch).
  if (req.op != Op::kGet) history_.Prefetch(req.kid);
  if (req.op == Op::kGet) strategy_->Read(id);
  else strategy_->Write(id);
}

void Experiment::Finish(ReqId id, uint64_t latency) {
  uint32_t client = inflight_[id].client;
  if (!inflight_[id].warm) {
    metrics_.Record(latency_id_, latency);
    ++completed_;
  }
  free_ids_.push_back(id);
  if (c_.closed_loop && !exhausted_) {
    SimTime think = static_cast<SimTime>(c_.think.Sample(think_rng_));
    sim_.Schedule(think, [this, client] { Issue(client); });
  }
}

// flatten: Finish inlined (every read).
[[gnu::flatten]] void Experiment::CompleteRead(ReqId id, const ReadOutcome& o) {
  const InFlight& f = inflight_[id];
  uint64_t latency = static_cast<uint64_t>(sim_.Now() - f.start);
  if (f.warm) {
    if (hooks_requests_) invalidation_->AfterRead(f.req, o);
    return Finish(id, latency);
  }
  metrics_.Record(read_latency_id_, latency);
  metrics_.Add(o.hit ? hits_id_ : misses_id_);
  if (o.fallback) metrics_.Add(fallback_id_);
  if (o.failed) metrics_.Add(failed_id_);
  uint64_t current = db_.VersionAt(f.req.kid);
  if (!o.failed && o.version < current) {
    metrics_.Add(stale_id_);
    if (o.hit) metrics_.Add(stale_hit_id_);
    // Age: how long ago the served version was superseded.
    metrics_.Record(staleness_id_, static_cast<uint64_t>(sim_.Now() - history_.SupersededAt(f.req.kid, o.version, current)));
  }
  if (hooks_requests_) invalidation_->AfterRead(f.req, o);
  Finish(id, latency);
}

void Experiment::CompleteWrite(ReqId id, const WriteOutcome& o) {
  const InFlight& f = inflight_[id];
  uint64_t latency = static_cast<uint64_t>(sim_.Now() - f.start);
  if (f.warm) return Finish(id, latency);
  metrics_.Record(write_latency_id_, latency);
  metrics_.Add(writes_id_);
  if (o.failed) metrics_.Add(failed_id_);
  Finish(id, latency);
}

void AddLatency(RunReport& r, const std::string& prefix, const Histogram& h, bool full) {
  r.Set(prefix + ".p50", h.Quantile(0.50) / 1000.0);
  if (full) r.Set(prefix + ".p90", h.Quantile(0.90) / 1000.0);
  r.Set(prefix + ".p99", h.Quantile(0.99) / 1000.0);
  if (full) {
    r.Set(prefix + ".p999", h.Quantile(0.999) / 1000.0);
    r.Set(prefix + ".mean", h.mean() / 1000.0);
    r.Set(prefix + ".max", static_cast<double>(h.max()) / 1000.0);
  }
}

RunReport Experiment::Run() {
  auto wall_start = std::chrono::steady_clock::now();
  double cpu_start = ThreadCpuSeconds();
  ScheduleWindow();
  std::function<double(uint64_t)> weight;
  if (trace_) weight = [this](uint64_t k) { return static_cast<double>(c_.index->counts[k]); };
  else weight = [this](uint64_t k) { return workload_.zipf().Probability(k); };
  cluster_.Start(c_.workload.keys, weight);
  if (!backend_ && !trace_ && workload_.zipf().ProbabilityNonIncreasing())
    hot_expiries_.WatchFirst(c_.workload.keys);  // the same keys, without a pow call per key
  else if (!backend_)
    hot_expiries_.Watch(c_.workload.keys, weight);
  ScheduleFaults(c_.faults, sim_, redis_, *strategy_, &fault_events_);
  if (c_.scenario.preload)
    Preload(*this, *strategy_, c_.workload.keys, c_.scenario.ttl_jitter,
            c_.strategy_config.stampede.guard == "stale-while-revalidate" ? c_.strategy_config.stampede.stale_window : 0,
            static_cast<SimTime>(c_.db.read_latency.Mean()), c_.seed, workload_.SizeOf(0));
  if (c_.warmup_keys) WarmUp(*this, c_.warmup_keys, [this](uint64_t k) { return workload_.SizeOf(k); });
  if (c_.original_timing) {
    ScheduleTraceArrival();
  } else if (c_.closed_loop) {
    for (uint64_t i = 0; i < c_.clients; ++i) {
      // Stagger the first requests over one think time so clients don't move in lockstep.
      SimTime offset = static_cast<SimTime>(c_.think.Sample(think_rng_) * think_rng_.Uniform());
      sim_.Schedule(offset, [this, i] { Issue(static_cast<uint32_t>(i)); });
    }
  } else {
    ScheduleOpenArrival();
  }
  RunSim();
  strategy_->Finish();
  RunSim();
  if (!measuring_) StartMeasurement();  // the warm-up took the whole workload: nothing is measured
  metrics_.CloseWindow(sim_.Now());
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  double cpu = ThreadCpuSeconds() - cpu_start;

  RunReport r;
  r.kind = "run";
  r.label = c_.strategy + "/" + c_.invalidation;
  r.seed = c_.seed;
  int64_t hits = metrics_.Value(hits_id_), misses = metrics_.Value(misses_id_);
  int64_t reads = hits + misses;
  r.Set("strategy", c_.strategy);
  r.Set("invalidation", c_.invalidation);
  r.Set("requests", static_cast<int64_t>(completed_));
  r.Set("ops_read", static_cast<int64_t>(ops_[static_cast<int>(Op::kGet)]));
  r.Set("ops_write", static_cast<int64_t>(ops_[static_cast<int>(Op::kSet)]));
  r.Set("ops_delete", static_cast<int64_t>(ops_[static_cast<int>(Op::kDelete)]));
  r.Set("warmup_requests", static_cast<int64_t>(warm_requests_));
  r.Set("measurement_start_s", ToSeconds(measure_start_));
  if (trace_) {
    r.Set("trace", c_.trace);
    r.Set("trace_format", c_.index->format);
    r.Set("trace_requests", static_cast<int64_t>(c_.index->requests));
    r.Set("trace_objects", static_cast<int64_t>(c_.index->objects));
    r.Set("trace_bad_records", static_cast<int64_t>(c_.index->bad_records));
    r.Set("timing", std::string(c_.original_timing ? "original" : c_.closed_loop ? "closed" : "rate"));
  }
  r.Set("reads", reads);
  r.Set("writes", metrics_.Value(writes_id_));
  r.Set("hits", hits);
  r.Set("misses", misses);
  r.Set("hit_ratio", reads ? static_cast<double>(hits) / reads : 0.0);
  AddLatency(r, "latency_us", metrics_.HistogramOf(latency_id_), true);
  AddLatency(r, "read_latency_us", metrics_.HistogramOf(read_latency_id_), true);
  AddLatency(r, "write_latency_us", metrics_.HistogramOf(write_latency_id_), false);
  r.Set("db_queries", static_cast<int64_t>(db_.queries()));
  r.Set("db_reads", static_cast<int64_t>(db_.reads()));
  r.Set("db_writes", static_cast<int64_t>(db_.writes()));
  r.Set("db_peak_concurrency", db_.peak_concurrency());
  const RedisStats& rs = redis_.store().stats();
  r.Set("evictions", static_cast<int64_t>(rs.evicted_keys - redis_at_start_.evicted_keys));
  r.Set("expirations", static_cast<int64_t>(rs.expired_keys - redis_at_start_.expired_keys));
  r.Set("cache_commands", static_cast<int64_t>(redis_.commands() - commands_at_start_));
  r.Set("memory_bytes", static_cast<int64_t>(redis_.store().used_memory()));
  r.Set("memory_bytes_peak", static_cast<int64_t>(std::max<uint64_t>(peak_memory_, redis_.store().used_memory())));
  r.Set("stale_reads", metrics_.Value(stale_id_));
  r.Set("stale_hits", metrics_.Value(stale_hit_id_));
  r.Set("stale_read_ratio", reads ? static_cast<double>(metrics_.Value(stale_id_)) / reads : 0.0);
  r.Set("lost_writes", int64_t{0});  // write-behind overrides
  r.Set("scenario", c_.scenario.name);
  AddStaleness(&r, metrics_.HistogramOf(staleness_id_));
  r.Set("fallbacks", metrics_.Value(fallback_id_));
  r.Set("failed_requests", metrics_.Value(failed_id_));
  r.Set("sim_seconds", ToSeconds(sim_.Now() - measure_start_));
  r.Set("sim_events", static_cast<int64_t>(sim_.events_run()));  // `events` in --json lists the run's events
  r.Set("seed", static_cast<int64_t>(c_.seed));
  r.Set("wall_seconds", wall);
  r.Set("cpu_seconds", cpu);
  // Speed on one core: CPU time of the thread that ran the simulation, so
  // parallel runs and a busy machine don't distort it.
  r.Set("sim_requests_per_sec", cpu > 0 ? completed_ / cpu : 0.0);
  expiry_.Report(&r);
  invalidation_->Report(&r);
  strategy_->Report(&r);
  if (key_ttl_) ReportBaseTtls(*key_ttl_, &r);
  r.Set("staleness_age_truncated", static_cast<int64_t>(history_.truncated()));
  r.events.insert(r.events.begin(), fault_events_.begin(), fault_events_.end());
  hot_expiries_.Report(measure_start_, &r);
  metrics_.ExportSeries(&r);
  cluster_.Report(&r, c_.window);  // reads the series: after the export
  // After every count of expirations: its GETs expire keys lazily.
  ReportDivergence(redis_.store(), db_, c_.workload.keys, &r);
  ReportPeakDbRate(&r);
  metrics_.ExportHistogram(latency_id_, "latency_ns", &r);
  // Per operation too: `export --hgrm` writes one file per run and operation.
  metrics_.ExportHistogram(read_latency_id_, "read_latency_ns", &r);
  metrics_.ExportHistogram(write_latency_id_, "write_latency_ns", &r);
  if (backend_) backend_->Report(&r);
  if (measure_start_ > 0)  // --warmup: series computed outside Metrics (expiry calendar) start there too
    for (Series& s : r.series) {
      size_t keep = 0;
      while (keep < s.t.size() && s.t[keep] < measure_start_) ++keep;
      s.t.erase(s.t.begin(), s.t.begin() + static_cast<long>(keep));
      s.v.erase(s.v.begin(), s.v.begin() + static_cast<long>(keep));
    }
  return r;
}

}  // namespace

RunReport RunExperiment(const Params& params, const ProgressFn& progress, BackendProvider* backend) {
  Params effective = params;
  std::shared_ptr<const TraceIndex> index = PrepareTrace(&effective);
  std::shared_ptr<const TwinProfile> twin = ApplyTwinWorkload(&effective);
  ScenarioConfig scenario = ApplyScenario(&effective);  // presets the workload it implies
  RunConfig c = ParseRunConfig(effective, std::move(index));
  c.scenario = scenario;
  c.workload.twin = std::move(twin);
  Experiment e(c, progress, backend);
  RunReport r = e.Run();
  r.config = effective.All();
  if (c.index) {  // the trace gives the requests and their keys: no synthetic settings that did not apply
    uint64_t requests = c.max_requests ? std::min(c.index->requests, c.max_requests) : c.index->requests;
    std::erase_if(r.config, [](const auto& kv) { return kv.first == "alpha" || kv.first == "read-fraction" || kv.first == "workload"; });
    for (auto& [name, value] : r.config)
      if (name == "requests") value = std::to_string(requests);
  }
  return r;
}

}  // namespace cachelab
