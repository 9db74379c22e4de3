#include "gui/charts/built_chart.h"

#include <QWidget>
#include <QtCharts/QChart>

namespace cachelab::gui {

QString LegendRow::Label() const {
  if (ids.empty()) return name;
  QString label = QStringLiteral("#%1 %2").arg(ids.front()).arg(name);
  if (name == QStringLiteral("#%1").arg(ids.front())) label = name;
  if (ids.size() > 1) {
    QStringList same;
    for (size_t i = 1; i < ids.size(); ++i) {
      QString other = i - 1 < static_cast<size_t>(same_names.size()) ? same_names[static_cast<qsizetype>(i - 1)] : QString();
      same << (other.isEmpty() || other.startsWith('#') ? QStringLiteral("#%1").arg(ids[i])
                                                         : QStringLiteral("#%1 %2").arg(ids[i]).arg(other));
    }
    label += " = " + same.join(", ");
  }
  return label;
}

void BuiltChart::Delete() {
  for (QChart* p : panes) delete p;
  panes.clear();
  delete custom;
  custom = nullptr;
}

}  // namespace cachelab::gui
