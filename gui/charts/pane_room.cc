#include "gui/charts/pane_room.h"

#include <QFontMetricsF>
#include <QStringList>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <cmath>

namespace cachelab::gui {
namespace {

QString Formatted(const QString& format, double v) {
  return format.isEmpty() ? QString::number(v) : QString::asprintf(format.toLatin1().constData(), v);
}

// The tick labels the axis draws (value axes: evenly spaced ticks; log axes: one per decade).
QStringList LabelTexts(QAbstractAxis* axis) {
  QStringList out;
  if (auto* a = qobject_cast<QBarCategoryAxis*>(axis)) return a->categories();
  if (auto* a = qobject_cast<QValueAxis*>(axis)) {
    int n = std::max(2, a->tickCount());
    for (int i = 0; i < n; ++i) out << Formatted(a->labelFormat(), a->min() + i * (a->max() - a->min()) / (n - 1));
  } else if (auto* a = qobject_cast<QLogValueAxis*>(axis); a && a->min() > 0) {
    for (double v = a->min(); v <= a->max() * 1.0001; v *= a->base()) out << Formatted(a->labelFormat(), v);
  }
  return out;
}

}  // namespace

QSizeF PlotAreaNeeded(const QChart* pane) {
  double w = 160, h = 80;  // below this a pane shows no line's shape anyway
  for (QAbstractAxis* a : pane->axes()) {
    if (!a->isVisible()) continue;
    bool vertical = a->orientation() == Qt::Vertical;
    double along = 0;
    if (a->isTitleVisible() && !a->titleText().isEmpty())
      along = QFontMetricsF(a->titleFont()).horizontalAdvance(a->titleText()) + 16;
    if (a->labelsVisible()) {
      QFontMetricsF fm(a->labelsFont());
      // Along a vertical axis, or rotated across a horizontal one, a label takes its height.
      bool by_height = vertical == (a->labelsAngle() % 180 == 0);
      QStringList labels = LabelTexts(a);
      double each = 0;
      for (const QString& t : labels) each = std::max(each, by_height ? fm.height() : fm.horizontalAdvance(t));
      along = std::max(along, static_cast<double>(labels.size()) * (each + 8));
    }
    (vertical ? h : w) = std::max(vertical ? h : w, along);
  }
  return {std::ceil(w), std::ceil(h)};
}

}  // namespace cachelab::gui
