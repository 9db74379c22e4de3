#include "gui/charts/chart_style.h"

#include <QFont>
#include <QtCharts/QLegend>

namespace cachelab::gui {

QColor RunColor(size_t run_index) {
  // Okabe-Ito: distinguishable for colour-blind readers.
  static const QColor kColors[] = {QColor(0, 114, 178),  QColor(213, 94, 0),  QColor(0, 158, 115),
                                   QColor(204, 121, 167), QColor(230, 159, 0), QColor(86, 180, 233),
                                   QColor(0, 0, 0),       QColor(240, 228, 66)};
  return kColors[run_index % std::size(kColors)];
}

QPen RunPen(size_t run_index, Qt::PenStyle style) {
  QPen pen(RunColor(run_index));
  pen.setWidthF(2.0);
  pen.setStyle(style);
  return pen;
}

QChart* NewChart(const QString& title) {
  auto* chart = new QChart;
  chart->setTitle(title);
  QFont f = chart->titleFont();
  f.setPointSize(12);
  f.setBold(true);
  chart->setTitleFont(f);
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->setMargins(QMargins(6, 6, 6, 6));
  return chart;
}

void MarkNoData(QChart* chart, const QString& what) {
  chart->setTitle(chart->title() + QStringLiteral(" — ") + what);
}

}  // namespace cachelab::gui
