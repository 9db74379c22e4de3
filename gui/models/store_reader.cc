#include "gui/models/store_reader.h"

#include <QFileInfo>
#include <exception>

#include "gui/models/run_names.h"

namespace cachelab::gui {

std::vector<RunSummary> StoreReader::ListRuns(QString* error) const {
  if (!QFileInfo::exists(path_)) return {};
  try {
    return ResultStore(path_.toStdString(), /*read_only=*/true).ListRuns();
  } catch (const std::exception& e) {
    if (error) *error = QString::fromUtf8(e.what());
    return {};
  }
}

std::optional<LoadedRun> StoreReader::Load(int64_t id, QString* error) const {
  try {
    if (!QFileInfo::exists(path_)) throw std::runtime_error("no results file '" + path_.toStdString() + "'");
    RunReport r = ResultStore(path_.toStdString(), /*read_only=*/true).LoadRun(id);
    return LoadedRun{id, LegendName(id, r), std::move(r)};
  } catch (const std::exception& e) {
    if (error) *error = QString::fromUtf8(e.what());
    return std::nullopt;
  }
}

std::vector<LoadedRun> StoreReader::LoadMany(const std::vector<int64_t>& ids, QString* error) const {
  std::vector<LoadedRun> out;
  for (int64_t id : ids)
    if (auto r = Load(id, error)) out.push_back(std::move(*r));
  NameByVaryingParameters(out);
  return out;
}

}  // namespace cachelab::gui
