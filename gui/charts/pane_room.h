// The room a pane's plot area needs so that Qt Charts elides none of its axis
// titles or tick labels: a vertical title runs along the plot area's height,
// tick labels sit side by side along their axis. A still image cannot show
// the elided text in a tooltip, so it is sized from this.
#pragma once
#include <QSizeF>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace cachelab::gui {

QSizeF PlotAreaNeeded(const QChart* pane);

}  // namespace cachelab::gui
