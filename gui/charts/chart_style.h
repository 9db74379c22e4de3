// Shared look: one colour per run (so a run keeps its colour across charts),
// one pen style per metric of a run, readable fonts at README size.
#pragma once
#include <QColor>
#include <QPen>
#include <QString>
#include <QtCharts/QChart>

namespace cachelab::gui {

QColor RunColor(size_t run_index);
QPen RunPen(size_t run_index, Qt::PenStyle style = Qt::SolidLine);
// A new chart with the title, the legend at the bottom and no animations
// (renders must be complete the moment they are taken).
QChart* NewChart(const QString& title);
// Says in the chart what data it lacked, e.g. "no series hit_ratio in these runs".
void MarkNoData(QChart* chart, const QString& what);

}  // namespace cachelab::gui
