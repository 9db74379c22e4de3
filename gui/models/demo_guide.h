// What the guided page of each teaching demo shows: the chart that tells its
// story (in order of preference) and the headline fields compared across its
// variants; and the page's rich text (narrative before, numbers, conclusion after).
#pragma once
#include <QString>
#include <QStringList>
#include <vector>

#include "gui/models/demo_invocations.h"
#include "gui/models/loaded_run.h"

namespace cachelab::gui {

struct DemoGuide {
  QString title;
  QStringList charts;  // catalog names, best first
  std::vector<std::pair<QString, std::string>> fields;  // header, field name
};

// The demos `cachelab demo list` offers, for choosing one the store lacks yet.
QStringList KnownDemos();
// The guide of a known demo; unknown demos get a generic one (hit rate, DB load).
DemoGuide GuideFor(const QString& demo);
// Side-panel HTML: title, narrative, a variant-by-field table, conclusion and
// `chart_note` (why the chart shown is not the demo's first choice, if so).
QString DemoPageHtml(const DemoInvocation& inv, const std::vector<LoadedRun>& runs, const QString& chart_note);

}  // namespace cachelab::gui
