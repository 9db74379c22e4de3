#include "gui/models/loaded_run.h"

namespace cachelab::gui {

QString LegendName(int64_t id, const RunReport& report) {
  std::string label = report.label.empty() ? report.ConfigValue("strategy") : report.label;
  QString prefix = id > 0 ? QStringLiteral("#%1").arg(id) : QStringLiteral("live");
  return label.empty() ? prefix : prefix + " " + QString::fromStdString(label);
}

const Series* FindSeries(const RunReport& report, const std::string& name) {
  for (const auto& s : report.series)
    if (s.name == name) return &s;
  return nullptr;
}

}  // namespace cachelab::gui
