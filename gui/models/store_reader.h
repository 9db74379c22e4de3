// The GUI's only door to the results store. Each call opens the file afresh
// (read-only): cheap with SQLite, and it sees runs a child process just saved
// and a file that did not exist when the GUI started.
#pragma once
#include <QString>
#include <optional>
#include <vector>

#include "gui/models/loaded_run.h"
#include "results/result_store.h"

namespace cachelab::gui {

class StoreReader {
 public:
  explicit StoreReader(QString path) : path_(std::move(path)) {}
  const QString& path() const { return path_; }

  // Empty (and no error) when the file does not exist yet.
  std::vector<RunSummary> ListRuns(QString* error = nullptr) const;
  std::optional<LoadedRun> Load(int64_t id, QString* error = nullptr) const;
  std::vector<LoadedRun> LoadMany(const std::vector<int64_t>& ids, QString* error = nullptr) const;

 private:
  QString path_;
};

}  // namespace cachelab::gui
