// `cachelab run --progress`: machine-readable progress on stderr, one JSON
// object a line, for the dashboard that runs the CLI as a child process:
//   {"type":"progress","done":N,"total":N,"sim_s":X}
//   {"type":"series","name":S,"unit":U,"t":[ns...],"v":[...]}   (points new since the last line)
//   {"type":"runs","done":N,"total":N}                          (comparisons)
//   {"type":"saved","ids":[...],"db":PATH}
// Any other stderr line (e.g. "cachelab: error: ...") is for people.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "lab/experiment.h"

namespace cachelab::cli {

class ProgressJson {
 public:
  // Progress line, then the series points added since the previous call.
  void OnProgress(const Progress& p);
  static void OnRuns(uint64_t done, uint64_t total);
  static void OnSaved(const std::vector<int64_t>& ids, const std::string& db);

 private:
  std::map<std::string, size_t> sent_;  // series name -> points already sent
};

}  // namespace cachelab::cli
