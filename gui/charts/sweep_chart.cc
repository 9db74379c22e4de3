// The sweep view as a chart: a heatmap of a metric over two parameters of the
// runs shown (their sweep's axes), the other varying parameters held at a
// chosen value or averaged.
#include "gui/charts/chart_builders.h"
#include "gui/charts/heatmap_view.h"

namespace cachelab::gui {

BuiltChart BuildSweepChart(const std::vector<LoadedRun>& runs, const QString& metric, const QString& x,
                           const QString& y, const QMap<QString, QString>& fixed) {
  BuiltChart out;
  out.name = "sweep";
  out.title = QStringLiteral("Sweep: a metric over two parameters (cells: mean ± 95% CI)");
  QStringList dims = SweepDimensions(runs);
  if (dims.isEmpty()) {
    out.subtitle = runs.empty() ? QStringLiteral("no run selected")
                                : QStringLiteral("select runs that differ in a parameter (a sweep) to see them as a grid");
    return out;
  }
  for (const QString& d : {x, y})
    if (!d.isEmpty() && !dims.contains(d)) {
      out.subtitle = QStringLiteral("'%1' does not vary among these runs; parameters that do: %2").arg(d, dims.join(", "));
      return out;
    }
  for (auto f = fixed.begin(); f != fixed.end(); ++f) {
    if (!dims.contains(f.key())) {
      out.subtitle = QStringLiteral("'%1' does not vary among these runs; parameters that do: %2").arg(f.key(), dims.join(", "));
      return out;
    }
    if (!DimensionValues(runs, f.key()).contains(f.value())) {
      out.subtitle = QStringLiteral("no run has %1=%2; its values: %3")
                         .arg(f.key(), f.value(), DimensionValues(runs, f.key()).join(", "));
      return out;
    }
  }
  auto* view = new SweepView(runs, metric, x, y, fixed);
  const Heatmap& h = view->grid()->heatmap();
  if (!metric.isEmpty() && !NumericFields(runs).contains(metric)) {
    delete view;
    out.subtitle = QStringLiteral("no metric '%1' in these runs").arg(metric);
    return out;
  }
  out.custom = view;
  out.has_data = true;
  QStringList notes{QStringLiteral("%1 runs").arg(runs.size())};
  if (QString status = StatusText(h); !status.isEmpty()) notes << status;
  notes << QStringLiteral("click a cell to open its runs");
  out.subtitle = notes.join(" · ");
  return out;
}

BuiltChart BuildSweepChart(const std::vector<LoadedRun>& runs) { return BuildSweepChart(runs, {}, {}, {}, {}); }

}  // namespace cachelab::gui
