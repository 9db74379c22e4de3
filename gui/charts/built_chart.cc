#include "gui/charts/built_chart.h"

#include <QWidget>
#include <QtCharts/QChart>

#include "results/pair_label.h"

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

void LegendRow::AddPairNote(int64_t id, const RunReport& report) {
  bool drawn = ids.empty() || ids.front() == id;
  QString who = QString::fromStdString(report.ConfigValue("strategy") + " x " + report.ConfigValue("invalidation"));
  if (drawn) cell = who;
  PairLabel l = PairLabelOf(report);
  if (l.mark.empty()) return;
  QString mark = QString::fromStdString(l.mark);
  // A run drawn as this row because it equals the drawn one by construction: the
  // label says "= #2 ..." already, the note only why.
  if (!drawn && QString::fromStdString(l.same_as) == cell) mark = QStringLiteral("by construction");
  else if (!drawn) mark = QStringLiteral("#%1 %2").arg(id).arg(mark);
  if (!note.split("; ").contains(mark)) note += (note.isEmpty() ? "" : "; ") + mark;
  if (!note_tip.isEmpty()) note_tip += "\n";
  note_tip += QStringLiteral("#%1 %2: ").arg(id).arg(who) + (l.same_as.empty() ? QStringLiteral("n/a: ") : QString()) +
              QString::fromStdString(l.note);
}

void BuiltChart::Delete() {
  for (QChart* p : panes) delete p;
  panes.clear();
  delete custom;
  custom = nullptr;
}

}  // namespace cachelab::gui
