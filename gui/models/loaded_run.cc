#include "gui/models/loaded_run.h"

#include <QStringList>

namespace cachelab::gui {

QString LegendName(int64_t id, const RunReport& report) {
  std::string label = report.label.empty() ? report.ConfigValue("strategy") : report.label;
  QString prefix = id > 0 ? QStringLiteral("#%1").arg(id) : QStringLiteral("live");
  return label.empty() ? prefix : prefix + " " + QString::fromStdString(label);
}

void DistinguishNames(std::vector<LoadedRun>& runs) {
  if (runs.size() < 2) return;
  std::vector<std::string> differing;
  for (const auto& [key, value] : runs.front().report.config) {
    for (const auto& r : runs)
      if (r.report.ConfigValue(key) != value) {
        differing.push_back(key);
        break;
      }
  }
  constexpr size_t kMaxKeys = 3;  // legends stay one line
  for (auto& r : runs) {
    QStringList parts;
    for (size_t i = 0; i < differing.size() && parts.size() < static_cast<qsizetype>(kMaxKeys); ++i) {
      std::string value = r.report.ConfigValue(differing[i]);
      if (r.report.label.find(value) == std::string::npos)  // the label already tells
        parts << QString::fromStdString(differing[i] + "=" + value);
    }
    if (!parts.isEmpty()) r.name = LegendName(r.id, r.report) + " " + parts.join(' ');
  }
}

const Series* FindSeries(const RunReport& report, const std::string& name) {
  for (const auto& s : report.series)
    if (s.name == name) return &s;
  return nullptr;
}

}  // namespace cachelab::gui
