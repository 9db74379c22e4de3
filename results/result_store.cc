#include "results/result_store.h"

#include <sqlite3.h>

#include <cstdlib>
#include <ctime>
#include <stdexcept>

#include "results/report_json.h"

namespace cachelab {
namespace {

// "results file 'PATH': what SQLite says": every store error names the file.
std::string StoreError(sqlite3* db) {
  const char* file = sqlite3_db_filename(db, "main");
  return std::string("results file '") + (file && *file ? file : "?") + "': " + sqlite3_errmsg(db);
}

// A prepared statement that finalizes itself.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) != SQLITE_OK)
      throw std::runtime_error(StoreError(db));
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& Bind(int i, double v) {
    sqlite3_bind_double(s_, i, v);
    return *this;
  }
  Stmt& Bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& BindNull(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  bool Step() {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw std::runtime_error(StoreError(db_));
  }
  void Run() {
    Step();
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  int64_t Int(int c) const { return sqlite3_column_int64(s_, c); }
  double Real(int c) const { return sqlite3_column_double(s_, c); }
  bool IsNull(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
  int Type(int c) const { return sqlite3_column_type(s_, c); }
  std::string Text(int c) const {
    const unsigned char* t = sqlite3_column_text(s_, c);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(s_, c)) : std::string();
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  seed INTEGER NOT NULL,  -- the uint64 seed's bit pattern (SQLite integers are signed)
  run_key TEXT,
  config_json TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS runs_run_key ON runs(run_key);
CREATE TABLE IF NOT EXISTS run_config (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, key));
CREATE TABLE IF NOT EXISTS metrics (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, name TEXT NOT NULL, num REAL, text TEXT, is_int INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, name));
CREATE TABLE IF NOT EXISTS series (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name TEXT NOT NULL, unit TEXT NOT NULL, t_ns INTEGER NOT NULL, value REAL NOT NULL,
  axis TEXT NOT NULL DEFAULT 'time');  -- what t_ns counts: time (ns), requests, rank, bytes, objects
CREATE INDEX IF NOT EXISTS series_run ON series(run_id, name);
CREATE TABLE IF NOT EXISTS histograms (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name TEXT NOT NULL, lower REAL NOT NULL, upper REAL NOT NULL, count INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  t_ns INTEGER NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL,
  axis TEXT NOT NULL DEFAULT 'time');  -- what t_ns counts, as series.axis
)sql";

// PRAGMA user_version: 0 = files written before versioning (a plain index on
// run_key, duplicates possible); 1 = run_key UNIQUE; 2 = series.axis (what a
// series' t counts; before it every series was read as time); 3 = events.axis.
constexpr int kSchemaVersion = ResultStore::kVersion;

// Version 0 -> 1: keep the first run of each run_key, drop the later copies
// (same key = same parameters and seed), then make the key unique.
const char* kMigrateTo1 = R"sql(
DELETE FROM runs WHERE run_key IS NOT NULL AND id NOT IN (SELECT MIN(id) FROM runs WHERE run_key IS NOT NULL GROUP BY run_key);
DROP INDEX IF EXISTS runs_key;
)sql";

// Version 1 -> 2: every series stored before had t read as time, which is what
// the default says (request-indexed series of older builds stay mislabelled).
const char* kMigrateTo2 = "ALTER TABLE series ADD COLUMN axis TEXT NOT NULL DEFAULT 'time'";

// Version 2 -> 3: the same for events (a replay's warm-up end on an untimed trace
// is a request number; older builds stored it as ns and stay mislabelled).
const char* kMigrateTo3 = "ALTER TABLE events ADD COLUMN axis TEXT NOT NULL DEFAULT 'time'";

// The runs table's columns in every schema version: what makes a file cachelab's.
constexpr const char* kRunsColumns[] = {"id", "created_at", "kind", "label", "seed", "run_key", "config_json"};

bool HasRow(sqlite3* db, const char* sql, const char* arg) {
  Stmt s(db, sql);
  s.Bind(1, std::string(arg));
  return s.Step();
}

// Why the open file is not a cachelab results file, or "" when it is one or is
// empty (a new file, initialised next). SQLite's own errors on someone else's
// tables ("no such column: run_key") would not say what is wrong.
std::string NotResultsFile(sqlite3* db) {
  {
    Stmt any(db, "SELECT 1 FROM sqlite_master LIMIT 1");
    if (!any.Step()) return "";
  }
  std::string why;
  if (!HasRow(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", "runs")) why = "no 'runs' table";
  else
    for (const char* c : kRunsColumns)
      if (!HasRow(db, "SELECT 1 FROM pragma_table_info('runs') WHERE name = ?", c)) {
        why = std::string("its 'runs' table has no '") + c + "' column";
        break;
      }
  if (why.empty()) return "";
  std::string tables;
  Stmt s(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  while (s.Step()) tables += (tables.empty() ? "" : ", ") + s.Text(0);
  return "not a cachelab results file (" + why + "; tables: " + (tables.empty() ? "none" : tables) +
         "); cachelab leaves it as it is";
}

bool HasColumn(sqlite3* db, const char* table, const char* column) {
  Stmt s(db, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
  s.Bind(1, std::string(table)).Bind(2, std::string(column));
  return s.Step();
}

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

std::string ResolveResultsPath(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("CACHELAB_DB"); env && *env) return env;
  return kDefaultResultsFile;
}

ResultStore::ResultStore(const std::string& path, bool read_only) : path_(path) {
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw std::runtime_error("cannot open results file '" + path + "': " + msg);
  }
  sqlite3_busy_timeout(db_, BusyTimeoutMs());  // concurrent sweep workers take turns
  try {
    Exec("PRAGMA foreign_keys=ON");
    if (!read_only) Prepare();
    else if (SchemaVersion() <= kSchemaVersion) CheckOwnFile();  // a newer file's tables may differ
    // A file read as it is (read-only, version 1 or older) may have no axis column: its series are time.
    series_axis_ = HasColumn(db_, "series", "axis");
    events_axis_ = HasColumn(db_, "events", "axis");
  } catch (const std::exception& e) {
    sqlite3_close(db_);
    db_ = nullptr;
    std::string msg = e.what();  // Exec names the file; the schema checks do not
    throw std::runtime_error(msg.find(path) == std::string::npos ? "results file '" + path + "': " + msg : msg);
  }
}

ResultStore::~ResultStore() { sqlite3_close(db_); }

int ResultStore::BusyTimeoutMs() {
  const char* env = std::getenv("CACHELAB_DB_BUSY_TIMEOUT_MS");
  if (env && *env) {
    char* end = nullptr;
    long ms = std::strtol(env, &end, 10);
    if (*end == '\0' && ms >= 0 && ms <= 3600000) return static_cast<int>(ms);
  }
  return 30000;
}

int ResultStore::SchemaVersion() const {
  Stmt s(db_, "PRAGMA user_version");
  s.Step();
  return static_cast<int>(s.Int(0));
}

void ResultStore::Prepare() {
  // Refuse a newer file before writing anything to it (not even WAL mode).
  if (int v = SchemaVersion(); v > kSchemaVersion)
    throw std::runtime_error("written by a newer cachelab (schema version " + std::to_string(v) +
                             ", this build knows up to " + std::to_string(kSchemaVersion) +
                             "): not writing to it; use a newer cachelab or another --db");
  CheckOwnFile();  // before WAL mode, the first write
  SetWalMode();
  Exec("PRAGMA synchronous=NORMAL");
  // Current: nothing to write now (a writer busy elsewhere does not block the open).
  if (SchemaVersion() == kSchemaVersion) return;
  Exec("BEGIN IMMEDIATE");  // one migrator at a time; the others then see the new version
  try {
    int v = SchemaVersion();
    if (v > kSchemaVersion)
      throw std::runtime_error("written by a newer cachelab (schema version " + std::to_string(v) + ")");
    if (v < 1) {
      bool has_runs = false;
      {
        Stmt t(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'runs'");
        has_runs = t.Step();
      }
      if (has_runs) Exec(kMigrateTo1);
    }
    Exec(kSchema);  // a table that exists is kept as it is: add what it lacks
    if (!HasColumn(db_, "series", "axis")) Exec(kMigrateTo2);
    if (!HasColumn(db_, "events", "axis")) Exec(kMigrateTo3);
    if (v != kSchemaVersion) Exec(("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str());
    Exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void ResultStore::CheckOwnFile() {
  if (std::string why = NotResultsFile(db_); !why.empty()) throw std::runtime_error(why);
}

void ResultStore::SetWalMode() {
  // Two processes creating one file at once: SQLite can refuse the switch to
  // WAL with SQLITE_BUSY without calling the busy handler (seen about once in
  // 300 concurrent opens of a fresh file), so wait here as the handler would.
  const int limit_ms = BusyTimeoutMs();
  for (int waited_ms = 0;; waited_ms += 5) {
    int rc = sqlite3_exec(db_, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return;
    if (rc != SQLITE_BUSY || waited_ms >= limit_ms) throw std::runtime_error(StoreError(db_));
    sqlite3_sleep(5);
  }
}

void ResultStore::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw std::runtime_error("results file '" + path_ + "': " + msg);
  }
}

int64_t ResultStore::InsertRun(const RunReport& r, const std::string& created_at, bool* inserted) {
  // The UNIQUE index decides, inside this transaction: a run whose key is
  // already stored (another sweep got there first) is not stored again.
  Stmt run(db_,
           "INSERT INTO runs(created_at, kind, label, seed, run_key, config_json) VALUES(?,?,?,?,?,?) "
           "ON CONFLICT(run_key) DO NOTHING");
  run.Bind(1, created_at.empty() ? NowUtc() : created_at).Bind(2, r.kind).Bind(3, r.label);
  run.Bind(4, static_cast<int64_t>(r.seed));
  if (r.run_key.empty()) run.BindNull(5);
  else run.Bind(5, r.run_key);
  run.Bind(6, ConfigToJson(r.config).dump());
  run.Run();
  if (sqlite3_changes(db_) == 0) {
    *inserted = false;
    Stmt old(db_, "SELECT id FROM runs WHERE run_key = ?");
    old.Bind(1, r.run_key);
    if (!old.Step()) throw std::runtime_error("results store: run key " + r.run_key + " neither stored nor found");
    return old.Int(0);
  }
  *inserted = true;
  int64_t id = sqlite3_last_insert_rowid(db_);

  Stmt cfg(db_, "INSERT INTO run_config(run_id, key, value) VALUES(?,?,?)");
  for (const auto& [k, v] : r.config) cfg.Bind(1, id).Bind(2, k).Bind(3, v).Run();

  Stmt met(db_, "INSERT INTO metrics(run_id, ord, name, num, text, is_int) VALUES(?,?,?,?,?,?)");
  int64_t ord = 0;
  for (const auto& f : r.fields) {
    met.Bind(1, id).Bind(2, ord++).Bind(3, f.name);
    if (auto* i = std::get_if<int64_t>(&f.value)) met.Bind(4, static_cast<double>(*i)).BindNull(5).Bind(6, int64_t{1});
    else if (auto* d = std::get_if<double>(&f.value)) met.Bind(4, *d).BindNull(5).Bind(6, int64_t{0});
    else met.BindNull(4).Bind(5, std::get<std::string>(f.value)).Bind(6, int64_t{0});
    met.Run();
  }
  Stmt ser(db_, "INSERT INTO series(run_id, name, unit, t_ns, value, axis) VALUES(?,?,?,?,?,?)");
  for (const auto& s : r.series) {
    const std::string axis = AxisName(s.axis);
    for (size_t i = 0; i < s.t.size(); ++i)
      ser.Bind(1, id).Bind(2, s.name).Bind(3, s.unit).Bind(4, s.t[i]).Bind(5, s.v[i]).Bind(6, axis).Run();
  }
  Stmt his(db_, "INSERT INTO histograms(run_id, name, lower, upper, count) VALUES(?,?,?,?,?)");
  for (const auto& h : r.histograms)
    for (const auto& b : h.buckets)
      his.Bind(1, id).Bind(2, h.name).Bind(3, b.lower).Bind(4, b.upper).Bind(5, static_cast<int64_t>(b.count)).Run();
  Stmt ev(db_, "INSERT INTO events(run_id, t_ns, kind, detail, axis) VALUES(?,?,?,?,?)");
  for (const auto& e : r.events)
    ev.Bind(1, id).Bind(2, e.t).Bind(3, e.kind).Bind(4, e.detail).Bind(5, std::string(AxisName(e.axis))).Run();
  return id;
}

std::vector<int64_t> ResultStore::SaveRuns(const std::vector<RunReport>& reports, std::vector<bool>* inserted,
                                           const std::vector<std::string>& created_at) {
  try {
    Exec("BEGIN IMMEDIATE");
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot write results file '" + path_ + "': " + e.what());
  }
  try {
    std::vector<int64_t> ids;
    std::vector<bool> fresh;
    for (size_t i = 0; i < reports.size(); ++i) {
      bool in = false;
      ids.push_back(InsertRun(reports[i], i < created_at.size() ? created_at[i] : std::string(), &in));
      fresh.push_back(in);
    }
    Exec("COMMIT");
    if (inserted) *inserted = std::move(fresh);
    return ids;
  } catch (const std::exception& e) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw std::runtime_error("cannot write results file '" + path_ + "': " + e.what());
  }
}

int64_t ResultStore::SaveRun(const RunReport& report, bool* inserted) {
  std::vector<bool> in;
  int64_t id = SaveRuns({report}, &in).front();
  if (inserted) *inserted = in.front();
  return id;
}

int64_t ResultStore::RunCount() const {
  Stmt s(db_, "SELECT COUNT(*) FROM runs");
  s.Step();
  return s.Int(0);
}

std::map<std::string, int64_t> ResultStore::RunKeys() const {
  std::map<std::string, int64_t> out;
  Stmt s(db_, "SELECT run_key, id FROM runs WHERE run_key IS NOT NULL ORDER BY id");
  while (s.Step()) out[s.Text(0)] = s.Int(1);
  return out;
}

bool ResultStore::HasRunKey(const std::string& key) const {
  Stmt s(db_, "SELECT 1 FROM runs WHERE run_key = ? LIMIT 1");
  s.Bind(1, key);
  return s.Step();
}

static Field ReadField(const Stmt& s, int name_col) {
  Field f;
  f.name = s.Text(name_col);
  if (s.Type(name_col + 1) != SQLITE_NULL) {
    if (s.Int(name_col + 3)) f.value = static_cast<int64_t>(s.Real(name_col + 1));
    else f.value = s.Real(name_col + 1);
  } else {
    f.value = s.Text(name_col + 2);
  }
  return f;
}

std::vector<RunSummary> ResultStore::ListRuns() const {
  std::vector<RunSummary> out;
  Stmt runs(db_, "SELECT id, created_at, kind, label, seed, COALESCE(run_key,'') FROM runs ORDER BY id");
  while (runs.Step()) {
    RunSummary s;
    s.id = runs.Int(0);
    s.created_at = runs.Text(1);
    s.kind = runs.Text(2);
    s.label = runs.Text(3);
    s.seed = static_cast<uint64_t>(runs.Int(4));
    s.run_key = runs.Text(5);
    out.push_back(std::move(s));
  }
  // Two bulk queries instead of two per run.
  Stmt cfg(db_, "SELECT run_id, key, value FROM run_config ORDER BY run_id, rowid");
  size_t i = 0;
  while (cfg.Step()) {
    int64_t id = cfg.Int(0);
    while (i < out.size() && out[i].id < id) ++i;
    if (i < out.size() && out[i].id == id) out[i].config.emplace_back(cfg.Text(1), cfg.Text(2));
  }
  Stmt met(db_, "SELECT run_id, name, num, text, is_int FROM metrics ORDER BY run_id, ord");
  i = 0;
  while (met.Step()) {
    int64_t id = met.Int(0);
    while (i < out.size() && out[i].id < id) ++i;
    if (i < out.size() && out[i].id == id) out[i].fields.push_back(ReadField(met, 1));
  }
  return out;
}

RunReport ResultStore::LoadRun(int64_t id) const {
  RunReport r;
  Stmt run(db_, "SELECT kind, label, seed, COALESCE(run_key,'') FROM runs WHERE id = ?");
  run.Bind(1, id);
  if (!run.Step()) throw std::runtime_error("no run " + std::to_string(id) + " in '" + path_ + "'");
  r.kind = run.Text(0);
  r.label = run.Text(1);
  r.seed = static_cast<uint64_t>(run.Int(2));
  r.run_key = run.Text(3);
  Stmt cfg(db_, "SELECT key, value FROM run_config WHERE run_id = ? ORDER BY rowid");
  cfg.Bind(1, id);
  while (cfg.Step()) r.config.emplace_back(cfg.Text(0), cfg.Text(1));
  Stmt met(db_, "SELECT name, num, text, is_int FROM metrics WHERE run_id = ? ORDER BY ord");
  met.Bind(1, id);
  while (met.Step()) r.fields.push_back(ReadField(met, 0));
  Stmt ser(db_, series_axis_ ? "SELECT name, unit, t_ns, value, axis FROM series WHERE run_id = ? ORDER BY rowid"
                             : "SELECT name, unit, t_ns, value, 'time' FROM series WHERE run_id = ? ORDER BY rowid");
  ser.Bind(1, id);
  while (ser.Step()) {
    std::string name = ser.Text(0);
    if (r.series.empty() || r.series.back().name != name) {
      Series s{name, ser.Text(1), {}, {}};
      if (std::string axis = ser.Text(4); !AxisFromName(axis, &s.axis))
        throw std::runtime_error("run " + std::to_string(id) + " in '" + path_ + "': series " + name + " has axis '" +
                                 axis + "', which this build does not know; use a newer cachelab");
      r.series.push_back(std::move(s));
    }
    r.series.back().t.push_back(ser.Int(2));
    r.series.back().v.push_back(ser.Real(3));
  }
  Stmt his(db_, "SELECT name, lower, upper, count FROM histograms WHERE run_id = ? ORDER BY rowid");
  his.Bind(1, id);
  while (his.Step()) {
    std::string name = his.Text(0);
    if (r.histograms.empty() || r.histograms.back().name != name) r.histograms.push_back(HistogramData{name, {}});
    r.histograms.back().buckets.push_back({his.Real(1), his.Real(2), static_cast<uint64_t>(his.Int(3))});
  }
  Stmt ev(db_, events_axis_ ? "SELECT t_ns, kind, detail, axis FROM events WHERE run_id = ? ORDER BY rowid"
                            : "SELECT t_ns, kind, detail, 'time' FROM events WHERE run_id = ? ORDER BY rowid");
  ev.Bind(1, id);
  while (ev.Step()) {
    RunEvent e{ev.Int(0), ev.Text(1), ev.Text(2)};
    if (std::string axis = ev.Text(3); !AxisFromName(axis, &e.axis))
      throw std::runtime_error("run " + std::to_string(id) + " in '" + path_ + "': event " + e.kind + " has axis '" +
                               axis + "', which this build does not know; use a newer cachelab");
    r.events.push_back(std::move(e));
  }
  return r;
}

}  // namespace cachelab
