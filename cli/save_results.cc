#include "cli/save_results.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace cachelab::cli {

void CheckResultsPath(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    ResultStore check(path);
    return;
  }
  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  if (dir.empty()) dir = ".";
  if (!std::filesystem::is_directory(dir, ec))
    throw std::runtime_error("cannot open results file '" + path + "': no directory '" + dir.string() + "'");
  if (::access(dir.c_str(), W_OK | X_OK) != 0)
    throw std::runtime_error("cannot open results file '" + path + "': directory '" + dir.string() +
                             "' is not writable");
}

SaveOutcome SaveRunsTo(const std::string& path, const std::vector<RunReport>& reports) {
  SaveOutcome s;
  s.path = path;
  if (reports.empty()) return s;
  try {
    ResultStore store(path);
    s.ids = store.SaveRuns(reports, &s.inserted);
  } catch (const std::exception& e) {
    s.error = e.what();
    s.ids.clear();
    s.inserted.clear();
  }
  return s;
}

void PrintSaved(const SaveOutcome& s) {
  if (!s.error.empty() || s.ids.empty()) return;
  std::vector<int64_t> fresh, old;
  for (size_t i = 0; i < s.ids.size(); ++i) (s.inserted[i] ? fresh : old).push_back(s.ids[i]);
  auto list = [](const std::vector<int64_t>& ids) {
    if (ids.size() == 1) return std::to_string(ids[0]);
    return std::to_string(ids.front()) + "-" + std::to_string(ids.back());
  };
  if (!fresh.empty())
    std::fprintf(stderr, "saved run%s %s to %s\n", fresh.size() > 1 ? "s" : "", list(fresh).c_str(), s.path.c_str());
  if (!old.empty())
    std::fprintf(stderr, "%zu run%s already stored in %s (same parameters and seed, so the same results): %s\n",
                 old.size(), old.size() > 1 ? "s were" : " was", s.path.c_str(), list(old).c_str());
}

void FailIfUnsaved(const SaveOutcome& s) {
  if (s.error.empty()) return;
  std::string msg = s.error;
  if (msg.find(s.path) == std::string::npos) msg = "'" + s.path + "': " + msg;
  throw std::runtime_error("the results above were NOT saved: " + msg +
                           " (the printed output is the only copy; rerun with --db OTHER.db to store them)");
}

}  // namespace cachelab::cli
