// The end of a live run or replay whose cleanup failed: its results are valid
// and already out (printed, stored), but the lab's keys stayed on a server.
// That must not pass silently (exit 0), so the command fails afterwards.
#pragma once
#include <string>
#include <vector>

#include "cli/save_results.h"

namespace cachelab::cli {

// After the results have been printed: throws std::runtime_error (exit 1)
// naming every node that kept keys and how to remove them by hand, or, with
// none, does what FailIfUnsaved does. A failed save is reported too.
void FailIfKeysLeft(const SaveOutcome& saved, const std::vector<std::string>& keys_left);

}  // namespace cachelab::cli
