#include "gui/charts/demo_chart_choice.h"

#include "gui/charts/chart_catalog.h"

namespace cachelab::gui {
namespace {

// A chart "fits" when it drew something and lacked nothing it asked for.
int Fit(const QString& name, const std::vector<LoadedRun>& runs) {
  BuiltChart c = BuildChart(name, runs);
  int fit = !c.has_data ? 0 : c.lacks_some ? 1 : 2;
  c.Delete();
  return fit;
}

QString TitleOf(const QString& name) {
  for (const auto& c : ChartCatalog())
    if (c.name == name) return c.title;
  return name;
}

}  // namespace

ChartChoice ChooseDemoChart(const QStringList& preferred, const std::vector<LoadedRun>& runs) {
  for (const QString& p : preferred)
    if (Fit(p, runs) == 2) {
      if (p == preferred.front()) return {p, {}};
      return {p, QStringLiteral("These runs lack the data of the %1 chart; showing %2 instead.")
                     .arg(TitleOf(preferred.front()), TitleOf(p))};
    }
  for (const auto& c : ChartCatalog())
    if (Fit(c.name, runs) == 2)
      return {c.name, QStringLiteral("These runs store no series for the %1 chart; showing %2, the best available.")
                          .arg(TitleOf(preferred.value(0)), c.title)};
  // A chart that only says what is missing beats one that looks like data.
  return {preferred.value(0), QStringLiteral("These runs store no time series, so the charts are empty: the table "
                                             "above holds the measured numbers.")};
}

}  // namespace cachelab::gui
