// The SQLite results store. One transaction per run: a run that fails or is
// interrupted leaves nothing behind. WAL mode, so the dashboard can read while a
// run writes and several processes can append runs to one file. run_key is
// UNIQUE: a run whose key is stored already is never stored twice, whichever
// process gets there first (INSERT ... ON CONFLICT DO NOTHING).
//
// The schema version (PRAGMA user_version) is checked on open for writing:
// older files are migrated (duplicate keys removed, first copy kept), a newer
// one is refused untouched, as is a non-empty SQLite file that is not a
// results file (another application's). A new or empty file is initialised.
//
// Default file: ./cachelab-results.db (override with --db or CACHELAB_DB).
// Lock wait: 30 s, or $CACHELAB_DB_BUSY_TIMEOUT_MS.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sim/run_report.h"

struct sqlite3;

namespace cachelab {

inline constexpr const char* kDefaultResultsFile = "cachelab-results.db";
// --db if given, else $CACHELAB_DB, else kDefaultResultsFile.
std::string ResolveResultsPath(const std::string& flag_value);

// One row of the run list (no series): what a table of runs shows.
struct RunSummary {
  int64_t id = 0;
  std::string created_at;  // UTC, ISO 8601
  std::string kind, label;
  std::string run_key;  // empty if the run has none
  uint64_t seed = 0;
  std::vector<std::pair<std::string, std::string>> config;
  std::vector<Field> fields;
};

class ResultStore {
 public:
  // Opens (creating if needed) the store. Throws std::runtime_error naming the file on failure.
  explicit ResultStore(const std::string& path, bool read_only = false);
  ~ResultStore();
  ResultStore(const ResultStore&) = delete;
  ResultStore& operator=(const ResultStore&) = delete;

  // Writes the whole report in one transaction; returns its run id: the new
  // one, or the stored run's when its run_key is there already (*inserted
  // false). Throws std::runtime_error naming the file when it cannot write.
  int64_t SaveRun(const RunReport& report, bool* inserted = nullptr);
  // Like SaveRun for several reports at once (all or nothing). created_at,
  // when given, keeps each run's original time (merge); else now.
  std::vector<int64_t> SaveRuns(const std::vector<RunReport>& reports, std::vector<bool>* inserted = nullptr,
                                const std::vector<std::string>& created_at = {});

  std::vector<RunSummary> ListRuns() const;
  // Throws std::runtime_error if there is no such run.
  RunReport LoadRun(int64_t id) const;
  int64_t RunCount() const;
  // run_key -> id of every run that has a key (the latest id if stored twice).
  std::map<std::string, int64_t> RunKeys() const;
  bool HasRunKey(const std::string& key) const;
  const std::string& path() const { return path_; }
  // PRAGMA user_version; a build writes only files up to kVersion.
  int SchemaVersion() const;
  static constexpr int kVersion = 3;

 private:
  int64_t InsertRun(const RunReport& report, const std::string& created_at, bool* inserted);
  void Exec(const char* sql);
  void Prepare();  // version check, own-file check, WAL, migration, schema
  void CheckOwnFile();  // throws unless the file is empty or a results file
  void SetWalMode();  // PRAGMA journal_mode=WAL, retried while another process holds the file
  static int BusyTimeoutMs();

  std::string path_;
  sqlite3* db_ = nullptr;
  bool series_axis_ = true;  // the series table has its axis column (not in files before version 2)
  bool events_axis_ = true;  // the events table has its axis column (not in files before version 3)
};

}  // namespace cachelab
