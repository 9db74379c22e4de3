// Display names from what varies: runs shown together are named by the
// parameters that differ among them ("write-behind", "xfetch ring"), never by
// a truncated full label. Choice-like parameters show their value alone,
// numbers as key=value; a parameter that does not vary is never named.
#pragma once
#include <QString>
#include <QStringList>
#include <string>
#include <vector>

#include "gui/models/loaded_run.h"

namespace cachelab::gui {

// The config keys whose values differ among `runs` (a key absent from a run
// counts as differing), the most telling first (strategy, invalidation,
// stampede, partitioner, ...), then in config order.
std::vector<std::string> VaryingKeys(const std::vector<LoadedRun>& runs);
// "write-behind" for choice-like keys, "alpha=1.2" for the others.
QString ParamText(const std::string& key, const std::string& value);
// Sets every run's name to its values of VaryingKeys (a demo run: its variant);
// runs that differ in nothing are named by their id alone.
void NameByVaryingParameters(std::vector<LoadedRun>& runs);

}  // namespace cachelab::gui
