// Saving finished runs without ever losing them: when the results file cannot
// be written (locked past the busy timeout, read-only, disk full, a newer
// schema), the command still prints its results, then fails (exit 1) with a
// message naming the file and the reason.
#pragma once
#include <string>
#include <vector>

#include "results/result_store.h"

namespace cachelab::cli {

struct SaveOutcome {
  std::string path;
  std::vector<int64_t> ids;
  std::vector<bool> inserted;  // false: the same run_key was stored already
  std::string error;           // non-empty: nothing was saved
};

// Fails now (as opening it would) if the results file could not be written at
// the end, and creates nothing: an existing file must open as a results store,
// a new one's directory must exist and be writable. So a command whose input
// turns out bad leaves no empty results file behind.
void CheckResultsPath(const std::string& path);
// Opens the store (if not open yet) and saves; never throws for a store error.
SaveOutcome SaveRunsTo(const std::string& path, const std::vector<RunReport>& reports);
// "saved run 7 to x.db", "run already stored as 5 in x.db", ...; stderr.
void PrintSaved(const SaveOutcome& s);
// After the results have been printed: throws std::runtime_error if they were not saved.
void FailIfUnsaved(const SaveOutcome& s);

}  // namespace cachelab::cli
