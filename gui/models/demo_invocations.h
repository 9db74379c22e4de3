// Stored teaching demos grouped into invocations: one `cachelab demo NAME`
// saves all its variants in one transaction (consecutive ids, kind "demo",
// the same "demo" and "conclusion" fields), so an invocation is a run of
// adjacent ids that share those and never repeat a variant.
#pragma once
#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

#include "results/result_store.h"

namespace cachelab::gui {

struct DemoInvocation {
  QString demo;  // e.g. "stampede"
  std::vector<int64_t> ids;
  QStringList variants;  // in id order
  QString created_at;    // of the first run
  QString narrative, conclusion;
};

// A string field of a run, or empty.
QString FieldText(const std::vector<Field>& fields, const std::string& name);
// Every demo invocation in the store's runs, newest first.
std::vector<DemoInvocation> GroupDemoRuns(const std::vector<RunSummary>& runs);
// The newest invocation of `demo`, or nullptr.
const DemoInvocation* LatestInvocation(const std::vector<DemoInvocation>& all, const QString& demo);

}  // namespace cachelab::gui
